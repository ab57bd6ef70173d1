"""End-to-end build on a tiny four-dataset tree whose right answers are known; atomic replace; open errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from segue.catalog import build as build_module
from segue.catalog.build import build_catalog
from segue.catalog.layout import SCHEMA_VERSION
from segue.catalog.store import Catalog
from segue.errors import CatalogError, CatalogNotBuiltError, CatalogOutdatedError, DatasetError
from segue.text import artist_key, stable_id

HEADER = (
    "track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,track_album_release_date,"
    "playlist_name,playlist_id,playlist_genre,playlist_subgenre,danceability,energy,key,loudness,mode,speechiness,"
    "acousticness,instrumentalness,liveness,valence,tempo,duration_ms"
)
SPOTIFY = [
    # id, name, artist, popularity, album, date, playlist, genre, subgenre, energy
    ("t1", "Creep", "Radiohead", 80, "Pablo Honey", "1993-02-22", "p1", "rock", "album rock", 0.43),
    ("t1", "Creep", "Radiohead", 80, "Pablo Honey", "1993-02-22", "p2", "pop", "indie poptimism", 0.43),
    ("t1", "Creep", "Radiohead", 80, "Pablo Honey", "1993-02-22", "p7", "rock", "album rock", 0.43),
    ("t2", "Creep - Live", "Radiohead", 40, "Live", "1994", "p1", "rock", "album rock", 0.6),
    ("t3", "Karma Police", "Radiohead", 70, "OK Computer", "1997-05", "p1", "rock", "album rock", 0.5),
    ("t4", "Karma Police", "Radiohead", 50, "Karma Police", "1997-08-25", "p3", "rock", "permanent wave", 0.51),
    ("t5", "Halo", "Beyoncé", 75, "I Am... Sasha Fierce", "2008-11-18", "p4", "r&b", "neo soul", 0.72),
    ("t6", "One More Time", "Daft Punk", 78, "Discovery", "2001-03-07", "p5", "edm", "electro house", 0.7),
    ("t7", "Hip Hop Song", "MC Test", 10, "Mixtape", "2015", "p6", "rap", "hip hop", 0.8),
    ("t8", "Halo - Remastered 2010", "Beyoncé", 20, "Hits", "2010-01-01", "p4", "r&b", "neo soul", 0.72),
]
RELEASES = (
    "activity,album,artist,catalog,duration,genre,id,label,licenseurl,rating,style,totaldiscs,totaltracks,url,year\n"
    '2.0,Takk,Sigur Ros,CAT1,300,Rock,rel1,Label,http://creativecommons.org/licenses/by/3.0/,3.0,"Post Rock, Ambient"'
    ",1,2,u,2005\n"
    """1.5,Sampler,Various Artists,,600,Electronic,rel2,Label,,2.0,"Compilation, IDM",1,3,u,2010
