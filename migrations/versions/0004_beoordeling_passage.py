"""beoordeling: the passage the adviser pointed out for a note

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 19:40:00

When the comparison calls a note missing that the verslag says in other words, the
adviser selects those words in the verslag and keeps them with the verdict; the
report and the reactie then quote that passage.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("beoordeling", schema=None) as batch_op:
        batch_op.add_column(sa.Column("passage_start", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("passage_eind", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("beoordeling", schema=None) as batch_op:
        batch_op.drop_column("passage_eind")
        batch_op.drop_column("passage_start")
