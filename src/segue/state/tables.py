"""The database schema (SQLAlchemy Core): what `SqlStateStore` reads and writes, and what Alembic migrates.

Times are epoch seconds (float) so SQLite and PostgreSQL compute days and windows with the same arithmetic.
Events (feedback, shown tracks) are append-only rows; a profile is derived from them, so nothing a user did is
overwritten and "delete my data" is a delete by user id in every table.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Float, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

ID = BigInteger().with_variant(Integer, "sqlite")
"""Autoincrement ids: BIGINT on PostgreSQL, INTEGER (the rowid alias) on SQLite."""
DISCORD_ID = String(32)
CATALOG_ID = String(64)

users = Table(
    "users",
    metadata,
    Column("user_id", DISCORD_ID, primary_key=True),
    Column("requests", Integer, nullable=False, server_default="0"),
    Column("novelty", String(16)),
    Column("lastfm_user", String(64)),
    Column("language", String(16)),
    Column("country", String(8)),
    Column("profile", Text),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("user_id", DISCORD_ID, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("track_id", CATALOG_ID),
    Column("artist_id", CATALOG_ID),
    Column("guild_id", DISCORD_ID),
    Column("answer_key", String(16)),
    Column("created_at", Float, nullable=False),
    Index("ix_feedback_user", "user_id", "id"),
    Index("ix_feedback_created", "created_at"),
)

shown = Table(
    "shown",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("user_id", DISCORD_ID, nullable=False),
    Column("track_id", CATALOG_ID, nullable=False),
    Column("created_at", Float, nullable=False),
    Index("ix_shown_user", "user_id", "id"),
    Index("ix_shown_created", "created_at"),
)

saved_answers = Table(
    "saved_answers",
    metadata,
    Column("key", String(16), primary_key=True),
    Column("user_id", DISCORD_ID, nullable=False),
    Column("query", Text, nullable=False),
    Column("shown", Text, nullable=False),
    Column("count", Integer, nullable=False),
    Column("page", Integer, nullable=False),
    Column("created_at", Float, nullable=False),
    Index("ix_saved_answers_user", "user_id"),
    Index("ix_saved_answers_created", "created_at"),
)

listening_channels = Table(
    "listening_channels",
    metadata,
    Column("channel_id", DISCORD_ID, primary_key=True),
    Column("enabled", Boolean, nullable=False),
    Column("updated_at", Float, nullable=False),
)
