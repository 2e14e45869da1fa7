"""Schema under Alembic: empty → head, round trip, models == migrations, released fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from ondersteuner.models import Base
from ondersteuner.ui.ops import clients, meldingen
from ondersteuner.ui.ops.startup import finish_open
from ondersteuner.vault import Vault, VaultTooNew
from ondersteuner.vault.crypto import new_data_key
from ondersteuner.vault.schema import (
    RELEASED_REVISIONS,
    SCHEMA_REVISION,
    alembic_config,
    current_revision,
    migrations_dir,
)

FIXTURES = Path(__file__).parent / "fixtures" / "vaults"
FIXTURE_PASSPHRASE = "fixture kluis wachtwoord"


def _empty_encrypted_vault(tmp_path: Path) -> Vault:
    """A keyed SQLCipher database with no schema at all."""
    v = Vault(tmp_path)
    v._open(new_data_key())
    return v


def _diff(vault: Vault) -> list:
    with vault.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, Base.metadata)


def test_schema_revision_is_the_alembic_head():
    script = ScriptDirectory(str(migrations_dir()))
    assert script.get_current_head() == SCHEMA_REVISION
    history = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(history) == RELEASED_REVISIONS


def test_upgrade_empty_to_head_matches_models(tmp_path: Path):
    v = _empty_encrypted_vault(tmp_path)
    command.upgrade(alembic_config(v.engine), "head")
    assert current_revision(v.engine) == SCHEMA_REVISION
    assert _diff(v) == []
    v.lock()


def test_new_vault_schema_matches_models_and_migrations(vault: Vault):
    # Vault.create builds the schema from the models (fast path); it must be the
    # same schema the migrations produce.
    assert current_revision(vault.engine) == SCHEMA_REVISION
    assert _diff(vault) == []


def test_downgrade_upgrade_round_trip(tmp_path: Path):
    v = _empty_encrypted_vault(tmp_path)
    cfg = alembic_config(v.engine)
    command.upgrade(cfg, "head")
    command.downgrade(cfg, "base")
    tables = set(inspect(v.engine).get_table_names()) - {"alembic_version"}
    assert tables == set()
    command.upgrade(cfg, "head")
    assert set(inspect(v.engine).get_table_names()) >= set(Base.metadata.tables)
    assert _diff(v) == []
    v.lock()


@pytest.mark.parametrize("revision", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_every_released_fixture_vault_opens_and_migrates(tmp_path: Path, revision: str):
    assert revision in RELEASED_REVISIONS
    work = tmp_path / revision
    shutil.copytree(FIXTURES / revision, work)
    v = Vault(work)
    v.unlock(FIXTURE_PASSPHRASE)
    finish_open(v)
    assert current_revision(v.engine) == SCHEMA_REVISION
    rows = clients.list_clients(v)
    assert [r.naam for r in rows] == ["Fixture Persoon"]
    data = clients.get_client(v, rows[0].id)
    assert [c.naam for c in data.contactpersonen] == ["Fixture Naaste"]
    if revision >= "0004":  # fixtures from 0004 on hold a verslag with a verdict
        from ondersteuner.ui.ops import verslagen

        [mid] = [m.id for m in meldingen.list_meldingen(v, rows[0].id)]
        [verslag] = verslagen.list_verslagen(v, mid)
        [punt] = verslagen.vergelijk_verslag(v, verslag.id).vergelijking.punten
        assert (punt.status, punt.passage) == (
            "gevonden",
            "De buurvrouw haalt de inkopen voor mevrouw.",
        )
        assert [p.correctie for p in verslagen.reactiepunten(v, mid)] == ["Fixture correctie."]
        with v.session() as s:
            assert s.scalar(text("SELECT tekst FROM besproken_passage")) == (
                "Fixture zin die toch besproken is."
            )
    assert v.check_integrity()
    v.lock()
    herstel = (work / "HERSTELCODE.txt").read_text().strip()
    v2 = Vault(work)
    v2.unlock_with_herstelcode(herstel, "een nieuw lang wachtwoord")
    v2.lock()


def test_vault_from_a_newer_version_is_refused_untouched(vault: Vault, data_dir: Path):
    with vault.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    vault.lock()
    v = Vault(data_dir)
    v.unlock("fiets regen koffie tafel")
    with pytest.raises(VaultTooNew):
        finish_open(v)
    assert not v.is_unlocked
    # No backup made, nothing migrated.
    assert not (data_dir / "reservekopieen").exists()


def test_backup_copy_is_encrypted_and_opens_with_same_passphrase(vault: Vault, tmp_path: Path):
    from ondersteuner.vault.backup import backup_vault
    from tests.factories import make_client

    make_client(vault, "Reserve Kopie-Persoon")
    db_copy = backup_vault(vault, reason="test")
    assert b"Reserve Kopie" not in db_copy.read_bytes()
    restored = tmp_path / "terug"
    restored.mkdir()
    shutil.copy(db_copy, restored / "kluis.db")
    shutil.copy(db_copy.with_suffix(".sleutels"), restored / "kluis.sleutels")
    v = Vault(restored)
    v.unlock("fiets regen koffie tafel")
    assert [r.naam for r in clients.list_clients(v)] == ["Reserve Kopie-Persoon"]
    v.lock()
