"""A generic read-only table model over a list of frozen snapshots.

Each list in the app is a set of :class:`Column` definitions over this one model,
so sorting, roles and refresh behave the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

T = TypeVar("T")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROLES = frozenset(
    int(r) for r in (_DISPLAY, _ACCESSIBLE, _ALIGN, _FOREGROUND, _TOOLTIP, SORT_ROLE, ROW_ROLE)
) | {_DISPLAY, _ACCESSIBLE, _ALIGN, _FOREGROUND, _TOOLTIP}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def fmt_date(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    align_right: bool = False
    colour: Callable[[T], str | None] | None = None  # text colour, e.g. by status
    tooltip: Callable[[T], str] | None = None


class SourceSortProxy(QSortFilterProxyModel):
    """A proxy that leaves sorting to its ``RowTableModel`` (one Python sort)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class RowTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[T] = []
        self._sorted: tuple[int, bool] | None = None  # (column, descending)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace the rows, kept in the order the user last chose."""
        self.beginResetModel()
        self.rows = list(rows)
        if self._sorted is not None:
            self.rows.sort(key=self._key(self._sorted[0]), reverse=self._sorted[1])
        self.endResetModel()

    def _key(self, column: int) -> Callable[[T], Any]:
        col = self.columns[column]
        return col.sort_key or (lambda r: col.text(r).casefold())

    def clear(self) -> None:
        self.set_rows([])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """One Python sort by the column's key (a proxy sorting through ``data()``
        would call into Python O(n log n) times). Selections follow their rows."""
        if not 0 <= column < len(self.columns):
            return
        reverse = order == Qt.SortOrder.DescendingOrder
        self._sorted = (column, reverse)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [self.rows[i.row()] for i in old]
        self.rows.sort(key=self._key(column), reverse=reverse)
        where = {id(r): n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(
            old, [self.index(where[id(r)], i.column()) for r, i in zip(kept, old, strict=True)]
        )
        self.layoutChanged.emit()

    def row_at(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for ~10 roles per visible cell on every paint: leave early.
        if role not in _ROLES or not index.isValid():
            return None
        item = self.rows[index.row()]
        col = self.columns[index.column()]
        if role in (_DISPLAY, _ACCESSIBLE):
            return col.text(item)
        if role == SORT_ROLE:
            return col.sort_key(item) if col.sort_key else col.text(item).casefold()
        if role == ROW_ROLE:
            return item
        if role == _ALIGN:
            return _RIGHT if col.align_right else None
        if role == _FOREGROUND:
            colour = col.colour(item) if col.colour is not None else None
            return QColor(colour) if colour else None
        if role == _TOOLTIP and col.tooltip is not None:
            return col.tooltip(item) or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None
