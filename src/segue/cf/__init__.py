"""Collaborative filtering: recommenders fitted on user-artist listening, behind one `Recommender` interface.

Used offline (the catalog build fits the discovery model and stores its neighbour lists; evaluation compares the
models on folds), never on the request path. Below `catalog` and `engine`: it knows arrays, not catalogs. The one
online model is `CoLikes`, community learning from members' likes, updated one like at a time.

The names below load on first use: the bot imports `CoLikes` on its start-up path, which must not pay for the
offline models' scipy (BENCHMARKS.md, issue 14, cold start of `segue run`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segue.lazy import lazy_names

if TYPE_CHECKING:
    from segue.cf.colikes import CoLikes
    from segue.cf.graph import RP3beta
    from segue.cf.linear import EASE
    from segue.cf.models import ItemKNN, MostPop, NotFittedError, Ranking, Recommender, SparseRows, as_interactions
    from segue.cf.registry import (
        BEST_MODEL,
        MODELS,
        DiscoveryModel,
        fit_discovery_model,
        item_neighbors,
        load_user_artists,
        make_model,
    )

__all__ = [
    "BEST_MODEL",
    "EASE",
    "MODELS",
    "CoLikes",
    "DiscoveryModel",
    "ItemKNN",
    "MostPop",
    "NotFittedError",
    "RP3beta",
    "Ranking",
    "Recommender",
    "SparseRows",
    "as_interactions",
    "fit_discovery_model",
    "item_neighbors",
    "load_user_artists",
    "make_model",
]

_HOMES = {
    "BEST_MODEL": "segue.cf.registry",
    "EASE": "segue.cf.linear",
    "MODELS": "segue.cf.registry",
    "CoLikes": "segue.cf.colikes",
    "DiscoveryModel": "segue.cf.registry",
    "ItemKNN": "segue.cf.models",
    "MostPop": "segue.cf.models",
    "NotFittedError": "segue.cf.models",
    "RP3beta": "segue.cf.graph",
    "Ranking": "segue.cf.models",
    "Recommender": "segue.cf.models",
    "SparseRows": "segue.cf.models",
    "as_interactions": "segue.cf.models",
    "fit_discovery_model": "segue.cf.registry",
    "item_neighbors": "segue.cf.registry",
    "load_user_artists": "segue.cf.registry",
    "make_model": "segue.cf.registry",
}


__getattr__ = lazy_names(__name__, _HOMES)
