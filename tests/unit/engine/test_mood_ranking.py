"""Mood answers ranked by how listeners hear the music (issue 9), not by the chart among whatever the bounds admit."""

from __future__ import annotations

from scipy import sparse

from segue.domain import Query
from segue.engine.recommend import TrackRecommender
from segue.engine.signals import CatalogSignals
from support.catalog import TAGS, FakeCatalog


def community(catalog: FakeCatalog, track: int) -> str:
    return catalog.community_of[int(catalog.track_artist[track])]


def test_a_mood_leans_on_the_styles_that_carry_it() -> None:
    """No artist is tagged "angry" here, but metal is how angry music is heard: it leads, not the most popular."""
    catalog = FakeCatalog.build()
    engine = TrackRecommender(CatalogSignals(catalog), max_per_artist=4)
    results = engine.recommend(Query(text="angry music", moods=("angry",)), count=3)
    assert [community(catalog, r.index) for r in results] == ["metal"] * 3


def test_an_artist_known_only_by_playlist_labels_is_unknown_not_unfit() -> None:
    """Artists newer than the Last.fm data carry only Spotify playlist labels: silence is not evidence against."""
    catalog = FakeCatalog.build()
    willow = next(i for i, a in enumerate(catalog.artists) if a.name == "Willow")
    volt = next(i for i, a in enumerate(catalog.artists) if a.name == "Volt")
    tags = sparse.lil_matrix(catalog.artist_tags)
    tags[willow, :] = 0
    tags[willow, TAGS.index("pop")] = 1.0
    catalog.artist_tags = sparse.csr_matrix(tags)
    engine = TrackRecommender(CatalogSignals(catalog), max_per_artist=4)
    results = engine.recommend(Query(text="angry music", moods=("angry",)), count=catalog.n_tracks)
    score = {(int(catalog.track_artist[r.index]), catalog.track(r.index).title[-1]): r.score for r in results}
    # Same popularity, same (absent) sound bounds: Willow, of whom listeners said nothing, outranks Volt, whom
    # listeners tagged electronic and house; the metal bands, tagged with angry styles, outrank both.
    assert score[willow, "0"] > score[volt, "0"]
    metal = [r.score for r in results if community(catalog, r.index) == "metal"]
    assert min(metal[:3]) > score[willow, "0"]


def test_acoustic_leans_on_acoustic_and_folk_tags() -> None:
    catalog = FakeCatalog.build()
    engine = TrackRecommender(CatalogSignals(catalog), max_per_artist=4)
    results = engine.recommend(Query(text="acoustic stuff", moods=("acoustic",)), count=4)
    assert [community(catalog, r.index) for r in results] == ["folk"] * 4


def test_every_mood_label_with_listener_tags_is_a_mood_the_parser_knows() -> None:
    """A label in MOOD_TAGS that no mood word produces would be dead weight (and 'dinner' must be its own mood)."""
    from segue.engine.mood_tags import MOOD_TAGS
    from segue.engine.query import MOODS_BY_LABEL

    assert set(MOOD_TAGS) <= set(MOODS_BY_LABEL)
    assert "dinner" in MOOD_TAGS


def test_a_mood_tag_one_listener_gave_counts_for_less() -> None:
    """Tim McGraw carries seven listener tags, one a single listener's 'sad' at 0.27 of his weight: in full it led
    every sad answer with 'Humble and Kind'. The same weight from two listeners counts in full."""
    from segue.engine.mood_tags import MoodEvidence

    catalog = FakeCatalog.build()
    volt, pulse = (next(i for i, a in enumerate(catalog.artists) if a.name == n) for n in ("Volt", "Pulse"))
    column = TAGS.index("thrash metal")
    tags = sparse.lil_matrix(catalog.artist_tags)
    votes = sparse.lil_matrix(catalog.artist_tags.shape, dtype="float32")
    for artist, listeners in ((volt, 1.0), (pulse, 2.0)):
        tags[artist, :] = 0
        tags[artist, column] = 0.3
        votes[artist, column] = listeners
    catalog.artist_tags = sparse.csr_matrix(tags)
    catalog.artist_tag_votes = sparse.csr_matrix(votes)
    heard = MoodEvidence(CatalogSignals(catalog)).one("angry")
    assert heard is not None
    by_artist = {int(a): float(heard[i]) for i, a in enumerate(catalog.track_artist)}
    assert by_artist[volt] < by_artist[pulse], (by_artist[volt], by_artist[pulse])
