"""Genre requests as one mask and one score, compound scenes included ("german rap", "jazz rap", "russian rock").

A scene is a head genre narrowed by a modifier: a nationality ("german rap" is rap by artists listeners tagged
german) or a second genre the catalog has no joint tag for ("jazz rap" is hip hop by artists also tagged jazz).
Reading only the head answered "jazz rap" and "deutsche rap" with 2Pac. The modifier is read from an artist's
tags at any rank: "german" is rarely among a rapper's five strongest tags, yet many listeners still said it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from segue.catalog.csr import column_entries
from segue.domain import EntityRef
from segue.engine.signals import REQUEST_CACHE, CatalogSignals, FloatArray, read_only
from segue.engine.sung import SungLanguages, place_language, scene_language

NATIONALITIES: frozenset[str] = frozenset(
    [
        "african",
        "american",
        "arabic",
        "argentina",
        "argentinian",
        "australian",
        "austrian",
        "belgian",
        "brazilian",
        "british",
        "canadian",
        "chinese",
        "colombian",
        "cuban",
        "czech",
        "danish",
        "dutch",
        "english",
        "finnish",
        "french",
        "german",
        "greek",
        "icelandic",
        "indian",
        "irish",
        "israeli",
        "italian",
        "jamaican",
        "japanese",
        "korean",
        "mexican",
        "nigerian",
        "norwegian",
        "polish",
        "portuguese",
        "russian",
        "scottish",
        "spanish",
        "swedish",
        "swiss",
        "turkish",
        "ukrainian",
    ]
)
"""Adjectives that narrow a genre to a place ('russian rock', 'french house'); each counts only as a catalog tag."""

VOICE_TAGS: dict[str, tuple[str, ...]] = {
    "female": (
        "female vocalists", "female vocalist", "female vocals", "female vocal", "female voices",
        "female artists", "female fronted", "female fronted metal", "girl group", "girl groups", "girl bands",
        "girlband", "divas",
    ),
    "male": ("male vocals", "male vocal", "male vocalists", "boyband", "boybands", "boysband"),
}  # fmt: skip
"""Who sings it ('female rap'): the listener tags that say so, every spelling, since few artists carry the one.
Bare 'female' is left out: listeners put it on Dr. Dre."""
VOICE_GROUPS: dict[str, tuple[str, ...]] = {"female": ("girl groups", "girl group"), "male": ("boybands", "boyband")}
"""The catalog tags a voice asks for beside a group noun ('girl groups' was any woman singing: Leona Lewis, Tracy
Chapman; the listeners' own tag is the Supremes, Destiny's Child, Spice Girls)."""
_VOICE_GROUP_TAGS = frozenset({t for tags in VOICE_GROUPS.values() for t in tags} | {"girl bands", "girlband"})
"""Voice tags whose last word is a group, not a genre: widened, 'girl group' becomes 'group' (Shinedown); a voice
tag on a genre ('female fronted metal') widens to the genre as before."""
ANGLOPHONE = frozenset({"american", "british", "english", "canadian", "australian", "irish", "scottish"})
SAME_HEADS: dict[str, tuple[str, ...]] = {"hip hop": ("rap", "hiphop"), "rap": ("hip hop", "hiphop")}
"""Heads that name one scene under another word ('german rap' is 'german hip hop')."""
SCENE_TAGS: dict[str, tuple[str, ...]] = {
    "spanish rock": ("rock en espanol", "latin rock"),
    "argentine rock": ("rock en espanol", "rock nacional"),
    "argentinian rock": ("rock en espanol", "rock nacional"),
    "mexican rock": ("rock en espanol", "latin rock"),
    "brazilian rock": ("rock brasileiro", "rock gaucho"),
    "japanese rock": ("j rock",),
    "french pop": ("chanson francaise",),
}
"""Tags listeners file a scene under in its own words: Caifanes is 'rock en espanol', not 'spanish' and 'rock', so
'rock en español de los 80s' missed the one band of the era the catalog dates right."""
HOME_PLACES: frozenset[str] = NATIONALITIES - ANGLOPHONE
"""Places whose artists share more than a passport: a language and a scene. Most of the catalog's listening is
English-speaking, so an Anglophone place says nothing about one artist's likeness to another."""
HOME_LIKENESS = 0.15
"""The cosine of an artist's style with the seeds' (places left out) from which their home scene counts in full."""
HOME_FLOOR = 0.4
"""The share of the home scene an act of the seeds' country counts for whatever its style: one who sings their
language is nearer than a stranger (at none, 'like caetano veloso' was Bob Dylan, Elvis and Elton John)."""
_COUNTRY_TAGS = frozenset({"germany", "deutsch", "deutschland", "france", "francais", "japan", "brasil", "brazil"})
"""Countries listeners tag as such, left out of a seed's style beside the adjectives (`NATIONALITIES`)."""
HOME_MIN = 0.25
"""A seed's own weight for a place tag from which the place is part of who the seed is (Stromae 'french' 0.51,
Rammstein 'german' 0.30), not a passing mention (ABBA 'swedish' 0.24 beside 'disco' 0.32)."""
HOME_FULL = 0.3
"""An artist's weight for the place from which it counts in full."""
WORDLESS_TAGS: frozenset[str] = frozenset(
    {
        "instrumental", "instrumental hip-hop", "instrumental hip hop", "instrumental rock", "post-rock", "post rock",
        "soundtrack", "soundtracks", "classical", "modern classical", "contemporary classical", "neoclassical",
        "piano", "minimalism", "orchestral", "ambient", "new age", "video game music",
    }
)  # fmt: skip
"""Listeners' words for music without a sung language: a place is no home scene for a seed they describe so more
than by the place ('like nujabes' led with J-pop, 'like yann tiersen' with French pop rock)."""
TECHNO_TAGS: frozenset[str] = frozenset({"techno", "minimal", "minimal techno"})
"""Listeners' words for a mostly wordless dance floor: a place weighing less than the strongest of them is no home
scene either ('like paul kalkbrenner', techno 0.48 and 'german' 0.26, had Bushido); French house keeps its home
(Daft Punk's 'french' 0.27 outweighs their 'techno' 0.23)."""
VOICE_FULL = 0.2
"""A voice tag weight from which an artist counts as fully that voice: the genre, not how female, then ranks."""

