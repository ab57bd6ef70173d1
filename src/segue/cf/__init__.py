"""Collaborative filtering: recommenders fitted on user-artist listening, behind one `Recommender` interface.

Used offline (the catalog build fits the discovery model and stores its neighbour lists; evaluation compares the
models on folds), never on the request path. Below `catalog` and `engine`: it knows arrays, not catalogs. The one
online model is `CoLikes`, community learning from members' likes, updated one like at a time.
"""

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
