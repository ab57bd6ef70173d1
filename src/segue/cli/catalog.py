"""`segue catalog download|build|stats`."""

from __future__ import annotations

import typer

app = typer.Typer(help="Download, build and inspect the open-data music catalog.", no_args_is_help=True)
