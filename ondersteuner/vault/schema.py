"""Schema version of the vault: a cheap check at unlock, Alembic only when needed.

Importing Alembic costs ~0.6 s, so unlock first reads ``alembic_version`` with one
query and compares it with :data:`SCHEMA_REVISION`. Only an older vault loads
Alembic, after an encrypted backup copy has been written (DESIGN rule 8).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from ondersteuner.vault.errors import MigrationFailed, VaultTooNew

if TYPE_CHECKING:
    from ondersteuner.vault.vault import Vault

# Must equal the head of migrations/versions (a test checks it).
SCHEMA_REVISION = "0004"
# Every revision ever released, oldest first (a test checks it against Alembic).
RELEASED_REVISIONS = ("0001", "0002", "0003", "0004")


def migrations_dir() -> Path:
    """``migrations/`` in a source checkout; ``ondersteuner/migrations`` when installed."""
    import ondersteuner

    pkg = Path(ondersteuner.__file__).resolve().parent
    installed = pkg / "migrations"
    if (installed / "env.py").is_file():
        return installed
    return pkg.parent / "migrations"


def alembic_config(engine: Engine) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def create_schema(engine: Engine) -> None:
    """A brand-new vault: create all tables at head and stamp the revision.

    Equivalent to ``alembic upgrade head`` (a test proves models and migrations
    agree) but without loading Alembic at first start.
    """
    from ondersteuner.models import Base

    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS alembic_version ("
                "version_num VARCHAR(32) NOT NULL, "
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
            )
        )
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version VALUES (:r)"), {"r": SCHEMA_REVISION})


def needs_migration(vault: Vault) -> bool:
    rev = current_revision(vault.engine)
    if rev == SCHEMA_REVISION:
        return False
    if rev is not None and rev not in RELEASED_REVISIONS:
        raise VaultTooNew()
    return True


def migrate(vault: Vault, progress: Callable[[str], None] | None = None) -> Path | None:
    """Bring the vault to :data:`SCHEMA_REVISION`; returns the backup made first, if any."""
    if not needs_migration(vault):
        return None
    from ondersteuner.vault.backup import backup_vault

    if progress:
        progress("reservekopie")
    backup = backup_vault(vault, reason=f"voor-bijwerken-{current_revision(vault.engine)}")
    if progress:
        progress("bijwerken")
    from alembic import command

    try:
        command.upgrade(alembic_config(vault.engine), "head")  # type: ignore[arg-type]
    except Exception as exc:
        raise MigrationFailed() from exc
    return backup
