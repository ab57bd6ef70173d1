"""`segue eval-moods`: how often answers satisfy checkable natural-language requests."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from segue.cli.failing import fail
from segue.errors import SegueError

DEFAULT_QUERIES = Path("tests/data/mood_queries.json")
DEFAULT_LANGUAGES = Path("tests/data/language_queries.json")


def eval_moods(
    queries: Annotated[Path, typer.Option(help="The query file with checks.")] = DEFAULT_QUERIES,
    output: Annotated[Path | None, typer.Option(help="Write/replace the section in this Markdown file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")] = False,
    languages: Annotated[
        Path | None, typer.Option(help="Requests in other languages, reported per language beside English.")
    ] = DEFAULT_LANGUAGES,
    split: Annotated[str, typer.Option(help="Which split of the language file: dev, heldout or all.")] = "all",
) -> None:
    """Ask every query of the file and report the share of returned tracks that satisfy it."""
    from segue.app import ensure_catalog, open_core
    from segue.cli.ask import _settings
    from segue.evaluation.moods import evaluate_queries, language_markdown, language_rows, load_checks
    from segue.reports import update_file

    if not queries.is_file():
        typer.echo(f"No query file at {queries}.", err=True)
        raise typer.Exit(2)
    if split not in ("dev", "heldout", "all"):
        typer.echo(f"--split takes dev, heldout or all, not {split!r}.", err=True)
        raise typer.Exit(2)
    try:
        settings = _settings()
        ensure_catalog(settings)
        core = open_core(settings)
        report = asyncio.run(evaluate_queries(core.service, core.catalog, load_checks(queries)))
        wanted = None if split == "all" else split
        other = None
        if languages is not None and languages.is_file():
            other_checks = load_checks(languages, split=wanted)
            other = asyncio.run(evaluate_queries(core.service, core.catalog, other_checks))
    except SegueError as exc:
        raise fail(exc) from None
    command = "segue eval-moods" if split == "all" else f"segue eval-moods --split {split}"
    if as_json:
        doc = report.to_dict()
        if other is not None:
            doc["languages"] = language_rows(report, other)
            doc["languages_failing"] = other.to_dict()["failing"]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        typer.echo(report.markdown("segue eval-moods"))
        if other is not None:
            typer.echo(language_markdown(report, other, command))
    if output is not None:
        update_file(output, report.markdown("segue eval-moods"), "moods", title="Evaluation")
        if other is not None:
            update_file(output, language_markdown(report, other, command), "languages", title="Evaluation")


def register(app: typer.Typer) -> None:
    """Attach `eval-moods`."""
    app.command("eval-moods")(eval_moods)
