"""The verslag through the real widgets: import (file and pasted, BSN offer, bad file),
the side-by-side window (keyboard navigation, overrule, opnemen in reactie, report)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from ondersteuner.compare import GEVONDEN, ONTBREEKT
from ondersteuner.ui.main_window import MainWindow
from ondersteuner.ui.ops import gesprekken
from ondersteuner.ui.ops import verslagen as ops
from ondersteuner.ui.verslag import ImportDialog, VergelijkWindow
from ondersteuner.vault import Vault
from tests.factories import make_client, make_melding
from tests.test_vergelijk import VERSLAG
from tests.uihelpers import (
    close_main_window,
    focusable_without_name,
    main_window,
    press,
    with_modal,
)

pytestmark = pytest.mark.gui

NOTES = (
    "Kan niet meer koken sinds val\n"
    "HH 3 uur p/w besproken\n"
    "AFSPRAAK: buurvrouw neemt boodschappen mee\n"
    "Dochter komt 2x p/w, doet de was"
)


@pytest.fixture
def win(qtbot, vault: Vault, data_dir: Path):
    window = main_window(qtbot, vault, data_dir)
    cid = make_client(vault, "Verslag Schermproef")
    window.mid = make_melding(vault, cid, datum=dt.date.today() - dt.timedelta(days=30))
    g = gesprekken.open_gesprek(vault, window.mid)
    gesprekken.save_gesprek(vault, g, {"zelf": NOTES})
    window.reload_clients()
    window.select_client(cid)
    window._load_pending_client()
    yield window
    close_main_window(window)


def test_import_pasted_with_bsn_then_compare_by_keyboard(qtbot, win: MainWindow, vault, tmp_path):
    def paste(d: ImportDialog) -> None:
        assert focusable_without_name(d) == []
        d.fields["tekst"].setPlainText(VERSLAG + "\nBurgerservicenummer 111.222.333")
        assert "burgerservicenummer" in d.bsn_note.text()
        d.fields["dagtekening"].setText("20-03-2026")
        d.accept()

    with_modal(ImportDialog, paste)
    press(qtbot, win, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    [stored] = ops.list_verslagen(vault, win.mid)
    assert stored.bsn_verwijderd and "111.222.333" not in stored.tekst
    w = win.vergelijk_window
    assert isinstance(w, VergelijkWindow)
    assert focusable_without_name(w) == []
    statuses = [p.status for p in w.result.vergelijking.punten]
    assert statuses.count(GEVONDEN) == 2 and ONTBREEKT in statuses

    # F8 walks the differences; the verslag shows the passage of the current note.
    w.notes.setCurrentRow(0)
    press(qtbot, w, Qt.Key.Key_F8)
    first = w.current()
    assert first.status != GEVONDEN and w.notes.currentRow() == 1
    assert "2 uur per week" in w.detail.text()
    assert w.text.textCursor().position() == first.start
    press(qtbot, w, Qt.Key.Key_F8)
    missing = w.current()
    assert missing.status == ONTBREEKT
    # Where the topic came closest is offered (grey), to check in a glance.
    assert missing.dichtbij is not None and "boodschappen" in missing.dichtbij.tekst
    assert "dichtst bij" in w.detail.text() and "boodschappen" in w.detail.text()
    assert w.text.textCursor().position() == missing.dichtbij.start
    press(qtbot, w, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert w.notes.currentRow() == 1 and "Weer bij" not in w.detail.text()
    # Back from the first difference goes round to the last, and says so.
    press(qtbot, w, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert w.notes.currentRow() > 1 and "Weer bij het laatste verschil" in w.detail.text()
    w.notes.setCurrentRow(1)
    # The legend uses symbols and words, not colour alone.
    assert w.notes.item(1).text().startswith("≈") and "✘" in w.notes.item(2).text()

    # Opnemen in reactie (Ctrl+R) queues the point with the quote.
    from PySide6.QtWidgets import QMessageBox

    press(qtbot, w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    [punt] = ops.reactiepunten(vault, win.mid)
    assert "2 uur per week" in punt.citaat
    assert "Hulp bij het huishouden 3 uur per week" in punt.correctie  # no shorthand
    assert w.reactie.count() == 1 and w.reactie.currentRow() == 0  # selected
    assert "Opgenomen in de reactie" in w.detail.text()
    assert "in reactie" in w.notes.currentItem().text()
    press(qtbot, w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # again: said so
    assert "stond al in de reactie" in w.detail.text() and w.reactie.count() == 1
    # Found after all: the queued point no longer fits, and the window offers to remove
    # it; kept, it is flagged in the list.
    row = w.notes.currentRow()
    w.status_choice.set_value(GEVONDEN)
    with_modal(
        QMessageBox, lambda b: next(x for x in b.buttons() if x.text() == "Annuleren").click()
    )
    w.overrule()
    assert len(ops.reactiepunten(vault, win.mid)) == 1
    assert "klopt dit punt nog" in w.reactie.item(0).text()
    w.notes.setCurrentRow(row)
    w.status_choice.set_value(None)
    w.overrule()
    w.notes.setCurrentRow(row)
    assert "klopt dit punt nog" not in w.reactie.item(0).text()
    # Delete in the list takes a point out again, after a question.
    w.side.setCurrentWidget(w.reactie)
    w.reactie.setCurrentRow(0)
    w.reactie.setFocus()
    with_modal(
        QMessageBox, lambda b: next(x for x in b.buttons() if x.text() == "Weghalen").click()
    )
    press(qtbot, w, Qt.Key.Key_Delete)
    assert ops.reactiepunten(vault, win.mid) == [] and w.reactie.count() == 0
    assert "in reactie" not in w.notes.item(row).text()  # the note's mark goes too
    # Queued again, then found after all and taken out of the reactie on the question.
    w.notes.setCurrentRow(row)
    press(qtbot, w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert len(ops.reactiepunten(vault, win.mid)) == 1
    w.notes.setCurrentRow(row)
    w.status_choice.set_value(GEVONDEN)
    with_modal(
        QMessageBox, lambda b: next(x for x in b.buttons() if x.text() == "Weghalen").click()
    )
    w.overrule()
    assert ops.reactiepunten(vault, win.mid) == []
    w.notes.setCurrentRow(row)
    w.status_choice.set_value(None)
    w.overrule()

    # Overrule: "it was discussed after all" is saved and survives a reopen.
    w.notes.setCurrentRow(2)
    w.status_choice.set_value(GEVONDEN)
    w.overrule()
    assert w.result.vergelijking.punten[2].status == GEVONDEN
    win.compare_verslag()
    assert win.vergelijk_window.result.vergelijking.punten[2].status == GEVONDEN

    # The unsupported claim and the checklist are shown.
    v = win.vergelijk_window
    assert any("zoon" in v.unsupported.item(i).text() for i in range(v.unsupported.count()))
    assert v.checklist.count() == 8

    # The report.
    target = tmp_path / "rapport"
    from pytest import MonkeyPatch

    with MonkeyPatch.context() as mp:
        mp.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        v.export()
    from docx import Document

    doc = Document(str(tmp_path / "rapport.docx"))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "HH 3 uur p/w besproken" in cells
    assert any("zoon dagelijks" in p.text for p in doc.paragraphs)


def test_import_file_and_bad_file(qtbot, win: MainWindow, vault, tmp_path, monkeypatch):
    good = tmp_path / "verslag.txt"
    good.write_text(VERSLAG, encoding="utf-8")
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4 rommel")
    picks = iter([str(bad), str(good)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (next(picks), ""))
    seen = {}

    def choose(d: ImportDialog) -> None:
        d.choose_file()
        seen["error"] = d.error.text()
        d.choose_file()
        seen["label"] = d.file_label.text()
        d.accept()

    with_modal(ImportDialog, choose)
    win.acts["import_verslag"].action.trigger()
    assert "beschadigd" in seen["error"] and seen["label"] == "verslag.txt"
    [stored] = ops.list_verslagen(vault, win.mid)
    name, original = ops.origineel(vault, stored.id)
    assert name == "verslag.txt" and original == good.read_bytes()  # kept inside the vault


def test_original_pdf_is_shown_as_pages(qtbot, win: MainWindow, vault, tmp_path, monkeypatch):
    from tests.test_vergelijk import _pdf

    pdf = tmp_path / "verslag.pdf"
    pdf.write_bytes(_pdf("Mevrouw kan niet meer zelf koken."))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pdf), ""))

    def choose(d: ImportDialog) -> None:
        d.choose_file()
        d.accept()

    with_modal(ImportDialog, choose)
    win.acts["import_verslag"].action.trigger()
    w = win.vergelijk_window
    assert w.pages is not None and w.pages.widget() is None  # drawn only when asked
    w.side.setCurrentWidget(w.pages)
    [page] = w.pages.widget().findChildren(QLabel)
    assert page.accessibleName() == "Pagina 1" and not page.pixmap().isNull()
    assert page.pixmap().width() > 500


def test_a_wrong_verslag_can_be_removed(qtbot, win: MainWindow, vault):
    from PySide6.QtWidgets import QMessageBox

    from ondersteuner.compare.importeren import geplakt

    ops.bewaar_verslag(vault, win.mid, geplakt(VERSLAG))
    win.compare_verslag()
    w = win.vergelijk_window
    w.notes.setCurrentRow(2)
    w.opnemen()
    with_modal(
        QMessageBox, lambda b: next(x for x in b.buttons() if x.text() == "Verwijderen").click()
    )
    w.delete_verslag()
    assert ops.list_verslagen(vault, win.mid) == [] and not w.isVisible()
    assert len(ops.reactiepunten(vault, win.mid)) == 1  # the queued point stays


def test_own_words_of_the_gemeente_turn_a_missing_note_into_found(qtbot, win: MainWindow, vault):
    """The adviser teaches the comparison how this gemeente writes it; kept with the
    gemeente in the vault, used for its verslagen only."""
    from dataclasses import replace

    from PySide6.QtWidgets import QMessageBox

    from ondersteuner.compare.importeren import geplakt
    from ondersteuner.ui.ops import gemeenten, meldingen
    from ondersteuner.ui.verslag import WoordenDialog
    from ondersteuner.validation import InvalidInput

    verslag = VERSLAG.replace(
        "Met vriendelijke groet",
        "Meneer krijgt een knop om zijn nek waarmee hij 's nachts alarm kan slaan.\n\n"
        "Met vriendelijke groet",
    )
    ops.bewaar_verslag(vault, win.mid, geplakt(verslag))
    g = gesprekken.open_gesprek(vault, win.mid)
    gesprekken.save_gesprek(
        vault, g, {"zelf": NOTES + "\nWENS: halszender met valdetectie voor 's nachts"}
    )

    # Without a gemeente on the melding the button says what to do first.
    win.compare_verslag()
    w = win.vergelijk_window
    with_modal(QMessageBox, lambda b: b.accept())
    w.woorden()

    gid = next(x.id for x in gemeenten.list_gemeenten(vault) if x.naam == "Utrecht")
    m = meldingen.get_melding(vault, win.mid)
    meldingen.save_melding(vault, replace(m, gemeente_id=gid))
    win.compare_verslag()
    w = win.vergelijk_window
    row = len(w.result.vergelijking.punten) - 1
    assert w.result.vergelijking.punten[row].status == ONTBREEKT
    w.notes.setCurrentRow(row)
    # Overruling a ✘ to found points to the gemeente's words; back to computed.
    w.status_choice.set_value(GEVONDEN)
    w.overrule()
    w.notes.setCurrentRow(row)
    assert "Woorden van de gemeente" in w.detail.text()
    w.status_choice.set_value(None)
    w.overrule()
    w.notes.setCurrentRow(row)
    assert "Woorden van de gemeente" not in w.detail.text()

    def tick(chips, word: str) -> None:
        item = next(chips.item(i) for i in range(chips.count()) if chips.item(i).text() == word)
        item.setSelected(True)

    def teach(d: WoordenDialog) -> None:
        assert focusable_without_name(d) == []
        assert d.focusWidget() is d.eigen_woorden  # not "Opslaan": Enter does not save
        assert "halszender" in " ".join(lbl.text() for lbl in d.findChildren(QLabel))
        d.fields["synoniemen"].setPlainText("alarmering halszender")  # no colon
        d.accept()
        assert d.isVisible() and "Regel 1" in d.error.text()  # stays open, says why
        # The suggested words: the note's that the verslag does not use, and the
        # closest passage's; ticking some of both makes one line.
        d.fields["synoniemen"].setPlainText("")
        qtbot.mouseClick(d.regel_button, Qt.MouseButton.LeftButton)
        assert "aantekening" in d.error.text()  # nothing ticked: says what to do
        tick(d.eigen_woorden, "halszender")
        qtbot.mouseClick(d.regel_button, Qt.MouseButton.LeftButton)
        assert "verslag" in d.error.text()
        tick(d.verslag_woorden, "knop")
        tick(d.verslag_woorden, "nek")
        qtbot.mouseClick(d.regel_button, Qt.MouseButton.LeftButton)
        assert d.fields["synoniemen"].toPlainText() == "halszender: halszender, knop, nek"
        qtbot.mouseClick(d.regel_button, Qt.MouseButton.LeftButton)  # not twice
        assert d.fields["synoniemen"].toPlainText() == "halszender: halszender, knop, nek"
        assert "staat al" in d.error.text()
        d.accept()

    with_modal(WoordenDialog, teach)
    qtbot.mouseClick(w.woorden_button, Qt.MouseButton.LeftButton)
    assert w.result.vergelijking.punten[row].status != ONTBREEKT
    assert "halszender" in gemeenten.synoniemen_van(vault, gid)
    # A bad list is refused by the operation too, and nothing changes.
    with pytest.raises(InvalidInput, match="Regel 2"):
        gemeenten.bewaar_synoniemen(vault, gid, "alarm: knop\nzonder dubbele punt")
    assert "halszender" in gemeenten.synoniemen_van(vault, gid)
    # Another gemeente's verslagen do not use them.
    other = next(x.id for x in gemeenten.list_gemeenten(vault) if x.naam == "Zwolle")
    meldingen.save_melding(vault, replace(meldingen.get_melding(vault, win.mid), gemeente_id=other))
    again = ops.vergelijk_verslag(vault, ops.list_verslagen(vault, win.mid)[0].id)
    assert again.vergelijking.punten[row].status == ONTBREEKT


def test_reactie_wording_and_the_verslag_unwrapped_for_reading():
    from ondersteuner.compare import vergelijk
    from ondersteuner.compare.engine import unwrapped

    v = vergelijk(
        [
            "CITAAT: Ik wil niemand tot last zijn",
            "Dochter is overbelast",
            "HH besproken, 2,5 uur p/w",
        ],
        "Er is hulp bij het huishouden besproken voor 2 uur per week.\n",
    )
    quote, missing, partial = (ops.correctie_tekst(p) for p in v.punten)
    assert quote == (
        "",
        "In het gesprek werd gezegd: “Ik wil niemand tot last zijn.” "
        "Dit staat niet in het verslag.",
    )
    assert missing[1].startswith(
        "Volgens onze aantekeningen van het gesprek: “Dochter is overbelast.”"
    )
    assert partial[1] == (
        "Volgens onze aantekeningen van het gesprek: "
        "“Hulp bij het huishouden besproken, 2,5 uur per week.”"
    )
    text = "Mevrouw kan zich wassen, al kost dit meer\ntijd dan vroeger.\nKoken lukt niet meer."
    shown = unwrapped(text)
    assert len(shown) == len(text)  # every mark stays in place
    assert (
        shown
        == "Mevrouw kan zich wassen, al kost dit meer tijd dan vroeger.\nKoken lukt niet meer."
    )


def test_point_out_the_passage_of_a_note_said_in_other_words(qtbot, win: MainWindow, vault):
    from PySide6.QtGui import QTextCursor

    from ondersteuner.compare.importeren import geplakt

    other_words = "De vrouw van hiernaast haalt voortaan wat mevrouw uit de winkel nodig heeft."
    ops.bewaar_verslag(vault, win.mid, geplakt(VERSLAG.replace("\nMet", other_words + "\n\nMet")))
    win.compare_verslag()
    w = win.vergelijk_window
    row = next(i for i in range(w.notes.count()) if "buurvrouw" in w.notes.item(i).text())
    assert w.result.vergelijking.punten[row].status == ONTBREEKT
    w.notes.setCurrentRow(row)
    assert "Passage aanwijzen" in w.detail.text()  # the ✘ says how to fix it
    # Without a selection the button explains what to do, and stores nothing.
    qtbot.mouseClick(w.point_button, Qt.MouseButton.LeftButton)
    assert "Kies eerst links de aantekening" in w.detail.text() and w.result.overruled == {}
    start = w.text.toPlainText().index(other_words)
    cursor = w.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(other_words), QTextCursor.MoveMode.KeepAnchor)
    w.text.setTextCursor(cursor)
    w.text.setFocus()
    press(qtbot, w, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # a button's click is animated
    qtbot.waitUntil(lambda: "Passage vastgelegd" in w.detail.text(), timeout=3000)
    punt = w.result.vergelijking.punten[row]
    assert (punt.status, punt.passage) == (GEVONDEN, other_words)
    assert w.notes.currentRow() == row and "Passage vastgelegd" in w.detail.text()
    assert "Woorden van de gemeente" in w.detail.text()  # how to teach those words
    assert w.notes.item(row).text().startswith("✔")
    # Kept over a reopen, and shown marked in the verslag.
    win.compare_verslag()
    again = win.vergelijk_window
    again.notes.setCurrentRow(row)
    assert again.result.vergelijking.punten[row].passage == other_words
    assert again.text.textCursor().position() == start
    # The gemeente's words are then offered from the passage pointed out, so the next
    # verslag of this gemeente is read right without help.
    from dataclasses import replace

    from ondersteuner.ui.ops import gemeenten, meldingen
    from ondersteuner.ui.verslag import WoordenDialog

    gid = next(x.id for x in gemeenten.list_gemeenten(vault) if x.naam == "Utrecht")
    meldingen.save_melding(vault, replace(meldingen.get_melding(vault, win.mid), gemeente_id=gid))
    seen: dict[str, list[str]] = {}

    def teach(d: WoordenDialog) -> None:
        assert d.eigen_woorden is not None and d.verslag_woorden is not None
        seen["verslag"] = [
            d.verslag_woorden.item(i).text() for i in range(d.verslag_woorden.count())
        ]
        assert "aangewezen" in " ".join(lbl.text() for lbl in d.findChildren(QLabel))
        d.reject()

    with_modal(WoordenDialog, teach)
    qtbot.mouseClick(again.woorden_button, Qt.MouseButton.LeftButton)
    assert "winkel" in seen["verslag"] and "hiernaast" in seen["verslag"]


def test_point_out_by_keyboard_after_emoji_and_drop_the_queued_point(qtbot, win: MainWindow, vault):
    """Shift+arrows select in the verslag; characters outside the BMP (emoji) before
    the words do not shift the passage or its mark; a point queued for the reactie as
    missing is offered for removal."""
    from PySide6.QtWidgets import QMessageBox

    from ondersteuner.compare.importeren import geplakt

    other_words = "De vrouw van hiernaast haalt voortaan wat mevrouw uit de winkel nodig heeft."
    text = VERSLAG.replace("Verslag van het gesprek", "Verslag 🙂🙂🙂 van het gesprek")
    ops.bewaar_verslag(vault, win.mid, geplakt(text.replace("\nMet", other_words + "\n\nMet")))
    win.compare_verslag()
    w = win.vergelijk_window
    row = next(i for i in range(w.notes.count()) if "buurvrouw" in w.notes.item(i).text())
    w.notes.setCurrentRow(row)
    press(qtbot, w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # queued as missing
    assert len(ops.reactiepunten(vault, win.mid)) == 1
    w.notes.setCurrentRow(row)
    plain = w.text.toPlainText()
    # Qt counts UTF-16 units: each emoji is two.
    qt_start = len(plain[: plain.index(other_words)].encode("utf-16-le")) // 2
    cursor = w.text.textCursor()
    cursor.setPosition(qt_start)
    w.text.setTextCursor(cursor)
    w.text.setFocus()
    press(qtbot, w, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    for _ in range(len(other_words) - 1):
        qtbot.keyClick(w.text, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert w.text.textCursor().selectedText() == other_words
    with_modal(
        QMessageBox, lambda b: next(x for x in b.buttons() if x.text() == "Weghalen").click()
    )
    press(qtbot, w, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "Passage vastgelegd" in w.detail.text(), timeout=3000)
    assert w.result.vergelijking.punten[row].passage == other_words
    assert ops.reactiepunten(vault, win.mid) == []
    marked = [s.cursor.selectedText() for s in w.text.extraSelections()]
    assert marked.count(other_words) >= 1  # the mark covers exactly those words


def test_a_claim_nobody_made_is_queued_for_the_reactie(qtbot, win: MainWindow, vault):
    from PySide6.QtWidgets import QMessageBox

    from ondersteuner.compare.importeren import geplakt

    ops.bewaar_verslag(vault, win.mid, geplakt(VERSLAG))
    win.compare_verslag()
    w = win.vergelijk_window
    # Nothing chosen: says what to do, queues nothing.
    w.unsupported.setCurrentRow(-1)
    with_modal(QMessageBox, lambda b: b.accept())
    w.opnemen_claim()
    assert ops.reactiepunten(vault, win.mid) == []
    claims = w.result.vergelijking.niet_onderbouwd
    row = next(i for i, c in enumerate(claims) if "zoon" in c)
    w.side.setCurrentIndex(1)  # "Niet besproken?"
    w.unsupported.setCurrentRow(row)
    w.unsupported.setFocus()
    press(qtbot, w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    [punt] = ops.reactiepunten(vault, win.mid)
    assert punt.notitie_id is None and punt.citaat == claims[row]
    assert "niet zo gezegd" in punt.correctie
    assert "in reactie" in w.unsupported.item(row).text()
    assert "Opgenomen in de reactie" in w.detail.text()
    # Again, by the button: said so, not queued twice.
    qtbot.mouseClick(w.claim_button, Qt.MouseButton.LeftButton)
    assert len(ops.reactiepunten(vault, win.mid)) == 1 and "stond al" in w.detail.text()
    # The reactie tab lists it with its quote.
    assert claims[row] in w.reactie.item(0).text()
    # Discussed after all: the queued point is offered for removal.
    w.unsupported.setCurrentRow(row)
    with_modal(
        QMessageBox, lambda b: next(x for x in b.buttons() if x.text() == "Weghalen").click()
    )
    qtbot.mouseClick(w.besproken_button, Qt.MouseButton.LeftButton)
    assert ops.reactiepunten(vault, win.mid) == []


def test_a_flagged_sentence_discussed_after_all_leaves_the_list_and_the_report(
    qtbot, win: MainWindow, vault
):
    from ondersteuner.compare.importeren import geplakt

    vid = ops.bewaar_verslag(vault, win.mid, geplakt(VERSLAG))
    win.compare_verslag()
    w = win.vergelijk_window
    claims = list(w.result.vergelijking.niet_onderbouwd)
    row = next(i for i, c in enumerate(claims) if "zoon" in c)
    w.side.setCurrentIndex(1)
    w.unsupported.setCurrentRow(row)
    assert w.besproken_button.text().replace("&", "") == "Wel besproken"
    qtbot.mouseClick(w.besproken_button, Qt.MouseButton.LeftButton)
    assert claims[row] not in w.result.vergelijking.niet_onderbouwd
    last = w.unsupported.count() - 1
    assert w.unsupported.item(last).text() == f"✔ wel besproken: {claims[row]}"
    assert "niet in het rapport" in w.detail.text()
    # Kept over a reopen, and out of the report.
    again = ops.vergelijk_verslag(vault, vid)
    assert [p.tekst for p in again.wel_besproken] == [claims[row]]
    assert claims[row] not in " ".join(again.vergelijking.niet_onderbouwd)
    # Chosen, it offers to go back, and cannot be queued as "niet gezegd".
    w.unsupported.setCurrentRow(last)
    assert w.besproken_button.text().replace("&", "") == "Toch niet besproken"
    assert not w.claim_button.isEnabled()
    qtbot.mouseClick(w.besproken_button, Qt.MouseButton.LeftButton)
    assert claims[row] in w.result.vergelijking.niet_onderbouwd and not w.result.wel_besproken


def test_claim_marks_follow_this_verslag_and_survive_spacing(qtbot, win: MainWindow, vault):
    """A wrapped sentence (quoted without its line break) is still marked as queued; a
    point of another verslag of the melding does not mark this one; Ctrl+R on a button
    of the tab queues the sentence, not a note; the list keeps its place after Wel
    besproken, and a queued sentence kept as discussed is flagged in the Reactie tab."""
    from PySide6.QtWidgets import QMessageBox

    from ondersteuner.compare.importeren import geplakt

    wrapped = VERSLAG.replace(
        "\nMet vriendelijke groet",
        "\nMeneer heeft een broer in de buurt die een auto heeft en hem\n"
        "  naar de huisarts rijdt.\n\nMet vriendelijke groet",
    )
    first = ops.bewaar_verslag(vault, win.mid, geplakt(wrapped))
    win.compare_verslag()
    w = win.vergelijk_window
    claims = w.result.vergelijking.niet_onderbouwd
    row = next(i for i, c in enumerate(claims) if "broer" in c)
    w.side.setCurrentIndex(1)
    w.unsupported.setCurrentRow(row)
    w.claim_button.setFocus()  # focus on a button of the tab, not in the list
    press(qtbot, w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    [punt] = ops.reactiepunten(vault, win.mid)
    assert punt.notitie_id is None and "broer" in punt.citaat and "  " not in punt.citaat
    assert "in reactie" in w.unsupported.item(row).text()
    # Kept as discussed, the point stays (Annuleren) and is flagged.
    w.unsupported.setCurrentRow(row)
    with_modal(
        QMessageBox, lambda b: next(x for x in b.buttons() if x.text() == "Annuleren").click()
    )
    qtbot.mouseClick(w.besproken_button, Qt.MouseButton.LeftButton)
    assert len(ops.reactiepunten(vault, win.mid)) == 1
    assert w.reactie.item(0).text().startswith("⚠ Deze zin staat nu als wel besproken")
    assert w.unsupported.currentRow() == min(row, w.unsupported.count() - 1)
    # Another verslag of the same melding: its sentence is not marked by this point.
    ops.bewaar_verslag(vault, win.mid, geplakt(wrapped))
    win.compare_verslag()
    other = win.vergelijk_window
    assert other.verslag_id != first
    assert not any(
        "in reactie" in other.unsupported.item(i).text() for i in range(other.unsupported.count())
    )
