"""Bad conditions: full or read-only disk, a second instance, where the vault lives."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from ondersteuner import paths
from ondersteuner.app import acquire_instance_lock, parse_args
from ondersteuner.ui.ops import clients
from ondersteuner.ui.ops.snapshots import ClientData
from ondersteuner.vault import DiskProblem, Vault
from ondersteuner.vault.crypto import FAST_TEST_KDF
from tests.conftest import PASSPHRASE
from tests.factories import make_client


def _fill_disk(vault: Vault) -> None:
    """Make SQLite report 'database or disk is full' (a real SQLITE_FULL) on growth."""
    with vault.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(vault.engine, "connect")
    def _cap(dbapi_conn, _rec) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    vault.engine.dispose()


def test_full_disk_gives_dutch_message_and_keeps_data(vault: Vault):
    make_client(vault, "Al Opgeslagen")
    _fill_disk(vault)
    with pytest.raises(DiskProblem) as err:
        clients.save_client(vault, ClientData(naam="Te Veel", notities="x" * 200_000))
    assert "schijf is vol" in str(err.value)
    assert [r.naam for r in clients.list_clients(vault)] == ["Al Opgeslagen"]
    assert vault.check_integrity()


@pytest.mark.gui
def test_full_disk_in_dialog_keeps_the_input(qtbot, vault: Vault, data_dir: Path):
    from ondersteuner.settings import Settings
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner
    from ondersteuner.ui.dialogs.client import ClientDialog

    ctx = AppContext(vault, Settings.in_dir(data_dir), data_dir, ChangeBus(), Runner())
    _fill_disk(vault)
    dialog = ClientDialog(None, ctx, ClientData())
    qtbot.addWidget(dialog)
    dialog.fields["naam"].setText("Blijft Staan")
    dialog.fields["notities"].setPlainText("y" * 200_000)
    assert dialog.try_save() is False
    assert "schijf is vol" in dialog.error.text()
    assert dialog.fields["naam"].text() == "Blijft Staan"


def test_read_only_folder_on_create(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    real_open = os.open

    def refuse(path, flags, mode=0o777, *a, **kw):
        if str(path).endswith(paths.VAULT_FILENAME):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, mode, *a, **kw)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(DiskProblem) as err:
        Vault(data_dir).create(PASSPHRASE, kdf=FAST_TEST_KDF)
    assert "alleen-lezen" in str(err.value)
    assert list(data_dir.iterdir()) == []


def test_failed_create_removes_only_what_it_made(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    from ondersteuner.vault import keyfile

    other = data_dir / "eigen-bestand.txt"
    other.write_text("van de gebruiker")

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(keyfile, "atomic_write", full)
    with pytest.raises(DiskProblem):
        Vault(data_dir).create(PASSPHRASE, kdf=FAST_TEST_KDF)
    assert sorted(p.name for p in data_dir.iterdir()) == ["eigen-bestand.txt"]


def test_second_instance_is_refused(qapp, data_dir: Path):
    first = acquire_instance_lock(data_dir)
    assert first is not None
    code = (
        "import sys; from PySide6.QtCore import QCoreApplication; "
        "app = QCoreApplication([]); from pathlib import Path; "
        "from ondersteuner.app import acquire_instance_lock; "
        f"sys.exit(0 if acquire_instance_lock(Path({str(data_dir)!r})) is None else 1)"
    )
    held = subprocess.run([sys.executable, "-c", code], timeout=60)
    assert held.returncode == 0  # the other process could not take the vault
    first.unlock()
    free = subprocess.run([sys.executable, "-c", code], timeout=60)
    assert free.returncode == 1  # once released, it can


def test_data_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "env"))
    assert paths.data_dir(None) == (tmp_path / "env").resolve()
    assert paths.data_dir(str(tmp_path / "cli")) == (tmp_path / "cli").resolve()
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    assert "ondersteuner" in str(paths.data_dir(None))
    args = parse_args(["--data-dir", "X", "--demo"])
    assert args.data_dir == "X" and args.demo


def test_settings_hold_no_client_data_and_survive_damage(tmp_path: Path):
    from ondersteuner.settings import AUTO_LOCK_MINUTES, FONT_POINT_SIZE, Settings

    s = Settings.in_dir(tmp_path)
    assert s.get(AUTO_LOCK_MINUTES) == 10
    s.set(AUTO_LOCK_MINUTES, 5)
    with pytest.raises(ValueError):
        s.set(FONT_POINT_SIZE, 500)
    assert Settings.in_dir(tmp_path).get(AUTO_LOCK_MINUTES) == 5
    (tmp_path / paths.SETTINGS_FILENAME).write_text("{kapot")
    assert Settings.in_dir(tmp_path).get(AUTO_LOCK_MINUTES) == 10
    assert (tmp_path / "instellingen.beschadigd.json").read_text() == "{kapot"
