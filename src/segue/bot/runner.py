"""`run_bot(settings)`: the bot's composition root, used by `segue run` when a Discord token is set.

Builds the Discord-agnostic core (`segue.app.open_core`), the state store, the rate limiter and the lease that
decides whether this process runs the singleton jobs, hands them to `SegueBot`, and runs it until SIGTERM or
SIGINT, which start a graceful shutdown: no new work, in-flight interactions finish, state is flushed, the lease
is released (another process takes the jobs at once), sessions close, and the process exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from segue.config import Settings
from segue.errors import ConfigError

if TYPE_CHECKING:  # imported where used: `run_bot` spawns the engine workers before discord.py and the state store
    from redis.asyncio import Redis

    from segue.bot.background import Background, SingletonGate
    from segue.bot.client import SegueBot
    from segue.bot.deps import BotDeps, BotOptions, RequestLimiter
    from segue.catalog.store import Catalog
    from segue.engine.processes import EngineProcesses
    from segue.engine.service import RecommendationService
    from segue.infra.lease import LeaseKeeper
    from segue.infra.metrics import MetricsRegistry
    from segue.state import StateStore

log = logging.getLogger(__name__)
GC_GEN0_THRESHOLD = 20_000
CATALOGS_DIR = "i18n"
"""In the data directory: the compiled message catalogs kept between starts (`segue.i18n.Catalogs`)."""
GUILD_READY_TIMEOUT = 2.0
"""discord.py's default wait after READY for servers still arriving; Discord streams them in over seconds."""


def options_from(settings: Settings) -> BotOptions:
    """The bot's knobs from Settings."""
    from segue.bot.deps import BotOptions

    return BotOptions(
        free_text=settings.free_text,
        defer_after=settings.bot_defer_after,
        repeat_window=settings.repeat_window_days * 24 * 3600.0,
        cleanup_every=settings.cleanup_every,
        admission_slots=settings.admission_slots,
        admission_max_wait=settings.admission_max_wait,
        admission_per_user=settings.admission_per_user,
    )


def default_limiter(settings: Settings) -> RequestLimiter:
    """Per-user (15/min + burst 5 per 10 s by default) and per-guild limits, in process."""
    from segue.infra.ratelimit import MemoryRateLimiter, RequestRateLimit

    return RequestRateLimit.from_settings(settings, MemoryRateLimiter())


def build_bot(
    settings: Settings,
    deps: BotDeps,
    *,
    singleton: SingletonGate | None = None,
    guild_ready_timeout: float = GUILD_READY_TIMEOUT,
) -> SegueBot:
    """A `SegueBot` configured from Settings (endpoints, shards, operators) around the given collaborators.

    `singleton` says when this process may run the singleton jobs (None: it is the only process).
    `guild_ready_timeout`: how long after READY to wait for more servers (the stand-in sends them all at once).
    """
    from segue.bot.client import SegueBot
    from segue.bot.tracing import trace_requests

    bot = SegueBot(
        deps,
        api_base=settings.discord_api_base,
        gateway_url=settings.discord_gateway_url,
        shard_ids=settings.shard_ids,
        shard_count=settings.shard_count,
        sync_commands=settings.sync_commands,
        operator_ids=settings.operator_ids or (),
        singleton=singleton,
        guild_ready_timeout=guild_ready_timeout,
    )
    trace_requests(bot)  # request ids on every log line of an interaction (SEGUE_LOG_FORMAT=json shows them)
    return bot


async def serve(bot: SegueBot, token: str) -> None:
    """Run until closed; SIGTERM/SIGINT trigger `bot.shutdown()` instead of killing in-flight work."""
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, _on_signal, bot, sig)
            installed.append(sig)
    try:
        async with bot:
            await bot.start(token)
        await bot.shutdown_finished()  # the client closes mid-shutdown; the state store closes after it
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)


def _on_signal(bot: SegueBot, sig: signal.Signals) -> None:
    log.info("received %s: shutting down gracefully", sig.name)
    bot.request_shutdown()


