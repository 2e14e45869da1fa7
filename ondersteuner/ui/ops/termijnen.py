"""Deadline operations: read the facts of meldingen, compute their deadlines, keep the
adviser's overrides. The computing itself is ``ondersteuner.termijnen`` (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from ondersteuner.i18n import tr
from ondersteuner.models import (
    Client,
    Gebeurtenis,
    Gemeente,
    Melding,
    MeldingStatus,
    TermijnAanpassing,
)
from ondersteuner.models.enums import Wet
from ondersteuner.termijnen.melding import (
    Aanpassing,
    MeldingFeiten,
    Overzicht,
    Termijn,
    TermijnStatus,
    bereken_termijnen,
)
from ondersteuner.ui.ops.common import write_session
from ondersteuner.ui.ops.meldingen import event_snapshot
from ondersteuner.ui.ops.snapshots import GebeurtenisData
from ondersteuner.validation import InvalidInput
from ondersteuner.vault import Vault


def _feiten(m: Melding) -> MeldingFeiten:
    return MeldingFeiten(
        wet=m.wet,
        datum_melding=m.datum_melding,
        status=m.status,
        gebeurtenissen=tuple(event_snapshot(g) for g in m.gebeurtenissen),
        aanpassingen={a.sleutel: Aanpassing(a.datum, a.reden) for a in m.termijn_aanpassingen},
    )


def melding_termijnen(vault: Vault, melding_id: int, vandaag: dt.date | None = None) -> Overzicht:
    """Every deadline of one melding, computed from what is recorded now."""
    with vault.session() as s:
        m = s.scalars(
            select(Melding)
            .where(Melding.id == melding_id)
            .options(
                selectinload(Melding.gebeurtenissen), selectinload(Melding.termijn_aanpassingen)
            )
        ).one()
        feiten = _feiten(m)
    return bereken_termijnen(feiten, vandaag or dt.date.today())


@dataclass(frozen=True)
class TermijnRegel:
    """One deadline in the overview across all clients."""

    termijn: Termijn
    client_id: int
    client_naam: str
    dossiernummer: int
    melding_id: int
    wet: Wet
    gemeente: str

    @property
    def initialen(self) -> str:
        return "".join(part[0].upper() + "." for part in self.client_naam.split() if part[:1])


CHUNK = 10  # meldingen per slice: a few ms of work


def termijnen_in_stukken(
    vault: Vault, vandaag: dt.date | None = None, size: int = CHUNK
) -> Iterator[tuple[int, int, list[TermijnRegel]]]:
    """The deadlines that still ask for attention (open, or verlopen without what
    should have happened) of every running melding, in slices of ``size`` meldingen:
    yields ``(done, total, rows)``. The UI takes one slice per turn of its event
    loop, so typing never waits behind this work (a worker thread would compete
    with the UI for Python's GIL at every keystroke)."""
    vandaag = vandaag or dt.date.today()
    lopend = Melding.status == MeldingStatus.LOPEND
    with vault.session() as s:
        ids = list(s.scalars(select(Melding.id).where(lopend).order_by(Melding.id)))
    total = len(ids)
    for start in range(0, total, size):
        chunk = ids[start : start + size]
        yield start + len(chunk), total, _rows_for(vault, chunk, vandaag)
    if not total:
        yield 0, 0, []


def _rows_for(vault: Vault, ids: list[int], vandaag: dt.date) -> list[TermijnRegel]:
    # Plain column reads (no ORM objects): fast, and nothing to keep in a session.
    with vault.session() as s:
        meldingen = s.execute(
            select(
                Melding.id,
                Melding.client_id,
                Melding.wet,
                Melding.datum_melding,
                Melding.status,
                Client.naam,
                Client.dossiernummer,
                Gemeente.naam,
            )
            .join(Client, Client.id == Melding.client_id)
            .outerjoin(Gemeente, Gemeente.id == Melding.gemeente_id)
            .where(Melding.id.in_(ids))
        ).all()
        events: dict[int, list[GebeurtenisData]] = {}
        columns = [c for c in Gebeurtenis.__table__.columns if c.name != "aangemaakt_op"]
        for g in s.execute(select(*columns).where(Gebeurtenis.melding_id.in_(ids))):
            events.setdefault(g.melding_id, []).append(event_snapshot(g))  # type: ignore[arg-type]
        overrides: dict[int, dict[str, Aanpassing]] = {}
        for a in s.scalars(select(TermijnAanpassing).where(TermijnAanpassing.melding_id.in_(ids))):
            overrides.setdefault(a.melding_id, {})[a.sleutel] = Aanpassing(a.datum, a.reden)
    out: list[TermijnRegel] = []
    for mid, cid, wet, datum, status, naam, nummer, gemeente in meldingen:
        feiten = MeldingFeiten(
            wet=wet,
            datum_melding=datum,
            status=status,
            gebeurtenissen=events.get(mid, ()),
            aanpassingen=overrides.get(mid, {}),
        )
        for t in bereken_termijnen(feiten, vandaag).termijnen:
            if t.vraagt_aandacht:
                out.append(TermijnRegel(t, cid, naam, nummer, mid, wet, gemeente or ""))
    return out


def sort_rows(rows: list[TermijnRegel]) -> list[TermijnRegel]:
    return sorted(rows, key=lambda r: (r.termijn.datum, r.dossiernummer, r.termijn.sleutel))


def alle_termijnen(vault: Vault, vandaag: dt.date | None = None) -> list[TermijnRegel]:
    """All of ``termijnen_in_stukken`` at once, soonest first."""
    return sort_rows([r for _d, _t, rows in termijnen_in_stukken(vault, vandaag) for r in rows])


def save_aanpassing(
    vault: Vault, melding_id: int, sleutel: str, datum: dt.date | None, reden: str
) -> None:
    """Override a computed deadline; the reason is required and shown with it."""
    if melding_termijnen(vault, melding_id).get(sleutel) is None:
        raise InvalidInput("sleutel", tr("Kies een termijn van deze melding."))
    if datum is None:
        raise InvalidInput("datum", tr("Vul de nieuwe datum in."))
    reden = reden.strip()
    if not reden:
        raise InvalidInput(
            "reden",
            tr("Schrijf op waarom u de termijn aanpast, bijvoorbeeld de brief van de gemeente."),
        )
    with write_session(vault) as s:
        existing = s.scalars(
            select(TermijnAanpassing).where(
                TermijnAanpassing.melding_id == melding_id, TermijnAanpassing.sleutel == sleutel
            )
        ).one_or_none()
        if existing is None:
            s.add(
                TermijnAanpassing(melding_id=melding_id, sleutel=sleutel, datum=datum, reden=reden)
            )
        else:
            existing.datum, existing.reden = datum, reden


def delete_aanpassing(vault: Vault, melding_id: int, sleutel: str) -> None:
    """Back to the computed date."""
    with write_session(vault) as s:
        s.execute(
            delete(TermijnAanpassing).where(
                TermijnAanpassing.melding_id == melding_id, TermijnAanpassing.sleutel == sleutel
            )
        )


__all__ = [
    "TermijnRegel",
    "TermijnStatus",
    "alle_termijnen",
    "delete_aanpassing",
    "melding_termijnen",
    "save_aanpassing",
]
