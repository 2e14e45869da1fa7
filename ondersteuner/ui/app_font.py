"""App-wide font size (Ctrl +/−), remembered in the settings."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

_default_size: float | None = None


def current_point_size() -> int:
    return round(QApplication.font().pointSizeF())


def apply_font_size(size: int) -> None:
    """Set the application font size in points; 0 restores the system default."""
    global _default_size
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _default_size is None:
        _default_size = app.font().pointSizeF()
    font = QFont(app.font())
    font.setPointSizeF(float(size) if size > 0 else _default_size)
    app.setFont(font)
    # Existing widgets with their own font (headings) keep their relative size
    # because they were derived from the app font at creation; the rest follows.
