"""Deciding whether a chat message is a request, and whether it deserves an answer (no discord import).

Three ways in: a DM, a message that mentions the bot, or any message in a channel an admin opted in. Chatter in
an opted-in channel is common, so there we answer only when the message asks for music (`asks_for_music`) and the
parse found something to recommend from; a direct mention with nothing understood gets the hint, at most once per
user per cooldown, and a one-line reply within it: never a lecture, never silence.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from segue.domain import Query
from segue.i18n import N_
from segue.infra.cache import keep_newest

from .answers import understood

HINT = N_(
    "I recommend music. Mention me with an artist, a song, a genre, a mood or an era, "
    "e.g. *something like Daft Punk but chill* or *80s synth-pop*. Or try `/recommend`."
)
SHORT_HINT = N_("🤔 I didn't catch a music request there. Try an artist, a genre or a mood, or `/help`.")
"""A direct mention within the hint's cooldown: shorter, but never silence (a mention deserves a reply)."""

_ASKS = re.compile(
    r"(?i)\b(?:songs?|music|musik|musique|m[uú]sicas?|canci[oó]n(?:es)?|chansons?|lieder|lied|tracks?|tunes?"
    r"|playlists?|albums?|[aá]lbum|bands?|artists?|recs?|recommend\w*|suggest\w*|play|gimme|vibes?|something"
    r"|anything|smth|algo|etwas|bangers?|bops?|jams|hits|anthems?|beats)\b"
)
"""Words that ask for music in a message nobody addressed to the bot: a channel's chatter shares words with moods
and acts ('good night everyone' is a night drive, 'anyone watching the game tonight?' names The Game)."""


class Route(StrEnum):
    """How a message reached us."""

    DM = "dm"
    MENTION = "mention"
    CHANNEL = "channel"


class Verdict(StrEnum):
    """What to do with a parsed message."""

    ANSWER = "answer"
    HINT = "hint"
    IGNORE = "ignore"


@dataclass(frozen=True, slots=True)
class Incoming:
    """The parts of a message that matter here."""

    text: str
    author_is_bot: bool
    is_dm: bool
    mentions_me: bool
    channel_listening: bool


def route(message: Incoming) -> Route | None:
    """Which way a message came in, or None when it is not for us."""
    if message.author_is_bot:
        return None
    if message.is_dm:
        return Route.DM
    if message.mentions_me:
        return Route.MENTION
    if message.channel_listening:
        return Route.CHANNEL
    return None


def strip_mentions(text: str, bot_id: int) -> str:
    """The request without the bot's own mention(s) (`<@id>` or `<@!id>`)."""
    return re.sub(rf"<@!?{bot_id}>", " ", text).strip()


def verdict(query: Query, via: Route) -> Verdict:
    """Answer what we understood; in opted-in channels stay quiet otherwise; elsewhere say what we can do.

    "whatever" or "random" alone in a busy channel is chatter, not a request: a surprise mix answers only a
    mention or a DM.
    """
    only_surprise = query.surprise and query.is_empty and not query.moods
    if understood(query) and not (only_surprise and via is Route.CHANNEL):
        return Verdict.ANSWER if via is not Route.CHANNEL or asks_for_music(query) else Verdict.IGNORE
    if via is Route.CHANNEL:
        return Verdict.IGNORE
    if query.unresolved or query.follow_up or query.links:
        # "I don't know 'X'. Did you mean ...?", "use the buttons under an answer" and "I can't open links" are
        # useful answers to a direct ask.
        return Verdict.ANSWER
    return Verdict.HINT


def asks_for_music(query: Query) -> bool:
    """Whether a message nobody addressed to the bot is a request: it says so (a music word or a cue: 'sad songs',
    'play some drake', 'anything like radiohead', 'rainy day vibes'), or it is nothing but genres, eras and names
    ('80s synthpop', 'sad jazz', 'daft punk'). 'happy birthday bob!' and 'the traffic was terrible this morning'
    share words with moods and acts (B.o.B, Traffic) and are chat."""
    if query.named or _ASKS.search(query.text):
        return True
    if query.ignored or query.unresolved or query.meant:
        return False
    return bool(query.genres) or (bool(query.seed_artists or query.seed_tracks) and not query.moods)


class HintMemory:
    """Remembers when each user last got the hint, so repeated nonsense mentions are not answered each time."""

    def __init__(self, cooldown: float, *, clock: Callable[[], float] = time.monotonic, size: int = 10_000) -> None:
        self.cooldown = cooldown
        self._clock = clock
        self._size = size
        self._last: OrderedDict[str, float] = OrderedDict()

    def should_hint(self, user_id: str) -> bool:
        now = self._clock()
        last = self._last.get(user_id)
        if last is not None and now - last < self.cooldown:
            return False
        keep_newest(self._last, user_id, now, self._size)
        return True
