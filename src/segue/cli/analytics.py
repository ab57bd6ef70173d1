"""`segue analytics [--since 7d] [--json]`: what people asked for, how often, how fast, and what failed."""

from __future__ import annotations

import asyncio
import json
import time
from typing import TYPE_CHECKING, Annotated

import typer

from segue.cli.db import settings_or_exit
from segue.errors import StorageError, UserInputError

if TYPE_CHECKING:
    from segue.state.records import AnalyticsReport


async def _report(since: float, until: float) -> AnalyticsReport:
    from segue.state import open_state

    store = await open_state(settings_or_exit())
    try:
        return await store.analytics(since, until)
    finally:
        await store.close()


def register(app: typer.Typer) -> None:
    @app.command("analytics")
    def analytics(
        since: Annotated[str, typer.Option(help="From when: 7d, 12h, 2w or a date (2026-11-01).")] = "7d",
        as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    ) -> None:
        """Popular requests, active members, commands per day, latency, cache hits, errors and live sources."""
        from segue.state.summary import parse_since, sections

        now = time.time()
        try:
            start = parse_since(since, now)
            report = asyncio.run(_report(start, now))
        except (UserInputError, StorageError) as exc:
            typer.echo(exc.user_message, err=True)
            raise typer.Exit(2 if isinstance(exc, UserInputError) else 1) from None
        if as_json:
            typer.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
            return
        for title, lines in sections(report):
            typer.echo(title)
            for line in lines:
                typer.echo(f"  {line}")
