"""What came out of a gesprek: afspraken and toezeggingen, wishes, the checklist
points not covered, and when the verslag is due. Pure, no Qt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ondersteuner.gesprek.inhoud import ONDERDEEL, LetOp, let_op_open
from ondersteuner.gesprek.notities import Item
from ondersteuner.models.enums import NotitieSoort as K
from ondersteuner.models.enums import Wet
from ondersteuner.termijnen import einddatum


@dataclass(frozen=True)
class Samenvatting:
    afspraken: tuple[Item, ...]
    toezeggingen: tuple[Item, ...]
    wensen: tuple[Item, ...]
    open_punten: tuple[LetOp, ...]
    verslag_verwacht: dt.date  # ANBO guideline: two weeks after the gesprek
    verslag_uiterlijk: dt.date | None  # Wmo: within six weeks after the melding

    @property
    def verslag_datum(self) -> dt.date:
        """The date to tell the client: the guideline, but never after the legal term."""
        if self.verslag_uiterlijk is None:
            return self.verslag_verwacht
        return min(self.verslag_verwacht, self.verslag_uiterlijk)


def samenvatten(
    datum: dt.date,
    notities: Sequence[Item],
    afgevinkt: Sequence[str],
    *,
    datum_melding: dt.date | None = None,
    wet: Wet = Wet.WMO,
) -> Samenvatting:
    ordered = sorted(
        notities,
        key=lambda i: (
            list(ONDERDEEL).index(i.onderwerp) if i.onderwerp in ONDERDEEL else 99,
            i.volgorde,
        ),
    )

    def of(kind: K) -> tuple[Item, ...]:
        return tuple(i for i in ordered if i.soort is kind)

    uiterlijk = (
        einddatum(datum_melding, weken=6) if datum_melding is not None and wet is Wet.WMO else None
    )
    return Samenvatting(
        afspraken=of(K.AFSPRAAK),
        toezeggingen=of(K.TOEZEGGING),
        wensen=of(K.WENS),
        open_punten=tuple(let_op_open(list(afgevinkt))),
        verslag_verwacht=datum + dt.timedelta(weeks=2),
        verslag_uiterlijk=uiterlijk,
    )