"""
)
TRACKS = """activity,disc,duration,id,rating,title,track,trackartist,trackurl
2,1,245,rel2,4,Hoppípolla,1,Sigur Ros,http://archive.org/download/rel2/01.mp3
2,1,245,rel1,4,Hoppípolla,1,Sigur Ros,http://archive.org/download/rel1/01.mp3
1,1,190,rel2,2,Digital Love,3,Daft Punk,http://archive.org/download/rel2/03.mp3
"""
HETREC_ARTISTS = {1: "Radiohead", 2: "Sigur Rós", 3: "Beyoncé", 4: "Daft Punk", 5: "Muse", 6: "Radiohead feat. Guest"}
LISTENS = [(10, 1, 500), (10, 5, 300), (11, 1, 200), (11, 5, 100), (12, 1, 50), (12, 2, 40), (13, 3, 90), (13, 4, 80)]
TAGS = {1: "alternative", 2: "post-rock", 3: "seen live", 4: "électro", 5: "Hip-Hop", 6: "Love at first listen"}
TAGGED = [(10, 1, 1), (11, 1, 1), (10, 1, 3), (11, 1, 3), (10, 2, 2), (12, 2, 2), (10, 4, 4), (12, 3, 5), (13, 3, 5)]
TAGGED += [(10, 5, 6), (11, 5, 6)]  # two users, but an opinion: not a tag


def make_datasets(root: Path) -> Path:
    """Write the four dataset folders in their upstream formats."""
    for folder in ("spotify-songs", "freemusicc", "hetrec2011-lastfm-2k", "lastfm-folds"):
        (root / folder).mkdir(parents=True)
    lines = [HEADER]
    for tid, name, artist, pop, album, date, pl, genre, sub, energy in SPOTIFY:
        lines.append(
            f"{tid},{name},{artist},{pop},alb,{album},{date},P,{pl},{genre},{sub},"
            f"0.5,{energy},1,-7.5,1,0.05,0.1,0.0,0.12,0.4,120.0,200000"
        )
    (root / "spotify-songs" / "spotify_songs.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "freemusicc" / "releases.csv").write_text(RELEASES, encoding="utf-8")
    (root / "freemusicc" / "tracks.csv").write_text(TRACKS, encoding="utf-8")
    het = root / "hetrec2011-lastfm-2k"
    (het / "artists.dat").write_text(
        "id\tname\turl\tpictureURL\n" + "".join(f"{i}\t{n}\tu\tp\n" for i, n in HETREC_ARTISTS.items()),
        encoding="utf-8",
    )
    (het / "tags.dat").write_text(
        "tagID\ttagValue\n" + "".join(f"{i}\t{n}\n" for i, n in TAGS.items()), encoding="latin-1"
    )
    (het / "user_artists.dat").write_text(
        "userID\tartistID\tweight\n" + "".join(f"{u}\t{a}\t{w}\n" for u, a, w in LISTENS), encoding="ascii"
    )
    (het / "user_taggedartists.dat").write_text(
        "userID\tartistID\ttagID\tday\tmonth\tyear\n" + "".join(f"{u}\t{a}\t{t}\t1\t1\t2009\n" for u, a, t in TAGGED),
        encoding="ascii",
    )
    (root / "lastfm-folds" / "interactions.csv").write_text("10,1,500\n", encoding="ascii")
    return root


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = tmp_path_factory.mktemp("tiny")
    build_catalog(make_datasets(root / "data"), root / "out" / "catalog")
    return Catalog.open(root / "out" / "catalog")


def track_named(cat: Catalog, title: str) -> int:
    hits = [i for i in range(cat.n_tracks) if cat.track(i).title == title]
    assert len(hits) == 1, (title, hits)
    return hits[0]


def artist_named(cat: Catalog, name: str) -> int:
    match = cat.exact_artist(name)
    assert match is not None, name
    return match.index


def test_counts_and_versions(tiny: Catalog) -> None:
    tiny.warm_up()
    titles = sorted(tiny.track(i).title for i in range(tiny.n_tracks))
    # t3/t4 (album and single of one song) merge; "Creep - Live" is a version and stays; the compilation copy of
    # Hoppípolla merges into the artist's own release.
    assert titles == [
        "Creep",
        "Creep - Live",
        "Digital Love",
        "Halo",
        "Halo - Remastered 2010",
        "Hip Hop Song",
        "Hoppípolla",
        "Karma Police",
        "One More Time",
    ]
    assert tiny.manifest["counts"]["tracks_by_source"] == {"spotify-songs": 7, "freemusicc": 2}
    assert tiny.base_title(track_named(tiny, "Creep - Live")) == tiny.base_title(track_named(tiny, "Creep")) == "creep"


def test_track_in_several_playlists_is_one_track_with_weighted_genres(tiny: Catalog) -> None:
    creep = tiny.track(track_named(tiny, "Creep"))
    assert creep.external_id == "t1"
    assert creep.genres[:2] == ("rock", "album rock")  # 2 playlists each, ahead of pop / indie poptimism (1)
    assert set(creep.genres) == {"rock", "album rock", "pop", "indie poptimism"}
    row = tiny.track_tags.to_scipy()[track_named(tiny, "Creep")]
    assert row.nnz == 4
    assert np.isclose(np.linalg.norm(row.data), 1.0)
    weights = dict(zip((tiny.tag_names[c] for c in row.indices), row.data, strict=True))
    assert weights["rock"] == pytest.approx(2 * weights["pop"])


def test_same_song_on_two_releases_keeps_the_popular_one(tiny: Catalog) -> None:
    karma = tiny.track(track_named(tiny, "Karma Police"))
    assert karma.external_id == "t3"
    assert karma.album == "OK Computer"
    assert karma.year == 1997
    assert karma.popularity == 70.0
    assert karma.features.energy == 0.5
    assert set(karma.genres) == {"rock", "album rock", "permanent wave"}


def test_a_song_is_as_known_as_its_best_known_release(tiny: Catalog) -> None:
    """'1979' on a 1995 release scored 14 beside the remaster's 76 and was called a deep cut. A reissue shares its
    recording's figure (Karma Police's single, 50, ranks just below the album's 70); a live take keeps its own."""
    halo = tiny.track_popularity[track_named(tiny, "Halo - Remastered 2010")]
    assert halo == pytest.approx(0.75, abs=0.002)  # its own figure was 20
    assert halo < tiny.track_popularity[track_named(tiny, "Halo")]  # the best-known release still ranks first
    assert tiny.track_popularity[track_named(tiny, "Creep - Live")] == pytest.approx(0.4)  # another recording
    assert tiny.track_popularity[track_named(tiny, "Halo")] == pytest.approx(0.75)
    assert np.isnan(tiny.track_popularity[track_named(tiny, "Digital Love")])  # Creative Commons: unmeasured


