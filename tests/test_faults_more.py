"""A full or read-only disk while saving a letter or importing a verslag (the client
case is in test_faults.py): the save fails with the plain Dutch DiskProblem message,
the dialog keeps everything typed or read, the vault stays sound with its earlier
data, and the same save succeeds once the fault is gone.

Four faults, each raised by SQLite itself or exactly as SQLite reports it:

- ``full``: the database may not grow (``PRAGMA max_page_count``: a real SQLITE_FULL,
  "database or disk is full", as in test_faults.py);
- ``readonly``: connections are read-only (``PRAGMA query_only``: a real
  SQLITE_READONLY, "attempt to write a readonly database");
- ``full-commit`` / ``readonly-commit``: the COMMIT itself fails with that error
  (the driver's commit replaced, as a disk that fills up between the write and the
  commit would).
"""

from __future__ import annotations

import datetime as dt
import errno
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from ondersteuner import letters
from ondersteuner.compare.importeren import geplakt, lees_bestand
from ondersteuner.ui.ops import brieven, verslagen
from ondersteuner.vault import DiskProblem, Vault
from tests.test_brieven import _melding_met_gemeente
from tests.test_letters import minimaal

FAULTS = ["full", "readonly", "full-commit", "readonly-commit"]
MESSAGE = DiskProblem.default_message
LONG = "De consulent zei dat mijn hulpvraag niet belangrijk was. " * 1500  # ~85 kB


def _cap_connections(vault: Vault, pragma: str) -> Callable[[], None]:
    """Every new connection of the vault gets ``pragma``; returns the undo."""

    def on_connect(dbapi_conn, _rec) -> None:
        dbapi_conn.execute(pragma)

    event.listen(vault.engine, "connect", on_connect)
    vault.engine.dispose()

    def undo() -> None:
        event.remove(vault.engine, "connect", on_connect)
        vault.engine.dispose()

    return undo


def _fail_commit(vault: Vault, message: str) -> Callable[[], None]:
    """COMMIT raises the driver's own error with SQLite's message; returns the undo."""
    import sqlcipher3

    dialect = vault.engine.dialect

    def do_commit(_dbapi_conn) -> None:
        raise sqlcipher3.dbapi2.OperationalError(message)

    dialect.do_commit = do_commit  # type: ignore[method-assign]
    return lambda: delattr(dialect, "do_commit")  # back to the class's method


@pytest.fixture
def fault(vault: Vault) -> Iterator[Callable[[str], Callable[[], None]]]:
    undos: list[Callable[[], None]] = []

    def start(kind: str) -> Callable[[], None]:
        if kind == "full":
            with vault.engine.connect() as conn:
                pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            undo = _cap_connections(vault, f"PRAGMA max_page_count = {pages}")
        elif kind == "readonly":
            undo = _cap_connections(vault, "PRAGMA query_only = ON")
        elif kind == "full-commit":
            undo = _fail_commit(vault, "database or disk is full")
        elif kind == "readonly-commit":
            undo = _fail_commit(vault, "attempt to write a readonly database")
        else:
            raise ValueError(kind)
        done = {"undone": False}

        def stop() -> None:
            if not done["undone"]:
                done["undone"] = True
                undo()

        undos.append(stop)
        return stop

    yield start
    for stop in undos:
        stop()


def _integrity(vault: Vault) -> list[str]:
    with vault.engine.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]


