"""Daily analytics rollups, so reports over a month of a busy bot read thousands of rows, not millions.

Existing raw events are folded into the rollups once, here.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PG_DAY = "CAST(FLOOR(created_at / 86400) AS INTEGER)"
SQLITE_DAY = "CAST(created_at / 86400 AS INTEGER)"
SUBJECTS = (
    "INSERT INTO subject_days (day, kind, value, n) SELECT {day}, kind, value, COUNT(*) "
    "FROM event_subjects GROUP BY 1, 2, 3"
)
GUILD_SUBJECTS = (
    "INSERT INTO guild_subject_days (guild_id, day, kind, value, n) SELECT guild_id, {day}, kind, value, COUNT(*) "
    "FROM event_subjects WHERE guild_id IS NOT NULL AND kind IN ('artist', 'mood') GROUP BY 1, 2, 3, 4"
)


def upgrade() -> None:
    op.create_table(
        "event_days",
        sa.Column("day", sa.Integer(), primary_key=True),
        sa.Column("command", sa.String(32), primary_key=True),
        sa.Column("outcome", sa.String(16), primary_key=True),
        sa.Column("error_type", sa.String(64), primary_key=True),
        sa.Column("cache_hit", sa.Integer(), primary_key=True),
        sa.Column("latency_bucket", sa.Integer(), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_table(
        "subject_days",
        sa.Column("day", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("value", sa.String(200), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_table(
        "guild_subject_days",
        sa.Column("guild_id", sa.String(32), primary_key=True),
        sa.Column("day", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("value", sa.String(200), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_table(
        "user_days",
        sa.Column("day", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.String(32), primary_key=True),
    )
    _backfill()


def _backfill() -> None:
    op.execute(
        "INSERT INTO event_days (day, command, outcome, error_type, cache_hit, latency_bucket, n) "
        "SELECT day, command, outcome, COALESCE(error_type, ''), "
        "CASE WHEN cache_hit IS NULL THEN -1 WHEN cache_hit THEN 1 ELSE 0 END, COALESCE(latency_bucket, -1), "
        "COUNT(*) FROM events GROUP BY 1, 2, 3, 4, 5, 6"
    )
    op.execute("INSERT INTO user_days (day, user_id) SELECT DISTINCT day, user_id FROM events")
    # Whole days since the epoch: PostgreSQL's CAST rounds, SQLite's truncates (and has no FLOOR by default).
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute(SUBJECTS.format(day=PG_DAY if postgres else SQLITE_DAY))
    op.execute(GUILD_SUBJECTS.format(day=PG_DAY if postgres else SQLITE_DAY))


def downgrade() -> None:
    for table in ("user_days", "guild_subject_days", "subject_days", "event_days"):
        op.drop_table(table)
