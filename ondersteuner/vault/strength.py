"""The passphrase rule, in plain Dutch (no crypto imports: the first screen uses it)."""

from __future__ import annotations

from ondersteuner.i18n import tr
from ondersteuner.vault.errors import WeakPassphrase

MIN_PASSPHRASE_LEN = 12
MIN_DISTINCT_CHARS = 5
PASSPHRASE_RULE = tr(
    "Kies een wachtwoord van minstens {n} tekens. Een korte zin van vier losse woorden "
    "is sterk en goed te onthouden, bijvoorbeeld: ‘fiets regen koffie tafel’. "
    "Gebruik geen wachtwoord dat u ergens anders al gebruikt.",
    n=MIN_PASSPHRASE_LEN,
)
_COMMON = {
    "wachtwoord123",
    "welkom123456",
    "123456789012",
    "qwertyuiopas",
    "wachtwoordwachtwoord",
    "ondersteuner",
    "ondersteuner1",
    "passwordpassword",
}


def check_passphrase(passphrase: str) -> None:
    """Raise :class:`WeakPassphrase` with the reason in Dutch if the rule is not met."""
    stripped = passphrase.strip()
    if len(stripped) < MIN_PASSPHRASE_LEN:
        raise WeakPassphrase(
            tr(
                "Het wachtwoord is te kort: {n} tekens. Er zijn er minstens {min} nodig.",
                n=len(stripped),
                min=MIN_PASSPHRASE_LEN,
            )
        )
    if len(set(stripped.lower())) < MIN_DISTINCT_CHARS:
        raise WeakPassphrase(
            tr("Het wachtwoord herhaalt te veel dezelfde tekens. Gebruik meer verschillende.")
        )
    if stripped.lower().replace(" ", "") in _COMMON:
        raise WeakPassphrase(tr("Dit wachtwoord is te bekend. Kies iets dat niemand raadt."))
