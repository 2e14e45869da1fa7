"""Where the vault and settings live on disk.

Order of precedence: ``--data-dir DIR``, then ``ONDERSTEUNER_DATA_DIR``, then the
platform's user data directory (``platformdirs``).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "ONDERSTEUNER_DATA_DIR"
VAULT_FILENAME = "kluis.db"
KEYFILE_FILENAME = "kluis.sleutels"
SETTINGS_FILENAME = "instellingen.json"
BACKUP_DIRNAME = "reservekopieen"
LOCK_FILENAME = "kluis.lock"


def data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the data directory (not created here)."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir("ondersteuner", appauthor=False, roaming=True))
