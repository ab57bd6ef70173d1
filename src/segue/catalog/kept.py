"""What a process builds from the catalog, kept on disk for the next process over the same catalog: the name indexes
(`name_state`) and the request parser's tables (`segue.engine.query.tables`).

A copy is a key line, then marshal data (plain lists, dicts, tuples, strings and bytes: reading it runs no code). It
is written whole and renamed, so a reader never sees half of one, and read straight from the page cache's pages
(`marshal.load` on the file reads it a few bytes at a time: ~0.5 s for the 11 MB name indexes). The key covers the
layout, this Python, the catalog and the source of the code that builds the copy: a rebuilt catalog or changed code
never reads a stale one.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import mmap
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["copy_key", "read_copy", "write_copy"]


def copy_key(layout: int, manifest: Mapping[str, Any], files: Sequence[Path], sources: Iterable[Path]) -> str:
    """What a kept copy must match: its `layout` version, this Python, the catalog (its manifest, and the size and
    time of each of `files`) and the code that builds it (each of `sources`, read whole)."""
    digest = hashlib.sha256(f"{layout} {sys.version} {sys.byteorder}".encode())
    digest.update(json.dumps(manifest, sort_keys=True, default=str).encode())
    for path in files:
        stat = path.stat()
        digest.update(f"{path.name} {stat.st_size} {stat.st_mtime_ns}".encode())
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()


def write_copy(path: Path, key: str, payload: Any) -> None:
    """Keep `payload` at `path` under `key` (written whole, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    with partial.open("wb") as out:
        out.write(key.encode() + b"\n")
        out.write(marshal.dumps(payload, 4))
    os.replace(partial, path)


def read_copy(path: Path, key: str) -> Any | None:
    """The payload kept at `path` under `key`; None when there is none, or one kept under another key. An unreadable
    file raises what it raises (OSError, EOFError, ValueError, TypeError): the caller says so and builds anew."""
    try:
        source = path.open("rb")
    except FileNotFoundError:
        return None
    with source:
        if source.readline().rstrip(b"\n") != key.encode():
            return None
        start = source.tell()
        # marshal copies what it builds: nothing it returns holds the map.
        with (
            mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ) as mapped,
            memoryview(mapped) as whole,
            whole[start:] as payload,
        ):
            return marshal.loads(payload)  # noqa: S302 - our own file of plain data, behind its key
