"""The ops endpoint (/metrics, /healthz, /livez), bot counters as metrics, and the cache clearer."""

from __future__ import annotations

from aiohttp.test_utils import TestClient, TestServer

from segue.bot.ops import CacheClearer, health_report, mirror_bot_stats
from segue.bot.stats import BotStats
from segue.infra.cache import MISS, MemoryCache, NamespaceConfig
from segue.infra.metrics import MetricsRegistry
from segue.infra.web import ops_app


async def test_metrics_and_health_endpoints() -> None:
    metrics = MetricsRegistry()
    stats = BotStats()
    mirror_bot_stats(stats, metrics)
    stats.commands["recommend"] += 2
    stats.errors["UnknownSeedError"] += 1
    state = {"ready": False, "redis": True}

    async def redis_answers() -> bool:
        return state["redis"]

    health = health_report(ready=lambda: state["ready"], shared={"cache": redis_answers}, stats=stats)
    async with TestClient(TestServer(ops_app(metrics, health))) as client:
        scrape = await client.get("/metrics")
        assert scrape.status == 200
        assert scrape.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        text = await scrape.text()
        assert 'segue_bot_commands{command="recommend"} 2' in text
        assert 'segue_bot_errors{kind="UnknownSeedError"} 1' in text
        not_ready = await client.get("/healthz")
        assert not_ready.status == 503
        state["ready"] = True
        ready = await client.get("/healthz")
        assert ready.status == 200
        assert (await ready.json())["degraded"] is False
        state["redis"] = False  # Redis down: still ready (answers from in-process state), but degraded
        degraded = await client.get("/healthz")
        assert degraded.status == 200
        body = await degraded.json()
        assert body["degraded"] is True
        assert body["shared_state"] == {"cache": "local-fallback"}
        assert (await client.get("/livez")).status == 200


async def test_cache_clearer_empties_every_namespace() -> None:
    cache = MemoryCache({"a": NamespaceConfig(10, 60.0), "b": NamespaceConfig(10, 60.0)})
    await cache.set("a", "k", 1)
    await cache.set("b", "k", 2)
    cleared = await CacheClearer(cache, ("a", "b")).clear_all()
    assert cleared == 2
    assert await cache.get("a", "k") is MISS
    assert await cache.get("b", "k") is MISS
