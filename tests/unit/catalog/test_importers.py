"""Dataset readers on tiny inline files: separators, encodings, joins, missing values, playlist de-duplication."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from segue.catalog.importers import parse_year, read_freemusicc, read_hetrec, read_spotify, split_labels
from segue.domain import FEATURE_NAMES
from segue.errors import DatasetError

SPOTIFY_HEADER = (
    "track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,track_album_release_date,"
    "playlist_name,playlist_id,playlist_genre,playlist_subgenre,danceability,energy,key,loudness,mode,speechiness,"
    "acousticness,instrumentalness,liveness,valence,tempo,duration_ms"
)


def spotify_row(tid: str, name: str, artist: str, pop: int, date: str, pl: str, genre: str, sub: str) -> str:
    return (
        f"{tid},{name},{artist},{pop},alb{tid},Album {tid},{date},Playlist {pl},{pl},{genre},{sub},"
        "0.5,0.6,1,-7.5,1,0.05,0.1,0.0,0.12,0.4,120.0,200000"
    )


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def test_spotify_folds_playlist_rows_into_genre_counts(tmp_path: Path) -> None:
    rows = [
        spotify_row("t1", "Creep", "Radiohead", 80, "1993-02-22", "p1", "rock", "album rock"),
        spotify_row("t1", "Creep", "Radiohead", 80, "1993-02-22", "p2", "rock", "permanent wave"),
        spotify_row("t1", "Creep", "Radiohead", 80, "1993-02-22", "p3", "pop", "indie poptimism"),
        spotify_row("t2", "Halo", "Beyoncé", 75, "2008-11", "p4", "r&b", "neo soul"),
        spotify_row("t3", "", "", 0, "2000", "p5", "pop", "dance pop"),  # upstream has 5 rows without a name
        spotify_row("t4", "My Sidepiece Reply", "Various Artists", 40, "2016", "p6", "r&b", "neo soul"),
    ]
    path = write(tmp_path / "s.csv", "\n".join([SPOTIFY_HEADER, *rows]) + "\n")
    tracks = read_spotify(path)
    assert [t.track_id for t in tracks] == ["t1", "t2"]
    creep = tracks[0]
    assert creep.genres == {"rock": 2, "album rock": 1, "permanent wave": 1, "pop": 1, "indie poptimism": 1}
    assert creep.year == 1993
    assert creep.popularity == 80
    assert creep.duration_ms == 200000
    assert dict(zip(FEATURE_NAMES, creep.features, strict=True))["loudness"] == -7.5
    assert tracks[1].artist == "Beyoncé"
    assert tracks[1].year == 2008


def test_spotify_keeps_the_genres_a_playlist_name_states_apart_from_its_labels(tmp_path: Path) -> None:
    rows = [
        spotify_row("t1", "Ladders", "Mac Miller", 76, "2018", "p1", "rap", "hip hop"),
        spotify_row("t1", "Ladders", "Mac Miller", 76, "2018", "p2", "rap", "hip hop"),
    ]
    rows[0] = rows[0].replace("Playlist p1", "Saxophone in Hip Hop - Jazz Rap")
    path = write(tmp_path / "s.csv", "\n".join([SPOTIFY_HEADER, *rows]) + "\n")
    (track,) = read_spotify(path)
    assert track.genres == {"rap": 2, "hip hop": 2}
    assert track.named == {"jazz rap": 1}


def test_spotify_missing_column_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "track_id,track_name\nt1,Creep\n")
    with pytest.raises(DatasetError, match=r"s\.csv.*missing columns"):
        read_spotify(path)


def test_spotify_unparseable_feature_is_nan(tmp_path: Path) -> None:
    row = spotify_row("t1", "Creep", "Radiohead", 80, "1993", "p1", "rock", "album rock").replace("120.0", "NA")
    tracks = read_spotify(write(tmp_path / "s.csv", f"{SPOTIFY_HEADER}\n{row}\n"))
    assert math.isnan(tracks[0].features[FEATURE_NAMES.index("tempo")])
    assert not math.isnan(tracks[0].features[FEATURE_NAMES.index("energy")])


@pytest.mark.parametrize(
    ("raw", "year"),
    [("1993-02-22", 1993), ("2008-11", 2008), ("1975", 1975), ("", None), ("NA", None), ("0000", None), ("19", None)],
)
def test_parse_year(raw: str, year: int | None) -> None:
    assert parse_year(raw) == year


def test_split_labels() -> None:
    assert split_labels(" Post Rock,  Ambient ,,IDM ") == ["post rock", "ambient", "idm"]
    assert split_labels("") == []


RELEASES = (
    "activity,album,artist,catalog,duration,genre,id,label,licenseurl,rating,style,totaldiscs,totaltracks,url,year\n"
    '2.0,Takk,Sigur Ros,CAT1,300,Rock,rel1,Label,http://creativecommons.org/licenses/by/3.0/,3.0,"Post Rock, Ambient"'
    ",1,2,u,2005\n"
    """1.5,Sampler,Various Artists,,600,"Electronic, Rock",rel2,Label,,2.0,"Compilation, IDM",1,3,u,2010
