"""The bewaartermijn lists closed dossiers past it and deletes only what the adviser
chooses; the logboek shows sensitive actions without client data."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from ondersteuner.models import Client
from ondersteuner.settings import BEWAARTERMIJN_JAREN
from ondersteuner.ui.ops import clients
from ondersteuner.vault import Vault
from tests.factories import make_client


def _closed(vault: Vault, naam: str, op: dt.date) -> int:
    cid = make_client(vault, naam)
    clients.set_client_closed(vault, cid, True)
    with vault.session() as s:
        s.get_one(Client, cid).afgesloten_op = op
        s.commit()
    return cid


def test_past_the_bewaartermijn(vault: Vault):
    today = dt.date(2026, 11, 23)
    old = _closed(vault, "Lang Geleden-Verzonnen", dt.date(2023, 5, 1))
    leap = _closed(vault, "Schrikkel Dag-Verzonnen", dt.date(2024, 2, 29))
    recent = _closed(vault, "Net Gesloten-Verzonnen", dt.date(2025, 6, 1))
    make_client(vault, "Nog Actief-Verzonnen")
    rows = clients.bewaartermijn_verlopen(vault, 2, today)
    assert [r.id for r in rows] == [old, leap]
    assert rows[1].verlopen_op == dt.date(2026, 2, 28)
    assert [r.id for r in clients.bewaartermijn_verlopen(vault, 1, today)] == [old, leap, recent]
    clients.delete_clients(vault, [old])
    assert [r.id for r in clients.bewaartermijn_verlopen(vault, 2, today)] == [leap]
    with vault.engine.connect() as conn:
        log = conn.execute(text("SELECT omschrijving FROM auditregel")).scalars().all()
    assert any("bewaartermijn" in regel for regel in log)
    assert not any("Lang Geleden" in regel for regel in log)


@pytest.mark.gui
def test_bewaartermijn_and_logboek_dialogs(qtbot, vault: Vault, data_dir):
    from ondersteuner.settings import Settings
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner
    from ondersteuner.ui.dialogs.bewaren import BewaartermijnDialog, LogboekDialog
    from tests.uihelpers import focusable_without_name, with_modal

    settings = Settings.in_dir(data_dir)
    settings.set(BEWAARTERMIJN_JAREN, 1)
    ctx = AppContext(vault, settings, data_dir, ChangeBus(), Runner())
    gone = _closed(vault, "Weg Ermee-Verzonnen", dt.date.today() - dt.timedelta(days=800))
    stays = _closed(vault, "Mag Blijven-Verzonnen", dt.date.today() - dt.timedelta(days=900))
    d = BewaartermijnDialog(None, ctx)
    qtbot.addWidget(d)
    assert focusable_without_name(d) == []
    assert d.table.rowCount() == 2
    d.delete_selected()  # nothing selected: says so, deletes nothing
    assert not d.error.isHidden() and d.table.rowCount() == 2
    row = next(i for i, r in enumerate(d.rows) if r.id == gone)
    d.table.selectRow(row)
    with_modal(
        QMessageBox,
        lambda box: next(b for b in box.buttons() if b.text() == "Verwijderen").click(),
    )
    d.delete_selected()
    assert [r.id for r in d.rows] == [stays]

    log = LogboekDialog(None, ctx)
    qtbot.addWidget(log)
    texts = [log.table.item(r, 1).text() for r in range(log.table.rowCount())]
    assert "Cliënt verwijderd" in texts
    cells = " ".join(
        log.table.item(r, c).text()
        for r in range(log.table.rowCount())
        for c in range(log.table.columnCount())
    )
    assert "Weg Ermee" not in cells


@pytest.mark.gui
def test_main_window_mentions_the_bewaartermijn(qtbot, vault: Vault, data_dir):
    from tests.uihelpers import close_main_window, main_window

    _closed(vault, "Oud Dossier-Verzonnen", dt.date.today() - dt.timedelta(days=3 * 366))
    win = main_window(qtbot, vault, data_dir)
    win.remind_bewaartermijn()
    assert "1 afgesloten dossier(s)" in win.statusBar().currentMessage()
    close_main_window(win)


@pytest.mark.gui
def test_avg_actions_are_in_the_client_menu(qtbot, vault: Vault, data_dir, monkeypatch):
    import ondersteuner.ui.avg as avg
    from tests.uihelpers import close_main_window, main_window

    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(avg, "open_inzage", lambda p, c, cid: calls.append(("inzage", cid)))
    monkeypatch.setattr(avg, "open_verzegelen", lambda p, c, cid: calls.append(("zegel", cid)))
    monkeypatch.setattr(avg, "open_importeren", lambda p, c: calls.append(("import", None)))
    cid = make_client(vault, "Inzage Vraagt-Verzonnen")
    win = main_window(qtbot, vault, data_dir)
    assert not win.acts["inzage"].action.isEnabled()  # no client chosen yet
    win.reload_clients()
    win.select_client(cid)
    win._load_pending_client()
    for key in ("inzage", "verzegelen", "importeren"):
        assert win.acts[key].action.isEnabled()
        win.acts[key].action.trigger()
    assert calls == [("inzage", cid), ("zegel", cid), ("import", None)]
    close_main_window(win)
