"""`segue config`: show the effective settings (secrets masked), the Markdown table for the README, or .env.example."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import SecretStr

from segue.config import load_settings
from segue.errors import ConfigError

ENV_EXAMPLE_HEADER = """\
# Every setting Segue reads, with its default, generated from the code by `segue config --env-example`
# (a test checks it lists every one). Copy it to .env (read from the working directory) or to an
# EnvironmentFile / ConfigMap, and uncomment what you change. Lists are JSON: SEGUE_SHARD_IDS=[0,1].
# docs/OPERATIONS.md says which ones a deployment needs.
"""


def _env_value(value: Any) -> str:
    if value is None or isinstance(value, SecretStr):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return json.dumps(list(value), separators=(",", ":"))
    return str(value) if not isinstance(value, Path) else value.as_posix()


def env_example() -> str:
    """The .env.example text: one commented-out `SEGUE_X=default` per setting, its description above it."""
    from segue.config import Settings
    from segue.settings_doc import env_names

    lines = [ENV_EXAMPLE_HEADER]
    for name, info in Settings.model_fields.items():
        first, *aliases = env_names(name, info)
        also = f" (also read as {', '.join(aliases)})" if aliases else ""
        lines.append(f"# {info.description}{also}")
        lines.append(f"#{first}={_env_value(info.get_default(call_default_factory=True))}")
        lines.append("")
    return "\n".join(lines)


def config(
    markdown: Annotated[bool, typer.Option("--markdown", help="Print the README's configuration table.")] = False,
    env: Annotated[
        bool, typer.Option("--env-example", help="Print .env.example: every setting and its default.")
    ] = False,
) -> None:
    """Validate and print the settings (every secret masked)."""
    from segue.settings_doc import markdown_table

    if markdown:
        typer.echo(markdown_table())
        return
    if env:
        typer.echo(env_example(), nl=False)
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
            from sqlalchemy.engine import make_url  # here: every `segue` command would import SQLAlchemy

            value = make_url(value).render_as_string(hide_password=True)
        typer.echo(f"SEGUE_{name.upper()}={value}")


def register(app: typer.Typer) -> None:
    """Attach `config`."""
    app.command("config")(config)
