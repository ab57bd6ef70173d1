"""Classics, singalongs and the way into an act (`segue.engine.query.canon`), on hand-made queries."""

from __future__ import annotations

from segue.domain import EntityRef, FeatureRange, Novelty, Query
from segue.engine.query.canon import CLASSIC_AGE, classics, way_into_act

RADIOHEAD = EntityRef(index=1, id="a1", name="Radiohead")


def test_a_classic_is_familiar_and_years_old_unless_an_era_or_a_name_says() -> None:
    timeless = classics(Query(text="timeless classics", novelty=Novelty.FAMILIAR), "timeless classics", 2020)
    assert timeless.year_max == 2020 - CLASSIC_AGE
    dated = Query(text="90s classics", novelty=Novelty.FAMILIAR, year_min=1990, year_max=1999)
    assert classics(dated, "90s classics", 2020) == dated
    named = Query(text="classic radiohead", novelty=Novelty.FAMILIAR, by_artists=(RADIOHEAD,))
    assert classics(named, "classic radiohead", 2020) == named
    plain = Query(text="rock songs")
    assert classics(plain, "rock songs", 2020) == plain


def test_a_singalong_turns_the_dial_to_familiar() -> None:
    sung = Query(text="karaoke", features=(FeatureRange("instrumentalness", high=0.1, because="karaoke"),))
    assert classics(sung, "karaoke", 2020).novelty is Novelty.FAMILIAR
    deep = Query(text="deep cut karaoke", novelty=Novelty.DEEP, features=sung.features)
    assert classics(deep, "deep cut karaoke", 2020).novelty is Novelty.DEEP


def test_stadium_anthems_are_songs_a_crowd_has_known_for_years() -> None:
    """'stadium anthems for the big game' answered with 2019's workout trance (Neelix, Armin van Buuren)."""
    stadium = Query(text="stadium anthems", moods=("stadium",))
    read = classics(stadium, "stadium anthems", 2020)
    assert read.novelty is Novelty.FAMILIAR
    assert read.year_max == 2020 - CLASSIC_AGE
    workout = Query(text="gym music", moods=("workout",))
    assert classics(workout, "gym music", 2020) == workout


def test_bangers_are_known_hits_of_any_year() -> None:
    bangers = classics(Query(text="rock bangers", moods=("bangers",)), "rock bangers", 2020)
    assert bangers.novelty is Novelty.FAMILIAR
    assert bangers.year_max is None
    hidden = Query(text="hidden bangers", moods=("bangers",), novelty=Novelty.DEEP)
    assert classics(hidden, "hidden bangers", 2020).novelty is Novelty.DEEP


def test_classic_songs_in_spanish_are_not_classical_music() -> None:
    songs = Query(text="canciones clásicas", genres=("classical",), language="es")
    read = classics(songs, "songs classical", 2020)
    assert read.genres == ()
    assert read.novelty is Novelty.FAMILIAR
    music = Query(text="música clásica", genres=("classical",), language="es")
    assert classics(music, "classical music", 2020) == music
    english = Query(text="classical songs", genres=("classical",), language="en")
    assert classics(english, "classical songs", 2020) == english


def test_the_way_into_an_act_is_its_own_songs() -> None:
    start = Query(text="where do i start with radiohead", seed_artists=(RADIOHEAD,))
    read = way_into_act(start, start.text)
    assert read.by_artists == (RADIOHEAD,)
    assert read.novelty is Novelty.FAMILIAR
    like = Query(text="songs like radiohead for beginners", seed_artists=(RADIOHEAD,))
    assert way_into_act(like, like.text) == like
