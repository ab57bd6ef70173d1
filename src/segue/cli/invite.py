"""`segue invite`: the URL that adds the bot to a server, with the scopes and permissions it needs."""

from __future__ import annotations

from typing import Annotated

import typer

from segue.cli.failing import EXIT_USAGE
from segue.config import load_settings

NO_ID = (
    "I need the application id: pass --client-id ID (the Application ID on the developer portal's "
    "General Information page), or set SEGUE_DISCORD_TOKEN and I read it from the token."
)


def invite(
    client_id: Annotated[
        int | None,
        typer.Option("--client-id", help="The application (client) id; default: read from SEGUE_DISCORD_TOKEN."),
    ] = None,
    guild: Annotated[
        int | None, typer.Option("--guild", help="Pre-select this server id on the consent screen.")
    ] = None,
) -> None:
    """Print the OAuth2 URL that adds Segue to a server (scopes bot and applications.commands)."""
    from segue.bot.invite import SCOPES, application_id_from_token, invite_url, needed_permissions, permission_names

    if client_id is None:
        token = load_settings().discord_token
        client_id = application_id_from_token(token.get_secret_value()) if token is not None else None
    if client_id is None:
        typer.echo(NO_ID, err=True)
        raise typer.Exit(EXIT_USAGE)
    permissions = needed_permissions()
    typer.echo(invite_url(client_id, guild_id=guild))
    typer.echo(f"scopes: {' '.join(SCOPES)}", err=True)
    typer.echo(f"permissions {permissions.value}: {', '.join(permission_names(permissions))}", err=True)


def register(app: typer.Typer) -> None:
    """Attach `segue invite` to the main app."""
    app.command("invite")(invite)
