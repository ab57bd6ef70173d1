"""Songs named with their act in the order a player shows them: 'tame impala - the less i know the better' (ARTIST -
TITLE, pasted from a streaming app), and a misspelt act beside one of its titles ('fleetwod mac dreams').

Both read the act first and then look for the title among that act's own songs (`NameResolver.artist_song`: a pass
over the act's few dozen titles, not a fuzzy search over every song), so a title's words are never read as moods
('tame' as sad), as an unknown name, or as a band made of little words ('the': The The).
"""

from __future__ import annotations

from segue.domain import EntityRef, NameMatch
from segue.engine.query import lexicon as lx
from segue.engine.query.names import EXACT, FUZZY_MIN_CHARS, MAX_NAME_WORDS, SIMILAR_PHRASES
from segue.engine.query.state import Hit, apply_artist, apply_track, apply_unresolved
from segue.engine.query.titles import MAX_TITLE_WORDS, MISSING_TITLE_WORDS, OWN_TITLE_CUTS, TitleScan


class PastedScan(TitleScan):
    """The title passes plus songs named with their act first, or with a misspelt act."""

    def _pasted_songs(self) -> None:
        """'smth like tame impala - the less i know the better': an act right before a dash and one of its songs
        after it is that song. Read before 'TITLE - ARTIST' (`_title_by_artist`), which took the words after the
        dash for an act ('the': The The) and the act before it for a missing song, leaving 'tame' to the moods."""
        for k, tok in enumerate(self.toks):
            if not tok.dash or tok.hard or not self.free(k, 1) or not self.free(k - 1, 1):
                continue
            act = self._act_before_dash(k)
            if act is None:
                continue
            start, match = act
            end = self._clause_end(k)
            song = self._song_from(match.index, k, end)
            if song is not None:
                ref, stop = song
                apply_track(ref)(self.st, False)
                self.mark(start, stop - start)
            elif match.score >= EXACT:
                self._missing_after_dash(start, match, k, end)

    def _clause_end(self, k: int) -> int:
        """Where the words after the dash at k end: the clause's end, at most `MAX_TITLE_WORDS` on."""
        end = k
        while end < self.n and self.free(end, 1) and end - k < MAX_TITLE_WORDS:
            if end > k and (self.toks[end].hard or self.toks[end].comma):
                break
            end += 1
        return end

    def _missing_after_dash(self, start: int, act: NameMatch, k: int, end: int) -> None:
        """'Massive Attack - Teardrop vibes', 'nick drake - pink moon vibes': an act named exactly before the dash
        and a few words nothing else reads after it, which are no song of the act's here, are that song missing.
        The act stands in and the song is said ('Teardrop' was 'I don't know it, did you mean Tarro?', and 'pink
        moon' read as 'nick drake' by P!nk). Words after the title that only say 'like it' ('vibes') stay its."""
        stop = end
        while stop > k and self.toks[stop - 1].norm in lx.IMPLICIT_CUE_AFTER:
            stop -= 1
        toks = self.toks[k:stop]
        if not 0 < len(toks) <= MISSING_TITLE_WORDS or all(t.norm in lx.FUNCTION_WORDS for t in toks):
            return
        if any(t.norm in lx.REQUEST_NOUNS or self._vocab_at(j) or self._cue(j) for j, t in enumerate(toks, k)):
            return  # 'radiohead - but sadder', 'daft punk - upbeat stuff': a request, not a title
        if self._act_after_dash(act, k, stop):
            return  # 'good days - sza': TITLE - ARTIST (`_title_by_artist`), not the act Days' missing song 'sza'
        apply_artist(EntityRef(act.index, act.id, act.name))(self.st, False)
        apply_unresolved(f"{self.surface(k, stop - k)} by {act.name}", [])(self.st, False)
        self.mark(start, end - start)

    def _dash_opens(self, k: int, most: int) -> int:
        """Where the words before the dash at k begin: after a cue, a comma or a clause's start, at most `most`
        words back ('like tame impala - ...': the name starts after the cue)."""
        opens = k
        while opens > 0 and k - opens < most and self.free(opens - 1, 1):
            if self.toks[opens].hard or self.toks[opens].comma or self._cue_ends_at(opens):
                break
            opens -= 1
        return opens

    def _act_after_dash(self, before: NameMatch, k: int, stop: int) -> bool:
        """The words from the dash at k to `stop` are exactly an act's name, one better known than the act
        `before` the dash or one of whose songs the words before it name."""
        act = self._probe(k, stop - k) if stop - k <= MAX_NAME_WORDS else None
        if act is None:
            return False
        if act.renown > before.renown:
            return True
        opens = self._dash_opens(k, MAX_TITLE_WORDS)
        return any(self.p.names.artist_song(act.index, self.surface(s, k - s)) is not None for s in range(opens, k))

    def _act_before_dash(self, k: int) -> tuple[int, NameMatch] | None:
        """The act whose name ends right before the dash at k: the longest exact name, a very famous act's short
        name ('britney - toxic'), else the words since the cue or clause start as one misspelt name."""
        opens = self._dash_opens(k, MAX_NAME_WORDS)
        for start in range(opens, k):
            match = self._probe(start, k - start) if self.free(start, k - start) else None
            if match is not None:
                return start, match
        famous = self._short(self.toks[k - 1].norm) if self.toks[k - 1].word.isalpha() else None
        if famous is not None and famous.score >= EXACT:
            return k - 1, famous
        while opens < k and (self.toks[opens].norm in lx.FUNCTION_WORDS or self.toks[opens].norm in lx.REQUEST_NOUNS):
            opens += 1
        if opens == k or len(self.key(opens, k - opens).replace(" ", "")) < FUZZY_MIN_CHARS:
            return None
        close = self._close_artist(opens, k - opens)
        return (opens, close) if close is not None else None

    def _cue_ends_at(self, k: int) -> bool:
        """A similarity cue ('like', 'similar to') ends right before token k."""
        return any(self.phrase(s, SIMILAR_PHRASES) == k - s for s in range(max(0, k - SIMILAR_PHRASES.longest), k))

    def _song_from(self, artist: int, k: int, end: int) -> tuple[EntityRef, int] | None:
        """The act's own song whose title is the words from k to the clause's `end`, or that span without its last
        few words ('... the better pls'); with where the title ends."""
        for stop in range(end, max(k, end - OWN_TITLE_CUTS), -1):
            song = self.p.names.artist_song(artist, self.surface(k, stop - k))
            if song is not None:
                return EntityRef(song.index, song.id, song.name), stop
        return None

    def _misspelt_act_song(self, j: int, length: int) -> Hit | None:
        """'songs like fleetwod mac dreams': a cued span nothing reads whole that is a misspelt act and one of its
        titles, in either order ('dreams fleetwod mac'). The act is matched fuzzily on each cut of the span, the
        title then among its own songs; only for a span already unread, so a request that reads pays nothing."""
        if length < 2:
            return None
        for cut in range(length - 1, 0, -1):
            for act_at, act_len, title_at in ((j, cut, j + cut), (j + length - cut, cut, j)):
                act = self._misspelt_act(act_at, act_len)
                if act is None:
                    continue
                song = self.p.names.artist_song(act.index, self.surface(title_at, length - cut))
                if song is not None:
                    ref = EntityRef(song.index, song.id, song.name)
                    return Hit(length, "track", apply_track(ref), ref)
        return None

    def _misspelt_act(self, start: int, length: int) -> NameMatch | None:
        """The act the words name exactly or with a slip (FUZZY_MIN), when they are long enough to judge."""
        exact = self._probe(start, length)
        if exact is not None:
            return exact
        if len(self.key(start, length).replace(" ", "")) < FUZZY_MIN_CHARS:
            return None
        return self._close_artist(start, length)
