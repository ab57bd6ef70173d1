"""What the bot is given by the composition root: the service, state, limiter and maintenance hooks.

Plain data and Protocols only. The bot never builds any of these itself (python-discord's `__main__` habit), so
tests hand it fakes and production hands it the real, shared objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from segue.bot.stats import BotStats
from segue.engine.community import Community
from segue.engine.service import RecommendationService
from segue.i18n import Catalogs
from segue.infra.watchdog import Monitor
from segue.logs import RingHandler
from segue.state import StateStore


class LimitDecision(Protocol):
    """One rate-limit verdict (segue.infra.ratelimit.Decision has this shape)."""

    @property
    def allowed(self) -> bool: ...

    @property
    def retry_after(self) -> float: ...

    @property
    def remaining(self) -> int: ...

    @property
    def scope(self) -> str: ...


class RequestLimiter(Protocol):
    """Per-user and per-guild request limits (segue.infra.ratelimit.RequestRateLimit implements it).

    `cost=0` asks without consuming, which /stats uses to show the headroom left.
    """

    async def check(self, user_id: int | str, guild_id: int | str | None = None, cost: int = 1) -> LimitDecision: ...


class Maintenance(Protocol):
    """Something with expired entries to sweep and a cache an admin may clear (the state store, caches)."""

    async def cleanup(self) -> int: ...


class Clearable(Protocol):
    """A cache `/admin cache-clear` may empty; returns how many entries (or namespaces) it dropped."""

    name: str

    async def clear_all(self) -> int: ...

    def expire(self) -> int:
        """Drop expired entries now; how many entries are left (`/admin cleanup`)."""
        ...


@dataclass(frozen=True, slots=True)
class BotOptions:
    """Behaviour knobs, read from Settings by the runner (tests pass small values)."""

    free_text: bool = True
    """Read messages as requests (mentions, DMs, opted-in channels); also asks for the message-content intent."""
    defer_after: float = 1.5
    """Seconds of work after which an interaction is deferred (Discord wants a first answer within 3 s)."""
    presence_every: float = 300.0
    cleanup_every: float = 600.0
    metrics_every: float = 300.0
    shutdown_grace: float = 10.0
    """Seconds to let in-flight interactions finish on SIGTERM/SIGINT."""
    hint_cooldown: float = 600.0
    """A user who mentions the bot with nothing it understands gets the hint at most this often."""
    version: str = ""
    """Shown in /info and /healthz; empty: the installed package's (`shown_version`)."""
    repeat_window: float = 30 * 24 * 3600.0
    """Seconds during which /discover does not repeat a track to a member (SEGUE_REPEAT_WINDOW_DAYS)."""
    admission_slots: int = 4
    """Requests doing engine work at once; the rest queue in arrival order (see `door.Door`)."""
    admission_max_wait: float = 60.0
    """Expected wait (s) beyond which a new request hears "busy" at once instead of queueing."""
    admission_per_user: int = 3
    """Requests one member may have queued or running; more hear "busy"."""

    @property
    def shown_version(self) -> str:
        """`version`, else the installed package's, read when first shown: importlib.metadata cost the bot's
        start ~35 ms (BENCHMARKS.md, issue 14, cold start of `segue run`)."""
        from segue import __version__

        return self.version or __version__


@dataclass(slots=True)
class BotDeps:
    """Everything a cog needs, injected once into `SegueBot`."""

    service: RecommendationService
    state: StateStore
    limiter: RequestLimiter
    options: BotOptions = field(default_factory=BotOptions)
    stats: BotStats = field(default_factory=BotStats)
    maintenance: Sequence[Maintenance] = ()
    caches: Sequence[Clearable] = ()
    community: Community | None = None
    """Community learning for /discover (None: the engine alone)."""
    monitor: Monitor | None = None
    """System figures and the watchdog, set by `bot.ops.operations` (None: not monitored, as in most tests)."""
    log_ring: RingHandler | None = None
    """Recent log lines for `/admin logs`, set by `bot.ops.operations`."""
    catalogs: Catalogs = field(default_factory=Catalogs)
    """Every language's messages (loaded once, from the package's .po files)."""
