"""Every setting, declared once: key, type, default, Dutch label.

Stored as JSON in the data directory through :func:`atomic_write`. Settings
never hold client data (a test scans the file); anything about a client lives in
the vault. Qt-free, so the core and tests can read them.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ondersteuner import paths
from ondersteuner.i18n import tr
from ondersteuner.vault.atomic import atomic_write


def _warn(message: str) -> None:
    import logging  # rare path; keeps logging off the start-up path

    logging.getLogger(__name__).warning(message)


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    minimum: int | None = None
    maximum: int | None = None


AUTO_LOCK_ENABLED = Setting(
    "auto_lock_enabled", bool, True, tr("Automatisch vergrendelen als ik niets doe")
)
AUTO_LOCK_MINUTES = Setting(
    "auto_lock_minutes", int, 10, tr("Vergrendelen na (minuten)"), minimum=1, maximum=240
)
FONT_POINT_SIZE = Setting(
    "font_point_size", int, 0, tr("Lettergrootte (0 = standaard)"), minimum=0, maximum=40
)
CLIENT_FILTER = Setting("client_filter", str, "actief", tr("Welke cliënten tonen"))
REMEMBER_KEY = Setting("remember_key", bool, False, tr("Wachtwoord onthouden op deze computer"))
# The adviser's own name and phone (not client data): on the summary for the client.
ADVISEUR_NAAM = Setting("adviseur_naam", str, "", tr("Uw naam"))
ADVISEUR_TELEFOON = Setting("adviseur_telefoon", str, "", tr("Uw telefoonnummer"))
ADVISEUR_EMAIL = Setting("adviseur_email", str, "", tr("Uw e-mailadres"))
ADVISEUR_ORGANISATIE = Setting("adviseur_organisatie", str, "", tr("Uw organisatie"))
# The organisation's letterhead (.docx); letters are written into it.
BRIEFPAPIER = Setting("briefpapier", str, "", tr("Briefpapier (.docx)"))
# Automatic encrypted copies of the vault on closing (in the data directory).
RESERVEKOPIE_AANTAL = Setting(
    "reservekopie_aantal", int, 5, tr("Automatische reservekopieën"), minimum=0, maximum=50
)
# How long a closed dossier is kept; after it the app offers deletion (never silently).
BEWAARTERMIJN_JAREN = Setting(
    "bewaartermijn_jaren", int, 2, tr("Bewaartermijn na afsluiten (jaren)"), minimum=1, maximum=20
)
GESPREK_CONTRAST = Setting("gesprek_contrast", bool, False, tr("Hoog contrast in gespreksmodus"))

ALL: tuple[Setting, ...] = (
    AUTO_LOCK_ENABLED,
    AUTO_LOCK_MINUTES,
    FONT_POINT_SIZE,
    CLIENT_FILTER,
    REMEMBER_KEY,
    ADVISEUR_NAAM,
    ADVISEUR_TELEFOON,
    ADVISEUR_EMAIL,
    ADVISEUR_ORGANISATIE,
    BRIEFPAPIER,
    RESERVEKOPIE_AANTAL,
    BEWAARTERMIJN_JAREN,
    GESPREK_CONTRAST,
)
_BY_KEY = {s.key: s for s in ALL}


class Settings:
    """Typed access to the settings file; invalid values fall back to defaults."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        if path is not None:
            self._load()

    @classmethod
    def in_dir(cls, data_dir: Path) -> Settings:
        return cls(data_dir / paths.SETTINGS_FILENAME)

    def get(self, setting: Setting) -> Any:
        value = self._values.get(setting.key, setting.default)
        return value if self._valid(setting, value) else setting.default

    def set(self, setting: Setting, value: Any) -> None:
        if setting.key not in _BY_KEY:
            raise KeyError(setting.key)
        if not self._valid(setting, value):
            raise ValueError(f"invalid value for {setting.key}")
        self._values[setting.key] = value
        self._save()

    @staticmethod
    def _valid(setting: Setting, value: Any) -> bool:
        if setting.type is int and isinstance(value, bool):
            return False
        if not isinstance(value, setting.type):
            return False
        if setting.minimum is not None and value < setting.minimum:
            return False
        return not (setting.maximum is not None and value > setting.maximum)

    def _load(self) -> None:
        assert self.path is not None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError:
            _warn("settings file unreadable; using defaults")
            return
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError:
            # Keep the damaged file for inspection; never silently delete it.
            aside = self.path.with_suffix(".beschadigd.json")
            try:
                os.replace(self.path, aside)
            except OSError:
                pass
            _warn("settings file damaged; moved aside, using defaults")
            return
        self._values = {k: v for k, v in data.items() if k in _BY_KEY}

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps(self._values, indent=2, sort_keys=True).encode())
        except OSError:
            _warn("settings could not be saved")