def test_one_artist_across_datasets(tiny: Catalog) -> None:
    sigur = tiny.artist(artist_named(tiny, "sigur ros"))
    assert sigur.name == "Sigur Rós"
    assert sigur.sources == ("freemusicc", "hetrec2011-lastfm-2k")
    assert sigur.id == stable_id("a", artist_key("Sigur Rós"))
    daft = tiny.artist(artist_named(tiny, "daft punk"))
    assert daft.sources == ("spotify-songs", "freemusicc", "hetrec2011-lastfm-2k")
    assert {tiny.track(int(t)).title for t in tiny.tracks_of(artist_named(tiny, "daft punk"))} == {
        "One More Time",
        "Digital Love",
    }
    # "Radiohead feat. Guest" in HetRec is Radiohead: both HetRec ids map to one catalog artist.
    radiohead = artist_named(tiny, "radiohead")
    assert tiny.artist_index_for_hetrec(1) == tiny.artist_index_for_hetrec(6) == radiohead
    assert tiny.artist_index_for_hetrec(999) is None


def test_freemusicc_track_prefers_own_release_and_carries_license(tiny: Catalog) -> None:
    hopp = tiny.track(track_named(tiny, "Hoppípolla"))
    assert hopp.source == "freemusicc"
    assert hopp.album == "Takk"
    assert hopp.license == "http://creativecommons.org/licenses/by/3.0/"
    assert hopp.mp3_url == "http://archive.org/download/rel1/01.mp3"
    assert hopp.features.known is False
    assert hopp.popularity is None
    assert np.isnan(tiny.track_popularity[track_named(tiny, "Hoppípolla")])
    expected = {tiny.tag_index(t) for t in ("post rock", "ambient", "rock", "idm", "electronic")}
    assert {tiny.tag_index(g) for g in hopp.genres} == expected
    creep = tiny.track(track_named(tiny, "Creep"))
    assert creep.mp3_url is None
    assert creep.license is None


