"""Every deadline of one melding, derived from its recorded events. Pure, no Qt.

Input is plain facts (``MeldingFeiten``): the wet, the date of the melding, its
status, its events and the adviser's overrides. Output is a list of ``Termijn``:
date, article, rule, why it falls on that day, status, days left and the next
action. Nothing is stored: change a date and everything is recomputed.

Choices where the law leaves room (``domain.md`` §2, §3, §11) follow the
protective rule: the earliest defensible date for the client's own deadlines,
the latest for the gemeente's, so an ingebrekestelling is never premature.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from ondersteuner.i18n import tr
from ondersteuner.models.enums import GebeurtenisSoort as S
from ondersteuner.models.enums import MeldingStatus, Wet
from ondersteuner.termijnen.dwangsom import DwangsomBerekening, bereken_dwangsom, euro
from ondersteuner.termijnen.kalender import datum_tekst
from ondersteuner.termijnen.rekenen import Berekening, bereken

ONE_DAY = dt.timedelta(days=1)


class TermijnStatus(enum.StrEnum):
    OPEN = "open"
    GEHAALD = "gehaald"
    VERLOPEN = "verlopen"
    VERVALLEN = "vervallen"

    @property
    def label(self) -> str:
        return {
            TermijnStatus.OPEN: tr("Open"),
            TermijnStatus.GEHAALD: tr("Gehaald"),
            TermijnStatus.VERLOPEN: tr("Verlopen"),
            TermijnStatus.VERVALLEN: tr("Vervallen"),
        }[self]


class Partij(enum.StrEnum):
    """Who must act before the deadline."""

    CLIENT = "client"
    GEMEENTE = "gemeente"

    @property
    def label(self) -> str:
        return tr("Cliënt") if self is Partij.CLIENT else tr("Gemeente")


class Feit(Protocol):
    """A recorded event (``GebeurtenisData`` or the ORM row both fit)."""

    soort: S
    datum: dt.date | None
    tot_datum: dt.date | None
    verzonden_op: dt.date | None
    ontvangen_op: dt.date | None
    met_adviescommissie: bool


@dataclass(frozen=True)
class Aanpassing:
    """The adviser's own date for a deadline, with the reason (kept and shown)."""

    datum: dt.date
    reden: str


@dataclass(frozen=True)
class MeldingFeiten:
    wet: Wet
    datum_melding: dt.date
    status: MeldingStatus = MeldingStatus.LOPEND
    gebeurtenissen: Sequence[Feit] = ()
    aanpassingen: Mapping[str, Aanpassing] = field(default_factory=dict)


@dataclass(frozen=True)
class Termijn:
    sleutel: str  # stable key; overrides refer to it
    naam: str
    datum: dt.date
    artikel: str
    regel: str  # the rule in words: "6 weken na bekendmaking van de beschikking"
    uitleg: tuple[str, ...]  # why it falls on this day
    partij: Partij
    status: TermijnStatus
    dagen_over: int  # negative once passed
    actie: str  # what to do now, Dutch
    berekend: dt.date  # the computed date, before any override
    aanpassing: str = ""  # the adviser's reason, when overridden
    waarschuwing: str = ""
    gehaald_op: dt.date | None = None
    dwangsom: DwangsomBerekening | None = None

    @property
    def aangepast(self) -> bool:
        return bool(self.aanpassing)

    @property
    def vraagt_aandacht(self) -> bool:
        """Still to come, or passed without what should have happened (not: done late)."""
        return self.status is TermijnStatus.OPEN or (
            self.status is TermijnStatus.VERLOPEN and self.gehaald_op is None
        )


@dataclass(frozen=True)
class Overzicht:
    termijnen: tuple[Termijn, ...]
    signalen: tuple[str, ...]  # warnings about the procedure (a void ingebrekestelling …)

    @property
    def volgende(self) -> Termijn | None:
        """The first deadline still to come."""
        open_ = [t for t in self.termijnen if t.status is TermijnStatus.OPEN]
        return min(open_, key=lambda t: t.datum, default=None)

    @property
    def te_laat(self) -> tuple[Termijn, ...]:
        return tuple(t for t in self.termijnen if t.status is TermijnStatus.VERLOPEN)

    def get(self, sleutel: str) -> Termijn | None:
        return next((t for t in self.termijnen if t.sleutel == sleutel), None)


# Keys and names of the deadlines (overrides are stored by key).
NAMEN: dict[str, str] = {
    "persoonlijk_plan": tr("Persoonlijk plan indienen"),
    "onderzoek": tr("Onderzoek en gesprek"),
    "verslag_richtlijn": tr("Verslag (richtlijn)"),
    "verslag": tr("Verslag (wettelijk)"),
    "beschikking": tr("Beschikking"),
    "beschikking_aangekondigd": tr("Aangekondigd besluit"),
    "dwangsom": tr("Dwangsom loopt"),
    "dwangsom_max": tr("Dwangsom maximaal"),
    "bezwaar": tr("Bezwaartermijn"),
    "beslissing_op_bezwaar": tr("Beslissing op bezwaar"),
    "gronden_bezwaar": tr("Gronden bezwaar insturen"),
    "beroep": tr("Beroepstermijn"),
    "klacht": tr("Klachtafhandeling"),
    "ombudsman": tr("Naar de ombudsman"),
    "herindicatie": tr("Herindicatie aanvragen"),
    "einde_voorziening": tr("Einde voorziening"),
    "herbeoordeling": tr("Herbeoordeling"),
}


