"""The comparison engine on hand-made cases for each kind of difference, the verslag
import for every format and bad input, BSN redaction, and the stored comparison."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from ondersteuner.compare import GEDEELTELIJK, GEVONDEN, ONTBREEKT, vergelijk
from ondersteuner.compare.importeren import (
    BSN_VERVANGING,
    ImportFout,
    elfproef,
    geplakt,
    lees_bestand,
    vind_bsn,
)

VERSLAG = """Verslag van het gesprek

Het gesprek vond plaats op 12 maart bij mevrouw thuis. Aanwezig waren mevrouw, haar
dochter en de cliëntondersteuner.

Mevrouw geeft aan dat zij sinds haar val niet meer zelf kan koken. Wassen en aankleden
lukt nog wel zelfstandig, al kost het veel tijd.
Er is hulp bij het huishouden besproken voor 2 uur per week.
De consulent onderzoekt of informatie over de maaltijdvoorziening kan worden toegestuurd.
Een traplift wordt toegekend, mits de woningcorporatie toestemming geeft.
Haar dochter komt twee keer per week langs en doet dan de was.
Mevrouw geeft aan dat haar zoon dagelijks kan helpen met de boodschappen.
De eigen bijdrage is toegelicht; mevrouw kan de hoogte berekenen bij het CAK.

Met vriendelijke groet,
De consulent Wmo
"""


def _status(notes: list[str]) -> list[tuple[str, str]]:
    v = vergelijk(notes, VERSLAG)
    return [(p.status, p.reden) for p in v.punten]


@pytest.mark.parametrize(
    ("note", "status", "reden"),
    [
        ("Kan niet meer koken sinds val", GEVONDEN, ""),  # other wording and order
        ("wassen/aankleden lukt zelf, duurt lang", GEVONDEN, ""),
        ("Dochter komt 2x p/w, doet de was", GEVONDEN, ""),  # number words vs digits
        ("HH 3 uur p/w besproken", GEDEELTELIJK, "ander getal"),  # abbreviation + number
        ("Wassen lukt niet meer zelf", GEDEELTELIJK, "ontkenning omgedraaid"),
        ("TOEZEGGING: gem. stuurt info maaltijdservice", GEDEELTELIJK, "toezegging afgezwakt"),
        ("AFSPRAAK: traplift wordt toegekend", GEDEELTELIJK, "voorwaarde toegevoegd"),
        ("AFSPRAAK: buurvrouw neemt boodschappen mee", ONTBREEKT, ""),
        ("Pgb besproken: cliënt kiest zorg in natura", ONTBREEKT, ""),
    ],
)
def test_each_kind_of_difference(note: str, status: str, reden: str):
    [(got_status, got_reden)] = _status([note])
    assert (got_status, got_reden) == (status, reden)


def test_a_note_of_which_one_part_is_not_said_is_gedeeltelijk():
    """Even when most of the note is there: "regelt de bankzaken" is nowhere."""
    [p] = vergelijk(["Dochter komt 2x p/w, doet de was + regelt bankzaken"], VERSLAG).punten
    assert (p.status, p.reden) == (GEDEELTELIJK, "maar deels")
    [whole] = vergelijk(["Dochter komt 2x p/w, doet de was"], VERSLAG).punten
    assert whole.status == GEVONDEN


def test_passage_score_order_and_unsupported_claims():
    notes = ["Kan niet meer koken sinds val", "AFSPRAAK: buurvrouw neemt boodschappen mee"]
    v = vergelijk(notes, VERSLAG)
    assert [p.notitie for p in v.punten] == notes  # input order kept
    found = v.punten[0]
    assert found.passage and "niet meer zelf kan koken" in found.passage
    assert VERSLAG[found.start : found.eind].strip().startswith("Mevrouw geeft aan")
    assert 0 < found.score <= 1 and v.punten[1].score < found.score
    assert v.punten[1].passage is None
    # "Her son helps daily" was never said; procedural lines are not claims.
    assert any("zoon dagelijks" in p for p in v.niet_onderbouwd)
    assert not any("vriendelijke groet" in p.lower() for p in v.niet_onderbouwd)
    assert not any("gesprek vond plaats" in p for p in v.niet_onderbouwd)
    # Afspraken and toezeggingen that are missing or distorted come first.
    assert v.verschillen[0].notitie.startswith("AFSPRAAK")


def test_note_covered_by_two_sentences_together():
    verslag = "Mevrouw heeft een scootmobiel nodig. Deze is nodig voor het bezoek aan de markt."
    [p] = vergelijk(["scootmobiel nodig voor bezoek markt"], verslag).punten
    assert p.status == GEVONDEN and "markt" in p.passage and "scootmobiel" in p.passage


U_VERSLAG = """Verslag gesprek Wmo

Datum gesprek: 3 juni 2025
Plaats:
bij u thuis aan de Fictieve Laan
Aanwezig: de heer Jansen-Verzonnen en de consulent

Uw situatie
- U heeft een schuld van ongeveer € 8.000.
- U vertelde dat uw broer op zestig kilometer afstand woont.
- U gaf aan dat uw buurman dagelijks voor u kookt.
- Eens per twee weken spreekt u de praktijkondersteuner van uw huisarts.
- Na ongeveer driehonderd meter lopen krijgt u pijn in uw heup.
- U zit sinds zes weken thuis zonder werk.
- De consulent zal het verslag van de huisarts opvragen.
- Klopt er iets niet? Laat het de consulent binnen tien werkdagen weten.

