"""Verslag operations: store an imported verslag (inside the vault), compare it with
the notes of the melding, keep the adviser's overrules, and queue points for the
reactie op het verslag."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select

from ondersteuner.compare import (
    Passage,
    Punt,
    SynoniemFout,
    Vergelijking,
    eigen_synoniemen,
    vergelijk,
)
from ondersteuner.compare.engine import unwrapped
from ondersteuner.compare.importeren import Ingelezen, redigeer_bestand, vind_bsn
from ondersteuner.compare.tekst import one_line
from ondersteuner.gesprek.notities import PREFIX
from ondersteuner.i18n import tr
from ondersteuner.models import Gesprek, Melding, Notitie, Reactiepunt, Verslag
from ondersteuner.models.enums import NotitieSoort, PuntStatus
from ondersteuner.models.verslag import Beoordeling, BesprokenPassage
from ondersteuner.ui.ops.common import audit, write_session
from ondersteuner.validation import InvalidInput
from ondersteuner.vault import Vault


@dataclass(frozen=True)
class VerslagData:
    id: int
    melding_id: int
    tekst: str
    bestandsnaam: str
    dagtekening: dt.date | None
    ontvangen_op: dt.date | None
    bsn_verwijderd: bool


@dataclass(frozen=True)
class NotitieRef:
    id: int
    tekst: str  # with its kind prefix, as the adviser typed it
    soort: NotitieSoort
    onderwerp: str


@dataclass(frozen=True)
class ReactiepuntData:
    id: int
    citaat: str
    correctie: str
    notitie_id: int | None
    verslag_id: int | None = None


def bewaar_verslag(
    vault: Vault,
    melding_id: int,
    ingelezen: Ingelezen,
    *,
    dagtekening: dt.date | None = None,
    ontvangen_op: dt.date | None = None,
    bsn_verwijderen: bool = True,
) -> int:
    """Store the verslag (and its original file) in the vault; BSNs are removed from
    text and file unless the adviser chose otherwise."""
    if ontvangen_op and dagtekening and ontvangen_op < dagtekening:
        raise InvalidInput("ontvangen_op", tr("De datum van ontvangst ligt vóór de dagtekening."))
    found = vind_bsn(ingelezen.tekst)
    if found and bsn_verwijderen:
        ingelezen = redigeer_bestand(ingelezen, found)
    with write_session(vault) as s:
        v = Verslag(
            melding_id=melding_id,
            dagtekening=dagtekening,
            ontvangen_op=ontvangen_op,
            tekst=ingelezen.tekst,
            bestandsnaam=ingelezen.bestandsnaam,
            mime=ingelezen.mime,
            bestand=ingelezen.bestand,
            bsn_verwijderd=bool(found and bsn_verwijderen),
        )
        s.add(v)
        s.flush()
        audit(s, "verslag_ingelezen", f"verslag {v.id}")
        return v.id


def _snapshot(v: Verslag) -> VerslagData:
    return VerslagData(
        v.id, v.melding_id, v.tekst, v.bestandsnaam, v.dagtekening, v.ontvangen_op,
        v.bsn_verwijderd,
    )  # fmt: skip


def list_verslagen(vault: Vault, melding_id: int) -> list[VerslagData]:
    with vault.session() as s:
        rows = s.scalars(
            select(Verslag).where(Verslag.melding_id == melding_id).order_by(Verslag.id)
        ).all()
        return [_snapshot(v) for v in rows]


def get_verslag(vault: Vault, verslag_id: int) -> VerslagData:
    with vault.session() as s:
        return _snapshot(s.get_one(Verslag, verslag_id))


def origineel(vault: Vault, verslag_id: int) -> tuple[str, bytes | None]:
    with vault.session() as s:
        v = s.get_one(Verslag, verslag_id)
        return v.bestandsnaam, v.bestand


def delete_verslag(vault: Vault, verslag_id: int) -> None:
    with write_session(vault) as s:
        s.delete(s.get_one(Verslag, verslag_id))


def notities(vault: Vault, melding_id: int) -> list[NotitieRef]:
    """Every note item of the melding's gesprekken, in gesprek and note order."""
    with vault.session() as s:
        rows = s.execute(
            select(Notitie.id, Notitie.tekst, Notitie.soort, Notitie.onderwerp)
            .join(Gesprek, Gesprek.id == Notitie.gesprek_id)
            .where(Gesprek.melding_id == melding_id)
            .order_by(Gesprek.datum, Gesprek.id, Notitie.onderwerp, Notitie.volgorde)
        ).all()
    from ondersteuner.gesprek.inhoud import ONDERDELEN

    order = {o.sleutel: n for n, o in enumerate(ONDERDELEN)}
    # Sections in the order of the gesprek (sorted() is stable: note order stays).
    rows = sorted(rows, key=lambda r: order.get(r[3], len(order)))
    return [NotitieRef(i, PREFIX.get(k, "") + t, k, o) for i, t, k, o in rows]


