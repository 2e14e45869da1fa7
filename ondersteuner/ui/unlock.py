"""First start (create the vault, show the herstelcode) and later starts (unlock).

Shown before SQLAlchemy is imported: the heavy modules load in the background
while the adviser types. Every slow step runs on the worker with a busy bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ondersteuner.i18n import tr
from ondersteuner.ui import kit
from ondersteuner.ui.context import Runner
from ondersteuner.ui.passphrase import (
    BusyMixin,
    NewPassphrase,
    alive,
    error_text,
    password_edit,
)
from ondersteuner.vault import Vault, WrongPassphrase

LOSS_WARNING = tr(
    "Let op: bent u het wachtwoord én de herstelcode kwijt, dan zijn alle gegevens in de kluis "
    "verloren. Niemand kan ze dan nog openen, ook de makers van ondersteuner niet."
)


def _heading(text: str) -> QLabel:
    lbl = QLabel(text)
    font = lbl.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    lbl.setFont(font)
    lbl.setWordWrap(True)
    return lbl


def _wrapped(text: str) -> QLabel:
    lbl = QLabel(text)
    lbl.setWordWrap(True)
    plain_text(lbl, text)
    return lbl


def plain_text(lbl: QLabel, text: str) -> None:
    """Never render ``text`` as rich text. QLabel's default format shows text with
    no ``<`` as plain anyway, so the Qt namespace (~35 ms to load, the biggest
    item on the path to the unlock screen) is only loaded for text that has one."""
    if "<" in text:
        from PySide6.QtCore import Qt

        lbl.setTextFormat(Qt.TextFormat.PlainText)


class UnlockDialog(QDialog, BusyMixin):
    """Ask the passphrase (or use the remembered key) and open the vault."""

    def __init__(
        self,
        vault: Vault,
        runner: Runner,
        *,
        demo_passphrase: str | None = None,
        reason: str = "",
    ) -> None:
        super().__init__()
        self.vault, self.runner = vault, runner
        self.setWindowTitle(tr("ondersteuner – kluis openen"))
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(tr("Kluis openen")))
        self.reason_label = _wrapped(reason)
        self.reason_label.setVisible(bool(reason))
        layout.addWidget(self.reason_label)
        if demo_passphrase:
            banner = _wrapped(
                tr(
                    "DEMO – een tijdelijke kluis met verzonnen cliënten. Het wachtwoord is: {p}",
                    p=demo_passphrase,
                )
            )
            banner.setStyleSheet("background:#fff3cd; padding:6px; border:1px solid #c9a227;")
            from PySide6.QtCore import Qt

            banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(banner)
        layout.addWidget(_wrapped(tr("Map van de kluis: {d}", d=vault.data_dir)))
        form = QFormLayout()
        self.passphrase = password_edit()
        kit.add_field(form, tr("&Wachtwoord:"), self.passphrase)
        layout.addLayout(form)
        self.remember = kit.check_box(tr("&Onthoud op deze computer"))
        self.remember.setEnabled(False)
        layout.addWidget(self.remember)
        self.keyring_note = _wrapped(tr("Sleutelbos van deze computer wordt gecontroleerd…"))
        self.keyring_note.setAccessibleName(tr("Uitleg onthouden"))
        layout.addWidget(self.keyring_note)
        self.error = kit.error_label()
        layout.addWidget(self.error)
        for w in self.make_busy_widgets():
            layout.addWidget(w)
        buttons, (self.open_button, self.herstel_button, self.restore_button, self.quit_button) = (
            kit.button_box(
                (tr("&Openen"), "accept", self.try_open),
                (tr("Wachtwoord &vergeten…"), "action", self.use_herstelcode),
                (tr("Reservekopie &terugzetten…"), "action", self.restore_backup),
                (tr("Afsluiten"), "reject", self.reject),
            )
        )
        self.open_button.setDefault(True)
        layout.addWidget(buttons)
        if demo_passphrase:
            self.passphrase.setText(demo_passphrase)
        self.passphrase.setFocus()
        self.resize(480, 300)
        self.keyring_checked = False
        self._started = False

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._started:
            # Only after the screen is on display: the imports and keyring look-up
            # would otherwise compete with the first paint for the interpreter.
            self._started = True
            QTimer.singleShot(0, self.start_background_work)

    def start_background_work(self) -> None:
        """After the window shows: preload modules, check the keyring, try its key."""
        from ondersteuner.ui.ops.startup import preload

        self.runner.submit(preload)
        self.runner.submit(
            self._keyring_state,
            on_done=self._keyring_ready,
            on_error=lambda _exc: self._keyring_ready(None),
        )

    def _keyring_state(self) -> Any:
        from ondersteuner.vault.keystore import Keystore

        return Keystore(self.vault.vault_id).status()

    def _keyring_ready(self, status: Any) -> None:
        from ondersteuner.vault.keystore import KeyringState

        if not alive(self):
            return
        self.keyring_checked = True
        if status is None:
            self.keyring_note.setText(tr("Wachtwoord onthouden kan op deze computer niet."))
            return
        self.remember.setEnabled(status.can_remember)
        self.remember.setToolTip(status.explanation)
        self.keyring_note.setText("" if status.state is KeyringState.ABSENT else status.explanation)
        self.keyring_note.setVisible(status.state is not KeyringState.ABSENT)
        if status.state is KeyringState.STORED:
            self.remember.setChecked(True)
            from ondersteuner.ui.ops.startup import unlock_with_remembered_key

            self.run_busy(
                tr("De kluis wordt geopend met de onthouden sleutel…"),
                lambda: unlock_with_remembered_key(self.vault),
                self._remembered_done,
                self._failed,
            )

    def _remembered_done(self, opened: bool) -> None:
        if opened:
            self.accept()
        else:
            self.keyring_note.setText(
                tr(
                    "De onthouden sleutel past niet meer bij deze kluis. Vul het wachtwoord in; "
                    "het wachtwoord is niet fout."
                )
            )
            self.keyring_note.show()
            self.passphrase.setFocus()

    def try_open(self) -> None:
        text = self.passphrase.text()
        if not text:
            self._show_error(tr("Vul het wachtwoord in."))
            return
        from ondersteuner.ui.ops.startup import unlock_with_passphrase

        remember = self.remember.isEnabled() and self.remember.isChecked()
        self.error.hide()
        self.run_busy(
            tr("De kluis wordt geopend. Dit duurt een paar tellen…"),
            lambda: unlock_with_passphrase(self.vault, text, remember),
            lambda _stored: self.accept(),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        from ondersteuner.vault.errors import NotAVault, VaultCorrupt

        text = error_text(exc)
        if isinstance(exc, VaultCorrupt | NotAVault):
            text += " " + tr(
                "U kunt een reservekopie terugzetten (de nieuwste staat al klaar); de kluis "
                "van nu blijft dan apart bewaard."
            )
            self._show_error(text)
            self.restore_button.setFocus()
            return
        self._show_error(text)
        if isinstance(exc, WrongPassphrase):
            self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def restore_backup(self) -> None:
        """Put a reservekopie back; the vault then opens with that copy's passphrase."""
        from ondersteuner.ui.reservekopie import TerugzettenDialog

        dialog = TerugzettenDialog(self, self.vault.data_dir, self.runner)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.vault.__init__(self.vault.data_dir)  # forget the old key file
        when = dialog.restored_from
        self.reason_label.setText(
            tr(
                "De reservekopie van {0} is teruggezet. Open de kluis met het wachtwoord "
                "van toen.{1}"
            ).format(
                f"{when:%d-%m-%Y %H:%M}" if when else "?",
                " " + tr("De kluis van daarvoor staat in {0}.").format(dialog.veilig)
                if dialog.veilig
                else "",
            )
        )
        self.reason_label.show()
        self.error.hide()
        self.passphrase.clear()
        self.passphrase.setFocus()

    def use_herstelcode(self) -> None:
        dialog = HerstelDialog(self, self.vault, self.runner)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.accept()


