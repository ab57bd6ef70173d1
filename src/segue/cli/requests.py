"""`segue eval-requests`: how often answers to realistic Discord requests hold what a curator would accept."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from segue.cli.failing import fail
from segue.errors import SegueError

DEFAULT_REQUESTS = Path("tests/data/realistic_requests.json")


def eval_requests(
    split: Annotated[
        str, typer.Option(help="Which requests to ask: dev (default), heldout (end of tuning only) or all.")
    ] = "dev",
    requests: Annotated[Path, typer.Option(help="The request file with accept lists.")] = DEFAULT_REQUESTS,
    output: Annotated[Path | None, typer.Option(help="Write/replace the section in this Markdown file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")] = False,
) -> None:
    """Ask every request of one split and report, per category, how many answers a curator would accept."""
    from segue.app import ensure_catalog, open_core
    from segue.cli.ask import _settings
    from segue.evaluation.requests import SPLIT_CHOICES, evaluate_requests, load_requests, request_section
    from segue.reports import update_file

    if split not in SPLIT_CHOICES:
        typer.echo(f"Unknown split {split!r}; choose one of {', '.join(SPLIT_CHOICES)}.", err=True)
        raise typer.Exit(2)
    if not requests.is_file():
        typer.echo(f"No request file at {requests}.", err=True)
        raise typer.Exit(2)
    try:
        chosen = load_requests(requests, split)
        settings = _settings()
        ensure_catalog(settings)
        core = open_core(settings)
        report = asyncio.run(evaluate_requests(core.service, core.catalog, chosen, split=split))
    except (ValueError, KeyError) as exc:
        typer.echo(f"Unusable request file {requests}: {exc}", err=True)
        raise typer.Exit(2) from None
    except SegueError as exc:
        raise fail(exc) from None
    command = f"segue eval-requests --split {split}"
    command += "" if requests == DEFAULT_REQUESTS else f" --requests {requests.as_posix()}"
    text = report.markdown(command, requests.as_posix())
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    else:
        typer.echo(text)
    if output is not None:  # each request file keeps a section of its own
        update_file(output, text, request_section(requests.as_posix())[1], title="Evaluation")


def register(app: typer.Typer) -> None:
    """Attach `eval-requests`."""
    app.command("eval-requests")(eval_requests)
