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
from ondersteuner.letters import TITELS, velden
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
            if beschikking.ontvangen_op and beschikking.ontvangen_op > beschikking.datum:
                out["ontvangen_op"] = beschikking.ontvangen_op
        out["punten"] = [
            {"citaat": p.citaat, "correctie": p.correctie}
            for p in sorted(m.reactiepunten, key=lambda p: (p.volgorde, p.id))
        ]
        if g is not None:
            out["adviescommissie"] = g.klacht_adviescommissie
        _per_soort(s, m, soort, out)
    _termijnen(vault, melding_id, soort, out)
    namen = {v.naam for v in velden(soort)}
    return {k: v for k, v in out.items() if k in namen and v not in (None, "", [])}


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
        out["aanvraag_omschrijving"] = m.hulpvraag
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
            regels.append("- " + (p["correctie"] or p["citaat"]))
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
        b.soort = soort
        b.gegevens = _json(gegevens)
        b.bestand = inhoud
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


def markeer_verzonden(vault: Vault, brief_id: int, datum: dt.date | None) -> None:
    """Sent on ``datum``: the letter is no longer a concept, and the matching
    procedure event (bezwaar ingediend, ingebrekestelling verstuurd …) is recorded."""
    if datum is None:
        raise InvalidInput("datum", tr("Vul de datum van verzenden in."))
    if datum > dt.date.today():
        raise InvalidInput("datum", tr("De datum van verzenden ligt in de toekomst."))
    with write_session(vault) as s:
        b = s.get_one(Brief, brief_id)
        b.status = BriefStatus.VERZONDEN
        b.verzonden_op = datum
        soort = GEBEURTENIS_BIJ_VERZENDEN.get(b.soort)
        if soort is not None and b.melding_id is not None:
            omschrijving = TITELS.get(b.soort, b.soort)
            if b.soort == "bezwaarschrift_pro_forma":
                omschrijving = tr("Bezwaar pro forma: de gronden volgen")
            elif (
                b.soort == "bezwaarschrift"
                and s.scalars(
                    select(Gebeurtenis.id).where(
                        Gebeurtenis.melding_id == b.melding_id, Gebeurtenis.soort == S.BEZWAAR
                    )
                ).first()
            ):
                omschrijving = tr("Gronden van het bezwaar ingestuurd")
            s.add(
                Gebeurtenis(
                    melding_id=b.melding_id,
                    soort=soort,
                    datum=datum,
                    verzonden_op=datum,
                    omschrijving=omschrijving,
                )
            )
        audit(s, "brief_verzonden", b.soort)


def markeer_bevestigd(vault: Vault, brief_id: int, datum: dt.date | None) -> None:
    """The gemeente confirmed receipt on ``datum`` (the date it says it received it)."""
    if datum is None:
        raise InvalidInput("datum", tr("Vul de datum van de ontvangstbevestiging in."))
    with write_session(vault) as s:
        b = s.get_one(Brief, brief_id)
        if b.verzonden_op is None:
            raise InvalidInput("datum", tr("Markeer de brief eerst als verzonden."))
        if datum < b.verzonden_op:
            raise InvalidInput(
                "datum", tr("De gemeente kan de brief niet vóór verzending ontvangen.")
            )
        b.status = BriefStatus.BEVESTIGD
        b.ontvangstbevestiging_op = datum
        # The receipt date counts for the ingebrekestelling (the dwangsom starts two
        # weeks after receipt, Awb 4:17 lid 3).
        soort = GEBEURTENIS_BIJ_VERZENDEN.get(b.soort)
        if soort is not None and b.melding_id is not None:
            event = s.scalars(
                select(Gebeurtenis)
                .where(Gebeurtenis.melding_id == b.melding_id, Gebeurtenis.soort == soort)
                .order_by(Gebeurtenis.datum.desc())
            ).first()
            if event is not None and event.ontvangen_op is None:
                event.ontvangen_op = datum


def zet_hersteltermijn(vault: Vault, brief_id: int, tot: dt.date | None) -> None:
    """The term the gemeente set to supply the grounds of a pro-forma bezwaar
    (Awb 6:6); recorded as a hersteltermijn so the app reminds the adviser."""
    if tot is None:
        raise InvalidInput("tot", tr("Vul de datum in tot wanneer de gronden mogen komen."))
    with write_session(vault) as s:
        b = s.get_one(Brief, brief_id)
        if b.soort != "bezwaarschrift_pro_forma" or b.melding_id is None:
            raise InvalidInput("tot", tr("Een hersteltermijn hoort bij een pro-forma bezwaar."))
        b.hersteltermijn_tot = tot
        s.add(
            Gebeurtenis(
                melding_id=b.melding_id,
                soort=S.HERSTELTERMIJN,
                datum=dt.date.today(),
                tot_datum=tot,
                omschrijving=tr("Gronden van het bezwaar aanvullen"),
            )
        )


def delete_brief(vault: Vault, brief_id: int) -> None:
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
