"""The token scan behind `QueryParser.parse`: one left-to-right pass, longest match first.

At each unused token the longest of these wins: a cue phrase (negation, "like", "by"), an era, a count, a novelty
phrase, a mood, a genre, or an exact artist name; on equal length that order decides, so mood and genre words beat
names. A cue then governs the span after it ('like X, Y and Z', 'no rap or metal'); only there, and for the whole
request or a run before 'but'/'vibes', are names looked up fuzzily.
"""

from __future__ import annotations

import re

from segue.domain import EntityRef, Novelty, Query
from segue.engine.query import lexicon as lx
from segue.engine.query.fallbacks import read_by_meaning, read_topics
from segue.engine.query.mood_acts import moments_beside_seeds, sad_to_dance, workout_alone
from segue.engine.query.moods import MOODS
from segue.engine.query.names import (
    FAMOUS_EVERYDAY,
    MOOD_PHRASES,
    OWN_SONGS,
    ScanContext,
)
from segue.engine.query.played_by import PLAYED_AS, RETRO_FROM, RETRO_SOUNDS
from segue.engine.query.runs import RunScan
from segue.engine.query.state import Hit, State, apply_artist, apply_mood, record_played_by
from segue.engine.query.titles import NOVELTY
from segue.engine.query.tokens import Phrases
from segue.text import normalize_name

MAX_COUNT = 10
COUNT_REACH = 7
"""Words after a number in which a noun makes it a count: "20 old school r&b slow jams" holds six before 'jams'."""


_STYLE_AFTER_NAME = frozenset(
    {"aura", "style", "styled", "esque", "ish", "inspired", "influenced", "sounding", "adjacent"}
)
"""Words after a named act that say 'like it' (`_Scan._style_words`)."""
_PRAISE = frozenset({"fire", "lit", "goated", "dope", "bussin", "slaps", "slap", "elite", "hard"})
"""Slang for 'good' (`_Scan._praise`), read only where nothing else read the word ('hard rock' stays a genre)."""
_BEAT_PRAISE = _PRAISE | {"good", "great", "sick"}
"""Words before 'beat' that only praise it ('a good beat')."""
_POINTERS = frozenset({"this", "these", "one"})
"""Words a cue may point through before a colon: 'more like this: Hey Jude', 'something like these: ...'."""


def scan(text: str, ctx: ScanContext) -> Query:
    """Parse already validated text (control characters stripped, length checked)."""
    return _Scan(ctx, text).run()


