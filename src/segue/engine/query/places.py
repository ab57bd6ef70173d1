"""Genres and where they come from: 'jazz rap', 'german rap', 'rap from brooklyn', 'pop francés', 'seattle grunge'.

Apart from the main scan because a place narrows the genre next to it, before or after, and each reading needs the
genre vocabulary and the catalog's place tags, not the rest of the request.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from segue.engine.query import lexicon as lx
from segue.engine.query.moods import MOODS
from segue.engine.query.pasted import PastedScan
from segue.engine.query.played_by import OCCASIONS_PLAYED, PLAYED_AS
from segue.engine.query.state import Hit, State, apply_mood, record_played_by
from segue.engine.sung import GENRE_LANGUAGES, PLACE_LANGUAGES
from segue.text import normalize_name

PLACE_AFTER_MIN = 200
"""Tracks and artists a genre needs before a place after it narrows it ('rock argentino' yes, 'chanson française'
no: 11 uses)."""

ENGLISH = "english"
PLURAL_ACT_RENOWN = 0.5
"""From this renown a known act's exact name is not read as a genre's plural ('songs like grimes')."""
_MAKERS = lx.REQUEST_NOUNS | {"bands", "artists", "groups", "singers", "rappers"}
_MAKERS |= {"good", "stuff", "something", "anything"}  # 'good stuff from austria' (the song 'Good Stuff' by Kelis)


def place_spellings(places: frozenset[str], tag_keys: set[str]) -> dict[str, str]:
    """Place words that are no catalog tag -> the place tag listeners use: 'cuban' and 'colombian' are tagged by the
    country's name ('cuba', 'colombia'), 'argentinian' by 'argentina'; "cuban music" was "I don't know 'cuban'"."""
    spelled = {typed: tag for typed, tag in lx.PLACE_SPELLINGS.items() if tag in places and typed not in places}
    for country, adjective in lx.COUNTRIES.items():
        if adjective not in places and country in tag_keys:
            spelled[adjective] = country
    for language, scene in lx.SUNG_IN_SCENES.items():
        if scene in places:
            spelled[language] = scene
    return spelled


