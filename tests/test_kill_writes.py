"""Killed while writing: a separate process writes to the vault through the real
operations (clients, meldingen, events, verslagen from pasted text and .docx, letters
archived and exported, backups) and is killed with SIGKILL at random moments. After
each kill the vault must open, pass PRAGMA integrity_check, and hold every write the
process had reported as committed, with the same content (tests/drivers/writer.py).

The seed is random per run and printed; repeat a run with KILL_WRITES_SEED=<seed>.
The long version is ``bench/kill_writes.py`` (50 kills).
"""

from __future__ import annotations

import os
import random
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.drivers import writer

KILLS = 8


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_writes_loses_nothing_committed(tmp_path: Path):
    seed = int(os.environ.get("KILL_WRITES_SEED") or random.randrange(2**32))
    print(f"kill-writes seed {seed} (repeat with KILL_WRITES_SEED={seed})")
    rng = random.Random(seed)
    data_dir, export_dir = tmp_path / "data", tmp_path / "export"
    writer.new_vault(data_dir)
    ledger: dict[tuple[str, str], str] = {}
    total: Counter = Counter()
    for run in range(KILLS):
        try:
            result = writer.kill_once(
                data_dir,
                export_dir,
                ledger,
                run=run,
                seed=rng.randrange(2**32),
                delay=rng.uniform(0.05, 1.2),
            )
        except writer.LossFound as exc:
            pytest.fail(f"seed {seed}: {exc}")
        total.update(result.committed)
    print(f"kill-writes: {KILLS} kills, committed {dict(total)}, all present and intact")
    # Not vacuous: most kinds of write were committed and then checked.
    assert sum(total.values()) >= 20 and len(total) >= 4, (seed, total)

    # And the check can fail: an item committed and then lost is reported.
    from ondersteuner.ui.ops import clients
    from ondersteuner.vault import Vault

    _kind, ident = next(k for k in ledger if k[0] == "client")
    vault = Vault(data_dir)
    vault.unlock(writer.PASSPHRASE)
    clients.delete_client(vault, int(ident))
    vault.lock()
    with pytest.raises(writer.LossFound, match=f"client {ident} is missing"):
        writer.verify(data_dir, export_dir, ledger, [])
