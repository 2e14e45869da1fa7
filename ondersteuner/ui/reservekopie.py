"""Reservekopieën in the app: make one (Bestand → Reservekopie maken…) and put one
back (from the unlock screen, also offered when the vault cannot be opened)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ondersteuner.i18n import tr
from ondersteuner.ui import kit
from ondersteuner.ui.context import Runner
from ondersteuner.ui.passphrase import BusyMixin, password_edit
from ondersteuner.vault import VaultError
from ondersteuner.vault.reservekopie import (
    SUFFIX,
    KopieFout,
    automatische_kopieen,
    herstel_reservekopie,
    lees_info,
)


def _label(pad: Path) -> str:
    try:
        info = lees_info(pad)
    except KopieFout:
        return pad.name
    kind = tr("automatisch") if pad.name.startswith("auto-") else tr("zelf gemaakt")
    return f"{info.gemaakt:%d-%m-%Y %H:%M} ({kind}, {info.grootte / 1e6:.1f} MB)"


class TerugzettenDialog(QDialog, BusyMixin):
    """Choose a copy, give its passphrase (or herstelcode), and put it back. The copy
    is checked completely before anything changes; the vault of now is moved aside."""

    def __init__(
        self, parent: QWidget | None, data_dir: Path, runner: Runner, pad: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir, self.runner = data_dir, runner
        self.setWindowTitle(tr("Reservekopie terugzetten"))
        self.setModal(True)
        self.restored_from: dt.datetime | None = None
        self.veilig: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Kies de reservekopie die u wilt terugzetten. De kluis van nu wordt niet "
                "gewist: die gaat eerst naar een aparte map. Daarna opent de kluis met het "
                "wachtwoord van het moment dat de kopie werd gemaakt."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.choice = kit.combo(
            [(_label(p), str(p)) for p in automatische_kopieen(data_dir)]
            or [(tr("(nog geen automatische kopie)"), "")]
        )
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(kit.button(tr("Ander &bestand…"), self.choose_file))
        form.addRow(tr("&Reservekopie:"), row)
        self.choice.setAccessibleName(tr("Reservekopie"))
        if pad is not None:
            self._add(pad)
        self.with_passphrase = QRadioButton(tr("met het &wachtwoord van toen"))
        self.with_code = QRadioButton(tr("met de &herstelcode"))
        self.with_passphrase.setChecked(True)
        form.addRow(self.with_passphrase)
        form.addRow(self.with_code)
        self.secret = password_edit()
        kit.add_field(form, tr("Wachtwoord of &code:"), self.secret)
        layout.addLayout(form)
        self.error = kit.error_label()
        layout.addWidget(self.error)
        for w in self.make_busy_widgets():
            layout.addWidget(w)
        buttons, (self.ok_button, _cancel) = kit.button_box(
            (tr("&Terugzetten"), "accept", self.try_restore),
            (tr("Annuleren"), "reject", self.reject),
        )
        layout.addWidget(buttons)
        self.secret.setFocus()
        self.resize(560, 300)

    def _add(self, pad: Path) -> None:
        self.choice.insertItem(0, _label(pad), str(pad))
        self.choice._values.insert(0, str(pad))  # keep Choice's value list in step
        self.choice.setCurrentIndex(0)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Reservekopie kiezen"),
            str(Path.home()),
            tr("Reservekopie van ondersteuner (*{0});;Alle bestanden (*)").format(SUFFIX),
        )
        if name:
            self._add(Path(name))

    def try_restore(self) -> None:
        pad = str(self.choice.value() or "")
        secret = self.secret.text()
        if not pad:
            self._show(tr("Kies eerst een reservekopie."))
            return
        if not secret:
            self._show(tr("Vul het wachtwoord of de herstelcode in."))
            return
        if not kit.confirm(
            self,
            tr("Reservekopie terugzetten?"),
            tr(
                "De kluis wordt vervangen door de reservekopie. Wat u daarna nog heeft "
                "ingevoerd, zit niet in de kopie. De kluis van nu gaat eerst naar een "
                "aparte map in {0}."
            ).format(self.data_dir),
            tr("Terugzetten"),
        ):
            return
        herstelcode = self.with_code.isChecked()
        self.error.hide()
        self.run_busy(
            tr("De reservekopie wordt gecontroleerd en teruggezet…"),
            lambda: (
                lees_info(Path(pad)).gemaakt,
                herstel_reservekopie(Path(pad), secret, self.data_dir, herstelcode=herstelcode),
            ),
            self._done,
            lambda exc: self._show(
                str(exc)
                if isinstance(exc, VaultError)
                else tr("Het terugzetten lukte niet. Er is niets veranderd.")
            ),
        )

    def _done(self, result: Any) -> None:
        self.restored_from, self.veilig = result
        self.accept()

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.secret.setFocus()


def maak_kopie(parent: QWidget, ctx: Any) -> Path | None:
    """Bestand → Reservekopie maken…: to a file the adviser chooses, with progress."""
    from ondersteuner.ui.brief import bestandsfout
    from ondersteuner.ui.ops.common import audit, write_session
    from ondersteuner.vault.reservekopie import maak_reservekopie

    default = Path.home() / f"ondersteuner-kopie-{dt.date.today():%Y-%m-%d}{SUFFIX}"
    name, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Reservekopie opslaan"),
        str(default),
        tr("Reservekopie van ondersteuner (*{0})").format(SUFFIX),
    )
    if not name:
        return None
    doel = Path(name) if name.endswith(SUFFIX) else Path(name + SUFFIX)
    progress = QProgressDialog(tr("Reservekopie maken…"), "", 0, 100, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    try:
        maak_reservekopie(
            ctx.vault,
            doel,
            lambda done, total: (
                progress.setValue(int(100 * done / max(1, total))),
                QApplication.processEvents(),
            ),
        )
        with write_session(ctx.vault) as s:
            audit(s, "reservekopie_gemaakt", "")
    except OSError as exc:
        progress.close()
        kit.show_error(parent, bestandsfout(exc))
        return None
    except VaultError as exc:
        progress.close()
        kit.show_error(parent, str(exc))
        return None
    progress.close()
    kit.show_info(
        parent,
        tr(
            "De reservekopie staat in {0}. Hij is versleuteld en opent met uw wachtwoord "
            "of herstelcode van nu. Bewaar hem op een andere plek dan deze laptop."
        ).format(doel),
        tr("Reservekopie gemaakt"),
    )
    return doel
