"""Which language each song is sung in, read from its title and its artist's other titles at catalog build.

"Songs in French" answered with Daft Punk, Justice and Martin Solveig: the catalog's 'french' tag says where an act
is from, not what it sings, and Stromae's peers who came after the tagging years (Rim'K, MZ) carry no place tag
at all. A title is short evidence, so one title decides little: an artist's titles are pooled, weighted by how
sure the detector is of each (`lingua`, trained for short text), with the artist's place tag as a prior, and each
of its sung songs takes the artist's language unless its own title clearly says another ('Qué vendrá' by Zaz).
Songs nobody sings (measured instrumentals, a netlabel's techno) have no language. Without the detector's wheel
(an optional build dependency, like the word vectors) every song is of unknown language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from segue.catalog.layout import SUNG_LANGUAGES, SUNG_UNKNOWN, SUNG_WORDLESS
from segue.catalog.merge import TrackRow
from segue.domain import FEATURE_NAMES

__all__ = ["UNKNOWN", "WORDLESS", "sung_languages", "title_languages"]

UNKNOWN = SUNG_UNKNOWN
WORDLESS = SUNG_WORDLESS
ONE_WORD = 0.7
"""Weight of a one-word title's evidence ('Renaissance' and 'Ersatz' read as French and German)."""
PLACE_PRIOR = 1.0
"""Weight of an artist's place tag ('french' at 0.5 counts as half a sure title in French)."""
ARTIST_LEAST = 0.65
"""Evidence a language other than English needs (in sure titles' worth) before an artist's songs take it, when the
artist has a place tag of it. Less let the tag decide alone: Justice's 'french' (0.42) made 'Stop' and 'DVNO' French
songs, though it let Rammstein's 'Du hast' in too."""
UNPLACED_LEAST = 0.9
"""The same for an artist without a place tag of that language: Punjabi, Tagalog and Spanish titles read as French
at 0.5-0.8, so one title must be sure ('Sacré cœur'), or several must agree."""
ENGLISH_LEAST = 0.3
"""English needs less: it is what most of the catalog sings, and its short titles are the least sure
('Get Lucky' is 0.29 English)."""
ARTIST_MARGIN = 1.2
"""How many times the next language's evidence an artist's language other than English must hold."""
TITLE_SURE = 0.9
"""A title of several words this sure of a language is sung in it, when its artist's language is not known."""
TITLE_OVERRIDES = 0.9
TITLE_OVERRIDE_WORDS = 3
"""A title of at least this many words, this sure of another language than its artist's, is sung in that one
('Déjà Vu' by Katy Perry stays English)."""
ENGLISH = SUNG_LANGUAGES.index("en")
ENGLISH_TITLE = 0.5
"""An English title this sure, of two words or more, is an English song whoever sings it: Shakira's 'Hips Don't
Lie' and 'Whenever, Wherever' are not sung in Spanish (K-pop's English titles are not either, and stay unread
by the answers: `scenes` asks this only of the languages whose songs' titles are theirs)."""
INSTRUMENTAL = 0.5
"""From this measured instrumentalness a track has no words to be sung in."""

PLACE_LANGUAGES: dict[str, str] = {
    "french": "fr",
    "chanson": "fr",
    "chanson francaise": "fr",
    "spanish": "es",
    "mexican": "es",
    "argentina": "es",
    "colombian": "es",
    "rock en espanol": "es",
    "brazilian": "pt",
    "brazil": "pt",
    "mpb": "pt",
    "portuguese": "pt",
    "german": "de",
    "austrian": "de",
    "deutsch": "de",
    "deutschrap": "de",
    "german hiphop": "de",
    "italian": "it",
    "japanese": "ja",
    "j pop": "ja",
    "korean": "ko",
    "k pop": "ko",
}
"""Listeners' place tags that say which language an artist sings in, absent other evidence."""
LABEL_LANGUAGES: dict[str, str] = {"latin": "es", "latin pop": "es", "reggaeton": "es", "latin hip hop": "es"}
"""Playlist labels that say it as well: they sit on Latin chart playlists, sung in Spanish but for the crossover
hits (an act with listener tags needs two titles in a language besides, so Jack Johnson stays English)."""

