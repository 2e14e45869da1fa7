"""Plain, immutable snapshots of ORM rows that cross from operations to screens."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ondersteuner.models.enums import ClientStatus, GebeurtenisSoort, MeldingStatus, Wet


@dataclass(frozen=True)
class ClientRow:
    """One line of the client list."""

    id: int
    dossiernummer: int
    naam: str
    woonplaats: str
    gemeente: str
    status: ClientStatus
    open_meldingen: int
    geboortedatum: dt.date | None


@dataclass(frozen=True)
class ContactData:
    id: int | None = None
    naam: str = ""
    relatie: str = ""
    is_mantelzorger: bool = False
    is_vertegenwoordiger: bool = False
    telefoon: str = ""
    email: str = ""
    adres: str = ""
    notities: str = ""


@dataclass(frozen=True)
class ClientData:
    """Everything the client dialog edits."""

    id: int | None = None
    naam: str = ""
    aanhef: str = ""
    geboortedatum: dt.date | None = None
    adres: str = ""
    postcode: str = ""
    woonplaats: str = ""
    telefoon: str = ""
    email: str = ""
    gemeente_id: int | None = None
    notities: str = ""
    toestemming_op: dt.date | None = None
    toestemming_omvang: str = ""
    # Read-only in the dialog:
    dossiernummer: int | None = None
    status: ClientStatus = ClientStatus.ACTIEF
    afgesloten_op: dt.date | None = None
    gemeente_naam: str = ""
    contactpersonen: tuple[ContactData, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class MeldingData:
    id: int | None = None
    client_id: int | None = None
    gemeente_id: int | None = None
    wet: Wet = Wet.WMO
    datum_melding: dt.date | None = None
    gemeld_door: str = ""
    hulpvraag: str = ""
    spoed: bool = False
    kenmerk: str = ""
    notities: str = ""
    # Read-only:
    status: MeldingStatus = MeldingStatus.LOPEND
    gemeente_naam: str = ""
    fase: str = ""
    aantal_gebeurtenissen: int = 0


@dataclass(frozen=True)
class GebeurtenisData:
    id: int | None = None
    melding_id: int | None = None
    soort: GebeurtenisSoort = GebeurtenisSoort.OVERIG
    datum: dt.date | None = None
    tot_datum: dt.date | None = None
    verzonden_op: dt.date | None = None
    ontvangen_op: dt.date | None = None
    kenmerk: str = ""
    omschrijving: str = ""
    met_adviescommissie: bool = False


@dataclass(frozen=True)
class GemeenteData:
    id: int
    naam: str
    cbs_code: str | None = None
    post_adres: str = ""
    post_postcode: str = ""
    post_plaats: str = ""
    afdeling: str = ""
    loket_telefoon: str = ""
    loket_email: str = ""

    @property
    def has_postal_address(self) -> bool:
        return bool(self.post_adres and self.post_postcode and self.post_plaats)


@dataclass(frozen=True)
class DeletionSummary:
    """What deleting a client removes, for the confirmation dialog."""

    naam: str
    dossiernummer: int
    contactpersonen: int
    meldingen: int
    gebeurtenissen: int
    gesprekken: int
    notities: int
    verslagen: int
    brieven: int
