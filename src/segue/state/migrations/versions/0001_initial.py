"""Users, feedback events, shown tracks, saved answers and listening channels.

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("user_id", sa.String(32), primary_key=True),
        sa.Column("requests", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("novelty", sa.String(16)),
        sa.Column("lastfm_user", sa.String(64)),
        sa.Column("language", sa.String(16)),
        sa.Column("country", sa.String(8)),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
    )
    op.create_table(
        "feedback",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("track_id", sa.String(64)),
        sa.Column("artist_id", sa.String(64)),
        sa.Column("guild_id", sa.String(32)),
        sa.Column("answer_key", sa.String(16)),
        sa.Column("created_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_feedback_user", "feedback", ["user_id", "id"])
    op.create_index("ix_feedback_created", "feedback", ["created_at"])
    op.create_table(
        "shown",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("track_id", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_shown_user", "shown", ["user_id", "id"])
    op.create_index("ix_shown_created", "shown", ["created_at"])
    op.create_table(
        "saved_answers",
        sa.Column("key", sa.String(16), primary_key=True),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("shown", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_saved_answers_user", "saved_answers", ["user_id"])
    op.create_index("ix_saved_answers_created", "saved_answers", ["created_at"])
    op.create_table(
        "listening_channels",
        sa.Column("channel_id", sa.String(32), primary_key=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
    )


def downgrade() -> None:
    for table in ("listening_channels", "saved_answers", "shown", "feedback", "users"):
        op.drop_table(table)
