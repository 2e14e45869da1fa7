"""Word documents after a gesprek: the full notes (the client may see them) and a
one-page summary in plain language (B1) to keep on the kitchen table.

python-docx is imported only here, when a document is made (~0.15 s)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from ondersteuner.gesprek.inhoud import ONDERDELEN
from ondersteuner.gesprek.notities import PREFIX, Item
from ondersteuner.gesprek.samenvatting import Samenvatting
from ondersteuner.i18n import tr
from ondersteuner.models.enums import GesprekVorm
from ondersteuner.models.enums import NotitieSoort as K

_MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def datum_lang(d: dt.date) -> str:
    """``3 maart 2026``, as in a letter."""
    return f"{d.day} {tr(_MAANDEN[d.month - 1])} {d.year}"


@dataclass(frozen=True)
class GesprekKop:
    client_naam: str
    dossiernummer: int
    datum: dt.date
    locatie: str
    vorm: GesprekVorm
    aanwezigen: str
    gemeente: str = ""
    gemeente_telefoon: str = ""
    adviseur: str = ""
    adviseur_telefoon: str = ""


def _document() -> Any:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(12)
    return doc


def _bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def notities_docx(kop: GesprekKop, notities: list[Item], samenvatting: Samenvatting) -> bytes:
    """All notes of the gesprek, by section, with time and kind."""
    doc = _document()
    doc.add_heading(tr("Aantekeningen van het gesprek"), level=1)
    doc.add_paragraph(
        tr(
            "{naam} – dossier {n}\nGesprek op {d}{waar} ({vorm})\nAanwezig: {wie}",
            naam=kop.client_naam,
            n=kop.dossiernummer,
            d=datum_lang(kop.datum),
            waar=f", {kop.locatie}" if kop.locatie else "",
            vorm=kop.vorm.label.lower(),
            wie=kop.aanwezigen or tr("niet ingevuld"),
        )
    )
    for onderdeel in ONDERDELEN:
        lines = sorted(
            (i for i in notities if i.onderwerp == onderdeel.sleutel), key=lambda i: i.volgorde
        )
        if not lines:
            continue
        doc.add_heading(onderdeel.titel, level=2)
        for item in lines:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(f"{item.tijdstip:%H:%M}  ")
            label = PREFIX.get(item.soort, "")
            if label:
                run = p.add_run(label)
                run.bold = item.soort in (K.AFSPRAAK, K.TOEZEGGING)
            p.add_run(item.tekst)
    if samenvatting.open_punten:
        doc.add_heading(tr("Niet besproken (volgens de lijst)"), level=2)
        for punt in samenvatting.open_punten:
            doc.add_paragraph(punt.tekst, style="List Bullet")
    return _bytes(doc)


def samenvatting_docx(kop: GesprekKop, samenvatting: Samenvatting) -> bytes:
    """One page in plain language: what was agreed, what happens next and when,
    whom to call."""
    from docx.shared import Pt

    doc = _document()
    doc.add_heading(tr("Wat we hebben besproken"), level=1)
    doc.add_paragraph(
        tr(
            "Gesprek met de gemeente{g} op {d}.",
            g=f" {kop.gemeente}" if kop.gemeente else "",
            d=datum_lang(kop.datum),
        )
    )
    doc.add_heading(tr("Dit is afgesproken"), level=2)
    agreed = [i.tekst for i in samenvatting.afspraken] + [
        tr("De gemeente zegt toe: {t}", t=i.tekst) for i in samenvatting.toezeggingen
    ]
    for line in agreed or [tr("Er zijn geen afspraken opgeschreven.")]:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(tr("Wat gebeurt er nu?"), level=2)
    doc.add_paragraph(
        tr(
            "De gemeente stuurt u een verslag van het gesprek. Dat moet er uiterlijk op {d} zijn.",
            d=datum_lang(samenvatting.verslag_datum),
        ),
        style="List Number",
    )
    doc.add_paragraph(
        tr(
            "Lees het verslag goed. Staat er iets niet in, of klopt er iets niet? Bel mij. "
            "Dan schrijven we samen een reactie."
        ),
        style="List Number",
    )
    doc.add_paragraph(
        tr("Zet nergens uw handtekening onder voordat we het samen hebben gelezen."),
        style="List Number",
    )
    doc.add_heading(tr("Wie kunt u bellen?"), level=2)
    if kop.adviseur:
        doc.add_paragraph(
            tr(
                "Uw cliëntondersteuner: {naam}{tel}",
                naam=kop.adviseur,
                tel=f", {kop.adviseur_telefoon}" if kop.adviseur_telefoon else "",
            )
        )
    if kop.gemeente:
        doc.add_paragraph(
            tr(
                "Wmo-loket van de gemeente {g}{tel}",
                g=kop.gemeente,
                tel=f": {kop.gemeente_telefoon}" if kop.gemeente_telefoon else "",
            )
        )
    for p in doc.paragraphs:
        for run in p.runs:
            run.font.size = Pt(13)  # larger print for the kitchen table
    return _bytes(doc)
