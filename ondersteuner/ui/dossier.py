"""The selected client's dossier: personal data, contactpersonen, meldingen, steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ondersteuner.i18n import tr
from ondersteuner.models.enums import ClientStatus
from ondersteuner.termijnen.melding import Overzicht, Termijn
from ondersteuner.ui import kit
from ondersteuner.ui.ops.snapshots import ClientData, GebeurtenisData, MeldingData
from ondersteuner.ui.tables.dossier import (
    CONTACT_COLUMNS,
    EVENT_COLUMNS,
    MELDING_COLUMNS,
)
from ondersteuner.ui.tables.rows import RowTableModel, SourceSortProxy, fmt_date
from ondersteuner.ui.tables.termijnen import TERMIJN_COLUMNS, uitleg_tekst
from ondersteuner.ui.timeline import Punt, Timeline


def _value_label() -> QLabel:
    lbl = QLabel()
    lbl.setWordWrap(True)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lbl.setTextFormat(Qt.TextFormat.PlainText)
    return lbl


class _Table(QWidget):
    """A titled table with a sortable proxy; emits the selected row snapshot."""

    selected = Signal(object)
    activated = Signal(object)

    def __init__(
        self,
        title: str,
        columns: list,
        buttons: list[QWidget],
        sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
    ) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model: RowTableModel = RowTableModel(columns, self)
        self.proxy = SourceSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view: QTableView = kit.table_view(title)
        self.view.setModel(self.proxy)
        self.view.sortByColumn(0, sort_order)
        self.view.selectionModel().currentRowChanged.connect(self._current)
        self.view.doubleClicked.connect(lambda _i: self.activated.emit(self.current()))
        layout.addWidget(self.view)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)

    def _current(self, *_args: object) -> None:
        self.selected.emit(self.current())

    def current(self) -> object | None:
        idx = self.view.currentIndex()
        if not idx.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(idx).row())

    def select_where(self, match: Callable[[Any], bool]) -> bool:
        """Make the first row that ``match``es current; whether one did."""
        for row, item in enumerate(self.model.rows):
            if match(item):
                idx = self.proxy.mapFromSource(self.model.index(row, 0))
                self.view.setCurrentIndex(idx)
                self.view.scrollTo(idx)
                # Again once the layout settled (a fresh table has no geometry yet).
                QTimer.singleShot(0, lambda: self.view.scrollTo(self.view.currentIndex()))
                return True
        return False

    def set_rows(self, rows: list, keep_id: int | None = None) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        target = 0
        for i, r in enumerate(rows):
            if keep_id is not None and getattr(r, "id", None) == keep_id:
                target = i
        if rows:
            idx = self.proxy.mapFromSource(self.model.index(target, 0))
            self.view.setCurrentIndex(idx)
        else:
            self.selected.emit(None)


class DossierPanel(QWidget):
    """Right-hand side of the main window. Buttons trigger the window's actions."""

    def __init__(self, actions: dict) -> None:
        super().__init__()
        self.setAccessibleName(tr("Dossier"))
        outer = QVBoxLayout(self)
        self.header = QLabel(tr("Kies links een cliënt, of maak een nieuwe (Ctrl+N)."))
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.header.setFont(font)
        self.header.setWordWrap(True)
        outer.addWidget(self.header)
        self.subheader = _value_label()
        self.subheader.setAccessibleName(tr("Kerngegevens"))
        outer.addWidget(self.subheader)

        # Personal data.
        self.person_box = QGroupBox(tr("Persoonsgegevens"))
        pform = QFormLayout(self.person_box)
        self.person: dict[str, QLabel] = {}
        for key, label in (
            ("geboortedatum", tr("Geboortedatum")),
            ("adres", tr("Adres")),
            ("telefoon", tr("Telefoon")),
            ("email", tr("E-mail")),
            ("gemeente", tr("Gemeente")),
            ("toestemming", tr("Toestemming")),
            ("status", tr("Status")),
            ("notities", tr("Notities")),
        ):
            self.person[key] = _value_label()
            pform.addRow(label + ":", self.person[key])
        prow = QHBoxLayout()
        for key in ("edit_client", "close_client", "delete_client"):
            prow.addWidget(actions[key].button)
        prow.addStretch(1)
        pform.addRow(prow)

        self.contacts = _Table(
            tr("Contactpersonen"),
            CONTACT_COLUMNS,
            [
                actions["new_contact"].button,
                actions["edit_contact"].button,
                actions["delete_contact"].button,
            ],
        )
        contact_box = QGroupBox(tr("Contactpersonen en mantelzorgers"))
        QVBoxLayout(contact_box).addWidget(self.contacts)

        self.meldingen = _Table(
            tr("Meldingen"),
            MELDING_COLUMNS,
            [
                actions["new_melding"].button,
                actions["edit_melding"].button,
                actions["close_melding"].button,
                actions["delete_melding"].button,
                actions["prepare"].button,
                actions["gesprek"].button,
                actions["import_verslag"].button,
                actions["compare_verslag"].button,
                actions["brieven"].button,
            ],
            sort_order=Qt.SortOrder.DescendingOrder,  # the newest (running) melding first
        )
        melding_box = QGroupBox(tr("Meldingen"))
        QVBoxLayout(melding_box).addWidget(self.meldingen)

        # Melding details and its steps.
        self.detail_box = QGroupBox(tr("Melding"))
        dlayout = QVBoxLayout(self.detail_box)
        # Two columns of facts, so the timeline and the deadlines get the height.
        self.detail: dict[str, QLabel] = {}
        facts = QHBoxLayout()
        for column in (
            (("hulpvraag", tr("Hulpvraag")), ("notities", tr("Notities"))),
            (("gemeld_door", tr("Gemeld door")), ("kenmerk", tr("Kenmerk")), ("fase", tr("Fase"))),
        ):
            dform = QFormLayout()
            for key, label in column:
                self.detail[key] = _value_label()
                dform.addRow(label + ":", self.detail[key])
            facts.addLayout(dform, 1)
        dlayout.addLayout(facts)
        self.detail["volgende"] = _value_label()
        self.detail["volgende"].setAccessibleName(tr("Volgende termijn"))
        bold = self.detail["volgende"].font()
        bold.setBold(True)
        self.detail["volgende"].setFont(bold)
        dlayout.addWidget(self.detail["volgende"])
        self.signalen = kit.error_label()
        self.signalen.setAccessibleName(tr("Waarschuwingen bij de procedure"))
        dlayout.addWidget(self.signalen)
        self.timeline = Timeline()
        dlayout.addWidget(self.timeline)
        self.events = _Table(
            tr("Stappen"),
            EVENT_COLUMNS,
            [
                actions["new_event"].button,
                actions["edit_event"].button,
                actions["delete_event"].button,
            ],
        )
        self.termijnen = _Table(
            tr("Termijnen"),
            TERMIJN_COLUMNS,
            [
                actions["adjust_deadline"].button,
                actions["reset_deadline"].button,
                actions["dwangsom"].button,
            ],
        )
        self.waarom = _value_label()
        self.waarom.setAccessibleName(tr("Waarom deze datum"))
        self.termijnen.layout().insertWidget(1, self.waarom)
        self.termijnen.selected.connect(self._termijn_selected)
        self.timeline.selected.connect(self._punt_selected)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.termijnen, tr("Termijnen (Ctrl+5)"))
        self.tabs.addTab(self.events, tr("Stappen (Ctrl+4)"))
        dlayout.addWidget(self.tabs, 1)

        # Two tabs: the procedure (meldingen, timeline, deadlines) gets the room
        # it needs; personal data and contactpersonen sit one keystroke away.
        person_page = QWidget()
        pl = QHBoxLayout(person_page)
        # Long values (toestemming, notities) wrap; scroll rather than clip them.
        person_scroll = QScrollArea()
        person_scroll.setWidgetResizable(True)
        person_scroll.setFrameShape(QFrame.Shape.NoFrame)
        person_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        person_scroll.setWidget(self.person_box)
        pl.addWidget(person_scroll, 3)
        pl.addWidget(contact_box, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(melding_box)
        split.addWidget(self.detail_box)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([150, 650])  # a client has few meldingen; the procedure needs room
        self.pages = QTabWidget()
        self.pages.addTab(split, tr("Meldingen en termijnen (Ctrl+3)"))
        self.pages.addTab(person_page, tr("Persoonsgegevens en contactpersonen (Ctrl+2)"))
        self.meldingen_page, self.person_page = split, person_page
        outer.addWidget(self.pages, 1)
        self.show_client(None)

    def show_client(self, data: ClientData | None) -> None:
        has = data is not None
        for w in (self.person_box, self.contacts, self.meldingen, self.detail_box):
            w.setEnabled(has)
        if data is None:
            self.header.setText(tr("Kies links een cliënt, of maak een nieuwe (Ctrl+N)."))
            self.subheader.clear()
            for lbl in self.person.values():
                lbl.clear()
            self.contacts.set_rows([])
            self.meldingen.set_rows([])
            return
        status = tr(" (afgesloten)") if data.status is ClientStatus.AFGESLOTEN else ""
        self.header.setText(
            tr("{naam} – dossier {n}{status}", naam=data.naam, n=data.dossiernummer, status=status)
        )
        adres = ", ".join(
            p for p in (data.adres, f"{data.postcode} {data.woonplaats}".strip()) if p
        )
        toestemming = (
            tr("gegeven op {d}", d=fmt_date(data.toestemming_op))
            + (f" – {data.toestemming_omvang}" if data.toestemming_omvang else "")
            if data.toestemming_op
            else tr("niet vastgelegd")
        )
        values = {
            "geboortedatum": fmt_date(data.geboortedatum),
            "adres": adres,
            "telefoon": data.telefoon,
            "email": data.email,
            "gemeente": data.gemeente_naam,
            "toestemming": toestemming,
            "status": data.status.label
            + (f" ({fmt_date(data.afgesloten_op)})" if data.afgesloten_op else ""),
            "notities": data.notities,
        }
        self.subheader.setText(
            " · ".join(
                v
                for v in (
                    tr("geboren {d}", d=values["geboortedatum"]) if data.geboortedatum else "",
                    adres,
                    data.telefoon,
                    tr("gemeente {g}", g=data.gemeente_naam) if data.gemeente_naam else "",
                )
                if v
            )
        )
        for key, lbl in self.person.items():
            lbl.setText(values[key])

    def show_melding(self, data: MeldingData | None) -> None:
        self.detail_box.setEnabled(data is not None)
        if data is None:
            self.detail_box.setTitle(tr("Melding"))
            for lbl in self.detail.values():
                lbl.clear()
            self.show_events([])
            return
        self.detail_box.setTitle(
            tr(
                "Melding van {d} ({wet}{spoed})",
                d=fmt_date(data.datum_melding),
                wet=data.wet.label,
                spoed=tr(", spoed") if data.spoed else "",
            )
        )
        for key, lbl in self.detail.items():
            if key != "volgende":
                lbl.setText(str(getattr(data, key)))

    def show_events(
        self,
        rows: list[GebeurtenisData],
        overzicht: Overzicht | None = None,
        keep_id: int | None = None,
    ) -> None:
        self.events.set_rows(rows, keep_id)
        termijnen = overzicht.termijnen if overzicht else ()
        keep: Termijn | None = self.termijnen.current()  # type: ignore[assignment]
        self.termijnen.set_rows(list(termijnen))
        if keep is None or not self.termijnen.select_where(lambda t: t.sleutel == keep.sleutel):
            # Start at the first deadline that asks for something.
            self.termijnen.select_where(lambda t: t.vraagt_aandacht)
        self.timeline.set_data(rows, termijnen)
        signalen = overzicht.signalen if overzicht else ()
        self.signalen.setText("\n".join(signalen))
        self.signalen.setVisible(bool(signalen))
        # The most urgent first: something overdue, else the next deadline.
        late = [t for t in (overzicht.te_laat if overzicht else ()) if t.vraagt_aandacht]
        first = late[0] if late else (overzicht.volgende if overzicht else None)
        self.detail["volgende"].setText(
            tr(
                "{wat}: {naam}, {d} – {actie}",
                wat=tr("Te laat") if late else tr("Volgende termijn"),
                naam=first.naam,
                d=fmt_date(first.datum),
                actie=first.actie,
            )
            if first
            else tr("Geen open termijn.")
        )
        self.detail["volgende"].setStyleSheet("color: #a40000;" if late else "")

    def _termijn_selected(self, t: Termijn | None) -> None:
        self.waarom.setText(uitleg_tekst(t) if t is not None else "")

    def _punt_selected(self, punt: Punt | None) -> None:
        """A deadline chosen on the timeline is chosen in the list too (and explained)."""
        if punt is None or punt.termijn is None:
            if punt is not None:
                self.waarom.setText(punt.tooltip)
            return
        self.tabs.setCurrentWidget(self.termijnen)
        key = punt.termijn.sleutel
        self.termijnen.select_where(lambda t: t.sleutel == key)

    def clear(self) -> None:
        self.show_client(None)
        self.show_melding(None)
