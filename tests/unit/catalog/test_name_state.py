"""The name indexes a process saves are the ones the next process would build: the same state, the same answers,
and a copy saved for another catalog or another recipe is never read."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np

from segue.catalog.lookup import NameIndex
from segue.catalog.name_state import read_names
from segue.catalog.store import Catalog


def _same_index(a: NameIndex, b: NameIndex) -> None:
    left, right = a.state(), b.state()
    assert left.keys() == right.keys()
    for name, value in left.items():
        if isinstance(value, np.ndarray):
            assert value.dtype == right[name].dtype, name
            assert np.array_equal(value, right[name]), name
        else:
            assert value == right[name], name


def test_saved_name_indexes_are_read_back_whole_and_answer_alike(built_catalog: Catalog, tmp_path: Path) -> None:
    names = tmp_path / "names"
    with Catalog.open(built_catalog.path) as first:
        first.names_file = names
        assert first.save_names()  # built here, then kept
    with Catalog.open(built_catalog.path) as built, Catalog.open(built_catalog.path) as read:
        read.names_file = names
        assert read._saved_names is not None
        assert read._artist_columns == built._artist_columns
        assert read._track_columns == built._track_columns
        _same_index(read._artist_index, built._artist_index)
        _same_index(read._track_names[0].songs, built._track_names[0].songs)
        assert read._track_names[0].keys == built._track_names[0].keys
        assert read._track_names[1] == built._track_names[1]
        assert not read.save_names()  # read from there: nothing to write
        rng = random.Random(5)
        asks = [built.artist(i).name for i in rng.sample(range(built.n_artists), 150)]
        asks += [built.track(i).title for i in rng.sample(range(built.n_tracks), 150)]
        asks += ["radiohed", "tones and i", "dreams by fleetwood mac", "hey jude - the beatles", "zzzz qqq"]
        for text in asks:
            assert read.search_artists(text, 5) == built.search_artists(text, 5), text
            assert read.search_tracks(text, 5) == built.search_tracks(text, 5), text
            assert read.search_tracks(text, 1, least=94.0) == built.search_tracks(text, 1, least=94.0), text


def test_a_copy_for_another_catalog_or_an_unreadable_one_is_not_used(built_catalog: Catalog, tmp_path: Path) -> None:
    names = tmp_path / "names"
    with Catalog.open(built_catalog.path) as first:
        first.names_file = names
        first.save_names()
        key = first._names_key()
    assert read_names(names, key) is not None
    other = dict(built_catalog.manifest, built_at="another build")
    with Catalog.open(built_catalog.path) as rebuilt:
        rebuilt.manifest = json.loads(json.dumps(other))
        rebuilt.names_file = names
        assert rebuilt._names_key() != key
        assert rebuilt._saved_names is None  # built again, and saved over the stale copy
        assert rebuilt.save_names()
        assert read_names(names, rebuilt._names_key()) is not None
    names.write_bytes(key.encode() + b"\nnot marshal data")
    assert read_names(names, key) is None
    assert read_names(tmp_path / "none", key) is None


def test_only_a_process_that_needed_a_name_index_keeps_one(built_catalog: Catalog, tmp_path: Path) -> None:
    """A process that answered without any name index reads no copy and writes none; one that searched keeps it."""
    names = tmp_path / "names"
    with Catalog.open(built_catalog.path) as idle:
        idle.names_file = names
        assert not idle.keep_built_names()
        assert "_saved_names" not in idle.__dict__  # the copy was not even looked for
    assert not names.exists()
    with Catalog.open(built_catalog.path) as searching:
        searching.names_file = names
        searching.search_artists("radiohed", 1)
        assert searching.keep_built_names()
    assert names.is_file()
