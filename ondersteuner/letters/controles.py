"""Checks before a letter leaves the app: what blocks the export and what the adviser
should know first. Pure logic; the dialog shows the results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ondersteuner.i18n import tr
from ondersteuner.letters.gronden import VUL_IN
from ondersteuner.letters.velden import AAN_GEMEENTE, GETAL, leeg, ontbrekend, velden

BLOKKEERT = "blokkeert"
WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True)
class Controle:
    ernst: str  # BLOKKEERT or WAARSCHUWING
    tekst: str
    veld: str = ""  # the field to fix, if one


def controleer(soort: str, gegevens: Mapping[str, Any]) -> list[Controle]:
    out: list[Controle] = []
    data = dict(gegevens)
    adres = ("gemeente_adres", "gemeente_postcode_plaats")
    if soort in AAN_GEMEENTE and any(leeg(data.get(v)) for v in adres):
        out.append(
            Controle(
                BLOKKEERT,
                tr(
                    "Van de gemeente is nog geen postadres bekend. Vul het in bij "
                    "‘Postadres gemeente’; het wordt bij de gemeente bewaard voor de "
                    "volgende brief."
                ),
                "gemeente_adres",
            )
        )
    for veld in ontbrekend(soort, data):
        if veld.naam in adres and soort in AAN_GEMEENTE:
            continue  # said above, in words that say what to do
        out.append(Controle(BLOKKEERT, tr("Vul nog in: {0}.").format(veld.label), veld.naam))
    for v in velden(soort):
        waarde = str(data.get(v.naam) or "").strip()
        if v.soort == GETAL and waarde and not (waarde.isdigit() and 0 < int(waarde) < 53):
            out.append(
                Controle(
                    BLOKKEERT,
                    tr("Vul bij ‘{0}’ alleen een getal in, zoals 4.").format(v.label),
                    v.naam,
                )
            )
    for veld, waarde in data.items():
        if isinstance(waarde, str) and VUL_IN in waarde:
            out.append(
                Controle(
                    BLOKKEERT,
                    tr("Vul de plekken met [VUL IN: …] nog in, of haal ze weg."),
                    veld,
                )
            )
            break
    datum = data.get("datum")
    if soort in ("bezwaarschrift", "bezwaarschrift_pro_forma") and isinstance(datum, dt.date):
        out += _bezwaar_op_tijd(data, datum)
    if soort == "ingebrekestelling" and isinstance(datum, dt.date):
        einde = data.get("beslistermijn_einde")
        if isinstance(einde, dt.date) and datum <= einde:
            out.append(
                Controle(
                    BLOKKEERT,
                    tr(
                        "Te vroeg: de beslistermijn loopt tot en met {0}. Een "
                        "ingebrekestelling die op of vóór die dag binnenkomt, telt niet "
                        "(artikel 4:17 Awb). Verstuur de brief na die dag."
                    ).format(f"{einde:%d-%m-%Y}"),
                    "datum",
                )
            )
    return out


def bezwaartermijn_einde(beschikking: dt.date) -> dt.date:
    """Six weeks after the day the beschikking was sent (Awb 6:7, 6:8; Atw applies)."""
    from ondersteuner.termijnen.rekenen import einddatum

    return einddatum(beschikking, weken=6)


def _bezwaar_op_tijd(data: dict[str, Any], datum: dt.date) -> list[Controle]:
    beschikking = data.get("beschikking_datum")
    if not isinstance(beschikking, dt.date):
        return []
    einde = bezwaartermijn_einde(beschikking)
    if datum <= einde:
        return []
    tekst = tr(
        "Let op: de bezwaartermijn liep af op {0} (zes weken na de beschikking). Een te "
        "laat bezwaar wordt alleen behandeld als de cliënt niets te verwijten valt, "
        "bijvoorbeeld omdat de beschikking pas later aankwam (verschoonbare "
        "termijnoverschrijding, artikel 6:11 Awb). Leg bij 'Waarom het bezwaar te laat "
        "is' uit wat er gebeurde, met de datum van ontvangst. Bewaar de envelop."
    ).format(f"{einde:%d-%m-%Y}")
    return [Controle(WAARSCHUWING, tekst, "reden_te_laat")]


def kan_exporteren(controles: list[Controle]) -> bool:
    return not any(c.ernst == BLOKKEERT for c in controles)
