"""`segue playground` (and `segue run` without a token): the stand-in, the real bot on it, and the page.

The bot is built by the production composition (`segue.bot.runner.build_bot`) from the same Settings, with only
the Discord REST base and gateway URL pointed at the stand-in, so the playground runs the code Discord would.
Ctrl-C or SIGTERM closes the bot first (in-flight answers finish), then the stand-in, then the web server; exit 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Iterator
from typing import TYPE_CHECKING

from segue.config import Settings
from segue.errors import ConfigError
from segue.playground.server import PlaygroundServer, start_site
from segue.playground.session import Playground

if TYPE_CHECKING:
    from segue.app import Core

log = logging.getLogger(__name__)
PLAYGROUND_GUILD_WAIT = 0.1
"""Seconds discord.py waits after READY for more servers; the stand-in has sent its only one by then."""


def run_playground(settings: Settings, *, say: bool = True) -> int:
    """Build the catalog if needed, open the core and serve the playground until a signal; the exit code."""
    from segue.app import ensure_catalog, open_core, serving_threads

    ensure_catalog(settings, say=say)
    serving_threads()
    core = open_core(settings)
    core.catalog.warm_up()
    log.info("catalog ready in %.1f s", core.load_seconds)
    return asyncio.run(serve_playground(settings, core))


async def serve_playground(settings: Settings, core: Core, *, stop: asyncio.Event | None = None) -> int:
    """Start everything, print the page's URL, wait for `stop` (set by SIGINT/SIGTERM), then shut down in order.

    The web port is bound before the bot connects, so a busy port fails at once; the URL is printed once the bot
    is ready, so the first command typed on the page finds the synced command list.
    """
    from segue.bot.deps import BotDeps
    from segue.bot.ops import operations
    from segue.bot.runner import build_bot, default_limiter, options_from
    from segue.engine.community import Community
    from segue.infra.metrics import MetricsRegistry
    from segue.state import MemoryStateStore

    stop = stop or asyncio.Event()
    playground = Playground()
    site = None
    with _signals(stop):
        try:
            world = await playground.start()
            fake = playground.fake
            state = MemoryStateStore()
            await state.set_listening(str(world.listening.id), True)
            deps = BotDeps(
                service=core.service,
                state=state,
                limiter=default_limiter(settings),
                options=options_from(settings),
                community=Community(state),
            )
            pointed = settings.model_copy(
                update={
                    "discord_api_base": fake.api_base,
                    "discord_gateway_url": fake.gateway_url,
                    "shard_ids": None,
                    "shard_count": None,
                    "sync_commands": True,
                    # The page's admin plays the bot's operator, so every /admin command can be tried there.
                    "operator_ids": [*(settings.operator_ids or ()), *(p.user.id for p in world.people if p.admin)],
                }
            )
            try:
                site, url = await start_site(
                    PlaygroundServer(playground).app(), settings.playground_host, settings.playground_port
                )
            except OSError as exc:
                where = f"{settings.playground_host}:{settings.playground_port}"
                raise ConfigError(
                    f"cannot serve the playground on {where}: {exc}",
                    user_message=f"Cannot serve the playground on {where} ({exc.strerror or exc}). "
                    "Set SEGUE_PLAYGROUND_PORT to a free port (0 picks one).",
                ) from exc
            bot = build_bot(pointed, deps, guild_ready_timeout=PLAYGROUND_GUILD_WAIT)
            # The same /metrics, /healthz and /status as the bot (when SEGUE_METRICS_PORT is set): `segue ctl`.
            async with operations(settings, bot, metrics=MetricsRegistry(), shared={}, mode="playground"):
                await playground.connect(bot)
                print(f"Segue playground: {url}  (Ctrl-C to stop)", flush=True)
                log.info("playground at %s; stand-in at %s", url, fake.base_url)
                await stop.wait()
                log.info("stopping the playground")
        finally:
            await _step("bot closed", playground.close_bot())
            await _step("stand-in stopped", playground.fake.stop())
            if site is not None:
                await _step("web server stopped", site.cleanup())
    return 0


async def _step(done: str, work: Awaitable[None]) -> None:
    """One shutdown step; a failure is logged and the next step still runs."""
    try:
        await work
    except Exception:  # shutdown goes on: a stuck bot must not keep the port or the stand-in open
        log.exception("playground shutdown: %s failed", done)
    else:
        log.info(done)


@contextlib.contextmanager
def _signals(stop: asyncio.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set `stop` (instead of raising KeyboardInterrupt mid-await) while the block runs."""
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, stop.set)
            installed.append(sig)
    try:
        yield
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
