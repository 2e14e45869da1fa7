"""Word letters from the dossier: reactie op het verslag, klacht, bezwaarschrift and
the rest. Pure Python (python-docx), no Qt.

Public interface (other parts of the app rely on these names):

- ``SOORTEN``: the letter kinds;
- ``velden(soort)``: each field with its name, Dutch label and whether it is required;
- ``render(soort, gegevens, uitvoer, briefpapier=None)``: the ``.docx`` at ``uitvoer``;
  raises ``OntbrekendeVelden`` naming every missing required field.

Templates are text files in ``ondersteuner/templates/`` (``<soort>.txt`` and the shared
parts ``_<naam>.txt``); an organisation's copy in its own template folder
(``gebruik_sjabloonmap``) wins over the built-in one.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from ondersteuner.i18n import tr
from ondersteuner.letters.sjabloon import (
    SjabloonFout,
    _Node,
    blokken,
    parse,
    platte_tekst,
    vul,
)
from ondersteuner.letters.velden import (
    AAN_GEMEENTE,
    SOORTEN,
    TITELS,
    OnbekendeSoort,
    Veld,
    leeg,
    ontbrekend,
    velden,
)
from ondersteuner.letters.woord import BriefpapierFout

__all__ = [
    "AAN_GEMEENTE",
    "SOORTEN",
    "TITELS",
    "BriefpapierFout",
    "OnbekendeSoort",
    "OntbrekendeVelden",
    "SjabloonFout",
    "Veld",
    "gebruik_sjabloonmap",
    "ingebouwd_sjabloon",
    "kopieer_sjabloon",
    "leeg",
    "maak_docx",
    "ontbrekend",
    "render",
    "tekst",
    "velden",
]

MAX_SJABLOON = 256 * 1024  # a letter template is a few kB

UITLEG = tr(
    """Eigen sjablonen voor brieven
============================

In deze map staan uw eigen versies van de brieven. Heeft een brief hier een bestand
(bijvoorbeeld bezwaarschrift.txt), dan gebruikt de app dat in plaats van het
standaardsjabloon. Gooi het bestand weg om weer het standaardsjabloon te gebruiken.

