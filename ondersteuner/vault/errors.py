"""Vault errors, each with a plain Dutch message the UI shows as is."""

from __future__ import annotations

from ondersteuner.i18n import tr


class VaultError(Exception):
    """Base class: ``str(error)`` is a Dutch sentence fit for the user."""

    default_message = tr("Er ging iets mis met de kluis.")

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        return str(self)


class WrongPassphrase(VaultError):
    default_message = tr(
        "Het wachtwoord klopt niet. Let op hoofdletters en de Caps Lock-toets. "
        "Er is niets veranderd."
    )


class WrongHerstelcode(VaultError):
    default_message = tr(
        "De herstelcode klopt niet. Controleer de code op uw papier. Er is niets veranderd."
    )


class WeakPassphrase(VaultError):
    default_message = tr("Dit wachtwoord is te zwak.")


class VaultMissing(VaultError):
    default_message = tr("Er is nog geen kluis in deze map.")


class VaultExists(VaultError):
    default_message = tr(
        "In deze map staat al een kluis of een ander bestand met dezelfde naam. "
        "Er is niets overschreven."
    )


class NotAVault(VaultError):
    default_message = tr(
        "Het bestand op de plaats van de kluis is geen kluis van ondersteuner, of het is "
        "beschadigd. Er is niets gewist of overschreven."
    )


class VaultCorrupt(VaultError):
    default_message = tr(
        "De kluis is beschadigd en kan niet worden geopend. Er is niets gewist. "
        "Zet een reservekopie terug of vraag hulp."
    )


class VaultLocked(VaultError):
    default_message = tr("De kluis is vergrendeld. Ontgrendel de kluis eerst.")


class VaultInUse(VaultError):
    default_message = tr(
        "De kluis is al geopend in een ander venster van ondersteuner. "
        "Sluit dat eerst, of ga verder in dat venster."
    )


class DiskProblem(VaultError):
    default_message = tr(
        "De kluis kan niet worden opgeslagen: de schijf is vol of alleen-lezen. "
        "Maak ruimte vrij of kies een andere map. Er is niets verloren gegaan."
    )


class VaultTooNew(VaultError):
    default_message = tr(
        "Deze kluis is gemaakt met een nieuwere versie van ondersteuner. "
        "Werk het programma bij om de kluis te openen. Er is niets veranderd."
    )


class MigrationFailed(VaultError):
    default_message = tr(
        "Het bijwerken van de kluis is mislukt. De kluis is teruggezet naar de toestand "
        "van vóór het bijwerken; er is een reservekopie gemaakt."
    )
