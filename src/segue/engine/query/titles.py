"""The title passes of a request scan: songs named with their artist, quoted, holding cue words, or left out.

They run before the left-to-right scan (`scan._Scan`) claims tokens, because a title's words would otherwise be read
as moods, genres or cue words ('Dancing Queen by ABBA', 'songs similar to Smells Like Teen Spirit').
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from segue.domain import EntityRef, NameMatch
from segue.engine.query import lexicon as lx
from segue.engine.query.moods import MOODS
from segue.engine.query.names import (
    EXACT,
    FAMOUS_EVERYDAY,
    FUZZY_MIN,
    FUZZY_SURE,
    MAX_NAME_WORDS,
    OWN_SONGS,
    SIMILAR_PHRASES,
    SONG_OVER_ACT_MARGIN,
    SPAN_STOP,
    SUGGEST_MIN,
    TITLE_EXACT,
    NameScan,
)
from segue.engine.query.state import Hit, apply_artist, apply_track, apply_unresolved
from segue.engine.query.tokens import QUOTED, Phrases, Tok
from segue.text import normalize_name

MAX_TITLE_WORDS = 8
"""Longest span read as a title that holds a cue word ('Smells Like Teen Spirit')."""
NEGATED_TITLE_MOST = 12
"""Longest span tried, longest first, as a title that holds a negation ('Ain't No Love In The Heart Of The City' is
nine words: at eight it seeded the acts AINT and Heart and left out Love)."""
OWNER_LOOKUPS = 5
"""Name matches read for acts whose name begins with the one typed ('pharrell': Pharrell Williams)."""
OWN_TITLE_CUTS = 3
"""Spans tried for a named artist's song after a negation: the whole span, then shorter by a word each."""
COUNTED_MOST = 50
"""A number alone before 'by', up to this, may count the act's songs ('5 by eminem'): the count's own limit."""
_COUNT_BEFORE = frozenset({"me", "us", "play", "give", "need", "want", "get", "send", "show", "just", "only", "top"})
"""Words after which such a number counts ('give me 5 by the weeknd'); after other words it may end a title."""
NOVELTY = Phrases(lx.NOVELTY_DEEP | lx.NOVELTY_FAMILIAR)
_TITLE_LEADS = lx.FUNCTION_WORDS - lx.TITLE_OPENERS
"""Function words that open a request rather than a title ('songs', 'something', 'the'); the rest may open one."""
_ARTICLES = frozenset({"the", "a", "an"})
"""Little words a request opens with that open many titles too ('The Scientist', 'A Horse with No Name')."""
_MONTHS = frozenset(
    {"january", "february", "april", "june", "july", "august", "september", "october", "november", "december"}
)
"""Months that open titles ('September', 'October', 'December') and are function words elsewhere ('in june'): before
'by' and an act, a title even in lower case ('songs like september by earth wind and fire' seeded the act
September). 'may' and 'march' stay words."""
_DAYS = frozenset(MOODS) | frozenset(lx.GENERATIONS)
"""Phrases a possessive may open that are no act's ("valentine's day", "mother's day")."""
_TITLE_BOUNDS = lx.CONNECTORS | lx.NAME_LINKS | {"songs", "song", "music", "stuff", "tracks", "pls", "please"}
"""Words that end a title read beside its artist ('metallica and megadeth', 'adele songs')."""


_TITLE_SPEECH = lx.words(
    """
    i im you me my it its we us she he her him they them your our was is are were be am do dont can will what
    when where who how this that there here if got gonna wanna let lets
    """
)
"""Pronouns and verbs: two of them among little words after a cue speak like a song's title ('as it was')."""
_CAREER_WORDS = frozenset({"early", "earlier", "late", "later"})
"""Words before an act that ask for a part of its career ('songs like early coldplay'), read after the scan."""
SPLIT_TITLE_WORDS = 4
"""Longest title after a cue probed whole because an act's name inside it would split it ('dancing queen')."""
UNREAD_TITLE_WORDS = 6
"""Longest title after a cue probed whole because a genre or mood word in it would leave the rest unread ('songs
like house of the rising sun' was house music, 'rising sun' said unread)."""
MISSING_TITLE_WORDS = 4
"""Longest title read before its artist when the catalog lacks the song ('back to black amy winehouse')."""
EVERYDAY_TITLE_WORDS = 3
"""At most this many everyday words asked alone are tried as a song's title ('stay', 'take on me')."""
WHOLE_TITLE_WORDS = 6
"""Longest request probed as one whole song title (`_whole_title`)."""
_NEGATING = frozenset({"no", "not", "don t", "ain t", "can t", "won t", "never", "nothing", "dont", "aint"})
"""Words that open a clause of what to leave out, and many a title ('Don't Stop Me Now', 'No Scrubs')."""
_NOT_IN_TITLE = frozenset({"but", "no", "not", "without", "except", "like", "please", "pls"})
_JOINERS = frozenset({"and", "or", "but", "nor", "plus", "n"})
"""Words that join a quoted title to what follows, never the first word of its artist's name."""
_CLAUSE_OPENERS = _NEGATING | {"what s", "whats"}
"""Little words that open a title before 'by' and its act as written ('No Scrubs by TLC', "What's Going On by Marvin
Gaye"), where they would otherwise be cut as the request's own (the band Scrubb was left out, TLC's songs asked for)."""
EVERYDAY_OWNER_RENOWN = 0.5
"""An act named by an everyday word ('grandma's', 'queen's') below this renown owns no album or song the catalog
lacks: the word is the listener's grandma, not the band."""


_ASKED_BEFORE_DASH = 2
"""Words of the request's vocabularies (moods, genres, occasions) before a dash that make it a request, not a title
missing from the catalog."""


