"""Reservekopieën: the whole vault in one encrypted file, and back.

A copy (``.okopie``) is::

    MAGIC | header length (4 bytes) | header (JSON) | key file | database | tag

- the database is a consistent SQLCipher snapshot (SQLite's online backup API,
  keyed with the vault's data key), so its pages are as encrypted as the vault;
- the key file is the vault's own (the data key wrapped under the passphrase and
  the herstelcode of that moment), so the copy opens with either;
- the tag is HMAC-SHA256 over everything before it, with a key derived from the data
  key: a copy that was changed, cut short or glued together is refused before
  anything in the data directory is touched.

The header holds no client data: format, version, schema revision, when it was made,
sizes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import struct
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ondersteuner import paths
from ondersteuner.i18n import tr
from ondersteuner.vault import crypto
from ondersteuner.vault.atomic import _fsync_dir, atomic_open
from ondersteuner.vault.errors import VaultError, WrongHerstelcode, WrongPassphrase
from ondersteuner.vault.keyfile import SLOT_HERSTELCODE, SLOT_PASSPHRASE, KeyFile

if TYPE_CHECKING:
    from ondersteuner.vault.vault import Vault

MAGIC = b"ONDERSTEUNER-KOPIE\n"
VERSIE = 1
SUFFIX = ".okopie"
TAG_BYTES = 32
MAX_KOP = 64 * 1024
MAX_SLEUTELS = 64 * 1024
CHUNK = 1024 * 1024
_INFO = b"ondersteuner reservekopie v1"

Voortgang = Callable[[int, int], None]  # bytes done, bytes total


class KopieFout(VaultError):
    """A copy that cannot be used; the message says why, in Dutch."""

    default_message = tr(
        "Dit bestand is geen bruikbare reservekopie van ondersteuner. Er is niets veranderd."
    )


@dataclass(frozen=True)
class KopieInfo:
    pad: Path
    gemaakt: dt.datetime
    schema: str
    grootte: int


def _mac_key(data_key: bytes) -> bytes:
    return hmac.new(data_key, _INFO, hashlib.sha256).digest()


# ------------------------------------------------------------------------- write
def maak_reservekopie(vault: Vault, doel: Path, voortgang: Voortgang | None = None) -> Path:
    """Write an encrypted copy of the (unlocked) vault to ``doel``, atomically."""
    from ondersteuner.vault.backup import snapshot
    from ondersteuner.vault.schema import current_revision

    doel = Path(doel)
    doel.parent.mkdir(parents=True, exist_ok=True)
    sleutels = vault.keyfile_path.read_bytes()
    fd, snap_name = tempfile.mkstemp(prefix=".kopie-db.", suffix=".tmp", dir=doel.parent)
    os.close(fd)
    try:
        snapshot(vault, Path(snap_name))
        db_size = os.path.getsize(snap_name)
        kop = json.dumps(
            {
                "formaat": "ondersteuner-reservekopie",
                "versie": VERSIE,
                "schema": current_revision(vault.engine) or "",
                "gemaakt": dt.datetime.now().isoformat(timespec="seconds"),
                "sleutels": len(sleutels),
                "database": db_size,
            }
        ).encode("utf-8")
        mac = hmac.new(_mac_key(vault.data_key), digestmod=hashlib.sha256)
        with atomic_open(doel) as out:

            def put(data: bytes) -> None:
                out.write(data)
                mac.update(data)

            put(MAGIC)
            put(struct.pack(">I", len(kop)))
            put(kop)
            put(sleutels)
            done = 0
            with open(snap_name, "rb") as db:
                while chunk := db.read(CHUNK):
                    put(chunk)
                    done += len(chunk)
                    if voortgang:
                        voortgang(done, db_size)
            out.write(mac.digest())
    finally:
        with contextlib.suppress(OSError):
            os.unlink(snap_name)
    return doel


# -------------------------------------------------------------------------- read
def _lees_kop(f: IO[bytes], grootte: int) -> tuple[dict, bytes, bytes]:
    """The header (parsed), its raw bytes and the key file; the file is then
    positioned at the start of the database."""
    magic = f.read(len(MAGIC))
    if magic != MAGIC:
        raise KopieFout()
    raw_len = f.read(4)
    if len(raw_len) != 4:
        raise KopieFout(_AFGEKAPT)
    (kop_len,) = struct.unpack(">I", raw_len)
    if kop_len > MAX_KOP:
        raise KopieFout()
    raw = f.read(kop_len)
    try:
        kop = json.loads(raw.decode("utf-8"))
        if kop.get("formaat") != "ondersteuner-reservekopie":
            raise ValueError
        versie = int(kop["versie"])
        n_sleutels, n_db = int(kop["sleutels"]), int(kop["database"])
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise KopieFout() from exc
    if versie > VERSIE:
        raise KopieFout(
            tr(
                "Deze reservekopie is gemaakt met een nieuwere versie van ondersteuner. "
                "Werk de app bij en probeer het opnieuw. Er is niets veranderd."
            )
        )
    if not 0 < n_sleutels <= MAX_SLEUTELS or n_db < 0:
        raise KopieFout()
    verwacht = len(MAGIC) + 4 + kop_len + n_sleutels + n_db + TAG_BYTES
    if grootte != verwacht:
        raise KopieFout(_AFGEKAPT if grootte < verwacht else None)
    sleutels = f.read(n_sleutels)
    return kop, MAGIC + raw_len + raw, sleutels


_AFGEKAPT = tr(
    "De reservekopie is niet compleet (het bestand is afgebroken, bijvoorbeeld doordat de "
    "USB-stick te vroeg is uitgetrokken). Gebruik een andere kopie. Er is niets veranderd."
)
_GEWIJZIGD = tr(
    "De reservekopie is beschadigd of veranderd: de controle klopt niet. Gebruik een "
    "andere kopie. Er is niets veranderd."
)


def lees_info(pad: Path) -> KopieInfo:
    """What a copy says about itself (no secret needed; no client data in it)."""
    pad = Path(pad)
    try:
        grootte = pad.stat().st_size
        with open(pad, "rb") as f:
            kop, _raw, _sleutels = _lees_kop(f, grootte)
    except OSError as exc:
        raise KopieFout(tr("De reservekopie is niet te lezen: {0}").format(pad.name)) from exc
    try:
        gemaakt = dt.datetime.fromisoformat(str(kop.get("gemaakt")))
    except ValueError:
        gemaakt = dt.datetime.fromtimestamp(pad.stat().st_mtime)
    return KopieInfo(pad, gemaakt, str(kop.get("schema", "")), grootte)


def _data_key(sleutels: bytes, geheim: str, herstelcode: bool) -> bytes:
    try:
        keyfile = KeyFile.parse(sleutels)
    except VaultError as exc:
        raise KopieFout(_GEWIJZIGD) from exc
    slot = SLOT_HERSTELCODE if herstelcode else SLOT_PASSPHRASE
    wrapped = keyfile.slots.get(slot)
    secret = crypto.normalise_herstelcode(geheim) if herstelcode else geheim
    key = (
        crypto.unwrap(wrapped, secret, context=keyfile.context(slot))
        if wrapped is not None
        else None
    )
    if key is None:
        raise (WrongHerstelcode() if herstelcode else WrongPassphrase())
    return key


def herstel_reservekopie(
    pad: Path,
    geheim: str,
    data_dir: Path,
    *,
    herstelcode: bool = False,
    voortgang: Voortgang | None = None,
) -> Path | None:
    """Put the copy at ``pad`` back as the vault in ``data_dir`` (which must not be
    open). The copy is checked completely first; the current vault, if any, is moved
    aside into a safety copy whose folder is returned. Nothing changes on any error.

    Afterwards the vault opens with the passphrase (or herstelcode) of the copy; a
    copy made by an older version is brought up to date when it is opened."""
    from ondersteuner.vault.vault import Vault

    pad, data_dir = Path(pad), Path(data_dir)
    try:
        grootte = pad.stat().st_size
        f = open(pad, "rb")  # noqa: SIM115 - closed below, after the streaming copy
    except OSError as exc:
        raise KopieFout(tr("De reservekopie is niet te lezen: {0}").format(pad.name)) from exc
    data_dir.mkdir(parents=True, exist_ok=True)
    fd, db_tmp = tempfile.mkstemp(prefix=".herstel-db.", suffix=".tmp", dir=data_dir)
    os.close(fd)
    os.chmod(db_tmp, 0o600)
    try:
        with f:
            kop, raw, sleutels = _lees_kop(f, grootte)
            key = _data_key(sleutels, geheim, herstelcode)
            mac = hmac.new(_mac_key(key), raw + sleutels, hashlib.sha256)
            n_db = int(kop["database"])
            done = 0
            with open(db_tmp, "wb") as out:
                while done < n_db:
                    chunk = f.read(min(CHUNK, n_db - done))
                    if not chunk:
                        raise KopieFout(_AFGEKAPT)
                    mac.update(chunk)
                    out.write(chunk)
                    done += len(chunk)
                    if voortgang:
                        voortgang(done, n_db)
                out.flush()
                os.fsync(out.fileno())
            if not hmac.compare_digest(mac.digest(), f.read(TAG_BYTES)):
                raise KopieFout(_GEWIJZIGD)
        _check_database(Path(db_tmp), key, str(kop.get("gemaakt", "")))
        veilig = _opzij(Vault(data_dir))
        vault = Vault(data_dir)
        from ondersteuner.vault.atomic import atomic_write

        atomic_write(vault.keyfile_path, sleutels)
        os.replace(db_tmp, vault.db_path)
        _fsync_dir(data_dir)
        return veilig
    finally:
        with contextlib.suppress(OSError):
            os.unlink(db_tmp)


def _check_database(db: Path, key: bytes, gemaakt: str) -> None:
    """The restored database is whole; its audit log records the restore."""
    import sqlcipher3

    try:
        conn = sqlcipher3.dbapi2.connect(str(db))
        try:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute("PRAGMA secure_delete = ON")
            ok = conn.execute("PRAGMA integrity_check").fetchone()
            if ok and ok[0] == "ok":
                conn.execute(
                    "INSERT INTO auditregel (tijdstip, actie, omschrijving) VALUES (?, ?, ?)",
                    (
                        dt.datetime.now().isoformat(sep=" ", timespec="microseconds"),
                        "reservekopie_teruggezet",
                        f"kopie van {gemaakt}",
                    ),
                )
                conn.commit()
        finally:
            conn.close()
    except sqlcipher3.dbapi2.DatabaseError as exc:
        raise KopieFout(_GEWIJZIGD) from exc
    if not ok or ok[0] != "ok":
        raise KopieFout(_GEWIJZIGD)


def _opzij(vault: Vault) -> Path | None:
    """Move the current vault files into a safety folder (never deleted here)."""
    files = [p for p in (vault.keyfile_path, *vault._db_files()) if p.exists()]
    if not files:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    veilig = vault.data_dir / paths.BACKUP_DIRNAME / f"voor-terugzetten-{stamp}"
    veilig.mkdir(parents=True, exist_ok=True)
    for p in files:
        os.replace(p, veilig / p.name)
    _fsync_dir(veilig)
    _fsync_dir(vault.data_dir)
    return veilig


# ----------------------------------------------------------------- rolling copies
AUTO_PREFIX = "auto-"


def automatische_kopie(vault: Vault, aantal: int) -> Path | None:
    """On closing: a new copy in the data directory, keeping the newest ``aantal``."""
    if aantal <= 0:
        return None
    map_ = vault.data_dir / paths.BACKUP_DIRNAME
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    pad = maak_reservekopie(vault, map_ / f"{AUTO_PREFIX}{stamp}{SUFFIX}")
    for oud in automatische_kopieen(vault.data_dir)[aantal:]:
        with contextlib.suppress(OSError):
            oud.unlink()
    return pad


def automatische_kopieen(data_dir: Path) -> list[Path]:
    """The rolling copies, newest first."""
    map_ = Path(data_dir) / paths.BACKUP_DIRNAME
    if not map_.is_dir():
        return []
    return sorted(map_.glob(f"{AUTO_PREFIX}*{SUFFIX}"), reverse=True)
