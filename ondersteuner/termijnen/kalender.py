"""The calendar of the Algemene termijnenwet (Atw): which days are not working days.

Art. 3 Atw, not a general holiday list (``domain.md`` §2.2):

- lid 1: Nieuwjaarsdag, tweede Paasdag, tweede Pinksterdag, both Kerstdagen,
  Hemelvaartsdag, the day the King's birthday is celebrated, and 5 May (every year;
  "once per five years" is a CAO rule, not the Atw);
- lid 2: Goede Vrijdag;
- lid 3: days equated by royal decree (KB), issued per three years in the
  Staatscourant. Those are a dated table below; for years it does not cover the
  calendar says so (``covers``) instead of guessing.

Easter Sunday and Whit Sunday are not listed: they are Sundays anyway.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from ondersteuner.i18n import tr

# Atw art. 3 lid 3: days equated with an algemeen erkende feestdag by royal decree.
# Each entry: the years a decree covers, its source, and its days.
GELIJKGESTELDE_DAGEN: tuple[tuple[range, str, tuple[dt.date, ...]], ...] = (
    (
        range(2023, 2026),
        "Besluit van 2022, Stcrt. 2022, 7812",
        (
            dt.date(2023, 4, 28),  # Friday before Koningsdag (Thursday 27 April)
            dt.date(2023, 5, 19),  # Friday after Hemelvaartsdag
            dt.date(2024, 5, 10),  # Friday after Hemelvaartsdag
            dt.date(2024, 12, 27),  # Friday after Tweede Kerstdag (Thursday)
            dt.date(2025, 5, 30),  # Friday after Hemelvaartsdag
        ),
    ),
    (
        range(2026, 2029),
        "Besluit van 2025, Stcrt. 2025, 24713",
        (
            dt.date(2026, 1, 2),  # Friday after Nieuwjaarsdag (Thursday)
            dt.date(2026, 5, 15),  # Friday after Hemelvaartsdag
            dt.date(2027, 5, 7),  # Friday after Hemelvaartsdag
            dt.date(2028, 4, 28),  # Friday after Koningsdag (Thursday 27 April)
            dt.date(2028, 5, 26),  # Friday after Hemelvaartsdag
        ),
    ),
)
# Mondays before a Tuesday feestdag were not equated (Mon 4 May 2026, Mon 26 April 2027).

_KB_DAYS = {d: bron for _years, bron, days in GELIJKGESTELDE_DAGEN for d in days}
_COVERED = {y for years, _bron, _days in GELIJKGESTELDE_DAGEN for y in years}
FIRST_COVERED_YEAR = min(_COVERED)
LAST_COVERED_YEAR = max(_COVERED)


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def koningsdag(year: int) -> dt.date:
    """The day the monarch's birthday is celebrated (Atw art. 3 lid 1).

    Since 2014: 27 April, or Saturday 26 April when the 27th is a Sunday. Before
    2014 (Koninginnedag): 30 April, or Saturday 29 April when the 30th is a Sunday.
    """
    day = dt.date(year, 4, 27) if year >= 2014 else dt.date(year, 4, 30)
    return day - dt.timedelta(days=1) if day.weekday() == 6 else day


@cache
def feestdagen(year: int) -> dict[dt.date, str]:
    """Every Atw art. 3 day of ``year`` with its Dutch name."""
    easter = easter_sunday(year)
    days = {
        dt.date(year, 1, 1): tr("Nieuwjaarsdag"),
        easter - dt.timedelta(days=2): tr("Goede Vrijdag"),
        easter + dt.timedelta(days=1): tr("tweede Paasdag"),
        koningsdag(year): tr("Koningsdag"),
        dt.date(year, 5, 5): tr("Bevrijdingsdag"),
        easter + dt.timedelta(days=39): tr("Hemelvaartsdag"),
        easter + dt.timedelta(days=50): tr("tweede Pinksterdag"),
        dt.date(year, 12, 25): tr("eerste Kerstdag"),
        dt.date(year, 12, 26): tr("tweede Kerstdag"),
    }
    for d in _KB_DAYS:
        if d.year == year:
            days[d] = tr("bij koninklijk besluit gelijkgestelde dag")
    return days


def is_feestdag(d: dt.date) -> bool:
    """True for the days of Atw art. 3: the feestdagen of lid 1, Goede Vrijdag and
    the days equated by royal decree."""
    return d in feestdagen(d.year)


def feestdag_naam(d: dt.date) -> str | None:
    return feestdagen(d.year).get(d)


def is_werkdag(d: dt.date) -> bool:
    """Not a Saturday, Sunday or Atw feestdag."""
    return d.weekday() < 5 and not is_feestdag(d)


def covers(year: int) -> bool:
    """Whether the table of equated days (art. 3 lid 3) is known for ``year``."""
    return year in _COVERED


def dag_omschrijving(d: dt.date) -> str:
    """Why ``d`` is not a working day, in Dutch ("zaterdag", "tweede Paasdag")."""
    name = feestdag_naam(d)
    if name:
        return name
    if d.weekday() == 5:
        return tr("zaterdag")
    if d.weekday() == 6:
        return tr("zondag")
    return tr("werkdag")


_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def datum_tekst(d: dt.date) -> str:
    """``dinsdag 22-04-2025``."""
    return f"{tr(_WEEKDAYS[d.weekday()])} {d:%d-%m-%Y}"
