"""Fakes for the bot's tests: a keyword parser over the known-answer catalog, a service, a limiter, deps.

The parser is deliberately tiny and deterministic (bot tests test the bot, not the parser): artist names and
tags of `FakeCatalog` as words, a few mood words, decades, 'deep cuts', and 'like <Unknown>' as an unresolved
name with suggestions.
"""

from __future__ import annotations

import asyncio
import datetime
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from segue.bot.deps import BotDeps, BotOptions
from segue.bot.servers import ServerSettings
from segue.bot.speech import Speech
from segue.bot.stats import BotStats
from segue.domain import Answer, EntityRef, Exclusions, FeatureRange, Novelty, Query
from segue.engine.recommend import Personal, TrackRecommender
from segue.engine.service import RecommendationService
from segue.engine.signals import CatalogSignals
from segue.errors import UserInputError
from segue.i18n import Catalogs, Speaker
from segue.state import MemoryStateStore
from support.catalog import TAGS, FakeCatalog

MOODS = {
    "chill": (FeatureRange("energy", high=0.5, because="chill"),),
    "calm": (FeatureRange("energy", high=0.5, because="calm"),),
    "energetic": (FeatureRange("energy", low=0.7, because="energetic"),),
    "upbeat": (FeatureRange("energy", low=0.7, because="upbeat"),),
}


WRITTEN = {"algo": "es", "quelque": "fr", "etwas": "de", "tipo": "pt-BR"}
"""One telltale word per language: the fake parser's stand-in for language detection."""


class KeywordParser:
    """Known names, tags, moods and decades as words; enough to drive every bot path deterministically."""

    def __init__(self, catalog: FakeCatalog, max_chars: int = 500) -> None:
        self.catalog = catalog
        self.max_chars = max_chars

    def parse(self, text: str) -> Query:
        clean = text.strip()
        if not clean:
            raise UserInputError("Tell me what you'd like to hear.")
        if len(clean) > self.max_chars:
            raise UserInputError(f"That request is too long; please keep it under {self.max_chars} characters.")
        words = re.findall(r"[\w']+", clean.lower())
        artists = tuple(
            EntityRef(i, a.id, a.name) for i, a in enumerate(self.catalog.artists) if a.name.lower() in words
        )
        genres = tuple(t for t in TAGS if t in clean.lower() and t != "pop")
        moods = tuple(w for w in dict.fromkeys(words) if w in MOODS)
        features = tuple(f for m in moods for f in MOODS[m])
        year_min = year_max = None
        for w in words:
            if re.fullmatch(r"[0-9]0s", w):
                decade = int(w[0] + "0")
                year_min = (1900 if decade >= 30 else 2000) + decade
                year_max = year_min + 9
        unresolved: tuple[str, ...] = ()
        suggestions: tuple[str, ...] = ()
        m = re.search(r"\blike ([A-Z]\w+)", clean)
        if m and not any(a.name == m.group(1) for a in self.catalog.artists):
            unresolved = (m.group(1),)
            suggestions = tuple(x.name for x in self.catalog.search_artists(m.group(1), limit=3))
        novelty = Novelty.DEEP if "deep cuts" in clean.lower() else Novelty.BALANCED
        written = next((WRITTEN[w] for w in words if w in WRITTEN), "en")
        shorter = re.search(r"\bunder (\d+) minutes\b", clean)
        return Query(
            text=clean,
            seed_artists=artists,
            genres=genres,
            moods=moods,
            features=features,
            year_min=year_min,
            year_max=year_max,
            seconds_max=60 * int(shorter.group(1)) if shorter else None,
            novelty=novelty,
            unresolved=unresolved,
            suggestions=suggestions,
            language=written,
        )


def make_service(catalog: FakeCatalog | None = None, *, default_count: int = 3) -> RecommendationService:
    cat = catalog or FakeCatalog.build()
    return RecommendationService(
        cat, KeywordParser(cat), TrackRecommender(CatalogSignals(cat)), default_count=default_count
    )


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed: bool
    retry_after: float = 0.0
    remaining: int = 5
    scope: str = "user"


@dataclass
class ScriptedLimiter:
    """Allows `budget` requests per user, then refuses with `retry_after`; `reset()` opens the window again."""

    budget: int = 1000
    retry_after: float = 7.0
    used: dict[str, int] = field(default_factory=dict)

    async def check(self, user_id: int | str, guild_id: int | str | None = None, cost: int = 1) -> Verdict:
        key = str(user_id)
        used = self.used.get(key, 0)
        if used + cost > self.budget:
            return Verdict(False, self.retry_after, 0)
        self.used[key] = used + cost
        return Verdict(True, 0.0, self.budget - used - cost)

    def reset(self) -> None:
        self.used.clear()


