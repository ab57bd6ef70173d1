"""Build the state store the settings ask for, migrated; a database that is down at start does not stop the bot."""

from __future__ import annotations

import logging

from segue.config import Settings
from segue.infra.metrics import MetricsRegistry
from segue.state.sql import READ_ERRORS, SqlStateStore, database_url, make_engine

log = logging.getLogger(__name__)


async def open_state(settings: Settings, *, metrics: MetricsRegistry | None = None) -> SqlStateStore:
    """`SqlStateStore` on SEGUE_DATABASE_URL (SQLite in the data directory when unset), migrated to head.

    If the database cannot be reached, the store still opens: reads fall back to this process, writes wait in the
    writer's backlog, and the first successful commit migrates first.
    """
    url = database_url(settings.database_url, settings.data_dir)
    store = SqlStateStore(
        make_engine(url),
        metrics=metrics,
        migrate_first=settings.database_migrate,
        analytics_retention=settings.analytics_retention_days * 86_400.0,
    )
    if settings.database_migrate:
        try:
            await store.ensure_schema()
        except READ_ERRORS as exc:
            log.warning("database not reachable at start (%r): running degraded until it is", exc)
    return store
