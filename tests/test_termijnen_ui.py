"""Deadlines in the app, driven through the real widgets: entering a step updates the
timeline, the melding's deadlines and the overview; overrides; dwangsom; agenda."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ondersteuner.models.enums import GebeurtenisSoort as S
from ondersteuner.settings import Settings
from ondersteuner.termijnen import einddatum
from ondersteuner.termijnen.melding import TermijnStatus
from ondersteuner.ui.context import AppContext, ChangeBus, Runner
from ondersteuner.ui.dialogs.melding import GebeurtenisDialog
from ondersteuner.ui.main_window import MainWindow
from ondersteuner.ui.termijnen import AanpassenDialog, DwangsomDialog, write_agenda
from ondersteuner.vault import Vault
from tests.factories import make_client, make_event, make_melding
from tests.uihelpers import (
    close_main_window,
    focusable_without_name,
    with_modal,
)

pytestmark = pytest.mark.gui

TODAY = dt.date.today()


@pytest.fixture
def win(qtbot, vault: Vault, data_dir: Path):
    ctx = AppContext(vault, Settings.in_dir(data_dir), data_dir, ChangeBus(), Runner())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    yield window
    close_main_window(window)


def _open(win: MainWindow, client_id: int) -> None:
    win.reload_clients()
    win.select_client(client_id)
    win._load_pending_client()


def _sleutels(win: MainWindow) -> dict[str, TermijnStatus]:
    return {t.sleutel: t.status for t in win.dossier.termijnen.model.rows}


def _add_step(win: MainWindow, soort: S, datum: dt.date, **dates: dt.date) -> None:
    def fill(d: GebeurtenisDialog) -> None:
        d.fields["soort"].set_value(soort)
        d.fields["datum"].setText(f"{datum:%d-%m-%Y}")
        for key, value in dates.items():
            d.fields[key].setText(f"{value:%d-%m-%Y}")
        d.accept()

    with_modal(GebeurtenisDialog, fill)
    win.acts["new_event"].action.trigger()


def _refresh_overview(qtbot, win: MainWindow) -> None:
    done = {"yes": False}
    win.overview.refresh(on_done=lambda: done.update(yes=True))
    qtbot.waitUntil(lambda: done["yes"], timeout=10000)


def test_entering_steps_updates_timeline_deadlines_and_overview(qtbot, win: MainWindow, vault):
    melding_day = TODAY - dt.timedelta(days=60)
    cid = make_client(vault, "Tijdlijn Testpersoon")
    make_melding(vault, cid, datum=melding_day)
    _open(win, cid)
    assert {"persoonlijk_plan", "onderzoek", "verslag"} <= set(_sleutels(win))
    assert _sleutels(win)["onderzoek"] is TermijnStatus.VERLOPEN  # 60 days, no gesprek
    assert any(p.termijn and p.termijn.sleutel == "onderzoek" for p in win.dossier.timeline.items)
    assert "Te laat" in win.dossier.detail["volgende"].text()

    # An aanvraag 20 days ago, entered through the step dialog: the beschikking is due
    # two weeks later, so it is overdue and the app says what to do.
    aanvraag = TODAY - dt.timedelta(days=20)
    _add_step(win, S.AANVRAAG, aanvraag)
    termijn = next(t for t in win.dossier.termijnen.model.rows if t.sleutel == "beschikking")
    assert termijn.datum == einddatum(aanvraag, weken=2)
    assert termijn.status is TermijnStatus.VERLOPEN
    assert termijn.actie == "Beschikking is te laat: stuur een ingebrekestelling."
    assert _sleutels(win)["onderzoek"] is TermijnStatus.VERVALLEN  # the procedure moved on
    labels = [p.label for p in win.dossier.timeline.items]
    assert "Aanvraag ingediend" in labels and "Beschikking" in labels
    # Hover text and keyboard: the date, the rule, the article and why on that day.
    point = next(p for p in win.dossier.timeline.items if p.label == "Beschikking")
    assert "art. 2.3.5 lid 2 Wmo 2015" in point.tooltip and "2 weken na" in point.tooltip
    timeline = win.dossier.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_End)
    last = timeline.items[-1]
    assert timeline.current == len(timeline.items) - 1
    if last.termijn is not None:
        assert win.dossier.termijnen.current().sleutel == last.termijn.sleutel
        assert last.termijn.regel in win.dossier.waarom.text()

    _refresh_overview(qtbot, win)
    rows = [r for r in win.overview.model.rows if r.client_id == cid]
    assert [r.termijn.sleutel for r in rows] == ["beschikking"]
    assert win.overview.counts.text().startswith("Verlopen: 1")

    # Change the recorded date: every dependent deadline moves at once.
    later = TODAY - dt.timedelta(days=3)

    def redate(d: GebeurtenisDialog) -> None:
        d.fields["datum"].setText(f"{later:%d-%m-%Y}")
        d.accept()

    win.dossier.events.select_where(lambda e: e.soort is S.AANVRAAG)
    with_modal(GebeurtenisDialog, redate)
    win.acts["edit_event"].action.trigger()
    termijn = next(t for t in win.dossier.termijnen.model.rows if t.sleutel == "beschikking")
    assert termijn.datum == einddatum(later, weken=2) and termijn.status is TermijnStatus.OPEN
    assert win.dossier.detail["volgende"].text().startswith("Volgende termijn: Beschikking")

    # The beschikking arrives: a bezwaartermijn appears on the timeline.
    _add_step(win, S.BESCHIKKING, TODAY - dt.timedelta(days=1))
    assert _sleutels(win)["bezwaar"] is TermijnStatus.OPEN
    assert _sleutels(win)["beschikking"] is TermijnStatus.GEHAALD

    # The overview refreshes by itself after changes (debounced, off the UI thread).
    # Six weeks away is "later": listed only when asked for everything open.
    qtbot.waitUntil(
        lambda: any(r.termijn.sleutel == "bezwaar" for r in win.overview.rows), timeout=10000
    )
    assert not any(r.termijn.sleutel == "bezwaar" for r in win.overview.model.rows)
    win.overview.filter.set_value(win.overview.SHOW_ALL)
    assert any(r.termijn.sleutel == "bezwaar" for r in win.overview.model.rows)

    # Opening a deadline from the overview shows that client's melding.
    other = make_client(vault, "Andere Cliënt")
    _open(win, other)
    win.overview.view.setCurrentIndex(win.overview.proxy.index(0, 0))
    win.overview.open_current()
    assert win.client.id == cid and win.tabs.currentIndex() == 0
    assert win.dossier.tabs.currentWidget() is win.dossier.termijnen


def test_override_with_reason_and_back(qtbot, win: MainWindow, vault):
    cid = make_client(vault, "Aanpassing Testpersoon")
    make_melding(vault, cid, datum=TODAY - dt.timedelta(days=10))
    _open(win, cid)
    win.dossier.termijnen.select_where(lambda t: t.sleutel == "onderzoek")
    new_date = TODAY + dt.timedelta(days=60)

    def empty_reason(d: AanpassenDialog) -> None:
        d.fields["datum"].setText(f"{new_date:%d-%m-%Y}")
        d.accept()
        assert "waarom" in d.error.text()  # a reason is required
        d.fields["reden"].setPlainText("Brief gemeente: onderzoek duurt langer")
        d.accept()

    with_modal(AanpassenDialog, empty_reason)
    win.acts["adjust_deadline"].action.trigger()
    t = next(t for t in win.dossier.termijnen.model.rows if t.sleutel == "onderzoek")
    assert t.datum == new_date and t.aangepast and t.berekend != new_date
    assert "Brief gemeente" in win.dossier.waarom.text()
    assert "(aangepast)" in win.dossier.termijnen.model.data(
        win.dossier.termijnen.model.index(win.dossier.termijnen.model.rows.index(t), 2)
    )

    # Back to the computed date, after a confirmation that names the reason.
    def confirm(box: QMessageBox) -> None:
        assert "Brief gemeente" in box.text()
        next(b for b in box.buttons() if b.text() == "Weghalen").click()

    with_modal(QMessageBox, confirm)
    win.acts["reset_deadline"].action.trigger()
    t = next(t for t in win.dossier.termijnen.model.rows if t.sleutel == "onderzoek")
    assert t.datum == t.berekend and not t.aangepast


def test_dwangsom_calculator_and_agenda_export(qtbot, win: MainWindow, vault, tmp_path: Path):
    cid = make_client(vault, "Dwangsom Testpersoon")
    mid = make_melding(vault, cid, datum=TODAY - dt.timedelta(days=90))
    make_event(vault, mid, S.AANVRAAG, TODAY - dt.timedelta(days=60))
    make_event(
        vault,
        mid,
        S.INGEBREKESTELLING,
        TODAY - dt.timedelta(days=25),
        ontvangen_op=TODAY - dt.timedelta(days=24),
    )
    _open(win, cid)
    assert _sleutels(win)["dwangsom_beschikking"] is TermijnStatus.VERLOPEN

    seen = {}

    def look(d: DwangsomDialog) -> None:
        seen["text"] = d.result.text()
        assert focusable_without_name(d) == []
        d.beslist.setText(f"{TODAY - dt.timedelta(days=5):%d-%m-%Y}")
        seen["decided"] = d.result.text()
        d.reject()

    with_modal(DwangsomDialog, look, closes=False)
    win.acts["dwangsom"].action.trigger()
    assert "Totaal: 11 dagen, € 253,00" in seen["text"]  # received 24 days ago → 11 days
    assert "Totaal: 5 dagen, € 115,00" in seen["decided"]
    assert "stelt het bedrag vast" in seen["decided"]

    _refresh_overview(qtbot, win)
    path = tmp_path / "termijnen.ics"
    write_agenda(path, win.overview.visible_rows(), met_initialen=False)
    text = path.read_text("utf-8")
    assert "Dwangsom" in text and "dossier 1" in text
    assert "Testpersoon" not in text and "D.T." not in text
    write_agenda(path, win.overview.visible_rows(), met_initialen=True)
    assert "(D.T.)" in path.read_text("utf-8")
    from icalendar import Calendar

    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert len(events) == len(win.overview.visible_rows())


def test_overview_is_shown_after_unlock_when_something_is_due(qtbot, win: MainWindow, vault):
    win.start_overview()
    qtbot.waitUntil(lambda: not win.overview._busy, timeout=10000)
    assert win.tabs.currentIndex() == 0  # nothing due: the client list stays in front
    cid = make_client(vault, "Haast Testpersoon")
    make_melding(vault, cid, datum=TODAY - dt.timedelta(days=60))  # onderzoek overdue
    win.start_overview()
    qtbot.waitUntil(lambda: win.tabs.currentWidget() is win.overview, timeout=10000)
    assert win.overview.needs_attention()
