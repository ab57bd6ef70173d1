"""Shared fixtures: the dataset mirror, whether required services must be present (CI) or may skip, and `wiring`
(`support.sources`), which connects a live-source provider to its local stand-in."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from support.ci import require
from support.sources import wiring

if TYPE_CHECKING:
    from segue.catalog.store import Catalog

__all__ = ["built_catalog", "datasets_dir", "wiring"]

# No per-example deadline: a deadline is a timed assertion, and on the shared 2-core machine a busy moment failed a
# property that held (test_llm's validation example over 200 ms). Speed is measured by `make bench`.
settings.register_profile("segue", deadline=None)
settings.load_profile("segue")


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    """The local mirror of the source datasets (SEGUE_DATASETS_DIR, e.g. ../shared/data)."""
    raw = os.environ.get("SEGUE_DATASETS_DIR", "")
    path = Path(raw) if raw else Path(__file__).resolve().parents[2] / "shared" / "data"
    require(
        path.is_dir() and (path / "spotify-songs").is_dir(), f"datasets not found at {path} (set SEGUE_DATASETS_DIR)"
    )
    return path


@pytest.fixture(scope="session")
def built_catalog(datasets_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    """The real catalog, built once per test session from `datasets_dir` into a temporary directory (~10 s)."""
    from segue.catalog.build import build_catalog
    from segue.catalog.store import Catalog

    target = tmp_path_factory.mktemp("built-catalog") / "catalog"
    build_catalog(datasets_dir, target)
    catalog = Catalog.open(target)
    yield catalog
    catalog.close()
