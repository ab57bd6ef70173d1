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


def eval_moods(
    queries: Annotated[Path, typer.Option(help="The query file with checks.")] = DEFAULT_QUERIES,
    output: Annotated[Path | None, typer.Option(help="Write/replace the section in this Markdown file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")] = False,
) -> None:
    """Ask every query of the file and report the share of returned tracks that satisfy it."""
    from segue.app import ensure_catalog, open_core
    from segue.cli.ask import _settings
    from segue.evaluation.moods import evaluate_queries, load_checks
    from segue.reports import update_file

    if not queries.is_file():
        typer.echo(f"No query file at {queries}.", err=True)
        raise typer.Exit(2)
    try:
        settings = _settings()
        ensure_catalog(settings)
        core = open_core(settings)
        report = asyncio.run(evaluate_queries(core.service, core.catalog, load_checks(queries)))
    except SegueError as exc:
        raise fail(exc) from None
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    else:
        typer.echo(report.markdown("segue eval-moods"))
    if output is not None:
        update_file(output, report.markdown("segue eval-moods"), "moods", title="Evaluation")


def register(app: typer.Typer) -> None:
    """Attach `eval-moods`."""
    app.command("eval-moods")(eval_moods)
