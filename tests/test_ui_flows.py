"""The app as a user drives it: create vault, clients, meldingen, steps, lock, unlock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ondersteuner.settings import FONT_POINT_SIZE, Settings
from ondersteuner.ui.controller import AppController
from ondersteuner.ui.dialogs.client import ClientDialog
from ondersteuner.ui.dialogs.melding import GebeurtenisDialog, MeldingDialog
from ondersteuner.ui.main_window import MainWindow
from ondersteuner.ui.unlock import CreateVaultDialog, UnlockDialog
from ondersteuner.vault.crypto import FAST_TEST_KDF
from tests.conftest import PASSPHRASE
from tests.uihelpers import focusable_without_name, with_modal

pytestmark = pytest.mark.gui


def _create_vault(qtbot, data_dir: Path) -> AppController:
    ctl = AppController(data_dir, Settings.in_dir(data_dir), kdf=FAST_TEST_KDF)
    assert ctl.start()
    dialog = ctl.dialog
    assert isinstance(dialog, CreateVaultDialog)
    qtbot.keyClicks(dialog.pair.first, PASSPHRASE)
    qtbot.keyClicks(dialog.pair.second, PASSPHRASE)
    dialog.understood.setChecked(True)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "code_dialog", None) is not None, timeout=10000)
    code_dialog = dialog.code_dialog
    assert not code_dialog.done_button.isEnabled()  # must confirm the code is written down
    code_dialog.reject()  # Escape does not skip it
    assert code_dialog.isVisible()
    code_dialog.written.setChecked(True)
    with qtbot.waitSignal(ctl.opened, timeout=5000):
        qtbot.mouseClick(code_dialog.done_button, Qt.MouseButton.LeftButton)
    assert len(dialog.herstelcode.replace("-", "")) == 25
    _activate(qtbot, ctl.window)
    return ctl


def _activate(qtbot, win: MainWindow) -> None:
    """Shortcuts reach only the active window."""
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)


def _key(qtbot, win: MainWindow, key: Qt.Key, mod=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a shortcut as the user would, in the (re)activated main window."""
    _activate(qtbot, win)
    qtbot.keyClick(win, key, mod)


def _fill_client(dialog: ClientDialog, naam: str, **fields: str) -> None:
    dialog.fields["naam"].setText(naam)
    for key, value in fields.items():
        if key == "gemeente":
            dialog.gemeente.combo.setEditText(value)
        else:
            dialog.fields[key].setText(value)


def _new_client(qtbot, win: MainWindow, naam: str, **fields: str) -> None:
    with_modal(ClientDialog, lambda d: (_fill_client(d, naam, **fields), d.accept()))
    win.acts["new_client"].action.trigger()


@pytest.fixture
def app_ctl(qtbot, data_dir: Path):
    ctl = _create_vault(qtbot, data_dir)
    yield ctl
    if ctl.window is not None:
        ctl.window.closing_for_lock = True
        ctl.window.close()
    ctl.shutdown()


def test_create_client_search_edit_delete(qtbot, app_ctl: AppController):
    win: MainWindow = app_ctl.window
    _new_client(
        qtbot, win, "Anna Testpersoon", postcode="1234ab", woonplaats="Utrecht", gemeente="Utrecht"
    )
    _new_client(qtbot, win, "Bert Bedacht", woonplaats="Zwolle")
    assert [r.naam for r in win.client_model.rows] == ["Anna Testpersoon", "Bert Bedacht"]
    assert win.client is not None and win.client.naam == "Bert Bedacht"  # new one selected

    # Search as you type, case- and accent-insensitive, on name or place.
    qtbot.keyClicks(win.search, "UTR")
    assert win.client_proxy.rowCount() == 1
    # The dossier loads once typing pauses (the list itself never waits).
    qtbot.waitUntil(lambda: win.client.naam == "Anna Testpersoon", timeout=2000)
    assert win.client.postcode == "1234 AB"
    assert win.client.gemeente_naam == "Utrecht"
    win.search.clear()
    assert win.client_proxy.rowCount() == 2

    # Edit with F2.
    win.select_client(win.client_model.rows[0].id)

    def edit(d: ClientDialog) -> None:
        d.fields["telefoon"].setText("030 1234567")
        d.accept()

    with_modal(ClientDialog, edit)
    _key(qtbot, win, Qt.Key.Key_F2)
    assert win.client.telefoon == "030 1234567"

    # Delete asks, names what goes, and removes.
    seen: dict[str, str] = {}

    def answer(box: QMessageBox) -> None:
        seen["text"] = box.text()
        next(b for b in box.buttons() if b.text() == "Definitief verwijderen").click()

    with_modal(QMessageBox, answer)
    win.acts["delete_client"].action.trigger()
    assert "Anna Testpersoon" in seen["text"] and "meldingen" in seen["text"]
    assert [r.naam for r in win.client_model.rows] == ["Bert Bedacht"]


