"""The bewaartermijn (closed dossiers past the retention period, offered for
deletion) and the logboek (the audit log of sensitive actions)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ondersteuner.i18n import tr
from ondersteuner.settings import BEWAARTERMIJN_JAREN
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.ops import clients
from ondersteuner.vault import VaultError

ACTIES = {
    "client_verwijderd": tr("Cliënt verwijderd"),
    "reservekopie_gemaakt": tr("Reservekopie gemaakt"),
    "reservekopie_teruggezet": tr("Reservekopie teruggezet"),
    "wachtwoord_gewijzigd": tr("Wachtwoord gewijzigd"),
    "inzage_export": tr("Dossier geëxporteerd (inzage)"),
    "overdracht_verzegeld": tr("Dossier overgedragen (verzegeld)"),
    "overdracht_geimporteerd": tr("Overgedragen dossier ingelezen"),
    "verslag_ingelezen": tr("Verslag ingelezen"),
    "brief_gemaakt": tr("Brief gemaakt"),
    "brief_verzonden": tr("Brief verzonden"),
    "brief_verwijderd": tr("Brief verwijderd"),
    "agenda_export": tr("Termijnen naar agenda geëxporteerd"),
}


def _table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.setTabKeyNavigation(False)
    return t


class BewaartermijnDialog(QDialog):
    """Closed dossiers past the bewaartermijn; the adviser chooses what goes."""

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Bewaartermijn"))
        self.setModal(True)
        self.resize(720, 420)
        jaren = ctx.settings.get(BEWAARTERMIJN_JAREN)
        layout = QVBoxLayout(self)
        uitleg = QLabel(
            tr(
                "Deze afgesloten dossiers zijn langer dan {0} jaar geleden afgesloten (de "
                "bewaartermijn, te wijzigen bij Instellingen). Gegevens mogen niet langer "
                "bewaard worden dan nodig (AVG). Kies welke u verwijdert; de app verwijdert "
                "nooit zelf. Kopieën buiten de app (printjes, mail) moet u apart wissen."
            ).format(jaren)
        )
        uitleg.setWordWrap(True)
        layout.addWidget(uitleg)
        self.table = _table(
            [tr("Dossier"), tr("Naam"), tr("Afgesloten op"), tr("Termijn verlopen op")],
            tr("Dossiers over de bewaartermijn"),
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.table, 1)
        self.error = kit.error_label()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.delete_btn = kit.button(tr("Geselecteerde &verwijderen…"), self.delete_selected)
        row.addWidget(self.delete_btn)
        row.addWidget(kit.button(tr("&Alles selecteren"), self.table.selectAll, shortcut="Ctrl+A"))
        row.addStretch(1)
        row.addWidget(kit.button(tr("Sluiten"), self.accept))
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.rows = clients.bewaartermijn_verlopen(
            self.ctx.vault, self.ctx.settings.get(BEWAARTERMIJN_JAREN)
        )
        self.table.setRowCount(len(self.rows))
        for r, v in enumerate(self.rows):
            for c, value in enumerate(
                (str(v.dossiernummer), v.naam, f"{v.afgesloten_op:%d-%m-%Y}",
                 f"{v.verlopen_op:%d-%m-%Y}")
            ):  # fmt: skip
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.delete_btn.setEnabled(bool(self.rows))

    def delete_selected(self) -> None:
        chosen = sorted({i.row() for i in self.table.selectedIndexes()})
        if not chosen:
            self.error.setText(tr("Selecteer eerst de dossiers die weg mogen."))
            self.error.show()
            return
        ids = [self.rows[r].id for r in chosen]
        if not kit.confirm(
            self,
            tr("Dossiers verwijderen?"),
            tr(
                "{0} dossier(s) worden met alles erin verwijderd: meldingen, notities, "
                "verslagen en brieven. Dit kan niet ongedaan worden."
            ).format(len(ids)),
            tr("Verwijderen"),
        ):
            return
        progress = QProgressDialog(tr("Dossiers verwijderen…"), "", 0, len(ids), self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(300)
        try:
            clients.delete_clients(self.ctx.vault, ids, lambda i, _n: progress.setValue(i))
        except VaultError as exc:
            self.error.setText(str(exc))
            self.error.show()
        progress.close()
        self.ctx.notify(Changes(clients=True, meldingen=True, termijnen=True))
        self.reload()


class LogboekDialog(QDialog):
    """The audit log: sensitive actions with date and time, without client data."""

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        from sqlalchemy import select

        from ondersteuner.models import AuditRegel

        self.setWindowTitle(tr("Logboek"))
        self.setModal(True)
        self.resize(680, 440)
        layout = QVBoxLayout(self)
        uitleg = QLabel(
            tr(
                "Gevoelige handelingen in deze kluis, nieuwste eerst. Het logboek bevat "
                "geen namen of andere gegevens van cliënten."
            )
        )
        uitleg.setWordWrap(True)
        layout.addWidget(uitleg)
        self.table = _table([tr("Wanneer"), tr("Wat"), tr("Toelichting")], tr("Logboek"))
        layout.addWidget(self.table, 1)
        with ctx.vault.session() as s:
            rows = s.execute(
                select(AuditRegel.tijdstip, AuditRegel.actie, AuditRegel.omschrijving).order_by(
                    AuditRegel.tijdstip.desc()
                )
            ).all()
        self.table.setRowCount(len(rows))
        for r, (when, actie, omschrijving) in enumerate(rows):
            for c, value in enumerate(
                (f"{when:%d-%m-%Y %H:%M}", ACTIES.get(actie, actie), omschrijving)
            ):
                self.table.setItem(r, c, QTableWidgetItem(value))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(kit.button(tr("Sluiten"), self.accept))
        layout.addLayout(row)
