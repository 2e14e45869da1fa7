"""Voorbereiding of the gesprek: the questions the client thinks through beforehand.
It appears beside the notes during the gesprek and feeds the persoonlijk plan."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ondersteuner.gesprek.inhoud import VOORBEREIDING_VRAGEN
from ondersteuner.i18n import tr
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.dialogs.base import EditDialog
from ondersteuner.ui.ops import gesprekken as ops
from ondersteuner.ui.ops.gesprekken import VoorbereidingData


class VoorbereidingDialog(EditDialog):
    kind = "voorbereiding"
    changes = Changes(meldingen=True)

    def __init__(self, parent: QWidget | None, ctx: AppContext, data: VoorbereidingData) -> None:
        super().__init__(parent, ctx, tr("Voorbereiding van het gesprek"), data)
        intro = QLabel(
            tr(
                "Denk samen met de cliënt na over deze vragen. Schrijf op in de woorden van de "
                "cliënt. Tijdens het gesprek staat dit naast de notities."
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.fields = {}
        for n, (key, titel, hint) in enumerate(VOORBEREIDING_VRAGEN):
            mnemonic = titel if n > 8 else f"&{n + 1} {titel}"
            editor = kit.text_edit(data.velden.get(key, ""), height=54, placeholder=hint)
            self.fields[key] = kit.add_field(self.form, mnemonic, editor, hint)
            editor.setAccessibleName(titel)
        self.name_fields()
        self.resize(720, 760)

    def values(self, *, strict: bool) -> VoorbereidingData:  # every field is free text
        return VoorbereidingData(
            self.initial.melding_id,
            {k: w.toPlainText() for k, w in self.fields.items()},  # type: ignore[attr-defined]
        )

    def save(self, data: VoorbereidingData) -> int:
        ops.save_voorbereiding(self.ctx.vault, data)
        return data.melding_id
