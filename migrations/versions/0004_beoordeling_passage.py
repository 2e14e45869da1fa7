"""beoordeling: the passage the adviser pointed out for a note; besproken_passage

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 19:40:00

When the comparison calls a note missing that the verslag says in other words, the
adviser selects those words in the verslag and keeps them with the verdict; the
report and the reactie then quote that passage. A sentence the comparison lists as
"niet besproken?" that was discussed after all is kept in besproken_passage.
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
    op.create_table(
        "besproken_passage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("verslag_id", sa.Integer(), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["verslag_id"],
            ["verslag.id"],
            name=op.f("fk_besproken_passage_verslag_id_verslag"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_besproken_passage")),
        sa.UniqueConstraint("verslag_id", "tekst", name=op.f("uq_besproken_passage_verslag_id")),
    )
    with op.batch_alter_table("besproken_passage", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_besproken_passage_verslag_id"), ["verslag_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("besproken_passage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_besproken_passage_verslag_id"))
    op.drop_table("besproken_passage")
    with op.batch_alter_table("beoordeling", schema=None) as batch_op:
        batch_op.drop_column("passage_eind")
        batch_op.drop_column("passage_start")
