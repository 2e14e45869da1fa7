"""Client operations: list, read, save, close, reopen and delete (with everything of theirs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import selectinload

from ondersteuner.i18n import tr
from ondersteuner.models import (
    Brief,
    Client,
    ClientStatus,
    Contactpersoon,
    Gebeurtenis,
    Gemeente,
    Gesprek,
    Melding,
    MeldingStatus,
    Notitie,
    Verslag,
)
from ondersteuner.ui.ops.common import audit, write_session
from ondersteuner.ui.ops.snapshots import ClientData, ClientRow, ContactData, DeletionSummary
from ondersteuner.validation import (
    check_birth_date,
    check_email,
    check_phone,
    normalise_postcode,
    require_text,
)
from ondersteuner.vault import DiskProblem, Vault


def list_clients(vault: Vault) -> list[ClientRow]:
    """All clients with their number of open meldingen, sorted by name."""
    open_count = (
        select(Melding.client_id, func.count().label("n"))
        .where(Melding.status == MeldingStatus.LOPEND)
        .group_by(Melding.client_id)
        .subquery()
    )
    stmt = (
        select(
            Client.id,
            Client.dossiernummer,
            Client.naam,
            Client.woonplaats,
            Gemeente.naam,
            Client.status,
            func.coalesce(open_count.c.n, 0),
            Client.geboortedatum,
        )
        .outerjoin(Gemeente, Gemeente.id == Client.gemeente_id)
        .outerjoin(open_count, open_count.c.client_id == Client.id)
        .order_by(func.lower(Client.naam), Client.id)
    )
    with vault.session() as s:
        return [
            ClientRow(
                id=r[0],
                dossiernummer=r[1],
                naam=r[2],
                woonplaats=r[3],
                gemeente=r[4] or "",
                status=r[5],
                open_meldingen=r[6],
                geboortedatum=r[7],
            )
            for r in s.execute(stmt)
        ]


def _contact_snapshot(c: Contactpersoon) -> ContactData:
    return ContactData(
        id=c.id,
        naam=c.naam,
        relatie=c.relatie,
        is_mantelzorger=c.is_mantelzorger,
        is_vertegenwoordiger=c.is_vertegenwoordiger,
        telefoon=c.telefoon,
        email=c.email,
        adres=c.adres,
        notities=c.notities,
    )


def get_client(vault: Vault, client_id: int) -> ClientData:
    with vault.session() as s:
        c = s.scalars(
            select(Client)
            .where(Client.id == client_id)
            .options(selectinload(Client.contactpersonen), selectinload(Client.gemeente))
        ).one()
        return ClientData(
            id=c.id,
            naam=c.naam,
            aanhef=c.aanhef,
            geboortedatum=c.geboortedatum,
            adres=c.adres,
            postcode=c.postcode,
            woonplaats=c.woonplaats,
            telefoon=c.telefoon,
            email=c.email,
            gemeente_id=c.gemeente_id,
            notities=c.notities,
            toestemming_op=c.toestemming_op,
            toestemming_omvang=c.toestemming_omvang,
            dossiernummer=c.dossiernummer,
            status=c.status,
            afgesloten_op=c.afgesloten_op,
            gemeente_naam=c.gemeente.naam if c.gemeente else "",
            contactpersonen=tuple(_contact_snapshot(p) for p in c.contactpersonen),
        )


def save_client(vault: Vault, data: ClientData) -> int:
    """Insert or update a client; returns its id. Raises ``InvalidInput`` in Dutch."""
    naam = require_text("naam", data.naam, tr("de naam"))
    postcode = normalise_postcode("postcode", data.postcode)
    email = check_email("email", data.email)
    telefoon = check_phone("telefoon", data.telefoon)
    check_birth_date("geboortedatum", data.geboortedatum)
    with write_session(vault) as s:
        if data.id is None:
            nummer = (s.scalar(select(func.max(Client.dossiernummer))) or 0) + 1
            client = Client(dossiernummer=nummer, naam=naam)
            s.add(client)
        else:
            client = s.get_one(Client, data.id)
        client.naam = naam
        client.aanhef = data.aanhef
        client.geboortedatum = data.geboortedatum
        client.adres = data.adres.strip()
        client.postcode = postcode
        client.woonplaats = data.woonplaats.strip()
        client.telefoon = telefoon
        client.email = email
        client.gemeente_id = data.gemeente_id
        client.notities = data.notities
        client.toestemming_op = data.toestemming_op
        client.toestemming_omvang = data.toestemming_omvang
        s.flush()
        return client.id


def set_client_closed(vault: Vault, client_id: int, closed: bool) -> None:
    """Close (afsluiten) or reopen a dossier."""
    with write_session(vault) as s:
        client = s.get_one(Client, client_id)
        client.status = ClientStatus.AFGESLOTEN if closed else ClientStatus.ACTIEF
        client.afgesloten_op = dt.date.today() if closed else None


def deletion_summary(vault: Vault, client_id: int) -> DeletionSummary:
    with vault.session() as s:
        c = s.get_one(Client, client_id)
        melding_ids = select(Melding.id).where(Melding.client_id == client_id)
        gesprek_ids = select(Gesprek.id).where(Gesprek.melding_id.in_(melding_ids))

        def count(model: type, *where: object) -> int:
            return s.scalar(select(func.count()).select_from(model).where(*where)) or 0

        return DeletionSummary(
            naam=c.naam,
            dossiernummer=c.dossiernummer,
            contactpersonen=count(Contactpersoon, Contactpersoon.client_id == client_id),
            meldingen=count(Melding, Melding.client_id == client_id),
            gebeurtenissen=count(Gebeurtenis, Gebeurtenis.melding_id.in_(melding_ids)),
            gesprekken=count(Gesprek, Gesprek.melding_id.in_(melding_ids)),
            notities=count(Notitie, Notitie.gesprek_id.in_(gesprek_ids)),
            verslagen=count(Verslag, Verslag.melding_id.in_(melding_ids)),
            brieven=count(Brief, Brief.client_id == client_id),
        )


def delete_client(vault: Vault, client_id: int) -> None:
    """Delete a client and everything of theirs (AVG art. 17).

    Foreign keys cascade in the database; ``secure_delete`` overwrites the freed
    pages. The audit entry names the dossier number only, never the person.
    """
    with write_session(vault) as s:
        client = s.get_one(Client, client_id)
        nummer = client.dossiernummer
        s.delete(client)
        audit(s, "client_verwijderd", tr("Dossier {n} verwijderd", n=nummer))
    try:
        vault.wis_sporen()
    except OperationalError as exc:  # disk full: the client is gone, the rebuild waits
        raise DiskProblem() from exc


def save_contact(vault: Vault, client_id: int, data: ContactData) -> int:
    naam = require_text("contact_naam", data.naam, tr("de naam van de contactpersoon"))
    email = check_email("contact_email", data.email)
    telefoon = check_phone("contact_telefoon", data.telefoon)
    with write_session(vault) as s:
        if data.id is None:
            contact = Contactpersoon(client_id=client_id, naam=naam)
            s.add(contact)
        else:
            contact = s.get_one(Contactpersoon, data.id)
        contact.naam = naam
        contact.relatie = data.relatie.strip()
        contact.is_mantelzorger = data.is_mantelzorger
        contact.is_vertegenwoordiger = data.is_vertegenwoordiger
        contact.telefoon = telefoon
        contact.email = email
        contact.adres = data.adres.strip()
        contact.notities = data.notities
        s.flush()
        return contact.id


def delete_contact(vault: Vault, contact_id: int) -> None:
    with write_session(vault) as s:
        s.delete(s.get_one(Contactpersoon, contact_id))


@dataclass(frozen=True)
class Verlopen:
    """A closed dossier past the retention period."""

    id: int
    naam: str
    dossiernummer: int
    afgesloten_op: dt.date
    verlopen_op: dt.date


def bewaartermijn_verlopen(
    vault: Vault, jaren: int, vandaag: dt.date | None = None
) -> list[Verlopen]:
    """Closed dossiers whose retention period (``jaren`` after closing) has passed,
    longest overdue first. Nothing is deleted here: the adviser decides."""
    vandaag = vandaag or dt.date.today()
    out = []
    with vault.session() as s:
        rows = s.execute(
            select(Client.id, Client.naam, Client.dossiernummer, Client.afgesloten_op).where(
                Client.status == ClientStatus.AFGESLOTEN, Client.afgesloten_op.is_not(None)
            )
        ).all()
    for cid, naam, nummer, afgesloten in rows:
        try:
            einde = afgesloten.replace(year=afgesloten.year + jaren)
        except ValueError:  # 29 February
            einde = afgesloten.replace(year=afgesloten.year + jaren, day=28)
        if einde <= vandaag:
            out.append(Verlopen(cid, naam, nummer, afgesloten, einde))
    return sorted(out, key=lambda v: v.verlopen_op)


def delete_clients(
    vault: Vault, client_ids: list[int], voortgang: Callable[[int, int], None] | None = None
) -> None:
    """Delete several clients (each with its own audit line), then rebuild the file
    once so none of them leaves a trace."""
    for i, cid in enumerate(client_ids, 1):
        with write_session(vault) as s:
            client = s.get_one(Client, cid)
            nummer = client.dossiernummer
            s.delete(client)
            audit(s, "client_verwijderd", tr("Dossier {n} verwijderd (bewaartermijn)", n=nummer))
        if voortgang:
            voortgang(i, len(client_ids))
    try:
        vault.wis_sporen()
    except OperationalError as exc:
        raise DiskProblem() from exc
