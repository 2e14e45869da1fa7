"""The end of a gesprek: what was agreed, what was not covered, when the verslag is
due; mark it as held and make the documents for the client."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ondersteuner.gesprek.samenvatting import Samenvatting, samenvatten
from ondersteuner.i18n import tr
from ondersteuner.settings import ADVISEUR_NAAM, ADVISEUR_TELEFOON
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.ops import gesprekken as ops
from ondersteuner.ui.ops import meldingen as melding_ops
from ondersteuner.ui.ops.gemeenten import get_gemeente
from ondersteuner.ui.tables.rows import fmt_date

if TYPE_CHECKING:
    from ondersteuner.documenten.gesprek import GesprekKop


def samenvatting_tekst(s: Samenvatting) -> str:
    lines = [tr("AFSPRAKEN")]
    lines += [f"• {i.tekst}" for i in s.afspraken] or [tr("– geen –")]
    lines += ["", tr("TOEZEGGINGEN VAN DE GEMEENTE")]
    lines += [f"• {i.tekst}" for i in s.toezeggingen] or [tr("– geen –")]
    if s.wensen:
        lines += ["", tr("WENSEN")] + [f"• {i.tekst}" for i in s.wensen]
    lines += ["", tr("NOG NIET AAN BOD GEKOMEN (vraag dit nu nog)")]
    lines += [f"• {p.tekst}" for p in s.open_punten] or [tr("– alles is afgevinkt –")]
    lines += [
        "",
        tr(
            "VERSLAG: verwacht uiterlijk {d} (richtlijn: 2 weken na het gesprek){w}.",
            d=fmt_date(s.verslag_datum),
            w=tr("; wettelijk uiterlijk {u}", u=fmt_date(s.verslag_uiterlijk))
            if s.verslag_uiterlijk
            else "",
        ),
    ]
    return "\n".join(lines)


class EindeDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: AppContext, gesprek_id: int) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.gesprek = ops.get_gesprek(ctx.vault, gesprek_id)
        self.melding = melding_ops.get_melding(ctx.vault, self.gesprek.melding_id)
        self.samenvatting = samenvatten(
            self.gesprek.datum,
            list(self.gesprek.items),
            self.gesprek.let_op_afgevinkt,
            datum_melding=self.melding.datum_melding,
            wet=self.melding.wet,
        )
        self.afgerond = False
        self.written: list[Path] = []
        self.setWindowTitle(tr("Gesprek afronden"))
        layout = QVBoxLayout(self)
        text = QPlainTextEdit(samenvatting_tekst(self.samenvatting))
        text.setReadOnly(True)
        text.setAccessibleName(tr("Samenvatting van het gesprek"))
        layout.addWidget(text, 1)
        self.error = kit.error_label()
        layout.addWidget(self.error)
        info = QLabel(
            tr(
                "Afronden legt het gesprek vast als stap van de melding; de termijn voor het "
                "verslag gaat dan lopen."
            )
        )
        info.setWordWrap(True)
        layout.addWidget(info)
        buttons, (self.finish_button, *_rest) = kit.button_box(
            (tr("&Afronden"), "accept", self.finish),
            (tr("&Notities als Word…"), "action", lambda: self.export("notities")),
            (tr("&Samenvatting voor cliënt…"), "action", lambda: self.export("samenvatting")),
            (tr("&Terug naar de notities"), "reject", self.reject),
        )
        layout.addWidget(buttons)
        self.resize(720, 560)
        text.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self) -> None:
        if self.attempt_finish():
            self.accept()

    def attempt_finish(self) -> bool:
        from ondersteuner.vault import VaultError

        try:
            ops.rond_af(self.ctx.vault, self.gesprek.id)
        except VaultError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.afgerond = True
        self.ctx.notify(Changes(meldingen=True, gebeurtenissen=True, termijnen=True))
        return True

    def kop(self) -> GesprekKop:
        from ondersteuner.ui.ops.clients import get_client

        client = get_client(self.ctx.vault, self.melding.client_id)  # type: ignore[arg-type]
        gemeente = (
            get_gemeente(self.ctx.vault, self.melding.gemeente_id)
            if self.melding.gemeente_id
            else None
        )
        from ondersteuner.documenten.gesprek import GesprekKop

        s = self.ctx.settings
        return GesprekKop(
            client_naam=client.naam,
            dossiernummer=self.gesprek.dossiernummer,
            datum=self.gesprek.datum,
            locatie=self.gesprek.locatie,
            vorm=self.gesprek.vorm,
            aanwezigen=self.gesprek.aanwezigen,
            gemeente=gemeente.naam if gemeente else "",
            gemeente_telefoon=gemeente.loket_telefoon if gemeente else "",
            adviseur=s.get(ADVISEUR_NAAM),
            adviseur_telefoon=s.get(ADVISEUR_TELEFOON),
        )

    def document(self, which: str) -> bytes:
        from ondersteuner.documenten.gesprek import notities_docx, samenvatting_docx

        kop = self.kop()
        if which == "notities":
            return notities_docx(kop, list(self.gesprek.items), self.samenvatting)
        return samenvatting_docx(kop, self.samenvatting)

    def export(self, which: str) -> None:
        """Save a Word document where the adviser chooses (never silently)."""
        from ondersteuner.vault.atomic import atomic_write

        name = (
            tr("gespreksnotities-dossier-{n}.docx", n=self.gesprek.dossiernummer)
            if which == "notities"
            else tr("samenvatting-gesprek-dossier-{n}.docx", n=self.gesprek.dossiernummer)
        )
        path, _f = QFileDialog.getSaveFileName(
            self, tr("Word-document opslaan"), str(Path.home() / name), tr("Word (*.docx)")
        )
        if not path:
            return
        target = Path(path if path.lower().endswith(".docx") else path + ".docx")
        try:
            atomic_write(target, self.document(which))
        except OSError as exc:
            self.error.setText(tr("Opslaan lukte niet: {e}", e=exc.strerror or exc))
            self.error.show()
            return
        self.written.append(target)
        self.error.hide()
