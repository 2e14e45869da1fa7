"""The comparison as a Word report: each note, its status, the verslag passage, the
passages no note supports, and the verslag checklist (ANBO rule 20)."""

from __future__ import annotations

import datetime as dt

from ondersteuner.compare import ONTBREEKT, Vergelijking
from ondersteuner.compare.checklist import LABELS
from ondersteuner.documenten.gesprek import _bytes, _document, datum_lang
from ondersteuner.i18n import tr
from ondersteuner.letters.woord import xml_tekst

STATUS_TEKST = {
    "gevonden": tr("staat in het verslag"),
    "gedeeltelijk": tr("staat er anders of maar deels in"),
    "ontbreekt": tr("ontbreekt in het verslag"),
}


def rapport_docx(
    vergelijking: Vergelijking, *, dossiernummer: int, verslag_datum: dt.date | None
) -> bytes:
    doc = _document()
    doc.add_heading(tr("Verslag vergeleken met de aantekeningen"), level=1)
    doc.add_paragraph(
        tr(
            "Dossier {n}. Verslag {d}. Gemaakt op {nu}.",
            n=dossiernummer,
            d=tr("van {d}", d=datum_lang(verslag_datum)) if verslag_datum else tr("zonder datum"),
            nu=datum_lang(dt.date.today()),
        )
    )
    verschillen = vergelijking.verschillen
    doc.add_heading(tr("Verschillen ({n})", n=len(verschillen)), level=2)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        (tr("Aantekening"), tr("Uitkomst"), tr("Het verslag zegt")),
        strict=True,
    ):
        cell.text = text
    for punt in verschillen + [p for p in vergelijking.punten if p.status == "gevonden"]:
        row = table.add_row().cells
        row[0].text = xml_tekst(punt.notitie)
        row[1].text = STATUS_TEKST[punt.status] + (f" ({punt.reden})" if punt.reden else "")
        if punt.passage:
            row[2].text = xml_tekst(punt.passage)
        elif punt.status == ONTBREEKT and punt.dichtbij is not None:
            near = tr("Niet gevonden; het dichtst bij komt: {p}", p=punt.dichtbij.tekst)
            row[2].text = xml_tekst(near)
        else:
            row[2].text = "–"
    doc.add_heading(tr("In het verslag, maar niet in de aantekeningen"), level=2)
    for passage in vergelijking.niet_onderbouwd or [tr("Niets gevonden.")]:
        doc.add_paragraph(xml_tekst(passage), style="List Bullet")
    doc.add_heading(tr("Wat een verslag moet bevatten (ANBO-spelregel 20)"), level=2)
    for key, present in vergelijking.checklist.items():
        mark = tr("ja") if present else tr("NEE")
        doc.add_paragraph(f"{LABELS[key]}: {mark}", style="List Bullet")
    return _bytes(doc)