@dataclass(frozen=True)
class Vergeleken:
    verslag: VerslagData
    notities: list[NotitieRef]
    vergelijking: Vergelijking
    overruled: dict[int, str]  # notitie id → status the adviser chose
    # notitie id → the passage the adviser pointed out (start, end in the unwrapped verslag)
    aangewezen: dict[int, tuple[int, int]] = field(default_factory=dict)
    # Sentences the comparison found unsupported that the adviser says were discussed:
    # left out of ``vergelijking.niet_onderbouwd``, listed here.
    wel_besproken: list[Passage] = field(default_factory=list)


def vergelijk_verslag(vault: Vault, verslag_id: int) -> Vergeleken:
    """The comparison, with the adviser's overrules applied to the statuses."""
    verslag = get_verslag(vault, verslag_id)
    refs = notities(vault, verslag.melding_id)
    # The gemeente's own words (kept by the adviser) on top of the built-in list, and
    # the adviser's verdicts on this verslag.
    with vault.session() as s:
        melding = s.get_one(Melding, verslag.melding_id)
        eigen = melding.gemeente.synoniemen if melding.gemeente is not None else ""
        verdicts = list(s.scalars(select(Beoordeling).where(Beoordeling.verslag_id == verslag_id)))
        discussed = set(
            s.scalars(
                select(BesprokenPassage.tekst).where(BesprokenPassage.verslag_id == verslag_id)
            )
        )
    try:
        with eigen_synoniemen(eigen):
            result = vergelijk([r.tekst for r in refs], verslag.tekst)
    except SynoniemFout:  # stored before a stricter check: compare without them
        result = vergelijk([r.tekst for r in refs], verslag.tekst)
    overruled = {b.notitie_id: b.status.value for b in verdicts}
    text = unwrapped(verslag.tekst)
    aangewezen = {
        b.notitie_id: (b.passage_start, b.passage_eind)
        for b in verdicts
        if b.passage_start is not None
        and b.passage_eind is not None
        and 0 <= b.passage_start < b.passage_eind <= len(text)
    }
    punten: list[Punt] = []
    for ref, punt in zip(refs, result.punten, strict=True):
        if ref.id in aangewezen:
            start, eind = aangewezen[ref.id]
            punt = replace(
                punt,
                status=overruled[ref.id],
                reden=tr("passage door u aangewezen"),
                passage=one_line(text[start:eind]),
                start=start,
                eind=eind,
                dichtbij=None,
            )
        elif ref.id in overruled:
            punt = replace(punt, status=overruled[ref.id], reden=tr("door u aangepast"))
        punten.append(punt)
    result.punten = punten
    # A passage the adviser tied to a note is supported by it; one they say was
    # discussed is listed apart.
    keep, wel = [], []
    for k, p in enumerate(result.niet_onderbouwd_plaats):
        if any(p.start < e and s < p.eind for s, e in aangewezen.values()):
            continue
        (wel if result.niet_onderbouwd[k] in discussed else keep).append(k)
    wel_besproken = [result.niet_onderbouwd_plaats[k] for k in wel]
    result.niet_onderbouwd = [result.niet_onderbouwd[k] for k in keep]
    result.niet_onderbouwd_plaats = [result.niet_onderbouwd_plaats[k] for k in keep]
    return Vergeleken(verslag, refs, result, overruled, aangewezen, wel_besproken)


def wel_besproken(vault: Vault, verslag_id: int, tekst: str, besproken: bool) -> None:
    """A sentence listed as "niet besproken?" was discussed after all (``besproken``),
    or back to the list."""
    with write_session(vault) as s:
        old = s.scalars(
            select(BesprokenPassage).where(
                BesprokenPassage.verslag_id == verslag_id, BesprokenPassage.tekst == tekst
            )
        ).first()
        if besproken and old is None:
            s.add(BesprokenPassage(verslag_id=verslag_id, tekst=tekst))
        elif not besproken and old is not None:
            s.delete(old)


def overrule(
    vault: Vault,
    verslag_id: int,
    notitie_id: int,
    status: str | None,
    passage: tuple[int, int] | None = None,
) -> None:
    """The adviser's own verdict on one note (None: back to the computed one, and
    no passage). ``passage``: the words of the verslag (start, end in the text as
    the comparison window shows it) that say what the note says; without it, a
    passage pointed out before stays."""
    with write_session(vault) as s:
        old = s.scalars(
            select(Beoordeling).where(
                Beoordeling.verslag_id == verslag_id, Beoordeling.notitie_id == notitie_id
            )
        ).first()
        kept = (old.passage_start, old.passage_eind) if old is not None else (None, None)
        if old is not None:
            s.delete(old)
            s.flush()
        if status is None:
            return
        if passage is not None:
            kept = _passage(unwrapped(s.get_one(Verslag, verslag_id).tekst), *passage)
        if status == PuntStatus.ONTBREEKT.value:
            kept = (None, None)  # a missing note has no passage that says it

        s.add(
            Beoordeling(
                verslag_id=verslag_id,
                notitie_id=notitie_id,
                status=PuntStatus(status),
                passage_start=kept[0],
                passage_eind=kept[1],
            )
        )