GENRE_TAG_FULL = 0.3
"""An artist tag weight from which the artist counts as canonical for the genre."""
THIN_GENRE_ACTS = 12
"""Acts with songs under a genre's top tags below which the genre is thin, and its acts tagged lower count too."""
THIN_GENRE_WEIGHT = 0.15
"""Least listener weight of a thin genre's tag from which an act is of the genre at any rank of its tags."""
LABEL_GENRES = frozenset({"motown", "stax", "def jam", "sub pop", "4ad", "warp", "ninja tune", "dischord"})
"""Labels listeners tag as genres: a roster, not a sound, so acts tagged it lower are not widened in ('motown' took
in Aretha Franklin and Curtis Mayfield, whom the label never signed)."""
THIN_GENRE_LIKENESS = 0.3
"""Least tag cosine to the genre's own acts for such an act: Jackson Browne 0.40 to the americana acts, The Supremes
0.32 to the girl groups; Michelle Branch 0.25 to the anime acts, 4Minute (K-pop) 0.22 to the J-pop ones."""
SUBGENRE_SHARE = 0.6
"""What a sub-genre's tag counts for a genre, against the genre's own tag (song and canonical artist alike)."""
LABELS_ONLY_SHARE = 0.5
"""Canonical weight for a genre of an artist known only by playlist labels, against one listeners tagged."""
LISTENED_BY = 2012
"""The listening data is of 2011: an act it did not link whose songs here all came later is more often another act
of the same name than one its listeners tagged (Juju, a German rapper of 2020, under a dubstep act's tags)."""
FILED_SHARE = 0.6
"""Canonical weight of an act all of whose songs playlists' names file under a scene (`GenreFilter._filed`): above
an act known by labels alone, below one listeners tagged."""
FILED_WEIGHT = 0.3
"""A song's tag weight from which it is filed under the tag (one of three or four tags its playlists give)."""
FILED_LEAST = 2
"""Songs so filed an act needs: one song in one playlist says little about the act."""
FILED_SCENES = frozenset({"k-pop", "kpop", "j-pop", "jpop", "j-rock", "city pop", "c-pop", "mandopop", "cantopop"})
"""Scenes a playlist's name files acts under (`GenreFilter._filed`): a country's pop holds its own acts, while a
style's playlists hold its neighbours too ('Jazz Rap' ones: FKJ, Chet Faker, Amy Winehouse, who then led 'jazz
rap' over its rappers)."""
FILED_RENOWN = 0.6
"""How known an act must be (`CatalogSignals.artist_renown`) for its songs' filing to make it canonical."""

MODIFIER_MIN_WEIGHT = 0.1
"""Least artist tag weight for a modifier to count (a stray single tag sits below it)."""

VOICE_MIN_WEIGHT = 0.15
"""Least weight of a voice tag for a scene that says who sings: Fabolous (0.13) and will.i.am (0.15 short) carry
'female vocalists' for the singers on their hits; Nicki Minaj (0.16) and Eve (0.22) for their own voice."""

VOUCH_MIN_WEIGHT = 0.15
"""Least listener weight for a genre (any of its tags) to vouch for an artist's songs under a mood: a few listeners'
'chillout' on Alicia Keys (0.10) or Chris Isaak (0.12) is how the music feels to them, not electronic music."""
EXEMPLAR_VOUCH = 0.3
"""Least listener weight for a genre from which an artist's songs show the genre in a surprise mix (0.15 let a
'latin' label on 'All of Me' count for John Legend)."""
VOICE_VOUCH_MIN = 0.2
"""The same for a scene that says who sings ('female rappers'): the voice comes from the artist's tags and the genre
often from one playlist her song sat on, so the filing must be clearer. The Pretty Reckless (0.15, one song on a rap
playlist) and Halestorm (0.14) are no rappers; Eve (0.28) and Nicki Minaj (0.30) are."""

EXEMPLARS = 5
"""Artists that stand for a genre with no songs of its own."""

GenreColumnsFn = Callable[[str], Sequence[int]]
TagIndexFn = Callable[[str], "int | None"]


@dataclass(frozen=True, slots=True)
class GenreTerm:
    """One requested genre: the tag columns it stands for, and for a scene the modifier columns that narrow it."""

    name: str
    columns: tuple[int, ...]
    modifier: tuple[int, ...] = ()
    own: tuple[int, ...] = ()
    """A scene's own catalog tag ('russian rock'), which qualifies a track without the head and modifier."""
    voice: bool = False
    """The modifier says who sings ('female rap'): it qualifies, but a rapper is not more so for being more female."""


def split_scene(name: str, tag_index: TagIndexFn, include: GenreColumnsFn) -> GenreTerm | None:
    """`name` read as modifier + head genre, or None when it is a plain genre.

    A nationality or a voice always splits ('russian rock' also finds rock by artists tagged russian, 'female rap'
    rap by artists tagged 'female vocalists'); another first word only when the whole is no catalog tag ('jazz rap'
    splits, 'indie rock' stays one genre).
    """
    first, _, rest = name.partition(" ")
    if not rest:
        return None
    own = tag_index(name)
    if first not in NATIONALITIES and first not in VOICE_TAGS and own is not None:
        return None
    spellings = VOICE_TAGS.get(first, (first,))
    modifier = tuple(i for i in (tag_index(t) for t in spellings) if i is not None)
    head = tuple(include(rest))
    if not modifier or not head:
        return None
    # Listeners spell a scene several ways: Haftbefehl and Bushido are 'german hiphop', Nate57 'german hip hop'.
    heads = (rest, rest.replace(" ", ""), rest.replace(" ", "-"), *SAME_HEADS.get(rest, ()))
    named = (*(f"{first} {h}" for h in heads), *SCENE_TAGS.get(name, ()))
    owns = tuple(dict.fromkeys(i for i in map(tag_index, named) if i is not None))
    return GenreTerm(name, head, modifier, owns, voice=first in VOICE_TAGS)


