"""The real engine over the built catalog, as the bot wires it, and helpers for its worker processes."""

from __future__ import annotations

import asyncio

from segue.app import build_service, genre_tree_path
from segue.catalog.build import GENRE_TREE
from segue.catalog.store import Catalog
from segue.config import load_settings
from segue.engine.processes import EngineProcesses, EngineSpec
from segue.engine.query.genres import GenreTree
from segue.engine.service import RecommendationService


def real_service(catalog: Catalog) -> RecommendationService:
    """The service over the built catalog with its genre tree, catalog-only (no live sources)."""
    tree = catalog.path / GENRE_TREE
    genres = GenreTree.load(tree) if tree.is_file() else GenreTree.empty()
    return build_service(catalog, genres, load_settings())


def engine_spec(service: RecommendationService) -> EngineSpec:
    """What a worker process needs to build the same engine as `service`'s."""
    settings = load_settings(catalog_dir=service.catalog.path)
    return EngineSpec(service.catalog.path, genre_tree_path(settings), settings.ann_threshold, settings.max_per_artist)


async def until_ready(workers: EngineProcesses, within: float = 120.0) -> None:
    """Wait for every worker to have its engine (spawning and building take a few seconds on a busy machine)."""
    async with asyncio.timeout(within):
        while not workers.ready:  # noqa: ASYNC110 - readiness is a flag the pool's callback thread sets
            await asyncio.sleep(0.1)
