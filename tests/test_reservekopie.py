"""Reservekopieën: backup → restore gives identical data; a changed, cut-short or
foreign file is refused and changes nothing; an older copy is brought up to date;
the rolling copies keep the newest N."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from ondersteuner.ui.ops.startup import finish_open
from ondersteuner.vault import Vault
from ondersteuner.vault.crypto import FAST_TEST_KDF
from ondersteuner.vault.errors import WrongHerstelcode, WrongPassphrase
from ondersteuner.vault.reservekopie import (
    KopieFout,
    automatische_kopie,
    automatische_kopieen,
    herstel_reservekopie,
    lees_info,
    maak_reservekopie,
)
from ondersteuner.vault.schema import SCHEMA_REVISION, current_revision
from tests.conftest import PASSPHRASE
from tests.factories import make_client, make_melding

FIXTURES = Path(__file__).parent / "fixtures" / "vaults"


def dump(vault: Vault) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    out = {}
    with vault.engine.connect() as conn:
        for table in sorted(inspect(conn).get_table_names()):
            rows = conn.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')).all()
            out[table] = [tuple(r) for r in rows]
    return out


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Vault, str]:
    vault = Vault(tmp_path / "kluis")
    herstelcode = vault.create(PASSPHRASE, kdf=FAST_TEST_KDF)
    finish_open(vault)
    from ondersteuner.compare.importeren import geplakt
    from ondersteuner.ui.ops import verslagen

    cid = make_client(vault, "Reserve Kopie-Verzonnen")
    mid = make_melding(vault, cid)
    verslagen.bewaar_verslag(vault, mid, geplakt("Er is 2 uur hulp per week besproken."))
    yield vault, herstelcode
    vault.lock()


def test_round_trip_gives_identical_data(filled, tmp_path: Path):
    vault, herstelcode = filled
    before = dump(vault)
    steps: list[tuple[int, int]] = []
    copy = maak_reservekopie(
        vault, tmp_path / "stick" / "kopie.okopie", lambda d, t: steps.append((d, t))
    )
    assert steps and steps[-1][0] == steps[-1][1]  # progress up to the end
    info = lees_info(copy)
    assert info.schema == SCHEMA_REVISION and info.grootte == copy.stat().st_size
    assert b"Reserve Kopie" not in copy.read_bytes()  # encrypted, names and all

    target = tmp_path / "nieuw"
    assert herstel_reservekopie(copy, PASSPHRASE, target) is None  # nothing to move aside
    restored = Vault(target)
    restored.unlock(PASSPHRASE)
    finish_open(restored)
    after = dump(restored)
    # Identical, plus one line in the audit log that says it was restored.
    [extra] = [r for r in after["auditregel"] if r not in before["auditregel"]]
    assert extra[2] == "reservekopie_teruggezet"
    assert {k: v for k, v in after.items() if k != "auditregel"} == {
        k: v for k, v in before.items() if k != "auditregel"
    }
    assert restored.check_integrity()
    restored.lock()

    # The herstelcode of that moment opens it too.
    other = tmp_path / "met-code"
    herstel_reservekopie(copy, herstelcode, other, herstelcode=True)
    v = Vault(other)
    v.unlock(PASSPHRASE)
    assert dump(v)["client"] == before["client"]
    v.lock()


def test_restore_over_a_vault_keeps_a_safety_copy(filled, tmp_path: Path):
    vault, _code = filled
    copy = maak_reservekopie(vault, tmp_path / "kopie.okopie")
    make_client(vault, "Later Toegevoegd")  # after the copy
    data_dir = vault.data_dir
    vault.lock()
    old = files(data_dir)
    veilig = herstel_reservekopie(copy, PASSPHRASE, data_dir)
    assert veilig is not None and veilig.is_dir()
    # The vault as it was before restoring is kept whole, file by file.
    assert files(veilig)["kluis.db"] == old["kluis.db"]
    assert files(veilig)["kluis.sleutels"] == old["kluis.sleutels"]
    restored = Vault(data_dir)
    restored.unlock(PASSPHRASE)
    with restored.engine.connect() as conn:
        names = conn.execute(text("SELECT naam FROM client")).scalars().all()
    assert "Reserve Kopie-Verzonnen" in names and "Later Toegevoegd" not in names
    restored.lock()


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("magic", "geen bruikbare reservekopie"),
        ("header", "geen bruikbare reservekopie"),
        ("keyfile", "beschadigd of veranderd"),
        ("database", "beschadigd of veranderd"),
        ("tag", "beschadigd of veranderd"),
        ("truncated", "niet compleet"),
        ("appended", "geen bruikbare reservekopie"),
    ],
)
def test_changed_or_cut_short_copy_is_refused_and_changes_nothing(
    filled, tmp_path: Path, where: str, message: str
):
    vault, _code = filled
    copy = maak_reservekopie(vault, tmp_path / "kopie.okopie")
    data = bytearray(copy.read_bytes())
    header_end = data.index(b"}") + 1
    spots = {
        "magic": 2,
        "header": header_end - 5,
        "keyfile": header_end + 40,
        "database": len(data) // 2,
        "tag": len(data) - 3,
    }
    if where == "truncated":
        data = data[: len(data) - 5000]
    elif where == "appended":
        data += b"extra"
    else:
        data[spots[where]] ^= 0x01
    bad = tmp_path / "slecht.okopie"
    bad.write_bytes(bytes(data))
    data_dir = vault.data_dir
    vault.lock()
    before = files(data_dir)
    with pytest.raises((KopieFout, WrongPassphrase)) as exc:
        herstel_reservekopie(bad, PASSPHRASE, data_dir)
    if where != "keyfile" or isinstance(exc.value, KopieFout):
        assert message in str(exc.value)
    assert files(data_dir) == before  # no temp file left, nothing moved or replaced


def test_wrong_secret_changes_nothing(filled, tmp_path: Path):
    vault, _code = filled
    copy = maak_reservekopie(vault, tmp_path / "kopie.okopie")
    data_dir = vault.data_dir
    vault.lock()
    before = files(data_dir)
    with pytest.raises(WrongPassphrase):
        herstel_reservekopie(copy, "niet het wachtwoord", data_dir)
    with pytest.raises(WrongHerstelcode):
        herstel_reservekopie(copy, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", data_dir, herstelcode=True)
    with pytest.raises(KopieFout):
        herstel_reservekopie(tmp_path / "bestaat-niet.okopie", PASSPHRASE, data_dir)
    assert files(data_dir) == before


def test_a_copy_of_an_older_version_is_brought_up_to_date(tmp_path: Path):
    work = tmp_path / "oud"
    shutil.copytree(FIXTURES / "0001", work)
    old = Vault(work)
    old.unlock("fixture kluis wachtwoord")  # opened as is: still schema 0001
    assert current_revision(old.engine) == "0001"
    copy = maak_reservekopie(old, tmp_path / "oud.okopie")
    old.lock()
    assert lees_info(copy).schema == "0001"
    target = tmp_path / "nieuw"
    herstel_reservekopie(copy, "fixture kluis wachtwoord", target)
    v = Vault(target)
    v.unlock("fixture kluis wachtwoord")
    finish_open(v)  # what unlocking in the app does: migrate (after its own backup)
    assert current_revision(v.engine) == SCHEMA_REVISION
    with v.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM client")).scalar() >= 1
    v.lock()


def test_rolling_copies_keep_the_newest(filled):
    vault, _code = filled
    assert automatische_kopie(vault, 0) is None
    made = [automatische_kopie(vault, 3) for _ in range(5)]
    kept = automatische_kopieen(vault.data_dir)
    assert kept == sorted(made[-3:], reverse=True)
    assert all(lees_info(p).gemaakt.date() == dt.date.today() for p in kept)


# --------------------------------------------------------------------------- in the app
@pytest.mark.gui
def test_corrupt_vault_offers_the_newest_copy_and_opens_again(qtbot, tmp_path: Path):
    from PySide6.QtWidgets import QMessageBox

    from ondersteuner.settings import Settings
    from ondersteuner.ui.controller import AppController
    from ondersteuner.ui.reservekopie import TerugzettenDialog
    from ondersteuner.ui.unlock import UnlockDialog
    from tests.uihelpers import with_modal

    data_dir = tmp_path / "kluis"
    vault = Vault(data_dir)
    vault.create(PASSPHRASE, kdf=FAST_TEST_KDF)
    finish_open(vault)
    make_client(vault, "Bewaarde Cliënt-Verzonnen")
    # Closing the app makes the rolling copy (setting: keep 5).
    controller = AppController(data_dir, Settings(None))
    controller.vault = vault
    controller.shutdown()
    assert not vault.is_unlocked and len(automatische_kopieen(data_dir)) == 1

    # The disk damages the vault.
    db = data_dir / "kluis.db"
    db.write_bytes(db.read_bytes()[:4096] + b"\0" * 8192)
    fresh = Vault(data_dir)
    unlock = UnlockDialog(fresh, controller.runner)
    qtbot.addWidget(unlock)
    unlock.show()
    unlock.passphrase.setText(PASSPHRASE)
    unlock.try_open()
    qtbot.waitUntil(lambda: unlock.error.isVisible(), timeout=10000)
    assert "reservekopie" in unlock.error.text()

    def restore(d: TerugzettenDialog) -> None:
        assert d.choice.value()  # the newest automatic copy is ready
        d.secret.setText(PASSPHRASE)
        with_modal(
            QMessageBox,
            lambda box: next(b for b in box.buttons() if b.text() == "Terugzetten").click(),
        )
        d.try_restore()
        qtbot.waitUntil(lambda: not d.isVisible() or d.error.isVisible(), timeout=10000)
        assert not d.error.isVisible(), d.error.text()

    with_modal(TerugzettenDialog, restore, closes=False)
    unlock.restore_backup()
    assert "teruggezet" in unlock.reason_label.text()
    unlock.passphrase.setText(PASSPHRASE)
    unlock.try_open()
    qtbot.waitUntil(lambda: fresh.is_unlocked, timeout=10000)
    with fresh.engine.connect() as conn:
        assert conn.execute(text("SELECT naam FROM client")).scalars().all() == [
            "Bewaarde Cliënt-Verzonnen"
        ]
    fresh.lock()
    controller.runner.wait()
    # The damaged vault was kept aside, not deleted.
    assert any(p.name == "kluis.db" for p in (data_dir / "reservekopieen").rglob("*"))


@pytest.mark.gui
def test_make_a_copy_from_the_menu(qtbot, vault: Vault, data_dir: Path, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from tests.uihelpers import close_main_window, main_window, with_modal

    win = main_window(qtbot, vault, data_dir)
    target = tmp_path / "stick" / "mijn-kopie"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with_modal(QMessageBox, lambda box: box.accept())
    win.acts["backup"].action.trigger()
    made = target.with_name("mijn-kopie.okopie")
    assert lees_info(made).schema == SCHEMA_REVISION
    with vault.engine.connect() as conn:
        acties = conn.execute(text("SELECT actie FROM auditregel")).scalars().all()
    assert "reservekopie_gemaakt" in acties
    close_main_window(win)


def test_fuzzed_copies_are_refused_cleanly(filled, tmp_path: Path):
    """Random damage of every kind ends in a clear refusal and changes nothing
    (bench/fuzz.py runs the same with 1,000 inputs)."""
    import random

    vault, _code = filled
    good = maak_reservekopie(vault, tmp_path / "goed.okopie").read_bytes()
    data_dir = vault.data_dir
    vault.lock()
    before = files(data_dir)
    rng = random.Random(20261123)
    bad = tmp_path / "kapot.okopie"
    for i in range(60):
        data = bytearray(good)
        kind = i % 4
        if kind == 0:  # flipped bits anywhere
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif kind == 1:  # cut short
            data = data[: rng.randrange(len(data))]
        elif kind == 2:  # random bytes after a real start
            keep = rng.randrange(64)
            data = data[:keep] + bytearray(rng.randbytes(rng.randrange(1, 5000)))
        else:  # a chunk moved elsewhere
            a, b = sorted(rng.sample(range(len(data)), 2))
            data = data[:a] + data[b:] + data[a:b]
        bad.write_bytes(bytes(data))
        with pytest.raises((KopieFout, WrongPassphrase)):
            herstel_reservekopie(bad, PASSPHRASE, data_dir)
        if kind in (1, 2):  # the header alone already shows it
            with pytest.raises(KopieFout):
                lees_info(bad)
    assert files(data_dir) == before


def test_leftovers_of_a_cut_short_backup_are_removed_on_opening(filled):
    from ondersteuner.vault.backup import backup_vault

    vault, _code = filled
    folder = vault.data_dir / "reservekopieen"
    folder.mkdir(exist_ok=True)
    stale = [
        folder / ".backup.abc.tmp",
        folder / ".kopie.x.tmp",
        vault.data_dir / ".herstel-db.y.tmp",
    ]
    stale.append(folder / ".auto-20261123.okopie.q1w2.tmp")
    for p in stale:
        p.write_bytes(b"half a copy")
    keep = [backup_vault(vault, reason="test"), backup_vault(vault, reason="test")]
    assert keep[0] != keep[1]  # two in the same second both stay
    finish_open(vault)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in keep)


def test_comparison_report_with_control_characters():
    import io

    import docx

    from ondersteuner.compare import vergelijk
    from ondersteuner.documenten.vergelijking import rapport_docx

    v = vergelijk(["HH 3 uur\\x0b p/w"], "Er is\\x0c 2 uur hulp per week besproken.")
    data = rapport_docx(v, dossiernummer=7, verslag_datum=None)
    assert "HH 3 uur" in "\\n".join(c.text for t in docx.Document(io.BytesIO(data)).tables
                                  for r in t.rows for c in r.cells)  # fmt: skip
