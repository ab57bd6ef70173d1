"""Which lease the settings give: Redis when there is Redis, else PostgreSQL, else this process alone."""

from __future__ import annotations

import logging

import pytest

from segue.config import Settings
from segue.errors import ConfigError
from segue.infra.lease_build import build_lease, lease_backend
from segue.infra.redis_client import make_redis_client

PG = "postgresql://postgres@127.0.0.1:5432/test"


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


def test_auto_prefers_redis_then_postgres_then_local() -> None:
    assert lease_backend(settings(database_url=PG), redis_available=True) == "redis"
    assert lease_backend(settings(database_url=PG), redis_available=False) == "postgres"
    assert lease_backend(settings(), redis_available=False) == "local"
    assert lease_backend(settings(lease_backend="local"), redis_available=True) == "local"


async def test_build_gives_the_named_lease_of_each_kind() -> None:
    redis = make_redis_client("redis://127.0.0.1:1/0")  # never used: building sends no command
    try:
        lease = build_lease(settings(lease_name="jobs", lease_ttl=5), redis)
        assert (lease.backend, lease.name) == ("redis", "jobs")
    finally:
        await redis.aclose()
    lease = build_lease(settings(database_url=PG, lease_name="jobs"), None)
    assert lease.backend == "postgres"
    await lease.release()  # disposes its engine
    assert build_lease(settings(), None).backend == "local"


def test_a_backend_without_its_server_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as redis:
        build_lease(settings(lease_backend="redis"), None)
    assert "needs SEGUE_REDIS_URL" in redis.value.user_message
    with pytest.raises(ConfigError) as postgres:
        build_lease(settings(lease_backend="postgres"), None)
    assert "needs SEGUE_DATABASE_URL=postgresql://" in postgres.value.user_message


def test_a_shard_range_on_a_local_lease_is_warned_about(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="segue.infra.lease_build"):
        build_lease(settings(shard_ids=[0], shard_count=2), None)
        build_lease(settings(shard_ids=[0, 1], shard_count=2), None)  # all shards: the only process
    assert len(caplog.records) == 1
    assert "every process will run the singleton jobs" in caplog.records[0].getMessage()
