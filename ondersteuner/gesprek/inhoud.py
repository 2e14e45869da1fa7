"""What the gesprek is about: the sections of the notes, the "let op" checklist and
the preparation questions, drawn from the public texts in ``shared/seeds`` (a
Wmo-loket page, a tip sheet for clients, ANBO's "Spelregels Wmo")."""

from __future__ import annotations

from dataclasses import dataclass

from ondersteuner.i18n import tr
from ondersteuner.models.enums import GesprekVorm


@dataclass(frozen=True)
class Onderdeel:
    """A section of the notes: key (stored with each note), title, what to listen for."""

    sleutel: str
    titel: str
    vragen: str


# The three questions of every keukentafelgesprek, then the topics ANBO's rules 8,
# 11, 12 and 20 require, then free notes.
ONDERDELEN: tuple[Onderdeel, ...] = (
    Onderdeel(
        "zelf",
        tr("Wat kunt u zelf?"),
        tr(
            "Wat lukt zelf nog, wat niet meer? Wat is al geprobeerd? Eigen kracht, "
            "creatieve oplossingen die de gemeente noemt."
        ),
    ),
    Onderdeel(
        "netwerk",
        tr("Wat kan uw netwerk?"),
        tr(
            "Wie helpt nu al (partner, kinderen, buren)? Wat doen zij? Kunnen en willen zij "
            "meer? Mantelzorg is vrijwillig."
        ),
    ),
    Onderdeel(
        "hulp",
        tr("Welke hulp is mogelijk?"),
        tr(
            "Algemene voorziening of maatwerkvoorziening? Welke oplossing noemt de "
            "gemeente, en past die bij de vraag?"
        ),
    ),
    Onderdeel(
        "wensen",
        tr("Wensen en behoeften"),
        tr("Wat wil de cliënt bereiken? Wat is belangrijk in het dagelijks leven?"),
    ),
    Onderdeel(
        "mantelzorger",
        tr("Ondersteuning van de mantelzorger"),
        tr("Wat heeft de mantelzorger zelf nodig om het vol te houden?"),
    ),
    Onderdeel(
        "plan",
        tr("Persoonlijk plan"),
        tr("Is het plan besproken? Wat zegt de gemeente erover?"),
    ),
    Onderdeel(
        "eigen_bijdrage",
        tr("Eigen bijdrage"),
        tr("Is uitgelegd of er een eigen bijdrage is, en hoe hoog ongeveer?"),
    ),
    Onderdeel(
        "pgb",
        tr("Pgb of zorg in natura"),
        tr("Zijn pgb en zorg in natura uitgelegd, met voor- en nadelen?"),
    ),
    Onderdeel(
        "vervolg",
        tr("Vervolg en verslag"),
        tr("Wanneer komt het verslag? Hoe kan de cliënt reageren? Wat gebeurt er daarna?"),
    ),
    Onderdeel("vrij", tr("Vrije notities"), tr("Alles wat nergens anders past.")),
)
ONDERDEEL = {o.sleutel: o for o in ONDERDELEN}


@dataclass(frozen=True)
class LetOp:
    sleutel: str
    tekst: str
    bron: str


