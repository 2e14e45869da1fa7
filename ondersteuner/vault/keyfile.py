"""The key file beside the database: the vault id and the two wrapped data keys.

It holds no client data and nothing that opens the vault without a secret: only
AES-GCM ciphertexts, salts and KDF parameters (like a LUKS header). Written only
through :func:`atomic_write`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ondersteuner.vault.atomic import atomic_write
from ondersteuner.vault.crypto import WrappedKey
from ondersteuner.vault.errors import NotAVault

FORMAT = "ondersteuner-kluis"
VERSION = 1
SLOT_PASSPHRASE = "wachtwoord"
SLOT_HERSTELCODE = "herstelcode"


@dataclass
class KeyFile:
    vault_id: str
    slots: dict[str, WrappedKey]

    def context(self, slot: str) -> bytes:
        """Associated data for AES-GCM: a wrapped key is only valid in its own slot."""
        return f"{FORMAT}/{self.vault_id}/{slot}".encode()

    def save(self, path: Path) -> None:
        doc = {
            "formaat": FORMAT,
            "versie": VERSION,
            "kluis_id": self.vault_id,
            "sleutels": {name: w.to_dict() for name, w in self.slots.items()},
        }
        atomic_write(path, json.dumps(doc, indent=2).encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise NotAVault() from exc
        return cls.parse(raw)

    @classmethod
    def parse(cls, raw: bytes) -> KeyFile:
        try:
            if len(raw) > 64 * 1024:
                raise ValueError("key file too large")
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("formaat") != FORMAT or doc.get("versie") != VERSION:
                raise ValueError("not our format")
            slots = {name: WrappedKey.from_dict(w) for name, w in doc["sleutels"].items()}
            if SLOT_PASSPHRASE not in slots:
                raise ValueError("no passphrase slot")
            return cls(vault_id=str(doc["kluis_id"]), slots=slots)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise NotAVault() from exc
