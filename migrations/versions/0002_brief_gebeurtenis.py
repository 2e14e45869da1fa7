"""brief: the procedure step its sending recorded

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 15:00:00

A sent letter points at the Gebeurtenis it created (bezwaar ingediend, klacht
ingediend …), so sending again or confirming receipt updates that step instead of
adding another one.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("brief", schema=None) as batch_op:
        batch_op.add_column(sa.Column("gebeurtenis_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_brief_gebeurtenis_id_gebeurtenis"),
            "gebeurtenis",
            ["gebeurtenis_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("brief", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_brief_gebeurtenis_id_gebeurtenis"), type_="foreignkey"
        )
        batch_op.drop_column("gebeurtenis_id")
