"""Widgets shared by every screen that sets a passphrase, and the busy state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from ondersteuner.i18n import tr
from ondersteuner.ui import kit
from ondersteuner.ui.context import Runner
from ondersteuner.vault.errors import VaultError, WeakPassphrase
from ondersteuner.vault.strength import PASSPHRASE_RULE, check_passphrase


def password_edit(placeholder: str = "") -> QLineEdit:
    w = QLineEdit()
    w.setEchoMode(QLineEdit.EchoMode.Password)
    w.setMaxLength(500)
    if placeholder:
        w.setPlaceholderText(placeholder)
    return w


class NewPassphrase(QWidget):
    """Passphrase entered twice, the rule in plain Dutch, live feedback."""

    def __init__(self, first_label: str = "") -> None:
        super().__init__()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        rule = QLabel(PASSPHRASE_RULE)
        rule.setWordWrap(True)
        form.addRow(rule)
        self.first = password_edit()
        self.second = password_edit()
        kit.add_field(form, first_label or tr("&Nieuw wachtwoord:"), self.first)
        kit.add_field(form, tr("&Herhaal wachtwoord:"), self.second)
        self.show_box = kit.check_box(tr("&Toon wat ik typ"))
        self.show_box.toggled.connect(self._toggle_echo)
        form.addRow(self.show_box)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName(tr("Controle wachtwoord"))
        form.addRow(self.feedback)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self.setFocusProxy(self.first)

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def problem(self) -> str | None:
        """Dutch reason the pair is not acceptable yet, or ``None``."""
        try:
            check_passphrase(self.first.text())
        except WeakPassphrase as exc:
            return str(exc)
        if self.first.text() != self.second.text():
            return tr("De twee wachtwoorden zijn niet gelijk.")
        return None

    def _update(self) -> None:
        if not self.first.text():
            self.feedback.setText("")
            return
        problem = self.problem()
        self.feedback.setText(problem or tr("✓ Dit wachtwoord is goed."))
        self.feedback.setStyleSheet("color: #a40000;" if problem else "color: #1b5e20;")

    def value(self) -> str:
        return self.first.text()


class BusyMixin:
    """Run a slow job (key derivation, opening, migrating) off the UI thread.

    While it runs the dialog's inputs are disabled and a busy bar with a Dutch
    text is shown; the result or the error comes back on the UI thread.
    """

    runner: Runner
    busy_bar: QProgressBar
    busy_label: QLabel

    def make_busy_widgets(self) -> list[QWidget]:
        self.busy_label = QLabel()
        self.busy_label.setAccessibleName(tr("Voortgang"))
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName(tr("Bezig"))
        self.busy_bar.hide()
        self.busy_label.hide()
        return [self.busy_label, self.busy_bar]

    def run_busy(
        self,
        text: str,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        from PySide6.QtCore import Qt

        dialog: QDialog = self  # type: ignore[assignment]
        # Disable what is enabled now, and later re-enable exactly those: an input
        # that was disabled for a reason (no keyring) stays disabled.
        inputs = [
            w
            for w in dialog.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isEnabled()
        ]
        for w in inputs:
            w.setEnabled(False)
        self.busy_label.setText(text)
        self.busy_label.show()
        self.busy_bar.show()

        def finish() -> None:
            if not alive(dialog):
                return
            for w in inputs:
                w.setEnabled(True)
            self.busy_label.hide()
            self.busy_bar.hide()

        def done(result: Any) -> None:
            if alive(dialog):
                finish()
                on_done(result)

        def failed(exc: BaseException) -> None:
            if alive(dialog):
                finish()
                on_error(exc)

        self.runner.submit(job, on_done=done, on_error=failed)


def alive(widget: QWidget) -> bool:
    """False once Qt has deleted the widget (a late worker result must not touch it)."""
    import shiboken6

    return bool(shiboken6.isValid(widget))


def error_text(exc: BaseException) -> str:
    """A Dutch message for any error from a vault job; never a traceback."""
    if isinstance(exc, VaultError):
        return str(exc)
    if isinstance(exc, OSError):
        return tr("Het bestand kon niet worden gelezen of geschreven: {e}", e=exc.strerror or exc)
    return tr(
        "Er ging iets onverwachts mis ({soort}). Er is niets verloren gegaan. Probeer het "
        "opnieuw; lukt het niet, meld dit dan.",
        soort=type(exc).__name__,
    )
