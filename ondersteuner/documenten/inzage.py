"""The readable index of an inzage export (AVG art. 15): ``00-overzicht.docx``, in
plain Dutch, one heading per part of the dossier, and the list of every file in
the zip. The machine-readable copy (art. 20) is ``gegevens.json`` beside it.

Fields are shown from the dossier's rows: known columns with a Dutch label in a
fixed order, any other column after them with its own name, so a column added
later is never silently left out. Ids, links and timestamps are in the JSON only.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ondersteuner.compare.engine import unwrapped
from ondersteuner.compare.tekst import one_line
from ondersteuner.documenten.gesprek import _bytes, _document, datum_lang
from ondersteuner.i18n import tr

if TYPE_CHECKING:
    from ondersteuner.vault.dossier import Dossier

CLIENT_VELDEN = {
    "naam": tr("Naam"),
    "aanhef": tr("Aanhef"),
    "geboortedatum": tr("Geboortedatum"),
    "adres": tr("Adres"),
    "postcode": tr("Postcode"),
    "woonplaats": tr("Woonplaats"),
    "telefoon": tr("Telefoon"),
    "email": tr("E-mail"),
    "gemeente_id": tr("Gemeente"),
    "status": tr("Stand van het dossier"),
    "afgesloten_op": tr("Afgesloten op"),
    "notities": tr("Notities"),
}
CONTACT_VELDEN = {
    "relatie": tr("Relatie"),
    "is_mantelzorger": tr("Mantelzorger"),
    "is_vertegenwoordiger": tr("Vertegenwoordiger"),
    "telefoon": tr("Telefoon"),
    "email": tr("E-mail"),
    "adres": tr("Adres"),
    "notities": tr("Notities"),
}
MELDING_VELDEN = {
    "wet": tr("Wet"),
    "gemeente_id": tr("Gemeente"),
    "datum_melding": tr("Datum melding"),
    "gemeld_door": tr("Gemeld door"),
    "hulpvraag": tr("Hulpvraag"),
    "spoed": tr("Spoed"),
    "kenmerk": tr("Kenmerk van de gemeente"),
    "status": tr("Stand"),
    "afgesloten_op": tr("Afgesloten op"),
    "notities": tr("Notities"),
}
STAP_VELDEN = {
    "tot_datum": tr("tot"),
    "verzonden_op": tr("verzonden op"),
    "ontvangen_op": tr("ontvangen op"),
    "kenmerk": tr("kenmerk"),
    "met_adviescommissie": tr("met adviescommissie"),
    "omschrijving": "",
}
# Shown elsewhere (heading, own section) or in gegevens.json only.
_ELDERS = {"toestemming_op", "toestemming_omvang", "dossiernummer", "soort", "datum"}
_TECHNISCH = {"id", "aangemaakt_op", "gewijzigd_op", "volgorde"}


def waarde_tekst(waarde: Any) -> str:
    """A value as the reader should see it: ``3 maart 2025``, ja/nee, a label."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return tr("ja") if waarde else tr("nee")
    if isinstance(waarde, dt.datetime):
        return f"{datum_lang(waarde.date())} {waarde:%H:%M}"
    if isinstance(waarde, dt.date):
        return datum_lang(waarde)
    if isinstance(waarde, dt.time):
        return f"{waarde:%H:%M}"
    if isinstance(waarde, enum.Enum):
        return str(getattr(waarde, "label", waarde.value))
    return str(waarde)


