"""Composition root: Settings -> resources -> services. Owns every shared object's lifetime.

Nothing else in Segue constructs a catalog, a parser or a service; commands and the bot receive them from here.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from segue.catalog.build import GENRE_TREE, GENRE_TREE_SOURCE, build_catalog
from segue.catalog.store import Catalog
from segue.config import Settings
from segue.engine.genre_columns import GenreColumns
from segue.engine.genres import GenreTree
from segue.engine.query import QueryParser
from segue.engine.recommend import TrackRecommender
from segue.engine.service import RecommendationService
from segue.engine.signals import CatalogSignals
from segue.errors import CatalogNotBuiltError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Core:
    """The Discord-agnostic heart: catalog, parser and the service the bot and CLI call."""

    settings: Settings
    catalog: Catalog
    service: RecommendationService
    load_seconds: float


def ensure_catalog(settings: Settings, *, say: bool = True) -> None:
    """Build the catalog when none is built yet: from SEGUE_DATASETS_DIR when set, else by download."""
    from segue.catalog.datasets import resolve_datasets
    from segue.catalog.download import download_datasets

    try:
        Catalog.open(settings.catalog_dir)
        return
    except CatalogNotBuiltError:
        pass
    source = settings.datasets_dir
    if source is None:
        if say:
            log.warning("No catalog yet: downloading the open datasets into %s", settings.downloads_dir)
        download_datasets(resolve_datasets(None), settings.downloads_dir, mirror=None, show_progress=None)
        source = settings.downloads_dir
    elif say:
        log.warning("No catalog yet: building it from %s", source)
    build_catalog(source, settings.catalog_dir)


def genre_tree_path(settings: Settings) -> Path | None:
    """The Wikidata genre tree: shipped inside the built catalog, else from the dataset folders."""
    candidates = [settings.catalog_dir / GENRE_TREE]
    candidates += [root / GENRE_TREE_SOURCE for root in (settings.datasets_dir, settings.downloads_dir) if root]
    return next((c for c in candidates if c.is_file()), None)


def build_service(catalog: Catalog, genres: GenreTree, settings: Settings) -> RecommendationService:
    """Wire parser, recommender and service around an open catalog (also used by tests and benchmarks)."""
    years = np.asarray(catalog.track_year)
    # "recent" counts back from the catalog's newest release, not from today: the datasets end in 2020.
    newest = int(years.max()) if years.size and years.max() > 0 else None
    parser = QueryParser(catalog, genres, max_chars=settings.max_query_chars, reference_year=newest)
    columns = GenreColumns(genres, catalog.tag_names)
    recommender = TrackRecommender(
        CatalogSignals(catalog),
        genre_columns=columns.include,
        exclude_columns=columns.exclude,
        max_per_artist=settings.max_per_artist,
    )
    return RecommendationService(
        catalog,
        parser,
        recommender,
        default_count=settings.default_count,
        max_query_chars=settings.max_query_chars,
    )


def open_core(settings: Settings) -> Core:
    """Open the built catalog and wire the engine and service around it."""
    started = time.perf_counter()
    catalog = Catalog.open(settings.catalog_dir)
    tree_path = genre_tree_path(settings)
    genres = GenreTree.load(tree_path) if tree_path else GenreTree.empty()
    service = build_service(catalog, genres, settings)
    return Core(settings=settings, catalog=catalog, service=service, load_seconds=time.perf_counter() - started)
