"""`segue ask`, `segue similar artist|track`, `segue console`, `segue run` and `segue playground`: thin shells."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from segue.catalog.layout import current_catalog_at
from segue.cli.collector import paused
from segue.cli.failing import fail
from segue.config import Settings, load_settings
from segue.domain import Answer, ArtistAnswer, Novelty
from segue.errors import SegueError, UserInputError
from segue.logs import setup_logging

if TYPE_CHECKING:
    from rich.console import Console

    from segue.app import Core
    from segue.catalog.store import Catalog

# Imports that only some commands need are made inside them: `segue ask` runs as a fresh process each time, and
# its start-up is mostly imports (BENCHMARKS.md, engine section).

T = TypeVar("T")
similar_app = typer.Typer(help="Artists or tracks similar to one you name.", no_args_is_help=True)


def _settings(**overrides: object) -> Settings:
    settings = load_settings(**overrides)
    setup_logging(settings.log_level_number, settings.log_file, fmt=settings.log_format, console=settings.log_console)
    return settings


def _core(settings: Settings) -> Core:
    from segue.app import ensure_catalog, open_core

    ensure_catalog(settings)
    return open_core(settings)


@contextmanager
def _one_blas_thread(settings: Settings) -> Iterator[None]:
    """numpy, when first imported in here, starts OpenBLAS with one thread: one answer's few small products gain
    nothing from a second, and a started pool's thread spins for a while, ~0.1 s of a core that a busy machine's
    other work wants (BENCHMARKS.md, issue 14). `serving_threads` limits a started pool, but only after it has
    spun; OpenBLAS reads its size from the environment once, at load. Not when the catalog is to be built first
    (its dense solves want every core), nor over a size the user set; and the environment is given back (a test's
    later subprocesses keep every core)."""
    key = "OPENBLAS_NUM_THREADS"
    before = os.environ.get(key)
    if current_catalog_at(settings.catalog_dir):
        os.environ.setdefault(key, "1")
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(key, None)


def _live(settings: Settings, call: Callable[[Core], Coroutine[Any, Any, T]]) -> T:
    """One call on a core with the configured live sources; their session and stores close when it returns."""
    with _one_blas_thread(settings):
        from segue.app import answering_core, ensure_catalog

    ensure_catalog(settings)

    async def go() -> T:
        async with answering_core(settings) as core:
            # The name indexes a bot or an earlier `segue ask` kept: read in ~30 ms, built in ~0.2 s of CPU.
            core.catalog.names_file = settings.names_file
            answer = await call(core)
            _keep_names(core.catalog)
            return answer

    return asyncio.run(go())


def _keep_names(catalog: Catalog) -> None:
    """Keep the catalog's name indexes for the next process when this one built them (`Catalog.keep_built_names`);
    a data directory that cannot be written only means the next process builds them again."""
    with suppress(OSError, ValueError):
        catalog.keep_built_names()


def _emit(doc: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")


AnswerT = TypeVar("AnswerT", Answer, ArtistAnswer)


def _answer(
    call: Callable[[Core], Coroutine[Any, Any, AnswerT]],
    as_json: bool,
    show: Callable[[AnswerT, Console], None],
) -> None:
    """Run one service call on the live core; print one JSON document or a table; friendly errors, no traceback."""
    try:
        with paused():  # the engine start and the answer (imports, tables, two full collections of 25-30 ms)
            answer = _live(_settings(), call)
    except SegueError as exc:
        raise fail(exc) from None
    if as_json:
        _emit(answer.to_dict())
        return
    from rich.console import Console

    show(answer, Console())


def _print_answer(answer: Answer, out: Console, lang: str | None = None) -> None:
    """In `lang`, else in the language the request was written in (English when nothing tells)."""
    from segue.cli.show import print_answer
    from segue.i18n import Catalogs, locale_of

    chosen = locale_of(lang) or locale_of(answer.query.language)
    print_answer(answer, out, Catalogs().speaker(chosen) if chosen not in (None, "en") else None)


def _print_artists(answer: ArtistAnswer, out: Console) -> None:
    from segue.cli.show import print_artists

    print_artists(answer, out)


def ask(
    text: Annotated[str, typer.Argument(help="What you want, e.g. 'something like Daft Punk but chill'.")],
    count: Annotated[int | None, typer.Option("-n", "--count", min=1, max=10, help="How many tracks (1-10).")] = None,
    novelty: Annotated[Novelty | None, typer.Option(help="familiar, balanced or deep.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")] = False,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Answer in this language (en, es, fr, de, pt-BR); default: the request's own."),
    ] = None,
) -> None:
    """Ask for music in plain words."""
    if lang is not None:  # the catalogs and Babel only for --lang: `--json` never speaks (~15 ms of imports)
        from segue.i18n import LOCALES, locale_of

        if locale_of(lang) is None:
            spoken = ", ".join(code.replace("_", "-") for code in LOCALES)
            raise fail(UserInputError(f"unknown language {lang!r}", user_message=f"--lang takes one of: {spoken}."))
    _answer(
        lambda core: core.service.ask(text, count=count, novelty=novelty),
        as_json,
        lambda answer, out: _print_answer(answer, out, lang),
    )


@similar_app.command("artist")
def similar_artist(
    name: Annotated[str, typer.Argument(help="An artist name (typos are forgiven).")],
    count: Annotated[int | None, typer.Option("-n", "--count", min=1, max=10)] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Artists similar to NAME."""
    _answer(lambda core: core.service.similar_artists(name, count=count), as_json, _print_artists)