Met vriendelijke groet,
De consulent
"""


@pytest.mark.parametrize(
    ("note", "status", "reden"),
    [
        ("Schuld ca. 18.000 euro", GEDEELTELIJK, "ander getal"),  # Dutch thousands
        ("Broer woont 60 km verderop", GEVONDEN, ""),  # 'zestig kilometer'
        ("POH bij huisarts 1x p/2 wk", GEVONDEN, ""),  # 'eens per twee weken'
        ("Loopt max 100 m, dan pijn heup", GEDEELTELIJK, "ander getal"),  # 'driehonderd'
        ("Sinds 4 mnd thuis zonder werk", GEDEELTELIJK, "ander getal"),  # weeks vs months
        # "het verslag van de huisarts" is content, not the verslag's own heading
        ("TOEZEGGING: gem. vraagt verslag huisarts op", GEVONDEN, ""),
    ],
)
def test_a_verslag_written_to_the_client(note: str, status: str, reden: str):
    """ "U" is the reader, not "uur"; numbers in words, thousands and other units."""
    [p] = vergelijk([note], U_VERSLAG).punten
    assert (p.status, p.reden) == (status, reden)


def test_claims_addressed_to_the_client_and_labels_of_the_header():
    v = vergelijk(["Broer woont 60 km verderop", "POH huisarts 1x p/2 wk"], U_VERSLAG)
    flagged = " | ".join(v.niet_onderbouwd)
    assert "buurman dagelijks" in flagged  # "U gaf aan dat ..." is a claim
    assert "Fictieve Laan" not in flagged  # the value after "Plaats:" is procedural
    assert "Laat het de consulent" not in flagged  # an instruction to the reader
    assert "De consulent zal" not in flagged  # what the gemeente does
    assert "zestig kilometer" not in flagged  # supported by a note


def test_only_names_in_common_never_cover_a_note():
    """The best-weighted passage sharing only "de gemeente" and "cliënt" must not
    hide the passage that shares the note's content."""
    verslag = (
        "De gemeente heeft mevrouw uitgenodigd. Mevrouw en de gemeente spraken lang.\n"
        "De consulent zorgt op korte termijn voor aanmelding bij de schuldhulpverlening."
    )
    [p] = vergelijk(["TOEZEGGING: gem. meldt mw. aan bij schuldhulpverlening"], verslag).punten
    assert p.status != ONTBREEKT and "schuldhulpverlening" in (p.passage or "")


AFSPRAKEN_VERSLAG = (
    "Verslag keukentafelgesprek\n\n"
    "Situatie\n"
    "Meneer is slechtziend. Hulpmiddelen zoals een taststok vallen onder de "
    "Zorgverzekeringswet en worden niet via de Wmo verstrekt.\n"
    "Voor vervoer naar het werk kan meneer bij het UWV een werkvoorziening aanvragen.\n"
    "Meneer wil graag een traplift. Zijn buurvrouw komt elke ochtend even kijken.\n"
    "De buurvrouw heeft een sleutel van de woning.\n"
    "Bij het douchen tilt zijn echtgenote hem over de rand van de douchebak; zij heeft "
    "zelf klachten aan haar schouder.\n"
    "Pas wanneer de huisarts geen bezwaar ziet, laat ik een ergotherapeut de "
    "rijvaardigheid van meneer beoordelen.\n"
    "Ik zie dat de zorg grotendeels op de schouders van de buurvrouw rust.\n\n"
    "Afspraken\n"
    "Aanvraag scootmobiel door zoon, binnen twee weken.\n"
    "De consulent stuurt informatie over de eigen bijdrage.\n\n"
    "Met vriendelijke groet,\n"
    "De consulent\n"
)


@pytest.mark.parametrize(
    ("note", "status"),
    [
        # Only the topic is there; who will act, and what, is not.
        ("AFSPRAAK: dhr. belt zelf zorgverzekeraar over taststok", ONTBREEKT),
        ("TOEZEGGING: cons. stemt met UWV af wie vervoer naar werk regelt", ONTBREEKT),
        ("AFSPRAAK: ocs belt huisarts voor verwijzing ergotherapeut", ONTBREEKT),
        # A wish of which only the subject is in the verslag, no part of what is wished.
        ("WENS: traplift geplaatst vóór de winter", ONTBREEKT),
        # Lines under "Afspraken" are agreements without saying so.
        ("AFSPRAAK: zoon vraagt scootmobiel aan binnen 2 wk", GEVONDEN),
        ("TOEZEGGING: gem. stuurt info eigen bijdrage", GEVONDEN),
        # Compounds the verslag writes apart.
        ("Mw. tilt hem over douchebakrand, heeft zelf schouderklachten", GEVONDEN),
    ],
)
def test_an_agreement_needs_the_agreement_not_only_its_topic(note: str, status: str):
    [p] = vergelijk([note], AFSPRAKEN_VERSLAG).punten
    assert p.status == status, (p.status, p.reden, p.passage)


def test_the_actor_of_an_afspraak_may_be_named_in_the_sentence_before():
    verslag = (
        "De dochter van meneer woont in dezelfde straat. Zij neemt contact op met de "
        "woningcorporatie over het weghalen van de drempels.\n"
        "Meneer en mevrouw wonen al veertig jaar in dit huis.\n"
    )
    notes = ["AFSPRAAK: dochter belt corporatie over weghalen drempels"]
    assert vergelijk(notes, verslag).punten[0].status == GEVONDEN
    # Nobody in or before the sentence is the dochter: not her afspraak.
    other = verslag.replace("De dochter van meneer woont", "Het huis staat")
    assert vergelijk(notes, other).punten[0].status == ONTBREEKT


