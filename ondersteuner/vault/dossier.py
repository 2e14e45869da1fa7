"""One client's complete dossier as plain rows: what the AVG rights export (inzage,
art. 15 and 20) and the hand-over to another adviser (overdracht) both read.

The rows are read table by table from the ORM's metadata, every column included,
so a column added later travels with the dossier without touching this module; a
test fails when a new *table* is neither here nor listed as not client data.
Qt-free.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Integer,
    LargeBinary,
    String,
    Time,
    select,
)

from ondersteuner.models import Base

if TYPE_CHECKING:
    from sqlalchemy import Column, Table
    from sqlalchemy.orm import Session

# Every table of a dossier, parents before children: (table, parent table, the
# column that ties a row to its parent). Inserting in this order satisfies every
# foreign key inside the dossier (a brief refers to a gebeurtenis, a reactiepunt to
# a verslag and a notitie, a beoordeling to a notitie).
DOSSIER: tuple[tuple[str, str | None, str | None], ...] = (
    ("client", None, None),
    ("contactpersoon", "client", "client_id"),
    ("melding", "client", "client_id"),
    ("gebeurtenis", "melding", "melding_id"),
    ("termijn_aanpassing", "melding", "melding_id"),
    ("voorbereiding", "melding", "melding_id"),
    ("gesprek", "melding", "melding_id"),
    ("notitie", "gesprek", "gesprek_id"),
    ("verslag", "melding", "melding_id"),
    ("beoordeling", "verslag", "verslag_id"),
    ("besproken_passage", "verslag", "verslag_id"),
    ("reactiepunt", "melding", "melding_id"),
    ("brief", "client", "client_id"),
)
DOSSIER_TABELLEN = tuple(naam for naam, _o, _k in DOSSIER)
# Shared by every dossier (gemeente: referred to by CBS code and name) or holding no
# dossier content (the audit log, drafts of open dialogs).
NIET_IN_DOSSIER = frozenset({"gemeente", "auditregel", "concept"})
GEMEENTE = "gemeente"


@dataclass
class Dossier:
    """Rows per table (column name → Python value), each table sorted by id."""

    rijen: dict[str, list[dict[str, Any]]]
    gemeenten: dict[int, dict[str, Any]] = field(default_factory=dict)

    @property
    def client(self) -> dict[str, Any]:
        return self.rijen["client"][0]

    def kinderen(self, tabel: str, ouder_id: int) -> list[dict[str, Any]]:
        """The rows of ``tabel`` under the parent row ``ouder_id``."""
        kolom = next(k for naam, _o, k in DOSSIER if naam == tabel)
        return [r for r in self.rijen[tabel] if r[kolom] == ouder_id]


def tabel(naam: str) -> Table:
    return Base.metadata.tables[naam]


def verwijzing(kolom: Column[Any]) -> str | None:
    """The table a foreign-key column points to, if any."""
    for fk in kolom.foreign_keys:
        return str(fk.column.table.name)
    return None


def lees_dossier(session: Session, client_id: int) -> Dossier:
    """Every row of the client's dossier; ``LookupError`` if there is no such client."""
    ids: dict[str, list[int]] = {}
    rijen: dict[str, list[dict[str, Any]]] = {}
    for naam, ouder, kolom in DOSSIER:
        t = tabel(naam)
        stmt = select(t).order_by(t.c.id)
        if ouder is None:
            stmt = stmt.where(t.c.id == client_id)
        else:
            stmt = stmt.where(t.c[kolom].in_(ids[ouder]))
        rows = [dict(r._mapping) for r in session.execute(stmt)]
        rijen[naam] = rows
        ids[naam] = [r["id"] for r in rows]
    if not rijen["client"]:
        raise LookupError(f"no client {client_id}")
    gemeente_ids = {
        r[c.name]
        for naam in DOSSIER_TABELLEN
        for c in tabel(naam).columns
        if verwijzing(c) == GEMEENTE
        for r in rijen[naam]
        if r[c.name] is not None
    }
    g = tabel(GEMEENTE)
    gemeenten = {
        r.id: dict(r._mapping)
        for r in session.execute(select(g).where(g.c.id.in_(sorted(gemeente_ids))))
    }
    return Dossier(rijen, gemeenten)


# ------------------------------------------------------------------ plain JSON
def naar_json(waarde: Any) -> Any:
    """A column value as JSON: dates ISO 8601, file bytes base64, enums their value."""
    if isinstance(waarde, dt.date | dt.time):  # datetime is a date too
        return waarde.isoformat()
    if isinstance(waarde, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(waarde)).decode("ascii")
    if isinstance(waarde, enum.Enum):
        return waarde.value
    return waarde


def rij_naar_json(rij: dict[str, Any]) -> dict[str, Any]:
    return {k: naar_json(v) for k, v in rij.items()}


def uit_json(kolom: Column[Any], waarde: Any) -> Any:
    """The Python value for ``kolom`` from its JSON form; ``ValueError`` or
    ``TypeError`` when it does not fit the column's type."""
    if waarde is None:
        return None
    soort = kolom.type
    # Order matters: Enum is a String, DateTime is not a Date.
    if isinstance(soort, Enum):
        if soort.enum_class is None:
            return _tekst(waarde)
        return soort.enum_class(_tekst(waarde))
    if isinstance(soort, DateTime):
        return dt.datetime.fromisoformat(_tekst(waarde))
    if isinstance(soort, Date):
        return dt.date.fromisoformat(_tekst(waarde))
    if isinstance(soort, Time):
        return dt.time.fromisoformat(_tekst(waarde))
    if isinstance(soort, LargeBinary):
        return base64.b64decode(_tekst(waarde).encode("ascii"), validate=True)
    if isinstance(soort, Boolean):
        if not isinstance(waarde, bool):
            raise TypeError(kolom.name)
        return waarde
    if isinstance(soort, Integer):
        if isinstance(waarde, bool) or not isinstance(waarde, int):
            raise TypeError(kolom.name)
        return waarde
    if isinstance(soort, String):  # Text too
        return _tekst(waarde)
    if isinstance(soort, JSON):
        return waarde
    raise TypeError(f"{kolom.name}: {soort!r}")


def _tekst(waarde: Any) -> str:
    if not isinstance(waarde, str):
        raise TypeError("expected text")
    return waarde
