"""Reopen an edit dialog from a concept kept across a lock."""

from __future__ import annotations

from typing import Any

from ondersteuner.ui.dialogs.client import ClientDialog, ContactDialog
from ondersteuner.ui.dialogs.melding import GebeurtenisDialog, MeldingDialog
from ondersteuner.ui.ops.drafts import restore
from ondersteuner.ui.ops.snapshots import ClientData, ContactData, GebeurtenisData, MeldingData


def reopen_draft(window: Any, kind: str, stored: dict[str, Any]) -> None:
    ctx = window.ctx
    if kind == "client":
        window.run_dialog(ClientDialog(window, ctx, restore(ClientData, stored)))
    elif kind == "contact":
        client_id = stored.get("context", {}).get("client_id")
        if client_id is not None:
            window.run_dialog(ContactDialog(window, ctx, client_id, restore(ContactData, stored)))
    elif kind == "melding":
        window.run_dialog(MeldingDialog(window, ctx, restore(MeldingData, stored)))
    elif kind == "gebeurtenis":
        window.run_dialog(GebeurtenisDialog(window, ctx, restore(GebeurtenisData, stored)))