VOICED = frozenset(
    {
        "pop",
        "rock",
        "hip hop",
        "rap",
        "folk",
        "punk",
        "chanson",
        "singer songwriter",
        "soul",
        "reggae",
        "world",
        "vocal",
        "indie",
        "metal",
        "blues",
        "country",
        "funk soul",
        "pop rock",
        "hard rock",
        "soft rock",
        "alternative",
    }
)
"""Netlabel genres sung more often than not: a netlabel track has no measured instrumentalness."""
WORDLESS_GENRES = frozenset(
    {
        "instrumental",
        "ambient",
        "idm",
        "glitch",
        "techno",
        "minimal",
        "classical",
        "orchestral",
        "modern classical",
        "drone",
        "experimental",
        "post rock",
        "chiptune",
        "downtempo",
        "tech house",
        "deep house",
        "trance",
        "dub techno",
        "electro house",
        "drum and bass",
        "drum n bass",
        "dubstep",
        "breakbeat",
        "piano",
        "soundtrack",
    }
)
"""Netlabel genres and styles mostly without words, even beside a sung one ('electronic, pop' synth instrumentals)."""

_SEPARATORS = re.compile(r"[\s\-/&]+")


def _key(name: str) -> str:
    """A tag name with its separators as single spaces: 'k-pop' and 'funk / soul' as the tables spell them."""
    return _SEPARATORS.sub(" ", name.casefold()).strip()


_SUFFIX = re.compile(r"\s*(?:\(|\[|\s[-–]\s).*$")
"""What follows a title proper: ' - Radio Edit', '(feat. ...)', '[Remix]'."""
_WORKS = re.compile(
    r"(?i)(?::|\bop\.|\bopus\b|\bbwv\b|\bk\.\s?\d|\bno\.\s?\d|symphon|sonat|concert|prelud|fugue|nocturne|movement|"
    r"\bmvt\b|allegro|andante|adagio|largo|presto|scherzo)"
)
"""A classical work's title is in its composer's language or a catalogue's, not sung words."""


_CRIED = re.compile(r"(\w)\1\1")
"""A letter three times over is a cry ('OOOUUU', read as French), not a language."""


def _title_of(raw: str) -> str:
    title = _SUFFIX.sub("", raw).strip()
    return "" if not title or _WORKS.search(title) or _CRIED.search(title.casefold()) else title


def title_languages(titles: Sequence[str]) -> NDArray[np.float32] | None:
    """Per title, the detector's confidence in each of `SUNG_LANGUAGES` (rows sum to at most 1; zeros for an empty
    or classical title); None without the detector."""
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:
        return None
    codes = [getattr(IsoCode639_1, code.upper()) for code in SUNG_LANGUAGES]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
    cleaned = [_title_of(t) for t in titles]
    column = {code: k for k, code in enumerate(codes)}
    out = np.zeros((len(titles), len(codes)), dtype=np.float32)
    for row, values in enumerate(detector.compute_language_confidence_values_in_parallel(cleaned)):
        if cleaned[row]:
            for value in values:
                out[row, column[value.language.iso_code_639_1]] = value.value
    for row, title in enumerate(cleaned):
        if len(title.split()) < 2:
            out[row] *= ONE_WORD
    return out


def _voiced(tracks: Sequence[TrackRow], genres: Sequence[Sequence[str]]) -> NDArray[np.bool_]:
    """Per track, whether it likely has words: measured as not instrumental, or a netlabel's sung genre."""
    at = FEATURE_NAMES.index("instrumentalness")
    out = np.zeros(len(tracks), dtype=bool)
    for i, (track, names) in enumerate(zip(tracks, genres, strict=True)):
        measured = track.features[at] if at < len(track.features) else None
        if measured is not None and not np.isnan(measured):
            out[i] = measured < INSTRUMENTAL
        else:
            said = {_key(name) for name in names}
            out[i] = bool(said & VOICED) and not said & WORDLESS_GENRES
    return out


