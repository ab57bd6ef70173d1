"""The token scan behind `QueryParser.parse`: one left-to-right pass, longest match first.

At each unused token the longest of these wins: a cue phrase (negation, "like", "by"), an era, a count, a novelty
phrase, a mood, a genre, or an exact artist name; on equal length that order decides, so mood and genre words beat
names. A cue then governs the span after it ('like X, Y and Z', 'no rap or metal'); only there, and for the whole
request or a run before 'but'/'vibes', are names looked up fuzzily.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from segue.domain import EntityRef, NameMatch, Novelty, Query
from segue.engine.protocols import NameResolver
from segue.engine.query import lexicon as lx
from segue.engine.query.genres import canonical_key
from segue.engine.query.moods import MOODS
from segue.engine.query.state import Hit, State, apply_artist, apply_mood, apply_track, apply_unresolved
from segue.engine.query.tokens import Phrases, Tok, Tokens

MAX_COUNT = 10
MAX_NAME_WORDS = 6
"""Longest artist name probed, in words ('Florence and the Machine', 'A Tribe Called Quest')."""
FUZZY_MIN = 88.0
"""Least fuzzy score (normalized Levenshtein) to accept a cued name: 'radiohed' -> Radiohead scores 94."""
SUGGEST_MIN = 75.0
"""Least fuzzy score for a name to be offered as "did you mean"; typos score 80-95, unrelated names 50-70."""
FUZZY_SURE = 94.0
"""An artist this close (one typo in eight letters) is taken without also searching track titles."""
FUZZY_MIN_SHORT = 92.0
FUZZY_LONG = 7
"""Names under 7 characters need 92: one edit in five letters scores 89 ('jazzy' vs 'Azzy'), too easy to hit."""
FUZZY_MIN_CHARS = 4
"""Shorter spans are matched exactly only: a fuzzy score over two or three letters is noise."""
LOOSE_WORDS = 4
LOOSE_MIN_CHARS = 7
LOOSE_MARGIN = 15.0
"""A cued run of everyday words is read as a misspelt artist only when it clearly beats every other name."""
MAX_TITLE_WORDS = 8
"""Longest span read as a title that holds a cue word ('Smells Like Teen Spirit')."""


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


def scan(text: str, ctx: ScanContext) -> Query:
    """Parse already validated text (control characters stripped, length checked)."""
    return _Scan(ctx, text).run()


class _Scan(Tokens):
    """One parse: the tokens, which of them are used up, and the query being built."""

    def __init__(self, ctx: ScanContext, text: str) -> None:
        self.p = ctx
        self.text = text
        super().__init__(text)
        self.st = State()
        # Capitals only mean something when the writer also uses lower case ("I love Journey", not "CHILL SONGS").
        self.case_signal = any(t.raw[:1].islower() for t in self.toks)

    def run(self) -> Query:
        self._title_by_artist()
        self._titles_with_cue_words()
        i = 0
        while i < self.n:
            i = i + 1 if self.used[i] else self._step(i)
        self._implicit_names()
        if not any(self.used) and any(t.norm in lx.REQUEST_NOUNS for t in self.toks):
            # "music", "some songs pls": nothing to steer by, so a surprise rather than a shrug.
            self.st.surprise = all(t.norm in lx.FUNCTION_WORDS for t in self.toks)
        self.st.ignored = self._ignored()
        return self.st.to_query(self.text)

    def _ignored(self) -> list[str]:
        """The words no reading used, as phrases ('japanese city'), so the answer can say what it left out."""
        phrases: list[list[str]] = []
        last = -2
        for k, tok in enumerate(self.toks):
            skip = self.used[k] or tok.norm in lx.FUNCTION_WORDS
            if skip or tok.word.isdecimal() or not any(c.isalnum() for c in tok.raw):
                continue
            if k == last + 1 and not tok.hard and phrases:
                phrases[-1].append(tok.raw)
            else:
                phrases.append([tok.raw])
            last = k
        return [" ".join(words) for words in phrases]

    def _step(self, i: int) -> int:
        cue = self._cue(i)
        hit = self._best_hit(i, cued=False)
        if cue is not None and (hit is None or cue[0] >= hit.length):
            length, kind = cue
            self.mark(i, length)
            if kind == "neg":
                return self._negation(i + length)
            if kind == "filler":
                return i + length
            return self._cued(i + length, by=kind in ("by", "play"), tracks=kind != "by")
        if hit is None:
            return i + 1
        hit.apply(self.st, False)
        self.mark(i, hit.length)
        return i + hit.length

    # ---- spans ------------------------------------------------------------------------------------------------

    def _connector(self, j: int) -> int | None:
        """Index after a list connector ('and', 'or', a comma) at j, or None when the list ends."""
        if not self.free(j, 1) or self.toks[j].hard:
            return None
        if length := self.phrase(j, _CONNECTORS):
            return j + length
        return j if self.toks[j].comma else None

    def _cue(self, i: int) -> tuple[int, str] | None:
        best: tuple[int, str] | None = None
        for kind, phrases in (
            ("neg", _NEGATION),
            ("like", _SIMILAR),
            ("by", _BY),
            ("play", _PLAY),
            ("filler", _FILLER),
        ):
            length = self.phrase(i, phrases)
            if length and (best is None or length > best[0]):
                best = (length, kind)
        return best

    # ---- vocabulary -------------------------------------------------------------------------------------------

    def _best_hit(self, i: int, *, cued: bool) -> Hit | None:
        """Longest match at i; on equal length the earlier kind wins (era, count, novelty, mood, genre, artist)."""
        best: Hit | None = None
        for finder in (self._era, self._count, self._novelty, self._mood, self._genre, self._scene, self._surprise):
            hit = finder(i)
            if hit is not None and (best is None or hit.length > best.length):
                best = hit
        artist = self._exact_artist(i, cued=cued, beat=best.length if best else 0)
        return artist or best

    def _vocab_at(self, i: int) -> bool:
        return any(f(i) is not None for f in (self._era, self._count, self._novelty, self._mood, self._genre))

    def _mood(self, i: int) -> Hit | None:
        for length in self.starts(i, _MOODS):
            if self.free(i, length) and (mood := MOODS.get(key := self.key(i, length))) is not None:
                return Hit(length, "mood", apply_mood(mood, key))
        return None

    def _genre(self, i: int) -> Hit | None:
        vocab, phrases = self.p.genre_vocab, self.p.genre_phrases
        if i >= self.n or self.used[i]:
            return None
        head = self.toks[i].head
        if head not in phrases.first and not (len(head) > 4 and head[-1] == "s" and head[:-1] in phrases.first):
            return None
        for length in range(min(phrases.longest, self.reach[i]), 0, -1):
            if not self.free(i, length):
                continue
            key = self.key(i, length)
            tags = vocab.get(key)
            if tags is None and len(key) > 4 and key.endswith("s"):
                tags = vocab.get(key[:-1])  # "ballads", "soundtracks"
            if tags is not None:
                return Hit(length, "genre", self._apply_genre(tags, self.surface(i, length)))
        return None

    def _scene(self, i: int) -> Hit | None:
        """'german rap', 'russian rock', 'brazilian': a place narrowing the genre after it, or a genre by itself."""
        if not self.free(i, 1) or (place := self.toks[i].norm) not in self.p.nationalities:
            return None
        head = self._genre(i + 1) if self.free(i + 1, 1) else None
        if head is None:
            return Hit(1, "genre", self._apply_genre((place,), self.surface(i, 1)))
        own = self.p.genre_vocab.get(self.key(i, 1 + head.length))
        tags = tuple(f"{place} {t}" for t in self._genre_tags(i + 1, head.length))
        return Hit(1 + head.length, "genre", self._apply_genre(own or tags, self.surface(i, 1 + head.length)))

    def _genre_tags(self, i: int, length: int) -> tuple[str, ...]:
        key = self.key(i, length)
        tags = self.p.genre_vocab.get(key)
        if tags is None and key.endswith("s"):
            tags = self.p.genre_vocab.get(key[:-1])
        return tags or ()

    def _apply_genre(self, tags: tuple[str, ...], surface: str) -> Callable[[State, bool], None]:
        def apply(st: State, neg: bool) -> None:
            if tags:
                (st.exclude_genres if neg else st.genres).extend(tags)
            else:
                st.unresolved.append(surface)
                st.suggestions.extend(m.name for m in self.p.names.search_tags(surface, 3) if m.score >= SUGGEST_MIN)

        return apply

    def _surprise(self, i: int) -> Hit | None:
        length = self.phrase(i, _SURPRISE)
        if not length:
            return None

        def apply(st: State, neg: bool) -> None:
            st.surprise = not neg

        return Hit(length, "surprise", apply)

    def _novelty(self, i: int) -> Hit | None:
        length = self.phrase(i, _NOVELTY)
        if not length:
            return None
        deep = self.key(i, length) in lx.NOVELTY_DEEP

        def apply(st: State, neg: bool) -> None:
            st.novelty = Novelty.DEEP if deep != neg else Novelty.FAMILIAR

        return Hit(length, "novelty", apply)

    def _count(self, i: int) -> Hit | None:
        j = i + self.phrase(i, _COUNT_LEADS)
        lead = j > i
        if self.free(j, 2) and self.toks[j].word in ("a", "an") and self.toks[j + 1].word in lx.NUMBER_WORDS:
            j += 1
        if not self.free(j, 1):
            return None
        word = self.toks[j].word
        if word.isdecimal() and len(word) <= 3:
            value = int(word)
        elif word in lx.NUMBER_WORDS:
            value = lx.NUMBER_WORDS[word]
        else:
            return None
        end = j + 1
        if self.free(end, 1) and self.toks[end].word == "of" and word in ("couple", "handful", "dozen"):
            end += 1
        nouns = [k for k in range(end, min(end + 4, self.n)) if self.free(end, k - end + 1)]
        noun = next((k for k in nouns if self.toks[k].norm in lx.COUNT_NOUNS), None)
        if not lead and noun is None:
            return None
        if noun == end and not self._vocab_word(end):
            end += 1

        def apply(st: State, neg: bool) -> None:
            if st.count is None:
                st.count = max(1, min(MAX_COUNT, value))
                st.asked_count = value if value > MAX_COUNT else None

        return Hit(end - i, "count", apply)

    def _vocab_word(self, k: int) -> bool:
        norm = self.toks[k].norm
        return norm in MOODS or norm in self.p.genre_vocab or norm in lx.NOVELTY_DEEP | lx.NOVELTY_FAMILIAR

    # ---- eras -------------------------------------------------------------------------------------------------

    def _era(self, i: int) -> Hit | None:
        j = i
        while j - i < 3 and self.free(i, j - i + 1) and self.toks[j].norm in lx.ERA_PREFIXES:
            j += 1
        found = self.era_at(j, self.p.reference_year)
        if found and j > i and self.toks[j - 1].norm == "the" and found[1] is not None and found[1] == found[2]:
            found = None  # "the 80s" is a decade, "The 1975" a band
        if found is None and j > i:
            found = self.era_at(i, self.p.reference_year)
            j = i
        if found is None:
            return None
        length, lo, hi = found

        def apply(st: State, neg: bool) -> None:
            if not neg:
                st.era(lo, hi)

        return Hit(j - i + length, "era", apply)

    # ---- names ------------------------------------------------------------------------------------------------

    def _probe(self, i: int, length: int) -> NameMatch | None:
        """Exact artist look-up of tokens i..i+length, also without apostrophes ("destinys child")."""
        key = self.key(i, length)
        match = self._exact(key)
        if match is None:
            alt = " ".join(t.word for t in self.toks[i : i + length])
            if alt != key:
                match = self._exact(alt)
        return match

    def _exact(self, key: str) -> NameMatch | None:
        cache = self.p.artist_cache
        if key in cache:
            return cache[key]
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        match = cache[key] = self.p.names.exact_artist(key)
        return match

    def _exact_artist(self, i: int, *, cued: bool, beat: int, alone: bool = True) -> Hit | None:
        """The longest exact artist name at i that beats a vocabulary match of `beat` tokens, if accepted."""
        for length in range(min(MAX_NAME_WORDS, self.n - i), max(beat, 1) - 1, -1):
            if not self.free(i, length) or (match := self._probe(i, length)) is None:
                continue
            # Equal length: the mood or genre wins, unless a cue and a capital say it is a name ("like Sleep").
            if length == beat and not (cued and self.case_signal and self.toks[i].cap):
                return None
            if self._accept(i, length, cued=cued) and not (alone and not cued and self._in_unknown_run(i, length)):
                ref = EntityRef(match.index, match.id, match.name)
                return Hit(length, "artist", apply_artist(ref), ref)
        return None

    def _accept(self, i: int, length: int, *, cued: bool) -> bool:
        toks = self.toks[i : i + length]
        capitals = self.case_signal and all(t.cap for t in toks if t.raw[:1].isalpha())
        if all(t.norm in lx.FUNCTION_WORDS for t in toks):
            # "I", "A", "the ones": never a name unless written like one ("like Yes", "The The").
            return capitals and (cued or (length > 1 and any(not t.initial for t in toks)))
        if cued:
            return True
        if not self._plain(toks):
            return length > 1 or len(toks[0].word) >= 3 or self.n == 1
        if self.n == length:
            return True  # the request is exactly the name: "Air", "Low"
        # Everyday words ("Low", "The National"): only as written with capitals, not merely at a sentence start.
        return capitals and any(not t.initial for t in toks)

    def _in_unknown_run(self, i: int, length: int) -> bool:
        """A one-word name next to an unknown word is likely part of a longer name ('bohemian rapsody')."""
        if length > 1:
            return False
        for k, joined in ((i - 1, self.toks[i]), (i + 1, self.toks[i + 1] if i + 1 < self.n else None)):
            if joined is None or k < 0 or self.used[k] or joined.hard or joined.comma:
                continue
            tok = self.toks[k]
            if not (tok.norm in lx.COMMON_WORDS or tok.word.isdecimal() or self._vocab_at(k) or self._cue(k)):
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
            if end > j and (tok.comma or tok.dash or tok.norm in _SPAN_STOP or self._cue(end) or self._vocab_at(end)):
                break
            end += 1
        # "Teardrop by <artist>" that the track look-up did not find: the title alone would land on a namesake.
        titled = end < self.n and (self.toks[end].norm == "by" or self.toks[end].dash)
        return self._fuzzy_span(j, end, tracks=tracks and not titled, report=report)

    def _fuzzy_span(self, j: int, end: int, *, tracks: bool, report: bool = True, cued: bool = True) -> Hit | None:
        """Resolve tokens j..end as an artist, a track or a genre tag; else report them (`report`) as unknown.

        After a cue ('like Creep') a name is expected, so a tag must be a genre and loses ties to a song; without
        one ('halloween playlist') any exactly typed tag counts and wins ties against a song title.
        """
        start = j
        while start < end and self.toks[start].norm in _LEADING_SKIP:
            start += 1
        while end > start and self.toks[end - 1].norm in lx.FUNCTION_WORDS:
            end -= 1
        toks = self.toks[start:end]
        if not toks or all(t.norm in lx.COMMON_WORDS or t.word.isdecimal() for t in toks):
            return None
        length = end - j
        surface = self.surface(start, end - start)
        names = self.p.names
        if len("".join(t.word for t in toks)) < FUZZY_MIN_CHARS:
            return Hit(length, "unresolved", apply_unresolved(surface, []))
        artists = names.search_artists(surface, 5)
        a = artists[0] if artists else None
        # Each fuzzy pass costs milliseconds on the real catalog: a near-certain artist spares the track pass.
        found = names.search_tracks(surface, 5) if tracks and (a is None or a.score < FUZZY_SURE) else []
        t = found[0] if found else None
        tags = names.search_tags(surface, 3)
        g = tags[0] if tags and self._tag_ok(tags[0], exact_any=not cued) else None
        least = FUZZY_MIN if len(surface) >= FUZZY_LONG else FUZZY_MIN_SHORT
        # The closest reading wins ('halloween' is a tag, not Helloween); an artist wins ties.
        best = max(
            (m for m in (a, t, g) if m is not None and (m is g or m.score >= least)),
            key=lambda m: (m.score, m is a, (m is t) if cued else (m is g)),
            default=None,
        )
        if best is not None and best is g:
            return Hit(length, "genre", self._apply_genre((best.name,), surface))
        if best is not None:
            ref = EntityRef(best.index, best.id, best.name)
            if best is a:
                return Hit(length, "artist", apply_artist(ref), ref)
            return Hit(length, "track", apply_track(ref), ref)
        if not report and len(toks) == 1 and self.case_signal and not toks[0].cap:
            return None  # "not boring": a lower-case word after a negation is an adjective, not a missing name
        close = sorted((m for m in (*artists, *found, *tags) if m.score >= SUGGEST_MIN), key=lambda m: -m.score)
        return Hit(length, "unresolved", apply_unresolved(surface, [m.name for m in close[:3]]))

    def _tag_ok(self, tag: NameMatch, *, exact_any: bool) -> bool:
        """A fuzzy tag is a genre when it is genre-like and close, or typed exactly ('brazilian') and not a word."""
        key = canonical_key(tag.name)
        if exact_any and tag.score >= 100.0 and key not in lx.COMMON_WORDS:
            return True
        return tag.score >= FUZZY_MIN and key in self.p.genre_vocab

    # ---- cues -------------------------------------------------------------------------------------------------

    def _negation(self, j: int) -> int:
        """'no rap or metal', 'not Drake', 'not too fast': exclude or invert items of one kind."""
        first: str | None = None
        while True:
            j = self.skip(j, _NEGATION_SKIP)
            if not self.free(j, 1) or self.toks[j].hard:
                return j
            hit = self._best_hit(j, cued=True) or self._fuzzy(j, tracks=False, report=False)
            if hit is None or hit.kind in ("era", "count", "track") or (first is not None and hit.kind != first):
                return j
            first = first or hit.kind
            hit.apply(self.st, True)
            self.mark(j, hit.length)
            nxt = self._connector(j + hit.length)
            if nxt is None:
                return j + hit.length
            j = nxt

    def _cued(self, j: int, *, by: bool, tracks: bool) -> int:
        """'like X, Y and Z' / 'songs by X': names after a cue, exact first, fuzzy when nothing exact is there."""
        while True:
            j = self.skip(j, lx.SPAN_SKIP - {"the", "a"})
            if not self.free(j, 1) or self.toks[j].hard:
                return j
            hit = self._best_hit(j, cued=True)
            if hit is not None and hit.kind != "artist":
                return j  # a mood, genre or era after the cue: the main scan records it
            hit = self._longer_name(j, hit) or hit or self._fuzzy(j, tracks=tracks) or self._loose_name(j)
            if hit is None:
                return j
            hit.apply(self.st, False)
            if by and hit.kind == "artist" and hit.ref is not None:
                self.st.by_artists.append(hit.ref)
            self.mark(j, hit.length)
            nxt = self._connector(j + hit.length)
            after = j + hit.length
            if nxt is None and not by and self.free(after, 1) and self.toks[after].norm == "by":
                nxt = after + 1  # "like Teardrop by Masive Attack": the artist of a song we could not find
            if nxt is None:
                return after
            j = nxt

    def _longer_name(self, j: int, exact: Hit | None) -> Hit | None:
        """'like red hot chilli peppers': an exact short name ('Red') inside a longer misspelt one that fuzzily
        matches an artist almost surely (FUZZY_SURE); one fuzzy look-up, only when name words follow the exact one."""
        if exact is None:
            return None
        after = j + exact.length
        if not self.free(after, 1) or self.toks[after].comma or self.toks[after].norm in _SPAN_STOP:
            return None
        if self._cue(after) or self._vocab_at(after):
            return None
        longer = self._fuzzy(j, tracks=False, report=False)
        if longer is None or longer.kind != "artist" or longer.length <= exact.length or longer.ref is None:
            return None
        surface = self.surface(j, longer.length)
        best = self.p.names.search_artists(surface, 1)
        return longer if best and best[0].score >= FUZZY_SURE else None

    def _loose_name(self, j: int) -> Hit | None:
        """'like the weekend': a cued span of everyday words that is one unambiguous misspelling of an artist.

        The name span stops at function words, so this reads up to the clause end instead, and only accepts a
        clear winner: close (FUZZY_MIN) and far ahead of the runner-up (LOOSE_MARGIN), or a phrase stays a phrase.
        """
        end = j
        while end - j < LOOSE_WORDS and self.free(j, end - j + 1):
            tok = self.toks[end]
            if end > j and (tok.comma or tok.dash or self._cue(end) or self._vocab_at(end)):
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

    def _title_by_artist(self) -> None:
        """'Teardrop by Massive Attack', 'something like Creep - Radiohead': a track seed, found before the scan."""
        for k, tok in enumerate(self.toks):
            if tok.hard or self.used[k] or not (tok.norm == "by" or tok.dash):
                continue
            right = k + 1 if tok.norm == "by" else k
            seg = k
            while seg > 0 and not self.toks[seg].hard:
                seg -= 1
            starts = [s + n for s in range(seg, k) if (n := self.phrase(s, _SIMILAR)) and s + n < k]
            right_len = self._name_len(right)
            if not right_len:
                continue
            # A title may begin with a mood or genre word ("Dancing Queen by ABBA"): the whole span is tried first,
            # but only a found track counts for it; the stand-in artist below needs the span without those words.
            tries = [(s, whole) for first in [*starts[-1:], seg] for s, whole in self._title_starts(first, k)]
            for start, whole in dict.fromkeys(tries):
                if start >= k or not self.free(start, right + right_len - start):
                    continue
                query = f"{self.surface(start, k - start)} by {self.surface(right, right_len)}"
                found = self.p.names.search_tracks(query, 3)
                if found and found[0].score >= FUZZY_MIN:
                    m = found[0]
                    apply_track(EntityRef(m.index, m.id, m.name))(self.st, False)
                    self.mark(start, right + right_len - start)
                    break
                if whole:
                    continue
                artist = self._probe(right, right_len)
                if artist is not None and any(t.norm not in lx.COMMON_WORDS for t in self.toks[start:k]):
                    # A song the catalog lacks by an artist it has: the artist stands in, the song is reported.
                    apply_artist(EntityRef(artist.index, artist.id, artist.name))(self.st, False)
                    close = [m.name for m in found if m.score >= SUGGEST_MIN]
                    apply_unresolved(query, close)(self.st, False)
                    self.mark(start, right + right_len - start)
                    break

    def _title_starts(self, start: int, end: int) -> list[tuple[int, bool]]:
        """Where a title before `end` may begin: after leading function words (whole), then also after vocabulary
        words; a start that is the same either way counts as the stripped one."""
        first = start
        while start < end and self.toks[start].norm in lx.FUNCTION_WORDS:
            start += 1
        whole = start
        while start < end and (self.toks[start].norm in lx.FUNCTION_WORDS or self._vocab_at(start)):
            start += 1
        # A title may open with a function word ('Hey Ya', 'Take On Me'): tried whole first, when it is one.
        opening = [(first, True)] if first < whole and self.toks[first].norm not in _TITLE_LEADS else []
        return [*opening, *([(start, False)] if whole == start else [(whole, True), (start, False)])]

    def _titles_with_cue_words(self) -> None:
        """'songs similar to Smells Like Teen Spirit': after a similarity cue, a whole title that itself holds a cue
        word ('like', 'by') is read as the track before the scan splits it at that word. An exact artist name or
        a weaker title match leaves the span to the scan."""
        for i in range(self.n):
            cue = self.phrase(i, _SIMILAR)
            if not cue or self.used[i]:
                continue
            start = end = i + cue
            inner = False
            # The span runs to a hard stop or to any other cue ("but", "from", "no"): those end a title.
            while end < self.n and not self.toks[end].hard and end - start < MAX_TITLE_WORDS:
                kind = self._cue(end) if end > start else None
                if kind is not None and kind[1] != "like":
                    break
                inner = inner or kind is not None
                end += 1
            # Only a span holding a "like" of its own is a candidate, and one fuzzy look-up is all it costs.
            if not inner or not self.free(start, end - start) or self._probe(start, end - start) is not None:
                continue
            found = self.p.names.search_tracks(self.surface(start, end - start), 1)
            if found and found[0].score >= FUZZY_SURE:
                m = found[0]
                apply_track(EntityRef(m.index, m.id, m.name))(self.st, False)
                self.mark(i, end - i)

    def _name_len(self, j: int) -> int:
        """Tokens in the artist name at j: the longest exact name, else words up to a stop word or cue."""
        for length in range(min(MAX_NAME_WORDS, self.n - j), 0, -1):
            if self.free(j, length) and self._probe(j, length) is not None:
                return length
        end = j
        while end - j < MAX_NAME_WORDS and self.free(j, end - j + 1):
            if end > j and (self.toks[end].norm in _SPAN_STOP or self._cue(end) or self._vocab_at(end)):
                break
            end += 1
        return end - j

    def _implicit_names(self) -> None:
        """Names without a cue word: the whole request ('radiohed'), or a run before 'but'/'vibes' ('air vibes')."""
        content = [k for k, t in enumerate(self.toks) if t.norm not in lx.FUNCTION_WORDS]
        if content and not any(self.used) and self.free(content[0], content[-1] - content[0] + 1):
            run = self.toks[content[0] : content[-1] + 1]
            # "music to code to", "train songs": everyday words amid others are not a name unless capitalized.
            written_as_name = self.case_signal and all(t.cap for t in run if t.norm not in lx.FUNCTION_WORDS)
            if len(run) == self.n or not self._plain(run) or written_as_name:
                self._resolve_run(content[0], content[-1] + 1)
            return
        for k, tok in enumerate(self.toks):
            if tok.norm not in lx.IMPLICIT_CUE_AFTER or tok.hard:
                continue
            start = k
            while start > 0 and not self.used[start - 1] and not self.toks[start].hard and k - start < MAX_NAME_WORDS:
                start -= 1
            while start < k and self.toks[start].norm in lx.FUNCTION_WORDS:
                start += 1
            if start < k:
                self._resolve_run(start, k)

    def _resolve_run(self, start: int, end: int) -> None:
        match = self._probe(start, end - start)
        if match is not None:
            apply_artist(EntityRef(match.index, match.id, match.name))(self.st, False)
            self.mark(start, end - start)
            return
        hit = self._fuzzy_span(start, end, tracks=True, cued=False)
        if hit is not None and hit.kind != "unresolved":
            hit.apply(self.st, False)
            self.mark(start, hit.length)
            return
        # Nothing matches the whole run: take the names inside it ("drake hotline bling", "radiohead muse").
        found = False
        k = start
        while k < end:
            name = self._exact_artist(k, cued=False, beat=0, alone=False)
            if name is not None and k + name.length <= end:
                name.apply(self.st, False)
                self.mark(k, name.length)
                found = True
                k += name.length
            else:
                k += 1
        if not found and hit is not None:
            hit.apply(self.st, False)
            self.mark(start, hit.length)


_CACHE_SIZE = 50_000
"""Probe cache entries kept per parser (~10 MB at most); n-grams like 'songs for' recur across requests."""
_NEGATION = Phrases(lx.NEGATION_CUES)
_SIMILAR = Phrases(lx.SIMILAR_CUES)
_BY = Phrases(lx.BY_CUES)
_FILLER = Phrases(lx.FILLER_PHRASES)
_PLAY = Phrases(lx.PLAY_CUES)
_CONNECTORS = Phrases(lx.CONNECTORS)
_NOVELTY = Phrases(lx.NOVELTY_DEEP | lx.NOVELTY_FAMILIAR)
_SURPRISE = Phrases(lx.SURPRISE)
_COUNT_LEADS = Phrases(lx.COUNT_LEADS)
_MOODS = Phrases(MOODS)
_SPAN_STOP = lx.FUNCTION_WORDS - {"the", "of", "a", "an", "n"}
"""Words that end a fuzzy name span ('like radiohed for studying'); names keep their inner 'of' and 'the'."""
_LEADING_SKIP = lx.FUNCTION_WORDS - {"the", "a"}
_TITLE_LEADS = lx.FUNCTION_WORDS - {
    "hey",
    "take",
    "on",
    "all",
    "one",
    "every",
    "just",
    "let",
    "do",
    "dont",
    "stay",
    "under",
}
"""Function words that open a request rather than a title ('songs', 'something', 'the'); the rest may open one."""
_NEGATION_SKIP = lx.SPAN_SKIP | {"the", "a", "any", "those", "that", "these"}
"""'without the rap', 'no more of that country': the exact name probe also finds 'The Cure' from 'cure'."""
