"""The client's rights (AVG) on screen: the inzage export for the client, and the
hand-over (overdracht) of a dossier to another adviser — sealing it with a one-time
passphrase, and importing one.

The main window calls :func:`open_inzage`, :func:`open_verzegelen` and
:func:`open_importeren`; the work itself is Qt-free (``ui/ops/inzage.py``,
``vault/overdracht.py``) and runs on the context's worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from ondersteuner.i18n import tr
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.passphrase import BusyMixin, alive, error_text


def _tekst(text: str = "", *, accessible: str = "") -> QLabel:
    lbl = QLabel(text)
    lbl.setWordWrap(True)
    lbl.setTextFormat(Qt.TextFormat.PlainText)  # paths and names are never markup
    if accessible:
        lbl.setAccessibleName(accessible)
    return lbl


def _kop(text: str) -> QLabel:
    lbl = _tekst(text)
    font = lbl.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    lbl.setFont(font)
    return lbl


def _dossiernummer(ctx: AppContext, client_id: int) -> int:
    from ondersteuner.ui.ops.clients import get_client

    return get_client(ctx.vault, client_id).dossiernummer


class _Voortgang(QObject):
    """Carries progress from the worker thread to the progress dialog: the slot is a
    method of this object (made on the UI thread), so the call is queued there."""

    stap = Signal(int, int)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.progress: QProgressDialog | None = None
        self.stap.connect(self.toon)

    @Slot(int, int)
    def toon(self, done: int, total: int) -> None:
        if self.progress is not None and alive(self.progress):
            self.progress.setMaximum(total)
            self.progress.setValue(done)


# ---------------------------------------------------------------------- inzage
class InzageDialog(QDialog):
    """Save the client's complete dossier as a zip for the client (AVG art. 15, 20)."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, client_id: int) -> None:
        super().__init__(parent)
        self.ctx, self.client_id = ctx, client_id
        self.nummer = _dossiernummer(ctx, client_id)
        self.pad: Path | None = None
        self.setWindowTitle(tr("Inzage voor de cliënt"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(_kop(tr("Inzage in dossier {n}", n=self.nummer)))
        layout.addWidget(
            _tekst(
                tr(
                    "De cliënt mag alles zien wat u over hem of haar bewaart, en een kopie "
                    "krijgen (AVG artikel 15). U maakt één zip-bestand met: een overzicht in "
                    "Word, de aantekeningen van elk gesprek, de verslagen van de gemeente, de "
                    "brieven, en alle gegevens in een bestand dat een computer kan lezen. "
                    "Geef de inzage binnen een maand na de vraag; het is gratis."
                )
            )
        )
        layout.addWidget(
            _tekst(
                tr(
                    "Let op: het zip-bestand is niet versleuteld. Sla het niet op in een map "
                    "die naar internet wordt gekopieerd. Geef het persoonlijk aan de cliënt, "
                    "bijvoorbeeld op een usb-stick, en niet met gewone e-mail. Verwijder uw "
                    "eigen kopie daarna."
                )
            )
        )
        self.uitkomst = _tekst(accessible=tr("Uitkomst"))
        self.uitkomst.hide()
        layout.addWidget(self.uitkomst)
        self.error = kit.error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)
        buttons, (self.opslaan, self.sluiten) = kit.button_box(
            (tr("&Opslaan als…"), "action", self.kies_en_maak),
            (tr("&Sluiten"), "reject", self.reject),
        )
        layout.addWidget(buttons)
        self.opslaan.setDefault(True)
        self._voortgang = _Voortgang(self)
        self.resize(560, self.sizeHint().height())

    def kies_en_maak(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ondersteuner.ui.ops.inzage import standaard_naam

        naam, _f = QFileDialog.getSaveFileName(
            self, tr("Inzage opslaan"), str(Path.home() / standaard_naam(self.nummer)),
            tr("Zip-bestand (*.zip)"),
        )  # fmt: skip
        if not naam:
            return
        doel = Path(naam if naam.lower().endswith(".zip") else naam + ".zip")
        self.maak(doel)

    def maak(self, doel: Path) -> None:
        from ondersteuner.ui.ops.inzage import exporteer_inzage

        self.error.hide()
        self.uitkomst.hide()
        self.opslaan.setEnabled(False)
        self.sluiten.setEnabled(False)
        progress = QProgressDialog(tr("De inzage wordt gemaakt…"), "", 0, 0, self)
        progress.setWindowTitle(tr("Inzage"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self._voortgang.progress = progress

        def klaar(result: Any) -> None:
            self._voortgang.progress = None
            progress.close()
            if not alive(self):
                return
            self.opslaan.setEnabled(True)
            self.sluiten.setEnabled(True)
            if isinstance(result, BaseException):
                self.error.setText(error_text(result))
                self.error.show()
                return
            self.pad = Path(result)
            self.uitkomst.setText(
                tr(
                    "Klaar. De inzage staat in {pad}. Open het overzicht (00-overzicht.docx) "
                    "om te zien wat erin staat.",
                    pad=self.pad,
                )
            )
            self.uitkomst.show()
            self.sluiten.setFocus()

        self.ctx.runner.submit(
            exporteer_inzage, self.ctx.vault, self.client_id, doel, self._voortgang.stap.emit,
            on_done=klaar, on_error=klaar,
        )  # fmt: skip


def open_inzage(parent: QWidget | None, ctx: AppContext, client_id: int) -> Path | None:
    """Show the inzage dialog; returns the zip written, if any."""
    dialog = InzageDialog(parent, ctx, client_id)
    dialog.exec()
    return dialog.pad


# ------------------------------------------------------------------ overdracht
class OverdrachtDialog(QDialog, BusyMixin):
    """Hand a dossier over: with ``client_id``, seal that client's dossier into one
    encrypted file and show the one-time passphrase; without, import such a file."""

    def __init__(
        self, parent: QWidget | None, ctx: AppContext, client_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, ctx.runner
        self.client_id = client_id
        self.verzegeld: Path | None = None
        self.wachtwoord: str | None = None
        self.bron: Path | None = None
        self.geimporteerd: int | None = None
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.error = kit.error_label()
        self._meldingen = [*self.make_busy_widgets(), self.error]
        if client_id is not None:
            self._bouw_verzegelen(layout, client_id)
        else:
            self._bouw_importeren(layout)
        self.resize(600, self.sizeHint().height())

    # ------------------------------------------------------------- sealing
    def _bouw_verzegelen(self, layout: QVBoxLayout, client_id: int) -> None:
        self.nummer = _dossiernummer(self.ctx, client_id)
        self.setWindowTitle(tr("Dossier overdragen"))
        self.uitleg = QWidget()
        box = QVBoxLayout(self.uitleg)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(_kop(tr("Dossier {n} overdragen", n=self.nummer)))
        box.addWidget(
            _tekst(
                tr(
                    "Gaat de cliënt naar een andere cliëntondersteuner? Doe dit alleen als de "
                    "cliënt ermee instemt. U maakt één versleuteld bestand met het hele "
                    "dossier. Daarna ziet u één keer een wachtwoord. De andere "
                    "cliëntondersteuner heeft allebei nodig om het dossier in te lezen."
                )
            )
        )
        for w in self._meldingen:  # progress and errors right above the buttons
            box.addWidget(w)
        box.addStretch(1)
        knoppen, (self.maak_knop, self.annuleer_knop) = kit.button_box(
            (tr("&Bestand maken…"), "action", self.kies_doel),
            (tr("Annuleren"), "reject", self.reject),
        )
        box.addWidget(knoppen)
        layout.addWidget(self.uitleg)

        self.resultaat = QWidget()
        box = QVBoxLayout(self.resultaat)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(_kop(tr("Het eenmalige wachtwoord")))
        self.bestand_label = _tekst(accessible=tr("Bestand"))
        box.addWidget(self.bestand_label)
        from PySide6.QtGui import QFont, QFontDatabase

        self.wachtwoord_label = QLabel()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.8)
        mono.setWeight(QFont.Weight.Bold)
        self.wachtwoord_label.setFont(mono)
        self.wachtwoord_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wachtwoord_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.wachtwoord_label.setAccessibleName(tr("Eenmalig wachtwoord"))
        box.addWidget(self.wachtwoord_label)
        box.addWidget(
            _tekst(
                tr(
                    "Geef het bestand en het wachtwoord apart aan de andere "
                    "cliëntondersteuner: bijvoorbeeld het bestand op een usb-stick of per "
                    "e-mail, en het wachtwoord door de telefoon of op papier. Nooit samen in "
                    "één bericht. U ziet dit wachtwoord maar één keer; kwijt? Maak dan een "
                    "nieuw bestand. Het dossier blijft ook bij u staan: verwijder het zelf "
                    "als de overdracht klaar is."
                )
            )
        )
        self.doorgegeven, knoppen, self.klaar_knop = kit.written_down_gate(
            tr("het wachtwoord"), self.druk_af, tr("&Sluiten"), self.accept
        )
        box.addWidget(self.doorgegeven)
        box.addStretch(1)
        box.addWidget(knoppen)
        self.resultaat.hide()
        layout.addWidget(self.resultaat)

    def kies_doel(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ondersteuner.vault.overdracht import EXTENSIE

        naam, _f = QFileDialog.getSaveFileName(
            self, tr("Overdrachtsbestand opslaan"),
            str(Path.home() / f"overdracht-dossier-{self.nummer}{EXTENSIE}"),
            tr("Overdrachtsbestand (*{ext})", ext=EXTENSIE),
        )  # fmt: skip
        if not naam:
            return
        doel = Path(naam if naam.lower().endswith(EXTENSIE) else naam + EXTENSIE)
        self.verzegel(doel)

    def verzegel(self, doel: Path) -> None:
        from ondersteuner.vault.overdracht import verzegel

        vault, client_id = self.ctx.vault, self.client_id
        assert client_id is not None
        self.error.hide()

        def gelukt(wachtwoord: str) -> None:
            self.verzegeld, self.wachtwoord = doel, wachtwoord
            self.bestand_label.setText(tr("Het bestand: {pad}", pad=doel))
            self.wachtwoord_label.setText(wachtwoord)
            self.uitleg.hide()
            self.resultaat.show()
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
            self.doorgegeven.setFocus()

        self.run_busy(
            tr("Het bestand wordt gemaakt…"),
            lambda: verzegel(vault, client_id, doel),
            gelukt,
            self._fout,
        )

    def druk_af(self) -> None:
        kit.print_text(
            self,
            tr(
                "ondersteuner – wachtwoord voor het overdrachtsbestand {bestand}\n\n{pw}\n\n"
                "Geef dit papier niet samen met het bestand.",
                bestand=self.verzegeld.name if self.verzegeld else "",
                pw=self.wachtwoord or "",
            ),
        )

    def reject(self) -> None:
        # Shown once: Escape must not skip it before the adviser has noted it down.
        if self.wachtwoord is not None and not self.doorgegeven.isChecked():
            return
        super().reject()

    # ----------------------------------------------------------- importing
    def _bouw_importeren(self, layout: QVBoxLayout) -> None:
        self.setWindowTitle(tr("Dossier importeren"))
        layout.addWidget(_kop(tr("Een dossier van een andere cliëntondersteuner")))
        layout.addWidget(
            _tekst(
                tr(
                    "Kies het overdrachtsbestand dat u kreeg, en typ het wachtwoord dat u "
                    "apart kreeg. Het dossier komt er als nieuw dossier bij; niets in uw "
                    "kluis wordt overschreven."
                )
            )
        )
        rij = QHBoxLayout()
        rij.addWidget(kit.button(tr("&Bestand kiezen…"), self.kies_bron))
        self.bron_label = _tekst(tr("Geen bestand gekozen."), accessible=tr("Gekozen bestand"))
        rij.addWidget(self.bron_label, 1)
        layout.addLayout(rij)
        form = QFormLayout()
        self.wachtwoord_veld = kit.line_edit(
            placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX", max_length=80
        )
        kit.add_field(
            form, tr("&Wachtwoord:"), self.wachtwoord_veld,
            tr("Zes groepjes van vier tekens. Hoofdletters en streepjes maken niet uit."),
        )  # fmt: skip
        layout.addLayout(form)
        self.uitkomst = _tekst(accessible=tr("Uitkomst"))
        self.uitkomst.hide()
        layout.addWidget(self.uitkomst)
        for w in self._meldingen:
            layout.addWidget(w)
        layout.addStretch(1)
        knoppen, (self.importeer_knop, self.sluit_knop) = kit.button_box(
            (tr("&Importeren"), "action", self.importeer),
            (tr("&Sluiten"), "reject", self.reject),
        )
        self.importeer_knop.setDefault(True)
        layout.addWidget(knoppen)

    def kies_bron(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ondersteuner.vault.overdracht import EXTENSIE

        naam, _f = QFileDialog.getOpenFileName(
            self, tr("Overdrachtsbestand kiezen"), str(Path.home()),
            tr("Overdrachtsbestand (*{ext});;Alle bestanden (*)", ext=EXTENSIE),
        )  # fmt: skip
        if naam:
            self.bron = Path(naam)
            self.bron_label.setText(self.bron.name)
            self.wachtwoord_veld.setFocus()

    def importeer(self) -> None:
        from ondersteuner.vault.overdracht import importeer

        self.error.hide()
        if self.bron is None:
            self._fout_tekst(tr("Kies eerst het overdrachtsbestand."))
            return
        if not self.wachtwoord_veld.text().strip():
            self._fout_tekst(tr("Typ het wachtwoord dat bij het bestand hoort."))
            self.wachtwoord_veld.setFocus()
            return
        vault, bron, wachtwoord = self.ctx.vault, self.bron, self.wachtwoord_veld.text()

        def gelukt(client_id: int) -> None:
            self.geimporteerd = client_id
            nummer = _dossiernummer(self.ctx, client_id)
            self.uitkomst.setText(
                tr(
                    "Gelukt. Het dossier staat nu in uw kluis als dossier {n}. Bewaar het "
                    "bestand niet langer dan nodig.",
                    n=nummer,
                )
            )
            self.uitkomst.show()
            self.importeer_knop.setEnabled(False)
            self.sluit_knop.setFocus()
            self.ctx.notify(
                Changes(
                    clients=True, contactpersonen=True, meldingen=True, gebeurtenissen=True,
                    gemeenten=True, termijnen=True,
                )
            )  # fmt: skip

        self.run_busy(
            tr("Het dossier wordt ingelezen…"),
            lambda: importeer(vault, bron, wachtwoord),
            gelukt,
            self._fout,
        )

    # -------------------------------------------------------------- shared
    def _fout(self, exc: BaseException) -> None:
        self._fout_tekst(error_text(exc))

    def _fout_tekst(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def open_verzegelen(parent: QWidget | None, ctx: AppContext, client_id: int) -> Path | None:
    """Seal the client's dossier for another adviser; returns the file written, if any."""
    dialog = OverdrachtDialog(parent, ctx, client_id)
    dialog.exec()
    return dialog.verzegeld


def open_importeren(parent: QWidget | None, ctx: AppContext) -> int | None:
    """Import a dossier another adviser sealed; returns the new client's id, if any."""
    dialog = OverdrachtDialog(parent, ctx)
    dialog.exec()
    return dialog.geimporteerd
