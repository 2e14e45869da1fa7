"""Letter operations: fill a letter's fields from the dossier, archive letters in the
vault per melding, and record what happens to them (sent, receipt confirmed, a
hersteltermijn set) as procedure events, so the deadlines start running."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ondersteuner.i18n import tr
from ondersteuner.letters import TITELS, leeg, velden
from ondersteuner.letters.velden import DATUM
from ondersteuner.models import (
    Brief,
    Client,
    Gebeurtenis,
    Gemeente,
    Melding,
    Verslag,
)
from ondersteuner.models.enums import BriefStatus, GebeurtenisSoort, Wet
from ondersteuner.ui.ops.common import audit, write_session
from ondersteuner.validation import InvalidInput
from ondersteuner.vault import Vault

S = GebeurtenisSoort

# Sending a letter records this procedure event (its deadlines then start running).
GEBEURTENIS_BIJ_VERZENDEN: dict[str, GebeurtenisSoort] = {
    "reactie_verslag": S.REACTIE_VERSLAG,
    "bezwaarschrift": S.BEZWAAR,
    "bezwaarschrift_pro_forma": S.BEZWAAR,
    "ingebrekestelling": S.INGEBREKESTELLING,
    "klacht": S.KLACHT,
    "aanvraag_maatwerkvoorziening": S.AANVRAAG,
    "persoonlijk_plan": S.PERSOONLIJK_PLAN,
}


@dataclass(frozen=True)
class BriefData:
    id: int
    melding_id: int | None
    soort: str
    titel: str
    bestandsnaam: str
    status: BriefStatus
    aangemaakt: dt.date
    verzonden_op: dt.date | None
    ontvangstbevestiging_op: dt.date | None
    hersteltermijn_tot: dt.date | None


def _last(events: list[Gebeurtenis], *soorten: GebeurtenisSoort) -> Gebeurtenis | None:
    found = [e for e in events if e.soort in soorten]
    return max(found, key=lambda e: e.datum) if found else None


def gegevens_uit_dossier(
    vault: Vault,
    melding_id: int,
    soort: str,
    *,
    adviseur: dict[str, str] | None = None,
    vandaag: dt.date | None = None,
) -> dict[str, Any]:
    """Every field of ``soort`` the dossier can fill; the rest stays empty (nothing
    is guessed). ``adviseur`` holds the adviser's own details from the settings."""
    vandaag = vandaag or dt.date.today()
    with vault.session() as s:
        m = s.get_one(Melding, melding_id)
        c: Client = m.client
        g: Gemeente | None = m.gemeente or c.gemeente
        events = list(m.gebeurtenissen)
        out: dict[str, Any] = {
            "client_naam": c.naam,
            "client_adres": c.adres,
            "client_postcode_plaats": " ".join(p for p in (c.postcode, c.woonplaats) if p),
            "client_telefoon": c.telefoon,
            "client_geboortedatum": c.geboortedatum,
            "gemeente_naam": g.naam if g else "",
            "gemeente_afdeling": g.afdeling if g else "",
            "gemeente_adres": g.post_adres if g else "",
            "gemeente_postcode_plaats": " ".join(
                p for p in ((g.post_postcode, g.post_plaats) if g else ()) if p
            ),
            "kenmerk": m.kenmerk,
            "plaats": c.woonplaats,
            "datum": vandaag,
            "wet": tr("Jeugdwet") if m.wet is Wet.JEUGDWET else tr("Wmo 2015"),
            "melding_datum": m.datum_melding,
        }
        out.update({f"adviseur_{k}": v for k, v in (adviseur or {}).items() if v})
        gesprek = _last(events, S.GESPREK)
        if gesprek:
            out["gesprek_datum"] = gesprek.datum
        elif m.gesprekken:
            out["gesprek_datum"] = max(gp.datum for gp in m.gesprekken)
        verslag = _last(events, S.VERSLAG_ONTVANGEN)
        verslagen = s.scalars(
            select(Verslag).where(Verslag.melding_id == melding_id).order_by(Verslag.id)
        ).all()
        if verslagen and verslagen[-1].dagtekening:
            out["verslag_datum"] = verslagen[-1].dagtekening
        elif verslag:
            out["verslag_datum"] = verslag.datum
        plan = _last(events, S.PERSOONLIJK_PLAN)
        if plan:
            out["plan_datum"] = plan.datum
        aanvraag = _last(events, S.AANVRAAG)
        if aanvraag:
            out["aanvraag_datum"] = aanvraag.datum
        beschikking = _last(events, S.BESCHIKKING)
        if beschikking:
            out["beschikking_datum"] = beschikking.datum
            out["beschikking_kenmerk"] = beschikking.kenmerk
            out["beschikking_omschrijving"] = beschikking.omschrijving
            # The term runs from the dagtekening; a later receipt only matters (and is
            # only mentioned) when the bezwaar would otherwise be late.
            from ondersteuner.letters.controles import bezwaartermijn_einde

            if (
                beschikking.ontvangen_op
                and beschikking.ontvangen_op > beschikking.datum
                and vandaag > bezwaartermijn_einde(beschikking.datum)
            ):
                out["ontvangen_op"] = beschikking.ontvangen_op
        bezwaar = _last(events, S.BEZWAAR)
        if bezwaar:
            out["bezwaar_datum"] = bezwaar.datum
        out["punten"] = [
            {"citaat": p.citaat, "correctie": p.correctie}
            for p in sorted(m.reactiepunten, key=lambda p: (p.volgorde, p.id))
        ]
        if g is not None:
            out["adviescommissie"] = g.klacht_adviescommissie
        _per_soort(s, m, soort, out)
    _termijnen(vault, melding_id, soort, out)
    namen = {v.naam for v in velden(soort)}
    return {k: v for k, v in out.items() if k in namen and not leeg(v)}


