"""Grounds that often carry a Wmo bezwaar (``../shared/domain.md`` §5), as plain
Dutch paragraphs the adviser inserts and completes. Each has places marked
``[VUL IN: …]``; a letter with such a mark left cannot be exported."""

from __future__ import annotations

from dataclasses import dataclass

from ondersteuner.i18n import tr

VUL_IN = "[VUL IN"


@dataclass(frozen=True)
class Grond:
    titel: str
    tekst: str
    alleen_wmo: bool = True


GRONDEN: tuple[Grond, ...] = (
    Grond(
        tr("De situatie is niet goed onderzocht"),
        tr(
            "De gemeente heeft mijn situatie niet goed onderzocht. In artikel 2.3.2 lid 4 "
            "van de Wmo 2015 staat wat de gemeente moet onderzoeken: wat ik nodig heb, wat "
            "ik zelf kan, wat mensen om mij heen kunnen doen, wat mijn mantelzorger nodig "
            "heeft en welke hulp er verder nodig is. Dit is niet onderzocht: "
            "[VUL IN: wat niet is onderzocht]."
        ),
    ),
    Grond(
        tr("De beschikking wijkt af van het verslag"),
        tr(
            "Het besluit wijkt af van het verslag van het gesprek, zonder dat de gemeente "
            "uitlegt waarom. Een besluit moet zorgvuldig worden voorbereid en goed worden "
            "uitgelegd (artikelen 3:2 en 3:46 Algemene wet bestuursrecht). In het verslag "
            "staat: [VUL IN: wat in het verslag staat]. In de beschikking staat: "
            "[VUL IN: wat in de beschikking staat]."
        ),
        alleen_wmo=False,
    ),
    Grond(
        tr("De hulp is niet genoeg (geen passende bijdrage)"),
        tr(
            "De hulp die ik krijg, is niet genoeg. De gemeente moet hulp geven die echt "
            "helpt om zelfredzaam te zijn en mee te doen (artikel 2.3.5 lid 3 Wmo 2015). "
            "Met deze hulp lukt dit nog steeds niet: [VUL IN: wat niet lukt]."
        ),
    ),
    Grond(
        tr("Gebruikelijke hulp verkeerd toegepast"),
        tr(
            "De gemeente gaat ervan uit dat [VUL IN: wie] deze hulp kan geven. Gebruikelijke "
            "hulp mag de gemeente alleen verwachten van mijn partner, ouders, inwonende "
            "kinderen of huisgenoten, en alleen als dat redelijk is (artikel 1.1.1 Wmo 2015). "
            "De gemeente moet dat voor mijn situatie apart bekijken. Dat kan niet, omdat "
            "[VUL IN: waarom niet]."
        ),
    ),
    Grond(
        tr("Mantelzorg kan niet worden afgedwongen"),
        tr(
            "De gemeente rekent op hulp van [VUL IN: wie]. Mantelzorg is vrijwillig; de "
            "gemeente kan die niet afdwingen. De gemeente moet ook kijken wat de "
            "mantelzorger zelf aankan en nodig heeft (artikel 2.3.2 lid 4 onder c en d Wmo "
            "2015). Die hulp kan niet (meer), omdat [VUL IN: waarom niet]."
        ),
    ),
    Grond(
        tr("Het persoonlijk plan is niet gebruikt"),
        tr(
            "Ik heb op [VUL IN: datum] een persoonlijk plan gegeven. De gemeente moet dat "
            "plan bij het onderzoek betrekken (artikel 2.3.2 lid 5 Wmo 2015). Dat is niet "
            "gebeurd."
        ),
    ),
    Grond(
        tr("Pgb geweigerd zonder geldige reden"),
        tr(
            "De gemeente weigert een persoonsgebonden budget (pgb). Dat mag alleen om de "
            "redenen in artikel 2.3.6 Wmo 2015. Ik kan het pgb beheren "
            "[VUL IN: zelf of met hulp van wie] en ik wil een pgb omdat "
            "[VUL IN: waarom een pgb beter past]."
        ),
    ),
)


def gronden_voor(jeugdwet: bool) -> list[Grond]:
    return [g for g in GRONDEN if not (jeugdwet and g.alleen_wmo)]
