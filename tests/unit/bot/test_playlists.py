"""Playlist files from liked tracks: JSPF's shape, M3U lines, CSV quoting and formula neutralizing."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from segue.bot.playlists import (
    CSV_HEADER,
    FORMATS,
    entry,
    one_line,
    playlist_file,
    spreadsheet_safe,
    to_csv,
    to_jspf,
    to_m3u,
)
from segue.domain import Track

WHEN = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
CC = Track(
    id="tcc",
    title="Free Drift",
    artists=("Neon",),
    artist_ids=("a3",),
    album="Open Air",
    year=2019,
    license="https://creativecommons.org/licenses/by/4.0/",
    mp3_url="https://files.example.org/free-drift.mp3",
    source="freemusicc",
)
SPOTIFY = Track(
    id="t1", title="Song, \"One\"", artists=("Volt", "Guest"), artist_ids=("a0", "a9"),
    source="spotify-songs", external_id="4uLU6hMCjMI75M1A2tKUQC",
)  # fmt: skip
HOSTILE = Track(id="t2", title='=HYPERLINK("http://evil","x")', artists=("@admin",), artist_ids=("a2",))
BROKEN = Track(id="t3", title="Line\nbreak\r\n#EXTINF:-1,Injected", artists=("-minus", "+plus"), artist_ids=("a4",))


def test_an_entry_links_to_the_cc_mp3_else_the_track_or_a_search() -> None:
    assert entry(CC).link == CC.mp3_url
    assert entry(CC).mp3 == CC.mp3_url
    assert entry(SPOTIFY).link == "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"
    assert entry(SPOTIFY).mp3 is None
    assert entry(HOSTILE).link.startswith("https://open.spotify.com/search/")
    unlicensed = Track(id="x", title="T", artists=("A",), artist_ids=("a",), mp3_url="https://x/y.mp3")
    assert entry(unlicensed).mp3 is None  # an MP3 link without a Creative Commons licence is never offered


def test_jspf_has_listenbrainz_shape() -> None:
    doc = json.loads(to_jspf([entry(CC), entry(SPOTIFY)], title="Liked", creator="alice", date=WHEN))
    playlist = doc["playlist"]
    assert set(doc) == {"playlist"}
    assert (playlist["title"], playlist["creator"], playlist["date"]) == ("Liked", "alice", "2026-12-03T12:00:00+00:00")
    first, second = playlist["track"]
    assert first == {
        "title": "Free Drift",
        "creator": "Neon",
        "album": "Open Air",
        "identifier": [CC.mp3_url],
        "location": [CC.mp3_url],
    }
    assert second["creator"] == "Volt, Guest"
    assert second["identifier"] == ["https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"]
    assert "location" not in second
    assert all(isinstance(t["identifier"], list) for t in playlist["track"])


def test_m3u_is_one_line_per_field_and_cannot_be_injected() -> None:
    text = to_m3u([entry(CC), entry(BROKEN)], title="Liked\n#EXTINF").decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "#EXTM3U"
    assert lines[1] == "#PLAYLIST:Liked #EXTINF"
    assert lines[2:4] == ["#EXTINF:-1,Neon - Free Drift", CC.mp3_url]
    assert lines[4] == "#EXTINF:-1,-minus, +plus - Line break #EXTINF:-1,Injected"
    assert lines[5].startswith("https://")
    assert len(lines) == 6
    assert sum(line.startswith("#EXTINF") for line in lines) == 2


def test_csv_quotes_properly_and_neutralizes_formulas() -> None:
    raw = to_csv([entry(SPOTIFY), entry(HOSTILE), entry(BROKEN)]).decode("utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff"), newline="")))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1][:2] == ['Song, "One"', "Volt, Guest"]  # commas and quotes survive the round trip
    assert rows[2][0] == '\'=HYPERLINK("http://evil","x")'
    assert rows[2][1] == "'@admin"
    assert rows[3][1] == "'-minus, +plus"
    assert rows[3][0] == "Line\nbreak\r\n#EXTINF:-1,Injected"  # quoted, so still one cell
    assert len(rows) == 4
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("ok", "ok"),
     ("", ""), ("a=b", "a=b")],
)  # fmt: skip
def test_spreadsheet_safe(cell: str, safe: str) -> None:
    assert spreadsheet_safe(cell) == safe


def test_one_line_and_file_names() -> None:
    assert one_line(" a\u2028b\x00c\n ") == "a b c"
    names = {fmt: playlist_file(fmt, [entry(CC)], title="t", creator="c", date=WHEN)[0] for fmt in FORMATS}
    assert names == {"jspf": "segue-likes.jspf", "m3u": "segue-likes.m3u", "csv": "segue-likes.csv"}
