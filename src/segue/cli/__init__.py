"""The `segue` command line: a thin typer shell over the services (no logic here)."""

from __future__ import annotations

import gc
import logging
from typing import Annotated

import typer

import segue
from segue.cli.failing import SegueGroup

# Every command is built when it is called or listed, from its module (`segue.cli.commands.HOMES`): `segue ask`
# imports and builds none of the others.
app = typer.Typer(
    cls=SegueGroup,
    name="segue",
    help="Segue recommends music. Ask it for something like an artist, a mood or an era.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class _VoiceNotice(logging.Filter):
    """discord.py warns twice at start that voice is unsupported; Segue never uses voice: once, at DEBUG."""

    def __init__(self) -> None:
        super().__init__()
        self.said = False

    def filter(self, record: logging.LogRecord) -> bool:
        if "voice will NOT be supported" not in record.getMessage():
            return True
        if self.said or not logging.getLogger().isEnabledFor(logging.DEBUG):
            return False
        self.said = True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        record.msg, record.args = "voice is off (Segue does not use it): %s", (record.getMessage(),)
        return True


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"segue {segue.__version__}")
        raise typer.Exit()


@app.callback()
def _segue(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print Segue's version and exit."),
    ] = False,
) -> None:
    """Segue recommends music. Ask it for something like an artist, a mood or an era."""
    voice = logging.getLogger("discord.client")
    if not any(isinstance(f, _VoiceNotice) for f in voice.filters):
        voice.addFilter(_VoiceNotice())


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    finally:
        # The process ends with the command. The interpreter's shutdown collections would walk every object the
        # imports and the catalog made, to free nothing the exit does not (~70 ms of a `segue ask`: BENCHMARKS.md,
        # issue 14); frozen, the collector leaves them to the exit.
        gc.freeze()