def _per_soort(s: Session, m: Melding, soort: str, out: dict[str, Any]) -> None:
    if soort == "persoonlijk_plan" and m.voorbereiding is not None:
        v = m.voorbereiding
        out.update(
            situatie=v.waar_loop_ik_tegenaan,
            wat_zelf=v.wat_kan_ik_zelf,
            netwerk=v.wie_kan_helpen,
            ondersteuning=v.waarvoor_ondersteuning,
            hoe=v.hoe_eruitzien,
            wensen=v.wensen,
        )
    if soort == "aanvraag_maatwerkvoorziening":
        out["voorziening"] = m.hulpvraag
    if soort in ("bezwaarschrift", "bezwaarschrift_pro_forma"):
        out["horen"] = True
    if soort == "ingebrekestelling" and "aanvraag_datum" in out:
        out["aanvraag_omschrijving"] = (
            m.hulpvraag.strip().splitlines()[0].rstrip(". ") if (m.hulpvraag.strip()) else ""
        )
    if soort == "bezwaarschrift" and out.get("punten"):
        # The differences found in the verslag are grounds of their own: the
        # beschikking rests on a verslag that was wrong (Awb 3:2).
        regels = [
            tr(
                "Het besluit is gebaseerd op het verslag van het gesprek. Dat verslag "
                "klopt niet op deze punten:"
            )
        ]
        for p in out["punten"]:
            # The verslag's words first, so "dit" in the reactie points at something.
            c = (p["citaat"] or "").strip()
            end = "" if c.endswith((".", "!", "?")) else "."
            quote = tr("In het verslag staat: “{c}”", c=c) + end + " " if c else ""
            regels.append("- " + quote + (p["correctie"] or ""))
        regels.append(
            tr(
                "Zo is mijn situatie niet goed onderzocht (artikel 3:2 Awb en artikel "
                "2.3.2 Wmo 2015)."
            )
        )
        out["gronden"] = "\n".join(regels)


def _termijnen(vault: Vault, melding_id: int, soort: str, out: dict[str, Any]) -> None:
    if soort != "ingebrekestelling":
        return
    from ondersteuner.ui.ops.termijnen import melding_termijnen

    overzicht = melding_termijnen(vault, melding_id)
    bezwaar = overzicht.get("beslissing_op_bezwaar")
    beschikking = overzicht.get("beschikking")
    if bezwaar is not None and bezwaar.gehaald_op is None:
        out["beslistermijn_einde"] = bezwaar.datum
        out["beslissing_op_bezwaar"] = True
    elif beschikking is not None and beschikking.gehaald_op is None:
        out["beslistermijn_einde"] = beschikking.datum


