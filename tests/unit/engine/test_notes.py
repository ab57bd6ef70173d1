"""How a looser reading of a short answer is said (`segue.engine.notes`)."""

from __future__ import annotations

from segue.domain import EntityRef, Query
from segue.engine.notes import relaxations

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
