"""Deadline screens: the overview across all clients, overriding a deadline, the
dwangsom calculator and the export to the adviser's agenda."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ondersteuner.i18n import tr
from ondersteuner.termijnen.dwangsom import bereken_dwangsom, euro
from ondersteuner.termijnen.melding import Overzicht, Termijn, TermijnStatus
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.ops import termijnen as ops
from ondersteuner.ui.ops.termijnen import TermijnRegel
from ondersteuner.ui.tables.rows import RowTableModel, SourceSortProxy, fmt_date
from ondersteuner.ui.tables.termijnen import groep, overzicht_columns
from ondersteuner.validation import InvalidInput
from ondersteuner.vault import VaultError

if TYPE_CHECKING:
    from ondersteuner.models.enums import GebeurtenisSoort


# ------------------------------------------------------------------ overview
STEP_SECONDS = 0.008  # one slice of the overview between the UI's own events


class TermijnenPanel(QWidget):
    """Every deadline that asks for attention, across all clients."""

    open_melding = Signal(int, int)  # client id, melding id

    SHOW_SOON = "soon"
    SHOW_ALL = "all"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vandaag = dt.date.today()
        self.rows: list[TermijnRegel] = []
        self._busy = False
        self._again = False
        self.longest_slice = 0.0  # seconds
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(tr("Termijnen van alle lopende meldingen"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        top.addWidget(title)
        top.addStretch(1)
        self.filter = kit.combo(
            [
                (tr("Verlopen, deze week en komende 30 dagen"), self.SHOW_SOON),
                (tr("Alles wat nog open staat"), self.SHOW_ALL),
            ]
        )
        self.filter.setAccessibleName(tr("Welke termijnen"))
        self.filter.currentIndexChanged.connect(self._fill)
        top.addWidget(self.filter)
        layout.addLayout(top)
        self.counts = QLabel()
        self.counts.setAccessibleName(tr("Aantallen"))
        layout.addWidget(self.counts)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Termijnen worden berekend"))
        self.progress.setFormat(tr("Termijnen berekenen… %p%"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.model: RowTableModel[TermijnRegel] = RowTableModel(
            overzicht_columns(self.vandaag), self
        )
        self.proxy = SourceSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = kit.table_view(tr("Termijnen van alle cliënten"))
        self.view.setModel(self.proxy)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(lambda _i: self.open_current())
        self.view.activated.connect(lambda _i: self.open_current())
        layout.addWidget(self.view, 1)
        hint = QLabel(
            tr(
                "Dubbelklik of Enter opent de melding. Houd de muis op een termijn om te zien "
                "waarom hij op die dag valt."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.refresh)
        ctx.bus.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.meldingen or changes.gebeurtenissen or changes.termijnen or changes.clients:
            self._debounce.start()

    def refresh(self, on_done: object = None) -> None:
        """Recompute in slices between the UI's own events (typing never waits), with
        a progress bar while it runs."""
        if not self.ctx.vault.is_unlocked:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.vandaag = dt.date.today()
        self.progress.setValue(0)
        self.progress.show()
        pieces = ops.termijnen_in_stukken(self.ctx.vault, self.vandaag)
        collected: list[TermijnRegel] = []

        def finish(rows: list[TermijnRegel] | None) -> None:
            self._busy = False
            self.progress.hide()
            if rows is not None:
                self.rows = rows
                self._fill()
                if callable(on_done):
                    on_done()
            if self._again:
                self._again = False
                self.refresh()

        def step() -> None:
            # Work for at most ~8 ms, then let the event loop handle keys and paints.
            began = time.perf_counter()
            deadline = began + STEP_SECONDS
            while time.perf_counter() < deadline:
                if not self.ctx.vault.is_unlocked:
                    finish(None)  # locked meanwhile: nothing to show
                    return
                try:
                    done, total, rows = next(pieces)
                except StopIteration:
                    finish(ops.sort_rows(collected))
                    return
                except VaultError:
                    finish(None)
                    return
                collected.extend(rows)
                self.progress.setMaximum(max(1, total))
                self.progress.setValue(done)
            # The longest a key press can wait behind this work (benchmarks report it).
            self.longest_slice = max(self.longest_slice, time.perf_counter() - began)
            QTimer.singleShot(0, step)

        QTimer.singleShot(0, step)

    def visible_rows(self) -> list[TermijnRegel]:
        if self.filter.value() == self.SHOW_ALL:
            return list(self.rows)
        later = tr("Later")
        return [r for r in self.rows if groep(r.termijn, self.vandaag) != later]

    def _fill(self) -> None:
        self.model.columns = overzicht_columns(self.vandaag)
        self.model.set_rows(self.visible_rows())
        self.view.resizeColumnsToContents()
        counts = {g: 0 for g in (tr("Verlopen"), tr("Deze week"), tr("Komende 30 dagen"))}
        for r in self.rows:
            g = groep(r.termijn, self.vandaag)
            if g in counts:
                counts[g] += 1
        self.counts.setText(" · ".join(f"{g}: {n}" for g, n in counts.items()))

    def needs_attention(self) -> bool:
        """Anything verlopen or due this week (the overview is shown at start then)."""
        soon = (tr("Verlopen"), tr("Deze week"))
        return any(groep(r.termijn, self.vandaag) in soon for r in self.rows)

    def current(self) -> TermijnRegel | None:
        idx = self.view.currentIndex()
        if not idx.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(idx).row())

    def open_current(self) -> None:
        row = self.current()
        if row is not None:
            self.open_melding.emit(row.client_id, row.melding_id)


# ------------------------------------------------------------------ override
class AanpassenDialog(kit.FormDialog):
    """Give a deadline another date, with the reason (e.g. the gemeente's letter)."""

    def __init__(
        self,
        parent: QWidget | None,
        ctx: AppContext,
        melding_id: int,
        overzicht: Overzicht,
        current: Termijn | None,
    ) -> None:
        super().__init__(parent, tr("Termijn aanpassen"), ok_text=tr("&Aanpassen"))
        self.ctx, self.melding_id = ctx, melding_id
        choices = [
            (f"{t.naam} ({fmt_date(t.datum)})", t.sleutel)
            for t in overzicht.termijnen
            if t.status is not TermijnStatus.VERVALLEN
        ]
        self.by_key = {t.sleutel: t for t in overzicht.termijnen}
        start = current.sleutel if current is not None else (choices[0][1] if choices else None)
        f = self.form
        intro = QLabel(
            tr(
                "Gebruik dit als de gemeente schriftelijk een andere termijn noemde, of als u "
                "een datum anders leest. De berekende datum blijft zichtbaar."
            )
        )
        intro.setWordWrap(True)
        f.addRow(intro)
        self.fields = {
            "sleutel": kit.add_field(f, tr("&Termijn:"), kit.combo(choices, start)),
            "datum": kit.add_field(f, tr("Nieuwe &datum:"), kit.DateField(optional=False)),
            "reden": kit.add_field(
                f,
                tr("&Reden:"),
                kit.text_edit(placeholder=tr("Bijvoorbeeld: brief gemeente van 3 maart")),
            ),
        }
        self.computed = QLabel()
        f.addRow(tr("Berekend:"), self.computed)
        self.name_fields()
        self.fields["sleutel"].currentIndexChanged.connect(self._show_key)  # type: ignore[attr-defined]
        self._show_key()
        self.resize(520, 320)

    def _show_key(self) -> None:
        t = self.by_key.get(self.fields["sleutel"].value())  # type: ignore[attr-defined]
        if t is None:
            self.computed.clear()
            return
        self.computed.setText(f"{fmt_date(t.berekend)} – {t.regel} ({t.artikel})")
        date_field = self.fields["datum"]
        date_field.set_value(t.datum)  # type: ignore[attr-defined]
        if t.aangepast:
            self.fields["reden"].setPlainText(t.aanpassing)  # type: ignore[attr-defined]

    def accept(self) -> None:
        w = self.fields
        if self.attempt(
            lambda: ops.save_aanpassing(
                self.ctx.vault,
                self.melding_id,
                w["sleutel"].value() or "",  # type: ignore[attr-defined]
                w["datum"].value(),  # type: ignore[attr-defined]
                w["reden"].toPlainText(),  # type: ignore[attr-defined]
            )
        ):
            self.ctx.notify(Changes(termijnen=True))
            super().accept()

    def save_before_lock(self) -> None:
        """At auto-lock: keep a complete override (date and reason); then close."""
        if self.fields["reden"].toPlainText().strip():  # type: ignore[attr-defined]
            self.accept()
        if self.isVisible():
            self.reject()


# ------------------------------------------------------------------ dwangsom
class DwangsomDialog(QDialog):
    """How much dwangsom the gemeente owes (Awb 4:17), recomputed as you type."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        ontvangen: dt.date | None,
        beslist_op: dt.date | None,
        termijn_einde: dt.date | None,
        vandaag: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Dwangsom berekenen"))
        self.termijn_einde = termijn_einde
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Beslist de gemeente te laat, dan kan de cliënt een ingebrekestelling sturen. "
                "Twee weken nadat de gemeente die ontving, begint een dwangsom te lopen: "
                "ten hoogste 42 dagen (art. 4:17 Awb)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.ontvangen = kit.DateField(ontvangen, optional=False)
        self.peildatum = kit.DateField(vandaag or dt.date.today(), optional=False)
        self.beslist = kit.DateField(beslist_op)
        kit.add_field(form, tr("Ingebrekestelling &ontvangen op:"), self.ontvangen)
        kit.add_field(form, tr("Berekenen tot en met (&peildatum):"), self.peildatum)
        kit.add_field(
            form, tr("Gemeente &besliste op:"), self.beslist, tr("Leeg als er nog geen besluit is")
        )
        layout.addLayout(form)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setAccessibleName(tr("Uitkomst"))
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        buttons, _made = kit.button_box((tr("&Sluiten"), "reject", self.reject))
        layout.addWidget(buttons)
        for field in (self.ontvangen, self.peildatum, self.beslist):
            field.textChanged.connect(self.recompute)
        self.recompute()
        self.resize(520, 420)

    def recompute(self) -> None:
        try:
            ontvangen = self.ontvangen.value()
            peil = self.peildatum.value()
            beslist = self.beslist.value()
        except InvalidInput as exc:
            self.result.setText(str(exc))
            return
        if ontvangen is None or peil is None:
            self.result.setText(tr("Vul de datum van ontvangst en de peildatum in."))
            return
        lines = []
        if self.termijn_einde is not None and ontvangen <= self.termijn_einde:
            lines.append(
                tr(
                    "Let op: ontvangen op of vóór de laatste dag van de termijn ({d}). Deze "
                    "ingebrekestelling is te vroeg en telt niet.",
                    d=fmt_date(self.termijn_einde),
                )
            )
        b = bereken_dwangsom(ontvangen, peil, beslist)
        lines.append(
            tr(
                "Dwangsom loopt van {a} tot en met uiterlijk {z}.",
                a=fmt_date(b.eerste_dag),
                z=fmt_date(b.laatste_dag),
            )
        )
        labels = (tr("dag 1–14"), tr("dag 15–28"), tr("dag 29–42"))
        for label, (n, rate, sub) in zip(labels, b.per_periode, strict=True):
            lines.append(f"{label}: {n} × {euro(rate)} = {euro(sub)}")
        lines.append(tr("Totaal: {n} dagen, {bedrag}", n=b.dagen, bedrag=euro(b.bedrag)))
        lines.append(tr("Maximum: {m}", m=euro(b.maximum)))
        if b.vaststelling_uiterlijk:
            lines.append(
                tr(
                    "De gemeente stelt het bedrag vast uiterlijk {d} (art. 4:18 Awb).",
                    d=fmt_date(b.vaststelling_uiterlijk),
                )
            )
        self.result.setText("\n".join(lines))


def dwangsom_inputs(
    events: list, overzicht: Overzicht
) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    """Prefill for the calculator: receipt of the (first valid) ingebrekestelling,
    the decision date, and the end of the term it is about."""
    from ondersteuner.models.enums import GebeurtenisSoort as S

    running = next((t for t in overzicht.termijnen if t.dwangsom is not None), None)
    if running is not None and running.dwangsom is not None:
        target = running.sleutel.removeprefix("dwangsom_").removeprefix("max_")
        deadline = overzicht.get(target)
        return (
            running.dwangsom.ontvangen,
            deadline.gehaald_op if deadline else None,
            deadline.datum if deadline else None,
        )
    soort: GebeurtenisSoort = S.INGEBREKESTELLING
    ib = next((e for e in reversed(events) if e.soort is soort), None)
    late = next(
        (
            t
            for t in overzicht.termijnen
            if t.sleutel in ("beschikking", "beslissing_op_bezwaar")
            and t.status is TermijnStatus.VERLOPEN
        ),
        None,
    )
    received = (ib.ontvangen_op or ib.datum) if ib is not None else None
    return received, late.gehaald_op if late else None, late.datum if late else None


# ------------------------------------------------------------------ agenda export
class AgendaExportDialog(kit.FormDialog):
    """Export the overview's deadlines to an .ics file; names stay out by default."""

    def __init__(self, parent: QWidget | None, rows: list[TermijnRegel]) -> None:
        super().__init__(parent, tr("Termijnen naar agenda"), ok_text=tr("&Opslaan als…"))
        self.rows = rows
        info = QLabel(
            tr(
                "{n} termijnen gaan naar een agendabestand (.ics) dat u in Outlook, Google "
                "Agenda of Agenda op de Mac kunt openen. In de titel staat het dossiernummer, "
                "niet de naam van de cliënt, bijvoorbeeld ‘Bezwaartermijn – dossier 14’.",
                n=len(rows),
            )
        )
        info.setWordWrap(True)
        self.form.addRow(info)
        self.fields = {
            "initialen": kit.add_field(
                self.form, "", kit.check_box(tr("Ook de &initialen van de cliënt in de titel"))
            )
        }
        self.fields["initialen"].setAccessibleName(tr("Initialen in de titel"))
        self.path: Path | None = None

    def accept(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            tr("Agendabestand opslaan"),
            str(Path.home() / "termijnen.ics"),
            tr("Agendabestand (*.ics)"),
        )
        if not name:
            return
        path = Path(name if name.lower().endswith(".ics") else name + ".ics")
        try:
            write_agenda(path, self.rows, self.fields["initialen"].isChecked())  # type: ignore[attr-defined]
        except OSError as exc:
            self.show_error(tr("Opslaan lukte niet: {e}", e=exc.strerror or exc))
            return
        vault = getattr(self, "vault", None)
        if vault is not None and vault.is_unlocked:
            from ondersteuner.ui.ops.common import audit, write_session

            with write_session(vault) as s:
                audit(s, "agenda_export", tr("{n} termijnen", n=len(self.rows)))
        self.path = path
        super().accept()


def write_agenda(path: Path, rows: list[TermijnRegel], met_initialen: bool) -> None:
    from ondersteuner.termijnen.agenda import AgendaPunt, agenda_ics
    from ondersteuner.vault.atomic import atomic_write

    punten = [AgendaPunt(r.termijn, r.dossiernummer, r.melding_id, r.initialen) for r in rows]
    atomic_write(path, agenda_ics(punten, met_initialen=met_initialen))