# -------------------------------------------------------------- the archive
def _json(gegevens: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in gegevens.items()}


def gegevens_van_brief(vault: Vault, brief_id: int) -> dict[str, Any]:
    """The stored fields of an archived letter, dates as dates again."""
    with vault.session() as s:
        b = s.get_one(Brief, brief_id)
        data = dict(b.gegevens or {})
        datums = {v.naam for v in velden(b.soort) if v.soort == DATUM}
    for k in datums & data.keys():
        try:
            data[k] = dt.date.fromisoformat(data[k])
        except (TypeError, ValueError):
            data.pop(k)
    return data


def bewaar_brief(
    vault: Vault,
    melding_id: int,
    soort: str,
    gegevens: dict[str, Any],
    inhoud: bytes,
    bestandsnaam: str,
    brief_id: int | None = None,
) -> int:
    """Archive the letter (its fields and the .docx) in the vault as a concept."""
    with write_session(vault) as s:
        m = s.get_one(Melding, melding_id)
        if brief_id is None:
            b = Brief(client_id=m.client_id, melding_id=m.id if soort != "machtiging" else None)
            s.add(b)
        else:
            b = s.get_one(Brief, brief_id)
            if b.status is not BriefStatus.CONCEPT:
                raise InvalidInput(
                    "",
                    tr(
                        "Deze brief is al verzonden en blijft zoals hij is verstuurd. Maak "
                        "een kopie als nieuw concept om iets te veranderen."
                    ),
                )
        b.soort = soort
        b.gegevens = _json(gegevens)
        b.bestand = inhoud or None  # an unfinished concept has no document yet
        b.bestandsnaam = bestandsnaam
        s.flush()
        audit(s, "brief_gemaakt", soort)
        return b.id


def list_brieven(vault: Vault, melding_id: int) -> list[BriefData]:
    """The letters of a melding, and the client's machtigingen, newest first."""
    with vault.session() as s:
        m = s.get_one(Melding, melding_id)
        rows = s.scalars(
            select(Brief)
            .where(
                (Brief.melding_id == melding_id)
                | ((Brief.client_id == m.client_id) & Brief.melding_id.is_(None))
            )
            .order_by(Brief.id.desc())
        ).all()
        return [_snapshot(b) for b in rows]


def _snapshot(b: Brief) -> BriefData:
    return BriefData(
        id=b.id,
        melding_id=b.melding_id,
        soort=b.soort,
        titel=TITELS.get(b.soort, b.soort),
        bestandsnaam=b.bestandsnaam,
        status=b.status,
        aangemaakt=b.aangemaakt_op.date() if b.aangemaakt_op else dt.date.today(),
        verzonden_op=b.verzonden_op,
        ontvangstbevestiging_op=b.ontvangstbevestiging_op,
        hersteltermijn_tot=b.hersteltermijn_tot,
    )


def brief_bestand(vault: Vault, brief_id: int) -> tuple[str, bytes]:
    with vault.session() as s:
        b = s.get_one(Brief, brief_id)
        return b.bestandsnaam, bytes(b.bestand or b"")


# Receipt starts the gemeente's term for these (Wmo 2.3.5, Awb 9:11): once it is
# known, the step's date is the day of receipt.
_TERMIJN_VANAF_ONTVANGST = frozenset({S.AANVRAAG, S.KLACHT})


