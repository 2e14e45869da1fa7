"""“Onthoud op deze computer”: the data key in the OS keyring, four states.

States (DESIGN rule 7): STORED (a key is remembered), ABSENT (keyring works, no
key), LOCKED (the keyring exists but is locked or refused access), UNAVAILABLE
(no usable backend, e.g. headless Linux). Only STORED skips the passphrase; in
every other case the UI asks for it and says *why* — a keyring problem is never
reported as a wrong passphrase. We never fall back to a file-based keyring.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass
from enum import Enum

from ondersteuner.i18n import tr

SERVICE = "ondersteuner-kluis"


class KeyringState(Enum):
    STORED = "stored"
    ABSENT = "absent"
    LOCKED = "locked"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class KeyringStatus:
    state: KeyringState
    explanation: str  # Dutch, for the unlock screen

    @property
    def can_remember(self) -> bool:
        return self.state in (KeyringState.STORED, KeyringState.ABSENT)


def _backend_usable() -> bool:
    import keyring
    from keyring.backends import fail

    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    if isinstance(backend, fail.Keyring):
        return False
    try:
        from keyring.backends import null

        if isinstance(backend, null.Keyring):
            return False
    except ImportError:  # pragma: no cover - older keyring
        pass
    # keyrings.alt's file backends store secrets almost in plain text: refuse.
    return not type(backend).__module__.startswith("keyrings.alt")


class Keystore:
    """The remembered data key of one vault, addressed by the vault id."""

    def __init__(self, vault_id: str) -> None:
        self.vault_id = vault_id

    def status(self) -> KeyringStatus:
        if not _backend_usable():
            return KeyringStatus(
                KeyringState.UNAVAILABLE,
                tr(
                    "Deze computer heeft geen beveiligde sleutelbos (zoals Windows "
                    "Referentiebeheer, macOS Sleutelhanger of GNOME-sleutelbos). Daarom kan "
                    "ondersteuner het wachtwoord hier niet onthouden."
                ),
            )
        try:
            value = self._get()
        except _Locked:
            return KeyringStatus(
                KeyringState.LOCKED,
                tr(
                    "De sleutelbos van deze computer is vergrendeld of gaf geen toegang. "
                    "Vul het wachtwoord van de kluis in; het wachtwoord is niet fout."
                ),
            )
        if value is None:
            return KeyringStatus(KeyringState.ABSENT, tr("Het wachtwoord is niet onthouden."))
        return KeyringStatus(KeyringState.STORED, tr("De sleutel is onthouden op deze computer."))

    def load(self) -> bytes | None:
        """The remembered key, or ``None`` in every state but STORED."""
        if not _backend_usable():
            return None
        try:
            value = self._get()
        except _Locked:
            return None
        if value is None:
            return None
        try:
            return binascii.unhexlify(value)
        except (binascii.Error, ValueError):
            return None

    def save(self, data_key: bytes) -> bool:
        """Remember the key; ``False`` (never an exception) if the keyring refuses."""
        if not _backend_usable():
            return False
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(SERVICE, self.vault_id, data_key.hex())
        except (KeyringError, OSError, RuntimeError):
            return False
        return True

    def forget(self) -> None:
        if not _backend_usable():
            return
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, self.vault_id)
        except (PasswordDeleteError, KeyringError, OSError, RuntimeError):
            pass

    def _get(self) -> str | None:
        import keyring
        from keyring.errors import KeyringError, KeyringLocked

        try:
            return keyring.get_password(SERVICE, self.vault_id)
        except KeyringLocked as exc:
            raise _Locked() from exc
        except (KeyringError, OSError, RuntimeError) as exc:
            raise _Locked() from exc


class _Locked(Exception):
    pass
