"""The recommendation engine: free text and options in, explained tracks out.

`RecommendationService` is the face every caller uses (the bot, the CLI, the playground, the evaluation): it parses
(`engine.query`), ranks from the catalog (`recommend` over `signals` and `index`), fuses live sources
(`engine.live`) and caches whole answers. The engine needs a catalog only through the `CatalogView` Protocol.
"""

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