def test_a_missing_note_points_to_where_its_topic_came_closest():
    notes = ["WENS: traplift geplaatst vóór de winter", "Hobby: postzegels verzamelen"]
    near, nothing = vergelijk(notes, AFSPRAKEN_VERSLAG).punten
    assert near.status == ONTBREEKT and near.passage is None
    assert near.dichtbij is not None and "traplift" in near.dichtbij.tekst
    assert (
        AFSPRAKEN_VERSLAG[near.dichtbij.start : near.dichtbij.eind]
        .strip()
        .startswith(near.dichtbij.tekst[:20])
    )
    assert nothing.status == ONTBREEKT and nothing.dichtbij is None


def test_own_words_of_a_gemeente_count_only_where_they_are_given():
    from ondersteuner.compare import SynoniemFout, eigen_synoniemen, lees_synoniemen

    verslag = "Meneer draagt voortaan een knop om zijn nek waarmee hij alarm kan slaan."
    note = ["WENS: halszender met valdetectie"]
    assert vergelijk(note, verslag).punten[0].status == ONTBREEKT
    own = "# woorden van gemeente Fictiedam\nalarmering: halszender, knop om zijn nek\n"
    assert lees_synoniemen(own) == [("alarmering", ["halszender", "knop om zijn nek"])]
    with eigen_synoniemen(own):
        assert vergelijk(note, verslag).punten[0].status != ONTBREEKT
    # Afterwards (and for another gemeente) the built-in list alone again.
    assert vergelijk(note, verslag).punten[0].status == ONTBREEKT
    for bad, says in [
        ("halszender, noodknop", "Regel 1: zet een dubbele punt"),
        ("\n: halszender", "Regel 2: het begrip"),
        ("alarm:  ,  ", "minstens één woord"),
        ("alarm: 1234", "geen woord"),
        ("a" * 20_001, "te lang"),
    ]:
        with pytest.raises(SynoniemFout, match=says):
            lees_synoniemen(bad)


def test_a_name_given_a_role_stands_for_that_role():
    notes = ["Buurvrouw Truus kijkt elke ochtend", "Truus heeft sleutel"]
    v = vergelijk(notes, AFSPRAKEN_VERSLAG)
    assert [p.status for p in v.punten] == [GEVONDEN, GEVONDEN]
    assert not any("sleutel" in c for c in v.niet_onderbouwd)
    # Without the first note nobody says Truus is the buurvrouw: a passage naming
    # the buurvrouw is then not supported by a note about "Truus".
    alone = vergelijk(["Truus heeft sleutel"], AFSPRAKEN_VERSLAG)
    assert any("sleutel" in c for c in alone.niet_onderbouwd)


def test_the_consulents_own_view_and_who_was_present_are_no_claims():
    verslag = (
        "Aanwezig: mevrouw Jansen-Verzonnen (cliënte); de heer Smit-Bedacht "
        "(onafhankelijk cliëntondersteuner); de heer Visser-Fictief (consulent Wmo)\n"
        "Ik zie dat de zorg grotendeels op de schouders van haar dochter rust.\n"
        "Mevrouw gaat elke dag met haar hond naar het park.\n"
    )
    flagged = " | ".join(vergelijk([], verslag).niet_onderbouwd)
    assert "naar het park" in flagged  # a claim about the client
    assert "Ik zie" not in flagged and "Smit-Bedacht" not in flagged


def test_checklist_of_anbo_rule_20():
    v = vergelijk([], VERSLAG)
    assert v.checklist["eigen_bijdrage"] is True
    assert "eigen bijdrage" in v.bewijs["eigen_bijdrage"]
    assert v.checklist["pgb_mogelijkheid"] is False and v.bewijs["pgb_mogelijkheid"] is None
    assert set(v.checklist) == {
        "wensen_en_behoeften",
        "mogelijkheden_gemeente",
        "ondersteuning_mantelzorger",
        "reactie_persoonlijk_plan",
        "aanvraag_maatwerkvoorziening_uitleg",
        "eigen_bijdrage",
        "pgb_mogelijkheid",
        "vervolgprocedure",
    }
    full = vergelijk(
        [],
        "Mevrouw wil graag thuis blijven wonen. De gemeente kan een algemene voorziening "
        "bieden. Voor haar dochter als mantelzorger is ondersteuning via het steunpunt "
        "besproken. Het persoonlijk plan is meegenomen. U kunt een aanvraag voor een "
        "maatwerkvoorziening indienen met het formulier. Een pgb is mogelijk. De eigen "
        "bijdrage is uitgelegd. Na ontvangst "
        "van dit verslag kunt u reageren.",
    )
    assert all(full.checklist.values())


def test_speed_budget_shape():
    # 12 pages of verslag against 4 pages of notes run in the benchmark; here only the
    # shape: many notes, long text, every note gets a status.
    notes = [f"punt {i} over hulp bij het huishouden en boodschappen" for i in range(120)]
    v = vergelijk(notes, VERSLAG * 20)
    assert len(v.punten) == 120 and {p.status for p in v.punten} <= {
        GEVONDEN,
        GEDEELTELIJK,
        ONTBREEKT,
    }


