"""The catalog built from the real shared datasets: counts, merging, lookups and neighbours that the data supports."""

from __future__ import annotations

import numpy as np
import pytest

from segue.catalog.layout import SUNG_LANGUAGES
from segue.catalog.stats import catalog_stats, render_text
from segue.catalog.store import SOURCES, Catalog
from segue.domain import FEATURE_NAMES
from segue.text import artist_key, stable_id

pytestmark = pytest.mark.datasets


def artist(cat: Catalog, name: str) -> int:
    match = cat.exact_artist(name)
    assert match is not None, name
    return match.index


def neighbor_names(cat: Catalog, index: int, table: np.ndarray, k: int = 20) -> set[str]:
    return {cat.artist(int(j)).name for j in table[index][:k] if j >= 0}


def test_counts_are_sane(built_catalog: Catalog) -> None:
    cat = built_catalog
    by_source = np.bincount(cat.track_source, minlength=len(SOURCES))
    # 28,356 Spotify ids; ~1,800 are the same song re-released (single + album) and merge: ~26k songs.
    assert 25_000 <= by_source[SOURCES.index("spotify-songs")] <= 28_356
    # 21,502 freemusicc rows minus untitled rows and compilation duplicates of the same track.
    assert 20_000 <= by_source[SOURCES.index("freemusicc")] <= 21_502
    assert cat.n_tracks == by_source.sum()
    assert 25_000 <= cat.n_artists <= 36_000  # 10.7k + 17.6k + 6.6k names, merged
    assert 1_000 <= len(cat.tag_names) <= 5_000
    assert cat.features.shape == (cat.n_tracks, len(FEATURE_NAMES))
    assert cat.track_tags.shape == (cat.n_tracks, len(cat.tag_names))
    assert cat.artist_tags.shape == (cat.n_artists, len(cat.tag_names))
    assert cat.artist_neighbors.shape == (cat.n_artists, 50)


def mapped(array: object) -> bool:
    """True when the array is (a view of) a memory map, i.e. opening the catalog copied nothing."""
    while array is not None:
        if isinstance(array, np.memmap):
            return True
        array = getattr(array, "base", None)
    return False


def test_arrays_are_memory_mapped(built_catalog: Catalog) -> None:
    cat = built_catalog
    for array in (
        cat.features,
        cat.artist_neighbors,
        cat.track_tags.data,
        cat.track_tags.indices,
        cat.artist_tags.indptr,
    ):
        assert mapped(array)


def test_features_popularity_and_years_in_range(built_catalog: Catalog) -> None:
    cat = built_catalog
    spotify = cat.track_source == SOURCES.index("spotify-songs")
    assert not np.isnan(cat.features[spotify]).any()
    assert np.isnan(cat.features[~spotify]).all()
    tempo = cat.features[spotify, FEATURE_NAMES.index("tempo")]
    assert 40 < np.median(tempo) < 200  # raw BPM, not rescaled
    assert np.nanmax(cat.track_popularity) <= 1.0
    assert np.isnan(cat.track_popularity[~spotify]).all()
    assert cat.artist_popularity.min() >= 0.0
    assert cat.artist_popularity.max() == pytest.approx(1.0)
    known_years = cat.track_year[cat.track_year > 0]
    assert known_years.min() >= 1900
    assert known_years.max() <= 2021
    tags = cat.track_tags.to_scipy()
    norms = np.sqrt(np.asarray(tags.multiply(tags).sum(axis=1)).ravel())
    assert np.allclose(norms[norms > 0], 1.0, atol=1e-4)


def test_track_in_several_playlists_is_one_track(built_catalog: Catalog) -> None:
    # "Blinding Lights" (0sf12qNH5qcw8qpgymFOqD) is in 8 playlists filed under pop, r&b, latin and edm.
    cat = built_catalog
    hits = cat.search_tracks("blinding lights by the weeknd", limit=5)
    tracks = [cat.track(h.index) for h in hits if cat.track(h.index).title == "Blinding Lights"]
    assert len(tracks) == 1
    track = tracks[0]
    assert track.external_id == "0sf12qNH5qcw8qpgymFOqD"
    assert {"pop", "r&b", "latin", "edm"} <= set(track.genres)
    assert track.source == "spotify-songs"
    assert track.mp3_url is None
    assert track.license is None