def claim_tekst(passage: str) -> tuple[str, str]:
    """The quote and the reactie for a sentence of the verslag that no note supports
    (the adviser can still edit both in the letter)."""
    return one_line(passage), tr(
        "Dit heb ik in het gesprek niet zo gezegd. Het staat ook niet in onze aantekeningen "
        "van het gesprek. Wilt u deze zin uit het verslag halen of verbeteren?"
    )


_WORD = re.compile(r"[^\W\d_]{3,}")


def _passage(text: str, start: int, eind: int) -> tuple[int, int]:
    """The range without the spaces and line ends around it; refused when it is not
    in the text or holds no word."""
    if not 0 <= start < eind <= len(text):
        raise InvalidInput("passage", tr("Die passage valt buiten het verslag."))
    chosen = text[start:eind]
    if not _WORD.search(chosen):
        raise InvalidInput(
            "passage",
            tr("Selecteer woorden uit het verslag, niet alleen spaties, cijfers of een letter."),
        )
    lead = len(chosen) - len(chosen.lstrip())
    return start + lead, start + len(chosen.rstrip())


def opnemen_in_reactie(
    vault: Vault, melding_id: int, verslag_id: int, notitie_id: int | None, citaat: str,
    correctie: str,
) -> int:  # fmt: skip
    """Queue a point for the reactie op het verslag (the letters issue writes it)."""
    with write_session(vault) as s:
        existing = s.scalars(
            select(Reactiepunt.id).where(
                Reactiepunt.melding_id == melding_id,
                Reactiepunt.verslag_id == verslag_id,
                Reactiepunt.notitie_id == notitie_id,
                Reactiepunt.citaat == citaat,
            )
        ).first()
        if existing is not None:
            return existing
        volgorde = s.scalar(
            select(func.coalesce(func.max(Reactiepunt.volgorde), 0)).where(
                Reactiepunt.melding_id == melding_id
            )
        )
        p = Reactiepunt(
            melding_id=melding_id,
            verslag_id=verslag_id,
            notitie_id=notitie_id,
            citaat=citaat,
            correctie=correctie,
            volgorde=(volgorde or 0) + 1,
        )
        s.add(p)
        s.flush()
        return p.id


def reactiepunten(vault: Vault, melding_id: int) -> list[ReactiepuntData]:
    with vault.session() as s:
        rows = s.scalars(
            select(Reactiepunt)
            .where(Reactiepunt.melding_id == melding_id)
            .order_by(Reactiepunt.volgorde)
        ).all()
        return [
            ReactiepuntData(r.id, r.citaat, r.correctie, r.notitie_id, r.verslag_id) for r in rows
        ]


def delete_reactiepunt(vault: Vault, punt_id: int) -> None:
    with write_session(vault) as s:
        s.delete(s.get_one(Reactiepunt, punt_id))


# Adviser shorthand spelled out for a letter the gemeente reads.
_VOLUIT = {
    "HH": "hulp bij het huishouden",
    "hh": "hulp bij het huishouden",
    "p/w": "per week",
    "p/d": "per dag",
    "p/mnd": "per maand",
    "p/j": "per jaar",
    "mz": "mantelzorger",
    "ib": "individuele begeleiding",
    "gem.": "gemeente",
    "ocs": "cliëntondersteuner",
    "wk": "weken",
    "mnd": "maanden",
    "ivm": "in verband met",
    "i.v.m.": "in verband met",
    "z.s.m.": "zo snel mogelijk",
}
_AFKORTING = re.compile(
    r"(?<![\w/.])("
    + "|".join(re.escape(k) for k in sorted(_VOLUIT, key=len, reverse=True))
    + r")(?![\w/])"
)


def voluit(tekst: str) -> str:
    """'HH 3 uur p/w' → 'hulp bij het huishouden 3 uur per week'."""
    return _AFKORTING.sub(lambda m: _VOLUIT[m.group(1)], tekst)


def correctie_tekst(punt: Punt) -> tuple[str, str]:
    """The quote from the verslag and what the notes record, for a reactie point, in
    words for the letter (no shorthand, no internal verdicts); the adviser can still
    edit both in the letter."""
    from ondersteuner.gesprek.notities import soort_van

    kind, note = soort_van(punt.notitie)
    note = voluit(note).strip().rstrip(".").strip("\"“”'")
    # The note as a quoted sentence of its own: no capital halfway a sentence, no
    # "besproken: ... besproken", and a quote stays the client's words.
    note = note[:1].upper() + note[1:] + ("" if note.endswith(("?", "!")) else ".")
    if kind is NotitieSoort.CITAAT:
        said = tr("In het gesprek werd gezegd: “{n}”", n=note)
    else:
        said = tr("Volgens onze aantekeningen van het gesprek: “{n}”", n=note)
    if punt.passage is None:
        return "", said + " " + tr("Dit staat niet in het verslag.")
    return punt.passage, said
