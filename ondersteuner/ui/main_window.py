"""The main window: client list with search and filter, and the selected dossier."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ondersteuner.i18n import tr
from ondersteuner.models.enums import ClientStatus, MeldingStatus
from ondersteuner.settings import CLIENT_FILTER, FONT_POINT_SIZE
from ondersteuner.termijnen.melding import Overzicht, Termijn
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.dialogs.client import ClientDialog, ContactDialog
from ondersteuner.ui.dialogs.melding import GebeurtenisDialog, MeldingDialog
from ondersteuner.ui.dialogs.voorbereiding import VoorbereidingDialog
from ondersteuner.ui.dossier import DossierPanel
from ondersteuner.ui.ops import clients as client_ops
from ondersteuner.ui.ops import gesprekken as gesprek_ops
from ondersteuner.ui.ops import meldingen as melding_ops
from ondersteuner.ui.ops import termijnen as termijn_ops
from ondersteuner.ui.ops.snapshots import (
    ClientData,
    ClientRow,
    ContactData,
    GebeurtenisData,
    MeldingData,
)
from ondersteuner.ui.tables.dossier import CLIENT_COLUMNS, ClientFilterProxy
from ondersteuner.ui.tables.rows import RowTableModel, fmt_date
from ondersteuner.ui.termijnen import (
    AanpassenDialog,
    AgendaExportDialog,
    DwangsomDialog,
    TermijnenPanel,
    dwangsom_inputs,
)
from ondersteuner.vault import VaultError

FILTERS = [
    (tr("Actieve cliënten"), ClientStatus.ACTIEF.value),
    (tr("Afgesloten cliënten"), ClientStatus.AFGESLOTEN.value),
    (tr("Alle cliënten"), ClientFilterProxy.ALL),
]


class MainWindow(QMainWindow):
    lock_requested = Signal()
    restore_requested = Signal()  # the controller locks, then offers the restore

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.client: ClientData | None = None
        self.melding: MeldingData | None = None
        self.overzicht: Overzicht | None = None  # deadlines of the selected melding
        self.gesprek_window: Any = None  # gespreksmodus, while open
        self.vergelijk_window: Any = None  # verslag beside the notes, while open
        self.open_dialog: QDialog | None = None
        self.closing_for_lock = False
        # No client names in the title: it shows in task bars and window switchers.
        self.setWindowTitle(tr("ondersteuner") + (tr(" – DEMO") if ctx.demo else ""))
        self._make_actions()
        self._make_menus()

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            tr("Zoek op naam, plaats, gemeente of dossiernummer (Ctrl+F)")
        )
        self.search.setAccessibleName(tr("Zoek cliënt"))
        self.search.setClearButtonEnabled(True)
        self.filter = kit.combo(FILTERS, ctx.settings.get(CLIENT_FILTER))
        self.filter.setAccessibleName(tr("Welke cliënten"))
        self.client_model: RowTableModel[ClientRow] = RowTableModel(CLIENT_COLUMNS, self)
        self.client_proxy = ClientFilterProxy(self)
        self.client_proxy.setSourceModel(self.client_model)
        self.client_view = kit.table_view(tr("Cliënten"))
        self.client_view.setModel(self.client_proxy)
        self.client_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(tr("Aantal cliënten"))

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(self.search)
        ll.addWidget(self.filter)
        ll.addWidget(self.client_view, 1)
        lrow = QHBoxLayout()
        lrow.addWidget(self.acts["new_client"].button)
        lrow.addStretch(1)
        lrow.addWidget(self.count_label)
        ll.addLayout(lrow)

        self.dossier = DossierPanel(self.acts)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.dossier)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        self.split = split
        self.overview = TermijnenPanel(ctx)
        self.overview.open_melding.connect(self.open_melding)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(split, tr("Cliënten (Ctrl+1)"))
        self.tabs.addTab(self.overview, tr("Termijnen (Ctrl+6)"))
        self.setCentralWidget(self.tabs)
        self.statusBar().showMessage(tr("Kluis: {d}", d=ctx.data_dir))

        self._typing = False
        self._columns_sized = False
        self._split_sized = False
        self._select_timer = QTimer(self)
        self._select_timer.setSingleShot(True)
        self._select_timer.setInterval(150)
        self._select_timer.timeout.connect(self._load_pending_client)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.client_view.setFocus)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.client_view.selectionModel().currentRowChanged.connect(self._client_selected)
        self.client_view.doubleClicked.connect(lambda _i: self.edit_client())
        self.dossier.meldingen.selected.connect(self._melding_selected)
        self.dossier.meldingen.activated.connect(lambda _r: self.edit_melding())
        self.dossier.contacts.activated.connect(lambda _r: self.edit_contact())
        self.dossier.events.activated.connect(lambda _r: self.edit_event())
        self.dossier.contacts.selected.connect(lambda _r: self._update_actions())
        self.dossier.events.selected.connect(lambda _r: self._update_actions())
        self.dossier.termijnen.selected.connect(lambda _r: self._update_actions())
        ctx.bus.changed.connect(self._on_changes)

        self.setTabOrder(self.search, self.filter)
        self.setTabOrder(self.filter, self.client_view)
        self.client_proxy.set_status(self.filter.value())
        self.reload_clients()
        self.resize(1280, 800)
        self.search.setFocus()

    # ------------------------------------------------------------ actions
    def _make_actions(self) -> None:
        A = kit.Action
        SK = QKeySequence.StandardKey
        self.acts: dict[str, kit.Action] = {
            "new_client": A(self, tr("&Nieuwe cliënt…"), self.new_client, "Ctrl+N"),
            "edit_client": A(self, tr("Cliënt &bewerken…"), self.edit_client, "F2"),
            "close_client": A(
                self, tr("Dossier &afsluiten"), self.toggle_client_closed, "Ctrl+Shift+A"
            ),
            "delete_client": A(self, tr("Cliënt &verwijderen…"), self.delete_client, "Ctrl+Del"),
            "inzage": A(
                self,
                tr("&Inzage: dossier exporteren…"),
                self.export_inzage,
                tip=tr("Alles wat over de cliënt is vastgelegd, voor de cliënt (AVG art. 15)"),
            ),
            "verzegelen": A(
                self,
                tr("Dossier &overdragen…"),
                self.seal_dossier,
                tip=tr("Versleuteld voor een andere cliëntondersteuner"),
            ),
            "importeren": A(self, tr("Overgedragen dossier &inlezen…"), self.import_dossier),
            "new_contact": A(
                self,
                tr("Nieuwe &contactpersoon…"),
                self.new_contact,
                "Ctrl+Shift+N",
                button_text=tr("Nieuw…"),
            ),
            "edit_contact": A(
                self,
                tr("Contactpersoon bewerken…"),
                self.edit_contact,
                "Ctrl+Shift+E",
                button_text=tr("Bewerken…"),
            ),
            "delete_contact": A(
                self,
                tr("Contactpersoon verwijderen…"),
                self.delete_contact,
                button_text=tr("Verwijderen…"),
            ),
            "new_melding": A(self, tr("Nieuwe &melding…"), self.new_melding, "Ctrl+M"),
            "edit_melding": A(self, tr("Melding bewerken…"), self.edit_melding, "Ctrl+Shift+M"),
            "close_melding": A(self, tr("Melding afronden"), self.toggle_melding_closed),
            "delete_melding": A(self, tr("Melding verwijderen…"), self.delete_melding),
            "new_event": A(
                self,
                tr("&Stap toevoegen…"),
                self.new_event,
                "Ctrl+T",
                tr("Leg een stap vast, zoals een beschikking of bezwaar"),
            ),
            "edit_event": A(self, tr("Stap bewerken…"), self.edit_event, "Ctrl+Shift+T"),
            "prepare": A(
                self,
                tr("&Voorbereiding…"),
                self.prepare_gesprek,
                "Ctrl+Shift+V",
                tr("De vragen die de cliënt vooraf doordenkt"),
                button_text=tr("Voorbereiding…"),
            ),
            "import_verslag": A(
                self,
                tr("Verslag &inlezen…"),
                self.import_verslag,
                "Ctrl+I",
                tr("Het verslag van de gemeente: Word, pdf, tekst of geplakt"),
                button_text=tr("Verslag…"),
            ),
            "compare_verslag": A(
                self,
                tr("Verslag &vergelijken"),
                self.compare_verslag,
                "Ctrl+Shift+I",
                tr("Naast de aantekeningen: wat ontbreekt, wat is anders"),
                button_text=tr("Vergelijken…"),
            ),
            "brieven": A(
                self,
                tr("&Brieven…"),
                self.open_brieven,
                "Ctrl+B",
                tr("Reactie op verslag, bezwaar, klacht en andere brieven"),
                button_text=tr("Brieven…"),
            ),
            "gesprek": A(
                self,
                tr("&Gespreksmodus"),
                self.open_gesprek,
                "Ctrl+G",
                tr("Notities maken tijdens het gesprek, in een rustig scherm"),
                button_text=tr("Gesprek…"),
            ),
            "delete_event": A(self, tr("Stap verwijderen…"), self.delete_event),
            "lock": A(self, tr("&Vergrendelen"), self.lock_requested.emit, "Ctrl+L"),
            "backup": A(
                self,
                tr("&Reservekopie maken…"),
                self.make_backup,
                "Ctrl+Shift+B",
                tr("De hele kluis versleuteld naar een bestand, bijvoorbeeld op een USB-stick"),
            ),
            "restore": A(self, tr("Reservekopie &terugzetten…"), self.ask_restore),
            "quit": A(self, tr("&Afsluiten"), self.close, "Ctrl+Q"),
            "find": A(self, tr("&Zoeken"), self.focus_search, SK.Find),
            "zoom_in": A(
                self,
                tr("Letters &groter"),
                lambda: self.zoom(+1),
                [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")],
            ),
            "zoom_out": A(self, tr("Letters &kleiner"), lambda: self.zoom(-1), "Ctrl+-"),
            "zoom_reset": A(self, tr("Standaard &lettergrootte"), lambda: self.zoom(0), "Ctrl+0"),
            "settings": A(self, tr("&Instellingen…"), self.open_settings, "Ctrl+,"),
            "bewaartermijn": A(
                self,
                tr("&Bewaartermijn…"),
                self.open_bewaartermijn,
                tip=tr("Afgesloten dossiers die langer bewaard zijn dan nodig"),
            ),
            "logboek": A(self, tr("&Logboek…"), self.open_logboek),
            "passphrase": A(self, tr("&Wachtwoord wijzigen…"), self.change_passphrase),
            "shortcuts": A(self, tr("&Sneltoetsen"), self.show_shortcuts, "F1"),
            "go_clients": A(self, tr("Naar cliëntenlijst"), self.focus_clients, "Ctrl+1"),
            "go_contacts": A(
                self,
                tr("Naar contactpersonen"),
                lambda: self._focus_page(self.dossier.person_page, self.dossier.contacts.view),
                "Ctrl+2",
            ),
            "go_meldingen": A(
                self,
                tr("Naar meldingen"),
                lambda: self._focus_page(self.dossier.meldingen_page, self.dossier.meldingen.view),
                "Ctrl+3",
            ),
            "go_events": A(
                self,
                tr("Naar stappen"),
                lambda: self._focus_tab_table(self.dossier.events),
                "Ctrl+4",
            ),
            "go_termijnen": A(
                self,
                tr("Naar termijnen van de melding"),
                lambda: self._focus_tab_table(self.dossier.termijnen),
                "Ctrl+5",
            ),
            "overview": A(self, tr("&Termijnenoverzicht"), self.show_overview, "Ctrl+6"),
            "adjust_deadline": A(
                self,
                tr("Termijn &aanpassen…"),
                self.adjust_deadline,
                "Ctrl+J",
                tr("Geef een termijn een andere datum, met de reden"),
                button_text=tr("Aanpassen…"),
            ),
            "reset_deadline": A(
                self,
                tr("Aanpassing &weghalen"),
                self.reset_deadline,
                tip=tr("Terug naar de berekende datum"),
                button_text=tr("Berekende datum"),
            ),
            "dwangsom": A(self, tr("&Dwangsom berekenen…"), self.open_dwangsom, "Ctrl+Shift+D"),
            "export_ics": A(
                self, tr("Termijnen naar &agenda (.ics)…"), self.export_agenda, "Ctrl+E"
            ),
        }

    def _make_menus(self) -> None:
        bar = self.menuBar()
        menus: list[tuple[str, list[str | None]]] = [
            (tr("&Bestand"), ["lock", "passphrase", None, "backup", "restore", None, "quit"]),
            (
                tr("&Cliënt"),
                [
                    "new_client",
                    "edit_client",
                    "close_client",
                    "delete_client",
                    None,
                    "new_contact",
                    "edit_contact",
                    "delete_contact",
                    None,
                    "inzage",
                    "verzegelen",
                    "importeren",
                ],
            ),
            (
                tr("&Melding"),
                [
                    "new_melding",
                    "edit_melding",
                    "close_melding",
                    "delete_melding",
                    None,
                    "new_event",
                    "edit_event",
                    "delete_event",
                    None,
                    "prepare",
                    "gesprek",
                    None,
                    "import_verslag",
                    "compare_verslag",
                    "brieven",
                ],
            ),
            (
                tr("&Beeld"),
                [
                    "find",
                    None,
                    "go_clients",
                    "go_contacts",
                    "go_meldingen",
                    "go_events",
                    None,
                    "zoom_in",
                    "zoom_out",
                    "zoom_reset",
                ],
            ),
            (
                tr("&Termijnen"),
                [
                    "overview",
                    "go_termijnen",
                    None,
                    "adjust_deadline",
                    "reset_deadline",
                    "dwangsom",
                    None,
                    "export_ics",
                ],
            ),
            (tr("&Extra"), ["settings", None, "bewaartermijn", "logboek"]),
            (tr("&Help"), ["shortcuts"]),
        ]
        for title, keys in menus:
            menu = bar.addMenu(title)
            for key in keys:
                if key is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.acts[key].action)
        for act in self.acts.values():
            self.addAction(act.action)  # shortcuts work even with menus closed

    def _update_actions(self) -> None:
        has_client = self.client is not None
        closed = has_client and self.client.status is ClientStatus.AFGESLOTEN  # type: ignore[union-attr]
        has_melding = self.melding is not None
        for key in (
            "edit_client",
            "close_client",
            "delete_client",
            "new_contact",
            "new_melding",
            "inzage",
            "verzegelen",
        ):
            self.acts[key].set_enabled(has_client)
        self.acts["close_client"].action.setText(
            tr("Dossier &heropenen") if closed else tr("Dossier &afsluiten")
        )
        self.acts["close_client"].button.setText(self.acts["close_client"].action.text())
        has_contact = self.dossier.contacts.current() is not None
        self.acts["edit_contact"].set_enabled(has_contact)
        self.acts["delete_contact"].set_enabled(has_contact)
        for key in (
            "edit_melding",
            "close_melding",
            "delete_melding",
            "new_event",
            "prepare",
            "gesprek",
            "import_verslag",
            "compare_verslag",
            "brieven",
        ):
            self.acts[key].set_enabled(has_melding)
        if has_melding:
            lopend = self.melding.status is MeldingStatus.LOPEND  # type: ignore[union-attr]
            text = tr("Melding afronden") if lopend else tr("Melding heropenen")
            self.acts["close_melding"].action.setText(text)
            self.acts["close_melding"].button.setText(text)
        has_event = self.dossier.events.current() is not None
        self.acts["edit_event"].set_enabled(has_event)
        self.acts["delete_event"].set_enabled(has_event)
        termijn: Termijn | None = self.dossier.termijnen.current()  # type: ignore[assignment]
        has_deadlines = (
            has_melding and self.overzicht is not None and bool(self.overzicht.termijnen)
        )
        self.acts["adjust_deadline"].set_enabled(has_deadlines)
        self.acts["reset_deadline"].set_enabled(
            has_melding and termijn is not None and termijn.aangepast
        )
        self.acts["dwangsom"].set_enabled(has_melding)

    # ------------------------------------------------------------ loading
    def reload_clients(self) -> None:
        """Refill the list; the selected client's dossier is re-read (it may have changed)."""
        keep = self.client.id if self.client else None
        rows = client_ops.list_clients(self.ctx.vault)
        self.client_model.set_rows(rows)
        if rows and not self._columns_sized:
            self._columns_sized = True
            for col, width in enumerate((190, 120, 120, 60)):
                self.client_view.setColumnWidth(col, width)
        self._update_count()
        self.client = None  # force a fresh read below, even for the same id
        self.select_client(keep)
        self._load_pending_client()

    def select_client(self, client_id: int | None) -> None:
        if client_id is not None:
            for r, row in enumerate(self.client_model.rows):
                if row.id == client_id:
                    idx = self.client_proxy.mapFromSource(self.client_model.index(r, 0))
                    if idx.isValid():
                        self.client_view.setCurrentIndex(idx)
                        return
        self._show_client(None)

    def _update_count(self) -> None:
        self.count_label.setText(
            tr("{n} van {m}", n=self.client_proxy.rowCount(), m=len(self.client_model.rows))
        )

    def _search_changed(self, text: str) -> None:
        self._typing = True
        try:
            self._apply_search(text)
        finally:
            self._typing = False

    def _apply_search(self, text: str) -> None:
        self.client_proxy.set_search(text)
        self._update_count()
        if self.client_proxy.rowCount() and not self.client_view.currentIndex().isValid():
            self.client_view.setCurrentIndex(self.client_proxy.index(0, 0))

    def _filter_changed(self) -> None:
        status = self.filter.value()
        self.ctx.settings.set(CLIENT_FILTER, status)
        self.client_proxy.set_status(status)
        self._update_count()

    def _client_selected(self, _current: Any, _previous: Any = None) -> None:
        # Typing in the search box moves the selection at every keystroke; load the
        # dossier once the typing pauses, so the list never waits for the database.
        if self._typing:
            self._select_timer.start()
        else:
            self._load_pending_client()

    def _row_id(self, proxy_index: Any) -> int | None:
        if not proxy_index.isValid():
            return None
        row = self.client_model.row_at(self.client_proxy.mapToSource(proxy_index).row())
        return row.id if row else None

    def _load_pending_client(self) -> None:
        self._select_timer.stop()
        if not self.ctx.vault.is_unlocked:
            return
        pending = self._row_id(self.client_view.currentIndex())
        if self.client is None or pending != self.client.id:
            self._show_client(pending)

    def _show_client(self, client_id: int | None) -> None:
        if client_id is None:
            self.client = None
            self.melding = None
            self.dossier.clear()
            self._update_actions()
            return
        self.client = client_ops.get_client(self.ctx.vault, client_id)
        self.dossier.show_client(self.client)
        self.dossier.contacts.set_rows(list(self.client.contactpersonen))
        self._reload_meldingen()

    def _reload_meldingen(self, keep_id: int | None = None) -> None:
        assert self.client is not None and self.client.id is not None
        keep_id = keep_id or (self.melding.id if self.melding else None)
        rows = melding_ops.list_meldingen(self.ctx.vault, self.client.id)
        self.melding = None
        self.dossier.meldingen.set_rows(rows, keep_id)
        if not rows:
            self._melding_selected(None)

    def _melding_selected(self, row: MeldingData | None) -> None:
        self.melding = row
        self.dossier.show_melding(row)
        if row is not None and row.id is not None:
            self._show_procedure(row.id)
        self._update_actions()

    def _show_procedure(self, melding_id: int) -> None:
        """Steps, deadlines and timeline of the melding: recomputed from what is recorded."""
        self.overzicht = termijn_ops.melding_termijnen(self.ctx.vault, melding_id)
        self.dossier.show_events(
            melding_ops.list_gebeurtenissen(self.ctx.vault, melding_id), self.overzicht
        )

    def _on_changes(self, changes: Changes) -> None:
        if not self.ctx.vault.is_unlocked:
            return
        if changes.clients or changes.gemeenten:
            self.reload_clients()
        elif (
            self.client is not None
            and self.client.id is not None
            and (changes.contactpersonen or changes.meldingen or changes.gebeurtenissen)
        ):
            self._show_client(self.client.id)
        elif changes.termijnen and self.melding is not None and self.melding.id is not None:
            self._show_procedure(self.melding.id)

    # ------------------------------------------------------------ dialogs
    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a modal dialog; ``True`` if accepted and the vault is still open."""
        self.open_dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.open_dialog = None
        return accepted and self.ctx.vault.is_unlocked

    def _ask(self, title: str, message: str, yes: str) -> bool:
        return kit.confirm(self, title, message, yes) and self.ctx.vault.is_unlocked

    def _guard(self, fn: Callable[[], object], changes: Changes) -> None:
        try:
            fn()
        except VaultError as exc:
            kit.show_error(self, str(exc))
            return
        self.ctx.notify(changes)

    def new_client(self) -> None:
        dialog = ClientDialog(self, self.ctx, ClientData())
        if self.run_dialog(dialog):
            self.client = None
            self.search.clear()
            self.filter.set_value(ClientStatus.ACTIEF.value)
            self.select_client(dialog.saved_id)

    def edit_client(self) -> None:
        if self.client is not None:
            self.run_dialog(ClientDialog(self, self.ctx, self.client))

    def toggle_client_closed(self) -> None:
        if self.client is None or self.client.id is None:
            return
        closing = self.client.status is ClientStatus.ACTIEF
        if closing and not self._ask(
            tr("Dossier afsluiten"),
            tr(
                "Het dossier van {naam} afsluiten? Het blijft bewaard en u kunt het later "
                "heropenen (filter ‘Afgesloten cliënten’).",
                naam=self.client.naam,
            ),
            tr("Afsluiten"),
        ):
            return
        cid = self.client.id
        self._guard(
            lambda: client_ops.set_client_closed(self.ctx.vault, cid, closing),
            Changes(clients=True),
        )

    def delete_client(self) -> None:
        if self.client is None or self.client.id is None:
            return
        s = client_ops.deletion_summary(self.ctx.vault, self.client.id)
        message = tr(
            "Wilt u {naam} (dossier {n}) definitief verwijderen?\n\nDit wist ook:\n"
            "• {c} contactpersonen\n• {m} meldingen met {g} stappen\n• {gs} gesprekken met "
            "{no} notities\n• {v} verslagen\n• {b} brieven\n\nDit kan niet ongedaan worden "
            "gemaakt. Kopieën buiten ondersteuner (e-mail, USB-stick, papier) moet u zelf "
            "verwijderen.",
            naam=s.naam,
            n=s.dossiernummer,
            c=s.contactpersonen,
            m=s.meldingen,
            g=s.gebeurtenissen,
            gs=s.gesprekken,
            no=s.notities,
            v=s.verslagen,
            b=s.brieven,
        )
        if not self._ask(tr("Cliënt verwijderen"), message, tr("Definitief verwijderen")):
            return
        cid = self.client.id
        self.client = None
        self._guard(lambda: client_ops.delete_client(self.ctx.vault, cid), Changes(clients=True))

    def new_contact(self) -> None:
        if self.client is not None and self.client.id is not None:
            self.dossier.pages.setCurrentWidget(self.dossier.person_page)
            self.run_dialog(ContactDialog(self, self.ctx, self.client.id, ContactData()))

    def edit_contact(self) -> None:
        contact = self.dossier.contacts.current()
        if self.client is not None and self.client.id is not None and contact is not None:
            self.run_dialog(ContactDialog(self, self.ctx, self.client.id, contact))  # type: ignore[arg-type]

    def delete_contact(self) -> None:
        contact: ContactData | None = self.dossier.contacts.current()  # type: ignore[assignment]
        if contact is None or contact.id is None:
            return
        if self._ask(
            tr("Contactpersoon verwijderen"),
            tr("{naam} verwijderen uit dit dossier?", naam=contact.naam),
            tr("Verwijderen"),
        ):
            cid = contact.id
            self._guard(
                lambda: client_ops.delete_contact(self.ctx.vault, cid),
                Changes(contactpersonen=True),
            )

    def new_melding(self) -> None:
        if self.client is None:
            return
        import datetime as dt

        data = MeldingData(
            client_id=self.client.id,
            gemeente_id=self.client.gemeente_id,
            datum_melding=dt.date.today(),
        )
        dialog = MeldingDialog(self, self.ctx, data)
        if self.run_dialog(dialog):
            self._reload_meldingen(dialog.saved_id)

    def edit_melding(self) -> None:
        if self.melding is not None:
            self.run_dialog(MeldingDialog(self, self.ctx, self.melding))

    def toggle_melding_closed(self) -> None:
        if self.melding is None or self.melding.id is None:
            return
        lopend = self.melding.status is MeldingStatus.LOPEND
        new = MeldingStatus.AFGEROND if lopend else MeldingStatus.LOPEND
        mid = self.melding.id
        self._guard(
            lambda: melding_ops.set_melding_status(self.ctx.vault, mid, new),
            Changes(meldingen=True, clients=True, termijnen=True),
        )

    def delete_melding(self) -> None:
        if self.melding is None or self.melding.id is None:
            return
        counts = melding_ops.melding_delete_counts(self.ctx.vault, self.melding.id)
        message = tr(
            "De melding van {d} definitief verwijderen?\n\nDit wist ook {g} stappen, "
            "{gs} gesprekken met hun notities, {v} verslagen en {b} brieven.",
            d=self.melding.datum_melding.strftime("%d-%m-%Y") if self.melding.datum_melding else "",
            g=counts["gebeurtenissen"],
            gs=counts["gesprekken"],
            v=counts["verslagen"],
            b=counts["brieven"],
        )
        if self._ask(tr("Melding verwijderen"), message, tr("Definitief verwijderen")):
            mid = self.melding.id
            self.melding = None
            self._guard(
                lambda: melding_ops.delete_melding(self.ctx.vault, mid),
                Changes(meldingen=True, clients=True, termijnen=True),
            )

    def new_event(self) -> None:
        if self.melding is None:
            return
        import datetime as dt

        data = GebeurtenisData(melding_id=self.melding.id, datum=dt.date.today())
        self.run_dialog(GebeurtenisDialog(self, self.ctx, data))

    def edit_event(self) -> None:
        event = self.dossier.events.current()
        if event is not None:
            self.run_dialog(GebeurtenisDialog(self, self.ctx, event))  # type: ignore[arg-type]

    def delete_event(self) -> None:
        event: GebeurtenisData | None = self.dossier.events.current()  # type: ignore[assignment]
        if event is None or event.id is None:
            return
        if self._ask(
            tr("Stap verwijderen"),
            tr(
                "De stap ‘{s}’ verwijderen? De termijnen worden opnieuw berekend.",
                s=event.soort.label,
            ),
            tr("Verwijderen"),
        ):
            eid = event.id
            self._guard(
                lambda: melding_ops.delete_gebeurtenis(self.ctx.vault, eid),
                Changes(gebeurtenissen=True, meldingen=True, termijnen=True),
            )

    # ------------------------------------------------------------ view
    # ------------------------------------------------------------ gesprek
    def prepare_gesprek(self) -> None:
        if self.melding is None or self.melding.id is None:
            return
        data = gesprek_ops.get_voorbereiding(self.ctx.vault, self.melding.id)
        self.run_dialog(VoorbereidingDialog(self, self.ctx, data))

    def open_gesprek(self) -> None:
        """Gespreksmodus: the main window (with every other client) goes out of sight."""
        if self.melding is None or self.melding.id is None or self.gesprek_window is not None:
            return
        from ondersteuner.ui.gesprek import GesprekWindow

        try:
            gesprek = gesprek_ops.open_gesprek(self.ctx.vault, self.melding.id)
            prep = gesprek_ops.get_voorbereiding(self.ctx.vault, self.melding.id)
        except VaultError as exc:
            kit.show_error(self, str(exc))
            return
        label = tr(
            "Melding van {d} ({wet}): {vraag}",
            d=fmt_date(self.melding.datum_melding),
            wet=self.melding.wet.label,
            vraag=self.melding.hulpvraag.splitlines()[0] if self.melding.hulpvraag else "",
        )
        window = GesprekWindow(self.ctx, gesprek, prep, melding_label=label)
        window.closed.connect(self._gesprek_closed)
        window.lock_requested.connect(self.lock_requested.emit)
        self.gesprek_window = window
        self.hide()
        window.showMaximized()
        window.activateWindow()
        window.editor().setFocus()

    def import_verslag(self) -> None:
        if self.melding is None or self.melding.id is None:
            return
        from ondersteuner.ui.verslag import ImportDialog

        dialog = ImportDialog(self, self.ctx, self.melding.id)
        if self.run_dialog(dialog) and dialog.verslag_id is not None:
            self._open_vergelijking(dialog.verslag_id)

    def export_inzage(self) -> None:
        if self.client is None or self.client.id is None:
            return
        from ondersteuner.ui.avg import open_inzage

        open_inzage(self, self.ctx, self.client.id)

    def seal_dossier(self) -> None:
        if self.client is None or self.client.id is None:
            return
        from ondersteuner.ui.avg import open_verzegelen

        open_verzegelen(self, self.ctx, self.client.id)

    def import_dossier(self) -> None:
        from ondersteuner.ui.avg import open_importeren

        cid = open_importeren(self, self.ctx)
        if cid is not None:
            self.reload_clients()
            self.select_client(cid)

    def open_bewaartermijn(self) -> None:
        from ondersteuner.ui.dialogs.bewaren import BewaartermijnDialog

        self.run_dialog(BewaartermijnDialog(self, self.ctx))

    def open_logboek(self) -> None:
        from ondersteuner.ui.dialogs.bewaren import LogboekDialog

        self.run_dialog(LogboekDialog(self, self.ctx))

    def make_backup(self) -> None:
        from ondersteuner.ui.reservekopie import maak_kopie

        maak_kopie(self, self.ctx)

    def ask_restore(self) -> None:
        if kit.confirm(
            self,
            tr("Reservekopie terugzetten"),
            tr(
                "Om een reservekopie terug te zetten, gaat de kluis eerst op slot. Daarna "
                "kiest u de kopie. Doorgaan?"
            ),
            tr("Doorgaan"),
            destructive=False,
        ):
            self.restore_requested.emit()

    def open_brieven(self) -> None:
        if self.melding is None or self.melding.id is None:
            return
        from ondersteuner.ui.brief import BrievenDialog

        self.run_dialog(BrievenDialog(self, self.ctx, self.melding.id))

    def compare_verslag(self) -> None:
        if self.melding is None or self.melding.id is None:
            return
        from ondersteuner.ui.ops.verslagen import list_verslagen

        verslagen = list_verslagen(self.ctx.vault, self.melding.id)
        if not verslagen:
            kit.show_info(self, tr("Er is nog geen verslag ingelezen (Ctrl+I)."))
            return
        self._open_vergelijking(verslagen[-1].id)

    def _open_vergelijking(self, verslag_id: int) -> None:
        from ondersteuner.ui.verslag import VergelijkWindow

        if self.vergelijk_window is not None:
            self.vergelijk_window.close()
        self.vergelijk_window = VergelijkWindow(self.ctx, verslag_id)
        self.vergelijk_window.show()
        self.vergelijk_window.activateWindow()
        self.vergelijk_window.notes.setFocus()

    def _gesprek_closed(self) -> None:
        self.gesprek_window = None
        if not self.closing_for_lock and self.ctx.vault.is_unlocked:
            self.show()
            self.activateWindow()

    # ------------------------------------------------------------ deadlines
    def focus_clients(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.client_view.setFocus()

    def _focus_page(self, page: QWidget, widget: QWidget) -> None:
        self.tabs.setCurrentIndex(0)
        self.dossier.pages.setCurrentWidget(page)
        widget.setFocus()

    def _focus_tab_table(self, table: Any) -> None:
        self.dossier.tabs.setCurrentWidget(table)
        self._focus_page(self.dossier.meldingen_page, table.view)

    def show_overview(self) -> None:
        self.tabs.setCurrentWidget(self.overview)
        self.overview.view.setFocus()

    def start_overview(self) -> None:
        """After unlocking: compute the overview; show it first when something is
        overdue or due this week."""

        def shown() -> None:
            if self.overview.needs_attention():
                self.show_overview()
            self.remind_bewaartermijn()

        self.overview.refresh(on_done=shown)

    def remind_bewaartermijn(self) -> None:
        """Say (never act) when closed dossiers are past the bewaartermijn."""
        from ondersteuner.settings import BEWAARTERMIJN_JAREN
        from ondersteuner.ui.ops.clients import bewaartermijn_verlopen

        if not self.ctx.vault.is_unlocked:
            return
        n = len(bewaartermijn_verlopen(self.ctx.vault, self.ctx.settings.get(BEWAARTERMIJN_JAREN)))
        if n:
            self.statusBar().showMessage(
                tr(
                    "{n} afgesloten dossier(s) zijn over de bewaartermijn: zie Extra → "
                    "Bewaartermijn.",
                    n=n,
                )
            )

    def open_melding(self, client_id: int, melding_id: int) -> None:
        """Show a client's dossier with this melding selected (from the overview)."""
        self.tabs.setCurrentIndex(0)
        if self.search.text():
            self.search.clear()
        if self.client_proxy.mapFromSource(self._source_index(client_id)).isValid() is False:
            self.filter.set_value(ClientFilterProxy.ALL)  # e.g. an afgesloten client
        self.select_client(client_id)
        self._load_pending_client()
        self.dossier.meldingen.select_where(lambda m: m.id == melding_id)
        self._focus_tab_table(self.dossier.termijnen)

    def _source_index(self, client_id: int) -> Any:
        for r, row in enumerate(self.client_model.rows):
            if row.id == client_id:
                return self.client_model.index(r, 0)
        return self.client_model.index(-1, 0)

    def adjust_deadline(self) -> None:
        if self.melding is None or self.melding.id is None or self.overzicht is None:
            return
        current: Termijn | None = self.dossier.termijnen.current()  # type: ignore[assignment]
        self.run_dialog(AanpassenDialog(self, self.ctx, self.melding.id, self.overzicht, current))

    def reset_deadline(self) -> None:
        termijn: Termijn | None = self.dossier.termijnen.current()  # type: ignore[assignment]
        if self.melding is None or self.melding.id is None or termijn is None:
            return
        if not termijn.aangepast:
            return
        if self._ask(
            tr("Aanpassing weghalen"),
            tr(
                "De termijn ‘{t}’ weer op de berekende datum {d} zetten? Uw reden "
                "(‘{r}’) wordt dan weggehaald.",
                t=termijn.naam,
                d=fmt_date(termijn.berekend),
                r=termijn.aanpassing,
            ),
            tr("Weghalen"),
        ):
            melding_id, key = self.melding.id, termijn.sleutel
            self._guard(
                lambda: termijn_ops.delete_aanpassing(self.ctx.vault, melding_id, key),
                Changes(termijnen=True),
            )

    def open_dwangsom(self) -> None:
        if self.melding is None or self.melding.id is None or self.overzicht is None:
            return
        events = melding_ops.list_gebeurtenissen(self.ctx.vault, self.melding.id)
        ontvangen, beslist, einde = dwangsom_inputs(events, self.overzicht)
        self.run_dialog(
            DwangsomDialog(self, ontvangen=ontvangen, beslist_op=beslist, termijn_einde=einde)
        )

    def export_agenda(self) -> None:
        rows = self.overview.visible_rows()
        if not rows:
            kit.show_info(self, tr("Er zijn geen termijnen om te exporteren."))
            return
        dialog = AgendaExportDialog(self, rows)
        dialog.vault = self.ctx.vault  # the export is written in the logboek
        if self.run_dialog(dialog) and dialog.path is not None:
            self.statusBar().showMessage(
                tr("{n} termijnen opgeslagen in {p}", n=len(rows), p=dialog.path), 8000
            )

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def zoom(self, step: int) -> None:
        from ondersteuner.ui.app_font import apply_font_size, current_point_size

        size = 0 if step == 0 else max(8, min(32, current_point_size() + step))
        self.ctx.settings.set(FONT_POINT_SIZE, size)
        apply_font_size(size)

    def open_settings(self) -> None:
        from ondersteuner.ui.dialogs.settings import SettingsDialog

        if self.run_dialog(SettingsDialog(self, self.ctx)):
            self.ctx.notify(Changes(instellingen=True))

    def change_passphrase(self) -> None:
        from ondersteuner.ui.unlock import ChangePassphraseDialog

        if self.run_dialog(ChangePassphraseDialog(self, self.ctx.vault, self.ctx.runner)):
            kit.show_info(self, tr("Het wachtwoord is gewijzigd. De herstelcode blijft geldig."))

    def show_shortcuts(self) -> None:
        lines = [
            f"{a.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}\t"
            f"{a.action.text().replace('&', '').rstrip('…')}"
            for a in self.acts.values()
            if not a.action.shortcut().isEmpty()
        ]
        kit.show_info(self, "\n".join(lines), tr("Sneltoetsen"))

    # ------------------------------------------------------------ locking
    def save_open_work(self) -> None:
        """Before locking or closing: save (or keep as concept) what is being edited."""
        if self.gesprek_window is not None:
            self.gesprek_window.save_before_lock()
            self.gesprek_window = None
        if self.vergelijk_window is not None:  # every choice in it is saved at once
            self.vergelijk_window.close()
            self.vergelijk_window = None
        dialog = self.open_dialog
        save = getattr(dialog, "save_before_lock", None)
        if callable(save):  # edit dialogs save, or keep a concept in the vault
            save()
        # Close every other modal (confirmations, calculators) so no client data
        # stays on screen.
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible():
                w.reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_sized:  # once the real width is known: list 30 %, dossier 70 %
            self._split_sized = True
            width = self.split.width()
            self.split.setSizes([max(360, width * 3 // 10), width - max(360, width * 3 // 10)])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.closing_for_lock:
            self.save_open_work()
        super().closeEvent(event)
