"""Input checks shared by dialogs and operations, with Dutch messages.

Qt-free. Operations call these before writing, so bad input never reaches the
vault even when a dialog is bypassed (tests, demo, import).
"""

from __future__ import annotations

import datetime as dt
import re

from ondersteuner.i18n import tr

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9 +()\-]{6,20}$")


class InvalidInput(ValueError):
    """Input the user must correct; ``field`` names the input, the message is Dutch."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def require_text(field: str, value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput(field, tr("Vul {label} in.", label=label))
    return value


def normalise_postcode(field: str, value: str) -> str:
    """'1234ab' → '1234 AB'; empty stays empty; anything else is refused."""
    value = (value or "").strip()
    if not value:
        return ""
    m = _POSTCODE.match(value)
    if not m:
        raise InvalidInput(
            field, tr("De postcode ‘{v}’ klopt niet. Schrijf bijvoorbeeld 1234 AB.", v=value)
        )
    return f"{m.group(1)} {m.group(2).upper()}"


def check_email(field: str, value: str) -> str:
    value = (value or "").strip()
    if value and not _EMAIL.match(value):
        raise InvalidInput(
            field, tr("Het e-mailadres ‘{v}’ klopt niet. Er hoort een @ en een punt in.", v=value)
        )
    return value


def check_phone(field: str, value: str) -> str:
    value = (value or "").strip()
    if value and not _PHONE.match(value):
        raise InvalidInput(
            field,
            tr(
                "Het telefoonnummer ‘{v}’ klopt niet. Gebruik alleen cijfers, spaties en +.",
                v=value,
            ),
        )
    return value


def check_birth_date(field: str, value: dt.date | None, today: dt.date | None = None) -> None:
    if value is None:
        return
    today = today or dt.date.today()
    if value > today:
        raise InvalidInput(field, tr("De geboortedatum ligt in de toekomst."))
    if value.year < today.year - 125:
        raise InvalidInput(field, tr("De geboortedatum ligt te ver in het verleden."))


def check_event_date(
    field: str, value: dt.date | None, label: str, today: dt.date | None = None
) -> dt.date:
    if value is None:
        raise InvalidInput(field, tr("Vul de datum van {label} in.", label=label))
    today = today or dt.date.today()
    if value.year < 1990 or value > today + dt.timedelta(days=3 * 365):
        raise InvalidInput(
            field, tr("De datum {d} is niet mogelijk.", d=value.strftime("%d-%m-%Y"))
        )
    return value


def check_order(field: str, start: dt.date | None, end: dt.date | None, message: str) -> None:
    if start is not None and end is not None and end < start:
        raise InvalidInput(field, message)
