"""Names without a cue word, for the scan: a request that is all a name, a run before 'vibes' or 'but', words
linked to a found name by '+' or 'meets', and famous acts called by a word or described by one."""

from __future__ import annotations

from segue.domain import EntityRef, NameMatch
from segue.engine.query import lexicon as lx
from segue.engine.query.moods import MOODS
from segue.engine.query.names import (
    FAMOUS_EVERYDAY,
    FAMOUS_LONG,
    FUZZY_SURE,
    MAX_NAME_WORDS,
    NAME_THEN,
    one_edit,
    one_letter_off,
)
from segue.engine.query.state import Hit, apply_artist, apply_track
from segue.engine.query.voices import VoiceScan
from segue.text import normalize_name

PAIR_SLIP_LEAST = 4
"""Shortest word of a two-word name a slip is allowed in ('scot' for Scott); shorter ones must be typed as they are."""
SLIP_WORD_LEAST = 6
"""Shortest free word looked up as a famous act typed with a slip (`one_letter_off` needs as many letters)."""
_DESCRIBING = frozenset({"old", "early", "late", "new", "night", "classic", "sad", "slow", "chill", "hype"})
"""Words that describe an act named right after them ('old kiss', 'late night the national')."""
_SONG_CUES_AFTER = frozenset({"but", "mix"})
"""Words after which the run before may be a song ('creep but slower'); before the others ('vibes', 'type',
'esque', 'radio') it is an act or a feeling."""
_NAME_WORD = 4
"""Shortest word of a seed's name that, typed alone, names it ('willie'; not 'the', 'mc', 'lil')."""


_SAID_LINKS = lx.NAME_LINKS - lx.CONNECTORS
"""Links that join two names and nothing else ('x', 'meets', 'vs'): an unknown name beside one is said unknown."""
_JOINS = lx.CONNECTORS | lx.FOREIGN_ANDS
"""Words that list names, in English and the other request languages."""


