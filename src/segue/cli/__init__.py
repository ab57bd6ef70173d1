"""The `segue` command line: a thin typer shell over the services (no logic here)."""

from __future__ import annotations

import typer

from segue.cli import analytics, ask, catalog, community, config_cmd, db, evaluate, moods, requests, user

app = typer.Typer(
    name="segue",
    help="Segue recommends music. Ask it for something like an artist, a mood or an era.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(catalog.app, name="catalog")
app.add_typer(db.app, name="db")
app.add_typer(user.app, name="user")
ask.register(app)
analytics.register(app)
community.register(app)
evaluate.register(app)
moods.register(app)
requests.register(app)
config_cmd.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
