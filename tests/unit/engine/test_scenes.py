"""Scenes: a head genre narrowed by a place or a second genre ('german rap', 'jazz rap'), never just the head."""

from __future__ import annotations

import pytest
from scipy import sparse

from segue.domain import FeatureRange, Query
from segue.engine.notes import relaxations
from segue.engine.recommend import TrackRecommender
from segue.engine.scenes import split_scene
from segue.engine.signals import CatalogSignals
from support.catalog import TAGS, FakeCatalog


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


def test_a_voice_splits_into_every_spelling_listeners_use_for_it() -> None:
    """'female rap': rap by artists tagged 'female vocalists' or 'female vocalist' (few carry both)."""
    tags = {"rap": 0, "female vocalists": 1, "female vocalist": 2, "female": 3}

    def include(name: str) -> list[int]:
        return [tags[name]] if name in tags else []

    scene = split_scene("female rap", tags.get, include)
    assert scene is not None
    assert scene.voice
    assert scene.columns == (0,)
    assert set(scene.modifier) == {1, 2}  # bare 'female' is too loose: listeners put it on Dr. Dre


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


def test_several_seeds_share_the_answer() -> None:
    """'a mix of X and Y': picks lean back and forth between the seeds' kin instead of one seed filling the answer."""
    from segue.domain import EntityRef

    catalog = FakeCatalog.build()
    names = {a.name: i for i, a in enumerate(catalog.artists)}
    willow, creek = names["Willow"], names["Creek"]
    # Willow's listeners know one other band, Volt's know three: without balance Volt's side takes most picks.
    for ids, scores in (
        (catalog.artist_neighbors, catalog.artist_neighbor_scores),
        (catalog.artist_tag_neighbors, catalog.artist_tag_neighbor_scores),
    ):
        ids[willow], scores[willow] = -1, 0.0
        ids[willow, 0], scores[willow, 0] = creek, 0.9
    folk = [i for i in range(catalog.n_tracks) if catalog.community_of[int(catalog.track_artist[i])] == "folk"]
    catalog.track_popularity[folk] *= 0.5
    engine = TrackRecommender(CatalogSignals(catalog), max_per_artist=2)
    seeds = tuple(EntityRef(names[n], f"a{names[n]}", n) for n in ("Volt", "Willow"))
    results = engine.recommend(Query(text="mix", seed_artists=seeds), count=4)
    sides = [catalog.community_of[int(catalog.track_artist[r.index])] for r in results]
    assert sides.count("electronic") == sides.count("folk") == 2


def test_a_genre_leads_with_its_canonical_artists_not_a_stray_tagged_track() -> None:
    """A popular folk song that one playlist filed under metal must not open a metal answer."""
    catalog = FakeCatalog.build()
    stray = next(i for i, t in enumerate(catalog.tracks) if t.title == "Willow Song 0")
    tags = sparse.lil_matrix(catalog.track_tags)
    tags[stray, :] = 0
    tags[stray, TAGS.index("metal")] = 1.0
    catalog.track_tags = sparse.csr_matrix(tags)
    catalog.track_popularity[stray] = 1.0
    engine = TrackRecommender(CatalogSignals(catalog), max_per_artist=2)
    results = engine.recommend(Query(text="metal", genres=("metal",)), count=3)
    assert [catalog.community_of[int(catalog.track_artist[r.index])] for r in results] == ["metal"] * 3


async def test_a_request_that_only_leaves_things_out_is_a_mix_without_them() -> None:
    """'anything but metal' named nothing to play, so it came back empty; now it is a mix minus metal."""
    from support.bot import make_service

    answer = await make_service().recommend(Query(text="anything but metal", exclude_genres=("metal",)), count=4)
    assert answer.results
    assert all("metal" not in r.track.genres for r in answer.results)


def test_several_genres_share_the_answer() -> None:
    """'a mix of metal and folk': the answer holds both, even when one genre's tracks score higher throughout."""
    catalog = FakeCatalog.build()
    folk = [i for i in range(catalog.n_tracks) if catalog.community_of[int(catalog.track_artist[i])] == "folk"]
    catalog.track_popularity[folk] *= 0.2
    engine = TrackRecommender(CatalogSignals(catalog), max_per_artist=2)
    results = engine.recommend(Query(text="mix", genres=("metal", "folk")), count=4)
    sides = [catalog.community_of[int(catalog.track_artist[r.index])] for r in results]
    assert sides.count("metal") == sides.count("folk") == 2


def test_a_thin_genre_widens_to_its_nearest_broader_one_but_never_to_a_chart_label(catalog: FakeCatalog) -> None:
    parents = {"thrash metal": ("metal",), "house": ("pop",), "folk": ()}
    engine = TrackRecommender(CatalogSignals(catalog), genre_parents=lambda g: parents.get(g, ()))
    assert engine.broader_genres(("thrash metal",)) == ("metal",)
    assert engine.broader_genres(("house",)) == ("house",), "'pop' is a playlist label: a chart, not a neighbour"
    assert engine.broader_genres(("folk",)) == ("folk",)
    steps = relaxations(Query(text="x", genres=("thrash metal",)), engine.broader_genres)
    assert [q.genres for q, _ in steps] == [("metal",)]
    assert "I have little thrash metal" in steps[0][1]


def test_under_a_mood_a_genre_holds_only_songs_its_listeners_vouch_for() -> None:
    """'calm electronic music' opened with 'Fast Car': a calm song an electropop playlist held is the label's outlier,
    and a mood picks exactly the outliers. Under a mood a song's own genre tag needs its artist filed there too."""
    catalog = FakeCatalog.build()
    stray = next(i for i, t in enumerate(catalog.tracks) if t.title == "Willow Song 0")
    tags = sparse.lil_matrix(catalog.track_tags)
    tags[stray, TAGS.index("metal")] = 1.0
    catalog.track_tags = sparse.csr_matrix(tags)
    engine = TrackRecommender(CatalogSignals(catalog), max_per_artist=4)
    calm = FeatureRange("energy", high=0.45, target=0.3, because="calm")
    plain = engine.recommend(Query(text="metal", genres=("metal",)), count=20)
    assert stray in [r.index for r in plain], "without a mood the song's own tag still counts"
    results = engine.recommend(Query(text="calm metal", genres=("metal",), moods=("calm",), features=(calm,)), count=5)
    assert stray not in [r.index for r in results]
    assert all(catalog.community_of[int(catalog.track_artist[r.index])] == "metal" for r in results)
