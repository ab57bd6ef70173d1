"""Name look-ups over spans of a request: exact probes, cued fuzzy matches and the cue phrases that govern them.

The base of the token scan (`scan._Scan`): a name is taken exactly where a capital, a cue or the whole request
says it is one, and fuzzily only on spans a cue points at, so everyday words ("Air", "Low", "Yes") are not names
by accident and the costly look-ups (~1-2 ms each on the real catalog) stay rare.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import OSA

from segue.catalog.title_parts import FAMOUS_ARTIST
from segue.domain import EntityRef, NameMatch
from segue.engine.protocols import NameResolver
from segue.engine.query import lexicon as lx
from segue.engine.query.genres import GROUPS, canonical_key
from segue.engine.query.meaning import WordMeanings
from segue.engine.query.moods import MOODS
from segue.engine.query.state import Hit, State, apply_artist, apply_track, apply_unresolved
from segue.engine.query.tokens import Phrases, Tok, Tokens
from segue.text import normalize_name

MAX_NAME_WORDS = 6
"""Longest artist name probed, in words ('Florence and the Machine', 'A Tribe Called Quest')."""
FUZZY_MIN = 88.0
"""Least fuzzy score (normalized Levenshtein) to accept a cued name: 'radiohed' -> Radiohead scores 94."""
EXACT = 100.0
TAG_IN_USE = 20
"""Tracks and artists carrying a tag from which an exactly typed tag beats a song title of that spelling."""
SUGGEST_MIN = 75.0
"""Least fuzzy score for a name to be offered as "did you mean"; typos score 80-95, unrelated names 50-70."""
TITLE_EXACT = 97.0
"""Score from which a span read through its little words ('Stairway to Heaven') counts as the song's title."""
TITLE_SPAN_WORDS = 7
TITLE_PAST_VOCAB_WORDS = 8
"""Longest title probed past a genre word inside it (`_title_past_vocab`)."""
FUZZY_SURE = 94.0
"""An artist this close (one typo in eight letters) is taken without also searching track titles."""
FUZZY_MIN_SHORT = 92.0
FUZZY_LONG = 7
"""Names under 7 characters need 92: one edit in five letters scores 89 ('jazzy' vs 'Azzy'), too easy to hit."""
FUZZY_MIN_CHARS = 4
"""Shorter spans are matched exactly only: a fuzzy score over two or three letters is noise."""
ONE_OFF_CHARS = 6
"""From this many letters a cued name one letter off a known act is that act ('deftonez', not 'drakr')."""
SHORT_SLIP_RENOWN = 0.5
"""Renown from which an act whose name is no longer than `ONE_OFF_CHARS` takes a one-letter slip (`_slip_of`)."""
SURNAME_FIRST_MAX = 2
"""Edits a first name may be off by when the surname is typed exactly ('erika badu': Erykah Badu)."""
SURNAME_MIN_CHARS = 4
"""...and the surname this long at least, so a short last word ('the', 'mc') says nothing of whose name it is."""
LONGER_MIN = 85.0
LONGER_MARGIN = 10.0
"""A misspelt longer name beats an exact one-word name inside it ('frank oshean' is Frank Ocean, not the artist
Frank) when it scores this close and this far ahead of the next artist."""
LOOSE_WORDS = 4
LOOSE_MIN_CHARS = 7
LOOSE_MARGIN = 15.0
"""A cued run of everyday words is read as a misspelt artist only when it clearly beats every other name."""


def one_letter_off(typed: str, name: str) -> bool:
    """A name of `ONE_OFF_CHARS` letters or more typed with one letter wrong, missing or extra ('deftonez',
    'metallika'): the commonest typo, which the similarity ratio scores below a dropped letter. A different last
    letter added is another name ('davido', 'robinho'), not a slip."""
    key, typed_key = normalize_name(name), normalize_name(typed)
    if typed_key[:-1] == key and typed_key[-1] != key[-1:]:
        return False  # a letter added at the end makes another name ('davido' is not David), unless doubled
    # Two letters swapped count as one slip ('clario' for Clairo was unknown, its note offering Clairo).
    return len(typed_key) >= ONE_OFF_CHARS and OSA.distance(typed_key, key, score_cutoff=1) <= 1


class _Words:
    """Everyday words and the genre vocabulary, as one container ('musicals' is no slip for High School Musical)."""

    def __init__(self, genres: Mapping[str, object]) -> None:
        self.genres = genres

    def __contains__(self, word: object) -> bool:
        return word in lx.COMMON_WORDS or word in lx.FUNCTION_WORDS or word in self.genres


SHORT_SLIP_ALONE = 7
"""Letters from which a famous short name typed with a slip is read without a cue before it ('beethovan')."""


def one_edit(typed: str, word: str, least: int) -> bool:
    """Whether `typed` is `word` (of `least` letters or more) with one letter left out, added, changed or two
    swapped ('radiohed', 'tayler'); the word itself is no slip."""
    return typed != word and len(word) >= least and OSA.distance(typed, word, score_cutoff=1) <= 1


