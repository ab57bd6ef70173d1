"""The query suites' parser over the fake names and the small genre tree: each module gets its own (module scope).
A suite that needs another parser (word meanings, other names) defines its own `parser`, which wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from segue.engine.query.genres import GenreTree
from segue.engine.query.parser import QueryParser
from support.names import load_fake


@pytest.fixture(scope="module")
def parser(datasets_dir: Path) -> QueryParser:
    tree = GenreTree.from_csv(datasets_dir / "lastfm-folds" / "props_hierarchy_wikidata_lastfm_small.csv")
    return QueryParser(load_fake(datasets_dir), tree, reference_year=2020)