def make_deps(
    *,
    service: RecommendationService | None = None,
    limiter: ScriptedLimiter | None = None,
    options: BotOptions | None = None,
    state: MemoryStateStore | None = None,
) -> BotDeps:
    return BotDeps(
        service=service or make_service(),
        state=state or MemoryStateStore(),
        limiter=limiter or ScriptedLimiter(),
        options=options or BotOptions(presence_every=3600, cleanup_every=3600, metrics_every=3600),
        stats=BotStats(),
        catalogs=catalogs(),
    )


# -- a plain fake of discord.Interaction, for cog and view unit tests ------------------------------------------------


class AlreadyResponded(Exception):
    """What discord.py raises (InteractionResponded) when an interaction is answered twice."""


@dataclass
class FakeResponse:
    """Records initial responses and refuses a second one, as Discord does."""

    calls: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    done: bool = False
    answered: asyncio.Event = field(default_factory=asyncio.Event)

    def is_done(self) -> bool:
        return self.done

    def _answer(self, kind: str, kwargs: dict[str, object]) -> None:
        if self.done:
            raise AlreadyResponded(kind)
        self.done = True
        self.calls.append((kind, kwargs))
        self.answered.set()

    async def send_message(self, **kwargs: object) -> None:
        self._answer("send", kwargs)

    async def defer(self, **kwargs: object) -> None:
        self._answer("defer", kwargs)

    async def edit_message(self, **kwargs: object) -> None:
        self._answer("edit", kwargs)

    async def autocomplete(self, choices: object) -> None:
        self._answer("autocomplete", {"choices": choices})


@dataclass
class FakeFollowup:
    sent: list[dict[str, object]] = field(default_factory=list)

    async def send(self, **kwargs: object) -> None:
        self.sent.append(kwargs)


@dataclass
class FakeUser:
    id: int = 1001
    display_name: str = "alice"
    bot: bool = False


@dataclass
class FakePermissions:
    manage_guild: bool = False


@dataclass
class FakeFlags:
    ephemeral: bool = False


@dataclass
class FakeMessage:
    flags: FakeFlags = field(default_factory=FakeFlags)


@dataclass
class FakeInteraction:
    """Just what Segue's handlers touch on a `discord.Interaction`."""

    client: object = None
    type: object = None
    user: FakeUser = field(default_factory=FakeUser)
    guild_id: int | None = 5001
    channel_id: int | None = 6001
    guild: object = True
    command: object = None
    data: dict[str, object] = field(default_factory=dict)
    message: FakeMessage | None = None
    permissions: FakePermissions = field(default_factory=FakePermissions)
    response: FakeResponse = field(default_factory=FakeResponse)
    followup: FakeFollowup = field(default_factory=FakeFollowup)
    edits: list[dict[str, object]] = field(default_factory=list)
    created_at: datetime.datetime = field(default_factory=lambda: datetime.datetime.now(datetime.UTC))
    extras: dict[str, object] = field(default_factory=dict)
    locale: Any = None
    """The member's client language (`discord.Locale`); American English unless a test picks one."""
    guild_locale: Any = None

    def __post_init__(self) -> None:
        import discord

        if self.type is None:
            self.type = discord.InteractionType.application_command
        if self.locale is None:
            self.locale = discord.Locale.american_english

    async def edit_original_response(self, **kwargs: object) -> None:
        self.edits.append(kwargs)

    # What a test reads -----------------------------------------------------------------------------------------
    def everything_sent(self) -> list[dict[str, object]]:
        """Initial response payload (if any) followed by follow-ups and edits."""
        first = [kw for kind, kw in self.response.calls if kind in {"send", "edit"}]
        return first + self.followup.sent + self.edits


class HeldService:
    """Wraps the service so a test decides when `recommend` may finish (the slow path, without sleeping)."""

    def __init__(self) -> None:
        self.inner = make_service()
        self.release = asyncio.Event()
        self.started = asyncio.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def recommend(
        self,
        query: Query,
        *,
        count: int | None = None,
        personal: Personal | None = None,
        exclusions: Exclusions | None = None,
        exclude_track_ids: Any = (),
    ) -> Answer:
        self.started.set()
        await self.release.wait()
        return await self.inner.recommend(
            query, count=count, personal=personal, exclusions=exclusions, exclude_track_ids=exclude_track_ids
        )


@functools.cache
def catalogs() -> Catalogs:
    """The shipped catalogs, read once per test run (they never change during it)."""
    return Catalogs()


def speaker(locale: str = "en") -> Speaker:
    """A speaker of the shipped catalogs ('en' by default, as every older test expects)."""
    return catalogs().speaker(locale)


def speech(state: Any = None) -> Speech:
    """What `Failures` and the cogs use to pick a member's language (memory state, no server settings)."""
    store = state if state is not None else MemoryStateStore()
    return Speech(catalogs(), store, ServerSettings(store))
