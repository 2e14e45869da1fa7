"""Gespreksmodus: a calm, large editor for the notes at the kitchen table.

- One editor per section (the three questions, the ANBO topics, free notes); every
  line is one note item. Ctrl+1..4 give the current line a kind (afspraak,
  toezegging, wens, citaat), Ctrl+0 makes it a plain observation.
- The "let op" checklist and the preparation sit beside the notes.
- Autosave: within 0.7 s after typing pauses and at least every second while typing
  on, on every section change, and on close and lock (~3 ms per save).
- Client-safe: no other client visible, no name in the title, F12 blanks the screen.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QKeySequence,
    QShortcut,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ondersteuner.gesprek.inhoud import LET_OP, ONDERDELEN, VOORBEREIDING_VRAGEN, vorm_waarschuwing
from ondersteuner.gesprek.notities import met_soort, soort_van
from ondersteuner.i18n import tr
from ondersteuner.models.enums import GesprekVorm
from ondersteuner.models.enums import NotitieSoort as K
from ondersteuner.settings import GESPREK_CONTRAST
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.ops import gesprekken as ops
from ondersteuner.ui.ops.gesprekken import GesprekData, VoorbereidingData
from ondersteuner.validation import InvalidInput
from ondersteuner.vault import VaultError

DEBOUNCE_MS = 700  # save this long after typing pauses …
MAX_WAIT_MS = 1000  # … and at least this often while typing goes on

KIND_KEYS: tuple[tuple[str, K], ...] = (
    ("Ctrl+1", K.AFSPRAAK),
    ("Ctrl+2", K.TOEZEGGING),
    ("Ctrl+3", K.WENS),
    ("Ctrl+4", K.CITAAT),
    ("Ctrl+0", K.OBSERVATIE),
)

HIGH_CONTRAST = """
QWidget { background: #000000; color: #ffffff; }
QPlainTextEdit, QLineEdit, QListWidget, QComboBox { background: #000000; color: #ffffff;
    border: 2px solid #ffff00; }
QListWidget::item:selected { background: #ffff00; color: #000000; }
QTabBar::tab:selected { background: #ffff00; color: #000000; }
"""


class NotesHighlighter(QSyntaxHighlighter):
    """Afspraken and toezeggingen stand out: they are what the verslag must contain."""

    def highlightBlock(self, text: str) -> None:
        kind, _rest = soort_van(text)
        if kind is K.OBSERVATIE:
            return
        fmt = QTextCharFormat()
        if kind in (K.AFSPRAAK, K.TOEZEGGING):
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setBackground(QColor("#fff2b3" if kind is K.AFSPRAAK else "#d6ecff"))
            fmt.setForeground(QColor("#000000"))
        else:
            fmt.setFontItalic(True)
        self.setFormat(0, len(text), fmt)


class NoteEditor(QPlainTextEdit):
    def __init__(self, titel: str, vragen: str) -> None:
        super().__init__()
        self.setAccessibleName(tr("Notities: {t}", t=titel))
        self.setAccessibleDescription(vragen)
        self.setPlaceholderText(vragen + "\n\n" + tr("Eén regel is één punt. Enter: nieuw punt."))
        self.setTabChangesFocus(True)
        self.highlighter = NotesHighlighter(self.document())

    def set_kind(self, kind: K) -> None:
        """Give the current line a kind (one undo step); the cursor stays at its end."""
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(met_soort(cursor.selectedText(), kind))
        self.setTextCursor(cursor)


class GesprekWindow(QWidget):
    """The gesprek of one melding. ``closed`` fires when it is closed (main window
    shows again); ``lock_requested`` when the adviser locks from here."""

    closed = Signal()
    lock_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        gesprek: GesprekData,
        voorbereiding: VoorbereidingData,
        *,
        melding_label: str = "",
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.gesprek = gesprek
        self.saved_at: dt.datetime | None = None
        self.save_error = ""
        self.longest_save_ms = 0.0  # UI-thread part of a save (benchmarks report it)
        self._dirty: set[str] = set()
        self._header_dirty = False
        self._closing = False
        # No client name in the title: the screen faces the client and the consultant.
        self.setWindowTitle(tr("Gesprek – dossier {n}", n=gesprek.dossiernummer))
        self.setAccessibleName(tr("Gespreksmodus"))
        base = self.font()
        base.setPointSizeF(max(base.pointSizeF(), 10) * 1.25)
        self.setFont(base)

        outer = QVBoxLayout(self)
        # Header: date, place, form, who is present.
        head = QHBoxLayout()
        self.datum = kit.DateField(gesprek.datum, optional=False)
        self.locatie = kit.line_edit(gesprek.locatie, placeholder=tr("Plaats"))
        self.vorm = kit.combo([(v.label, v) for v in GesprekVorm], gesprek.vorm)
        self.aanwezigen = kit.line_edit(
            gesprek.aanwezigen, placeholder=tr("Wie zijn er bij?"), max_length=500
        )
        for label, widget, stretch in (
            (tr("&Datum:"), self.datum, 0),
            (tr("P&laats:"), self.locatie, 1),
            (tr("&Vorm:"), self.vorm, 0),
            (tr("Aan&wezig:"), self.aanwezigen, 2),
        ):
            lbl = QLabel(label)
            lbl.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            head.addWidget(lbl)
            head.addWidget(widget, stretch)
        outer.addLayout(head)
        self.warning = kit.error_label()
        self.warning.setAccessibleName(tr("Waarschuwing over de vorm van het gesprek"))
        outer.addWidget(self.warning)
        if melding_label:
            sub = QLabel(melding_label)
            sub.setWordWrap(True)
            outer.addWidget(sub)

        # Sections | editor | checklist and preparation.
        self.sections = kit.list_widget(tr("Onderdelen van het gesprek"))
        self.stack = QStackedWidget()
        self.editors: dict[str, NoteEditor] = {}
        for n, onderdeel in enumerate(ONDERDELEN, start=1):
            key = f"Alt+{n % 10}"
            entry = QListWidgetItem(onderdeel.titel, self.sections)
            entry.setToolTip(f"{onderdeel.vragen} ({key})")
            editor = NoteEditor(onderdeel.titel, onderdeel.vragen)
            editor.setPlainText(gesprek.tekst(onderdeel.sleutel))
            editor.document().clearUndoRedoStacks()
            editor.textChanged.connect(lambda k=onderdeel.sleutel: self._changed(k))
            self.editors[onderdeel.sleutel] = editor
            self.stack.addWidget(editor)
        self.sections.currentRowChanged.connect(self._section_changed)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(tr("Onderdeel"))
        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.heading)
        ml.addWidget(self.stack, 1)
        self.checklist = kit.list_widget(tr("Let op-lijst"))
        for item in LET_OP:
            row = QListWidgetItem(item.tekst, self.checklist)
            row.setData(Qt.ItemDataRole.UserRole, item.sleutel)
            row.setToolTip(tr("Bron: {b}", b=item.bron))
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(
                Qt.CheckState.Checked
                if item.sleutel in gesprek.let_op_afgevinkt
                else Qt.CheckState.Unchecked
            )
        self.checklist.itemChanged.connect(lambda _i: self._header_changed())
        prep = QPlainTextEdit()
        prep.setReadOnly(True)
        prep.setAccessibleName(tr("Voorbereiding"))
        prep.setPlainText(
            "\n\n".join(
                f"{titel}\n{voorbereiding.velden.get(key, '').strip() or '–'}"
                for key, titel, _hint in VOORBEREIDING_VRAGEN
            )
        )
        self.side = QTabWidget()
        self.side.addTab(self.checklist, tr("Let op (F6)"))
        self.side.addTab(prep, tr("Voorbereiding"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.sections)
        split.addWidget(middle)
        split.addWidget(self.side)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 2)
        split.setSizes([240, 640, 340])
        outer.addWidget(split, 1)

        self.status = QLabel()
        self.status.setAccessibleName(tr("Opslaan"))
        hints = QLabel(
            tr(
                "Ctrl+1 afspraak · Ctrl+2 toezegging · Ctrl+3 wens · Ctrl+4 citaat · Ctrl+0 "
                "gewoon · Ctrl+PgDn/PgUp onderdeel · F6 lijst · F12 scherm leeg · Ctrl+L op slot"
                " · Ctrl+Enter afronden · Ctrl+W sluiten"
            )
        )
        hints.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(hints, 1)
        bottom.addWidget(self.status)
        outer.addLayout(bottom)

        # The privacy cover (F12).
        self.cover = QLabel(tr("Scherm leeg. Druk op F12 om verder te gaan."), self)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)
        self.cover.setStyleSheet("background: #000000; color: #555555; padding: 24px;")
        self.cover.hide()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._autosave)
        self._maxwait = QTimer(self)
        self._maxwait.setSingleShot(True)
        self._maxwait.setInterval(MAX_WAIT_MS)
        self._maxwait.timeout.connect(self._autosave)
        for w in (self.locatie, self.aanwezigen):
            w.textChanged.connect(self._header_changed)
        self.datum.textChanged.connect(self._header_changed)
        self.vorm.currentIndexChanged.connect(self._vorm_changed)
        self._make_shortcuts()
        self._vorm_changed(save=False)
        self.set_high_contrast(ctx.settings.get(GESPREK_CONTRAST))
        self.sections.setCurrentRow(0)
        self.resize(1200, 800)

    # ------------------------------------------------------------ keys
    def _make_shortcuts(self) -> None:
        def key(seq: str, slot: Any) -> None:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)

        for seq, kind in KIND_KEYS:
            key(seq, lambda k=kind: self.editor().set_kind(k))
        key("Ctrl+PgDown", lambda: self.go_section(self.sections.currentRow() + 1))
        key("Ctrl+PgUp", lambda: self.go_section(self.sections.currentRow() - 1))
        for n in range(len(ONDERDELEN)):
            key(f"Alt+{(n + 1) % 10}", lambda n=n: self.go_section(n))
        key("F6", self.cycle_focus)
        key("F12", self.toggle_cover)
        key("Ctrl+L", self._lock)
        key("Ctrl+Return", self.finish)
        key("Ctrl+Enter", self.finish)
        key("Ctrl+W", self.close)
        key("Ctrl+Shift+C", lambda: self.set_high_contrast(not self.high_contrast))
        key("Ctrl++", lambda: self.zoom(1))
        key("Ctrl+=", lambda: self.zoom(1))
        key("Ctrl+-", lambda: self.zoom(-1))

    def editor(self) -> NoteEditor:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def go_section(self, row: int) -> None:
        row = max(0, min(len(ONDERDELEN) - 1, row))
        self.sections.setCurrentRow(row)
        self.editor().setFocus()

    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        self._autosave()  # every section change is a save point
        self.stack.setCurrentIndex(row)
        onderdeel = ONDERDELEN[row]
        self.heading.setText(
            f"<b>{onderdeel.titel}</b> (Alt+{(row + 1) % 10})<br>"
            f"<span style='color:#555'>{onderdeel.vragen}</span>"
        )
        editor = self.editor()
        editor.moveCursor(QTextCursor.MoveOperation.End)

    def cycle_focus(self) -> None:
        if self.editor().hasFocus():
            self.side.setCurrentWidget(self.checklist)
            self.checklist.setFocus()
            if self.checklist.currentRow() < 0:
                self.checklist.setCurrentRow(0)
        else:
            self.editor().setFocus()

    def toggle_cover(self) -> None:
        if self.cover.isVisible():
            self.cover.hide()
            self.editor().setFocus()
        else:
            self._autosave()
            self.cover.setGeometry(self.rect())
            self.cover.raise_()
            self.cover.show()
            self.cover.setFocus()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.cover.setGeometry(self.rect())

    def zoom(self, step: int) -> None:
        f = self.font()
        f.setPointSizeF(max(9.0, min(40.0, f.pointSizeF() + step)))
        self.setFont(f)

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self.setStyleSheet(HIGH_CONTRAST if on else "")
        self.ctx.settings.set(GESPREK_CONTRAST, on)

    def _vorm_changed(self, *_args: object, save: bool = True) -> None:
        text = vorm_waarschuwing(self.vorm.value())
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        if save:
            self._header_changed()

    # ------------------------------------------------------------ autosave
    def _changed(self, section: str) -> None:
        self._dirty.add(section)
        self._schedule()

    def _header_changed(self) -> None:
        self._header_dirty = True
        self._schedule()

    def _schedule(self) -> None:
        self._debounce.start()
        if not self._maxwait.isActive():
            self._maxwait.start()

    def snapshot(self) -> tuple[GesprekData, dict[str, str]]:
        """The header and the changed sections as they stand now (cheap)."""
        try:
            datum = self.datum.value() or self.gesprek.datum
        except InvalidInput:
            datum = self.gesprek.datum  # keep the last good date; the notes still save
        afgevinkt = tuple(
            self.checklist.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.checklist.count())
            if self.checklist.item(i).checkState() == Qt.CheckState.Checked
        )
        data = replace(
            self.gesprek,
            datum=datum,
            locatie=self.locatie.text(),
            vorm=self.vorm.value(),
            aanwezigen=self.aanwezigen.text(),
            let_op_afgevinkt=afgevinkt,
        )
        texts = {key: self.editors[key].toPlainText() for key in self._dirty}
        return data, texts

    @property
    def has_unsaved(self) -> bool:
        return bool(self._dirty or self._header_dirty)

    def save_now(self) -> None:
        """Write the changed sections now. On this thread, on purpose: one save takes
        ~3 ms (WAL, no fsync per commit), while a worker thread would compete with
        typing for Python's lock at every keystroke (measured: stalls of 20–40 ms)."""
        self._debounce.stop()
        self._maxwait.stop()
        if not self.has_unsaved or not self.ctx.vault.is_unlocked:
            return
        began = time.perf_counter()
        data, texts = self.snapshot()
        try:
            ops.save_gesprek(self.ctx.vault, data, texts)
        except VaultError as exc:
            # Keep the changes marked: the next pause or save point tries again.
            self.save_error = str(exc)
            self.status.setStyleSheet("color: #a40000; font-weight: bold;")
            self.status.setText(tr("Niet opgeslagen: {e}", e=self.save_error))
            raise
        finally:
            self.longest_save_ms = max(self.longest_save_ms, (time.perf_counter() - began) * 1000)
        self._dirty.clear()
        self._header_dirty = False
        self.gesprek = data
        self.saved_at = dt.datetime.now()
        self.save_error = ""
        self.status.setStyleSheet("")
        self.status.setText(tr("Opgeslagen om {t}", t=f"{self.saved_at:%H:%M:%S}"))

    def _autosave(self) -> None:
        """The timers' save: a failure is shown in the window, never raised."""
        try:
            self.save_now()
        except VaultError:
            pass

    def flush(self) -> None:
        """Save everything now (section change, cover, close, lock, finish)."""
        self.save_now()

    # ------------------------------------------------------------ ending
    def _lock(self) -> None:
        self._autosave()  # a disk problem is shown; the lock goes on
        self.lock_requested.emit()

    def finish(self) -> None:
        """End the gesprek: summary, open checklist points, documents."""
        self.flush()
        from ondersteuner.ui.gesprek_einde import EindeDialog

        dialog = EindeDialog(self, self.ctx, self.gesprek.id)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.afgerond:
            self.close()

    def save_before_lock(self) -> None:
        if self.ctx.vault.is_unlocked:
            try:
                self.flush()
            except VaultError:
                pass
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx.vault.is_unlocked:
            try:
                self.flush()
            except VaultError as exc:
                if not self._closing and not kit.confirm(
                    self,
                    tr("Niet opgeslagen"),
                    tr("{e}\n\nToch sluiten? Wat niet is opgeslagen, gaat verloren.", e=exc),
                    tr("Toch sluiten"),
                ):
                    event.ignore()
                    return
        self.ctx.notify(Changes(meldingen=True, gebeurtenissen=True, termijnen=True))
        super().closeEvent(event)
        self.closed.emit()
