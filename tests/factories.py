"""Fictitious test data. Names are invented; no real person, no BSN."""

from __future__ import annotations

import datetime as dt

from ondersteuner.models import GebeurtenisSoort, Wet
from ondersteuner.ui.ops import clients, meldingen
from ondersteuner.ui.ops.snapshots import ClientData, GebeurtenisData, MeldingData
from ondersteuner.vault import Vault


def make_client(vault: Vault, naam: str = "Fictief Persoon", **kw: object) -> int:
    fields = {"woonplaats": "Ergenshuizen", "postcode": "1234 AB", "adres": "Dorpsstraat 1"}
    fields.update(kw)
    return clients.save_client(vault, ClientData(naam=naam, **fields))  # type: ignore[arg-type]


def make_melding(
    vault: Vault, client_id: int, datum: dt.date = dt.date(2025, 3, 3), **kw: object
) -> int:
    data = MeldingData(client_id=client_id, datum_melding=datum, wet=Wet.WMO, **kw)  # type: ignore[arg-type]
    return meldingen.save_melding(vault, data)


def make_event(
    vault: Vault, melding_id: int, soort: GebeurtenisSoort, datum: dt.date, **kw: object
) -> int:
    data = GebeurtenisData(melding_id=melding_id, soort=soort, datum=datum, **kw)  # type: ignore[arg-type]
    return meldingen.save_gebeurtenis(vault, data)
