"""Nothing readable on disk: markers typed through the app never appear in any file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from ondersteuner.models import GebeurtenisSoort
from ondersteuner.ui.dialogs.client import ClientDialog, ContactDialog
from ondersteuner.ui.dialogs.melding import GebeurtenisDialog, MeldingDialog
from ondersteuner.vault.backup import backup_vault
from tests.test_ui_flows import _create_vault
from tests.uihelpers import with_modal

pytestmark = pytest.mark.gui

MARKERS = {
    "naam": "Zqxnaammarker Vlpw",
    "adres": "Zqxadresmarker 12",
    "woonplaats": "Zqxplaatsmarker",
    "telefoon": "06 98765432",
    "email": "zqxmail@marker.example",
    "notities": "Zqxnotitiemarker diagnose",
    "contact": "Zqxcontactmarker",
    "hulpvraag": "Zqxhulpvraagmarker traplift",
    "stap": "Zqxstapmarker toelichting",
    "concept": "Zqxconceptmarker",
}


def _files_with_marker(root: Path) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        lowered = data.lower()
        for key, marker in MARKERS.items():
            for enc in ("utf-8", "utf-16-le"):
                if marker.lower().encode(enc) in lowered or marker.encode(enc) in data:
                    hits.append(f"{path.relative_to(root)}: {key} ({enc})")
    return hits


def test_no_client_data_in_any_file(qtbot, data_dir: Path):
    tmp_before = set(Path(tempfile.gettempdir()).iterdir())
    ctl = _create_vault(qtbot, data_dir)
    win = ctl.window

    def client(d: ClientDialog) -> None:
        for key in ("naam", "adres", "woonplaats", "telefoon", "email"):
            d.fields[key].setText(MARKERS[key])
        d.fields["notities"].setPlainText(MARKERS["notities"])
        d.accept()

    with_modal(ClientDialog, client)
    win.acts["new_client"].action.trigger()

    def contact(d: ContactDialog) -> None:
        d.fields["contact_naam"].setText(MARKERS["contact"])
        d.accept()

    with_modal(ContactDialog, contact)
    win.acts["new_contact"].action.trigger()

    def melding(d: MeldingDialog) -> None:
        d.fields["hulpvraag"].setPlainText(MARKERS["hulpvraag"])
        d.accept()

    with_modal(MeldingDialog, melding)
    win.acts["new_melding"].action.trigger()

    def step(d: GebeurtenisDialog) -> None:
        d.fields["soort"].set_value(GebeurtenisSoort.AANVRAAG)
        d.fields["omschrijving"].setPlainText(MARKERS["stap"])
        d.accept()

    with_modal(GebeurtenisDialog, step)
    win.acts["new_event"].action.trigger()
    # Search text and a zoomed font go through settings/QSettings paths, if any.
    win.search.setText(MARKERS["naam"][:10])
    win.acts["zoom_in"].action.trigger()
    backup_vault(ctl.vault, reason="scan")
    # While open: the -wal file holds the newest pages; they are encrypted too.
    assert (data_dir / "kluis.db-wal").exists()
    assert _files_with_marker(data_dir) == []

    # A half-filled dialog at auto-lock becomes a concept: inside the vault only.
    def half(d: ClientDialog) -> None:
        d.fields["notities"].setPlainText(MARKERS["concept"])
        ctl.idle.set_interval_ms(30)

    with_modal(ClientDialog, half, closes=False)
    with qtbot.waitSignal(ctl.locked, timeout=5000):
        win.new_client()
    ctl.shutdown()

    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "kluis.db" for p in files)
    assert any(p.suffix == ".db" and p.parent.name == "reservekopieen" for p in files)
    assert _files_with_marker(data_dir) == []
    new_tmp = set(Path(tempfile.gettempdir()).iterdir()) - tmp_before
    leaked = [
        h for d in new_tmp if d.is_dir() and "pytest" not in d.name for h in _files_with_marker(d)
    ]
    assert leaked == []

    # And the data is really there, behind the key.
    from ondersteuner.ui.ops.clients import list_clients
    from ondersteuner.ui.ops.drafts import take_drafts

    ctl.vault.unlock("fiets regen koffie tafel")
    assert [r.naam for r in list_clients(ctl.vault)] == [MARKERS["naam"]]
    ((_kind, stored, _when),) = take_drafts(ctl.vault)
    assert stored["data"]["notities"] == MARKERS["concept"]
    ctl.vault.lock()


def test_scanner_finds_a_plaintext_marker(tmp_path: Path):
    (tmp_path / "x.log").write_text(f"iets {MARKERS['email']} iets")
    assert _files_with_marker(tmp_path) == ["x.log: email (utf-8)"]


def test_no_bsn_field_in_the_model():
    from ondersteuner.models import Base

    columns = {c.name.lower() for t in Base.metadata.tables.values() for c in t.columns}
    assert not any("bsn" in c or "burgerservice" in c for c in columns - {"bsn_verwijderd"})
