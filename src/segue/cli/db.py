"""`segue db`: migrate the state database, show its revision, and back up the SQLite file while the bot runs."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Annotated

import typer

from segue.config import Settings, load_settings
from segue.errors import ConfigError

app = typer.Typer(help="The state database: migrations and backups.", no_args_is_help=True)


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        typer.echo(exc.user_message, err=True)
        raise typer.Exit(2) from None


def _url(settings: Settings) -> str:
    from segue.state import database_url

    try:
        return database_url(settings.database_url, settings.data_dir)
    except ConfigError as exc:
        typer.echo(exc.user_message, err=True)
        raise typer.Exit(2) from None


async def _revisions(url: str, *, upgrade: bool) -> tuple[str | None, str | None]:
    from segue.state import make_engine
    from segue.state import migrate as migrations

    engine = make_engine(url)
    try:
        if upgrade:
            await migrations.upgrade(engine)
        return await migrations.current_revision(engine), migrations.head_revision()
    finally:
        await engine.dispose()


def _run(url: str, *, upgrade: bool) -> tuple[str | None, str | None]:
    from segue.state.sql import READ_ERRORS

    try:
        return asyncio.run(_revisions(url, upgrade=upgrade))
    except READ_ERRORS as exc:
        from sqlalchemy.engine import make_url

        shown = make_url(url).render_as_string(hide_password=True)
        typer.echo(f"Cannot reach the database at {shown}: {exc}", err=True)
        raise typer.Exit(1) from None


@app.command("upgrade")
def upgrade() -> None:
    """Migrate the database to the newest schema (the bot also does this at start unless told not to)."""
    current, head = _run(_url(settings_or_exit()), upgrade=True)
    typer.echo(f"database at revision {current} (newest: {head})")


@app.command("current")
def current() -> None:
    """Print the database's schema revision and the newest this version knows; exit 1 when behind."""
    now, head = _run(_url(settings_or_exit()), upgrade=False)
    typer.echo(f"database at revision {now or 'none'} (newest: {head})")
    if now != head:
        raise typer.Exit(1)


@app.command("backup")
def backup(
    target: Annotated[Path, typer.Argument(help="File to write (must not exist).", show_default=False)],
) -> None:
    """A consistent copy of the SQLite database, safe while the bot is writing to it (SQLite's online backup)."""
    from sqlalchemy.engine import make_url  # here, not at the top: every `segue` command would import SQLAlchemy

    url = make_url(_url(settings_or_exit()))
    if not url.drivername.startswith("sqlite") or not url.database:
        typer.echo("backup copies the SQLite database; for PostgreSQL use pg_dump.", err=True)
        raise typer.Exit(2)
    source = Path(url.database)
    if not source.is_file():
        typer.echo(f"No database at {source} yet.", err=True)
        raise typer.Exit(1)
    if target.exists():
        typer.echo(f"{target} exists; choose a new file.", err=True)
        raise typer.Exit(2)
    partial = target.with_name(target.name + ".partial")
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(partial) as dst:
        src.backup(dst)
    partial.replace(target)
    typer.echo(f"backed up {source} to {target} ({target.stat().st_size:,} bytes)")


def register(main: typer.Typer) -> None:
    """Attach `segue db` to the main app."""
    main.add_typer(app, name="db")
