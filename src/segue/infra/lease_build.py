"""`build_lease`: the lease Settings ask for (SEGUE_LEASE_BACKEND, SEGUE_LEASE_NAME, SEGUE_LEASE_TTL).

Apart from `segue.infra.lease` so the backends can use its helpers without an import cycle.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from segue.errors import ConfigError
from segue.infra.lease import Lease, LocalLeases
from segue.infra.lease_postgres import PostgresLease
from segue.infra.lease_redis import RedisLease
from segue.infra.metrics import MetricsRegistry

if TYPE_CHECKING:
    import redis.asyncio as aioredis

    from segue.config import Settings

log = logging.getLogger(__name__)


def lease_backend(settings: Settings, *, redis_available: bool) -> str:
    """The backend `SEGUE_LEASE_BACKEND` asks for, with `auto` resolved."""
    if settings.lease_backend != "auto":
        return settings.lease_backend
    if redis_available:
        return "redis"
    if (settings.database_url or "").startswith("postgres"):
        return "postgres"
    return "local"


def build_lease(settings: Settings, redis: aioredis.Redis | None, *, metrics: MetricsRegistry | None = None) -> Lease:
    """The lease the composition root hands to its keeper (a `ConfigError` when the chosen backend is missing)."""
    backend = lease_backend(settings, redis_available=redis is not None)
    if backend == "redis":
        if redis is None:
            raise ConfigError(
                "lease backend redis without SEGUE_REDIS_URL",
                user_message="SEGUE_LEASE_BACKEND=redis needs SEGUE_REDIS_URL.",
            )
        return RedisLease.from_settings(settings, redis, metrics=metrics)
    if backend == "postgres":
        if not (settings.database_url or "").startswith("postgres"):
            raise ConfigError(
                "lease backend postgres without a PostgreSQL SEGUE_DATABASE_URL",
                user_message="SEGUE_LEASE_BACKEND=postgres needs SEGUE_DATABASE_URL=postgresql://...",
            )
        return PostgresLease.from_settings(settings)
    if settings.shard_ids is not None and len(settings.shard_ids) < (settings.shard_count or 0):
        log.warning(
            "this process runs shards %s of %d but its lease is local: every process will run the singleton jobs; "
            "set SEGUE_REDIS_URL or a PostgreSQL SEGUE_DATABASE_URL so they share one lease",
            settings.shard_ids,
            settings.shard_count,
        )
    return LocalLeases().lease(settings.lease_name, ttl=settings.lease_ttl)


__all__ = ["build_lease", "lease_backend"]
