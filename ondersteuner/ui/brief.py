"""Letters in the app: the archive of a melding's letters (Brieven, Ctrl+B) and the
letter dialog — every field filled from the dossier, a live preview, the checks that
block a wrong letter, export to Word (and pdf where LibreOffice is installed), print.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QProcess, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ondersteuner import letters
from ondersteuner.i18n import tr
from ondersteuner.letters.controles import BLOKKEERT, Controle, controleer, kan_exporteren
from ondersteuner.letters.velden import DATUM, JA_NEE, LANG, PUNTEN, Veld
from ondersteuner.models.enums import BriefStatus
from ondersteuner.settings import (
    ADVISEUR_EMAIL,
    ADVISEUR_NAAM,
    ADVISEUR_ORGANISATIE,
    ADVISEUR_TELEFOON,
    BRIEFPAPIER,
)
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.ops import brieven as ops
from ondersteuner.validation import InvalidInput
from ondersteuner.vault import VaultError

CHANGES = Changes(gebeurtenissen=True, termijnen=True, gemeenten=True)


def bestandsfout(exc: OSError) -> str:
    """A file that could not be written, in Dutch, with what to do."""
    import errno

    if exc.errno == errno.ENOSPC:
        return tr("De schijf is vol. Maak ruimte of kies een andere plek.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return tr("U mag op die plek niet opslaan. Kies een andere map.")
    if exc.errno == errno.ENOENT:
        return tr("Die map bestaat niet (meer). Kies een andere plek.")
    return tr("Het bestand kon niet worden opgeslagen. Kies een andere plek.")


def libreoffice() -> str | None:
    """The LibreOffice program, if installed (never required)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _sjabloonmap(ctx: AppContext) -> None:
    from ondersteuner.ui.dialogs.settings import sjabloonmap

    letters.gebruik_sjabloonmap(sjabloonmap(ctx))


def _briefpapier(ctx: AppContext) -> Path | None:
    pad = ctx.settings.get(BRIEFPAPIER)
    return Path(pad) if pad else None


class PuntenVeld(QTableWidget):
    """The reactie points: what the verslag says and what it should say; editable."""

    def __init__(self, punten: list[dict[str, str]]) -> None:
        super().__init__(0, 2)
        self.setHorizontalHeaderLabels([tr("In het verslag staat"), tr("Dat moet zijn")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)
        self.setMinimumHeight(160)
        for p in punten:
            self.add(p.get("citaat", ""), p.get("correctie", ""))

    def add(self, citaat: str = "", correctie: str = "") -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(citaat))
        self.setItem(row, 1, QTableWidgetItem(correctie))

    def remove_current(self) -> None:
        if self.currentRow() >= 0:
            self.removeRow(self.currentRow())

    def value(self) -> list[dict[str, str]]:
        out = []
        for row in range(self.rowCount()):
            citaat = (self.item(row, 0).text() if self.item(row, 0) else "").strip()
            correctie = (self.item(row, 1).text() if self.item(row, 1) else "").strip()
            if citaat or correctie:
                out.append({"citaat": citaat, "correctie": correctie})
        return out


