"""Melding and procedure-step (gebeurtenis) dialogs."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from ondersteuner.i18n import tr
from ondersteuner.models.enums import GebeurtenisSoort as S
from ondersteuner.models.enums import Wet
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.dialogs.base import EditDialog
from ondersteuner.ui.dialogs.gemeente import GemeentePicker
from ondersteuner.ui.ops import meldingen as ops
from ondersteuner.ui.ops.snapshots import GebeurtenisData, MeldingData


class MeldingDialog(EditDialog):
    kind = "melding"
    changes = Changes(meldingen=True, clients=True, termijnen=True)

    def __init__(self, parent: QWidget | None, ctx: AppContext, data: MeldingData) -> None:
        title = tr("Nieuwe melding") if data.id is None else tr("Melding bewerken")
        super().__init__(parent, ctx, title, data)
        f = self.form
        self.gemeente = GemeentePicker(ctx, data.gemeente_id)
        self.fields = {
            "datum_melding": kit.add_field(
                f,
                tr("&Datum melding: *"),
                kit.DateField(data.datum_melding, optional=False),
                tr(
                    "De dag waarop de gemeente de melding ontving. De termijnen tellen vanaf "
                    "deze dag."
                ),
            ),
            "wet": kit.add_field(f, tr("&Wet:"), kit.combo([(w.label, w) for w in Wet], data.wet)),
            "gemeente": kit.add_field(f, tr("Ge&meente:"), self.gemeente),
            "gemeld_door": kit.add_field(
                f,
                tr("Gemeld &door:"),
                kit.line_edit(
                    data.gemeld_door, tr("bijvoorbeeld: de cliënt zelf, dochter, huisarts")
                ),
            ),
            "hulpvraag": kit.add_field(f, tr("&Hulpvraag:"), kit.text_edit(data.hulpvraag, 90)),
            "spoed": kit.add_field(f, "", kit.check_box(tr("&Spoed (noodsituatie)"), data.spoed)),
            "kenmerk": kit.add_field(
                f, tr("&Kenmerk gemeente:"), kit.line_edit(data.kenmerk, max_length=100)
            ),
            "notities": kit.add_field(f, tr("N&otities:"), kit.text_edit(data.notities)),
        }
        self.name_fields()
        self.fields["spoed"].setAccessibleName(tr("Spoed"))
        self.gemeente.combo.setAccessibleName(tr("Gemeente"))
        self.resize(520, 520)

    def values(self, *, strict: bool) -> MeldingData:
        w = self.fields
        gemeente_id = self.gemeente.gemeente_id(strict=strict)
        return replace(
            self.initial,
            datum_melding=self.date_value("datum_melding", strict=strict),
            wet=w["wet"].value(),  # type: ignore[attr-defined]
            gemeente_id=gemeente_id,
            gemeld_door=w["gemeld_door"].text(),  # type: ignore[attr-defined]
            hulpvraag=w["hulpvraag"].toPlainText(),  # type: ignore[attr-defined]
            spoed=w["spoed"].isChecked(),  # type: ignore[attr-defined]
            kenmerk=w["kenmerk"].text(),  # type: ignore[attr-defined]
            notities=w["notities"].toPlainText(),  # type: ignore[attr-defined]
        )

    def save(self, data: MeldingData) -> int:
        return ops.save_melding(self.ctx.vault, data)


# Which optional dates matter for which step (others stay hidden to keep it calm).
_SHOW_TOT = {
    S.OPSCHORTING,
    S.VERDAGING_BESCHIKKING,
    S.VERDAGING_BEZWAAR,
    S.VERDAGING_KLACHT,
    S.HERSTELTERMIJN,
    S.HERINDICATIE,
    S.NOODVOORZIENING,
    S.BESCHIKKING,
}
_SHOW_SENT = {S.BESCHIKKING, S.BESLISSING_OP_BEZWAAR, S.VERSLAG_ONTVANGEN}
_SHOW_RECEIVED = {
    S.BESCHIKKING,
    S.BESLISSING_OP_BEZWAAR,
    S.VERSLAG_ONTVANGEN,
    S.INGEBREKESTELLING,
    S.AANVRAAG,
    S.BEZWAAR,
    S.KLACHT,
    S.PERSOONLIJK_PLAN,
    S.ONTVANGSTBEVESTIGING,
}
_SHOW_COMMITTEE = {S.BEZWAAR, S.KLACHT}

_DATE_HINT = {
    S.BESCHIKKING: tr("De datum die op de beschikking staat (dagtekening)."),
    S.AANVRAAG: tr("De dag waarop de gemeente de aanvraag ontving."),
    S.BEZWAAR: tr("De dag waarop het bezwaarschrift is verstuurd of afgegeven."),
    S.INGEBREKESTELLING: tr("De dag waarop de ingebrekestelling is verstuurd."),
}


class GebeurtenisDialog(EditDialog):
    kind = "gebeurtenis"
    changes = Changes(gebeurtenissen=True, meldingen=True, termijnen=True)

    def __init__(self, parent: QWidget | None, ctx: AppContext, data: GebeurtenisData) -> None:
        title = tr("Stap toevoegen") if data.id is None else tr("Stap bewerken")
        super().__init__(parent, ctx, title, data)
        f = self.form
        self.fields = {
            "soort": kit.add_field(
                f, tr("&Stap:"), kit.combo([(s.label, s) for s in S], data.soort)
            ),
            "datum": kit.add_field(f, tr("&Datum: *"), kit.DateField(data.datum, optional=False)),
            "tot_datum": kit.add_field(
                f,
                tr("&Tot en met:"),
                kit.DateField(data.tot_datum),
                tr(
                    "Einddatum: van een verlenging, opschorting, "
                    "hersteltermijn of toegekende voorziening."
                ),
            ),
            "verzonden_op": kit.add_field(
                f,
                tr("&Verzonden op (poststempel):"),
                kit.DateField(data.verzonden_op),
                tr(
                    "Alleen invullen als u kunt bewijzen dat de brief later is verstuurd dan de "
                    "datum erop. Bewaar de envelop."
                ),
            ),
            "ontvangen_op": kit.add_field(
                f, tr("&Ontvangen op:"), kit.DateField(data.ontvangen_op)
            ),
            "kenmerk": kit.add_field(
                f, tr("&Kenmerk:"), kit.line_edit(data.kenmerk, max_length=100)
            ),
            "commissie": kit.add_field(
                f, "", kit.check_box(tr("Met &adviescommissie"), data.met_adviescommissie)
            ),
            "omschrijving": kit.add_field(f, tr("T&oelichting:"), kit.text_edit(data.omschrijving)),
        }
        self.name_fields()
        self.fields["commissie"].setAccessibleName(tr("Met adviescommissie"))
        self.fields["soort"].currentIndexChanged.connect(self._adapt)  # type: ignore[attr-defined]
        self._adapt()
        self.resize(500, 420)

    def _adapt(self) -> None:
        soort: S = self.fields["soort"].value()  # type: ignore[attr-defined]
        for key, shown in (
            ("tot_datum", soort in _SHOW_TOT),
            ("verzonden_op", soort in _SHOW_SENT),
            ("ontvangen_op", soort in _SHOW_RECEIVED),
            ("commissie", soort in _SHOW_COMMITTEE),
        ):
            self.form.setRowVisible(self.fields[key], shown)
        hint = _DATE_HINT.get(soort, "")
        self.fields["datum"].setToolTip(hint)
        self.fields["datum"].setAccessibleDescription(hint)

    def values(self, *, strict: bool) -> GebeurtenisData:
        w = self.fields
        soort: S = w["soort"].value()  # type: ignore[attr-defined]

        def shown_date(key: str) -> object:
            if not self.form.isRowVisible(w[key]):
                return None
            return self.date_value(key, strict=strict)

        return replace(
            self.initial,
            soort=soort,
            datum=self.date_value("datum", strict=strict),
            tot_datum=shown_date("tot_datum"),
            verzonden_op=shown_date("verzonden_op"),
            ontvangen_op=shown_date("ontvangen_op"),
            kenmerk=w["kenmerk"].text(),  # type: ignore[attr-defined]
            met_adviescommissie=self.form.isRowVisible(w["commissie"])
            and w["commissie"].isChecked(),  # type: ignore[attr-defined]
            omschrijving=w["omschrijving"].toPlainText(),  # type: ignore[attr-defined]
        )

    def save(self, data: GebeurtenisData) -> int:
        return ops.save_gebeurtenis(self.ctx.vault, data)
