"""Note items as the adviser types them: one line is one item; its kind is a visible
prefix ("AFSPRAAK: …") set by a shortcut, so undo, copy and paste simply work.

Each item keeps the time it was first written: when a section is saved again, lines
that stayed (or were edited in place) keep their time; new lines get the current
time. Pure Python, no Qt.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from ondersteuner.i18n import tr
from ondersteuner.models.enums import NotitieSoort as K

# The visible prefix of each kind (observatie, the default, has none).
PREFIX: dict[K, str] = {
    K.AFSPRAAK: tr("AFSPRAAK: "),
    K.TOEZEGGING: tr("TOEZEGGING: "),
    K.WENS: tr("WENS: "),
    K.CITAAT: tr("CITAAT: "),
}
# What stands out in the editor and the summary: what the verslag must contain.
BELANGRIJK = (K.AFSPRAAK, K.TOEZEGGING)


@dataclass(frozen=True)
class Item:
    onderwerp: str
    tekst: str  # without the prefix
    soort: K
    tijdstip: dt.datetime
    volgorde: int


def soort_van(regel: str) -> tuple[K, str]:
    """Kind and text of one line."""
    upper = regel.upper()
    for kind, prefix in PREFIX.items():
        if upper.startswith(prefix.upper()):
            return kind, regel[len(prefix) :].strip()
    return K.OBSERVATIE, regel.strip()


def met_soort(regel: str, soort: K) -> str:
    """The line with its prefix replaced by that of ``soort`` (toggling back to
    observatie when it already had that kind)."""
    current, text = soort_van(regel)
    if current is soort:
        soort = K.OBSERVATIE
    return PREFIX.get(soort, "") + text


def items(
    onderwerp: str,
    tekst: str,
    vorige: Sequence[Item] = (),
    nu: dt.datetime | None = None,
) -> list[Item]:
    """The items of one section's text. Times come from ``vorige`` (the items saved
    before) for lines that stayed or were edited in place; new lines get ``nu``."""
    nu = nu or dt.datetime.now().replace(microsecond=0)
    lines = [line for line in tekst.splitlines() if line.strip()]
    old = [i for i in vorige if i.onderwerp == onderwerp]
    old_lines = [PREFIX.get(i.soort, "") + i.tekst for i in old]
    times: list[dt.datetime] = [nu] * len(lines)
    matcher = difflib.SequenceMatcher(a=old_lines, b=lines, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(a1 - a0):
                times[b0 + k] = old[a0 + k].tijdstip
        elif tag == "replace":
            # Lines edited in place keep their time: pair each new line with the most
            # similar old one of the block (in order), if they are alike enough.
            start = a0
            for b in range(b0, b1):
                best, best_ratio = None, 0.6
                for a in range(start, a1):
                    ratio = difflib.SequenceMatcher(a=old_lines[a], b=lines[b]).ratio()
                    if ratio > best_ratio:
                        best, best_ratio = a, ratio
                if best is not None:
                    times[b] = old[best].tijdstip
                    start = best + 1
    out = []
    for n, (line, when) in enumerate(zip(lines, times, strict=True)):
        soort, text = soort_van(line)
        out.append(Item(onderwerp, text, soort, when, n))
    return out


def tekst_van(onderwerp: str, opgeslagen: Sequence[Item]) -> str:
    """The editor text of a section, back from its saved items."""
    return "\n".join(
        PREFIX.get(i.soort, "") + i.tekst
        for i in sorted(opgeslagen, key=lambda i: i.volgorde)
        if i.onderwerp == onderwerp
    )