@dataclass(frozen=True, slots=True)
class ScanContext:
    """What a scan reads from its parser: the catalog look-ups and the genre vocabulary built for it."""

    names: NameResolver
    genre_vocab: Mapping[str, tuple[str, ...]]
    genre_phrases: Phrases
    reference_year: int
    artist_cache: dict[str, NameMatch | None]
    """Exact artist probes already answered (the catalog is immutable for the parser's lifetime)."""
    nationalities: frozenset[str] = frozenset()
    """Place adjectives that are catalog tags ('german', 'russian'): alone a genre, before one a scene."""
    place_spellings: Mapping[str, str] = field(default_factory=dict)
    """A place word that is no catalog tag -> the one listeners use for that place ('cuban' -> 'cuba', 'argentinian'
    -> 'argentina'): read as the adjective it is."""
    stand_ins: frozenset[str] = frozenset()
    """Genre phrases the catalog has no tag for, whose vocabulary entry is the nearest tag ('city pop')."""
    tag_counts: Sequence[int] | None = None
    """Tracks and artists per tag column, when the catalog says; None treats every tag as in use."""
    meanings: WordMeanings | None = None
    """Unknown words read by meaning (`engine.query.meaning`); None reads none."""
    voices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Voice ('female') -> the catalog tag asked for by 'female singers'; empty when the catalog lacks it."""
    played_by: Mapping[str, tuple[EntityRef, ...]] = field(default_factory=dict)
    """Genre phrase -> the catalog's acts that stand for it (`played_by.PLAYED_BY`), read as songs like theirs."""
    played_by_phrases: Phrases = field(default_factory=lambda: Phrases(()))
    played_by_genres: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Phrase of `played_by` -> the genres its words read as, kept beside the acts (`played_by.VOICED_SCENES`)."""
    english: bool = True
    """Whether the request was written in English: one in another language leans to music sung in it, which the
    readings that answer with English-speaking acts leave to the lean ('canciones para el gym': reggaeton)."""


class NameScan(Tokens):
    """A request's tokens with the parse state, and the name look-ups over its spans."""

    def __init__(self, ctx: ScanContext, text: str) -> None:
        self.p = ctx
        self.text = text
        super().__init__(text)
        self.st = State()
        # Capitals only mean something when the writer also uses lower case ("I love Journey", not "CHILL SONGS").
        self.case_signal = any(t.raw[:1].islower() for t in self.toks)

    def _vocab_at(self, i: int) -> bool:
        """Whether a vocabulary word (era, count, mood, genre...) starts at i; the scan knows its vocabularies."""
        raise NotImplementedError

    def _cue(self, i: int) -> tuple[int, str] | None:
        best: tuple[int, str] | None = None
        for kind, phrases in (
            ("neg", NEGATION_PHRASES),
            ("like", SIMILAR_PHRASES),
            ("by", BY_PHRASES),
            ("play", PLAY_PHRASES),
            ("filler", FILLER_PHRASES),
            ("about", ABOUT_PHRASES),
        ):
            length = self.phrase(i, phrases)
            if length and kind == "by" and self.toks[i].norm == "just" and i and self.toks[i - 1].norm in _SUBJECTS:
                continue  # 'i just lost a ranked match': an adverb, not 'only' ('just queen' is Queen's own songs)
            if length and (best is None or length > best[0]):
                best = (length, kind)
        return best

    def _apply_genre(self, tags: tuple[str, ...], surface: str) -> Callable[[State, bool], None]:
        def apply(st: State, neg: bool) -> None:
            if tags:
                typed = normalize_name(surface)
                stand_in = typed in self.p.stand_ins or typed.partition(" ")[2] in self.p.stand_ins
                # 'electronic music' read as 'electronic' is no stand-in worth a note; 'city pop' as 'j-pop' is.
                plain = typed.removesuffix(" music") == normalize_name(tags[0])
                if neg and stand_in and not plain:
                    return  # 'ohne Schlager': none here to leave out, and its stand-in (pop) is far more than asked
                # 'metalcore but no screaming': the kinds screamed, not the one asked
                grouped = neg and typed in GROUPS
                (st.exclude_genres if neg else st.genres).extend(t for t in tags if not (grouped and t in st.genres))
                if not neg and stand_in and not plain:
                    st.read_as.append((surface, tags[0]))
            else:
                st.unresolved.append(surface)
                st.suggestions.extend(m.name for m in self.p.names.search_tags(surface, 3) if m.score >= SUGGEST_MIN)

        return apply

    def _probe(self, i: int, length: int) -> NameMatch | None:
        """Exact artist look-up of tokens i..i+length, also without apostrophes ("destinys child"); never a
        number of minutes ('punk songs under 3 minutes' seeded the band 3)."""
        if self._timed(i + length - 1) or (length == 1 and self.toks[i].word.isdecimal()):
            return None  # a bare number is a count or a year, not the act '2%' ('uk garage 2 step')
        key = self.key(i, length)
        match = self._exact(key)
        if match is None:
            alt = " ".join(t.word for t in self.toks[i : i + length])
            if alt != key:
                match = self._exact(alt)
        return match

    def _timed(self, k: int) -> bool:
        """Token k is a number with a unit of time after it ('3 minutes', '90 sec')."""
        return self.toks[k].word.isdecimal() and k + 1 < self.n and self.toks[k + 1].norm in lx.TIME_UNITS

    def _exact(self, key: str) -> NameMatch | None:
        cache = self.p.artist_cache
        if key in cache:
            return cache[key]
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        nickname = lx.NICKNAMES.get(key)
        match = cache[key] = self.p.names.exact_artist(normalize_name(nickname) if nickname else key)
        return match

    def _exact_artist(self, i: int, *, cued: bool, beat: int, alone: bool = True) -> Hit | None:
        """The longest exact artist name at i that beats a vocabulary match of `beat` tokens, if accepted."""
        for length in range(min(MAX_NAME_WORDS, self.n - i), max(beat, 1) - 1, -1):
            if not self.free(i, length) or (match := self._probe(i, length)) is None:
                continue
            if self._negated_name(i, length, match):
                continue
            # Equal length: the mood or genre wins, unless a cue and a capital say it is a name ("like Sleep").
            if length == beat and not (cued and self.case_signal and self.toks[i].cap):
                return None
            famous_songs = match.renown >= FAMOUS_EVERYDAY and self._own_songs_after(i + length)
            # Three everyday words in a row that a known act is called are its name ('earth wind & fire'), and two
            # that a very famous one is called ('beach boys type music' was a summer mood and the punk band The Boys).
            famous_long = length >= 3 and match.renown >= FAMOUS_LONG
            # A 'the' typed is the name's: 'the train home' is no 'The Train' (Train).
            whole = self.toks[i].norm != "the" or normalize_name(match.name).startswith("the ")
            famous_long |= length == 2 and match.renown >= FAMOUS_EVERYDAY and whole
            famous_whole = cued and match.renown >= FAMOUS_EVERYDAY and self._closes(i + length)
            accepted = famous_songs or famous_long or self._accept(i, length, cued=cued, famous=famous_whole)
            accepted = accepted and not (not cued and self._everyday_word(i, length, match))
            if accepted and not (alone and not cued and self._in_unknown_run(i, length)):
                if cued and (famous := self._short(self.key(i, length))) is not None:
                    match = famous  # 'like gaga': Lady Gaga, not the little-known artist called GAGA
                ref = EntityRef(match.index, match.id, match.name)
                return Hit(length, "artist", apply_artist(ref), ref)
        return None

    def _everyday_word(self, i: int, length: int, match: NameMatch) -> bool:
        """One everyday English word in lower case, in a longer request and with no cue, naming a little-known act
        ('papers to grade tonight' seeded the band Grade, 'for my adult beginner students' ADULT.): a word."""
        tok = self.toks[i]
        meanings = self.p.meanings
        if length != 1 or tok.cap or self.n == 1 or meanings is None or match.renown >= EVERYDAY_ACT_RENOWN:
            return False
        return meanings.common(tok.norm)

    def _negated_name(self, i: int, length: int, match: NameMatch) -> bool:
        """'rock en español pero nada de maná' (read 'no maná'): an act called 'No' something is the better-known
        act after the negation, left out ('No Mana' was a seed and Maná answered)."""
        if length < 2 or self.toks[i].norm not in ("no", "not") or self.toks[i].cap:
            return False
        rest = self._probe(i + 1, length - 1)
        return rest is not None and rest.renown >= match.renown

    def _part_of_unknown(self, j: int, hit: Hit | None) -> bool:
        """A little-known one-word act beside an unknown word after a cue is likely part of a longer name the
        catalog lacks ('tipo ana castela' was the trance artist Ana); a known act is itself ('like drake lol')."""
        if hit is None or hit.kind != "artist" or hit.length != 1 or not self._in_unknown_run(j, 1):
            return False
        match = self._probe(j, 1)
        if match is None or match.renown >= FIRST_NAME_RENOWN:
            return False
        return match.renown < PART_OF_NAME_RENOWN or self._first_name(self.key(j, 1))

    def _first_name(self, word: str) -> bool:
        """Whether other acts' names begin with `word` ('Melanie Fiona', 'Melanie C'): a first name, so 'like melanie
        martinez' names one artist the catalog lacks, not the little-known 'MELANIE?' and an unknown 'martinez'."""
        found = self.p.names.search_artists(word, FIRST_NAME_LOOKUP)
        return sum(normalize_name(m.name).startswith(word + " ") for m in found) >= FIRST_NAME_ACTS

    def _listed_name(self, j: int) -> bool:
        """An act named right after another with no comma between ('tipo anitta ludmilla'), in words that no
        everyday, mood or genre reading claims ('like drake love songs' is no list)."""
        if not self.free(j, 1) or self.toks[j].hard:
            return False
        hit = self._exact_artist(j, cued=False, beat=0, alone=False)
        return hit is not None and not self._plain(self.toks[j : j + hit.length])

    def _accept(self, i: int, length: int, *, cued: bool, famous: bool = False) -> bool:
        toks = self.toks[i : i + length]
        capitals = self.case_signal and all(t.cap for t in toks if t.raw[:1].isalpha())
        if toks[0].norm == "i" and not (capitals and length > 1):
            # 'like Zaz, I want to practise', 'I love her': the asker speaking, not the songs 'I' and 'I Love Her'
            return famous
        if length == 1 and toks[0].norm in lx.PRONOUNS:  # 'who else is like him' was the act The Him
            return capitals and not toks[0].initial  # 'like HIM' is still the Finnish band
        if all(t.norm in lx.FUNCTION_WORDS for t in toks):
            # "I", "A", "the ones": never a name unless written like one ("like Yes", "The The"), or a famous act's
            # whole name closing what a cue names ('songs like the who' was an empty answer, 'like yes' too).
            return famous or (capitals and (cued or (length > 1 and any(not t.initial for t in toks))))
        if cued:
            return True
        if not self._plain(toks):
            return length > 1 or len(toks[0].word) >= 3 or self.n == 1
        if self.n == length:
            return True  # the request is exactly the name: "Air", "Low"
        # Everyday words ("Low", "The National"): only as written with capitals, not merely at a sentence start.
        return capitals and any(not t.initial for t in toks)

    def _acts_named_as_such(self) -> None:
        """'the band ghost', 'ghost the band, the swedish one', 'the rapper logic': a name the request says is an act
        is that act, however everyday its words ('ghost' was left unused, 'songs like the band ghost' empty)."""
        for k in range(self.n - 1):
            if self.toks[k].norm != "the" or self.toks[k + 1].norm not in ACT_NOUNS or not self.free(k, 2):
                continue
            after = next((n for n in range(MAX_NAME_WORDS, 0, -1) if self._act_after(k + 2, n)), 0)
            before = (
                0 if after else next((n for n in range(1, min(MAX_NAME_WORDS, k) + 1) if self._act_before(k, n)), 0)
            )
            start, length = (k + 2, after) if after else (k - before, before)
            match = self._probe(start, length) if length else None
            if match is not None:
                apply_artist(EntityRef(match.index, match.id, match.name))(self.st, False)
                self.mark(min(start, k), length + 2)

    def _act_after(self, start: int, n: int) -> bool:
        """The n words at `start`, right after 'the band' and in its clause, name an artist exactly, and not with
        little words alone ('ghost the band, the swedish one' is not The The)."""
        if start >= self.n:
            return False
        first = self.toks[start]  # each token says whether a boundary lies before it
        if first.hard or first.comma or first.dash or self.toks[start - 1].hard or not self.free(start, n):
            return False
        return self._named_act(start, n)

    def _named_act(self, start: int, n: int) -> bool:
        """An exact artist, and one a listener would name with little words only if famous ('the band yes')."""
        match = self._probe(start, n)
        if match is None:
            return False
        little = all(t.norm in lx.FUNCTION_WORDS for t in self.toks[start : start + n])
        return not little or match.renown >= FAMOUS_EVERYDAY

    def _act_before(self, k: int, n: int) -> bool:
        """The n words before `k` are free, open the request or a clause, and name an artist exactly."""
        start = k - n
        opens = start == 0 or self.toks[start].hard or self.toks[start].comma or self.used[start - 1]
        joined = not (self.toks[k].hard or self.toks[k].comma or self.toks[k + 1].hard)  # 'X the band', one clause
        return opens and joined and self.free(start, n) and self._named_act(start, n)

    def _early_before_name(self, j: int) -> bool:
        """'early' before a name, not an era ('like early coldplay', not 'early 2000s')."""
        return self.free(j, 2) and self.toks[j].norm in ("early", "earlier") and not self._vocab_at(j + 1)

    def _closes(self, k: int) -> bool:
        """Nothing but punctuation or a little word follows at k: a name there is whole ('like the who but newer'),
        not the start of a phrase ('like the who knows what')."""
        if k >= self.n:
            return True
        tok = self.toks[k]
        return tok.hard or tok.comma or tok.dash or tok.norm in lx.FUNCTION_WORDS

    def _in_unknown_run(self, i: int, length: int) -> bool:
        """A one-word name next to an unknown word is likely part of a longer name ('bohemian rapsody')."""
        if length > 1:
            return False
        for k, joined in ((i - 1, self.toks[i]), (i + 1, self.toks[i + 1] if i + 1 < self.n else None)):
            if joined is None or k < 0 or self.used[k] or joined.hard or joined.comma:
                continue
            tok = self.toks[k]
            # 'waylon n willie', 'dilsinho e vitão': 'n' and a foreign 'and' join two
            known = tok.norm in lx.COMMON_WORDS or tok.norm in lx.CONNECTORS or tok.norm in lx.FOREIGN_ANDS
            if not (known or tok.word.isdecimal() or self._vocab_at(k) or self._cue(k)):
                return True
        return False

    def _plain(self, toks: Sequence[Tok]) -> bool:
        """Every word is an everyday, mood or genre word or a number ('birthday party', 'wake me')."""
        vocab = self.p.genre_vocab
        return all(t.norm in lx.COMMON_WORDS or t.word.isdecimal() or t.norm in MOODS or t.norm in vocab for t in toks)

    def _fuzzy(self, j: int, *, tracks: bool, report: bool = True) -> Hit | None:
        """Fuzzy resolution of the name-like span at j (up to a stop word, a cue or a vocabulary word)."""
        end = j
        while end - j < MAX_NAME_WORDS and self.free(j, end - j + 1):
            tok = self.toks[end]
            if end > j and (tok.comma or tok.dash or tok.norm in SPAN_STOP or self._cue(end) or self._vocab_at(end)):
                break
            if end > j and tok.norm in NAME_THEN:  # 'like travis scot type beat': 'type' is no part of the name
                break
            if end > j and tok.norm in _BLENDS_TWO:  # 'like flower boy meets rex orange county': two names
                break
            end += 1
        joined = self._joined_name(j, end)
        if joined is not None:
            return joined
        # "Teardrop by <artist>" that the track look-up did not find: the title alone would land on a namesake.
        titled = end < self.n and (self.toks[end].norm == "by" or self.toks[end].dash)
        hit = self._fuzzy_span(j, end, tracks=tracks and not titled, report=report)
        if hit is not None and hit.kind == "track" and end < self.n and self.free(end, 1) and self._vocab_at(end):
            # 'like uptown funk': a title may end on a genre or mood word ('funk'), where the span stopped and
            # found Drake's 'Uptown'. Only after a song was found, so a name's span pays no second pass.
            return self._exact_title(j, end + 1) or hit
        return hit

    def _joined_name(self, j: int, end: int) -> Hit | None:
        """'tom pety and the heartbrakers', 'siouxsie and the banshes', 'japenese breakfast': a misspelt name that
        runs through 'and' or a mood or genre word, where the span stopped (two acts were seeded, 'the banshes' said
        unknown, or 'japenese' beside a morning mood). The whole is the act when an act's name matches it almost
        surely (FUZZY_SURE); two acts typed together, or a name and a mood, match none that well."""
        if end >= self.n or self.toks[end].comma or self.toks[end].hard:
            return None
        # 'and' links, and so does a little word inside a misspelt name ('cigarettes after sx' was Stormzy's
        # 'Cigarettes & Cush', 'sx' said unused)
        linked = self.toks[end].norm == "and" or (self.toks[end].norm in SPAN_STOP and not self._cue(end))
        if not (linked or (self._vocab_at(end) and not self._cue(end))):
            return None  # 'japenese breakfast': the span stopped at a mood word inside the name ('breakfast')
        stop = end + 1
        while stop < self.n and stop - j < MAX_NAME_WORDS and self.free(stop, 1):
            tok = self.toks[stop]
            if tok.comma or tok.dash or tok.hard or tok.norm in SPAN_STOP or self._cue(stop):
                break
            if linked and self._vocab_at(stop):
                break
            stop += 1
        if (linked and stop <= end + 1) or not any(t.norm not in lx.FUNCTION_WORDS for t in self.toks[end:stop]):
            return None
        found = self.p.names.search_artists(self.surface(j, stop - j), 1)
        if not found or found[0].score < FUZZY_SURE:
            return None
        ref = EntityRef(found[0].index, found[0].id, found[0].name)
        return Hit(stop - j, "artist", apply_artist(ref), ref)

    def _title_end(self, j: int) -> int:
        """Where a song title starting at j can end: at most `TITLE_SPAN_WORDS` free words, up to a hard stop, a
        comma, a dash, a cue or 'by' (its artist follows)."""
        end = j
        while end < self.n and end - j < TITLE_SPAN_WORDS and self.free(j, end - j + 1):
            tok = self.toks[end]
            if end > j and (tok.hard or tok.comma or tok.dash or self._cue(end) or tok.norm == "by"):
                break
            end += 1
        return end

    def _title_through_stops(self, j: int) -> Hit | None:
        """'like Stairway to Heaven', 'like Livin on a Prayer': a song title runs through the little words that end
        a name span ('to', 'on'), which left 'Stairway' alone to find 'Stairways' by Bartois. The shortest span
        past such a word that names a song almost exactly wins; a request going on ('... for a road trip') keeps
        its words."""
        end = self._title_end(j)
        inner = [k for k in range(j + 1, end) if self.toks[k].norm in SPAN_STOP]
        # 'like radiohead for studying': an exact artist up to the little word is the reading; each title probe is
        # a fuzzy pass over every song (~10 ms), so this common shape must not pay for a rare one.
        if not inner or self._probe(j, inner[0] - j) is not None:
            return None
        # A feeling said in words ('sound like falling in love') is the mood, not an obscure song of that name.
        # A title may end on the little word when nothing follows it ('shape of you': 'shape' was said unread).
        first = inner[0] + (1 if inner[0] == end - 1 else 2)
        stops = [stop for stop in range(first, end + 1) if self.key(j, stop - j) not in MOODS]
        return next((hit for stop in stops if (hit := self._exact_title(j, stop))), None)

    def _numbered_title(self, j: int) -> Hit | None:
        """'like seven nation army', 'three little birds': a song whose title opens with a number word, which
        the scan took for a count, leaving the rest unread. The longest span naming a song almost exactly wins."""
        end = self._title_end(j)
        return next((hit for stop in range(end, j + 1, -1) if (hit := self._exact_title(j, stop))), None)

    def _fuzzy_span(self, j: int, end: int, *, tracks: bool, report: bool = True, cued: bool = True) -> Hit | None:
        """Resolve tokens j..end as an artist, a track or a genre tag; else report them (`report`) as unknown.

        After a cue ('like Creep') a name is expected, so a tag must be a genre and loses ties to a song; without
        one ('halloween playlist') any exactly typed tag counts and wins ties against a song title.
        """
        start, written_end = j, end
        while start < end and self.toks[start].norm in _LEADING_SKIP:
            start += 1
        while end > start and self.toks[end - 1].norm in lx.FUNCTION_WORDS:
            end -= 1
        # Words stripped from a name carried on by 'of' leave no title part ('like the last of us': 'The Last Time')
        tracks = tracks and not (end < written_end and self.toks[end].norm == "of")
        if tracks and (start > j or written_end > end) and self.toks[j].norm in lx.TITLE_OPENERS and end > start:
            # 'take on me': the title as written, its closing function words too, before the stripped span.
            whole = self._exact_title(j, written_end) if written_end > end else None
            whole = whole or self._exact_title(j, end)
            if whole is not None:
                return whole
        toks = self.toks[start:end]
        if not toks or all(t.norm in lx.COMMON_WORDS or t.norm in lx.REQUEST_NOUNS or t.word.isdecimal() for t in toks):
            # 'bops' asks for songs; it is not a misspelt The Boys. But 'songs like yellow' names Coldplay's song,
            # and 'like teen spirit' Nirvana's.
            if not (cued and tracks and toks):
                return None
            surface = self.surface(start, end - start)
            return self._famous_title(start, end) or self._title_part(surface, None, None, end - j)
        length = end - j
        surface = self.surface(start, end - start)
        names = self.p.names
        if len("".join(t.word for t in toks)) < FUZZY_MIN_CHARS:
            # Too short to guess at, but a famous band's initials are its name ('like mcr', 'gnr').
            known = self._short(normalize_name(surface))
            if known is not None and (cued or known.score >= EXACT):
                ref = EntityRef(known.index, known.id, known.name)
                return Hit(length, "artist", apply_artist(ref), ref)
            return Hit(length, "unresolved", apply_unresolved(surface, []))
        artists = names.search_artists(surface, 5)
        a = artists[0] if artists else None
        # 'like bieber' (not Bebe), 'like floyd'; and a request that is only 'kanye' when the artist is as famous
        # as Kanye West (a song called 'Kanye' ties, and an artist wins ties).
        famous = self._short(normalize_name(surface))
        if famous is not None and (cued or famous.score >= EXACT) and (a is None or a.score < famous.score):
            a = famous
            artists = [a, *artists]
        # Each fuzzy pass costs milliseconds on the real catalog: a near-certain artist spares the track pass.
        sure = a is not None and a.score >= FUZZY_SURE
        found = names.search_tracks(surface, 5, least=SUGGEST_MIN) if tracks and not sure else []
        t = found[0] if found else None
        tags = names.search_tags(surface, 3)
        g = tags[0] if tags and self._tag_ok(tags[0], exact_any=not cued) else None
        least = FUZZY_MIN if len(surface) >= FUZZY_LONG else FUZZY_MIN_SHORT
        if cued and a is not None and a.score < least and one_letter_off(surface, a.name) and self._slip_of(a, surface):
            a = replace(a, score=least)  # 'like deftonez': one wrong letter scores 87.5 where a dropped one scores 94
        if a is not None and a.score < least and _same_surname(surface, a):
            a = replace(a, score=least)  # 'erika badu vibes': the first name misspelt (it was the act Erika)
        # The closest reading wins ('halloween' is a tag, not Helloween); an artist wins ties. Without a cue a tag
        # beats a song title of the same spelling, unless few tracks and artists carry it: 'creep' is Radiohead's
        # song, not the listener tag 'creep' on eight artists without a song here.
        tag_first = not cued and g is not None and self._tag_in_use(g)
        best = max(
            (m for m in (a, t, g) if m is not None and (m is g or m.score >= least)),
            key=lambda m: (m.score, m is a, (m is g) if tag_first else (m is t)),
            default=None,
        )
        if best is None and famous is None and len(toks) == 1:
            famous = self._short_slip(normalize_name(surface), cued=cued)  # 'chopain', 'debusy'
        if best is None and famous is not None:
            best = a = famous  # 'mozart', 'chopin' alone: a composer by surname, which no whole name came near
        if cued and tracks and (part := self._title_part(surface, best, a, length)) is not None:
            return part
        if best is not None and best is g:
            return Hit(length, "genre", self._apply_genre((best.name,), surface))
        if best is not None:
            ref = EntityRef(best.index, best.id, best.name)
            if best is a:
                return Hit(length, "artist", apply_artist(ref), ref)
            return Hit(length, "track", apply_track(ref), ref)
        if not report and len(toks) == 1 and self.case_signal and not toks[0].cap:
            return None  # "not boring": a lower-case word after a negation is an adjective, not a missing name
        # After 'like', an act was meant: 'qqch comme angèle' offered the songs 'Angel - Akon' before any singer.
        near_acts = [m for m in artists if m.score >= SUGGEST_MIN] if cued else []
        close = near_acts or sorted(
            (m for m in (*artists, *found, *tags) if m.score >= SUGGEST_MIN), key=lambda m: -m.score
        )
        return Hit(length, "unresolved", apply_unresolved(surface, [m.name for m in close[:3]]))

    @staticmethod
    def _slip_of(act: NameMatch, surface: str) -> bool:
        """A short name one letter off is a slip for an act listeners know ('clario': Clairo), not for a little-known
        one: 'laufey' (not here) was the act Laffey."""
        return len(surface) > ONE_OFF_CHARS or act.renown >= SHORT_SLIP_RENOWN

    def _famous_title(self, start: int, end: int) -> Hit | None:
        """Everyday words after a cue that are the title of a famous act's best-known song of that name ('songs
        like yellow': Coldplay, 'like heroes': David Bowie; both were said unused)."""
        return self._known_song(start, end - start, FAMOUS_EVERYDAY)

    def _song_over_act(self, j: int, hit: Hit | None) -> Hit | None:
        """'songs like toxic', 'like redbone': a title said after a cue that is also a little-known act's exact name
        is the song, when the best-known song of that title is by a far better known artist (Britney Spears'
        'Toxic', not the band Toxic at renown 0.17; Childish Gambino's 'Redbone', not the 70s band at 0.01). A
        known act keeps its name ('like chicago', 'like america')."""
        if hit is None or hit.kind != "artist" or (act := self._probe(j, hit.length)) is None:
            return None
        if act.renown >= SONG_OVER_ACT:
            return None
        return self._known_song(j, hit.length, act.renown + SONG_OVER_ACT_MARGIN)

    def _part_over_act(self, j: int, hit: Hit | None) -> Hit | None:
        """'songs like sweet child but newer': an act's exact name that opens a famous song's title part, the word
        after it unread otherwise, is the song when the act is less known than the song's (the band Sweet, 'child'
        said unused)."""
        if hit is None or hit.kind != "artist" or (act := self._probe(j, hit.length)) is None:
            return None
        if act.renown >= FAMOUS_ARTIST:
            return None
        end = j + hit.length
        if not self.free(end, 1) or self.toks[end].hard or self._vocab_at(end) or self._cue(end):
            return None
        found = self.p.names.famous_title_part(self.key(j, hit.length + 1))
        if found is None:
            return None
        ref = EntityRef(found.index, found.id, found.name)
        return Hit(hit.length + 1, "track", apply_track(ref), ref)

    def _known_song(self, j: int, length: int, least: float) -> Hit | None:
        """The best-known song titled as tokens j..j+length (versions aside), when its artist's renown is `least`
        or more; one title search, only for the spans above."""
        found = self.p.names.search_tracks(self.surface(j, length), 1, least=SONG_TITLE_EXACT)
        if not found:
            return None
        by = self.p.names.exact_artist(normalize_name(found[0].name.rsplit(" - ", 1)[-1]))
        if by is None or by.renown < least:
            return None
        ref = EntityRef(found[0].index, found[0].id, found[0].name)
        return Hit(length, "track", apply_track(ref), ref)

    def _title_part(self, surface: str, best: NameMatch | None, act: NameMatch | None, length: int) -> Hit | None:
        """'like teen spirit', 'like stairway': a song everyone knows said by part of its title, where the fuzzy
        reading found no surer song nor a surely named act ('Free Spirit' by an unknown act, the netlabel's
        'Stairways' at 94)."""
        if (best is not None and best.score >= TITLE_EXACT) or (act is not None and act.score >= FUZZY_SURE):
            return None
        found = self.p.names.famous_title_part(normalize_name(surface))
        if found is None:
            return None
        ref = EntityRef(found.index, found.id, found.name)
        return Hit(length, "track", apply_track(ref), ref)

    def _exact_title(self, j: int, end: int) -> Hit | None:
        """Tokens j..end naming a song almost exactly (TITLE_EXACT): 'like hey jude', whose span would otherwise lose
        its little first word, and the titles that run through 'to' or 'on' (`_title_through_stops`)."""
        found = self.p.names.search_tracks(self.surface(j, end - j), 1, least=TITLE_EXACT)
        if not found:
            return None
        ref = EntityRef(found[0].index, found[0].id, found[0].name)
        return Hit(end - j, "track", apply_track(ref), ref)

    def _tag_in_use(self, tag: NameMatch) -> bool:
        counts = self.p.tag_counts
        return counts is None or int(counts[tag.index]) >= TAG_IN_USE

    def _own_or_seed(self, ref: EntityRef, start: int, length: int) -> None:
        """An artist read after the scan, as a seed; with an own-songs phrase after it ('bowie songs', 'bowie deep
        cuts': Iggy Pop and Queen answered them), its own songs, as the scan reads 'david bowie deep cuts'."""
        apply_artist(ref)(self.st, False)
        self.mark(start, length)
        if self._own_songs_at(start + length) and not self.listed(start) and ref not in self.st.by_artists:
            self.st.by_artists.append(ref)

    def listed(self, start: int) -> bool:
        """The act at `start` closes a list of acts ('rhcp and mcr songs', 'phoebe bridgers + big thief + bon iver
        playlist'): the songs asked are all of theirs and like them (`_Scan._step`), not the last one's own."""
        return start > 0 and (self.toks[start - 1].norm in lx.CONNECTORS or self.toks[start].comma)

    def _own_songs_at(self, j: int) -> bool:
        """An artist's-own-songs phrase at j ('deep cuts', 'hits'), read already or not: the novelty pass takes
        'deep cuts' before a short name is known to be the act's."""
        if j >= self.n or self.toks[j].head not in OWN_SONGS.first:
            return False
        return any(self.key(j, n) in OWN_SONGS for n in range(min(OWN_SONGS.longest, self.n - j), 0, -1))

    def _own_songs_after(self, j: int) -> bool:
        """An own-songs phrase at j, or after a mood: 'taylor swift sad songs', 'drake party songs' asked for the
        act's songs of that mood, and were answered with songs like theirs, none of their own."""
        if self.phrase(j, OWN_SONGS):
            return True
        mood = next((n for n in self.starts(j, MOOD_PHRASES) if self.key(j, n) in MOODS), 0)
        said = self.key(j, mood).rsplit(" ", 1)[-1] if mood else ""
        return mood > 0 and (said in OWN_SONGS.words or self.phrase(j + mood, OWN_SONGS) > 0)

    def _short(self, key: str) -> NameMatch | None:
        """The well-known artist a part of a name stands for ('bieber'), unless the part is a word of the request
        language ('weekend', 'post', 'rock') or a genre or mood."""
        if not key or key in lx.COMMON_WORDS or key in lx.FUNCTION_WORDS or key in MOODS or key in lx.KIN:
            return None  # 'missin my daddy' is no Daddy Yankee
        if key in self.p.genre_vocab or all(w in lx.COMMON_WORDS or w in lx.FUNCTION_WORDS for w in key.split()):
            return None
        if len(key) > len("sting") and key.endswith("ing") and " " not in key:
            return None  # 'instrumental, no talking' excluded Talking Heads: a lone verb names no act
        return self.p.names.short_artist(key)

    def _short_slip(self, key: str, *, cued: bool) -> NameMatch | None:
        """A famous act's short name typed with a slip, for a word nothing else came near ('something by chopain or
        debusy' was two unknown names, Hopsin and dEUS suggested); after a cue, or long enough alone not to be a
        slip of an everyday word."""
        slip = getattr(self.p.names, "short_artist_slip", None)  # a `NameResolver` need not say
        if slip is None or not (cued or len(key) >= SHORT_SLIP_ALONE) or self._short(key) is not None:
            return None
        found: NameMatch | None = slip(key, _Words(self.p.genre_vocab))
        return found

    def _tag_ok(self, tag: NameMatch, *, exact_any: bool) -> bool:
        """A fuzzy tag is a genre when it is genre-like and close, or typed exactly ('brazilian') and not a word."""
        key = canonical_key(tag.name)
        if exact_any and tag.score >= 100.0 and key not in lx.COMMON_WORDS:
            return True
        return tag.score >= FUZZY_MIN and key in self.p.genre_vocab

    def _longer_name(self, j: int, exact: Hit | None) -> Hit | None:
        """'like red hot chilli peppers', 'more like mr brightside': an exact short name ('Red', 'Mr.') inside a longer
        name or title that fuzzily matches almost surely (FUZZY_SURE); looked up only when name words follow it."""
        if exact is None:
            return None
        after = j + exact.length
        if not self.free(after, 1) or self.toks[after].comma or self.toks[after].norm in SPAN_STOP:
            return None
        if self._cue(after):
            return None
        if self._vocab_at(after):
            return self._title_past_vocab(j, exact, after)
        longer = self._fuzzy(j, tracks=True, report=True) or self._everyday_words_title(j, exact.length)
        if longer is None or longer.length <= exact.length:
            return None
        names, surface = self.p.names, self.surface(j, longer.length)
        if longer.kind == "track" and names.search_tracks(surface, 1, least=FUZZY_SURE):
            return longer
        if longer.kind not in ("unresolved", "track", "artist"):
            return None
        found = names.search_artists(surface, 2)  # one look-up serves both readings below
        if longer.kind == "artist" and found and found[0].score >= FUZZY_SURE:
            return longer
        # 'frank oshean', 'mariah carry': no sure reading, yet one artist stands out
        runner_up = found[1].score if len(found) > 1 else 0.0
        if found and found[0].score >= LONGER_MIN and found[0].score - runner_up >= LONGER_MARGIN:
            ref = EntityRef(found[0].index, found[0].id, found[0].name)
            return Hit(longer.length, "artist", apply_artist(ref), ref)
        return None

    def _title_past_vocab(self, j: int, exact: Hit, after: int) -> Hit | None:
        """'songs like take me home country roads': a song's exact title ('Take Me Home') followed by a genre word and
        more words the lists do not know is a longer title holding the genre word (John Denver's; 'roads' went
        unread beside the genre country). One probe, only after an exact title and only where words go on."""
        if not self.free(after, 1) or not self._vocab_at(after):
            return None
        end = after + 1
        while end < self.n and self.free(end, 1) and not (self.toks[end].hard or self.toks[end].comma):
            if self._cue(end) or self._vocab_at(end):
                break
            end += 1
        if exact.kind != "track" or end == after + 1 or end - j > TITLE_PAST_VOCAB_WORDS:
            return None
        longer = self._exact_title(j, end)
        return longer if longer is not None and longer.length > exact.length else None

    def _everyday_words_title(self, j: int, shorter: int) -> Hit | None:
        """'like karma police': a song title of everyday words only, which the fuzzy pass leaves alone ('bops' is
        no misspelt name), typed whole after a shorter exact name (the artist Karma, 'police' said unused)."""
        end = j
        while end - j < MAX_NAME_WORDS and self.free(j, end - j + 1):
            tok = self.toks[end]
            if end > j and (tok.hard or tok.comma or tok.dash or tok.norm in SPAN_STOP or self._cue(end)):
                break
            end += 1
        return self._exact_title(j, end) if end - j > shorter else None

    def _loose_name(self, j: int) -> Hit | None:
        """'like the weekend': a cued span of everyday words that is one unambiguous misspelling of an artist.

        The name span stops at function words, so this reads up to the clause end instead, and only accepts a
        clear winner: close (FUZZY_MIN) and far ahead of the runner-up (LOOSE_MARGIN), or a phrase stays a phrase.
        """
        end = j
        while end - j < LOOSE_WORDS and self.free(j, end - j + 1):
            tok = self.toks[end]
            if end > j and (tok.comma or tok.dash or tok.norm in lx.SIGN_OFFS or self._cue(end) or self._vocab_at(end)):
                break
            end += 1
        if end == j or len("".join(t.word for t in self.toks[j:end])) < LOOSE_MIN_CHARS:
            return None
        found = self.p.names.search_artists(self.surface(j, end - j), 2)
        if not found or found[0].score < FUZZY_MIN:
            return None
        if len(found) > 1 and found[0].score - found[1].score < LOOSE_MARGIN:
            return None
        ref = EntityRef(found[0].index, found[0].id, found[0].name)
        return Hit(end - j, "artist", apply_artist(ref), ref)


