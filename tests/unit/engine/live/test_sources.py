"""The service with live sources on the known-answer catalog: fusion and provenance, constraints, degradation.

Sources are scripted in-process here (exact answers, exact failures); `tests/unit/test_app.py` runs the same paths
through real HTTP against the stand-ins.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from segue.domain import EntityRef, Novelty, Query
from segue.engine.live.learned import LearnedStore
from segue.engine.live.sources import LiveSources
from segue.engine.recommend import TrackRecommender
from segue.engine.service import RecommendationService
from segue.engine.signals import CatalogSignals
from segue.errors import ProviderError, UnknownSeedError
from segue.infra.metrics import MetricsRegistry
from segue.providers.base import SourceArtist, SourceTrack, SourceUrls
from segue.providers.hub import SourceHub
from support.catalog import FakeCatalog
from support.scripted import STALLED, scripted

ALL = ("lastfm", "listenbrainz", "deezer", "musicbrainz", "spotify")


class StubParser:
    def __init__(self, query: Query) -> None:
        self.query = query

    def parse(self, text: str) -> Query:
        return self.query


@pytest.fixture(scope="module")
def catalog() -> FakeCatalog:
    return FakeCatalog.build()


@pytest.fixture(scope="module")
def engine(catalog: FakeCatalog) -> TrackRecommender:
    return TrackRecommender(CatalogSignals(catalog))  # type: ignore[arg-type]


def ref(catalog: FakeCatalog, name: str) -> EntityRef:
    i = next(i for i, a in enumerate(catalog.artists) if a.name == name)
    return EntityRef(i, catalog.artists[i].id, name)


def live(
    catalog: FakeCatalog, *sources: Any, deadline: float = 1.0, **kwargs: Any
) -> tuple[LiveSources, MetricsRegistry]:
    metrics = MetricsRegistry()
    hub = SourceHub(list(sources), metrics=metrics, deadline=deadline)
    return LiveSources(hub, catalog, metrics=metrics, **kwargs), metrics  # type: ignore[arg-type]


def service(
    catalog: FakeCatalog, engine: TrackRecommender, query: Query, sources: LiveSources | None
) -> RecommendationService:
    return RecommendationService(catalog, StubParser(query), engine, sources=sources)  # type: ignore[arg-type]


def titles(answer: Any) -> list[str]:
    return [r.track.title for r in answer.results]


def artist(name: str, **kw: Any) -> SourceArtist:
    return SourceArtist(name=name, **kw)


def track(title: str, artist_name: str, **kw: Any) -> SourceTrack:
    return SourceTrack(title=title, artists=(artist_name,), **kw)


async def test_nothing_configured_changes_nothing_but_says_so(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    query = Query(text="like Volt", seed_artists=(ref(catalog, "Volt"),))
    plain = await service(catalog, engine, query, None).ask("like Volt", count=5)
    off, _ = live(catalog, *(scripted(name, "similar_artists", enabled=False) for name in ALL))
    answer = await service(catalog, engine, query, off).ask("like Volt", count=5)
    assert titles(answer) == titles(plain)
    assert [r.score for r in answer.results] == [r.score for r in plain.results]
    assert answer.sources == dict.fromkeys(ALL, "disabled")
    assert answer.degraded is False
    assert answer.to_dict()["sources"] == dict.fromkeys(ALL, "disabled")
    assert {r.source for r in answer.results} == {"local"}


async def test_fusion_labels_what_sources_agree_on_and_adds_what_only_they_know(
    catalog: FakeCatalog, engine: TrackRecommender
) -> None:
    lastfm = scripted("lastfm", "similar_artists", **{"similar_artists:Volt": [artist("Neon"), artist("Circuit")]})
    lb = scripted(
        "listenbrainz",
        "artist_radio",
        **{
            "artist_radio:Volt": [
                track("Circuit Song 0", "Circuit", source="listenbrainz"),
                track("Night Drive", "Outsider", year=2006, source="listenbrainz", urls=SourceUrls(mbid="m-nd")),
            ]
        },
    )
    mb = scripted("musicbrainz", "ids", **{"artist_ids:Volt": [artist("Volt", mbid="m-volt")]})
    learned = LearnedStore()
    sources, _ = live(catalog, lastfm, lb, mb, learned=learned)
    query = Query(text="like Volt", seed_artists=(ref(catalog, "Volt"),))
    answer = await service(catalog, engine, query, sources).ask("like Volt", count=8)

    assert answer.sources == {"lastfm": "ok", "listenbrainz": "ok", "musicbrainz": "ok"}
    assert not answer.degraded
    top = answer.results[0]
    assert top.track.title == "Circuit Song 0"  # the local engine, Last.fm and ListenBrainz all name it
    assert top.source == "lastfm+listenbrainz+local"
    assert "Last.fm: similar to Volt" in [r.text for r in top.reasons]
    new = next(r for r in answer.results if r.track.title == "Night Drive")
    assert new.source == "listenbrainz"
    assert new.track.id.startswith("L")
    assert new.track.year == 2006
    assert learned.lookup("Outsider", "Night Drive") is not None
    assert learned.lookup("Outsider", "Night Drive").id == new.track.id  # type: ignore[union-attr]
    assert all("Volt" not in r.track.artists for r in answer.results)  # never the seed itself
    per_artist: dict[str, int] = {}
    for r in answer.results:
        per_artist[r.track.artists[0]] = per_artist.get(r.track.artists[0], 0) + 1
    assert max(per_artist.values()) <= 2


@pytest.mark.parametrize("failure", [ProviderError("down", source="x"), STALLED])
async def test_sources_down_or_slow_give_the_local_answer_marked_degraded(
    catalog: FakeCatalog, engine: TrackRecommender, failure: object
) -> None:
    query = Query(text="like Anvil", seed_artists=(ref(catalog, "Anvil"),), genres=("metal",))
    plain = await service(catalog, engine, query, None).ask("x", count=4)
    failing = [
        scripted(
            "lastfm", "similar_artists", "tag_tracks", **{"similar_artists:Anvil": failure, "tag_tracks:metal": failure}
        ),
        scripted("deezer", "similar_artists", "search", **{"similar_artists:Anvil": failure}),
    ]
    sources, metrics = live(catalog, *failing, deadline=0.2)
    async with asyncio.timeout(5):  # stalled sources never answer; the answer must come at the deadline
        answer = await service(catalog, engine, query, sources).ask("x", count=4)
    assert titles(answer) == titles(plain)
    assert {r.source for r in answer.results} == {"local"}
    assert answer.degraded is True
    expected = "error" if isinstance(failure, ProviderError) else "timeout"
    assert answer.sources == {"lastfm": expected, "deezer": expected}
    assert metrics.value("segue_answers_degraded_total") == 1.0
    assert metrics.value("segue_source_outcomes_total", source="lastfm", outcome=expected) == 1.0


async def test_every_constraint_holds_for_what_sources_bring(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    radio = [
        track("Old Tune", "Outsider", year=1980, source="listenbrainz"),
        track("No Year", "Outsider", source="listenbrainz"),
        track("Fresh", "Outsider", year=2006, source="listenbrainz"),
        track("Pulse Song 1", "Pulse", source="listenbrainz"),
    ]
    lb = scripted("listenbrainz", "artist_radio", **{"artist_radio:Volt": radio})
    mb = scripted("musicbrainz", "ids", **{"artist_ids:Volt": [artist("Volt", mbid="m")]})
    lastfm = scripted("lastfm", "similar_artists", **{"similar_artists:Volt": [artist("Anvil"), artist("Hammer")]})
    sources, _ = live(catalog, lb, mb, lastfm)
    era = Query(text="x", seed_artists=(ref(catalog, "Volt"),), year_min=2000, year_max=2009)
    answer = await service(catalog, engine, era, sources).ask("x", count=10)
    # The era holds until the answer runs short; then it is widened, and the answer says so.
    first = answer.results[0]
    assert first.track.year is not None
    assert 2000 <= first.track.year <= 2009
    assert "Fresh" in titles(answer)
    relaxed = any("outside the era" in note for note in answer.notes)
    outside = [r for r in answer.results if r.track.year is None or not 2000 <= r.track.year <= 2009]
    assert relaxed or not outside
    strict = await service(catalog, engine, era, sources)._answer_once(
        era, count=10, personal=None, exclude_track_ids=()
    )
    held = titles(strict)
    assert "Old Tune" not in held  # outside the era
    assert "No Year" not in held  # an era needs a known year
    assert not [r for r in strict.results if r.track.artists[0] in ("Anvil", "Hammer")]  # metal is 1991-1994
    assert all(r.track.year is not None and 2000 <= r.track.year <= 2009 for r in strict.results)

    mood = replace_features(era)
    mooded = await service(catalog, engine, mood, sources).ask("x", count=10)
    unmeasured = [r for r in mooded.results if not r.track.id.startswith("t")]
    assert not unmeasured or any("'energetic'" in note for note in mooded.notes)
    held_mood = await service(catalog, engine, mood, sources)._answer_once(
        mood, count=10, personal=None, exclude_track_ids=()
    )
    assert all(r.track.id.startswith("t") for r in held_mood.results)  # no audio features: source-only can't pass


async def test_a_length_asked_for_holds_for_what_sources_bring(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    radio = [
        track("Short One", "Outsider", duration_ms=150_000, source="listenbrainz"),
        track("Long One", "Outsider", duration_ms=420_000, source="listenbrainz"),
        track("Unmeasured", "Outsider", source="listenbrainz"),
    ]
    lb = scripted("listenbrainz", "artist_radio", **{"artist_radio:Volt": radio})
    mb = scripted("musicbrainz", "ids", **{"artist_ids:Volt": [artist("Volt", mbid="m")]})
    sources, _ = live(catalog, lb, mb)
    short = Query(text="x", seed_artists=(ref(catalog, "Volt"),), seconds_max=180)
    strict = await service(catalog, engine, short, sources)._answer_once(
        short, count=10, personal=None, exclude_track_ids=()
    )
    held = titles(strict)
    assert "Short One" in held
    assert "Long One" not in held  # over three minutes
    assert "Unmeasured" not in held  # a length needs a known one


def replace_features(query: Query) -> Query:
    from dataclasses import replace

    from segue.domain import FeatureRange

    return replace(query, features=(FeatureRange("energy", low=0.5, because="energetic"),), moods=("energetic",))


async def test_excluded_and_seed_artists_never_come_back(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    similar = [track("Volt Song 0", "Volt"), track("Pulse Song 0", "Pulse"), track("Meadow Song 1", "Meadow")]
    lastfm = scripted("lastfm", "similar_tracks", **{"similar_tracks:Volt Song 0": similar})
    sources, _ = live(catalog, lastfm)
    volt0 = next(i for i, t in enumerate(catalog.tracks) if t.title == "Volt Song 0")
    query = Query(
        text="x",
        seed_tracks=(EntityRef(volt0, catalog.tracks[volt0].id, "Volt Song 0 - Volt"),),
        exclude_artists=(ref(catalog, "Pulse"),),
    )
    answer = await service(catalog, engine, query, sources).ask("x", count=10)
    assert "Volt Song 0" not in titles(answer)
    assert not [r for r in answer.results if "Pulse" in r.track.artists]
    meadow = [r for r in answer.results if r.track.title == "Meadow Song 1"]
    assert len(meadow) == 1
    assert "lastfm" in meadow[0].source


async def test_a_name_the_catalog_lacks_is_answered_from_sources(
    catalog: FakeCatalog, engine: TrackRecommender
) -> None:
    query = Query(text="like Qzxv", unresolved=("Qzxv",))
    lastfm = scripted("lastfm", "similar_artists", **{"similar_artists:Qzxv": [artist("Anvil"), artist("Forge")]})
    sources, _ = live(catalog, lastfm)
    answer = await service(catalog, engine, query, sources).ask("like Qzxv", count=4)
    assert {r.track.artists[0] for r in answer.results} == {"Anvil", "Forge"}
    assert {r.source for r in answer.results} == {"lastfm"}
    assert "not in my catalog yet" in answer.notes[0]
    nobody = await service(catalog, engine, Query(text="x", unresolved=("Zzz",)), sources).ask("x")
    assert nobody.results == ()
    assert nobody.sources == {"lastfm": "ok"}  # asked, and it knew nobody by that name: not an outage


async def test_a_song_the_catalog_lacks_is_read_as_its_singers_when_a_source_knows_it(
    catalog: FakeCatalog, engine: TrackRecommender
) -> None:
    # 'songs like master of puppets': the catalog has Metallica but not the song; a source says whose it is.
    query = Query(text="songs like static hum", unresolved=("static hum", "Qzxv"), suggestions=("Quiz",))
    deezer = scripted("deezer", "find_song", **{"find_song:static hum": [track("Static Hum - Remastered", "Volt")]})
    sources, _ = live(catalog, deezer)
    answer = await service(catalog, engine, query, sources).ask("songs like static hum", count=5)
    assert answer.query.seed_artists == (ref(catalog, "Volt"),)
    assert answer.query.unresolved == ("static hum by Volt", "Qzxv")
    assert answer.query.suggestions == ("Quiz",)  # still Qzxv's
    assert any("I don't have the song 'static hum' by Volt" in n for n in answer.notes)
    assert answer.results
    assert deezer.calls == {"find_song:static hum": 1, "find_song:Qzxv": 1}


async def test_a_found_singer_the_catalog_lacks_or_a_slow_source_change_nothing(
    catalog: FakeCatalog, engine: TrackRecommender
) -> None:
    query = Query(text="like dawn chorus", unresolved=("dawn chorus",), suggestions=("Hollow",))
    elsewhere = scripted("deezer", "find_song", **{"find_song:dawn chorus": [track("Dawn Chorus", "Voltage")]})
    sources, _ = live(catalog, elsewhere)
    answer = await service(catalog, engine, query, sources).ask("like dawn chorus")
    assert answer.query.unresolved == ("dawn chorus",)  # 'Voltage' is not 'Volt': no near name stands in
    assert answer.query.seed_artists == ()
    stalled = scripted("deezer", "find_song", **{"find_song:dawn chorus": STALLED})
    slow, _ = live(catalog, stalled, find_timeout=0.05)
    late = await service(catalog, engine, query, slow).ask("like dawn chorus")
    assert late.query.unresolved == ("dawn chorus",)
    assert late.sources["deezer"] == "timeout"


async def test_direct_links_and_previews_are_found_and_remembered(
    catalog: FakeCatalog, engine: TrackRecommender
) -> None:
    query = Query(text="metal", genres=("metal",))
    plain = await service(catalog, engine, query, None).ask("metal", count=1)
    top = plain.results[0].track
    found = track(
        top.title,
        top.artists[0],
        source="deezer",
        urls=SourceUrls(deezer="https://www.deezer.com/track/42", preview="https://cdnt-preview.dzcdn.net/42.mp3"),
    )
    learned = LearnedStore()
    dz = scripted("deezer", "search", **{f"search_tracks:{top.title}": [found]})
    sources, _ = live(catalog, dz, learned=learned)
    answer = await service(catalog, engine, query, sources).ask("metal", count=1)
    links = answer.results[0].links
    assert links.deezer == "https://www.deezer.com/track/42"
    assert links.preview == "https://cdnt-preview.dzcdn.net/42.mp3"
    assert links.spotify is not None
    assert links.spotify.startswith("https://open.spotify.com/")
    assert answer.results[0].source == "local"  # a link is not a recommendation
    # Deezer is down next time; the link learned last time is still shown, and the outage is still reported.
    down = scripted("deezer", "search", **{f"search_tracks:{top.title}": ProviderError("down")})
    sources, _ = live(catalog, down, learned=learned)
    again = await service(catalog, engine, query, sources).ask("metal", count=1)
    assert again.results[0].links.deezer == "https://www.deezer.com/track/42"
    assert again.sources == {"deezer": "error"}
    assert again.degraded


async def test_similar_artists_fused_and_for_unknown_names(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    lastfm = scripted(
        "lastfm",
        "similar_artists",
        **{
            "similar_artists:Anvil": [artist("Hammer"), artist("Outside Band")],
            "similar_artists:Qzxv": [artist("Forge")],
        },
    )
    sources, _ = live(catalog, lastfm)
    svc = service(catalog, engine, Query(), sources)
    answer = await svc.similar_artists("Anvil", count=5)
    by_name = {r.artist.name: r for r in answer.results}
    assert by_name["Hammer"].source == "lastfm+local"
    assert by_name["Outside Band"].source == "lastfm"
    assert by_name["Outside Band"].artist.id.startswith("LA")
    assert "Anvil" not in by_name
    assert answer.sources == {"lastfm": "ok"}
    unknown = await svc.similar_artists("Qzxv", count=5)
    assert [r.artist.name for r in unknown.results] == ["Forge"]
    assert unknown.seed.name == "Qzxv"
    with pytest.raises(UnknownSeedError):
        await svc.similar_artists("Nobody At All", count=5)


async def test_discover_with_a_linked_lastfm_listener(catalog: FakeCatalog, engine: TrackRecommender) -> None:
    lastfm = scripted(
        "lastfm", "user_top_artists", **{"user_top_artists:rj": [artist("Anvil"), artist("Not In Catalog")]}
    )
    sources, _ = live(catalog, lastfm)
    svc = service(catalog, engine, Query(), sources)
    answer = await svc.discover(lastfm_user="rj", count=4, novelty=Novelty.BALANCED)
    assert answer.results
    communities = {
        catalog.community_of[int(catalog.track_artist[catalog.track_index(r.track.id)])] for r in answer.results
    }  # type: ignore[index]
    assert communities == {"metal"}
    assert answer.sources == {"lastfm": "ok"}
    nobody = await svc.discover(lastfm_user="ghost", count=4)
    assert nobody.results == ()
    assert "Like a few tracks" in nobody.notes[0]
