"""Instellingen: auto-lock and font size (each setting declared in settings.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox, QWidget

from ondersteuner.i18n import tr
from ondersteuner.settings import (
    ADVISEUR_NAAM,
    ADVISEUR_TELEFOON,
    AUTO_LOCK_ENABLED,
    AUTO_LOCK_MINUTES,
    FONT_POINT_SIZE,
    Setting,
)
from ondersteuner.ui import kit
from ondersteuner.ui.app_font import apply_font_size
from ondersteuner.ui.context import AppContext


def _spin(setting: Setting, value: int) -> QSpinBox:
    w = QSpinBox()
    w.setRange(setting.minimum or 0, setting.maximum or 999)
    w.setValue(value)
    return w


class SettingsDialog(kit.FormDialog):
    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent, tr("Instellingen"))
        self.ctx = ctx
        s = ctx.settings
        self.auto_lock = QCheckBox(AUTO_LOCK_ENABLED.label)
        self.auto_lock.setChecked(s.get(AUTO_LOCK_ENABLED))
        self.auto_lock.setAccessibleName(AUTO_LOCK_ENABLED.label)
        self.form.addRow(self.auto_lock)
        self.minutes = _spin(AUTO_LOCK_MINUTES, s.get(AUTO_LOCK_MINUTES))
        self.minutes.setSuffix(tr(" minuten"))
        kit.add_field(
            self.form,
            tr("&Vergrendelen na:"),
            self.minutes,
            tr("Na zoveel minuten zonder toetsenbord of muis gaat de kluis op slot."),
        )
        self.font_size = _spin(FONT_POINT_SIZE, s.get(FONT_POINT_SIZE))
        self.font_size.setSpecialValueText(tr("standaard"))
        kit.add_field(
            self.form,
            tr("&Lettergrootte:"),
            self.font_size,
            tr("Ook te wijzigen met Ctrl + en Ctrl −."),
        )
        self.naam = kit.add_field(
            self.form,
            tr("Uw &naam:"),
            kit.line_edit(s.get(ADVISEUR_NAAM), max_length=100),
            tr("Staat op de samenvatting die de cliënt na het gesprek krijgt."),
        )
        self.telefoon = kit.add_field(
            self.form,
            tr("Uw &telefoon:"),
            kit.line_edit(s.get(ADVISEUR_TELEFOON), max_length=40),
        )
        self.auto_lock.toggled.connect(self.minutes.setEnabled)
        self.minutes.setEnabled(self.auto_lock.isChecked())

    def accept(self) -> None:
        s = self.ctx.settings
        s.set(AUTO_LOCK_ENABLED, self.auto_lock.isChecked())
        s.set(AUTO_LOCK_MINUTES, self.minutes.value())
        s.set(FONT_POINT_SIZE, self.font_size.value())
        s.set(ADVISEUR_NAAM, self.naam.text().strip())  # type: ignore[attr-defined]
        s.set(ADVISEUR_TELEFOON, self.telefoon.text().strip())  # type: ignore[attr-defined]
        apply_font_size(self.font_size.value())
        super().accept()
