"""The Qt binding itself must not corrupt reference counts (seen in PySide6 6.12.0)."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.gui
def test_void_calls_do_not_release_none(qtbot):
    from PySide6.QtWidgets import QApplication, QWidget

    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    before = sys.getrefcount(None)
    for _ in range(5000):
        w.update()
        QApplication.processEvents()
    # A little drift from caches is fine; a leak of one reference per call is not.
    assert sys.getrefcount(None) - before > -100
