"""Declarative base, naming convention and shared column helpers for the ORM."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import DateTime, Enum, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names: SQLite batch migrations need them to drop/alter.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def now() -> dt.datetime:
    """Local wall-clock time, second precision (what the adviser sees)."""
    return dt.datetime.now().replace(microsecond=0)


def enum_column(enum_cls: type[enum.Enum], **kwargs: Any) -> Enum:
    """Store an enum as its (Dutch) value in a VARCHAR, not a native enum."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
        **kwargs,
    )


class Timestamps:
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    gewijzigd_op: Mapped[dt.datetime] = mapped_column(DateTime, default=now, onupdate=now)
