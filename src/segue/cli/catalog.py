"""`segue catalog download|build|stats`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from segue.catalog.datasets import UnknownDatasetError, resolve_datasets
from segue.cli.failing import fail
from segue.config import load_settings
from segue.errors import DatasetError, SegueError

app = typer.Typer(help="Download, build and inspect the open-data music catalog.", no_args_is_help=True)


def _from_setting(exc: SegueError, datasets_dir: Path | None) -> SegueError:
    """A dataset error from the folder SEGUE_DATASETS_DIR names (not --from) also says what to do with it."""
    if datasets_dir is None or not isinstance(exc, DatasetError):
        return exc
    from segue.catalog.download import datasets_dir_hint

    return DatasetError(str(exc), user_message=f"{exc.user_message}\n{datasets_dir_hint(datasets_dir)}")


@app.command("download")
def download(
    names: Annotated[
        list[str] | None, typer.Argument(help="Datasets to fetch (default: all of them).", show_default=False)
    ] = None,
    mirror: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Copy from this local mirror instead of downloading (default: SEGUE_DATASETS_DIR when set).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: when it is a terminal)."),
    ] = None,
) -> None:
    """Fetch the open datasets into the data directory, verifying every file's checksum."""
    try:
        datasets = resolve_datasets(names)
    except UnknownDatasetError as exc:
        typer.echo(exc.user_message, err=True)
        raise typer.Exit(2) from None
    from segue.catalog.download import download_datasets  # aiohttp: only when downloading

    settings = load_settings()
    try:
        results = download_datasets(
            datasets, settings.downloads_dir, mirror=mirror or settings.datasets_dir, show_progress=progress
        )
    except SegueError as exc:
        raise fail(_from_setting(exc, None if mirror else settings.datasets_dir), prefix="error: ") from None
    for result in results:
        typer.echo(result.summary())


@app.command("build")
def build(
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Dataset root holding spotify-songs/, freemusicc/, ... "
            "(default: SEGUE_DATASETS_DIR, else the download directory).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Catalog directory (default: <data dir>/catalog).", show_default=False),
    ] = None,
) -> None:
    """Import and merge the datasets into the catalog; the previous catalog stays until the new one is complete."""
    from segue.catalog.build import build_catalog

    settings = load_settings()
    try:
        root = source or settings.datasets_dir or settings.downloads_dir
        manifest = build_catalog(root, output or settings.catalog_dir)
    except SegueError as exc:
        raise fail(_from_setting(exc, None if source else settings.datasets_dir), prefix="error: ") from None
    counts = manifest["counts"]
    typer.echo(
        f"built {output or settings.catalog_dir} in {manifest['build_seconds']:.1f} s: "
        f"{counts['tracks']:,} tracks, {counts['artists']:,} artists, {counts['tags']:,} tags"
    )


@app.command("stats")
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable JSON.")] = False,
    path: Annotated[
        Path | None,
        typer.Option("--catalog", help="Catalog directory (default: <data dir>/catalog).", show_default=False),
    ] = None,
) -> None:
    """Counts per source, tags and top genres, audio-feature and MP3 coverage, artists with neighbours."""
    import json

    from segue.catalog.stats import catalog_stats, render_text
    from segue.catalog.store import Catalog

    try:
        with Catalog.open(path or load_settings().catalog_dir) as catalog:
            figures = catalog_stats(catalog)
    except SegueError as exc:
        raise fail(exc, prefix="error: ") from None
    typer.echo(json.dumps(figures, indent=2) if as_json else render_text(figures))


def register(main: typer.Typer) -> None:
    """Attach `segue catalog` to the main app."""
    main.add_typer(app, name="catalog")