def test_tag_vocabulary_merges_spellings_and_drops_noise(tiny: Catalog) -> None:
    # freemusicc "Post Rock" and HetRec "post-rock" are one tag; "seen live" (stop tag), "love at first listen" (an
    # opinion), "électro" (one user) and "compilation" (a release type) are not tags.
    post_rock = tiny.tag_index("post-rock")
    assert post_rock is not None
    assert post_rock == tiny.tag_index("Post Rock")
    assert tiny.tag_index("seen live") is None
    assert tiny.tag_index("love at first listen") is None
    assert tiny.tag_index("électro") is None
    assert tiny.tag_index("compilation") is None
    assert tiny.tag_index("hip-hop") == tiny.tag_index("hiphop") == tiny.tag_index("hip hop")
    assert int(tiny.tag_counts[post_rock]) == 2  # one track (Hoppípolla) + one artist (Sigur Rós)
    sigur = artist_named(tiny, "sigur ros")
    artist_tags, votes = tiny.artist_tags.to_scipy(), tiny.artist_tag_votes.to_scipy()
    assert post_rock in artist_tags[sigur].indices
    # How many listeners gave each tag (none for a style its songs carry): two gave Radiohead 'alternative'.
    alternative = tiny.tag_index("alternative")
    assert votes[artist_named(tiny, "radiohead"), alternative] == 2
    assert votes[sigur, post_rock] == 2
    ambient = tiny.tag_index("ambient")
    assert ambient in artist_tags[sigur].indices
    assert votes[sigur, ambient] == 0
    assert tiny.artist(artist_named(tiny, "radiohead")).genres[0] in {"rock", "alternative"}


def test_neighbors_and_popularity(tiny: Catalog) -> None:
    radiohead, muse = artist_named(tiny, "radiohead"), artist_named(tiny, "muse")
    row = tiny.artist_neighbors[radiohead]
    assert row[0] == muse  # two shared listeners beat Sigur Rós's one
    assert tiny.artist_neighbor_scores[radiohead][0] > tiny.artist_neighbor_scores[radiohead][1] > 0
    assert (row[2:] == -1).all()
    assert tiny.artist_neighbors.shape == (tiny.n_artists, 50)
    beyonce = artist_named(tiny, "beyonce")
    assert tiny.artist_popularity[radiohead] == pytest.approx(1.0)
    assert 0.0 < tiny.artist_popularity[beyonce] < 1.0
    # Spotify's 'hip hop' subgenre and HetRec's 'Hip-Hop' user tag are one tag: the only link between these two.
    mc_test = artist_named(tiny, "mc test")
    assert tiny.artist_tag_neighbors[mc_test][:2].tolist() == [beyonce, -1]
    # How much each row rests on: three HetRec users played Radiohead; its songs sat on four playlists (p1 thrice).
    assert tiny.artist_listeners[radiohead] == 3
    assert tiny.artist_listeners[mc_test] == 0
    assert tiny.artist_playlists[radiohead] == 4
    assert tiny.artist_playlists[beyonce] == 1
    assert tiny.artist_playlists[artist_named(tiny, "sigur ros")] == 0


def test_manifest_records_inputs_and_build(tiny: Catalog) -> None:
    manifest = tiny.manifest
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert "spotify-songs/spotify_songs.csv" in manifest["inputs"]
    assert "lastfm-folds/interactions.csv" in manifest["inputs"]
    assert len(manifest["inputs"]["freemusicc/tracks.csv"]["sha256"]) == 64
    assert manifest["build_seconds"] > 0
    assert manifest["counts"]["artists"] == tiny.n_artists
    assert manifest["counts"]["tracks_with_mp3"] == 2


def test_missing_dataset_file_is_reported_before_anything_is_written(tmp_path: Path) -> None:
    root = make_datasets(tmp_path / "data")
    (root / "freemusicc" / "releases.csv").unlink()
    with pytest.raises(DatasetError, match=r"releases\.csv"):
        build_catalog(root, tmp_path / "out" / "catalog")
    assert not (tmp_path / "out" / "catalog").exists()