def test_one_artist_across_datasets(built_catalog: Catalog) -> None:
    cat = built_catalog
    radiohead = cat.artist(artist(cat, "radiohead"))
    assert {"spotify-songs", "hetrec2011-lastfm-2k"} <= set(radiohead.sources)
    assert radiohead.id == stable_id("a", artist_key("Radiohead"))
    assert cat.artist_index(radiohead.id) == artist(cat, "radiohead")
    # HetRec artist 154 is Radiohead: the lastfm-folds ids map onto the same catalog artist.
    assert cat.artist_index_for_hetrec(154) == artist(cat, "radiohead")
    beyonce = cat.artist(artist(cat, "beyonce"))
    assert beyonce.name == "Beyoncé"
    assert {"spotify-songs", "hetrec2011-lastfm-2k"} <= set(beyonce.sources)
    titles = {cat.track(int(t)).title for t in cat.tracks_of(artist(cat, "beyonce"))}
    assert "Halo" in titles
    assert "alternative" in radiohead.genres


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("radiohed", "Radiohead"),
        ("beyonce", "Beyoncé"),
        ("sigur ros", "Sigur Rós"),
        ("daft pnk", "Daft Punk"),
        ("the beatles", "The Beatles"),
        ("BEATLES", "The Beatles"),
        ("metalica", "Metallica"),
        ("radi", "Radiohead"),
    ],
)
def test_artist_lookup_forgives(built_catalog: Catalog, query: str, expected: str) -> None:
    hits = built_catalog.search_artists(query, limit=5)
    assert hits[0].name == expected
    assert len(hits) <= 5


def test_exact_lookups(built_catalog: Catalog) -> None:
    cat = built_catalog
    match = cat.exact_artist("sigur ros")
    assert match is not None
    assert (match.name, match.score) == ("Sigur Rós", 100.0)
    assert cat.exact_artist("radiohed") is None
    tag = cat.exact_tag("hip hop")
    assert tag is not None
    assert tag.index == cat.tag_index("Hip-Hop")
    assert cat.exact_tag("no such genre at all") is None


@pytest.mark.parametrize(
    ("query", "title", "artist_name"),
    [
        ("creep by radiohead", "Creep", "Radiohead"),
        ("Daft Punk - One More Time", "One More Time", "Daft Punk"),
        ("one more time - daft punk", "One More Time", "Daft Punk"),
        ("bad guy billie eilish", "bad guy", "Billie Eilish"),
        ("dont start now", "Don't Start Now", "Dua Lipa"),
        ("smells like teen spirt", "Smells Like Teen Spirit", "Nirvana"),
    ],
)
def test_track_lookup(built_catalog: Catalog, query: str, title: str, artist_name: str) -> None:
    hit = built_catalog.search_tracks(query, limit=3)[0]
    track = built_catalog.track(hit.index)
    assert (track.title, track.artists[0]) == (title, artist_name)
    assert hit.name == f"{title} - {artist_name}"
    assert built_catalog.track_index(track.id) == hit.index


def test_tag_lookup(built_catalog: Catalog) -> None:
    assert built_catalog.search_tags("hiphop")[0].name in {"hip hop", "hip-hop"}
    assert built_catalog.search_tags("metl")[0].name == "metal"
    assert built_catalog.search_tags("r&b")[0].score == 100.0


def test_colistening_neighbours_are_plausible(built_catalog: Catalog) -> None:
    cat = built_catalog
    radiohead = artist(cat, "radiohead")
    near = neighbor_names(cat, radiohead, cat.artist_neighbors)
    assert len(near & {"Muse", "Coldplay", "Placebo", "Thom Yorke", "Sigur Rós", "Blur", "Arcade Fire"}) >= 4
    assert "Radiohead" not in near
    scores = cat.artist_neighbor_scores[radiohead]
    assert (np.diff(scores[scores > 0]) <= 1e-6).all()  # best first
    metal = neighbor_names(cat, artist(cat, "metallica"), cat.artist_neighbors)
    assert len(metal & {"Iron Maiden", "Megadeth", "Slayer", "Black Sabbath", "Pantera", "AC/DC"}) >= 4
    assert not metal & {"Britney Spears", "Rihanna", "Lady Gaga"}


def test_tag_neighbours_are_plausible(built_catalog: Catalog) -> None:
    cat = built_catalog
    near = neighbor_names(cat, artist(cat, "metallica"), cat.artist_tag_neighbors)
    assert len(near & {"Megadeth", "Slayer", "Anthrax", "Testament", "Exodus"}) >= 3
    sigur = neighbor_names(cat, artist(cat, "sigur ros"), cat.artist_tag_neighbors)
    assert len(sigur & {"Jónsi", "múm", "Amiina", "Explosions in the Sky", "Mogwai"}) >= 2