class RunScan(VoiceScan):
    """The scan's readers of names said without a cue."""

    def _implicit_names(self) -> None:
        """Names without a cue word: the whole request ('radiohed'), or a run before 'but'/'vibes' ('air vibes')."""
        content = [k for k, t in enumerate(self.toks) if t.norm not in lx.FUNCTION_WORDS]
        end = content[-1] + 1 if content else self.n  # 'gorillaz type beat lol': chat after it says nothing
        tail = " ".join(t.norm for t in self.toks[max(0, end - 2) : end])
        if len(content) > 2 and tail in lx.TYPE_BEAT and self.free(end - 2, 1):  # 'nirvanna type beat'
            self.mark(end - 2, 1 if self.used[end - 1] else 2)  # 'type beats' may be read as instrumentals
            if self.free(content[0], end - 2 - content[0]):
                self._resolve_run(content[0], end - 2)
            return
        if self._leading_title(content) or self._everyday_title():
            return
        if content and not any(self.used) and self.free(content[0], content[-1] - content[0] + 1):
            lo, hi = content[0], content[-1] + 1
            if self.toks[0].norm in lx.TITLE_OPENERS and not any(t.hard for t in self.toks[1:]):
                lo, hi = 0, self.n  # 'Hey Jude', 'Take On Me' asked alone: a title opening with a function word
            run = self.toks[lo:hi]
            # "music to code to", "train songs": everyday words amid others are not a name unless capitalized.
            written_as_name = self.case_signal and all(t.cap for t in run if t.norm not in lx.FUNCTION_WORDS)
            if len(run) == self.n or not self._plain(run) or written_as_name:
                self._resolve_run(lo, hi)
            self._famous_short_names()
            return
        for k, tok in enumerate(self.toks):
            if tok.norm not in lx.IMPLICIT_CUE_AFTER or tok.hard or (tok.comma and tok.norm != "but"):
                continue  # 'w the boys 🔥' ('..., bangers'): a style word after a comma follows no name
            start = k
            while start > 0 and not self.used[start - 1] and not self.toks[start].hard and k - start < MAX_NAME_WORDS:
                start -= 1
            while start < k and self.toks[start].norm in lx.FUNCTION_WORDS:
                start += 1
            if start < k and not self._continues_reading(start, k) and not self._clause_before_but(start, k):
                # 'horror vibes', 'air vibes': an act or a feeling before a style word, not a song ('Horror')
                self._resolve_run(start, k, songs=tok.norm in _SONG_CUES_AFTER)
        self._opening_name()
        self._famous_short_names()

    def _opening_name(self) -> None:
        """'stevie ray vaughn and other texas blues guitar slingers': a misspelt name opening the request, left
        unread while the rest was read, is the act it surely names (FUZZY_SURE); read by meaning, 'stevie' was
        vocal music. Only a run of two words or more, not all of them everyday words."""
        start = 0
        while start < self.n and self.toks[start].norm in lx.FUNCTION_WORDS and self.free(start, 1):
            start += 1
        end = start
        while end < self.n and self.free(end, 1) and self.toks[end].norm not in lx.FUNCTION_WORDS:
            if end > start and (self.toks[end].hard or self.toks[end].comma or self.toks[end].dash):
                break
            end += 1
        if end - start < 2 or end - start > MAX_NAME_WORDS or self._plain(self.toks[start:end]):
            return
        found = self.p.names.search_artists(self.surface(start, end - start), 1)
        if found and found[0].score >= FUZZY_SURE:
            self._own_or_seed(EntityRef(found[0].index, found[0].id, found[0].name), start, end - start)

    def _clause_before_but(self, start: int, k: int) -> bool:
        """Everyday words ending a clause before ', but' ('songs for a barbecue with friends, but without
        schlager'), written in lower case: the clause's last words, not a song ('FRIENDS') the 'but' twists."""
        run = self.toks[start:k]
        opens = start == 0 or self.toks[start].hard  # 'yellow, but sadder' names the song it opens with
        return (
            not opens
            and self.toks[k].norm == "but"
            and self.toks[k].comma
            and self._plain(run)
            and not (self.case_signal and all(t.cap for t in run))
        )

    def _continues_reading(self, start: int, end: int) -> bool:
        """Everyday words right after a word already read, in lower case: 'beach day vibes', 'summer day vibes' are
        a beach day's, not songs like the act DAY ('air vibes' alone, or 'chill Air vibes', still name Air)."""
        run = self.toks[start:end]
        after_reading = start > 0 and self.used[start - 1] and not self.toks[start].hard
        written_as_name = self.case_signal and all(t.cap for t in run)
        return after_reading and self._plain(run) and not written_as_name

    def _famous_short_names(self) -> None:
        """'kanye before 2010', 'bieber from 2015': a word left over that only a very famous artist is called by
        part of their name (`SHORT_FAMOUS`) is that artist, cue or none."""
        for k, tok in enumerate(self.toks):
            if not self.free(k, 1) or tok.norm in lx.FUNCTION_WORDS or not tok.word.isalpha():
                continue
            famous = self._short(tok.norm)
            if famous is not None and famous.score >= 100.0:
                self._own_or_seed(EntityRef(famous.index, famous.id, famous.name), k, 1)
                continue
            self._described_band(k)

    def _described_band(self, k: int) -> None:
        """'acoustic heart', 'old kiss', 'sad the cure', 'late night the national': a famous act named by everyday
        words (`FAMOUS_EVERYDAY`), left over right after a mood, era or genre that describes it."""
        start = k - 1 if k > 0 and self.toks[k - 1].norm == "the" and self.free(k - 1, 1) else k
        before = self.toks[start - 1].norm if start > 0 and not self.toks[start].hard else ""
        described = before in _DESCRIBING or (start > 0 and self.used[start - 1] and self._vocab_at_used(start - 1))
        if not described:  # 'early queen' keeps 'early' unread (no career periods here), the band read
            return
        read_after = k + 1 < self.n and self.used[k + 1] and self._vocab_at_used(k + 1)
        if not (self._closes(k + 1) or self._own_songs_after(k + 1) or read_after or self._vocab_at(k + 1)):
            return  # the name ends what it is said in ('upbeat madness ska'): 'late-night train home' is a ride

        match = self._probe(start, k + 1 - start)
        if match is not None and match.renown >= FAMOUS_EVERYDAY:
            apply_artist(EntityRef(match.index, match.id, match.name))(self.st, False)
            self.mark(start, k + 1 - start)

    def _vocab_at_used(self, j: int) -> bool:
        """The used token at j belongs to a mood, genre, era or novelty read (not a name or a cue)."""
        word = self.toks[j].norm
        return word in MOODS or word in self.p.genre_vocab or word in _DESCRIBING or word[:1].isdigit()

    def _leading_title(self, content: list[int]) -> bool:
        """'hotel california acoustic version pls', 'creep live': a song opening the request with only the way it
        is wanted after it; taken only when the words before that are a title the catalog has surely."""
        if not content or not any(self.used) or any(self.used[: content[0]]):
            return False  # nothing read after it, or something read before it: not a song opening the request
        lo = content[0]
        hi = lo
        while hi < self.n and self.free(hi, 1) and not (hi > lo and self.toks[hi].hard):
            hi += 1
        if hi - lo < 2 or any(self.free(k, 1) and k in content for k in range(hi, self.n)):
            return False  # one word, or more unread words later: not a title followed by how it is wanted
        return self._take_track(self.surface(lo, hi - lo), FUZZY_SURE, lo, hi - lo)

    def _linked_names(self) -> None:
        """'queen + david bowie', 'kendrick lamar x bon iver': words joined to a found name by '+', 'x', 'vs' or
        'meets' are a name too, even everyday ones ('queen'); one look-up per link, only beside a found name."""
        for k, tok in enumerate(self.toks):
            if k + 1 < self.n and self.src[tok.end : self.toks[k + 1].start].strip() == "+":
                left_end, right = k + 1, k + 1
            elif _links(tok.norm, self._beside_name(k)) and 0 < k < self.n - 1 and not tok.hard and not self.used[k]:
                left_end, right = k, k + 1
                self.st.blend |= tok.norm in lx.BLEND_CUES  # 'taylor swift meets paramore'
                if self.toks[right].norm == "with" and right < self.n - 1 and not self.used[right]:
                    right += 1  # 'crossed with', 'mixed with'
            else:
                continue
            if self.toks[right].hard:
                continue
            if left_end == k and self.used[k - 1] and self.used[right]:
                self.mark(k, right - k)  # "x" between two names is read, not ignored
            elif self.used[left_end - 1] and self.free(right, 1):
                end = right
                while end - right < MAX_NAME_WORDS and self.free(right, end - right + 1):
                    if end > right and (self.toks[end].norm in lx.NAME_LINKS or self.toks[end - 1].plus):
                        break
                    end += 1
                self._linked_name(right, end, say_unknown=tok.norm in _SAID_LINKS)
                if left_end == k and self.used[right]:
                    self.mark(k, right - k)  # 'taylor swift meets paramore': the link is read with the name found
            elif left_end == k and tok.norm in _SAID_LINKS and self.free(k - 1, 1) and self.free(right, 1):
                self._unread_link(k)
            elif self.used[right] and self.free(left_end - 1, 1):
                start = left_end - 1
                while start > 0 and left_end - start < MAX_NAME_WORDS and self.free(start - 1, left_end - start + 1):
                    before = self.toks[start - 1].norm
                    if self.toks[start].hard or before in lx.FUNCTION_WORDS or before in NAME_THEN:
                        break  # 'pagode, vibe dilsinho e vitão': 'vibe' says what follows, no part of the name
                    start -= 1
                self._linked_name(start, left_end, say_unknown=tok.norm in _SAID_LINKS)
                if left_end == k and self.used[left_end - 1]:
                    self.mark(k, right - k)

    def _beside_name(self, k: int) -> bool:
        """Whether a word read as no cue or function word (a name, mostly) stands right beside token k."""
        return 0 < k < self.n - 1 and any(
            self.used[i] and self.toks[i].norm not in lx.FUNCTION_WORDS and not self._cue(i) for i in (k - 1, k + 1)
        )

    def _unread_link(self, k: int) -> None:
        """'laufey meets clairo, soft and pretty': a link between two unread runs, read as the run it joins (the
        names inside it, each side its own); the whole was said unused though Clairo is here."""
        start = end = k
        while start > 0 and self.free(start - 1, 1) and not self.toks[start].hard and not self.toks[start - 1].comma:
            start -= 1
        while end + 1 < self.n and self.free(end + 1, 1) and not (self.toks[end + 1].hard or self.toks[end].comma):
            end += 1
        if not start < k < end:
            return
        self._resolve_run(start, end + 1)
        if not any(self.used[start : end + 1]):
            return
        self.mark(k, 1)  # the link is read with the name found; the side left is a name the catalog lacks
        for lo, hi in ((start, k), (k + 1, end + 1)):
            if self.free(lo, hi - lo):
                self._linked_name(lo, hi, say_unknown=True)

    def _linked_name(self, start: int, end: int, *, say_unknown: bool = False) -> None:
        while start < end and self.toks[start].norm in lx.FUNCTION_WORDS:
            start += 1
        while end > start and self.toks[end - 1].norm in lx.FUNCTION_WORDS | lx.IMPLICIT_CUE_AFTER:
            end -= 1
        if start >= end:
            return
        match = self._probe(start, end - start)
        if match is not None:
            apply_artist(EntityRef(match.index, match.id, match.name))(self.st, False)
            self.mark(start, end - start)
            return
        hit = self._fuzzy_span(start, end, tracks=False)
        # A name linked to a found one by 'x' or 'meets' and matching none is an act the catalog lacks ('laufey x
        # clairo'), said so; after 'and' the words may be anything ('the Marvin and Tammi version').
        if hit is not None and (hit.kind == "artist" or (say_unknown and hit.kind == "unresolved")):
            hit.apply(self.st, False)
            self.mark(start, hit.length)

    def _listed_acts(self) -> None:
        """'britpop from the 90s pls, oasis blur pulp': words left over that are, one after another, the exact names
        of two or more famous acts (`FAMOUS_EVERYDAY`) are those acts, however everyday each word ('oasis' was said
        unused while the answer played Oasis). Beside a genre they are its examples, read and kept in its answer
        (as seeds they were left out of it: The Verve and Radiohead for britpop); alone they are seeds. Exact
        probes only, and cached: no look-up for words that read."""
        listed: list[tuple[int, int, NameMatch]] = []
        k = 0
        while k <= self.n:
            found = self._famous_act_at(k) if k < self.n and not (listed and self.toks[k].hard) else None
            if found is not None:
                listed.append((k, *found))
                k += found[0]
            elif k < self.n and self.free(k, 1) and self.toks[k].norm in lx.FUNCTION_WORDS and not self.toks[k].hard:
                k += 1  # 'oasis and blur', 'pls, oasis blur'
            else:
                if len(listed) > 1:
                    for start, length, match in listed:
                        if self.st.genres:  # examples of the genre asked for, led with when its answer lacks them
                            self.st.examples.append(EntityRef(match.index, match.id, match.name))
                            self.mark(start, length)
                        else:
                            self._own_or_seed(EntityRef(match.index, match.id, match.name), start, length)
                listed = []
                k += 1

    def _famous_act_at(self, k: int) -> tuple[int, NameMatch] | None:
        """The longest famous act's exact name in the free words at k, or the one word it goes by, with its
        length."""
        if not self.free(k, 1) or self.toks[k].norm in lx.FUNCTION_WORDS:
            return None
        for length in range(min(MAX_NAME_WORDS, self.reach[k]), 0, -1):
            match = self._probe(k, length) if self.free(k, length) else None
            if match is not None and match.renown >= FAMOUS_EVERYDAY:
                return length, match
        # or the word a famous act goes by ('nicki megan doja cardi': 'cardi' was spelt into cardio)
        short = self._short(self.toks[k].norm)
        return (1, short) if short is not None and short.renown >= FAMOUS_LONG else None

    def _seeds_named(self) -> None:
        """'outlaw country recs, waylon willie that kinda vibe': words that name acts the reading seeds already
        (Waylon Jennings and Willie Nelson, read for outlaw country) are read, never said unknown or unused."""
        said = {w for ref in self.st.seed_artists for w in normalize_name(ref.name).split() if len(w) >= _NAME_WORD}
        said -= lx.FUNCTION_WORDS
        if not said:
            return
        kept = []
        for phrase in self.st.unresolved:
            words = [w for w in normalize_name(phrase).split() if w not in lx.CONNECTORS]  # 'waylon and willie'
            if not (words and all(w in said for w in words)):  # 'as it was by harry styles' is a missing song
                kept.append(phrase)
        if len(kept) < len(self.st.unresolved) and not kept:
            self.st.suggestions.clear()  # what they suggested was for the phrases now read
        self.st.unresolved = kept
        for k, tok in enumerate(self.toks):
            if self.free(k, 1) and tok.norm in said:
                self.mark(k, 1)

    def _famous_word(self, k: int) -> Hit | None:
        """One word a very famous act is called by: in a run of names ('rhcp and mcr'), or opening a cued span that
        names nothing as a whole ('like kanye 808s era'); a less famous bearer is no such name ('like Fred again..'
        is no Fred De Palma)."""
        if not self.free(k, 1) or not self.toks[k].word.isalnum():
            return None
        famous = self._short(self.toks[k].norm)
        if famous is None or famous.score < 100.0:
            famous = self._famous_slip(self.toks[k].norm, k)
        if famous is None:
            return None
        ref = EntityRef(famous.index, famous.id, famous.name)
        return Hit(1, "artist", apply_artist(ref), ref)

    def _slipped_pairs(self) -> None:
        """'tayler swift lover era songs', 'bilie elish songs that go hard': two words left free that are a famous
        two-word act's name with at most one slip in each. The runs missed them where other words went on ('swift'
        was then read as fast); one look-up per free pair holding a word no list knows."""
        for k in range(self.n - 1):
            pair = self.toks[k : k + 2]
            if not self.free(k, 2) or pair[1].hard or pair[1].comma or not all(_name_word(t.norm) for t in pair):
                continue
            if all(self._known_word(t.norm) for t in pair):
                continue
            found = self.p.names.search_artists(f"{pair[0].norm} {pair[1].norm}", 1)
            if not found or found[0].renown < FAMOUS_LONG:
                continue
            words = normalize_name(found[0].name).split()
            slipped = (t.norm == w or one_edit(t.norm, w, PAIR_SLIP_LEAST) for t, w in zip(pair, words, strict=True))
            if len(words) == 2 and all(slipped):
                act = EntityRef(found[0].index, found[0].id, found[0].name)
                if not self._act_and_song(act, k, 2):  # 'fleetwod mac dreams' is the song
                    self._own_or_seed(act, k, 2)

    def _act_and_song(self, act: EntityRef, k: int, length: int) -> bool:
        """One of the act's songs named by the free words right after its name at k (or right before it), read as
        that song ('fleetwod mac dreams', 'rolling in the deep adelle'); whether one was."""
        after = [(k + length, n) for n in range(MAX_NAME_WORDS, 0, -1)]
        spans = after + [(k - n, n) for n in range(MAX_NAME_WORDS, 0, -1)]
        for start, n in spans:
            if start < 0 or not self.free(start, n) or not self.free(min(start, k), n + length):
                continue
            if start + n < self.n and self.toks[start + n].norm == "era":
                continue  # 'tayler swift lover era': the album's era (`albums.ERA_OF`), not the song 'Lover'
            song = self.p.names.artist_song(act.index, self.surface(start, n))
            if song is not None:
                ref = EntityRef(song.index, song.id, song.name)
                apply_track(ref)(self.st, False)
                self.mark(min(start, k), n + length)
                return True
        return False

    def _slipped_words(self) -> None:
        """'kanyee songs', 'kanyee and travis scot': a free word no list knows that is a very famous act's name, or
        the part of it the act is called by, with one slip (`_famous_slip`); one look-up per such word."""
        for k, tok in enumerate(self.toks):
            if not self.free(k, 1) or len(tok.norm) < SLIP_WORD_LEAST or not tok.norm.isalpha():
                continue
            if self._known_word(tok.norm):  # the everyday words hold the function words
                continue
            found = self._famous_slip(tok.norm, k)
            act = EntityRef(found.index, found.id, found.name) if found is not None else None
            if act is not None and not self._act_and_song(act, k, 1):  # 'rolling in the deep adelle': the song
                self._own_or_seed(act, k, 1)

    def _known_word(self, word: str) -> bool:
        return word in lx.COMMON_WORDS or word in MOODS or word in self.p.genre_vocab

    def _famous_slip(self, word: str, k: int) -> NameMatch | None:
        """A very famous one-word act typed with one letter wrong ('like metalica kill em all era' was one unknown
        name of three words, where 'like metalica' alone is Metallica)."""
        if word in lx.COMMON_WORDS or word in lx.FUNCTION_WORDS or word in MOODS:
            return None
        found = self.p.names.search_artists(word, 1)
        if not found or found[0].renown < FAMOUS_EVERYDAY:
            return None
        parts = normalize_name(found[0].name).split()
        if len(parts) == 1:
            return found[0] if one_letter_off(word, found[0].name) else None
        # 'kanyee and travis scot': a slip of the part of a name the act is called by ('kanye' is Kanye West)
        if k + 1 < self.n and self.toks[k + 1].norm in parts:
            return None  # 'like fleetwod mac rumours': the whole name typed, read with its album (`act_then_album`)
        part = next((p for p in parts if p != word and one_letter_off(word, p)), None)
        short = self.p.names.short_artist(part) if part is not None else None
        return found[0] if short is not None and short.index == found[0].index else None

    def _resolve_run(self, start: int, end: int, *, songs: bool = True) -> None:
        match = self._probe(start, end - start)
        if match is not None:
            self._own_or_seed(EntityRef(match.index, match.id, match.name), start, end - start)
            return
        # A run right before 'but' is what the twist applies to, as after a cue ('kendrick but happier').
        twist = end < self.n and self.toks[end].norm == "but"
        cut = next((k for k in range(start + 1, end) if self.toks[k].norm in NAME_THEN), end)
        if cut < end:  # 'travis scot type songs': the name ends where 'type' says 'like them' (it was Travis)
            hit = self._fuzzy_span(start, cut, tracks=False, report=False, cued=twist)
            if hit is not None and hit.kind == "artist" and hit.ref is not None:
                self._own_or_seed(hit.ref, start, hit.length)
                return
        hit = self._fuzzy_span(start, end, tracks=songs, cued=twist)
        if hit is not None and hit.kind == "artist" and hit.ref is not None:
            self._own_or_seed(hit.ref, start, hit.length)
            return
        if hit is not None and hit.kind == "unresolved":
            hit = self._misspelt_act_song(start, hit.length) or hit  # 'fleetwod mac dreams'
        if hit is not None and hit.kind != "unresolved":
            hit.apply(self.st, False)
            self.mark(start, hit.length)
            return
        # Nothing matches the whole run: take the names inside it ("drake hotline bling", "radiohead muse").
        found = False
        k = start
        # A list of names ('rhcp and mcr') may hold words only a famous act is called by; a run without a joining
        # word may be a title ('rolling in the deep adelle' is no Rolling Stones).
        listed = any(self.toks[k].norm in _JOINS for k in range(start, end))
        while k < end:
            name = self._exact_artist(k, cued=False, beat=0, alone=False) or (self._famous_word(k) if listed else None)
            linked = k > start and self.toks[k - 1].norm in lx.NAME_LINKS  # 'laufey meets clairo': a name of its own
            if not linked and self._part_of_unknown(k, name):  # 'melanie martinez': one name the catalog lacks
                name = None
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


def _links(word: str, after_name: bool) -> bool:
    """Whether a word joins two names here: the links, and a foreign 'and' beside a name found."""
    return word in lx.NAME_LINKS or (after_name and word in lx.FOREIGN_ANDS)


def _name_word(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word not in lx.FUNCTION_WORDS
