"""A member's choice whether others may use their likes in /taste and /blend.

NULL for every member until they choose: the default (`records.TASTE_SHARED_BY_DEFAULT`) lives in the code, so
changing it later needs no migration and tells apart members who chose from members who never did.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("share_taste", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("share_taste")
