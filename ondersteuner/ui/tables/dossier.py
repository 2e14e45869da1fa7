"""Column sets of the dossier lists: clients, contactpersonen, meldingen, events."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from ondersteuner.i18n import tr
from ondersteuner.models.enums import ClientStatus
from ondersteuner.ui.ops.snapshots import ClientRow, ContactData, GebeurtenisData, MeldingData
from ondersteuner.ui.tables.rows import Column, RowTableModel, SourceSortProxy, fmt_date

CLIENT_COLUMNS: list[Column[ClientRow]] = [
    Column(tr("Naam"), lambda r: r.naam),
    Column(tr("Woonplaats"), lambda r: r.woonplaats),
    Column(tr("Gemeente"), lambda r: r.gemeente),
    Column(
        tr("Open meldingen"),
        lambda r: str(r.open_meldingen),
        lambda r: r.open_meldingen,
        align_right=True,
    ),
    Column(
        tr("Dossier"), lambda r: str(r.dossiernummer), lambda r: r.dossiernummer, align_right=True
    ),
]

CONTACT_COLUMNS: list[Column[ContactData]] = [
    Column(tr("Naam"), lambda c: c.naam),
    Column(tr("Relatie"), lambda c: c.relatie),
    Column(tr("Mantelzorger"), lambda c: tr("ja") if c.is_mantelzorger else ""),
    Column(tr("Telefoon"), lambda c: c.telefoon),
]

MELDING_COLUMNS: list[Column[MeldingData]] = [
    Column(tr("Datum melding"), lambda m: fmt_date(m.datum_melding), lambda m: m.datum_melding),
    Column(tr("Wet"), lambda m: m.wet.label),
    Column(tr("Gemeente"), lambda m: m.gemeente_naam),
    Column(tr("Fase"), lambda m: m.fase),
    Column(tr("Status"), lambda m: m.status.label),
]

EVENT_COLUMNS: list[Column[GebeurtenisData]] = [
    Column(tr("Datum"), lambda g: fmt_date(g.datum), lambda g: (g.datum, g.id or 0)),
    Column(tr("Stap"), lambda g: g.soort.label),
    Column(tr("Kenmerk"), lambda g: g.kenmerk),
    Column(
        tr("Ontvangen op"),
        lambda g: fmt_date(g.ontvangen_op),
        lambda g: g.ontvangen_op.toordinal() if g.ontvangen_op else 0,
    ),
    Column(tr("Toelichting"), lambda g: g.omschrijving.splitlines()[0] if g.omschrijving else ""),
]


def fold(text: str) -> str:
    """Case- and accent-insensitive form for search ('Cliënt' matches 'client')."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class ClientFilterProxy(SourceSortProxy):
    """Search-as-you-type over name, place, gemeente and dossier number, plus status filter.

    Sorting happens in the source model (one Python sort); this proxy only filters,
    over lists prepared once per refresh, so a keystroke costs one substring test
    per client (≈2 ms for 2,000 clients).
    """

    ALL = "alle"

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._needle: list[str] = []
        self._status: str = ClientStatus.ACTIEF.value
        self._folded: dict[int, str] = {}
        self._hay: list[str] = []
        self._states: list[str] = []

    def setSourceModel(self, model: RowTableModel[ClientRow]) -> None:  # type: ignore[override]
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self._forget)
        model.layoutChanged.connect(self._index_rows)
        model.modelReset.connect(self._index_rows)
        self._index_rows()

    def _forget(self) -> None:
        self._folded = {}

    def _index_rows(self) -> None:
        model = self.sourceModel()
        rows: list[ClientRow] = model.rows if isinstance(model, RowTableModel) else []
        folded = self._folded
        for r in rows:
            if r.id not in folded:
                folded[r.id] = fold(f"{r.naam} {r.woonplaats} {r.gemeente} {r.dossiernummer}")
        self.beginFilterChange()
        self._hay = [folded[r.id] for r in rows]
        self._states = [r.status.value for r in rows]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        needle = fold(text).split()
        if needle == self._needle:
            return
        self.beginFilterChange()
        self._needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if source_row >= len(self._hay):
            return True
        if self._status != self.ALL and self._states[source_row] != self._status:
            return False
        hay = self._hay[source_row]
        return all(part in hay for part in self._needle)
