"""Which language a song is sung in, from titles pooled per artist (`segue.catalog.sung`)."""

from __future__ import annotations

import math

import numpy as np
import scipy.sparse as sp

from segue.catalog.layout import SUNG_LANGUAGES
from segue.catalog.merge import TrackRow
from segue.catalog.sung import UNKNOWN, WORDLESS, sung_languages, title_languages
from segue.domain import FEATURE_NAMES

TAGS = ["french", "german", "pop", "latin"]
INSTRUMENTAL = FEATURE_NAMES.index("instrumentalness")


def _row(title: str, artist: int, instrumental: float = 0.0) -> TrackRow:
    features = [0.5] * len(FEATURE_NAMES)
    features[INSTRUMENTAL] = instrumental
    return TrackRow(
        id=f"t{title}", title=title, key=title, base=title, artist=artist, album=None, year=None,
        duration_ms=None, popularity=None, features=tuple(features), source=0,
    )  # fmt: skip


def _evidence(*rows: dict[str, float]) -> np.ndarray:
    out = np.zeros((len(rows), len(SUNG_LANGUAGES)), dtype=np.float32)
    for i, row in enumerate(rows):
        for code, value in row.items():
            out[i, SUNG_LANGUAGES.index(code)] = value
    return out


def _tags(n_artists: int, **weights: dict[int, float]) -> sp.csr_matrix:
    m = sp.lil_matrix((n_artists, len(TAGS)), dtype=np.float32)
    for tag, by_artist in weights.items():
        for artist, weight in by_artist.items():
            m[artist, TAGS.index(tag)] = weight
    return m.tocsr()


def _codes(out: np.ndarray) -> list[str]:
    return [SUNG_LANGUAGES[c] if c >= 0 else ("?" if c == UNKNOWN else "-") for c in out]


def test_an_artist_s_titles_are_pooled_and_its_place_tag_counts() -> None:
    """Stromae: neither 'Alors On Danse' (0.46) nor 'Papaoutai' (0.58 after the one-word halving) is sure alone;
    together with his 'french' tag they are, and both songs are French. Daft Punk's 'french' tag does not outweigh
    English titles."""
    tracks = [_row("Alors On Danse", 0), _row("Papaoutai", 0), _row("Get Lucky", 1), _row("One More Time", 1)]
    evidence = _evidence({"fr": 0.46, "en": 0.1}, {"fr": 0.58}, {"en": 0.5}, {"en": 0.4, "it": 0.2})
    tags = _tags(2, french={0: 0.5, 1: 0.3})
    out = sung_languages(tracks, [[]] * 4, tags, TAGS, np.array([True, True]), evidence)
    assert _codes(out) == ["fr", "fr", "en", "en"]


def test_one_unsure_title_makes_no_singer_of_an_unplaced_act() -> None:
    """A Punjabi or Tagalog title read as French at 0.5-0.8 does not make a French singer; a sure title of several
    words by an act nobody tagged does (Damso's peers without listener tags)."""
    tracks = [_row("Noypi", 0), _row("Ne partons pas fâchés", 1)]
    evidence = _evidence({"fr": 0.52}, {"fr": 0.98})
    out = sung_languages(tracks, [[]] * 2, _tags(2), TAGS, np.array([False, False]), evidence)
    assert _codes(out) == ["?", "fr"]


def test_an_act_listeners_tagged_elsewhere_needs_two_titles() -> None:
    """One 'Déjà Vu' makes no French singer of Roger Waters, whom listeners tag without any French place."""
    tracks = [_row("Déjà Vu", 0), _row("Smell the Roses", 0)]
    evidence = _evidence({"fr": 0.95}, {"en": 0.3})
    out = sung_languages(tracks, [[]] * 2, _tags(1), TAGS, np.array([True]), evidence)
    assert "fr" not in _codes(out)


def test_an_english_title_by_an_act_singing_another_language_is_english() -> None:
    """Shakira sings in Spanish, but 'Hips Don't Lie' is an English song."""
    tracks = [_row("Me Gusta", 0), _row("Chantaje", 0), _row("Clandestino", 0), _row("Hips Don't Lie", 0)]
    evidence = _evidence({"es": 0.6}, {"es": 0.5}, {"es": 0.5}, {"en": 0.8})
    out = sung_languages(tracks, [[]] * 4, _tags(1, latin={0: 0.4}), TAGS, np.array([False]), evidence)
    assert _codes(out) == ["es", "es", "es", "en"]


def test_songs_without_words_have_no_language() -> None:
    """A measured instrumental, and a netlabel's techno (no measured features), are wordless; a netlabel's rap has
    words."""
    nan = [math.nan] * len(FEATURE_NAMES)
    techno, rap = _row("Nuit blanche", 1), _row("La rue parle", 2)
    techno.features = rap.features = tuple(nan)
    tracks = [_row("Aérodynamique", 0, instrumental=0.9), techno, rap]
    genres = [[], ["electronic", "techno"], ["hip hop", "rap"]]
    evidence = _evidence({"fr": 0.99}, {"fr": 0.99}, {"fr": 0.99})
    out = sung_languages(tracks, genres, _tags(3), TAGS, np.zeros(3, dtype=bool), evidence)
    assert list(out[:2]) == [WORDLESS, WORDLESS]
    assert _codes(out)[2] == "fr"


def test_the_detector_reads_titles_and_leaves_works_and_cries_unread() -> None:
    """The `words` extra installs the detector (`make venv`): a missing wheel must fail here, not leave every song
    unknown. A classical work's title and a cry ('OOOUUU') say nothing of sung words."""
    titles = ["Ne partons pas fâchés", "Der Bratan bleibt der gleiche", "Ahora Te Puedes Marchar", "Sinfonia No. 5",
              "OOOUUU"]  # fmt: skip
    evidence = title_languages(titles)
    assert evidence is not None
    best = [SUNG_LANGUAGES[int(k)] for k in evidence.argmax(axis=1)]
    assert best[:3] == ["fr", "de", "es"]
    assert not evidence[3:].any()
