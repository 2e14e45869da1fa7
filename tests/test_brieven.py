"""Letters in the dossier: fields filled from it (nothing guessed), the checks before
export, the archive and the procedure events that sending records, and the dialogs
through their real widgets."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from ondersteuner.letters.controles import BLOKKEERT, WAARSCHUWING, controleer
from ondersteuner.models import Gebeurtenis, GebeurtenisSoort, Gemeente, Melding
from ondersteuner.models.enums import BriefStatus
from ondersteuner.ui.ops import brieven as ops
from ondersteuner.ui.ops import gemeenten, gesprekken, verslagen
from ondersteuner.validation import InvalidInput
from ondersteuner.vault import Vault
from tests.factories import make_client, make_event, make_melding

S = GebeurtenisSoort
TODAY = dt.date.today()


def _melding_met_gemeente(vault: Vault, *, postadres: bool = True) -> int:
    gemeenten.ensure_gemeenten(vault)
    with vault.session() as s:
        g = s.scalars(select(Gemeente).where(Gemeente.naam == "Utrecht")).one()
        if postadres:
            g.post_adres, g.post_postcode, g.post_plaats = "Postbus 1 (test)", "9999 ZZ", "Utrecht"
        s.commit()
        gid = g.id
    cid = make_client(vault, "Fictieve Test-Verzonnen", gemeente_id=gid, telefoon="06 0000000")
    return make_melding(
        vault, cid, datum=TODAY - dt.timedelta(days=80), gemeente_id=gid, kenmerk="WMO-T-1"
    )


def _events(vault: Vault, mid: int) -> list[Gebeurtenis]:
    with vault.session() as s:
        return list(s.scalars(select(Gebeurtenis).where(Gebeurtenis.melding_id == mid)))


# ---------------------------------------------------------------- from the dossier
def test_fields_come_from_the_dossier_and_nothing_is_guessed(vault: Vault):
    mid = _melding_met_gemeente(vault, postadres=False)
    besch = TODAY - dt.timedelta(days=20)
    make_event(vault, mid, S.BESCHIKKING, besch, kenmerk="B-77", omschrijving="2 uur HH")
    g = ops.gegevens_uit_dossier(vault, mid, "bezwaarschrift", adviseur={"naam": "Jet Test"})
    assert g["client_naam"] == "Fictieve Test-Verzonnen"
    assert g["client_adres"] == "Dorpsstraat 1"
    assert g["client_postcode_plaats"] == "1234 AB Ergenshuizen"
    assert g["gemeente_naam"] == "Utrecht"
    assert g["kenmerk"] == "WMO-T-1"
    assert g["beschikking_datum"] == besch
    assert g["beschikking_kenmerk"] == "B-77"
    assert g["beschikking_omschrijving"] == "2 uur HH"
    assert g["adviseur_naam"] == "Jet Test"
    assert g["horen"] is True
    # Unknown in the dossier: left out, never made up.
    assert "gemeente_adres" not in g and "gronden" not in g and "adviseur_telefoon" not in g
    # Only fields of this kind.
    assert "gedraging" not in g and "punten" not in g


def test_reactie_gets_the_queued_points_and_the_plan_the_preparation(vault: Vault):
    mid = _melding_met_gemeente(vault)
    gesprek = gesprekken.open_gesprek(vault, mid)
    gesprekken.save_gesprek(vault, gesprek, {"zelf": "HH 3 uur p/w"})
    from ondersteuner.compare.importeren import geplakt

    vid = verslagen.bewaar_verslag(
        vault, mid, geplakt("Er is 2 uur hulp per week besproken."), dagtekening=TODAY
    )
    verslagen.opnemen_in_reactie(vault, mid, vid, None, "2 uur per week", "Het was 3 uur.")
    g = ops.gegevens_uit_dossier(vault, mid, "reactie_verslag")
    assert g["punten"] == [{"citaat": "2 uur per week", "correctie": "Het was 3 uur."}]
    assert g["verslag_datum"] == TODAY
    assert g["gesprek_datum"] == TODAY

    gesprekken.save_voorbereiding(
        vault,
        gesprekken.VoorbereidingData(
            mid, {"waar_loop_ik_tegenaan": "Trap lukt niet", "waarvoor_ondersteuning": "Traplift"}
        ),
    )
    plan = ops.gegevens_uit_dossier(vault, mid, "persoonlijk_plan")
    assert plan["situatie"] == "Trap lukt niet"
    assert plan["ondersteuning"] == "Traplift"


def test_ingebrekestelling_gets_the_last_day_of_the_term(vault: Vault):
    mid = _melding_met_gemeente(vault)
    make_event(vault, mid, S.AANVRAAG, TODAY - dt.timedelta(days=30))
    g = ops.gegevens_uit_dossier(vault, mid, "ingebrekestelling")
    assert g["aanvraag_datum"] == TODAY - dt.timedelta(days=30)
    # Wmo 2.3.5: two weeks after the aanvraag, moved past a weekend (Atw art. 1).
    from ondersteuner.termijnen.rekenen import einddatum

    expected = einddatum(TODAY - dt.timedelta(days=30), weken=2)
    assert g["beslistermijn_einde"] == expected
    assert expected >= TODAY - dt.timedelta(days=16) and expected.weekday() < 5


# ----------------------------------------------------------------------- checks
def _basis(**extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "client_naam": "A. Test",
        "client_adres": "Laan 1",
        "client_postcode_plaats": "1234 AB Plaats",
        "gemeente_naam": "Utrecht",
        "gemeente_adres": "Postbus 1",
        "gemeente_postcode_plaats": "9999 ZZ Utrecht",
        "plaats": "Plaats",
        "datum": TODAY,
        "wet": "Wmo 2015",
    }
    data.update(extra)
    return data


def test_late_bezwaar_warns_and_explains_verschoonbaarheid():
    on_time = _basis(
        beschikking_datum=TODAY - dt.timedelta(days=20),
        beschikking_omschrijving="x",
        gronden="y",
    )
    assert controleer("bezwaarschrift", on_time) == []
    late = {**on_time, "beschikking_datum": TODAY - dt.timedelta(days=60)}
    [c] = controleer("bezwaarschrift", late)
    assert c.ernst == WAARSCHUWING and "6:11" in c.tekst and "verschoonbare" in c.tekst


def test_ingebrekestelling_too_early_blocks():
    data = _basis(aanvraag_datum=TODAY, aanvraag_omschrijving="traplift", beslistermijn_einde=TODAY)
    [c] = controleer("ingebrekestelling", data)
    assert c.ernst == BLOKKEERT and "4:17" in c.tekst
    data["beslistermijn_einde"] = TODAY - dt.timedelta(days=1)
    assert controleer("ingebrekestelling", data) == []


def test_a_number_of_weeks_must_be_a_number():
    data = _basis(beschikking_datum=TODAY, beschikking_omschrijving="x", termijn_weken="3 weken")
    [c] = controleer("bezwaarschrift_pro_forma", data)
    assert c.ernst == BLOKKEERT and c.veld == "termijn_weken"
    assert controleer("bezwaarschrift_pro_forma", {**data, "termijn_weken": "3"}) == []


def test_letter_to_gemeente_without_postal_address_asks_for_it():
    data = _basis(gedraging="x", gedraging_datum=TODAY)
    del data["gemeente_adres"]
    checks = controleer("klacht", data)
    assert [c.veld for c in checks] == ["gemeente_adres"]
    assert checks[0].ernst == BLOKKEERT and "postadres" in checks[0].tekst
    # The machtiging is not sent to the gemeente: no address needed.
    m = {k: v for k, v in _basis(adviseur_naam="J").items() if not k.startswith("gemeente_")}
    assert controleer("machtiging", {**m, "gemeente_naam": "Utrecht"}) == []


# ---------------------------------------------------------------------- archive
def test_sending_records_the_procedure_event_and_its_deadlines_start(vault: Vault):
    mid = _melding_met_gemeente(vault)
    make_event(vault, mid, S.BESCHIKKING, TODAY - dt.timedelta(days=20))
    bid = ops.bewaar_brief(vault, mid, "bezwaarschrift", {"gronden": "x"}, b"docx", "b.docx")
    [row] = ops.list_brieven(vault, mid)
    assert (row.id, row.status, row.titel) == (bid, BriefStatus.CONCEPT, "Bezwaarschrift")
    assert ops.gegevens_van_brief(vault, bid) == {"gronden": "x"}

    with pytest.raises(InvalidInput):
        ops.markeer_verzonden(vault, bid, TODAY + dt.timedelta(days=1))
    with pytest.raises(InvalidInput):
        ops.markeer_bevestigd(vault, bid, TODAY)  # not sent yet

    sent = TODAY - dt.timedelta(days=2)
    ops.markeer_verzonden(vault, bid, sent)
    bezwaar = [e for e in _events(vault, mid) if e.soort is S.BEZWAAR]
    assert [(e.datum, e.verzonden_op) for e in bezwaar] == [(sent, sent)]
    from ondersteuner.ui.ops.termijnen import melding_termijnen

    assert melding_termijnen(vault, mid).get("beslissing_op_bezwaar") is not None

    ops.markeer_bevestigd(vault, bid, TODAY)
    [row] = ops.list_brieven(vault, mid)
    assert row.status is BriefStatus.BEVESTIGD and row.ontvangstbevestiging_op == TODAY
    assert [e.ontvangen_op for e in _events(vault, mid) if e.soort is S.BEZWAAR] == [TODAY]


def test_pro_forma_hersteltermijn_is_tracked(vault: Vault):
    mid = _melding_met_gemeente(vault)
    gewoon = ops.bewaar_brief(vault, mid, "klacht", {}, b"docx", "k.docx")
    with pytest.raises(InvalidInput):
        ops.zet_hersteltermijn(vault, gewoon, TODAY)
    make_event(vault, mid, S.BESCHIKKING, TODAY - dt.timedelta(days=30))
    bid = ops.bewaar_brief(vault, mid, "bezwaarschrift_pro_forma", {}, b"docx", "p.docx")
    with pytest.raises(InvalidInput):  # not sent yet
        ops.zet_hersteltermijn(vault, bid, TODAY + dt.timedelta(days=28))
    ops.markeer_verzonden(vault, bid, TODAY - dt.timedelta(days=10))
    brief_van = TODAY - dt.timedelta(days=5)
    ops.zet_hersteltermijn(vault, bid, TODAY + dt.timedelta(days=14), brief_van)
    tot = TODAY + dt.timedelta(days=28)
    ops.zet_hersteltermijn(vault, bid, tot, brief_van)  # corrected, not added
    [herstel] = [e for e in _events(vault, mid) if e.soort is S.HERSTELTERMIJN]
    assert (herstel.datum, herstel.tot_datum) == (brief_van, tot)
    assert [b.hersteltermijn_tot for b in ops.list_brieven(vault, mid) if b.id == bid] == [tot]
    # The app reminds the adviser to send the grounds by then, until they are sent.
    from ondersteuner.termijnen.melding import TermijnStatus
    from ondersteuner.ui.ops.termijnen import melding_termijnen

    overzicht = melding_termijnen(vault, mid)
    gronden = overzicht.get("gronden_bezwaar")
    assert gronden is not None and gronden.datum == tot
    assert gronden.status is TermijnStatus.OPEN and "gronden" in gronden.actie
    still = overzicht.get("beslissing_op_bezwaar")
    volledig = ops.bewaar_brief(vault, mid, "bezwaarschrift", {}, b"docx", "b.docx")
    ops.markeer_verzonden(vault, volledig, TODAY)
    overzicht = melding_termijnen(vault, mid)
    gronden = overzicht.get("gronden_bezwaar")
    assert gronden.status is TermijnStatus.GEHAALD and gronden.gehaald_op == TODAY
    assert "Gronden van het bezwaar" in [e.omschrijving for e in _events(vault, mid)][-1]
    # The bezwaar stood still from the gemeente's letter until the grounds came
    # (7:10 lid 2), not until the end of the term it gave.
    after = overzicht.get("beslissing_op_bezwaar")
    assert 26 <= (still.datum - after.datum).days <= 30  # 28 days less, give or take Atw
    assert any("7:10 lid 2" in regel for regel in after.uitleg)


def test_sending_again_corrects_the_same_step_and_receipt_starts_the_term(vault: Vault):
    mid = _melding_met_gemeente(vault)
    leeg_concept = ops.bewaar_brief(vault, mid, "aanvraag_maatwerkvoorziening", {}, b"", "a")
    with pytest.raises(InvalidInput, match="nog niet af"):
        ops.markeer_verzonden(vault, leeg_concept, TODAY)
    bid = ops.bewaar_brief(vault, mid, "aanvraag_maatwerkvoorziening", {}, b"docx", "a.docx")
    ops.markeer_verzonden(vault, bid, TODAY - dt.timedelta(days=9))
    ops.markeer_verzonden(vault, bid, TODAY - dt.timedelta(days=8))  # date corrected
    [aanvraag] = [e for e in _events(vault, mid) if e.soort is S.AANVRAAG]
    assert aanvraag.datum == TODAY - dt.timedelta(days=8)
    # The gemeente received it later: the beslistermijn runs from receipt (2.3.5).
    ops.markeer_bevestigd(vault, bid, TODAY - dt.timedelta(days=6))
    [aanvraag] = [e for e in _events(vault, mid) if e.soort is S.AANVRAAG]
    assert aanvraag.datum == aanvraag.ontvangen_op == TODAY - dt.timedelta(days=6)
    assert aanvraag.verzonden_op == TODAY - dt.timedelta(days=8)
    # A sent letter is final.
    with pytest.raises(InvalidInput, match="al verzonden"):
        ops.bewaar_brief(vault, mid, "aanvraag_maatwerkvoorziening", {}, b"x", "a", bid)
    assert ops.stap_van_brief(vault, bid).startswith("Aanvraag ingediend")


def test_klacht_with_adviescommissie_gets_ten_weeks(vault: Vault):
    mid = _melding_met_gemeente(vault)
    bid = ops.bewaar_brief(vault, mid, "klacht", {"adviescommissie": True}, b"docx", "k.docx")
    ops.markeer_verzonden(vault, bid, TODAY)
    [klacht] = [e for e in _events(vault, mid) if e.soort is S.KLACHT]
    assert klacht.met_adviescommissie
    from ondersteuner.ui.ops.termijnen import melding_termijnen

    termijn = melding_termijnen(vault, mid).get("klacht")
    assert termijn is not None and termijn.datum >= TODAY + dt.timedelta(weeks=10)


def test_ingebrekestelling_about_a_bezwaar_names_the_bezwaar_date():
    from ondersteuner import letters

    data = _basis(
        aanvraag_datum=TODAY - dt.timedelta(days=200),
        aanvraag_omschrijving="een traplift",
        beslistermijn_einde=TODAY - dt.timedelta(days=3),
        beslissing_op_bezwaar=True,
    )
    with pytest.raises(letters.OntbrekendeVelden) as e:
        letters.maak_docx("ingebrekestelling", data)
    assert [v.naam for v in e.value.velden] == ["bezwaar_datum"]
    bezwaar = TODAY - dt.timedelta(days=90)
    text = letters.tekst("ingebrekestelling", {**data, "bezwaar_datum": bezwaar})
    from ondersteuner.documenten.gesprek import datum_lang

    assert f"Op {datum_lang(bezwaar)} heb ik bezwaar gemaakt" in text


def test_postal_address_typed_in_a_letter_is_kept_with_the_gemeente(vault: Vault):
    mid = _melding_met_gemeente(vault, postadres=False)
    ops.bewaar_gemeente_postadres(vault, mid, "Postbus 16200", "3500 CE Utrecht")
    with vault.session() as s:
        g = s.get_one(Melding, mid).gemeente
        assert (g.post_adres, g.post_postcode, g.post_plaats) == (
            "Postbus 16200",
            "3500 CE",
            "Utrecht",
        )
    ops.bewaar_gemeente_postadres(vault, mid, "Ander adres", "1111 AA Elders")  # kept as is
    assert ops.gegevens_uit_dossier(vault, mid, "klacht")["gemeente_adres"] == "Postbus 16200"


def test_deleting_a_letter(vault: Vault):
    mid = _melding_met_gemeente(vault)
    bid = ops.bewaar_brief(vault, mid, "klacht", {}, b"", "k.docx")
    ops.delete_brief(vault, bid)
    assert ops.list_brieven(vault, mid) == []


# ------------------------------------------------------------------------ dialogs
@pytest.mark.gui
def test_new_bezwaar_from_the_dossier_to_a_word_file(qtbot, vault, data_dir, tmp_path, monkeypatch):
    from ondersteuner.settings import Settings
    from ondersteuner.ui.brief import BriefDialog, BrievenDialog, KiesSoortDialog
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner
    from tests.uihelpers import focusable_without_name, with_modal

    mid = _melding_met_gemeente(vault, postadres=False)
    make_event(vault, mid, S.BESCHIKKING, TODAY - dt.timedelta(days=10), kenmerk="B-9")
    ctx = AppContext(vault, Settings.in_dir(data_dir), data_dir, ChangeBus(), Runner())
    archive = BrievenDialog(None, ctx, mid)
    qtbot.addWidget(archive)
    out = tmp_path / "bezwaar.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seen: dict[str, object] = {}

    def choose(d: KiesSoortDialog) -> None:
        d.soort.set_value("bezwaarschrift")
        d.accept()

    def write(d: BriefDialog) -> None:
        assert focusable_without_name(d) == []
        d.refresh()
        # Filled from the dossier; the preview shows it, a required gap is marked.
        assert d.fields["beschikking_kenmerk"].text() == "B-9"
        assert "Fictieve Test-Verzonnen" in d.preview.toPlainText()
        assert "[Gronden" in d.preview.toPlainText()
        assert not d.export_btn.isEnabled()
        assert "postadres" in d.checks.text()
        d.fields["gemeente_adres"].setText("Postbus 16200")
        d.fields["gemeente_postcode_plaats"].setText("3500 CE Utrecht")
        d.fields["beschikking_omschrijving"].setPlainText("Afwijzing traplift.")
        # A common ground inserted: its [VUL IN] places block the export until filled.
        d.grond.setCurrentIndex(1)  # the beschikking differs from the verslag
        d.insert_ground()
        d.refresh()
        assert "3:46" in d.fields["gronden"].toPlainText()
        assert not d.export_btn.isEnabled() and "[VUL IN" in d.checks.text()
        d.fields["gronden"].setPlainText("Mijn trap is niet veilig.")
        d.refresh()
        assert d.export_btn.isEnabled(), d.checks.text()
        seen["path"] = d.export_docx()
        d.reject()

    with_modal(KiesSoortDialog, choose)
    with_modal(BriefDialog, write, closes=False)
    archive.new_letter()
    assert seen["path"] == out
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Mijn trap is niet veilig." in text and "B-9" in text
    # Archived in the vault, and the gemeente now has its postal address.
    [row] = ops.list_brieven(vault, mid)
    _naam, inhoud = ops.brief_bestand(vault, row.id)
    assert "Mijn trap" in "\n".join(p.text for p in docx.Document(io.BytesIO(inhoud)).paragraphs)
    assert ops.gegevens_uit_dossier(vault, mid, "klacht")["gemeente_adres"] == "Postbus 16200"
    assert archive.table.rowCount() == 1


@pytest.mark.gui
def test_open_letter_is_kept_as_concept_on_lock(qtbot, vault, data_dir):
    from ondersteuner.settings import Settings
    from ondersteuner.ui.brief import BriefDialog
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner

    mid = _melding_met_gemeente(vault)
    ctx = AppContext(vault, Settings.in_dir(data_dir), data_dir, ChangeBus(), Runner())
    d = BriefDialog(None, ctx, mid, "klacht")
    qtbot.addWidget(d)
    d.fields["gedraging"].setPlainText("De consulent luisterde niet.")
    d.save_before_lock()
    [row] = ops.list_brieven(vault, mid)
    assert row.status is BriefStatus.CONCEPT
    assert ops.gegevens_van_brief(vault, row.id)["gedraging"] == "De consulent luisterde niet."


@pytest.mark.gui
def test_print_the_letter(qtbot, vault, data_dir, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from ondersteuner.settings import Settings
    from ondersteuner.ui.brief import BriefDialog
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner

    mid = _melding_met_gemeente(vault)
    ctx = AppContext(vault, Settings.in_dir(data_dir), data_dir, ChangeBus(), Runner())
    d = BriefDialog(None, ctx, mid, "machtiging")
    qtbot.addWidget(d)
    d.fields["adviseur_naam"].setText("Jet Test")
    d.refresh()
    assert d.print_btn.isEnabled()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "machtiging.pdf"
    printer.setOutputFileName(str(out))
    assert d.print_letter(printer)
    import pypdf

    pages = pypdf.PdfReader(str(out)).pages
    text = " ".join("".join(p.extract_text() for p in pages).split())  # tabs between words
    assert "Fictieve Test-Verzonnen" in text and "Jet Test" in text


@pytest.mark.gui
def test_sent_letter_is_final_and_changes_go_into_a_copy(qtbot, vault, data_dir):
    from ondersteuner.settings import Settings
    from ondersteuner.ui.brief import BriefDialog
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner

    mid = _melding_met_gemeente(vault)
    make_event(vault, mid, S.BESCHIKKING, TODAY - dt.timedelta(days=10))
    assert ops.voorgestelde_soort(vault, mid) == "bezwaarschrift"  # the bezwaartermijn runs
    ctx = AppContext(vault, Settings.in_dir(data_dir), data_dir, ChangeBus(), Runner())
    d = BriefDialog(None, ctx, mid, "klacht")
    qtbot.addWidget(d)
    # Opened and left alone: nothing stored on lock.
    d.save_before_lock()
    assert ops.list_brieven(vault, mid) == []

    d = BriefDialog(None, ctx, mid, "klacht")
    qtbot.addWidget(d)
    assert d.focusWidget() is d.fields["gedraging_datum"]  # the first required gap
    d.fields["gedraging_datum"].setText("31-02-2026")  # no such day
    d.fields["gedraging"].setPlainText("Ik werd niet gehoord.")
    assert not d.save_concept() and "niet te lezen" in d.error.text()
    d.fields["gedraging_datum"].setText("01-10-2026")
    assert d.save_concept()
    [row] = ops.list_brieven(vault, mid)
    ops.markeer_verzonden(vault, row.id, TODAY)

    data = ops.gegevens_van_brief(vault, row.id)
    sent = BriefDialog(
        None, ctx, mid, "klacht", brief_id=row.id, gegevens=data, status=BriefStatus.VERZONDEN
    )
    qtbot.addWidget(sent)
    assert sent.fields["gedraging"].isReadOnly() and not sent.save_btn.isEnabled()
    assert "verzonden" in sent.checks.text()
    sent.copy_as_concept()
    sent.fields["gedraging"].setPlainText("Ik werd niet gehoord en niet teruggebeld.")
    assert sent.save_concept()
    rows = ops.list_brieven(vault, mid)
    assert [r.status for r in rows] == [BriefStatus.CONCEPT, BriefStatus.VERZONDEN]
    assert ops.gegevens_van_brief(vault, row.id)["gedraging"] == "Ik werd niet gehoord."


def test_own_template_may_not_drop_what_the_law_requires(tmp_path):
    from ondersteuner import letters

    letters.kopieer_sjabloon("bezwaarschrift", tmp_path)
    eigen = tmp_path / "bezwaarschrift.txt"
    eigen.write_text(eigen.read_text("utf-8").replace("{{gronden}}", ""), "utf-8")
    letters.gebruik_sjabloonmap(tmp_path)
    try:
        with pytest.raises(letters.SjabloonFout, match="Gronden"):
            letters.tekst("bezwaarschrift", {})
    finally:
        letters.gebruik_sjabloonmap(None)


def test_bezwaar_grounds_quote_the_verslag_for_each_point(vault: Vault):
    """A point about a sentence nobody said reads as a ground with the sentence in it;
    a missing note (no quote) stays as it is."""
    from ondersteuner.ui.ops import verslagen

    mid = _melding_met_gemeente(vault)
    make_event(vault, mid, S.BESCHIKKING, TODAY - dt.timedelta(days=20))
    citaat, correctie = verslagen.claim_tekst("Mevrouw   kan zelf\n koken.")
    verslagen.opnemen_in_reactie(vault, mid, None, None, citaat, correctie)
    verslagen.opnemen_in_reactie(vault, mid, None, None, "", "Volgens onze aantekeningen: x.")
    g = ops.gegevens_uit_dossier(vault, mid, "bezwaarschrift")
    lines = g["gronden"].splitlines()
    assert lines[1].startswith("- In het verslag staat: “Mevrouw kan zelf koken.” Dit heb ik")
    assert lines[2] == "- Volgens onze aantekeningen: x."
