"""Where each `segue` command lives: running one imports and builds only its own module's commands.

typer turns every command it is given into click's objects before the first one runs (~13 ms for all of Segue's,
plus their modules' imports: BENCHMARKS.md, issue 14, `segue ask`), so the `segue` group (`SegueGroup`) is
given none: it asks `load` for a command when it is called or listed. A new command goes in `HOMES`, in the
place `segue --help` lists it; its module's `register(app)` attaches it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import typer
from typer.main import get_group

from segue.cli.collector import paused

HOMES: dict[str, str] = {
    # commands, then the groups of commands, as typer lists them
    "ask": "segue.cli.ask",
    "console": "segue.cli.ask",
    "run": "segue.cli.ask",
    "playground": "segue.cli.ask",
    "analytics": "segue.cli.analytics",
    "eval-community": "segue.cli.community",
    "eval": "segue.cli.evaluate",
    "eval-folds": "segue.cli.evaluate",
    "eval-neighbors": "segue.cli.evaluate",
    "eval-moods": "segue.cli.moods",
    "eval-requests": "segue.cli.requests",
    "eval-words": "segue.cli.words",
    "config": "segue.cli.config_cmd",
    "invite": "segue.cli.invite",
    "catalog": "segue.cli.catalog",
    "db": "segue.cli.db",
    "user": "segue.cli.user",
    "ctl": "segue.cli.ctl",
    "similar": "segue.cli.ask",
}
"""Command name -> the module whose `register(app)` attaches it."""


def load(name: str) -> dict[str, Any]:
    """The click commands (and groups) of the module `name` lives in, built from that module alone; none for an
    unknown name. Values typed `Any`: typer ships its own copy of click, whose classes are not a public import."""
    home = HOMES.get(name)
    if home is None:
        return {}
    commands = typer.Typer()
    with paused():  # the module and what it imports (the settings' pydantic) live as long as the process
        import_module(home).register(commands)
    return dict(get_group(commands).commands)