"""
)
TRACKS = """activity,disc,duration,id,rating,title,track,trackartist,trackurl
2,1,245,rel1,4,Hoppípolla,1,Sigur Ros,http://archive.org/download/rel1/01.mp3
2,1,200,rel1,3,,2,Sigur Ros,http://archive.org/download/rel1/02.mp3
1,1,245,rel2,4,Hoppípolla,1,Sigur Ros,http://archive.org/download/rel2/01.mp3
1,1,180,rel2,2,Untitled Loop,2,,http://archive.org/download/rel2/02.mp3
1,1,190,rel2,2,Digital Love,3,Daft Punk,http://archive.org/download/rel2/03.mp3
"""


def test_freemusicc_joins_releases_and_skips_unusable_rows(tmp_path: Path) -> None:
    tracks = read_freemusicc(write(tmp_path / "tracks.csv", TRACKS), write(tmp_path / "releases.csv", RELEASES))
    # The untitled row and the compilation row without a track artist are skipped.
    assert [(t.title, t.artist) for t in tracks] == [
        ("Hoppípolla", "Sigur Ros"),
        ("Hoppípolla", "Sigur Ros"),
        ("Digital Love", "Daft Punk"),
    ]
    own, compiled, daft = tracks
    assert own.genres == {"rock": 1, "post rock": 1, "ambient": 1}
    assert own.license == "http://creativecommons.org/licenses/by/3.0/"
    assert own.mp3_url == "http://archive.org/download/rel1/01.mp3"
    assert own.duration_ms == 245000
    assert own.year == 2005
    assert not own.compilation
    assert compiled.compilation
    assert compiled.license is None
    assert "compilation" not in daft.genres  # a release type, not a sound
    assert daft.genres == {"electronic": 1, "rock": 1, "idm": 1}


def test_freemusicc_unknown_release_is_an_error(tmp_path: Path) -> None:
    tracks = write(tmp_path / "tracks.csv", TRACKS.replace("rel2,2,Untitled", "nope,2,Untitled"))
    with pytest.raises(DatasetError, match="unknown release"):
        read_freemusicc(tracks, write(tmp_path / "releases.csv", RELEASES))


def test_hetrec_reads_tabs_quotes_and_latin1(tmp_path: Path) -> None:
    folder = tmp_path / "hetrec"
    write(folder / "artists.dat", 'id\tname\turl\tpictureURL\n1\tRadiohead\tu\tp\n2\t"Weird" Al Yankovic\tu\tp\n')
    write(folder / "tags.dat", "tagID\ttagValue\n1\télectro\n2\tPost-Rock\n", encoding="latin-1")
    write(folder / "user_artists.dat", "userID\tartistID\tweight\n2\t1\t100\n3\t2\t5\n")
    write(folder / "user_taggedartists.dat", "userID\tartistID\ttagID\tday\tmonth\tyear\n2\t1\t2\t1\t4\t2009\n")
    data = read_hetrec(folder)
    assert data.artist_names == {1: "Radiohead", 2: '"Weird" Al Yankovic'}
    assert data.tag_names == {1: "électro", 2: "post-rock"}
    assert data.listen_plays.tolist() == [100, 5]
    assert data.listen_artist.tolist() == [1, 2]
    assert (data.tag_user.tolist(), data.tag_artist.tolist(), data.tag_tag.tolist()) == ([2], [1], [2])


def test_hetrec_bad_number_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "hetrec"
    write(folder / "artists.dat", "id\tname\turl\tpictureURL\n1\tRadiohead\tu\tp\n")
    write(folder / "tags.dat", "tagID\ttagValue\n1\trock\n")
    write(folder / "user_artists.dat", "userID\tartistID\tweight\n2\tone\t100\n")
    write(folder / "user_taggedartists.dat", "userID\tartistID\ttagID\tday\tmonth\tyear\n")
    with pytest.raises(DatasetError, match=r"user_artists\.dat"):
        read_hetrec(folder)


def test_freemusicc_names_garbled_by_a_double_encoding_are_repaired(tmp_path: Path) -> None:
    """The export holds 'AgustÃ\xadn Strizzi Grupo' (UTF-8 read as Latin-1 and written again): 136 artists showed
    like that in answers, and the same artist spelt right elsewhere was a second artist."""
    garbled = TRACKS.replace("Digital Love,3,Daft Punk", "El DueÃ±o,3,AgustÃ\xadn Strizzi Grupo")
    tracks = read_freemusicc(write(tmp_path / "tracks.csv", garbled), write(tmp_path / "releases.csv", RELEASES))
    assert (tracks[-1].title, tracks[-1].artist) == ("El Dueño", "Agustín Strizzi Grupo")
    assert tracks[0].title == "Hoppípolla"  # text that was right stays as it was
