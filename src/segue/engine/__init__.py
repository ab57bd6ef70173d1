"""The recommendation engine: free text and options in, explained tracks out.

`RecommendationService` is the face every caller uses (the bot, the CLI, the playground, the evaluation): it parses
(`engine.query`), ranks from the catalog (`recommend` over `signals` and `index`), fuses live sources
(`engine.live`) and caches whole answers. The engine needs a catalog only through the `CatalogView` Protocol.

The names below load on first use, so importing one engine module (`segue.engine.signals`) does not import them
all, with the live sources' aiohttp among them: `segue ask` pays its imports on every call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segue.lazy import lazy_names

if TYPE_CHECKING:
    from segue.engine.protocols import CatalogView, NameResolver
    from segue.engine.recommend import Personal, TrackRecommender
    from segue.engine.service import MAX_COUNT, RecommendationService
    from segue.engine.signals import CatalogSignals

__all__ = [
    "MAX_COUNT",
    "CatalogSignals",
    "CatalogView",
    "NameResolver",
    "Personal",
    "RecommendationService",
    "TrackRecommender",
]

_HOMES = {
    "MAX_COUNT": "segue.engine.service",
    "CatalogSignals": "segue.engine.signals",
    "CatalogView": "segue.engine.protocols",
    "NameResolver": "segue.engine.protocols",
    "Personal": "segue.engine.recommend",
    "RecommendationService": "segue.engine.service",
    "TrackRecommender": "segue.engine.recommend",
}


__getattr__ = lazy_names(__name__, _HOMES)