# Tick these off during the gesprek; what is not ticked is listed at the end.
LET_OP: tuple[LetOp, ...] = (
    LetOp(
        "persoonlijk",
        tr("Het gesprek is persoonlijk (niet alleen aan de telefoon)."),
        "tipsheet; ANBO 4–5",
    ),
    LetOp(
        "geen_besluit_vooraf",
        tr("Er is vóór het gesprek niets besloten; de uitkomst ligt niet vast."),
        "tipsheet; ANBO 9",
    ),
    LetOp(
        "doel",
        tr("Doel van het gesprek is duidelijk: wordt er vandaag iets afgesproken?"),
        "tipsheet",
    ),
    LetOp(
        "eigen_bijdrage",
        tr("De eigen bijdrage is uitgelegd."),
        "ANBO 11",
    ),
    LetOp("pgb", tr("Pgb en zorg in natura zijn uitgelegd, met voor- en nadelen."), "ANBO 12"),
    LetOp(
        "mantelzorg_vrijwillig",
        tr("Mantelzorg is vrijwillig: niets is afgedwongen."),
        "zorgaanbieder; tipsheet",
    ),
    LetOp(
        "mantelzorger_ondersteuning",
        tr("Wat de mantelzorger zelf nodig heeft, is besproken."),
        "ANBO 8b",
    ),
    LetOp(
        "alleen_nodige_gegevens",
        tr("Alleen nodige persoonsgegevens zijn gevraagd."),
        "ANBO 13–14",
    ),
    LetOp(
        "medisch_toestemming",
        tr("Medisch dossier alleen ingezien met toestemming van de cliënt."),
        "ANBO 13",
    ),
    LetOp(
        "financien_niet_verplicht",
        tr("Financiële gegevens zijn niet nodig om hulp te krijgen."),
        "ANBO 15",
    ),
    LetOp(
        "verslag_wanneer",
        tr("Gevraagd wanneer het verslag komt en hoe de cliënt kan reageren."),
        "Wmo-loket; ANBO 17",
    ),
    LetOp(
        "niet_tekenen",
        tr("Niets ter plekke getekend: er is twee weken bedenktijd."),
        "ANBO 19",
    ),
    LetOp(
        "contact_achteraf",
        tr("Gevraagd of de cliënt achteraf nog kan bellen of mailen."),
        "tipsheet",
    ),
)
LET_OP_KEYS = tuple(item.sleutel for item in LET_OP)


def let_op_open(afgevinkt: list[str] | tuple[str, ...]) -> list[LetOp]:
    """The checklist points not ticked off (to ask before leaving)."""
    done = set(afgevinkt)
    return [item for item in LET_OP if item.sleutel not in done]


def vorm_waarschuwing(vorm: GesprekVorm) -> str:
    """The seeds' warning when the gesprek is not held in person."""
    if vorm in (GesprekVorm.TELEFONISCH, GesprekVorm.VIDEO):
        return tr(
            "Let op: het keukentafelgesprek hoort een persoonlijk gesprek te zijn. Het gaat "
            "om grote belangen die vaak jaren gelden. Vraag om een gesprek bij de cliënt thuis "
            "als de cliënt dat wil (ANBO-spelregels 4 en 5)."
        )
    return ""


# Preparation: the questions the seeds tell clients to think through.
VOORBEREIDING_VRAGEN: tuple[tuple[str, str, str], ...] = (
    (
        "waar_loop_ik_tegenaan",
        tr("Waar loop ik tegenaan?"),
        tr("Wat lukt niet meer in het dagelijks leven? Sinds wanneer?"),
    ),
    (
        "wat_kan_ik_zelf",
        tr("Wat kan ik zelf?"),
        tr("Wat lukt nog wel? Wat heb ik zelf al geprobeerd?"),
    ),
    (
        "wie_kan_helpen",
        tr("Wie kan helpen en wat doen zij al?"),
        tr("Partner, kinderen, buren, vrienden: wat doen zij nu, en kunnen zij meer?"),
    ),
    (
        "waarvoor_ondersteuning",
        tr("Waarvoor precies vraag ik ondersteuning?"),
        tr("Zo concreet mogelijk: welke taken, hoe vaak."),
    ),
    (
        "hoe_eruitzien",
        tr("Hoe kan die ondersteuning eruitzien?"),
        tr("Hulp thuis, een hulpmiddel, vervoer, dagbesteding, een pgb …"),
    ),
    ("wensen", tr("Wensen van de cliënt"), tr("Wat is voor de cliënt het belangrijkst?")),
    ("punten", tr("Punten om in te brengen"), tr("Wat moet zeker aan bod komen?")),
    ("wie_gaat_mee", tr("Wie gaat mee?"), tr("Mantelzorger, familielid, cliëntondersteuner.")),
)