def markeer_verzonden(vault: Vault, brief_id: int, datum: dt.date | None) -> None:
    """Sent on ``datum``: the letter is no longer a concept, and the matching
    procedure step (bezwaar ingediend, ingebrekestelling verstuurd …) is recorded —
    once: sending again corrects the date of that same step."""
    if datum is None:
        raise InvalidInput("datum", tr("Vul de datum van verzenden in."))
    if datum > dt.date.today():
        raise InvalidInput("datum", tr("De datum van verzenden ligt in de toekomst."))
    with write_session(vault) as s:
        b = s.get_one(Brief, brief_id)
        if not b.bestand:
            raise InvalidInput(
                "datum",
                tr(
                    "Deze brief is nog niet af: er is nog geen Word-bestand van gemaakt. "
                    "Open de brief, vul hem aan en maak het Word-bestand."
                ),
            )
        if b.status is BriefStatus.CONCEPT:
            b.status = BriefStatus.VERZONDEN
        b.verzonden_op = datum
        soort = GEBEURTENIS_BIJ_VERZENDEN.get(b.soort)
        if soort is not None and b.melding_id is not None:
            event = s.get(Gebeurtenis, b.gebeurtenis_id) if b.gebeurtenis_id else None
            if event is None:
                event = Gebeurtenis(melding_id=b.melding_id, soort=soort, datum=datum)
                event.omschrijving = _omschrijving(s, b)
                s.add(event)
            event.datum = datum
            event.verzonden_op = datum
            if b.ontvangstbevestiging_op and soort in _TERMIJN_VANAF_ONTVANGST:
                event.datum = b.ontvangstbevestiging_op
            # A klachtadviescommissie gives the gemeente ten weeks, not six (9:11).
            event.met_adviescommissie = bool((b.gegevens or {}).get("adviescommissie"))
            s.flush()
            b.gebeurtenis_id = event.id
        audit(s, "brief_verzonden", b.soort)


def _omschrijving(s: Session, b: Brief) -> str:
    if b.soort == "bezwaarschrift_pro_forma":
        return tr("Bezwaar pro forma: de gronden volgen")
    if (
        b.soort == "bezwaarschrift"
        and s.scalars(
            select(Gebeurtenis.id).where(
                Gebeurtenis.melding_id == b.melding_id, Gebeurtenis.soort == S.BEZWAAR
            )
        ).first()
    ):
        return tr("Gronden van het bezwaar ingestuurd")
    return TITELS.get(b.soort, b.soort)


def markeer_bevestigd(vault: Vault, brief_id: int, datum: dt.date | None) -> None:
    """The gemeente confirmed receipt on ``datum`` (the date it says it received it)."""
    if datum is None:
        raise InvalidInput("datum", tr("Vul de datum van de ontvangstbevestiging in."))
    with write_session(vault) as s:
        b = s.get_one(Brief, brief_id)
        if b.melding_id is None:
            raise InvalidInput("datum", tr("Een machtiging krijgt geen ontvangstbevestiging."))
        if b.verzonden_op is None:
            raise InvalidInput("datum", tr("Markeer de brief eerst als verzonden."))
        if datum < b.verzonden_op:
            raise InvalidInput(
                "datum", tr("De gemeente kan de brief niet vóór verzending ontvangen.")
            )
        if datum > dt.date.today():
            raise InvalidInput("datum", tr("De datum van ontvangst ligt in de toekomst."))
        b.status = BriefStatus.BEVESTIGD
        b.ontvangstbevestiging_op = datum
        event = s.get(Gebeurtenis, b.gebeurtenis_id) if b.gebeurtenis_id else None
        if event is not None:
            # The receipt date counts: the dwangsom starts two weeks after receipt of
            # the ingebrekestelling (4:17 lid 3); the beslistermijn of an aanvraag and
            # the klacht term run from receipt.
            event.ontvangen_op = datum
            if event.soort in _TERMIJN_VANAF_ONTVANGST:
                event.datum = datum


