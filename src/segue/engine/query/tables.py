"""What the parser reads out of the catalog when it is built, kept for the next process over the same catalog.

A `QueryParser` starts by reading the catalog's tags, genre tree and acts into its genre vocabulary and the acts that
play the genres without a tag of their own: ~60 ms of every `segue ask` and every start of the bot (BENCHMARKS.md,
issue 14). `build_service` saves them once built and the next process reads them back (`segue.catalog.kept`, as
the catalog's name indexes are kept), keyed by the catalog (manifest, database file), the genre tree's file and the
source of the parser's package and the catalog's: a rebuilt catalog or changed code never reads a stale copy.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from segue.catalog.kept import copy_key, read_copy, write_copy
from segue.domain import EntityRef

__all__ = ["ParserTables", "read_tables", "tables_key", "write_tables"]

log = logging.getLogger(__name__)

FORMAT = 1
"""Bumped when the copy's layout changes (the source hash in `tables_key` covers the code that fills it)."""
_PACKAGE = Path(__file__).parent
_SEGUE = _PACKAGE.parent.parent
_SHARED_SOURCES = (_SEGUE / "text.py", _SEGUE / "domain.py")
"""Besides the parser's own package: the name keys and the types the tables hold."""
_CATALOG = _SEGUE / "catalog"
"""The catalog's look-ups the tables are read through (exact names, tags): its code is part of the key too."""


@dataclass(frozen=True, slots=True)
class ParserTables:
    """The catalog as the parser reads it: what it builds at start that no request changes."""

    genre_vocab: Mapping[str, tuple[str, ...]]
    """Normalized genre phrase -> the catalog tags it stands for."""
    uses: Mapping[str, int]
    """Tracks and artists per tag name."""
    stand_ins: frozenset[str]
    """Genre phrases read as their nearest catalog genre."""
    played_by: Mapping[str, tuple[EntityRef, ...]]
    """Genre phrase -> the acts that play it, where the catalog has no tag of its own for it."""
    voiced: Mapping[str, tuple[str, ...]]
    """A voiced scene ('k-pop girl groups') -> the genres its words read as."""

    def state(self) -> dict[str, Any]:
        """Plain data for marshal. The acts are written once each, and each list of them once: a film's dozens of
        spellings share one list (15,000 acts in 2,200 phrases; ~20 ms to make again one by one)."""
        acts: dict[EntityRef, int] = {}
        lists: dict[tuple[int, ...], int] = {}
        played_by = {}
        for phrase, refs in self.played_by.items():
            numbered = tuple(acts.setdefault(r, len(acts)) for r in refs)
            played_by[phrase] = lists.setdefault(numbered, len(lists))
        return {
            "genre_vocab": dict(self.genre_vocab),
            "uses": dict(self.uses),
            "stand_ins": self.stand_ins,
            "acts": [(r.index, r.id, r.name) for r in acts],
            "lists": list(lists),
            "played_by": played_by,
            "voiced": dict(self.voiced),
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> ParserTables:
        acts = [EntityRef(index, ident, name) for index, ident, name in state["acts"]]
        lists = [tuple(acts[i] for i in numbered) for numbered in state["lists"]]
        played_by = {phrase: lists[at] for phrase, at in state["played_by"].items()}
        return cls(state["genre_vocab"], state["uses"], frozenset(state["stand_ins"]), played_by, state["voiced"])


def tables_key(catalog_files: Sequence[Path], manifest: Mapping[str, Any]) -> str:
    """What a saved copy must match: this catalog (its manifest, and the size and time of each of `catalog_files`:
    the database, the genre tree) and the code that builds the tables."""
    sources = (*sorted(_PACKAGE.rglob("*.py")), *sorted(_CATALOG.glob("*.py")), *_SHARED_SOURCES)
    return copy_key(FORMAT, manifest, catalog_files, sources)


def write_tables(path: Path, key: str, tables: ParserTables) -> None:
    """Keep `tables` at `path` under `key` (`kept.write_copy`: written whole, then renamed)."""
    write_copy(path, key, tables.state())


def read_tables(path: Path, key: str) -> ParserTables | None:
    """The copy at `path` when it was saved under `key`; None when there is none, or another (a rebuilt catalog,
    changed code), or it is unreadable: the caller builds the tables."""
    try:
        state = read_copy(path, key)
        return None if state is None else ParserTables.from_state(state)
    except (OSError, EOFError, ValueError, TypeError, KeyError) as exc:
        log.warning("parser tables at %s unreadable (%r): building them", path, exc)
        return None