class GenreScan(PastedScan):
    """Genre readings of a scan, alone or narrowed to a place."""

    def _genre(self, i: int) -> Hit | None:
        vocab, phrases = self.p.genre_vocab, self.p.genre_phrases
        if i >= self.n or self.used[i]:
            return None
        played = self._played_by(i)
        head = self.toks[i].head
        if head not in phrases.first and not (len(head) > 4 and head[-1] == "s" and head[:-1] in phrases.first):
            return played
        longest = min(phrases.longest, self.reach[i])
        if played is not None and not self._other_genre_over(i, played.length, longest):
            return played
        # A genre's words run unbroken: 'no rap, metal or country' is three genres, not 'rap metal' and country.
        longest = next((k - i for k in range(i + 1, i + longest) if self.toks[k].comma), longest)
        for length in range(longest, 0, -1):
            if not self.free(i, length):
                continue
            key = self.key(i, length)
            tags = vocab.get(key)
            if tags is None and len(key) > 4 and key.endswith("s") and not self._known_act(i, length):
                tags = vocab.get(key[:-1])  # "ballads", "soundtracks"; 'grimes' is Grimes, not grime
            if tags is None and length == 2:
                tags = _turned(key, vocab)
            if tags is not None:
                return Hit(length, "genre", self._apply_genre(tags, self.surface(i, length)))
        return None

    def _other_genre_over(self, i: int, length: int, longest: int) -> bool:
        """A longer genre phrase at i than the one read as its acts, naming another genre: 'afro house' (deep
        house), not 'afro' read as afrobeats' acts; 'dancehall riddims' is still dancehall, read as its acts."""
        played = self.key(i, length)
        for k in range(length + 1, longest + 1):
            tags = self.p.genre_vocab.get(self.key(i, k)) if self.free(i, k) else None
            if tags and played not in {normalize_name(t) for t in tags}:
                return True
        return False

    def _known_act(self, i: int, length: int) -> bool:
        """Tokens i..i+length are exactly a known act's name ('grimes'), which a genre's plural must not take."""
        match = self._probe(i, length)
        return match is not None and match.renown >= PLURAL_ACT_RENOWN

    def _played_by(self, i: int) -> Hit | None:
        """'future bass', 'phonk': a genre the catalog files no songs under, read as songs like its known acts."""
        length = self.phrase(i, self.p.played_by_phrases)
        if not length or not self.free(i, length):
            return None
        if any(self.toks[k].comma for k in range(i + 1, i + length)):  # 'no rap, rock or country': three genres
            return None
        key, surface = self.key(i, length), self.surface(i, length)
        acts, genres = self.p.played_by[key], self.p.played_by_genres.get(key, ())
        mood = PLAYED_AS.get(key, "")
        # 'breakup songs that arent sad': 'breakup' says the sadness, so 'not sad' turns it, not milder sadness
        said = next((w for w in key.split() if mood and w in MOODS and MOODS[w].label == MOODS[mood].label), mood)

        def apply(st: State, neg: bool) -> None:
            (st.exclude_genres if neg else st.genres).extend(genres)
            if neg:
                st.exclude_artists.extend(acts)
                return
            record_played_by(st, surface, acts)
            if mood:  # 'power ballads': the acts' love songs, said by the phrase's own word for it
                apply_mood(MOODS[mood], said)(st, False)

        return Hit(length, "genre", apply)

    def _genre_tags(self, i: int, length: int) -> tuple[str, ...]:
        key = self.key(i, length)
        tags = self.p.genre_vocab.get(key)
        if tags is None and key.endswith("s"):
            tags = self.p.genre_vocab.get(key[:-1])
        return tags or ()

    def _scene(self, i: int) -> Hit | None:
        """'german rap', 'russian rock', 'brazilian': a place narrowing the genre after it, or a genre by itself;
        'seattle grunge', 'london jazz': a city listeners tag a scene with, before a genre."""
        if not self.free(i, 1):
            return None
        place = self._place(self.toks[i].norm)
        city = place in lx.CITIES and self.p.names.exact_tag(place) is not None
        # 'uk rap', 'japan rock': a country's name before a genre is its adjective ('us' is too often the pronoun).
        country = lx.COUNTRIES.get(place) if place != "us" and place not in self.p.nationalities else None
        country = self._place(country, sung=False) if country is not None else None
        if place not in self.p.nationalities and not city and country not in self.p.nationalities:
            return None
        head = self._genre(i + 1) if self.free(i + 1, 1) else None
        if head is not None and self.key(i + 1, head.length) in OCCASIONS_PLAYED:
            head = None  # 'a mexican wedding' is Mexican music at a wedding, no scene of the floor's acts (unread)
        if country is not None and not city:
            if head is None:
                return None
            place = country
        if head is None and place == ENGLISH:
            return self._sung_in_english(i)
        if head is None:
            return None if city else Hit(1, "genre", self._apply_genre((place,), self.surface(i, 1)))
        return self._scene_of(i + 1, head, place, i, 1 + head.length)

    def _place(self, word: str, *, sung: bool = True) -> str:
        """The place tag a place word stands for ('cuban' -> 'cuba': `place_spellings`), else the word itself; a
        country named ('from portugal') is that country, not the scene that sings its language
        (`lexicon.SUNG_IN_SCENES`)."""
        if not sung and word in lx.SUNG_IN_SCENES:
            return word
        return self.p.place_spellings.get(word, word)

    def _sung_in_english(self, i: int) -> Hit:
        """'sad songs in english', 'english songs', 'des chansons en anglais': the language they are sung in. The
        tag 'english' is on few artists (80s new wave, Craig David), and every song is English unless a scene says
        otherwise; 'english rock' and 'english bands' still name the scene (`_scene_of`, `_placed`)."""
        surface = self.surface(i, 1)

        def apply(st: State, neg: bool) -> None:
            if neg:  # 'nothing in english': the other languages are many, and no list of them is a reading
                st.ignored.append(surface)
            else:
                st.sung_in = "en"

        return Hit(1, "genre", apply)

    def _placed(self, i: int) -> Hit | None:
        """'indie bands from the uk', 'rock from germany': a genre, then where it comes from, is that scene; 'music
        from brazil' is the place's own music. The place may follow the genre itself, as Spanish, French and
        Portuguese put it ('pop francés', 'rap alemán', read word for word as 'pop french')."""
        head = self._genre(i)
        if head is None and not (self.free(i, 1) and self.toks[i].norm in _MAKERS):
            return None
        j = i + (head.length if head is not None else 0)
        while self.free(j, 1) and self.toks[j].norm in _MAKERS:
            j += 1
        after = self._place(self.toks[j].norm) if j < self.n else ""
        if head is not None and self.free(j, 1) and after in self.p.nationalities:
            # A small genre is often the place's own ('chanson française'): narrowed, it held 2 songs; both words
            # are read as genres then, as before.
            return self._scene_of(i, head, after, i, j + 1 - i) if self._broad(i, head.length) else None
        if head is not None and self.free(j, 2) and self.toks[j].norm == "in" and self._broad(i, head.length):
            language = self.toks[j + 1].norm  # 'rap in spanish', 'rock in german': sung in it, that scene
            if language == ENGLISH:  # 'rap in english': any rap sung in English, not rap from England
                return Hit(j + 2 - i, head.kind, _both(head, self._sung_in_english(j + 1)))
            if language in self.p.nationalities:
                return self._scene_of(i, head, language, i, j + 2 - i)
        if not (self.free(j, 2) and self.toks[j].norm == "from"):
            return None
        at = j + 1
        if self.free(at, 2) and self.toks[at].norm == "the" and self.toks[at + 1].norm in lx.CITIES:
            at += 1  # 'from the london scene'
        for length in (3, 2, 1):  # 'the netherlands', 'great britain', 'uk'
            key = self.key(at, length) if self.free(at, length) else ""
            place = lx.COUNTRIES.get(key) or (key if key in self.p.nationalities else None)
            place = self._place(place, sung=False) if place is not None else None
            if length == 1 and key in lx.CITIES and self.p.names.exact_tag(key) is not None:
                place = key  # 'rap from brooklyn', 'bands from manchester': listeners tag a city's scene
            if place is not None and (place in self.p.nationalities or place in lx.CITIES):
                end = at + length
                end += self.free(end, 1) and self.toks[end].norm == "scene"
                if head is None:
                    return Hit(end - i, "genre", self._apply_genre((place,), self.surface(at, length)))
                return self._scene_of(i, head, place, i, end - i)
            if place is not None and head is not None:  # a country whose scene the catalog lacks ('nigeria')
                return Hit(at + length - i, head.kind, self._unplaced(head, self.surface(at, length)))
        return None

    @staticmethod
    def _unplaced(head: Hit, place: str) -> Callable[[State, bool], None]:
        """The genre alone, with the place said unused: 'afrobeats from nigeria' is afrobeat, not a name 'nigeria'."""

        def apply(st: State, neg: bool) -> None:
            head.apply(st, neg)
            st.ignored.append(place)

        return apply

    def _broad(self, i: int, length: int) -> bool:
        """The genre at i has songs enough to narrow to a place (`PLACE_AFTER_MIN` tracks and artists)."""
        counts = self.p.tag_counts
        if counts is None:
            return True
        found = (self.p.names.exact_tag(normalize_name(t)) for t in self._genre_tags(i, length))
        return sum(int(counts[m.index]) for m in found if m is not None) >= PLACE_AFTER_MIN

    def _scene_of(self, at: int, head: Hit, place: str, start: int, length: int) -> Hit:
        """The genre at `at` (`head`) narrowed to a place, as one hit of `length` tokens from `start`: the scene's
        own tag when the catalog has one ('german hip hop'), else the place before each of the genre's tags."""
        genre = self.key(at, head.length)
        if self._sung_there(genre, self._genre_tags(at, head.length), place):
            return Hit(length, head.kind, head.apply)  # 'bachata en español' was the 'spanish tropical' label
        own = self.p.genre_vocab.get(f"{place} {genre}")
        if own is None and lx.PLACE_GENRES.get(genre) == place:
            # 'japanese city pop', 'uk grime': the genre is the place's own; narrowed by the artists' place tags it
            # lost Omega Tribe (tagged 'city pop', not 'japanese') to songs outside the era asked.
            return Hit(
                length, "genre", self._apply_genre(self._genre_tags(at, head.length), self.surface(start, length))
            )
        # 'brasileiro axé': axé stands in as brazilian, so the scene is brazilian, not 'brazilian brazilian'.
        tags = tuple(dict.fromkeys(t if t == place else f"{place} {t}" for t in self._genre_tags(at, head.length)))
        return Hit(length, "genre", self._apply_genre(own or tags, self.surface(start, length)))

    @staticmethod
    def _sung_there(genre: str, tags: tuple[str, ...], place: str) -> bool:
        """Whether a genre, as typed or by all its tags, is sung only in the place's language (`GENRE_LANGUAGES`):
        the place says nothing more of it ('reggaeton en español', 'spanish reggaeton')."""
        language = PLACE_LANGUAGES.get(place)
        if language is None:
            return False
        return GENRE_LANGUAGES.get(genre) == language or (
            bool(tags) and all(GENRE_LANGUAGES.get(t) == language for t in tags)
        )


def _both(first: Hit, second: Hit) -> Callable[[State, bool], None]:
    """One reading made of two ('rap in english': the genre, and the language it is sung in)."""

    def apply(st: State, neg: bool) -> None:
        first.apply(st, neg)
        second.apply(st, neg)

    return apply


def _turned(key: str, vocab: Mapping[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """Two genres said the other way round that name a third: 'pop country' is country pop ('country but not the
    pop country stuff' left out all country), 'rock punk' punk rock. Both words must be genres: 'house deep' (cuts)
    is no deep house."""
    first, _, second = key.partition(" ")
    if first in vocab and second in vocab:
        return vocab.get(f"{second} {first}")
    return None