def _docx(paragraphs: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@contextmanager
def _brief_dialog(qtbot, vault: Vault, data_dir: Path, mid: int) -> Iterator:
    """A letter dialog that closes without asking at the end of the test, passed or
    failed (closing one with unsaved changes asks first, in a modal box that would
    block the test run)."""
    from ondersteuner.ui.brief import BriefDialog

    d = BriefDialog(None, _ctx(vault, data_dir), mid, "klacht")
    qtbot.addWidget(d)
    d.show()
    try:
        yield d
    finally:
        d.initial = d.gegevens()


def _ctx(vault: Vault, data_dir: Path):
    from ondersteuner.settings import Settings
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner

    return AppContext(vault, Settings.in_dir(data_dir), data_dir, ChangeBus(), Runner())


# ------------------------------------------------------------------ operations
@pytest.mark.parametrize("kind", FAULTS)
def test_archiving_a_letter(vault: Vault, fault, kind: str):
    mid = _melding_met_gemeente(vault)
    eerder = minimaal("klacht", gedraging="Eerdere brief, blijft staan.")
    eerste = brieven.bewaar_brief(
        vault, mid, "klacht", eerder, letters.maak_docx("klacht", eerder), "eerder.docx"
    )
    gegevens = minimaal("klacht", gedraging=LONG)
    inhoud = letters.maak_docx("klacht", gegevens)

    stop = fault(kind)
    with pytest.raises(DiskProblem) as err:
        brieven.bewaar_brief(vault, mid, "klacht", gegevens, inhoud, "klacht.docx")
    assert str(err.value) == MESSAGE
    stop()

    assert _integrity(vault) == ["ok"]
    assert [b.id for b in brieven.list_brieven(vault, mid)] == [eerste]  # nothing half
    assert brieven.gegevens_van_brief(vault, eerste)["gedraging"] == "Eerdere brief, blijft staan."
    nieuw = brieven.bewaar_brief(vault, mid, "klacht", gegevens, inhoud, "klacht.docx")
    assert brieven.brief_bestand(vault, nieuw) == ("klacht.docx", inhoud)
    assert brieven.gegevens_van_brief(vault, nieuw)["gedraging"] == LONG
    assert len(brieven.list_brieven(vault, mid)) == 2


@pytest.mark.parametrize("kind", FAULTS)
def test_importing_a_verslag(vault: Vault, fault, kind: str, tmp_path: Path):
    mid = _melding_met_gemeente(vault)
    eerste = verslagen.bewaar_verslag(vault, mid, geplakt("Het eerste verslag, blijft staan."))
    path = tmp_path / "verslag.docx"
    path.write_bytes(_docx(["Verslag van het gesprek", LONG]))
    ingelezen = lees_bestand(path)

    stop = fault(kind)
    with pytest.raises(DiskProblem) as err:
        verslagen.bewaar_verslag(vault, mid, ingelezen, dagtekening=dt.date(2026, 1, 5))
    assert str(err.value) == MESSAGE
    stop()

    assert _integrity(vault) == ["ok"]
    [v] = verslagen.list_verslagen(vault, mid)
    assert v.id == eerste and v.tekst == "Het eerste verslag, blijft staan."
    nieuw = verslagen.bewaar_verslag(vault, mid, ingelezen, dagtekening=dt.date(2026, 1, 5))
    assert verslagen.origineel(vault, nieuw) == ("verslag.docx", path.read_bytes())
    assert LONG.strip() in verslagen.get_verslag(vault, nieuw).tekst


# ------------------------------------------------------------------ dialogs
@pytest.mark.gui
@pytest.mark.parametrize("kind", FAULTS)
def test_letter_dialog_keeps_the_letter(qtbot, vault: Vault, data_dir: Path, fault, kind: str):
    mid = _melding_met_gemeente(vault)
    with _brief_dialog(qtbot, vault, data_dir, mid) as d:
        d.fields["gedraging_datum"].setText("05-01-2026")
        d.fields["gedraging"].setPlainText(LONG)
        d.fields["medewerker"].setText("de consulent van het wijkteam")
        typed = d.gegevens()

        stop = fault(kind)
        assert d.save_concept() is False
        assert d.error.isVisible() and d.error.text() == MESSAGE
        assert d.gegevens() == typed  # every field still filled in
        assert d.fields["gedraging"].toPlainText() == LONG
        assert d.isVisible() and d.brief_id is None and d.has_changes()
        stop()

        assert _integrity(vault) == ["ok"] and brieven.list_brieven(vault, mid) == []
        assert d.save_concept() is True
        [row] = brieven.list_brieven(vault, mid)
        assert brieven.gegevens_van_brief(vault, row.id)["gedraging"] == LONG.strip()
        assert not d.has_changes()


@pytest.mark.gui
@pytest.mark.parametrize("kind", ["full-commit", "readonly"])
def test_letter_export_with_the_vault_full(
    qtbot, vault: Vault, data_dir: Path, tmp_path: Path, fault, kind: str, monkeypatch
):
    """The Word file is written where the adviser chose; keeping its copy in the vault
    fails: that is said, the dialog stays as it was, and a second try archives it."""
    from PySide6.QtWidgets import QFileDialog

    mid = _melding_met_gemeente(vault)
    out = tmp_path / "klacht.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with _brief_dialog(qtbot, vault, data_dir, mid) as d:
        d.fields["gedraging_datum"].setText("05-01-2026")
        d.fields["gedraging"].setPlainText("Ik werd niet teruggebeld.")
        d.refresh()
        assert d.export_btn.isEnabled(), d.checks.text()

        stop = fault(kind)
        assert d.export_docx() is None
        assert d.error.isVisible() and d.error.text() == MESSAGE
        assert d.fields["gedraging"].toPlainText() == "Ik werd niet teruggebeld."
        stop()

        assert _integrity(vault) == ["ok"] and brieven.list_brieven(vault, mid) == []
        assert d.export_docx() == out
        [row] = brieven.list_brieven(vault, mid)
        assert brieven.brief_bestand(vault, row.id)[1] == out.read_bytes()


@pytest.mark.gui
@pytest.mark.parametrize(
    ("err", "words"),
    [(errno.ENOSPC, "De schijf is vol"), (errno.EROFS, "U mag op die plek niet opslaan")],
)
def test_letter_export_to_a_full_or_read_only_folder(
    qtbot, vault: Vault, data_dir: Path, tmp_path: Path, monkeypatch, err, words
):
    """The chosen folder cannot take the file (read-only: the file cannot be made;
    full: the bytes do not fit): said in Dutch, no temp file left, the old file there
    untouched, nothing archived as if it were exported."""
    import os
    import tempfile

    from PySide6.QtWidgets import QFileDialog

    mid = _melding_met_gemeente(vault)
    folder = tmp_path / "brieven"
    folder.mkdir()
    out = folder / "klacht.docx"
    out.write_bytes(b"de vorige versie")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with _brief_dialog(qtbot, vault, data_dir, mid) as d:
        d.fields["gedraging_datum"].setText("05-01-2026")
        d.fields["gedraging"].setPlainText("Ik werd niet teruggebeld.")
        d.refresh()

        def refuse(*_a, **_k):
            raise OSError(err, os.strerror(err))

        if err == errno.EROFS:
            real = tempfile.mkstemp
            monkeypatch.setattr(
                tempfile,
                "mkstemp",
                lambda *a, **k: refuse() if k.get("dir") == folder else real(*a, **k),
            )
        else:
            monkeypatch.setattr(os, "fsync", refuse)
        assert d.export_docx() is None
        monkeypatch.undo()
        assert d.error.isVisible() and d.error.text().startswith(words)
        assert d.fields["gedraging"].toPlainText() == "Ik werd niet teruggebeld."
        assert [p.name for p in folder.iterdir()] == ["klacht.docx"]
        assert out.read_bytes() == b"de vorige versie"
        assert brieven.list_brieven(vault, mid) == []


@pytest.mark.gui
@pytest.mark.parametrize("kind", FAULTS)
def test_import_dialog_keeps_the_verslag(
    qtbot, vault: Vault, data_dir: Path, tmp_path: Path, fault, kind: str
):
    from PySide6.QtWidgets import QDialog

    from ondersteuner.ui.verslag import ImportDialog

    mid = _melding_met_gemeente(vault)
    eerste = verslagen.bewaar_verslag(vault, mid, geplakt("Het eerste verslag."))
    path = tmp_path / "verslag-gemeente.docx"
    path.write_bytes(_docx(["Verslag van het gesprek", LONG]))
    d = ImportDialog(None, _ctx(vault, data_dir), mid)
    qtbot.addWidget(d)
    d.show()
    d.load(path)
    d.fields["dagtekening"].setText("05-01-2026")
    tekst = d.fields["tekst"].toPlainText()
    assert LONG.strip() in tekst

    stop = fault(kind)
    d.accept()
    assert d.isVisible() and d.result() != QDialog.DialogCode.Accepted
    assert d.error.isVisible() and d.error.text() == MESSAGE
    assert d.fields["tekst"].toPlainText() == tekst
    assert d.fields["dagtekening"].value() == dt.date(2026, 1, 5)
    assert d.file_label.text() == "verslag-gemeente.docx" and d.verslag_id is None
    stop()

    assert _integrity(vault) == ["ok"]
    assert [v.id for v in verslagen.list_verslagen(vault, mid)] == [eerste]
    d.accept()
    assert d.result() == QDialog.DialogCode.Accepted and d.verslag_id is not None
    assert [v.id for v in verslagen.list_verslagen(vault, mid)] == [eerste, d.verslag_id]
    # The file itself went into the vault, not only its text.
    assert verslagen.origineel(vault, d.verslag_id) == (path.name, path.read_bytes())
