"""`segue eval` and `segue eval-folds`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the evaluation commands to the main app."""
