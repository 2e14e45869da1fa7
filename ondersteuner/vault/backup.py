"""Encrypted backup copies of the vault (before migrations; later: rolling backups).

SQLite's online backup API copies a consistent snapshot page by page into a new
database keyed with the same data key, so the copy is as encrypted as the vault.
The key file is copied beside it: the copy opens with the same passphrase.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ondersteuner import paths
from ondersteuner.vault.atomic import _fsync_dir, atomic_write

if TYPE_CHECKING:
    from ondersteuner.vault.vault import Vault


def snapshot(vault: Vault, target: Path) -> None:
    """A consistent copy of the database at ``target`` (an existing, empty file),
    keyed like the vault, owner-only, synced to disk."""
    import sqlcipher3

    os.chmod(target, 0o600)
    dst = sqlcipher3.dbapi2.connect(str(target))
    try:
        dst.execute(f"PRAGMA key = \"x'{vault.data_key.hex()}'\"")
        raw = vault.engine.raw_connection()
        try:
            raw.driver_connection.backup(dst)  # type: ignore[union-attr]
        finally:
            raw.close()
    finally:
        dst.close()
    with open(target, "rb") as fh:
        os.fsync(fh.fileno())


def backup_vault(vault: Vault, *, reason: str, target_dir: Path | None = None) -> Path:
    """Write an encrypted copy of the vault; returns the new database file's path."""
    target_dir = target_dir or vault.data_dir / paths.BACKUP_DIRNAME
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # two in one second: both kept
    base = f"kluis-{stamp}-{reason}"
    db_target = target_dir / f"{base}.db"
    fd, tmp_name = tempfile.mkstemp(prefix=".backup.", suffix=".tmp", dir=target_dir)
    os.close(fd)
    try:
        snapshot(vault, Path(tmp_name))
        os.replace(tmp_name, db_target)
        _fsync_dir(target_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    atomic_write(target_dir / f"{base}.sleutels", vault.keyfile_path.read_bytes())
    return db_target


def ruim_op(data_dir: Path) -> int:
    """Remove temporary files a crash or a kill left behind while a backup or restore
    was being written (encrypted, but whole copies of the vault all the same). Only
    one app opens a data directory at a time, so none of them is still in use."""
    n = 0
    folders = [data_dir, data_dir / paths.BACKUP_DIRNAME]
    for folder in folders:
        if not folder.is_dir():
            continue
        for pattern in (
            ".backup.*.tmp",
            ".kopie.*.tmp",
            ".*.okopie.*.tmp",  # a reservekopie being written (atomic_open)
            ".kopie-db.*.tmp",
            ".herstel-db.*.tmp",
        ):
            for p in folder.glob(pattern):
                with contextlib.suppress(OSError):
                    p.unlink()
                    n += 1
    return n
