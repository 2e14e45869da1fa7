"""Gesprek (the keukentafelgesprek) and the notes taken during it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ondersteuner.models.base import Base, Timestamps, enum_column, now
from ondersteuner.models.enums import GesprekVorm, NotitieSoort

if TYPE_CHECKING:
    from ondersteuner.models.melding import Melding


class Gesprek(Timestamps, Base):
    __tablename__ = "gesprek"

    id: Mapped[int] = mapped_column(primary_key=True)
    melding_id: Mapped[int] = mapped_column(
        ForeignKey("melding.id", ondelete="CASCADE"), index=True
    )
    datum: Mapped[dt.date] = mapped_column(Date)
    tijd: Mapped[dt.time | None] = mapped_column(Time)
    locatie: Mapped[str] = mapped_column(String(200), default="")
    vorm: Mapped[GesprekVorm] = mapped_column(enum_column(GesprekVorm), default=GesprekVorm.THUIS)
    aanwezigen: Mapped[str] = mapped_column(Text, default="")
    # Keys of the "let op" checklist items the adviser ticked off.
    let_op_afgevinkt: Mapped[list[str]] = mapped_column(JSON, default=list)
    afgerond: Mapped[bool] = mapped_column(Boolean, default=False)

    melding: Mapped[Melding] = relationship(back_populates="gesprekken")
    notities: Mapped[list[Notitie]] = relationship(
        back_populates="gesprek",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(Notitie.volgorde, Notitie.id)",
    )


class Notitie(Base):
    """One note item: a section (onderwerp), a kind and the time it was taken."""

    __tablename__ = "notitie"

    id: Mapped[int] = mapped_column(primary_key=True)
    gesprek_id: Mapped[int] = mapped_column(
        ForeignKey("gesprek.id", ondelete="CASCADE"), index=True
    )
    onderwerp: Mapped[str] = mapped_column(String(60), default="vrij")
    tekst: Mapped[str] = mapped_column(Text, default="")
    soort: Mapped[NotitieSoort] = mapped_column(
        enum_column(NotitieSoort), default=NotitieSoort.OBSERVATIE
    )
    tijdstip: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    volgorde: Mapped[int] = mapped_column(Integer, default=0)

    gesprek: Mapped[Gesprek] = relationship(back_populates="notities")