# ------------------------------------------------------------------ import
def _docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    from docx import Document

    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _pdf(text: str | None, *, encrypt: bool = False) -> bytes:
    """A one-page pdf with (or without) a text layer, made with pypdf alone."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    if text is not None:
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if encrypt:
        writer.encrypt("geheim")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_import_every_format(tmp_path: Path):
    docx = tmp_path / "verslag.docx"
    docx.write_bytes(_docx(["Mevrouw kan niet koken."], [["Hulp", "2 uur per week"]]))
    read = lees_bestand(docx)
    assert "Mevrouw kan niet koken." in read.tekst and "Hulp – 2 uur per week" in read.tekst
    assert read.bestand == docx.read_bytes() and read.mime.endswith("document")

    pdf = tmp_path / "verslag.pdf"
    pdf.write_bytes(_pdf("Mevrouw kan niet koken."))
    pages = []
    read = lees_bestand(pdf, progress=lambda i, n: pages.append((i, n)))
    assert "Mevrouw kan niet koken." in read.tekst and pages == [(1, 1)]

    txt = tmp_path / "verslag.txt"
    txt.write_bytes("Cliënt kan niet koken.".encode("cp1252"))  # an old Windows file
    assert lees_bestand(txt).tekst == "Cliënt kan niet koken."
    assert geplakt("  geplakte tekst ").bestand is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leeg.docx", b"", "leeg"),
        ("kapot.docx", b"PK\x03\x04 niet echt", "beschadigd"),
        ("kapot.pdf", b"%PDF-1.4 rommel", "beschadigd"),
        ("scan.pdf", None, "scan"),
        ("beveiligd.pdf", "encrypted", "wachtwoord"),
        ("plaatje.png", b"\x89PNG", "soort bestand"),
        ("witruimte.txt", b"   \n\n ", "geen tekst"),
    ],
)
def test_import_bad_inputs_say_why_in_dutch(tmp_path: Path, name, content, message):
    path = tmp_path / name
    if content is None:
        path.write_bytes(_pdf(None))
    elif content == "encrypted":
        path.write_bytes(_pdf("geheim verslag", encrypt=True))
    else:
        path.write_bytes(content)
    with pytest.raises(ImportFout) as err:
        lees_bestand(path)
    assert message in str(err.value)


def test_import_refuses_a_huge_file(tmp_path: Path, monkeypatch):
    from ondersteuner.compare import importeren

    path = tmp_path / "groot.pdf"
    path.write_bytes(b"x" * 2048)
    monkeypatch.setattr(importeren, "MAX_BYTES", 1024)  # instead of writing 100 MB
    with pytest.raises(ImportFout, match="te groot"):
        lees_bestand(path)


def test_bsn_detection_and_redaction(tmp_path: Path):
    assert elfproef("111222333") and not elfproef("111222334") and not elfproef("000000000")
    text = "BSN 111.222.333, tel. 0612345678, kenmerk 123456789, postcode 1234 AB"
    assert vind_bsn(text) == ["111.222.333"]  # 123456789 fails the elfproef
    from ondersteuner.compare.importeren import MIME, Ingelezen, redigeer_bestand

    data = _docx(["Mevrouw, BSN 111222333, woont in Zwolle."], [["BSN", "111222333"]])
    red = redigeer_bestand(Ingelezen("BSN 111222333", "v.docx", MIME[".docx"], data), ["111222333"])
    assert BSN_VERVANGING in red.tekst
    path = tmp_path / "r.docx"
    path.write_bytes(red.bestand)
    again = lees_bestand(path).tekst
    assert "111222333" not in again and BSN_VERVANGING in again
    pdf = redigeer_bestand(
        Ingelezen("BSN 111222333", "v.pdf", MIME[".pdf"], b"%PDF"), ["111222333"]
    )
    assert pdf.bestand is None  # a pdf cannot be redacted here: the original is not kept


def test_stored_verslag_comparison_overrule_and_reactie(vault):
    from ondersteuner.ui.ops import gesprekken
    from ondersteuner.ui.ops import verslagen as ops
    from tests.factories import make_client, make_melding

    mid = make_melding(vault, make_client(vault, "Verslag Testpersoon"))
    g = gesprekken.open_gesprek(vault, mid, dt.date(2026, 3, 12))
    gesprekken.save_gesprek(
        vault,
        g,
        {"zelf": "Kan niet meer koken sinds val\nAFSPRAAK: buurvrouw neemt boodschappen mee"},
    )
    vid = ops.bewaar_verslag(
        vault, mid, geplakt(VERSLAG + "\nBSN 111222333"), dagtekening=dt.date(2026, 3, 20)
    )
    stored = ops.get_verslag(vault, vid)
    assert stored.bsn_verwijderd and "111222333" not in stored.tekst
    result = ops.vergelijk_verslag(vault, vid)
    statuses = [p.status for p in result.vergelijking.punten]
    assert statuses == [GEVONDEN, ONTBREEKT]
    missing_ref = result.notities[1]
    ops.overrule(vault, vid, missing_ref.id, GEVONDEN)  # "it was discussed after all"
    again = ops.vergelijk_verslag(vault, vid)
    assert again.vergelijking.punten[1].status == GEVONDEN and missing_ref.id in again.overruled
    # Editing the notes later (a line added) keeps the verdict on the unchanged line.
    g2 = gesprekken.get_gesprek(vault, g.id)
    gesprekken.save_gesprek(vault, g2, {"zelf": g2.tekst("zelf") + "\nnog een punt"})
    later = ops.vergelijk_verslag(vault, vid)
    assert later.vergelijking.punten[1].status == GEVONDEN and len(later.notities) == 3
    ops.overrule(vault, vid, missing_ref.id, None)
    assert ops.vergelijk_verslag(vault, vid).vergelijking.punten[1].status == ONTBREEKT
    citaat, correctie = ops.correctie_tekst(result.vergelijking.punten[1])
    first = ops.opnemen_in_reactie(vault, mid, vid, missing_ref.id, citaat, correctie)
    assert ops.opnemen_in_reactie(vault, mid, vid, missing_ref.id, citaat, correctie) == first
    [punt] = ops.reactiepunten(vault, mid)
    assert "Buurvrouw neemt boodschappen mee" in punt.correctie


def test_a_quote_is_conveyed_or_missing_never_half():
    verslag = (
        "U bent gestopt met werken om voor uw dochter te zorgen. Volgens u is de "
        "thuiszorg voldoende voor de dagelijkse verzorging.\n"
    )
    quote = 'CITAAT: "Ik ben geen moeder meer, ik ben alleen nog verzorgster"'
    # The same words outside a quote: a note only half said.
    plain = "Geen moeder meer, alleen nog verzorgster"
    quoted, observed = vergelijk([quote, plain], verslag).punten
    assert quoted.status == ONTBREEKT
    assert (observed.status, observed.reden) == (GEDEELTELIJK, "maar deels")


def test_a_separable_verb_is_one_word_with_its_particle():
    verslag = "Mevrouw is eenzaam. De buurman heeft soms bij haar aangebeld.\n"
    (p,) = vergelijk(["Buurman belde soms aan"], verslag).punten
    assert p.status == GEVONDEN and "aangebeld" in p.passage


@pytest.mark.parametrize(
    "note, passage, status",
    [
        # One shared word of three ("vervoer") does not make the clause with "niet"
        # the opposite of the note, nor does "niet" in what was explained ("heeft
        # uitgelegd dat ... niet ...") flip "uitgelegd".
        (
            "Vervoer dialyse = zorgverzekeraar (zittend ziekenvervoer), uitgelegd door gem.",
            "De consulent heeft uitgelegd dat de gemeente niet verantwoordelijk is voor "
            "het vervoer van en naar deze behandelingen. Dit valt onder het zittend "
            "ziekenvervoer van de zorgverzekeraar.",
            GEVONDEN,
        ),
        # The clause that says the same thing the other way round is flipped.
        (
            "Douchen lukt niet meer zonder hulp",
            "Mevrouw kan zichzelf nog zelfstandig douchen en heeft geen hulp nodig.",
            GEDEELTELIJK,
        ),
    ],
)
def test_a_negation_is_flipped_only_in_a_clause_about_the_same(note, passage, status):
    (p,) = vergelijk([note], passage + "\n").punten
    assert p.status == status
    if status == GEDEELTELIJK:
        assert p.reden == "ontkenning omgedraaid"


def test_a_note_of_several_facts_said_in_sentences_of_their_own_is_found():
    verslag = (
        "Haar dochter doet elke week de boodschappen voor haar.\n"
        "Mevrouw is bekend met COPD en is snel benauwd.\n"
        "Haar zoon regelt de administratie en de post.\n"
        "Mevrouw heeft een rollator en loopt daarmee korte stukjes.\n"
        "De buurvrouw kookt op zondag een warme maaltijd voor haar.\n"
        "Mevrouw woont alleen in een flat op de derde verdieping.\n"
        "Het onderhoud van de tuin doet haar kleinzoon.\n"
    )
    note = "Dochter boodschappen, zoon administratie, buurvrouw kookt zondag, kleinzoon tuin"
    (p,) = vergelijk([note], verslag).punten
    assert p.status == GEVONDEN
    # One fact nowhere: then the note is not found.
    (q,) = vergelijk([note + ", zus bankzaken"], verslag).punten
    assert q.status != GEVONDEN


def test_one_word_without_negation_is_not_flipped_by_a_niet_beside_it():
    passage = (
        "Volgens de orthopeed mag zij de eerste zes weken na de operatie niet bukken "
        "en geen zware voorwerpen optillen.\n"
    )
    (p,) = vergelijk(["Mag 6 wk niet bukken of zwaar tillen (orthopeed)"], passage).punten
    assert p.status == GEVONDEN


def test_claims_put_in_someones_mouth_and_units_are_no_support():
    notes = ["Dagbesteding 2x p/w, gaat graag", "Lotte wil terug naar school"]
    verslag = (
        "Meneer gaat twee keer per week naar de dagbesteding en gaat er graag heen.\n"
        "Volgens moeder gaat Jesse drie keer per week naar de judoclub.\n"
        "Tevens is naar voren gekomen dat de administratie al maanden blijft liggen.\n"
        "Op 3 maart 2025 is bij het Wmo-loket een melding binnengekomen.\n"
        "Beste mevrouw en meneer Hoekstra,\n"
        "Op grond van het onderzoek concludeert de consulent dat begeleiding nodig is.\n"
        "Mevrouw en haar zus zijn er verder op gewezen dat het fornuis gevaar geeft.\n"
        "U hoort hierover van mevrouw Brouwer.\n"
    )
    flagged = " | ".join(vergelijk(notes, verslag).niet_onderbouwd)
    assert "judoclub" in flagged  # "per week" of the dagbesteding note is no support
    assert "administratie" in flagged  # put in someone's mouth, in nobody's note
    assert "dagbesteding" not in flagged
    for procedural in ("melding binnengekomen", "Beste", "concludeert", "gewezen", "hoort"):
        assert procedural not in flagged


def test_the_niet_of_a_quote_is_how_it_was_said_not_a_fact_to_flip():
    verslag = (
        "Meneer heeft aangegeven dat hij de woning destijds zelf heeft gebouwd en er "
        "niet weg wil.\nHij heeft last van tremoren en loopt met kleine pasjes.\n"
    )
    kept, other = vergelijk(
        [
            'CITAAT: "Dit huis heb ik zelf gebouwd, hier ga ik niet weg"',
            'CITAAT: "Ik wil Tine niet tot last zijn"',  # "last" of the tremoren
        ],
        verslag,
    ).punten
    assert kept.status == GEVONDEN
    assert other.status == ONTBREEKT


def test_a_concept_is_found_inside_a_compound():
    verslag = "De schuldenlast wordt geschat op enkele duizenden euro's.\n"
    (p,) = vergelijk(["Schulden, geen overzicht meer"], verslag).punten
    assert p.status != ONTBREEKT and "schuldenlast" in p.passage


def test_a_douchestoel_is_no_beugel_and_bezien_weakens_a_promise():
    verslag = (
        "Via de uitleenservice krijgt het echtpaar een douchestoel in bruikleen.\n"
        "De consulent zal bezien of het wenselijk is om contact op te nemen met de "
        "woonstichting.\n"
    )
    stoel, belt = vergelijk(
        [
            "Beugels nodig",
            "TOEZEGGING: consulent belt corporatie over de huurachterstand",
        ],
        verslag,
    ).punten
    assert stoel.status == ONTBREEKT
    assert (belt.status, belt.reden) == (GEDEELTELIJK, "toezegging afgezwakt")


def test_no_sentence_ends_after_an_abbreviation_of_a_person():
    from ondersteuner.compare.engine import passages

    texts = [
        p.tekst
        for p in passages(
            "Risico op beëindiging zolang cl. geen adres heeft. Dhr. Jansen belt mw. De Vries op."
        )
    ]
    assert texts == [
        "Risico op beëindiging zolang cl. geen adres heeft.",
        "Dhr. Jansen belt mw. De Vries op.",
    ]


def test_suggested_words_for_the_gemeentes_own_list():
    from ondersteuner.compare import lees_synoniemen
    from ondersteuner.compare.voorstel import woordregel, woordvoorstel

    eigen, verslag = woordvoorstel(
        "TOEZEGGING: gem. regelt halszender, HH 2 uur p/w",
        "De consulent onderzoekt of een knop om de nek en hulp in de huishouding mogelijk zijn.",
    )
    # The note's words the passage does not use; the passage's words the note does
    # not use — without function words, numbers, people, or what both say (HH is
    # "hulp in de huishouding").
    assert eigen == ["regelt", "halszender"]
    assert verslag == ["onderzoekt", "knop", "nek", "mogelijk"]
    line = woordregel(["halszender"], ["knop", "nek"])
    assert line == "halszender: halszender, knop, nek"
    assert lees_synoniemen(line) == [("halszender", ["halszender", "knop", "nek"])]
    with pytest.raises(ValueError, match="aantekening"):
        woordregel([], ["knop"])
    with pytest.raises(ValueError, match="verslag"):
        woordregel(["halszender"], [])


def test_thousands_are_one_number_however_written():
    from ondersteuner.compare import tekst as tx

    assert tx.tokens("Schulden ±18k") == tx.tokens("schulden 18.000") == ("§schulden", "18000")
    assert [g.waarde for g in tx.numbers("±18k schuld, 5 km")] == [18000.0, 5.0]
    (p,) = vergelijk(["Schulden ±18k"], "De schulden bedragen € 18.000.\n").punten
    assert p.status == GEVONDEN


@pytest.mark.parametrize(
    "note, verslag, reden",
    [
        # The condition in the sentence after, referring back.
        (
            "TOEZEGGING: gem. vraagt regiotaxipas aan voor vervoer naar fysio",
            "De consulent zal voor mevrouw een pas voor de regiotaxi aanvragen, zodat zij "
            "naar de fysiotherapie kan reizen. Dit geldt alleen als de fysiotherapeut "
            "schriftelijk bevestigt dat de behandeling langer dan een half jaar duurt.",
            "voorwaarde toegevoegd",
        ),
        # The promise left open by the sentence after.
        (
            "TOEZEGGING: consulent meldt mw. aan voor dagbesteding ouderen buurthuis",
            "Dagbesteding voor ouderen in het buurthuis is ter sprake gekomen. Of dit "
            "passend is voor mevrouw wordt nog bekeken.",
            "toezegging afgezwakt",
        ),
        # Weakened in another clause of the same sentence.
        (
            "TOEZEGGING: gem. zet individuele begeleiding thuis in voor dhr.",
            "Een tijdelijke inzet van individuele begeleiding aan huis voor de heer "
            "Bosman, in afwachting van de dagbesteding, zal door de consulent in "
            "overweging worden genomen.",
            "toezegging afgezwakt",
        ),
        # One statement of the note said word for word, the rest not at all.
        (
            "Post kan ze niet lezen, rekeningen blijven liggen, al aanmaning energie gehad",
            "Mevrouw is slechtziend. Post kan mevrouw niet meer zelf lezen.",
            "maar deels",
        ),
    ],
)
def test_what_the_next_sentence_or_clause_does_to_a_note(note, verslag, reden):
    (p,) = vergelijk([note], verslag + "\n").punten
    assert (p.status, p.reden) == (GEDEELTELIJK, reden)


def test_a_verb_with_and_without_its_t_is_one_word():
    verslag = "U vindt het goed dat ik u aanmeld bij de budgetcoach van de gemeente.\n"
    (p,) = vergelijk(["TOEZEGGING: consulent meldt mw. aan bij budgetcoach"], verslag).punten
    assert p.status == GEVONDEN


def test_questions_procedure_and_qualifiers_are_no_claims():
    notes = ["AFSPRAAK: zus Ilse past op kids bij late diensten mw."]
    verslag = (
        "3 november 2025, bij mw. thuis\n"
        "Op dinsdag 27 mei heb ik bij u thuis met u gesproken.\n"
        "De heer Bakker, onafhankelijk cliëntondersteuner, was ook bij het gesprek.\n"
        "Hoe ziet uw gezin eruit?\n"
        "Wij hebben afgesproken dat uw zus Ilse op de kinderen past als u late dienst heeft. "
        "Dit geldt alleen zolang zij zelf geen avonddiensten draait.\n"
        "Voor een maatwerkvoorziening kan een eigen bijdrage verschuldigd zijn.\n"
        "Bij de beoordeling kijkt de gemeente ook naar wat u zelf kunt.\n"
        "U vertelde dat u elke zaterdag met uw moeder gaat zwemmen.\n"
    )
    flagged = vergelijk(notes, verslag).niet_onderbouwd
    assert flagged == ["U vertelde dat u elke zaterdag met uw moeder gaat zwemmen."]


def test_little_is_a_negation_and_nog_maar_is_only():
    verslag = "Mevrouw is 88 jaar. Zij ziet nog maar heel weinig door maculadegeneratie.\n"
    (p,) = vergelijk(["Maculadegeneratie, ziet bijna niets meer"], verslag).punten
    assert p.status == GEVONDEN
    (q,) = vergelijk(["Maculadegeneratie, ziet nog alles"], verslag).punten
    assert (q.status, q.reden) == (GEDEELTELIJK, "ontkenning omgedraaid")


def test_a_condition_the_note_itself_has_is_not_added():
    passage = (
        "De heer Bosman, die vroeger timmerman was, staat open voor dagbesteding, "
        "mits hij daar met zijn handen bezig kan zijn.\n"
    )
    own, none = vergelijk(
        [
            "Dhr. wil wel naar dagbesteding als hij iets met zijn handen kan doen",
            "Dhr. wil wel naar dagbesteding, oud-timmerman",
        ],
        passage,
    ).punten
    assert own.status == GEVONDEN
    assert (none.status, none.reden) == (GEDEELTELIJK, "voorwaarde toegevoegd")


@pytest.mark.parametrize(
    "note, verslag",
    [
        # A content sentence that starts with a date is no date line.
        (
            "Gevallen, heup gebroken",
            "12 januari 2025 is mevrouw gevallen en heeft zij haar heup gebroken.",
        ),
        # "hebben wij gesproken over" is content, not who spoke with whom.
        (
            "Dochter doet boodschappen",
            "Ook hebben wij gesproken over de boodschappen, die doet uw dochter.",
        ),
        # "kan alleen nog" is "can only", no condition.
        (
            "Loopt korte stukjes met rollator",
            "Mevrouw kan alleen nog korte stukjes lopen met haar rollator.",
        ),
        # A negation before "dat" belongs to what follows it.
        ("Kan niet meer zelf koken", "Mevrouw denkt niet dat zij nog zelf kan koken."),
    ],
)
def test_what_is_said_stays_found(note, verslag):
    (p,) = vergelijk([note], verslag + "\n").punten
    assert p.status == GEVONDEN, (p.status, p.reden)


def test_the_next_sentence_only_counts_when_it_qualifies_this_one():
    verslag = (
        "De consulent zal een traplift aanvragen. Het huis is misschien te klein voor "
        "een scootmobiel.\n"
        "De consulent zal de douchestoel aanvragen, terwijl de aanpassing van de "
        "badkamer nog wordt bekeken.\n"
    )
    traplift, stoel = vergelijk(
        ["TOEZEGGING: gem. vraagt traplift aan", "TOEZEGGING: gem. vraagt douchestoel aan"],
        verslag,
    ).punten
    assert traplift.status == GEVONDEN
    assert stoel.status == GEVONDEN


@pytest.mark.parametrize(
    "note, verslag",
    [
        # 'begeleiding' stems to 'beleid': not in 'beleidsregels'.
        ("Wil begeleiding bij administratie", "Volgens de beleidsregels is dat zo."),
        # No particle in the note: "komt" is not "inkomen".
        ("Dochter komt dagelijks", "Haar dochter heeft een laag inkomen."),
    ],
)
def test_no_match_by_accident_of_stems_or_particles(note, verslag):
    (p,) = vergelijk([note], verslag + "\n").punten
    assert p.status == ONTBREEKT


def test_a_capitalised_word_is_no_person():
    flagged = vergelijk(
        ["Dhr. wil naar dagbesteding"],
        "De Wmo kent algemene voorzieningen zoals het Rode Kruis en de Zonnebloem.\n",
    ).niet_onderbouwd
    assert flagged == []


def test_suggested_words_survive_ligatures_from_a_pdf():
    from ondersteuner.compare.voorstel import woordvoorstel

    _eigen, verslag = woordvoorstel(
        "HH 2 uur", "De ﬁnanciën zijn op orde; hulp in de huishouding is nodig."
    )
    assert "hulp" not in verslag and "huishouding" not in verslag


def test_a_passage_pointed_out_by_the_adviser_is_kept_with_the_verdict(vault):
    """A ✘ said in other words: the adviser selects the words in the verslag; the note
    is found with that passage (report and reactie quote it), until set back."""
    from ondersteuner.compare.engine import unwrapped
    from ondersteuner.ui.ops import gesprekken
    from ondersteuner.ui.ops import verslagen as ops
    from ondersteuner.validation import InvalidInput
    from tests.factories import make_client, make_melding

    other_words = "De vrouw van hiernaast haalt voortaan wat mevrouw uit de winkel nodig heeft."
    mid = make_melding(vault, make_client(vault, "Passage Testpersoon"))
    g = gesprekken.open_gesprek(vault, mid, dt.date(2026, 3, 12))
    gesprekken.save_gesprek(vault, g, {"zelf": "AFSPRAAK: buurvrouw neemt boodschappen mee"})
    vid = ops.bewaar_verslag(vault, mid, geplakt(VERSLAG.replace("\nMet", other_words + "\n\nMet")))
    first = ops.vergelijk_verslag(vault, vid)
    [ref], [punt] = first.notities, first.vergelijking.punten
    assert punt.status == ONTBREEKT  # the words differ too much for the comparison
    assert any(other_words in u for u in first.vergelijking.niet_onderbouwd)
    text = unwrapped(ops.get_verslag(vault, vid).tekst)
    start = text.index(other_words)
    ops.overrule(vault, vid, ref.id, GEVONDEN, (start, start + len(other_words)))
    [found] = ops.vergelijk_verslag(vault, vid).vergelijking.punten
    assert (found.status, found.passage) == (GEVONDEN, other_words)
    assert (found.start, found.eind) == (start, start + len(other_words))
    assert found.dichtbij is None and "aangewezen" in found.reden
    # Changing the verdict keeps the passage; "as computed" takes both away.
    ops.overrule(vault, vid, ref.id, GEDEELTELIJK)
    [partly] = ops.vergelijk_verslag(vault, vid).vergelijking.punten
    assert (partly.status, partly.passage) == (GEDEELTELIJK, other_words)
    assert ops.correctie_tekst(partly)[0] == other_words  # the reactie quotes it
    ops.overrule(vault, vid, ref.id, None)
    [back] = ops.vergelijk_verslag(vault, vid).vergelijking.punten
    assert back.status == ONTBREEKT and back.passage is None
    # A passage outside the verslag, or without a word, is refused in Dutch, and
    # nothing is stored; spaces and line ends around the words are left out.
    with pytest.raises(InvalidInput, match="buiten het verslag"):
        ops.overrule(vault, vid, ref.id, GEVONDEN, (len(text) - 2, len(text) + 40))
    blank = text.index("\n\n")
    with pytest.raises(InvalidInput, match="niet alleen spaties"):
        ops.overrule(vault, vid, ref.id, GEVONDEN, (blank, blank + 2))
    assert ops.vergelijk_verslag(vault, vid).overruled == {}
    ops.overrule(vault, vid, ref.id, GEVONDEN, (start - 1, start + len(other_words) + 1))
    [trimmed] = ops.vergelijk_verslag(vault, vid).vergelijking.punten
    assert (trimmed.start, trimmed.passage) == (start, other_words)
    # Tied to a note, the sentence is no longer a claim nobody made.
    assert not any(
        other_words in u for u in ops.vergelijk_verslag(vault, vid).vergelijking.niet_onderbouwd
    )
    # "Ontbreekt" chosen after all: no passage says it any more.
    ops.overrule(vault, vid, ref.id, ONTBREEKT)
    [gone] = ops.vergelijk_verslag(vault, vid).vergelijking.punten
    assert gone.status == ONTBREEKT and gone.passage is None


def test_a_windows_verslag_keeps_its_offsets(vault):
    """A .txt from Notepad has \r\n: the comparison's offsets and a passage pointed
    out both fit the text as the window shows it (one newline per line end)."""
    from ondersteuner.compare.engine import unwrapped
    from ondersteuner.compare.importeren import txt_tekst

    crlf = VERSLAG.replace("\n", "\r\n")
    assert "\r" not in txt_tekst(crlf.encode("utf-8"))
    shown = unwrapped(crlf)
    assert "\r" not in shown
    v = vergelijk(["Kan niet meer koken sinds val", "HH 3 uur p/w"], crlf)
    for p in v.punten:
        assert p.passage is not None and shown[p.start : p.eind].strip() == p.passage.strip()
    for place in v.niet_onderbouwd_plaats:
        assert shown[place.start : place.eind].strip() == place.tekst


@pytest.mark.parametrize(
    ("text", "per_week"),
    [
        ("komt 1x p/mnd", (0.23, 0.23)),
        ("komt ongeveer eens per twee weken", (0.5, 0.5)),
        ("twee tot drie avonden per week", (2.0, 3.0)),
        ("2-3 avonden p/w", (2.0, 3.0)),
        ("dagbesteding 3 dgn p/w", (3.0, 3.0)),
        ("logeeropvang 1 weekend p/mnd", (0.23, 0.23)),
        ("fysio 2x/wk", (2.0, 2.0)),
        ("zij belt wekelijks", (1.0, 1.0)),
        ("om de week", (0.5, 0.5)),
    ],
)
def test_how_often_is_read_per_week(text: str, per_week: tuple[float, float]):
    from ondersteuner.compare.tekst import frequenties

    [f] = frequenties(text)
    assert (round(f.laag, 2), round(f.hoog, 2), f.soort) == (*per_week, "keer")


def test_hours_per_period_and_no_rate_without_a_period():
    from ondersteuner.compare.tekst import frequenties

    assert [(round(f.laag, 2), f.soort) for f in frequenties("4 uur per maand")] == [(0.92, "uur")]
    assert frequenties("binnen 2 weken een besluit") == []
    assert frequenties("5 km per dag") == []


@pytest.mark.parametrize(
    ("note", "passage", "status"),
    [
        # "once" in both, but once a month is not once a fortnight.
        (
            "Kleinzoon Jesse komt 1x p/mnd, doet dan grote boodschappen",
            "Kleinzoon Jesse komt eens per twee weken langs en doet de grote boodschappen.",
            GEDEELTELIJK,
        ),
        # Two a month and once a fortnight: the same, though the counts differ.
        (
            "Zoon komt 2x p/mnd, doet de boodschappen",
            "Haar zoon komt eens per twee weken langs en doet de boodschappen.",
            GEVONDEN,
        ),
        # A range that holds the verslag's number.
        (
            "Dhr. loopt 's nachts door huis, 2-3x p/wk",
            "Meneer loopt drie keer per week 's nachts door het huis.",
            GEVONDEN,
        ),
        (
            "Oma haalt kids 3 middagen p/w uit school",
            "Oma haalt de kinderen twee middagen per week uit school.",
            GEDEELTELIJK,
        ),
    ],
)
def test_how_often_is_compared_as_a_rate(note: str, passage: str, status: str):
    [p] = vergelijk([note], passage).punten
    assert p.status == status, (p.status, p.reden)
    if status == GEDEELTELIJK:
        assert p.reden == "ander getal"
