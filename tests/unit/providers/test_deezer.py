"""Deezer against a local stand-in: exact-match search with link and preview, related artists, in-band errors."""

from __future__ import annotations

import pytest

from segue.errors import ProviderError
from segue.infra.clock import ManualClock
from segue.providers.deezer import DeezerSource
from support.sources import DeezerData, FakeService, Wiring, deezer, deezer_track

Q = 'artist:"Daft Punk" track:"One More Time"'
DATA = DeezerData(
    artists={"daft punk": (27, 4_000_000), "daft punk tribute": (99, 12), "justice": (3, 900_000)},
    related={27: ["Justice", "Various Artists", "Cassius", "Daft Punk"]},
    tracks={
        Q: [
            deezer_track(10, "One More Time (Karaoke Version)", "Karaoke Stars"),
            deezer_track(11, "One More Time - Radio Edit", "Daft Punk", rank=900_000),
            deezer_track(12, "One More Time", "Daft Punk", preview=""),
        ],
        'artist:"Daft Punk" track:"Unreadable"': [{**deezer_track(13, "Unreadable", "Daft Punk"), "readable": False}],
        'track:"Around the World"': [
            deezer_track(20, "Around the World (Karaoke)", "Karaoke Stars", rank=1_000),
            deezer_track(21, "Around the World Tour", "Tour Band", rank=990_000),
            deezer_track(22, "Around the World - 2007 Remaster", "Daft Punk", rank=800_000),
            deezer_track(23, "Around the World", "Red Hot Chili Peppers", rank=600_000),
        ],
        'track:"Justice"': [deezer_track(30, "Justice", "Someone", rank=900_000)],
    },
)


@pytest.fixture
async def fake(wiring: Wiring) -> FakeService:
    return await wiring.start(deezer(DATA))


def make(fake: FakeService, wiring: Wiring) -> tuple[DeezerSource, ManualClock]:
    return DeezerSource(wiring.io(), base_url=fake.base), wiring.clock


async def test_search_keeps_only_the_same_song_with_link_and_preview(fake: FakeService, wiring: Wiring) -> None:
    dz, clock = make(fake, wiring)
    got = await dz.search_tracks("One More Time", "Daft Punk", limit=3, deadline=clock() + 5)
    # The karaoke cover is another artist's; the radio edit is the same song (base title) and comes first.
    assert [t.urls.deezer for t in got.items] == ["https://www.deezer.com/track/11", "https://www.deezer.com/track/12"]
    first = got.items[0]
    assert first.urls.preview is not None
    assert first.urls.preview.endswith("/11.mp3")
    assert first.duration_ms == 215_000
    assert first.album == "Discovery"
    assert first.popularity == pytest.approx(0.9)
    assert got.items[1].urls.preview is None  # Deezer's empty preview string is no preview
    assert fake.queries[0]["q"] == Q


async def test_unreadable_and_unknown_tracks_are_not_found(fake: FakeService, wiring: Wiring) -> None:
    dz, clock = make(fake, wiring)
    assert not (await dz.search_tracks("Unreadable", "Daft Punk", limit=1, deadline=clock() + 5)).found
    assert not (await dz.search_tracks("Nothing", "Nobody", limit=1, deadline=clock() + 5)).found


async def test_a_title_alone_is_the_best_ranked_song_of_that_very_title(fake: FakeService, wiring: Wiring) -> None:
    dz, clock = make(fake, wiring)
    got = await dz.find_song("Around the World", deadline=clock() + 5)
    # 'Around the World Tour' is another title; of the same title, the remaster ranks highest.
    assert [(t.title, t.artists) for t in got.items] == [("Around the World - 2007 Remaster", ("Daft Punk",))]
    assert fake.queries[-1]["q"] == 'track:"Around the World"'


async def test_a_title_that_is_an_artists_name_is_left_to_the_artist(fake: FakeService, wiring: Wiring) -> None:
    dz, clock = make(fake, wiring)
    got = await dz.find_song("Justice", deadline=clock() + 5)
    assert not got.found
    assert "/search" not in fake.hits  # the artist search answered; no song was looked for
    assert not (await dz.find_song("Qzxv", deadline=clock() + 5)).found


async def test_related_artists_of_the_exact_artist(fake: FakeService, wiring: Wiring) -> None:
    dz, clock = make(fake, wiring)
    got = await dz.similar_artists("Daft Punk", limit=10, deadline=clock() + 5)
    assert [a.name for a in got.items] == ["Justice", "Cassius"]  # no placeholder, no seed
    assert got.items[0].source_id == "3"
    assert got.items[0].url == "https://www.deezer.com/artist/3"
    assert fake.hits["/artist/27/related"] == 1  # the artist with that exact name, not the tribute act
    again = await dz.similar_artists("daft punk", limit=10, deadline=clock() + 5)
    assert again.cached


async def test_no_data_is_not_found_and_unknown_artists_are_not_asked_further(
    fake: FakeService, wiring: Wiring
) -> None:
    dz, clock = make(fake, wiring)
    no_related = await dz.similar_artists("Justice", limit=10, deadline=clock() + 5)  # code 800, "no data"
    assert not no_related.found
    unknown = await dz.similar_artists("Qzxv", limit=10, deadline=clock() + 5)
    assert not unknown.found
    assert not any(p.endswith("/related") and "9999" in p for p in fake.hits)


async def test_quota_errors_are_outages_not_empty_answers(fake: FakeService, wiring: Wiring) -> None:
    DATA.quota = True
    try:
        dz, clock = make(fake, wiring)
        with pytest.raises(ProviderError, match="over quota"):
            await dz.search_tracks("One More Time", "Daft Punk", limit=1, deadline=clock() + 5)
    finally:
        DATA.quota = False
