"""The small widget kit every screen is built from.

Labelled fields get a buddy label and an accessible name (a test fails on any
focusable input without one); buttons show their shortcut; dialogs ask before
destroying anything; errors are shown as plain Dutch, never a traceback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ondersteuner.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QTableView


def add_field(form: QFormLayout, label: str, widget: QWidget, hint: str = "") -> QWidget:
    """Add a row with a buddy label (``&`` marks the Alt-key) and an accessible name."""
    lbl = QLabel(label)
    lbl.setBuddy(widget)
    plain = label.replace("&", "").rstrip(":* ")
    widget.setAccessibleName(plain)
    if hint:
        widget.setToolTip(hint)
        widget.setAccessibleDescription(hint)
    form.addRow(lbl, widget)
    return widget


def line_edit(text: str = "", placeholder: str = "", max_length: int = 200) -> QLineEdit:
    w = QLineEdit(text)
    w.setMaxLength(max_length)
    if placeholder:
        w.setPlaceholderText(placeholder)
    return w


def text_edit(text: str = "", height: int = 70, placeholder: str = "") -> QPlainTextEdit:
    w = QPlainTextEdit(text)
    if placeholder:
        w.setPlaceholderText(placeholder)
    w.setTabChangesFocus(True)  # Tab moves on, as in every other field
    w.setMinimumHeight(height)
    return w


def check_box(text: str, checked: bool = False) -> QCheckBox:
    w = QCheckBox(text)
    w.setChecked(checked)
    w.setAccessibleName(text.replace("&", ""))
    return w


_DATE_FORMATS = ("%d-%m-%Y", "%d-%m-%y", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%Y-%m-%d")


def parse_date(text: str) -> dt.date | None:
    """Parse what people type: 1-3-2025, 01-03-25, 1/3/2025, 2025-03-01, 'vandaag'."""
    text = text.strip().lower()
    if not text:
        return None
    if text in ("vandaag", "v"):
        return dt.date.today()
    if text in ("gisteren", "g"):
        return dt.date.today() - dt.timedelta(days=1)
    for fmt in _DATE_FORMATS:
        try:
            value = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return value
    raise ValueError(text)


class DateField(QLineEdit):
    """A date typed as dd-mm-jjjj (or picked from a calendar with Alt+↓).

    Optional fields may stay empty; an unreadable date raises ``InvalidInput``
    naming this field, so the dialog can point at it.
    """

    def __init__(self, value: dt.date | None = None, *, optional: bool = True) -> None:
        super().__init__()
        self.optional = optional
        self.setPlaceholderText(tr("dd-mm-jjjj") if optional else tr("dd-mm-jjjj (verplicht)"))
        self.setMaxLength(20)
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QIcon

        pick = QAction(QIcon.fromTheme("x-office-calendar"), tr("Kies uit kalender"), self)
        pick.setShortcut(QKeySequence("Alt+Down"))
        pick.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        pick.triggered.connect(self.open_calendar)
        self.addAction(pick, QLineEdit.ActionPosition.TrailingPosition)
        self.addAction(pick)
        self.set_value(value)

    def set_value(self, value: dt.date | None) -> None:
        self.setText(value.strftime("%d-%m-%Y") if value else "")

    def value(self) -> dt.date | None:
        from ondersteuner.validation import InvalidInput

        try:
            value = parse_date(self.text())
        except ValueError:
            raise InvalidInput(
                self.objectName(),
                tr(
                    "De datum ‘{t}’ is niet te lezen. Schrijf bijvoorbeeld 01-03-2025.",
                    t=self.text().strip(),
                ),
            ) from None
        if value is None and not self.optional:
            raise InvalidInput(self.objectName(), tr("Vul een datum in."))
        return value

    def open_calendar(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QCalendarWidget

        cal = QCalendarWidget(self)
        cal.setWindowFlags(Qt.WindowType.Popup)
        cal.setAccessibleName(tr("Kalender"))
        try:
            current = parse_date(self.text()) or dt.date.today()
        except ValueError:
            current = dt.date.today()
        cal.setSelectedDate(QDate(current.year, current.month, current.day))

        def chosen(d: QDate) -> None:
            self.set_value(dt.date(d.year(), d.month(), d.day()))
            cal.close()
            self.setFocus()

        cal.activated.connect(chosen)
        cal.clicked.connect(chosen)
        cal.move(self.mapToGlobal(self.rect().bottomLeft()))
        cal.show()
        cal.setFocus()


class Choice(QComboBox):
    """A combo box whose values are Python objects (enums stay enums, not strings)."""

    def __init__(self, items: list[tuple[str, object]], current: object = None) -> None:
        super().__init__()
        self._values: list[object] = []
        self.view().setAccessibleName(tr("Keuzelijst"))
        for label, data in items:
            self.addItem(label)
            self._values.append(data)
        self.set_value(current)

    def value(self) -> Any:
        i = self.currentIndex()
        return self._values[i] if 0 <= i < len(self._values) else None

    def set_value(self, value: object) -> None:
        if value in self._values:
            self.setCurrentIndex(self._values.index(value))


def combo(items: list[tuple[str, object]], current: object = None) -> Choice:
    return Choice(items, current)


def button(
    text: str,
    slot: Callable[[], object] | None = None,
    *,
    shortcut: str | QKeySequence.StandardKey | None = None,
    tip: str = "",
) -> QPushButton:
    """A push button; its shortcut, if any, is shown in the tooltip and accessible text."""
    b = QPushButton(text)
    plain = text.replace("&", "")
    b.setAccessibleName(plain)
    if shortcut is not None:
        seq = QKeySequence(shortcut)
        b.setShortcut(seq)
        hint = seq.toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{tip} ({hint})" if tip else f"{plain} ({hint})"
    if tip:
        b.setToolTip(tip)
    if slot is not None:
        b.clicked.connect(slot)
    return b


def table_view(accessible_name: str) -> QTableView:
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    v = QTableView()
    v.setAccessibleName(accessible_name)
    v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    v.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    v.setAlternatingRowColors(True)
    v.setSortingEnabled(True)
    v.verticalHeader().setVisible(False)
    v.setWordWrap(False)
    v.horizontalHeader().setStretchLastSection(True)
    v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    v.horizontalHeader().setHighlightSections(False)
    # Fit columns to a sample of rows, not to thousands (each one a Python call).
    v.horizontalHeader().setResizeContentsPrecision(60)
    v.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
    return v


def button_box(
    *specs: tuple[str, str, Callable[[], object]],
) -> tuple[QDialogButtonBox, list[QPushButton]]:
    """A dialog's button row from ``(text, role, slot)``; role is ``"accept"``,
    ``"reject"`` or ``"action"``. Each button's accessible name is its text."""
    roles = {
        "accept": QDialogButtonBox.ButtonRole.AcceptRole,
        "reject": QDialogButtonBox.ButtonRole.RejectRole,
        "action": QDialogButtonBox.ButtonRole.ActionRole,
    }
    box = QDialogButtonBox()
    made = []
    for text, role, slot in specs:
        b = box.addButton(text, roles[role])
        b.setAccessibleName(text.replace("&", "").rstrip(".…"))
        b.clicked.connect(lambda _checked=False, f=slot: f())
        made.append(b)
    return box, made


