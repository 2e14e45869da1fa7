"""The procedure of one melding drawn as a line: what happened above it, what is due
below it, coloured by status, today marked. Hover or use the arrow keys for the
date, the rule and why a deadline falls on its day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ondersteuner.i18n import tr
from ondersteuner.termijnen.melding import Termijn, TermijnStatus
from ondersteuner.ui.ops.snapshots import GebeurtenisData

# Status colours, chosen to differ for colour-blind eyes too (blue/green/red/grey,
# with distinct markers: events are circles, deadlines diamonds).
STATUS_COLOURS: dict[TermijnStatus, str] = {
    TermijnStatus.OPEN: "#1f5fa8",
    TermijnStatus.GEHAALD: "#2e7d32",
    TermijnStatus.VERLOPEN: "#c62828",
    TermijnStatus.VERVALLEN: "#8a8a8a",
}
EVENT_COLOUR = "#424242"
TODAY_COLOUR = "#e65100"
MAX_LANES = 3


@dataclass(frozen=True)
class Punt:
    """One point on the line."""

    datum: dt.date
    label: str
    tooltip: str
    kleur: str
    termijn: Termijn | None = None  # None for an event

    @property
    def is_event(self) -> bool:
        return self.termijn is None


def punten(events: list[GebeurtenisData], termijnen: tuple[Termijn, ...]) -> list[Punt]:
    out = []
    for e in events:
        if e.datum is None:
            continue
        tip = f"{e.datum:%d-%m-%Y} – {e.soort.label}"
        if e.kenmerk:
            tip += "\n" + tr("Kenmerk: {k}", k=e.kenmerk)
        out.append(Punt(e.datum, e.soort.label, tip, EVENT_COLOUR))
    for t in termijnen:
        lines = [
            f"{t.datum:%d-%m-%Y} – {t.naam} ({t.status.label.lower()})",
            f"{t.regel} – {t.artikel}",
            *t.uitleg,
        ]
        if t.waarschuwing:
            lines.append(t.waarschuwing)
        if t.actie:
            lines.append("→ " + t.actie)
        out.append(Punt(t.datum, t.naam, "\n".join(lines), STATUS_COLOURS[t.status], t))
    out.sort(key=lambda p: (p.datum, not p.is_event))
    return out


class Timeline(QWidget):
    """Draws ``punten``; ``selected`` carries the point chosen by keyboard or click."""

    selected = Signal(object)  # Punt | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Tijdlijn van de melding"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.items: list[Punt] = []
        self.vandaag = dt.date.today()
        self.current = -1
        self._hit: list[tuple[QRectF, int]] = []

    # -- data
    def set_data(
        self,
        events: list[GebeurtenisData],
        termijnen: tuple[Termijn, ...],
        vandaag: dt.date | None = None,
    ) -> None:
        self.items = punten(events, termijnen)
        self.vandaag = vandaag or dt.date.today()
        self.current = -1
        summary = "; ".join(f"{p.datum:%d-%m-%Y} {p.label}" for p in self.items)
        self.setAccessibleDescription(summary or tr("Nog geen stappen of termijnen."))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        return QSize(600, 2 * MAX_LANES * (fm.height() + 4) + 3 * fm.height() + 24)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    # -- geometry
    def _span(self) -> tuple[dt.date, dt.date]:
        dates = [p.datum for p in self.items] + [self.vandaag]
        lo, hi = min(dates), max(dates)
        pad = max(3, (hi - lo).days // 20)
        return lo - dt.timedelta(days=pad), hi + dt.timedelta(days=pad)

    def _x(self, d: dt.date, lo: dt.date, hi: dt.date) -> float:
        margin = 16.0
        width = max(1.0, self.width() - 2 * margin)
        return margin + width * (d - lo).days / max(1, (hi - lo).days)

    # -- painting
    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        line_h = fm.height() + 4
        axis_y = MAX_LANES * line_h + fm.height() + 10
        self._hit = []
        if not self.items:
            p.setPen(QColor("#666666"))
            p.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                tr("Nog geen stappen of termijnen voor deze melding."),
            )
            return
        lo, hi = self._span()
        # The axis with month ticks.
        p.setPen(QPen(QColor("#9e9e9e"), 2))
        p.drawLine(QPointF(8, axis_y), QPointF(self.width() - 8, axis_y))
        p.setPen(QColor("#757575"))
        month = dt.date(lo.year, lo.month, 1)
        step = max(1, ((hi - lo).days // 30) // 8 + 1)  # at most ~8 month labels
        while month <= hi:
            if month >= lo:
                x = self._x(month, lo, hi)
                p.drawLine(QPointF(x, axis_y - 3), QPointF(x, axis_y + 3))
                p.drawText(QPointF(x + 2, self.height() - 4), f"{month:%m-%Y}")
            m = month.month - 1 + step
            month = dt.date(month.year + m // 12, m % 12 + 1, 1)
        # Today.
        tx = self._x(self.vandaag, lo, hi)
        p.setPen(QPen(QColor(TODAY_COLOUR), 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(tx, 4), QPointF(tx, self.height() - fm.height() - 6))
        p.setPen(QColor(TODAY_COLOUR))
        p.drawText(QPointF(tx + 3, fm.ascent() + 2), tr("vandaag"))
        # Points: events above the line, deadlines below; labels in lanes.
        lanes_end: dict[bool, list[float]] = {True: [], False: []}
        for i, item in enumerate(self.items):
            x = self._x(item.datum, lo, hi)
            colour = QColor(item.kleur)
            above = item.is_event
            text = f"{item.datum:%d-%m} {item.label}"
            w = fm.horizontalAdvance(text) + 8
            # Near the right edge the label goes to the left of its marker.
            left = x + w > self.width() - 4
            x0 = x - w if left else x
            ends = lanes_end[above]
            lane = next((k for k, end in enumerate(ends) if end < x0), len(ends))
            if lane == len(ends):
                ends.append(0.0)
            r = 5.0 if i != self.current else 7.5
            p.setPen(QPen(colour.darker(130), 1.5))
            p.setBrush(colour)
            if above:
                p.drawEllipse(QPointF(x, axis_y), r, r)
            else:
                p.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(x, axis_y - r - 1),
                            QPointF(x + r + 1, axis_y),
                            QPointF(x, axis_y + r + 1),
                            QPointF(x - r - 1, axis_y),
                        ]
                    )
                )
            self._hit.append((QRectF(x - 8, axis_y - 8, 16, 16), i))
            if lane >= MAX_LANES:
                continue  # too crowded for a label: the marker and tooltip remain
            ends[lane] = x0 + w
            y = (
                axis_y - 10 - lane * line_h - fm.descent()
                if above
                else axis_y + 10 + lane * line_h + fm.ascent()
            )
            p.setPen(QPen(colour.darker(110) if not above else colour, 1))
            p.drawLine(
                QPointF(x, axis_y + (-7 if above else 7)),
                QPointF(x, y + (0 if above else -fm.ascent())),
            )
            p.setPen(colour if not above else QColor("#212121"))
            font = p.font()
            font.setBold(i == self.current)
            p.setFont(font)
            p.drawText(QPointF(x0 + (3 if not left else 0), y), text)
            self._hit.append((QRectF(x0, y - fm.ascent(), w, fm.height()), i))
        if self.hasFocus():
            p.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))

    # -- interaction
    def _at(self, pos: QPointF) -> int:
        for rect, i in self._hit:
            if rect.contains(pos):
                return i
        return -1

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        i = self._at(event.position())
        if i >= 0:
            QToolTip.showText(event.globalPosition().toPoint(), self.items[i].tooltip, self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        i = self._at(event.position())
        if i >= 0:
            self.select(i)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and self.items:
            step = 1 if key == Qt.Key.Key_Right else -1
            start = self.current if self.current >= 0 else (-1 if step > 0 else len(self.items))
            self.select(max(0, min(len(self.items) - 1, start + step)))
        elif key == Qt.Key.Key_Home and self.items:
            self.select(0)
        elif key == Qt.Key.Key_End and self.items:
            self.select(len(self.items) - 1)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def select(self, index: int) -> None:
        self.current = index
        item = self.items[index] if 0 <= index < len(self.items) else None
        self.selected.emit(item)
        self.update()
