"""Verslag received from the gemeente, the adviser's verdicts, and reactie points."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from ondersteuner.models.base import Base, enum_column, now
from ondersteuner.models.enums import PuntStatus

if TYPE_CHECKING:
    from ondersteuner.models.melding import Melding


class Verslag(Base):
    __tablename__ = "verslag"

    id: Mapped[int] = mapped_column(primary_key=True)
    melding_id: Mapped[int] = mapped_column(
        ForeignKey("melding.id", ondelete="CASCADE"), index=True
    )
    dagtekening: Mapped[dt.date | None] = mapped_column(Date)
    ontvangen_op: Mapped[dt.date | None] = mapped_column(Date)
    tekst: Mapped[str] = mapped_column(Text, default="")
    # The original file, kept inside the vault (never beside it on disk).
    bestandsnaam: Mapped[str] = mapped_column(String(255), default="")
    mime: Mapped[str] = mapped_column(String(100), default="")
    bestand: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    bsn_verwijderd: Mapped[bool] = mapped_column(Boolean, default=False)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(DateTime, default=now)

    melding: Mapped[Melding] = relationship(back_populates="verslagen")
    beoordelingen: Mapped[list[Beoordeling]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    besproken: Mapped[list[BesprokenPassage]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class Beoordeling(Base):
    """The adviser overrules the comparison's status of one note against a verslag."""

    __tablename__ = "beoordeling"
    __table_args__ = (UniqueConstraint("verslag_id", "notitie_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    verslag_id: Mapped[int] = mapped_column(
        ForeignKey("verslag.id", ondelete="CASCADE"), index=True
    )
    notitie_id: Mapped[int] = mapped_column(
        ForeignKey("notitie.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[PuntStatus] = mapped_column(enum_column(PuntStatus))
    # The passage the adviser pointed out for this note (offsets in the verslag as
    # the comparison reads it, wrapped lines joined), or None.
    passage_start: Mapped[int | None] = mapped_column(Integer)
    passage_eind: Mapped[int | None] = mapped_column(Integer)
    toelichting: Mapped[str] = mapped_column(Text, default="")
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class BesprokenPassage(Base):
    """A sentence of the verslag that no note supports, which the adviser says was
    discussed after all: no longer listed as "niet besproken?" nor in the report."""

    __tablename__ = "besproken_passage"
    __table_args__ = (UniqueConstraint("verslag_id", "tekst"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    verslag_id: Mapped[int] = mapped_column(
        ForeignKey("verslag.id", ondelete="CASCADE"), index=True
    )
    tekst: Mapped[str] = mapped_column(Text)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class Reactiepunt(Base):
    """A point queued for the reactie op het verslag: the quote and the correction."""

    __tablename__ = "reactiepunt"

    id: Mapped[int] = mapped_column(primary_key=True)
    melding_id: Mapped[int] = mapped_column(
        ForeignKey("melding.id", ondelete="CASCADE"), index=True
    )
    verslag_id: Mapped[int | None] = mapped_column(
        ForeignKey("verslag.id", ondelete="SET NULL"), index=True
    )
    notitie_id: Mapped[int | None] = mapped_column(
        ForeignKey("notitie.id", ondelete="SET NULL"), index=True
    )
    citaat: Mapped[str] = mapped_column(Text, default="")  # what the verslag says
    correctie: Mapped[str] = mapped_column(Text, default="")  # what the notes record
    volgorde: Mapped[int] = mapped_column(Integer, default=0)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
