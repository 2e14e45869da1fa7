"""Legal deadlines: Atw calendar, term arithmetic, dwangsom, and every deadline of a
melding derived from its recorded events. Pure Python, no Qt.

Public API other parts rely on: ``einddatum``, ``is_feestdag``, ``dwangsom``.
"""

from ondersteuner.termijnen.dwangsom import bereken_dwangsom, dwangsom
from ondersteuner.termijnen.kalender import is_feestdag, is_werkdag
from ondersteuner.termijnen.rekenen import Berekening, bereken, einddatum

__all__ = [
    "Berekening",
    "bereken",
    "bereken_dwangsom",
    "dwangsom",
    "einddatum",
    "is_feestdag",
    "is_werkdag",
]
