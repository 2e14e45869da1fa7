"""Helpers for driving modal dialogs in pytest-qt tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def with_modal(
    kind: type, handler: Callable[[Any], None], timeout_ms: int = 5000, *, closes: bool = True
) -> None:
    """Run ``handler(dialog)`` once a modal dialog of ``kind`` is showing.

    Call before the action that opens it (``exec()`` blocks the test otherwise).
    """
    waited = {"ms": 0}

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, kind) and w.isVisible():
            try:
                handler(w)
            except BaseException:
                if w.isVisible() and hasattr(w, "done"):
                    w.done(0)  # never leave exec() blocking the test
                raise
            if closes and w.isVisible() and getattr(w, "error", None) is not None:
                # The handler meant to close it; a still-open dialog would block
                # the test forever in exec(). Close it and report why it stayed.
                message = w.error.text()
                w.done(0)
                raise AssertionError(f"{kind.__name__} stayed open: {message!r}")
            return
        waited["ms"] += 10
        if waited["ms"] > timeout_ms:
            raise AssertionError(f"no {kind.__name__} appeared")
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def focusable_without_name(root: QWidget) -> list[str]:
    """Focusable inputs that a screen reader could not name."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    kinds = (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )
    missing = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, kinds) or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox | QAbstractSpinBox):
            continue  # the inner editor of a combo/spin box: the outer widget carries the name
        name = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
        if not name.replace("&", "").strip():
            missing.append(f"{type(w).__name__}:{w.objectName()}")
    return missing


def main_window(qtbot: Any, vault: Any, data_dir: Any) -> Any:
    """The real main window over a test vault, shown (as after unlocking)."""
    from ondersteuner.settings import Settings
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner
    from ondersteuner.ui.main_window import MainWindow

    ctx = AppContext(vault, Settings.in_dir(data_dir), data_dir, ChangeBus(), Runner())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_main_window(window: Any) -> None:
    """After a test: close side windows (saving), let the worker finish."""
    for side in ("gesprek_window", "vergelijk_window"):
        w = getattr(window, side, None)
        if w is not None:
            getattr(w, "save_before_lock", w.close)()
    window.ctx.runner.wait()
    window.closing_for_lock = True


def press(qtbot: Any, w: QWidget, key: Any, mod: Any = None) -> None:
    """A key press as the user makes it: in the active window, to the focus widget."""
    from PySide6.QtCore import Qt

    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    target = QApplication.focusWidget() or w
    qtbot.keyClick(target, key, mod if mod is not None else Qt.KeyboardModifier.NoModifier)
