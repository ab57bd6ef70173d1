"""The one way an engine is built, in the bot's process and in each worker (`segue.engine.processes`), so both
rank alike. Apart from the worker pool, so a process that ranks only in itself (`segue ask`) does not import
multiprocessing."""

from __future__ import annotations

from segue.catalog.store import Catalog
from segue.engine.query.genre_columns import GenreColumns
from segue.engine.query.genres import GenreTree
from segue.engine.recommend import TrackRecommender
from segue.engine.signals import CatalogSignals

__all__ = ["build_recommender"]


def build_recommender(
    catalog: Catalog, genres: GenreTree, *, ann_threshold: int, max_per_artist: int
) -> TrackRecommender:
    """The engine over an open catalog and genre tree."""
    columns = GenreColumns(genres, catalog.tag_names)
    return TrackRecommender(
        CatalogSignals(catalog, ann_threshold=ann_threshold),
        genre_columns=columns.include,
        exclude_columns=columns.exclude,
        genre_parents=columns.parents,
        max_per_artist=max_per_artist,
    )
