"""Speed of the letters: every kind rendered to .docx from full data.

    .venv/bin/python bench/brieven.py [N]

Each kind is rendered N times (default 20) after one warm-up render, with every field
filled in (fictitious values of the right kind: dates, yes/no as yes, five points for
the reactie op het verslag, two paragraphs for each long text). The median per kind
is printed beside a floor measured in the same run: python-docx making an empty
Document() and saving it to memory, the least any .docx letter costs. Target:
≤ 150 ms per letter.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_MS = 150.0

ALINEA = (
    "Sinds mijn val in de badkamer loop ik slecht en kom ik de trap niet meer op. "
    "Mijn buurvrouw doet eens per week boodschappen, maar zij kan niet meer doen. "
    "Ik heb hulp nodig bij het huishouden en bij het douchen, drie keer per week."
)


def volledige_gegevens(soort: str) -> dict[str, Any]:
    """Every field of ``soort`` filled in with a fictitious value of its kind."""
    from ondersteuner.letters import velden
    from ondersteuner.letters.velden import DATUM, JA_NEE, LANG, PUNTEN

    out: dict[str, Any] = {}
    for i, v in enumerate(velden(soort)):
        if v.soort == DATUM:
            out[v.naam] = dt.date(2026, 1, 5) + dt.timedelta(days=7 * i)
        elif v.soort == JA_NEE:
            out[v.naam] = True
        elif v.soort == PUNTEN:
            out[v.naam] = [
                {
                    "citaat": f"Mevrouw kan zelf koken en doet de was zelf (punt {n}).",
                    "correctie": f"Dat klopt niet. {ALINEA}",
                }
                for n in range(1, 6)
            ]
        elif v.soort == LANG:
            out[v.naam] = f"{ALINEA}\n\n{ALINEA}"
        else:
            out[v.naam] = f"Fictief {v.label.lower()}"
    out["wet"] = "Wmo 2015"
    out["termijn_weken"] = "4"
    return out


def median_ms(fn: Any, n: int) -> float:
    fn()  # warm: imports, caches, the python-docx template
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    from docx import Document

    from ondersteuner.letters import SOORTEN, render

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20

    def floor() -> None:
        Document().save(io.BytesIO())

    with tempfile.TemporaryDirectory(prefix="bench-brieven-") as tmp:
        floor_ms = median_ms(floor, n)
        rows = []
        for soort in SOORTEN:
            gegevens = volledige_gegevens(soort)
            uit = Path(tmp) / f"{soort}.docx"
            rows.append((soort, median_ms(lambda s=soort, g=gegevens, u=uit: render(s, g, u), n)))

    print(f"letters rendered from full data, median of {n} warm runs (target ≤ {TARGET_MS:.0f} ms)")
    print(f"floor (python-docx: empty Document() saved to memory): {floor_ms:.1f} ms")
    breed = max(len(s) for s, _ in rows)
    for soort, ms in rows:
        mark = "ok" if ms <= TARGET_MS else "TOO SLOW"
        print(f"  {soort:<{breed}}  {ms:6.1f} ms  {ms / floor_ms:4.1f} × floor  {mark}")
    slowest = max(ms for _, ms in rows)
    print(
        f"slowest {slowest:.1f} ms ({slowest / floor_ms:.1f} × floor): "
        + ("within" if slowest <= TARGET_MS else "over")
        + f" the target of {TARGET_MS:.0f} ms per letter"
    )


if __name__ == "__main__":
    main()
