"""Speed of the verslag comparison: a 12-page verslag against 4 pages of notes.

    .venv/bin/python bench/vergelijk_speed.py

Built from the evaluation pairs (repeated and renumbered to reach the size), timed
beside a floor measured in the same run: only reading both texts into tokens.
Target: ≤ 200 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS_PER_PAGE = 450
NOTE_LINES_PER_PAGE = 35


def material() -> tuple[list[str], str]:
    from bench.eval_vergelijk import EVAL, load

    pairs = [load(p) for p in sorted(EVAL.glob("paar*.txt"))]
    verslag_parts, notes = [], []
    n = 0
    while sum(len(v.split()) for v in verslag_parts) < 12 * WORDS_PER_PAGE:
        for pair in pairs:
            n += 1
            # Renumber so repeated text is not identical (dates, amounts differ).
            verslag_parts.append(pair.verslag.replace("2025", str(2000 + n)))
            notes += [f"{text} ({n})" for _label, text in pair.notes]
    words = "\n\n".join(verslag_parts).split(" ")
    return notes[: 4 * NOTE_LINES_PER_PAGE], " ".join(words[: 12 * WORDS_PER_PAGE])


def main() -> None:
    from ondersteuner.compare import tekst as tx
    from ondersteuner.compare import vergelijk
    from ondersteuner.compare.engine import passages

    notes, verslag = material()
    words = len(verslag.split())
    vergelijk(notes[:3], verslag[:2000])  # imports and caches warm
    floors, runs = [], []
    for _ in range(5):
        t0 = time.perf_counter()
        for p in passages(verslag):
            tx.tokens(p.tekst)
        for n in notes:
            tx.tokens(n)
        floors.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        vergelijk(notes, verslag)
        runs.append(time.perf_counter() - t0)
    print(
        f"verslag of {words} words (~{words / WORDS_PER_PAGE:.0f} pages) against {len(notes)} "
        f"notes (~{len(notes) / NOTE_LINES_PER_PAGE:.0f} pages): median "
        f"{statistics.median(runs) * 1000:.0f} ms (target ≤ 200 ms); floor (tokenising both) "
        f"{statistics.median(floors) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
