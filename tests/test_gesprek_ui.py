"""Gespreksmodus through the real widgets, keyboard only: open, type, kinds, sections,
checklist, undo, privacy cover, autosave, lock, finish; and the voorbereiding."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ondersteuner.models.enums import GebeurtenisSoort as S
from ondersteuner.models.enums import GesprekVorm
from ondersteuner.ui.dialogs.voorbereiding import VoorbereidingDialog
from ondersteuner.ui.gesprek import GesprekWindow
from ondersteuner.ui.gesprek_einde import EindeDialog
from ondersteuner.ui.main_window import MainWindow
from ondersteuner.ui.ops import gesprekken as ops
from ondersteuner.ui.ops import meldingen
from ondersteuner.vault import Vault
from tests.factories import make_client, make_melding
from tests.uihelpers import (
    close_main_window,
    focusable_without_name,
    main_window,
    press,
    with_modal,
)

pytestmark = pytest.mark.gui

NAME = "Keukentafel Testpersoon"


@pytest.fixture
def win(qtbot, vault: Vault, data_dir: Path):
    window = main_window(qtbot, vault, data_dir)
    cid = make_client(vault, NAME)
    window.mid = make_melding(vault, cid, datum=dt.date.today() - dt.timedelta(days=5))
    window.reload_clients()
    window.select_client(cid)
    window._load_pending_client()
    yield window
    close_main_window(window)


def _open(qtbot, win: MainWindow) -> GesprekWindow:
    press(qtbot, win, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    g = win.gesprek_window
    assert isinstance(g, GesprekWindow)
    qtbot.waitExposed(g)
    g.activateWindow()
    qtbot.waitUntil(g.isActiveWindow, timeout=3000)
    return g


def test_a_whole_gesprek_by_keyboard(qtbot, win: MainWindow, vault: Vault):
    g = _open(qtbot, win)
    # Client-safe: the list of clients is gone, no name in the title.
    assert not win.isVisible()
    assert NAME not in g.windowTitle() and "dossier" in g.windowTitle()
    assert focusable_without_name(g) == []
    assert g.editor().hasFocus()

    qtbot.keyClicks(g.editor(), "Koken lukt nog")
    qtbot.keyClick(g.editor(), Qt.Key.Key_Return)
    qtbot.keyClicks(g.editor(), "Dochter komt dinsdag")
    press(qtbot, g, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # afspraak
    assert g.editor().toPlainText().splitlines()[-1] == "AFSPRAAK: Dochter komt dinsdag"
    press(qtbot, g, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the kind
    assert g.editor().toPlainText().splitlines()[-1] == "Dochter komt dinsdag"
    press(qtbot, g, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # and redo it
    assert g.editor().toPlainText().splitlines()[-1] == "AFSPRAAK: Dochter komt dinsdag"
    for key, prefix in ((Qt.Key.Key_3, "WENS: "), (Qt.Key.Key_4, "CITAAT: "), (Qt.Key.Key_0, "")):
        press(qtbot, g, key, Qt.KeyboardModifier.ControlModifier)
        assert g.editor().toPlainText().splitlines()[-1] == prefix + "Dochter komt dinsdag"
    press(qtbot, g, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)

    # Autosave within a second after typing pauses, without any save command.
    qtbot.waitUntil(
        lambda: (
            "AFSPRAAK: Dochter komt dinsdag" in ops.get_gesprek(vault, g.gesprek.id).tekst("zelf")
        ),
        timeout=3000,
    )
    qtbot.waitUntil(lambda: g.status.text().startswith("Opgeslagen om"), timeout=2000)

    # Next section by keyboard; a toezegging there.
    press(qtbot, g, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert g.sections.currentRow() == 1 and g.editor().hasFocus()
    qtbot.keyClicks(g.editor(), "Gemeente regelt boodschappendienst")
    press(qtbot, g, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, g, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)  # Alt+0: vrije notities
    assert g.sections.currentRow() == 9
    press(qtbot, g, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert g.sections.currentRow() == 8

    # F6 to the checklist; Space ticks the first point; F6 back.
    press(qtbot, g, Qt.Key.Key_F6)
    assert g.checklist.hasFocus()
    press(qtbot, g, Qt.Key.Key_Space)
    assert g.checklist.item(0).checkState() == Qt.CheckState.Checked
    press(qtbot, g, Qt.Key.Key_F6)
    assert g.editor().hasFocus()

    # The form of the gesprek: by phone gives the seeds' warning.
    g.vorm.set_value(GesprekVorm.TELEFONISCH)
    assert g.warning.isVisible() and "persoonlijk gesprek" in g.warning.text()

    # F12 blanks the screen (and saves); F12 again returns to the notes.
    press(qtbot, g, Qt.Key.Key_F12)
    assert g.cover.isVisible() and g.cover.geometry() == g.rect()
    press(qtbot, g, Qt.Key.Key_F12)
    assert not g.cover.isVisible()

    # Larger letters and high contrast.
    size = g.font().pointSizeF()
    press(qtbot, g, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert g.font().pointSizeF() > size
    press(qtbot, g, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert g.font().pointSizeF() == size
    press(
        qtbot,
        g,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert g.high_contrast and "#ffff00" in g.styleSheet()

    # Finish: the summary lists agreements and what was not covered; Afronden records
    # the gesprek as a step of the melding.
    seen = {}

    def end(d: EindeDialog) -> None:
        seen["afspraken"] = [i.tekst for i in d.samenvatting.afspraken]
        seen["toezeggingen"] = [i.tekst for i in d.samenvatting.toezeggingen]
        seen["open"] = len(d.samenvatting.open_punten)
        d.finish_button.click()

    with_modal(EindeDialog, end)
    press(qtbot, g, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert seen["afspraken"] == ["Dochter komt dinsdag"]
    assert seen["toezeggingen"] == ["Gemeente regelt boodschappendienst"]
    assert seen["open"] == 12  # 13 points, one ticked
    qtbot.waitUntil(lambda: win.gesprek_window is None, timeout=3000)
    assert win.isVisible()
    saved = ops.list_gesprekken(vault, win.mid)[0]
    assert saved.afgerond and saved.vorm is GesprekVorm.TELEFONISCH
    assert saved.let_op_afgevinkt == ("persoonlijk",)
    assert [e.soort for e in meldingen.list_gebeurtenissen(vault, win.mid)] == [S.GESPREK]
    assert "verslag_richtlijn" in {t.sleutel for t in win.dossier.termijnen.model.rows}


def test_close_and_lock_save_everything(qtbot, win: MainWindow, vault: Vault):
    g = _open(qtbot, win)
    gid = g.gesprek.id
    qtbot.keyClicks(g.editor(), "Vlak voor het sluiten getypt")
    press(qtbot, g, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # close at once
    assert win.gesprek_window is None and win.isVisible()
    assert ops.get_gesprek(vault, gid).tekst("zelf") == "Vlak voor het sluiten getypt"

    g = _open(qtbot, win)  # the gesprek in progress comes back
    assert g.gesprek.id == gid and "Vlak voor" in g.editor().toPlainText()
    g.editor().moveCursor(g.editor().textCursor().MoveOperation.End)
    qtbot.keyClicks(g.editor(), " en vlak voor het slot")
    with qtbot.waitSignal(g.lock_requested, timeout=2000):
        press(qtbot, g, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert ops.get_gesprek(vault, gid).tekst("zelf").endswith("en vlak voor het slot")
    # The app's lock path (auto-lock, suspend) closes the window after saving.
    qtbot.keyClicks(g.editor(), "!")
    win.save_open_work()
    assert win.gesprek_window is None and not g.isVisible()
    assert ops.get_gesprek(vault, gid).tekst("zelf").endswith("slot!")


def test_voorbereiding_is_saved_and_shown_beside_the_notes(qtbot, win: MainWindow, vault):
    def fill(d: VoorbereidingDialog) -> None:
        assert focusable_without_name(d) == []
        d.fields["wat_kan_ik_zelf"].setPlainText("Zelf koken met een kruk")
        d.fields["wie_gaat_mee"].setPlainText("Dochter")
        d.accept()

    with_modal(VoorbereidingDialog, fill)
    press(
        qtbot,
        win,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert (
        ops.get_voorbereiding(vault, win.mid).velden["wat_kan_ik_zelf"] == "Zelf koken met een kruk"
    )
    g = _open(qtbot, win)
    prep = g.side.widget(1).toPlainText()
    assert "Zelf koken met een kruk" in prep and "Wie gaat mee?" in prep


def test_word_exports_from_the_end_of_the_gesprek(qtbot, win, vault, tmp_path, monkeypatch):
    from docx import Document
    from PySide6.QtWidgets import QFileDialog

    g = _open(qtbot, win)
    qtbot.keyClicks(g.editor(), "Hulp bij de boodschappen")
    press(qtbot, g, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    targets = iter([tmp_path / "notities", tmp_path / "samenvatting.docx"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))
    written = {}

    def export(d: EindeDialog) -> None:
        d.export("notities")
        d.export("samenvatting")
        written["paths"] = list(d.written)
        d.reject()

    with_modal(EindeDialog, export, closes=False)
    press(qtbot, g, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    notes, summary = written["paths"]
    assert notes.name == "notities.docx"  # the extension is added
    assert "AFSPRAAK: Hulp bij de boodschappen" in "\n".join(
        p.text for p in Document(str(notes)).paragraphs
    )
    assert "Dit is afgesproken" in "\n".join(p.text for p in Document(str(summary)).paragraphs)
    assert win.gesprek_window is g  # "terug naar de notities": the gesprek goes on
