"""The letter kinds and the fields each one needs, with the legal reason for the
required ones (``../shared/domain.md``).

A field is required when the law or the letter's purpose needs it: a bezwaarschrift
without name, address, date, a description of the besluit or grounds can be declared
inadmissible (Awb 6:5); a klaagschrift needs name, address, date and the conduct
(Awb 9:4). Optional fields are left out of the letter cleanly when empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from ondersteuner.i18n import tr

# Field kinds: how the dialog asks for them and how the letter shows them.
TEKST = "tekst"  # one line
LANG = "lang"  # several lines or paragraphs
DATUM = "datum"  # a date, written as "3 maart 2026"
JA_NEE = "ja_nee"  # a choice that switches parts of the letter on or off
GETAL = "getal"  # a whole number (weeks)
PUNTEN = "punten"  # a list of {"citaat": ..., "correctie": ...} (reactie op verslag)


@dataclass(frozen=True)
class Veld:
    naam: str
    label: str
    verplicht: bool = False
    soort: str = TEKST
    uitleg: str = ""


SOORTEN: tuple[str, ...] = (
    "reactie_verslag",
    "verzoek_tweede_gesprek",
    "klacht",
    "bezwaarschrift",
    "bezwaarschrift_pro_forma",
    "ingebrekestelling",
    "aanvraag_maatwerkvoorziening",
    "persoonlijk_plan",
    "machtiging",
)

TITELS: dict[str, str] = {
    "reactie_verslag": tr("Reactie op het verslag"),
    "verzoek_tweede_gesprek": tr("Verzoek om een tweede gesprek"),
    "klacht": tr("Klacht"),
    "bezwaarschrift": tr("Bezwaarschrift"),
    "bezwaarschrift_pro_forma": tr("Bezwaarschrift pro forma (gronden volgen)"),
    "ingebrekestelling": tr("Ingebrekestelling"),
    "aanvraag_maatwerkvoorziening": tr("Aanvraag maatwerkvoorziening"),
    "persoonlijk_plan": tr("Persoonlijk plan"),
    "machtiging": tr("Machtiging"),
}

# Which kinds are sent to the gemeente (and so need its postal address).
AAN_GEMEENTE = frozenset(SOORTEN) - {"persoonlijk_plan", "machtiging"}

_CLIENT = [
    Veld("client_naam", tr("Naam cliënt"), True, uitleg=tr("Voorletters en achternaam")),
    Veld("client_adres", tr("Adres cliënt"), True, uitleg=tr("Straat en huisnummer")),
    Veld("client_postcode_plaats", tr("Postcode en woonplaats cliënt"), True),
    Veld("client_telefoon", tr("Telefoon cliënt")),
]
_GEMEENTE = [
    Veld("gemeente_naam", tr("Gemeente"), True),
    Veld("gemeente_afdeling", tr("Afdeling (t.a.v.)")),
    Veld("gemeente_adres", tr("Postadres gemeente"), True, uitleg=tr("Postbus of straat")),
    Veld("gemeente_postcode_plaats", tr("Postcode en plaats gemeente"), True),
    Veld("kenmerk", tr("Kenmerk van de gemeente")),
]
_BRIEF = [
    Veld("plaats", tr("Plaats van schrijven"), True),
    Veld("datum", tr("Datum van de brief"), True, DATUM),
    Veld("wet", tr("Wet"), True, uitleg=tr("Wmo 2015 of Jeugdwet")),
]
_ADVISEUR = [
    Veld(
        "namens_client",
        tr("De cliëntondersteuner ondertekent namens de cliënt (met machtiging)"),
        soort=JA_NEE,
    ),
    Veld("adviseur_naam", tr("Naam cliëntondersteuner")),
    Veld("adviseur_organisatie", tr("Organisatie cliëntondersteuner")),
    Veld("adviseur_telefoon", tr("Telefoon cliëntondersteuner")),
    Veld("adviseur_email", tr("E-mail cliëntondersteuner")),
]

# The beschikking a bezwaarschrift (full or pro forma) is against (Awb 6:5 lid 1 c).
_BESCHIKKING = [
    Veld("beschikking_datum", tr("Datum van de beschikking"), True, DATUM),
    Veld("beschikking_kenmerk", tr("Kenmerk van de beschikking")),
    Veld("beschikking_omschrijving", tr("Waar de beschikking over gaat"), True, LANG),
]

_EIGEN: dict[str, list[Veld]] = {
    "reactie_verslag": [
        Veld("gesprek_datum", tr("Datum van het gesprek"), True, DATUM),
        Veld("verslag_datum", tr("Datum van het verslag"), True, DATUM),
        Veld("punten", tr("Punten uit de vergelijking"), True, PUNTEN),
        Veld("aanvulling", tr("Wat verder nog in het verslag hoort"), soort=LANG),
    ],
    "verzoek_tweede_gesprek": [
        Veld("gesprek_datum", tr("Datum van het gesprek"), True, DATUM),
        Veld("verslag_datum", tr("Datum van het verslag"), soort=DATUM),
        Veld("reden", tr("Waarom een tweede gesprek nodig is"), True, LANG),
        Veld("wie_mee", tr("Wie er bij het tweede gesprek is")),
    ],
    "klacht": [
        Veld("gedraging_datum", tr("Wanneer het gebeurde"), True, DATUM),
        Veld("gedraging", tr("Wat er gebeurde (de gedraging)"), True, LANG),
        Veld("medewerker", tr("Om welke medewerker het gaat")),
        Veld("gevolgen", tr("Wat dit voor de cliënt betekende"), soort=LANG),
        Veld("verzoek", tr("Wat de cliënt vraagt"), soort=LANG),
        Veld("adviescommissie", tr("Gemeente heeft een klachtadviescommissie"), soort=JA_NEE),
    ],
    "bezwaarschrift": [
        *_BESCHIKKING,
        Veld("gronden", tr("Gronden: waarom de cliënt het er niet mee eens is"), True, LANG),
        Veld("verzoek", tr("Wat de gemeente wel moet besluiten"), soort=LANG),
        Veld("pgb", tr("Het gaat (ook) om een pgb"), soort=JA_NEE),
        Veld("horen", tr("De cliënt wil gehoord worden"), soort=JA_NEE),
        Veld("ontvangen_op", tr("Datum ontvangst beschikking (als die later kwam)"), soort=DATUM),
        Veld("reden_te_laat", tr("Waarom het bezwaar te laat is (verschoonbaar)"), soort=LANG),
    ],
    "bezwaarschrift_pro_forma": [
        *_BESCHIKKING,
        Veld("termijn_weken", tr("Gevraagde termijn voor de gronden (aantal weken)"), soort=GETAL),
    ],
    "ingebrekestelling": [
        Veld("aanvraag_datum", tr("Datum van de aanvraag"), True, DATUM),
        Veld("aanvraag_omschrijving", tr("Wat er is aangevraagd"), True),
        Veld("beslistermijn_einde", tr("Laatste dag van de beslistermijn"), True, DATUM),
        Veld("beslissing_op_bezwaar", tr("Het gaat om een beslissing op bezwaar"), soort=JA_NEE),
        Veld(
            "bezwaar_datum",
            tr("Datum van het bezwaar (bij een beslissing op bezwaar)"),
            soort=DATUM,
        ),
    ],
    "aanvraag_maatwerkvoorziening": [
        Veld("voorziening", tr("Wat de cliënt aanvraagt"), True, LANG),
        Veld("toelichting", tr("Waarom de cliënt dit nodig heeft"), True, LANG),
        Veld("melding_datum", tr("Datum van de melding"), soort=DATUM),
        Veld("gesprek_datum", tr("Datum van het gesprek"), soort=DATUM),
        Veld("verslag_datum", tr("Datum van het verslag"), soort=DATUM),
        Veld("plan_datum", tr("Datum van het persoonlijk plan"), soort=DATUM),
        Veld("pgb", tr("De cliënt wil een pgb"), soort=JA_NEE),
        Veld("pgb_motivatie", tr("Waarom de cliënt een pgb wil"), soort=LANG),
    ],
    "persoonlijk_plan": [
        Veld("melding_datum", tr("Datum van de melding"), soort=DATUM),
        Veld("situatie", tr("Waar loopt de cliënt tegenaan?"), True, LANG),
        Veld("wat_zelf", tr("Wat kan de cliënt zelf?"), soort=LANG),
        Veld("netwerk", tr("Wie kan helpen? (familie, buren, vrienden)"), soort=LANG),
        Veld("mantelzorger", tr("Wat heeft de mantelzorger nodig?"), soort=LANG),
        Veld("ondersteuning", tr("Waarvoor is ondersteuning nodig?"), True, LANG),
        Veld("hoe", tr("Hoe moet de ondersteuning eruitzien?"), soort=LANG),
        Veld("wensen", tr("Wensen van de cliënt"), soort=LANG),
        Veld("pgb", tr("De cliënt overweegt een pgb"), soort=JA_NEE),
    ],
    "machtiging": [
        Veld("client_geboortedatum", tr("Geboortedatum cliënt"), soort=DATUM),
        Veld("omvang", tr("Waarvoor de machtiging geldt"), soort=LANG),
        Veld("geldig_tot", tr("Geldig tot"), soort=DATUM),
    ],
}


def velden(soort: str) -> list[Veld]:
    """Every field of one letter kind, in the order the dialog shows them."""
    if soort not in SOORTEN:
        raise OnbekendeSoort(soort)
    gemeente = _GEMEENTE
    adviseur = _ADVISEUR
    if soort == "machtiging":
        # The machtiging is signed by both and handed in with the letters; the
        # gemeente is named, its postal address is not needed.
        gemeente = [Veld("gemeente_naam", tr("Gemeente"), True)]
        adviseur = [
            Veld("adviseur_naam", tr("Naam cliëntondersteuner"), True),
            *[v for v in _ADVISEUR if v.naam not in ("namens_client", "adviseur_naam")],
        ]
    elif soort == "persoonlijk_plan":
        # The client's own plan: the adviser only helped write it.
        gemeente = [Veld("gemeente_naam", tr("Gemeente"), True), _GEMEENTE[-1]]
        adviseur = [v for v in _ADVISEUR if v.naam in ("adviseur_naam", "adviseur_organisatie")]
    return [*_CLIENT, *gemeente, *_BRIEF, *adviseur, *_EIGEN[soort]]


class OnbekendeSoort(ValueError):
    def __init__(self, soort: str) -> None:
        super().__init__(tr("Onbekende soort brief: {0}").format(soort))
        self.soort = soort


def ontbrekend(soort: str, gegevens: dict) -> list[Veld]:
    """The required fields without a value (and the adviser's name when the adviser
    signs on the client's behalf)."""
    out = [v for v in velden(soort) if v.verplicht and leeg(gegevens.get(v.naam))]
    names = {v.naam for v in out}
    if (
        soort == "ingebrekestelling"
        and gegevens.get("beslissing_op_bezwaar")
        and leeg(gegevens.get("bezwaar_datum"))
    ):
        out.append(next(v for v in _EIGEN[soort] if v.naam == "bezwaar_datum"))
    if (
        gegevens.get("namens_client")
        and leeg(gegevens.get("adviseur_naam"))
        and "adviseur_naam" not in names
        and any(v.naam == "namens_client" for v in velden(soort))
    ):
        out.append(next(v for v in _ADVISEUR if v.naam == "adviseur_naam"))
    return out


def leeg(waarde: object) -> bool:
    if waarde is None or waarde is False:
        return True
    if isinstance(waarde, str):
        return not waarde.strip()
    if isinstance(waarde, list | tuple | dict):
        return len(waarde) == 0
    return False