def zet_hersteltermijn(
    vault: Vault, brief_id: int, tot: dt.date | None, brief_van: dt.date | None = None
) -> None:
    """The term the gemeente set, in its letter of ``brief_van``, to supply the
    grounds of a pro-forma bezwaar (Awb 6:6); the bezwaar stands still from the day
    after that letter (7:10 lid 2). Setting it again corrects it."""
    if tot is None:
        raise InvalidInput("tot", tr("Vul de datum in tot wanneer de gronden mogen komen."))
    brief_van = brief_van or dt.date.today()
    if tot <= brief_van:
        raise InvalidInput("tot", tr("De hersteltermijn eindigt na de datum van de brief."))
    with write_session(vault) as s:
        b = s.get_one(Brief, brief_id)
        if b.soort != "bezwaarschrift_pro_forma" or b.melding_id is None:
            raise InvalidInput("tot", tr("Een hersteltermijn hoort bij een pro-forma bezwaar."))
        if b.verzonden_op is None:
            raise InvalidInput("tot", tr("Markeer het pro-forma bezwaar eerst als verzonden."))
        b.hersteltermijn_tot = tot
        event = s.scalars(
            select(Gebeurtenis).where(
                Gebeurtenis.melding_id == b.melding_id, Gebeurtenis.soort == S.HERSTELTERMIJN
            )
        ).first()
        if event is None:
            event = Gebeurtenis(melding_id=b.melding_id, soort=S.HERSTELTERMIJN, datum=brief_van)
            s.add(event)
        event.datum = brief_van
        event.tot_datum = tot
        event.omschrijving = tr("Gronden van het bezwaar aanvullen")


def stap_van_brief(vault: Vault, brief_id: int) -> str:
    """The procedure step a sent letter recorded, in words ("" when none)."""
    with vault.session() as s:
        b = s.get_one(Brief, brief_id)
        event = s.get(Gebeurtenis, b.gebeurtenis_id) if b.gebeurtenis_id else None
        if event is None:
            return ""
        return f"{event.soort.label} ({event.datum:%d-%m-%Y})"


def delete_brief(vault: Vault, brief_id: int) -> None:
    """Remove the letter; the procedure step it recorded stays (it happened)."""
    with write_session(vault) as s:
        b = s.get_one(Brief, brief_id)
        soort = b.soort
        s.delete(b)
        audit(s, "brief_verwijderd", soort)


def bewaar_gemeente_postadres(
    vault: Vault, melding_id: int, adres: str, postcode_plaats: str
) -> None:
    """Keep the postal address typed in a letter with the gemeente, for next time."""
    adres, postcode_plaats = adres.strip(), postcode_plaats.strip()
    if not adres or not postcode_plaats:
        return
    with write_session(vault) as s:
        m = s.get_one(Melding, melding_id)
        g = m.gemeente or m.client.gemeente
        if g is None or g.post_adres:
            return
        postcode, _, plaats = postcode_plaats.partition(" ")
        if len(postcode) == 4 and plaats[:2].isalpha() and plaats[2:3] == " ":
            postcode, plaats = f"{postcode} {plaats[:2]}", plaats[3:]
        g.post_adres = adres
        g.post_postcode = postcode
        g.post_plaats = plaats


def client_naam(vault: Vault, melding_id: int) -> str:
    with vault.session() as s:
        return s.get_one(Melding, melding_id).client.naam


def voorgestelde_soort(vault: Vault, melding_id: int) -> str:
    """The letter this melding most likely needs now, read from its deadlines: grounds
    or a bezwaar due → bezwaarschrift, an overdue beschikking → ingebrekestelling,
    queued verslag points → reactie op het verslag."""
    from ondersteuner.termijnen.melding import TermijnStatus
    from ondersteuner.ui.ops.termijnen import melding_termijnen

    overzicht = melding_termijnen(vault, melding_id)

    def status(sleutel: str) -> TermijnStatus | None:
        t = overzicht.get(sleutel)
        return t.status if t is not None else None

    if TermijnStatus.OPEN in (status("gronden_bezwaar"), status("bezwaar")):
        return "bezwaarschrift"
    if status("beschikking") is TermijnStatus.VERLOPEN and status("dwangsom") is None:
        return "ingebrekestelling"
    with vault.session() as s:
        m = s.get_one(Melding, melding_id)
        if m.reactiepunten:
            return "reactie_verslag"
        if m.gesprekken or any(e.soort is S.GESPREK for e in m.gebeurtenissen):
            return "aanvraag_maatwerkvoorziening"
    return "persoonlijk_plan"