def _fmt(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def _fixed(d: dt.date, why: str) -> Berekening:
    return Berekening(d, d, d, False, (why,))


class _Builder:
    """Collects deadlines in dependency order; overrides apply before dependents read."""

    def __init__(self, feiten: MeldingFeiten, vandaag: dt.date) -> None:
        self.f = feiten
        self.vandaag = vandaag
        self.closed = feiten.status is not MeldingStatus.LOPEND
        self.events = sorted(
            (e for e in feiten.gebeurtenissen if e.datum is not None),
            key=lambda e: e.datum,  # type: ignore[arg-type, return-value]
        )
        self.out: list[Termijn] = []
        self.signalen: list[str] = []

    # -- events
    def all(self, *soorten: S) -> list[Feit]:
        return [e for e in self.events if e.soort in soorten]

    def first(self, *soorten: S, after: dt.date | None = None) -> Feit | None:
        return next(
            (e for e in self.all(*soorten) if after is None or e.datum >= after),  # type: ignore[operator]
            None,
        )

    def last(self, *soorten: S) -> Feit | None:
        found = self.all(*soorten)
        return found[-1] if found else None

    # -- one deadline
    def add(
        self,
        sleutel: str,
        b: Berekening,
        *,
        artikel: str,
        regel: str,
        partij: Partij,
        gehaald_op: dt.date | None,
        actie: Callable[[TermijnStatus, dt.date], str],
        optioneel: bool = False,
        vervallen: bool = False,
        naam: str | None = None,
        dwangsom: DwangsomBerekening | None = None,
    ) -> Termijn:
        datum, uitleg, reden = b.datum, b.uitleg, ""
        override = self.f.aanpassingen.get(sleutel)
        if override is not None:
            datum, reden = override.datum, override.reden
            uitleg = (
                *uitleg,
                tr(
                    "U heeft deze termijn aangepast naar {d}: {reden}",
                    d=datum_tekst(datum),
                    reden=reden,
                ),
            )
        if gehaald_op is not None:
            status = TermijnStatus.GEHAALD if gehaald_op <= datum else TermijnStatus.VERLOPEN
        elif self.closed or vervallen:
            status = TermijnStatus.VERVALLEN
        elif self.vandaag > datum:
            status = TermijnStatus.VERVALLEN if optioneel else TermijnStatus.VERLOPEN
        else:
            status = TermijnStatus.OPEN
        t = Termijn(
            sleutel=sleutel,
            naam=naam or NAMEN[sleutel],
            datum=datum,
            artikel=artikel,
            regel=regel,
            uitleg=tuple(uitleg),
            partij=partij,
            status=status,
            dagen_over=(datum - self.vandaag).days,
            actie=actie(status, datum),
            berekend=b.datum,
            aanpassing=reden,
            waarschuwing=b.waarschuwing,
            gehaald_op=gehaald_op,
            dwangsom=dwangsom,
        )
        self.out.append(t)
        return t


Tekst = str | Callable[[dt.date], str]


def _acties(
    open: Tekst = "", gehaald: Tekst = "", verlopen: Tekst = "", vervallen: Tekst = ""
) -> Callable[[TermijnStatus, dt.date], str]:
    """The next action per status; a text that needs the date is a function of it.
    Only the one for the actual status is made."""
    texts = {
        TermijnStatus.OPEN: open,
        TermijnStatus.GEHAALD: gehaald,
        TermijnStatus.VERLOPEN: verlopen,
        TermijnStatus.VERVALLEN: vervallen or tr("Niet meer van toepassing."),
    }

    def actie(status: TermijnStatus, datum: dt.date) -> str:
        text = texts[status]
        return text(datum) if callable(text) else text

    return actie


def _wanneer(datum: dt.date, vandaag: dt.date) -> str:
    days = (datum - vandaag).days
    if days == 0:
        return tr("vandaag")
    if days == 1:
        return tr("morgen")
    if days > 1:
        return tr("over {n} dagen", n=days)
    return tr("{n} dagen geleden", n=-days)


def bereken_termijnen(feiten: MeldingFeiten, vandaag: dt.date) -> Overzicht:
    """All deadlines of one melding as of ``vandaag``."""
    b = _Builder(feiten, vandaag)
    if feiten.wet is Wet.WMO:
        _wmo_onderzoek(b)
    _beschikking(b)
    _bezwaar_en_beroep(b)
    _klachten(b)
    _herindicatie(b)
    termijnen = tuple(sorted(b.out, key=lambda t: (t.datum, t.sleutel)))
    return Overzicht(termijnen, tuple(b.signalen))


# ---------------------------------------------------------------- Wmo onderzoek
def _wmo_onderzoek(b: _Builder) -> None:
    melding = b.f.datum_melding
    v = b.vandaag
    plan = b.first(S.PERSOONLIJK_PLAN)
    gesprek = b.first(S.GESPREK)
    verslag = b.first(S.VERSLAG_ONTVANGEN)
    # Once there is an aanvraag or a beschikking, an unmet onderzoek deadline no
    # longer asks for action (the client used 2.3.2 lid 9, or the gemeente decided).
    verder = b.first(S.AANVRAAG, S.BESCHIKKING) is not None

    # Wmo 2.3.2 lid 2: the client may hand in a plan during 7 days after the melding.
    b.add(
        "persoonlijk_plan",
        bereken(melding, dagen=7),
        artikel=tr("art. 2.3.2 lid 2 Wmo 2015"),
        regel=tr("7 dagen na de melding"),
        partij=Partij.CLIENT,
        gehaald_op=plan.datum if plan else None,
        optioneel=True,
        actie=_acties(
            open=lambda d: tr(
                "Persoonlijk plan indienen kan tot en met {d} ({w}).",
                d=_fmt(d),
                w=_wanneer(d, v),
            ),
            gehaald=tr("Persoonlijk plan op tijd ingediend."),
            verlopen=tr(
                "Het plan kwam na de 7 dagen; de gemeente moet er toch rekening mee houden "
                "als het onderzoek nog loopt."
            ),
            vervallen=tr("Geen persoonlijk plan ingediend."),
        ),
    )
    # Wmo 2.3.2 lid 1: the onderzoek within six weeks after the melding. The Atw
    # applies (a term set in a wet; domain.md §2.2 marks it verify — applying it
    # gives the later date, the protective choice for a gemeente deadline).
    b.add(
        "onderzoek",
        bereken(melding, weken=6),
        artikel=tr("art. 2.3.2 lid 1 Wmo 2015"),
        regel=tr("6 weken na de melding"),
        partij=Partij.GEMEENTE,
        gehaald_op=gesprek.datum if gesprek else None,
        vervallen=verder,
        actie=_acties(
            open=lambda d: tr(
                "Het gesprek moet uiterlijk {d} zijn geweest ({w}).",
                d=_fmt(d),
                w=_wanneer(d, v),
            ),
            gehaald=tr("Gesprek binnen zes weken gevoerd."),
            verlopen=tr(
                "Het onderzoek duurt langer dan zes weken. De cliënt kan nu zelf een "
                "aanvraag indienen (art. 2.3.2 lid 9 Wmo)."
            ),
        ),
    )
    # The verslag: by law within the onderzoek's six weeks (lid 1 requires the
    # onderzoek "in accordance with leden 2–8"; lid 8 is the verslag) …
    b.add(
        "verslag",
        bereken(melding, weken=6),
        artikel=tr("art. 2.3.2 lid 1 en 8 Wmo 2015"),
        regel=tr("binnen de 6 weken van het onderzoek"),
        partij=Partij.GEMEENTE,
        gehaald_op=verslag.datum if verslag else None,
        vervallen=verder,
        actie=_acties(
            open=lambda d: tr("Het verslag moet er uiterlijk {d} zijn.", d=_fmt(d)),
            gehaald=tr("Verslag op tijd ontvangen."),
            verlopen=tr(
                "Het verslag is te laat. Vraag het schriftelijk op bij de gemeente; de cliënt "
                "kan ook zelf een aanvraag indienen."
            ),
        ),
    )
    # … and, as practice, two weeks after the gesprek (ANBO "Spelregels" 18). Not
    # a statutory term, so no Atw.
    if gesprek is not None:
        assert gesprek.datum is not None
        b.add(
            "verslag_richtlijn",
            bereken(gesprek.datum, weken=2, termijnenwet=False),
            artikel=tr("richtlijn ANBO (geen wet)"),
            regel=tr("2 weken na het gesprek"),
            partij=Partij.GEMEENTE,
            gehaald_op=verslag.datum if verslag else None,
            vervallen=verder,
            actie=_acties(
                open=lambda d: tr("Verslag verwacht uiterlijk {d}.", d=_fmt(d)),
                gehaald=tr("Verslag binnen twee weken na het gesprek."),
                verlopen=tr(
                    "Het verslag is er nog niet, twee weken na het gesprek. Vraag de "
                    "gemeente wanneer het komt."
                ),
            ),
        )


# ---------------------------------------------------------------- beschikking
def _stilstand(
    b: _Builder, soort: S, after: dt.date, text: str, hersteld: dt.date | None = None
) -> tuple[tuple[int, str], ...]:
    """Days a term stood still: from the day after the request (``datum``) until the
    completion (``tot_datum``; still running: until today; repaired earlier, as
    ``hersteld``: until then). Awb 4:15, 7:10 lid 2."""
    out = []
    for e in b.all(soort):
        assert e.datum is not None
        if e.datum < after:
            continue
        until = e.tot_datum or b.vandaag
        if hersteld is not None and e.datum <= hersteld < until:
            until = hersteld
        days = max(0, (until - e.datum).days)
        if days:
            out.append(
                (
                    days,
                    tr(
                        text,
                        a=_fmt(e.datum + ONE_DAY),
                        b=_fmt(until)
                        if e.tot_datum or until != b.vandaag
                        else tr("nu (loopt nog)"),
                        n=days,
                    ),
                )
            )
    return tuple(out)


def _beschikking(b: _Builder) -> None:
    aanvraag = b.first(S.AANVRAAG)
    if aanvraag is None:
        return
    assert aanvraag.datum is not None
    v = b.vandaag
    beschikking = b.first(S.BESCHIKKING, after=aanvraag.datum)
    verdaging = b.last(S.VERDAGING_BESCHIKKING)
    stil = _stilstand(
        b,
        S.OPSCHORTING,
        aanvraag.datum,
        tr("Opgeschort van {a} tot {b}: {n} dagen erbij (art. 4:15 Awb)."),
    )
    if b.f.wet is Wet.WMO:
        base = bereken(aanvraag.datum, weken=2, stilstand=stil)
        artikel = tr("art. 2.3.5 lid 2 Wmo 2015")
        regel = tr("2 weken na ontvangst van de aanvraag")
    else:
        # Jeugdwet: no statutory term; the verordening's, otherwise Awb 4:13 lid 2
        # (a reasonable term, in any case passed after eight weeks).
        base = bereken(aanvraag.datum, weken=8, stilstand=stil)
        artikel = tr("art. 4:13 lid 2 Awb")
        regel = tr("8 weken na ontvangst van de aanvraag")
        if verdaging is not None and verdaging.tot_datum is not None:
            assert verdaging.datum is not None
            if verdaging.datum <= base.datum and verdaging.tot_datum > base.datum:
                # 4:14 lid 3: a notice within the eight weeks naming a reasonable term
                # extends it (no statutory term here).
                base = _fixed(
                    verdaging.tot_datum,
                    tr(
                        "De gemeente noemde op {d} een nieuwe termijn tot {t}; zonder "
                        "wettelijke termijn geldt die (art. 4:14 lid 3 Awb).",
                        d=_fmt(verdaging.datum),
                        t=_fmt(verdaging.tot_datum),
                    ),
                )
    beslist = beschikking.datum if beschikking else None
    deadline = b.add(
        "beschikking",
        base,
        artikel=artikel,
        regel=regel,
        partij=Partij.GEMEENTE,
        gehaald_op=beslist,
        actie=_acties(
            open=lambda d: tr(
                "De gemeente moet uiterlijk {d} beslissen ({w}).", d=_fmt(d), w=_wanneer(d, v)
            ),
            gehaald=tr("Beschikking op tijd."),
            verlopen=(
                tr("Beschikking is te laat: stuur een ingebrekestelling.")
                if beslist is None
                else tr("De beschikking kwam te laat (op {d}).", d=_fmt(beslist))
            ),
        ),
    )
    if b.f.wet is Wet.WMO and verdaging is not None and verdaging.tot_datum is not None:
        # 4:14 lid 1: announcing a later date does not extend a statutory term.
        b.add(
            "beschikking_aangekondigd",
            _fixed(
                verdaging.tot_datum,
                tr(
                    "De gemeente schreef op {d} dat het besluit uiterlijk {t} komt. Dat "
                    "verlengt de wettelijke termijn niet (art. 4:14 lid 1 Awb): een "
                    "ingebrekestelling kan al na {w}.",
                    d=_fmt(verdaging.datum) if verdaging.datum else "?",
                    t=_fmt(verdaging.tot_datum),
                    w=_fmt(deadline.datum),
                ),
            ),
            artikel=tr("art. 4:14 lid 1 Awb"),
            regel=tr("door de gemeente aangekondigd"),
            partij=Partij.GEMEENTE,
            gehaald_op=beslist,
            actie=_acties(
                open=lambda d: tr("Aangekondigd besluit uiterlijk {d}.", d=_fmt(d)),
                gehaald=tr("Besluit binnen de aangekondigde datum."),
                verlopen=tr("Ook de aangekondigde datum is voorbij."),
            ),
        )
    bezwaar = b.first(S.BEZWAAR)
    _ingebrekestelling(
        b,
        deadline,
        beslist,
        lambda ib: bezwaar is None or (ib.datum is not None and ib.datum < bezwaar.datum),  # type: ignore[operator]
        tr("de beschikking"),
    )


def _ingebrekestelling(
    b: _Builder,
    deadline: Termijn,
    beslist: dt.date | None,
    concerns: Callable[[Feit], bool],
    wat: str,
) -> None:
    """Check each ingebrekestelling about this decision; the first valid one starts
    the dwangsom (Awb 4:17) and makes beroep niet tijdig possible (6:12). The
    decision's own deadline then says so instead of "stuur een ingebrekestelling"."""
    valid: tuple[Feit, dt.date] | None = None
    for ib in b.all(S.INGEBREKESTELLING):
        if not concerns(ib):
            continue
        assert ib.datum is not None
        if beslist is not None and ib.datum >= beslist:
            continue
        received = ib.ontvangen_op or ib.datum
        if received <= deadline.datum:
            b.signalen.append(
                tr(
                    "De ingebrekestelling over {wat} is ontvangen op {r}, op of vóór de laatste "
                    "dag van de termijn ({d}). Ze is te vroeg en telt niet (nietig). Stuur na "
                    "{d} een nieuwe.",
                    wat=wat,
                    r=_fmt(received),
                    d=_fmt(deadline.datum),
                )
            )
            continue
        if ib.ontvangen_op is None:
            b.signalen.append(
                tr(
                    "De ontvangstdatum van de ingebrekestelling van {d} is niet ingevuld; "
                    "gerekend met de verzenddatum. Vul de ontvangstdatum in zodra u die weet.",
                    d=_fmt(ib.datum),
                )
            )
        valid = (ib, received)
        break
    if valid is None:
        return
    _ib, received = valid
    if beslist is None and deadline.status is TermijnStatus.VERLOPEN:
        b.out[b.out.index(deadline)] = replace(
            deadline,
            actie=tr(
                "De gemeente is in gebreke gesteld (ontvangen op {r}). Wacht op het besluit, "
                "of stel beroep in bij de rechtbank (art. 6:12 Awb).",
                r=_fmt(received),
            ),
        )
    calc = bereken_dwangsom(received, b.vandaag, beslist)
    v = b.vandaag
    first, last = calc.eerste_dag, calc.laatste_dag
    ended_before = beslist is not None and beslist <= first
    b.add(
        f"dwangsom_{deadline.sleutel}",
        _fixed(
            first,
            tr(
                "Ingebrekestelling ontvangen op {r}; twee weken later, vanaf {f}, is de "
                "gemeente een dwangsom verschuldigd per dag dat ze niet beslist "
                "(art. 4:17 lid 3 Awb). De Algemene termijnenwet geldt hier niet.",
                r=_fmt(received),
                f=datum_tekst(first),
            ),
        ),
        naam=tr("Dwangsom loopt ({wat})", wat=wat),
        artikel=tr("art. 4:17 Awb"),
        regel=tr("2 weken na ontvangst van de ingebrekestelling"),
        partij=Partij.GEMEENTE,
        gehaald_op=None,
        vervallen=ended_before,
        dwangsom=calc,
        actie=_acties(
            open=lambda d: tr(
                "Dwangsom begint {d} te lopen; vanaf dan kan ook beroep bij de rechtbank "
                "(art. 6:12 Awb).",
                d=_fmt(d),
            ),
            verlopen=tr(
                "De gemeente is in gebreke: {n} dagen dwangsom, {bedrag} (tot en met "
                "vandaag). Beroep bij de rechtbank kan (art. 6:12 Awb).",
                n=calc.dagen,
                bedrag=euro(calc.bedrag),
            ),
            vervallen=tr("Beslist voordat de dwangsom ging lopen."),
        ),
    )
    if not ended_before:
        b.add(
            f"dwangsom_max_{deadline.sleutel}",
            _fixed(
                last,
                tr(
                    "Een dwangsom loopt ten hoogste 42 dagen (art. 4:17 lid 2 Awb): van {f} "
                    "tot en met {l}. Daarna stelt de gemeente het bedrag binnen twee weken "
                    "vast (art. 4:18 Awb).",
                    f=_fmt(first),
                    l=_fmt(last),
                ),
            ),
            naam=tr("Dwangsom maximaal ({wat})", wat=wat),
            artikel=tr("art. 4:17 lid 2 Awb"),
            regel=tr("42 dagen na de eerste dag"),
            partij=Partij.GEMEENTE,
            gehaald_op=None,
            vervallen=beslist is not None and beslist <= last,
            dwangsom=calc,
            actie=_acties(
                open=lambda d: tr(
                    "Tot nu {n} dagen, {bedrag}; het maximum is {max} op {d} ({w}).",
                    n=calc.dagen,
                    bedrag=euro(calc.bedrag),
                    max=euro(calc.maximum),
                    d=_fmt(d),
                    w=_wanneer(d, v),
                ),
                verlopen=tr(
                    "Maximale dwangsom bereikt: {max}. De gemeente moet dit vaststellen "
                    "uiterlijk {v} (art. 4:18 Awb).",
                    max=euro(calc.maximum),
                    v=_fmt(calc.vaststelling_uiterlijk) if calc.vaststelling_uiterlijk else "?",
                ),
                vervallen=tr(
                    "Beslist op {d}: {n} dagen dwangsom, {bedrag}.",
                    d=_fmt(beslist) if beslist else "?",
                    n=calc.dagen,
                    bedrag=euro(calc.bedrag),
                ),
            ),
        )


# ---------------------------------------------------------------- bezwaar, beroep
def _bekendmaking(e: Feit) -> tuple[dt.date, str]:
    """The day a besluit was made known (Awb 6:8, 3:41): its dagtekening, unless a
    later sending is recorded (postmark). Receipt never starts the term."""
    assert e.datum is not None
    if e.verzonden_op is not None and e.verzonden_op > e.datum:
        return e.verzonden_op, tr(
            "Later verzonden dan de dagtekening ({d}): gerekend vanaf de verzending op {v}. "
            "Bewaar de envelop als bewijs; zonder bewijs geldt de dagtekening.",
            d=_fmt(e.datum),
            v=_fmt(e.verzonden_op),
        )
    return e.datum, ""


def _op_tijd_ingediend(e: Feit | None, deadline: dt.date) -> dt.date | None:
    """When a bezwaar/beroep counts as filed: the day received, or — sent by post
    before the end and received at most a week after it — the day posted (6:9)."""
    if e is None or e.datum is None:
        return None
    # Awb 6:9 lid 2: the postal week is not extended by the Atw here (verify); the
    # earlier date is the protective choice for the client.
    posted_in_time = e.verzonden_op is not None and e.verzonden_op <= deadline
    if deadline < e.datum <= deadline + dt.timedelta(days=7) and posted_in_time:
        return e.verzonden_op
    return e.datum


def _bezwaar_en_beroep(b: _Builder) -> None:
    beschikking = b.last(S.BESCHIKKING)
    if beschikking is None:
        return
    v = b.vandaag
    start, note = _bekendmaking(beschikking)
    calc = bereken(start, weken=6)
    if note:
        calc = replace(calc, uitleg=(note, *calc.uitleg))
    bezwaar = b.first(S.BEZWAAR, after=beschikking.datum)
    termijn = b.add(
        "bezwaar",
        calc,
        artikel=tr("art. 6:7 en 6:8 Awb"),
        regel=tr("6 weken na bekendmaking van de beschikking (vanaf de dag erna)"),
        partij=Partij.CLIENT,
        gehaald_op=_op_tijd_ingediend(bezwaar, calc.datum) if bezwaar else None,
        actie=_acties(
            open=lambda d: tr(
                "Bezwaartermijn loopt af {w}: het bezwaar moet uiterlijk {d} binnen zijn.",
                w=_wanneer(d, v),
                d=_fmt(d),
            ),
            gehaald=tr("Bezwaar op tijd ingediend."),
            verlopen=tr(
                "Het bezwaar kwam na de termijn. Alleen als de cliënt niets te verwijten valt, "
                "kan de gemeente het nog behandelen (art. 6:11 Awb)."
            ),
            vervallen=tr(
                "Geen bezwaar gemaakt; de termijn is voorbij. Een te laat bezwaar kan alleen "
                "als de cliënt niets te verwijten valt (art. 6:11 Awb)."
            ),
        ),
        # Bezwaar is the client's right, not a duty: unused, it lapses (vervallen).
        optioneel=True,
    )
    if bezwaar is None:
        return
    _gronden_aanvullen(b, bezwaar)
    _beslissing_op_bezwaar(b, termijn, bezwaar)


def _gronden_datum(b: _Builder, bezwaar: Feit) -> dt.date | None:
    """When the grounds of a pro-forma bezwaar came: a later bezwaar step."""
    return next(
        (
            e.datum
            for e in b.all(S.BEZWAAR)
            if e is not bezwaar and e.datum is not None and e.datum >= bezwaar.datum  # type: ignore[operator]
        ),
        None,
    )


def _gronden_aanvullen(b: _Builder, bezwaar: Feit) -> None:
    """A pro-forma bezwaar: the gemeente sets a term to supply the grounds (Awb 6:6);
    after it the bezwaar may be declared inadmissible."""
    herstel = b.last(S.HERSTELTERMIJN)
    if herstel is None or herstel.tot_datum is None:
        return
    tot = herstel.tot_datum
    aangevuld = _gronden_datum(b, bezwaar)
    b.add(
        "gronden_bezwaar",
        _fixed(
            tot,
            tr(
                "De gemeente gaf tot {t} om de gronden van het bezwaar te sturen (art. 6:6 Awb).",
                t=_fmt(tot),
            ),
        ),
        artikel=tr("art. 6:6 Awb"),
        regel=tr("de hersteltermijn die de gemeente gaf"),
        partij=Partij.CLIENT,
        gehaald_op=aangevuld,
        actie=_acties(
            open=lambda d: tr(
                "Stuur de gronden van het bezwaar; ze moeten uiterlijk {d} binnen zijn ({w}). "
                "Maak de brief met Brieven → Bezwaarschrift.",
                d=_fmt(d),
                w=_wanneer(d, b.vandaag),
            ),
            gehaald=tr("Gronden van het bezwaar ingestuurd."),
            verlopen=tr(
                "De hersteltermijn is voorbij zonder gronden: de gemeente mag het bezwaar "
                "niet-ontvankelijk verklaren. Stuur de gronden toch meteen en bel de gemeente."
            ),
        ),
    )


def _beslissing_op_bezwaar(b: _Builder, bezwaartermijn: Termijn, bezwaar: Feit) -> None:
    v = b.vandaag
    commissie = any(
        e.met_adviescommissie for e in b.all(S.BEZWAAR, S.HOORZITTING, S.VERDAGING_BEZWAAR)
    )
    # 7:10 lid 1: counted from the end of the bezwaartermijn — here its Atw-extended
    # end (domain.md case 30: the later date, protective for a gemeente deadline).
    calc = bereken(
        bezwaartermijn.datum,
        weken=12 if commissie else 6,
        stilstand=_stilstand(
            b,
            S.HERSTELTERMIJN,
            bezwaar.datum,  # type: ignore[arg-type]
            tr(
                "Opgeschort zolang het bezwaar werd aangevuld ({a} tot {b}): {n} dagen "
                "erbij (art. 7:10 lid 2 Awb)."
            ),
            hersteld=_gronden_datum(b, bezwaar),
        ),
    )
    regel = (
        tr("12 weken na afloop van de bezwaartermijn (met adviescommissie)")
        if commissie
        else tr("6 weken na afloop van de bezwaartermijn")
    )
    verdaging = b.first(S.VERDAGING_BEZWAAR)
    if verdaging is not None:
        # 7:10 lid 3: one adjournment of at most six weeks. Treated as a term of its
        # own (6 weeks ≤ 12, so the Atw applies: domain.md §2.2, protective).
        extended = bereken(calc.datum, weken=6)
        calc = replace(
            extended,
            start=calc.start,
            uitleg=(
                *calc.uitleg,
                tr("Verdaagd met ten hoogste zes weken (art. 7:10 lid 3 Awb):"),
                *extended.uitleg,
            ),
        )
        if verdaging.tot_datum is not None and verdaging.tot_datum > calc.datum:
            # 7:10 lid 4: further postponement only with the client's consent.
            calc = _fixed(
                verdaging.tot_datum,
                tr(
                    "Verder uitgesteld tot {d}; dat mag alleen met instemming van de cliënt "
                    "(art. 7:10 lid 4 Awb).",
                    d=_fmt(verdaging.tot_datum),
                ),
            )
    bob = b.first(S.BESLISSING_OP_BEZWAAR, after=bezwaar.datum)
    beslist = bob.datum if bob else None
    deadline = b.add(
        "beslissing_op_bezwaar",
        calc,
        artikel=tr("art. 7:10 Awb"),
        regel=regel,
        partij=Partij.GEMEENTE,
        gehaald_op=beslist,
        actie=_acties(
            open=lambda d: tr(
                "De gemeente moet uiterlijk {d} op het bezwaar beslissen ({w}).",
                d=_fmt(d),
                w=_wanneer(d, v),
            ),
            gehaald=tr("Op tijd beslist op het bezwaar."),
            verlopen=(
                tr("Beslissing op bezwaar is te laat: stuur een ingebrekestelling.")
                if beslist is None
                else tr("De beslissing op bezwaar kwam te laat (op {d}).", d=_fmt(beslist))
            ),
        ),
    )
    _ingebrekestelling(
        b,
        deadline,
        beslist,
        lambda ib: ib.datum is not None and ib.datum >= bezwaar.datum,  # type: ignore[operator]
        tr("de beslissing op bezwaar"),
    )
    if bob is None:
        return
    start, note = _bekendmaking(bob)
    calc = bereken(start, weken=6)
    if note:
        calc = replace(calc, uitleg=(note, *calc.uitleg))
    beroep = b.first(S.BEROEP, after=bob.datum)
    b.add(
        "beroep",
        calc,
        artikel=tr("art. 6:7 en 6:8 Awb"),
        regel=tr("6 weken na bekendmaking van de beslissing op bezwaar"),
        partij=Partij.CLIENT,
        gehaald_op=_op_tijd_ingediend(beroep, calc.datum) if beroep else None,
        actie=_acties(
            open=lambda d: tr(
                "Beroep bij de rechtbank kan tot en met {d} ({w}).", d=_fmt(d), w=_wanneer(d, v)
            ),
            gehaald=tr("Beroep op tijd ingesteld."),
            verlopen=tr("Het beroep kwam na de termijn (art. 6:11 Awb)."),
            vervallen=tr("Geen beroep ingesteld; de termijn is voorbij."),
        ),
        optioneel=True,
    )


# ---------------------------------------------------------------- klachten
def _klachten(b: _Builder) -> None:
    v = b.vandaag
    klachten = b.all(S.KLACHT)
    for i, klacht in enumerate(klachten):
        assert klacht.datum is not None
        nxt = klachten[i + 1].datum if i + 1 < len(klachten) else None
        suffix = "" if i == 0 else f"_{i + 1}"
        calc = bereken(klacht.datum, weken=10 if klacht.met_adviescommissie else 6)
        regel = (
            tr("10 weken na ontvangst (met klachtadviescommissie)")
            if klacht.met_adviescommissie
            else tr("6 weken na ontvangst van de klacht")
        )
        verdaging = next(
            (
                e
                for e in b.all(S.VERDAGING_KLACHT)
                if e.datum >= klacht.datum and (nxt is None or e.datum < nxt)  # type: ignore[operator]
            ),
            None,
        )
        if verdaging is not None:
            # 9:11 lid 2: adjournment of at most four weeks, a term of its own.
            extended = bereken(calc.datum, weken=4)
            calc = replace(
                extended,
                start=calc.start,
                uitleg=(
                    *calc.uitleg,
                    tr("Verdaagd met ten hoogste vier weken (art. 9:11 lid 2 Awb):"),
                    *extended.uitleg,
                ),
            )
        done = b.first(S.KLACHT_AFGEHANDELD, after=klacht.datum)
        b.add(
            "klacht" + suffix,
            calc,
            naam=NAMEN["klacht"] + (f" {i + 1}" if i else ""),
            artikel=tr("art. 9:11 Awb"),
            regel=regel,
            partij=Partij.GEMEENTE,
            gehaald_op=done.datum if done else None,
            actie=_acties(
                open=lambda d: tr(
                    "De gemeente moet de klacht uiterlijk {d} afhandelen ({w}).",
                    d=_fmt(d),
                    w=_wanneer(d, v),
                ),
                gehaald=tr("Klacht op tijd afgehandeld."),
                verlopen=tr(
                    "De klacht is niet op tijd afgehandeld. Vraag de gemeente om een reactie; "
                    "daarna kan de cliënt naar de ombudsman."
                ),
            ),
        )
        if done is not None:
            assert done.datum is not None
            # 9:24: the ombudsman may refuse a request made more than a year after
            # the findings. A term in years: no Atw (art. 4).
            b.add(
                "ombudsman" + suffix,
                bereken(done.datum, maanden=12, termijnenwet=False),
                artikel=tr("art. 9:24 Awb"),
                regel=tr("1 jaar na de afhandeling van de klacht"),
                partij=Partij.CLIENT,
                gehaald_op=None,
                optioneel=True,
                actie=_acties(
                    open=lambda d: tr(
                        "Niet tevreden over de afhandeling? Naar de ombudsman kan tot {d}.",
                        d=_fmt(d),
                    ),
                    vervallen=tr("De termijn voor de ombudsman is voorbij."),
                ),
            )


# ---------------------------------------------------------------- herindicatie
def _herindicatie(b: _Builder) -> None:
    beschikking = b.last(S.BESCHIKKING)
    v = b.vandaag
    if beschikking is not None and beschikking.tot_datum is not None:
        einde = beschikking.tot_datum
        nieuwe_aanvraag = b.first(S.AANVRAAG, after=beschikking.datum)
        # Practice (domain.md §1): ask 8 weeks before the end (6 weeks onderzoek +
        # 2 weeks beschikking). Counted backwards: no Atw (art. 1 lid 2).
        reminder = einde - dt.timedelta(weeks=8)
        b.add(
            "herindicatie",
            _fixed(
                reminder,
                tr(
                    "De voorziening loopt af op {e}. Acht weken ervoor (zes weken onderzoek "
                    "en twee weken voor de beschikking) is een nieuwe melding op tijd.",
                    e=datum_tekst(einde),
                ),
            ),
            artikel=tr("art. 2.3.9 Wmo 2015 (praktijk)"),
            regel=tr("8 weken voor het einde van de voorziening"),
            partij=Partij.CLIENT,
            gehaald_op=nieuwe_aanvraag.datum if nieuwe_aanvraag else None,
            actie=_acties(
                open=lambda d: tr(
                    "Vraag uiterlijk {d} een herindicatie aan ({w}).",
                    d=_fmt(d),
                    w=_wanneer(d, v),
                ),
                gehaald=tr("Herindicatie op tijd aangevraagd."),
                verlopen=tr("De voorziening loopt binnenkort af. Doe nu een nieuwe melding."),
            ),
        )
        b.add(
            "einde_voorziening",
            _fixed(einde, tr("Einddatum in de beschikking van {d}.", d=_fmt(beschikking.datum))),
            artikel=tr("beschikking"),
            regel=tr("einddatum van de toegekende voorziening"),
            partij=Partij.GEMEENTE,
            gehaald_op=None,
            optioneel=True,
            actie=_acties(
                open=lambda d: tr("De voorziening loopt tot en met {d}.", d=_fmt(d)),
                vervallen=tr("De voorziening is afgelopen."),
            ),
        )
    her = b.last(S.HERINDICATIE)
    if her is not None:
        b.add(
            "herbeoordeling",
            _fixed(her.datum, tr("Door de gemeente gepland of in de beschikking genoemd.")),
            artikel=tr("art. 2.3.9 Wmo 2015"),
            regel=tr("herbeoordeling van de voorziening"),
            partij=Partij.GEMEENTE,
            gehaald_op=None,
            optioneel=True,
            actie=_acties(
                open=lambda d: tr("Herbeoordeling op {d}: bereid die voor.", d=_fmt(d)),
                vervallen=tr("Herbeoordeling is geweest."),
            ),
        )