class CreateVaultDialog(QDialog, BusyMixin):
    """First start: choose a passphrase, accept the warning, get the herstelcode."""

    def __init__(self, vault: Vault, runner: Runner, kdf: Any = None) -> None:
        super().__init__()
        self.vault, self.runner, self.kdf = vault, runner, kdf
        self.herstelcode: str | None = None
        self.setWindowTitle(tr("ondersteuner – nieuwe kluis"))
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(tr("Welkom bij ondersteuner")))
        layout.addWidget(
            _wrapped(
                tr(
                    "ondersteuner bewaart de gegevens van uw cliënten versleuteld op deze "
                    "computer, in een kluis. Alleen met het wachtwoord gaat de kluis open. "
                    "Kies nu dat wachtwoord."
                )
            )
        )
        layout.addWidget(_wrapped(tr("Map van de kluis: {d}", d=vault.data_dir)))
        self.pair = NewPassphrase(tr("&Wachtwoord:"))
        layout.addWidget(self.pair)
        warning = _wrapped(LOSS_WARNING)
        warning.setStyleSheet("font-weight: bold;")
        layout.addWidget(warning)
        self.understood = kit.check_box(
            tr("Ik &begrijp dat ik het wachtwoord niet kwijt mag raken")
        )
        layout.addWidget(self.understood)
        self.error = kit.error_label()
        layout.addWidget(self.error)
        for w in self.make_busy_widgets():
            layout.addWidget(w)
        buttons, (self.create_button, _cancel) = kit.button_box(
            (tr("&Kluis maken"), "accept", self.try_create),
            (tr("Afsluiten"), "reject", self.reject),
        )
        layout.addWidget(buttons)
        self.pair.setFocus()
        self.resize(520, 460)

    def try_create(self) -> None:
        problem = self.pair.problem()
        if problem is None and not self.understood.isChecked():
            problem = tr("Vink aan dat u begrijpt dat het wachtwoord niet kwijt mag raken.")
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.error.hide()
        passphrase = self.pair.value()

        def job() -> str:
            from ondersteuner.ui.ops.gemeenten import ensure_gemeenten

            code = (
                self.vault.create(passphrase, kdf=self.kdf)
                if self.kdf
                else self.vault.create(passphrase)
            )
            ensure_gemeenten(self.vault)
            return code

        self.run_busy(tr("De kluis wordt gemaakt…"), job, self._created, self._failed)

    def _created(self, code: str) -> None:
        self.herstelcode = code
        self.hide()
        self.code_dialog = HerstelcodeShowDialog(None, code)
        self.code_dialog.accepted.connect(self.accept)
        self.code_dialog.rejected.connect(self.accept)
        self.code_dialog.show()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))
        self.error.show()


