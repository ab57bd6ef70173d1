"""Rank fusion with known answers: reciprocal rank, CombSUM, provenance labels, the pool that merges the lists."""

from __future__ import annotations

import pytest

from segue.engine.live.fusion import LOCAL, FusionPool, comb_sum, fused_order, provenance, rrf
from segue.providers.base import SourceTrack

# -- fusion arithmetic ----------------------------------------------------------------------------------------------


def test_rrf_known_answer() -> None:
    scores = rrf([["a", "b", "c"], ["b", "c", "d"]], k=10)
    assert scores["a"] == pytest.approx(1 / 11)
    assert scores["b"] == pytest.approx(1 / 12 + 1 / 11)
    assert scores["c"] == pytest.approx(1 / 13 + 1 / 12)
    assert scores["d"] == pytest.approx(1 / 13)
    assert fused_order(scores) == ["b", "c", "a", "d"]


def test_rrf_weights_and_agreement() -> None:
    # An item two lists agree on beats each list's own top item once k damps the ranks.
    assert fused_order(rrf([["x", "both"], ["y", "both"]], k=60))[0] == "both"
    # Two lists in opposite orders tie; a weight breaks the tie towards the heavier list.
    assert fused_order(rrf([["x", "y"], ["y", "x"]], k=10)) == ["x", "y"]
    assert fused_order(rrf([["x", "y"], ["y", "x"]], k=10, weights=[1.0, 2.0])) == ["y", "x"]


def test_comb_sum_known_answer() -> None:
    scores = comb_sum([{"a": 10.0, "b": 5.0, "c": 0.0}, {"b": 1.0, "c": 0.5}])
    assert scores == {"a": 1.0, "b": 1.5, "c": 0.0}


@pytest.mark.parametrize(
    ("sources", "label"),
    [
        ({LOCAL}, "local"),
        ({"lastfm", LOCAL}, "lastfm+local"),
        ({"lastfm", "deezer"}, "deezer+lastfm"),
        ({LOCAL, "listenbrainz", "lastfm"}, "lastfm+listenbrainz+local"),
    ],
)
def test_provenance_labels(sources: set[str], label: str) -> None:
    assert provenance(sources) == label


def test_pool_merges_one_item_found_twice_and_keeps_order_stable() -> None:
    pool = FusionPool(k=10)
    pool.add_local(("volt", "song 1"), 1, 0)
    pool.add_local(("pulse", "song 2"), 2, 1)
    pool.add_local(("volt", "song 1"), 1, 5)  # a repeat changes nothing
    track = SourceTrack(title="Song 2", artists=("Pulse",), source="lastfm")
    pool.add("lastfm", "similar to Volt", ("pulse", "song 2"), 0, index=2, track=track, tag="house")
    pool.add("lastfm", "similar to Volt", ("new", "tune"), 1, track=SourceTrack(title="Tune", artists=("New",)))
    ranked = pool.ranked()
    assert [c.key for c in ranked] == [("pulse", "song 2"), ("volt", "song 1"), ("new", "tune")]
    top = ranked[0]
    assert top.label == "lastfm+local"
    assert top.score == pytest.approx(1 / 12 + 1 / 11)
    assert top.tags == {"house"}
    assert top.whys == [("lastfm", "similar to Volt")]
    assert ranked[2].index is None
    assert ranked[2].label == "lastfm"
