"""Deadlines as an iCalendar (.ics) file for the adviser's own agenda.

Privacy (domain.md §8): titles name the deadline and the dossier number, never the
client ("Bezwaartermijn – dossier 14"); initials only when the adviser asks for
them. Nothing else about the client goes into the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ondersteuner.i18n import tr
from ondersteuner.termijnen.melding import Termijn

PRODID = "-//ondersteuner//termijnen//NL"


@dataclass(frozen=True)
class AgendaPunt:
    termijn: Termijn
    dossiernummer: int
    melding_id: int
    initialen: str = ""


def titel(punt: AgendaPunt, met_initialen: bool) -> str:
    who = tr("dossier {n}", n=punt.dossiernummer)
    if met_initialen and punt.initialen:
        who += f" ({punt.initialen})"
    return f"{punt.termijn.naam} – {who}"


def agenda_ics(
    punten: Iterable[AgendaPunt], *, met_initialen: bool = False, nu: dt.datetime | None = None
) -> bytes:
    """One all-day event per deadline, with a reminder two working days before."""
    from icalendar import Alarm, Calendar, Event

    stamp = nu or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", tr("Termijnen (ondersteuner)"))
    for p in punten:
        t = p.termijn
        ev = Event()
        # Stable per melding and deadline, so a re-import updates instead of doubling.
        ev.add("uid", f"{p.melding_id}-{t.sleutel}@ondersteuner")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", t.datum)
        ev.add("dtend", t.datum + dt.timedelta(days=1))
        ev.add("summary", titel(p, met_initialen))
        # The rule only: an action ("over 5 dagen") would be stale in the agenda.
        ev.add("description", f"{t.regel} ({t.artikel}).")
        ev.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", titel(p, met_initialen))
        alarm.add("trigger", dt.timedelta(days=-2))
        ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()