class HerstelcodeShowDialog(QDialog):
    """Shows the one-time herstelcode; it cannot be shown again."""

    def __init__(self, parent: QWidget | None, code: str) -> None:
        super().__init__(parent)
        self.code = code
        self.setWindowTitle(tr("Uw herstelcode"))
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(tr("Schrijf deze herstelcode op")))
        layout.addWidget(
            _wrapped(
                tr(
                    "Met deze code opent u de kluis als u het wachtwoord vergeet. U ziet de "
                    "code maar één keer. Schrijf hem op of druk hem af, en bewaar het papier "
                    "op een veilige plek, niet bij de laptop."
                )
            )
        )
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QFont, QFontDatabase

        code_label = QLabel(code)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.8)
        mono.setWeight(QFont.Weight.Bold)
        code_label.setFont(mono)
        code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_label.setAccessibleName(tr("Herstelcode"))
        layout.addWidget(code_label)
        self.written, buttons, self.done_button = kit.written_down_gate(
            tr("de herstelcode"), self.print_code, tr("&Verder"), self.accept
        )
        layout.addWidget(self.written)
        layout.addWidget(buttons)

    def reject(self) -> None:
        # Escape must not skip the code: only "Verder" after ticking the box closes it.
        if self.written.isChecked():
            super().reject()

    def print_code(self) -> None:
        kit.print_text(
            self,
            tr(
                "ondersteuner – herstelcode van de kluis\n\n{code}\n\nBewaar dit papier op een "
                "veilige plek, niet bij de laptop.",
                code=self.code,
            ),
        )