def _place_priors(
    artist_tags: sp.csr_matrix, tag_names: Sequence[str]
) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """(n_artists, languages) twice: the artist's weight for a place tag of each language, and for a playlist label
    only Spanish is sung under ('latin', 'reggaeton': 'Te Fallé' read as French)."""
    places = np.zeros((artist_tags.shape[0], len(SUNG_LANGUAGES)), dtype=np.float32)
    labels = np.zeros_like(places)
    for column, name in enumerate(tag_names):
        place = PLACE_LANGUAGES.get(_key(name))
        language = place or LABEL_LANGUAGES.get(_key(name))
        if language is not None:
            into = places if place else labels
            k = SUNG_LANGUAGES.index(language)
            into[:, k] = np.maximum(into[:, k], artist_tags[:, column].toarray().ravel())
    return places, labels


def _artist_languages(
    pooled: NDArray[np.float32], placed: NDArray[np.bool_], titles: NDArray[np.int64], listened: NDArray[np.bool_]
) -> tuple[NDArray[np.int64], NDArray[np.bool_]]:
    """Per artist, its language and whether the evidence decides it. English needs little; another language
    needs `ARTIST_LEAST` and a margin over the next, and for an act listeners tagged without any place of it, two
    titles in it: one 'Déjà Vu' makes no French singer of Roger Waters."""
    best = pooled.argmax(axis=1)
    held = pooled.max(axis=1)
    ahead = held >= ARTIST_MARGIN * np.partition(pooled, -2, axis=1)[:, -2]
    placed_best = placed[np.arange(best.size), best]
    vouched = placed_best | ~listened | (titles >= 2)
    enough = (held >= np.where(placed_best, ARTIST_LEAST, UNPLACED_LEAST)) & ahead & vouched
    return best, np.where(best == ENGLISH, held >= ENGLISH_LEAST, enough)


def sung_languages(
    tracks: Sequence[TrackRow],
    track_genres: Sequence[Sequence[str]],
    artist_tags: sp.csr_matrix,
    tag_names: Sequence[str],
    listened: NDArray[np.bool_],
    evidence: NDArray[np.float32] | None = None,
) -> NDArray[np.int8]:
    """Per track, the index in `SUNG_LANGUAGES` of the language it is sung in; `UNKNOWN`, or `WORDLESS` for a
    track without words. `listened`: per artist, whether listeners tagged it (a place tag they left out says
    something). `evidence` is `title_languages` of the tracks' titles (computed here when not given; every
    language is unknown without the detector)."""
    n = len(tracks)
    if evidence is None:
        evidence = title_languages([t.title for t in tracks])
    voiced = _voiced(tracks, track_genres)
    if evidence is None or n == 0:
        return np.where(voiced, UNKNOWN, WORDLESS).astype(np.int8)
    artist = np.array([t.artist for t in tracks], dtype=np.int64)
    places, labels = _place_priors(artist_tags, tag_names)
    prior = np.maximum(places, labels)
    pooled = prior * np.float32(PLACE_PRIOR)
    np.add.at(pooled, artist[voiced], evidence[voiced])
    own, sureness = evidence.argmax(axis=1), evidence.max(axis=1)
    best = pooled.argmax(axis=1)
    titles = np.bincount(artist[voiced & (own == best[artist]) & (sureness > 0)], minlength=pooled.shape[0])
    best, decided = _artist_languages(pooled, prior > 0, titles, listened)
    words = np.array([len(_title_of(t.title).split()) for t in tracks])
    alone = (sureness >= TITLE_SURE) & (words >= 2) & ~listened[artist]
    out = np.where(decided[artist], best[artist], np.where(alone, own, UNKNOWN))
    overrides = decided[artist] & (sureness >= TITLE_OVERRIDES) & (words >= TITLE_OVERRIDE_WORDS)
    # An English title by an act that mostly sings another language is mostly an English song ('Hips Don't Lie');
    # a title leaning to the language of the act's own place is in it, when the act sings another language than
    # English (Zaz sings 'Qué vendrá', and 'La vie en rose'; Phoenix's 'Fleur de Lys' is English).
    overrides |= (own == ENGLISH) & (sureness >= ENGLISH_TITLE) & (words >= 2)
    placed = places > 0
    overrides |= decided[artist] & (best[artist] != ENGLISH) & (sureness > 0) & placed[artist, own]
    out = np.where(overrides, own, out)
    return np.where(voiced, out, WORDLESS).astype(np.int8)
