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
    Column("share_taste", Boolean),
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
    Index("ix_feedback_guild", "guild_id", "created_at"),
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

guild_settings = Table(
    "guild_settings",
    metadata,
    Column("guild_id", DISCORD_ID, primary_key=True),
    Column("key", String(32), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
)

settings_audit = Table(
    "settings_audit",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("guild_id", DISCORD_ID, nullable=False),
    Column("user_id", DISCORD_ID, nullable=False),
    Column("key", String(32), nullable=False),
    Column("old", Text),
    Column("new", Text),
    Column("created_at", Float, nullable=False),
    Index("ix_settings_audit_guild", "guild_id", "id"),
)

events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("created_at", Float, nullable=False),
    Column("day", Integer, nullable=False),
    Column("command", String(32), nullable=False),
    Column("user_id", DISCORD_ID, nullable=False),
    Column("guild_id", DISCORD_ID),
    Column("latency_bucket", Integer),
    Column("outcome", String(16), nullable=False),
    Column("error_type", String(64)),
    Column("cache_hit", Boolean),
    Index("ix_events_created", "created_at"),
    Index("ix_events_day_user", "day", "user_id"),
    Index("ix_events_user", "user_id"),
)
"""One row per handled request; `day` (days since the epoch) and `latency_bucket` make the report GROUP BYs."""

event_subjects = Table(
    "event_subjects",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("created_at", Float, nullable=False),
    Column("user_id", DISCORD_ID, nullable=False),
    Column("guild_id", DISCORD_ID),
    Column("kind", String(16), nullable=False),
    Column("value", String(200), nullable=False),
    Index("ix_event_subjects_kind", "kind", "created_at"),
    Index("ix_event_subjects_guild", "guild_id", "kind", "created_at"),
    Index("ix_event_subjects_user", "user_id"),
)
"""What requests asked for (artist, mood, genre, track) and the live sources they used ("source", "deezer:ok")."""

# -- analytics rollups: what the reports read (a report over a month reads thousands of rows, not millions) ---------

event_days = Table(
    "event_days",
    metadata,
    Column("day", Integer, primary_key=True),
    Column("command", String(32), primary_key=True),
    Column("outcome", String(16), primary_key=True),
    Column("error_type", String(64), primary_key=True),
    Column("cache_hit", Integer, primary_key=True),
    Column("latency_bucket", Integer, primary_key=True),
    Column("n", Integer, nullable=False),
)
"""Requests per day and kind. Unknowns are sentinels, not NULL (a NULL never matches an upsert's key): error_type
'' for none, cache_hit -1 for unknown, latency_bucket -1 for unmeasured."""

subject_days = Table(
    "subject_days",
    metadata,
    Column("day", Integer, primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("value", String(200), primary_key=True),
    Column("n", Integer, nullable=False),
)

guild_subject_days = Table(
    "guild_subject_days",
    metadata,
    Column("guild_id", DISCORD_ID, primary_key=True),
    Column("day", Integer, primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("value", String(200), primary_key=True),
    Column("n", Integer, nullable=False),
)
"""Per server, only what /trending shows (requested artists and moods)."""

user_days = Table(
    "user_days",
    metadata,
    Column("day", Integer, primary_key=True),
    Column("user_id", DISCORD_ID, primary_key=True),
)
"""Who was active on which day: daily and weekly active members are row counts."""
