"""Losing nothing: the real gespreksmodus runs in its own process and types steadily;
it is killed with SIGKILL at random moments, 20 times. Every character typed more
than 2 seconds before a kill must be back when the vault is reopened, and the vault
must stay sound."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ondersteuner.ui.ops import gesprekken as ops
from ondersteuner.ui.ops.startup import finish_open
from ondersteuner.vault import Vault
from ondersteuner.vault.crypto import FAST_TEST_KDF
from tests.conftest import PASSPHRASE
from tests.drivers.typist import script
from tests.factories import make_client, make_melding

ROOT = Path(__file__).resolve().parents[1]
RUNS = 20
GRACE = 2.0  # seconds: the most a kill may cost


def _normal(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _saved_prefix(typed: str, saved: str) -> int:
    """The longest k with typed[:k] saved (as items: stripped, non-empty lines)."""
    best = -1
    for k in range(len(typed) + 1):
        if _normal(typed[:k]) == saved:
            best = k
    return best


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_loses_at_most_the_last_two_seconds(data_dir: Path):
    assert PASSPHRASE == "fiets regen koffie tafel"  # the driver's passphrase
    vault = Vault(data_dir)
    vault.create(PASSPHRASE, kdf=FAST_TEST_KDF)
    finish_open(vault)
    people = []
    for run in range(RUNS):
        cid = make_client(vault, f"Typproef Persoon {run}")
        people.append((cid, make_melding(vault, cid)))
    vault.lock()

    rng = random.Random(20261123)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    report = []
    for run, (cid, mid) in enumerate(people):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.drivers.typist", str(data_dir), str(cid), str(run)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        typed: list[tuple[int, float]] = []
        ready = threading.Event()

        def read(p: subprocess.Popen = proc, out: list = typed, ok: threading.Event = ready):
            assert p.stdout is not None
            for line in p.stdout:
                if line.startswith("ready"):
                    ok.set()
                    continue
                fields = line.split()
                if len(fields) != 2:
                    continue  # the kill cut this last line in half
                out.append((int(fields[0]), float(fields[1])))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        assert ready.wait(60), "the app did not start"
        time.sleep(rng.uniform(0.3, 4.0))  # a random moment while typing
        os.kill(proc.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        proc.wait(10)
        reader.join(10)

        must = max((n for n, t in typed if t <= killed_at - GRACE), default=0)
        vault.unlock(PASSPHRASE)
        assert vault.check_integrity()
        saved = _normal(ops.list_gesprekken(vault, mid)[0].tekst("zelf"))
        vault.lock()
        text = script(run)
        kept = _saved_prefix(text, saved)
        assert kept >= 0, f"run {run}: what was saved is not what was typed"
        assert kept >= must, f"run {run}: typed {must} chars >2 s before the kill, kept {kept}"
        total = typed[-1][0] if typed else 0
        report.append((total, must, kept, total - kept))
    lost = [r[3] for r in report]
    print(
        f"\nkill test: {RUNS} kills; typed {sum(r[0] for r in report)} chars; "
        f"lost per kill max {max(lost)} chars, mean {sum(lost) / len(lost):.1f} "
        f"(at ~80 chars/s: max {max(lost) / 80:.2f} s)"
    )
