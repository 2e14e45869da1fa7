"""The ORM: SQLAlchemy 2.0 typed models, one module per aggregate.

Designed for the whole mission up front (dossier, procedure, gesprek, verslag,
letters, audit) so later features need no detours. ``models`` means the ORM;
Qt list models live in ``ui/tables``.
"""

from ondersteuner.models.audit import AuditRegel, Concept
from ondersteuner.models.base import Base
from ondersteuner.models.brief import Brief
from ondersteuner.models.client import Client, Contactpersoon
from ondersteuner.models.enums import (
    BriefStatus,
    ClientStatus,
    GebeurtenisSoort,
    GesprekVorm,
    MeldingStatus,
    NotitieSoort,
    PuntStatus,
    Wet,
)
from ondersteuner.models.gemeente import Gemeente
from ondersteuner.models.gesprek import Gesprek, Notitie
from ondersteuner.models.melding import Gebeurtenis, Melding, TermijnAanpassing, Voorbereiding
from ondersteuner.models.verslag import Beoordeling, BesprokenPassage, Reactiepunt, Verslag

__all__ = [
    "AuditRegel",
    "Base",
    "Beoordeling",
    "BesprokenPassage",
    "Brief",
    "BriefStatus",
    "Client",
    "ClientStatus",
    "Concept",
    "Contactpersoon",
    "Gebeurtenis",
    "GebeurtenisSoort",
    "Gemeente",
    "Gesprek",
    "GesprekVorm",
    "Melding",
    "MeldingStatus",
    "Notitie",
    "NotitieSoort",
    "PuntStatus",
    "Reactiepunt",
    "TermijnAanpassing",
    "Verslag",
    "Voorbereiding",
    "Wet",
]