KIN: dict[str, tuple[str, ...]] = {
    "uk garage": ("garage house", "house"),
    "future garage": ("uk garage", "dubstep"),
    "2 step": ("uk garage", "garage house"),
}
"""Scenes whose last word names another genre ('garage' is garage rock): widened to their own kin. 'underground uk
garage and 2 step' answered Messer Chups' surf rock as the nearest broader genre."""
WIDEN_MIN_SONGS = 100
"""Songs a genre's first words must be filed under to widen it ('lo-fi': 332; 'underground': none, artists only)."""


SPOKEN_PLACES: dict[str, tuple[str, ...]] = {
    "es": ("spanish", "mexican", "argentina", "argentinian", "colombian", "cuban", "rock en espanol", "latino"),
    "pt-BR": ("brazilian", "brazil", "brasil", "mpb", "brazilian rock", "brazilian music"),
    "fr": ("french", "chanson francaise", "french pop", "francais"),
    "de": ("german", "austrian", "deutsch", "deutschrock", "german hiphop"),
    "it": ("italian",),
}
"""The scenes a request's language speaks for: listeners' place tags, never a playlist's 'latin' label (Tim McGraw
and Jack Johnson carry it)."""
_SPANISH_SPEAKING = frozenset(
    {*SPOKEN_PLACES["es"], "mexico", "colombia", "cuba", "chile", "chilean", "venezuela", "venezuelan", "peru"}
    - {"spanish", "rock en espanol"}
)
"""Places whose scenes are sung in Spanish: their thin scene widens to the genre in Spanish, not the genre."""
SPOKEN_GENRES: dict[str, tuple[str, ...]] = {"es": ("reggaeton", "salsa", "regional mexican")}
"""Genres sung in one language whoever plays them: a song filed under one is of the language's scene even by an act
no listener tagged ('canciones para el gym' led with Luis Miguel and Alejandro Sanz ballads, and Daddy Yankee,
Bad Bunny and Ozuna had no part in a Spanish request's lean); for lively moods only (`LIVELY_MOODS`). Not 'latin
hip hop' (Sean Paul and Pitbull carry it) nor 'tropical' (tropical house: Klingande, Sam Feldt)."""
LIVELY_MOODS = frozenset({"party", "dance", "workout", "running", "driving", "bangers", "upbeat", "energetic"})
"""Moods the dance genres of `SPOKEN_GENRES` answer: 'canciones tristes' keeps the ballads listeners call sad
(with the genres, sad reggaeton and Bad Bunny's 'MIA' led it)."""
SUNG_ELSEWHERE = ("korean", "k pop", "japanese", "j pop", "j rock", "chinese", "russian", "turkish", "polish")
"""Scenes of languages the parser does not read, left out like the others' when songs in English are asked for."""
SPOKEN_MIN = 0.3
"""A track's or its artist's weight for one of those tags from which it is of that scene."""
SAME_FAMILY = 0.5
"""Two requested genres sharing more than this share of the smaller one's tracks are one family, not a mix."""
WORDLESS_MOODS = frozenset({"sleep", "focus", "meditation", "instrumental", "background"})
"""Moods where what language a song is sung in does not matter (`GenreFilter.spoken_score`)."""


