"""The local recommender and the service on a catalog whose right answers are known (tests/support/catalog.py)."""

from __future__ import annotations

import pytest

from segue.domain import EntityRef, FeatureRange, Novelty, Query
from segue.engine.recommend import Personal, TrackRecommender
from segue.engine.service import RecommendationService
from segue.engine.signals import CatalogSignals
from segue.text import base_title
from support.catalog import FakeCatalog


@pytest.fixture(scope="module")
def catalog() -> FakeCatalog:
    return FakeCatalog.build()


@pytest.fixture(scope="module")
def engine(catalog: FakeCatalog) -> TrackRecommender:
    return TrackRecommender(CatalogSignals(catalog), max_per_artist=2)


def artist_ref(catalog: FakeCatalog, name: str) -> EntityRef:
    idx = next(i for i, a in enumerate(catalog.artists) if a.name == name)
    return EntityRef(idx, catalog.artists[idx].id, name)


def community(catalog: FakeCatalog, track: int) -> str:
    return catalog.community_of[int(catalog.track_artist[track])]


def test_seed_artist_gives_its_community_not_itself(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    seed = artist_ref(catalog, "Volt")
    results = engine.recommend(Query(seed_artists=(seed,)), count=6)
    assert len(results) == 6
    assert all(community(catalog, r.index) == "electronic" for r in results)
    assert all(catalog.tracks[r.index].artists != ("Volt",) for r in results)
    texts = [reason.text for r in results for reason in r.reasons]
    assert any(t == "shares listeners with Volt" for t in texts)


def test_scores_sorted_and_count_respected(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    results = engine.recommend(Query(seed_artists=(artist_ref(catalog, "Anvil"),)), count=3)
    assert len(results) == 3
    assert len({r.index for r in results}) == 3


def test_max_two_per_artist(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    results = engine.recommend(Query(seed_artists=(artist_ref(catalog, "Anvil"),)), count=10)
    per_artist: dict[int, int] = {}
    for r in results:
        a = int(catalog.track_artist[r.index])
        per_artist[a] = per_artist.get(a, 0) + 1
    assert max(per_artist.values()) <= 2
    # Only Forge and Hammer remain in the metal community, so at most 4 metal tracks can be shown.
    assert sum(1 for r in results if community(catalog, r.index) == "metal") <= 4


def test_versions_are_deduplicated(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    results = engine.recommend(Query(seed_artists=(artist_ref(catalog, "Volt"),)), count=10)
    keys = [(base_title(catalog.tracks[r.index].title), int(catalog.track_artist[r.index])) for r in results]
    assert len(keys) == len(set(keys))


def test_mood_bounds_are_hard_constraints(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    chill = (FeatureRange("energy", high=0.4, because="chill"), FeatureRange("acousticness", low=0.5, because="chill"))
    results = engine.recommend(Query(moods=("chill",), features=chill), count=8)
    assert results
    for r in results:
        assert catalog.features[r.index, 1] <= 0.4
        assert catalog.features[r.index, 4] >= 0.5
        assert any(reason.text.startswith("calm and acoustic (energy ") for reason in r.reasons)


def test_genre_and_era(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    results = engine.recommend(Query(genres=("metal",), year_min=1990, year_max=1992), count=10)
    assert results
    for r in results:
        assert community(catalog, r.index) == "metal"
        assert 1990 <= catalog.track_year[r.index] <= 1992
    assert any("90s" in reason.text for r in results for reason in r.reasons)


def test_exclusions(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    query = Query(
        seed_artists=(artist_ref(catalog, "Volt"),),
        exclude_artists=(artist_ref(catalog, "Pulse"),),
        exclude_genres=("folk",),
    )
    results = engine.recommend(query, count=10)
    assert results
    for r in results:
        assert catalog.tracks[r.index].artists[0] not in {"Pulse", "Volt"}
        assert community(catalog, r.index) != "folk"


def test_deep_cuts_cap_popularity(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    results = engine.recommend(Query(genres=("folk", "acoustic"), novelty=Novelty.DEEP), count=5)
    assert results
    signals = engine.signals
    assert all(signals.popularity[r.index] <= 0.55 for r in results)
    familiar = engine.recommend(Query(genres=("folk", "acoustic"), novelty=Novelty.FAMILIAR), count=5)
    assert min(signals.popularity[r.index] for r in familiar) > max(signals.popularity[r.index] for r in results)


def test_personal_taste(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    liked = next(i for i, t in enumerate(catalog.tracks) if t.artists == ("Willow",))
    hollow = artist_ref(catalog, "Hollow").index
    personal = Personal(liked_tracks=(liked,), disliked_artists=(hollow,))
    results = engine.recommend(Query(), count=5, personal=personal)
    assert results
    assert all(community(catalog, r.index) == "folk" for r in results)
    assert all(int(catalog.track_artist[r.index]) != hollow for r in results)
    assert liked not in {r.index for r in results}


def test_similar_artists(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    seed = artist_ref(catalog, "Creek").index
    results = engine.similar_artists(seed, count=3)
    assert [catalog.community_of[r.index] for r in results] == ["folk"] * 3
    assert all(r.index != seed for r in results)
    assert results[0].reasons[0].text == "shares listeners with Creek"


class StubParser:
    """Maps text to a prepared query, so the service is tested without the real parser."""

    def __init__(self, query: Query) -> None:
        self.query = query

    def parse(self, text: str) -> Query:
        return self.query


async def test_service_answer_shape_and_links(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    service = RecommendationService(catalog, StubParser(Query(text="x", genres=("metal",))), engine, default_count=4)
    answer = await service.ask("metal please")
    doc = answer.to_dict()
    assert set(doc) == {"query", "results", "notes", "sources", "degraded"}
    assert len(doc["results"]) == 4
    first = doc["results"][0]
    assert set(first) == {
        "title", "artists", "album", "year", "genres", "features", "popularity", "score", "reasons", "links", "source",
    }  # fmt: skip
    assert set(first["features"]) == {
        "danceability", "energy", "valence", "tempo", "acousticness", "instrumentalness", "speechiness",
        "liveness", "loudness",
    }  # fmt: skip
    assert first["links"]["youtube"].startswith("https://www.youtube.com/results?search_query=")
    assert first["reasons"]


async def test_service_empty_and_unknown(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    service = RecommendationService(catalog, StubParser(Query(text="hello")), engine)
    answer = await service.ask("hello")
    assert answer.results == ()
    assert "artist" in answer.notes[0]
    unknown = Query(text="like Zzz", unresolved=("Zzz",), suggestions=("Volt",))
    answer = await RecommendationService(catalog, StubParser(unknown), engine).ask("like Zzz")
    assert answer.results == ()
    assert "Did you mean Volt" in answer.notes[0]


async def test_service_similar_and_discover(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    service = RecommendationService(catalog, StubParser(Query()), engine)
    similar = await service.similar_artists("Anvil", count=2)
    assert [r.artist.name for r in similar.results] == ["Forge", "Hammer"]
    with pytest.raises(Exception, match="unknown artist"):
        service.resolve_artist("Nobody At All")
    found = await service.discover(liked_track_ids=["t16"], count=3)
    assert found.results
    assert all(r.track.id != "t16" for r in found.results)
    nothing = await service.discover()
    assert nothing.results == ()
    assert nothing.notes


def test_songs_by_an_artist_are_that_artists(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    willow = artist_ref(catalog, "Willow")
    results = engine.recommend(Query(seed_artists=(willow,), by_artists=(willow,)), count=3)
    assert len(results) == 3
    assert all(catalog.tracks[r.index].artists == ("Willow",) for r in results)


def test_ann_path_agrees_with_exact_on_a_seed_track(catalog: FakeCatalog) -> None:
    """Above the threshold the sound signal comes from an HNSW index; on this catalog it finds the same tracks."""
    exact = TrackRecommender(CatalogSignals(catalog), max_per_artist=2)
    ann = TrackRecommender(CatalogSignals(catalog, ann_threshold=5, ann_k=40), max_per_artist=2)
    assert exact.signals.ann is None
    assert ann.signals.ann is not None
    seed = next(i for i, t in enumerate(catalog.tracks) if t.title == "Willow Song 0")
    query = Query(seed_tracks=(EntityRef(seed, catalog.tracks[seed].id, "Willow Song 0"),))
    assert [r.index for r in ann.recommend(query, count=5)] == [r.index for r in exact.recommend(query, count=5)]


def test_column_gather_matches_a_dense_reference() -> None:
    """The vectorized per-row max over many tag columns equals a plain dense computation."""
    import numpy as np
    from scipy import sparse

    from segue.catalog.csr import column_entries, columns_max

    rng = np.random.default_rng(3)
    dense = (rng.random((200, 40)) < 0.1) * rng.random((200, 40)).astype(np.float32)
    matrix = sparse.csc_matrix(dense.astype(np.float32))
    cols = [3, 7, 8, 21, 39]
    best, which = columns_max(matrix, cols, 200)
    expected = dense[:, cols].max(axis=1)
    assert np.allclose(best, expected)
    hit = expected > 0
    assert np.array_equal(np.asarray(cols)[dense[:, cols].argmax(axis=1)][hit], which[hit])
    assert (which[~hit] == -1).all()
    rows, _, _ = column_entries(matrix, cols)
    assert set(rows.tolist()) == set(np.flatnonzero(hit).tolist())


def test_conflicting_moods_widen_to_a_band_and_reasons_stay_truthful() -> None:
    from segue.engine.explain import feature_phrase
    from segue.engine.signals import combined_bounds

    sad = FeatureRange("energy", high=0.65, because="sad")
    workout = FeatureRange("energy", low=0.8, because="workout")
    low, high = combined_bounds([sad, workout])["energy"]
    assert low is not None
    assert high is not None
    assert high - low == pytest.approx(0.15)
    assert low < 0.725 < high
    assert combined_bounds([FeatureRange("energy", high=0.5), FeatureRange("energy", high=0.3)]) == {
        "energy": (None, 0.3)
    }
    assert feature_phrase("energy", 0.5, sad) == "low energy 0.50"
    assert feature_phrase("energy", 0.77, sad) == "energy 0.77"  # outside sad's bound: no "low"


async def test_an_answer_shorter_than_asked_says_why() -> None:
    """Issue 9: never thin without saying why; more than a page asked for gets a note, in the JSON too."""
    from support.bot import make_service

    service = make_service()
    answer = await service.recommend(Query(text="30 metal", genres=("metal",), count=10, asked_count=30))
    assert any("you asked for 30" in note for note in answer.notes)
    assert answer.to_dict()["notes"] == list(answer.notes)
    plain = await service.recommend(Query(text="metal", genres=("metal",), count=3))
    assert not any("asked for" in note for note in plain.notes)


def test_second_songs_wait_for_new_artists_that_fit(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    """Issue 9: "two per artist" left 6-7 artists in 10; a repeat now yields to a new artist that fits nearly as well,
    but a small scene keeps its second songs rather than pulling in artists from elsewhere."""
    results = engine.recommend(Query(seed_artists=(artist_ref(catalog, "Volt"),)), count=6)
    artists = [catalog.tracks[r.index].artists[0] for r in results]
    assert len(set(artists[:3])) == 3  # Pulse's second song (the 2nd best score) waits for Circuit and Neon
    assert all(community(catalog, r.index) == "electronic" for r in results)


def test_relaxations_loosen_the_sound_then_the_era_and_keep_what_was_named() -> None:
    """Issue 9: the order in which constraints give way when they leave an answer short."""
    from segue.engine.notes import relaxations

    sound = FeatureRange("instrumentalness", low=0.5, because="instrumental")
    query = Query(
        text="x", genres=("post rock",), features=(sound,), moods=("instrumental",), year_min=1990, year_max=1999
    )
    steps = relaxations(query)
    assert [bool(q.features) for q, _ in steps] == [False, False, False]
    assert [(q.year_min, q.year_max) for q, _ in steps] == [(1990, 1999), (1985, 2004), (None, None)]
    assert all(q.genres == ("post rock",) for q, _ in steps)
    assert "'instrumental'" in steps[0][1]
    assert relaxations(Query(text="y", genres=("metal",))) == []


async def test_an_answer_that_stays_short_says_so() -> None:
    from support.bot import make_service

    service = make_service()
    answer = await service.recommend(Query(text="metal", genres=("metal",), count=10))
    if len(answer.results) < 10:
        assert any("That's all I have" in note for note in answer.notes)
    far = await service.recommend(Query(text="metal 1800", genres=("metal",), year_min=1800, year_max=1801, count=2))
    assert far.results
    assert any("era you asked" in note for note in far.notes), far.notes


async def test_a_surprise_is_a_mix_across_genres_and_says_so() -> None:
    from segue.engine.service import MIX_NOTE, MIX_WITHIN_NOTE
    from support.bot import make_service

    answer = await make_service().recommend(Query(text="surprise me", surprise=True, count=3))
    assert len(answer.results) == 3
    assert MIX_NOTE in answer.notes
    bounded = await make_service().recommend(Query(text="anything but metal", exclude_genres=("metal",), count=3))
    assert MIX_WITHIN_NOTE in bounded.notes  # something was named: "you didn't name anything" was untrue
    assert MIX_NOTE not in bounded.notes
    nothing = await make_service().recommend(Query(text="?"))
    assert nothing.results == ()


async def test_a_request_with_nothing_usable_gets_the_hint_beside_what_was_not_used() -> None:
    from segue.engine.service import HELP_HINT
    from support.bot import make_service

    answer = await make_service().recommend(Query(text="[CLICKME](x)", ignored=("CLICKME",)))
    assert answer.results == ()
    assert any("Not used" in note for note in answer.notes)
    assert HELP_HINT in answer.notes


def test_mood_reasons_say_plain_words_before_numbers() -> None:
    """Issue 13: 'calm and slow (energy 0.41, 110 BPM)' rather than 'chill: low energy 0.41'."""
    from segue.engine.explain import mood_reason

    chill = (FeatureRange("energy", high=0.5, because="chill"), FeatureRange("tempo", high=115, because="chill"))
    calm = mood_reason("chill", chill, {"energy": 0.41, "tempo": 92.2})
    assert calm is not None
    assert calm.text == "calm and slow (energy 0.41, 92 BPM)"
    assert calm.facts["words"] == [["energy", "low"], ["tempo", "low"]]
    assert calm.facts["numbers"] == [["energy", 0.41, ""], ["tempo", 92.2, ""]]
    middling = mood_reason("chill", chill, {"energy": 0.41, "tempo": 110.2})
    assert middling is not None
    assert middling.text == "calm (energy 0.41, 110 BPM)"  # 110 BPM passes the ceiling but is not slow
    lively = mood_reason("chill", chill, {"energy": 0.77, "tempo": None})
    assert lively is not None
    assert lively.text == "chill (energy 0.77)"  # outside: no word
    assert lively.facts["words"] == []
    band = (FeatureRange("valence", low=0.3, high=0.6, because="mellow"),)
    mellow = mood_reason("mellow", band, {"valence": 0.5})
    assert mellow is not None
    assert mellow.text == "mellow (positivity 0.50)"
    assert mood_reason("chill", chill, {}) is None


def test_the_pool_keeps_a_handful_per_artist_in_order() -> None:
    import numpy as np

    from segue.engine.selection import first_per_group

    order = np.array([10, 11, 12, 13, 14, 15, 16], dtype=np.intp)
    groups = np.array([1, 1, 2, 1, 1, 2, 3], dtype=np.int32)
    assert first_per_group(order, groups, 2).tolist() == [10, 11, 12, 15, 16]
    assert first_per_group(order[:0], groups[:0], 2).tolist() == []


def test_each_seed_brings_its_best_in_turn() -> None:
    import numpy as np

    from segue.engine.selection import interleave

    order = np.array([10, 11, 12, 13, 14, 15], dtype=np.intp)
    groups = np.array([1, 1, 1, 2, -1, 2], dtype=np.int32)
    assert interleave(order, groups).tolist() == [10, 13, 14, 11, 15, 12]
    assert interleave(order[:0], groups[:0]).tolist() == []