def test_freemusicc_tracks_have_free_mp3(built_catalog: Catalog) -> None:
    cat = built_catalog
    fmc = np.flatnonzero(cat.track_source == SOURCES.index("freemusicc"))
    sample = [cat.track(int(i)) for i in fmc[:: max(1, len(fmc) // 50)]]
    assert all(t.mp3_url and t.mp3_url.endswith((".mp3", ".MP3")) for t in sample)
    assert sum(1 for t in sample if t.license and "creativecommons.org" in t.license) >= 0.8 * len(sample)
    assert all(t.genres for t in sample)


def test_track_and_artist_are_cached_and_consistent(built_catalog: Catalog) -> None:
    cat = built_catalog
    i = int(cat.tracks_of(artist(cat, "radiohead"))[0])
    assert cat.track(i) is cat.track(i)
    track = cat.track(i)
    assert track.artist_ids[0] == cat.artist(int(cat.track_artist[i])).id
    assert track.title == "Creep"  # most popular Radiohead track in the Spotify data comes first
    assert cat.base_title(i) == "creep"
    with pytest.raises(IndexError):
        cat.track(cat.n_tracks)


def test_stats(built_catalog: Catalog) -> None:
    stats = catalog_stats(built_catalog)
    assert stats["tracks"] == built_catalog.n_tracks
    assert stats["mp3"]["tracks"] >= stats["tracks_by_source"]["freemusicc"]
    assert stats["audio_features"]["tracks"] == stats["tracks_by_source"]["spotify-songs"]
    assert stats["artists_with_colisten_neighbors"] > 15_000
    assert stats["top_genres"][0]["name"] in {"electronic", "pop", "rock"}
    assert "top genres" in render_text(stats)


def test_a_playlist_name_tags_its_songs_and_not_their_artists(built_catalog: Catalog) -> None:
    cat = built_catalog
    jazz_rap = cat.tag_index("jazz rap")
    assert jazz_rap is not None, "'Saxophone in Hip Hop - R&B Lounge - Jazz Rap' names the genre"
    owls = artist(cat, "The Four Owls")
    songs = cat.tracks_of(owls)
    track_tags = cat.track_tags.to_scipy()
    assert (track_tags[songs][:, jazz_rap].toarray() > 0).any()
    assert cat.artist_tags.to_scipy()[owls, jazz_rap] == 0, "one playlist files a song, it does not define the artist"
    city_pop, japanese = cat.tag_index("city pop"), cat.tag_index("japanese")
    assert city_pop is not None
    assert japanese is not None
    tagged = track_tags[:, [city_pop, japanese]].toarray() > 0
    assert tagged.all(axis=1).sum() >= 50, "'City Pop 1985 シティーポップ': city pop, and Japanese by its script"


def test_one_hetrec_listener_is_no_co_listening_evidence_where_playlists_know_the_artist(
    built_catalog: Catalog,
) -> None:
    cat = built_catalog
    weeknd = artist(cat, "The Weeknd")  # one HetRec listener in 2011
    assert (cat.artist_neighbors[weeknd] == -1).all()
    assert {"Drake", "Rihanna"} <= neighbor_names(cat, weeknd, cat.artist_playlist_neighbors)
    assert (cat.artist_neighbors[artist(cat, "Daft Punk")] >= 0).all()


def test_christmas_songs_are_flagged_by_title_album_or_label_and_saints_are_not(built_catalog: Catalog) -> None:
    cat = built_catalog
    seasonal = {cat.track(int(i)).title for i in np.flatnonzero(cat.track_seasonal)}
    assert {"All I Want for Christmas Is You", "Santa Baby", "Rudolph, The Red-Nosed Reindeer"} <= seasonal
    assert 100 <= len(seasonal) <= 600
    assert not [t for t in seasonal if "Santa Lucía" in t or "Santa Rosa" in t], "a saint is not Santa Claus"


def test_songs_know_the_language_they_are_sung_in(built_catalog: Catalog) -> None:
    """'Songs in French' answered with Daft Punk: the 'french' tag says where an act is from. Titles pooled per
    artist say what it sings (`catalog.sung`)."""
    cat = built_catalog

    def sung(name: str) -> set[str]:
        codes = {int(cat.track_sung[t]) for t in cat.tracks_of(artist(cat, name))}
        return {SUNG_LANGUAGES[c] if c >= 0 else "?" for c in codes}

    assert sung("Stromae") == {"fr"}
    assert sung("Haftbefehl") == {"de"}
    assert sung("Juanes") == {"es"}
    assert sung("Emicida") == {"pt"}
    assert sung("Eros Ramazzotti") == {"it"}
    assert "fr" not in sung("Daft Punk")
    assert "en" in sung("Daft Punk")
    assert "fr" not in sung("Phoenix")
    shakira = {cat.track(int(t)).title: int(cat.track_sung[t]) for t in cat.tracks_of(artist(cat, "Shakira"))}
    assert SUNG_LANGUAGES[shakira["Chantaje (feat. Maluma)"]] == "es"
    assert SUNG_LANGUAGES[shakira["Whenever, Wherever"]] == "en"
    counts = np.bincount(cat.track_sung[cat.track_sung >= 0], minlength=len(SUNG_LANGUAGES))
    assert counts[SUNG_LANGUAGES.index("en")] > 4 * counts[SUNG_LANGUAGES.index("es")] > 0