class GenreFilter:
    """The genres of a request over one catalog's signals: which tracks qualify, and how well."""

    def __init__(self, signals: CatalogSignals, include: GenreColumnsFn, tag_index: TagIndexFn) -> None:
        self.signals = signals
        self.include = include
        self.tag_index = tag_index
        self.known: NDArray[np.bool_] = read_only(
            (signals.listener_tagged & signals.has_colisten)[signals.track_artist]
        )
        """Per track, its artist is one listeners know (tagged and co-listened), not a netlabel's release styles."""
        began = np.asarray(signals.catalog.artist_began_years)
        charted = signals.heard_of & (began > 0) & (began <= LISTENED_BY)
        self.heard: NDArray[np.bool_] = read_only(
            (signals.listener_tagged & (signals.has_colisten | charted))[signals.track_artist]
        )
        """Per track, listeners tag its artist and know it, by co-listening or, for an act already there when they
        tagged, by the charts: one the listening data saw too little of to link (Shaggy, Hot Chocolate) is still one
        of its genre's names, not a discovery."""
        self.sung = SungLanguages(signals)
        self._masks = lru_cache(maxsize=REQUEST_CACHE)(self._mask)
        self.spoken = lru_cache(maxsize=2 * len(SPOKEN_PLACES))(self._spoken)
        self.other_tongues = lru_cache(maxsize=2)(self._other_tongues)
        """Per track, True when it is of a scene another language speaks for: what 'in english' leaves out."""
        self._scores = lru_cache(maxsize=REQUEST_CACHE)(self._score)

    def terms(self, genres: Sequence[str]) -> list[GenreTerm]:
        out = []
        for name in genres:
            scene = split_scene(name, self.tag_index, self.include)
            out.append(scene if scene is not None else GenreTerm(name, tuple(self.include(name))))
        return [t for t in out if t.columns or t.own]

    def heads(self, genres: Sequence[str]) -> tuple[str, ...]:
        """The genres with every scene widened to its head ('russian rock' -> 'rock'), for filling a thin answer."""
        out = []
        for name in genres:
            scene = split_scene(name, self.tag_index, self.include)
            # Who sings is kept: 'k-pop girl groups' filled with SHINee and Rain once its few songs ran out.
            out.append(name.partition(" ")[2] if scene is not None and not scene.voice else name)
            if scene is not None and scene.voice:
                out[-1] = self._voice_head(name)
            elif scene is not None and (sung := self._sung_head(name)) is not None:
                out[-1] = sung
        return tuple(dict.fromkeys(out))

    def _sung_head(self, name: str) -> str | None:
        """'colombian rock' -> 'spanish rock': a Spanish-speaking place's scene widens to its genre sung in Spanish
        (widened to rock it was Tom Petty and Bruce Springsteen), when the catalog has that."""
        place, _, head = name.partition(" ")
        if place not in _SPANISH_SPEAKING:
            return None
        sung = f"spanish {head}"
        return sung if sung != name and self.terms([sung]) else None

    def _voice_head(self, name: str) -> str:
        """'female jazzy hip hop' -> 'female hip hop': a voiced scene widens its genre by the genre's last words,
        keeping who sings ('female vocals over jazzy hip hop beats' was empty); 'female k-pop' stays itself."""
        voice, _, inner = name.partition(" ")
        words = inner.split()
        wider = (f"{voice} {' '.join(words[k:])}" for k in range(1, len(words)))
        return next((w for w in wider if self.terms([w])), name)

    def voiced(self, genres: Sequence[str]) -> bool:
        """Whether a genre says who sings ('female k-pop', 'girl groups'): never widened past that ('girl group'
        widened to 'group' was Shinedown)."""
        return any(
            name in _VOICE_GROUP_TAGS
            or ((scene := split_scene(name, self.tag_index, self.include)) is not None and scene.voice)
            for name in genres
        )

    def wider(self, genres: Sequence[str], parents: Callable[[str], Sequence[str]]) -> tuple[str, ...]:
        """Each genre widened to its nearest broader ones in the tree ('bossa nova' -> samba, jazz), for filling a
        thin answer; a genre without any keeps itself."""
        # A playlist label ('latin', 'pop') is a chart, not a neighbour: bossa nova filled with Shakira misleads.
        listener = self.signals.listener_column
        filed = np.diff(self.signals.track_tags_csc.indptr)
        index = self.tag_index
        out: list[str] = []
        for genre in genres:
            found = [p for p in parents(genre) if (i := index(p)) is not None and listener[i]]
            # A tag the tree does not hold widens to the genre its last words name ('classic soul', 3 songs: soul),
            # else to its first words when songs are filed under them ('lo-fi hip hop', no Creative Commons song:
            # lo-fi; "chill lofi, copyright free" was empty, and 'hip hop' is a playlist label). An adjective tag
            # of artists only ('underground', 'classic') is no genre to widen to.
            words = genre.split()
            lasts = [" ".join(words[k:]) for k in range(len(words) - 1, 0, -1)]
            firsts = [" ".join(words[:k]) for k in range(len(words) - 1, 0, -1)]
            named = [h for h in lasts if (i := index(h)) is not None and listener[i]]
            named += [f for f in firsts if (i := index(f)) is not None and listener[i] and filed[i] >= WIDEN_MIN_SONGS]
            kin = [k for k in KIN.get(genre, ()) if index(k) is not None]
            out += kin or found or named[:1] or [genre]
        return tuple(dict.fromkeys(out))

    def filed_beside(self, genres: Sequence[str]) -> tuple[str, ...]:
        """For each genre, the listener tag its acts carry most beside it, among tags with songs of their own: the
        last widening, when nothing else answered ('anime', 'j-rock', 'visual kei', tags of acts without songs
        here -> japanese; 'anime openings' was an empty answer)."""
        filed = np.diff(self.signals.track_tags_csc.indptr)
        return tuple(dict.fromkeys(t for g in genres for t in self._filed_beside(g, filed)))

    def _filed_beside(self, genre: str, filed: NDArray[np.intp]) -> list[str]:
        column = self.tag_index(genre)
        if column is None:
            return []
        tags = self.signals.artist_tags_csr
        rows = tags.row_ids()
        carries = np.zeros(tags.shape[0], dtype=np.float32)
        at = tags.indices == column
        carries[rows[at]] = tags.data[at]
        beside = np.bincount(tags.indices, weights=carries[rows] * tags.data, minlength=tags.shape[1])
        beside[column] = 0.0
        beside[~(self.signals.listener_column & (filed >= WIDEN_MIN_SONGS))] = 0.0
        best = int(np.argmax(beside))
        return [self.signals.catalog.tag_names[best]] if beside[best] > 0 else []

    @staticmethod
    def columns(terms: Sequence[GenreTerm]) -> list[int]:
        """Every column that scores a genre match (heads and scenes' own tags; modifiers only narrow)."""
        return list(dict.fromkeys(c for t in terms for c in (*t.own, *t.columns)))

    def mask(
        self,
        terms: Sequence[GenreTerm],
        *,
        heard_as: bool = False,
        vouched: bool = False,
        labelled: bool = False,
        english: bool = False,
    ) -> NDArray[np.bool_]:
        """Tracks matching any term: a plain genre by its tags, a scene by its own tag or head-and-modifier.

        `heard_as`: a genre that shifts seeds ('like Radiohead but more electronic') counts only the genre itself
        and listener tags, not a playlist label's sub-genres ('electropop' held Coldplay and Adele).
        `vouched`: a song's own genre tag counts only when its artist is filed under the genre itself or one of its
        listener tags (Tracy Chapman is 'electropop' only by the label 'Fast Car' lent her; artists without any
        listener tag keep their songs' tags). A mood picks a label's outliers: the calm songs of
        'electropop' playlists were 'Fast Car' and 'Someone Like You', so "calm electronic music" led with them.
        `labelled`: the same test, only for songs that a playlist label alone files under the genre (Edwyn Collins'
        'A Girl Like You' sat on a 'southern hip hop' playlist and answered "90s hip hop"); a song a playlist's name
        or a listener tag files there ('Jazz Rap') keeps its place.
        `english`: songs in English are asked of the place ('french bands that sing in english'), so its acts' songs
        in English stay (`_sung_mask`). Cached, read-only.
        """
        return self._masks(tuple(terms), heard_as, vouched, labelled, english)

    def _mask(
        self, terms: tuple[GenreTerm, ...], heard_as: bool, vouched: bool, labelled: bool, english: bool
    ) -> NDArray[np.bool_]:
        sig = self.signals
        mask = np.zeros(sig.catalog.n_tracks, dtype=bool)
        plain = [c for t in terms if not t.modifier for c in (self._heard(t) if heard_as else t.columns)]
        if plain:
            tagged = self._widened_if_thin(sig.tag_mask(plain), plain)
            if vouched or labelled:  # the genre's own tag or a listener tag, not a label lent by a song
                heard = [c for t in terms if not t.modifier for c in self._heard(t)]
                doubtful = tagged if vouched else tagged & ~sig.tag_mask(heard)
                tagged &= ~doubtful | self._vouched(heard)
            mask |= tagged
        if not english:
            mask = self._sung_mask(terms, mask)
        for term in terms:
            if not term.modifier:
                continue
            # The artist carries the modifier ('russian' on Kino), or the song does (a playlist in Japanese script).
            weight = sig.artist_tag_weight(term.modifier)
            carries = weight >= MODIFIER_MIN_WEIGHT
            carries |= sig.tracks_tagged(term.modifier)
            if (language := self.sung_place(term)) is not None:  # rap sung in French is French rap (Rim'K)
                carries |= self.sung.sung_in(language)
            if term.voice:  # the artist's own voice, not a featured singer's: B.o.B is 'female' by 'Airplanes'
                carries = (weight >= VOICE_MIN_WEIGHT) & (weight > self._other_voice(term))
            head = self._head(term)
            in_head = sig.tag_mask(head)
            if term.voice:  # a female rapper is an artist filed under rap, not Halestorm's one song on a rap playlist
                in_head &= self._vouched(head, VOICE_VOUCH_MIN)
            elif labelled:  # French rap is no David Guetta song a hip hop playlist held (`labelled`, above)
                heard = self._heard(term, term.name.partition(" ")[2])
                in_head &= self._vouched(heard)
            mask |= in_head & carries
            language = self.sung_place(term)
            if (
                language is not None
                and (rapped := self.sung.rapped_in(language, term.name.partition(" ")[2])) is not None
            ):
                mask |= rapped
            if term.own:
                mask |= sig.tag_mask(term.own)
        return read_only(mask)

    @staticmethod
    def language(term: GenreTerm) -> str | None:
        """The language a place genre asked by itself stands for ('french': fr), else None."""
        return None if term.modifier else place_language(term.name)

    @staticmethod
    def sung_place(term: GenreTerm) -> str | None:
        """The language of a sung scene's place ('french rap': fr), else None (a voice too: `sung.scene_language`)."""
        return None if term.voice or not term.modifier else scene_language(term.name)

    def _widened_if_thin(self, tagged: NDArray[np.bool_], columns: Sequence[int]) -> NDArray[np.bool_]:
        """`tagged` (the genre a top tag of the artist), or, where that leaves fewer than `THIN_GENRE_ACTS` acts with
        songs, also the acts listeners gave one of its tags at `THIN_GENRE_WEIGHT` at any rank whose tags otherwise
        look like the genre's own acts' (`THIN_GENRE_LIKENESS`): 'americana' was four songs (Willie Nelson, Steve
        Earle, John Mellencamp), its tag ranking below 'classic rock' and 'singer-songwriter' for Jackson Browne and
        The Band; a stray tag on an act far from the genre (one listener's 'anime' on Michelle Branch) stays out."""
        sig = self.signals
        names = sig.catalog.tag_names
        heard = [c for c in columns if sig.listener_column[c] and names[c] not in LABEL_GENRES]
        if not heard or np.count_nonzero(np.bincount(sig.track_artist[tagged])) >= THIN_GENRE_ACTS:
            return tagged
        weight, _ = sig.artist_weight_any_rank(heard)
        candidates = np.flatnonzero(weight >= THIN_GENRE_WEIGHT)
        own = np.unique(column_entries(sig.artist_top_tags_csc, heard)[0])
        profile = sig.seed_tag_profile(own.tolist()) if candidates.size else None
        if profile is None:
            return tagged
        # The few candidates' cosines row by row (style rows are unit length): the product over every artist was
        # built for this alone, ~16 ms on the first such request.
        style, alike = sig.style_csr, np.zeros(sig.catalog.n_artists, dtype=bool)
        for a in candidates.tolist():
            start, end = int(style.indptr[a]), int(style.indptr[a + 1])
            alike[a] = float(style.data[start:end] @ profile[style.indices[start:end]]) >= THIN_GENRE_LIKENESS
        return tagged | alike[sig.track_artist]

    def _sung_mask(self, terms: tuple[GenreTerm, ...], mask: NDArray[np.bool_]) -> NDArray[np.bool_]:
        """A place's songs are its language's (`SungLanguages.narrow`); the other genres asked hold their own."""
        languages = [lang for t in terms if (lang := self.language(t)) is not None]
        if not languages:
            return mask
        kept = [c for t in terms if not t.modifier and self.language(t) is None for c in t.columns]
        return self.sung.narrow(mask, languages, self.signals.tag_mask(kept) if kept else np.zeros_like(mask))

    def _other_voice(self, term: GenreTerm) -> FloatArray:
        """Per track, its artist's weight for the voice the scene does not ask for ('male vocalists' beside
        'female rap')."""
        asked = {self.tag_index(t) for t in VOICE_TAGS["female"]}
        other = "male" if set(term.modifier) & asked else "female"
        columns = [i for i in (self.tag_index(t) for t in VOICE_TAGS[other]) if i is not None]
        return self.signals.artist_tag_weight(columns)

    def _vouched(self, columns: list[int], least: float = VOUCH_MIN_WEIGHT) -> NDArray[np.bool_]:
        """Tracks whose artist listeners file under one of the columns (style weight >= `VOUCH_MIN_WEIGHT`), or
        whose artist no listener tagged at all: a label a song lent its artist vouches for nothing."""
        sig = self.signals
        vouched: NDArray[np.bool_] = (sig.style_weight(columns) >= least) | ~sig.styled
        return vouched

    def _head(self, term: GenreTerm) -> list[int]:
        """The head genre's columns a scene narrows. For a voice, the genre itself and listener tags only: a
        playlist label's sub-genres ('latin hip hop') held Selena and 'A Thousand Years', female but no rappers."""
        return self._heard(term, term.name.partition(" ")[2]) if term.voice else list(term.columns)

    def _heard(self, term: GenreTerm, name: str | None = None) -> list[int]:
        """A genre's columns without playlist labels, save the genre's own ('rock' is a label and still rock)."""
        own = self.tag_index(term.name if name is None else name)
        return [c for c in term.columns if c == own or self.signals.listener_column[c]]

    def score(self, terms: Sequence[GenreTerm]) -> tuple[FloatArray, NDArray[np.int32]]:
        """How well each track answers the genres (0..1): half the song's own tags, half its artist's standing as
        one of the genre's canonical names; and which column matched (for the reason). Cached, read-only."""
        return self._scores(tuple(terms))

    def _score(self, terms: tuple[GenreTerm, ...]) -> tuple[FloatArray, NDArray[np.int32]]:
        sig = self.signals
        columns = self.columns(terms)
        score, which = sig.tag_columns_score(columns)
        # A genre's canonical artists lead: their own weight for it (saturating) counts beside a track's, so a
        # track tagged with nothing else cannot outrank the bands listeners call by that genre.
        # The genre's own tag names its canonical artists ('punk rock': Ramones), a sub-genre's only its family
        # (Fall Out Boy is 'pop punk'): sub-genres count SUBGENRE_SHARE.
        # A playlist label ('pop', 'rap') names nobody canonical: it sits on every artist of a chart playlist.
        # A head said in another word is its own tag too: the charts' 'hip hop' label is one sub-genre of their
        # 'rap', so a plain 'hip hop' led with Tyga and a netlabel's glitch over 2Pac and Wu-Tang Clan.
        heads = [i for t in terms if not t.modifier for i in (self.tag_index(t.name), *self._same_heads(t.name))]
        named = list(dict.fromkeys(i for i in heads if i is not None))
        named += [c for t in terms if t.modifier for c in t.own]  # 'german hiphop' names Haftbefehl and Bushido
        if named:  # a song filed under the genre itself beats one filed under a sub-genre ('pop punk')
            own, own_which = sig.tag_columns_score(named)
            which = np.where(own >= SUBGENRE_SHARE * score, own_which, which).astype(np.int32)
            score = np.maximum(own, SUBGENRE_SHARE * score).astype(np.float32)
        named = [i for i in named if sig.listener_column[i]]
        canonical = np.clip(sig.artist_tag_weight(columns) / GENRE_TAG_FULL, 0.0, 1.0)
        # Playlist labels alone (House of Pain filed under 'southern hip hop', Macarena under 'latin hip hop')
        # say where a song was played, not what listeners call the artist: half the canonical weight.
        # So do a netlabel's release styles: an artist no listener knows (no co-listening) is a discovery in
        # the genre, not one of its canonical names ('electronic music' led with three netlabel tracks).
        canonical = np.where(self.known, canonical, LABELS_ONLY_SHARE * canonical)
        own_tag = np.zeros_like(canonical)
        if named:  # shared after saturating: a band tagged 'pop punk' at 0.5 is still no Ramones
            # The genre's own listener tag names it for an act the charts know though the listening data barely
            # linked it: a plain 'reggae' gave Sean Paul and Sublime twice each and left out Shaggy (0.56 reggae).
            own_tag = np.clip(sig.artist_tag_weight(named) / GENRE_TAG_FULL, 0.0, 1.0)
            canonical = np.maximum(
                np.where(self.heard, own_tag, LABELS_ONLY_SHARE * own_tag), SUBGENRE_SHARE * canonical
            )
        filed = self._filed(named)
        if filed is not None:  # BLACKPINK, four of five songs in K-pop playlists, though no listener tagged the act
            canonical = np.maximum(canonical, FILED_SHARE * filed)
        # A song by a band listeners call by the genre's own name is of the genre as much as a song filed under it:
        # the charts' songs carry only playlist labels, and no playlist is labelled 'metal' (a plain 'metal' was six
        # netlabel tracks before Metallica or Iron Maiden). A sub-genre's bands do not (Jonas Brothers, 'pop rock').
        score = np.maximum(score, np.where(self.heard, own_tag, 0.0))
        for term in terms:  # a song sung in the language is of its place like a song a playlist files there
            if (language := self.language(term)) is not None and (column := self.tag_index(term.name)) is not None:
                score, which = self.sung.placed_score(language, score, which, column)
            elif (language := self.sung_place(term)) is not None and (place := term.modifier[:1]):
                # its reason is the place ('french'), not the playlist that filed Stromae's song ('southern hip hop')
                which = np.where(self.sung.sung_in(language), np.int32(place[0]), which).astype(np.int32)
        return read_only((0.5 * score + 0.5 * canonical).astype(np.float32)), read_only(self._asked_for(terms, which))

    def _filed(self, named: Sequence[int]) -> FloatArray | None:
        """Per track: the share of its artist's songs that playlists' names file under a scene's own tags
        (`FILED_SCENES`), for artists with at least `FILED_LEAST` such songs; None when no such scene is asked.

        Playlist names say what a song is (`segue.catalog.playlist_names`), and an act most of whose songs sit in
        'K-Party' playlists is a K-pop act though it came after the listening data: "kpop" and "popular kpop songs"
        led with SHINee and f(x), listeners' K-pop of 2011, and left out BTS, BLACKPINK and TWICE. Labels of the
        dataset's own genre fields ('pop', 'rap') are left out: they file every chart act."""
        sig = self.signals
        names = sig.catalog.tag_names
        columns = [c for c in named if sig.listener_column[c] and names[c] in FILED_SCENES]
        if not columns:
            return None
        on = (sig.track_tag_weight(columns) >= FILED_WEIGHT).astype(np.float32)
        filed = np.bincount(sig.track_artist, weights=on, minlength=sig.catalog.n_artists)
        share = np.where(filed >= FILED_LEAST, filed / np.maximum(sig.artist_songs, 1), 0.0)
        # Acts the charts know well: a netlabel's release styles file all its songs too, and a small act found only
        # in one 'Jazz Rap' playlist is a discovery there, not one of the genre's names ('jazz rap' led with
        # blackwave. and The Mouse Outfit over Mac Miller and Saba).
        out: FloatArray = np.where(sig.artist_renown >= FILED_RENOWN, share[sig.track_artist], 0.0).astype(np.float32)
        return out

    def exemplary(
        self, terms: Sequence[GenreTerm], which: NDArray[np.int32]
    ) -> tuple[NDArray[np.int32], NDArray[np.bool_]]:
        """For a surprise mix, which shows each genre by example: per track, the first asked genre its artist's
        listeners file it under at `EXEMPLAR_VOUCH` or more (`which` where that one is), and whether any is. A
        playlist label had lent 'Brown Eyed Girl' to hip hop and 'All of Me' to the mix's Latin."""
        fits = np.zeros(which.shape, dtype=bool)
        named = np.zeros(which.shape, dtype=bool)
        out = which.copy()
        for term in reversed(terms):  # the first asked genre that fits names it, unless `which` already does
            column = self.tag_index(term.name)
            if column is None or term.modifier:
                continue
            filed = self.signals.style_weight(self._heard(term)) >= EXEMPLAR_VOUCH
            named |= (which == column) & filed
            out = np.where(filed, column, out).astype(np.int32)
            fits |= filed
        return np.where(named, which, out).astype(np.int32), fits

    def _same_heads(self, name: str) -> list[int]:
        """The catalog columns of the head's other words (`SAME_HEADS`: 'rap' for 'hip hop')."""
        return [i for i in map(self.tag_index, SAME_HEADS.get(name, ())) if i is not None]

    def _asked_for(self, terms: tuple[GenreTerm, ...], which: NDArray[np.int32]) -> NDArray[np.int32]:
        """Which tag names a track's genre: a playlist label under the asked genre ('southern hip hop' for Public
        Enemy, 'brutal death metal' for a Ricardo Arjona ballad in 'rock en español') gives way to the asked genre's
        own tag, as the reason says it; a listeners' tag ('pop punk' for Fall Out Boy) stays."""
        sig = self.signals
        asked = np.full(len(sig.listener_column), -1, dtype=np.int32)
        for term in reversed(terms):  # the first term that holds a column names it
            named = None if term.modifier else self.tag_index(term.name)
            if named is not None and named in term.columns:
                asked[[*term.columns, *self._same_heads(term.name)]] = named  # 'hip hop', not the charts' 'rap'
        at = np.maximum(which, 0)
        label = (which >= 0) & ~sig.listener_column[at] & (asked[at] >= 0)
        return np.where(label, asked[at], which).astype(np.int32)

    def exemplars(self, genres: Sequence[str], limit: int = EXEMPLARS) -> tuple[EntityRef, ...]:
        """The artists listeners file under the genres most, weighted by how known they are: whom a genre with no
        songs of its own is like ('saxophone': Charlie Parker, Stan Getz). Playlist labels name no one."""
        sig = self.signals
        catalog = sig.catalog
        columns = [i for i in (self.tag_index(g) for g in genres) if i is not None and sig.listener_column[i]]
        if not columns:
            return ()
        weight, _ = sig.artist_weight_any_rank(columns)
        weight = np.where(weight >= MODIFIER_MIN_WEIGHT, weight, 0.0)
        ranked = weight * (0.1 + np.nan_to_num(np.asarray(catalog.artist_popularity, dtype=np.float32)))
        top = [int(a) for a in np.argsort(-ranked, kind="stable")[:limit] if ranked[a] > 0]
        return tuple(EntityRef(a, catalog.artist(a).id, catalog.artist(a).name) for a in top)

    def home(self, seeds: Sequence[int]) -> FloatArray | None:
        """Per track, how strongly its artist shares the seeds' home scene (0..1); None when the seeds have none.

        The listening data of 2011 pairs artists across languages: Stromae's co-listeners gave Akcent and House of
        Pain, Caetano Veloso's Bob Dylan and Elton John, and "like Stromae but calmer" was West Coast rap. Songs
        sung in the language the seeds sing are `sung_home`."""
        names = self.signals.catalog.tag_names
        places: list[int] = []
        for seed in seeds:
            cols, weights = self.signals.artist_tag_row(seed, own=True)
            wordless = sum(w for c, w in zip(cols, weights, strict=True) if names[c] in WORDLESS_TAGS)
            wordless = max([wordless, *(w for c, w in zip(cols, weights, strict=True) if names[c] in TECHNO_TAGS)])
            places += [
                int(c)
                for c, w in zip(cols, weights, strict=True)
                if w >= HOME_MIN and names[c] in HOME_PLACES and w > wordless
            ]
        if not places:
            return None
        weight = self.signals.artist_tag_weight(list(dict.fromkeys(places)))
        shared: FloatArray = np.clip(weight / HOME_FULL, 0.0, 1.0).astype(np.float32)
        return shared

    def home_likeness(self, seeds: Sequence[int]) -> FloatArray:
        """Per track, how far its artist's style is the seeds' own once where they come from is left out
        (`HOME_FLOOR` to 1 from `HOME_LIKENESS`): a home scene is the seeds' scene more than their country ('like
        einstürzende neubauten' had Fler and Haftbefehl, German gangster rap sharing only the tag 'german')."""
        cosine = self.signals.style_cosine_without(seeds, self._place_columns)
        if cosine is None:
            return np.ones(self.signals.catalog.n_tracks, dtype=np.float32)
        likeness: FloatArray = (HOME_FLOOR + (1 - HOME_FLOOR) * np.clip(cosine / HOME_LIKENESS, 0.0, 1.0))[
            self.signals.track_artist
        ]
        return likeness

    @cached_property
    def _place_columns(self) -> list[int]:
        names = self.signals.catalog.tag_names
        return [i for i, name in enumerate(names) if name in NATIONALITIES or name in _COUNTRY_TAGS]

    def sung_home(self, seeds: Sequence[int]) -> FloatArray | None:
        """1 for songs sung in the language the seeds sing when it is not English (what the acts sing: Rim'K's
        peers rap in French, whatever their tags say), else None."""
        own = [self.signals.catalog.tracks_of(a) for a in seeds]
        language = self.sung.of_tracks(np.concatenate(own)) if own else None
        if language is None:
            return None
        return self.sung.sung_in(language).astype(np.float32)

    def spoken_score(self, languages: Sequence[str], moods: Sequence[str]) -> FloatArray | None:
        """'canciones tristes para llorar', 'musique pour la route': 1 for songs of the scenes the request's
        language speaks for, else 0 (every such answer was the same English list); of either scene when two
        languages fit the words alike ('música triste'). None for English, and for moods without words to hear
        (sleep, focus, instrumental)."""
        if set(moods) & WORDLESS_MOODS:
            return None
        lively = bool(moods) and set(moods) <= LIVELY_MOODS
        scores = [score for score in (self.spoken(language, lively) for language in languages) if score is not None]
        if len(scores) < 2:
            return scores[0] if scores else None
        either: FloatArray = np.maximum.reduce(scores)
        return either

    def origin(self, terms: Sequence[GenreTerm], which: NDArray[np.int32] | None) -> NDArray[np.int32] | None:
        """Per track, which requested genre family it answers (-1: none), so 'jazz and lo-fi' shares the answer
        between them like two seed artists do; None with fewer than two families ('rap' and 'hip hop', or 'prog rock'
        inside 'progressive rock', are one family: most tracks of the smaller are also the larger's). One shared
        pair no longer undoes the rest: the surprise mix's 'soul' beside 'r&b' left it all r&b."""
        if which is None or len(terms) < 2:
            return None
        masks = [self.mask([t]) for t in terms]
        family = list(range(len(terms)))  # each term's family: the first earlier term it shares most songs with
        for (i, a), (j, b) in combinations(enumerate(masks), 2):
            if family[j] == j and int((a & b).sum()) > SAME_FAMILY * max(1, min(int(a.sum()), int(b.sum()))):
                family[j] = family[i]
        heads = list(dict.fromkeys(family))
        if len(heads) < 2:
            return None
        lookup = np.full(int(max(which.max(), 0)) + 1, -1, dtype=np.int32)
        for pos, term in reversed(list(enumerate(terms))):
            cols = [c for c in (*term.own, *term.columns) if c < lookup.size]
            lookup[cols] = heads.index(family[pos])
        return np.where(which >= 0, lookup[np.maximum(which, 0)], -1).astype(np.int32)

    def _other_tongues(self, language: str) -> NDArray[np.bool_]:
        """`other_tongues`: the scenes of `SPOKEN_PLACES` and `SUNG_ELSEWHERE`, by listener tags only, never a
        playlist's 'latin' label. Cached, read-only."""
        sig = self.signals
        if language != "en":  # 'in spanish' is read as the scene's own tag (`GenreScan._placed`)
            return read_only(np.zeros(sig.catalog.n_tracks, dtype=bool))
        tags = [t for lang, places in SPOKEN_PLACES.items() if lang != language for t in places]
        columns = [c for c in map(self.tag_index, (*tags, *SUNG_ELSEWHERE)) if c is not None]
        weight = np.maximum(sig.tag_columns_score(columns)[0], sig.artist_tag_weight(columns))
        # Sung in another language by the title (Bad Bunny's songs, though no listener tagged him), and not the
        # English songs a scene's act sings (Shakira's 'Hips Don't Lie').
        placed = (weight >= SPOKEN_MIN) & ~self.sung.sung_in(language)
        return read_only(placed | self.sung.elsewhere(language))

    def _spoken(self, language: str, lively: bool = False) -> FloatArray | None:
        """Per track, 1 when it is of a scene the language speaks for ('es': Spanish, Mexican, Argentine...), else 0;
        None for English and languages without one. Cached, read-only."""
        columns = [c for c in map(self.tag_index, SPOKEN_PLACES.get(language, ())) if c is not None]
        genres = [c for c in map(self.tag_index, SPOKEN_GENRES.get(language, ()) if lively else ()) if c is not None]
        if not columns and not genres:
            return None
        sig = self.signals
        # Artists listeners know: a netlabel's 'german' release style says where a label sits, not a song's words;
        # and songs whose sound is measured, so the mood they share the answer for is heard, not guessed from tags.
        placed = np.zeros(sig.catalog.n_tracks, dtype=bool)
        if columns:
            weight = np.maximum(sig.tag_columns_score(columns)[0], sig.artist_tag_weight(columns))
            placed = (weight >= SPOKEN_MIN) & self.known
        if genres:  # a genre sung in the language says it of its own songs, known act or not
            placed |= sig.tag_columns_score(genres)[0] >= SPOKEN_MIN
        # Songs sung in it by acts listeners tagged join (Bénabar's, though the listening data barely links him;
        # netlabel and new acts' would lead every such answer); songs its acts sing in another language, or without
        # words, leave (Martin Solveig's for 'des chansons').
        # Under a lively mood, where the language has no dance genres of its own to say it (`SPOKEN_GENRES`), a song
        # sung in it counts by any act the charts measured: 'musica pra festa' had no Brazilian song, the charts'
        # acts (Dennis DJ, Vitão) tagged by nobody. Spanish has its genres; its titles' guesses added freestyle acts.
        tagged = sig.listener_tagged[sig.track_artist] | (lively and language not in SPOKEN_GENRES)
        placed = (placed & ~(self.sung.elsewhere(language) | self.sung.wordless)) | (
            self.sung.sung_in(language) & tagged
        )
        return read_only((placed & sig.has_features).astype(np.float32))

    def modifier_score(self, terms: Sequence[GenreTerm]) -> FloatArray | None:
        """How strongly each track's artist carries a scene's modifier (ranks the narrowed head by it)."""
        places = [c for t in terms if not t.voice for c in t.modifier]
        voices = [c for t in terms if t.voice for c in t.modifier]
        if not places and not voices:
            return None
        sig = self.signals
        score = np.zeros(sig.catalog.n_tracks, dtype=np.float32)
        if places:
            score = np.maximum(score, sig.artist_tag_weight(places))
        if voices:
            score = np.maximum(score, np.clip(sig.artist_tag_weight(voices) / VOICE_FULL, 0.0, 1.0))
        # A netlabel artist with three release styles ('german, hip hop, rap') carries each at full weight; like
        # the genre's canonical weight, that says less than listeners calling a known artist so.
        discounted: FloatArray = np.where(self.known, score, LABELS_ONLY_SHARE * score).astype(np.float32)
        for term in terms:  # sung in the place's language: as French as an act listeners tag 'french'
            if (language := self.sung_place(term)) is not None:
                discounted = np.where(self.sung.sung_in(language), np.float32(1.0), discounted)
        return discounted
