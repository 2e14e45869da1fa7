"""Where a melding stands in the procedure, derived from its recorded events.

Pure and Qt-free. The deadline engine (``termijnen``) builds on the same events;
this module only names the current *fase* for lists and the dossier.
"""

from __future__ import annotations

from collections.abc import Iterable

from ondersteuner.i18n import tr
from ondersteuner.models.enums import GebeurtenisSoort as S
from ondersteuner.models.enums import MeldingStatus

# Later steps win: the fase is the furthest step reached (klacht runs in parallel
# and is shown only when nothing further along the main route happened).
_ORDER: tuple[tuple[S, str], ...] = (
    (S.KLACHT, tr("Klacht loopt")),
    (S.ONTVANGSTBEVESTIGING, tr("Melding bevestigd")),
    (S.PERSOONLIJK_PLAN, tr("Persoonlijk plan ingediend")),
    (S.UITNODIGING, tr("Uitgenodigd voor gesprek")),
    (S.GESPREK, tr("Gesprek gevoerd")),
    (S.VERSLAG_ONTVANGEN, tr("Verslag ontvangen")),
    (S.REACTIE_VERSLAG, tr("Reactie op verslag verstuurd")),
    (S.AANVRAAG, tr("Aanvraag ingediend")),
    (S.INGEBREKESTELLING, tr("In gebreke gesteld")),
    (S.BESCHIKKING, tr("Beschikking ontvangen")),
    (S.BEZWAAR, tr("In bezwaar")),
    (S.HOORZITTING, tr("In bezwaar (gehoord)")),
    (S.BESLISSING_OP_BEZWAAR, tr("Beslissing op bezwaar")),
    (S.BEROEP, tr("In beroep")),
)
_RANK = {soort: i for i, (soort, _) in enumerate(_ORDER)}
_LABEL = dict(_ORDER)


def fase(status: MeldingStatus, soorten: Iterable[S]) -> str:
    """Dutch label of the procedure stage for a melding."""
    if status is MeldingStatus.AFGEROND:
        return tr("Afgerond")
    if status is MeldingStatus.INGETROKKEN:
        return tr("Ingetrokken")
    best: S | None = None
    for soort in soorten:
        if soort in _RANK and (best is None or _RANK[soort] > _RANK[best]):
            best = soort
    return _LABEL[best] if best is not None else tr("Melding gedaan")
