"""Melding and procedure-event operations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ondersteuner import procedure
from ondersteuner.i18n import tr
from ondersteuner.models import Gebeurtenis, Melding, MeldingStatus
from ondersteuner.ui.ops.common import write_session
from ondersteuner.ui.ops.snapshots import GebeurtenisData, MeldingData
from ondersteuner.validation import InvalidInput, check_event_date, check_order
from ondersteuner.vault import Vault


def _snapshot(m: Melding) -> MeldingData:
    return MeldingData(
        id=m.id,
        client_id=m.client_id,
        gemeente_id=m.gemeente_id,
        wet=m.wet,
        datum_melding=m.datum_melding,
        gemeld_door=m.gemeld_door,
        hulpvraag=m.hulpvraag,
        spoed=m.spoed,
        kenmerk=m.kenmerk,
        notities=m.notities,
        status=m.status,
        gemeente_naam=m.gemeente.naam if m.gemeente else "",
        fase=procedure.fase(m.status, (g.soort for g in m.gebeurtenissen)),
        aantal_gebeurtenissen=len(m.gebeurtenissen),
    )


def list_meldingen(vault: Vault, client_id: int) -> list[MeldingData]:
    with vault.session() as s:
        rows = s.scalars(
            select(Melding)
            .where(Melding.client_id == client_id)
            .options(selectinload(Melding.gebeurtenissen), selectinload(Melding.gemeente))
            .order_by(Melding.datum_melding.desc(), Melding.id.desc())
        ).all()
        return [_snapshot(m) for m in rows]


def get_melding(vault: Vault, melding_id: int) -> MeldingData:
    with vault.session() as s:
        m = s.scalars(
            select(Melding)
            .where(Melding.id == melding_id)
            .options(selectinload(Melding.gebeurtenissen), selectinload(Melding.gemeente))
        ).one()
        return _snapshot(m)


def save_melding(vault: Vault, data: MeldingData) -> int:
    if data.client_id is None:
        raise InvalidInput("client", tr("Kies eerst een cliënt."))
    datum = check_event_date("datum_melding", data.datum_melding, tr("de melding"))
    if datum > dt.date.today():
        raise InvalidInput("datum_melding", tr("De datum van de melding ligt in de toekomst."))
    with write_session(vault) as s:
        if data.id is None:
            melding = Melding(client_id=data.client_id, datum_melding=datum)
            s.add(melding)
        else:
            melding = s.get_one(Melding, data.id)
        melding.gemeente_id = data.gemeente_id
        melding.wet = data.wet
        melding.datum_melding = datum
        melding.gemeld_door = data.gemeld_door.strip()
        melding.hulpvraag = data.hulpvraag
        melding.spoed = data.spoed
        melding.kenmerk = data.kenmerk.strip()
        melding.notities = data.notities
        s.flush()
        return melding.id


def set_melding_status(vault: Vault, melding_id: int, status: MeldingStatus) -> None:
    with write_session(vault) as s:
        melding = s.get_one(Melding, melding_id)
        melding.status = status
        melding.afgesloten_op = None if status is MeldingStatus.LOPEND else dt.date.today()


def melding_delete_counts(vault: Vault, melding_id: int) -> dict[str, int]:
    from ondersteuner.models import Brief, Gesprek, Verslag

    with vault.session() as s:

        def count(model: type, column: object) -> int:
            return s.scalar(select(func.count()).select_from(model).where(column == melding_id))

        return {
            "gebeurtenissen": count(Gebeurtenis, Gebeurtenis.melding_id),
            "gesprekken": count(Gesprek, Gesprek.melding_id),
            "verslagen": count(Verslag, Verslag.melding_id),
            "brieven": count(Brief, Brief.melding_id),
        }


def delete_melding(vault: Vault, melding_id: int) -> None:
    with write_session(vault) as s:
        s.delete(s.get_one(Melding, melding_id))


def event_snapshot(g: Gebeurtenis) -> GebeurtenisData:
    return GebeurtenisData(
        id=g.id,
        melding_id=g.melding_id,
        soort=g.soort,
        datum=g.datum,
        tot_datum=g.tot_datum,
        verzonden_op=g.verzonden_op,
        ontvangen_op=g.ontvangen_op,
        kenmerk=g.kenmerk,
        omschrijving=g.omschrijving,
        met_adviescommissie=g.met_adviescommissie,
    )


def list_gebeurtenissen(vault: Vault, melding_id: int) -> list[GebeurtenisData]:
    with vault.session() as s:
        rows = s.scalars(
            select(Gebeurtenis)
            .where(Gebeurtenis.melding_id == melding_id)
            .order_by(Gebeurtenis.datum, Gebeurtenis.id)
        ).all()
        return [event_snapshot(g) for g in rows]


def save_gebeurtenis(vault: Vault, data: GebeurtenisData) -> int:
    if data.melding_id is None:
        raise InvalidInput("melding", tr("Kies eerst een melding."))
    datum = check_event_date("datum", data.datum, data.soort.label.lower())
    check_order(
        "tot_datum", datum, data.tot_datum, tr("De einddatum ligt vóór de datum van de stap.")
    )
    check_order(
        "ontvangen_op",
        datum,
        data.ontvangen_op,
        tr("De datum van ontvangst ligt vóór de datum van de brief."),
    )
    check_order(
        "verzonden_op",
        datum,
        data.verzonden_op,
        tr("De verzenddatum (poststempel) ligt vóór de datum van de brief."),
    )
    with write_session(vault) as s:
        if data.id is None:
            event = Gebeurtenis(melding_id=data.melding_id, soort=data.soort, datum=datum)
            s.add(event)
        else:
            event = s.get_one(Gebeurtenis, data.id)
        event.soort = data.soort
        event.datum = datum
        event.tot_datum = data.tot_datum
        event.verzonden_op = data.verzonden_op
        event.ontvangen_op = data.ontvangen_op
        event.kenmerk = data.kenmerk.strip()
        event.omschrijving = data.omschrijving
        event.met_adviescommissie = data.met_adviescommissie
        s.flush()
        return event.id


def delete_gebeurtenis(vault: Vault, event_id: int) -> None:
    with write_session(vault) as s:
        s.delete(s.get_one(Gebeurtenis, event_id))