class _Scan(RunScan):
    """One parse: the tokens, which of them are used up, and the query being built."""

    _cued_name = False
    """A cue ('like', 'by') announced a name."""
    _pointer = ""
    """The phrase that points at an earlier answer ('more like the 3rd one'), if any."""

    def run(self) -> Query:
        self._standing_phrases()
        self._quoted_titles()
        self._whole_title()
        self._negating_whole()
        self._possessive_titles()
        self._unmarked_possessive()
        self._pasted_songs()
        self._title_by_artist()
        self._titles_with_cue_words()
        self._title_beside_artist()
        self._acts_named_as_such()
        i = 0
        while i < self.n:
            i = i + 1 if self.used[i] else self._step(i)
        self._slipped_pairs()
        self._slipped_words()
        self._implicit_names()
        self._linked_names()
        self._listed_acts()
        self._seeds_named()
        if self.st.follow_up and self._pointer in _AT_WHAT_WAS_NAMED and (self.st.seed_tracks or self.st.seed_artists):
            self.st.follow_up = False  # 'Crazy by Gnarls Barkley, more like that': the song named, not an answer
        self._style_words()
        self._praise()
        self._retro()
        sad_to_dance(self.st, self.p)
        workout_alone(self.st, self.p)
        moments_beside_seeds(self.st)
        self._not_cheesy()
        if not self.st.follow_up:  # 'who sings the 4th one' asks about an answer, it names no mood
            read_by_meaning(self)
        if self._only_asks():  # "music", "any suggestions", "what should i listen to": a surprise, not a shrug
            self.st.surprise = True
        elif self._steered():  # "bob marley and sublime vibes" names what to hear: no surprise
            self.st.surprise = False
        self.st.ignored = [*self._ignored(), *self.st.ignored]
        self.st.named = self._cued_name
        return self.st.to_query(self.text)

    def _retro(self) -> None:
        """'modern songs with an 80s vibe', 'new music that sounds like the 70s': a decade beside a word for now is
        the decade's sound in today's songs, by and like the acts that revived it (`RETRO_SOUNDS`). As years the two
        shut each other out, and the decade won without a word ('80s vibe' answered Bon Jovi and TOTO)."""
        st = self.st
        if st.seed_artists or st.seed_tracks:
            self._decade_sound_of_seed()
        if not st.recent or not st.eras or st.before or st.seed_artists or st.seed_tracks:
            return
        decades = {lo // 10 * 10 for lo, hi in st.eras if lo // 10 == hi // 10}
        if len(decades) != 1 or len(decades) != len({lo // 10 for lo, _ in st.eras}):
            return
        decade = decades.pop()
        key = RETRO_SOUNDS.get(decade)
        acts = self.p.played_by.get(key, ()) if key else ()
        if key is None or not acts or decade + 10 > min(st.recent):
            return
        st.eras.clear()
        st.after = [b for b in st.after if b not in st.recent] + [RETRO_FROM]
        record_played_by(st, key, acts)
        for k, tok in enumerate(self.toks):  # '80s inspired', '60s style', 'that sound 90s': the sound was read
            if not self.used[k] and tok.norm in lx.RETRO_WORDS:
                self.mark(k, 1)

    def _decade_sound_of_seed(self) -> None:
        """'songs like midnight city by m83, that euphoric 80s-ish indie thing': a decade said as a sound beside a
        named song or act describes it; as years it shut the 2011 song's neighbours out (The Smiths, Pixies)."""
        st = self.st
        if len(st.eras) != 1 or st.before or st.after or st.recent:
            return
        for k, tok in enumerate(self.toks[:-1]):
            after = self.toks[k + 1]
            if self.used[k] and tok.norm[:1].isdigit() and after.norm in lx.RETRO_WORDS:
                st.eras.clear()
                self.mark(k + 1, 1)
                return

    def _style_words(self) -> None:
        """'gorillaz style stuff', 'arctic monkeys inspired songs', 'radiohead-esque': the word after a named act
        says only 'like it', which the seed already says ('style' was reported unused; 'esque' read by meaning as
        dreamy)."""
        if not (self.st.seed_artists or self.st.seed_tracks):
            return
        for k, tok in enumerate(self.toks):
            if k and not self.used[k] and self.used[k - 1] and not tok.hard and tok.norm in _STYLE_AFTER_NAME:
                self.mark(k, 1)

    def _praise(self) -> None:
        """'sum fire rap', 'rap songs with a good beat': slang that only says the songs should be good, as every
        answer tries to be, left unread by every reading ('fire' and 'beat' were reported unused); and 'driven'
        after an instrument read ('guitar driven rock')."""
        for k, tok in enumerate(self.toks):
            if self.used[k]:
                continue
            beat = tok.norm in ("beat", "beats") and k and self.toks[k - 1].norm in _BEAT_PRAISE
            # 'guitar driven rock', 'synth driven pop': the instrument was read, 'driven' only says it leads
            driven = tok.norm == "driven" and k and self.used[k - 1]
            if tok.norm in _PRAISE or beat or driven:
                self.mark(k, 1)

    def _ignored(self) -> list[str]:
        """The words no reading used, as phrases ('japanese city'), so the answer can say what it left out."""
        phrases: list[list[str]] = []
        last = -2
        for k, tok in enumerate(self.toks):
            timed = self._timed(k) or (k > 0 and self._timed(k - 1))  # '1 hour' left unread is said, not dropped
            skip = self.used[k] or (tok.norm.removesuffix(" s") in _UNREPORTED and not timed)  # "my dad's"
            if skip or (tok.word.isdecimal() and not timed) or not any(c.isalnum() for c in tok.raw):
                continue
            if k == last + 1 and not tok.hard and phrases:
                phrases[-1].append(tok.raw)
            else:
                phrases.append([tok.raw])
            last = k
        return [" ".join(words) for words in phrases]

    def _steered(self) -> bool:
        """Something to steer by was read: a name, a genre, a mood, an era or what the songs are about."""
        st = self.st
        found = (st.seed_artists, st.seed_tracks, st.by_artists, st.genres, st.moods, st.eras, st.after, st.before)
        return any(found) or bool(st.topics)

    def _only_asks(self) -> bool:
        """Music asked for ('songs', 'listen', 'any recs') and nothing read to steer by, no name either: a mix, with
        any words I do not know named ('songs for a long flight'), rather than an empty answer. A cue read past
        ('listen to' in "what should i listen to") leaves nothing behind, so the state decides, not the used words."""
        st = self.st
        if self._steered() or st.exclude_artists or st.exclude_genres or st.unresolved:
            return False
        if self._cued_name:
            return False  # 'songs like the weekend': a name was meant, even if none was found
        return any(t.norm in lx.REQUEST_NOUNS for t in self.toks)

    def _step(self, i: int) -> int:
        cue = self._cue(i)
        hit = self._best_hit(i, cued=False)
        if hit is not None and hit.kind == "track":  # 'take me home country roads': the title goes on
            hit = self._title_past_vocab(i, hit, i + hit.length) or hit
        if cue is not None and (hit is None or cue[0] >= hit.length):
            length, kind = cue
            if kind == "by" and (voiced := self.voice_after_by(i + length)) is not None:  # 'sad songs by women'
                voiced.apply(self.st, False)
                self.mark(i, length + voiced.length)
                return i + length + voiced.length
            self.mark(i, length)
            self._cued_name |= kind in ("like", "by")
            self.st.blend |= kind == "like" and self.key(i, length) in lx.BLEND_CUES
            if kind == "neg" or (kind == "like" and self._after_left_out_opinion(i)):
                return self._negation(i + length)
            if kind == "filler":
                return i + length
            if kind == "about":
                return read_topics(self, i + length)
            return self._cued(i + length, by=kind in ("by", "play"), tracks=kind != "by")
        if hit is None:
            return i + 1
        if hit.kind == "novelty" and self.key(i, hit.length) in _NOT_THE_USUAL and self._genre(i + hit.length):
            self.mark(i, hit.length)  # 'gym playlist but not the usual edm stuff': no edm, not obscure music
            return self._negation(i + hit.length)
        hit.apply(self.st, False)
        self.mark(i, hit.length)
        after = i + hit.length
        if hit.kind == "novelty" and self.key(i, hit.length) in lx.WAY_IN:
            if self.free(after, 1) and self.toks[after].norm == "with":  # 'where do i start with ...'
                self.mark(after, 1)
                after += 1
            return self._cued(after, by=False, tracks=False)
        if hit.kind == "artist" and hit.ref is not None and self._own_songs_after(after) and not self.listed(i):
            self.st.by_artists.append(hit.ref)  # 'eminem songs', 'queen hits', 'radiohead deep cuts': their own
        if hit.kind != "artist":
            return after
        end = self._listed_after(after)
        if end > after and self._own_songs_at(end):
            # 'green day + sum 41 + the offspring playlist': a few of each act's own songs lead, music like theirs
            # follows (the last act's alone had led; then none of theirs)
            self.st.examples.extend(a for a in self.st.seed_artists if a not in self.st.examples)
        return end

    def _listed_after(self, after: int) -> int:
        """Acts listed after an act named without a cue ('phoebe bridgers, big thief, bon iver playlist'): each is
        read as after a cue, so everyday words that are an act's whole name count ('big thief' was said unused).
        A mood or genre in the list ends it ('drake, love songs')."""
        while (nxt := self._connector(after)) is not None and nxt < self.n:
            hit = self._best_hit(nxt, cued=True)
            if hit is None or hit.kind != "artist" or hit.ref is None or not self._item_ends(nxt + hit.length):
                return after  # 'luke combs' (not here) is no Luke Bryan with 'combs' unread
            hit.apply(self.st, False)
            self.mark(nxt, hit.length)
            after = nxt + hit.length
        return after

    # ---- spans ------------------------------------------------------------------------------------------------

    def _connector(self, j: int) -> int | None:
        """Index after a list connector ('and', 'or', a comma) at j, or None when the list ends."""
        if not self.free(j, 1) or self.toks[j].hard:
            return None
        if length := self.phrase(j, _CONNECTORS):
            return j + length
        return j if self.toks[j].comma else None

    def _best_hit(self, i: int, *, cued: bool) -> Hit | None:
        """Longest match at i; on equal length the earlier kind wins (era, count, novelty, mood, genre, artist)."""
        best: Hit | None = None
        finders = (self._era, self._count, self._novelty, self._mood, self._genre, self._scene, self._voiced)
        for finder in (*finders, self._placed, self._tempo, self._length, self._surprise):
            hit = finder(i)
            if hit is not None and (best is None or hit.length > best.length):
                best = hit
        # After a cue, an era said relative to now in words that are an act's whole name is the act ('songs like
        # brand new': the band, not the last two years); a mood or genre of the same words still wins ('like chill').
        relative = best is not None and best.kind == "era" and self.key(i, best.length) in _RELATIVE_ERAS
        beat = 0 if best is None or (cued and relative) else best.length
        artist = self._exact_artist(i, cued=cued, beat=beat)
        if artist is not None and best is not None and not cued and best.kind in ("genre", "mood"):
            # 'christmas songs' asks for Christmas songs, not the artist named "Christmas Songs".
            tail = self.toks[i + best.length : i + artist.length]
            if tail and all(t.norm in lx.REQUEST_NOUNS for t in tail):
                return best
        return artist or best

    def _item_ends(self, k: int) -> bool:
        """A list's item ends at k: the request or clause ends, another item follows, or the songs asked for."""
        if k >= self.n or self.toks[k].hard or self.toks[k].comma or self.toks[k].norm in lx.REQUEST_NOUNS:
            return True
        return self._connector(k) is not None or self._own_songs_at(k)

    def _vocab_at(self, i: int) -> bool:
        return any(f(i) is not None for f in (self._era, self._count, self._novelty, self._mood, self._genre))

    def _mood(self, i: int) -> Hit | None:
        for length in self.starts(i, MOOD_PHRASES):
            if self.free(i, length) and (mood := MOODS.get(key := self.key(i, length))) is not None:
                if key in PLAYED_AS and key in self.p.played_by:  # 'heartbroken': its acts' sad songs, the mood too
                    return None
                return Hit(length, "mood", apply_mood(mood, self._compared(i, key)))
        # A one-word mood in the plural ('songs about breakups'), unless the plural is a genre ('blues') or a word
        # of its own ('someone who lives far away' is not live recordings).
        if i < self.n and self.free(i, 1) and len(key := self.key(i, 1)) > 4 and key.endswith("s"):
            mood = MOODS.get(key[:-1])
            if mood is not None and key not in self.p.genre_vocab and key not in _NOT_PLURALS:
                return Hit(1, "mood", apply_mood(mood, key[:-1]))
        return None

    def _compared(self, i: int, key: str) -> str:
        """The mood's words as typed, with the 'more' before them: 'like bon iver but more energetic' (or 'with
        more energy') compares with the seed (`twists`), where 'energetic' alone asked for festival loudness."""
        if i > 0 and self.toks[i - 1].norm == "more" and not key.startswith("more ") and not self._nouned(key):
            return f"more {key}"
        return key

    @staticmethod
    def _nouned(key: str) -> bool:
        """'play more sad songs' is more of them, not sadder ones."""
        return key.rsplit(" ", 1)[-1] in lx.REQUEST_NOUNS

    def _surprise(self, i: int) -> Hit | None:
        length = self.phrase(i, _SURPRISE)
        if not length:
            return None

        def apply(st: State, neg: bool) -> None:
            st.surprise = not neg

        return Hit(length, "surprise", apply)

    def _standing_phrases(self) -> None:
        """Phrases about the request as a whole, read before any name or negation: pointing at an earlier answer
        ('more like the 3rd one', 'the same artist' is never the band The The) and asking for music a stream may
        play ('no copyright' is no exclusion of the band The Copyrights)."""
        for i in range(self.n):
            length = self.phrase(i, _FOLLOW_UPS) if self.free(i, 1) else 0
            if length and self.free(i, length):
                self.st.follow_up = True
                self._pointer = self.key(i, length)
                self.mark(i, length)
            free = self.phrase(i, _FREE_TO_USE) if self.free(i, 1) else 0
            if free and self.free(i, free):
                self.st.free_to_use = True
                self.mark(i, free)
            clean = self.phrase(i, _CLEAN_LYRICS) if self.free(i, 1) else 0
            if not clean and self._clean_genre(i):  # 'clean rap for kids': the genre stays a genre
                clean = 1
            if clean and self.free(i, clean):  # 'hype but clean songs': clean lyrics, no cleaning music
                self.st.clean = True
                self.mark(i, clean)

    def _clean_genre(self, i: int) -> bool:
        """'clean' right before a genre or an occasion ('clean rap', 'clean party songs'): its lyrics."""
        if not self.free(i, 2) or self.toks[i].norm != "clean" or self.toks[i + 1].hard:
            return False
        nxt = self.toks[i + 1].norm
        # and before a mood a song is played for ('clean party songs'): cleaning music is 'music to clean to'
        return nxt in self.p.genre_vocab or self.key(i + 1, 2) in self.p.genre_vocab or nxt in _CLEAN_BEFORE

    def _novelty(self, i: int) -> Hit | None:
        length = self.phrase(i, NOVELTY)
        if not length:
            return None
        if self.key(i, length) == "best" and i + 1 < self.n and self.toks[i + 1].norm in lx.FRIENDS:
            return Hit(2, "novelty", lambda st, neg: None)  # 'my best friend is moving away' asks for no hits
        deep = self.key(i, length) in lx.NOVELTY_DEEP

        def apply(st: State, neg: bool) -> None:
            st.novelty = Novelty.DEEP if deep != neg else Novelty.FAMILIAR

        return Hit(length, "novelty", apply)

    def _count(self, i: int) -> Hit | None:
        age = self._age(i)
        if age is not None:
            return age
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
        if self.free(end, 1) and self.toks[end].norm in lx.TIME_UNITS:
            return None  # 'been drivin 10 hrs and got 3 more to go': a length of time
        window = range(end, min(end + COUNT_REACH, self.n))
        limit = next((k for k in window if self._clause_ends_before(k)), window.stop)
        nouns = [k for k in range(end, limit) if self.free(end, k - end + 1)]
        noun = next((k for k in nouns if self.toks[k].norm in lx.COUNT_NOUNS), None)
        # '5 by eminem': no song so titled (`titles`); 'black no. 1 by type o negative' is a title's number
        numbered = j > 0 and self.toks[j - 1].norm in lx.TITLE_NUMBERING
        by = self.free(end, 1) and self.toks[end].norm == "by" and not numbered
        if not lead and noun is None and not by:
            return None
        if noun == end and not self._vocab_word(end):
            end += 1
        top = self.toks[i].norm == "top"  # 'top 5 queen songs': the best known, not five at random

        def apply(st: State, neg: bool) -> None:
            if st.count is None:
                st.count = max(1, min(MAX_COUNT, value))
                st.asked_count = value if value > MAX_COUNT else None
            if top and st.novelty is Novelty.BALANCED:
                st.novelty = Novelty.FAMILIAR

        return Hit(end - i, "count", apply)

    def _clause_ends_before(self, k: int) -> bool:
        """A comma or a sentence's end before token k ('rotterdam jaren 90, maar niet de foute hits': the hits are no
        count of 90); a spaced '+' lists like a comma but joins one phrase ('15 slowed + reverb sad songs')."""
        tok = self.toks[k]
        return tok.hard or (k > 0 and "," in self.text[self.toks[k - 1].end : tok.start])

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
        band = (
            self._probe(i - 1, 2) if lo is not None and lo == hi and i > 0 and self.toks[i - 1].norm == "the" else None
        )
        if band is not None:  # 'the 1975 vibes': the band, typed in lower case
            ref = EntityRef(band.index, band.id, band.name)
            return Hit(1, "artist", apply_artist(ref), ref)

        recent = hi is None and self.recent_at(j)

        def apply(st: State, neg: bool) -> None:
            if not neg:
                st.era(lo, hi)
                if recent and lo is not None:
                    st.recent.append(lo)
            elif hi is None and lo is not None:  # 'not his new stuff': before it
                st.era(None, lo - 1)
            elif lo is None and hi is not None:  # 'nothing old': after it
                st.era(hi + 1, None)
            elif lo is not None and hi is not None:  # 'nothing from the 80s': those years left out
                st.exclude_eras.append((lo, hi))

        return Hit(j - i + length, "era", apply)

    # ---- cues -------------------------------------------------------------------------------------------------

    def _negation(self, j: int) -> int:
        """'no rap or metal', 'not Drake', 'not too fast': exclude or invert items of one kind."""
        first: str | None = None
        while True:
            start = j
            j = self.skip(j, _NEGATION_SKIP)
            if self.free(j, 2) and self.toks[j].norm == "old" and _DECADE_WORD.match(self.toks[j + 1].norm):
                j += 1  # 'not the old 90s ones': the decade is left out ('old' read alone asked for it)
            elif j > start and self.toks[j - 1].norm == "same" and self.free(j, 1) and self.toks[j].norm == "old":
                j = self.skip(j + 1, _NEGATION_SKIP)  # "isn't the same old swing standards": swing left out
            if not self.free(j, 1) or self.toks[j].hard:
                return j
            about = self._about_after(j) if first is None else None
            if about is not None:  # 'nothing about money or cars', 'no songs about drugs'
                end = read_topics(self, about, negated=True)
                self.mark(start, about - start)
                if end > about:
                    return end
                j = about  # 'not about heartbreak': the mood itself is left out
            hit = self._best_hit(j, cued=True)
            if hit is None and first is None and self._described(j):  # 'no sudden loud parts': loud is left out
                self.mark(j, 1)
                j, hit = j + 1, self._best_hit(j + 1, cued=True)
            if self._part_of_unknown(j, hit):  # 'but not death cab': Death Cab for Cutie, not the band Death
                hit = None
            if hit is None or hit.kind not in ("genre", "mood"):  # 'no rap' is the genre, not a song called 'Rap'
                hit = self._own_title(j) or hit or self._fuzzy(j, tracks=False, report=False)
            if hit is None or hit.kind == "count" or (first is not None and not self._same_kind(first, hit, j)):
                return j
            first = first or _kind(hit.kind)
            if hit.kind == "genre" and (head := self._head_genre(j + hit.length)) is not None:
                self.mark(j, hit.length)  # 'without the piano ballads': the ballads are left out, not all piano
                j, hit = j + hit.length, head
            if hit.kind == "genre" and self._milder_genre(hit, start, j):
                self.mark(start, j + hit.length - start)
                return j + hit.length
            if hit.kind == "genre" and (era := self._era_after(j + hit.length)) is not None:
                hit.apply(self.st, False)  # 'nada de rock velho' ('no rock old'): its old years are left out, as
                era.apply(self.st, True)  # 'no old rock' reads; rock itself was left out and 'old' asked for
                self.mark(start, j + hit.length + era.length - start)
                return j + hit.length + era.length
            hit.apply(self.st, True)
            self.mark(start, j - start)  # the opinions read past ('the cheesy') belong to this exclusion
            end = j + hit.length
            if hit.kind == "artist" and (own := self.phrase(end, OWN_SONGS)):
                end += own  # 'not the nirvana hits': their songs are what is left out, not a wish for hits
            if hit.kind in ("genre", "mood"):  # 'not the pop country garbage': an opinion after it (it seeded Garbage)
                end = self.skip(end, lx.DISMISSIVE)
            self.mark(j, end - j)
            nxt = self._connector(end)
            if nxt is None and hit.kind == "mood" and self._mood_next(end):
                nxt = end  # 'not the slow sleepy ones': both words are left out, as 'slow and sleepy' would be
            if nxt is None and self._stuff_after(end):  # 'none of that edm festival shite': one thing left out
                nxt, first = end, None
            if nxt is None or nxt >= self.n:  # 'not Air & ': a connector that ends the request joins nothing
                return end
            if self.toks[nxt].comma and self.toks[nxt].norm in _TURNS:
                return end  # 'not too sad, more empowering': what comes after the turn is wanted
            j = nxt

    def _same_kind(self, first: str, hit: Hit, j: int) -> bool:
        """Whether an item may be left out with the first one: of its kind, or a genre and a mood joined by 'or'
        ('no club bangers or EDM' asked for EDM)."""
        kind = _kind(hit.kind)
        return kind == first or ({first, kind} == {"mood", "genre"} and self.toks[j - 1].norm in ("or", "nor"))

    def _after_left_out_opinion(self, i: int) -> bool:
        """'ballads but not cheesy like luis miguel, arjona or chayanne': the acts after 'like' stand for the opinion
        left out just before, so they are left out too (they were the seeds)."""
        if i < 2 or self.toks[i].hard or self.toks[i - 1].norm not in _OPINIONS:
            return False
        return any(t.norm in _NOT_WORDS for t in self.toks[max(0, i - 3) : i - 1])

    def _era_after(self, j: int) -> Hit | None:
        """An era word right after a genre, as Portuguese, Spanish and French place it ('rock velho', 'reggaeton
        viejo'), with nothing between; a word that leaves one end open (a decade after it is the genre's own)."""
        if not self.free(j, 1) or self.toks[j].hard or self.toks[j].comma or self.toks[j].norm in lx.ERA_PREFIXES:
            return None
        found = self.era_at(j, self.p.reference_year)
        return self._era(j) if found is not None and None in found[1:] else None

    def _mood_next(self, j: int) -> bool:
        """A mood word right after a left-out one, with nothing between ('slow sleepy', 'sad boring')."""
        return self.free(j, 1) and not self.toks[j].hard and not self.toks[j].comma and self._mood(j) is not None

    def _stuff_after(self, j: int) -> bool:
        """A word or two before a dismissive noun ('edm festival shite', 'that tropical kygo stuff'): still what is
        left out ('festival' was asked for as a euphoric mood, Kygo as a seed)."""
        for k in range(j, min(j + _STUFF_REACH, self.n)):
            if not self.free(k, 1) or self.toks[k].hard or (k > j and self.toks[k].comma):
                return False
            if k > j and self.toks[k].norm in _STUFF:
                return True
        return False

    def _not_cheesy(self) -> None:
        """'something upbeat but not cheesy', 'nothing cheesy': the opinion names music to leave out, the cheesy
        genres the catalog has, beside the deeper cuts the novelty dial reads in it (the upbeat answer was Aqua,
        Scatman John, O-Zone and Eiffel 65)."""
        for k, tok in enumerate(self.toks):
            if tok.norm in lx.CHEESY and any(t.norm in _NOT_WORDS for t in self.toks[max(0, k - 3) : k]):
                genres = [g for g in lx.CHEESY_GENRES if g in self.p.genre_vocab and g not in self.st.genres]
                self.st.exclude_genres.extend(genres)
                if self.free(k, 1):  # read, so never said unused ('without the cheesy stuff')
                    self.mark(k, 1)
                return

    def _milder_genre(self, hit: Hit, start: int, j: int) -> bool:
        """'country music but not too country': a genre asked for and then 'not too' itself is its pop-ward side
        ('country pop'), or the genre as asked where it has none; it left the genre out, and the answer was a mix
        across every other genre. Whether it read the words so."""
        if not any(t.norm in _NOT_TOO for t in self.toks[start:j]):
            return False
        said = State()
        hit.apply(said, False)
        if not said.genres or not set(said.genres) <= set(self.st.genres):
            return False
        vocab = self.p.genre_vocab
        for genre in said.genres:
            pop = next((vocab[k] for k in (f"{genre} pop", f"pop {genre}") if k in vocab), None)
            if pop is not None:
                self.st.genres = [g for g in self.st.genres if g != genre] + list(pop)
        return True

    def _short_pair(self, j: int) -> Hit | None:
        """Two words a famous act is called by after a cue, the first a number ('two door': Two Door Cinema Club);
        everyday words both, so only for an act known well enough (`FAMOUS_EVERYDAY`)."""
        known = self.p.names.short_artist(self.key(j, 2)) if self.free(j, 2) else None
        if known is None or known.renown < FAMOUS_EVERYDAY:
            return None
        ref = EntityRef(known.index, known.id, known.name)
        return Hit(2, "artist", apply_artist(ref), ref)

    def _described(self, j: int) -> bool:
        """A word the lists do not know right before a mood or a genre, describing it ('sudden' in 'no sudden loud
        parts'), which a negation reads past; a known word or a name stops it as before."""
        if not self.free(j, 2) or self.toks[j + 1].hard or self.toks[j].comma or not self.toks[j].word.isalpha():
            return False
        after = self._best_hit(j + 1, cued=True)
        return (
            after is not None and after.kind in ("genre", "mood") and self._fuzzy(j, tracks=False, report=False) is None
        )

    def _head_genre(self, j: int) -> Hit | None:
        """A genre right after another with nothing between them, the noun the first one qualifies; not one the
        request asks for ('hip hop but no trap hip hop' leaves out trap, not the hip hop it wants)."""
        if not self.free(j, 1) or self.toks[j].hard or self.toks[j].comma:
            return None
        hit = self._best_hit(j, cued=True)
        if hit is None or hit.kind != "genre":
            return None
        wanted = {normalize_name(g) for g in self.st.genres}
        return None if self.key(j, hit.length) in wanted else hit

    def _about_after(self, j: int) -> int | None:
        """Where the topic words start when 'about' (after a request noun: 'songs about') opens at `j`, else None."""
        if self.toks[j].norm in lx.REQUEST_NOUNS and j + 1 < self.n and self.free(j + 1, 1):
            j += 1
        cue = self._cue(j)
        return j + cue[0] if cue is not None and cue[1] == "about" else None

    def _cued(self, j: int, *, by: bool, tracks: bool) -> int:
        """'like X, Y and Z' / 'songs by X': names after a cue, exact first, fuzzy when nothing exact is there."""
        while True:
            # A title may open with a word the scan skips ('Take On Me', 'Girls Just Want to Have Fun').
            title = self._title_through_stops(j) if tracks and self.free(j, 1) and not self.toks[j].hard else None
            j = j if title is not None else self.skip(j, lx.SPAN_SKIP - {"the", "a"})
            again = self._cue(j) if title is None and self.free(j, 1) else None
            if again is not None and again[1] == "like":
                j += again[0]  # 'more stuff like sza': the second cue's name, not an unknown 'like sza'
                continue
            if again is not None and again[1] == "neg":
                return j  # 'pop from 2019 only, no drake': what follows is left out, not asked for by 'only'
            if title is None and self.free(j, 1) and self.toks[j].norm in _POINTERS and self.colon_after(j):
                j += 1  # 'more like this: hey jude' points at what follows the colon
                continue
            j += title is None and self._early_before_name(j)  # 'like early coldplay': the parser reads 'early'
            if not self.free(j, 1) or self.toks[j].hard:
                return j
            hit = self._best_hit(j, cued=True)
            if title is None and self.toks[j].norm in lx.NUMBER_WORDS and (hit is None or hit.kind == "count"):
                # 'like seven nation army' is no count of seven, 'like two door' no count of two
                title = (self._numbered_title(j) if tracks else None) or self._short_pair(j)
            if hit is not None and hit.kind != "artist" and title is None:
                return j  # a mood, genre or era after the cue: the main scan records it
            hit = self._longer_name(j, hit) or (None if self._part_of_unknown(j, hit) else hit)
            hit = (self._song_over_act(j, hit) if tracks and title is None else None) or hit
            hit = (self._part_over_act(j, hit) if tracks and title is None else None) or hit
            if title is not None and (hit is None or hit.kind != "artist" or title.length > hit.length):
                hit = title  # a whole title beats a shorter name inside it
            if hit is not None and hit.kind == "track":  # 'like take me home country roads': the title goes on
                hit = self._title_past_vocab(j, hit, j + hit.length) or hit
            hit = hit or self._fuzzy(j, tracks=tracks) or self._loose_name(j)
            if hit is not None and hit.kind == "unresolved" and tracks:
                hit = self._misspelt_act_song(j, hit.length) or hit  # 'like fleetwod mac dreams'
            if hit is not None and hit.kind == "unresolved" and (known := self._famous_word(j)) is not None:
                hit = known  # 'like kanye 808s era': Kanye, not one unknown name of three words
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
            if nxt is None and hit.kind == "artist" and self._listed_name(after):
                nxt = after  # 'tipo anitta ludmilla luisa sonza': acts listed without commas
            if nxt is None:
                return after
            j = nxt


_RELATIVE_ERAS = frozenset({*lx.RECENT_WORDS, *lx.OLD_WORDS})
"""Eras said relative to now ('brand new', 'oldies'): after a cue, words an act is called by are the act."""
_CONNECTORS = Phrases(lx.CONNECTORS)
_SURPRISE = Phrases(lx.SURPRISE)
_FOLLOW_UPS = Phrases(lx.FOLLOW_UPS)
_AT_WHAT_WAS_NAMED = frozenset({"more like that", "more of that", "more pls", "more please", "more plz", "ok more"})
"""Follow-up phrases that point at a song or act named in the same message when there is one."""
_FREE_TO_USE = Phrases(lx.FREE_TO_USE)
_CLEAN_LYRICS = Phrases(lx.CLEAN_LYRICS)
_CLEAN_BEFORE = frozenset({"party", "dance", "workout", "gym", "road", "bangers", "hype", "hits", "pop", "rap"})
"""Words after which 'clean' is about the lyrics."""
_COUNT_LEADS = Phrases(lx.COUNT_LEADS)
"""Words between a genre and where it is from ('indie bands from the uk'), or standing for it ('bands from
manchester')."""
_UNREPORTED = (
    lx.FUNCTION_WORDS
    | lx.REQUEST_NOUNS
    | lx.PRAISE
    | {"era", "eras", "genre", "genres", "vibe", "mood", "type"}
    | {"bored", "stale", "trying", "move", "kitchen", "sounding"}
    | {"grandma", "grandpa", "granny", "nana", "brother", "sister", "cousin", "aunt", "uncle", "wife", "husband"}
    | {"grandmother", "grandfather", "grandmothers", "grandfathers", "grandparents", "grandkids", "grandchildren"}
    | {"boyfriend", "girlfriend", "tomorrow", "far", "away", "lives", "friends", "mates", "buddies", "homies"}
    | {"time", "side", "boys", "class", "next", "week", "hangout", "hanging", "everyone", "finals", "hosting"}
    | {"walk", "stroll", "tell"}  # 'tell me songs similar to ...' asks as 'show me' does
    | {"hrs", "hr"}  # 'driving thru the desert for 6 hrs'
    | {"final", "tmrw", "tmr", "tomorow", "grandpas", "grandmas", "loved", "loves"}  # 'i have a final tmrw'
    | {"know"}  # 'need some shoegaze recs ngl mbv is all i know'
    | {"playing", "played", "constantly", "grew", "both", "keeps", "worn", "think", "teachers", "colleagues"}
    # chat around a request: 'heard them 1000 times', 'it makes sense in my head', 'i need a break from her',
    # 'found me on tiktok', 'feel 15 again', 'whatever ur listening to', 'won't distract me'
    | {"times", "sense", "head", "break", "found", "again", "actual", "listening", "distract", "distracting"}
    | {"even", "first"}  # 'songs even my mum likes', 'a first metal playlist for my girlfriend'
)
"""Words that ask nothing by themselves ('the y2k era', 'genre: shoegaze', 'heartbroken but trying to move on', 'my
playlist is stale'), so an answer never lists them unused; unlike function words they may still name a song
('move on up', 'bored')."""
_NOT_PLURALS = frozenset({"lives"})
"""Words ending in 's' that are no plural of the mood they spell ('someone who lives far away')."""
_NOT_WORDS = frozenset(
    {"not", "no", "nothing", "without", "less", "except", "never", "aren t", "arent", "isn t", "isnt", "nothin"}
)
"""Words before an opinion that leave its music out ('nothing cheesy')."""
_NOT_TOO = frozenset({"too", "overly", "super", "so"})
"""After 'not', a degree: 'not too country' asks for less of a genre already asked, not none of it."""
_NEGATION_SKIP = lx.SPAN_SKIP | lx.DISMISSIVE | {"the", "a", "any", "those", "that", "these", "anything", "something"}
_NEGATION_SKIP |= {"his", "her", "their", "its", "my", "this", "made", "released", "recorded"}
# 'nothing too twangy or country' left country unread: a word of taste the negation reads past
_DECADE_WORD = re.compile(r"^(?:(?:19|20)?\d0s|\d0's)$")
_OPINIONS = frozenset({"twangy", "polished", "cheesy", "corny", "cringe", "cringy"})
_NEGATION_SKIP |= _OPINIONS | {"twang", "same"}
_STUFF = lx.DISMISSIVE | {"stuff", "shite", "shit", "nonsense"}
"""Nouns that close what a negation leaves out, however many words came before them."""
_STUFF_REACH = 3
"""Words after a left-out item that may still be part of it before such a noun."""
# 'no songs over 4 minutes' asked for songs over it, 'no songs with autotune' for the autotune acts.
_NEGATION_SKIP |= {"songs", "song", "tracks", "track", "tunes", "with"}
# 'that wont put me to sleep', 'that doesnt sound sad', 'that won't make me cry': the mood after the verb is left out.
_NEGATION_SKIP |= {"put", "me", "to", "make", "makes", "sound", "sounds", "have", "be", "too"}


def _kind(kind: str) -> str:
    """What an item left out is, for keeping one negation to one kind: a name not found is still a name ('not mbv or
    slowdive' left out nothing and asked for Slowdive)."""
    return "artist" if kind == "unresolved" else kind


_NOT_THE_USUAL = frozenset({"but not the usual"})
"""Novelty words that leave out a genre named right after them ('gym playlist but not the usual edm stuff'); without
the 'but' the genre is the one asked for ('not the usual pop songs': the lesser-known pop)."""
_TURNS = frozenset({"more", "rather", "instead", "just", "but", "only", "actual", "real", "proper", "give"})
_TURNS |= {"something", "some"}  # 'no rap, something pop' left pop out too
"""Words after a comma that turn from what is left out to what is wanted ('not too sad, more empowering', 'no
mumble rap, actual lyricists')."""
_NEGATION_SKIP |= {"super", "overly", "early", "late"}  # 'not the super famous stuff', 'not the early love songs'
"""'without the rap', 'no more of that country', 'not his new stuff': the exact name probe also finds 'The Cure'
from 'cure'."""
