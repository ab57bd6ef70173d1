"""How a looser reading of a short answer is said (`segue.engine.notes`)."""

from __future__ import annotations

from segue.domain import EntityRef, FeatureRange, Query
from segue.engine.notes import ERA_FAR, ERA_NEAR, relaxations, said_once, unresolved_notes

CAETANO = EntityRef(index=7, id="a7", name="Caetano Veloso")


def test_an_act_with_no_songs_is_not_said_to_have_a_few() -> None:
    """'músicas essenciais de caetano veloso' said 'I have only a few songs by Caetano Veloso' with none here."""
    query = Query(text="x", seed_artists=(CAETANO,), by_artists=(CAETANO,))
    none = relaxations(query, songs_by=lambda artist: 0)
    assert none[-1][1] == "I have no songs by Caetano Veloso; these are like them."
    assert none[-1][0].by_artists == ()
    few = relaxations(query, songs_by=lambda artist: 2)
    assert few[-1][1] == "I have only a few songs by Caetano Veloso; the rest are like them."
    assert relaxations(query)[-1][1] == few[-1][1]  # without counts, the old sentence


def test_a_mood_too_narrow_for_its_era_stays_the_sound_aimed_at() -> None:
    """'songs from the 60s for a party, danceable' filled with 'Pale Blue Eyes': the bounds went and the ranking
    forgot the mood. The bounds go; a mood's own targets stay, bounds without one do not become targets."""
    party = (
        FeatureRange("danceability", low=0.7, target=0.8, because="party"),
        FeatureRange("energy", low=0.7, because="party"),
    )
    query = Query(text="x", moods=("party",), features=party, year_min=1960, year_max=1969)
    looser, said = relaxations(query)[0]
    assert looser.features == (FeatureRange("danceability", target=0.8, because="party"),)
    assert looser.moods == ()
    assert said == "Few tracks fit 'party' as well, so the rest match the request without it."


def test_an_era_dropped_is_said_once_not_also_widened() -> None:
    """'80s thrash metal' said both that some songs were from just outside the era and that some were outside it."""
    assert said_once(["a", ERA_NEAR, "a", ERA_FAR, "b"]) == ("a", ERA_FAR, "b")
    assert said_once([ERA_NEAR, "b"]) == (ERA_NEAR, "b")


def test_a_scene_widens_a_second_step_when_its_genre_is_as_thin() -> None:
    """'brazilian trap for my stream' was an empty answer: the Creative Commons catalog has no trap either, so the
    genre above trap is tried next, each said."""
    tree = {("brazilian trap",): ("trap",), ("trap",): ("bass music",)}
    query = Query(text="x", genres=("brazilian trap",))
    steps = relaxations(query, broader=lambda genres: tree.get(tuple(genres), tuple(genres)))
    assert [step.genres for step, _ in steps] == [("trap",), ("bass music",)]
    assert steps[-1][1] == "I have little brazilian trap; the rest is the nearest broader genre (bass music)."
    assert len(relaxations(Query(text="x", genres=("trap",)), broader=lambda g: tree.get(tuple(g), tuple(g)))) == 1


def test_a_sentence_no_reading_understood_is_said_as_such_not_as_a_name() -> None:
    """A Welsh request was one unknown span, said back whole as a name the catalog lacks."""
    welsh = "Cerddoriaeth i godi calon i'r dosbarth ymarfer corff yn y gadair, tua 10 cân, dim byd rhy gyflym"
    notes = unresolved_notes(Query(text=welsh, unresolved=(welsh,)))
    assert notes == [
        "I couldn't read 'Cerddoriaeth i godi calon i'r dosbarth…'. Try naming an artist, a song, a genre or a mood."
    ]
    assert unresolved_notes(Query(text="like radiohed", unresolved=("radiohed",))) == ["I don't know 'radiohed'."]
