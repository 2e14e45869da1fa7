"""The encrypted local vault: SQLCipher database, key wrapping, keyring, backups.

Qt-free. The UI creates one :class:`Vault` per data directory and hands it to the
``AppContext`` after unlock.
"""

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
