"""Follow-ups to an answer, read from a chat message and applied to the answer they point at (no discord import).

A member who got an answer says '@Segue more', 'more like the 3rd one' or 'older', as a reply to the answer or
soon after it. `read_follow_up` says which move the words ask for (in English, Spanish, French, German or
Portuguese: `followup_words`); `RecentAnswers` remembers each member's last answer per channel and which answer
each of the bot's messages showed; `twisted` applies a comparative to the stored request with the parser's own
readings of plain words ('calm', 'older'), since the parser reads 'but older' beside an era as nothing, and 'but
calmer' beside 'upbeat' as both at once.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from segue.domain import FeatureRange, Novelty, Query
from segue.errors import UserInputError
from segue.i18n import N_
from segue.infra.cache import keep_newest
from segue.text import normalize_name

from .custom_ids import DeeperId, PageId, PickId, parse
from .followup_words import EDGES, LANGUAGES, LAST, Twist, Words

FOLLOW_UP_WINDOW = 30 * 60.0
"""Seconds a member's last answer in a channel stays what a follow-up without a reply refers to."""
RECENT_KEPT = 10_000
"""Members' last answers kept (one per member and channel), and bot messages remembered: each map is bounded
by it, the least recently answered forgotten first (both full: a few MB)."""
MOST_WORDS = 12
"""A follow-up is a few words; a longer message is a request of its own."""
DECADE = 10
SOUNDS = {
    Twist.CHILLER: "chill",
    Twist.CALMER: "calm",
    Twist.UPBEAT: "upbeat",
    Twist.FASTER: "fast",
    Twist.SLOWER: "slow",
    Twist.SADDER: "sad",
    Twist.HAPPIER: "happy",
}
"""The mood word whose reading a sound twist adds (the parser reads 'calmer' as 'calm')."""
TITLES = {
    Twist.OLDER: N_("Older"),
    Twist.NEWER: N_("Newer"),
    Twist.LESS_POPULAR: N_("Less mainstream"),
    Twist.MORE_POPULAR: N_("More popular"),
    Twist.CHILLER: N_("Chiller"),
    Twist.CALMER: N_("Calmer"),
    Twist.UPBEAT: N_("More upbeat"),
    Twist.FASTER: N_("Faster"),
    Twist.SLOWER: N_("Slower"),
    Twist.SADDER: N_("Sadder"),
    Twist.HAPPIER: N_("Happier"),
}
NO_SUCH_TRACK = N_("That answer has no track at that number. Name one it shows, e.g. *more like the 2nd one*.")


class Move(StrEnum):
    """What a follow-up asks of the answer it points at."""

    PAGE = "page"
    PICK = "pick"
    TWIST = "twist"


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A follow-up as read: the move, the track it names (PICK; `LAST` for the last one) or its twists."""

    move: Move
    position: int = 0
    twists: tuple[Twist, ...] = ()
    language: str | None = None
    """The language the words were in, when only one reads them ('más' is Spanish; 'more', English)."""


@dataclass(frozen=True, slots=True)
class Referent:
    """The answer a follow-up acts on: its saved key, and the page the member saw (None: its latest)."""

    key: str
    page: int | None = None


def read_follow_up(text: str) -> FollowUp | None:
    """The follow-up the whole message asks for, or None when it is something else ('more jazz' is a request)."""
    words = normalize_name(text).split()
    if not words or len(words) > MOST_WORDS:
        return None
    while words and words[0] in EDGES:
        words = words[1:]
    while words and words[-1] in EDGES:
        words = words[:-1]
    readings = [(lang.code, found) for lang in LANGUAGES if (found := _read(lang, words)) is not None]
    if not readings:
        return None
    code, first = readings[0]
    alike = [c for c, found in readings if found == first]
    return replace(first, language=code if len(alike) == 1 else None)


def _read(lang: Words, words: list[str]) -> FollowUp | None:
    said = " ".join(words)
    if said in lang.pages:
        return FollowUp(Move.PAGE)
    picked = lang.pick.fullmatch(said)
    if picked is not None:
        return FollowUp(Move.PICK, position=lang.ordinals[picked["n"]])
    twists: list[Twist] = []
    i = 0
    while i < len(words):
        for length in range(min(4, len(words) - i), 0, -1):
            twist = lang.twists.get(" ".join(words[i : i + length]))
            if twist is not None:
                twists.append(twist)
                i += length
                break
        else:
            if words[i] not in lang.glue:
                return None
            i += 1
    return FollowUp(Move.TWIST, twists=tuple(dict.fromkeys(twists))) if twists else None


def referent_in(custom_ids: Iterable[str]) -> Referent | None:
    """The answer a message of ours showed, from its components' ids: the page its "Next page" names, less one."""
    key = None
    for custom_id in custom_ids:
        found = parse(custom_id)
        if isinstance(found, PageId):
            return Referent(found.key, found.page - 1)
        if isinstance(found, PickId | DeeperId):
            key = found.key
    return None if key is None else Referent(key)


def picked(shown: Sequence[str], start: int, size: int, position: int) -> str:
    """The track a number names on a page that starts at `start`: as the page numbers it ('#7' on page 2), else
    counted on that page ('the first one' on page 2 is its first), else an earlier page's number."""
    end = min(len(shown), start + size)
    if position == LAST and end > 0:
        return shown[end - 1]
    if start < position <= end:
        return shown[position - 1]
    if 1 <= position <= end - start:
        return shown[start + position - 1]
    if 1 <= position <= end:
        return shown[position - 1]
    raise UserInputError(f"no track {position} of {end}", user_message=NO_SUCH_TRACK)


