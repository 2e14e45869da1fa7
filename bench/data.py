"""Build a large fictitious vault fast (core bulk inserts), for benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sqlalchemy import insert

from ondersteuner.models import Client, Gebeurtenis, GebeurtenisSoort, Melding, MeldingStatus, Wet
from ondersteuner.ui.ops.gemeenten import ensure_gemeenten, list_gemeenten
from ondersteuner.vault import Vault

FIRST = [
    "Anna",
    "Bram",
    "Cor",
    "Dina",
    "Eef",
    "Fleur",
    "Gijs",
    "Hanna",
    "Ids",
    "Joke",
    "Kees",
    "Lies",
    "Maarten",
    "Nel",
    "Otto",
    "Petra",
    "Rik",
    "Sien",
    "Teun",
    "Wim",
]
LAST = [
    "Bakker",
    "Visser",
    "Smit",
    "Mulder",
    "de Boer",
    "Dekker",
    "Brouwer",
    "Dijkstra",
    "Vos",
    "Peters",
    "Hendriks",
    "Jansen",
    "de Graaf",
    "Kok",
    "Schouten",
    "Verbeek",
]
PLACES = ["Zwolle", "Deventer", "Kampen", "Hattem", "Ommen", "Dalfsen", "Raalte", "Olst"]


CHAIN = (
    (GebeurtenisSoort.GESPREK, 14),
    (GebeurtenisSoort.VERSLAG_ONTVANGEN, 28),
    (GebeurtenisSoort.AANVRAAG, 35),
    (GebeurtenisSoort.BESCHIKKING, 45),
    (GebeurtenisSoort.BEZWAAR, 70),
    (GebeurtenisSoort.BESLISSING_OP_BEZWAAR, 120),
)


def build(vault: Vault, clients: int = 2000, meldingen_per_client: int = 10, seed: int = 1) -> None:
    rng = random.Random(seed)
    ensure_gemeenten(vault)
    gids = [g.id for g in list_gemeenten(vault)]
    today = dt.date(2026, 11, 1)
    with vault.engine.begin() as conn:
        conn.execute(
            insert(Client),
            [
                {
                    "id": i + 1,
                    "dossiernummer": i + 1,
                    "naam": f"{rng.choice(FIRST)} {rng.choice(LAST)} {i + 1}",
                    "woonplaats": rng.choice(PLACES),
                    "gemeente_id": rng.choice(gids),
                    "adres": f"Teststraat {i % 300 + 1}",
                    "postcode": "8000 AA",
                    "aanhef": "",
                    "telefoon": "",
                    "email": "",
                    "notities": "",
                    "toestemming_omvang": "",
                    "status": "afgesloten" if i % 9 == 0 else "actief",
                }
                for i in range(clients)
            ],
        )
        rows, events = [], []
        mid = 0
        for c in range(clients):
            for _ in range(meldingen_per_client):
                mid += 1
                start = today - dt.timedelta(days=rng.randint(0, 900))
                rows.append(
                    {
                        "id": mid,
                        "client_id": c + 1,
                        "gemeente_id": rng.choice(gids),
                        "wet": Wet.WMO.value,
                        "datum_melding": start,
                        "gemeld_door": "",
                        "hulpvraag": "Hulp bij het huishouden",
                        "spoed": False,
                        "kenmerk": "",
                        "notities": "",
                        "status": (
                            MeldingStatus.LOPEND if rng.random() < 0.3 else MeldingStatus.AFGEROND
                        ).value,
                    }
                )
                # A realistic spread of stages, so deadline work is measured too.
                for soort, days in CHAIN[: rng.randint(0, len(CHAIN))]:
                    events.append(
                        {
                            "melding_id": mid,
                            "soort": soort.value,
                            "datum": start + dt.timedelta(days=days),
                            "kenmerk": "",
                            "omschrijving": "",
                            "met_adviescommissie": False,
                        }
                    )
        conn.execute(insert(Melding), rows)
        conn.execute(insert(Gebeurtenis), events)


def make_vault(directory: Path, passphrase: str, **kw: int) -> Vault:
    vault = Vault(directory)
    vault.create(passphrase)
    build(vault, **kw)
    vault.lock()
    return vault
