"""Tokens of a request and the span grammar the parser scans them with (clauses, phrases, eras).

A token keeps its original text (capitals are a signal for names), its `normalize_name` form (what every
vocabulary and the catalog are keyed by) and the boundary before it: a sentence end, ';', ':', brackets or a new
line end a clause, and nothing spans two clauses.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from segue.engine.query import lexicon as lx
from segue.engine.query.gloss import GLOSS
from segue.text import normalize_name

# Discord markup, links, and typed "@name" addressing ("@Segue something like ..."): none of it is a request.
DISCORD_MARKUP = re.compile(r"<a?:\w+:\d+>|<(?:@[!&]?|#)\d+>|(?<![\w@])@[\w.-]+|https?://\S+", re.IGNORECASE)
QUOTED = re.compile(r"(?<!\w)(['\"\u2018\u201c])([^'\"\u2018\u2019\u201c\u201d]{2,80})['\"\u2019\u201d](?!\w)")
"""A quoted title: 'Redbone', "Redbone", or in curly quotes; an apostrophe inside a word does not open one."""
_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|&")
_APOSTROPHES = str.maketrans("", "", "'\u2019")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "feat", "ft", "mt"})
"""Words a full stop follows as an abbreviation, not a sentence end, whatever their case."""
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_HARD_CHARS = frozenset(";:()[]{}\n|")
_COLON_LEADS = frozenset({"like", "to", "this", "these", "as", "one", "of"})
"""Words after which a colon opens the cue's object rather than a new clause."""
_DASH = re.compile(r"\s[-\u2013\u2014]+\s")
_DECADE = re.compile(r"^(?:(\d0)|(19\d0|20\d0))s$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SHORT_YEAR = re.compile(r"^\d\d$")
_MODIFIERS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}


def is_era_word(word: str) -> bool:
    """'80s', '1999', 'eighties': words a catalog tag must not contain to count as a genre ('80s pop' is an era)."""
    return bool(_DECADE.match(word) or _YEAR.match(word)) or word in lx.DECADE_WORDS


@dataclass(slots=True)
class Tok:
    raw: str
    norm: str
    """`normalize_name` of the token ("don't" -> "don t"), the form every vocabulary is keyed by."""
    word: str
    """The token without apostrophes ("dont", "80s"), for numbers, eras and apostrophe-free name keys."""
    start: int
    end: int
    hard: bool
    """A sentence or clause boundary lies before this token."""
    initial: bool
    comma: bool
    dash: bool
    plus: bool
    head: str = ""
    """First word of `norm`, the key into a vocabulary's first words."""

    @property
    def cap(self) -> bool:
        return self.raw[:1].isupper()


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        raw = m.group()
        if raw == "&":
            norm = word = "and"
        elif raw.isascii():
            norm = raw.lower().replace("'", " ")
            word = raw.lower().replace("'", "")
        else:
            norm, word = normalize_name(raw), normalize_name(raw.translate(_APOSTROPHES))
        if not norm:
            continue
        # "simlar", "triste": the word the vocabularies know; the raw text stays for what the answer quotes.
        if norm in GLOSS:
            norm = word = GLOSS[norm]
        gap = text[prev_end : m.start()]
        # "Mr. Oizo", "St. Vincent": a full stop after a one- or two-letter capitalized word is an abbreviation, and
        # after one letter typed in lower case, before a word in lower case, an initial ('songs like j. cole'); a
        # title's usual abbreviations in any case ('like mr. brightside', 'feat. drake').
        initial = len(toks[-1].raw) == 1 and raw[:1].islower() if toks else False
        abbrev = (
            bool(toks)
            and gap.startswith(".")
            and ((len(toks[-1].raw) <= 2 and (toks[-1].cap or initial)) or toks[-1].raw.lower() in _ABBREVIATIONS)
        )
        sentence = not toks or (bool(_SENTENCE_END.search(gap)) and not abbrev) or "\n" in gap
        hard = sentence or any(c in _HARD_CHARS for c in gap)
        # "more like this: Hey Jude", "similar to: Wonderwall": a colon after a cue introduces what it points at.
        if hard and not sentence and gap.strip() == ":" and toks[-1].norm in _COLON_LEADS:
            hard = False
        plus = text[m.end() : m.end() + 1] == "+"
        dash = bool(_DASH.search(gap))
        # 'black sabbath / electric wizard', 'big thief + bon iver': a spaced slash or plus lists like a comma (AC/DC
        # keeps its own).
        listed = "," in gap or (gap.strip() in ("/", "+") and gap != gap.strip())
        tok = Tok(raw, norm, word, m.start(), m.end(), hard, sentence, listed, dash, plus, norm.split()[0])
        toks.append(tok)
        prev_end = m.end()
    return toks


class Phrases:
    """A phrase vocabulary with its first words and longest length, so most tokens are rejected in one probe."""

    __slots__ = ("first", "longest", "words")

    def __init__(self, phrases: Iterable[str]) -> None:
        self.words = frozenset(p for p in phrases if p)
        self.first = frozenset(p.split()[0] for p in self.words)
        self.longest = max((len(p.split()) for p in self.words), default=0)

    def __contains__(self, key: object) -> bool:
        return key in self.words


