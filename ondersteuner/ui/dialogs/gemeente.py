"""Gemeente picker (all Dutch municipalities, type to find) and its address dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QWidget

from ondersteuner.i18n import tr
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.ops import gemeenten as ops
from ondersteuner.ui.ops.snapshots import GemeenteData
from ondersteuner.validation import InvalidInput


class GemeentePicker(QWidget):
    """An editable combo box over every municipality, with contains-matching."""

    changed = Signal()

    def __init__(self, ctx: AppContext, current_id: int | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setAccessibleName(tr("Gemeente"))
        self.combo.lineEdit().setPlaceholderText(tr("Typ een deel van de naam"))
        self.combo.addItem(tr("(geen gemeente gekozen)"), None)
        for g in ops.list_gemeenten(ctx.vault):
            self.combo.addItem(g.naam, g.id)
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(completer)
        completer.popup().setAccessibleName(tr("Gevonden gemeenten"))
        self.combo.view().setAccessibleName(tr("Alle gemeenten"))
        self.combo.currentIndexChanged.connect(self.changed)
        layout.addWidget(self.combo, 1)
        self.address_button = kit.button(
            tr("Adres…"), self.edit_address, tip=tr("Postadres van deze gemeente voor brieven")
        )
        layout.addWidget(self.address_button)
        self.set_gemeente(current_id)
        self.setFocusProxy(self.combo)

    def set_gemeente(self, gemeente_id: int | None) -> None:
        idx = self.combo.findData(gemeente_id)
        self.combo.setCurrentIndex(max(idx, 0))

    def gemeente_id(self, *, strict: bool = True) -> int | None:
        """The chosen gemeente; a typed unknown name raises, or gives ``None`` when
        not ``strict``. A typed name that matches an item counts even before Enter."""
        text = self.combo.currentText().strip()
        idx = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if idx > 0:
            return self.combo.itemData(idx)
        if text and idx < 0:
            if not strict:
                return None
            raise InvalidInput(
                "gemeente",
                tr("De gemeente ‘{naam}’ bestaat niet. Kies er een uit de lijst.", naam=text),
            )
        return self.combo.currentData()

    def edit_address(self) -> None:
        try:
            gid = self.gemeente_id()
        except InvalidInput as exc:
            kit.show_error(self, str(exc))
            return
        if gid is None:
            kit.show_error(self, tr("Kies eerst een gemeente."))
            return
        dialog = GemeenteDialog(self, self.ctx, ops.get_gemeente(self.ctx.vault, gid))
        dialog.exec()


class GemeenteDialog(kit.FormDialog):
    """The gemeente's postal address and loket contact, entered once and remembered."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, data: GemeenteData) -> None:
        super().__init__(parent, tr("Gemeente {naam}", naam=data.naam))
        self.ctx, self.data = ctx, data
        f = self.form
        self.fields = {
            "afdeling": kit.add_field(
                f, tr("&Afdeling:"), kit.line_edit(data.afdeling, tr("bijvoorbeeld: Team Wmo"))
            ),
            "post_adres": kit.add_field(
                f,
                tr("&Postadres:"),
                kit.line_edit(data.post_adres, tr("bijvoorbeeld: Postbus 100")),
            ),
            "post_postcode": kit.add_field(
                f, tr("P&ostcode:"), kit.line_edit(data.post_postcode, "1234 AB", 10)
            ),
            "post_plaats": kit.add_field(f, tr("P&laats:"), kit.line_edit(data.post_plaats)),
            "loket_telefoon": kit.add_field(
                f, tr("&Telefoon Wmo-loket:"), kit.line_edit(data.loket_telefoon, max_length=40)
            ),
            "loket_email": kit.add_field(
                f, tr("&E-mail Wmo-loket:"), kit.line_edit(data.loket_email)
            ),
        }

    def accept(self) -> None:
        v = {k: w.text() for k, w in self.fields.items()}  # type: ignore[attr-defined]
        new = GemeenteData(id=self.data.id, naam=self.data.naam, cbs_code=self.data.cbs_code, **v)
        if self.attempt(lambda: ops.save_gemeente_contact(self.ctx.vault, new)):
            self.ctx.notify(Changes(gemeenten=True))
            super().accept()