class RecentAnswers:
    """Each member's last answer per channel or DM, for `window` seconds, and the answer each of our messages showed
    (for a reply whose message Discord did not send along); at most `size` of each, the oldest forgotten first."""

    def __init__(
        self, *, window: float = FOLLOW_UP_WINDOW, size: int = RECENT_KEPT, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.window = window
        self._size = size
        self._clock = clock
        self._latest: OrderedDict[tuple[str, int], tuple[float, Referent]] = OrderedDict()
        self._messages: OrderedDict[int, tuple[str, Referent]] = OrderedDict()

    def remember(self, user_id: str, channel_id: int, shown: Referent, *, message_id: int | None = None) -> None:
        keep_newest(self._latest, (user_id, channel_id), (self._clock(), shown), self._size)
        if message_id is not None:
            keep_newest(self._messages, message_id, (user_id, shown), self._size)

    def latest(self, user_id: str, channel_id: int) -> Referent | None:
        found = self._latest.get((user_id, channel_id))
        if found is None or self._clock() - found[0] > self.window:
            return None
        return found[1]

    def shown_in(self, message_id: int) -> Referent | None:
        found = self._messages.get(message_id)
        return None if found is None else found[1]

    def forget(self, user_id: str) -> None:
        """The member deleted their data (/privacy delete): nothing here points at their answers any more."""
        for where in [k for k in self._latest if k[0] == user_id]:
            del self._latest[where]
        for message in [k for k, (owner, _) in self._messages.items() if owner == user_id]:
            del self._messages[message]


# -- twists -----------------------------------------------------------------------------------------------------


def twisted(query: Query, twists: Sequence[Twist], read: Callable[[str], Query]) -> Query:
    """The stored request with each twist applied in turn; `read` is the parser (`Answers.parse`)."""
    for twist in twists:
        if twist is Twist.LESS_POPULAR:
            query = replace(query, novelty=Novelty.DEEP)
        elif twist is Twist.MORE_POPULAR:
            query = replace(query, novelty=Novelty.FAMILIAR)
        elif twist in (Twist.OLDER, Twist.NEWER):
            query = _era(query, older=twist is Twist.OLDER, read=read)
        else:
            query = _sound(query, read(SOUNDS[twist]), read)
    return query


def _era(query: Query, *, older: bool, read: Callable[[str], Query]) -> Query:
    """An era asked for moves by its own length (the 80s: the 70s or the 90s); with none, the parser's reading of
    'X but older' holds (years relative to the named acts), else of 'older' alone."""
    low, high = query.year_min, query.year_max
    if low is not None or high is not None:
        low, high = _shifted(low, high, older=older)
        return replace(query, year_min=low, year_max=high, artists_from=None if older else query.artists_from)
    word = "older" if older else "newer"
    reading = _joined(query, word, read) or read(word)
    return replace(query, year_min=reading.year_min, year_max=reading.year_max, artists_from=reading.artists_from)


def _shifted(low: int | None, high: int | None, *, older: bool) -> tuple[int | None, int | None]:
    """The era before or after this one, as long as it (at least a decade); an open end stays open."""
    if low is not None and high is not None:
        width = max(DECADE, high - low + 1)
        return (low - width, low - 1) if older else (high + 1, high + width)
    if low is not None:  # 'from 2010'
        return (low - DECADE, low - 1) if older else (low + DECADE, None)
    assert high is not None  # 'up to 2005'
    return (None, high - DECADE) if older else (high + 1, high + DECADE)


def _joined(query: Query, word: str, read: Callable[[str], Query]) -> Query | None:
    """'<the request> but older', when it still names the same seeds: the acts' own years say what older is."""
    if not (query.seed_artists or query.seed_tracks) or not query.text:
        return None
    try:
        reading = read(f"{query.text} but {word}")
    except UserInputError:  # the request was as long as one may be
        return None
    same = [r.id for r in reading.seed_artists] == [r.id for r in query.seed_artists] and [
        r.id for r in reading.seed_tracks
    ] == [r.id for r in query.seed_tracks]
    return reading if same else None


def _sound(query: Query, said: Query, read: Callable[[str], Query]) -> Query:
    """The twist's mood added; what the request asked for that contradicts it ('upbeat' beside 'calmer': energy
    above 0.7 and below 0.45) gives way, whole: a mood and every bound its word set."""
    if not said.features and not said.moods:
        return query
    clashing = {f.because for f in query.features if any(f.disjoint(g) for g in said.features)}
    new = {_bounds(f) for f in said.features}
    kept = tuple(f for f in query.features if f.because not in clashing and _bounds(f) not in new)
    moods = [m for m in query.moods if not _mood_clashes(m, said.features, read)]
    return replace(query, moods=tuple(dict.fromkeys((*moods, *said.moods))), features=(*kept, *said.features))


def _mood_clashes(mood: str, features: Sequence[FeatureRange], read: Callable[[str], Query]) -> bool:
    try:
        own = read(mood).features
    except UserInputError:
        return False
    return any(f.disjoint(g) for f in own for g in features)


def _bounds(f: FeatureRange) -> tuple[str, float | None, float | None, float | None]:
    return (f.feature, f.low, f.high, f.target)
