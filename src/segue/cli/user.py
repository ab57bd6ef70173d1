"""`segue user export ID` and `segue user delete ID`: an operator answering a member's data request by hand."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from segue.cli.db import settings_or_exit

app = typer.Typer(help="One member's stored data: export or delete it.", no_args_is_help=True)

DELETE_WARNING = "This deletes the member's likes, history and saved answers for good; add --yes to confirm."
UserId = Annotated[str, typer.Argument(help="The member's Discord user id (digits).", show_default=False)]


def _check(user_id: str) -> str:
    if not user_id.isdecimal() or len(user_id) > 20:
        typer.echo(f"{user_id!r} is not a Discord user id (up to 20 digits).", err=True)
        raise typer.Exit(2)
    return user_id


async def _with_store(action: str, user_id: str) -> dict[str, Any] | None:
    from segue.state import open_state

    store = await open_state(settings_or_exit())
    try:
        if action == "export":
            return await store.export_user(user_id)
        await store.delete_user(user_id)
        return None
    finally:
        await store.close()


def _run(action: str, user_id: str) -> dict[str, Any] | None:
    from segue.state.sql import READ_ERRORS

    try:
        return asyncio.run(_with_store(action, user_id))
    except READ_ERRORS as exc:
        typer.echo(f"The state database is not reachable: {exc}", err=True)
        raise typer.Exit(1) from None


@app.command("export")
def export(
    user_id: UserId,
    output: Annotated[Path | None, typer.Option(help="Write here instead of standard output.")] = None,
) -> None:
    """Everything stored about one member, as JSON."""
    data = json.dumps(_run("export", _check(user_id)), indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(data)
        return
    output.write_text(data + "\n", encoding="utf-8")
    typer.echo(f"wrote {output}")


@app.command("delete")
def delete(
    user_id: UserId,
    yes: Annotated[bool, typer.Option("--yes", help="Confirm: this cannot be undone.")] = False,
) -> None:
    """Delete everything stored about one member (needs --yes)."""
    if not yes:
        typer.echo(DELETE_WARNING, err=True)
        raise typer.Exit(2)
    _run("delete", _check(user_id))
    typer.echo(f"deleted everything stored about {user_id}")


def register(main: typer.Typer) -> None:
    """Attach `segue user` to the main app."""
    main.add_typer(app, name="user")
