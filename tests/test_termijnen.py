"""The deadline engine against cases worked out by hand from the law.

Cases numbered ``D<n>`` are those of ``domain.md`` §10; the others are our own,
each with the reasoning in its id.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ondersteuner.models.enums import GebeurtenisSoort as S
from ondersteuner.models.enums import MeldingStatus, Wet
from ondersteuner.termijnen import bereken, dwangsom, einddatum, is_feestdag
from ondersteuner.termijnen.dwangsom import bereken_dwangsom
from ondersteuner.termijnen.kalender import covers, easter_sunday, koningsdag
from ondersteuner.termijnen.melding import (
    Aanpassing,
    MeldingFeiten,
    TermijnStatus,
    bereken_termijnen,
)
from ondersteuner.ui.ops.snapshots import GebeurtenisData

D = dt.date

# (id, start, term, termijnenwet, expected end)
TERMS = [
    ("D1 bezwaar plain 6 weeks", D(2025, 3, 3), {"weken": 6}, True, D(2025, 4, 14)),
    ("D2 Goede Vrijdag+weekend+2e Paasdag", D(2025, 3, 7), {"weken": 6}, True, D(2025, 4, 22)),
    ("D3 ends on Saturday", D(2025, 3, 1), {"weken": 6}, True, D(2025, 4, 14)),
    ("D4a plan 7 days from Saturday", D(2025, 3, 1), {"dagen": 7}, True, D(2025, 3, 10)),
    ("D4b ends on Sunday", D(2025, 3, 2), {"weken": 6}, True, D(2025, 4, 14)),
    ("D5 Koningsdag on Saturday 2025", D(2025, 3, 15), {"weken": 6}, True, D(2025, 4, 28)),
    ("D6 Koningsdag Monday 2026", D(2026, 3, 16), {"weken": 6}, True, D(2026, 4, 28)),
    ("D7 Monday before Tuesday Koningsdag", D(2027, 3, 15), {"weken": 6}, True, D(2027, 4, 26)),
    ("D8 Koningsdag Thu + KB Fri 2028", D(2028, 3, 16), {"weken": 6}, True, D(2028, 5, 1)),
    ("D9 5 May in a non-lustrum year", D(2025, 3, 24), {"weken": 6}, True, D(2025, 5, 6)),
    ("D10 5 May 2026", D(2026, 3, 24), {"weken": 6}, True, D(2026, 5, 6)),
    ("D11 5 May, Hemelvaart, KB 2027", D(2027, 3, 24), {"weken": 6}, True, D(2027, 5, 10)),
    ("D12 Hemelvaart + KB 2025", D(2025, 4, 17), {"weken": 6}, True, D(2025, 6, 2)),
    ("D13 Wmo beschikking 2 weeks", D(2025, 5, 15), {"weken": 2}, True, D(2025, 6, 2)),
    ("D14 Hemelvaart + KB 2026", D(2026, 4, 2), {"weken": 6}, True, D(2026, 5, 18)),
    ("D15 Whit Monday", D(2025, 4, 28), {"weken": 6}, True, D(2025, 6, 10)),
    ("D16 Easter Monday 2026", D(2026, 2, 23), {"weken": 6}, True, D(2026, 4, 7)),
    ("D17 Goede Vrijdag 2026", D(2026, 2, 20), {"weken": 6}, True, D(2026, 4, 7)),
    ("D18 Christmas Thu/Fri", D(2025, 11, 13), {"weken": 6}, True, D(2025, 12, 29)),
    ("D19 Christmas + KB 27 Dec 2024", D(2024, 11, 13), {"weken": 6}, True, D(2024, 12, 30)),
    ("D20 New Year + KB 2 Jan 2026", D(2025, 11, 20), {"weken": 6}, True, D(2026, 1, 5)),
    ("D21a month end, 6 weeks", D(2025, 1, 31), {"weken": 6}, True, D(2025, 3, 14)),
    ("D21b plan 7 days", D(2025, 1, 31), {"dagen": 7}, True, D(2025, 2, 7)),
    ("D22 leap year", D(2024, 1, 31), {"weken": 6}, True, D(2024, 3, 13)),
    ("D23 2 weeks to 29 Feb", D(2024, 2, 15), {"weken": 2}, True, D(2024, 2, 29)),
    ("D24 2 weeks to Saturday", D(2025, 2, 15), {"weken": 2}, True, D(2025, 3, 3)),
    ("D25a one month in a leap year", D(2024, 1, 31), {"maanden": 1}, True, D(2024, 2, 29)),
    ("D25b one month", D(2025, 1, 31), {"maanden": 1}, True, D(2025, 2, 28)),
    ("D26 art. 2: three days over Christmas", D(2025, 12, 24), {"dagen": 3}, True, D(2025, 12, 30)),
    ("D29a 7:10 six weeks", D(2025, 4, 14), {"weken": 6}, True, D(2025, 5, 26)),
    ("D29b 7:10 twelve weeks", D(2025, 4, 14), {"weken": 12}, True, D(2025, 7, 7)),
    ("D29c adjourned six weeks", D(2025, 7, 7), {"weken": 6}, True, D(2025, 8, 18)),
    ("D31a Jeugd 8 weeks", D(2025, 3, 3), {"weken": 8}, True, D(2025, 4, 28)),
    ("D31b Jeugd 8 weeks to 5 May", D(2025, 3, 10), {"weken": 8}, True, D(2025, 5, 6)),
    ("D32a klacht 6 weeks", D(2025, 4, 1), {"weken": 6}, True, D(2025, 5, 13)),
    ("D32b klacht 10 weeks", D(2025, 4, 1), {"weken": 10}, True, D(2025, 6, 10)),
    ("D33 ombudsman one year, no Atw", D(2025, 5, 13), {"maanden": 12}, False, D(2026, 5, 13)),
    # Our own cases.
    ("Nieuwjaarsdag 2027 (Friday) → Monday", D(2026, 12, 18), {"weken": 2}, True, D(2027, 1, 4)),
    ("Kerst 2026 Fri/Sat → Monday 28th", D(2026, 12, 11), {"weken": 2}, True, D(2026, 12, 28)),
    ("Hemelvaart 2025 alone: Thursday", D(2025, 5, 15), {"weken": 2}, True, D(2025, 6, 2)),
    ("2e Pinksterdag 2026 (25 May)", D(2026, 5, 11), {"weken": 2}, True, D(2026, 5, 26)),
    (
        "Koningsdag 2025: Sat 26th is the feestdag",
        D(2025, 4, 12),
        {"weken": 2},
        True,
        D(2025, 4, 28),
    ),
    ("Koningsdag 2027 on Tuesday", D(2027, 4, 13), {"weken": 2}, True, D(2027, 4, 28)),
    ("5 May + Hemelvaart + KB 2027", D(2027, 4, 21), {"weken": 2}, True, D(2027, 5, 10)),
    ("art. 4: 13 weeks not extended", D(2025, 1, 18), {"weken": 13}, True, D(2025, 4, 19)),
    ("art. 4: 91 days not extended", D(2025, 1, 18), {"dagen": 91}, True, D(2025, 4, 19)),
    ("art. 4: 90 days still extended", D(2025, 1, 19), {"dagen": 90}, True, D(2025, 4, 22)),
    ("4 months not extended", D(2025, 1, 5), {"maanden": 4}, True, D(2025, 5, 5)),
    ("3 months extended (Sat)", D(2025, 1, 19), {"maanden": 3}, True, D(2025, 4, 22)),
    ("no Atw when not set in a wet", D(2025, 3, 7), {"weken": 6}, False, D(2025, 4, 18)),
    ("art. 2: 3 days from Friday", D(2025, 3, 7), {"dagen": 3}, True, D(2025, 3, 11)),
    ("art. 2 not for 2 days", D(2025, 3, 7), {"dagen": 2}, True, D(2025, 3, 10)),
    ("month end 31 Mar + 1 month", D(2025, 3, 31), {"maanden": 1}, True, D(2025, 4, 30)),
    ("2100 is no leap year", D(2100, 1, 31), {"maanden": 1}, False, D(2100, 2, 28)),
    ("year end crossing", D(2026, 12, 20), {"dagen": 10}, True, D(2026, 12, 30)),
]


@pytest.mark.parametrize(
    ("start", "term", "atw", "expected"),
    [case[1:] for case in TERMS],
    ids=[case[0] for case in TERMS],
)
def test_einddatum(start: dt.date, term: dict, atw: bool, expected: dt.date):
    assert einddatum(start, termijnenwet=atw, **term) == expected


FEESTDAGEN = [
    # D5, D41 and our own: (day, expected)
    (D(2025, 4, 26), True),  # Koningsdag on Saturday
    (D(2025, 4, 27), False),
    (D(2025, 4, 28), False),
    (D(2025, 4, 18), True),  # Goede Vrijdag
    (D(2025, 5, 5), True),  # 5 May every year
    (D(2025, 5, 30), True),  # KB
    (D(2026, 1, 2), True),  # KB
    (D(2026, 5, 15), True),  # KB
    (D(2025, 4, 20), False),  # Easter Sunday is not listed
    (D(2026, 5, 4), False),  # Monday before Tuesday 5 May: not equated
    (D(2027, 4, 26), False),  # Monday before Tuesday Koningsdag
    (D(2025, 12, 31), False),
    (D(2025, 5, 4), False),  # Dodenherdenking
    (D(2026, 4, 27), True),
    (D(2026, 5, 14), True),  # Hemelvaart
    (D(2026, 5, 25), True),  # 2e Pinksterdag
    (D(2026, 5, 24), False),  # 1e Pinksterdag (Sunday)
    (D(2024, 12, 27), True),
    (D(2023, 4, 28), True),
    (D(2028, 4, 28), True),
    (D(2028, 5, 26), True),
    (D(2014, 4, 26), True),  # first Koningsdag moved to Saturday
    (D(2013, 4, 30), True),  # Koninginnedag
]


@pytest.mark.parametrize(("day", "expected"), FEESTDAGEN, ids=[str(d) for d, _ in FEESTDAGEN])
def test_is_feestdag(day: dt.date, expected: bool):
    assert is_feestdag(day) is expected


def test_easter_and_koningsdag_known_years():
    assert [easter_sunday(y) for y in (2024, 2025, 2026, 2027, 2038)] == [
        D(2024, 3, 31),
        D(2025, 4, 20),
        D(2026, 4, 5),
        D(2027, 3, 28),
        D(2038, 4, 25),
    ]
    assert [koningsdag(y) for y in (2014, 2025, 2031, 2036, 2042)] == [
        D(2014, 4, 26),
        D(2025, 4, 26),
        D(2031, 4, 26),
        D(2036, 4, 26),
        D(2042, 4, 26),
    ]


def test_explanation_names_the_days_and_rules():
    b = bereken(D(2025, 3, 7), weken=6)
    text = " ".join(b.uitleg)
    assert "Goede Vrijdag" in text and "tweede Paasdag" in text and "art. 1 Atw" in text
    assert "dinsdag 22-04-2025" in text
    art2 = " ".join(bereken(D(2025, 12, 24), dagen=3).uitleg)
    assert "art. 1 Atw" in art2 and "art. 2 Atw" in art2
    assert "art. 4 Atw" in " ".join(bereken(D(2025, 1, 18), weken=13).uitleg)
    assert b.waarschuwing == ""


def test_warns_for_years_without_kb_table():
    assert covers(2026) and not covers(2029)
    late = bereken(D(2028, 12, 1), weken=6)
    assert "2029" in late.waarschuwing
    assert bereken(D(2026, 3, 1), weken=6).waarschuwing == ""


DWANGSOM = [
    # D35–D40: (received, peildatum, beslist_op, days, amount)
    ("D35a decided on first day", D(2025, 3, 26), D(2025, 6, 30), D(2025, 4, 9), 0, 0),
    ("D35b decided second day", D(2025, 3, 26), D(2025, 6, 30), D(2025, 4, 10), 1, 23),
    ("D36a 14 days", D(2025, 3, 26), D(2025, 6, 30), D(2025, 4, 23), 14, 322),
    ("D36b 16 days", D(2025, 3, 26), D(2025, 6, 30), D(2025, 4, 25), 16, 392),
    ("D37a 28 days", D(2025, 3, 26), D(2025, 6, 30), D(2025, 5, 7), 28, 812),
    ("D37b 41 days", D(2025, 3, 26), D(2025, 6, 30), D(2025, 5, 20), 41, 1397),
    ("D38a 42 days", D(2025, 3, 26), D(2025, 6, 30), D(2025, 5, 21), 42, 1442),
    ("D38b no decision, cap", D(2025, 3, 26), D(2025, 5, 20), None, 42, 1442),
    ("D38c far past the cap", D(2025, 3, 26), D(2026, 1, 1), None, 42, 1442),
    ("D39 running, 7 days", D(2025, 3, 26), D(2025, 4, 15), None, 7, 161),
    ("D40 old rates", D(2018, 12, 20), D(2019, 6, 1), None, 42, 1260),
    ("before the first day", D(2025, 3, 26), D(2025, 4, 8), None, 0, 0),
    ("peildatum = first day", D(2025, 3, 26), D(2025, 4, 9), None, 1, 23),
    ("old rates, 20 days", D(2018, 6, 1), D(2018, 7, 4), None, 20, 460),
    ("new rates from 1-1-2019", D(2019, 1, 1), D(2019, 3, 1), None, 42, 1442),
]


@pytest.mark.parametrize(
    ("received", "peil", "beslist", "days", "amount"),
    [c[1:] for c in DWANGSOM],
    ids=[c[0] for c in DWANGSOM],
)
def test_dwangsom(received, peil, beslist, days, amount):
    n, total = dwangsom(received, peil, beslist)
    assert (n, total) == (days, Decimal(amount))
    assert isinstance(total, Decimal)


def test_dwangsom_breakdown_and_4_18():
    b = bereken_dwangsom(D(2025, 3, 26), D(2025, 6, 30))
    assert b.eerste_dag == D(2025, 4, 9) and b.laatste_dag == D(2025, 5, 20)
    assert [p[0] for p in b.per_periode] == [14, 14, 14]
    assert b.vaststelling_uiterlijk == D(2025, 6, 3)  # D38
    running = bereken_dwangsom(D(2025, 3, 26), D(2025, 4, 15))
    assert running.vaststelling_uiterlijk is None  # the last day owed is not known yet
    decided = bereken_dwangsom(D(2025, 3, 26), D(2025, 6, 30), D(2025, 4, 25))
    assert decided.vaststelling_uiterlijk == D(2025, 5, 8)  # last day owed 24-04 + 2 wk
    from ondersteuner.termijnen.dwangsom import euro

    assert euro(Decimal(1442)) == "€ 1.442,00" and euro(Decimal("23")) == "€ 23,00"
    assert b.maximum == Decimal(1442)


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=D(2023, 1, 1), max_value=D(2028, 9, 30)),
    dagen=st.integers(0, 90),
)
def test_extended_term_never_ends_on_weekend_or_feestdag(start: dt.date, dagen: int):
    end = einddatum(start, dagen=dagen)
    assert end.weekday() < 5 and not is_feestdag(end)
    assert end >= start + dt.timedelta(days=dagen)


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=D(2023, 1, 1), max_value=D(2028, 9, 30)),
    shift=st.integers(1, 30),
    weken=st.integers(0, 12),
    maanden=st.integers(0, 3),
)
def test_end_never_moves_backwards(start: dt.date, shift: int, weken: int, maanden: int):
    later = start + dt.timedelta(days=shift)
    assert einddatum(later, weken=weken) >= einddatum(start, weken=weken)
    assert einddatum(later, maanden=maanden) >= einddatum(start, maanden=maanden)


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=D(2023, 1, 1), max_value=D(2028, 9, 30)),
    dagen=st.integers(3, 90),
)
def test_term_of_three_days_or_more_holds_two_working_days(start: dt.date, dagen: int):
    from ondersteuner.termijnen import is_werkdag

    end = einddatum(start, dagen=dagen)
    span = (end - start).days
    assert sum(is_werkdag(start + dt.timedelta(days=i)) for i in range(1, span + 1)) >= 2


# ------------------------------------------------------------ melding deadlines
def ev(soort: S, datum: dt.date, **kw) -> GebeurtenisData:
    return GebeurtenisData(soort=soort, datum=datum, **kw)


MELDING = D(2025, 3, 3)


def overzicht(events, *, wet=Wet.WMO, melding=MELDING, vandaag, **kw):
    return bereken_termijnen(
        MeldingFeiten(wet=wet, datum_melding=melding, gebeurtenissen=events, **kw), vandaag
    )


def test_fresh_wmo_melding_has_plan_and_onderzoek_open():
    o = overzicht([], melding=D(2025, 3, 1), vandaag=D(2025, 3, 5))
    plan, onderzoek = o.get("persoonlijk_plan"), o.get("onderzoek")
    assert plan.datum == D(2025, 3, 10) and plan.status is TermijnStatus.OPEN  # D4
    assert plan.dagen_over == 5 and "tot en met 10-03-2025" in plan.actie
    assert onderzoek.datum == D(2025, 4, 14) and onderzoek.status is TermijnStatus.OPEN  # D3
    assert o.volgende.sleutel == "persoonlijk_plan"
    assert o.get("beschikking") is None


def test_statuses_gehaald_verlopen_vervallen():
    events = [ev(S.PERSOONLIJK_PLAN, D(2025, 3, 5)), ev(S.GESPREK, D(2025, 4, 20))]
    o = overzicht(events, melding=D(2025, 3, 1), vandaag=D(2025, 5, 1))
    assert o.get("persoonlijk_plan").status is TermijnStatus.GEHAALD
    assert o.get("onderzoek").status is TermijnStatus.VERLOPEN  # gesprek after 14-04
    assert o.get("verslag").status is TermijnStatus.VERLOPEN
    assert "aanvraag" in o.get("verslag").actie
    richtlijn = o.get("verslag_richtlijn")
    assert richtlijn.datum == D(2025, 5, 4)  # two weeks, no Atw (Sunday stays)
    assert richtlijn.status is TermijnStatus.OPEN
    no_plan = overzicht([], melding=D(2025, 3, 1), vandaag=D(2025, 3, 20))
    assert no_plan.get("persoonlijk_plan").status is TermijnStatus.VERVALLEN
    closed = overzicht(
        [], melding=D(2025, 3, 1), vandaag=D(2025, 6, 1), status=MeldingStatus.AFGEROND
    )
    assert {t.status for t in closed.termijnen} == {TermijnStatus.VERVALLEN}


def test_later_stage_retires_unmet_onderzoek_deadlines():
    o = overzicht(
        [ev(S.AANVRAAG, D(2025, 4, 20)), ev(S.BESCHIKKING, D(2025, 5, 8))],  # due 06-05
        melding=D(2025, 3, 1),
        vandaag=D(2025, 5, 10),
    )
    assert o.get("onderzoek").status is TermijnStatus.VERVALLEN
    assert o.get("verslag").status is TermijnStatus.VERVALLEN
    late = o.get("beschikking")  # decided after 2 weeks: verlopen, but nothing to do
    assert late.status is TermijnStatus.VERLOPEN and not late.vraagt_aandacht
    assert o.get("bezwaar").vraagt_aandacht


def test_jeugdwet_has_no_wmo_chain_and_8_weeks():
    o = overzicht([ev(S.AANVRAAG, D(2025, 3, 10))], wet=Wet.JEUGDWET, vandaag=D(2025, 3, 11))
    assert o.get("onderzoek") is None and o.get("persoonlijk_plan") is None
    assert o.get("beschikking").datum == D(2025, 5, 6)  # D31
    extended = overzicht(
        [
            ev(S.AANVRAAG, D(2025, 3, 10)),
            ev(S.VERDAGING_BESCHIKKING, D(2025, 4, 20), tot_datum=D(2025, 6, 16)),
        ],
        wet=Wet.JEUGDWET,
        vandaag=D(2025, 5, 10),
    )
    assert extended.get("beschikking").datum == D(2025, 6, 16)  # 4:14 lid 3


def test_wmo_announced_extension_does_not_move_the_legal_term():
    o = overzicht(
        [
            ev(S.AANVRAAG, D(2025, 5, 15)),
            ev(S.VERDAGING_BESCHIKKING, D(2025, 5, 20), tot_datum=D(2025, 6, 30)),
        ],
        vandaag=D(2025, 6, 5),
    )
    assert o.get("beschikking").datum == D(2025, 6, 2)  # D13
    assert o.get("beschikking").status is TermijnStatus.VERLOPEN
    assert o.get("beschikking").actie == "Beschikking is te laat: stuur een ingebrekestelling."
    announced = o.get("beschikking_aangekondigd")
    assert announced.datum == D(2025, 6, 30) and "4:14 lid 1" in " ".join(announced.uitleg)


def test_opschorting_adds_the_suspended_days():
    o = overzicht(
        [
            ev(S.AANVRAAG, D(2025, 5, 15)),
            ev(S.OPSCHORTING, D(2025, 5, 19), tot_datum=D(2025, 5, 26)),
        ],
        vandaag=D(2025, 5, 27),
    )
    # Raw Thu 29-05 + 7 days standing still = Thu 05-06, a working day. (Not the
    # Atw-extended 02-06 + 7: the Atw looks at the end of the whole term once.)
    assert o.get("beschikking").datum == D(2025, 6, 5)
    assert any("4:15" in line for line in o.get("beschikking").uitleg)


def test_premature_ingebrekestelling_is_void_and_said_so():
    events = [
        ev(S.AANVRAAG, D(2025, 3, 10)),
        ev(S.INGEBREKESTELLING, D(2025, 3, 21), ontvangen_op=D(2025, 3, 24)),
    ]
    o = overzicht(events, vandaag=D(2025, 3, 26))
    assert o.get("beschikking").datum == D(2025, 3, 24)  # D34
    assert any("nietig" in s and "24-03-2025" in s for s in o.signalen)
    assert o.get("dwangsom_beschikking") is None
    valid = overzicht(
        [*events[:1], ev(S.INGEBREKESTELLING, D(2025, 3, 25), ontvangen_op=D(2025, 3, 25))],
        vandaag=D(2025, 4, 15),
    )
    assert valid.signalen == ()
    running = valid.get("dwangsom_beschikking")
    assert running.datum == D(2025, 4, 8) and running.status is TermijnStatus.VERLOPEN
    assert running.dwangsom.dagen == 8 and running.dwangsom.bedrag == Decimal(184)
    assert "6:12" in running.actie
    # The overdue beschikking no longer says "stuur een ingebrekestelling".
    assert "in gebreke gesteld" in valid.get("beschikking").actie


def test_dwangsom_stops_at_the_decision():
    events = [
        ev(S.AANVRAAG, D(2025, 3, 10)),
        ev(S.INGEBREKESTELLING, D(2025, 3, 25), ontvangen_op=D(2025, 3, 26)),
        ev(S.BESCHIKKING, D(2025, 4, 25)),
    ]
    o = overzicht(events, vandaag=D(2025, 6, 1))
    assert o.get("beschikking").status is TermijnStatus.VERLOPEN
    maxi = o.get("dwangsom_max_beschikking")
    assert maxi.status is TermijnStatus.VERVALLEN
    assert (maxi.dwangsom.dagen, maxi.dwangsom.bedrag) == (16, Decimal(392))  # D36
    assert "€ 392,00" in maxi.actie


def test_bezwaar_term_from_dagtekening_or_proven_later_sending():
    o = overzicht(
        [ev(S.BESCHIKKING, D(2025, 3, 3), ontvangen_op=D(2025, 3, 7))], vandaag=D(2025, 3, 10)
    )
    assert o.get("bezwaar").datum == D(2025, 4, 14)  # D27 default; receipt never counts
    later = overzicht(
        [ev(S.BESCHIKKING, D(2025, 3, 3), verzonden_op=D(2025, 3, 6), ontvangen_op=D(2025, 3, 7))],
        vandaag=D(2025, 3, 10),
    )
    assert later.get("bezwaar").datum == D(2025, 4, 17)
    assert "envelop" in later.get("bezwaar").uitleg[0]
    assert later.get("bezwaar").partij.value == "client"


def test_unused_bezwaar_right_lapses():
    o = overzicht([ev(S.BESCHIKKING, D(2025, 3, 3))], vandaag=D(2025, 4, 15))
    t = o.get("bezwaar")
    assert t.status is TermijnStatus.VERVALLEN and "6:11" in t.actie
    assert not t.vraagt_aandacht
    assert (
        overzicht([ev(S.BESCHIKKING, D(2025, 3, 3))], vandaag=D(2025, 4, 14)).get("bezwaar").status
        is TermijnStatus.OPEN
    )  # the last day itself still counts


def test_bezwaar_posted_in_time_counts_within_the_postal_week():
    base = [ev(S.BESCHIKKING, D(2025, 3, 3))]
    posted = ev(S.BEZWAAR, D(2025, 4, 18), verzonden_op=D(2025, 4, 14))
    assert overzicht([*base, posted], vandaag=D(2025, 4, 20)).get("bezwaar").status is (
        TermijnStatus.GEHAALD
    )
    too_late = ev(S.BEZWAAR, D(2025, 4, 22), verzonden_op=D(2025, 4, 14))  # D28: 21-04 last
    late = overzicht([*base, too_late], vandaag=D(2025, 4, 25)).get("bezwaar")
    assert late.status is TermijnStatus.VERLOPEN and "6:11" in late.actie


def test_beslissing_op_bezwaar_chain():
    events = [
        ev(S.BESCHIKKING, D(2025, 3, 3)),
        ev(S.BEZWAAR, D(2025, 3, 20)),
    ]
    o = overzicht(events, vandaag=D(2025, 4, 1))
    assert o.get("beslissing_op_bezwaar").datum == D(2025, 5, 26)  # D29: from 14-04, not 20-03
    committee = overzicht(
        [events[0], ev(S.BEZWAAR, D(2025, 3, 20), met_adviescommissie=True)], vandaag=D(2025, 4, 1)
    )
    assert committee.get("beslissing_op_bezwaar").datum == D(2025, 7, 7)
    adjourned = overzicht(
        [
            events[0],
            ev(S.BEZWAAR, D(2025, 3, 20), met_adviescommissie=True),
            ev(S.VERDAGING_BEZWAAR, D(2025, 6, 30)),
        ],
        vandaag=D(2025, 7, 1),
    )
    assert adjourned.get("beslissing_op_bezwaar").datum == D(2025, 8, 18)
    # D30: the bezwaartermijn ended (Atw-extended) Tue 22-04 → 7:10 Tue 03-06.
    d30 = overzicht(
        [ev(S.BESCHIKKING, D(2025, 3, 7)), ev(S.BEZWAAR, D(2025, 4, 1))], vandaag=D(2025, 4, 2)
    )
    assert d30.get("bezwaar").datum == D(2025, 4, 22)
    assert d30.get("beslissing_op_bezwaar").datum == D(2025, 6, 3)


def test_beroep_after_beslissing_op_bezwaar():
    events = [
        ev(S.BESCHIKKING, D(2025, 3, 3)),
        ev(S.BEZWAAR, D(2025, 3, 20)),
        ev(S.BESLISSING_OP_BEZWAAR, D(2025, 5, 12)),
    ]
    o = overzicht(events, vandaag=D(2025, 5, 13))
    assert o.get("beslissing_op_bezwaar").status is TermijnStatus.GEHAALD
    assert o.get("beroep").datum == D(2025, 6, 23)
    assert o.get("beroep").status is TermijnStatus.OPEN


def test_klacht_terms():
    o = overzicht([ev(S.KLACHT, D(2025, 4, 1))], vandaag=D(2025, 4, 2))
    assert o.get("klacht").datum == D(2025, 5, 13)  # D32
    adjourned = overzicht(
        [ev(S.KLACHT, D(2025, 4, 1)), ev(S.VERDAGING_KLACHT, D(2025, 5, 1))], vandaag=D(2025, 5, 2)
    )
    assert adjourned.get("klacht").datum == D(2025, 6, 10)
    committee = overzicht(
        [
            ev(S.KLACHT, D(2025, 4, 1), met_adviescommissie=True),
            ev(S.VERDAGING_KLACHT, D(2025, 6, 1)),
        ],
        vandaag=D(2025, 6, 2),
    )
    assert committee.get("klacht").datum == D(2025, 7, 8)
    done = overzicht(
        [ev(S.KLACHT, D(2025, 4, 1)), ev(S.KLACHT_AFGEHANDELD, D(2025, 5, 13))],
        vandaag=D(2025, 5, 14),
    )
    assert done.get("klacht").status is TermijnStatus.GEHAALD
    assert done.get("ombudsman").datum == D(2026, 5, 13)  # D33


def test_herindicatie_reminder():
    o = overzicht(
        [ev(S.BESCHIKKING, D(2025, 3, 3), tot_datum=D(2026, 3, 31))], vandaag=D(2025, 12, 1)
    )
    assert o.get("herindicatie").datum == D(2026, 2, 3)
    assert o.get("einde_voorziening").datum == D(2026, 3, 31)
    assert o.get("herindicatie").status is TermijnStatus.OPEN


def test_override_is_kept_shown_and_moves_dependents():
    events = [ev(S.BESCHIKKING, D(2025, 3, 3)), ev(S.BEZWAAR, D(2025, 3, 20))]
    o = overzicht(
        events,
        vandaag=D(2025, 4, 1),
        aanpassingen={"bezwaar": Aanpassing(D(2025, 4, 28), "Gemeente noemde andere termijn")},
    )
    t = o.get("bezwaar")
    assert t.datum == D(2025, 4, 28) and t.berekend == D(2025, 4, 14) and t.aangepast
    assert "Gemeente noemde andere termijn" in t.uitleg[-1]
    assert o.get("beslissing_op_bezwaar").datum == D(2025, 6, 10)  # 28-04 + 6 wk: Whit Monday


def test_changing_a_recorded_date_moves_every_dependent():
    def bob(beschikking: dt.date) -> dt.date:
        o = overzicht(
            [ev(S.BESCHIKKING, beschikking), ev(S.BEZWAAR, D(2025, 3, 25))], vandaag=D(2025, 4, 1)
        )
        return o.get("beslissing_op_bezwaar").datum

    assert bob(D(2025, 3, 3)) == D(2025, 5, 26)
    assert bob(D(2025, 3, 7)) == D(2025, 6, 3)