class BriefDialog(QDialog):
    """One letter: the fields (filled from the dossier), a live preview and the checks.

    Export is blocked while a required element is missing, and the reason is shown;
    nothing is made up for an empty field.
    """

    def __init__(
        self,
        parent: QWidget | None,
        ctx: AppContext,
        melding_id: int,
        soort: str,
        *,
        brief_id: int | None = None,
        gegevens: dict[str, Any] | None = None,
        status: BriefStatus = BriefStatus.CONCEPT,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.melding_id, self.soort, self.brief_id = ctx, melding_id, soort, brief_id
        self.setWindowTitle(letters.TITELS[soort])
        self.setModal(True)
        self.resize(1100, 760)
        _sjabloonmap(ctx)
        if gegevens is None:
            adviseur = {
                "naam": ctx.settings.get(ADVISEUR_NAAM),
                "telefoon": ctx.settings.get(ADVISEUR_TELEFOON),
                "email": ctx.settings.get(ADVISEUR_EMAIL),
                "organisatie": ctx.settings.get(ADVISEUR_ORGANISATIE),
            }
            gegevens = ops.gegevens_uit_dossier(ctx.vault, melding_id, soort, adviseur=adviseur)
        self.status = status
        note = ""
        datum = gegevens.get("datum")
        if status is BriefStatus.CONCEPT and isinstance(datum, dt.date) and datum < dt.date.today():
            # A concept finished later is sent later: it carries today's date (and the
            # checks, such as a late bezwaar, look at that day).
            gegevens = {**gegevens, "datum": dt.date.today()}
            note = tr("De datum van de brief is bijgewerkt naar vandaag.")
        self.initial = {k: v for k, v in gegevens.items() if not letters.leeg(v)}
        self.fields: dict[str, QWidget] = {}

        outer = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        form_host = QWidget()
        self.form = QFormLayout(form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Long Dutch labels above their fields: the fields get the whole width.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for veld in letters.velden(soort):
            self._add(veld, gegevens.get(veld.naam))
            if veld.naam == "gronden":
                self._gronden_kiezer(str(gegevens.get("wet", "")).lower().startswith("jeugd"))
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no empty tab stop
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        split.addWidget(scroll)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setAccessibleName(tr("Controle van de brief"))
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        rl.addWidget(self.checks)
        preview_label = QLabel(tr("&Voorbeeld van de brief:"))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(tr("Voorbeeld van de brief"))
        preview_label.setBuddy(self.preview)
        rl.addWidget(preview_label)
        rl.addWidget(self.preview, 1)
        split.addWidget(right)
        split.setSizes([520, 580])
        outer.addWidget(split, 1)

        self.error = kit.error_label()
        outer.addWidget(self.error)
        row = QHBoxLayout()
        self.save_btn = kit.button(
            tr("&Bewaren in dossier"),
            self.save_concept,
            shortcut=QKeySequence.StandardKey.Save,
            tip=tr("Als concept in de kluis bewaren"),
        )
        self.export_btn = kit.button(
            tr("&Word-bestand maken…"),
            self.export_docx,
            shortcut="Ctrl+E",
            tip=tr("De brief als Word-bestand opslaan (en in het dossier bewaren)"),
        )
        self.pdf_btn = kit.button(tr("Ook als &pdf…"), self.export_pdf, shortcut="Ctrl+Shift+E")
        self.print_btn = kit.button(
            tr("&Afdrukken…"), self.print_letter, shortcut=QKeySequence.StandardKey.Print
        )
        close = kit.button(tr("Sluiten"), self.reject)
        self.print_btn.setToolTip(
            tr(
                "Drukt de tekst af zoals in het voorbeeld, zonder briefpapier. Voor "
                "briefpapier: maak het Word-bestand en druk dat af."
            )
        )
        for b in (self.save_btn, self.export_btn, self.pdf_btn, self.print_btn):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        outer.addLayout(row)
        if libreoffice() is None:
            self.pdf_btn.setEnabled(False)
            self.pdf_btn.setToolTip(
                tr("Voor pdf is LibreOffice nodig; dat is niet gevonden op deze computer.")
            )

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.refresh)
        self.process: QProcess | None = None
        self.kopie_btn = kit.button(tr("&Kopie als nieuw concept"), self.copy_as_concept)
        row.insertWidget(0, self.kopie_btn)
        self.kopie_btn.setVisible(False)
        if status is not BriefStatus.CONCEPT:
            self._read_only()
        self.refresh()
        if note:
            self.checks.setText(self.checks.text() + "\n" + note)
        self._focus_first_gap()

    # ---------------------------------------------------------------- fields
    def _add(self, veld: Veld, waarde: Any) -> None:
        label = veld.label + (" *" if veld.verplicht else "") + ":"
        if veld.soort == DATUM:
            w: QWidget = kit.DateField(waarde if isinstance(waarde, dt.date) else None)
            w.textChanged.connect(self.changed)  # type: ignore[attr-defined]
        elif veld.soort == LANG:
            w = kit.text_edit(str(waarde or ""), height=90)
            w.textChanged.connect(self.changed)  # type: ignore[attr-defined]
        elif veld.soort == JA_NEE:
            w = kit.check_box(veld.label, bool(waarde))
            w.toggled.connect(self.changed)  # type: ignore[attr-defined]
            self.form.addRow(w)
            w.setObjectName(veld.naam)
            self.fields[veld.naam] = w
            return
        elif veld.soort == PUNTEN:
            table = PuntenVeld(list(waarde or []))
            table.itemChanged.connect(self.changed)
            host = QWidget()
            lay = QVBoxLayout(host)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(table)
            buttons = QHBoxLayout()
            buttons.addWidget(kit.button(tr("Punt &toevoegen"), lambda: self._punt(table, +1)))
            buttons.addWidget(kit.button(tr("Punt we&ghalen"), lambda: self._punt(table, -1)))
            buttons.addStretch(1)
            lay.addLayout(buttons)
            kit.add_field(self.form, label, host, veld.uitleg)
            table.setAccessibleName(veld.label)
            table.setObjectName(veld.naam)
            self.fields[veld.naam] = table
            return
        elif veld.naam == "wet":
            w = kit.combo([(tr("Wmo 2015"), tr("Wmo 2015")), (tr("Jeugdwet"), tr("Jeugdwet"))])
            w.set_value(waarde or tr("Wmo 2015"))  # type: ignore[attr-defined]
            w.currentIndexChanged.connect(self.changed)  # type: ignore[attr-defined]
        else:
            w = kit.line_edit(str(waarde or ""), max_length=500)
            w.textChanged.connect(self.changed)  # type: ignore[attr-defined]
        kit.add_field(self.form, label, w, veld.uitleg)
        w.setObjectName(veld.naam)
        self.fields[veld.naam] = w

    def _gronden_kiezer(self, jeugdwet: bool) -> None:
        """Insert a ground that often carries a bezwaar; its [VUL IN] places must be
        completed before the letter can be exported."""
        from ondersteuner.letters.gronden import gronden_voor

        self.grond = kit.combo([(g.titel, g.tekst) for g in gronden_voor(jeugdwet)])
        self.grond.setAccessibleName(tr("Veelvoorkomende grond"))
        row = QHBoxLayout()
        row.addWidget(self.grond, 1)
        row.addWidget(kit.button(tr("&Grond invoegen"), self.insert_ground))
        self.form.addRow(tr("Veelvoorkomende grond:"), row)

    def insert_ground(self) -> None:
        field = self.fields["gronden"]
        assert isinstance(field, QPlainTextEdit)
        current = field.toPlainText().rstrip()
        field.setPlainText((current + "\n\n" if current else "") + str(self.grond.value()))
        field.setFocus()
        cursor = field.document().find("[VUL IN")
        if not cursor.isNull():
            field.setTextCursor(cursor)

    def _punt(self, table: PuntenVeld, delta: int) -> None:
        if delta > 0:
            table.add()
            table.setCurrentCell(table.rowCount() - 1, 0)
            table.editItem(table.item(table.rowCount() - 1, 0))
        else:
            table.remove_current()
        self.changed()

    def gegevens(self, *, strict: bool = False) -> dict[str, Any]:
        """The fields as they are now; an unreadable date raises when ``strict``."""
        out: dict[str, Any] = {}
        for naam, w in self.fields.items():
            if isinstance(w, kit.DateField):
                try:
                    out[naam] = w.value()
                except InvalidInput:
                    if strict:
                        raise
                    out[naam] = None
            elif isinstance(w, QCheckBox):
                out[naam] = w.isChecked()
            elif isinstance(w, PuntenVeld):
                out[naam] = w.value()
            elif isinstance(w, QPlainTextEdit):
                out[naam] = w.toPlainText().strip()
            elif isinstance(w, QLineEdit):
                out[naam] = w.text().strip()
            elif isinstance(w, kit.Choice):
                out[naam] = w.value()
        return {k: v for k, v in out.items() if not letters.leeg(v)}

    def changed(self, *_args: object) -> None:
        self.timer.start()

    # -------------------------------------------------------------- preview
    def refresh(self) -> None:
        data = self.gegevens()
        checks = controleer(self.soort, data)
        try:
            text = letters.tekst(self.soort, data)
        except letters.SjabloonFout as exc:
            text = str(exc)
            checks.insert(0, Controle(BLOKKEERT, str(exc)))
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setPlainText(text)
        self.preview.verticalScrollBar().setValue(scroll)
        lines = [("✘ " if c.ernst == BLOKKEERT else "⚠ ") + c.tekst for c in checks]
        self.checks.setText(
            "\n".join(lines) if lines else tr("✔ Alles wat deze brief nodig heeft is ingevuld.")
        )
        color = "#a40000" if not kan_exporteren(checks) else ("#8a5a00" if checks else "#2e7d32")
        self.checks.setStyleSheet(f"color: {color};")
        ok = kan_exporteren(checks) and self.status is BriefStatus.CONCEPT
        for b in (self.export_btn, self.print_btn):
            b.setEnabled(ok)
        self.pdf_btn.setEnabled(ok and libreoffice() is not None)
        if self.status is not BriefStatus.CONCEPT:
            self.checks.setStyleSheet("color: #444;")
            self.checks.setText(
                tr(
                    "Deze brief is verzonden en blijft zoals hij is verstuurd. Wilt u iets "
                    "veranderen? Kies ‘Kopie als nieuw concept’."
                )
            )
        self._checks = checks

    # --------------------------------------------------------------- actions
    def _docx(self) -> bytes | None:
        """The letter as .docx, or None with the reason shown."""
        try:
            data = self.gegevens(strict=True)
        except InvalidInput as exc:
            self._error(str(exc), exc.field)
            return None
        blocking = [c for c in controleer(self.soort, data) if c.ernst == BLOKKEERT]
        if blocking:
            self._error(blocking[0].tekst, blocking[0].veld)
            return None
        try:
            return letters.maak_docx(self.soort, data, _briefpapier(self.ctx))
        except (letters.SjabloonFout, letters.BriefpapierFout, letters.OntbrekendeVelden) as e:
            self._error(str(e))
            return None

    def _error(self, message: str, field: str | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        w = self.fields.get(field or "")
        if w is not None:
            w.setFocus(Qt.FocusReason.OtherFocusReason)

    def _archive(self, inhoud: bytes | None) -> bool:
        data = self.gegevens()
        naam = self._bestandsnaam()
        try:
            self.brief_id = ops.bewaar_brief(
                self.ctx.vault,
                self.melding_id,
                self.soort,
                data,
                inhoud or b"",
                naam,
                self.brief_id,
            )
            ops.bewaar_gemeente_postadres(
                self.ctx.vault,
                self.melding_id,
                str(data.get("gemeente_adres", "")),
                str(data.get("gemeente_postcode_plaats", "")),
            )
        except VaultError as exc:
            self._error(str(exc))
            return False
        self.initial = data
        self.ctx.notify(CHANGES)
        return True

    def _bestandsnaam(self) -> str:
        datum = self.gegevens().get("datum") or dt.date.today()
        return f"{self.soort.replace('_', '-')}-{datum:%Y-%m-%d}.docx"

    def save_concept(self) -> bool:
        """Keep the letter in the vault as a concept (also when incomplete)."""
        try:
            data = self.gegevens(strict=True)  # an unreadable date is said, not dropped
        except InvalidInput as exc:
            self._error(str(exc), exc.field)
            return False
        self.error.hide()
        inhoud = None
        if kan_exporteren(controleer(self.soort, data)):
            inhoud = self._docx()  # shows why when the letterhead or template fails
        if not self._archive(inhoud):
            return False
        self.checks.setText(self.checks.text() + "\n" + tr("Bewaard in het dossier."))
        return True

    def export_docx(self) -> Path | None:
        inhoud = self._docx()
        if inhoud is None:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr("Brief opslaan als Word-bestand"),
            str(Path.home() / self._bestandsnaam()),
            tr("Word-document (*.docx)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
            if path.exists() and not kit.confirm(
                self,
                tr("Bestand vervangen?"),
                tr("{0} bestaat al. Wilt u het vervangen?").format(path.name),
                tr("Vervangen"),
            ):
                return None
        try:
            from ondersteuner.letters.woord import schrijf_bestand

            schrijf_bestand(inhoud, path)
        except OSError as exc:
            self._error(bestandsfout(exc))
            return None
        if not self._archive(inhoud):
            return None
        self.error.hide()
        self.exported = path
        return path

    def export_pdf(self) -> None:
        """Word file first (where the adviser chooses), then LibreOffice makes the pdf
        beside it; no copy of the letter is written anywhere else."""
        program = libreoffice()
        path = self.export_docx()
        if path is None or program is None:
            return
        import tempfile

        # A profile of its own: a LibreOffice that is already open cannot take the job
        # over, and its list of recent files never names the letter.
        self._profile = tempfile.mkdtemp(prefix="ondersteuner-lo-")
        pdf = path.with_suffix(".pdf")
        self._pdf_before = pdf.stat().st_mtime if pdf.exists() else None
        self.process = QProcess(self)
        self.process.finished.connect(lambda code, _status: self._pdf_done(path, code))
        self.process.errorOccurred.connect(lambda _e: self._pdf_done(path, -1))
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.checks.setText(tr("De pdf wordt gemaakt…"))
        self.process.start(
            program,
            [
                f"-env:UserInstallation={Path(self._profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(path.parent),
                str(path),
            ],
        )

    def _pdf_done(self, path: Path, code: int) -> None:
        if self.process is None:
            return  # finished and errorOccurred can both arrive
        self.process = None
        self.unsetCursor()
        shutil.rmtree(self._profile, ignore_errors=True)
        pdf = path.with_suffix(".pdf")
        fresh = pdf.exists() and pdf.stat().st_mtime != self._pdf_before
        if code == 0 and fresh:
            self.checks.setText(tr("De pdf staat in {0}.").format(pdf))
        else:
            self._error(tr("LibreOffice kon geen pdf maken. Het Word-bestand is wel opgeslagen."))

    def print_letter(self, printer: Any = None) -> bool:
        """Print the letter as the preview shows it (the system print dialog unless a
        printer is given); True when it was sent to the printer."""
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.status is BriefStatus.CONCEPT and not self.save_concept():
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        doc = QTextDocument()
        doc.setDefaultFont(self.preview.font())
        doc.setPlainText(letters.tekst(self.soort, self.gegevens()))
        doc.print_(printer)
        return True

    # ---------------------------------------------------------------- closing
    def has_changes(self) -> bool:
        return self.gegevens() != self.initial

    def reject(self) -> None:
        if self.has_changes():
            box = kit.confirm(
                self,
                tr("Brief niet bewaard"),
                tr(
                    "U heeft de brief veranderd en nog niet bewaard. Wilt u de wijzigingen "
                    "weggooien? (Kies Annuleren en dan Bewaren in dossier om ze te houden.)"
                ),
                tr("Weggooien"),
            )
            if not box:
                return
        super().reject()

    def save_before_lock(self) -> None:
        """On lock: keep what was typed as a concept letter inside the vault (a letter
        opened and left untouched is not stored; a sent one never changes)."""
        if self.status is BriefStatus.CONCEPT and self.has_changes():
            self._archive(None)
        super().reject()

    def _read_only(self) -> None:
        for w in self.fields.values():
            if isinstance(w, QLineEdit | QPlainTextEdit):
                w.setReadOnly(True)
            else:
                w.setEnabled(False)
        self.save_btn.setEnabled(False)
        self.kopie_btn.setVisible(True)

    def copy_as_concept(self) -> None:
        """A sent letter stays as sent; changes go into a new concept."""
        self.status = BriefStatus.CONCEPT
        self.brief_id = None
        for w in self.fields.values():
            if isinstance(w, QLineEdit | QPlainTextEdit):
                w.setReadOnly(False)
            w.setEnabled(True)
        self.save_btn.setEnabled(True)
        self.kopie_btn.setVisible(False)
        datum = self.fields.get("datum")
        if isinstance(datum, kit.DateField):
            datum.set_value(dt.date.today())
        self.initial = {}
        self.refresh()

    def _focus_first_gap(self) -> None:
        """Start where the adviser has to type: the first required field still empty."""
        gap = next((c.veld for c in self._checks if c.veld in self.fields), None)
        w = self.fields.get(gap or "")
        if w is not None:
            w.setFocus(Qt.FocusReason.OtherFocusReason)


class KiesSoortDialog(kit.FormDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, tr("Nieuwe brief"), ok_text=tr("&Verder"))
        self.soort = kit.combo([(letters.TITELS[k], k) for k in letters.SOORTEN])
        kit.add_field(self.form, tr("&Soort brief:"), self.soort)
        uitleg = QLabel(
            tr(
                "De gegevens uit het dossier worden al ingevuld. U ziet meteen hoe de brief "
                "eruitziet."
            )
        )
        uitleg.setWordWrap(True)
        self.form.addRow(uitleg)


class BrievenDialog(QDialog):
    """The letters of one melding: make, open, export, and record sending and the
    ontvangstbevestiging (which starts the deadlines of the procedure)."""

    COLUMNS = (tr("Brief"), tr("Status"), tr("Gemaakt"), tr("Verzonden"), tr("Bevestigd"))

    def __init__(self, parent: QWidget | None, ctx: AppContext, melding_id: int) -> None:
        super().__init__(parent)
        self.ctx, self.melding_id = ctx, melding_id
        naam = ops.client_naam(ctx.vault, melding_id)
        self.setWindowTitle(tr("Brieven – {0}").format(naam) if naam else tr("Brieven"))
        self.setModal(True)
        self.resize(860, 420)
        outer = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setAccessibleName(tr("Brieven van deze melding"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.table.activated.connect(lambda _i: self.open_letter())  # Enter or double click
        outer.addWidget(self.table, 1)
        self.error = kit.error_label()
        outer.addWidget(self.error)
        row = QHBoxLayout()
        self.buttons = {
            "new": kit.button(tr("&Nieuwe brief…"), self.new_letter, shortcut="Ctrl+N"),
            "open": kit.button(tr("&Openen…"), self.open_letter),
            "save": kit.button(tr("Opslaan &als…"), self.save_as, shortcut="Ctrl+Shift+S"),
            "sent": kit.button(tr("&Verzonden…"), self.mark_sent, shortcut="Ctrl+Shift+V"),
            "receipt": kit.button(tr("Ontvangst&bevestiging…"), self.mark_receipt),
            "herstel": kit.button(tr("&Hersteltermijn…"), self.set_herstel),
            "delete": kit.button(tr("Ver&wijderen…"), self.delete_letter, shortcut="Delete"),
        }
        for b in self.buttons.values():
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(kit.button(tr("Sluiten"), self.accept))
        outer.addLayout(row)
        QShortcut(QKeySequence("F5"), self, self.reload)
        self.open_dialog: QDialog | None = None
        self.rows: list[ops.BriefData] = []
        self.reload()

    def reload(self) -> None:
        keep = self.current().id if self.current() else None
        self.rows = ops.list_brieven(self.ctx.vault, self.melding_id)
        self.table.setRowCount(len(self.rows))
        for r, b in enumerate(self.rows):
            values = (
                b.titel,
                b.status.label,
                f"{b.aangemaakt:%d-%m-%Y}",
                f"{b.verzonden_op:%d-%m-%Y}" if b.verzonden_op else "",
                f"{b.ontvangstbevestiging_op:%d-%m-%Y}" if b.ontvangstbevestiging_op else "",
            )
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
            if b.id == keep:
                self.table.selectRow(r)
        if self.current() is None and self.rows:
            self.table.selectRow(0)
        self.update_buttons()

    def current(self) -> ops.BriefData | None:
        r = self.table.currentRow() if hasattr(self, "table") else -1
        return self.rows[r] if 0 <= r < len(self.rows) and self.table.selectedItems() else None

    def update_buttons(self) -> None:
        b = self.current()
        for key in ("open", "save", "sent", "delete"):
            self.buttons[key].setEnabled(b is not None)
        self.buttons["receipt"].setEnabled(
            b is not None and b.verzonden_op is not None and b.melding_id is not None
        )
        self.buttons["herstel"].setEnabled(
            b is not None and b.soort == "bezwaarschrift_pro_forma" and b.verzonden_op is not None
        )

    def _run(self, dialog: QDialog) -> bool:
        self.open_dialog = dialog
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.open_dialog = None
            if self.ctx.vault.is_unlocked:
                self.reload()

    def new_letter(self) -> None:
        chooser = KiesSoortDialog(self)
        chooser.soort.set_value(ops.voorgestelde_soort(self.ctx.vault, self.melding_id))
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        self._run(BriefDialog(self, self.ctx, self.melding_id, chooser.soort.value()))

    def open_letter(self) -> None:
        b = self.current()
        if b is None:
            return
        data = ops.gegevens_van_brief(self.ctx.vault, b.id)
        dialog = BriefDialog(
            self, self.ctx, self.melding_id, b.soort, brief_id=b.id, gegevens=data, status=b.status
        )
        self._run(dialog)

    def save_as(self) -> None:
        b = self.current()
        if b is None:
            return
        naam, inhoud = ops.brief_bestand(self.ctx.vault, b.id)
        if not inhoud:
            self._error(tr("Deze brief is nog een onvolledig concept. Open hem en vul hem aan."))
            return
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Brief opslaan"), str(Path.home() / naam), tr("Word-document (*.docx)")
        )
        if not name:
            return
        from ondersteuner.letters.woord import schrijf_bestand

        try:
            schrijf_bestand(inhoud, Path(name))
        except OSError as exc:
            self._error(bestandsfout(exc))

    def _ask_date(
        self, title: str, label: str, value: dt.date | None, uitleg: str = ""
    ) -> dt.date | None:
        dialog = kit.FormDialog(self, title, ok_text=tr("&Vastleggen"))
        if uitleg:
            text = QLabel(uitleg)
            text.setWordWrap(True)
            dialog.form.addRow(text)
        field = kit.add_field(dialog.form, label, kit.DateField(value, optional=False))
        field.setObjectName("datum")
        dialog.fields = {"datum": field}
        result: list[dt.date | None] = []

        def accept() -> None:
            if dialog.attempt(lambda: result.append(field.value())):  # type: ignore[attr-defined]
                QDialog.accept(dialog)

        dialog.accept = accept  # type: ignore[method-assign]
        if dialog.exec() != QDialog.DialogCode.Accepted or not result:
            return None
        return result[0]

    def _do(self, fn: Any) -> None:
        try:
            fn()
        except (InvalidInput, VaultError) as exc:
            self._error(str(exc))
            return
        self.error.hide()
        self.ctx.notify(CHANGES)
        self.reload()

    def _error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def mark_sent(self) -> None:
        b = self.current()
        if b is None:
            return
        if b.status is not BriefStatus.CONCEPT and not kit.confirm(
            self,
            tr("Verzenddatum aanpassen?"),
            tr(
                "Deze brief is al als verzonden vastgelegd op {0}. U kunt de datum "
                "aanpassen; de stap in de procedure krijgt dan ook die datum."
            ).format(f"{b.verzonden_op:%d-%m-%Y}" if b.verzonden_op else "?"),
            tr("Aanpassen"),
            destructive=False,
        ):
            return
        uitleg = ""
        stap = ops.GEBEURTENIS_BIJ_VERZENDEN.get(b.soort)
        if stap is not None:
            uitleg = tr(
                "De app legt ook de stap ‘{0}’ vast, zodat de termijnen gaan lopen. De "
                "termijn van de gemeente telt vanaf de dag dat zij de brief ontving: vul "
                "die later in bij Ontvangstbevestiging."
            ).format(stap.label)
        datum = self._ask_date(
            tr("Brief verzonden"), tr("&Verzonden op:"), b.verzonden_op or dt.date.today(), uitleg
        )
        if datum is not None:
            self._do(lambda: ops.markeer_verzonden(self.ctx.vault, b.id, datum))

    def mark_receipt(self) -> None:
        b = self.current()
        if b is None:
            return
        datum = self._ask_date(
            tr("Ontvangstbevestiging"), tr("De gemeente &ontving de brief op:"), None
        )
        if datum is not None:
            self._do(lambda: ops.markeer_bevestigd(self.ctx.vault, b.id, datum))

    def set_herstel(self) -> None:
        b = self.current()
        if b is None:
            return
        brief_van = self._ask_date(
            tr("Hersteltermijn"),
            tr("&Datum van de brief van de gemeente:"),
            None,
            tr(
                "De gemeente schrijft tot wanneer u de gronden van het bezwaar mag sturen "
                "(artikel 6:6 Awb). Vul eerst de datum van die brief in."
            ),
        )
        if brief_van is None:
            return
        datum = self._ask_date(
            tr("Hersteltermijn"), tr("De gronden moeten binnen zijn &uiterlijk op:"), None
        )
        if datum is not None:
            self._do(lambda: ops.zet_hersteltermijn(self.ctx.vault, b.id, datum, brief_van))

    def delete_letter(self) -> None:
        b = self.current()
        if b is None:
            return
        message = tr("‘{0}’ wordt uit het dossier verwijderd. Dit kan niet ongedaan worden.")
        message = message.format(b.titel)
        stap = ops.stap_van_brief(self.ctx.vault, b.id)
        if stap:
            message += " " + tr(
                "De stap ‘{0}’ die bij het verzenden is vastgelegd, blijft staan: de brief "
                "is immers verstuurd. Klopt die stap niet, verwijder hem dan bij Stappen."
            ).format(stap)
        if kit.confirm(self, tr("Brief verwijderen?"), message, tr("Verwijderen")):
            self._do(lambda: ops.delete_brief(self.ctx.vault, b.id))

    def save_before_lock(self) -> None:
        save = getattr(self.open_dialog, "save_before_lock", None)
        if callable(save):
            save()
        self.reject()
