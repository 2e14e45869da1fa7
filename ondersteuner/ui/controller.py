"""The app's life cycle: create or unlock → main window → lock → unlock …

Locking saves open work first, closes the main window (so no client data stays
in any widget) and forgets the key; unlocking builds a fresh main window.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ondersteuner.i18n import tr
from ondersteuner.settings import AUTO_LOCK_ENABLED, AUTO_LOCK_MINUTES, Settings
from ondersteuner.ui.context import AppContext, ChangeBus, Changes, Runner
from ondersteuner.vault import Vault, VaultError, VaultState

if TYPE_CHECKING:
    from ondersteuner.ui.idle import IdleWatcher, SystemLockWatcher

LOCK_REASONS = {
    "idle": tr("De kluis is vergrendeld omdat u een tijd niets heeft gedaan."),
    "suspend": tr("De kluis is vergrendeld omdat de computer in de slaapstand ging."),
    "screen": tr("De kluis is vergrendeld omdat het scherm werd vergrendeld."),
    "manual": "",
}


class AppController(QObject):
    """Owns the vault, the dialogs and the main window across lock cycles."""

    opened = Signal()  # main window shown
    locked = Signal()

    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        *,
        demo_passphrase: str | None = None,
        kdf: Any = None,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.settings = settings
        self.demo_passphrase = demo_passphrase
        self.kdf = kdf
        self.vault = Vault(data_dir)
        self.runner = Runner(self)
        self.bus = ChangeBus(self)
        self.window: Any = None
        self.dialog: QDialog | None = None
        self.ctx: AppContext | None = None
        # Both watchers are made at the first unlock: nothing to guard before it,
        # and the unlock screen paints sooner without them.
        self.idle: IdleWatcher | None = None
        self.system: SystemLockWatcher | None = None

    # -------------------------------------------------------------- start
    def start(self) -> bool:
        """Show the first screen; ``False`` if the data directory cannot be used."""
        state = self.vault.state()
        if state is VaultState.FOREIGN:
            from ondersteuner.vault.reservekopie import automatische_kopieen

            if not automatische_kopieen(self.data_dir):
                QMessageBox.critical(
                    None, tr("Kluis kan niet worden geopend"), self.vault.describe_foreign()
                )
                return False
            answer = QMessageBox.question(
                None,
                tr("Kluis kan niet worden geopend"),
                self.vault.describe_foreign()
                + "\n\n"
                + tr("Er is een reservekopie. Wilt u die terugzetten?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            from ondersteuner.ui.reservekopie import TerugzettenDialog

            if (
                TerugzettenDialog(None, self.data_dir, self.runner).exec()
                != QDialog.DialogCode.Accepted
            ):
                return False
            self.vault = Vault(self.data_dir)
        if state is VaultState.MISSING:
            from ondersteuner.ui.unlock import CreateVaultDialog

            self._show_dialog(CreateVaultDialog(self.vault, self.runner, self.kdf))
        else:
            self._show_unlock("")
        return True

    def _show_unlock(self, reason: str) -> None:
        from ondersteuner.ui.unlock import UnlockDialog

        dialog = UnlockDialog(
            self.vault, self.runner, demo_passphrase=self.demo_passphrase, reason=reason
        )
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self._open_main)
        dialog.rejected.connect(self._quit)
        dialog.show()

    def _quit(self) -> None:
        self.dialog = None
        QApplication.quit()

    # -------------------------------------------------------------- open
    def _open_main(self) -> None:
        from ondersteuner.ui.main_window import MainWindow

        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.ctx = AppContext(
            self.vault,
            self.settings,
            self.data_dir,
            self.bus,
            self.runner,
            demo=self.demo_passphrase is not None,
        )
        self.window = MainWindow(self.ctx)
        self.window.lock_requested.connect(lambda: self.lock("manual"))
        self.window.restore_requested.connect(self._restore_after_lock)
        self.window.show()
        # Everything alive now (modules, the window) lives until locking: keep it out
        # of the cyclic GC's full scans, which otherwise pause the UI for ~80 ms.
        gc.freeze()
        self.window.start_overview()
        if self.system is None:
            from ondersteuner.ui.idle import IdleWatcher, SystemLockWatcher

            self.idle = IdleWatcher(self)
            self.idle.idle.connect(lambda: self.lock("idle"))
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self.idle)
            self.system = SystemLockWatcher(self)
            self.system.lock_now.connect(self.lock)
        self.system.register_window(int(self.window.winId()))
        self.bus.changed.connect(self._settings_changed)
        self._configure_idle()
        self.opened.emit()
        QTimer.singleShot(0, self._offer_drafts)

    def _configure_idle(self) -> None:
        assert self.idle is not None
        self.idle.configure(
            self.settings.get(AUTO_LOCK_ENABLED), self.settings.get(AUTO_LOCK_MINUTES)
        )

    def _settings_changed(self, changes: Changes) -> None:
        if changes.instellingen and self.vault.is_unlocked:
            self._configure_idle()

    def _offer_drafts(self) -> None:
        """Reopen input that was kept as a concept when the vault locked."""
        from ondersteuner.ui.dialogs.registry import reopen_draft
        from ondersteuner.ui.ops.drafts import take_drafts

        if not self.vault.is_unlocked or self.window is None:
            return
        for kind, stored, when in take_drafts(self.vault):
            if not self.vault.is_unlocked:
                return
            answer = QMessageBox.question(
                self.window,
                tr("Niet opgeslagen wijziging"),
                tr(
                    "Toen de kluis op slot ging, was u iets aan het invullen dat nog niet klopte "
                    "({t}). Wilt u daarmee verder?",
                    t=when.strftime("%d-%m-%Y %H:%M"),
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                reopen_draft(self.window, kind, stored)

    # -------------------------------------------------------------- lock
    def lock(self, reason: str = "manual") -> None:
        """Save open work, close every window with client data, forget the key."""
        if not self.vault.is_unlocked:
            return
        if self.idle is not None:
            self.idle.stop()
        try:
            self.bus.changed.disconnect(self._settings_changed)
        except (RuntimeError, TypeError):
            pass
        if self.window is not None:
            self.window.save_open_work()
            self.window.closing_for_lock = True
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.runner.wait()
        self.vault.lock()
        self.ctx = None
        gc.unfreeze()  # the closed window's objects may be collected again …
        gc.collect()  # … now, so no client data lingers in memory
        self.locked.emit()
        self._show_unlock(LOCK_REASONS.get(reason, ""))

    def _restore_after_lock(self) -> None:
        self.lock("manual")
        dialog = self.dialog
        restore = getattr(dialog, "restore_backup", None)
        if callable(restore):
            QTimer.singleShot(0, restore)

    def shutdown(self) -> None:
        """On quit: save open work, make the rolling reservekopie, close the vault."""
        if self.window is not None:
            self.window.save_open_work()
        self.runner.wait()
        if self.vault.is_unlocked:
            self._rolling_backup()
        self.vault.lock()

    def _rolling_backup(self) -> None:
        from ondersteuner.settings import RESERVEKOPIE_AANTAL
        from ondersteuner.vault.reservekopie import automatische_kopie

        try:
            automatische_kopie(self.vault, self.settings.get(RESERVEKOPIE_AANTAL))
        except (OSError, VaultError):
            # A full disk must not stop the app from closing; the vault itself is
            # intact, and the next close tries again.
            pass
