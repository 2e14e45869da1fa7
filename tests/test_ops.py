"""Named operations over the vault: clients, contacts, meldingen, steps, deletion, drafts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from ondersteuner import procedure
from ondersteuner.models import (
    AuditRegel,
    Client,
    ClientStatus,
    Gebeurtenis,
    GebeurtenisSoort,
    Gesprek,
    Melding,
    MeldingStatus,
    Notitie,
    Verslag,
)
from ondersteuner.ui.ops import clients, drafts, meldingen
from ondersteuner.ui.ops.snapshots import (
    ClientData,
    ContactData,
    GebeurtenisData,
    GemeenteData,
    MeldingData,
)
from ondersteuner.validation import InvalidInput
from ondersteuner.vault import Vault
from tests.factories import make_client, make_event, make_melding


def test_client_round_trip_and_dossiernummer(vault: Vault):
    a = make_client(vault, "Anna Eerste", postcode="1234ab", email="a@voorbeeld.nl")
    b = make_client(vault, "Bert Tweede")
    data = clients.get_client(vault, a)
    assert data.postcode == "1234 AB"  # normalised
    assert (data.dossiernummer, clients.get_client(vault, b).dossiernummer) == (1, 2)
    clients.save_client(
        vault, ClientData(**{**data.__dict__, "woonplaats": "Elders", "contactpersonen": ()})
    )
    assert clients.get_client(vault, a).woonplaats == "Elders"


@pytest.mark.parametrize(
    ("field", "kwargs", "fragment"),
    [
        ("naam", {"naam": "  "}, "naam"),
        ("postcode", {"postcode": "12345"}, "postcode"),
        ("email", {"email": "geen-email"}, "e-mailadres"),
        ("telefoon", {"telefoon": "bel mij"}, "telefoonnummer"),
        ("geboortedatum", {"geboortedatum": dt.date.today() + dt.timedelta(days=1)}, "toekomst"),
    ],
)
def test_bad_client_input_is_refused_in_dutch(
    vault: Vault, field: str, kwargs: dict, fragment: str
):
    data = ClientData(**{"naam": "Geldige Naam", **kwargs})
    with pytest.raises(InvalidInput) as err:
        clients.save_client(vault, data)
    assert err.value.field == field
    assert fragment in str(err.value).lower()
    assert clients.list_clients(vault) == []


def test_list_counts_open_meldingen_and_close_reopen(vault: Vault):
    cid = make_client(vault)
    m1 = make_melding(vault, cid)
    make_melding(vault, cid, dt.date(2025, 5, 1))
    meldingen.set_melding_status(vault, m1, MeldingStatus.AFGEROND)
    (row,) = clients.list_clients(vault)
    assert row.open_meldingen == 1
    clients.set_client_closed(vault, cid, True)
    data = clients.get_client(vault, cid)
    assert data.status is ClientStatus.AFGESLOTEN and data.afgesloten_op == dt.date.today()
    clients.set_client_closed(vault, cid, False)
    assert clients.get_client(vault, cid).status is ClientStatus.ACTIEF


def test_delete_client_removes_everything_of_theirs(vault: Vault):
    keep = make_client(vault, "Blijft Bestaan")
    make_melding(vault, keep)
    cid = make_client(vault, "Wordt Gewist")
    clients.save_contact(vault, cid, ContactData(naam="Naaste Persoon", is_mantelzorger=True))
    mid = make_melding(vault, cid)
    make_event(vault, mid, GebeurtenisSoort.AANVRAAG, dt.date(2025, 4, 1))
    with vault.session() as s:
        g = Gesprek(melding_id=mid, datum=dt.date(2025, 3, 20))
        s.add(g)
        s.flush()
        s.add(Notitie(gesprek_id=g.id, tekst="afspraak: 3 uur HH"))
        s.add(Verslag(melding_id=mid, tekst="verslag", bestand=b"%PDF"))
        s.commit()
    summary = clients.deletion_summary(vault, cid)
    assert (
        summary.contactpersonen,
        summary.meldingen,
        summary.gebeurtenissen,
        summary.gesprekken,
        summary.notities,
        summary.verslagen,
    ) == (1, 1, 1, 1, 1, 1)
    clients.delete_client(vault, cid)
    with vault.session() as s:
        for model in (Melding, Gebeurtenis, Gesprek, Notitie, Verslag):
            owner = s.scalar(select(func.count()).select_from(model))
            assert owner == (1 if model is Melding else 0), model.__name__
        assert s.scalar(select(func.count()).select_from(Client)) == 1
        (entry,) = s.scalars(select(AuditRegel)).all()
        assert "Wordt Gewist" not in entry.omschrijving and "2" in entry.omschrijving
    with vault.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []


def test_event_validation(vault: Vault):
    mid = make_melding(vault, make_client(vault))
    with pytest.raises(InvalidInput) as err:
        meldingen.save_gebeurtenis(
            vault, GebeurtenisData(melding_id=mid, soort=GebeurtenisSoort.BESCHIKKING)
        )
    assert "datum" in str(err.value)
    with pytest.raises(InvalidInput) as err:
        meldingen.save_gebeurtenis(
            vault,
            GebeurtenisData(
                melding_id=mid,
                soort=GebeurtenisSoort.BESCHIKKING,
                datum=dt.date(2025, 5, 1),
                ontvangen_op=dt.date(2025, 4, 1),
            ),
        )
    assert err.value.field == "ontvangen_op"
    with pytest.raises(InvalidInput):
        meldingen.save_melding(
            vault, MeldingData(client_id=1, datum_melding=dt.date.today() + dt.timedelta(3))
        )


def test_fase_follows_the_furthest_step(vault: Vault):
    mid = make_melding(vault, make_client(vault))
    assert meldingen.get_melding(vault, mid).fase == "Melding gedaan"
    make_event(vault, mid, GebeurtenisSoort.KLACHT, dt.date(2025, 3, 10))
    assert meldingen.get_melding(vault, mid).fase == "Klacht loopt"
    make_event(vault, mid, GebeurtenisSoort.BESCHIKKING, dt.date(2025, 4, 1))
    make_event(vault, mid, GebeurtenisSoort.GESPREK, dt.date(2025, 3, 20))
    assert meldingen.get_melding(vault, mid).fase == "Beschikking ontvangen"
    assert procedure.fase(MeldingStatus.AFGEROND, [GebeurtenisSoort.BEZWAAR]) == "Afgerond"


def test_drafts_round_trip_snapshots(vault: Vault):
    data = ClientData(
        naam="",
        geboortedatum=dt.date(1950, 2, 3),
        status=ClientStatus.ACTIEF,
        contactpersonen=(ContactData(naam="X"),),
    )
    drafts.save_draft(vault, "client", data, {"client_id": 4})
    ((kind, stored, _when),) = drafts.take_drafts(vault)
    assert kind == "client" and stored["context"] == {"client_id": 4}
    assert drafts.restore(ClientData, stored) == data
    assert drafts.take_drafts(vault) == []


def test_all_gemeenten_are_preloaded_and_contact_is_remembered(vault: Vault):
    from ondersteuner.ui.ops import gemeenten

    bundled = gemeenten.bundled_gemeenten()
    header = gemeenten.resources.files("ondersteuner.data").joinpath("gemeenten.tsv")
    declared = next(
        int(line.split(":")[1])
        for line in header.read_text("utf-8").splitlines()
        if line.startswith("# Aantal:")
    )
    assert len(bundled) == declared == 342  # CBS indeling 1 januari 2026
    assert len({code for code, _ in bundled}) == len({naam for _, naam in bundled}) == 342
    listed = gemeenten.list_gemeenten(vault)
    names = [g.naam for g in listed]
    assert "'s-Gravenhage" in names and "Súdwest-Fryslân" in names
    assert names == sorted(names, key=str.lower)
    assert gemeenten.ensure_gemeenten(vault) == 0  # idempotent

    utrecht = next(g for g in listed if g.naam == "Utrecht")
    gemeenten.save_gemeente_contact(
        vault,
        GemeenteData(
            **{
                **utrecht.__dict__,
                "post_adres": "Postbus 16200",
                "post_postcode": "3500ce",
                "post_plaats": "Utrecht",
                "loket_email": "wmo@voorbeeld.nl",
            },
        ),
    )
    again = gemeenten.get_gemeente(vault, utrecht.id)
    assert (again.post_adres, again.post_postcode) == ("Postbus 16200", "3500 CE")
    with pytest.raises(InvalidInput):
        gemeenten.save_gemeente_contact(
            vault, GemeenteData(**{**again.__dict__, "loket_email": "geen-adres"})
        )
