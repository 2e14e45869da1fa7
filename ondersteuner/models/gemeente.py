"""Gemeente: the municipality a melding is made to, with its postal address for letters."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ondersteuner.models.base import Base


class Gemeente(Base):
    __tablename__ = "gemeente"

    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(100), unique=True)
    cbs_code: Mapped[str | None] = mapped_column(String(8), unique=True)
    # Postal address for letters (often a Postbus), filled in once by the adviser.
    post_adres: Mapped[str] = mapped_column(String(200), default="")
    post_postcode: Mapped[str] = mapped_column(String(10), default="")
    post_plaats: Mapped[str] = mapped_column(String(100), default="")
    afdeling: Mapped[str] = mapped_column(String(200), default="")  # e.g. "Team Wmo"
    loket_telefoon: Mapped[str] = mapped_column(String(40), default="")
    loket_email: Mapped[str] = mapped_column(String(200), default="")
    notities: Mapped[str] = mapped_column(Text, default="")
    # Verordening settings (Jeugdwet beslistermijn; advisory committees, Awb 7:13 / 9:14).
    jeugd_beslistermijn_weken: Mapped[int | None] = mapped_column(Integer)
    bezwaar_adviescommissie: Mapped[bool] = mapped_column(Boolean, default=False)
    klacht_adviescommissie: Mapped[bool] = mapped_column(Boolean, default=False)
    # The adviser's own words of this gemeente for the verslag comparison
    # ("alarmering: halszender, knop om zijn nek"), on top of compare/synoniemen.txt.
    synoniemen: Mapped[str] = mapped_column(Text, default="", server_default="")

    @property
    def has_postal_address(self) -> bool:
        return bool(self.post_adres and self.post_postcode and self.post_plaats)
