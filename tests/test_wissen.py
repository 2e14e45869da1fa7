"""Deleting a client leaves no trace in the vault file: every page of the database
(and its WAL) is decrypted here and searched. The audit log keeps only the number."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from ondersteuner.ui.ops import clients, gesprekken
from ondersteuner.vault import Vault
from tests.factories import make_client, make_melding

MARKER = "Zzyzx-Wisproef"
PAGE = 4096
RESERVE = 80  # SQLCipher 4: IV (16) + HMAC-SHA512 (64) at the end of each page


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """All pages of a SQLCipher 4 file opened with a raw key, decrypted (AES-256-CBC);
    free pages included, which SQL can no longer see."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    data = path.read_bytes()
    out = []
    for n in range(0, len(data) - len(data) % PAGE, PAGE):
        page = data[n : n + PAGE]
        start = 16 if n == 0 else 0  # the first page begins with the salt
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        body = page[start : PAGE - RESERVE]
        d = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(d.update(body) + d.finalize())
    return b"".join(out)


def wal_pages(path: Path, key: bytes) -> bytes:
    """The page images inside a WAL file (24-byte frame headers after a 32-byte header)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    if not path.exists():
        return b""
    data = path.read_bytes()[32:]
    out = []
    frame = 24 + PAGE
    for n in range(0, len(data) - len(data) % frame, frame):
        page = data[n + 24 : n + frame]
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        for start in (0, 16):  # page 1 or any other page
            d = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
            body = page[start : PAGE - RESERVE]
            body = body[: len(body) - len(body) % 16]
            out.append(d.update(body) + d.finalize())
    return b"".join(out)


def everything(vault: Vault) -> bytes:
    key = vault.data_key
    db = vault.db_path
    return decrypted_pages(db, key) + wal_pages(db.with_name(db.name + "-wal"), key)


def test_deleted_client_leaves_no_trace_in_the_file(vault: Vault):
    keep = make_client(vault, "Blijft Bestaan-Verzonnen")
    cid = make_client(vault, f"{MARKER} Persoon", adres=f"{MARKER}laan 1")
    mid = make_melding(vault, cid, hulpvraag=f"Hulp nodig, {MARKER} vraagt het zelf.")
    g = gesprekken.open_gesprek(vault, mid)
    gesprekken.save_gesprek(vault, g, {"zelf": f"{MARKER} wil thuis blijven\n" * 40})
    key_marker = MARKER.encode()
    # The decryption works: before deleting, the marker is in the pages.
    assert key_marker in everything(vault)
    nummer = clients.get_client(vault, cid).dossiernummer

    clients.delete_client(vault, cid)

    assert key_marker not in everything(vault)
    assert b"Blijft Bestaan" in everything(vault)  # the other client is untouched
    with vault.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        [regel] = conn.execute(
            text("SELECT omschrijving FROM auditregel WHERE actie = 'client_verwijderd'")
        ).all()
    assert regel[0] == f"Dossier {nummer} verwijderd" and MARKER not in regel[0]
    assert clients.get_client(vault, keep).naam == "Blijft Bestaan-Verzonnen"
