"""Requests of the twenty-first session's reviews, on the real catalog: a first name beside an unknown surname is
one unknown act even for a fairly known one-word act."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


def test_a_fairly_known_first_name_beside_an_unknown_surname_is_one_unknown_act(
    service: RecommendationService,
) -> None:
    """'songs like joe hisaishi' was the R&B singer Joe with 'hisaishi' dropped: Dru Hill and Montell Jordan."""
    query = service.parse("songs like joe hisaishi")
    assert not query.seed_artists
    assert query.unresolved == ("joe hisaishi",)
    assert [a.name for a in service.parse("songs like joe").seed_artists] == ["Joe"]
    assert [a.name for a in service.parse("like monica and joe").seed_artists] == ["Monica", "Joe"]
    assert [a.name for a in service.parse("like drake lol").seed_artists] == ["Drake"]
