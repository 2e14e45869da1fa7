"""Brief: a generated letter, archived in the vault with its status and dates."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Date, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from ondersteuner.models.base import Base, Timestamps, enum_column
from ondersteuner.models.enums import BriefStatus

if TYPE_CHECKING:
    from ondersteuner.models.client import Client
    from ondersteuner.models.melding import Melding


class Brief(Timestamps, Base):
    __tablename__ = "brief"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    # A machtiging belongs to the client, not to one melding.
    melding_id: Mapped[int | None] = mapped_column(
        ForeignKey("melding.id", ondelete="CASCADE"), index=True
    )
    soort: Mapped[str] = mapped_column(String(60))  # one of letters.SOORTEN
    gegevens: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # field values
    bestandsnaam: Mapped[str] = mapped_column(String(255), default="")
    bestand: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))  # the .docx
    status: Mapped[BriefStatus] = mapped_column(
        enum_column(BriefStatus), default=BriefStatus.CONCEPT
    )
    verzonden_op: Mapped[dt.date | None] = mapped_column(Date)
    ontvangstbevestiging_op: Mapped[dt.date | None] = mapped_column(Date)
    # Pro-forma bezwaar: the term the gemeente set to supply the grounds (Awb 6:6).
    hersteltermijn_tot: Mapped[dt.date | None] = mapped_column(Date)
    # The procedure step sending it recorded (updated, never duplicated, on a resend).
    gebeurtenis_id: Mapped[int | None] = mapped_column(
        ForeignKey("gebeurtenis.id", ondelete="SET NULL")
    )

    client: Mapped[Client] = relationship(back_populates="brieven")
    melding: Mapped[Melding | None] = relationship(back_populates="brieven")