class HerstelDialog(QDialog, BusyMixin):
    """Open the vault with the herstelcode and choose a new passphrase."""

    def __init__(self, parent: QWidget | None, vault: Vault, runner: Runner) -> None:
        super().__init__(parent)
        self.vault, self.runner = vault, runner
        self.setWindowTitle(tr("Kluis openen met herstelcode"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapped(
                tr(
                    "Typ de herstelcode die u bij het maken van de kluis heeft opgeschreven. "
                    "Streepjes, spaties en hoofdletters maken niet uit. "
                    "Kies daarna een nieuw wachtwoord."
                )
            )
        )
        form = QFormLayout()
        self.code = kit.line_edit(placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX", max_length=60)
        kit.add_field(form, tr("&Herstelcode:"), self.code)
        layout.addLayout(form)
        self.pair = NewPassphrase()
        layout.addWidget(self.pair)
        self.error = kit.error_label()
        layout.addWidget(self.error)
        for w in self.make_busy_widgets():
            layout.addWidget(w)
        buttons, _made = kit.button_box(
            (tr("&Openen"), "accept", self.try_open),
            (tr("Annuleren"), "reject", self.reject),
        )
        layout.addWidget(buttons)
        self.code.setFocus()

    def try_open(self) -> None:
        code = self.code.text()
        problem = tr("Vul de herstelcode in.") if not code.strip() else self.pair.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        from ondersteuner.ui.ops.startup import finish_open

        new = self.pair.value()

        def job() -> None:
            self.vault.unlock_with_herstelcode(code, new)
            finish_open(self.vault)

        self.run_busy(tr("De kluis wordt geopend…"), job, lambda _r: self.accept(), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))
        self.error.show()
        self.code.setFocus()


class ChangePassphraseDialog(QDialog, BusyMixin):
    """Change the passphrase: only the wrapped key is rewritten, never the data."""

    def __init__(self, parent: QWidget | None, vault: Vault, runner: Runner) -> None:
        super().__init__(parent)
        self.vault, self.runner = vault, runner
        self.setWindowTitle(tr("Wachtwoord wijzigen"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old = password_edit()
        kit.add_field(form, tr("&Huidig wachtwoord:"), self.old)
        layout.addLayout(form)
        self.pair = NewPassphrase()
        layout.addWidget(self.pair)
        self.error = kit.error_label()
        layout.addWidget(self.error)
        for w in self.make_busy_widgets():
            layout.addWidget(w)
        buttons, _made = kit.button_box(
            (tr("&Wijzigen"), "accept", self.try_change),
            (tr("Annuleren"), "reject", self.reject),
        )
        layout.addWidget(buttons)
        self.old.setFocus()

    def try_change(self) -> None:
        problem = self.pair.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        old, new = self.old.text(), self.pair.value()

        def job() -> None:
            from ondersteuner.ui.ops.common import audit, write_session

            self.vault.change_passphrase(old, new)
            with write_session(self.vault) as s:
                audit(s, "wachtwoord_gewijzigd")

        self.run_busy(
            tr("Het wachtwoord wordt gewijzigd…"), job, lambda _r: self.accept(), self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))
        self.error.show()
        self.old.selectAll()
        self.old.setFocus()
