"""Inzage (AVG art. 15, Wmo 5.3.2) and portability (art. 20): one client's complete
dossier as a zip the adviser hands to the client.

The zip holds ``00-overzicht.docx`` (readable, lists every file), the notes of each
gesprek as a Word document, the verslagen as the original files the gemeente sent
(under ``verslagen/``), the letters (under ``brieven/``) and ``gegevens.json`` with
everything machine-readable. File names inside the zip carry dates and kinds, never
names: a zip listing seen over a shoulder tells nothing about the client.

Written the way every file is (DESIGN rule 9): a temp file in the chosen folder,
owner-only, fsync, ``os.replace``; nothing readable is written anywhere else.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ondersteuner.i18n import tr
from ondersteuner.ui.ops.common import audit, write_session
from ondersteuner.vault import Vault
from ondersteuner.vault.dossier import DOSSIER, Dossier, lees_dossier, naar_json

OVERZICHT = "00-overzicht.docx"
GEGEVENS = "gegevens.json"

# Keys of the nested parts in gegevens.json.
MEERVOUD = {
    "contactpersoon": "contactpersonen",
    "melding": "meldingen",
    "gebeurtenis": "gebeurtenissen",
    "termijn_aanpassing": "termijnaanpassingen",
    "voorbereiding": "voorbereiding",
    "gesprek": "gesprekken",
    "notitie": "notities",
    "verslag": "verslagen",
    "beoordeling": "beoordelingen",
    "besproken_passage": "wel_besproken_zinnen",
    "reactiepunt": "reactiepunten",
    "brief": "brieven",
}
_MIME_EXTENSIE = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt",
}


@dataclass(frozen=True)
class Bestand:
    pad: str
    omschrijving: str
    maak: Callable[[], bytes]


def standaard_naam(dossiernummer: int, vandaag: dt.date | None = None) -> str:
    """The file name to suggest: dossier number and date, no name."""
    d = vandaag or dt.date.today()
    return f"inzage-dossier-{dossiernummer}-{d.isoformat()}.zip"


def exporteer_inzage(
    vault: Vault,
    client_id: int,
    doel: Path,
    voortgang: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the client's inzage zip to ``doel`` (replacing it atomically); returns
    ``doel``. ``voortgang(done, total)`` is called after each file."""
    from ondersteuner.documenten.inzage import overzicht_docx
    from ondersteuner.vault.atomic import atomic_open

    doel = Path(doel)
    with vault.session() as s:
        dossier = lees_dossier(s, client_id)
    bestanden, paden = bestanden_van(dossier)
    gemaakt = dt.date.today()
    lijst = [
        (OVERZICHT, tr("Dit overzicht")),
        *((b.pad, b.omschrijving) for b in bestanden),
        (GEGEVENS, tr("Alle gegevens in een vorm die een computer kan lezen (JSON)")),
    ]
    totaal = len(bestanden) + 2
    stap = voortgang or (lambda _done, _total: None)
    stap(0, totaal)
    with atomic_open(doel) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(OVERZICHT, overzicht_docx(dossier, paden, lijst, gemaakt))
        stap(1, totaal)
        for n, b in enumerate(bestanden, start=2):
            z.writestr(b.pad, b.maak())
            stap(n, totaal)
        z.writestr(GEGEVENS, gegevens_json(dossier, paden, gemaakt))
    with write_session(vault) as s:
        audit(s, "inzage_export", tr("dossier {n}", n=dossier.client["dossiernummer"]))
    stap(totaal, totaal)
    return doel