@similar_app.command("track")
def similar_track(
    track: Annotated[str, typer.Argument(help='A track as "Title - Artist".')],
    count: Annotated[int | None, typer.Option("-n", "--count", min=1, max=10)] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Tracks similar to TRACK."""
    _answer(lambda core: core.service.similar_tracks(track, count=count), as_json, _print_answer)


def console_loop() -> None:
    """An interactive prompt answering each line as `segue ask` does (Ctrl-D or 'quit' to leave)."""
    from rich.console import Console
    from rich.markup import escape

    from segue.cli.show import print_answer, print_artists

    try:
        core = _core(_settings())
    except SegueError as exc:
        raise fail(exc) from None
    out = Console()
    out.print(f"[bold]Segue[/bold] ready ({core.catalog.n_tracks:,} tracks). Ask for music; 'quit' to leave.")
    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                line = input("segue> ")
            except (EOFError, KeyboardInterrupt):
                out.print()
                break
            if line.strip().lower() in {"quit", "exit", ":q"}:
                break
            if not line.strip():
                continue
            try:
                if line.startswith("/similar "):
                    print_artists(loop.run_until_complete(core.service.similar_artists(line[9:])), out)
                else:
                    print_answer(loop.run_until_complete(core.service.ask(line)), out)
            except SegueError as exc:
                out.print(f"[yellow]{escape(exc.user_message)}[/yellow]")
    finally:
        loop.close()


def shard_overrides(shard_ids: str | None, shard_count: int | None) -> dict[str, object]:
    """`--shard-ids 0,1 --shard-count 4` as settings overrides (Settings checks the range and repeats)."""
    overrides: dict[str, object] = {}
    if shard_count is not None:
        overrides["shard_count"] = shard_count
    if shard_ids is not None:
        try:
            overrides["shard_ids"] = [int(part) for part in shard_ids.split(",")]
        except ValueError:
            raise UserInputError(
                f"--shard-ids {shard_ids!r} is not a list of shard numbers",
                user_message="--shard-ids takes shard numbers separated by commas, e.g. --shard-ids 0,1",
            ) from None
    return overrides


def run(
    shard_ids: Annotated[
        str | None, typer.Option("--shard-ids", help="Shards this process runs, e.g. 0,1 (needs --shard-count).")
    ] = None,
    shard_count: Annotated[
        int | None, typer.Option("--shard-count", help="Total shards over all processes (SEGUE_SHARD_COUNT).")
    ] = None,
) -> None:
    """Start Segue: the Discord bot when a token is set, else the playground (a local Discord on a web page).

    Several processes share one bot: each runs --shard-ids of --shard-count on one Redis and PostgreSQL.
    """
    try:
        settings = _settings(**shard_overrides(shard_ids, shard_count))
        if settings.discord_token is not None:
            # Start-up allocates for good (modules, the catalog, the engine): the collector's passes over it would
            # find next to nothing. The runner turns it back on, tuned, once its core is open.
            gc.disable()
            from segue.bot.runner import run_bot

            # For the bot's life: its numpy (and its engine workers', spawned with this environment) starts
            # OpenBLAS with the one thread it serves with, so no second thread spins on the core the start-up's
            # imports and the workers' engines need (BENCHMARKS.md, issue 14, cold start of `segue run`).
            with _one_blas_thread(settings):
                code = run_bot(settings)
            raise typer.Exit(code)
        from segue.playground.runner import run_playground

        raise typer.Exit(run_playground(settings))
    except SegueError as exc:
        raise fail(exc) from None


def playground() -> None:
    """Try Segue without a token: a Discord stand-in, the real bot on it, and a web page to talk to it."""
    try:
        from segue.playground.runner import run_playground

        raise typer.Exit(run_playground(_settings()))
    except SegueError as exc:
        raise fail(exc) from None


def register(app: typer.Typer) -> None:
    """Attach the asking commands to the main app."""
    app.command("ask")(ask)
    app.add_typer(similar_app, name="similar")
    app.command("console")(console_loop)
    app.command("run")(run)
    app.command("playground")(playground)
