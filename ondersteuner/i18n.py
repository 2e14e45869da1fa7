"""Marking and formatting of user-facing Dutch text.

Every string a user reads goes through :func:`tr` with named placeholders, so a
translation catalogue can be added later without touching call sites. It is
Qt-free on purpose: the core raises errors with Dutch messages too.
"""

from __future__ import annotations

from typing import Any


def tr(text: str, /, **values: Any) -> str:
    """Return the (Dutch) UI text with its named placeholders filled in."""
    return text.format(**values) if values else text
