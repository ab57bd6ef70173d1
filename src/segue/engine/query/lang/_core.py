"""Reading a request written in another language as the English the scan knows, and saying which language it was.

The scan's vocabularies (cues, moods, genres, eras, counts) are English. A request in Spanish, French, German or
Portuguese is read by rewriting its request words, phrase by phrase and longest first, into those English words
("rock de los 80 pero sin metal" -> "rock from the 80s but without metal"); everything else, above all artist and
track names, is left exactly as typed. Matching is accent- and case-insensitive (`normalize_name` keys), so
"clasica" and "clásica" are one word.

Which language: each language counts the tokens its table explains, except words that are also everyday English
("no", "die", "me"), which prove nothing, and words another table shares, which count half. The language
explaining the most tokens wins; a tie is reported as undetected but still read (the tied tables agree on the
words they share). A request with no foreign evidence is not rewritten at all, so English parsing is untouched:
it is English when it has an English word, of no language when it is only names or genres. docs/LANGUAGES.md
tells how to add a language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from segue.domain import Query
from segue.engine.query.tokens import DISCORD_MARKUP, QUOTED
from segue.text import normalize_name

_WORD = re.compile(r"[^\W_]+")
_CONTRACTED = re.compile(r"(?i)(?<=[a-z])['\u2019](d|ll|re|ve|m|s|t)\b")
"""The tail of an English contraction ('I'd', 'we're', 'don't'): glued behind a word, never a word of its own, while
an elision comes before its word ('d'amour', 'l'été')."""
_TWO_DIGIT_DECADE = re.compile(r"^(?:[2-9]0|00|10)$")
_FULL_DECADE = re.compile(r"^(?:19[0-9]0|20[0-2]0)$")
MAX_NAME_WORDS = 6
"""Longest artist name protected from rewriting, in words (as the scan's own name probes)."""


def table(text: str, endings: Iterable[str] = ()) -> Mapping[str, str]:
    """'word=english' pairs separated by whitespace; '_' stands for a space on either side; 'mas=' drops a word.

    A word ending in '*' stands for its stem with each of `endings` ('tranquil*' with o/a/os/as); a word
    ending in '+' for itself and those forms ('triste+' with s: 'triste', 'tristes'). Earlier entries win.
    """
    forms = tuple(endings)
    # A stem and an ending of letters alone normalize apart, letter by letter, then join: a Russian table's stems
    # times 22 case endings are ~2,600 keys, each ~8 us to normalize whole (the process's start, issue 14).
    folded = [normalize_name(e) if e.isalpha() else None for e in forms]
    pairs: dict[str, str] = {}
    for item in text.split():
        word, sep, english = item.partition("=")
        if not sep:
            raise ValueError(f"lexicon entry without '=': {item!r}")
        target = english.replace("_", " ").strip()
        stem = word.rstrip("*+")
        keys = [] if word.endswith("*") else [normalize_name(stem.replace("_", " "))]
        if word.endswith(("*", "+")):
            key = normalize_name(stem) if stem.isalpha() else None
            keys += [
                key + f if key is not None and f is not None else normalize_name((stem + e).replace("_", " "))
                for e, f in zip(forms, folded, strict=True)
            ]
        for key in keys:
            pairs.setdefault(key, target)
    return MappingProxyType(pairs)


def unmarked(phrases: Mapping[str, str], letters: Mapping[str, str]) -> Mapping[str, str]:
    """Each key also spelled with `letters` replaced ('wesołe' and 'wesole', 'şarkı' and 'sarki'): members type a
    language without its letters, and `normalize_name` folds accents but not a letter of its own ('ł', 'ı')."""
    both = dict(phrases)
    for key, english in phrases.items():
        if any(c in key for c in letters):
            both.setdefault("".join(letters.get(c, c) for c in key), english)
    return MappingProxyType(both)


def words(text: str) -> frozenset[str]:
    """Whitespace-separated words or '_'-joined phrases, normalized."""
    return frozenset(normalize_name(w.replace("_", " ")) for w in text.split())


@dataclass(frozen=True, slots=True)
class Language:
    """One request language: its phrase table into English and the few rules a table cannot say."""

    code: str
    """BCP 47 tag as Discord's locales spell it ('es', 'fr', 'de', 'pt-BR')."""
    phrases: Mapping[str, str]
    """Normalized word or phrase -> English ('' drops it). Identity entries keep a phrase whole ('rock en espanol')."""
    weak: frozenset[str] = frozenset()
    """Table words that are also everyday English or names ('no', 'die'): read, but no evidence of the language."""
    decade_leads: frozenset[str] = frozenset()
    """Words before a bare decade number that make it a decade ('los 80', 'annees 80', 'anos 2000')."""
    decade_suffixes: tuple[str, ...] = ()
    """Endings glued to a decade number ('80er', '90ern'): the number alone is the decade."""
    compound_heads: Mapping[str, str] = field(default_factory=dict)
    """Last parts of compound words ('partymusik', 'rockbands'): split off and read as two words."""
    by_words: frozenset[str] = frozenset()
    """Words that say whose a song is before an artist's name ('la flaca de Jarabe de Palo'): read as 'by' there,
    so the song is found ('de' as 'of' left the title unread)."""
    possessive: frozenset[str] = frozenset()
    """Words whose owner is the name right after them, with no word between ('песни Queen': Russian says whose
    songs by the name's case): read with 'by' after them there, so the act's own songs are asked for."""
    letters: str = ""
    """Letters only this language of the five writes ('ã', 'õ'; 'ñ'): they tell two languages apart whose table
    words explain a request alike, names included ('rock nacional anos 80 tipo legião urbana')."""
    joins: frozenset[str] = frozenset()
    """Its own words for 'and' and 'or' ('y', 'o'; 'e', 'ou'): between two names they tell two languages apart whose
    table words explain a request alike ('algo como mana o juanes', 'mpb tipo caetano veloso e gilberto gil')."""
    unwritten: str = ""
    """Letters this language never writes: 'música' is Spanish or Portuguese, not Italian ('ù'), when the words fit
    all three alike."""
    segment: Callable[[str], str] | None = None
    """For a language written without spaces (Japanese): the text with its words cut apart, before it is read."""
    name_cases: tuple[tuple[str, str], ...] = ()
    """(typed ending, the name's own ending) pairs for a language that declines an act's name as any noun
    ('od Maty' is 'by Mata', 'jak Bedoesa' 'like Bedoes'): a word no table or name explains, capitalized or after a
    word for 'like' or 'by', is read as the act its ending undone names."""
    longest: int = field(init=False, default=1)
    firsts: frozenset[str] = field(init=False, default=frozenset())
    """First words of the phrases: most tokens of a request are rejected with one set probe."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "longest", max((len(p.split()) for p in self.phrases), default=1))
        object.__setattr__(self, "firsts", frozenset(p.split()[0] for p in self.phrases if p))


@dataclass(frozen=True, slots=True)
class _Piece:
    """A run of source text and what it reads as ('' when it is kept as typed)."""

    start: int
    end: int
    english: str | None
    """None: kept as typed; otherwise the English that replaces it (possibly empty)."""
    evidence: bool = False
    key: str = ""
    """The table phrase matched ('' for a rule: a glued decade, a compound)."""
    words: int = 1


@dataclass(frozen=True, slots=True)
class Reading:
    """A request as the scan should read it, and how to put the user's own words back into the result."""

    original: str
    text: str
    language: str | None
    """The detected language; 'en' for English words and nothing foreign; None when nothing tells (names and
    genres only) or two languages explain the words alike: the answer then speaks the member's language."""
    spans: tuple[tuple[int, int, int, int], ...] = ()
    """(start, end) in `text` -> (start, end) in `original`, for each rewritten piece."""
    tied: tuple[str, ...] = ()
    """The languages that explain the words alike when `language` is None ('música triste': es and pt-BR)."""

    def restore(self, query: Query) -> Query:
        """The parsed query with the user's own text and words (not the English stand-ins) and the language."""
        return replace(
            query,
            text=self.original,
            language=self.language,
            tongues=self.tied,
            ignored=tuple(dict.fromkeys(self._original_words(p) for p in query.ignored)),
            unresolved=tuple(dict.fromkeys(self._original_words(p) for p in query.unresolved)),
        )

    def _original_words(self, phrase: str) -> str:
        """The typed words behind a phrase of the rewritten text (unchanged when nothing in it was rewritten)."""
        if not self.spans:
            return phrase
        # The phrase as whole words: 'ser' is not the start of 'sertanejo'.
        found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", self.text)
        if found is None:
            return phrase
        at = found.start()
        end = at + len(phrase)
        covering = [s for s in self.spans if s[0] < end and at < s[1]]
        if not covering:
            return phrase
        # Grow the phrase to the pieces it touches, then map both ends back to the typed text.
        lo = min(at, *(s[0] for s in covering))
        hi = max(end, *(s[1] for s in covering))
        left = next((s for s in covering if s[0] <= lo), None)
        right = next((s for s in reversed(covering) if s[1] >= hi), None)
        o_lo = left[2] if left is not None else self._shift(lo)
        o_hi = right[3] if right is not None else self._shift(hi)
        return self.original[o_lo:o_hi].strip() or phrase

    def _shift(self, pos: int) -> int:
        """A position in `text` outside any rewritten piece, mapped to `original` by the pieces before it."""
        delta = 0
        for _new_start, new_end, _old_start, old_end in self.spans:
            if new_end <= pos:
                delta = old_end - new_end
        return pos + delta


class Languages:
    """The request languages Segue reads besides English; `read` rewrites a request and names its language."""

    def __init__(
        self,
        languages: Iterable[Language],
        *,
        english: frozenset[str] = frozenset(),
        english_vocabulary: frozenset[str] = frozenset(),
    ) -> None:
        self.by_code: Mapping[str, Language] = MappingProxyType({lang.code: lang for lang in languages})
        self.english = english
        """English function words ('songs', 'for', 'a'): a request made mostly of them is English even when it
        borrows a word ('songs for a fiesta'); the borrowed word is still read."""
        self.english_vocabulary = english | english_vocabulary
        """Words that make a request with nothing foreign English ('sad', 'chill' besides the function words)."""
        # A phrase in two tables or more, counted once over all tables (not each table against the union of the
        # others: eleven unions of ~7,000 phrases).
        tables = Counter(p for lang in self.by_code.values() for p in lang.phrases)
        self._shared: dict[str, frozenset[str]] = {
            code: frozenset(p for p in lang.phrases if tables[p] > 1) for code, lang in self.by_code.items()
        }
        """Per language, its table phrases that another language's table also has ('musica', 'dos')."""
        langs = self.by_code.values()
        self._telling = frozenset(word for lang in langs for word in _telling(lang, self.english_vocabulary))
        """One word of every table phrase that could prove its language: a request with none of them is read at
        once (most English requests)."""
        self._heads = tuple(head for lang in langs for head in lang.compound_heads)
        self._suffixes = tuple(suffix for lang in langs for suffix in lang.decade_suffixes)
        self._segmenters = tuple(lang.segment for lang in langs if lang.segment is not None)

    def _language(self, code: str) -> Language | None:
        """A language by Discord's or Babel's spelling: 'es-ES' and 'es_419' are Spanish, 'pt' is 'pt-BR'."""
        if (exact := self.by_code.get(code)) is not None:
            return exact
        base = code.replace("_", "-").split("-")[0].lower()
        return next((lang for c, lang in self.by_code.items() if c.split("-")[0].lower() == base), None)

    def _may_read(self, key: str) -> bool:
        """Whether this word could prove some language (most English words cannot)."""
        if key in self._telling:
            return True
        if key[:1].isdigit():
            return bool(self._suffixes) and key.endswith(self._suffixes)
        return not key.isascii() or (bool(self._heads) and key.endswith(self._heads) and key not in self._heads)

    def _plain(self, text: str, toks: list[tuple[int, int, str]]) -> Reading:
        """A request with nothing foreign: English when it has an English word ('sad songs'), no language when it
        is only names or genres ('Daft Punk', 'salsa'), so the answer falls back to the member's locale."""
        english = any(key in self.english_vocabulary for _, _, key in toks)
        return Reading(text, text, "en" if english else None)

    def _english_words(self, lang: Language, pieces: list[_Piece], toks: list[tuple[int, int, str]]) -> int:
        """English function words of the request that the language's table did not read."""
        taken = [(p.start, p.end) for p in pieces if p.english is not None]
        return sum(
            1
            for start, _, key in toks
            if key in self.english and key not in lang.phrases and not any(a <= start < b for a, b in taken)
        )

    def _evidence(self, lang: Language, pieces: list[_Piece]) -> float:
        """Words only this language explains count whole, words it shares with another language half."""
        shared = self._shared.get(lang.code, frozenset())
        return sum(p.words * (0.5 if p.key in shared else 1.0) for p in pieces if p.evidence)

    def read(self, text: str, is_name: Callable[[str], bool] | None = None, *, language: str | None = None) -> Reading:
        """How the scan should read `text`; `is_name` says whether a normalized span is an artist name (kept).

        `language` forces one language (a user's or server's choice) instead of detecting it.
        """
        if language is not None and language.lower().startswith("en"):
            return Reading(text, text, "en")
        for segment in self._segmenters:
            text = segment(text)
        # A word of letters and digits normalizes to its lower case when it is ASCII (no accents, no punctuation).
        toks = [(m.start(), m.end(), _key(m.group())) for m in _WORD.finditer(text)]
        # Links, mentions and emoji are not request words: nothing inside them is read or rewritten.
        markup = [(m.start(), m.end()) for m in DISCORD_MARKUP.finditer(text)]
        # Nor inside a quoted title of two words or more ("qui ressemble à 'la vie en rose'" made it 'the vie in
        # rose'); one quoted word may be a request word ("pas trop 'triste'") and is read.
        markup += [(m.start(2), m.end(2)) for m in QUOTED.finditer(text) if len(m.group(2).split()) > 1]
        # Nor an English contraction's tail ('I'd like some soul': French read its 'd' as an elided 'de').
        markup += [(m.start(1), m.end(1)) for m in _CONTRACTED.finditer(text)]
        toks = [t for t in toks if t[2] and not any(a <= t[0] < b for a, b in markup)]
        if not toks:
            return Reading(text, text, None)
        forced = self._language(language) if language else None
        if forced is None and not any(self._may_read(key) for _, _, key in toks):
            return self._plain(text, toks)
        candidates = [forced] if forced is not None else list(self.by_code.values())
        # Names are probed only for languages with evidence: a plain English request costs a table look-up a word.
        if forced is None:
            candidates = [lang for lang in candidates if self._evidence(lang, _pieces(lang, text, toks, None))]
            if not candidates:
                return self._plain(text, toks)
        scored = []
        for lang in candidates:
            pieces = _pieces(lang, text, toks, is_name)
            scored.append((self._evidence(lang, pieces), lang, pieces))
        scored.sort(key=lambda s: -s[0])
        best_score, best, pieces = scored[0]
        if forced is None and best_score == 0:
            return self._plain(text, toks)
        tied = forced is None and len(scored) > 1 and scored[1][0] == best_score
        possible: list[Language] = []
        if tied:
            lowered = text.lower()
            # The tied languages that write every letter of the text ('música' is not Italian, 'romântica' not
            # Spanish): the one left settles the tie, else they are the tongues the answer leans to.
            possible = [
                lang
                for score, lang, _ in scored
                if score == best_score and not any(c in lowered for c in lang.unwritten)
            ]
            written = [lang for score, lang, _ in scored if score == best_score and _writes(lang, text)]
            if not written:
                keys = {key for _, _, key in toks}
                written = [lang for score, lang, _ in scored if score == best_score and lang.joins & keys]
            if len(written) != 1:  # 'bachata romântica': Spanish and Italian never write 'â'
                written = possible
            if len(written) == 1:
                best, pieces = written[0], next(p for _, lang, p in scored if lang is written[0])
                tied = False
        if forced is None and self._english_words(best, pieces, toks) > best_score:
            # English with a borrowed word: read the foreign words only, and the request stays English.
            rewritten, spans = _rebuild(text, [p for p in pieces if p.evidence])
            return Reading(text, rewritten, "en", spans)
        rewritten, spans = _rebuild(text, pieces)
        if tied:
            return Reading(text, rewritten, None, spans, tuple(lang.code for lang in possible))
        return Reading(text, rewritten, best.code, spans)


def _telling(lang: Language, english: frozenset[str]) -> Iterable[str]:
    """A word of each phrase that could prove `lang` (a phrase matches only with all its words, so one will do):
    its longest word that is not English (the rarest, roughly: 'nacional' of 'rock nacional'), else its longest;
    single words only when they are evidence at all."""
    for key, target in lang.phrases.items():
        if " " not in key:  # one word (most phrases): itself, unless it proves nothing
            if key not in lang.weak and target != key:
                yield key
            continue
        words = key.split()
        foreign = [w for w in words if w not in english]
        yield max(foreign or words, key=len)
    yield from lang.decade_leads


def _writes(lang: Language, text: str) -> bool:
    """Whether the text holds a letter only this language writes."""
    return bool(lang.letters) and any(c in lang.letters for c in text.lower())


def _key(word: str) -> str:
    return word.lower() if word.isascii() else normalize_name(word)


def _pieces(
    lang: Language, text: str, toks: list[tuple[int, int, str]], is_name: Callable[[str], bool] | None
) -> list[_Piece]:
    """The request cut into rewritten pieces for one language, longest phrase first, names left alone."""
    pieces: list[_Piece] = []
    n = len(toks)
    # Names first, so no phrase reaches into one ('de los' must not take the 'Los' of 'Los Angeles Azules').
    ends = _name_ends(lang, text, toks, is_name) if is_name is not None else [n] * n
    titled = _titles_before_by(lang, text, toks, ends, is_name) if is_name is not None and lang.by_words else set()
    i = 0
    while i < n:
        if ends[i] < 0 or i in titled:
            i += 1
            continue
        raw = text[toks[i][0] : toks[i][1]]
        if raw[1:] != raw[1:].lower() and raw != raw.upper():  # 'BoA', 'deadmau5'-like mixed case: a name as typed
            i += 1
            continue
        if is_name is not None and _by_before_name(lang, toks, ends, i, is_name):
            pieces.append(_Piece(toks[i][0], toks[i][1], "by", toks[i][2] not in lang.weak, toks[i][2]))
            i += 1
            continue
        piece, used = _phrase_at(lang, text, toks if ends[i] == n else toks[: ends[i]], i)
        owned = piece is not None and piece.key in lang.possessive
        if owned and piece is not None and is_name is not None and _name_follows(lang, toks, ends, i + used, is_name):
            piece = replace(piece, english=f"{piece.english} by")
        if piece is not None:
            pieces.append(piece)
            i += used
            continue
        start, end, key = toks[i]
        if lang.name_cases and is_name is not None and (named := _declined(lang, text, toks, i, pieces, is_name)):
            pieces.append(named)
            i += 1
            continue
        if _joined_decade(pieces, toks, i) and (decade := _decade_number(key)) is not None:
            pieces.append(_Piece(start, end, decade))  # the '90' of 'los 80 y 90'
        elif (decade := _glued_decade(lang, key)) is not None:
            pieces.append(_Piece(start, end, decade, True))
        elif (split := _compound(lang, key)) is not None:
            pieces.append(_Piece(start, end, split, True))
        i += 1
    return pieces


def _titles_before_by(
    lang: Language, text: str, toks: list[tuple[int, int, str]], ends: list[int], is_name: Callable[[str], bool]
) -> set[int]:
    """Tokens of a song's title typed in capitals before a by-word and its act ('temas parecidos a De Música Ligera
    de Soda Stereo'): kept as typed, so the title is found ('De Música' read 'of music'). A run of the table's
    words alone is no title ('Música de Soda Stereo' is her music)."""
    titled: set[int] = set()
    for i in range(1, len(toks)):
        if not _by_before_name(lang, toks, ends, i, is_name):
            continue
        run = []
        j = i - 1
        while j >= 0 and ends[j] >= 0 and text[toks[j][0]].isupper():
            run.append(j)
            j -= 1
        if any(toks[k][2] not in lang.phrases for k in run):
            titled.update(run)
    return titled


def _by_before_name(
    lang: Language, toks: list[tuple[int, int, str]], ends: list[int], i: int, is_name: Callable[[str], bool]
) -> bool:
    """Token i says whose the song before it is: a by-word between a title word (not a table word: 'canciones de
    Shakira' reads as it is) and an artist's name (a protected one, or up to three words that are no table words:
    'de los 80' is a decade, 'de amor' love)."""
    n = len(toks)
    if toks[i][2] not in lang.by_words or not 0 < i < n - 1 or toks[i - 1][2] in lang.phrases or ends[i - 1] < 0:
        return False
    return _name_follows(lang, toks, ends, i + 1, is_name)


def _name_follows(
    lang: Language, toks: list[tuple[int, int, str]], ends: list[int], at: int, is_name: Callable[[str], bool]
) -> bool:
    """Whether an artist's name starts at token `at`: a protected one, or up to three words that are no table words
    ('de los 80' is a decade, 'de amor' love)."""
    if at >= len(toks):
        return False
    if ends[at] < 0:
        return True
    words = [t[2] for t in toks[at : at + 3]]
    if any(
        not any(w in lang.phrases for w in words[:length]) and is_name(" ".join(words[:length]))
        for length in range(len(words), 0, -1)
    ):
        return True
    # 'kawałki Maty': the name in the owner's case.
    return words[0] not in lang.phrases and any(is_name(base) for base in _undeclined(lang, words[0]))


def _phrase_at(lang: Language, text: str, toks: list[tuple[int, int, str]], i: int) -> tuple[_Piece | None, int]:
    """The longest table phrase (or 'los 80' decade) starting at token i, and how many tokens it covers."""
    n = len(toks)
    first = toks[i][2].split()[0]
    for length in range(min(lang.longest, n - i) if first in lang.firsts else 0, 0, -1):
        key = " ".join(t[2] for t in toks[i : i + length])
        english = lang.phrases.get(key)
        if english is None:
            continue
        # An everyday English word is read but proves nothing, nor does a phrase English spells alike ('bossa
        # nova') unless it was typed with the language's accents ('chanson française', 'forró').
        alike = english == key and text[toks[i][0] : toks[i + length - 1][1]].isascii()
        evidence = not alike and key not in lang.weak
        # A decade word before a number ('los' in 'los 80', 'de los' in 'de los 80') makes it a decade.
        nxt = i + length
        if nxt < n and (decade := _decade_number(toks[nxt][2])) is not None:
            # A weak word is no evidence here either: 'anos 80' is how Brazilians write it, a Spanish typist's
            # 'años' without the tilde ('rock nacional anos 80' was Argentine rock).
            if key in lang.decade_leads:
                return _Piece(toks[i][0], toks[nxt][1], decade, evidence, key, length), length + 1
            if key.split()[-1] in lang.decade_leads:
                joined = f"{english} {decade}".strip()
                return _Piece(toks[i][0], toks[nxt][1], joined, evidence, key, length), length + 1
        return _Piece(toks[i][0], toks[i + length - 1][1], english, evidence, key, length), length
    key = toks[i][2]
    if key in lang.decade_leads and i + 1 < n and (decade := _decade_number(toks[i + 1][2])) is not None:
        return _Piece(toks[i][0], toks[i + 1][1], decade, True, key), 2
    return None, 0


def _name_ends(
    lang: Language, text: str, toks: list[tuple[int, int, str]], is_name: Callable[[str], bool]
) -> list[int]:
    """Per token: -1 inside an artist name, else where the next name begins (or the request ends)."""
    n = len(toks)
    inside = [False] * n
    i = 0
    while i < n:
        length = _name_at(lang, text, toks, i, is_name)
        phrase, used = _phrase_at(lang, text, toks, i) if length else (None, 0)
        if phrase is not None and used >= max(2, length):  # 'la banda sonora' is the soundtrack, not La Banda
            i += used
            continue
        for k in range(i, i + length):
            inside[k] = True
        i += length or 1
    ends = [n] * n
    nxt = n
    for k in range(n - 1, -1, -1):
        if inside[k]:
            ends[k] = -1
            nxt = k
        else:
            ends[k] = nxt
    return ends


def _name_at(
    lang: Language, text: str, toks: list[tuple[int, int, str]], i: int, is_name: Callable[[str], bool]
) -> int:
    """Tokens in an artist name starting at i ('Los Prisioneros', 'Die Toten Hosen', 'La Oreja de Van Gogh'): two
    or more words, not all of them table words, and either holding a table word or written with a capital (a
    phrase starting before it must not take its first word). A name made only of table words ('Canciones
    Tristes') reads as the request it spells; 0 when there is none. Each probe is a catalog look-up, hence the
    conditions."""
    n = len(toks)
    capital = text[toks[i][0]].isupper()
    if _one_word_act(lang, text, toks, i, capital) and is_name(toks[i][2]):
        return 1
    for length in range(min(MAX_NAME_WORDS, n - i), 1, -1):
        span = toks[i : i + length]
        known = sum(1 for t in span if t[2] in lang.phrases)
        if known < length and (known or capital) and is_name(" ".join(t[2] for t in span)):
            return length
    return 0


_LIKE = frozenset(("like", "similar to", "such as"))


def _one_word_act(lang: Language, text: str, toks: list[tuple[int, int, str]], i: int, capital: bool) -> bool:
    """A one-word act right after 'like' or 'by' ('krautrock like Neu!', 'so was wie Neu!', "'Hallogallo' by Neu!"):
    written with a capital or its own '!', it is the act the member names, not the table word it spells ('neu': new,
    an era)."""
    if i == 0 or toks[i][2] not in lang.phrases:
        return False
    before = toks[i - 1][2]
    cue = before in ("like", "by") or lang.phrases.get(before) in _LIKE
    return cue and (capital or text[toks[i][1] : toks[i][1] + 1] == "!")


_JOINS = frozenset(("and", "or", "to", "until", "through"))


def _joined_decade(pieces: list[_Piece], toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token i follows 'decade, join word' ('los 80 y', 'années 80 et', 'anos 80 e'): a bare number
    there is a decade too."""
    if i < 2 or len(pieces) < 2 or not _TWO_DIGIT_DECADE.match(toks[i][2]):
        return False
    join, decade = pieces[-1], pieces[-2]
    return (
        join.start == toks[i - 1][0]
        and join.english in _JOINS
        and decade.end == toks[i - 2][1]
        and decade.english is not None
        and decade.english.endswith("0s")
    )


def _decade_number(key: str) -> str | None:
    if _TWO_DIGIT_DECADE.match(key) or _FULL_DECADE.match(key):
        return f"{key}s"
    return None


_NAME_CUES = frozenset(
    {"like", "by", "from", "similar to", "something like", "something similar to", "in the style of"}
)
"""What a word before a declined name reads as when the name is typed in lower case ('cos jak bedoesa')."""
MIN_STEM = 3
"""Letters a declined name keeps at least once its ending is undone ('Maty' -> 'mat' + 'a')."""


def _declined(
    lang: Language,
    text: str,
    toks: list[tuple[int, int, str]],
    i: int,
    pieces: list[_Piece],
    is_name: Callable[[str], bool],
) -> _Piece | None:
    """Token i as an act's name in another case ('Maty' -> 'mata', 'Hemingwaya' after 'Taco' -> 'taco hemingway'):
    only a capitalized word or one after a word for 'like' or 'by', and only an exact catalog name, so an unknown
    everyday word stays unknown."""
    start, end, key = toks[i]
    cued = bool(pieces) and pieces[-1].end == toks[i - 1][1] and (pieces[-1].english or "") in _NAME_CUES
    if not (text[start].isupper() or cued) or is_name(key):
        return None
    before = toks[i - 1][2] if i and not (pieces and pieces[-1].end == toks[i - 1][1]) else ""
    for base in _undeclined(lang, key):
        if before and is_name(f"{before} {base}"):
            return _Piece(toks[i - 1][0], end, f"{before} {base}")
        if is_name(base):
            return _Piece(start, end, base)
    return None


def _undeclined(lang: Language, key: str) -> Iterable[str]:
    """The forms a declined name may have in its own case, most likely first ('maty' -> 'mata', 'mato'...)."""
    for typed, own in lang.name_cases:
        if key.endswith(typed) and len(key) - len(typed) >= MIN_STEM:
            yield key[: len(key) - len(typed)] + own


def _glued_decade(lang: Language, key: str) -> str | None:
    """'80er', '90ern', '2000er' -> '80s', '90s', '2000s'."""
    for suffix in lang.decade_suffixes:
        if key.endswith(suffix) and (decade := _decade_number(key[: -len(suffix)])) is not None:
            return decade
    return None


def _compound(lang: Language, key: str) -> str | None:
    """'partymusik' -> 'party music', 'klaviermusik' -> 'piano music' (the first part through the table)."""
    for head, english in lang.compound_heads.items():
        first = key[: -len(head)]
        if key.endswith(head) and len(first) >= 3:
            first = first[:-1] if first.endswith("s") and first[:-1] in lang.phrases else first
            return f"{lang.phrases.get(first, first)} {english}".strip()
    return None


def _rebuild(text: str, pieces: list[_Piece]) -> tuple[str, tuple[tuple[int, int, int, int], ...]]:
    """The text with each piece replaced by its English; the (new, old) span of each replaced piece."""
    out: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    pos = 0
    length = 0
    for piece in pieces:
        if piece.english is None:
            continue
        out.append(text[pos : piece.start])
        length += piece.start - pos
        english = piece.english
        if not english:  # a dropped word: keep the words around it apart
            english = " "
        end = piece.end
        if text[end : end + 1] in ("'", "\u2019"):  # 'd'ambiance': the elided word's apostrophe goes with it
            end += 1
            english += " "
        spans.append((length, length + len(english), piece.start, end))
        out.append(english)
        length += len(english)
        pos = end
    out.append(text[pos:])
    return "".join(out), tuple(spans)
