"""The shared table model: sorting by header click is one Python sort, keeps the
selection on its row, and survives a refresh."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from ondersteuner.ui import kit
from ondersteuner.ui.tables.rows import Column, RowTableModel, SourceSortProxy

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Row:
    naam: str
    nummer: int


COLUMNS = [
    Column("Naam", lambda r: r.naam),
    Column("Nr", lambda r: str(r.nummer), lambda r: r.nummer),
]


def test_header_click_sorts_and_selection_follows(qtbot):
    model: RowTableModel[Row] = RowTableModel(COLUMNS)
    proxy = SourceSortProxy()
    proxy.setSourceModel(model)
    view = kit.table_view("Proef")
    qtbot.addWidget(view)
    view.setModel(proxy)
    model.set_rows([Row("bert", 10), Row("Anna", 2), Row("carla", 7)])
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [r.naam for r in model.rows] == ["Anna", "bert", "carla"]  # case-insensitive
    view.setCurrentIndex(proxy.index(1, 0))  # bert
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [r.nummer for r in model.rows] == [10, 7, 2]
    assert model.row_at(proxy.mapToSource(view.currentIndex()).row()).naam == "bert"
    # New rows arrive in the order the user chose.
    model.set_rows([Row("x", 1), Row("y", 30)])
    assert [r.nummer for r in model.rows] == [30, 1]