class Tokens:
    """A tokenized request with a used-up flag per token, and the phrase and era matching over it."""

    def __init__(self, text: str) -> None:
        self.src = DISCORD_MARKUP.sub("\n", text)
        self.toks = tokenize(self.src)
        self.n = len(self.toks)
        self.used = [False] * self.n
        self.reach = [0] * self.n
        """Tokens from i to the end of its clause."""
        for k in range(self.n - 1, -1, -1):
            self.reach[k] = 1 if k == self.n - 1 or self.toks[k + 1].hard else self.reach[k + 1] + 1
        self._keys: dict[tuple[int, int], str] = {}

    def colon_after(self, i: int) -> bool:
        """A colon between token i and the next ('more like this: Hey Jude')."""
        return i + 1 < self.n and ":" in self.src[self.toks[i].end : self.toks[i + 1].start]

    def mark(self, i: int, length: int) -> None:
        for k in range(i, min(i + length, self.n)):
            self.used[k] = True

    def free(self, i: int, length: int) -> bool:
        """Tokens i..i+length-1 exist, are unused and lie in one clause."""
        if length <= 0 or i < 0 or i >= self.n or length > self.reach[i]:
            return False
        return True not in self.used[i : i + length]

    def key(self, i: int, length: int) -> str:
        """Normalized text of tokens i..i+length-1 (cached: the scan asks for the same spans many times)."""
        key = self._keys.get((i, length))
        if key is None:
            key = self._keys[i, length] = " ".join(t.norm for t in self.toks[i : i + length])
        return key

    def surface(self, i: int, length: int) -> str:
        return self.src[self.toks[i].start : self.toks[i + length - 1].end]

    def starts(self, i: int, phrases: Phrases) -> range:
        """Candidate lengths (longest first) of a phrase from `phrases` at i; empty when no phrase starts here."""
        if i >= self.n or self.used[i] or self.toks[i].head not in phrases.first:
            return range(0)
        return range(min(phrases.longest, self.reach[i]), 0, -1)

    def phrase(self, i: int, phrases: Phrases) -> int:
        """Length in tokens of the longest phrase from `phrases` starting at i (0 if none)."""
        for length in self.starts(i, phrases):
            if self.free(i, length) and self.key(i, length) in phrases:
                return length
        return 0

    def skip(self, i: int, words: Collection[str]) -> int:
        while i < self.n and not self.used[i] and self.toks[i].norm in words:
            i += 1
        return i

    def _place_name(self, j: int, length: int) -> bool:
        """'new york', 'new orleans': 'new' opening a place's name is no era ('songs about new york' was 2016 on)."""
        nxt = j + length
        return length == 1 and nxt < self.n and f"{self.toks[j].norm} {self.toks[nxt].norm}" in lx.NEW_PLACES

    def _around(self, j: int, length: int) -> list[Tok]:
        """The three words each side of the phrase at j: the genre an era word speaks of."""
        return self.toks[max(0, j - 3) : j] + self.toks[j + length : j + length + 3]

    def _near_hip_hop(self, j: int, length: int) -> bool:
        """'hip hop' or 'rap' within three words of the phrase at j: 'golden era' is then hip hop's."""
        return any(t.norm in lx.GOLDEN_GENRES for t in self._around(j, length))

    def _young_genre_near(self, j: int, length: int) -> int | None:
        """The end of its own old school of a young genre within three words of the phrase at j ('reggaeton
        viejo', 'old school dubstep'), else None."""
        return next((lx.YOUNG_GENRES[t.norm] for t in self._around(j, length) if t.norm in lx.YOUNG_GENRES), None)

    def recent_at(self, j: int) -> bool:
        """A word for now at j ('modern', 'new', 'these days'), which a decade beside it turns into a sound."""
        length = self.phrase(j, _RECENT)
        return bool(length) and not self.phrase(j, _BOUNDS) and not self._place_name(j, length)

    def era_at(self, j: int, ref: int) -> tuple[int, int | None, int | None] | None:
        """(tokens, year_min, year_max) of an era expression at j."""
        # A bound first: 'older than 2000' is before 2000, not 'older' (up to 2005) and then the year 2000 alone.
        if (length := self.phrase(j, _BOUNDS)) and (bounded := self._bounded(j, length)) is not None:
            return bounded
        if (length := self.phrase(j, _RECENT)) and not self._place_name(j, length):
            return length, ref - lx.RECENT_WORDS[self.key(j, length)], None
        if length := self.phrase(j, _OLD):
            young = self._young_genre_near(j, length)
            latest = lx.OLD_WORDS[self.key(j, length)]
            return length, None, latest if young is None or latest < lx.OLD_WORDS["old"] else young
        if length := self.phrase(j, _GENERATIONS):  # 'stuff from when my parents were young'
            return length, *lx.GENERATIONS[self.key(j, length)]
        if (length := self.phrase(j, _GOLDEN)) and self._near_hip_hop(j, length):
            return length, *lx.GOLDEN_ERAS[self.key(j, length)]
        if self.phrase(j, _BOUNDS):
            return None
        if self.free(j, 1) and self.toks[j].norm == "between":
            first = self.era_unit(self.skip(j + 1, ("the",)))
            if first is None:
                return None
            k = self.skip(j + 1, ("the",)) + first[0]
            if self.free(k, 1) and self.toks[k].norm == "and":
                k2 = self.skip(k + 1, ("the",))
                if (second := self.era_unit(k2)) is not None:
                    return k2 + second[0] - j, min(first[1], second[1]), max(first[2], second[2])
            return None
        unit = self.era_unit(j)
        if unit is None:
            return self._short_year_first(j)
        ul, lo, hi = unit
        k = j + ul
        if self.toks[k - 1].plus:
            return ul, lo, None
        if length := self.phrase(k, _ONWARDS):
            return ul + length, lo, None
        if length := self.phrase(k, _EARLIER):
            return k - j + length, None, hi
        hyphen = self._hyphen_before(k)
        join = 0 if hyphen else self.phrase(k, _JOIN)
        if (hyphen and self.free(k, 1)) or join:
            k2 = self.skip(k + join, ("the",))
            if (second := self.era_unit(k2)) is not None:
                return k2 + second[0] - j, min(lo, second[1]), max(hi, second[2])
            if hyphen and lo == hi and _SHORT_YEAR.match(self.toks[k].word):  # '2005-08': to 2008
                last = lo - lo % 100 + int(self.toks[k].word)
                if last > lo:
                    return k + 1 - j, lo, last
        return ul, lo, hi

    def _hyphen_before(self, k: int) -> bool:
        gap = self.src[self.toks[k - 1].end : self.toks[k].start] if 0 < k < self.n else ""
        return gap.strip() in ("-", "\u2013", "\u2014")

    def _short_year_first(self, j: int) -> tuple[int, int | None, int | None] | None:
        """'99-2002': a year written short before a hyphen and a whole year is the range's first year."""
        if not (self.free(j, 2) and _SHORT_YEAR.match(self.toks[j].word) and self._hyphen_before(j + 1)):
            return None
        second = self.era_unit(j + 1)
        if second is None or second[1] != second[2] or second[0] != 1:
            return None
        first = _two_digit_decade(int(self.toks[j].word))
        return (2, first, second[2]) if first < second[1] else None

    def _bounded(self, j: int, length: int) -> tuple[int, int | None, int | None] | None:
        """'before 2000', 'until 2005', 'after the 80s': a bound word of `length` tokens at j and the era after it."""
        word = self.key(j, length)
        k = self.skip(j + length, ("the",))
        unit = self.era_unit(k)
        if unit is None:
            return None
        ul, lo, hi = unit
        total = k - j + ul
        if word in lx.ERA_BEFORE:
            return total, None, lo - 1
        if word in lx.ERA_UNTIL:
            return total, None, hi
        return (total, hi + 1, None) if word in lx.ERA_AFTER else (total, lo, None)

    def era_unit(self, k: int) -> tuple[int, int, int] | None:
        """(tokens, first year, last year) of a year or decade at k: '2019', '80s', 'the eighties', 'late 90s'."""
        if not self.free(k, 1):
            return None
        shift = _MODIFIERS.get(self.toks[k].word)
        start = k + 1 if shift else k
        if not self.free(start, 1) or (shift and not self.free(k, 2)):
            return None
        word = self.toks[start].word
        decade: int | None = None
        length = 1
        if not shift and (named := lx.NAMED_ERAS.get(word)) is not None:
            return 1, named[0], named[1]
        if m := _DECADE.match(word):
            decade = int(m.group(2)) if m.group(2) else _two_digit_decade(int(m.group(1)))
        elif _YEAR.match(word) and not shift:
            return 1, int(word), int(word)
        elif dl := self.phrase(start, _DECADES):
            decade, length = lx.DECADE_WORDS[self.key(start, dl)], dl
        if decade is None:
            return None
        lo, hi = (decade + shift[0], decade + shift[1]) if shift else (decade, decade + 9)
        return start + length - k, lo, hi


def _two_digit_decade(d: int) -> int:
    return 2000 + d if d <= 20 else 1900 + d


_RECENT = Phrases(lx.RECENT_WORDS)
_OLD = Phrases(lx.OLD_WORDS)
_GENERATIONS = Phrases(lx.GENERATIONS)
_GOLDEN = Phrases(lx.GOLDEN_ERAS)
_BOUNDS = Phrases(lx.ERA_BEFORE | lx.ERA_UNTIL | lx.ERA_AFTER | lx.ERA_SINCE)
_ONWARDS = Phrases(lx.ERA_ONWARDS)
_EARLIER = Phrases(lx.ERA_EARLIER)
_JOIN = Phrases(lx.ERA_RANGE_JOIN)
_DECADES = Phrases(lx.DECADE_WORDS)
