"""The seeds' wider circle beside an era: their neighbours the era keeps out relay to their own neighbours."""

from __future__ import annotations

import numpy as np

from segue.domain import EntityRef, Query
from segue.engine.circle import era_beside_seeds, widened
from segue.engine.recommend import TrackRecommender
from segue.engine.signals import CatalogSignals
from support.catalog import FakeCatalog


def _index(catalog: FakeCatalog, name: str) -> int:
    return next(i for i, a in enumerate(catalog.artists) if a.name == name)


def _relayed() -> FakeCatalog:
    """The toy world where Creek, a folk act of the 70s like Willow, is co-listened with Circuit (electronic, 2005):
    Willow's own neighbours are all folk acts of the 70s."""
    catalog = FakeCatalog.build()
    creek, circuit = _index(catalog, "Creek"), _index(catalog, "Circuit")
    row = catalog.artist_neighbors[creek].copy()
    catalog.artist_neighbors[creek] = np.concatenate([[circuit], row[:-1]])
    return catalog


def test_newer_than_a_seed_reaches_its_neighbours_neighbours() -> None:
    """'like fleetwood mac but newer': with every neighbour of the seed older than asked, the answer ranked by a
    weak shared tag or by sound (Filipino pop-rock, 'popular: 60/100'); an act co-listened with the seed's own
    neighbour now leads, and its reason names that neighbour."""
    catalog = _relayed()
    engine = TrackRecommender(CatalogSignals(catalog), max_per_artist=1)
    willow = _index(catalog, "Willow")
    seed = (EntityRef(willow, f"a{willow}", "Willow"),)
    query = Query(text="like willow but newer", seed_artists=seed, artists_from=2000)
    results = engine.recommend(query, count=3)
    first = results[0]
    assert catalog.track(first.index).artists == ("Circuit",)
    assert any("Creek" in r.text for r in first.reasons), first.reasons


def test_the_circle_stays_the_seeds_own_while_the_era_keeps_their_neighbours() -> None:
    catalog = _relayed()
    signals = CatalogSignals(catalog)
    willow = _index(catalog, "Willow")
    aff = signals.artist_affinity([willow], tracks_only=True)
    everything = np.ones(catalog.n_tracks, dtype=bool)
    same, relays = widened(signals, aff, [willow], everything, 3, (1.0, 0.8, 0.6))
    assert same is aff
    assert relays == []


def test_the_circle_stays_while_the_era_keeps_neighbours_for_half_the_answer() -> None:
    """'like u2 but newer': with eight of U2's own neighbours in the era, the relays' acts crowded out Interpol and
    The Killers. With Hollow kept out, Willow's two other neighbours are enough for four songs, not for six."""
    catalog = _relayed()
    signals = CatalogSignals(catalog)
    willow, hollow = _index(catalog, "Willow"), _index(catalog, "Hollow")
    aff = signals.artist_affinity([willow], tracks_only=True)
    admitted = np.asarray(catalog.track_artist) != hollow
    assert widened(signals, aff, [willow], admitted, 4, (1.0, 0.8, 0.6))[1] == []
    assert widened(signals, aff, [willow], admitted, 6, (1.0, 0.8, 0.6))[1] == [hollow]


def test_an_era_beside_seeds_is_not_the_seeds_own_songs() -> None:
    seed = (EntityRef(0, "a0", "Volt"),)
    assert era_beside_seeds(Query(seed_artists=seed, artists_from=2000))
    assert era_beside_seeds(Query(seed_artists=seed, year_max=1990))
    assert not era_beside_seeds(Query(seed_artists=seed, by_artists=seed, year_max=1990))
    assert not era_beside_seeds(Query(seed_artists=seed))
