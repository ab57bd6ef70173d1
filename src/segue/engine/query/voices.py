"""Who sings it: 'female rappers', 'k-pop girl groups', 'rock bands with female vocals', 'like drake but female'.

Apart from the scan because a voice is read around a genre (before it, after it, or alone after a turn) and
narrows that genre to the artists tagged with the voice.
"""

from __future__ import annotations

from segue.engine.query import lexicon as lx
from segue.engine.query.measures import MeasureScan
from segue.engine.query.moods import MOODS
from segue.engine.query.state import Hit

__all__ = ["VoiceScan"]

_SUNG_NOUNS = lx.VOICE_TAIL_NOUNS | {"vibes"}
"""After a genre and a voice word, what makes the word who sings it: 'indie girl music' ('girl' was left unread)."""


class VoiceScan(MeasureScan):
    """The voice readers of the scan."""

    def _voiced(self, i: int) -> Hit | None:
        """Who sings it, before the genre ('female rappers', 'female-fronted rock', 'female singers') or after it
        ('k-pop girl groups', 'rock bands with female vocals'): the genre narrowed to artists tagged with the voice."""
        if not self.free(i, 1):
            return None
        voice = lx.VOICES.get(self.toks[i].norm)
        if voice is not None:
            j = i + 1 + (self.free(i + 1, 1) and self.toks[i + 1].norm in ("fronted", "led"))
            head = self._genre(j) if self.free(j, 1) else None
            if head is not None:
                own = self.p.genre_vocab.get(self.key(i, j - i + head.length), ())
                tags = (*own, *(f"{voice} {t}" for t in self._genre_tags(j, head.length)))
                end = j + head.length
                end += self.free(end, 1) and self.toks[end].norm in lx.VOICE_NOUNS  # 'female country singers'
                return Hit(end - i, "genre", self._apply_genre(tags, self.surface(i, end - i)))
            if self.free(i + 1, 1) and self.toks[i + 1].norm in lx.VOICE_NOUNS:
                if (over := self._voice_over(i + 2, voice)) is not None:
                    return Hit(over[1] - i, "genre", self._apply_genre(over[0], self.surface(i, over[1] - i)))
                grouped = self.toks[i + 1].norm in lx.GROUP_NOUNS and self.p.voices.get(f"{voice} groups")
                tags = grouped or self.p.voices.get(voice, ())
                return Hit(2, "genre", self._apply_genre(tags, self.surface(i, 2))) if tags else None
            ends = i + 1 == self.n or self.toks[i + 1].hard or self.toks[i + 1].comma
            lone = ("but", "more", "only", "just")  # 'like drake but female', 'so mulheres, musica brasileira'
            if ends and i > 0 and self.toks[i - 1].norm in lone and (tags := self.p.voices.get(voice, ())):
                return Hit(1, "genre", self._apply_genre(tags, self.surface(i, 1)))
            if self._beside_request(i, ends) and (tags := self.p.voices.get(voice, ())):
                return Hit(1, "genre", self._apply_genre(tags, self.surface(i, 1)))
            return None
        head = self._genre(i)
        if head is None:
            return None
        tail = self._voice_tail(i + head.length)
        if tail is None:
            return None
        voice, length = tail
        tags = tuple(f"{voice} {t}" for t in self._genre_tags(i, head.length))
        if not tags:  # 'raspy male vocals': a voice read by its acts, then who sings, not one scene of the two
            return None
        return Hit(head.length + length, "genre", self._apply_genre(tags, self.surface(i, head.length + length)))

    def _beside_request(self, i: int, ends: bool) -> bool:
        """'female' or 'male' before the songs or a mood asked for ('sad female songs', 'female empowerment
        anthems'), or after them at the end ('sad songs female'): who sings them, which was dropped unread. Only
        the adjectives: 'girls' and 'women' are also what songs are about."""
        if self.toks[i].norm not in lx.VOICE_ADJECTIVES:
            return False
        asked = lx.REQUEST_NOUNS | MOODS.keys()
        after = i + 1 < self.n and self.free(i + 1, 1) and self.toks[i + 1].norm in asked
        return after or (ends and i > 0 and self.toks[i - 1].norm in asked)

    def voice_after_by(self, j: int) -> Hit | None:
        """The voice word right after a 'by' cue ('sad songs by women', 'sung by girls'), read as who sings, not as
        the band Women; None for any other word and for 'female' or 'male', whose noun reads them ('by female
        artists')."""
        if not self.free(j, 1) or (voice := lx.VOICES.get(self.toks[j].norm)) is None:
            return None
        if self.toks[j].norm in ("female", "male"):
            return None
        tags = self.p.voices.get(voice, ())
        return Hit(1, "genre", self._apply_genre(tags, self.surface(j, 1))) if tags else None

    def _voice_over(self, j: int, voice: str) -> tuple[tuple[str, ...], int] | None:
        """'female vocals over jazzy hip hop beats': the genre sung over, narrowed to the voice; its tags and end."""
        if not (self.free(j, 2) and self.toks[j].norm in ("over", "on")) or (head := self._genre(j + 1)) is None:
            return None
        end = j + 1 + head.length
        end += self.free(end, 1) and self.toks[end].norm in ("beats", "beat", "instrumentals")
        return tuple(f"{voice} {t}" for t in self._genre_tags(j + 1, head.length)), end

    def _voice_tail(self, j: int) -> tuple[str, int] | None:
        """'girl groups', 'bands with female vocals', 'by women' after a genre: the voice and the words it took."""
        start = j
        j += self.free(j, 1) and self.toks[j].norm in lx.VOICE_TAIL_NOUNS
        linked = self.free(j, 1) and self.toks[j].norm in lx.VOICE_TAIL_LINKS
        j += linked
        j += linked and self.free(j, 1) and self.toks[j].norm in ("a", "an")  # 'rock with a woman singing'
        if not self.free(j, 1) or (voice := lx.VOICES.get(self.toks[j].norm)) is None:
            return None
        if self.free(j + 1, 1) and self.toks[j + 1].norm in lx.VOICE_NOUNS:
            return voice, j + 2 - start
        if j == start and self.free(j + 1, 1) and self.toks[j + 1].norm in _SUNG_NOUNS:  # 'sad indie girl music'
            return voice, j + 2 - start
        if j == start and (j + 1 == self.n or self.toks[j + 1].hard or self.toks[j + 1].comma):  # 'pop girls'
            return voice, 1
        return (voice, j + 1 - start) if linked and self.toks[j].norm in ("women", "female", "females") else None
