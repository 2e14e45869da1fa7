"""Kill at random moments during writes, N times (default 50).

    .venv/bin/python bench/kill_writes.py [N] [--seed S]

A separate process (tests/drivers/writer.py) writes to one vault through the real
operations — clients, meldingen and events new and edited, verslagen pasted and
imported from .docx, letters archived in the vault and exported to files, backups —
and prints a line after each commit. It is killed with SIGKILL after a random delay
(0.05–2 s of writing); the vault is then reopened as the app opens it and checked:
PRAGMA integrity_check, every committed item present with the same content, every
new backup sound. The same vault goes through all N kills.

Prints the seed (repeat a run with --seed), per kill one line, and a summary: writes
committed per kind, edits caught mid-write (landed whole or not at all), temp files
left behind by a kill, and timings. Exit status 1 on the first loss.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.drivers import writer  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=50)
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)
    print(f"kill_writes: {args.n} kills, seed {seed}")
    with tempfile.TemporaryDirectory(prefix="kill-writes-") as tmp:
        data_dir, export_dir = Path(tmp) / "data", Path(tmp) / "export"
        writer.new_vault(data_dir)
        ledger: dict[tuple[str, str], str] = {}
        results = []
        run_s = []
        start = time.perf_counter()
        for run in range(args.n):
            t0 = time.perf_counter()
            try:
                r = writer.kill_once(
                    data_dir,
                    export_dir,
                    ledger,
                    run=run,
                    seed=rng.randrange(2**32),
                    delay=rng.uniform(0.05, 2.0),
                )
            except writer.LossFound as exc:
                print(f"LOSS (seed {seed}): {exc}")
                return 1
            run_s.append(time.perf_counter() - t0)
            results.append(r)
            writes = sum(r.committed.values())
            flight = f"; mid-write: {r.in_flight} ({'landed' if r.landed else 'not landed'})"
            print(
                f"  kill {run + 1:3d} after {r.delay:4.2f} s: {writes:3d} writes committed, "
                f"integrity ok, all present{flight if r.in_flight else ''}"
            )
            writer.prune_backups(data_dir, ledger)
        total_s = time.perf_counter() - start
        size = sum(p.stat().st_size for p in data_dir.glob("kluis.db*"))
        stray = results[-1].stray if results else []

    kinds: Counter = Counter()
    for r in results:
        kinds.update(r.committed)
    caught = [r for r in results if r.in_flight]
    print()
    print(f"kills: {len(results)}, all reopened, integrity_check ok {len(results)}/{len(results)}")
    print(f"writes committed and found intact: {sum(kinds.values())}")
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {kind:8s} {n:5d}")
    print(
        f"edits caught mid-write: {len(caught)} "
        f"(landed whole {sum(1 for r in caught if r.landed)}, "
        f"not at all {sum(1 for r in caught if r.landed is False)}, half: 0)"
    )
    print(f"items in the ledger at the end: {len(ledger)}; vault size {size / 1e6:.1f} MB")
    print(f"temp files left behind by kills at the end: {len(stray)} {stray[:5]}")

    def ms(values: list[float]) -> str:
        return f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"

    print("timings:")
    print(f"  per kill (start, write, kill, check): {ms(run_s)}; all {total_s:.1f} s")
    print(f"  reopen after kill (unlock + migrations check): {ms([r.reopen_s for r in results])}")
    print(f"  PRAGMA integrity_check: {ms([r.integrity_s for r in results])}")
    print(f"  reading back every committed item: {ms([r.check_s for r in results])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