def test_failed_build_leaves_previous_catalog_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_datasets(tmp_path / "data")
    target = tmp_path / "out" / "catalog"
    first = build_catalog(root, target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}

    def explode(*args: object) -> None:
        raise RuntimeError("disk full")

    # Fail after the arrays are written, while the database is being written: the worst moment.
    monkeypatch.setattr(build_module, "_write_database", explode)
    with pytest.raises(RuntimeError, match="disk full"):
        build_catalog(root, target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert [p.name for p in target.parent.iterdir()] == ["catalog"]  # no staging directory left behind
    with Catalog.open(target) as cat:
        assert cat.manifest["built_at"] == first["built_at"]

    monkeypatch.undo()
    second = build_catalog(root, target)  # and a good build replaces it
    assert json.loads((target / "manifest.json").read_text())["build_seconds"] == second["build_seconds"]
    assert [p.name for p in target.parent.iterdir()] == ["catalog"]
    # Same inputs, same catalog: indices and arrays are deterministic across builds.
    after = {p.name: p.read_bytes() for p in target.iterdir() if p.suffix == ".npy"}
    assert after == {name: data for name, data in before.items() if name.endswith(".npy")}


@pytest.fixture
def copy_of(tiny: Catalog, tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(tiny.path, target)
    return target


def test_open_missing_catalog(tmp_path: Path) -> None:
    with pytest.raises(CatalogNotBuiltError):
        Catalog.open(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CatalogNotBuiltError):
        Catalog.open(tmp_path / "empty")


def test_open_without_manifest_is_corrupt_not_missing(copy_of: Path) -> None:
    (copy_of / "manifest.json").unlink()
    with pytest.raises(CatalogError, match="manifest") as info:
        Catalog.open(copy_of)
    assert not isinstance(info.value, CatalogNotBuiltError)


def test_open_rejects_other_schema(copy_of: Path) -> None:
    manifest = json.loads((copy_of / "manifest.json").read_text())
    manifest["schema_version"] = SCHEMA_VERSION + 1
    (copy_of / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CatalogOutdatedError, match="schema"):
        Catalog.open(copy_of)


def test_an_outdated_catalog_is_rebuilt_at_start(copy_of: Path, tmp_path: Path) -> None:
    """A catalog built by another Segue version is rebuilt by `ensure_catalog`, like a missing one."""
    from segue.app import ensure_catalog
    from segue.config import Settings

    manifest = json.loads((copy_of / "manifest.json").read_text())
    manifest["schema_version"] = SCHEMA_VERSION - 1
    (copy_of / "manifest.json").write_text(json.dumps(manifest))
    settings = Settings(data_dir=copy_of.parent, datasets_dir=make_datasets(tmp_path / "data"))
    ensure_catalog(settings, say=False)
    assert Catalog.open(copy_of).manifest["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: (p / "manifest.json").write_text("{not json"), "manifest"),
        (
            lambda p: (p / "manifest.json").write_text(json.dumps({"schema_version": SCHEMA_VERSION, "counts": {}})),
            "counts",
        ),
        (lambda p: (p / "features.npy").write_bytes(b"\x93NUMPY garbage"), "features"),
        (lambda p: (p / "artist_neighbors.npy").unlink(), "artist_neighbors"),
        (lambda p: np.save(p / "track_year.npy", np.zeros(3, dtype=np.int16)), "track_year"),
        (lambda p: (p / "catalog.sqlite").unlink(), "catalog.sqlite"),
        (lambda p: (p / "catalog.sqlite").write_bytes(b"not a database at all" * 100), "catalog.sqlite"),
    ],
)
def test_open_rejects_damaged_catalog(copy_of: Path, damage: object, message: str) -> None:
    damage(copy_of)  # type: ignore[operator]
    with pytest.raises(CatalogError, match=message) as info:
        Catalog.open(copy_of)
    assert "rebuild" in info.value.user_message.lower()


def test_cli_build_and_stats(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from segue.cli import app

    root = make_datasets(tmp_path / "data")
    target = tmp_path / "out" / "catalog"
    runner = CliRunner()
    built = runner.invoke(app, ["catalog", "build", "--from", str(root), "--output", str(target)])
    assert built.exit_code == 0, built.output
    assert "9 tracks" in built.output
    shown = runner.invoke(app, ["catalog", "stats", "--json", "--catalog", str(target)])
    assert shown.exit_code == 0, shown.output
    stats = json.loads(shown.output)
    assert stats["tracks_by_source"] == {"spotify-songs": 7, "freemusicc": 2}
    assert stats["mp3"]["tracks"] == 2
    assert stats["artists_with_colisten_neighbors"] == 5  # Radiohead, Muse, Sigur Rós, Beyoncé, Daft Punk
    text = runner.invoke(app, ["catalog", "stats", "--catalog", str(target)])
    assert "top genres" in text.output
    missing = runner.invoke(app, ["catalog", "stats", "--catalog", str(tmp_path / "none")])
    assert missing.exit_code == 1
    assert "segue catalog build" in missing.output
