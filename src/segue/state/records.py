"""The rest of what the bot stores, as plain data: member preferences, server settings (and their audit trail),
analytics events, and the reports computed from them.

Server settings are checked here, once, so a bad value never reaches the database half-way: `check_setting`
turns text an admin typed into a typed value or raises `UserInputError` with a message they can act on.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from segue.errors import UserInputError

DAY = 86_400.0
NOVELTIES = ("familiar", "balanced", "adventurous")
LANGUAGES = ("en", "es", "fr", "de", "pt-BR")
COMMANDS_ADMINS_MAY_DISABLE = ("recommend", "similar", "mood", "discover", "blend", "taste", "trending", "chat")
"""What /settings can switch off in a server (never /help, /settings, /privacy or /admin: the way back stays open)."""


TASTE_SHARED_BY_DEFAULT = True
"""Others may use a member's likes in /taste and /blend until the member says no: both are social features members
of one server use together, and off by default they would show nothing until everyone found the setting."""


@dataclass(frozen=True, slots=True)
class UserPrefs:
    """A member's own choices: how adventurous answers are, a linked Last.fm name, language and link country, and
    whether other members may use their likes (`share_taste`; None: `TASTE_SHARED_BY_DEFAULT`)."""

    user_id: str
    novelty: str | None = None
    lastfm_user: str | None = None
    language: str | None = None
    country: str | None = None
    share_taste: bool | None = None

    @property
    def shares_taste(self) -> bool:
        """Whether /taste and /blend run by another member may read this member's likes."""
        return TASTE_SHARED_BY_DEFAULT if self.share_taste is None else self.share_taste


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """One server's choices; `None` means "the bot's default"."""

    guild_id: str
    disabled_commands: frozenset[str] = frozenset()
    default_count: int | None = None
    language: str | None = None
    user_per_minute: int | None = None
    guild_per_minute: int | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """Who changed which server setting, when, from what to what (values as the admin would read them)."""

    at: float
    guild_id: str
    user_id: str
    key: str
    old: str
    new: str


# -- server settings: names, checks, and how they read back ------------------------------------------------------


def _count(text: str, low: int, high: int, what: str) -> int:
    if not text.strip().isdecimal() or not low <= int(text) <= high:
        raise UserInputError(f"bad {what}", user_message=f"{what} must be a whole number from {low} to {high}.")
    return int(text)


def _commands(text: str) -> list[str]:
    names = sorted({w.strip().lstrip("/").lower() for w in text.replace(",", " ").split() if w.strip()})
    unknown = [n for n in names if n not in COMMANDS_ADMINS_MAY_DISABLE]
    if unknown:
        allowed = ", ".join(COMMANDS_ADMINS_MAY_DISABLE)
        raise UserInputError("unknown command", user_message=f"I can only switch off these commands: {allowed}.")
    return names


def _language(text: str) -> str:
    found = next((code for code in LANGUAGES if code.lower() == text.strip().lower()), None)
    if found is None:
        raise UserInputError("bad language", user_message=f"Language must be one of {', '.join(LANGUAGES)}.")
    return found


SETTING_KEYS = ("disabled_commands", "default_count", "language", "user_per_minute", "guild_per_minute")


def check_setting(key: str, text: str) -> Any:
    """The JSON value an admin's text sets `key` to; an empty text (or "default") resets it (None)."""
    if key not in SETTING_KEYS:
        raise UserInputError("unknown setting", user_message=f"There is no setting called {key!r}.")
    text = text.strip()
    if text.lower() in ("", "default", "reset"):
        return None
    if key == "disabled_commands":
        return _commands(text) if text.lower() != "none" else []
    if key == "default_count":
        return _count(text, 1, 25, "The default count")
    if key == "language":
        return _language(text)
    return _count(text, 1, 10_000, "A rate limit")


def settings_from(guild_id: str, values: Mapping[str, Any]) -> GuildSettings:
    """Typed settings from stored JSON values (unknown keys from newer versions are ignored)."""
    return GuildSettings(
        guild_id=guild_id,
        disabled_commands=frozenset(values.get("disabled_commands") or ()),
        default_count=values.get("default_count"),
        language=values.get("language"),
        user_per_minute=values.get("user_per_minute"),
        guild_per_minute=values.get("guild_per_minute"),
    )


def shown_value(value: Any) -> str:
    """A stored value as an admin reads it in /settings and the audit trail."""
    if value is None:
        return "default"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    return str(value)


