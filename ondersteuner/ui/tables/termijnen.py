"""Column sets of the deadline lists: one melding's deadlines, and the overview."""

from __future__ import annotations

import datetime as dt

from ondersteuner.i18n import tr
from ondersteuner.termijnen.melding import Termijn, TermijnStatus
from ondersteuner.ui.ops.termijnen import TermijnRegel
from ondersteuner.ui.tables.rows import Column, fmt_date
from ondersteuner.ui.timeline import STATUS_COLOURS


def dagen_tekst(t: Termijn) -> str:
    if t.status in (TermijnStatus.GEHAALD, TermijnStatus.VERVALLEN):
        return ""
    n = t.dagen_over
    if n == 0:
        return tr("vandaag")
    if n > 0:
        return tr("nog {n} d", n=n)
    return tr("{n} d te laat", n=-n)


def uitleg_tekst(t: Termijn) -> str:
    lines = [f"{t.naam}: {t.regel} ({t.artikel})", *t.uitleg]
    if t.waarschuwing:
        lines.append(t.waarschuwing)
    return "\n".join(lines)


def _status(t: Termijn) -> str:
    return t.status.label + (tr(" (aangepast)") if t.aangepast else "")


def groep(t: Termijn, vandaag: dt.date) -> str:
    """The overview's buckets: verlopen, deze week, komende 30 dagen, later."""
    if t.status is TermijnStatus.VERLOPEN or t.datum < vandaag:
        return tr("Verlopen")
    if t.datum <= vandaag + dt.timedelta(days=6 - vandaag.weekday()):
        return tr("Deze week")
    if t.datum <= vandaag + dt.timedelta(days=30):
        return tr("Komende 30 dagen")
    return tr("Later")


GROEP_ORDE = {tr("Verlopen"): 0, tr("Deze week"): 1, tr("Komende 30 dagen"): 2, tr("Later"): 3}


def _colour(t: Termijn) -> str:
    return STATUS_COLOURS[t.status]


TERMIJN_COLUMNS: list[Column[Termijn]] = [
    Column(tr("Datum"), lambda t: fmt_date(t.datum), lambda t: (t.datum, t.sleutel)),
    Column(tr("Termijn"), lambda t: t.naam, tooltip=uitleg_tekst),
    Column(tr("Status"), _status, lambda t: t.status.value, colour=_colour),
    Column(tr("Nog"), dagen_tekst, lambda t: t.dagen_over, align_right=True, colour=_colour),
    Column(tr("Wie"), lambda t: t.partij.label),
    Column(tr("Wat nu"), lambda t: t.actie, tooltip=lambda t: t.actie),
]


def overzicht_columns(vandaag: dt.date) -> list[Column[TermijnRegel]]:
    return [
        Column(
            tr("Wanneer"),
            lambda r: groep(r.termijn, vandaag),
            lambda r: (GROEP_ORDE[groep(r.termijn, vandaag)], r.termijn.datum),
            colour=lambda r: _colour(r.termijn),
        ),
        Column(
            tr("Datum"),
            lambda r: fmt_date(r.termijn.datum),
            lambda r: (r.termijn.datum, r.dossiernummer),
        ),
        Column(
            tr("Nog"),
            lambda r: dagen_tekst(r.termijn),
            lambda r: r.termijn.dagen_over,
            align_right=True,
            colour=lambda r: _colour(r.termijn),
        ),
        Column(tr("Termijn"), lambda r: r.termijn.naam, tooltip=lambda r: uitleg_tekst(r.termijn)),
        Column(tr("Cliënt"), lambda r: r.client_naam),
        Column(
            tr("Dossier"),
            lambda r: str(r.dossiernummer),
            lambda r: r.dossiernummer,
            align_right=True,
        ),
        Column(tr("Gemeente"), lambda r: r.gemeente),
        Column(tr("Wat nu"), lambda r: r.termijn.actie, tooltip=lambda r: r.termijn.actie),
    ]
