"""Fictitious demo dossiers for ``ondersteuner --demo`` (and benchmarks).

Every person, address and phone number here is invented. Clients are spread over
the stages of the procedure, Wmo and Jeugdwet, some overdue, some with a
verslag, some in bezwaar, so a newcomer sees the working app at once.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass

from ondersteuner.models.enums import GebeurtenisSoort as S
from ondersteuner.models.enums import MeldingStatus, Wet
from ondersteuner.ui.ops import clients, gemeenten, meldingen
from ondersteuner.ui.ops.snapshots import (
    ClientData,
    ContactData,
    GebeurtenisData,
    MeldingData,
)
from ondersteuner.vault import Vault

_WORDS = (
    "appel",
    "brug",
    "dijk",
    "fiets",
    "haven",
    "klok",
    "molen",
    "paraplu",
    "regen",
    "tulp",
    "vlinder",
    "wolk",
    "zon",
    "kaas",
    "boot",
    "lamp",
)


def demo_passphrase() -> str:
    return " ".join(secrets.choice(_WORDS) for _ in range(4)) + f" {secrets.randbelow(90) + 10}"


@dataclass(frozen=True)
class _Persona:
    naam: str
    aanhef: str
    geboren: dt.date
    adres: str
    postcode: str
    woonplaats: str
    gemeente: str
    hulpvraag: str
    wet: Wet = Wet.WMO
    mantelzorger: tuple[str, str] | None = None


PERSONAS: tuple[_Persona, ...] = (
    _Persona(
        "Geertje Verzonnen-Bos",
        "mevrouw",
        dt.date(1941, 5, 12),
        "Lijsterbesstraat 4",
        "7311 AB",
        "Apeldoorn",
        "Apeldoorn",
        "Kan het huis niet meer schoonhouden na een heupoperatie.",
        mantelzorger=("Anke", "dochter"),
    ),
    _Persona(
        "Hendrik Fictief",
        "heer",
        dt.date(1938, 11, 2),
        "Molenweg 17",
        "8911 CD",
        "Leeuwarden",
        "Leeuwarden",
        "Valt vaak; wil een traplift en hulp bij douchen.",
    ),
    _Persona(
        "Sanne de Testmaker",
        "mevrouw",
        dt.date(1979, 3, 23),
        "Kerkplein 8",
        "3511 LK",
        "Utrecht",
        "Utrecht",
        "Ondersteuning voor zoon met autisme op school en thuis.",
        wet=Wet.JEUGDWET,
    ),
    _Persona(
        "Mohamed El Bedacht",
        "heer",
        dt.date(1956, 8, 30),
        "Havenstraat 101",
        "3024 AA",
        "Rotterdam",
        "Rotterdam",
        "Vervoer naar dagbesteding; kan niet meer fietsen.",
        mantelzorger=("Fatima", "echtgenote"),
    ),
    _Persona(
        "Truus Proefpersoon",
        "mevrouw",
        dt.date(1935, 1, 14),
        "Eikenlaan 3",
        "5611 EF",
        "Eindhoven",
        "Eindhoven",
        "Begeleiding bij geheugenproblemen (beginnende dementie).",
        mantelzorger=("Piet", "buurman"),
    ),
    _Persona(
        "Kees Voorbeeld",
        "heer",
        dt.date(1962, 6, 6),
        "Dorpsstraat 55",
        "9711 GH",
        "Groningen",
        "Groningen",
        "Woningaanpassing: drempels en een verhoogd toilet.",
    ),
    _Persona(
        "Lotte Niet-Echt",
        "mevrouw",
        dt.date(2012, 9, 9),
        "Zandpad 2",
        "6511 JK",
        "Nijmegen",
        "Nijmegen",
        "Jeugdhulp: gezinsbegeleiding na scheiding ouders.",
        wet=Wet.JEUGDWET,
        mantelzorger=("Marloes", "moeder"),
    ),
    _Persona(
        "Bram Verdichtsel",
        "heer",
        dt.date(1948, 12, 24),
        "Stationsweg 12",
        "2011 LM",
        "Haarlem",
        "Haarlem",
        "Huishoudelijke hulp, partner is overbelast.",
        mantelzorger=("Ria", "echtgenote"),
    ),
    _Persona(
        "Wilma Denkbeeld",
        "mevrouw",
        dt.date(1944, 4, 1),
        "Beukenhof 9",
        "4811 NP",
        "Breda",
        "Breda",
        "Rolstoel en aanpassing van de badkamer.",
    ),
    _Persona(
        "Jan-Willem Fabel",
        "heer",
        dt.date(1970, 2, 28),
        "Vondelstraat 77",
        "1054 GN",
        "Amsterdam",
        "Amsterdam",
        "Beschermd wonen na ziekenhuisopname (psychisch).",
    ),
    _Persona(
        "Noor Verzinsel",
        "mevrouw",
        dt.date(1990, 7, 15),
        "Tulpstraat 21",
        "7511 PQ",
        "Enschede",
        "Enschede",
        "Begeleiding bij administratie na hersenletsel.",
        mantelzorger=("Daan", "broer"),
    ),
    _Persona(
        "Ada Onbestaand",
        "mevrouw",
        dt.date(1939, 10, 10),
        "Lindeplein 6",
        "6211 RS",
        "Maastricht",
        "Maastricht",
        "Maaltijdvoorziening en alarmering.",
    ),
    _Persona(
        "Frits Geenmens",
        "heer",
        dt.date(1951, 3, 3),
        "Polderweg 44",
        "8011 TV",
        "Zwolle",
        "Zwolle",
        "Scootmobiel; kan niet meer naar de winkel lopen.",
    ),
    _Persona(
        "Ilse Fantasie",
        "mevrouw",
        dt.date(2009, 1, 20),
        "Parklaan 15",
        "2511 WX",
        "Den Haag",
        "'s-Gravenhage",
        "Jeugd-ggz: hulp bij angstklachten.",
        wet=Wet.JEUGDWET,
        mantelzorger=("Erik", "vader"),
    ),
)

# The stage each demo client's melding has reached: (step, days after the melding).
STAGES: tuple[tuple[tuple[S, int], ...], ...] = (
    (),  # only a melding
    ((S.ONTVANGSTBEVESTIGING, 2),),
    ((S.ONTVANGSTBEVESTIGING, 1), (S.PERSOONLIJK_PLAN, 6), (S.UITNODIGING, 8)),
    ((S.ONTVANGSTBEVESTIGING, 1), (S.UITNODIGING, 5), (S.GESPREK, 20)),
    ((S.ONTVANGSTBEVESTIGING, 1), (S.GESPREK, 14), (S.VERSLAG_ONTVANGEN, 30)),
    ((S.GESPREK, 12), (S.VERSLAG_ONTVANGEN, 26), (S.AANVRAAG, 33)),
    ((S.GESPREK, 10), (S.VERSLAG_ONTVANGEN, 24), (S.AANVRAAG, 28), (S.INGEBREKESTELLING, 50)),
    ((S.GESPREK, 10), (S.VERSLAG_ONTVANGEN, 21), (S.AANVRAAG, 25), (S.BESCHIKKING, 38)),
    (
        (S.GESPREK, 9),
        (S.VERSLAG_ONTVANGEN, 20),
        (S.AANVRAAG, 22),
        (S.BESCHIKKING, 35),
        (S.BEZWAAR, 60),
    ),
    ((S.GESPREK, 8), (S.AANVRAAG, 20), (S.BESCHIKKING, 33), (S.BEZWAAR, 70), (S.HOORZITTING, 100)),
    ((S.GESPREK, 11), (S.KLACHT, 15)),
    (
        (S.GESPREK, 9),
        (S.AANVRAAG, 21),
        (S.BESCHIKKING, 30),
        (S.BEZWAAR, 55),
        (S.BESLISSING_OP_BEZWAAR, 120),
    ),
)


def fill_demo(vault: Vault, *, today: dt.date | None = None, seed: int = 7) -> list[int]:
    """Add the demo clients to an unlocked vault; returns their ids."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    gemeenten.ensure_gemeenten(vault)
    by_name = {g.naam: g.id for g in gemeenten.list_gemeenten(vault)}
    ids: list[int] = []
    for i, p in enumerate(PERSONAS):
        gid = by_name.get(p.gemeente)
        cid = clients.save_client(
            vault,
            ClientData(
                naam=p.naam,
                aanhef=p.aanhef,
                geboortedatum=p.geboren,
                adres=p.adres,
                postcode=p.postcode,
                woonplaats=p.woonplaats,
                gemeente_id=gid,
                telefoon=f"06 {10000000 + i * 1111111 % 89999999}"[:11],
                toestemming_op=today - dt.timedelta(days=90 + i),
                toestemming_omvang="Gezondheidsgegevens voor de Wmo-procedure",
            ),
        )
        ids.append(cid)
        if p.mantelzorger:
            naam, relatie = p.mantelzorger
            clients.save_contact(
                vault,
                cid,
                ContactData(
                    naam=f"{naam} {p.naam.split()[-1]}",
                    relatie=relatie,
                    is_mantelzorger=True,
                    telefoon="06 12345678",
                ),
            )
        stage = STAGES[i % len(STAGES)]
        span = max((d for _s, d in stage), default=0)
        start = today - dt.timedelta(days=span + rng.randint(3, 20))
        mid = meldingen.save_melding(
            vault,
            MeldingData(
                client_id=cid,
                gemeente_id=gid,
                wet=p.wet,
                datum_melding=start,
                gemeld_door=tr_gemeld(rng),
                hulpvraag=p.hulpvraag,
                spoed=(i == 4),
                kenmerk=f"WMO-{2026}-{1000 + i * 37}" if p.wet is Wet.WMO else f"JGD-{500 + i}",
            ),
        )
        for soort, days in stage:
            meldingen.save_gebeurtenis(
                vault,
                GebeurtenisData(
                    melding_id=mid,
                    soort=soort,
                    datum=start + dt.timedelta(days=days),
                    kenmerk=f"B-{mid}-{days}" if soort is S.BESCHIKKING else "",
                    ontvangen_op=start + dt.timedelta(days=days + 2)
                    if soort in (S.BESCHIKKING, S.INGEBREKESTELLING)
                    else None,
                ),
            )
        if i in (1, 5):
            # An older, finished melding beside the current one.
            old = meldingen.save_melding(
                vault,
                MeldingData(
                    client_id=cid,
                    gemeente_id=gid,
                    wet=p.wet,
                    datum_melding=start - dt.timedelta(days=400),
                    hulpvraag="Eerdere aanvraag: hulp bij het huishouden.",
                    gemeld_door="cliënt",
                ),
            )
            meldingen.set_melding_status(vault, old, MeldingStatus.AFGEROND)
    clients.set_client_closed(vault, ids[-2], True)
    return ids


def tr_gemeld(rng: random.Random) -> str:
    return rng.choice(["cliënt zelf", "dochter", "huisarts", "wijkverpleging", "partner"])
