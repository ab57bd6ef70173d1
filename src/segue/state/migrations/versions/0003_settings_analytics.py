"""Server settings with their audit trail, analytics events, and the index /trending reads likes by.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_index("ix_feedback_guild", "feedback", ["guild_id", "created_at"])
    op.create_table(
        "guild_settings",
        sa.Column("guild_id", sa.String(32), primary_key=True),
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
    )
    op.create_table(
        "settings_audit",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("guild_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("old", sa.Text()),
        sa.Column("new", sa.Text()),
        sa.Column("created_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_settings_audit_guild", "settings_audit", ["guild_id", "id"])
    op.create_table(
        "events",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("command", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("guild_id", sa.String(32)),
        sa.Column("latency_bucket", sa.Integer()),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("error_type", sa.String(64)),
        sa.Column("cache_hit", sa.Boolean()),
    )
    op.create_index("ix_events_created", "events", ["created_at"])
    op.create_index("ix_events_day_user", "events", ["day", "user_id"])
    op.create_index("ix_events_user", "events", ["user_id"])
    op.create_table(
        "event_subjects",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("guild_id", sa.String(32)),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.create_index("ix_event_subjects_kind", "event_subjects", ["kind", "created_at"])
    op.create_index("ix_event_subjects_guild", "event_subjects", ["guild_id", "kind", "created_at"])
    op.create_index("ix_event_subjects_user", "event_subjects", ["user_id"])


def downgrade() -> None:
    for table in ("event_subjects", "events", "settings_audit", "guild_settings"):
        op.drop_table(table)
    op.drop_index("ix_feedback_guild", "feedback")
