"""The learned-tracks store: append-only merges, stable ids, persistence across reopen, bounded size."""

from __future__ import annotations

from pathlib import Path

import pytest

from segue.engine.live.learned import LearnedStore, learned_id
from segue.errors import StorageError
from segue.providers.base import SourceTrack, SourceUrls


def seen(title: str, artist: str, source: str, **kw: object) -> SourceTrack:
    return SourceTrack(title=title, artists=(artist,), source=source, **kw)  # type: ignore[arg-type]


def test_a_later_sighting_only_fills_what_was_unknown(tmp_path: Path) -> None:
    store = LearnedStore(tmp_path / "learned.sqlite3")
    store.learn([seen("Night Drive", "Outsider", "lastfm", urls=SourceUrls(lastfm="https://www.last.fm/x"))])
    store.learn(
        [
            seen(
                "Night Drive - Radio Edit",
                "Outsider",
                "deezer",
                year=2006,
                album="Roads",
                urls=SourceUrls(deezer="https://www.deezer.com/track/1", lastfm="https://other"),
            )
        ]
    )
    row = store.lookup("outsider", "Night Drive")
    assert row is not None
    assert row.title == "Night Drive"  # the first name stays
    assert row.year == 2006
    assert row.album == "Roads"
    assert row.urls.lastfm == "https://www.last.fm/x"  # never overwritten
    assert row.urls.deezer == "https://www.deezer.com/track/1"
    assert row.sources == ("lastfm", "deezer")
    assert row.seen == 2
    assert row.id == learned_id(row.key)
    assert store.by_id(row.id) == row
    store.close()
    reopened = LearnedStore(tmp_path / "learned.sqlite3")
    assert reopened.lookup("Outsider", "Night Drive") == row
    assert len(reopened) == 1
    reopened.close()


def test_ids_are_stable_and_placeholders_of_names_are_skipped() -> None:
    a, b = LearnedStore(), LearnedStore()
    first = a.learn([seen("Tune", "Band", "lastfm")])[0]
    second = b.learn([seen("TUNE (Live)", "The Band", "deezer")])[0]
    assert first.id == second.id  # same artist key and base title on any shard, after any restart
    assert first.id.startswith("L")
    assert a.learn([SourceTrack(title="", artists=("Band",))]) == []
    assert first.to_track().source == "lastfm"


def test_the_store_is_bounded() -> None:
    store = LearnedStore(max_rows=2)
    store.learn([seen(f"Song {i}", "Band", "lastfm") for i in range(5)])
    assert len(store) == 2
    assert store.learn([seen("Song 0", "Band", "deezer", year=2001)])[0].year == 2001  # known rows still merge


def test_a_corrupt_file_is_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "learned.sqlite3"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(StorageError, match="learned-tracks store"):
        LearnedStore(path)


def test_a_failed_write_keeps_the_rows_in_memory(tmp_path: Path) -> None:
    store = LearnedStore(tmp_path / "learned.sqlite3")
    assert store._db is not None
    store._db.execute("DROP TABLE learned_tracks")
    store.learn([seen("Tune", "Band", "lastfm")])  # logged, never raised
    assert store.lookup("Band", "Tune") is not None
    store.close()
