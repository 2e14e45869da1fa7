"""Dwangsom bij niet tijdig beslissen (Awb 4:17, 4:18).

- The dwangsom is owed for each day the bestuursorgaan is in default, from the day
  on which two weeks have passed after it *received* the ingebrekestelling (lid 3),
  for at most 42 days (lid 2). The Atw does not apply (lid 1).
- First day owed = receipt + 14 days: the receipt day counts as day one of the two
  weeks, as ABRvS 1-9-2010 (ECLI:NL:RVS:2010:BN5684) counted the identically worded
  wait of Awb 6:12. The day the decision is taken (sent) is not owed. Both are
  choices where the law leaves room; ``domain.md`` §3 and §11.3.
- Amounts per day by period (days 1–14, 15–28, 29–42), from the rates in force on
  the day the ingebrekestelling was received (Regeling indexering bedragen Awb,
  Stcrt. 2018, 65542: €23/€35/€45 from 1-1-2019; before that €20/€30/€40).
- The gemeente fixes the amount by beschikking within two weeks after the last day
  owed (4:18).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ondersteuner.termijnen.rekenen import einddatum

MAX_DAGEN = 42
WACHTTIJD_DAGEN = 14

# (in force from, (rate days 1–14, 15–28, 29–42)); the newest first.
TARIEVEN: tuple[tuple[dt.date, tuple[Decimal, Decimal, Decimal]], ...] = (
    (dt.date(2019, 1, 1), (Decimal(23), Decimal(35), Decimal(45))),
    (dt.date(2009, 10, 1), (Decimal(20), Decimal(30), Decimal(40))),
)


@dataclass(frozen=True)
class DwangsomBerekening:
    ontvangen: dt.date  # the ingebrekestelling was received
    eerste_dag: dt.date  # the first day owed
    laatste_dag: dt.date  # the 42nd day, the last that can be owed
    vaststelling_uiterlijk: dt.date | None  # 4:18: two weeks after the last day owed
    dagen: int
    bedrag: Decimal
    per_periode: tuple[tuple[int, Decimal, Decimal], ...]  # (days, rate, subtotal)
    maximum: Decimal


def tarieven(ontvangen: dt.date) -> tuple[Decimal, Decimal, Decimal]:
    """The daily rates in force on the day the ingebrekestelling was received."""
    for since, rates in TARIEVEN:
        if ontvangen >= since:
            return rates
    return TARIEVEN[-1][1]


def bereken_dwangsom(
    ingebrekestelling_ontvangen: dt.date,
    peildatum: dt.date,
    beslist_op: dt.date | None = None,
) -> DwangsomBerekening:
    """Days owed up to and including ``peildatum`` (or until the decision), the amount
    and its build-up per period."""
    first = ingebrekestelling_ontvangen + dt.timedelta(days=WACHTTIJD_DAGEN)
    last = first + dt.timedelta(days=MAX_DAGEN - 1)
    stop = peildatum + dt.timedelta(days=1)
    if beslist_op is not None:
        stop = min(stop, beslist_op)
    days = max(0, min((stop - first).days, MAX_DAGEN))
    rates = tarieven(ingebrekestelling_ontvangen)
    periods = []
    rest = days
    for rate in rates:
        n = min(rest, 14)
        periods.append((n, rate, rate * n))
        rest -= n
    total = sum((sub for _n, _r, sub in periods), Decimal(0))
    return DwangsomBerekening(
        ontvangen=ingebrekestelling_ontvangen,
        eerste_dag=first,
        laatste_dag=last,
        vaststelling_uiterlijk=(
            # 4:18 runs from the last day owed, known once the dwangsom stopped (a
            # decision, or the 42nd day). A term set in a wet: the Atw applies.
            einddatum(first + dt.timedelta(days=days - 1), weken=2)
            if days and (days == MAX_DAGEN or beslist_op is not None)
            else None
        ),
        dagen=days,
        bedrag=total,
        per_periode=tuple(periods),
        maximum=sum(rates, Decimal(0)) * 14,
    )


def euro(amount: Decimal) -> str:
    """Dutch notation: € 1.442,00."""
    text = f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {text}"


def dwangsom(
    ingebrekestelling_ontvangen: dt.date,
    peildatum: dt.date,
    beslist_op: dt.date | None = None,
) -> tuple[int, Decimal]:
    """(days forfeited up to the peildatum, the amount in euro)."""
    b = bereken_dwangsom(ingebrekestelling_ontvangen, peildatum, beslist_op)
    return b.dagen, b.bedrag