# ------------------------------------------------------------------ the files
def bestanden_van(d: Dossier) -> tuple[list[Bestand], dict[tuple[str, int], str]]:
    """Every file of the zip besides the index and the JSON, and which row each
    belongs to ((table, id) → path)."""
    from ondersteuner.documenten.gesprek import datum_lang

    bestanden: list[Bestand] = []
    paden: dict[tuple[str, int], str] = {}

    def voeg_toe(tabel: str, rij_id: int, pad: str, omschrijving: str, maak: Any) -> None:
        stam, punt, ext = pad.rpartition(".")
        n = 2
        while pad in paden.values():
            pad, n = f"{stam}-{n}{punt}{ext}", n + 1
        paden[(tabel, rij_id)] = pad
        bestanden.append(Bestand(pad, omschrijving, maak))

    for g in d.rijen["gesprek"]:
        voeg_toe(
            "gesprek", g["id"], f"gesprekken/{g['datum']:%Y-%m-%d}-aantekeningen.docx",
            tr("Aantekeningen van het gesprek op {d}", d=datum_lang(g["datum"])),
            partial(_notities_docx, d, g),
        )  # fmt: skip
    for v in d.rijen["verslag"]:
        datum = v["dagtekening"] or v["ontvangen_op"] or v["aangemaakt_op"].date()
        if v["bestand"]:
            ext, inhoud = _extensie(v["bestandsnaam"], v["mime"]), bytes(v["bestand"])
            wat = tr("Verslag van de gemeente van {d} (origineel)", d=datum_lang(datum))
        elif v["tekst"]:
            ext, inhoud = ".txt", v["tekst"].encode("utf-8")
            wat = tr("Verslag van de gemeente van {d} (de geplakte tekst)", d=datum_lang(datum))
        else:
            continue
        voeg_toe(
            "verslag", v["id"], f"verslagen/{datum:%Y-%m-%d}-verslag{ext}", wat,
            partial(bytes, inhoud),
        )  # fmt: skip
    for b in d.rijen["brief"]:
        if not b["bestand"]:
            continue  # a concept without a document: its fields are in the JSON
        from ondersteuner.letters.velden import TITELS

        datum = b["verzonden_op"] or b["aangemaakt_op"].date()
        voeg_toe(
            "brief", b["id"], f"brieven/{datum:%Y-%m-%d}-{_veilig(b['soort'])}.docx",
            tr("Brief: {t} ({d})", t=TITELS.get(b["soort"], b["soort"]), d=datum_lang(datum)),
            partial(bytes, bytes(b["bestand"])),
        )  # fmt: skip
    return bestanden, paden


def _veilig(tekst: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "-", tekst.lower()).strip("-")[:40] or "brief"


def _extensie(bestandsnaam: str, mime: str) -> str:
    """The original's extension (only that of its name: the name may hold the client's)."""
    ext = Path(bestandsnaam or "").suffix.lower()
    if re.fullmatch(r"\.[a-z0-9]{1,5}", ext):
        return ext
    return _MIME_EXTENSIE.get(mime, ".bin")


def _notities_docx(d: Dossier, g: dict[str, Any]) -> bytes:
    from ondersteuner.documenten.gesprek import GesprekKop, notities_docx
    from ondersteuner.gesprek.inhoud import ONDERDEEL
    from ondersteuner.gesprek.notities import Item
    from ondersteuner.gesprek.samenvatting import samenvatten

    m = next(m for m in d.rijen["melding"] if m["id"] == g["melding_id"])
    gemeente = d.gemeenten.get(m["gemeente_id"]) if m["gemeente_id"] else None
    # A section this version does not know still shows, under the free notes.
    items = [
        Item(
            n["onderwerp"] if n["onderwerp"] in ONDERDEEL else "vrij",
            n["tekst"],
            n["soort"],
            n["tijdstip"],
            n["volgorde"],
        )
        for n in d.kinderen("notitie", g["id"])
    ]
    kop = GesprekKop(
        client_naam=d.client["naam"],
        dossiernummer=d.client["dossiernummer"],
        datum=g["datum"],
        locatie=g["locatie"],
        vorm=g["vorm"],
        aanwezigen=g["aanwezigen"],
        gemeente=gemeente["naam"] if gemeente else "",
    )
    samenvatting = samenvatten(
        g["datum"], items, list(g["let_op_afgevinkt"] or ()),
        datum_melding=m["datum_melding"], wet=m["wet"],
    )  # fmt: skip
    return notities_docx(kop, items, samenvatting)


# ------------------------------------------------------------------- the JSON
def gegevens_json(d: Dossier, paden: dict[tuple[str, int], str], gemaakt: dt.date) -> bytes:
    """Everything, nested as the dossier is (client → meldingen → gesprekken →
    notities …), dates ISO 8601; files are named by their path in the zip."""

    def rij(tabel: str, r: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in r.items():
            if k == "gemeente_id":
                g = d.gemeenten.get(v) if v is not None else None
                out["gemeente"] = g["naam"] if g else None
            elif isinstance(v, bytes | bytearray | memoryview):
                out[k] = None  # replaced by the path below
            else:
                out[k] = naar_json(v)
        if (tabel, r["id"]) in paden:
            out["bestand"] = paden[(tabel, r["id"])]
        for kind, ouder, _kolom in DOSSIER:
            if ouder == tabel:
                out[MEERVOUD.get(kind, kind)] = [rij(kind, k) for k in d.kinderen(kind, r["id"])]
        return out

    inhoud = {
        "toelichting": tr(
            "Alle gegevens die uw cliëntondersteuner over u bewaart in het programma "
            "ondersteuner (AVG artikel 15 en 20). Datums als JJJJ-MM-DD; 'bestand' is "
            "de plaats van het bestand in dit zip-bestand."
        ),
        "programma": "ondersteuner",
        "formaat": 1,
        "gemaakt_op": gemaakt.isoformat(),
        "client": rij("client", d.client),
    }
    return json.dumps(inhoud, ensure_ascii=False, indent=2).encode("utf-8")
