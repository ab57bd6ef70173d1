"""Live sources: fusion quality on held-out listening; end-to-end answer latency with healthy, slow and dead sources.

`run()` returns a Markdown section for BENCHMARKS.md (the bench runner writes the file). Everything is local: the
sources are stand-ins on 127.0.0.1 speaking each service's JSON after a simulated latency, the catalog is the
built one (`segue catalog build`), and the service is wired by the composition root exactly as `segue ask` is.
Runs in about 1.5 minutes on two cores.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import socket
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from aiohttp import web
from aiohttp.test_utils import TestServer

from segue.app import ensure_catalog, live_resources, open_core
from segue.cf.graph import RP3beta
from segue.cf.registry import make_model
from segue.config import Settings, load_settings
from segue.engine.live.fusion import comb_sum, fused_order, rrf
from segue.engine.service import RecommendationService
from segue.evaluation.folds import load_split, ranking_metrics

LATENCIES_MS = (50, 200, 800)
REQUESTS = 16
"""Answers per latency scenario: each a cache miss (a new seed artist or genre every time)."""
INTERVAL = 0.8
"""Seconds between arrivals (open loop, so the rate does not depend on latency): 1.25 answers/s keeps every source
inside its published budget (Deezer 10 calls/s at ~7 calls an answer, MusicBrainz 1/s at one id every other
answer), so the table shows latency, not budget exhaustion."""


# -- fusion quality -------------------------------------------------------------------------------------------------


def _datasets() -> Path | None:
    raw = os.environ.get("SEGUE_DATASETS_DIR", "")
    path = Path(raw) if raw else Path(__file__).resolve().parents[2] / "shared" / "data"
    return path if (path / "lastfm-folds" / "folds" / "0").is_dir() else None


def fusion_quality() -> str:
    """RRF vs CombSUM vs single rankers on lastfm-folds fold 0, three CF rankers standing in for three sources."""
    root = _datasets()
    if root is None:
        return "_Fusion quality skipped: lastfm-folds not found (set SEGUE_DATASETS_DIR)._\n"
    fold = root / "lastfm-folds" / "folds" / "0"
    split = load_split(fold / "train.dat", fold / "test.dat")
    users = split.test_users
    history = split.train[users]
    rng = np.random.default_rng(0)
    coo = split.train.tocoo()
    keep = rng.random(coo.nnz) < 0.3
    small = sp.csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=split.train.shape)
    top = 50

    def ranked(model: Any, train: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        model.fit(train)
        ids, scores = [], []
        for start in range(0, history.shape[0], 512):
            i, s = model.recommend(history[start : start + 512], top, exclude=history[start : start + 512])
            ids.append(i)
            scores.append(s)
        return np.vstack(ids), np.vstack(scores)

    lists = {
        "local (all data)": ranked(RP3beta(alpha=0.5, beta=0.25, neighbors=300), split.train),
        "local (30% of data)": ranked(RP3beta(alpha=0.5, beta=0.25, neighbors=300), small),
        "source A: ItemKNN": ranked(make_model("itemknn"), split.train),
        "source B: P3alpha": ranked(RP3beta(alpha=1.0, beta=0.0, neighbors=300), split.train),
    }

    def ndcg(ids: np.ndarray) -> float:
        metrics = ranking_metrics(ids, split.test[users], split.test_sizes[users], split.train.shape[1])
        return metrics["NDCG@10"]

    def fuse(names: list[str], *, k: float = 10.0, weights: list[float] | None = None, comb: bool = False) -> float:
        out = np.full((len(users), 10), -1, dtype=np.int64)
        for u in range(len(users)):
            if comb:
                scores = comb_sum([dict(zip(lists[n][0][u], lists[n][1][u], strict=True)) for n in names])
            else:
                scores = rrf([list(lists[n][0][u]) for n in names], k=k, weights=weights)
            best = fused_order(scores)[:10]
            out[u, : len(best)] = best
        return ndcg(out)

    rows = [
        "| local ranker | local alone | best source alone | RRF k=10 | RRF k=60 | RRF k=10, local x2 | CombSUM |",
        "|---|---|---|---|---|---|---|",
    ]
    best_source = max(ndcg(lists[n][0][:, :10]) for n in ("source A: ItemKNN", "source B: P3alpha"))
    for local in ("local (all data)", "local (30% of data)"):
        names = [local, "source A: ItemKNN", "source B: P3alpha"]
        rows.append(
            f"| {local} | {ndcg(lists[local][0][:, :10]):.4f} | {best_source:.4f} | {fuse(names):.4f} | "
            f"{fuse(names, k=60):.4f} | {fuse(names, weights=[2, 1, 1]):.4f} | {fuse(names, comb=True):.4f} |"
        )
    return (
        "NDCG@10 on lastfm-folds fold 0 (1,845 test users), each ranker's top 50 fused, as live lists are "
        "truncated. 'Local' is RP3beta fitted on all of the listening data (the sources know no more than we "
        "do) or on a random 30% of it (they know more, the realistic case: Last.fm and ListenBrainz see far more "
        "listeners than our catalog's co-listening data).\n\n" + "\n".join(rows) + "\n"
    )


# -- stand-ins with simulated latency ------------------------------------------------------------------------------


def _mbid(text: str) -> str:
    h = hashlib.blake2b(text.lower().encode(), digest_size=16).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def _quoted(query: str, field_name: str) -> str:
    start = query.find(f'{field_name}:"')
    if start < 0:
        return ""
    start += len(field_name) + 2
    return query[start : query.find('"', start)]


@dataclass
class Stand:
    """The four stand-ins, their latency, and what they were asked."""

    artists: list[str]
    tracks: list[tuple[str, str]]
    latency: float = 0.05
    hits: Counter[str] = field(default_factory=Counter)
    servers: dict[str, TestServer] = field(default_factory=dict)

    async def _wait(self, name: str, request: web.Request) -> None:
        query = "&".join(f"{k}={v}" for k, v in sorted(request.query.items()) if k != "api_key")
        self.hits[f"{name} {request.path}?{query}"] += 1
        await asyncio.sleep(self.latency)

    async def start(self) -> Stand:
        apps = {
            "lastfm": self._lastfm(),
            "deezer": self._deezer(),
            "listenbrainz": self._lb(),
            "musicbrainz": self._mb(),
        }
        for name, app in apps.items():
            server = TestServer(app)
            await server.start_server()
            self.servers[name] = server
        return self

    def base(self, name: str) -> str:
        return str(self.servers[name].make_url("")).rstrip("/")

    async def close(self) -> None:
        for server in self.servers.values():
            await server.close()

    def _app(self, routes: dict[str, Callable[[web.Request], Awaitable[Any]]], name: str) -> web.Application:
        async def handle(request: web.Request) -> web.StreamResponse:
            await self._wait(name, request)
            for prefix, handler in routes.items():
                if request.path == prefix or (prefix.endswith("*") and request.path.startswith(prefix[:-1])):
                    return web.json_response(await handler(request))
            return web.json_response({"error": "Not Found"}, status=404)

        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handle)
        return app

    def _lastfm(self) -> web.Application:
        async def call(request: web.Request) -> Any:
            method = request.query.get("method", "").lower()
            seed = request.query.get("artist") or request.query.get("tag") or ""
            offset = int(hashlib.blake2b(seed.encode(), digest_size=2).hexdigest(), 16)
            if method == "artist.getsimilar":
                names = [self.artists[(offset + i) % len(self.artists)] for i in range(20)]
                artists = [
                    {"name": n, "mbid": "", "match": f"{1 - i / 25:.3f}", "url": "https://www.last.fm/music/x"}
                    for i, n in enumerate(names)
                ]
                return {"similarartists": {"artist": artists, "@attr": {"artist": seed}}}
            picks = [self.tracks[(offset + i) % len(self.tracks)] for i in range(30)]
            tracks = [
                {"name": t, "duration": "200", "artist": {"name": a, "mbid": ""}, "@attr": {"rank": str(i + 1)}}
                for i, (a, t) in enumerate(picks)
            ]
            return {"tracks": {"track": tracks, "@attr": {"tag": seed}}}

        return self._app({"/2.0/": call}, "lastfm")

    def _deezer(self) -> web.Application:
        async def search_artist(request: web.Request) -> Any:
            name = request.query.get("q", "")
            return {
                "data": [{"id": 1 + len(name), "name": name, "link": "https://www.deezer.com/artist/1", "nb_fan": 10}]
            }

        async def related(request: web.Request) -> Any:
            start = int(request.path.split("/")[2])
            names = [self.artists[(start * 7 + i) % len(self.artists)] for i in range(20)]
            return {
                "data": [
                    {"id": i + 2, "name": n, "link": f"https://www.deezer.com/artist/{i + 2}"}
                    for i, n in enumerate(names)
                ]
            }

        async def search(request: web.Request) -> Any:
            q = request.query.get("q", "")
            artist, title = _quoted(q, "artist"), _quoted(q, "track")
            track_id = int(hashlib.blake2b(q.encode(), digest_size=3).hexdigest(), 16)
            item = {
                "id": track_id,
                "readable": True,
                "title": title,
                "link": f"https://www.deezer.com/track/{track_id}",
                "duration": 200,
                "rank": 500000,
                "preview": f"https://cdnt-preview.dzcdn.net/{track_id}.mp3",
                "artist": {"id": 1, "name": artist},
                "album": {"id": 1, "title": "Album"},
                "type": "track",
            }
            return {"data": [item], "total": 1}

        return self._app({"/search/artist": search_artist, "/search": search, "/artist/*": related}, "deezer")

    def _lb(self) -> web.Application:
        def rec(i: int) -> str:
            return _mbid(f"rec-{i % len(self.tracks)}")

        index = {rec(i): i for i in range(len(self.tracks))}

        async def radio(request: web.Request) -> Any:
            seed = request.path.rsplit("/", 1)[-1]
            offset = int(seed[:4], 16)
            out: dict[str, Any] = {}
            for a in range(10):
                artist = self.artists[(offset + a) % len(self.artists)]
                out[_mbid(artist)] = [
                    {
                        "recording_mbid": rec(offset + a * 3 + r),
                        "similar_artist_mbid": _mbid(artist),
                        "similar_artist_name": artist,
                        "total_listen_count": 100,
                    }
                    for r in range(2)
                ]
            return out

        async def tags(request: web.Request) -> Any:
            offset = int(hashlib.blake2b(request.query.get("tag", "").encode(), digest_size=2).hexdigest(), 16)
            return [
                {"recording_mbid": rec(offset + i), "percent": 90, "source": "recording", "tag_count": 3}
                for i in range(25)
            ]

        async def metadata(request: web.Request) -> Any:
            out = {}
            for mbid in request.query.get("recording_mbids", "").split(","):
                if mbid in index:
                    artist, title = self.tracks[index[mbid]]
                    out[mbid] = {
                        "recording": {"name": title, "length": 200000},
                        "artist": {"name": artist, "artists": [{"artist_mbid": _mbid(artist), "name": artist}]},
                        "release": {"name": "Album", "year": 2005},
                    }
            return out

        routes = {"/1/lb-radio/artist/*": radio, "/1/lb-radio/tags": tags, "/1/metadata/recording/": metadata}
        return self._app(routes, "listenbrainz")

    def _mb(self) -> web.Application:
        async def search(request: web.Request) -> Any:
            name = _quoted(request.query.get("query", ""), "artist").replace("\\", "")
            return {"artists": [{"id": _mbid(name), "name": name, "score": 100, "tags": []}]}

        return self._app({"/ws/2/artist": search}, "musicbrainz")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _black_hole() -> tuple[asyncio.Server, int]:
    """Accepts connections and never answers (a dropped route, a hung server)."""

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(3600)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    return server, int(server.sockets[0].getsockname()[1])


# -- end to end through the service ---------------------------------------------------------------------------------


def _settings(data_dir: Path, stand: Stand, *, lastfm: str | None = None) -> Settings:
    return load_settings(
        data_dir=data_dir,
        lastfm_api_key="bench-key",
        lastfm_api_base=(lastfm or stand.base("lastfm")) + "/2.0/",
        deezer_enabled=True,
        deezer_api_base=stand.base("deezer"),
        listenbrainz_enabled=True,
        listenbrainz_api_base=stand.base("listenbrainz"),
        musicbrainz_api_base=stand.base("musicbrainz") + "/ws/2",
        log_level="WARNING",
    )


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    degraded: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def row(self, label: str) -> str:
        ms = np.asarray(self.seconds) * 1000
        p50, p99, worst = np.percentile(ms, 50), np.percentile(ms, 99), ms.max()
        seen = ", ".join(f"{k} {v}" for k, v in sorted(self.outcomes.items()))
        return f"| {label} | {len(ms)} | {p50:.0f} | {p99:.0f} | {worst:.0f} | {self.degraded}/{len(ms)} | {seen} |"


async def _timed(service: RecommendationService, texts: list[str]) -> Timing:
    """Answers arriving every INTERVAL seconds (overlapping when slow), each timed from its own arrival."""
    timing = Timing()

    async def one(delay: float, text: str) -> None:
        await asyncio.sleep(delay)
        started = time.perf_counter()
        answer = await service.ask(text, count=5)
        timing.seconds.append(time.perf_counter() - started)
        timing.degraded += int(answer.degraded)
        timing.outcomes.update(f"{k}:{v}" for k, v in answer.sources.items() if v != "disabled")

    await asyncio.gather(*(one(i * INTERVAL, text) for i, text in enumerate(texts)))
    return timing


async def _latency(data_dir: Path, artists: list[str], genres: list[str], tracks: list[tuple[str, str]]) -> list[str]:
    rows = []
    stand = await Stand(artists=artists, tracks=tracks).start()
    hole, hole_port = await _black_hole()
    rounds = iter(range(1000))

    def texts(n: int) -> list[str]:
        r = next(rounds)
        mix = [f"something like {artists[(r * n + i) % len(artists)]}" for i in range(n // 2)]
        mix += [f"{genres[(r * n + i) % len(genres)]} music" for i in range(n - n // 2)]
        return [t for pair in zip(mix[: n // 2], mix[n // 2 :], strict=False) for t in pair]

    scenarios: list[tuple[str, float, Settings]] = []
    for ms in LATENCIES_MS:
        scenarios.append((f"all healthy, {ms} ms each call", ms / 1000, _settings(data_dir, stand)))
    refused = f"http://127.0.0.1:{_closed_port()}"
    scenarios.append(("Last.fm refusing connections, others 50 ms", 0.05, _settings(data_dir, stand, lastfm=refused)))
    blackhole = f"http://127.0.0.1:{hole_port}"
    scenarios.append(("Last.fm a black hole, others 50 ms", 0.05, _settings(data_dir, stand, lastfm=blackhole)))
    try:
        for label, latency, settings in scenarios:
            stand.latency = latency
            async with live_resources(settings) as live:
                core = open_core(settings, live=live)
                core.catalog.warm_up()
                await core.service.ask("polka music", count=5)  # lazy indexes, connections; no MusicBrainz slot used
                timing = await _timed(core.service, texts(REQUESTS))
            rows.append(timing.row(label))
        rows.append(await _single_flight(data_dir, stand))
    finally:
        hole.close()
        await stand.close()
    return rows


async def _single_flight(data_dir: Path, stand: Stand) -> str:
    """100 concurrent identical requests on a cold cache: how many calls reach each upstream endpoint."""
    stand.latency = 0.2
    settings = _settings(data_dir, stand)
    async with live_resources(settings) as live:
        core = open_core(settings, live=live)
        core.catalog.warm_up()
        await core.service.ask("polka music", count=5)
        stand.hits.clear()
        started = time.perf_counter()
        answers = await asyncio.gather(*(core.service.ask("something like Daft Punk", count=5) for _ in range(100)))
        took = time.perf_counter() - started
    per_call = Counter({call.split("?")[0]: 0 for call in stand.hits})
    for call, count in stand.hits.items():
        per_call[call.split("?")[0]] += count
    worst = max(stand.hits.values())
    calls = ", ".join(f"`{path}` {count}" for path, count in sorted(per_call.items()))
    same = len({tuple(r.track.title for r in a.results) for a in answers})
    outcomes = Counter(f"{k}:{v}" for a in answers for k, v in a.sources.items() if v != "disabled")
    return (
        f"\n100 concurrent identical requests on a cold cache (200 ms upstream latency): {len(stand.hits)} distinct "
        f"upstream calls, each made **{worst}** time(s) (calls per path: {calls}); {same} distinct answer(s); "
        f"outcomes {dict(sorted(outcomes.items()))}; all 100 answered in {took * 1000:.0f} ms.\n"
    )


def _catalog_names(data_dir: Path) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    core = open_core(load_settings(data_dir=data_dir))
    catalog = core.catalog
    order = np.argsort(-np.nan_to_num(np.asarray(catalog.artist_popularity)))
    artists = [catalog.artist(int(i)).name for i in order[:400]]
    artists = [a for a in artists if a.isascii() and 3 < len(a) < 30][:200]
    tracks = []
    for i in np.argsort(-np.nan_to_num(np.asarray(catalog.track_popularity)))[:2000]:
        t = catalog.track(int(i))
        tracks.append((t.artists[0], t.title))
    genres = [
        "rock",
        "pop",
        "house",
        "techno",
        "jazz",
        "hip hop",
        "metal",
        "folk",
        "soul",
        "funk",
        "reggae",
        "punk",
        "blues",
        "trance",
        "disco",
        "country",
        "ambient",
        "indie",
        "electro",
        "latin",
    ]
    return artists, genres, tracks


def run() -> str:
    settings = load_settings()
    ensure_catalog(settings, say=False)
    quality = fusion_quality()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        (data_dir / "catalog").symlink_to(settings.catalog_dir.resolve(), target_is_directory=True)
        artists, genres, tracks = _catalog_names(data_dir)
        rows = asyncio.run(_latency(data_dir, artists, genres, tracks))
    table = "\n".join(
        [
            "| scenario | answers | p50 ms | p99 ms | max ms | degraded | source outcomes |",
            "|---|---|---|---|---|---|---|",
            *[r for r in rows if r.startswith("|")],
        ]
    )
    extra = "".join(r for r in rows if not r.startswith("|"))
    return (
        "## Live sources\n\n"
        "### Fusion quality\n\n"
        f"{quality}\n"
        "### Answer latency with live sources\n\n"
        f"`service.ask` end to end on the built catalog (parse, local engine, every enabled source, fusion, "
        f"links): {REQUESTS} answers per scenario arriving every {INTERVAL} s, each a cache miss (a new seed "
        f"artist or genre each time), 5 results, the default 1.2 s source deadline. Sources: Last.fm (similar "
        f"artists, tag charts), Deezer (related artists, links for the top 5), ListenBrainz (artist radio with "
        f"MusicBrainz ids, tag radio, metadata), all stand-ins on 127.0.0.1 answering after the stated latency. "
        f"Targets: p99 <= 1 s with healthy sources, <= 2.5 s with a dead one.\n\n"
        f"{table}\n{extra}"
    )


if __name__ == "__main__":
    print(run())
