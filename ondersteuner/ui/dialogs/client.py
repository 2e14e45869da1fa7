"""Client and contactpersoon dialogs."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from ondersteuner.i18n import tr
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.dialogs.base import EditDialog
from ondersteuner.ui.dialogs.gemeente import GemeentePicker
from ondersteuner.ui.ops import clients as ops
from ondersteuner.ui.ops.snapshots import ClientData, ContactData

AANHEF = [(tr("(geen)"), ""), (tr("De heer"), "heer"), (tr("Mevrouw"), "mevrouw")]


class ClientDialog(EditDialog):
    kind = "client"
    changes = Changes(clients=True)

    def __init__(self, parent: QWidget | None, ctx: AppContext, data: ClientData) -> None:
        title = tr("Nieuwe cliënt") if data.id is None else tr("Cliënt bewerken")
        super().__init__(parent, ctx, title, data)
        f = self.form
        self.gemeente = GemeentePicker(ctx, data.gemeente_id)
        self.fields = {
            "naam": kit.add_field(
                f, tr("&Naam: *"), kit.line_edit(data.naam, tr("voornaam en achternaam"))
            ),
            "aanhef": kit.add_field(f, tr("&Aanhef:"), kit.combo(AANHEF, data.aanhef)),
            "geboortedatum": kit.add_field(
                f, tr("&Geboortedatum:"), kit.DateField(data.geboortedatum)
            ),
            "adres": kit.add_field(
                f, tr("A&dres:"), kit.line_edit(data.adres, tr("straat en huisnummer"))
            ),
            "postcode": kit.add_field(
                f, tr("&Postcode:"), kit.line_edit(data.postcode, "1234 AB", 10)
            ),
            "woonplaats": kit.add_field(f, tr("&Woonplaats:"), kit.line_edit(data.woonplaats)),
            "gemeente": kit.add_field(f, tr("Ge&meente:"), self.gemeente),
            "telefoon": kit.add_field(
                f, tr("&Telefoon:"), kit.line_edit(data.telefoon, max_length=40)
            ),
            "email": kit.add_field(f, tr("&E-mail:"), kit.line_edit(data.email)),
            "toestemming_op": kit.add_field(
                f,
                tr("&Toestemming gegeven op:"),
                kit.DateField(data.toestemming_op),
                tr(
                    "Datum waarop de cliënt toestemming gaf om gezondheidsgegevens vast te "
                    "leggen (AVG art. 9)."
                ),
            ),
            "toestemming_omvang": kit.add_field(
                f,
                tr("Waarvoor toe&stemming:"),
                kit.line_edit(data.toestemming_omvang, max_length=500),
            ),
            "notities": kit.add_field(f, tr("N&otities:"), kit.text_edit(data.notities)),
        }
        self.name_fields()
        # The gemeente field is a composite; give its inner combo the name too.
        self.gemeente.combo.setAccessibleName(tr("Gemeente"))
        self.resize(520, 560)

    def values(self, *, strict: bool) -> ClientData:
        w = self.fields
        gemeente_id = self.gemeente.gemeente_id(strict=strict)
        return replace(
            self.initial,
            naam=w["naam"].text(),  # type: ignore[attr-defined]
            aanhef=w["aanhef"].value(),  # type: ignore[attr-defined]
            geboortedatum=self.date_value("geboortedatum", strict=strict),
            adres=w["adres"].text(),  # type: ignore[attr-defined]
            postcode=w["postcode"].text(),  # type: ignore[attr-defined]
            woonplaats=w["woonplaats"].text(),  # type: ignore[attr-defined]
            gemeente_id=gemeente_id,
            telefoon=w["telefoon"].text(),  # type: ignore[attr-defined]
            email=w["email"].text(),  # type: ignore[attr-defined]
            toestemming_op=self.date_value("toestemming_op", strict=strict),
            toestemming_omvang=w["toestemming_omvang"].text(),  # type: ignore[attr-defined]
            notities=w["notities"].toPlainText(),  # type: ignore[attr-defined]
        )

    def save(self, data: ClientData) -> int:
        return ops.save_client(self.ctx.vault, data)


class ContactDialog(EditDialog):
    kind = "contact"
    changes = Changes(contactpersonen=True)

    def __init__(
        self, parent: QWidget | None, ctx: AppContext, client_id: int, data: ContactData
    ) -> None:
        title = tr("Nieuwe contactpersoon") if data.id is None else tr("Contactpersoon bewerken")
        super().__init__(parent, ctx, title, data)
        self.client_id = client_id
        f = self.form
        self.fields = {
            "contact_naam": kit.add_field(f, tr("&Naam: *"), kit.line_edit(data.naam)),
            "relatie": kit.add_field(
                f,
                tr("&Relatie:"),
                kit.line_edit(data.relatie, tr("bijvoorbeeld: dochter, buurman"), 100),
            ),
            "mantelzorger": kit.add_field(
                f, "", kit.check_box(tr("Is &mantelzorger"), data.is_mantelzorger)
            ),
            "vertegenwoordiger": kit.add_field(
                f,
                "",
                kit.check_box(tr("Is &wettelijk vertegenwoordiger"), data.is_vertegenwoordiger),
            ),
            "contact_telefoon": kit.add_field(
                f, tr("&Telefoon:"), kit.line_edit(data.telefoon, max_length=40)
            ),
            "contact_email": kit.add_field(f, tr("&E-mail:"), kit.line_edit(data.email)),
            "contact_adres": kit.add_field(
                f, tr("A&dres:"), kit.line_edit(data.adres, max_length=300)
            ),
            "contact_notities": kit.add_field(f, tr("N&otities:"), kit.text_edit(data.notities)),
        }
        self.name_fields()
        # Check boxes carry their own text; keep their accessible names.
        self.fields["mantelzorger"].setAccessibleName(tr("Is mantelzorger"))
        self.fields["vertegenwoordiger"].setAccessibleName(tr("Is wettelijk vertegenwoordiger"))

    def values(self, *, strict: bool) -> ContactData:  # no field can be unreadable
        w = self.fields
        return replace(
            self.initial,
            naam=w["contact_naam"].text(),  # type: ignore[attr-defined]
            relatie=w["relatie"].text(),  # type: ignore[attr-defined]
            is_mantelzorger=w["mantelzorger"].isChecked(),  # type: ignore[attr-defined]
            is_vertegenwoordiger=w["vertegenwoordiger"].isChecked(),  # type: ignore[attr-defined]
            telefoon=w["contact_telefoon"].text(),  # type: ignore[attr-defined]
            email=w["contact_email"].text(),  # type: ignore[attr-defined]
            adres=w["contact_adres"].text(),  # type: ignore[attr-defined]
            notities=w["contact_notities"].toPlainText(),  # type: ignore[attr-defined]
        )

    def draft_context(self) -> dict[str, int]:
        return {"client_id": self.client_id}

    def save(self, data: ContactData) -> int:
        return ops.save_contact(self.ctx.vault, self.client_id, data)
