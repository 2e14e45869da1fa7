"""Term arithmetic as Dutch administrative law counts it, with the Atw applied.

- The event day is not counted (Awb 6:8 lid 1, 7:10 lid 1): N days end at the end
  of ``start + N``; N weeks end on the same weekday, ``start + 7N``.
- Months: the same day number, else the last day of that month (31 January + 1
  month = 28/29 February), as EU Reg. 1182/71 art. 3 counts.
- Algemene termijnenwet: art. 1 (a term ending on a Saturday, Sunday or feestdag
  runs on to the next day that is none of these), then art. 2 (a term of three
  days or more contains at least two such days); art. 4 (not for terms of more
  than 90 days, twelve weeks or three months, nor in hours or years).

``bereken`` returns the date with the Dutch explanation the UI shows;
``einddatum`` is the plain date other code relies on.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from ondersteuner.i18n import tr
from ondersteuner.termijnen.kalender import (
    FIRST_COVERED_YEAR,
    LAST_COVERED_YEAR,
    covers,
    dag_omschrijving,
    datum_tekst,
    is_werkdag,
)

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Berekening:
    """One computed term: the raw end, the end after the Atw, and why."""

    start: dt.date
    ruw: dt.date  # start + the term, before the Atw
    datum: dt.date  # the end of the term
    atw: bool  # whether the Atw was applied (art. 4 and scope)
    uitleg: tuple[str, ...]  # Dutch sentences: why it falls on this day
    waarschuwing: str = ""  # e.g. the KB table does not cover the year


def add_months(start: dt.date, months: int) -> dt.date:
    """Same day number ``months`` later, or that month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def term_tekst(dagen: int = 0, weken: int = 0, maanden: int = 0) -> str:
    parts = []
    if maanden:
        parts.append(tr("1 maand") if maanden == 1 else tr("{n} maanden", n=maanden))
    if weken:
        parts.append(tr("1 week") if weken == 1 else tr("{n} weken", n=weken))
    if dagen:
        parts.append(tr("1 dag") if dagen == 1 else tr("{n} dagen", n=dagen))
    return tr(" en ").join(parts) or tr("0 dagen")


def atw_geldt(dagen: int = 0, weken: int = 0, maanden: int = 0) -> bool:
    """Atw art. 4: not for terms of more than 90 days, twelve weeks or three months.

    A term in one unit is judged by that unit's limit; a mixed term by its length
    in days against 90.
    """
    units = [u for u in (dagen, weken, maanden) if u]
    if len(units) > 1:
        return dagen + 7 * weken + 31 * maanden <= 90
    return dagen <= 90 and weken <= 12 and maanden <= 3


@lru_cache(maxsize=16384)  # pure and immutable; overviews recompute the same terms
def bereken(
    start: dt.date,
    *,
    dagen: int = 0,
    weken: int = 0,
    maanden: int = 0,
    termijnenwet: bool = True,
    stilstand: tuple[tuple[int, str], ...] = (),
) -> Berekening:
    """The end of a term of ``dagen``/``weken``/``maanden`` after ``start``.

    ``termijnenwet``: whether the term is one the Atw covers (set in a wet); art. 4
    is checked here on top of it. ``stilstand``: days the term stood still
    (opschorting, Awb 4:15 / 7:10 lid 2) with their Dutch reason; they lengthen the
    term before the Atw looks at its end.
    """
    if min(dagen, weken, maanden) < 0:
        raise ValueError("a term cannot be negative")
    nominal = add_months(start, maanden) + dt.timedelta(days=dagen + 7 * weken)
    lines = [
        tr(
            "{term} na {start} is {end}.",
            term=term_tekst(dagen, weken, maanden),
            start=datum_tekst(start),
            end=datum_tekst(nominal),
        )
    ]
    raw = nominal
    for days, reason in stilstand:
        raw += dt.timedelta(days=days)
        lines.append(reason)
    if raw != nominal:
        lines.append(tr("De termijn eindigt dan op {end}.", end=datum_tekst(raw)))
    apply = termijnenwet and atw_geldt(dagen, weken, maanden)
    if not termijnenwet:
        return Berekening(start, raw, raw, False, tuple(lines))
    if not apply:
        lines.append(
            tr(
                "De Algemene termijnenwet geldt niet voor een termijn van meer dan "
                "90 dagen, 12 weken of 3 maanden (art. 4 Atw)."
            )
        )
        return Berekening(start, raw, raw, False, tuple(lines))

    end = raw
    # Art. 1: a term ending on a Saturday, Sunday or feestdag runs on.
    skipped = []
    while not is_werkdag(end):
        skipped.append(f"{end:%d-%m} ({dag_omschrijving(end)})")
        end += ONE_DAY
    if skipped:
        lines.append(
            tr(
                "{days}: geen werkdag. De termijn loopt door tot en met {end} (art. 1 Atw).",
                days=", ".join(skipped),
                end=datum_tekst(end),
            )
        )
    # Art. 2: a term of three days or more (its own length, before any extension)
    # contains at least two working days.
    if (nominal - start).days >= 3:
        worked, day = 0, start
        while worked < 2 and day < end:  # stop at the second working day found
            day += ONE_DAY
            worked += is_werkdag(day)
        if worked < 2:
            while worked < 2:
                end += ONE_DAY
                worked += is_werkdag(end)
            lines.append(
                tr(
                    "Een termijn van drie dagen of meer bevat minstens twee werkdagen: "
                    "verlengd tot en met {end} (art. 2 Atw).",
                    end=datum_tekst(end),
                )
            )
    if not skipped and end == raw:
        lines.append(tr("Dat is een werkdag; de Algemene termijnenwet verandert niets."))
    years = {y for y in range(start.year, end.year + 1) if not covers(y)}
    warning = ""
    if years:
        warning = tr(
            "Let op: de bij koninklijk besluit gelijkgestelde vrije dagen zijn alleen bekend "
            "voor {first}–{last}. Controleer voor {years} de Staatscourant.",
            first=FIRST_COVERED_YEAR,
            last=LAST_COVERED_YEAR,
            years=", ".join(str(y) for y in sorted(years)),
        )
    return Berekening(start, raw, end, True, tuple(lines), warning)


def einddatum(
    start: dt.date,
    *,
    dagen: int = 0,
    weken: int = 0,
    maanden: int = 0,
    termijnenwet: bool = True,
) -> dt.date:
    """The last day of a term of ``dagen``/``weken``/``maanden`` after ``start``
    (the start day not counted), extended by the Atw when ``termijnenwet``."""
    return bereken(
        start, dagen=dagen, weken=weken, maanden=maanden, termijnenwet=termijnenwet
    ).datum
