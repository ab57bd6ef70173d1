"""ListenBrainz against a local stand-in: radio + metadata names, the novelty dial, unknown MBIDs, rate headers."""

from __future__ import annotations

import pytest

from segue.domain import Novelty
from segue.infra.clock import ManualClock
from segue.infra.http import HostPolicy, HttpClient
from segue.providers.base import SourceIO
from segue.providers.listenbrainz import POPULARITY, ListenBrainzSource
from support.sources import UNKNOWN_MBID, FakeService, ListenBrainzData, Recording, Wiring, listenbrainz

SEED = "056e4f3e-d505-4dad-8ec1-d04f521cbb56"
JUSTICE = "f2d8a0f8-6d4e-4a4c-8b3a-0f8e8a2b2c1d"
CASSIUS = "b3f0b1a5-1111-4a4c-8b3a-0f8e8a2b2c1d"
R1 = Recording("aaaaaaaa-0000-0000-0000-000000000001", "D.A.N.C.E.", "Justice", JUSTICE, 2007)
R2 = Recording("aaaaaaaa-0000-0000-0000-000000000002", "Genesis", "Justice", JUSTICE, 2007)
R3 = Recording("aaaaaaaa-0000-0000-0000-000000000003", "1999", "Cassius", CASSIUS, 1999)
NAMELESS = Recording("aaaaaaaa-0000-0000-0000-000000000004", "", "Cassius", CASSIUS)
PLACEHOLDER = Recording("aaaaaaaa-0000-0000-0000-000000000005", "Track 1", "[unknown]", UNKNOWN_MBID)
DATA = ListenBrainzData(
    radio={SEED: [(JUSTICE, "Justice", [R1, R2]), (CASSIUS, "Cassius", [R3, NAMELESS, PLACEHOLDER])]},
    tags={"french house": [R3.mbid, PLACEHOLDER.mbid, "aaaaaaaa-0000-0000-0000-00000000ffff"]},
    recordings={r.mbid: r for r in (R1, R2, R3, NAMELESS, PLACEHOLDER)},
)


@pytest.fixture
async def fake(wiring: Wiring) -> FakeService:
    return await wiring.start(listenbrainz(DATA))


def make(fake: FakeService, wiring: Wiring, token: str | None = None) -> tuple[ListenBrainzSource, ManualClock]:
    return ListenBrainzSource(wiring.io(), base_url=fake.base, token=token), wiring.clock


async def test_artist_radio_names_recordings_round_robin_and_drops_the_unnamed(
    fake: FakeService, wiring: Wiring
) -> None:
    lb, clock = make(fake, wiring)
    got = await lb.artist_radio("Daft Punk", mbid=SEED, limit=20, deadline=clock() + 5)
    # One per artist first (most similar first), then the second round; nameless and placeholder credits dropped.
    assert [(t.title, t.artists[0]) for t in got.items] == [
        ("D.A.N.C.E.", "Justice"),
        ("1999", "Cassius"),
        ("Genesis", "Justice"),
    ]
    first = got.items[0]
    assert first.year == 2007
    assert first.duration_ms == 215000
    assert first.urls.mbid == R1.mbid
    assert first.match == 1.0
    assert got.items[1].match == 0.5
    assert first.source == "listenbrainz"
    assert fake.hits["/1/metadata/recording/"] == 1


async def test_the_novelty_dial_sets_mode_and_popularity_window(fake: FakeService, wiring: Wiring) -> None:
    lb, clock = make(fake, wiring)
    for novelty in Novelty:
        await lb.similar_artists("Daft Punk", mbid=SEED, limit=10, deadline=clock() + 5, novelty=novelty)
    sent = [q for q in fake.queries if "mode" in q]
    for novelty, query in zip(Novelty, sent, strict=True):
        mode, begin, end = POPULARITY[novelty]
        assert (query["mode"], query["pop_begin"], query["pop_end"]) == (mode, str(begin), str(end))
    assert POPULARITY[Novelty.DEEP][2] < POPULARITY[Novelty.FAMILIAR][1] + 1  # deep cuts stay below the familiar


async def test_similar_artists_leave_out_the_seed(fake: FakeService, wiring: Wiring) -> None:
    lb, clock = make(fake, wiring)
    got = await lb.similar_artists("Daft Punk", mbid=SEED, limit=10, deadline=clock() + 5)
    assert [a.name for a in got.items] == ["Justice", "Cassius"]
    assert got.items[0].mbid == JUSTICE


async def test_unknown_or_missing_mbid_is_not_found(fake: FakeService, wiring: Wiring) -> None:
    lb, clock = make(fake, wiring)
    unknown = await lb.artist_radio(
        "Nobody", mbid="99999999-9999-9999-9999-999999999999", limit=10, deadline=clock() + 5
    )
    assert not unknown.found
    assert unknown.items == ()
    none = await lb.artist_radio("Nobody", mbid=None, limit=10, deadline=clock() + 5)
    assert not none.found
    assert fake.hits["/1/lb-radio/artist/99999999-9999-9999-9999-999999999999"] == 1


async def test_tag_radio_sends_the_window_and_names_what_it_can(fake: FakeService, wiring: Wiring) -> None:
    lb, clock = make(fake, wiring)
    got = await lb.tag_tracks("French House", limit=25, deadline=clock() + 5, novelty=Novelty.DEEP)
    assert [t.title for t in got.items] == ["1999"]
    assert got.items[0].popularity == pytest.approx(0.9)
    sent = next(q for q in fake.queries if "tag" in q)
    assert sent["tag"] == "french house"
    assert (sent["pop_begin"], sent["pop_end"]) == ("0", "50")
    empty = await lb.tag_tracks("polka-core", limit=25, deadline=clock() + 5)
    assert not empty.found


async def test_the_token_is_sent_when_set(fake: FakeService, wiring: Wiring) -> None:
    lb, clock = make(fake, wiring, token="tok-123")
    await lb.tag_tracks("french house", limit=25, deadline=clock() + 5)
    assert fake.auth[0] == "Token tok-123"


async def test_rate_limit_headers_drive_the_clients_budget(fake: FakeService, wiring: Wiring) -> None:
    """With X-RateLimit-Remaining 0, the next call waits for the announced reset (the policy the hub passes)."""
    fake.headers["X-RateLimit-Remaining"] = "0"
    fake.headers["X-RateLimit-Reset-In"] = "3"
    clock = wiring.clock
    policy = {f"127.0.0.1:{fake.server.port}": HostPolicy(source="listenbrainz", header_budget=True)}  # type: ignore[union-attr]
    http = HttpClient(wiring.session, policies=policy, clock=clock, sleep=clock.sleep)
    io = SourceIO(http, wiring.io().cache)
    lb = ListenBrainzSource(io, base_url=fake.base)
    await lb.tag_tracks("french house", limit=25, deadline=clock() + 10)
    assert 3.0 in clock.sleeps  # the metadata call waited for the reset the tag call announced
