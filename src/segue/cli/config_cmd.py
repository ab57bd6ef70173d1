"""`segue config`: show the effective settings (secrets masked) or the Markdown table for the README."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy.engine import make_url

from segue.config import load_settings
from segue.errors import ConfigError


def config(
    markdown: Annotated[bool, typer.Option("--markdown", help="Print the README's configuration table.")] = False,
) -> None:
    """Validate and print the settings (every secret masked)."""
    from segue.settings_doc import markdown_table

    if markdown:
        typer.echo(markdown_table())
        return
    try:
        settings = load_settings()
    except ConfigError as exc:
        typer.echo(exc.user_message, err=True)
        raise typer.Exit(2) from None
    for name, value in settings.model_dump().items():
        if "SecretStr" in type(value).__name__:
            value = "***"
        elif name == "database_url" and value:
            value = make_url(value).render_as_string(hide_password=True)
        typer.echo(f"SEGUE_{name.upper()}={value}")


def register(app: typer.Typer) -> None:
    """Attach `config`."""
    app.command("config")(config)
