"""Gesprek operations: open (or start) the gesprek of a melding, save its header and
notes (autosave calls this often, so it only rewrites the sections that changed),
finish it, and the voorbereiding."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select

from ondersteuner.gesprek.inhoud import LET_OP_KEYS, ONDERDELEN, VOORBEREIDING_VRAGEN
from ondersteuner.gesprek.notities import Item, items, tekst_van
from ondersteuner.i18n import tr
from ondersteuner.models import Gebeurtenis, GebeurtenisSoort, Gesprek, Melding, Notitie
from ondersteuner.models.enums import GesprekVorm
from ondersteuner.models.melding import Voorbereiding
from ondersteuner.ui.ops.common import write_session
from ondersteuner.validation import InvalidInput
from ondersteuner.vault import Vault


@dataclass(frozen=True)
class GesprekData:
    id: int
    melding_id: int
    dossiernummer: int
    datum: dt.date
    tijd: dt.time | None = None
    locatie: str = ""
    vorm: GesprekVorm = GesprekVorm.THUIS
    aanwezigen: str = ""
    let_op_afgevinkt: tuple[str, ...] = ()
    afgerond: bool = False
    items: tuple[Item, ...] = ()

    def tekst(self, onderwerp: str) -> str:
        return tekst_van(onderwerp, self.items)


@dataclass(frozen=True)
class VoorbereidingData:
    melding_id: int
    velden: dict[str, str] = field(default_factory=dict)


def _items(g: Gesprek) -> tuple[Item, ...]:
    return tuple(Item(n.onderwerp, n.tekst, n.soort, n.tijdstip, n.volgorde) for n in g.notities)


def _snapshot(g: Gesprek) -> GesprekData:
    return GesprekData(
        id=g.id,
        melding_id=g.melding_id,
        dossiernummer=g.melding.client.dossiernummer,
        datum=g.datum,
        tijd=g.tijd,
        locatie=g.locatie,
        vorm=g.vorm,
        aanwezigen=g.aanwezigen,
        let_op_afgevinkt=tuple(k for k in g.let_op_afgevinkt or () if k in LET_OP_KEYS),
        afgerond=g.afgerond,
        items=_items(g),
    )


def open_gesprek(vault: Vault, melding_id: int, vandaag: dt.date | None = None) -> GesprekData:
    """The melding's gesprek in progress, or a new one for today."""
    with write_session(vault) as s:
        g = s.scalars(
            select(Gesprek)
            .where(Gesprek.melding_id == melding_id, Gesprek.afgerond.is_(False))
            .order_by(Gesprek.id.desc())
        ).first()
        if g is None:
            melding = s.get_one(Melding, melding_id)
            aanwezigen = ", ".join(
                c.naam + (f" ({c.relatie})" if c.relatie else "")
                for c in melding.client.contactpersonen
                if c.is_mantelzorger
            )
            g = Gesprek(
                melding_id=melding_id,
                datum=vandaag or dt.date.today(),
                aanwezigen=aanwezigen,
                let_op_afgevinkt=[],
            )
            s.add(g)
            s.flush()
        return _snapshot(g)


def get_gesprek(vault: Vault, gesprek_id: int) -> GesprekData:
    with vault.session() as s:
        return _snapshot(s.get_one(Gesprek, gesprek_id))


def list_gesprekken(vault: Vault, melding_id: int) -> list[GesprekData]:
    with vault.session() as s:
        rows = s.scalars(
            select(Gesprek).where(Gesprek.melding_id == melding_id).order_by(Gesprek.datum)
        ).all()
        return [_snapshot(g) for g in rows]


