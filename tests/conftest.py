"""Shared fixtures: offscreen Qt, a fast-KDF vault in tmp_path, in-memory keyring."""

from __future__ import annotations

import os

# Before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ONDERSTEUNER_DATA_DIR", None)

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from ondersteuner.vault import Vault
from ondersteuner.vault.crypto import FAST_TEST_KDF

PASSPHRASE = "fiets regen koffie tafel"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend (keyring's own interface) that keeps secrets in memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.secrets:
            raise PasswordDeleteError("absent")
        del self.secrets[(service, username)]


@pytest.fixture(autouse=True)
def _no_real_keyring() -> Iterator[None]:
    """By default tests run as on a machine without keyring (never touch the real one)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _restore_app_font() -> Iterator[None]:
    """Font zoom changes the app-wide font; give every test the same start."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    font = QApplication.font() if app is not None else None
    yield
    if font is not None and QApplication.instance() is not None:
        QApplication.setFont(font)
        import ondersteuner.ui.app_font as app_font

        app_font._default_size = None


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    """A new, unlocked vault with the fast test-only KDF, opened as the app opens it."""
    from ondersteuner.ui.ops.startup import finish_open

    v = Vault(data_dir)
    v.create(PASSPHRASE, kdf=FAST_TEST_KDF)
    finish_open(v)
    yield v
    v.lock()
