"""The tables a parser reads out of the catalog, kept for the next process, make a parser that reads every request
as one that built them; a copy kept for another catalog, another genre tree or other code is never read."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from segue.app import build_service
from segue.catalog.layout import DATABASE, GENRE_TREE
from segue.catalog.store import Catalog
from segue.config import load_settings
from segue.engine.query import parser as parser_module
from segue.engine.query.genres import GenreTree
from segue.engine.query.parser import QueryParser
from segue.engine.query.tables import ParserTables, read_tables, tables_key, write_tables
from support.names import load_fake

REQUESTS = (
    "jazz rap",
    "k-pop girl groups",
    "something like Daft Punk but chill",
    "songs like dancing queen by abba",
    "80s synthpop but nothing by depeche mode",
    "música triste para llorar",
    "anime openings",
    "film music for studying",
    "dreampop",
    "argentine rock",
    "5 bossa nova songs",
    "surprise me",
)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    database, tree = tmp_path / "catalog.sqlite", tmp_path / "tree.csv"
    database.write_bytes(b"rows")
    tree.write_text("a tree")
    return database, tree


def test_a_parser_from_kept_tables_reads_every_request_as_the_one_that_built_them(
    parser: QueryParser, datasets_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "tables"
    write_tables(path, "key", parser.tables)
    kept = read_tables(path, "key")
    assert kept is not None
    assert kept == parser.tables
    tree = GenreTree.from_csv(datasets_dir / "lastfm-folds" / "props_hierarchy_wikidata_lastfm_small.csv")
    again = QueryParser(load_fake(datasets_dir), tree, reference_year=2020, tables=kept)
    for text in REQUESTS:
        assert again.parse(text) == parser.parse(text), text
    assert again.tables == parser.tables


def test_the_acts_a_phrase_stands_for_survive_the_copy(tmp_path: Path) -> None:
    from segue.domain import EntityRef

    one, two = EntityRef(3, "a3", "Kraftwerk"), EntityRef(9, "a9", "Neu!")
    tables = ParserTables(
        {"krautrock": ("krautrock",)},
        {"krautrock": 12},
        frozenset({"kosmische"}),
        {"kosmische musik": (one, two), "motorik": (one, two), "synth": (two,)},
        {"k-pop girl groups": ("k-pop",)},
    )
    write_tables(tmp_path / "t", "k", tables)
    kept = read_tables(tmp_path / "t", "k")
    assert kept == tables
    assert kept is not None
    assert kept.played_by["motorik"][1].name == "Neu!"
    assert not list(tmp_path.glob("*.partial"))


def test_another_catalog_tree_or_code_reads_no_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database, tree = _files(tmp_path)
    manifest = {"built_at": "one build"}
    key = tables_key((database, tree), manifest)
    assert key == tables_key((database, tree), dict(manifest))
    assert key != tables_key((database, tree), {"built_at": "another build"})
    stat = tree.stat()
    os.utime(tree, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert key != tables_key((database, tree), manifest)
    tables = ParserTables({}, {}, frozenset(), {}, {})
    write_tables(tmp_path / "t", key, tables)
    assert read_tables(tmp_path / "t", key) == tables
    assert read_tables(tmp_path / "t", "another key") is None
    assert read_tables(tmp_path / "none", key) is None


def test_an_unreadable_copy_is_built_again_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "t"
    path.write_bytes(b"key\n" + b"\x00not marshal")
    with caplog.at_level(logging.WARNING):
        assert read_tables(path, "key") is None
    assert "unreadable" in caplog.text
    path.write_bytes(b"key\n" + json.dumps([1, 2]).encode())
    assert read_tables(path, "key") is None


def test_the_composition_root_keeps_the_tables_and_the_next_start_reads_them(
    built_catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(data_dir=tmp_path)
    tree_file = built_catalog.path / GENRE_TREE
    genres = GenreTree.load(tree_file)
    first = build_service(built_catalog, genres, settings, tree_file=tree_file)
    assert settings.parser_tables_file.is_file()
    key = tables_key((built_catalog.path / DATABASE, tree_file), built_catalog.manifest)
    assert read_tables(settings.parser_tables_file, key) == first.parser.tables  # type: ignore[attr-defined]

    def not_again(*_: object) -> None:
        raise AssertionError("the genre vocabulary was built again")

    monkeypatch.setattr(parser_module.QueryParser, "_build_genre_vocab", not_again)
    second = build_service(built_catalog, genres, settings, tree_file=tree_file)
    for text in REQUESTS:
        assert second.parser.parse(text) == first.parser.parse(text), text
    # Without the tree's file (a test's own tree) nothing is read: that tree is not the one the copy was built with.
    with pytest.raises(AssertionError, match="built again"):
        build_service(built_catalog, GenreTree.empty(), settings)