class _Overzicht:
    def __init__(self, dossier: Dossier, paden: dict[tuple[str, int], str]) -> None:
        self.d, self.paden = dossier, paden
        self.doc = _document()

    # -------------------------------------------------------------- helpers
    def gemeente(self, gemeente_id: int | None) -> str:
        g = self.d.gemeenten.get(gemeente_id) if gemeente_id is not None else None
        return str(g["naam"]) if g else ""

    def velden(
        self, rij: dict[str, Any], labels: dict[str, str], zonder: tuple[str, ...] = ()
    ) -> None:
        """A two-column table of the row's filled-in fields (``zonder``: shown elsewhere)."""
        regels = []
        rest = [k for k in rij if k not in labels]
        for k in [*labels, *rest]:
            if k in _ELDERS or k in _TECHNISCH or k in zonder or k not in rij:
                continue
            if k.endswith("_id") and k != "gemeente_id":
                continue
            waarde = rij[k]
            if isinstance(waarde, bytes | dict | list):
                continue  # files are in the zip; structured fields in gegevens.json
            tekst = self.gemeente(waarde) if k == "gemeente_id" else waarde_tekst(waarde)
            if tekst.strip():
                regels.append((labels.get(k) or k.replace("_", " ").capitalize(), tekst))
        if not regels:
            self.doc.add_paragraph(tr("Niets ingevuld."))
            return
        table = self.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, tekst in regels:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, tekst
        self.doc.add_paragraph()

    def lijst(self, regels: Iterable[str], leeg: str) -> None:
        regels = list(regels)
        for regel in regels or [leeg]:
            self.doc.add_paragraph(regel, style="List Bullet" if regels else None)

    def bestand(self, tabel: str, rij_id: int) -> str:
        pad = self.paden.get((tabel, rij_id))
        return tr("Bestand: {p}", p=pad) if pad else tr("Er is geen bestand bewaard")

    # -------------------------------------------------------------- parts
    def kop(self, gemaakt: dt.date) -> None:
        c = self.d.client
        self.doc.add_heading(tr("Inzage in uw dossier"), level=1)
        self.doc.add_paragraph(
            tr(
                "Dit zijn alle gegevens over {naam} die uw cliëntondersteuner bewaart in het "
                "programma ondersteuner. Dossier {n}, gemaakt op {d}.",
                naam=c["naam"],
                n=c["dossiernummer"],
                d=datum_lang(gemaakt),
            )
        )
        self.doc.add_paragraph(
            tr(
                "U mag uw gegevens altijd inzien en een kopie krijgen (AVG artikel 15). Klopt "
                "er iets niet? Dan mag u vragen het te verbeteren of te wissen (artikel 16 en "
                "17). Hetzelfde staat ook in het bestand gegevens.json, dat een computer kan "
                "lezen (artikel 20), met de datum waarop alles is vastgelegd."
            )
        )

    def client(self) -> None:
        c = self.d.client
        self.doc.add_heading(tr("Uw gegevens"), level=2)
        self.velden(c, CLIENT_VELDEN)
        self.doc.add_heading(tr("Toestemming"), level=2)
        if c.get("toestemming_op"):
            tekst = tr(
                "U gaf toestemming op {d} om gegevens over uw gezondheid en situatie te bewaren.",
                d=waarde_tekst(c["toestemming_op"]),
            )
        else:
            tekst = tr("Er is geen datum van toestemming vastgelegd.")
        self.doc.add_paragraph(tekst)
        if c.get("toestemming_omvang"):
            self.doc.add_paragraph(tr("Waarvoor: {t}", t=c["toestemming_omvang"]))
        self.doc.add_heading(tr("Contactpersonen"), level=2)
        personen = self.d.kinderen("contactpersoon", c["id"])
        if not personen:
            self.doc.add_paragraph(tr("Er zijn geen contactpersonen vastgelegd."))
        for p in personen:
            self.doc.add_heading(p["naam"], level=3)
            self.velden(p, CONTACT_VELDEN, zonder=("naam",))

    def meldingen(self) -> None:
        self.doc.add_heading(tr("Meldingen"), level=2)
        meldingen = self.d.kinderen("melding", self.d.client["id"])
        if not meldingen:
            self.doc.add_paragraph(tr("Er zijn geen meldingen vastgelegd."))
        for m in meldingen:
            self.doc.add_heading(tr("Melding van {d}", d=waarde_tekst(m["datum_melding"])), level=3)
            self.velden(m, MELDING_VELDEN)
            self.stappen(m["id"])
            self.voorbereiding(m["id"])
            self.gesprekken(m["id"])
            self.verslagen(m["id"])

    def stappen(self, melding_id: int) -> None:
        from ondersteuner.termijnen.melding import NAMEN

        self.doc.add_heading(tr("Stappen in de procedure"), level=4)
        regels = []
        for g in self.d.kinderen("gebeurtenis", melding_id):
            extra = [
                f"{label} {waarde_tekst(g[k])}".strip()
                for k, label in STAP_VELDEN.items()
                if g.get(k) not in (None, "", False)
            ]
            soort = waarde_tekst(g["soort"])
            regels.append(
                f"{waarde_tekst(g['datum'])}: {soort}" + (f" ({'; '.join(extra)})" if extra else "")
            )
        self.lijst(regels, tr("Er zijn geen stappen vastgelegd."))
        aanpassingen = self.d.kinderen("termijn_aanpassing", melding_id)
        if aanpassingen:
            self.doc.add_heading(tr("Termijnen die uw cliëntondersteuner aanpaste"), level=4)
            self.lijst(
                (
                    tr(
                        "{naam}: {d}. Reden: {r}",
                        naam=NAMEN.get(a["sleutel"], a["sleutel"]),
                        d=waarde_tekst(a["datum"]),
                        r=a["reden"],
                    )
                    for a in aanpassingen
                ),
                "",
            )

    def voorbereiding(self, melding_id: int) -> None:
        from ondersteuner.gesprek.inhoud import VOORBEREIDING_VRAGEN

        for v in self.d.kinderen("voorbereiding", melding_id):
            self.doc.add_heading(tr("Voorbereiding van het gesprek"), level=4)
            gevuld = False
            for key, vraag, _hint in VOORBEREIDING_VRAGEN:
                if str(v.get(key) or "").strip():
                    p = self.doc.add_paragraph()
                    p.add_run(vraag).bold = True
                    self.doc.add_paragraph(str(v[key]))
                    gevuld = True
            if not gevuld:
                self.doc.add_paragraph(tr("Niets ingevuld."))

    def gesprekken(self, melding_id: int) -> None:
        gesprekken = self.d.kinderen("gesprek", melding_id)
        if not gesprekken:
            return
        self.doc.add_heading(tr("Gesprekken"), level=4)
        for g in gesprekken:
            wanneer = waarde_tekst(g["datum"]) + (
                f" {waarde_tekst(g['tijd'])}" if g["tijd"] else ""
            )
            self.doc.add_paragraph(
                tr(
                    "Gesprek op {w} ({vorm}){waar}. Aanwezig: {wie}. {n} aantekeningen. {b}.",
                    w=wanneer,
                    vorm=waarde_tekst(g["vorm"]).lower(),
                    waar=f", {g['locatie']}" if g["locatie"] else "",
                    wie=g["aanwezigen"] or tr("niet ingevuld"),
                    n=len(self.d.kinderen("notitie", g["id"])),
                    b=self.bestand("gesprek", g["id"]),
                ),
                style="List Bullet",
            )

    def verslagen(self, melding_id: int) -> None:
        verslagen = self.d.kinderen("verslag", melding_id)
        punten = self.d.kinderen("reactiepunt", melding_id)
        if not verslagen and not punten:
            return
        notities = {n["id"]: n["tekst"] for n in self.d.rijen["notitie"]}
        self.doc.add_heading(tr("Verslagen van de gemeente"), level=4)
        for v in verslagen:
            self.doc.add_paragraph(
                tr(
                    "Verslag met dagtekening {d}, ontvangen op {o}. {b}.{bsn}",
                    d=waarde_tekst(v["dagtekening"]) or tr("onbekend"),
                    o=waarde_tekst(v["ontvangen_op"]) or tr("onbekend"),
                    b=self.bestand("verslag", v["id"]),
                    bsn=tr(" Burgerservicenummers zijn eruit gehaald.")
                    if v["bsn_verwijderd"]
                    else "",
                ),
                style="List Bullet",
            )
            oordelen = self.d.kinderen("beoordeling", v["id"])
            if oordelen:
                self.doc.add_paragraph(
                    tr("Zo beoordeelde uw cliëntondersteuner aantekeningen in dit verslag:")
                )
                shown = unwrapped(v["tekst"] or "")
                for b in oordelen:
                    start, eind = b["passage_start"], b["passage_eind"]
                    passage = (
                        tr(" – in het verslag: “{p}”", p=one_line(shown[start:eind]))
                        if start is not None and eind is not None
                        else ""
                    )
                    self.doc.add_paragraph(
                        f"{notities.get(b['notitie_id'], '')}: {waarde_tekst(b['status'])}"
                        + (f" ({b['toelichting']})" if b["toelichting"] else "")
                        + passage,
                        style="List Bullet 2",
                    )
            besproken = self.d.kinderen("besproken_passage", v["id"])
            if besproken:
                self.doc.add_paragraph(
                    tr(
                        "Deze zinnen uit het verslag zijn volgens uw cliëntondersteuner "
                        "toch besproken:"
                    )
                )
                for z in besproken:
                    self.doc.add_paragraph(z["tekst"], style="List Bullet 2")
        if punten:
            self.doc.add_heading(tr("Punten voor de reactie op het verslag"), level=4)
            self.lijst(
                (
                    tr("Het verslag zegt: “{c}” Reactie: {k}", c=p["citaat"], k=p["correctie"])
                    if p["citaat"]
                    else p["correctie"]
                    for p in punten
                ),
                "",
            )  # fmt: skip

    def brieven(self) -> None:
        from ondersteuner.letters.velden import TITELS

        self.doc.add_heading(tr("Brieven"), level=2)
        brieven = self.d.kinderen("brief", self.d.client["id"])
        if not brieven:
            self.doc.add_paragraph(tr("Er zijn geen brieven gemaakt."))
        for b in brieven:
            melding = next((m for m in self.d.rijen["melding"] if m["id"] == b["melding_id"]), None)
            data = [
                waarde_tekst(b["status"]),
                *(
                    f"{label} {waarde_tekst(b[k])}"
                    for k, label in (
                        ("verzonden_op", tr("verzonden op")),
                        ("ontvangstbevestiging_op", tr("ontvangst bevestigd op")),
                        ("hersteltermijn_tot", tr("hersteltermijn tot")),
                    )
                    if b.get(k)
                ),
            ]
            if melding is not None:
                data.append(tr("bij de melding van {d}", d=waarde_tekst(melding["datum_melding"])))
            self.doc.add_paragraph(
                f"{TITELS.get(b['soort'], b['soort'])} ({', '.join(data)}). "
                + self.bestand("brief", b["id"])
                + ".",
                style="List Bullet",
            )

    def bestanden(self, lijst: list[tuple[str, str]]) -> None:
        self.doc.add_heading(tr("Bestanden in dit zip-bestand"), level=2)
        table = self.doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        head = table.rows[0].cells
        head[0].text, head[1].text = tr("Bestand"), tr("Wat staat erin")
        for pad, omschrijving in lijst:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = pad, omschrijving


def overzicht_docx(
    dossier: Dossier,
    paden: dict[tuple[str, int], str],
    lijst: list[tuple[str, str]],
    gemaakt: dt.date,
) -> bytes:
    """The index document. ``paden`` maps (table, row id) to the row's file in the
    zip; ``lijst`` is every file of the zip with a description, in zip order."""
    o = _Overzicht(dossier, paden)
    o.kop(gemaakt)
    o.client()
    o.meldingen()
    o.brieven()
    o.bestanden(lijst)
    return _bytes(o.doc)
