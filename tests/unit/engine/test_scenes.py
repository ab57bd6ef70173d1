"""Scenes: a head genre narrowed by a place or a second genre ('german rap', 'jazz rap'), never just the head."""

from __future__ import annotations

import pytest

from segue.domain import Query
from segue.engine.recommend import TrackRecommender
from segue.engine.scenes import split_scene
from segue.engine.service import relaxations
from segue.engine.signals import CatalogSignals
from support.catalog import FakeCatalog


@pytest.fixture(scope="module")
def catalog() -> FakeCatalog:
    return FakeCatalog.build()


@pytest.fixture(scope="module")
def engine(catalog: FakeCatalog) -> TrackRecommender:
    return TrackRecommender(CatalogSignals(catalog), max_per_artist=4)


def test_a_genre_pair_without_a_tag_of_its_own_splits_into_modifier_and_head(catalog: FakeCatalog) -> None:
    def include(name: str) -> list[int]:
        index = catalog.tag_index(name)
        return [] if index is None else [index]

    scene = split_scene("folk metal", catalog.tag_index, include)
    assert scene is not None
    assert scene.columns == (catalog.tag_index("metal"),)
    assert scene.modifier == (catalog.tag_index("folk"),)
    assert split_scene("thrash metal", catalog.tag_index, include) is None  # a catalog tag: one genre


def test_a_scene_narrows_its_head_not_answers_all_of_it(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    electronic_house = engine.recommend(Query(text="x", genres=("electronic house",)), count=8)
    assert electronic_house
    assert all(catalog.community_of[int(catalog.track_artist[r.index])] == "electronic" for r in electronic_house)
    # No folk artist plays metal: the head alone would have answered metal, the scene answers nothing.
    assert engine.recommend(Query(text="x", genres=("folk metal",)), count=5) == []


def test_a_thin_scene_widens_to_its_head_and_says_so(engine: TrackRecommender) -> None:
    steps = relaxations(Query(text="x", genres=("folk metal",)), engine.broader_genres)
    assert [q.genres for q, _ in steps] == [("metal",)]
    assert "folk metal" in steps[0][1]
    assert relaxations(Query(text="x", genres=("metal",)), engine.broader_genres) == []
