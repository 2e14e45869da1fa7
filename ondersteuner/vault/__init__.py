"""The encrypted local vault: SQLCipher database, key wrapping, keyring, backups.

Qt-free. The UI creates one :class:`Vault` per data directory and hands it to the
``AppContext`` after unlock. Names load on first use (PEP 562), so importing one
small piece (``atomic_write`` for the settings) does not load the rest at start.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "atomic_write": "ondersteuner.vault.atomic",
    "Vault": "ondersteuner.vault.vault",
    "VaultState": "ondersteuner.vault.vault",
    **{
        name: "ondersteuner.vault.errors"
        for name in (
            "DiskProblem",
            "MigrationFailed",
            "NotAVault",
            "VaultCorrupt",
            "VaultError",
            "VaultExists",
            "VaultInUse",
            "VaultLocked",
            "VaultMissing",
            "VaultTooNew",
            "WeakPassphrase",
            "WrongHerstelcode",
            "WrongPassphrase",
        )
    },
}

__all__ = [
    "DiskProblem",
    "MigrationFailed",
    "NotAVault",
    "Vault",
    "VaultCorrupt",
    "VaultError",
    "VaultExists",
    "VaultInUse",
    "VaultLocked",
    "VaultMissing",
    "VaultState",
    "VaultTooNew",
    "WeakPassphrase",
    "WrongHerstelcode",
    "WrongPassphrase",
    "atomic_write",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ondersteuner.vault' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from ondersteuner.vault.atomic import atomic_write
    from ondersteuner.vault.errors import (
        DiskProblem,
        MigrationFailed,
        NotAVault,
        VaultCorrupt,
        VaultError,
        VaultExists,
        VaultInUse,
        VaultLocked,
        VaultMissing,
        VaultTooNew,
        WeakPassphrase,
        WrongHerstelcode,
        WrongPassphrase,
    )
    from ondersteuner.vault.vault import Vault, VaultState