def run_bot(
    settings: Settings, *, service: RecommendationService | None = None, state: StateStore | None = None
) -> int:
    """Open the core (unless a service is given), build the bot and run it until a signal stops it.

    Returns the process exit code: 0 after a graceful shutdown. A rejected token or a missing privileged intent
    becomes a `ConfigError` saying what to fix.
    """
    if settings.discord_token is None:
        raise ConfigError("SEGUE_DISCORD_TOKEN is not set", user_message="Set SEGUE_DISCORD_TOKEN to run the bot.")
    workers = None
    if service is None:
        from segue.app import engine_workers, ensure_catalog

        ensure_catalog(settings)
        # Spawned first: each worker builds its engine on the other core while this process imports discord.py
        # and the state store and connects (BENCHMARKS.md, issue 14, cold start of `segue run`).
        workers = engine_workers(settings)
    import discord

    try:
        asyncio.run(
            _run(settings, settings.discord_token.get_secret_value(), service=service, state=state, workers=workers)
        )
    except discord.LoginFailure as exc:
        raise ConfigError(str(exc), user_message="Discord rejected SEGUE_DISCORD_TOKEN; check the bot token.") from exc
    except discord.PrivilegedIntentsRequired as exc:
        raise ConfigError(
            str(exc),
            user_message="Enable the Message Content intent for the bot in Discord's developer portal, "
            "or set SEGUE_FREE_TEXT=false to run without free-text requests.",
        ) from exc
    finally:
        if workers is not None:  # closed with the bot; here too when the start failed before it
            workers.close()
    return 0


def _tune_gc() -> None:
    """Collector settings for a long-lived catalog and many short-lived answers (BENCHMARKS.md, bot section)."""
    # The catalog's long-lived objects never die: freezing them out of the collector's view cuts GC time and
    # full-collection pauses under load. Frozen without a collection first: that pass (~0.1 s) waits for the
    # warm-up, after the first answers (`_warm_up`).
    gc.freeze()
    # A request allocates thousands of short-lived objects; the default gen0 threshold (700) collects several
    # times per request and promotes answers into older generations whose full sweeps pause.
    gc.set_threshold(GC_GEN0_THRESHOLD, 20, 20)
    gc.enable()  # `segue run` starts with it off


def _warm_up(catalog: Catalog) -> None:
    """Build the catalog's name indexes (off the event loop) and keep them for the next start, then freeze them
    out of the collector's view too, once the start-up's garbage (frozen with the rest by `_tune_gc`) is
    collected."""
    catalog.warm_up()
    try:
        if catalog.save_names():
            log.info("catalog name indexes saved for the next start in %s", catalog.names_file)
    except (OSError, ValueError) as exc:  # a read-only data directory: the next start builds them again
        log.warning("catalog name indexes not saved: %s", exc)
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    log.info("catalog name indexes ready")


class WarmUp:
    """The catalog's name indexes, built on a thread once the bot is ready (connected, its servers loaded).

    Not sooner: the build holds the GIL for ~0.3 s of CPU, which the start-up's imports, the gateway handshake and
    the first answers would otherwise share with it (BENCHMARKS.md, issue 14, cold start). Until then a look-up
    reads its own rows, or the indexes an earlier start saved (`Catalog.names_file`), with the same results.
    """

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._waiter: asyncio.Task[None] | None = None
        self._building = False

    def after_ready(self, bot: SegueBot) -> None:
        self._waiter = asyncio.create_task(self._run(bot), name="segue-warm-up")

    async def _run(self, bot: SegueBot) -> None:
        await bot.was_ready.wait()
        self._building = True
        await asyncio.to_thread(_warm_up, self._catalog)

    async def settle(self) -> None:
        """Stop waiting for ready, or wait for a build under way (a thread cannot be interrupted, and the catalog
        closes after this), keeping its failure in the log."""
        if self._waiter is None:
            return
        if not self._building:
            self._waiter.cancel()
        try:
            await self._waiter
        except asyncio.CancelledError:
            pass
        except Exception:  # a failed warm-up only leaves the indexes to build on first use
            log.exception("catalog warm-up failed")


def with_lease(
    report: Callable[[], Awaitable[dict[str, Any]]], keeper: LeaseKeeper, background: Background
) -> Callable[[], Awaitable[dict[str, Any]]]:
    """The /healthz body plus whether this process holds the singleton-jobs lease and how often it ran them."""

    async def full() -> dict[str, Any]:
        body = await report()
        lease = keeper.lease
        body["lease"] = {
            "name": lease.name,
            "backend": lease.backend,
            "held": keeper.held,
            "holder": lease.holder,
            "singleton_runs": background.cleanups,
        }
        return body

    return full


def _healthy(state: StateStore) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return state.healthy

    return check


