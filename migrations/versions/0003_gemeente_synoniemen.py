"""gemeente: the adviser's own words of that gemeente for the verslag comparison

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 17:30:00

A gemeente's verslagen have their own phrasing ("een knop om zijn nek" for a
halszender); the adviser keeps those words with the gemeente, inside the vault.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("gemeente", schema=None) as batch_op:
        batch_op.add_column(sa.Column("synoniemen", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("gemeente", schema=None) as batch_op:
        batch_op.drop_column("synoniemen")