LIKE_KINDS = ("like", "unlike", "dislike")
"""The feedback that community learning reads: a like adds, an unlike or a dislike takes one back."""


@dataclass(frozen=True, slots=True)
class LikeSignal:
    """One like, unlike or dislike from the feedback log, in commit order (`id` grows)."""

    id: int
    user_id: str
    kind: str
    track_id: str | None


# -- analytics ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnalyticsEvent:
    """One handled request. `subjects` are what it asked for (("artist", "Daft Punk"), ("mood", "chill")...);
    `sources` are the live sources it consulted and whether each answered."""

    at: float
    command: str
    user_id: str
    guild_id: str | None = None
    latency_ms: float | None = None
    outcome: str = "ok"
    """ok, empty (answered with nothing), refused (bad input, not allowed), error (ours), rate_limited, busy (shed)."""
    error_type: str | None = None
    cache_hit: bool | None = None
    subjects: tuple[tuple[str, str], ...] = ()
    sources: tuple[tuple[str, bool], ...] = ()


BUCKET_BASE = 1.05
"""Latencies are stored in log buckets 5% wide, so percentiles are a GROUP BY in the database, exact to 5%."""


def latency_bucket(ms: float) -> int:
    """The bucket a latency falls in (0 for anything under 0.1 ms)."""
    return 0 if ms < 0.1 else 1 + int(math.log(ms / 0.1, BUCKET_BASE))


def bucket_ms(bucket: int) -> float:
    """The upper edge of a bucket, in milliseconds (what a percentile reads as)."""
    return 0.1 if bucket <= 0 else 0.1 * BUCKET_BASE**bucket


def percentile(buckets: Sequence[tuple[int, int]], q: float) -> float | None:
    """The nearest-rank `q` percentile (0..1) from (bucket, count) pairs."""
    total = sum(n for _, n in buckets)
    if total == 0:
        return None
    rank, seen = max(1, math.ceil(q * total)), 0
    for bucket, n in sorted(buckets):
        seen += n
        if seen >= rank:
            return float(f"{bucket_ms(bucket):.3g}")
    return None  # pragma: no cover - the loop always reaches the rank


@dataclass(frozen=True, slots=True)
class Ranked:
    """A name (or id) and how often it came up."""

    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Trending:
    """A server's week: most requested artists, most liked artists and tracks (catalog ids for likes)."""

    requested_artists: tuple[Ranked, ...] = ()
    requested_moods: tuple[Ranked, ...] = ()
    liked_artists: tuple[Ranked, ...] = ()
    liked_tracks: tuple[Ranked, ...] = ()


@dataclass(frozen=True, slots=True)
class CommandFigures:
    """One command over the period: how often, how fast, how often from cache."""

    command: str
    count: int
    p50_ms: float | None
    p95_ms: float | None
    cache_hit_rate: float | None


@dataclass(frozen=True, slots=True)
class AnalyticsReport:
    """What `segue analytics` and `/admin analytics` show, computed in the database."""

    since: float
    until: float
    events: int
    popular: dict[str, tuple[Ranked, ...]] = field(default_factory=dict)
    """Top subjects by kind: artist, mood, genre, track."""
    daily_active: tuple[Ranked, ...] = ()
    """Distinct members per day (name = ISO date)."""
    weekly_active: int = 0
    commands_per_day: tuple[Ranked, ...] = ()
    rate_limited: int = 0
    errors: tuple[Ranked, ...] = ()
    commands: tuple[CommandFigures, ...] = ()
    sources: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per live source: (answered, failed)."""

    def to_json(self) -> dict[str, Any]:
        """Plain JSON for `--json` and the admin attachment."""
        return {
            "since": self.since,
            "until": self.until,
            "events": self.events,
            "popular": {k: [[r.name, r.count] for r in v] for k, v in self.popular.items()},
            "daily_active": [[r.name, r.count] for r in self.daily_active],
            "weekly_active": self.weekly_active,
            "commands_per_day": [[r.name, r.count] for r in self.commands_per_day],
            "rate_limited": self.rate_limited,
            "errors": [[r.name, r.count] for r in self.errors],
            "commands": [
                {"command": c.command, "count": c.count, "p50_ms": c.p50_ms, "p95_ms": c.p95_ms,
                 "cache_hit_rate": c.cache_hit_rate}
                for c in self.commands
            ],
            "sources": {k: {"answered": a, "failed": f} for k, (a, f) in self.sources.items()},
        }  # fmt: skip