Tekens in een sjabloon:
  {{client_naam}}                  hier komt een gegeven (een datum als "3 maart 2026")
  {{#als kenmerk}} ... {{/als}}    alleen als dat gegeven is ingevuld (of "ja" is)
  {{#alsniet pgb}} ... {{/alsniet}} alleen als het niet is ingevuld
  {{#elk punten}} ... {{/elk}}     één keer per punt; binnenin {{.citaat}}, {{.correctie}}, {{nr}}
  {{>ondertekening}}               het gedeelde stuk _ondertekening.txt
  ; tekst                          een regel die met ; begint is uitleg en komt niet in de brief

Opmaak: een lege regel begint een nieuwe alinea. Een regel die begint met "## " is een
kopje, met "- " een opsommingsteken, met "> " een citaat. [[handtekening]] maakt ruimte
om te ondertekenen.

Let op: een bezwaarschrift moet naam, adres, datum, een omschrijving van het besluit,
de gronden en een handtekening hebben (artikel 6:5 Awb). Haal die niet weg.
"""
)


class OntbrekendeVelden(ValueError):
    """Required fields without a value; ``velden`` holds them, the message names them."""

    def __init__(self, soort: str, missing: list[Veld]) -> None:
        namen = ", ".join(v.label for v in missing)
        super().__init__(tr("Deze gegevens ontbreken nog voor de brief: {0}.").format(namen))
        self.soort = soort
        self.velden = missing


_sjabloonmap: Path | None = None


def gebruik_sjabloonmap(map_: Path | None) -> None:
    """Use the organisation's own templates from this folder where it has them."""
    global _sjabloonmap
    _sjabloonmap = Path(map_) if map_ else None


def ingebouwd_sjabloon(naam: str) -> str:
    return resources.files("ondersteuner.templates").joinpath(f"{naam}.txt").read_text("utf-8")


def _sjabloon_tekst(naam: str) -> tuple[str, str]:
    """The template text and where it came from (for error messages)."""
    if _sjabloonmap is not None:
        eigen = _sjabloonmap / f"{naam}.txt"
        if eigen.is_file():
            if eigen.stat().st_size > MAX_SJABLOON:
                raise SjabloonFout(tr("Sjabloon {0} is te groot.").format(eigen.name))
            try:
                return eigen.read_text("utf-8"), str(eigen)
            except UnicodeDecodeError as e:
                raise SjabloonFout(
                    tr("Sjabloon {0} is geen tekstbestand (UTF-8).").format(eigen.name)
                ) from e
            except OSError as e:
                raise SjabloonFout(tr("Sjabloon {0} is niet te lezen.").format(eigen.name)) from e
    try:
        return ingebouwd_sjabloon(naam), naam
    except FileNotFoundError as e:
        raise SjabloonFout(tr("Sjabloon {0} bestaat niet.").format(naam)) from e


def kopieer_sjabloon(soort: str, map_: Path) -> Path:
    """Copy the built-in template of ``soort`` into ``map_`` for the organisation to
    edit (an existing copy is kept)."""
    if soort not in SOORTEN and not soort.startswith("_"):
        raise OnbekendeSoort(soort)
    ingebouwd = ingebouwd_sjabloon(soort)  # a shared part that does not exist raises here
    map_.mkdir(parents=True, exist_ok=True)
    uitleg = map_ / "LEESMIJ.txt"
    if not uitleg.exists():
        uitleg.write_text(UITLEG, "utf-8")
    doel = map_ / f"{soort}.txt"
    if not doel.exists():
        doel.write_text(ingebouwd, "utf-8")
    return doel


def _include(naam: str) -> list[_Node]:
    tekst_, bron = _sjabloon_tekst("_" + naam)
    return parse(tekst_, bron)


def _vul(soort: str, gegevens: Mapping[str, Any], *, voorbeeld: bool) -> str:
    if soort not in SOORTEN:
        raise OnbekendeSoort(soort)
    tekst_, bron = _sjabloon_tekst(soort)
    labels = {v.naam: v.label for v in velden(soort)}
    verplicht = {v.naam for v in velden(soort) if v.verplicht}
    verplicht |= {v.naam for v in ontbrekend(soort, dict(gegevens))}  # required by a choice
    data = {**gegevens, "jeugdwet": str(gegevens.get("wet", "")).lower().startswith("jeugd")}

    def ontbreekt(naam: str) -> str:
        return f"[{labels.get(naam, naam)}]" if naam in verplicht else ""

    nodes = parse(tekst_, bron)
    if bron != soort:  # the organisation's own template: it may not drop what the law needs
        gebruikt = _gebruikt(nodes)
        weg = [labels[n] for n in sorted(verplicht) if n not in gebruikt and n != "punten"]
        if "punten" in verplicht and "punten" not in gebruikt:
            weg.append(labels["punten"])
        if weg:
            raise SjabloonFout(
                tr("Uw eigen sjabloon {0} laat weg wat deze brief moet bevatten: {1}.").format(
                    Path(bron).name, ", ".join(weg)
                )
            )
    return vul(nodes, data, _include, ontbreekt=ontbreekt if voorbeeld else None)


def _gebruikt(nodes: list[_Node], diepte: int = 0) -> set[str]:
    """Every field a template uses, its shared parts included."""
    from ondersteuner.letters.sjabloon import MAX_DIEPTE, velden_in

    namen = velden_in(nodes)
    if diepte < MAX_DIEPTE:
        for n in nodes_with_includes(nodes):
            namen |= _gebruikt(_include(n), diepte + 1)
    return namen


def nodes_with_includes(nodes: list[_Node]) -> set[str]:
    from ondersteuner.letters.sjabloon import _walk

    return {n.value for n in _walk(nodes) if n.kind == "include"}


def tekst(soort: str, gegevens: Mapping[str, Any]) -> str:
    """The letter as plain text, for the live preview: a required field still empty
    shows as ``[its label]``; nothing is made up."""
    return platte_tekst(blokken(_vul(soort, gegevens, voorbeeld=True)))


def maak_docx(soort: str, gegevens: Mapping[str, Any], briefpapier: Path | None = None) -> bytes:
    """The letter as ``.docx`` bytes (to archive in the vault without a file on disk)."""
    missing = ontbrekend(soort, dict(gegevens))
    if missing:
        raise OntbrekendeVelden(soort, missing)
    from ondersteuner.letters import woord

    bl = blokken(_vul(soort, gegevens, voorbeeld=False))
    doc = woord.lees_briefpapier(Path(briefpapier)) if briefpapier else woord.nieuw_document()
    woord.schrijf(doc, bl)
    return woord.als_bytes(doc)


def render(
    soort: str,
    gegevens: Mapping[str, Any],
    uitvoer: Path,
    briefpapier: Path | None = None,
) -> Path:
    """Write the letter of kind ``soort`` as ``.docx`` to ``uitvoer`` (on the
    letterhead ``briefpapier`` if given) and return the path."""
    from ondersteuner.letters import woord

    return woord.schrijf_bestand(maak_docx(soort, gegevens, briefpapier), Path(uitvoer))
