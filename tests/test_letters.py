"""Letters (ondersteuner.letters): every kind rendered to a real .docx and read back
with python-docx, the legal elements each kind needs, missing fields, an
organisation's letterhead and templates, the template language, and (where
LibreOffice is installed) the conversion to PDF.

Everyone in here is fictitious. Known defects found while writing these tests are
marked ``xfail(strict=True)`` with the reason; remove the mark when the defect is
fixed (a strict xfail that starts passing fails the run, so it will be noticed).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm

from ondersteuner import letters
from ondersteuner.documenten.gesprek import datum_lang
from ondersteuner.letters import (
    AAN_GEMEENTE,
    SOORTEN,
    BriefpapierFout,
    OnbekendeSoort,
    OntbrekendeVelden,
    SjabloonFout,
    gebruik_sjabloonmap,
    kopieer_sjabloon,
    render,
    tekst,
    velden,
)
from ondersteuner.letters import sjabloon as sj
from ondersteuner.letters.velden import DATUM, GETAL, JA_NEE, LANG, PUNTEN, TEKST

# Fields a letter leaves out on purpose: the persoonlijk plan is the client's own
# document, without the adviser's contact details.
NIET_GETOOND: dict[str, set[str]] = {
    "persoonlijk_plan": {"adviseur_telefoon", "adviseur_email"},
}

# --- fictitious data --------------------------------------------------------------

PUNTEN_VOORBEELD = [
    {
        "citaat": "Mevrouw kan zelf boodschappen doen en koken.",
        "correctie": "Ik kan niet zelf boodschappen doen; mijn buurvrouw haalt ze.",
    },
    {
        "citaat": "Er is een netwerk dat dagelijks helpt.",
        "correctie": "Mijn dochter woont in Groningen en komt eens per maand.",
    },
    {
        "citaat": "",
        "correctie": "In het verslag staat niet dat ik twee keer ben gevallen in de badkamer.",
    },
]

# One realistic value per field name (names are shared between kinds); every value
# is different, so finding it in a letter means that field put it there.
VOORBEELD: dict[str, Any] = {
    "client_naam": "T. Bakker-Fictief",
    "client_adres": "Kastanjelaan 14",
    "client_postcode_plaats": "9999 ZX Denkdorp",
    "client_telefoon": "06 00000001",
    "gemeente_naam": "Denkdorp",
    "gemeente_afdeling": "Team Wmo en Jeugd",
    "gemeente_adres": "Postbus 4321",
    "gemeente_postcode_plaats": "9999 AA Denkdorp",
    "kenmerk": "WMO-2026-00117",
    "plaats": "Denkstad",
    "datum": dt.date(2026, 3, 3),
    "wet": "Wmo 2015",
    "namens_client": True,
    "adviseur_naam": "R. Verhoeven",
    "adviseur_organisatie": "Adviespunt Denkdorp",
    "adviseur_telefoon": "010 0000002",
    "adviseur_email": "r.verhoeven@adviespunt.invalid",
    "gesprek_datum": dt.date(2026, 1, 20),
    "verslag_datum": dt.date(2026, 2, 4),
    "punten": PUNTEN_VOORBEELD,
    "aanvulling": "Mijn mantelzorger is zelf ziek en kan minder doen dan het verslag zegt.",
    "reden": "Het gesprek duurde twintig minuten en mijn hulpvraag is niet besproken.",
    "wie_mee": "mijn zoon K. Bakker",
    "gedraging_datum": dt.date(2026, 1, 21),
    "gedraging": "De consulent zei dat ik mij niet moest aanstellen en brak het gesprek af.",
    "medewerker": "de consulent van het wijkteam",
    "gevolgen": "Ik durfde daarna drie weken niet meer te bellen.",
    "verzoek": "Ik vraag om excuses en een nieuw gesprek met een andere consulent.",
    "adviescommissie": True,
    "beschikking_datum": dt.date(2026, 2, 16),
    "beschikking_kenmerk": "BES-2026-0042",
    "beschikking_omschrijving": "De beschikking weigert huishoudelijke hulp.",
    "gronden": "Het besluit gaat uit van het verslag, en dat verslag klopt niet.\n\n"
    "Ik kan door mijn longziekte niet stofzuigen of de was doen.",
    "pgb": True,
    "horen": True,
    "ontvangen_op": dt.date(2026, 2, 27),
    "reden_te_laat": "De beschikking lag bij een oud adres; ik kreeg haar pas later.",
    "termijn_weken": "6",
    "aanvraag_datum": dt.date(2025, 11, 3),
    "aanvraag_omschrijving": "begeleiding thuis",
    "beslistermijn_einde": dt.date(2026, 1, 12),
    "bezwaar_datum": dt.date(2025, 11, 3),
    "beslissing_op_bezwaar": True,
    "voorziening": "Huishoudelijke ondersteuning van drie uur per week.",
    "toelichting": "Ik heb COPD en raak na tien minuten huishoudelijk werk buiten adem.",
    "melding_datum": dt.date(2025, 10, 6),
    "plan_datum": dt.date(2025, 10, 13),
    "pgb_motivatie": "Dan kan mijn vaste hulp van de thuiszorg blijven komen.",
    "situatie": "Sinds mijn val loop ik slecht en kom ik de trap niet meer op.",
    "wat_zelf": "Ik kan zelf koken als ik kan zitten.",
    "netwerk": "Mijn buurvrouw doet eens per week boodschappen.",
    "mantelzorger": "Mijn man heeft af en toe een vrije dag nodig.",
    "ondersteuning": "Voor het huishouden en om de trap op te komen.",
    "hoe": "Liefst op vaste dagen, met dezelfde hulp.",
    "wensen": "Ik wil in mijn eigen huis blijven wonen.",
    "client_geboortedatum": dt.date(1951, 7, 9),
    "omvang": "het bezwaar tegen de beschikking over huishoudelijke hulp",
    "geldig_tot": dt.date(2027, 3, 3),
}


def volledig(soort: str, **extra: Any) -> dict[str, Any]:
    return {**{v.naam: VOORBEELD[v.naam] for v in velden(soort)}, **extra}


def minimaal(soort: str, **extra: Any) -> dict[str, Any]:
    return {**{v.naam: VOORBEELD[v.naam] for v in velden(soort) if v.verplicht}, **extra}


def verwacht(waarde: Any) -> list[str]:
    """The strings a value must show as in the letter (a date as "3 maart 2026",
    each line of a long text, each citaat and correctie of the points)."""
    if isinstance(waarde, dt.date):
        return [datum_lang(waarde)]
    if isinstance(waarde, list):
        return [s for p in waarde for s in (p["citaat"], p["correctie"]) if s]
    return [r.strip() for r in str(waarde).splitlines() if r.strip()]


def brief(soort: str, gegevens: dict[str, Any], map_: Path, **kw: Any) -> str:
    """Render, check it is a sound .docx, and return the text of its body."""
    uit = render(soort, gegevens, map_ / f"{soort}.docx", **kw)
    assert uit == map_ / f"{soort}.docx"
    return docx_tekst(uit)


def in_volgorde(t: str, stukken: list[str]) -> bool:
    """Each piece found in ``t`` after the one before it."""
    pos = 0
    for s in stukken:
        pos = t.find(s, pos)
        if pos < 0:
            return False
        pos += len(s)
    return True


def docx_tekst(pad: Path) -> str:
    with zipfile.ZipFile(pad) as z:
        assert z.testzip() is None
    return "\n".join(p.text for p in Document(str(pad)).paragraphs)


def handtekeningen(pad: Path) -> int:
    """Lines to sign on: paragraphs of underscores only."""
    return sum(1 for p in Document(str(pad)).paragraphs if set(p.text.strip()) == {"_"})


@pytest.fixture(autouse=True)
def _ingebouwde_sjablonen() -> Iterator[None]:
    """Every test starts and ends with the built-in templates."""
    gebruik_sjabloonmap(None)
    yield
    gebruik_sjabloonmap(None)


# --- 1. every kind, full and minimal data -----------------------------------------


def test_voorbeeld_heeft_elk_veld_met_de_juiste_soort() -> None:
    """The data below really is 'full' and of the right kind per field."""
    for soort in SOORTEN:
        for v in velden(soort):
            assert v.naam in VOORBEELD, (soort, v.naam)
            w = VOORBEELD[v.naam]
            if v.soort == DATUM:
                assert isinstance(w, dt.date), v.naam
            elif v.soort == JA_NEE:
                assert w is True, v.naam
            elif v.soort == PUNTEN:
                assert w and all(set(p) == {"citaat", "correctie"} for p in w), v.naam
            elif v.soort == GETAL:
                assert isinstance(w, str) and w.isdigit(), v.naam
            else:
                assert v.soort in (TEKST, LANG) and isinstance(w, str) and w.strip(), v.naam
            assert v.label.strip()


# What must not show when only the required fields are filled in: the words that
# belong to an optional field (its label, or the article it brings in).
NIET_BIJ_MINIMAAL: dict[str, list[str]] = {
    "reactie_verslag": ["kenmerk"],
    "verzoek_tweede_gesprek": ["kenmerk", "aanwezig"],
    "klacht": ["kenmerk", "tien weken"],
    "bezwaarschrift": ["kenmerk", "7:2", "6:11", "pgb", "8.1.1", "2.3.6"],
    "bezwaarschrift_pro_forma": ["kenmerk"],
    "ingebrekestelling": ["kenmerk", "bezwaar"],
    "aanvraag_maatwerkvoorziening": ["kenmerk", "pgb"],
    "persoonlijk_plan": ["Kenmerk", "pgb", "hulp van"],
    "machtiging": ["Geboortedatum", "Organisatie"],
}
ALGEMEEN_NIET_BIJ_MINIMAAL = ["Telefoon", "E-mail", "t.a.v.", "Namens"]


def algemene_controles(soort: str, uit: Path, gegevens: dict[str, Any]) -> str:
    """A sound .docx with every required value, no template code or placeholder left,
    no doubled spaces or empty paragraphs, and the same words as the live preview."""
    t = docx_tekst(uit)
    for v in velden(soort):
        if v.verplicht:
            for s in verwacht(gegevens[v.naam]):
                assert s in t, (v.naam, s)
    for rest in ("{{", "}}", "[", "]", "None", "True", "False"):
        assert rest not in t, rest
    assert "  " not in t and " ," not in t and " ." not in t
    assert "\n\n" not in t  # no empty paragraphs
    voorbeeld = tekst(soort, gegevens)
    assert "[" not in voorbeeld
    for regel in t.splitlines():  # headings are upper case in the preview
        assert regel in voorbeeld or regel.upper() in voorbeeld, regel
    return t


@pytest.mark.parametrize("soort", SOORTEN)
def test_volledig(soort: str, tmp_path: Path) -> None:
    """Every field filled in: every value shows, and a letter to the gemeente starts
    with sender, addressee (the college), place and date, in that order."""
    d = volledig(soort)
    t = algemene_controles(soort, render(soort, d, tmp_path / f"{soort}.docx"), d)
    for v in velden(soort):
        if v.soort != JA_NEE and v.naam not in NIET_GETOOND.get(soort, set()):
            for s in verwacht(d[v.naam]):
                assert s in t, (v.naam, s)
    if soort in AAN_GEMEENTE:
        kop = [
            d["client_naam"],
            d["client_adres"],
            d["client_postcode_plaats"],
            d["client_telefoon"],
            "burgemeester en wethouders",
            d["gemeente_naam"],
            d["gemeente_afdeling"],
            d["gemeente_adres"],
            d["gemeente_postcode_plaats"],
            f"{d['plaats']}, {datum_lang(d['datum'])}",
            "Geachte",
        ]
        assert t.startswith(d["client_naam"]) and in_volgorde(t, kop)


@pytest.mark.parametrize("soort", SOORTEN)
def test_minimaal(soort: str, tmp_path: Path) -> None:
    """Only the required fields: no optional part or its label leaks into the letter."""
    d = minimaal(soort)
    uit = render(soort, d, tmp_path / f"{soort}.docx")
    t = algemene_controles(soort, uit, d)
    woorden = ALGEMEEN_NIET_BIJ_MINIMAAL + NIET_BIJ_MINIMAAL[soort]
    if soort != "machtiging":  # no adviser given: none named, no machtiging mentioned
        woorden += ["cliëntondersteuner", "machtiging"]
    for woord in woorden:
        assert woord not in t, woord
    # One line to sign (two for the machtiging).
    assert handtekeningen(uit) == (2 if soort == "machtiging" else 1)


def test_minimaal_lekt_niets_controle(tmp_path: Path) -> None:
    """The leak check above can fail: the optional parts do show once filled in."""
    t = brief("bezwaarschrift", volledig("bezwaarschrift"), tmp_path)
    for woord in ALGEMEEN_NIET_BIJ_MINIMAAL + NIET_BIJ_MINIMAAL["bezwaarschrift"]:
        assert woord in t or woord == "8.1.1", woord  # a Wmo letter: 2.3.6, not 8.1.1
    t = brief("machtiging", volledig("machtiging"), tmp_path)
    for woord in NIET_BIJ_MINIMAAL["machtiging"]:
        assert woord in t, woord


def test_lange_tekst_wordt_alinea_per_alinea(tmp_path: Path) -> None:
    render("bezwaarschrift", volledig("bezwaarschrift"), tmp_path / "b.docx")
    alineas = [p.text for p in Document(str(tmp_path / "b.docx")).paragraphs]
    eerste, tweede = VOORBEELD["gronden"].split("\n\n")
    assert eerste in alineas and tweede in alineas


def test_opmaak_in_word(tmp_path: Path) -> None:
    """Heading, lines, bullets, quotation and signature become Word paragraphs."""
    from ondersteuner.letters import woord

    tekst_ = (
        "## Wat er gebeurde\nregel een {{gedraging_datum}}\nregel twee\n\n- punt a\n- punt b\n"
        "> {{gedraging}}\n\n[[handtekening]]\n{{client_naam}}\n"
    )
    doc = woord.nieuw_document()
    woord.schrijf(doc, sj.blokken(sj.vul(sj.parse(tekst_), minimaal("klacht"), lambda n: [])))
    uit = woord.schrijf_bestand(woord.als_bytes(doc), tmp_path / "k.docx")
    ps = Document(str(uit)).paragraphs
    assert [p.text for p in ps] == [
        "Wat er gebeurde",
        "regel een 21 januari 2026\nregel twee",
        "punt a",
        "punt b",
        VOORBEELD["gedraging"],
        "______________________________",
        VOORBEELD["client_naam"],
    ]
    assert all(r.bold for r in ps[0].runs)
    assert ps[2].style.name == ps[3].style.name == "List Bullet"
    assert all(r.italic for r in ps[4].runs)
    assert not any(r.italic for p in (ps[1], ps[6]) for r in p.runs)


def test_render_overschrijft_bestaande_brief(tmp_path: Path) -> None:
    uit = tmp_path / "klacht.docx"
    uit.write_bytes(b"oud")
    render("klacht", minimaal("klacht"), uit)
    assert VOORBEELD["gedraging"] in docx_tekst(uit)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["klacht.docx"]  # no temp left


# --- 2. the legal elements per kind -----------------------------------------------
# Asserted on what the law needs (the article, the term, the values), not on the
# wording around them, which the templates are free to improve. The first letter of
# each kind is read back from Word; its variants from the preview (``tekst``), which
# has the same words as the document (checked in test_volledig and test_minimaal).


def voorbeeld(soort: str, **extra: Any) -> str:
    """The preview of the letter with the required fields and ``extra``."""
    return tekst(soort, minimaal(soort, **extra))


def test_bezwaarschrift_elementen(tmp_path: Path) -> None:
    d = minimaal("bezwaarschrift", beschikking_kenmerk="BES-2026-0042", horen=True)
    t = brief("bezwaarschrift", d, tmp_path)
    assert "Ik maak bezwaar" in t or "bezwaar" in t
    assert t.count(datum_lang(d["beschikking_datum"])) >= 2  # subject and body (Awb 6:5)
    assert "BES-2026-0042" in t
    assert "gronden" in t and all(s in t for s in verwacht(d["gronden"]))
    assert "7:2" in t and re.search(r"gehoord|hoorzitting|horen", t, re.I)
    assert "ontvangstbevestiging" in t
    assert re.search(r"Bijlage.*\n.*kopie van de beschikking|Bijlage: kopie van de beschikking", t)

    t = voorbeeld("bezwaarschrift", horen=False)
    assert "7:2" not in t and not re.search(r"gehoord|hoorzitting", t, re.I)


def test_bezwaarschrift_te_laat() -> None:
    ontvangen = datum_lang(VOORBEELD["ontvangen_op"])
    t = voorbeeld("bezwaarschrift", reden_te_laat=VOORBEELD["reden_te_laat"])
    assert "6:11" in t and VOORBEELD["reden_te_laat"] in t and ontvangen not in t
    t = voorbeeld(
        "bezwaarschrift",
        reden_te_laat="Ik lag in het ziekenhuis.",
        ontvangen_op=VOORBEELD["ontvangen_op"],
    )
    assert "6:11" in t and ontvangen in t and "Ik lag in het ziekenhuis." in t


def test_klacht_elementen_en_termijn(tmp_path: Path) -> None:
    d = minimaal("klacht")
    t = brief("klacht", d, tmp_path)
    assert "klacht" in t and "hoofdstuk 9" in t  # a klaagschrift (Awb 9:4)
    assert datum_lang(d["gedraging_datum"]) in t and d["gedraging"] in t
    assert "zes weken" in t and "9:11" in t and "tien weken" not in t

    t = voorbeeld("klacht", adviescommissie=True, medewerker="de consulent")
    assert "tien weken" in t and "9:11" in t and "zes weken" not in t
    assert "de consulent" in t

    t = voorbeeld("klacht", adviescommissie=False)
    assert "zes weken" in t and "tien weken" not in t


def test_ingebrekestelling_elementen(tmp_path: Path) -> None:
    d = minimaal("ingebrekestelling")
    t = brief("ingebrekestelling", d, tmp_path)
    assert "4:17" in t and "twee weken" in t and "in gebreke" in t and "dwangsom" in t
    assert datum_lang(d["aanvraag_datum"]) in t and datum_lang(d["beslistermijn_einde"]) in t
    assert d["aanvraag_omschrijving"] in t and "aanvraag" in t and "bezwaar" not in t

    t = voorbeeld("ingebrekestelling", beslissing_op_bezwaar=True)
    assert "[Datum van het bezwaar" in t  # required once it is about a bezwaar
    bezwaar = dt.date(2025, 11, 3)
    t = voorbeeld("ingebrekestelling", beslissing_op_bezwaar=True, bezwaar_datum=bezwaar)
    assert "bezwaar" in t and "4:17" in t and datum_lang(bezwaar) in t


def test_pro_forma_gronden_volgen_met_termijn(tmp_path: Path) -> None:
    d = minimaal("bezwaarschrift_pro_forma")
    t = brief("bezwaarschrift_pro_forma", d, tmp_path)
    assert "pro forma" in t and "gronden" in t and "6:6" in t and "bezwaar" in t
    assert "vier weken" in t
    assert datum_lang(d["beschikking_datum"]) in t
    for weken in ("6", 6):
        t = voorbeeld("bezwaarschrift_pro_forma", termijn_weken=weken)
        assert "6 weken" in t and "vier weken" not in t


def test_reactie_verslag_elk_punt(tmp_path: Path) -> None:
    """Every citaat and correctie, in order; a citaat only where the point has one, as
    a quotation."""
    d = minimaal("reactie_verslag")
    uit = render("reactie_verslag", d, tmp_path / "r.docx")
    t = docx_tekst(uit)
    assert in_volgorde(t, verwacht(d["punten"]))
    citaten = [
        p.text for p in Document(str(uit)).paragraphs if p.runs and all(r.italic for r in p.runs)
    ]
    assert citaten == [p["citaat"] for p in d["punten"] if p["citaat"]]
    assert "ontvangstbevestiging" in t
    assert datum_lang(d["gesprek_datum"]) in t and datum_lang(d["verslag_datum"]) in t


def test_verzoek_tweede_gesprek_elementen(tmp_path: Path) -> None:
    d = minimaal("verzoek_tweede_gesprek")
    t = brief("verzoek_tweede_gesprek", d, tmp_path)
    assert "tweede gesprek" in t and d["reden"] in t and "ontvangstbevestiging" in t
    assert datum_lang(d["gesprek_datum"]) in t


def test_machtiging_twee_namen_twee_handtekeningen(tmp_path: Path) -> None:
    d = minimaal("machtiging")
    uit = render("machtiging", d, tmp_path / "m.docx")
    t = docx_tekst(uit)
    assert "Machtiging" in t and d["client_naam"] in t and d["adviseur_naam"] in t
    assert d["gemeente_naam"] in t and "Wmo 2015" in t
    assert handtekeningen(uit) == 2
    # The client's name under the first line, the adviser's under the second.
    regels = t.splitlines()
    lijnen = [i for i, r in enumerate(regels) if set(r) == {"_"}]
    assert regels[lijnen[0] + 1] == d["client_naam"]
    assert regels[lijnen[1] + 1] == d["adviseur_naam"]


@pytest.mark.parametrize("soort", sorted(AAN_GEMEENTE))
def test_ondertekening_namens_client(soort: str, tmp_path: Path) -> None:
    """Signed by the adviser: on behalf of the client, with the machtiging enclosed
    (Awb 2:1). Signed by the client: the adviser only named as helper."""
    d = minimaal(soort, namens_client=True, adviseur_naam="R. Verhoeven")
    uit = render(soort, d, tmp_path / "b.docx")
    t = docx_tekst(uit)
    assert handtekeningen(uit) == 1
    assert f"Namens {d['client_naam']}" in t
    assert t[t.index("______") :].splitlines()[1] == "R. Verhoeven"
    assert re.search(r"Bijlage.*machtiging van " + re.escape(d["client_naam"]), t, re.S)

    t = voorbeeld(soort, adviseur_naam="R. Verhoeven")
    assert "Namens" not in t and "machtiging" not in t
    regels = [r for r in t.splitlines() if r.strip()]
    lijnen = [i for i, r in enumerate(regels) if set(r) == {"_"}]
    assert len(lijnen) == 1 and regels[lijnen[0] + 1] == d["client_naam"]
    assert "R. Verhoeven" in "\n".join(regels[lijnen[0] :])


def test_jeugdwet_en_wmo() -> None:
    jeugd = {"wet": "Jeugdwet"}
    t = voorbeeld("aanvraag_maatwerkvoorziening", **jeugd)
    assert "Jeugdwet" in t and "jeugdhulp" in t and "Wmo" not in t
    t = voorbeeld("aanvraag_maatwerkvoorziening")
    assert "Wmo 2015" in t and "maatwerkvoorziening" in t and "Jeugdwet" not in t

    t = voorbeeld("bezwaarschrift", pgb=True, **jeugd)
    assert "8.1.1" in t and "Jeugdwet" in t and "2.3.6" not in t and "Wmo" not in t
    t = voorbeeld("bezwaarschrift", pgb=True)
    assert "2.3.6" in t and "Wmo 2015" in t and "8.1.1" not in t and "Jeugdwet" not in t
    t = voorbeeld("bezwaarschrift", **jeugd)
    assert "8.1.1" not in t and "2.3.6" not in t

    for soort in SOORTEN:
        t = voorbeeld(soort, **jeugd)
        assert "Jeugdwet" in t and "Wmo" not in t, soort


def test_aanvraag_pgb() -> None:
    t = voorbeeld("aanvraag_maatwerkvoorziening", pgb=True, pgb_motivatie="Zelf regelen.")
    assert "persoonsgebonden budget" in t.lower() and "Zelf regelen." in t
    t = voorbeeld("aanvraag_maatwerkvoorziening", pgb_motivatie="Zelf regelen.")
    assert "persoonsgebonden budget" not in t.lower() and "Zelf regelen." not in t


def test_persoonlijk_plan_is_geen_brief_aan_de_gemeente() -> None:
    t = tekst("persoonlijk_plan", volledig("persoonlijk_plan"))
    assert t.upper().startswith("PERSOONLIJK PLAN\n")
    assert "burgemeester" not in t and "Geachte" not in t
    assert "persoonlijk_plan" not in AAN_GEMEENTE and "machtiging" not in AAN_GEMEENTE


# --- 3. missing fields, unknown kind ----------------------------------------------


@pytest.mark.parametrize("soort", SOORTEN)
def test_leeg_noemt_precies_de_verplichte_velden(soort: str, tmp_path: Path) -> None:
    uit = tmp_path / "brief.docx"
    with pytest.raises(OntbrekendeVelden) as e:
        render(soort, {}, uit)
    verplicht = [v for v in velden(soort) if v.verplicht]
    assert verplicht
    assert [v.naam for v in e.value.velden] == [v.naam for v in verplicht]
    assert e.value.soort == soort
    for v in verplicht:
        assert v.label in str(e.value)
    assert str(e.value).startswith("Deze gegevens ontbreken nog")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("soort", SOORTEN)
def test_een_ontbrekend_veld(soort: str, tmp_path: Path) -> None:
    """Each required field alone: empty, blank or None is missing, nothing else is."""
    for v in velden(soort):
        if not v.verplicht:
            continue
        for leeg in (None, "", "   \n", []):
            with pytest.raises(OntbrekendeVelden) as e:
                render(soort, {**volledig(soort), v.naam: leeg}, tmp_path / "b.docx")
            assert [x.naam for x in e.value.velden] == [v.naam]
    assert list(tmp_path.iterdir()) == []


# The machtiging always needs the adviser; the persoonlijk plan is the client's own.
@pytest.mark.parametrize("soort", sorted(set(SOORTEN) - {"machtiging", "persoonlijk_plan"}))
def test_namens_client_vraagt_naam_adviseur(soort: str, tmp_path: Path) -> None:
    d = volledig(soort, namens_client=True)
    del d["adviseur_naam"]
    with pytest.raises(OntbrekendeVelden) as e:
        render(soort, d, tmp_path / "b.docx")
    assert [v.naam for v in e.value.velden] == ["adviseur_naam"]
    assert "Naam cliëntondersteuner" in str(e.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("soort", SOORTEN)
def test_geen_veld_dubbel_genoemd(soort: str, tmp_path: Path) -> None:
    """Dossier data carries namens_client into every kind; no field is named twice."""
    with pytest.raises(OntbrekendeVelden) as e:
        render(soort, {"namens_client": True}, tmp_path / "b.docx")
    namen = [v.naam for v in e.value.velden]
    assert len(namen) == len(set(namen)), namen


def test_onbekende_soort(tmp_path: Path) -> None:
    for doe in (
        lambda: render("brief_aan_de_koning", minimaal("klacht"), tmp_path / "b.docx"),
        lambda: render("brief_aan_de_koning", {}, tmp_path / "b.docx"),
        lambda: velden("brief_aan_de_koning"),
        lambda: tekst("brief_aan_de_koning", minimaal("klacht")),
    ):
        with pytest.raises(OnbekendeSoort, match="brief_aan_de_koning"):
            doe()
    assert list(tmp_path.iterdir()) == []


# Required fields the preview cannot show as [label]: never in the letter, or only as a
# switch (the aanvraag reads "Wmo 2015" unless the law starts with "Jeugd").
ALLEEN_SCHAKELAAR = {"aanvraag_maatwerkvoorziening": {"wet"}}


@pytest.mark.parametrize("soort", SOORTEN)
def test_voorbeeld_tekst_toont_ontbrekende_labels(soort: str) -> None:
    """The live preview: each missing required field as [its label], never made up,
    and optional fields simply absent."""
    t = tekst(soort, {})
    for v in velden(soort):
        if v.verplicht and v.soort != PUNTEN and v.naam not in ALLEEN_SCHAKELAAR.get(soort, ()):
            assert f"[{v.label}]" in t, v.naam
        elif not v.verplicht:
            assert f"[{v.label}]" not in t, v.naam
    assert "{{" not in t and "None" not in t


# --- 4. letterhead ----------------------------------------------------------------


def maak_briefpapier(pad: Path) -> Path:
    doc = Document()
    sectie = doc.sections[0]
    sectie.left_margin = Cm(4)
    sectie.header.paragraphs[0].text = "Stichting Fictief Steunpunt"
    sectie.footer.paragraphs[0].text = "KvK 00000000 fictief"
    stijl = doc.styles.add_style("Huisstijl Fictief", WD_STYLE_TYPE.PARAGRAPH)
    stijl.font.name = "Georgia"
    doc.add_paragraph("VERWIJDER MIJ", style=stijl)
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "VERWIJDER MIJ OOK"
    doc.save(str(pad))
    return pad


def test_briefpapier_blijft_brief_vervangt_inhoud(tmp_path: Path) -> None:
    papier = maak_briefpapier(tmp_path / "briefpapier.docx")
    voor = papier.read_bytes()
    d = minimaal("klacht")
    uit = render("klacht", d, tmp_path / "klacht.docx", briefpapier=papier)
    t = docx_tekst(uit)
    assert d["gedraging"] in t and d["client_naam"] in t
    doc = Document(str(uit))
    sectie = doc.sections[0]
    assert sectie.header.paragraphs[0].text == "Stichting Fictief Steunpunt"
    assert sectie.footer.paragraphs[0].text == "KvK 00000000 fictief"
    assert round(sectie.left_margin.cm, 2) == 4.0  # the letterhead's, not our 2.5 cm
    assert "Huisstijl Fictief" in [s.name for s in doc.styles]
    with zipfile.ZipFile(uit) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "VERWIJDER MIJ" not in xml and not doc.tables
    assert xml.count("<w:sectPr") == 1
    assert papier.read_bytes() == voor  # the letterhead itself is untouched

    # Without letterhead: none of it.
    doc = Document(str(render("klacht", d, tmp_path / "kaal.docx")))
    assert "Stichting Fictief Steunpunt" not in doc.sections[0].header.paragraphs[0].text


def test_briefpapier_zonder_opsommingsstijl(tmp_path: Path) -> None:
    """A letterhead saved by Word often lacks the "List Bullet" style: bullets then
    become "• " paragraphs instead of failing."""
    doc = Document(str(maak_briefpapier(tmp_path / "briefpapier.docx")))
    doc.styles["List Bullet"].delete()
    doc.save(str(tmp_path / "briefpapier.docx"))
    uit = render(
        "bezwaarschrift",
        minimaal("bezwaarschrift"),
        tmp_path / "b.docx",
        briefpapier=tmp_path / "briefpapier.docx",
    )
    doc = Document(str(uit))
    assert "List Bullet" not in [s.name for s in doc.styles]
    punten = [p.text for p in doc.paragraphs if p.text.startswith("• ")]
    assert len(punten) >= 2, punten


def _zip_zonder_docx(pad: Path) -> None:
    with zipfile.ZipFile(pad, "w") as z:
        z.writestr("hallo.txt", "Dit is een zip, geen Word-document.")


@pytest.mark.parametrize(
    ("naam", "maak"),
    [
        ("tekst_hernoemd", lambda p: p.write_text("Dit is geen Word-bestand.\n", "utf-8")),
        ("willekeurig", lambda p: p.write_bytes(random.Random(7).randbytes(4096))),
        ("leeg", lambda p: p.write_bytes(b"")),
        ("zip_geen_docx", _zip_zonder_docx),
        ("bestaat_niet", lambda p: None),
    ],
)
def test_slecht_briefpapier(naam: str, maak: Any, tmp_path: Path) -> None:
    papier = tmp_path / f"{naam}.docx"
    maak(papier)
    uit = tmp_path / "brief.docx"
    with pytest.raises(BriefpapierFout) as e:
        render("klacht", minimaal("klacht"), uit, briefpapier=papier)
    bericht = str(e.value)
    assert "briefpapier" in bericht.lower() and "Traceback" not in bericht
    assert any(w in bericht for w in ("niet te openen", "geen Word-bestand", "beschadigd"))
    assert not uit.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ([papier.name] if papier.exists() else [])


# --- 5. an organisation's own templates -------------------------------------------

EIGEN_ZIN = "Stichting Fictief Steunpunt stuurt deze klacht ook naar de ombudsman."


@pytest.fixture
def eigen_map(tmp_path: Path) -> Iterator[Path]:
    map_ = tmp_path / "sjablonen" / "organisatie"
    gebruik_sjabloonmap(map_)
    yield map_
    gebruik_sjabloonmap(None)


def test_kopieer_en_pas_sjabloon_aan(eigen_map: Path, tmp_path: Path) -> None:
    pad = kopieer_sjabloon("klacht", eigen_map)
    assert pad == eigen_map / "klacht.txt"
    assert pad.read_text("utf-8") == letters.ingebouwd_sjabloon("klacht")
    pad.write_text(pad.read_text("utf-8") + "\n" + EIGEN_ZIN + "\n", "utf-8")
    assert EIGEN_ZIN in brief("klacht", minimaal("klacht"), tmp_path)
    assert EIGEN_ZIN in tekst("klacht", minimaal("klacht"))
    assert EIGEN_ZIN not in brief("bezwaarschrift", minimaal("bezwaarschrift"), tmp_path)
    # Copying again keeps the organisation's edit.
    kopieer_sjabloon("klacht", eigen_map)
    assert EIGEN_ZIN in pad.read_text("utf-8")
    # Back to the built-in ones.
    gebruik_sjabloonmap(None)
    assert EIGEN_ZIN not in brief("klacht", minimaal("klacht"), tmp_path)


def test_eigen_gedeeld_deel_geldt_voor_elke_brief(eigen_map: Path, tmp_path: Path) -> None:
    eigen_map.mkdir(parents=True)
    (eigen_map / "_ondertekening.txt").write_text(
        "Hoogachtend,\n\n[[handtekening]]\n{{client_naam}}\n", "utf-8"
    )
    for soort in ("klacht", "ingebrekestelling"):
        t = brief(soort, minimaal(soort), tmp_path)
        assert "Hoogachtend," in t and "Met vriendelijke groet" not in t


def _regel_van(tekst_: str, stuk: str) -> int:
    return tekst_[: tekst_.index(stuk)].count("\n") + 1


@pytest.mark.parametrize(
    ("fout", "zegt"),
    [
        ("{{#als x}}\nAls x.\n", "niet gesloten"),
        ("{{#zolang x}}\nZolang x.\n{{/zolang}}\n", "onbekend blok"),
        ("{{/als}}\n", "sluit niets"),
        ("Een {{ losse accolade.\n", "{{"),
    ],
)
def test_kapot_eigen_sjabloon(fout: str, zegt: str, eigen_map: Path, tmp_path: Path) -> None:
    pad = kopieer_sjabloon("klacht", eigen_map)
    pad.write_text(pad.read_text("utf-8") + "\n" + fout, "utf-8")
    uit = tmp_path / "klacht.docx"
    for doe in (lambda: render("klacht", minimaal("klacht"), uit), lambda: tekst("klacht", {})):
        with pytest.raises(SjabloonFout) as e:
            doe()
        assert str(pad) in str(e.value) and "regel " in str(e.value) and zegt in str(e.value)
    assert not uit.exists()


def test_fout_noemt_de_regel_zonder_commentaar(tmp_path: Path) -> None:
    """Without comment lines or tag-only lines before it, the line is right."""
    with pytest.raises(SjabloonFout, match="regel 3: onbekend blok"):
        sj.parse("Eerste regel.\nTweede {{naam}}.\n{{#zolang x}}\n{{/zolang}}\n", "t.txt")


@pytest.mark.parametrize("fout", ["{{#zolang x}}\n{{/zolang}}\n", "{{#als x}}\nNooit gesloten.\n"])
def test_fout_noemt_de_juiste_regel(fout: str, eigen_map: Path) -> None:
    pad = kopieer_sjabloon("klacht", eigen_map)
    inhoud = pad.read_text("utf-8") + "\n" + fout
    pad.write_text(inhoud, "utf-8")
    with pytest.raises(SjabloonFout) as e:
        tekst("klacht", {})
    assert f"regel {_regel_van(inhoud, fout)}:" in str(e.value)


def test_eigen_sjabloon_onleesbaar(eigen_map: Path, tmp_path: Path) -> None:
    eigen_map.mkdir(parents=True)
    (eigen_map / "klacht.txt").write_bytes("Klacht van cliënt".encode("cp1252"))
    with pytest.raises(SjabloonFout, match="UTF-8"):
        render("klacht", minimaal("klacht"), tmp_path / "k.docx")
    (eigen_map / "klacht.txt").write_text("x" * (letters.MAX_SJABLOON + 1), "utf-8")
    with pytest.raises(SjabloonFout, match="te groot"):
        render("klacht", minimaal("klacht"), tmp_path / "k.docx")
    (eigen_map / "klacht.txt").write_text("{{>bestaat_niet}}\n", "utf-8")
    with pytest.raises(SjabloonFout, match="bestaat niet"):
        render("klacht", minimaal("klacht"), tmp_path / "k.docx")
    assert not (tmp_path / "k.docx").exists()


# --- 6. the template language -----------------------------------------------------


def vul(sjabloon_: str, gegevens: dict[str, Any] | None = None, **delen: str) -> str:
    return sj.vul(sj.parse(sjabloon_, "t"), gegevens or {}, lambda n: sj.parse(delen[n], n))


def test_losse_tagregels_verdwijnen() -> None:
    s = "a\n{{#als x}}\nb\n{{/als}}\n  {{#alsniet x}}  \nc\n{{/alsniet}}\nd\n"
    assert vul(s, {"x": True}) == "a\nb\nd\n"
    assert vul(s, {"x": ""}) == "a\nc\nd\n"
    assert vul("; opmerking\na\n; nog een\n") == "a\n"
    assert vul("x\n{{>deel}}\ny\n", deel="midden\n") == "x\nmidden\ny\n"


def test_tag_in_een_regel_laat_de_regel_staan() -> None:
    s = "Ik ben er{{#als x}} met {{x}}{{/als}}.\n"
    assert vul(s, {"x": "Piet"}) == "Ik ben er met Piet.\n"
    assert vul(s) == "Ik ben er.\n"


def test_genest_als_alsniet() -> None:
    s = (
        "{{#als a}}A{{#alsniet b}}-geen-b{{/alsniet}}{{#als b}}-b{{/als}}{{/als}}"
        "{{#alsniet a}}geen-a{{#als b}}-b{{/als}}{{/alsniet}}"
    )
    assert vul(s, {"a": 1, "b": 1}) == "A-b"
    assert vul(s, {"a": 1}) == "A-geen-b"
    assert vul(s, {"b": "ja"}) == "geen-a-b"
    assert vul(s, {"a": "nee", "b": "0"}) == "geen-a"
    assert vul(s, {"a": "  "}) == "geen-a"


def test_elk_met_nr_en_punt_veld() -> None:
    s = "{{#elk punten}}\n{{nr}}. {{.x}} ({{naam}})\n{{/elk}}\nklaar {{nr}}\n"
    punten = [{"x": "een"}, {"x": "twee"}, {"x": dt.date(2026, 3, 3)}]
    assert vul(s, {"punten": punten, "naam": "Piet"}) == (
        "1. een (Piet)\n2. twee (Piet)\n3. 3 maart 2026 (Piet)\nklaar \n"
    )
    assert vul(s, {"punten": []}) == "klaar \n"
    assert vul(s) == "klaar \n"


def test_waarde_met_accolades_wordt_niet_ingevuld() -> None:
    assert vul("{{a}}", {"a": "{{b}}", "b": "GEHEIM"}) == "{{b}}"
    assert vul("{{a}}", {"a": "{{#als b}}x{{/als}}", "b": True}) == "{{#als b}}x{{/als}}"
    t = tekst("klacht", minimaal("klacht", gedraging="Hij schreef {{client_naam}} op."))
    assert "Hij schreef {{client_naam}} op." in t


def test_include_diepte_grens() -> None:
    def naam(i: int) -> str:
        return "deel_" + "x" * i  # field and part names are letters and _ only

    def keten(n: int) -> dict[str, str]:
        """Part 0 includes part 1 … includes part n, which ends the chain."""
        return {naam(i): f"{i}{{{{>{naam(i + 1)}}}}}" if i < n else "eind" for i in range(n + 1)}

    # The top template includes part 0: MAX_DIEPTE includes in all still work.
    cijfers = "".join(str(i) for i in range(sj.MAX_DIEPTE - 1))
    assert vul("{{>deel_}}", **keten(sj.MAX_DIEPTE - 1)) == cijfers + "eind"
    with pytest.raises(SjabloonFout, match="te diep"):
        vul("{{>deel_}}", **keten(sj.MAX_DIEPTE))
    with pytest.raises(SjabloonFout, match="te diep"):
        vul("{{>lus}}", lus="x{{>lus}}")


@pytest.mark.parametrize(
    "fout", ["{{#als}}x{{/als}}", "{{#elk}}{{/elk}}", "{{#als a}}{{/alsniet}}", "{{ Naam }}"]
)
def test_parse_fouten(fout: str) -> None:
    with pytest.raises(SjabloonFout, match="Sjabloon t, regel 1"):
        sj.parse(fout, "t")


def test_blokken() -> None:
    t = (
        "## Kop\nregel een\nregel twee\n\n- punt a\n• punt b\n> citaat 1\n> citaat 2\n\n"
        "[[handtekening]]\nNaam\n"
    )
    assert sj.blokken(t) == [
        sj.Blok("kop", ("Kop",)),
        sj.Blok("alinea", ("regel een", "regel twee")),
        sj.Blok("punt", ("punt a",)),
        sj.Blok("punt", ("punt b",)),
        sj.Blok("citaat", ("citaat 1", "citaat 2")),
        sj.Blok("handtekening", ()),
        sj.Blok("alinea", ("Naam",)),
    ]
    assert sj.blokken("\n\n  \n") == []


def test_velden_in_sjablonen_bestaan() -> None:
    """Every field a built-in template uses is a field of its kind (or set by
    render: jeugdwet, nr)."""
    for soort in SOORTEN:
        namen = {v.naam for v in velden(soort)} | {"jeugdwet", "nr"}
        nodes = sj.parse(letters.ingebouwd_sjabloon(soort), soort)
        gebruikt = {n.lstrip(".") for n in sj.velden_in(nodes)}
        if soort == "reactie_verslag":
            namen |= {"citaat", "correctie"}
        assert gebruikt <= namen, (soort, gebruikt - namen)


# --- 7. LibreOffice (only where it is installed) ----------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_maakt_pdf(tmp_path: Path) -> None:
    assert SOFFICE is not None
    papier = maak_briefpapier(tmp_path / "briefpapier.docx")
    docx = render(
        "bezwaarschrift", volledig("bezwaarschrift"), tmp_path / "bezwaar.docx", briefpapier=papier
    )
    profiel = (tmp_path / "lo-profiel").as_uri()
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profiel}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "pdf" / "bezwaar.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")
