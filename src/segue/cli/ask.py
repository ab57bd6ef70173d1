"""`segue ask`, `segue similar`, `segue console`, `segue run`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the asking commands to the main app."""
