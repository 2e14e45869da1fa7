"""The encrypted vault: create, unlock, change passphrase, lock.

One SQLCipher database per adviser (``kluis.db``) plus its key file
(``kluis.sleutels``). SQLAlchemy's ``sqlite+pysqlcipher`` dialect always keys from
the URL, so we use the plain ``sqlite`` dialect with ``module=sqlcipher3`` and a
connect listener that issues ``PRAGMA key`` with the raw key first: the key never
appears in the URL or in any engine repr.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ondersteuner import paths
from ondersteuner.vault import crypto
from ondersteuner.vault.errors import (
    DiskProblem,
    NotAVault,
    VaultCorrupt,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WrongHerstelcode,
    WrongPassphrase,
)
from ondersteuner.vault.keyfile import SLOT_HERSTELCODE, SLOT_PASSPHRASE, KeyFile

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_MAGIC = b"SQLite format 3\x00"

Progress = Callable[[str], None]


class VaultState(Enum):
    MISSING = "missing"  # nothing there: offer to create
    PRESENT = "present"  # key file and database: offer to unlock
    FOREIGN = "foreign"  # something is there that is not (all of) a vault: never touch


def _sqlcipher_module() -> Any:
    import sqlcipher3

    return sqlcipher3.dbapi2


def _open_error(exc: BaseException) -> Exception:
    """Translate low-level errors on open/write into Dutch vault errors."""
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EROFS, errno.EACCES):
        return DiskProblem()
    if "readonly" in text or "read-only" in text or "disk is full" in text or "disk i/o" in text:
        return DiskProblem()
    if "unable to open" in text:
        return DiskProblem()
    return VaultCorrupt()


class Vault:
    """One vault on disk. Unlocked, it owns the engine and the session factory."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / paths.VAULT_FILENAME
        self.keyfile_path = self.data_dir / paths.KEYFILE_FILENAME
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._data_key: bytes | None = None
        self._keyfile: KeyFile | None = None

    # ---------------------------------------------------------------- state
    def state(self) -> VaultState:
        db, kf = self.db_path, self.keyfile_path
        if not db.exists() and not kf.exists():
            return VaultState.MISSING
        if db.is_file() and kf.is_file():
            return VaultState.PRESENT
        return VaultState.FOREIGN

    def describe_foreign(self) -> str:
        """Dutch explanation of what is wrong with a FOREIGN state."""
        from ondersteuner.i18n import tr

        if self.db_path.exists() and not self.keyfile_path.exists():
            try:
                head = self.db_path.read_bytes()[:16] if self.db_path.is_file() else b""
            except OSError:
                head = b""
            if head == SQLITE_MAGIC:
                return tr(
                    "In de map staat een gewone (onversleutelde) database met de naam van de "
                    "kluis: {path}. Dat is geen kluis van ondersteuner. Er is niets gewist. "
                    "Verplaats het bestand of kies een andere map.",
                    path=self.db_path,
                )
            return tr(
                "Het sleutelbestand van de kluis ontbreekt ({name}). Zonder dat bestand kan de "
                "kluis niet worden geopend. Zet het terug uit een reservekopie. "
                "Er is niets gewist.",
                name=self.keyfile_path.name,
            )
        if self.keyfile_path.exists() and not self.db_path.exists():
            return tr(
                "Het databasebestand van de kluis ontbreekt ({name}), alleen het "
                "sleutelbestand is er. Zet de kluis terug uit een reservekopie. "
                "Er is niets gewist.",
                name=self.db_path.name,
            )
        return NotAVault.default_message

    def _db_files(self) -> tuple[Path, ...]:
        return (
            self.db_path,
            self.db_path.with_name(self.db_path.name + "-wal"),
            self.db_path.with_name(self.db_path.name + "-shm"),
        )

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None

    @property
    def vault_id(self) -> str:
        return self._load_keyfile().vault_id

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise VaultLocked()
        return self._data_key

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    def session(self) -> Session:
        """A new short-lived session (use as a context manager)."""
        if self._sessions is None:
            raise VaultLocked()
        return self._sessions()

    # --------------------------------------------------------------- create
    def create(self, passphrase: str, *, kdf: crypto.KdfParams = crypto.DEFAULT_KDF) -> str:
        """Create a new vault; returns the one-time herstelcode. Never overwrites."""
        crypto.check_passphrase(passphrase)
        if self.state() is not VaultState.MISSING:
            raise VaultExists()
        try:
            self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Create the database file ourselves, owner-only, and never over an
            # existing file (O_EXCL); SQLite gives -wal/-shm the same mode.
            fd = os.open(self.db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        except FileExistsError as exc:
            raise VaultExists() from exc
        except OSError as exc:
            raise DiskProblem() from exc
        try:
            return self._initialise(passphrase, kdf)
        except BaseException:
            # Only files this call created are removed: the ones it made just now.
            self.lock()
            self._keyfile = None
            for path in (self.keyfile_path, *self._db_files()):
                with contextlib.suppress(OSError):
                    path.unlink()
            raise

    def _initialise(self, passphrase: str, kdf: crypto.KdfParams) -> str:
        data_key = crypto.new_data_key()
        herstelcode = crypto.new_herstelcode()
        keyfile = KeyFile(vault_id=crypto.random_id(), slots={})
        keyfile.slots[SLOT_PASSPHRASE] = crypto.wrap(
            data_key, passphrase, context=keyfile.context(SLOT_PASSPHRASE), params=kdf
        )
        keyfile.slots[SLOT_HERSTELCODE] = crypto.wrap(
            data_key,
            crypto.normalise_herstelcode(herstelcode),
            context=keyfile.context(SLOT_HERSTELCODE),
            params=kdf,
        )
        try:
            keyfile.save(self.keyfile_path)
        except OSError as exc:
            raise _open_error(exc) from exc
        self._keyfile = keyfile
        self._open(data_key)
        from ondersteuner.vault.schema import create_schema

        try:
            create_schema(self.engine)
        except Exception as exc:
            raise _open_error(exc) from exc
        return herstelcode

    # --------------------------------------------------------------- unlock
    def unlock(self, passphrase: str, progress: Progress | None = None) -> None:
        keyfile = self._load_keyfile()
        if progress:
            progress("sleutel")
        key = crypto.unwrap(
            keyfile.slots[SLOT_PASSPHRASE], passphrase, context=keyfile.context(SLOT_PASSPHRASE)
        )
        if key is None:
            raise WrongPassphrase()
        self._open(key, progress)

    def unlock_with_key(self, data_key: bytes, progress: Progress | None = None) -> None:
        """Unlock with a data key remembered in the OS keyring."""
        self._load_keyfile()
        self._open(data_key, progress)

    def unlock_with_herstelcode(
        self, herstelcode: str, new_passphrase: str, progress: Progress | None = None
    ) -> None:
        """Open with the herstelcode and set a new passphrase in the same step."""
        crypto.check_passphrase(new_passphrase)
        keyfile = self._load_keyfile()
        slot = keyfile.slots.get(SLOT_HERSTELCODE)
        if slot is None:
            raise WrongHerstelcode()
        key = crypto.unwrap(
            slot,
            crypto.normalise_herstelcode(herstelcode),
            context=keyfile.context(SLOT_HERSTELCODE),
        )
        if key is None:
            raise WrongHerstelcode()
        self._open(key, progress)
        self._rewrap_passphrase(key, new_passphrase, slot.kdf)

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the data key under a new passphrase (the database is not touched)."""
        crypto.check_passphrase(new)
        keyfile = self._load_keyfile()
        slot = keyfile.slots[SLOT_PASSPHRASE]
        key = crypto.unwrap(slot, old, context=keyfile.context(SLOT_PASSPHRASE))
        if key is None:
            raise WrongPassphrase()
        self._rewrap_passphrase(key, new, slot.kdf)

    def _rewrap_passphrase(self, key: bytes, new: str, kdf: crypto.KdfParams) -> None:
        keyfile = self._load_keyfile()
        keyfile.slots[SLOT_PASSPHRASE] = crypto.wrap(
            key, new, context=keyfile.context(SLOT_PASSPHRASE), params=kdf
        )
        try:
            keyfile.save(self.keyfile_path)
        except OSError as exc:
            raise _open_error(exc) from exc

    def _load_keyfile(self) -> KeyFile:
        if self._keyfile is None:
            state = self.state()
            if state is VaultState.MISSING:
                raise VaultMissing()
            if state is VaultState.FOREIGN:
                raise NotAVault(self.describe_foreign())
            self._keyfile = KeyFile.load(self.keyfile_path)
        return self._keyfile

    # ----------------------------------------------------------------- open
    def _open(self, data_key: bytes, progress: Progress | None = None) -> None:
        if progress:
            progress("openen")
        if self._engine is not None:
            self.lock()
        # SQLAlchemy loads here, not at start: the unlock screen shows first.
        from sqlalchemy import create_engine, event
        from sqlalchemy.orm import sessionmaker

        hex_key = data_key.hex()
        engine = create_engine(
            f"sqlite:///{self.db_path}",
            module=_sqlcipher_module(),
            connect_args={"check_same_thread": False, "timeout": 5.0},
        )

        @event.listens_for(engine, "connect")
        def _key_connection(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            try:
                cur.execute(f"PRAGMA key = \"x'{hex_key}'\"")
                # After the key: explicit in-memory temp store (a large sort
                # would otherwise spill plaintext to a temp file), overwrite
                # deleted content, WAL for fast crash-safe autosaves.
                cur.execute("PRAGMA temp_store = MEMORY")
                cur.execute("PRAGMA secure_delete = ON")
                cur.execute("PRAGMA foreign_keys = ON")
                cur.execute("PRAGMA journal_mode = WAL")
                cur.execute("PRAGMA synchronous = NORMAL")
            finally:
                cur.close()

        try:
            with engine.connect() as conn:
                # Reading the schema fails with "file is not a database" when the
                # key does not fit or the pages are damaged.
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        except Exception as exc:
            engine.dispose()
            cause = getattr(exc, "orig", exc)
            raise _open_error(cause if isinstance(cause, BaseException) else exc) from exc
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._data_key = data_key

    def wis_sporen(self) -> None:
        """After deleting a client: rebuild the file (VACUUM) and empty the WAL, so no
        page with their data is left behind, not even a freed one (AVG art. 17)."""
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def check_integrity(self) -> bool:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA quick_check").scalar() == "ok"

    def lock(self) -> None:
        """Close every connection and forget the key."""
        engine, self._engine, self._sessions = self._engine, None, None
        self._data_key = None
        if engine is not None:
            try:
                with engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:
                pass
            engine.dispose()


def is_disk_error(exc: BaseException) -> bool:
    """True for errors that mean 'cannot write here' rather than a broken vault."""
    return isinstance(_open_error(exc), DiskProblem) or isinstance(exc, sqlite3.OperationalError)