def test_invalid_input_keeps_dialog_open_with_dutch_message(qtbot, app_ctl: AppController):
    win: MainWindow = app_ctl.window
    result = {}

    def bad(d: ClientDialog) -> None:
        _fill_client(d, "Carla Fout", postcode="12")
        d.accept()
        result["visible"] = d.isVisible()
        result["error"] = d.error.text()
        d.fields["postcode"].setText("1234 AB")
        d.accept()

    with_modal(ClientDialog, bad)
    win.acts["new_client"].action.trigger()
    assert result["visible"] and "postcode" in result["error"].lower()
    assert [r.naam for r in win.client_model.rows] == ["Carla Fout"]


def test_melding_and_steps_through_dialogs(qtbot, app_ctl: AppController):
    win: MainWindow = app_ctl.window
    _new_client(qtbot, win, "Dirk Melder")

    def melding(d: MeldingDialog) -> None:
        d.fields["datum_melding"].setText("3-3-2025")
        d.gemeente.combo.setEditText("Amersfoort")
        d.fields["hulpvraag"].setPlainText("Hulp bij het huishouden")
        d.accept()

    with_modal(MeldingDialog, melding)
    _key(qtbot, win, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert win.melding is not None and win.melding.gemeente_naam == "Amersfoort"
    assert win.melding.datum_melding.isoformat() == "2025-03-03"

    def step(d: GebeurtenisDialog) -> None:
        from ondersteuner.models import GebeurtenisSoort

        combo = d.fields["soort"]
        combo.set_value(GebeurtenisSoort.BESCHIKKING)
        assert d.form.isRowVisible(d.fields["ontvangen_op"])
        d.fields["datum"].setText("01-04-2025")
        d.fields["ontvangen_op"].setText("03-04-2025")
        d.fields["kenmerk"].setText("BS-1")
        d.accept()

    with_modal(GebeurtenisDialog, step)
    _key(qtbot, win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    events = win.dossier.events.model.rows
    assert [(e.soort.value, e.kenmerk) for e in events] == [("beschikking", "BS-1")]
    assert win.melding.fase == "Beschikking ontvangen"
    assert win.dossier.detail["fase"].text() == "Beschikking ontvangen"


def test_lock_clears_window_and_unlock_restores(qtbot, app_ctl: AppController):
    win: MainWindow = app_ctl.window
    _new_client(qtbot, win, "Eva Vergrendeld")
    with qtbot.waitSignal(app_ctl.locked):
        _key(qtbot, win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app_ctl.window is None and not app_ctl.vault.is_unlocked
    dialog = app_ctl.dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.keyClicks(dialog.passphrase, "helemaal fout wachtwoord")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert "klopt niet" in dialog.error.text()
    assert not dialog.remember.isEnabled()  # no keyring on this machine
    qtbot.waitUntil(lambda: dialog.keyring_checked, timeout=5000)
    assert "sleutelbos" in dialog.keyring_note.text()
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(app_ctl.opened, timeout=5000):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [r.naam for r in app_ctl.window.client_model.rows] == ["Eva Vergrendeld"]
    _activate(qtbot, app_ctl.window)
    assert app_ctl.window.search.hasFocus()


def test_auto_lock_saves_the_open_dialog(qtbot, app_ctl: AppController):
    win: MainWindow = app_ctl.window
    _new_client(qtbot, win, "Frits Wacht")

    def type_then_idle(d: ClientDialog) -> None:
        d.fields["woonplaats"].setText("Deventer")
        app_ctl.idle.set_interval_ms(50)  # the user walks away

    with_modal(ClientDialog, type_then_idle, closes=False)
    with qtbot.waitSignal(app_ctl.locked, timeout=5000):
        win.edit_client()
    assert isinstance(app_ctl.dialog, UnlockDialog)
    assert "niets heeft gedaan" in app_ctl.dialog.reason_label.text()
    app_ctl.vault.unlock(PASSPHRASE)
    from ondersteuner.ui.ops.clients import list_clients

    assert [r.woonplaats for r in list_clients(app_ctl.vault)] == ["Deventer"]


def test_auto_lock_keeps_invalid_input_as_concept(qtbot, app_ctl: AppController):
    win: MainWindow = app_ctl.window

    def half_filled(d: ClientDialog) -> None:
        d.fields["woonplaats"].setText("Kampen")  # no name yet: not valid
        app_ctl.idle.set_interval_ms(50)

    with_modal(ClientDialog, half_filled, closes=False)
    with qtbot.waitSignal(app_ctl.locked, timeout=5000):
        win.new_client()
    dialog = app_ctl.dialog
    dialog.passphrase.setText(PASSPHRASE)
    reopened = {}

    def yes(box: QMessageBox) -> None:
        with_modal(
            ClientDialog,
            lambda d: (
                reopened.setdefault("w", d.fields["woonplaats"].text()),
                _fill_client(d, "Gerda Terug"),
                d.accept(),
            ),
        )
        box.button(QMessageBox.StandardButton.Yes).click()

    with_modal(QMessageBox, yes)
    with qtbot.waitSignal(app_ctl.opened, timeout=5000):
        dialog.try_open()
    qtbot.waitUntil(lambda: "w" in reopened, timeout=5000)
    assert reopened["w"] == "Kampen"
    qtbot.waitUntil(lambda: bool(app_ctl.window.client_model.rows), timeout=5000)
    assert [r.naam for r in app_ctl.window.client_model.rows] == ["Gerda Terug"]


def test_font_size_shortcuts_are_remembered(qtbot, app_ctl: AppController, data_dir: Path):
    from PySide6.QtWidgets import QApplication

    win: MainWindow = app_ctl.window
    before = round(QApplication.font().pointSizeF())
    win.acts["zoom_in"].action.trigger()
    win.acts["zoom_in"].action.trigger()
    assert round(QApplication.font().pointSizeF()) == before + 2
    assert Settings.in_dir(data_dir).get(FONT_POINT_SIZE) == before + 2
    win.acts["zoom_reset"].action.trigger()
    assert Settings.in_dir(data_dir).get(FONT_POINT_SIZE) == 0
    assert round(QApplication.font().pointSizeF()) == before


def test_every_input_has_an_accessible_name(qtbot, app_ctl: AppController):
    win: MainWindow = app_ctl.window
    _new_client(qtbot, win, "Hanna Toegankelijk")
    assert focusable_without_name(win) == []
    from ondersteuner.ui.dialogs.client import ContactDialog
    from ondersteuner.ui.dialogs.settings import SettingsDialog
    from ondersteuner.ui.ops.snapshots import ClientData, ContactData, GebeurtenisData, MeldingData
    from ondersteuner.ui.unlock import ChangePassphraseDialog, HerstelDialog

    ctx = win.ctx
    dialogs = [
        ClientDialog(win, ctx, ClientData()),
        ContactDialog(win, ctx, 1, ContactData()),
        MeldingDialog(win, ctx, MeldingData()),
        GebeurtenisDialog(win, ctx, GebeurtenisData()),
        SettingsDialog(win, ctx),
        ChangePassphraseDialog(win, ctx.vault, ctx.runner),
        HerstelDialog(win, ctx.vault, ctx.runner),
        UnlockDialog(ctx.vault, ctx.runner),
        CreateVaultDialog(ctx.vault, ctx.runner),
    ]
    for d in dialogs:
        assert focusable_without_name(d) == [], type(d).__name__
        d.deleteLater()


def test_every_action_has_a_visible_shortcut_or_button(qtbot, app_ctl: AppController):
    win: MainWindow = app_ctl.window
    for key in (
        "new_client",
        "edit_client",
        "new_melding",
        "new_event",
        "lock",
        "find",
        "zoom_in",
        "zoom_out",
        "settings",
        "shortcuts",
    ):
        act = win.acts[key].action
        assert not act.shortcut().isEmpty(), key
        assert act.shortcut().toString() in act.toolTip(), key
