"""Client and their contactpersonen (mantelzorgers, family, representatives).

No BSN field, by design: an independent cliëntondersteuner has no legal basis to
store it (UAVG art. 46; domain.md §8).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ondersteuner.models.base import Base, Timestamps, enum_column
from ondersteuner.models.enums import ClientStatus

if TYPE_CHECKING:
    from ondersteuner.models.brief import Brief
    from ondersteuner.models.gemeente import Gemeente
    from ondersteuner.models.melding import Melding


class Client(Timestamps, Base):
    __tablename__ = "client"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Short number shown instead of the name where privacy asks for it
    # (calendar exports: "Bezwaartermijn – dossier 14").
    dossiernummer: Mapped[int] = mapped_column(Integer, unique=True)
    naam: Mapped[str] = mapped_column(String(200), index=True)
    aanhef: Mapped[str] = mapped_column(String(20), default="")  # heer / mevrouw / ""
    geboortedatum: Mapped[dt.date | None] = mapped_column(Date)
    adres: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    woonplaats: Mapped[str] = mapped_column(String(100), default="")
    telefoon: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    gemeente_id: Mapped[int | None] = mapped_column(
        ForeignKey("gemeente.id", ondelete="SET NULL"), index=True
    )
    notities: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ClientStatus] = mapped_column(
        enum_column(ClientStatus), default=ClientStatus.ACTIEF, index=True
    )
    afgesloten_op: Mapped[dt.date | None] = mapped_column(Date)
    # Explicit consent for health data (AVG art. 9(2)(a)): date and scope.
    toestemming_op: Mapped[dt.date | None] = mapped_column(Date)
    toestemming_omvang: Mapped[str] = mapped_column(Text, default="")

    gemeente: Mapped[Gemeente | None] = relationship()
    contactpersonen: Mapped[list[Contactpersoon]] = relationship(
        back_populates="client",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Contactpersoon.id",
    )
    meldingen: Mapped[list[Melding]] = relationship(
        back_populates="client",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Melding.datum_melding",
    )
    brieven: Mapped[list[Brief]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True
    )


class Contactpersoon(Base):
    __tablename__ = "contactpersoon"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    naam: Mapped[str] = mapped_column(String(200))
    relatie: Mapped[str] = mapped_column(String(100), default="")  # dochter, buurman …
    is_mantelzorger: Mapped[bool] = mapped_column(Boolean, default=False)
    is_vertegenwoordiger: Mapped[bool] = mapped_column(Boolean, default=False)
    telefoon: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    adres: Mapped[str] = mapped_column(String(300), default="")
    notities: Mapped[str] = mapped_column(Text, default="")

    client: Mapped[Client] = relationship(back_populates="contactpersonen")