def written_down_gate(
    what: str, print_action: Callable[[], object], accept_text: str,
    accept_action: Callable[[], object],
) -> tuple[QCheckBox, QDialogButtonBox, QPushButton]:  # fmt: skip
    """For a secret shown once (a herstelcode, an overdracht's wachtwoord): the box
    "Ik heb {what} opgeschreven of afgedrukt" and the buttons Afdrukken and
    ``accept_text``, which works only once the box is ticked."""
    written = check_box(tr("Ik heb {w} &opgeschreven of afgedrukt", w=what))
    buttons, (_print, accept) = button_box(
        (tr("&Afdrukken…"), "action", print_action),
        (accept_text, "accept", accept_action),
    )
    accept.setEnabled(False)
    written.toggled.connect(accept.setEnabled)
    return written, buttons, accept


def list_widget(accessible_name: str) -> QListWidget:
    """A list of wrapping lines (long notes and passages stay readable), named for
    screen readers."""
    from PySide6.QtWidgets import QListWidget

    w = QListWidget()
    w.setAccessibleName(accessible_name)
    w.setWordWrap(True)
    return w


def error_label() -> QLabel:
    lbl = QLabel()
    lbl.setWordWrap(True)
    lbl.setStyleSheet("color: #a40000; font-weight: bold;")
    lbl.setAccessibleName(tr("Melding"))
    lbl.hide()
    return lbl