class TitleScan(NameScan):
    """The name look-ups of a scan plus its title passes; the scan supplies what counts as a vocabulary word."""

    def _vocab_at(self, i: int) -> bool:
        """A mood, genre, era, count or novelty phrase starts at i (the scan's own finders)."""
        raise NotImplementedError

    def _own_title(self, j: int) -> Hit | None:
        """'fleetwood mac but not dreams', 'like radiohead except creep': a song of an artist the request names,
        left out (a title alone would be a namesake's, or a genre: 'creep'). Only when such an artist was read."""
        named = [*self.st.by_artists, *self.st.seed_artists][:3]
        end = j
        while end < self.n and self.free(end, 1) and end - j < MAX_TITLE_WORDS:
            tok = self.toks[end]
            if end > j and (tok.hard or tok.comma or tok.norm in lx.CONNECTORS):
                break
            end += 1
        if not named or end == j:
            return None
        # A title may hold a cue word ('except one more time': 'more'), so the span runs past cues; one that stops
        # at the first cue is tried after it. A miss costs a fuzzy pass (~10 ms): the span as typed and its two
        # shorter cuts are enough.
        cued = next((k for k in range(j + 1, end) if self._cue(k)), end)
        # 'not creep pls i've heard it a million times': the chat after the title opens a clause of its own.
        said = next((k for k in range(j + 1, end) if self.toks[k].norm in _CHAT_OPENERS), end)
        lengths = range(end - j, max(0, end - j - OWN_TITLE_CUTS), -1)
        for length in dict.fromkeys([*lengths, *(n for n in lengths if n <= cued - j), cued - j, said - j]):
            for artist in named:
                song = self._song_by(self.surface(j, length), artist.name, TITLE_EXACT)
                if song is not None:
                    return Hit(length, "track", apply_track(song), song)
        return None

    def _song_by(self, title: str, artist: str, least: float) -> EntityRef | None:
        """The artist's own song with this title (from `least` similarity), not a namesake's."""
        found = self.p.names.search_tracks(f"{title} by {artist}", 1, least=least)
        if not found or not found[0].name.endswith(f" - {artist}"):
            return None
        return EntityRef(found[0].index, found[0].id, found[0].name)

    def _title_by_artist(self) -> None:
        """'Teardrop by Massive Attack', 'something like Creep - Radiohead': a track seed, found before the scan."""
        for k, tok in enumerate(self.toks):
            if tok.hard or self.used[k] or not (tok.norm == "by" or tok.dash):
                continue
            if tok.norm == "by" and k > 0 and self.toks[k - 1].norm in ("not", "nothing", "none"):
                continue  # 'like mr brightside but not by the killers': an act left out, not a song's artist
            right = k + 1 if tok.norm == "by" else k
            seg = k
            while seg > 0 and not self.toks[seg].hard:
                seg -= 1
            if tok.norm == "by" and any(self.phrase(s, NOVELTY) == k - s for s in range(seg, k)):
                continue  # "deep cuts by the doors", "classics by Queen": the songs of an artist, not a title
            starts = [s + n for s in range(seg, k) if (n := self.phrase(s, SIMILAR_PHRASES)) and s + n < k]
            right_len = self._name_len(right)
            if not right_len:
                continue
            # A title may begin with a mood or genre word ("Dancing Queen by ABBA"): the whole span is tried first,
            # but only a found track counts for it; the stand-in artist below needs the span without those words.
            # After the last cue first, then after earlier ones: a title may hold a cue ('tunes like just like
            # honey by the jesus and mary chain' looked for 'honey').
            tries = [(s, whole) for first in [*starts[::-1], seg] for s, whole in self._title_starts(first, k)]
            tries = [(s, w) for s, w in dict.fromkeys(tries) if s < k and self.free(s, right + right_len - s)]
            if not tries and self._lone_everyday_song(k - 1, right, right_len, (seg, *starts[-1:])):
                continue
            if k - 1 not in starts[-1:] and self._counted_songs(k - 1, right, right_len):
                continue
            self._titled_seed(tries, k, right, right_len, cued=starts[-1] if starts else None)

    def _lone_everyday_song(self, j: int, right: int, right_len: int, opens: tuple[int, ...]) -> bool:
        """'kids by mgmt', 'something like kids by mgmt': one everyday word alone before 'by', opening the request or
        right after a cue, is the named artist's song when the artist has one so titled (the word read as the kids'
        occasion beside MGMT). Never a request noun or a bound ('songs by mgmt')."""
        tok = self.toks[j]
        if j not in opens or tok.norm in lx.REQUEST_NOUNS or tok.norm in _TITLE_BOUNDS or not self.free(j, 1):
            return False
        exact = self._probe(right, right_len)
        song = self._owned_song(j, 1, exact.index if exact else None, self._longer_names(right, right_len))
        if song is None:
            return False
        apply_track(song)(self.st, self._negated_at(j))
        self.mark(j, right + right_len - j)
        return True

    def _counted_songs(self, j: int, right: int, right_len: int) -> bool:
        """'5 by eminem for deadlifts': a number alone before 'by' is how many of the act's songs, unless the act has
        a song so titled ('22 by taylor swift') or a cue points at it ('like 3 by britney'); it was looked for as the
        song '5'."""
        tok = self.toks[j]
        if not tok.word.isdecimal() or not 0 < int(tok.word) <= COUNTED_MOST or not self.free(j, 1):
            return False
        before = self.toks[j - 1].norm if j > 0 else ""
        if j > 0 and before not in _COUNT_BEFORE and (not tok.hard or before in lx.TITLE_NUMBERING):
            return False  # 'black no. 1 by type o negative': the end of a title
        exact = self._probe(right, right_len)
        return self._owned_song(j, 1, exact.index if exact else None, self._longer_names(right, right_len)) is None

    def _owned_song(
        self, start: int, length: int, exact: int | None, longer: Callable[[], list[int]]
    ) -> EntityRef | None:
        """The song titled by the words at `start` of the act named exactly (`exact`), else of an act whose name
        begins with that name ('happy by pharrell': Pharrell Williams', the act 'Pharrell' has no songs here);
        `longer` is asked only when the exact act lacks the song."""
        title = self.surface(start, length)
        if exact is not None and (song := self.p.names.artist_song(exact, title)) is not None:
            return EntityRef(song.index, song.id, song.name)
        for artist in longer():
            if artist != exact and (song := self.p.names.artist_song(artist, title)) is not None:
                return EntityRef(song.index, song.id, song.name)
        return None

    def _longer_names(self, right: int, right_len: int) -> Callable[[], list[int]]:
        """Acts whose full name begins with the name at `right`, looked up once (a fuzzy pass) on first use."""

        @cache
        def found() -> list[int]:
            typed = self.key(right, right_len)
            matches = self.p.names.search_artists(self.surface(right, right_len), OWNER_LOOKUPS)
            return [m.index for m in matches if normalize_name(m.name).startswith(typed + " ")]

        return found

    def _title_beside_artist(self) -> None:
        """'dreams fleetwood mac', 'gasolina daddy yankee', 'radiohead creep': a song named next to its artist with
        no 'by' or dash between them (those read as the artist, the title said unused). Taken only when the
        artist's own song has that title (`NameResolver.artist_song`: exact, or close for a long title); one per
        request. The artist may be a very famous one's short name ('toxic britney')."""
        k = 0
        missing: tuple[int, int, Hit] | None = None
        while k < self.n:
            # A name as the scan would take it uncued: not a cue word ('like' is an artist too), not everyday words
            # in lower case ('queen' in 'dancing queen abba').
            hit = None if self._cue(k) else self._exact_artist(k, cued=False, beat=0, alone=False)
            artist = hit.ref.index if hit is not None and hit.ref is not None else self._famous_part(k)
            if artist is None:
                k += 1
                continue
            length = hit.length if hit is not None else 1
            for start, end in (self._title_span(k, -1), self._title_span(k + length, 1)):
                song = self._beside(start, end, artist)
                if song is not None:
                    apply_track(song)(self.st, False)
                    self.mark(min(start, k), max(end, k + length) - min(start, k))
                    return
            title = self._missing_title(self._title_span(k, -1)[0], k) if missing is None and hit else None
            if title is not None and hit is not None and self._ends_a_title(title, k, hit):
                missing = (title, k, hit)
            k += length
        if missing is not None:
            self._stand_in(*missing)

    def _missing_title(self, start: int, end: int) -> int | None:
        """Where a song title the catalog lacks begins, in the words from `start` to its artist at `end`: 'more like
        teardrop massive attack', 'similar to hurt johnny cash'. Right after a similarity cue, a few words nothing
        else reads, before an artist who lacks a song so titled, are that song all the same (the request came back
        empty, or seeded the band Hurt, or Besomorph's 'Back to Black'); not a well-known act's name ('like
        radiohead muse' names two acts)."""
        cue_ends = [s + n for s in range(max(0, start - 3), end) if (n := self.phrase(s, SIMILAR_PHRASES))]
        start = max((e for e in cue_ends if e >= start), default=-1)
        if not 0 < end - start <= MISSING_TITLE_WORDS:
            return None
        toks = self.toks[start:end]
        # Little words alone name no song ('like the x'), unless they speak like a title ('like as it was harry
        # styles' lost its song silently: it is not here, and the note now says so).
        spoken = sum(t.norm in _TITLE_SPEECH for t in toks) >= 2
        if (all(t.norm in lx.FUNCTION_WORDS for t in toks) and not spoken) or any(
            t.norm in lx.REQUEST_NOUNS for t in toks
        ):
            return None
        if any(self._vocab_at(j) or self._cue(j) or self.toks[j].norm in _CAREER_WORDS for j in range(start, end)):
            return None
        named = self._probe(start, end - start)
        return start if named is None or named.renown < EVERYDAY_OWNER_RENOWN else None

    def _ends_a_title(self, start: int, k: int, hit: Hit) -> bool:
        """Whether the artist at k closes the clause after a title from `start`, and the words are not one longer
        name or title ('bruno marz' is Bruno Mars, not 'bruno' by März; 'Bohemian Rhapsody' is no song of Rhapsody)."""
        after = k + hit.length
        if any(t.comma or t.hard for t in self.toks[start + 1 : k + 1]):
            return False  # 'similar to Boards of Canada, Aphex Twin': a list of acts
        if after < self.n and not (self.toks[after].hard or self._cue(after) or self.toks[after].norm in _TITLE_BOUNDS):
            return False
        whole = self.surface(start, after - start)
        song = self.p.names.search_tracks(whole, 1, least=FUZZY_MIN)
        if song and (song[0].score >= TITLE_EXACT or self._famous_over(song[0], k, hit.length)):
            return False  # 'songs like Bohemian Rhapsody': the whole is a title, not a song by the band Rhapsody
        found = self.p.names.search_artists(whole, 1)
        return not found or found[0].score < FUZZY_MIN or (hit.ref is not None and found[0].index == hit.ref.index)

    def _famous_over(self, song: NameMatch, k: int, length: int) -> bool:
        """A title typed with a slip ('bohemian rapsody') that is a famous act's song, far better known than the act
        whose exact name covers part of it (the rapper Rapsody): the song, not a missing song of that act."""
        by = self.p.names.exact_artist(normalize_name(song.name.rsplit(" - ", 1)[-1]))
        named = self._probe(k, length)
        if by is None or by.renown < FAMOUS_EVERYDAY:
            return False
        return named is None or by.renown - named.renown >= SONG_OVER_ACT_MARGIN

    def _stand_in(self, start: int, k: int, hit: Hit) -> None:
        """The artist of a song the catalog lacks stands in as the seed, and the song is said missing."""
        ref = hit.ref
        if ref is None:
            return
        apply_artist(ref)(self.st, False)
        apply_unresolved(f"{self.surface(start, k - start)} by {ref.name}", [])(self.st, False)
        self.mark(start, k + hit.length - start)

    def _famous_part(self, k: int) -> int | None:
        """The very famous artist a word at k stands for ('britney' in 'toxic britney', 'bowie'), if any."""
        if not self.free(k, 1) or not self.toks[k].word.isalpha():
            return None
        famous = self._short(self.toks[k].norm)
        return famous.index if famous is not None and famous.score >= 100.0 else None

    def _title_span(self, edge: int, step: int) -> tuple[int, int]:
        """The free words before (`step` -1, ending at `edge`) or after (from `edge`) a name, up to a cue, a
        connector, a stop or `MAX_TITLE_WORDS`."""
        start = end = edge
        while end - start < MAX_TITLE_WORDS:
            k = start - 1 if step < 0 else end
            if not (0 <= k < self.n) or not self.free(k, 1) or self._cue(k) or self.toks[k].norm in _TITLE_BOUNDS:
                break
            if self.toks[k + 1 if step < 0 else k].hard:  # a stop between the word and the span
                break
            start, end = (k, end) if step < 0 else (start, k + 1)
        return start, end

    def _beside(self, start: int, end: int, artist: int) -> EntityRef | None:
        """The artist's own song whose title is the span, or the span without its first words (at most
        `OWN_TITLE_CUTS`): a look among the artist's titles, cheap enough for every name in a request."""
        if end <= start or (end - start == 1 and self._vocab_at(start) and not self.toks[start].cap):
            return None
        for cut in range(min(OWN_TITLE_CUTS, end - start)):
            song = self.p.names.artist_song(artist, self.surface(start + cut, end - start - cut))
            if song is not None:
                return EntityRef(song.index, song.id, song.name)
        return None

    def _titled_seed(
        self, tries: list[tuple[int, bool]], k: int, right: int, right_len: int, *, cued: int | None = None
    ) -> None:
        """The track 'TITLE by ARTIST' names, from the first title start the catalog finds; else, for a title as
        written that the catalog lacks, its artist stands in and the song is reported. Every start is searched
        before any stand-in: 'Smells Like Teen Spirit by Nirvana' must not stop at 'Teen Spirit'. Everyday words
        right after a cue ('like pink moon by nick drake', `cued`) are such a title too: 'pink' was P!nk."""
        if right_len == 1 and self.toks[right].norm in lx.VOICES and not self.toks[right].cap:
            return  # 'french songs sung by women' says who sings (the band Women had stood in for a missing song)
        searched = []
        artist = self._act_by(right, right_len)
        namesakes = set()  # starts of a title the catalog has only by another act: a title all the same
        for start, whole in tries:
            query = f"{self.surface(start, k - start)} by {self.surface(right, right_len)}"
            found = self.p.names.search_tracks(query, 3, least=SUGGEST_MIN)
            if found and found[0].score >= FUZZY_MIN and not self._namesake(found[0], artist):
                m = found[0]
                apply_track(EntityRef(m.index, m.id, m.name))(self.st, self._negated_at(start))
                self.mark(start, right + right_len - start)
                return
            if self._namesake_title(start, k, artist):
                namesakes.add(start)
            searched.append((start, whole, query, found))
        longer = self._longer_names(right, right_len)
        for start, _, _, _ in searched:
            # A title shorter than the catalog's ('major tom by peter schilling': 'Major Tom - Coming Home') is
            # the artist's own song when the artist has it, not a missing one.
            song = self._owned_song(start, k - start, artist.index, longer) if artist is not None else None
            if song is not None:
                apply_track(song)(self.st, self._negated_at(start))
                self.mark(start, right + right_len - start)
                return
        for start, whole, _, found in searched:
            lone = self._lone_word_title(start, k, cued)
            titled = any(self._title_word(t) for t in self.toks[start:k]) or self._opening_title(start, k)
            titled = titled or lone or (start == cued and self._everyday_words(start, k))
            titled = titled or self.toks[start].norm in _MONTHS or start in namesakes
            if all(t.norm in lx.REQUEST_NOUNS for t in self.toks[start:k]):
                continue  # 'songs produced by j dilla': his own songs, not a song called 'produced'
            if self.toks[start].norm in _CLAUSE_OPENERS:
                # "ain't nobody by chaka khan" is a title; 'no rap by drake' leaves rap out
                if all(self._vocab_at(j) or self.toks[j].norm in lx.REQUEST_NOUNS for j in range(start + 1, k)):
                    continue
                titled = True
            whole = whole and start not in namesakes
            if (whole and not lone) or artist is None or not titled or self._negated_at(start):
                continue
            if self.toks[k].dash and sum(self._vocab_at(j) for j in range(start, k)) >= _ASKED_BEFORE_DASH:
                continue  # '50s rock n roll for a jive workshop - elvis, chuck berry': a request, then its acts
            # A song the catalog lacks by an artist it has: the artist stands in, the song is reported.
            apply_artist(EntityRef(artist.index, artist.id, artist.name))(self.st, False)
            # Said with the catalog's spelling, so the note knows the artist ('party by beyonce': Beyoncé).
            said = f"{self.surface(start, k - start)} by {artist.name}"
            apply_unresolved(said, [m.name for m in found if m.score >= SUGGEST_MIN])(self.st, False)
            self.mark(start, right + right_len - start)
            return

    @staticmethod
    def _namesake(song: NameMatch, artist: NameMatch | None) -> bool:
        """Another act's song of the title, where the request named an act the catalog has exactly ('the ocean by
        led zeppelin' is not Mike Perry's 'The Ocean'): the named act's song is missing, not this one. A line-up
        named with its leader is the leader's ('redemption song by bob marley': Bob Marley & The Wailers)."""
        if artist is None or artist.score < EXACT:
            return False
        by, named = normalize_name(song.name.rpartition(" - ")[2]), normalize_name(artist.name)
        return f" {named} " not in f" {by} " and f" {by} " not in f" {named} "

    def _namesake_title(self, start: int, end: int, artist: NameMatch | None) -> bool:
        """The span is a song's whole title, by another act than the one named after it: a title all the same. Not
        a span of request words ('the soundtrack by pulp fiction' asks for the film's music)."""
        if artist is None or artist.score < EXACT or end - start > MAX_TITLE_WORDS:
            return False
        if all(self._vocab_at(j) or self.toks[j].norm in lx.FUNCTION_WORDS for j in range(start, end)):
            return False
        found = self.p.names.search_tracks(self.surface(start, end - start), 1, least=TITLE_EXACT)
        return bool(found) and self._namesake(found[0], artist)

    def _act_by(self, start: int, length: int) -> NameMatch | None:
        """The act named after a song's title: by its exact name, else a very famous act by its short name
        ('welcome to the black parade by mcr' was one unknown name)."""
        return self._probe(start, length) or self._short(self.key(start, length))

    def _lone_word_title(self, start: int, k: int, cued: int | None) -> bool:
        """'winter by tori amos', 'songs like mountains by biffy clyro': one vocabulary word alone before 'by' and
        an artist, opening the request or right after a cue, is a song's title, not a mood beside the artist."""
        return k - start == 1 and start in (0, cued) and self._vocab_at(start)

    def _negated_at(self, start: int) -> bool:
        """A negation right before `start` ('but not perfect by ed sheeran'): the song is left out, not a seed."""
        return any(k >= 0 and self.key(k, start - k) in lx.NEGATION_CUES for k in (start - 1, start - 2))

    def _quoted_titles(self) -> None:
        """ "songs like 'redbone' childish gambino": a quoted span is a title, with the artist right after it when
        one is named there; taken only when the catalog finds that track (an artist named 'Redbone' must not win)."""
        for match in QUOTED.finditer(self.src):
            inside = [k for k, t in enumerate(self.toks) if match.start() < t.start and t.end < match.end()]
            if not inside or not self.free(inside[0], len(inside)) or (len(inside) == 1 and self._vocab_at(inside[0])):
                continue  # "don't like 'sad' songs": a quoted mood word is still the mood
            start, after = inside[0], inside[-1] + 1
            # 'by', or the 'of' a by-word reads as before a name the tables did not know ('"Evidências" do X').
            by = after + 1 if self.free(after, 1) and self.toks[after].norm in ("by", "of") else after
            named = self.free(by, 1) and not self.toks[by].hard and self.toks[by].norm not in lx.REQUEST_NOUNS
            named = named and (by > after or self.toks[by].norm not in _JOINERS)  # "'Red' and 'Starless'": no act And
            artist_len = self._name_len(by) if named else 0  # "like 'chill indie' stuff": no act called Stuff
            artist = self._act_by(by, artist_len) if artist_len else None
            if artist is None and artist_len:  # "'sweater weather' by the neighborhood": The Neighbourhood
                artist = self._close_artist(by, artist_len)
            title = match.group(2)
            if by > after and artist is None and artist_len:
                # '"Evidências" do chitãozinho e xororó': someone the catalog lacks; another act's 'Evidencia' is
                # not their song (it seeded reggaeton). The song is reported, by the name as typed (a duo's 'and'
                # included when the name ends the request).
                end = by + artist_len
                if end + 2 == self.n and self.toks[end].norm in ("and", "&") and self.free(end, 2):
                    artist_len += 2
                apply_unresolved(f"{title.lower()} by {self.surface(by, artist_len)}", [])(self.st, False)
                self.mark(start, by + artist_len - start)
                continue
            query = f"{title} by {artist.name}" if artist is not None else title
            least = FUZZY_MIN if artist is not None else FUZZY_SURE
            if self._take_track(query, least, start, (by + artist_len if artist is not None else after) - start):
                continue
            own = None if artist is None else self.p.names.artist_song(artist.index, title)
            if own is not None:  # "'is this love' bob marley": 'Is This Love - Remix', by his line-up
                apply_track(EntityRef(own.index, own.id, own.name))(self.st, False)
                self.mark(start, by + artist_len - start)
                continue
            if artist is not None and artist_len:
                # 'stuff like "space song" beach house': a song the catalog lacks, its artist named right after it,
                # stands in and the song is reported ('beach house' was the genre house and a beach mood).
                apply_artist(EntityRef(artist.index, artist.id, artist.name))(self.st, False)
                apply_unresolved(f"{title.lower()} by {artist.name}", [])(self.st, False)
                self.mark(start, by + artist_len - start)
            elif len(inside) > 1 and self._quoted_unknown(start, after):
                # "something like 'la bamba'": a quoted song the catalog lacks is reported whole, not cut into an
                # obscure act 'La' and an unread 'bamba'.
                apply_unresolved(title.lower(), [])(self.st, False)
                self.mark(start, after - start)

    def _close_artist(self, start: int, length: int) -> NameMatch | None:
        """The act the words spell another way ('the neighborhood', 'tame impla'), when one act is that close
        (FUZZY_MIN): one fuzzy look-up, made only where no act has the name exactly (after a quoted title, before
        a dash, beside a title in `pasted`)."""
        found = self.p.names.search_artists(self.surface(start, length), 1)
        return found[0] if found and found[0].score >= FUZZY_MIN else None

    def _quoted_unknown(self, start: int, end: int) -> bool:
        """A quoted span that is neither an artist's whole name ("'daft punk'") nor request words ("'chill
        indie'"): a title, even one the catalog lacks."""
        if self._probe(start, end - start) is not None:
            return False
        key = self.key(start, end - start)
        if key in self.p.genre_vocab or key in self.p.played_by or key in MOODS:
            return False  # "'sad girl'", "'chill indie'": request words, quoted
        # "'strings of life'": a quoted title may hold a word the request reads ('strings' as orchestral music); as
        # many words nothing reads say it is a title all the same
        content = [j for j in range(start, end) if self.toks[j].norm not in lx.FUNCTION_WORDS]
        unread = sum(not self._vocab_at(j) for j in content)
        return unread * 2 >= len(content) if len(content) > 1 else unread == len(content)

    def _whole_title(self) -> None:
        """'hooked on a feeling', 'livin on a prayer', 'born to run' asked alone: a song's whole title running
        through little words, which the scan would cut at them ('Hooked' by Notion, the band The Prayer, the
        running mood). Probed only for a short request with such a word inside and no request noun or cue."""
        toks = self.toks
        if any(self.used) or not 2 < self.n <= WHOLE_TITLE_WORDS or any(t.hard for t in toks[1:]):
            return
        if not any(t.norm in SPAN_STOP for t in toks[1:-1]) or any(t.norm in lx.REQUEST_NOUNS for t in toks):
            return
        if any(
            self._shapes_request(k) or toks[k].norm in _NOT_IN_TITLE or toks[k].word.isdecimal() for k in range(self.n)
        ):
            return  # 'drake but chill', 'rock from the 80s': a request's shape, not a title (each probe costs)
        hit = self._exact_title(0, self.n)
        if hit is not None:
            hit.apply(self.st, False)
            self.mark(0, self.n)

    def _negating_whole(self) -> None:
        """'Ain't No Sunshine', 'no scrubs', 'No Woman No Cry' asked alone: a whole request opening on a negating
        word that is a song's title as the catalog spells it, not something to leave out (they answered a mix
        without the band Scrubb, or chart songs 'not sunshine'). Words a request reads ('no rap', 'nothing sad')
        are such a title only when a famous act sings it."""
        toks = self.toks
        if any(self.used) or self.n < 2 or toks[0].norm not in _NEGATING or any(t.hard for t in toks[1:]):
            return
        hit = self._exact_title(0, self.n)
        if hit is None or hit.ref is None:
            return
        unread = [k for k in range(self.n) if toks[k].norm not in lx.FUNCTION_WORDS and not self._vocab_at(k)]
        by = self.p.names.exact_artist(normalize_name(hit.ref.name.rsplit(" - ", 1)[-1]))
        if unread or (by is not None and by.renown >= FAMOUS_EVERYDAY):
            hit.apply(self.st, False)
            self.mark(0, self.n)

    def _shapes_request(self, k: int) -> bool:
        """A cue at k that makes a request of the words around it, not one a title may hold ('the less i know')."""
        cue = self._cue(k)
        return cue is not None and not (cue[1] == "neg" and self.toks[k].norm not in _NOT_IN_TITLE)

    def _opening_title(self, start: int, end: int) -> bool:
        """Everyday words that open the request before 'by' ('angel by massive attack', 'hurt by johnny cash'): a
        title, unless they ask for something ('songs', 'anything', 'chill')."""
        return start == 0 and self._everyday_words(start, end)

    def _everyday_words(self, start: int, end: int) -> bool:
        """A few everyday words that may be a title: none asks for something ('songs', 'anything', 'chill')."""
        if not 0 < end - start <= EVERYDAY_TITLE_WORDS:
            return False
        toks = self.toks[start:end]
        if all(t.norm in lx.FUNCTION_WORDS for t in toks) or any(t.norm in lx.REQUEST_NOUNS for t in toks):
            return False
        return not any(self._vocab_at(j) for j in range(start, end))

    def _everyday_title(self) -> bool:
        """'stay', 'closer', 'dreams' asked alone: everyday words that nothing else reads, and a song's whole title
        (its best-known version; the answer says which when the act is less known). Were empty answers."""
        if any(self.used) or not all(t.norm in lx.COMMON_WORDS for t in self.toks):
            return False
        if not self._opening_title(0, self.n):
            return False
        hit = self._exact_title(0, self.n)
        if hit is None:
            return False
        hit.apply(self.st, False)
        self.mark(0, self.n)
        return True

    def _title_word(self, tok: Tok) -> bool:
        """A word that makes a span a title: not an everyday word, or one capitalized by a writer who also uses
        lower case ('like September by Earth, Wind & Fire', not 'songs by X')."""
        return tok.norm not in lx.COMMON_WORDS or (self.case_signal and tok.cap and not tok.initial)

    def _title_starts(self, start: int, end: int) -> list[tuple[int, bool]]:
        """Where a title before `end` may begin: after leading function words (whole), then also after vocabulary
        words; a start that is the same either way counts as the stripped one."""
        first = start
        while start < end and self.toks[start].norm in lx.FUNCTION_WORDS:
            start += 1
        whole = start
        while start < end and (self.toks[start].norm in lx.FUNCTION_WORDS or self._vocab_at(start)):
            start += 1
        # A title may open with a function word ('Hey Ya', 'Take On Me') or an article ('the less i know the better
        # - tame impala' was cut to 'know the better'): tried whole first, where only a found song counts.
        lead = self.toks[first] if first < whole else None
        asks = any(t.norm in lx.REQUEST_NOUNS for t in self.toks[first:end])  # 'a song by radiohead' is no title
        leads = (_TITLE_LEADS if asks else _TITLE_LEADS - _ARTICLES) - _MONTHS - _CLAUSE_OPENERS
        opening = [] if lead is None or (lead.norm in leads and not self._title_word(lead)) else [(first, True)]
        if opening and (self._title_word(self.toks[first]) or self.toks[first].norm in _MONTHS | _CLAUSE_OPENERS):
            opening = [(first, False)]  # 'September by ...': a title as written, so its artist may stand in
        return [*opening, *([(start, False)] if whole == start else [(whole, True), (start, False)])]

    def _titles_with_cue_words(self) -> None:
        """'songs similar to Smells Like Teen Spirit': after a similarity cue, a whole title that itself holds a cue
        word ('like', 'by') is read as the track before the scan splits it at that word. An exact artist name or
        a weaker title match leaves the span to the scan. A title that opens on a negation or holds a clause's
        one ('Don't Stop Believin'', 'Ain't No Mountain High Enough') counts only as the catalog spells it."""
        for i in range(self.n):
            cue = self.phrase(i, SIMILAR_PHRASES)
            if not cue or self.used[i]:
                continue
            start = i + cue
            if self._negating_title(i, start):
                continue
            end, inner, less = self._cue_span(start)
            capped = self._capitalized_end(start, end)
            # 'songs like Dancing Queen for pass the parcel': the title as capitalized first (Queen was seeded)
            if capped < end and self._cue_title(i, start, capped, inner=inner, least=TITLE_EXACT):
                self._cued_name = True  # as the scan's own cue would have said
                continue
            self._cue_title(i, start, end, inner=inner, least=TITLE_EXACT if less else FUZZY_SURE)

    def _capitalized_end(self, start: int, end: int) -> int:
        """Where a title typed in capitals amid lower-case words ends: its capitalized words, the little words
        between them ('Here Comes the Sun'), up to a comma; `end` when the request gives no such signal."""
        if start >= end or not self.case_signal or not self.toks[start].cap:
            return end
        k = start
        while k < end and (
            self.toks[k].cap or (self.toks[k].norm in lx.FUNCTION_WORDS and k + 1 < end and self.toks[k + 1].cap)
        ):
            k += 1
            if k < end and self.toks[k].comma:
                break
        return k if k - start >= 2 else end

    def _cue_span(self, start: int) -> tuple[int, bool, bool]:
        """Where a title after a cue may end: at a hard stop or at any other cue ("but", "from", "no"), which ends
        a title; a word that only negates in a request ('less', 'never') may sit in one ('the less i know the
        better'). Returns (end, holds a cue, holds a negation)."""
        end = start
        inner = less = False
        while end < self.n and not self.toks[end].hard and end - start < MAX_TITLE_WORDS:
            kind = self._cue(end) if end > start else None
            if kind is not None and not self._cue_in_title(end, kind[1]):
                break
            inner = inner or kind is not None
            less = less or (kind is not None and kind[1] == "neg")
            end += 1
        return end, inner, less

    def _negating_title(self, i: int, start: int) -> bool:
        """'something like Don't Stop Believin' for karaoke', 'Ain't No Mountain High Enough, the Marvin and Tammi
        version': a title that holds a negating word, which the scan reads as leaving things out (the act AINT was
        seeded and the band Mountain left out). Tried longest first up to a comma or stop, as the catalog spells
        it; whether one was read."""
        last = start
        while (
            last < self.n and last - start < NEGATED_TITLE_MOST and not (self.toks[last].hard or self.toks[last].comma)
        ):
            if self.toks[last].norm in ("but", "except"):
                break
            last += 1
        first = next((k for k in range(start, last) if self.toks[k].norm in _NEGATING), None)
        if first is None or (first > start and self._probe(start, first - start)):
            return False  # 'like Radiohead no rap': an act, then what to leave out (no look-up)
        if first > start and all(self._vocab_at(k) for k in range(start, first)):
            return False  # 'like chill pop, not sad': request words, then what to leave out
        ends = range(last, max(first, start + 1), -1)  # two words at least: a song called "No" is no reading
        return any(self._cue_title(i, start, end, inner=True, least=TITLE_EXACT) for end in ends)

    def _cue_title(self, i: int, start: int, end: int, *, inner: bool, least: float) -> bool:
        """Read tokens start..end after the cue at i as one track, when they are a candidate and the catalog has
        it; whether they were."""
        # Only a span holding a "like" of its own, or words the scan would split into a mood and an act
        # ('songs like dancing queen': Queen, danceable), is a candidate; one look-up is all it costs.
        if end <= start or not self.free(start, end - start) or self._probe(start, end - start):
            return False  # an act's exact name is no title, and costs one cached probe to know
        # A feeling said in words ('sound like falling in love') is the mood, never an obscure song of that name.
        felt = self.key(start, end - start) in MOODS
        split = not (inner or felt) and (self._mood_and_act(start, end) or self._word_and_unknown(start, end))
        if not (inner or split):
            return False
        return self._take_track(self.surface(start, end - start), TITLE_EXACT if split else least, i, end - i)

    def _take_track(self, text: str, least: float, start: int, length: int) -> bool:
        """Read `text` as the song the catalog finds for it at `least` or better, the tokens start..start+length
        used up by it; whether it was found."""
        found = self.p.names.search_tracks(text, 1, least=least)
        if not found:
            return False
        m = found[0]
        apply_track(EntityRef(m.index, m.id, m.name))(self.st, False)
        self.mark(start, length)
        return True

    def _cue_in_title(self, k: int, kind: str) -> bool:
        """A cue word that a title may hold: 'like' ('Smells Like Teen Spirit'), or a negation that is no clause of
        its own ('less', 'never', not 'no', 'not', 'without')."""
        return kind == "like" or (kind == "neg" and self.toks[k].norm not in _NOT_IN_TITLE)

    def _word_and_unknown(self, start: int, end: int) -> bool:
        """Whether a few words after a cue hold a mood or genre word beside a word nothing reads, the scan's split
        leaving it unused: 'songs like dance monkey' was dance music with 'monkey' said unread. Only a title the
        catalog has almost exactly counts (`TITLE_EXACT`)."""
        if not 2 <= end - start <= UNREAD_TITLE_WORDS:
            return False
        vocab = [self._vocab_at(j) for j in range(start, end)]
        unknown = (
            not known and self.toks[j].norm not in lx.COMMON_WORDS and not self._probe(j, 1)
            for j, known in zip(range(start, end), vocab, strict=True)
        )
        return any(vocab) and any(unknown)

    def _mood_and_act(self, start: int, end: int) -> bool:
        """Whether a few words hold an act's exact name beside other words, which the scan would read apart (a
        mood and the act, or the act and a word said unused): 'dancing queen', 'killer queen', 'blue monday'."""
        words = self.toks[start:end]
        # 'like james blake but sad': a contrast joins the act and a twist, never a title's words.
        if not 2 <= end - start <= SPLIT_TITLE_WORDS or any(t.norm in lx.CONNECTORS or t.norm == "but" for t in words):
            return False
        if not any(self._probe(j, n) for j in range(start, end) for n in range(1, end - j + 1) if n < end - start):
            return False
        # 'songs like the weekend': one misspelt name (The Weeknd) before a title (SZA's 'The Weekend').
        named = self.p.names.search_artists(self.surface(start, end - start), 1)
        return not named or named[0].score < FUZZY_MIN

    def _name_len(self, j: int) -> int:
        """Tokens in the artist name at j: the longest exact name, else words up to a stop word or cue. A name of
        little words only counts where it closes the name ('by the who'): 'by the neighborhood' is not The The."""
        for length in range(min(MAX_NAME_WORDS, self.n - j), 0, -1):
            if not self.free(j, length) or self._probe(j, length) is None:
                continue
            if self._closes(j + length) or not all(t.norm in lx.FUNCTION_WORDS for t in self.toks[j : j + length]):
                return length
        end = j
        while end - j < MAX_NAME_WORDS and self.free(j, end - j + 1):
            if end > j and (self.toks[end].norm in SPAN_STOP or self._cue(end) or self._vocab_at(end)):
                break
            end += 1
        return end - j

    def _possessive_titles(self) -> None:
        """ "Queen's Bohemian Rhapsody", "Daft Punk's Random Access Memories": the artist's song when the catalog
        has it, else the artist, with the rest (an album, most often) said unused rather than read word by word
        ('access' as an artist, 'dark' as a mood)."""
        for k, tok in enumerate(self.toks):
            if tok.raw[-2:] not in ("'s", "\u2019s") or self.used[k]:
                continue
            starts = range(max(0, k - MAX_NAME_WORDS + 1), k + 1)  # the longest name first
            owner = next(((s, m) for s in starts if (m := self._owner(s, k)) is not None), None)
            if owner is None:
                continue
            start, match = owner
            kin = start == k and self.toks[k].norm.removesuffix(" s") in lx.KIN and not self.toks[k].cap
            if kin or (start > 0 and self.toks[start - 1].norm in _KIN_OWNERS):
                continue  # "my mum's 80th", "mum's favourite songs": a person's, not the band múm's
            end = k + 1
            while end < self.n and not self.toks[end].hard and not self._cue(end) and end - k <= MAX_TITLE_WORDS:
                end += 1
            if end == k + 1 or any(self._probe(start, n) for n in range(end - start, k - start + 1, -1)):
                continue  # "Jane's Addiction", "Guns N' Roses": the possessive is inside a longer name
            if any(self.key(start, n) in _DAYS for n in range(k - start + 2, end - start + 1)):
                continue  # "valentine's day songs": an occasion, not the act Valentine's 'day songs'
            rest = self.surface(k + 1, end - k - 1)
            if self.phrase(k + 1, OWN_SONGS) == end - k - 1:
                # "queen's greatest hits", "radiohead's deep cuts": their own songs, the words left to say which (an
                # album 'Greatest Hits' seeded songs like its tracks: Bowie, Guns N' Roses and no Queen)
                self._own_songs(match, start, k + 1)
                return
            plain = all(t.norm in lx.FUNCTION_WORDS or t.norm in lx.REQUEST_NOUNS for t in self.toks[k + 1 : end])
            song = None if plain else self._song_by(rest, match.name, FUZZY_MIN)
            # "my grandma's funeral is tomorrow": an everyday word in lower case owns a song only when it names one
            # or is a famous act (the band Grandma was seeded and 'funeral' said unused; "queen's greatest hits").
            everyday = self.toks[k].norm.removesuffix(" s") in lx.COMMON_WORDS and not self.toks[k].cap
            if song is None and not plain and start == k and everyday and match.renown < EVERYDAY_OWNER_RENOWN:
                continue
            artist = EntityRef(match.index, match.id, match.name)
            if song is not None:
                apply_track(song)(self.st, False)
            else:
                apply_artist(artist)(self.st, False)
                if not plain:
                    self.st.ignored.append(rest)  # an album, most often
                elif self.phrase(k + 1, OWN_SONGS):  # "Queen's songs": their own songs
                    self.st.by_artists.append(artist)
            self.mark(start, end - start)
            return

    def _unmarked_possessive(self) -> None:
        """'adeles best songs', 'metallicas greatest hits', 'queens greatest hits': chat drops the apostrophe before
        an act's own songs; the word less its 's' is the act when the word itself names none ('eagles' is the
        Eagles). They were unknown names and a mix across genres, and 'queens' Queens of the Stone Age."""
        for k, tok in enumerate(self.toks):
            if self.used[k] or not tok.norm.endswith("s") or len(tok.norm) < 4 or tok.norm in lx.REQUEST_NOUNS:
                continue  # 'hype songs 🔥' ('songs, bangers') asks for no act called Song
            if _DECADE_WORD.match(tok.norm):
                continue  # '2000s hits' are the decade's, not the hits of the act The 2000
            own = self.phrase(k + 1, OWN_SONGS) if k + 1 < self.n and not self.toks[k + 1].comma else 0
            end = k + 1 + own
            if not own or (end < self.n and not self.toks[end].hard):
                continue
            for start in range(max(0, k - MAX_NAME_WORDS + 1), k + 1):
                if not self.free(start, end - start) or self._probe(start, k + 1 - start) is not None:
                    continue
                match = self._exact(" ".join([*(t.norm for t in self.toks[start:k]), tok.norm[:-1]]))
                if match is not None:
                    self._own_songs(match, start, k + 1)
                    return

    def _own_songs(self, match: NameMatch, start: int, end: int) -> None:
        """The act named by tokens start..end is asked for its own songs; the words after it say which ones."""
        artist = EntityRef(match.index, match.id, match.name)
        apply_artist(artist)(self.st, False)
        self.st.by_artists.append(artist)
        self.mark(start, end - start)

    def _owner(self, start: int, k: int) -> NameMatch | None:
        """The exact artist named by tokens start..k, the last one possessive ('Daft Punk's')."""
        if not self.free(start, k - start + 1):
            return None
        return self._exact(" ".join([*(t.norm for t in self.toks[start:k]), self.toks[k].norm.removesuffix(" s")]))


_DECADE_WORD = re.compile(r"^(?:1[89]|20)?\d0s$")
"""A decade said with its 's' ('2000s', '90s'), never an act's possessive."""
_KIN_OWNERS = frozenset({"my", "your", "our", "his", "her", "their"})
"""Words before a possessive that make it a person's ("my mum's", "her dad's"), never an act's."""
_CHAT_OPENERS = frozenset(
    {"i", "i ve", "i m", "i d", "pls", "plz", "please", "cause", "because", "coz", "cuz", "since", "lol"}
)
"""Words that open the chat after a title left out ('not creep pls i've heard it'), where the title ends."""
