"""The verslag: import it (file or pasted text, BSN redaction) and compare it with the
notes side by side — notes left, verslag right, differences by keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ondersteuner.compare import GEDEELTELIJK, GEVONDEN, ONTBREEKT, Punt
from ondersteuner.compare.checklist import LABELS
from ondersteuner.compare.engine import unwrapped
from ondersteuner.compare.importeren import (
    ImportFout,
    Ingelezen,
    geplakt,
    lees_bestand,
    pdf_paginas,
    vind_bsn,
)
from ondersteuner.compare.tekst import one_line
from ondersteuner.i18n import tr
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.ops import verslagen as ops
from ondersteuner.validation import InvalidInput

# Colour and a symbol and a word: the legend never relies on colour alone.
STATUS = {
    GEVONDEN: ("✔", tr("gevonden"), "#2e7d32", "#dff0d8"),
    GEDEELTELIJK: ("≈", tr("gedeeltelijk"), "#8a5a00", "#fff2b3"),
    ONTBREEKT: ("✘", tr("ontbreekt"), "#c62828", "#f8d7da"),
}
UNSUPPORTED_BG = "#e3d7f5"
# Where a missing note's topic came closest: shown only for the selected note.
NEAR_BG = "#dcdcdc"


class ImportDialog(kit.FormDialog):
    """Read a verslag from a file or pasted text; offer to remove BSNs first."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, melding_id: int) -> None:
        super().__init__(parent, tr("Verslag inlezen"), ok_text=tr("&Inlezen"))
        self.ctx, self.melding_id = ctx, melding_id
        self.ingelezen: Ingelezen | None = None
        self.verslag_id: int | None = None
        intro = QLabel(
            tr(
                "Kies het bestand dat de gemeente stuurde (Word, pdf of tekst), of plak de "
                "tekst hieronder. Het bestand wordt in de kluis bewaard."
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        row = QHBoxLayout()
        self.file_label = QLabel(tr("Geen bestand gekozen."))
        choose = kit.button(tr("&Bestand kiezen…"), self.choose_file)
        row.addWidget(choose)
        row.addWidget(self.file_label, 1)
        self.form.addRow(row)
        self.fields = {
            "tekst": kit.add_field(
                self.form,
                tr("Of &plak de tekst:"),
                kit.text_edit(height=160, placeholder=tr("Plak hier de tekst van het verslag.")),
            ),
            "dagtekening": kit.add_field(self.form, tr("&Dagtekening:"), kit.DateField()),
            "ontvangen_op": kit.add_field(
                self.form, tr("&Ontvangen op:"), kit.DateField(dt.date.today())
            ),
            "bsn": kit.add_field(
                self.form,
                "",
                kit.check_box(tr("Nummers die op een &BSN lijken weghalen (aanbevolen)"), True),
            ),
        }
        self.fields["bsn"].setAccessibleName(tr("BSN weghalen"))
        self.bsn_note = QLabel()
        self.bsn_note.setWordWrap(True)
        self.form.addRow(self.bsn_note)
        self.fields["tekst"].textChanged.connect(self._text_changed)  # type: ignore[attr-defined]
        self.name_fields()
        self.resize(640, 560)

    def choose_file(self) -> None:
        name, _f = QFileDialog.getOpenFileName(
            self, tr("Verslag kiezen"), str(Path.home()),
            tr("Verslagen (*.docx *.pdf *.txt);;Alle bestanden (*)"),
        )  # fmt: skip
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        progress = QProgressDialog(tr("Verslag lezen…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(300)

        def step(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()

        try:
            self.ingelezen = lees_bestand(path, step)
        except ImportFout as exc:
            self.ingelezen = None
            self.file_label.setText(tr("Geen bestand gekozen."))
            self.show_error(str(exc))
            return
        finally:
            progress.close()
        self.error.hide()
        self.file_label.setText(path.name)
        self.fields["tekst"].setPlainText(self.ingelezen.tekst)  # type: ignore[attr-defined]

    def _text_changed(self) -> None:
        text = self.fields["tekst"].toPlainText()  # type: ignore[attr-defined]
        found = vind_bsn(text)
        self.bsn_note.setText(
            tr(
                "Er staan {n} nummers in die op een burgerservicenummer lijken. Een "
                "onafhankelijke cliëntondersteuner mag dat nummer niet bewaren.",
                n=len(found),
            )
            if found
            else ""
        )

    def accept(self) -> None:
        text = self.fields["tekst"].toPlainText()  # type: ignore[attr-defined]
        if self.ingelezen is not None and text == self.ingelezen.tekst:
            source = self.ingelezen
        else:
            try:
                source = geplakt(text)
            except ImportFout as exc:
                self.show_error(str(exc), "tekst")
                return

        def save() -> None:
            self.verslag_id = ops.bewaar_verslag(
                self.ctx.vault,
                self.melding_id,
                source,
                dagtekening=self.fields["dagtekening"].value(),  # type: ignore[attr-defined]
                ontvangen_op=self.fields["ontvangen_op"].value(),  # type: ignore[attr-defined]
                bsn_verwijderen=self.fields["bsn"].isChecked(),  # type: ignore[attr-defined]
            )

        if self.attempt(save):
            self.ctx.notify(Changes(meldingen=True))
            super().accept()


class VergelijkWindow(QWidget):
    """Notes left, verslag right; F8 / Shift+F8 move between differences."""

    def __init__(self, ctx: AppContext, verslag_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx, self.verslag_id = ctx, verslag_id
        self.setWindowTitle(tr("Verslag vergelijken"))
        self.setAccessibleName(tr("Verslag vergelijken"))
        layout = QVBoxLayout(self)
        swatch = '<span style="background:{c}">&nbsp;&nbsp;&nbsp;</span>'
        legend = QLabel(
            "&nbsp;&nbsp; ".join(
                f'<span style="color:{c}">{sym}</span> {word}'
                for sym, word, c, _b in STATUS.values()
            )
            + "&nbsp;&nbsp; "
            + swatch.format(c=UNSUPPORTED_BG)
            + tr(" paars: staat in het verslag, niet in de aantekeningen")
            + "&nbsp;&nbsp; "
            + swatch.format(c=NEAR_BG)
            + tr(" grijs: bij ✘ de passage die er het dichtst bij komt")
            + tr("&nbsp;&nbsp; ·&nbsp; F8 volgend verschil, Shift+F8 vorig")
        )
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setAccessibleName(tr("Legenda"))
        legend.setWordWrap(True)
        layout.addWidget(legend)
        self.notes = kit.list_widget(tr("Aantekeningen met hun uitkomst"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        # Words to point out are selected by mouse or by Shift+arrows.
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setAccessibleName(tr("Het verslag"))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(tr("Uitleg bij de aantekening"))
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.notes, 1)
        ll.addWidget(self.detail)
        buttons = QHBoxLayout()
        self.status_choice = kit.combo(
            [
                (tr("Zoals berekend"), None),
                (tr("Toch gevonden"), GEVONDEN),
                (tr("Gedeeltelijk"), GEDEELTELIJK),
                (tr("Ontbreekt"), ONTBREEKT),
            ]
        )
        self.status_choice.setAccessibleName(tr("Uitkomst aanpassen"))
        self.status_choice.activated.connect(lambda _i: self.overrule())
        choice_label = QLabel(tr("&Uitkomst:"))
        choice_label.setBuddy(self.status_choice)
        buttons.addWidget(choice_label)
        buttons.addWidget(self.status_choice)
        self.add_button = kit.button(tr("&Opnemen in reactie"), self.opnemen)
        buttons.addWidget(self.add_button)
        # A ✘ said in other words: select those words in the verslag, then this.
        self.point_button = kit.button(tr("Passage &aanwijzen"), self.aanwijzen)
        self.point_button.setToolTip(
            tr(
                "Selecteer in het verslag de woorden die bij de gekozen aantekening horen "
                "en klik hier: de aantekening telt dan als gevonden (of gedeeltelijk, als "
                "u dat koos), met die passage."
            )
        )
        buttons.addWidget(self.point_button)
        buttons.addStretch(1)
        # A second row, so the buttons never force the notes wide and the verslag narrow.
        more = QHBoxLayout()
        more.addWidget(kit.button(tr("&Rapport (.docx)…"), self.export))
        self.woorden_button = kit.button(tr("&Woorden van de gemeente…"), self.woorden)
        more.addWidget(self.woorden_button)
        more.addWidget(kit.button(tr("Verslag &verwijderen…"), self.delete_verslag))
        more.addStretch(1)
        ll.addLayout(buttons)
        ll.addLayout(more)
        self.checklist = kit.list_widget(tr("Wat een verslag moet bevatten"))
        self.unsupported = kit.list_widget(tr("Niet in de aantekeningen"))
        self.reactie = kit.list_widget(tr("Punten voor de reactie"))
        self.reactie.setSpacing(4)  # points apart, not one run of text
        # The claims nobody made: a sentence the client never said goes to the reactie.
        claims = self.claims = QWidget()
        cl = QVBoxLayout(claims)
        cl.setContentsMargins(0, 0, 0, 0)
        claims_hint = QLabel(
            tr(
                "Deze zinnen uit het verslag staan niet in uw aantekeningen. Heeft de "
                "cliënt dit niet (zo) gezegd? Neem de zin dan op in de reactie."
            )
        )
        claims_hint.setWordWrap(True)
        cl.addWidget(claims_hint)
        cl.addWidget(self.unsupported, 1)
        self.claim_button = kit.button(tr("Niet &gezegd: opnemen in reactie"), self.opnemen_claim)
        cl.addWidget(self.claim_button)
        # Discussed after all: out of this list and out of the report (and back).
        self.besproken_button = kit.button(tr("Wel &besproken"), self.toggle_besproken)
        cl.addWidget(self.besproken_button)
        side = QTabWidget()
        side.addTab(self.checklist, tr("Inhoud"))
        side.addTab(claims, tr("Niet besproken?"))
        side.addTab(self.reactie, tr("Reactie"))
        self.pages: QScrollArea | None = None
        name, original = ops.origineel(ctx.vault, verslag_id)
        if original is not None and name.lower().endswith(".pdf"):
            # The original pdf's pages, drawn in memory when the tab is first opened.
            self.pages = QScrollArea()
            self.pages.setAccessibleName(tr("Het originele verslag (pdf)"))
            self.pages.setWidgetResizable(True)
            self._pdf = original
            side.addTab(self.pages, tr("Origineel (pdf)"))
            side.currentChanged.connect(self._maybe_render)
        self.side = side
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.text)
        split.addWidget(side)
        split.setSizes([400, 520, 360])
        layout.addWidget(split, 1)
        self.notes.currentRowChanged.connect(self.show_note)
        self.unsupported.currentRowChanged.connect(self._show_unsupported)
        for seq, step in (("F8", 1), ("Shift+F8", -1)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.activated.connect(lambda s=step: self.next_difference(s))
        QShortcut(QKeySequence("Ctrl+R"), self).activated.connect(self.opnemen)
        QShortcut(QKeySequence("Ctrl+W"), self).activated.connect(self.close)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.reactie)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_reactiepunt)
        self.refresh()
        self.resize(1280, 800)

    # ------------------------------------------------------------ data
    def refresh(self, select: int | None = None) -> None:
        """Compare again and fill every list; ``select`` a reactie point."""
        keep = max(0, self.notes.currentRow())
        self.result = ops.vergelijk_verslag(self.ctx.vault, self.verslag_id)
        self.reactiepunten = ops.reactiepunten(self.ctx.vault, self.result.verslag.melding_id)
        v = self.result.vergelijking
        # Wrapped lines read as one, as the comparison read them; marks keep their place.
        self._shown = unwrapped(self.result.verslag.tekst)
        # Only characters beyond U+FFFF (emoji) make Qt positions differ from indexes.
        self._bmp = self._shown.isascii() or max(map(ord, self._shown)) < 0x10000
        self.text.setPlainText(self._shown)
        self.notes.blockSignals(True)
        self.notes.clear()
        queued = {p.notitie_id for p in self.reactiepunten}
        for ref, punt in zip(self.result.notities, v.punten, strict=True):
            sym, word, colour, _bg = STATUS[punt.status]
            in_reactie = tr("  · in reactie") if ref.id in queued else ""
            item = QListWidgetItem(f"{sym} {punt.notitie}{in_reactie}", self.notes)
            item.setForeground(QColor(colour))
            item.setToolTip(f"{word}" + (f": {punt.reden}" if punt.reden else ""))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{word}: {punt.notitie}")
        self.notes.blockSignals(False)
        self.checklist.clear()
        for key, present in v.checklist.items():
            item = QListWidgetItem(f"{'✔' if present else '✘'} {LABELS[key]}", self.checklist)
            item.setToolTip(v.bewijs.get(key) or tr("Niet gevonden in het verslag."))
            item.setForeground(QColor("#2e7d32" if present else "#c62828"))
        self.unsupported.blockSignals(True)
        self.unsupported.clear()
        claimed = {p.citaat for p in self._claim_points()}
        for passage in v.niet_onderbouwd:
            mark = tr("  · in reactie") if one_line(passage) in claimed else ""
            QListWidgetItem(passage + mark, self.unsupported)
        for place in self.result.wel_besproken:
            mark = tr("  · in reactie") if one_line(place.tekst) in claimed else ""
            item = QListWidgetItem(
                tr("✔ wel besproken: {z}", z=place.tekst) + mark, self.unsupported
            )
            item.setForeground(QColor("#6b6b6b"))
        self.unsupported.blockSignals(False)
        self._claim_buttons()
        self._mark_all()
        self._fill_reactie(select)
        if v.punten:
            self.notes.setCurrentRow(min(keep, len(v.punten) - 1))

    def _fill_reactie(self, select: int | None) -> None:
        self.reactie.clear()
        found = {
            ref.id
            for ref, punt in zip(self.result.notities, self.result.vergelijking.punten, strict=True)
            if punt.status == GEVONDEN
        }
        discussed = {one_line(z.tekst) for z in self.result.wel_besproken}
        flagged = {p.id for p in self._claim_points() if p.citaat in discussed}
        for p in self.reactiepunten:
            text = f"{p.citaat or tr('(niet in het verslag)')}\n→ {p.correctie}"
            if p.id in flagged:
                text = tr("⚠ Deze zin staat nu als wel besproken: klopt dit punt nog?") + (
                    "\n" + text
                )
            elif p.notitie_id in found:
                text = tr("⚠ Deze aantekening staat nu als gevonden: klopt dit punt nog?") + (
                    "\n" + text
                )
            item = QListWidgetItem(text, self.reactie)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setToolTip(tr("Delete: punt weghalen"))
            if p.id == select:
                self.reactie.setCurrentItem(item)

    def delete_reactiepunt(self) -> None:
        item = self.reactie.currentItem()
        if item is None or not kit.confirm(
            self,
            tr("Punt weghalen"),
            tr("Dit punt uit de reactie weghalen?\n\n{t}", t=item.text()),
            tr("Weghalen"),
        ):
            return
        ops.delete_reactiepunt(self.ctx.vault, item.data(Qt.ItemDataRole.UserRole))
        self.refresh()  # the note loses its "in reactie" mark too

    def delete_verslag(self) -> None:
        """A wrong file was read in: remove the verslag, its verdicts and its file."""
        if not kit.confirm(
            self,
            tr("Verslag verwijderen"),
            tr(
                "Dit verslag verwijderen, met het bestand en uw aanpassingen van de "
                "uitkomsten? De punten voor de reactie blijven staan."
            ),
            tr("Verwijderen"),
        ):
            return
        ops.delete_verslag(self.ctx.vault, self.verslag_id)
        self.ctx.notify(Changes(meldingen=True))
        self.close()

    def _selection(
        self, start: int, end: int, bg: str, bold: bool = False
    ) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._qt(start))
        cursor.setPosition(self._qt(end), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(bg))
        if bold:
            fmt.setFontUnderline(True)
        sel.cursor, sel.format = cursor, fmt
        return sel

    def _qt(self, index: int) -> int:
        """An index into the verslag string as a Qt position (UTF-16 units)."""
        return index if self._bmp else _utf16(self._shown, index)

    def _py(self, position: int) -> int:
        """A Qt position (UTF-16 units) as an index into the verslag string."""
        return position if self._bmp else _code_points(self._shown, position)

    def _mark_all(self, current: Punt | None = None) -> None:
        v = self.result.vergelijking
        marks = [self._selection(p.start, p.eind, UNSUPPORTED_BG) for p in v.niet_onderbouwd_plaats]
        for punt in v.punten:
            if punt.start is not None and punt.eind is not None:
                marks.append(self._selection(punt.start, punt.eind, STATUS[punt.status][3]))
        if current is not None and current.start is not None and current.eind is not None:
            marks.append(self._selection(current.start, current.eind, "#9ecbff", bold=True))
        elif current is not None and current.dichtbij is not None and current.status == ONTBREEKT:
            near = current.dichtbij
            marks.append(self._selection(near.start, near.eind, NEAR_BG, bold=True))
        self.text.setExtraSelections(marks)

    def _maybe_render(self, _index: int) -> None:
        if self.pages is None or self.side.currentWidget() is not self.pages:
            return
        if self.pages.widget() is not None:
            return
        from PySide6.QtGui import QImage, QPixmap

        holder = QWidget()
        column = QVBoxLayout(holder)
        try:
            pages = pdf_paginas(self._pdf)
        except ImportFout as exc:
            column.addWidget(QLabel(str(exc)))
            pages = []
        self._images = []  # QImage does not copy the buffer: keep the bytes alive
        for n, page in enumerate(pages, start=1):
            image = QImage(
                page.pixels, page.breedte, page.hoogte, page.regel, QImage.Format.Format_RGB888
            )
            self._images.append((page.pixels, image))
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(tr("Pagina {n}", n=n))
            column.addWidget(label)
        self.pages.setWidget(holder)

    # ------------------------------------------------------------ actions
    def current(self) -> Punt | None:
        row = self.notes.currentRow()
        punten = self.result.vergelijking.punten
        return punten[row] if 0 <= row < len(punten) else None

    def show_note(self, row: int) -> None:
        punt = self.current()
        if punt is None:
            return
        sym, word, _c, _b = STATUS[punt.status]
        self.detail.setText(
            f"{sym} {word}"
            + (f" – {punt.reden}" if punt.reden else "")
            + ("\n" + tr("Verslag: {p}", p=punt.passage) if punt.passage else "")
            + (
                "\n"
                + tr(
                    "Het dichtst bij komt (grijs, niet zeker): {p} – staat het er toch, "
                    "selecteer dan die woorden in het verslag en kies ‘Passage "
                    "aanwijzen’ (Alt+A), of kies hieronder ‘Toch gevonden’.",
                    p=punt.dichtbij.tekst,
                )
                if punt.status == ONTBREEKT and punt.dichtbij is not None
                else "\n"
                + tr(
                    "Niets in het verslag lijkt hierop. Staat het er toch, in andere "
                    "woorden? Selecteer die woorden in het verslag en kies ‘Passage "
                    "aanwijzen’ (Alt+A), en leer de vergelijking die woorden met "
                    "‘Woorden van de gemeente…’."
                )
                if punt.status == ONTBREEKT
                else ""
            )
            + (
                "\n"
                + tr(
                    "Stond het er in andere woorden? Leg die woorden vast met ‘Woorden van "
                    "de gemeente…’ (Alt+W); dan vindt de vergelijking ze voortaan zelf."
                )
                if punt.status != ONTBREEKT and punt.passage is None
                else ""
            )
        )
        ref = self.result.notities[row]
        self.status_choice.set_value(self.result.overruled.get(ref.id))
        self.add_button.setEnabled(punt.status != GEVONDEN)
        self._mark_all(punt)
        start = punt.start
        if start is None and punt.status == ONTBREEKT and punt.dichtbij is not None:
            start = punt.dichtbij.start
        cursor = self.text.textCursor()
        # A selection made for another note never carries over to this one.
        cursor.clearSelection()
        if start is not None:
            cursor.setPosition(self._qt(start))
        self.text.setTextCursor(cursor)
        if start is not None:
            self.text.centerCursor()

    def _claim_points(self) -> list[Any]:
        """This verslag's sentences queued for the reactie as "niet gezegd"."""
        return [
            p
            for p in self.reactiepunten
            if p.notitie_id is None and p.verslag_id == self.verslag_id
        ]

    def _claim_buttons(self) -> None:
        """The buttons under "Niet besproken?" fit the chosen sentence."""
        row = self.unsupported.currentRow()
        active = len(self.result.vergelijking.niet_onderbouwd)
        self.claim_button.setEnabled(0 <= row < active)
        self.besproken_button.setEnabled(0 <= row < self.unsupported.count())
        self.besproken_button.setText(
            tr("Toch niet &besproken") if row >= active else tr("Wel &besproken")
        )

    def toggle_besproken(self) -> None:
        """The chosen sentence was discussed after all, or (for one marked so) back."""
        row = self.unsupported.currentRow()
        active = self.result.vergelijking.niet_onderbouwd
        dismissed = self.result.wel_besproken
        if 0 <= row < len(active):
            tekst, besproken = active[row], True
        elif 0 <= row - len(active) < len(dismissed):
            tekst, besproken = dismissed[row - len(active)].tekst, False
        else:
            kit.show_info(self, tr("Kies eerst een zin in de lijst ‘Niet besproken?’."))
            return
        ops.wel_besproken(self.ctx.vault, self.verslag_id, tekst, besproken)
        if besproken:
            self._offer_to_drop(
                [p for p in self._claim_points() if p.citaat == one_line(tekst)],
                tr(
                    "Deze zin staat ook in de reactie als iets dat niet gezegd is. Nu het "
                    "toch besproken is: het punt uit de reactie weghalen?"
                ),
            )
        self.refresh()
        # The same place in the list, so Alt+B again goes on with the next sentence.
        if self.unsupported.count():
            self.unsupported.setCurrentRow(min(row, self.unsupported.count() - 1))
        self.unsupported.setFocus()
        self.detail.setText(
            tr("Staat niet meer bij ‘Niet besproken?’ en niet in het rapport: “{z}”", z=tekst)
            if besproken
            else tr("Staat weer bij ‘Niet besproken?’: “{z}”", z=tekst)
        )

    def _show_unsupported(self, row: int) -> None:
        self._claim_buttons()
        places = self.result.vergelijking.niet_onderbouwd_plaats + self.result.wel_besproken
        if 0 <= row < len(places):
            cursor = self.text.textCursor()
            cursor.setPosition(self._qt(places[row].start))
            self.text.setTextCursor(cursor)
            self.text.centerCursor()

    def next_difference(self, step: int = 1) -> None:
        punten = self.result.vergelijking.punten
        row = self.notes.currentRow()
        for k in range(1, len(punten) + 1):
            candidate = (row + step * k) % len(punten)
            if punten[candidate].status != GEVONDEN:
                self.notes.setCurrentRow(candidate)
                self.notes.setFocus()
                if (candidate - row) * step <= 0 and row >= 0:  # went round the list
                    self.detail.setText(
                        self.detail.text()
                        + "\n"
                        + (
                            tr("(Weer bij het eerste verschil.)")
                            if step > 0
                            else tr("(Weer bij het laatste verschil.)")
                        )
                    )
                return

    def overrule(self) -> None:
        row = self.notes.currentRow()
        if row < 0:
            return
        ref = self.result.notities[row]
        status = self.status_choice.value()
        ops.overrule(self.ctx.vault, self.verslag_id, ref.id, status)
        if status == GEVONDEN:
            self._offer_to_drop_reactie(ref.id)
        self.refresh()

    def aanwijzen(self) -> None:
        """The words selected in the verslag are the passage of the current note: it
        counts as found (gedeeltelijk if the adviser chose that), with that passage."""
        row = self.notes.currentRow()
        punt = self.current()
        if punt is None:
            return
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            self.show_note(row)
            self.detail.setText(
                self.detail.text()
                + "\n"
                + tr(
                    "Kies eerst links de aantekening. Selecteer dan in het verslag (midden) "
                    "de woorden die erbij horen, met de muis of met Shift en de pijltjes, "
                    "en kies ‘Passage aanwijzen’."
                )
            )
            return
        start, end = self._py(cursor.selectionStart()), self._py(cursor.selectionEnd())
        ref = self.result.notities[row]
        chosen = self.result.overruled.get(ref.id)
        status = GEDEELTELIJK if chosen == GEDEELTELIJK else GEVONDEN
        try:
            ops.overrule(self.ctx.vault, self.verslag_id, ref.id, status, (start, end))
        except InvalidInput as exc:
            kit.show_error(self, str(exc), tr("Passage aanwijzen"))
            return
        if status == GEVONDEN:
            self._offer_to_drop_reactie(ref.id)
        self.refresh()
        self.notes.setCurrentRow(row)
        self.detail.setText(
            self.detail.text()
            + "\n"
            + tr(
                "Passage vastgelegd. Met ‘Uitkomst: Zoals berekend’ haalt u hem weer weg. "
                "Wilt u dat de vergelijking deze woorden voortaan zelf vindt? Kies dan "
                "‘Woorden van de gemeente…’ (Alt+W)."
            )
        )

    def _offer_to_drop_reactie(self, notitie_id: int) -> None:
        """A note now found may still be queued for the reactie as not in the verslag:
        offer to take that point out."""
        self._offer_to_drop(
            [p for p in self.reactiepunten if p.notitie_id == notitie_id],
            tr(
                "Deze aantekening staat ook in de reactie als iets dat niet klopt. Nu "
                "het toch in het verslag staat: het punt uit de reactie weghalen?"
            ),
        )

    def _offer_to_drop(self, queued: list[Any], question: str) -> None:
        """Points of the reactie that no longer fit: take them out, if the adviser agrees."""
        if queued and kit.confirm(self, tr("Punt in de reactie"), question, tr("Weghalen")):
            for p in queued:
                ops.delete_reactiepunt(self.ctx.vault, p.id)

    def opnemen_claim(self) -> None:
        """Queue the chosen sentence of "Niet besproken?" for the reactie: the client
        did not say this (or not like this)."""
        row = self.unsupported.currentRow()
        claims = self.result.vergelijking.niet_onderbouwd
        if row >= len(claims):
            kit.show_info(self, tr("Deze zin staat als wel besproken; zet hem eerst terug."))
            return
        if row < 0:
            kit.show_info(self, tr("Kies eerst een zin in de lijst ‘Niet besproken?’."))
            return
        citaat, correctie = ops.claim_tekst(claims[row])
        before = {p.id for p in self.reactiepunten}
        pid = ops.opnemen_in_reactie(
            self.ctx.vault, self.result.verslag.melding_id, self.verslag_id, None, citaat,
            correctie,
        )  # fmt: skip
        self.refresh(select=pid)
        self.unsupported.setCurrentRow(row)
        self.detail.setText(
            tr("Deze zin stond al in de reactie.")
            if pid in before
            else tr("Opgenomen in de reactie: “{z}”", z=citaat)
        )

    def opnemen(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self.claims or self.claims.isAncestorOf(focus)):
            self.opnemen_claim()  # Ctrl+R in "Niet besproken?": that sentence
            return
        punt = self.current()
        if punt is None or punt.status == GEVONDEN:
            return
        ref = self.result.notities[self.notes.currentRow()]
        citaat, correctie = ops.correctie_tekst(punt)
        before = {p.id for p in self.reactiepunten}
        pid = ops.opnemen_in_reactie(
            self.ctx.vault, self.result.verslag.melding_id, self.verslag_id, ref.id, citaat,
            correctie,
        )  # fmt: skip
        self.refresh(select=pid)
        self.side.setCurrentWidget(self.reactie)
        self.detail.setText(
            self.detail.text()
            + "\n"
            + (
                tr("Dit punt stond al in de reactie (geselecteerd).")
                if pid in before
                else tr("Opgenomen in de reactie (geselecteerd).")
            )
        )

    def export(self) -> None:
        from ondersteuner.documenten.vergelijking import rapport_docx
        from ondersteuner.vault.atomic import atomic_write

        name, _f = QFileDialog.getSaveFileName(
            self, tr("Rapport opslaan"), str(Path.home() / "vergelijking-verslag.docx"),
            tr("Word (*.docx)"),
        )  # fmt: skip
        if not name:
            return
        path = Path(name if name.lower().endswith(".docx") else name + ".docx")
        melding = self._melding()
        data = rapport_docx(
            self.result.vergelijking,
            dossiernummer=melding,
            verslag_datum=self.result.verslag.dagtekening,
        )
        try:
            atomic_write(path, data)
        except OSError as exc:
            kit.show_error(self, tr("Opslaan lukte niet: {e}", e=exc.strerror or exc))
            return
        self.exported = path

    def woorden(self) -> None:
        """Let the adviser teach the comparison this gemeente's words, then compare
        again (a ✘ that was said in other words becomes found)."""
        from ondersteuner.ui.ops.meldingen import get_melding

        m = get_melding(self.ctx.vault, self.result.verslag.melding_id)
        if m.gemeente_id is None:
            kit.show_error(
                self,
                tr(
                    "Bij deze melding staat nog geen gemeente. "
                    "Kies eerst de gemeente bij de melding."
                ),
            )
            return
        punt = self.current()
        row = self.notes.currentRow()
        # Suggest words from the passage the adviser pointed out, or for a ✘ from the
        # passage that came closest.
        pointed = (
            punt is not None
            and 0 <= row < len(self.result.notities)
            and self.result.notities[row].id in self.result.aangewezen
        )
        dialog = WoordenDialog(
            self, self.ctx, m.gemeente_id, m.gemeente_naam, punt,
            aangewezen=punt.passage if pointed and punt is not None else None,
        )  # fmt: skip
        if dialog.exec():
            self.refresh()

    def _melding(self) -> Any:
        from ondersteuner.ui.ops.clients import get_client
        from ondersteuner.ui.ops.meldingen import get_melding

        m = get_melding(self.ctx.vault, self.result.verslag.melding_id)
        return get_client(self.ctx.vault, m.client_id).dossiernummer  # type: ignore[arg-type]


def _utf16(text: str, index: int) -> int:
    """An index into the Python string as a Qt position (UTF-16 units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def _code_points(text: str, position: int) -> int:
    """A position Qt gives (UTF-16 units) as an index into the Python string."""
    return len(text.encode("utf-16-le")[: 2 * position].decode("utf-16-le", "ignore"))


def _word_chips(words: list[str], name: str) -> QListWidget:
    """Words side by side; a click or the space bar chooses a word or lets it go."""
    chips = QListWidget()
    chips.setFlow(QListWidget.Flow.LeftToRight)
    chips.setWrapping(True)
    chips.setResizeMode(QListWidget.ResizeMode.Adjust)
    chips.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
    chips.setSpacing(4)
    chips.setFixedHeight(chips.fontMetrics().height() * 3 + 12)  # room for two rows
    chips.setAccessibleName(name)
    for w in words:
        chips.addItem(QListWidgetItem(w))
    chips.setCurrentRow(-1)
    return chips


def _ticked(chips: QListWidget) -> list[str]:
    """The chosen words, in their order in the list."""
    return [chips.item(i).text() for i in range(chips.count()) if chips.item(i).isSelected()]


class WoordenDialog(kit.FormDialog):
    """The adviser's own words of one gemeente for the comparison, kept in the vault."""

    def __init__(
        self, parent: QWidget | None, ctx: AppContext, gemeente_id: int, naam: str,
        punt: Punt | None = None, aangewezen: str | None = None,
    ) -> None:  # fmt: skip
        """``aangewezen``: the passage the adviser pointed out for ``punt``, whose
        words are then offered (else, for a ✘, those of its closest passage)."""
        from ondersteuner.ui.ops import gemeenten

        super().__init__(parent, tr("Woorden van gemeente {g}", g=naam))
        self.ctx, self.gemeente_id = ctx, gemeente_id
        uitleg = QLabel(
            tr(
                "Schrijft deze gemeente iets anders op dan u in uw aantekeningen? Zet "
                "dan per regel een begrip, een dubbele punt en de woorden die hetzelfde "
                "betekenen, met komma's ertussen. Bijvoorbeeld:\n\n"
                "      alarmering: halszender, knop om zijn nek\n\n"
                "Deze woorden gelden alleen voor verslagen van deze gemeente en blijven in "
                "de kluis. Zet # aan het begin van een regel voor een notitie voor uzelf; "
                "zo'n regel telt niet mee."
            )
        )
        uitleg.setWordWrap(True)
        self.form.addRow(uitleg)
        self.eigen_woorden: QListWidget | None = None
        self.verslag_woorden: QListWidget | None = None
        # A note the comparison did not find (✘), also after the adviser overruled it.
        if punt is not None and aangewezen:
            tip = QLabel(
                tr("Aantekening: {n}", n=punt.notitie)
                + "\n"
                + tr("Door u aangewezen in het verslag: {p}", p=aangewezen)
            )
            tip.setWordWrap(True)
            tip.setAccessibleName(tr("De gekozen aantekening"))
            self.form.addRow(tip)
            self._voorstel(punt.notitie, aangewezen)
        elif punt is not None and punt.passage is None and punt.start is None:
            hint = tr("Aantekening: {n}", n=punt.notitie)
            if punt.dichtbij is not None:
                hint += "\n" + tr("Dichtst bij in het verslag: {p}", p=punt.dichtbij.tekst)
            tip = QLabel(hint)
            tip.setWordWrap(True)
            tip.setAccessibleName(tr("De gekozen aantekening"))
            self.form.addRow(tip)
            if punt.dichtbij is not None:
                self._voorstel(punt.notitie, punt.dichtbij.tekst)
        self.fields["synoniemen"] = kit.text_edit(
            gemeenten.synoniemen_van(ctx.vault, gemeente_id), height=180,
            placeholder=tr("alarmering: halszender, knop om zijn nek"),
        )  # fmt: skip
        self.fields["synoniemen"].setAccessibleName(
            tr("Woordenlijst van deze gemeente, één begrip per regel")
        )
        self.form.addRow(tr("Woordenlijst van\ndeze gemeente"), self.fields["synoniemen"])
        self.name_fields()
        self.resize(680, 560 if self.eigen_woorden is not None else 420)
        # Start in the words to choose (or the list), not on "Opslaan": Enter saves.
        first = self.eigen_woorden if self.eigen_woorden is not None else self.fields["synoniemen"]
        first.setFocus()

    def _voorstel(self, notitie: str, passage: str) -> None:
        """Two rows of words to tick — the note's words the passage does not use, the
        passage's words the note does not use — and a button that makes them one line."""
        from ondersteuner.compare.voorstel import woordvoorstel

        eigen, verslag = woordvoorstel(notitie, passage)
        if not eigen or not verslag:
            return
        uitleg = QLabel(
            tr(
                "Staat het er in andere woorden? Kies hieronder uw woord en de woorden "
                "van de gemeente die hetzelfde betekenen (klik of spatiebalk), en dan "
                "‘Regel toevoegen’."
            )
        )
        uitleg.setWordWrap(True)
        self.form.addRow(uitleg)
        self.eigen_woorden = _word_chips(eigen, tr("Woorden uit uw aantekening"))
        self.verslag_woorden = _word_chips(verslag, tr("Woorden uit het verslag"))
        self.form.addRow(tr("Uit uw aantekening"), self.eigen_woorden)
        self.form.addRow(tr("Uit het verslag"), self.verslag_woorden)
        self.regel_button = kit.button(tr("&Regel toevoegen"), self.regel_toevoegen)
        self.form.addRow("", self.regel_button)

    def regel_toevoegen(self) -> None:
        """Append "begrip: woord, woord" made of the ticked words to the list."""
        from ondersteuner.compare.voorstel import woordregel

        if self.eigen_woorden is None or self.verslag_woorden is None:
            return
        try:
            line = woordregel(_ticked(self.eigen_woorden), _ticked(self.verslag_woorden))
        except ValueError as exc:
            self.show_error(str(exc))
            return
        edit = self.fields["synoniemen"]
        text = edit.toPlainText().rstrip("\n")  # type: ignore[attr-defined]
        if line in text.splitlines():
            self.show_error(tr("Deze regel staat al in de lijst."))
            return
        edit.setPlainText((text + "\n" if text else "") + line)  # type: ignore[attr-defined]
        self.error.hide()

    def accept(self) -> None:
        from ondersteuner.ui.ops import gemeenten

        text = self.fields["synoniemen"].toPlainText()  # type: ignore[attr-defined]
        if self.attempt(
            lambda: gemeenten.bewaar_synoniemen(self.ctx.vault, self.gemeente_id, text)
        ):
            super().accept()