def print_text(parent: QWidget | None, text: str) -> bool:
    """Print plain text through the system print dialog; True when printed."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return False
    doc = QTextDocument()
    doc.setPlainText(text)
    doc.print_(printer)
    return True


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title or tr("Dat lukte niet"), message)


def show_info(parent: QWidget | None, message: str, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title or tr("ondersteuner"), message)


def confirm(
    parent: QWidget | None,
    title: str,
    message: str,
    yes: str,
    *,
    destructive: bool = True,
) -> bool:
    """Ask before an irreversible action. The safe choice is the default."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(message)
    yes_btn = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    no_btn = box.addButton(tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_btn)
    box.setEscapeButton(no_btn)
    box.exec()
    return box.clickedButton() is yes_btn


class FormDialog(QDialog):
    """A dialog with a form, an error line and OK/Annuleren; subclasses fill the form."""

    def __init__(self, parent: QWidget | None, title: str, ok_text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        self.error = error_label()
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text or tr("&Opslaan"))
        ok.setAccessibleName(ok.text().replace("&", ""))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Annuleren"))
        cancel.setAccessibleName(tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}

    def name_fields(self) -> None:
        """Give every field its key as object name (errors point at fields by key)."""
        for key, widget in self.fields.items():
            widget.setObjectName(key)

    def attempt(self, action: Callable[[], object]) -> bool:
        """Run a save; a bad input or a vault problem is shown in the dialog (which
        stays open with everything typed) and gives ``False``."""
        from ondersteuner.validation import InvalidInput
        from ondersteuner.vault.errors import VaultError

        try:
            action()
        except InvalidInput as exc:
            self.show_error(str(exc), exc.field)
            return False
        except VaultError as exc:
            self.show_error(str(exc))
            return False
        return True

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            from PySide6.QtCore import Qt

            widget.setFocus(Qt.FocusReason.OtherFocusReason)


class Action:
    """A menu action and a button bound to it: one text, one shortcut, one enabled state."""

    def __init__(
        self,
        parent: QWidget,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | list[QKeySequence] | None = None,
        tip: str = "",
        button_text: str = "",
    ) -> None:
        """``button_text`` is a shorter label for the button where its box already
        names the subject ("Bewerken…" under "Contactpersonen"); menus keep ``text``."""
        from PySide6.QtGui import QAction

        self.action = QAction(text, parent)
        if isinstance(shortcut, list):
            self.action.setShortcuts(shortcut)
        elif shortcut is not None:
            self.action.setShortcut(QKeySequence(shortcut))
        self.action.setShortcutVisibleInContextMenu(True)
        self.action.triggered.connect(lambda _checked=False: slot())
        seq = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        plain = text.replace("&", "").rstrip(".…")
        self.action.setToolTip(f"{tip or plain} ({seq})" if seq else (tip or plain))
        self.button = QPushButton(button_text or text)
        self.button.setAccessibleName(plain)
        self.button.setToolTip(self.action.toolTip())
        self.button.clicked.connect(self.action.trigger)
        self.action.changed.connect(lambda: self.button.setEnabled(self.action.isEnabled()))

    def set_enabled(self, enabled: bool) -> None:
        self.action.setEnabled(enabled)
