"""A copy kept for the next process is read back whole under its key, and under no other."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from segue.catalog.kept import copy_key, read_copy, write_copy


def test_a_kept_copy_is_read_back_under_its_key_only(tmp_path: Path) -> None:
    path = tmp_path / "copies" / "kept"
    payload = {"words": ["a", "b"], "pairs": (1, 2), "raw": b"\x00\x01"}
    write_copy(path, "key", payload)
    assert read_copy(path, "key") == payload
    assert read_copy(path, "another") is None
    assert read_copy(tmp_path / "none", "key") is None
    assert not list(path.parent.glob("*.partial"))


def test_an_unreadable_copy_raises_for_its_caller_to_say(tmp_path: Path) -> None:
    path = tmp_path / "kept"
    path.write_bytes(b"key\n\x00not marshal")
    with pytest.raises((ValueError, EOFError, TypeError)):
        read_copy(path, "key")


def test_the_key_follows_the_catalog_and_the_code(tmp_path: Path) -> None:
    data, source = tmp_path / "catalog.sqlite", tmp_path / "code.py"
    data.write_bytes(b"rows")
    source.write_text("x = 1\n")
    key = copy_key(1, {"built_at": "one"}, (data,), (source,))
    assert key == copy_key(1, {"built_at": "one"}, (data,), (source,))
    assert key != copy_key(2, {"built_at": "one"}, (data,), (source,))
    assert key != copy_key(1, {"built_at": "two"}, (data,), (source,))
    source.write_text("x = 2\n")
    assert key != copy_key(1, {"built_at": "one"}, (data,), (source,))
    source.write_text("x = 1\n")
    stat = data.stat()
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert key != copy_key(1, {"built_at": "one"}, (data,), (source,))
