"""Key material of the vault: data key, key wrapping, herstelcode, passphrase rule.

Design (issue 2): a random 256-bit *data key* opens SQLCipher as a raw key. It is
stored only *wrapped* (AES-256-GCM) in the key file, twice: once under a key
derived from the passphrase, once under a key derived from the herstelcode, both
with Argon2id. Changing the passphrase rewraps; the database is never re-keyed.
Deriving once and opening SQLCipher with ``x'…'`` avoids SQLCipher's own ~250 ms
PBKDF2 on every new connection.
"""

from __future__ import annotations

import base64
import os
from dataclasses import asdict, dataclass

from ondersteuner.vault.strength import (  # noqa: F401 - re-exported
    MIN_PASSPHRASE_LEN,
    PASSPHRASE_RULE,
    check_passphrase,
)

DATA_KEY_BYTES = 32

# Crockford's base32 alphabet: no I, L, O, U, so a code read aloud or copied by
# hand survives (O→0 and I/L→1 are mapped when normalising).
_HERSTEL_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
HERSTEL_GROUPS = 5
HERSTEL_GROUP_LEN = 5  # 25 symbols × 5 bits = 125 bits of entropy


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters; stored beside each wrapped key so they can grow later."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> KdfParams:
        return cls(
            memory_kib=int(data["memory_kib"]),  # type: ignore[call-overload]
            iterations=int(data["iterations"]),  # type: ignore[call-overload]
            lanes=int(data["lanes"]),  # type: ignore[call-overload]
        )


# The real default (≈0.2 s, 64 MiB here). Tests pass FAST_TEST_KDF explicitly;
# this constant is never lowered for them.
DEFAULT_KDF = KdfParams()
FAST_TEST_KDF = KdfParams(memory_kib=8, iterations=1, lanes=1)


def new_data_key() -> bytes:
    import secrets  # loads OpenSSL's hmac; not needed to paint the unlock screen

    return secrets.token_bytes(DATA_KEY_BYTES)


def derive_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    # Imported here: the first screen must not wait for the crypto library.
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret.encode("utf-8"))


@dataclass(frozen=True)
class WrappedKey:
    """The data key encrypted under a secret-derived key."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    kdf: KdfParams

    def to_dict(self) -> dict[str, object]:
        return {
            "kdf": "argon2id",
            "params": self.kdf.to_dict(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> WrappedKey:
        if data.get("kdf") != "argon2id":
            raise ValueError("unknown kdf")
        return cls(
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            ciphertext=_unb64(data["ciphertext"]),
            kdf=KdfParams.from_dict(data["params"]),  # type: ignore[arg-type]
        )


def wrap(data_key: bytes, secret: str, *, context: bytes, params: KdfParams) -> WrappedKey:
    """Encrypt ``data_key`` under ``secret``; ``context`` binds it to one vault and slot."""
    import secrets

    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = derive_key(secret, salt, params)
    ciphertext = AESGCM(kek).encrypt(nonce, data_key, context)
    return WrappedKey(salt=salt, nonce=nonce, ciphertext=ciphertext, kdf=params)


def unwrap(wrapped: WrappedKey, secret: str, *, context: bytes) -> bytes | None:
    """Return the data key, or ``None`` when ``secret`` is wrong (the tag fails)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = derive_key(secret, wrapped.salt, wrapped.kdf)
    try:
        return AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, context)
    except InvalidTag:
        return None


def new_herstelcode() -> str:
    import secrets

    symbols = "".join(
        secrets.choice(_HERSTEL_ALPHABET) for _ in range(HERSTEL_GROUPS * HERSTEL_GROUP_LEN)
    )
    return format_herstelcode(symbols)


def format_herstelcode(symbols: str) -> str:
    n = HERSTEL_GROUP_LEN
    return "-".join(symbols[i : i + n] for i in range(0, len(symbols), n))


def normalise_herstelcode(code: str) -> str:
    """Canonical form of a typed code: case, spaces, dashes and look-alikes don't matter."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return format_herstelcode(cleaned)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(value.encode("ascii"), validate=True)


def random_id() -> str:
    return os.urandom(8).hex()