_CACHE_SIZE = 50_000
"""Probe cache entries kept per parser (~10 MB at most); n-grams like 'songs for' recur across requests."""
NEGATION_PHRASES = Phrases(lx.NEGATION_CUES)
SIMILAR_PHRASES = Phrases(lx.SIMILAR_CUES)
OWN_SONGS = Phrases(lx.OWN_SONGS)
"""A noun right after a name that asks for the artist's own songs ('eminem songs'), not songs like them."""
MOOD_PHRASES = Phrases(MOODS)
SONG_OVER_ACT = 0.6
"""An act this known keeps its name after a cue against a song of the same title (`_song_over_act`)."""
SONG_OVER_ACT_MARGIN = 0.3
"""How much better known the song's artist must be than the act for the title to win."""
SONG_TITLE_EXACT = 99.0
"""A title search from this score: the exact title and its versions ('Heroes - 2017 Remaster'), the best-known
first (`catalog.track_search`)."""
PART_OF_NAME_RENOWN = 0.2
"""Below this renown a one-word act beside an unknown word is taken for part of a longer name the catalog lacks
('tipo ana castela': Ana, 0.01); IAM (0.31) beside NTM, Sido beside an unknown act, stay themselves."""
FIRST_NAME_RENOWN = 0.8
"""Up to this renown a one-word act whose word begins other acts' names (`FIRST_NAME_ACTS` of the
`FIRST_NAME_LOOKUP` nearest) is read as a first name beside an unknown surname: 'like joe hisaishi' was the R&B
singer Joe (0.74) and 90s R&B; Drake (0.95), Monica (0.83) stay themselves."""
FIRST_NAME_ACTS = 2
FIRST_NAME_LOOKUP = 8
EVERYDAY_ACT_RENOWN = 0.5
"""Renown below which an act called by one everyday word (`WordMeanings.common`) is that word when typed in lower case
without a cue ('grade' 0.27, 'adult' 0.34; Seal 0.67, Air 0.70 stay the acts)."""
FAMOUS_EVERYDAY = 0.8
FAMOUS_LONG = 0.6
"""Renown from which a name of three or more everyday words is the act when written in lower case ('earth wind &
fire september'), not words."""
"""Renown from which an everyday word before 'songs' is the band ('top 5 queen songs', 'journey hits'), not a
word: Queen, Journey, Eagles, Boston; not Love, Low or Top."""
BY_PHRASES = Phrases(lx.BY_CUES)
_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "ive", "weve", "im", "u"})
"""Who does something, before 'just': the word is an adverb after them."""
FILLER_PHRASES = Phrases(lx.FILLER_PHRASES)
PLAY_PHRASES = Phrases(lx.PLAY_CUES)
ABOUT_PHRASES = Phrases(lx.ABOUT_CUES)
NAME_THEN = frozenset({"type", "style", "esque", "vibe", "vibes"})
"""Words that follow an act's name to say 'like them': a misspelt name's span stops there ('era' is read with the
album before it, `albums.ERA_OF`)."""
_BLENDS_TWO = frozenset({"meets", "vs", "versus", "crossed", "fused"})
"""Words between two names that blend them: a name's span stops there."""
ACT_NOUNS = frozenset({"band", "group", "duo", "rapper", "singer", "artist", "dj", "producer"})
"""After 'the', words that say the name beside them is an act ('the band ghost', 'logic the rapper')."""
SPAN_STOP = lx.FUNCTION_WORDS - {"the", "of", "a", "an", "n"}
"""Words that end a fuzzy name span ('like radiohed for studying'); names keep their inner 'of' and 'the'."""
_LEADING_SKIP = lx.FUNCTION_WORDS - {"the", "a"}


def _same_surname(surface: str, act: NameMatch) -> bool:
    """Two names of two words, the last typed exactly and the first a slip or two off, for an act listeners know:
    'erika badu' scores 85.7 against Erykah Badu, under the fuzzy floor, and the act Erika took the request."""
    typed, named = normalize_name(surface).split(), normalize_name(act.name).split()
    if len(typed) != 2 or len(named) != 2 or typed[1] != named[1] or len(typed[1]) < SURNAME_MIN_CHARS:
        return False
    return OSA.distance(typed[0], named[0]) <= SURNAME_FIRST_MAX and act.renown >= SHORT_SLIP_RENOWN
