"""Schema migrations with Alembic, on the store's own async engine (at start, and by `segue db upgrade`)."""

from __future__ import annotations

import logging
from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)

MIGRATION_LOCK = 0x5E6E_0001
"""PostgreSQL advisory lock key held while migrating (SQLite serializes writers by itself)."""


def alembic_config() -> Config:
    """The migrations that ship inside the package (no alembic.ini to find at run time)."""
    config = Config()
    config.set_main_option("script_location", str(files("segue.state") / "migrations"))
    return config


def head_revision() -> str | None:
    """The newest migration this code knows."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at (None: never migrated)."""

    def read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with engine.connect() as conn:
        return await conn.run_sync(read)


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the schema to `revision` in one transaction (PostgreSQL; SQLite per statement)."""
    config = alembic_config()

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    before = await current_revision(engine)
    async with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Shards starting together: one migrates, the others wait here and then find the schema at head.
            await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        await conn.run_sync(run)
    after = await current_revision(engine)
    if after != before:
        log.info("state database migrated %s -> %s", before or "empty", after)
