"""What happens between a correct key and the main window (runs on the worker)."""

from __future__ import annotations

from collections.abc import Callable

from ondersteuner.vault import Vault
from ondersteuner.vault.keystore import Keystore


def preload() -> None:
    """Import the heavy modules while the user types the passphrase."""
    import sqlalchemy.orm  # noqa: F401

    import ondersteuner.models
    import ondersteuner.ui.ops.clients
    import ondersteuner.ui.ops.meldingen  # noqa: F401


def finish_open(vault: Vault, progress: Callable[[str], None] | None = None) -> None:
    """Migrate if needed (with a backup first) and make sure the gemeenten are there."""
    from ondersteuner.ui.ops.gemeenten import ensure_gemeenten
    from ondersteuner.vault.backup import ruim_op
    from ondersteuner.vault.schema import migrate

    try:
        ruim_op(vault.data_dir)  # left by a backup that was cut short
        migrate(vault, progress)
        ensure_gemeenten(vault)
    except BaseException:
        vault.lock()
        raise


def unlock_with_passphrase(vault: Vault, passphrase: str, remember: bool) -> bool:
    """Unlock; optionally remember the key. Returns whether the keyring took it."""
    vault.unlock(passphrase)
    finish_open(vault)
    store = Keystore(vault.vault_id)
    if remember:
        return store.save(vault.data_key)
    store.forget()
    return False


def unlock_with_remembered_key(vault: Vault) -> bool:
    """Try the key from the OS keyring; ``False`` if none or it no longer fits."""
    from ondersteuner.vault import VaultCorrupt

    key = Keystore(vault.vault_id).load()
    if key is None:
        return False
    try:
        vault.unlock_with_key(key)
    except VaultCorrupt:
        # A remembered key that no longer opens this vault (restored elsewhere):
        # forget it and ask for the passphrase instead of claiming damage.
        Keystore(vault.vault_id).forget()
        return False
    finish_open(vault)
    return True
