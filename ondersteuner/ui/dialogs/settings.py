"""Instellingen: auto-lock and font size (each setting declared in settings.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QSpinBox, QWidget

from ondersteuner.i18n import tr
from ondersteuner.settings import (
    ADVISEUR_EMAIL,
    ADVISEUR_NAAM,
    ADVISEUR_ORGANISATIE,
    ADVISEUR_TELEFOON,
    AUTO_LOCK_ENABLED,
    AUTO_LOCK_MINUTES,
    BEWAARTERMIJN_JAREN,
    BRIEFPAPIER,
    FONT_POINT_SIZE,
    RESERVEKOPIE_AANTAL,
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
        self.kopieen = _spin(RESERVEKOPIE_AANTAL, s.get(RESERVEKOPIE_AANTAL))
        self.kopieen.setSpecialValueText(tr("geen"))
        kit.add_field(
            self.form,
            tr("Automatische &reservekopieën:"),
            self.kopieen,
            tr(
                "Bij het afsluiten maakt de app een versleutelde kopie van de kluis in de "
                "map van de kluis en bewaart zoveel van de nieuwste. Maak daarnaast zelf "
                "kopieën op een USB-stick (Bestand → Reservekopie maken)."
            ),
        )
        self.bewaar = _spin(BEWAARTERMIJN_JAREN, s.get(BEWAARTERMIJN_JAREN))
        self.bewaar.setSuffix(tr(" jaar"))
        kit.add_field(
            self.form,
            tr("B&ewaartermijn na afsluiten:"),
            self.bewaar,
            tr(
                "Na zoveel jaar na het afsluiten toont Extra → Bewaartermijn het dossier, "
                "zodat u kunt kiezen het te verwijderen. De app verwijdert nooit zelf."
            ),
        )
        self.naam = kit.add_field(
            self.form,
            tr("Uw &naam:"),
            kit.line_edit(s.get(ADVISEUR_NAAM), max_length=100),
            tr("Staat op de samenvatting na het gesprek en onder de brieven die u maakt."),
        )
        self.telefoon = kit.add_field(
            self.form,
            tr("Uw &telefoon:"),
            kit.line_edit(s.get(ADVISEUR_TELEFOON), max_length=40),
        )
        self.email = kit.add_field(
            self.form,
            tr("Uw &e-mail:"),
            kit.line_edit(s.get(ADVISEUR_EMAIL), max_length=200),
        )
        self.organisatie = kit.add_field(
            self.form,
            tr("Uw &organisatie:"),
            kit.line_edit(s.get(ADVISEUR_ORGANISATIE), max_length=200),
            tr("Staat onder de brieven die u maakt."),
        )
        row = QHBoxLayout()
        self.briefpapier = kit.line_edit(s.get(BRIEFPAPIER), tr("geen: gewoon wit papier"), 1000)
        self.briefpapier.setReadOnly(True)
        row.addWidget(self.briefpapier, 1)
        row.addWidget(kit.button(tr("&Kiezen…"), self.choose_briefpapier))
        row.addWidget(kit.button(tr("Geen"), self.briefpapier.clear))
        self.briefpapier.setAccessibleName(tr("Briefpapier"))
        self.form.addRow(tr("&Briefpapier:"), row)
        row = QHBoxLayout()
        from ondersteuner.letters import SOORTEN, TITELS

        self.sjabloon = kit.combo([(TITELS[k], k) for k in SOORTEN])
        self.sjabloon.setAccessibleName(tr("Sjabloon"))
        row.addWidget(self.sjabloon, 1)
        row.addWidget(kit.button(tr("&Aanpassen…"), self.edit_template))
        row.addWidget(kit.button(tr("Standaard"), self.reset_template))
        self.form.addRow(tr("Eigen &sjabloon:"), row)
        self.auto_lock.toggled.connect(self.minutes.setEnabled)
        self.minutes.setEnabled(self.auto_lock.isChecked())

    def accept(self) -> None:
        s = self.ctx.settings
        s.set(AUTO_LOCK_ENABLED, self.auto_lock.isChecked())
        s.set(AUTO_LOCK_MINUTES, self.minutes.value())
        s.set(FONT_POINT_SIZE, self.font_size.value())
        s.set(RESERVEKOPIE_AANTAL, self.kopieen.value())
        s.set(BEWAARTERMIJN_JAREN, self.bewaar.value())
        s.set(ADVISEUR_NAAM, self.naam.text().strip())  # type: ignore[attr-defined]
        s.set(ADVISEUR_TELEFOON, self.telefoon.text().strip())  # type: ignore[attr-defined]
        s.set(ADVISEUR_EMAIL, self.email.text().strip())  # type: ignore[attr-defined]
        s.set(ADVISEUR_ORGANISATIE, self.organisatie.text().strip())  # type: ignore[attr-defined]
        s.set(BRIEFPAPIER, self.briefpapier.text().strip())
        apply_font_size(self.font_size.value())
        super().accept()

    def choose_briefpapier(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Briefpapier kiezen"), "", tr("Word-document (*.docx)")
        )
        if not name:
            return
        from ondersteuner.letters.woord import BriefpapierFout, lees_briefpapier

        try:
            lees_briefpapier(Path(name))
        except BriefpapierFout as exc:
            self.show_error(str(exc))
            return
        self.briefpapier.setText(name)
        self.error.hide()

    def edit_template(self) -> None:
        """Copy the template into the organisation's folder and open that folder."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from ondersteuner.letters import kopieer_sjabloon

        soort = self.sjabloon.value()
        try:
            doel = kopieer_sjabloon(soort, sjabloonmap(self.ctx))
            for deel in ("_kop", "_afzender", "_geadresseerde", "_ondertekening"):
                kopieer_sjabloon(deel, sjabloonmap(self.ctx))
        except OSError:
            self.show_error(
                tr("De map voor eigen sjablonen kon niet worden gemaakt: {0}").format(
                    sjabloonmap(self.ctx)
                )
            )
            return
        kit.show_info(
            self,
            tr(
                "Het sjabloon staat nu in {0}. Pas het aan met een teksteditor; in "
                "LEESMIJ.txt in dezelfde map staat hoe. Uw versie wordt voortaan gebruikt."
            ).format(doel),
            tr("Eigen sjabloon"),
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(doel.parent)))

    def reset_template(self) -> None:
        soort = self.sjabloon.value()
        doel = sjabloonmap(self.ctx) / f"{soort}.txt"
        if not doel.exists():
            kit.show_info(self, tr("Voor deze brief gebruikt u al het standaardsjabloon."))
            return
        if kit.confirm(
            self,
            tr("Eigen sjabloon weggooien?"),
            tr(
                "Uw aangepaste sjabloon voor deze brief wordt verwijderd. De app gebruikt "
                "dan weer het standaardsjabloon."
            ),
            tr("Weggooien"),
        ):
            doel.unlink()


def sjabloonmap(ctx: AppContext) -> Path:
    """The organisation's own templates (no client data: only letter texts)."""
    return ctx.data_dir / "sjablonen"
