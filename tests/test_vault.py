"""The encrypted vault: create, unlock, wrong passphrase, herstelcode, change, bad files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ondersteuner.vault import (
    NotAVault,
    Vault,
    VaultExists,
    VaultLocked,
    VaultState,
    WeakPassphrase,
    WrongHerstelcode,
    WrongPassphrase,
    crypto,
)
from ondersteuner.vault.crypto import DEFAULT_KDF, FAST_TEST_KDF
from tests.conftest import PASSPHRASE
from tests.factories import make_client


def _snapshot_files(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def test_default_kdf_is_memory_hard_and_not_weakened():
    assert DEFAULT_KDF.memory_kib >= 64 * 1024
    assert DEFAULT_KDF.iterations >= 3
    assert FAST_TEST_KDF != DEFAULT_KDF


def test_create_then_unlock_reads_data(vault: Vault, data_dir: Path):
    cid = make_client(vault, "Anna de Vries-Test")
    vault.lock()
    assert not vault.is_unlocked
    with pytest.raises(VaultLocked):
        vault.session()
    again = Vault(data_dir)
    assert again.state() is VaultState.PRESENT
    again.unlock(PASSPHRASE)
    from ondersteuner.ui.ops.clients import get_client

    assert get_client(again, cid).naam == "Anna de Vries-Test"
    again.lock()


def test_herstelcode_format_and_normalisation():
    code = crypto.new_herstelcode()
    assert len(code.replace("-", "")) == 25
    assert crypto.normalise_herstelcode(code.lower().replace("-", " ")) == code
    assert crypto.normalise_herstelcode("o1l1i-00000") == crypto.normalise_herstelcode(
        "01111-00000"
    )


def test_wrong_passphrase_changes_nothing_on_disk(vault: Vault, data_dir: Path):
    make_client(vault, "Bert Fictief")
    vault.lock()
    before = _snapshot_files(data_dir)
    with pytest.raises(WrongPassphrase) as err:
        Vault(data_dir).unlock("dit is niet het wachtwoord")
    assert "klopt niet" in str(err.value)
    assert _snapshot_files(data_dir) == before


def test_herstelcode_unlocks_and_sets_new_passphrase(data_dir: Path):
    v = Vault(data_dir)
    code = v.create(PASSPHRASE, kdf=FAST_TEST_KDF)
    make_client(v, "Carla Verzonnen")
    v.lock()
    v2 = Vault(data_dir)
    with pytest.raises(WrongHerstelcode):
        v2.unlock_with_herstelcode("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", "nieuw wachtwoord lang genoeg")
    v2.unlock_with_herstelcode(code.lower(), "nieuw wachtwoord lang genoeg")
    v2.lock()
    v3 = Vault(data_dir)
    with pytest.raises(WrongPassphrase):
        v3.unlock(PASSPHRASE)
    v3.unlock("nieuw wachtwoord lang genoeg")
    from ondersteuner.ui.ops.clients import list_clients

    assert [c.naam for c in list_clients(v3)] == ["Carla Verzonnen"]
    v3.lock()


def test_change_passphrase_only_rewraps_key(vault: Vault, data_dir: Path):
    make_client(vault, "Dirk Bedacht")
    vault.lock()
    db_before = (data_dir / "kluis.db").read_bytes()
    v = Vault(data_dir)
    with pytest.raises(WrongPassphrase):
        v.change_passphrase("fout fout fout fout", "een ander goed wachtwoord")
    v.change_passphrase(PASSPHRASE, "een ander goed wachtwoord")
    assert (data_dir / "kluis.db").read_bytes() == db_before  # the database is not re-keyed
    fresh = Vault(data_dir)
    with pytest.raises(WrongPassphrase):
        fresh.unlock(PASSPHRASE)
    fresh.unlock("een ander goed wachtwoord")
    fresh.lock()


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [("kort", "te kort"), ("aaaaaaaaaaaaaaaa", "herhaalt"), ("wachtwoord123", "bekend")],
)
def test_weak_passphrases_are_refused_with_reason(data_dir: Path, passphrase: str, reason: str):
    with pytest.raises(WeakPassphrase) as err:
        Vault(data_dir).create(passphrase, kdf=FAST_TEST_KDF)
    assert reason in str(err.value)
    assert list(data_dir.iterdir()) == []


def test_create_never_overwrites(vault: Vault, data_dir: Path):
    vault.lock()
    before = _snapshot_files(data_dir)
    with pytest.raises(VaultExists):
        Vault(data_dir).create(PASSPHRASE, kdf=FAST_TEST_KDF)
    assert _snapshot_files(data_dir) == before


def test_plain_sqlite_at_vault_path_is_refused_and_kept(data_dir: Path):
    import sqlite3

    path = data_dir / "kluis.db"
    con = sqlite3.connect(path)
    con.execute("create table x(a)")
    con.commit()
    con.close()
    before = path.read_bytes()
    v = Vault(data_dir)
    assert v.state() is VaultState.FOREIGN
    assert "onversleutelde" in v.describe_foreign()
    with pytest.raises(NotAVault):
        v.unlock(PASSPHRASE)
    with pytest.raises(VaultExists):
        v.create(PASSPHRASE, kdf=FAST_TEST_KDF)
    assert path.read_bytes() == before


def test_garbage_keyfile_is_not_a_vault(vault: Vault, data_dir: Path):
    vault.lock()
    (data_dir / "kluis.sleutels").write_text("geen json")
    with pytest.raises(NotAVault):
        Vault(data_dir).unlock(PASSPHRASE)
    assert (data_dir / "kluis.sleutels").read_text() == "geen json"


def test_corrupt_database_gives_clear_error_and_is_kept(vault: Vault, data_dir: Path):
    from ondersteuner.vault import VaultCorrupt

    make_client(vault, "Eva Onecht")
    vault.lock()
    db = data_dir / "kluis.db"
    raw = bytearray(db.read_bytes())
    raw[:4096] = os.urandom(4096)  # destroy the first page (salt and header)
    db.write_bytes(bytes(raw))
    with pytest.raises(VaultCorrupt) as err:
        Vault(data_dir).unlock(PASSPHRASE)
    assert "beschadigd" in str(err.value)
    assert db.read_bytes() == bytes(raw)


def test_key_never_in_engine_repr_or_url(vault: Vault):
    key_hex = vault.data_key.hex()
    assert key_hex not in repr(vault.engine)
    assert key_hex not in str(vault.engine.url)


def test_missing_keyfile_explained(vault: Vault, data_dir: Path):
    vault.lock()
    (data_dir / "kluis.sleutels").rename(data_dir / "elders.sleutels")
    v = Vault(data_dir)
    assert v.state() is VaultState.FOREIGN
    assert "sleutelbestand" in v.describe_foreign()
