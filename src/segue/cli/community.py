"""`segue eval-community`: replay a HetRec fold's train split as likes and measure what community learning adds."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from segue.cli.failing import fail
from segue.errors import SegueError


def eval_community(
    fold: Annotated[int, typer.Option(min=0, max=9, help="Which fold of lastfm-folds to replay.")] = 0,
    users: Annotated[int | None, typer.Option(min=1, help="Score a random sample of this many test users.")] = None,
    output: Annotated[Path | None, typer.Option(help="Write/replace the section in this Markdown file.")] = None,
) -> None:
    """P@10 of /discover with and without the likes other members gave (paired, per user)."""
    from segue.app import ensure_catalog, open_core
    from segue.cli.ask import _settings
    from segue.evaluation.community import run
    from segue.reports import update_file

    try:
        settings = _settings()
        ensure_catalog(settings)
        core = open_core(settings)
        if settings.datasets_dir is None:
            typer.echo("Set SEGUE_DATASETS_DIR to the folder holding lastfm-folds.", err=True)
            raise typer.Exit(2)
        report = asyncio.run(run(core.service, core.catalog, settings.datasets_dir, fold, max_users=users))
    except SegueError as exc:
        raise fail(exc) from None
    command = f"segue eval-community --fold {fold}" + (f" --users {users}" if users else "")
    text = report.markdown(command)
    typer.echo(text)
    if output is not None:
        update_file(output, text, "community-learning", title="Evaluation")


def register(app: typer.Typer) -> None:
    app.command("eval-community")(eval_community)