def save_gesprek(
    vault: Vault,
    data: GesprekData,
    teksten: dict[str, str],
    nu: dt.datetime | None = None,
) -> None:
    """Store the header and the sections in ``teksten`` (only those; others stay).

    Times of items that stayed are kept (see ``gesprek.notities.items``)."""
    if data.datum is None:
        raise InvalidInput("datum", tr("Vul de datum van het gesprek in."))
    with write_session(vault) as s:
        g = s.get_one(Gesprek, data.id)
        g.datum = data.datum
        g.tijd = data.tijd
        g.locatie = data.locatie.strip()
        g.vorm = data.vorm
        g.aanwezigen = data.aanwezigen
        g.let_op_afgevinkt = [k for k in LET_OP_KEYS if k in data.let_op_afgevinkt]
        if not teksten:
            return
        # Only the sections that changed are read and written (autosave runs often).
        rows = s.scalars(
            select(Notitie).where(Notitie.gesprek_id == g.id, Notitie.onderwerp.in_(list(teksten)))
        ).all()
        before = tuple(Item(n.onderwerp, n.tekst, n.soort, n.tijdstip, n.volgorde) for n in rows)
        existing = {
            onderwerp: [n for n in rows if n.onderwerp == onderwerp] for onderwerp in teksten
        }
        new_rows: list[dict[str, object]] = []
        gone: list[int] = []
        for onderwerp, tekst in teksten.items():
            old = sorted(existing[onderwerp], key=lambda n: n.volgorde)
            new = items(onderwerp, tekst, before, nu)
            # Unchanged lines keep their row (and so the adviser's verdicts on them in a
            # verslag comparison); only changed lines are written anew.
            matcher = difflib.SequenceMatcher(
                a=[(n.soort, n.tekst) for n in old], b=[(i.soort, i.tekst) for i in new],
                autojunk=False,
            )  # fmt: skip
            kept: set[int] = set()
            for tag, a0, a1, b0, b1 in matcher.get_opcodes():
                if tag == "equal":
                    for k in range(a1 - a0):
                        row, item = old[a0 + k], new[b0 + k]
                        kept.add(row.id)
                        if row.volgorde != item.volgorde:
                            row.volgorde = item.volgorde
                else:
                    new_rows += [
                        {
                            "gesprek_id": g.id,
                            "onderwerp": item.onderwerp,
                            "tekst": item.tekst,
                            "soort": item.soort,
                            "tijdstip": item.tijdstip,
                            "volgorde": item.volgorde,
                        }
                        for item in new[b0:b1]
                    ]
            gone += [n.id for n in old if n.id not in kept]
        if gone:
            s.execute(delete(Notitie).where(Notitie.id.in_(gone)))
        if new_rows:  # one executemany: little Python work on the worker thread
            s.execute(insert(Notitie), new_rows)


def rond_af(vault: Vault, gesprek_id: int) -> GesprekData:
    """Mark the gesprek as held; record it as a step of the melding (the verslag
    deadlines follow from it) unless that step is already there."""
    with write_session(vault) as s:
        g = s.get_one(Gesprek, gesprek_id)
        g.afgerond = True
        exists = s.scalars(
            select(Gebeurtenis.id).where(
                Gebeurtenis.melding_id == g.melding_id,
                Gebeurtenis.soort == GebeurtenisSoort.GESPREK,
                Gebeurtenis.datum == g.datum,
            )
        ).first()
        if exists is None:
            s.add(
                Gebeurtenis(
                    melding_id=g.melding_id,
                    soort=GebeurtenisSoort.GESPREK,
                    datum=g.datum,
                    omschrijving=tr("Vastgelegd vanuit de gespreksnotities."),
                )
            )
        s.flush()
        return _snapshot(g)


def get_voorbereiding(vault: Vault, melding_id: int) -> VoorbereidingData:
    with vault.session() as s:
        v = s.scalars(select(Voorbereiding).where(Voorbereiding.melding_id == melding_id)).first()
        return VoorbereidingData(
            melding_id,
            {key: (getattr(v, key) if v else "") for key, _t, _h in VOORBEREIDING_VRAGEN},
        )


def save_voorbereiding(vault: Vault, data: VoorbereidingData) -> None:
    with write_session(vault) as s:
        v = s.scalars(
            select(Voorbereiding).where(Voorbereiding.melding_id == data.melding_id)
        ).first()
        if v is None:
            v = Voorbereiding(melding_id=data.melding_id)
            s.add(v)
        for key, _t, _h in VOORBEREIDING_VRAGEN:
            setattr(v, key, data.velden.get(key, ""))


ONDERDEEL_KEYS = tuple(o.sleutel for o in ONDERDELEN)
