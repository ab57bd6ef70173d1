"""A profile snapshot per user: one row read per request instead of replaying the user's events.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing users keep a NULL snapshot and are rebuilt from their events the next time they are read or written.
    op.add_column("users", sa.Column("profile", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("profile")
