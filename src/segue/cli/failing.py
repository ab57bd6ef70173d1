"""How the command line fails: one line saying what to do, one exit code per kind of problem, tracebacks at DEBUG.

Every command runs inside `SegueGroup.invoke`, so a setting that is wrong exits with the same code whichever
command read it, and a service that cannot be reached at start (Discord, a dataset host, Redis, the database)
is one line naming the host, the reason and the setting to check, instead of a page of traceback.
"""

from __future__ import annotations

import difflib
import errno
import logging
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import typer
from typer.core import TyperGroup

from segue.cli.commands import HOMES, load
from segue.errors import ConfigError, SegueError, UnknownSeedError, UserInputError

log = logging.getLogger("segue.cli")

EXIT_FAILED = 1
"""Something went wrong while working: a catalog missing, a service away, a download that failed."""
EXIT_USAGE = 2
"""The command line or a setting is wrong (click uses 2 for usage errors too): fix it and run again."""

ASK_WORDS = frozenset({"recommend", "rec", "discover", "search", "find", "query", "play", "music", "suggest"})
"""Commands people guess from the Discord bot's /recommend: `segue ask` is the one that does it here."""
SERVICES: tuple[tuple[str, str], ...] = (
    ("discord_api_base", "SEGUE_DISCORD_API_BASE"),
    ("discord_gateway_url", "SEGUE_DISCORD_GATEWAY_URL"),
    ("redis_url", "SEGUE_REDIS_URL"),
    ("database_url", "SEGUE_DATABASE_URL"),
)
DATASET_HINT = "SEGUE_DATASETS_DIR, or `segue catalog download --from DIR`"


def exit_code(exc: SegueError) -> int:
    """EXIT_USAGE for a wrong setting or input, EXIT_FAILED for the rest (an unknown artist is not a usage error)."""
    if isinstance(exc, ConfigError) or (isinstance(exc, UserInputError) and not isinstance(exc, UnknownSeedError)):
        return EXIT_USAGE
    return EXIT_FAILED


def fail(exc: SegueError, *, prefix: str = "") -> typer.Exit:
    """Print the error's words on stderr and return the Exit to raise (with its code)."""
    typer.echo(f"{prefix}{exc.user_message}", err=True)
    return typer.Exit(exit_code(exc))


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, socket.gaierror) or "dns" in type(exc).__name__.lower() or "name not found" in str(exc):
        return "DNS lookup failed"
    if isinstance(exc, ConnectionRefusedError) or "refused" in str(exc).lower() or "Connect call failed" in str(exc):
        return "connection refused"
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


def _configured_hosts() -> dict[str, str]:
    """host -> the setting naming it, read leniently (a bad setting must not hide the network error)."""
    try:
        from segue.config import load_settings

        settings = load_settings()
    except Exception:  # the settings may be what is broken; then no host is named from them
        return {}
    hosts: dict[str, str] = {}
    for field, variable in SERVICES:
        url = getattr(settings, field, None)
        host = urlsplit(str(url)).hostname if url else None
        if host:
            hosts.setdefault(host, variable)
    return hosts


NETWORK_ERRNOS = frozenset(
    {errno.ECONNREFUSED, errno.ECONNRESET, errno.ETIMEDOUT, errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}
)


def _is_network(exc: BaseException) -> bool:
    """A failure to connect somewhere, not any OSError: a missing file or a full disk is not the network."""
    if isinstance(exc, ConnectionError | socket.gaierror | socket.herror):
        return True
    if isinstance(exc, OSError) and (exc.errno in NETWORK_ERRNOS or getattr(exc, "host", None) is not None):
        return True
    return "connect" in type(exc).__name__.lower() and not isinstance(exc, OSError)


def unreachable(exc: BaseException) -> str | None:
    """'cannot reach HOST: REASON; check the network or SETTING' when `exc` is a failure to connect, else None."""
    network = [e for e in _chain(exc) if _is_network(e)]
    if not network:
        return None
    host = next((str(h) for e in network if (h := getattr(e, "host", None))), None)
    modules = " ".join(type(e).__module__ for e in _chain(exc))
    hosts = _configured_hosts()
    if host is None and ("redis" in modules or "sqlalchemy" in modules or "asyncpg" in modules):
        wanted = "SEGUE_REDIS_URL" if "redis" in modules else "SEGUE_DATABASE_URL"
        host = next((h for h, v in hosts.items() if v == wanted), None) or wanted.removeprefix("SEGUE_").lower()
    shown = "discord.com" if host == "discord.com" else (host or "a network service")
    setting = hosts.get(host or "") or ("SEGUE_DISCORD_API_BASE" if host and "discord" in host else None)
    if setting is None and host and "download" in modules:
        setting = DATASET_HINT
    advice = f"check the network or {setting}" if setting else "check the network"
    return f"cannot reach {shown}: {_reason(network[-1])}; {advice}"


def closest_command(name: str, known: list[str]) -> str | None:
    """The command a mistyped or guessed name most likely meant."""
    if name.lower() in ASK_WORDS and "ask" in known:
        return "ask"
    found = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if found:
        return found[0]
    # A typo of a guess ('recomend'): still what `ask` does.
    return "ask" if "ask" in known and difflib.get_close_matches(name.lower(), ASK_WORDS, n=1, cutoff=0.8) else None


def _tidy(command: Any) -> None:
    """Flags take no value: typer shows `<bool>` beside them, which reads as if one were needed."""
    for param in command.params:
        if getattr(param, "is_flag", False):
            param.metavar = ""
    if not getattr(command, "_segue_tidy", False):
        command._segue_tidy = True
        make_help = command.get_help_option

        def help_option(ctx: Any) -> Any:
            option = make_help(ctx)
            if option is not None:
                option.metavar = ""
            return option

        command.get_help_option = help_option
    for child in getattr(command, "commands", {}).values():
        _tidy(child)


class SegueGroup(TyperGroup):
    """The `segue` group: commands built on first use (`segue.cli.commands`), friendlier unknown commands, flags
    without `<bool>`, and one way of failing.

    Contexts are typed `Any`: typer ships its own copy of click, whose classes are not a public import.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return list(dict.fromkeys([*HOMES, *super().list_commands(ctx)]))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if args and not name.startswith("-") and self.get_command(ctx, name) is None:
            guess = closest_command(name, self.list_commands(ctx))
            ctx.fail(f"No such command '{name}'." + (f" Did you mean `{guess}`?" if guess else ""))
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands:
            for name, loaded in load(cmd_name).items():
                self.commands.setdefault(name, loaded)
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _tidy(command)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _tidy(self)
        super().format_help(ctx, formatter)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except SegueError as exc:
            log.debug("%s", exc, exc_info=exc)
            raise fail(exc) from None
        except (typer.Exit, typer.Abort):
            raise  # a command that already said what went wrong, and chose its exit code
        except Exception as exc:
            line = unreachable(exc)
            if line is None:
                raise
            log.debug("start-up failed", exc_info=exc)
            typer.echo(line, err=True)
            raise typer.Exit(EXIT_FAILED) from None
