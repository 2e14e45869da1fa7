"""“Onthoud op deze computer”: the four keyring states, with keyring's own backend API."""

from __future__ import annotations

from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from ondersteuner.ui.ops.startup import unlock_with_passphrase, unlock_with_remembered_key
from ondersteuner.vault import Vault
from ondersteuner.vault.keystore import SERVICE, KeyringState, Keystore
from tests.conftest import PASSPHRASE, MemoryKeyring


class LockedKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("locked")


def test_no_backend_is_unavailable_and_never_raises(vault: Vault):
    store = Keystore(vault.vault_id)
    status = store.status()
    assert status.state is KeyringState.UNAVAILABLE
    assert not status.can_remember
    assert "sleutelbos" in status.explanation
    assert store.save(vault.data_key) is False
    assert store.load() is None
    store.forget()  # no exception


def test_remember_then_unlock_without_passphrase(
    vault: Vault, data_dir: Path, memory_keyring: MemoryKeyring
):
    vault_id = vault.vault_id
    vault.lock()
    assert Keystore(vault_id).status().state is KeyringState.ABSENT
    v = Vault(data_dir)
    assert unlock_with_passphrase(v, PASSPHRASE, remember=True) is True
    v.lock()
    # The keyring holds the data key under this vault's id, nothing else.
    assert list(memory_keyring.secrets) == [(SERVICE, vault_id)]
    assert Keystore(vault_id).status().state is KeyringState.STORED
    v2 = Vault(data_dir)
    assert unlock_with_remembered_key(v2) is True
    assert v2.is_unlocked
    v2.lock()


def test_unticking_remember_forgets_the_key(
    vault: Vault, data_dir: Path, memory_keyring: MemoryKeyring
):
    vault_id = vault.vault_id
    Keystore(vault_id).save(vault.data_key)
    vault.lock()
    v = Vault(data_dir)
    unlock_with_passphrase(v, PASSPHRASE, remember=False)
    v.lock()
    assert memory_keyring.secrets == {}


def test_locked_keyring_is_explained_not_called_a_wrong_passphrase(vault: Vault):
    keyring.set_keyring(LockedKeyring())
    status = Keystore(vault.vault_id).status()
    assert status.state is KeyringState.LOCKED
    assert "niet fout" in status.explanation
    assert Keystore(vault.vault_id).load() is None
    assert Keystore(vault.vault_id).save(vault.data_key) is False


def test_stale_remembered_key_is_forgotten(
    vault: Vault, data_dir: Path, memory_keyring: MemoryKeyring
):
    vault_id = vault.vault_id
    Keystore(vault_id).save(b"\x01" * 32)  # not this vault's key
    vault.lock()
    v = Vault(data_dir)
    assert unlock_with_remembered_key(v) is False
    assert not v.is_unlocked
    assert Keystore(vault_id).status().state is KeyringState.ABSENT
