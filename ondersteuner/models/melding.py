"""Melding and its procedure: events with their dates, deadline overrides, preparation.

The procedure's *fase* and every deadline are derived from the recorded
``Gebeurtenis`` rows by the Qt-free core; only facts are stored.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ondersteuner.models.base import Base, Timestamps, enum_column, now
from ondersteuner.models.enums import GebeurtenisSoort, MeldingStatus, Wet

if TYPE_CHECKING:
    from ondersteuner.models.brief import Brief
    from ondersteuner.models.client import Client
    from ondersteuner.models.gemeente import Gemeente
    from ondersteuner.models.gesprek import Gesprek
    from ondersteuner.models.verslag import Reactiepunt, Verslag


class Melding(Timestamps, Base):
    __tablename__ = "melding"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    gemeente_id: Mapped[int | None] = mapped_column(
        ForeignKey("gemeente.id", ondelete="SET NULL"), index=True
    )
    wet: Mapped[Wet] = mapped_column(enum_column(Wet), default=Wet.WMO)
    datum_melding: Mapped[dt.date] = mapped_column(Date)
    gemeld_door: Mapped[str] = mapped_column(String(200), default="")
    hulpvraag: Mapped[str] = mapped_column(Text, default="")
    spoed: Mapped[bool] = mapped_column(Boolean, default=False)
    kenmerk: Mapped[str] = mapped_column(String(100), default="")  # gemeente's reference
    status: Mapped[MeldingStatus] = mapped_column(
        enum_column(MeldingStatus), default=MeldingStatus.LOPEND, index=True
    )
    afgesloten_op: Mapped[dt.date | None] = mapped_column(Date)
    notities: Mapped[str] = mapped_column(Text, default="")

    client: Mapped[Client] = relationship(back_populates="meldingen")
    gemeente: Mapped[Gemeente | None] = relationship()
    gebeurtenissen: Mapped[list[Gebeurtenis]] = relationship(
        back_populates="melding",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(Gebeurtenis.datum, Gebeurtenis.id)",
    )
    termijn_aanpassingen: Mapped[list[TermijnAanpassing]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    voorbereiding: Mapped[Voorbereiding | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    gesprekken: Mapped[list[Gesprek]] = relationship(
        back_populates="melding", cascade="all, delete-orphan", passive_deletes=True
    )
    verslagen: Mapped[list[Verslag]] = relationship(
        back_populates="melding", cascade="all, delete-orphan", passive_deletes=True
    )
    reactiepunten: Mapped[list[Reactiepunt]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    brieven: Mapped[list[Brief]] = relationship(
        back_populates="melding", cascade="all, delete-orphan", passive_deletes=True
    )


class Gebeurtenis(Base):
    """One dated step of the procedure (beschikking, bezwaar ingediend …)."""

    __tablename__ = "gebeurtenis"

    id: Mapped[int] = mapped_column(primary_key=True)
    melding_id: Mapped[int] = mapped_column(
        ForeignKey("melding.id", ondelete="CASCADE"), index=True
    )
    soort: Mapped[GebeurtenisSoort] = mapped_column(enum_column(GebeurtenisSoort))
    # The legal date of the event: dagtekening of a letter from the gemeente,
    # date of receipt of what the client sent (aanvraag, bezwaar, klacht).
    datum: Mapped[dt.date] = mapped_column(Date)
    # Until when (opschorting, verdaging, end of a toegekende voorziening, hersteltermijn).
    tot_datum: Mapped[dt.date | None] = mapped_column(Date)
    # Proof of later sending (postmark) and the date of receipt, Awb 6:8 / 4:17.
    verzonden_op: Mapped[dt.date | None] = mapped_column(Date)
    ontvangen_op: Mapped[dt.date | None] = mapped_column(Date)
    kenmerk: Mapped[str] = mapped_column(String(100), default="")
    omschrijving: Mapped[str] = mapped_column(Text, default="")
    met_adviescommissie: Mapped[bool] = mapped_column(Boolean, default=False)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(DateTime, default=now)

    melding: Mapped[Melding] = relationship(back_populates="gebeurtenissen")


class TermijnAanpassing(Base):
    """The adviser overrides a computed deadline, with a reason that is kept and shown."""

    __tablename__ = "termijn_aanpassing"
    __table_args__ = (UniqueConstraint("melding_id", "sleutel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    melding_id: Mapped[int] = mapped_column(
        ForeignKey("melding.id", ondelete="CASCADE"), index=True
    )
    sleutel: Mapped[str] = mapped_column(String(60))  # which deadline
    datum: Mapped[dt.date] = mapped_column(Date)
    reden: Mapped[str] = mapped_column(Text)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class Voorbereiding(Base):
    """Preparation for the gesprek; it feeds the persoonlijk plan."""

    __tablename__ = "voorbereiding"

    id: Mapped[int] = mapped_column(primary_key=True)
    melding_id: Mapped[int] = mapped_column(
        ForeignKey("melding.id", ondelete="CASCADE"), unique=True
    )
    waar_loop_ik_tegenaan: Mapped[str] = mapped_column(Text, default="")
    wat_kan_ik_zelf: Mapped[str] = mapped_column(Text, default="")
    wie_kan_helpen: Mapped[str] = mapped_column(Text, default="")
    waarvoor_ondersteuning: Mapped[str] = mapped_column(Text, default="")
    hoe_eruitzien: Mapped[str] = mapped_column(Text, default="")
    wensen: Mapped[str] = mapped_column(Text, default="")
    punten: Mapped[str] = mapped_column(Text, default="")
    wie_gaat_mee: Mapped[str] = mapped_column(Text, default="")
    gewijzigd_op: Mapped[dt.datetime] = mapped_column(DateTime, default=now, onupdate=now)
