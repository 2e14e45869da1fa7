"""Closed vocabularies of the domain, stored by their Dutch value.

Labels for the UI live beside them so every screen words them the same way
(glossary: ``domain.md`` §9).
"""

from __future__ import annotations

import enum

from ondersteuner.i18n import tr


class LabelledEnum(enum.StrEnum):
    @property
    def label(self) -> str:
        return _LABELS.get(self, self.value)


class Wet(LabelledEnum):
    WMO = "wmo"
    JEUGDWET = "jeugdwet"


class ClientStatus(LabelledEnum):
    ACTIEF = "actief"
    AFGESLOTEN = "afgesloten"


class MeldingStatus(LabelledEnum):
    LOPEND = "lopend"
    AFGEROND = "afgerond"
    INGETROKKEN = "ingetrokken"


class GebeurtenisSoort(LabelledEnum):
    """Procedure events recorded on a melding; deadlines are derived from them."""

    ONTVANGSTBEVESTIGING = "ontvangstbevestiging"
    UITNODIGING = "uitnodiging"
    PERSOONLIJK_PLAN = "persoonlijk_plan_ingediend"
    GESPREK = "gesprek"
    VERSLAG_ONTVANGEN = "verslag_ontvangen"
    REACTIE_VERSLAG = "reactie_verslag_verstuurd"
    AANVRAAG = "aanvraag"
    OPSCHORTING = "opschorting"
    VERDAGING_BESCHIKKING = "verdaging_beschikking"
    NOODVOORZIENING = "noodvoorziening"
    BESCHIKKING = "beschikking"
    INGEBREKESTELLING = "ingebrekestelling"
    BEZWAAR = "bezwaar_ingediend"
    HERSTELTERMIJN = "hersteltermijn"
    HOORZITTING = "hoorzitting"
    VERDAGING_BEZWAAR = "verdaging_bezwaar"
    BESLISSING_OP_BEZWAAR = "beslissing_op_bezwaar"
    BEROEP = "beroep_ingesteld"
    KLACHT = "klacht_ingediend"
    VERDAGING_KLACHT = "verdaging_klacht"
    KLACHT_AFGEHANDELD = "klacht_afgehandeld"
    HERINDICATIE = "herindicatie"
    OVERIG = "overig"


class GesprekVorm(LabelledEnum):
    THUIS = "thuis"
    ELDERS = "elders"
    TELEFONISCH = "telefonisch"
    VIDEO = "video"


class NotitieSoort(LabelledEnum):
    OBSERVATIE = "observatie"
    AFSPRAAK = "afspraak"
    TOEZEGGING = "toezegging"
    WENS = "wens"
    CITAAT = "citaat"


class BriefStatus(LabelledEnum):
    CONCEPT = "concept"
    VERZONDEN = "verzonden"
    BEVESTIGD = "ontvangst_bevestigd"


class PuntStatus(LabelledEnum):
    """Outcome of comparing one note with the verslag."""

    GEVONDEN = "gevonden"
    GEDEELTELIJK = "gedeeltelijk"
    ONTBREEKT = "ontbreekt"


_LABELS: dict[enum.Enum, str] = {
    Wet.WMO: tr("Wmo 2015"),
    Wet.JEUGDWET: tr("Jeugdwet"),
    ClientStatus.ACTIEF: tr("Actief"),
    ClientStatus.AFGESLOTEN: tr("Afgesloten"),
    MeldingStatus.LOPEND: tr("Lopend"),
    MeldingStatus.AFGEROND: tr("Afgerond"),
    MeldingStatus.INGETROKKEN: tr("Ingetrokken"),
    GebeurtenisSoort.ONTVANGSTBEVESTIGING: tr("Ontvangstbevestiging melding"),
    GebeurtenisSoort.UITNODIGING: tr("Uitnodiging voor gesprek"),
    GebeurtenisSoort.PERSOONLIJK_PLAN: tr("Persoonlijk plan ingediend"),
    GebeurtenisSoort.GESPREK: tr("Gesprek (keukentafelgesprek)"),
    GebeurtenisSoort.VERSLAG_ONTVANGEN: tr("Verslag ontvangen"),
    GebeurtenisSoort.REACTIE_VERSLAG: tr("Reactie op verslag verstuurd"),
    GebeurtenisSoort.AANVRAAG: tr("Aanvraag ingediend"),
    GebeurtenisSoort.OPSCHORTING: tr("Opschorting beslistermijn"),
    GebeurtenisSoort.VERDAGING_BESCHIKKING: tr("Verlenging beslistermijn aangekondigd"),
    GebeurtenisSoort.NOODVOORZIENING: tr("Noodvoorziening"),
    GebeurtenisSoort.BESCHIKKING: tr("Beschikking"),
    GebeurtenisSoort.INGEBREKESTELLING: tr("Ingebrekestelling verstuurd"),
    GebeurtenisSoort.BEZWAAR: tr("Bezwaar ingediend"),
    GebeurtenisSoort.HERSTELTERMIJN: tr("Hersteltermijn (gronden aanvullen)"),
    GebeurtenisSoort.HOORZITTING: tr("Hoorzitting"),
    GebeurtenisSoort.VERDAGING_BEZWAAR: tr("Verdaging beslissing op bezwaar"),
    GebeurtenisSoort.BESLISSING_OP_BEZWAAR: tr("Beslissing op bezwaar"),
    GebeurtenisSoort.BEROEP: tr("Beroep ingesteld"),
    GebeurtenisSoort.KLACHT: tr("Klacht ingediend"),
    GebeurtenisSoort.VERDAGING_KLACHT: tr("Verdaging klachtbehandeling"),
    GebeurtenisSoort.KLACHT_AFGEHANDELD: tr("Klacht afgehandeld"),
    GebeurtenisSoort.HERINDICATIE: tr("Herindicatie / einde voorziening"),
    GebeurtenisSoort.OVERIG: tr("Overig"),
    GesprekVorm.THUIS: tr("Thuis"),
    GesprekVorm.ELDERS: tr("Elders"),
    GesprekVorm.TELEFONISCH: tr("Telefonisch"),
    GesprekVorm.VIDEO: tr("Video"),
    NotitieSoort.OBSERVATIE: tr("Observatie"),
    NotitieSoort.AFSPRAAK: tr("Afspraak"),
    NotitieSoort.TOEZEGGING: tr("Toezegging gemeente"),
    NotitieSoort.WENS: tr("Wens"),
    NotitieSoort.CITAAT: tr("Citaat"),
    BriefStatus.CONCEPT: tr("Concept"),
    BriefStatus.VERZONDEN: tr("Verzonden"),
    BriefStatus.BEVESTIGD: tr("Ontvangst bevestigd"),
    PuntStatus.GEVONDEN: tr("Gevonden"),
    PuntStatus.GEDEELTELIJK: tr("Gedeeltelijk"),
    PuntStatus.ONTBREEKT: tr("Ontbreekt"),
}
