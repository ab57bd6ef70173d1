"""Readings of measured bounds: a tempo in BPM ('around 120 bpm') and a song's length ('under 3 minutes').

Both take a number with its unit and the word before it that says which side it bounds ('over', 'under',
'between ... and ...'); a negation turns a bound around ('nothing over 5 min' is at most five minutes).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from segue.domain import FeatureRange
from segue.engine.query import lexicon as lx
from segue.engine.query.places import GenreScan
from segue.engine.query.state import Hit, State
from segue.engine.query.tokens import Phrases

_FLOORS = frozenset(("over", "above", "more than", "at least", "faster than", "longer than", "no shorter than"))
_CEILINGS = frozenset(
    ("under", "below", "less than", "at most", "slower than", "shorter than", "no longer than", "max", "up to")
)
_LEADS = Phrases((*_FLOORS, *_CEILINGS, "around", "about", "roughly", "approximately", "at", "between"))
TEMPO_NEAR = 8.0
"""BPM either side of a tempo asked for 'around' or exactly ('around 120 bpm': 112-128)."""
LENGTH_NEAR = 30
"""Seconds either side of a length asked for 'around' or exactly ('around 4 minutes': 3:30-4:30)."""
_TAIL_CEILINGS = Phrases(("or less", "or shorter", "or under", "max", "tops", "at most"))
_TAIL_FLOORS = Phrases(("or more", "or longer", "or over", "at least", "plus"))
SHORT_SONG = 180
"""'short songs', 'shorter tracks': at most three minutes (a tenth of the catalog's songs is shorter than 2:30)."""
LONG_SONG = 360
"""'long songs', 'epic long tracks': six minutes and more (a tenth of the catalog is longer than 6:00)."""
LONGEST_SONG = 900
"""Minutes said without a bound past this (a quarter hour) measure the listening ('songs for 30 minutes of cardio'):
a length bound there left nothing."""
_SESSIONS = lx.words(
    """
    session sessions workout workouts run runs class classes drive ride commute set sets playlist flight walk walks
    trip spin hiit yoga shift mix jog practice stretch cooldown warmup routine circuit
    """
)
"""What '30 min' measures when it is the listening: '8 songs for a 30 min hiit session' read a 30-minute song."""
_SHORT = Phrases(("short songs", "shorter songs", "short tracks", "shorter tracks", "quick songs", "short ones"))
_LONG = Phrases(("long songs", "longer songs", "long tracks", "longer tracks", "epic long songs", "long ones"))


class MeasureScan(GenreScan):
    """Tempo and length readings of a scan."""

    def _tempo(self, i: int) -> Hit | None:
        """'songs around 120 bpm', 'over 150 bpm', 'between 90 and 100 bpm': the tempo as a bound or a target."""
        read = self._numbers(i)
        if read is None:
            return None
        lead, numbers, j = read
        if not (self.free(j, 1) and self.toks[j].norm == "bpm") or not all(40 <= n <= 300 for n in numbers):
            return None
        low, high, target = _bounds(lead, numbers, TEMPO_NEAR)
        surface = self.surface(i, j + 1 - i)

        def apply(st: State, neg: bool) -> None:
            if not neg:
                st.features.append(FeatureRange("tempo", low, high, target, because=surface))

        return Hit(j + 1 - i, "tempo", apply)

    def _length(self, i: int) -> Hit | None:
        """'songs under 3 minutes', 'between 2 and 4 min', '5 minutes or less', 'short songs': how long a song is,
        in seconds ('under 3 minutes' seeded the band 3, and no length was read)."""
        if length := self.phrase(i, _SHORT):
            return Hit(length, "length", _apply_length(None, SHORT_SONG))
        if length := self.phrase(i, _LONG):
            return Hit(length, "length", _apply_length(LONG_SONG, None))
        read = self._numbers(i)
        if read is None:
            return None
        lead, numbers, j = read
        unit = lx.SECONDS_PER_UNIT.get(self.toks[j].norm) if self.free(j, 1) else None
        if unit is None:
            return None
        end = j + 1
        if not lead and len(numbers) == 1 and self._plus(j - 1):
            lead = "over"  # '10+ minutes'
        elif not lead and (tail := self.phrase(end, _TAIL_CEILINGS) if self.free(end, 1) else 0):
            lead, end = "under", end + tail  # '5 minutes or less'
        elif not lead and (tail := self.phrase(end, _TAIL_FLOORS) if self.free(end, 1) else 0):
            lead, end = "over", end + tail
        if self.free(end, 1) and self.toks[end].norm in ("long", "length"):
            end += 1  # 'songs over 8 minutes long': the word says what the minutes measure
        seconds = [n * unit for n in numbers]
        if not all(10 <= s <= 3600 for s in seconds):
            return None
        # 'a 30 min hiit session', 'the last 15 minutes of my class', 'about 20 minutes': the set's, not a song's
        bounded = lead in _FLOORS or lead in _CEILINGS or len(numbers) > 1
        if self._session(end) or self._of_what(end) or (not bounded and min(seconds) > LONGEST_SONG):
            return Hit(end - i, "length", lambda st, neg: None)
        low, high, _ = _bounds(lead, seconds, LENGTH_NEAR)
        return Hit(end - i, "length", _apply_length(_whole(low), _whole(high)))

    def _session(self, k: int) -> bool:
        """The word at k is what the minutes measure when it is the listening, not a song ('30 min session')."""
        return self.free(k, 1) and self.toks[k].norm in _SESSIONS

    def _of_what(self, k: int) -> bool:
        """Minutes 'of' something ('15 minutes of my flow', '30 minutes of cardio') are the listening's."""
        return self.free(k, 1) and self.toks[k].norm == "of"

    def _plus(self, k: int) -> bool:
        """The number at k is written with a '+' after it ('10+ minutes'), which the tokens drop."""
        end = self.toks[k].end
        return end < len(self.src) and self.src[end] == "+"

    def _numbers(self, i: int) -> tuple[str, list[float], int] | None:
        """The bound word at i ('' when none), one number or a range ('between 90 and 100', '90-100'), and where
        the unit should be; None without a number."""
        j = i + (lead := self.phrase(i, _LEADS))
        if not (self.free(j, 1) and self.toks[j].word.isdecimal()):
            return None
        numbers = [float(self.toks[j].word)]
        j += 1
        if self.free(j, 2) and self.toks[j].norm in ("and", "to") and self.toks[j + 1].word.isdecimal():
            j += 1  # 'between 90 and 100 bpm'
        if self.free(j, 1) and self.toks[j].word.isdecimal():  # '90-100 bpm'
            numbers.append(float(self.toks[j].word))
            j += 1
        return (self.key(i, lead) if lead else ""), numbers, j

    def _age(self, i: int) -> Hit | None:
        """'my kid turns 6 saturday, need party songs', 'for a 5 year old': someone's age, not how many songs (six
        were given, 'turns' left unread); the age itself asks nothing the words for a child don't."""
        if self.free(i, 1) and _GLUED_AGE.fullmatch(self.toks[i].word):  # 'my 16yo only listens to drake'
            return Hit(1, "age", lambda st, neg: None)
        turns = self.toks[i].norm in _AGE_VERBS and self.free(i + 1, 1)
        k = i + 1 if turns else i
        if not self.free(k, 1) or not (self.toks[k].word.isdecimal() or self.toks[k].word in lx.NUMBER_WORDS):
            return None
        after = self.phrase(k + 1, _AGE_NOUNS) if self.free(k + 1, 1) else 0
        if not turns and (not after or (self.free(k + 1 + after, 1) and self.toks[k + 1 + after].norm == "ago")):
            return None  # '2 years ago' is a time
        return Hit(k + 1 + after - i, "age", lambda st, neg: None)


_GLUED_AGE = re.compile(r"\d{1,2}(?:yo|yr|yrs|yrold)")
_AGE_VERBS = frozenset({"turns", "turned", "turning", "aged"})
_AGE_NOUNS = Phrases(
    (
        *(f"{unit}{old}" for unit in ("year", "years", "yr", "yrs") for old in ("", " old", " olds")),
        *("yo", "y o", "month old", "months old"),
    )
)


def _whole(value: float | None) -> int | None:
    return None if value is None else round(value)


def _apply_length(low: int | None, high: int | None) -> Callable[[State, bool], None]:
    def apply(st: State, neg: bool) -> None:
        if neg and (low is None) != (high is None):  # 'nothing over 5 min': a floor turned around is a ceiling
            st.seconds_min, st.seconds_max = high, low
        elif not neg:
            st.seconds_min, st.seconds_max = low, high

    return apply


def _bounds(word: str, numbers: list[float], near: float) -> tuple[float | None, float | None, float | None]:
    """(low, high, target) of a measure: 'over 150' is a floor, 'under 80' a ceiling, '120' a band of `near`."""
    if len(numbers) == 2:
        return min(numbers), max(numbers), sum(numbers) / 2
    value = numbers[0]
    if word in _FLOORS:
        return value, None, None
    if word in _CEILINGS:
        return None, value, None
    return value - near, value + near, value
