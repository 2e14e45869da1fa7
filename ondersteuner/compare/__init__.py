"""Verslag against notes: what is missing, distorted or added. Pure, no Qt.

Public: ``vergelijk(notities: list[str], verslag: str) -> Vergelijking``.
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

__all__ = [
    "GEDEELTELIJK",
    "GEVONDEN",
    "ONTBREEKT",
    "Passage",
    "Punt",
    "Vergelijking",
    "vergelijk",
]
