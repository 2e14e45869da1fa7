"""Audit log of sensitive actions (export, delete, restore, passphrase change).

Entries never contain client data: a deletion is logged as "cliënt verwijderd
(dossier 14)", not with the name.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ondersteuner.models.base import Base, now


class AuditRegel(Base):
    __tablename__ = "auditregel"

    id: Mapped[int] = mapped_column(primary_key=True)
    tijdstip: Mapped[dt.datetime] = mapped_column(DateTime, default=now, index=True)
    actie: Mapped[str] = mapped_column(String(60))
    omschrijving: Mapped[str] = mapped_column(Text, default="")


class Concept(Base):
    """Unsaved input kept across a lock (a dialog's fields, later a letter draft)."""

    __tablename__ = "concept"

    id: Mapped[int] = mapped_column(primary_key=True)
    soort: Mapped[str] = mapped_column(String(60))
    gegevens: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
