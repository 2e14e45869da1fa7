"""What a verslag must contain (ANBO "Spelregels Wmo" rule 20; domain.md §6), as
patterns over the folded verslag text. A hit gives the passage as evidence."""

from __future__ import annotations

import re

from ondersteuner.i18n import tr

CHECKS: dict[str, re.Pattern[str]] = {
    # 20a: wishes and needs, incl. possible mantelzorgers
    "wensen_en_behoeften": re.compile(
        r"\b(wens\w*|behoefte\w*|wil graag|zou graag|wil (zo lang|graag|blijven)|hulpvraag|"
        r"vraagt om|vraag om)\b"
    ),
    # 20b: the gemeente's possibilities and limits
    "mogelijkheden_gemeente": re.compile(
        r"\b(mogelijkheden|algemene voorziening\w*|maatwerkvoorziening\w*|de gemeente kan|"
        r"gemeente biedt|aanbod|voorliggende voorziening\w*)\b"
    ),
    # 20c: support for the mantelzorger
    "ondersteuning_mantelzorger": re.compile(
        r"\b(steunpunt mantelzorg|mantelzorgondersteuning|mantelzorgwaardering|respijtzorg|"
        r"mantelzorgmakelaar)\b|\b(mantelzorg\w*|naaste\w*)\b[^.]*\b(ondersteun\w*|ontlast\w*|"
        r"overbelast\w*|steun)\b"
    ),
    # 20d: reaction to the persoonlijk plan
    "reactie_persoonlijk_plan": re.compile(r"\b(persoonlijk plan|eigen plan)\b"),
    # 20e-i: how to apply for a maatwerkvoorziening
    "aanvraag_maatwerkvoorziening_uitleg": re.compile(
        r"\b(aanvraag|aanvragen|aanvraagformulier)\b[^.]*\b(maatwerk\w*|voorziening\w*|indienen|"
        r"ondertekenen|formulier)\b|\bmaatwerkvoorziening\w* aan(vragen|te vragen)\b"
    ),
    # 20e-ii: the eigen bijdrage
    "eigen_bijdrage": re.compile(r"\b(eigen bijdrage\w*|cak|abonnementstarief)\b"),
    # 20e-iii: the pgb option
    "pgb_mogelijkheid": re.compile(r"\b(pgb|persoonsgebonden budget\w*)\b"),
    # 20f: status of the verslag and what comes next
    "vervolgprocedure": re.compile(
        r"\b(vervolg\w*|volgende stap\w*|reageren|reactie|beschikking|na ontvangst|"
        r"ontvangt u|binnen (twee|2) weken)\b"
    ),
}

LABELS: dict[str, str] = {
    "wensen_en_behoeften": tr("Wensen en behoeften (en mogelijke mantelzorgers)"),
    "mogelijkheden_gemeente": tr("Mogelijkheden en grenzen van de gemeente"),
    "ondersteuning_mantelzorger": tr("Ondersteuning van de mantelzorger"),
    "reactie_persoonlijk_plan": tr("Reactie op het persoonlijk plan"),
    "aanvraag_maatwerkvoorziening_uitleg": tr("Hoe een maatwerkvoorziening aan te vragen"),
    "eigen_bijdrage": tr("Eigen bijdrage"),
    "pgb_mogelijkheid": tr("Mogelijkheid van een pgb"),
    "vervolgprocedure": tr("Status van het verslag en het vervolg"),
}
