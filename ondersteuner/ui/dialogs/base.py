"""Edit dialogs: collect a snapshot, save it through an operation, never lose it.

On lock or auto-lock an open dialog saves itself; if its input is not valid yet
(say an empty name), it is kept as a *concept* inside the vault and offered again
after unlocking. Nothing is written outside the vault.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from ondersteuner.i18n import tr
from ondersteuner.ui import kit
from ondersteuner.ui.context import AppContext, Changes
from ondersteuner.ui.ops import drafts
from ondersteuner.validation import InvalidInput
from ondersteuner.vault import VaultError


class EditDialog(kit.FormDialog):
    kind: ClassVar[str] = ""  # the draft kind; registered in ui/dialogs/registry.py
    changes: ClassVar[Changes] = Changes()

    def __init__(self, parent: QWidget | None, ctx: AppContext, title: str, data: Any) -> None:
        super().__init__(parent, title)
        self.ctx = ctx
        self.initial = data
        self.saved_id: int | None = None

    # Subclasses implement these two.
    def values(self, *, strict: bool) -> Any:  # pragma: no cover - abstract
        """The snapshot the input describes. ``strict``: raise ``InvalidInput`` for
        unreadable input; otherwise drop it (a concept keeps what it can)."""
        raise NotImplementedError

    def save(self, data: Any) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def date_value(self, key: str, *, strict: bool = True) -> Any:
        """The date in field ``key``; unreadable input raises, or is dropped when not strict."""
        try:
            return self.fields[key].value()  # type: ignore[attr-defined]
        except InvalidInput:
            if strict:
                raise
            return None

    def has_changes(self) -> bool:
        try:
            return bool(self.collect() != self.initial)
        except InvalidInput:
            return True

    def try_save(self) -> bool:
        def save() -> None:
            self.saved_id = self.save(self.collect())

        if not self.attempt(save):
            return False
        self.ctx.notify(self.changes)
        return True

    def accept(self) -> None:
        if self.try_save():
            super().accept()

    def reject(self) -> None:
        if self.has_changes() and not kit.confirm(
            self,
            tr("Wijzigingen weggooien?"),
            tr("U heeft dingen veranderd die nog niet zijn opgeslagen. Wilt u die weggooien?"),
            tr("Weggooien"),
        ):
            return
        super().reject()

    def save_before_lock(self) -> None:
        """Called when the app locks: save, or keep a concept in the vault; then close."""
        if self.has_changes():
            try:
                self.saved_id = self.save(self.collect())
                self.ctx.notify(self.changes)
            except (InvalidInput, VaultError):
                try:
                    drafts.save_draft(
                        self.ctx.vault, self.kind, self.collect_raw(), self.draft_context()
                    )
                except Exception:
                    pass
        super().reject()

    def draft_context(self) -> dict[str, Any]:
        """Ids needed to reopen this dialog from a concept (beyond the snapshot)."""
        return {}

    def collect(self) -> Any:
        return self.values(strict=True)

    def collect_raw(self) -> Any:
        """The input as it stands, even if invalid (for a concept)."""
        return self.values(strict=False)
