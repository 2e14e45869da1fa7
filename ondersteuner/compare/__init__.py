"""Verslag against notes: what is missing, distorted or added. Pure, no Qt.

Public: ``vergelijk(notities: list[str], verslag: str) -> Vergelijking``; inside
``with eigen_synoniemen(tekst):`` it also reads the adviser's own words of a gemeente
(checked first with ``lees_synoniemen``, which raises ``SynoniemFout``).
"""

from ondersteuner.compare.engine import (
    GEDEELTELIJK,
    GEVONDEN,
    ONTBREEKT,
    Passage,
    Punt,
    Vergelijking,
    vergelijk,
)
from ondersteuner.compare.tekst import SynoniemFout, eigen_synoniemen, lees_synoniemen

__all__ = [
    "GEDEELTELIJK",
    "GEVONDEN",
    "ONTBREEKT",
    "Passage",
    "Punt",
    "SynoniemFout",
    "Vergelijking",
    "eigen_synoniemen",
    "lees_synoniemen",
    "vergelijk",
]
