"""Concepts: unsaved dialog input kept inside the vault across a lock.

Snapshots are frozen dataclasses; they are stored as JSON (dates as ISO text,
enums by value) in the ``concept`` table and rebuilt from their type hints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from typing import Any

from sqlalchemy import select

from ondersteuner.models import Concept
from ondersteuner.ui.ops.common import write_session
from ondersteuner.vault import Vault


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_jsonable(v) for v in value]
    return value


def from_jsonable(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return from_jsonable(inner[0], value)
    if origin is tuple:
        (item_tp, *_rest) = typing.get_args(tp)
        return tuple(from_jsonable(item_tp, v) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return tp(**{k: from_jsonable(hints[k], v) for k, v in value.items() if k in hints})
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(value)
    if tp is dt.date:
        return dt.date.fromisoformat(value)
    return value


def save_draft(vault: Vault, kind: str, data: Any, context: dict[str, Any] | None = None) -> int:
    with write_session(vault) as s:
        c = Concept(
            soort=kind,
            gegevens={"data": to_jsonable(data), "context": dict(context or {})},
        )
        s.add(c)
        s.flush()
        return c.id


def take_drafts(vault: Vault) -> list[tuple[str, dict[str, Any], dt.datetime]]:
    """Return and remove all concepts, oldest first."""
    with write_session(vault) as s:
        rows = s.scalars(select(Concept).order_by(Concept.id)).all()
        out = [(c.soort, c.gegevens, c.aangemaakt_op) for c in rows]
        for c in rows:
            s.delete(c)
        return out


def restore(tp: type, stored: dict[str, Any]) -> Any:
    return from_jsonable(tp, stored["data"])
