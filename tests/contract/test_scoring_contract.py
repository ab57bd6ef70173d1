"""One contract for every place the engine can rank: inline, on threads, in worker processes. Each must give the
very answers the engine gives in this process (same tracks, scores and reasons)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from segue.catalog.store import Catalog
from segue.engine.processes import EngineProcesses
from segue.engine.recommend import Personal
from segue.engine.scoring import LocalScoring, Scoring
from segue.engine.service import RecommendationService
from support.engine import engine_spec, real_service, until_ready

pytestmark = pytest.mark.datasets

REQUESTS = (
    "something like Daft Punk but chill",
    "80s synthpop",
    "songs to cry to",
    "jazz rap",
    "songs like hey jude",
    "deep cuts like radiohead",
    "rock without metal from the 90s",
)


@pytest.fixture(scope="module")
def service(built_catalog: Catalog) -> RecommendationService:
    return real_service(built_catalog)


Backend = Callable[[RecommendationService], Scoring]
BACKENDS: dict[str, Backend] = {
    "inline": lambda s: LocalScoring(s.recommender),
    "threads": lambda s: LocalScoring(s.recommender, ThreadPoolExecutor(max_workers=2)),
    "processes": lambda s: EngineProcesses(engine_spec(s), 1, fallback=LocalScoring(s.recommender)),
}


@pytest.fixture(params=sorted(BACKENDS))
async def scoring(request: pytest.FixtureRequest, service: RecommendationService) -> AsyncIterator[Scoring]:
    backend = BACKENDS[request.param](service)
    if isinstance(backend, EngineProcesses):
        backend.start()
        await until_ready(backend)
    yield backend
    backend.close()


async def test_every_backend_ranks_as_the_engine_here(service: RecommendationService, scoring: Scoring) -> None:
    liked = service.catalog.search_artists("Nujabes", 1)[0].index
    taste = Personal(liked_artists=(liked,), blocked_artists=(service.catalog.search_artists("Justice", 1)[0].index,))
    for text in REQUESTS:
        query = service.parser.parse(text)
        for personal in (None, taste):
            expected = service.recommender.recommend(query, count=10, personal=personal, exclude_tracks=(1, 2))
            got = await scoring.recommend(query, count=10, personal=personal, exclude_tracks=(1, 2))
            assert got == expected, text
            assert got, text
    seed = service.catalog.search_artists("Radiohead", 1)[0].index
    assert await scoring.similar_artists(seed, count=8) == service.recommender.similar_artists(seed, count=8)
