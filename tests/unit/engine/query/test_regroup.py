"""Readings made from the finished query (`engine.query.regroup`)."""

from __future__ import annotations

from segue.domain import EntityRef, Query
from segue.engine.query.regroup import acts_place_the_scene

ACTS = (EntityRef(0, "a0", "Anitta"),)


def test_a_scene_read_as_its_acts_drops_only_the_place_its_own_words_name() -> None:
    funk = Query(seed_artists=ACTS, played_by=(("brazilian funk", "Anitta"),), genres=("brazilian",))
    assert acts_place_the_scene(funk).genres == ()
    # 'american' is inside 'americana' as letters, not as a word the scene was named by
    roots = Query(seed_artists=ACTS, played_by=(("americana", "Anitta"),), genres=("american",))
    assert acts_place_the_scene(roots).genres == ("american",)