async def _keep_lease(
    stack: contextlib.AsyncExitStack, settings: Settings, redis: Redis | None, metrics: MetricsRegistry
) -> LeaseKeeper:
    """This process's keeper of the singleton-jobs lease, released when `stack` closes (after the bot shut down)."""
    from segue.infra.lease import LeaseKeeper
    from segue.infra.lease_build import build_lease

    keeper = LeaseKeeper(
        build_lease(settings, redis, metrics=metrics), renew_every=settings.lease_ttl / 3, metrics=metrics
    )
    return await stack.enter_async_context(keeper)


async def _run(
    settings: Settings,
    token: str,
    *,
    service: RecommendationService | None,
    state: StateStore | None,
    workers: EngineProcesses | None,
) -> None:
    """Everything with a lifetime (sources, caches, Redis, the ops endpoint) opens here and closes in reverse."""
    from segue.app import Core, engine_scoring, live_core, serving_threads
    from segue.bot.deps import BotDeps
    from segue.bot.ops import CacheClearer, operations
    from segue.bot.tracing import ContextThreadPool
    from segue.engine.community import Community
    from segue.engine.scoring import LocalScoring
    from segue.i18n import Catalogs
    from segue.infra.cache import Namespace
    from segue.infra.cache_redis import TieredCache
    from segue.infra.metrics import MetricsRegistry
    from segue.infra.ratelimit_redis import RedisRateLimiter, build_rate_limit
    from segue.state import open_state

    serving_threads()
    metrics = MetricsRegistry.for_process(settings.shard_ids)
    async with contextlib.AsyncExitStack() as stack:
        caches: tuple[CacheClearer, ...] = ()
        shared: dict[str, Callable[[], Awaitable[bool]]] = {}
        redis = None
        core: Core | None = None
        warming: WarmUp | None = None
        if service is None:
            core = await stack.enter_async_context(live_core(settings, metrics=metrics))
            # The first fuzzy or title look-up reads the name indexes an earlier start saved (`_warm_up`).
            core.catalog.names_file = settings.names_file
            _tune_gc()
            warming = WarmUp(core.catalog)
            stack.push_async_callback(warming.settle)
            log.info("catalog ready in %.1f s", core.load_seconds)
            service = core.service
            if core.live is not None:
                live = core.live
                caches = (CacheClearer(live.cache, tuple(ns.value for ns in Namespace)),)
                redis = live.redis
                if redis is not None and isinstance(live.cache, TieredCache):
                    shared["cache"] = live.cache.reachable
        # Scoring runs on threads so the event loop stays free to acknowledge arrivals (issue 11; see door.py).
        # One scoring thread per spare core: with the GIL, more threads only take turns with the event loop.
        spare = max(1, min(settings.admission_slots, (os.cpu_count() or 2) - 1))
        engine_threads = ContextThreadPool(max_workers=spare, thread_name_prefix="segue-engine")
        sys.setswitchinterval(0.001)  # the loop gets the GIL back within 1 ms of a scoring thread (default 5 ms)
        stack.callback(engine_threads.shutdown, wait=False, cancel_futures=True)
        # A service handed in (tests) keeps its engine on the threads; one opened here may use worker processes.
        scoring = engine_scoring(core, engine_threads, workers) if core is not None else None
        service.scoring = scoring or LocalScoring(service.recommender, engine_threads)
        stack.callback(service.scoring.close)
        limiter = build_rate_limit(settings, redis, metrics=metrics)
        if redis is not None and isinstance(limiter.limiter, RedisRateLimiter):
            shared["rate limits"] = limiter.limiter.reachable
        state = state or await open_state(settings, metrics=metrics)
        shared["state"] = _healthy(state)
        community = Community(state)
        deps = BotDeps(
            service=service,
            state=state,
            limiter=limiter,
            options=options_from(settings),
            caches=caches,
            community=community,
            catalogs=Catalogs(keep=settings.data_dir / CATALOGS_DIR),
        )
        keeper = await _keep_lease(stack, settings, redis, metrics)
        bot = build_bot(settings, deps, singleton=keeper)
        if warming is not None:
            warming.after_ready(bot)
        await stack.enter_async_context(
            operations(
                settings,
                bot,
                metrics=metrics,
                shared=shared,
                mode="bot",
                wrap_health=lambda report: with_lease(report, keeper, bot.background),
            )
        )
        learning = asyncio.create_task(community.follow(), name="segue-community")
        try:
            await serve(bot, token)
        finally:
            learning.cancel()
            # Wait for it: a feed read cut off mid-query must let go of its connection before the store closes,
            # or the connection's close runs after the loop stops and `asyncio.run` never returns.
            with contextlib.suppress(asyncio.CancelledError):
                await learning
