"""`segue catalog download|build|stats`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from segue.catalog.datasets import UnknownDatasetError, resolve_datasets
from segue.catalog.download import download_datasets
from segue.config import load_settings
from segue.errors import SegueError

app = typer.Typer(help="Download, build and inspect the open-data music catalog.", no_args_is_help=True)


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
    try:
        settings = load_settings()
        results = download_datasets(
            datasets, settings.downloads_dir, mirror=mirror or settings.datasets_dir, show_progress=progress
        )
    except SegueError as exc:
        typer.echo(f"error: {exc.user_message}", err=True)
        raise typer.Exit(1) from None
    for result in results:
        typer.echo(result.summary())
