"""Fuzz the places where outside files come in: verslag import (.docx, .pdf, .txt),
the organisation's letterhead (.docx) and its own letter templates.

    .venv/bin/python bench/fuzz.py [N] [--seed S] [--only docx,pdf,...]

N inputs per target (default 1000), made by the deterministic generators in
``bench/fuzz_inputs.py`` from the seed (the same seed gives the same inputs; an input
is named by its target, number and mutation, so a crash can be made again). Every
input must end in a result or the module's own clear error — ``ImportFout``
(verslag), ``BriefpapierFout`` (letterhead), ``SjabloonFout`` or
``OntbrekendeVelden`` (templates) — never another exception, never a hang (each
input is timed; over 5 s is flagged as slow, over 60 s it is stopped and counted as
a hang), and never a change to the vault that is open beside it (its content is
checksummed before and after each target). Memory is capped (``RLIMIT_AS``), so a
bomb that gets through shows as a MemoryError crash instead of taking the machine
down.

What each target runs, as the app would:

- docx / pdf / txt: ``importeren.lees_bestand``; on a result the BSN redaction the
  store does (``redigeer_bestand``), the comparison with notes (``vergelijk``, for
  texts up to 200k characters) and, for a pdf, the pages shown beside it
  (``pdf_paginas``);
- briefpapier: ``woord.lees_briefpapier``, then ``letters.render`` of a letter on it,
  read back with python-docx (a letter Word cannot open counts as a crash);
- sjabloon: ``sjabloon.parse`` and ``vul`` of random text with template tags, then
  the same text as the organisation's own template (``gebruik_sjabloonmap``) through
  ``letters.tekst`` and ``letters.maak_docx``, with field values that are random too;
- backup: damaged reservekopieën (bit flips, chunks, truncation) restored over a vault
  folder, which must stay byte-identical whenever a copy is refused.

Prints per target: inputs, results, clear errors, crashes (must be 0), hangs, slow
inputs and the longest time, and the first crashes with where they happened. Exit
status 1 on any crash, hang or change to the vault.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.fuzz_inputs import (  # noqa: E402
    base_briefpapier,
    base_pdfs,
    base_verslag_docx,
    docx_inputs,
    pdf_inputs,
    template_inputs,
    txt_inputs,
    wild_values,
)

SLOW_S = 5.0  # flagged
HANG_S = 60.0  # stopped
MAX_TEXT_FOR_COMPARE = 200_000
NOTES = [
    "Kan niet meer koken sinds val",
    "HH 3 uur p/w besproken",
    "AFSPRAAK: buurvrouw neemt boodschappen mee",
    "Dochter komt 2x p/w, doet de was",
]


class Hang(BaseException):
    """Raised by the alarm in a stuck input. A BaseException, not an Exception, so
    no ``except Exception`` in the code under test can swallow it."""


# ======================================================================= harness
@dataclass
class Stats:
    target: str
    inputs: int = 0
    results: int = 0
    clear: int = 0
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)
    max_s: float = 0.0
    max_label: str = ""
    total_s: float = 0.0
    vault_unchanged: bool = True

    def line(self) -> str:
        return (
            f"{self.target:12s} inputs {self.inputs:5d}  results {self.results:5d}  "
            f"clear errors {self.clear:5d}  crashes {len(self.crashes):3d}  "
            f"hangs {len(self.hangs)}  slow(>{SLOW_S:.0f}s) {len(self.slow)}  "
            f"max {self.max_s:6.2f} s ({self.max_label})  total {self.total_s:6.1f} s  "
            f"vault {'unchanged' if self.vault_unchanged else 'CHANGED'}"
        )


@dataclass
class Target:
    name: str
    clear: tuple[type[BaseException], ...]
    inputs: Callable[[random.Random, int, bool], Iterator[tuple[str, Any]]]
    run: Callable[[Any, Path, random.Random], None]


def _where(exc: BaseException) -> str:
    """The innermost frame in our code and the innermost frame overall."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/ondersteuner/" in f.filename]
    pick = [*ours[-1:], *frames[-1:]]
    return " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(pick))


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Stop a stuck input (POSIX, main thread); elsewhere only time it."""
    if not hasattr(signal, "setitimer") or not _main_thread():
        yield
        return

    def ring(_sig: int, _frame: Any) -> None:
        raise Hang()

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def fuzz(
    target: Target,
    n: int,
    seed: int,
    work: Path,
    vault: Any | None = None,
    *,
    light: bool = False,
    hang_s: float = HANG_S,
) -> Stats:
    stats = Stats(target.name)
    before = vault_fingerprint(vault) if vault is not None else None
    rng = random.Random(f"{seed}-{target.name}")
    start = time.perf_counter()
    for i, (label, payload) in enumerate(target.inputs(rng, n, light)):
        name = f"{target.name}#{i} {label}"
        sub = work / f"in-{i}"
        sub.mkdir()
        t0 = time.perf_counter()
        try:
            with _alarm(hang_s):
                target.run(payload, sub, random.Random(f"{seed}-{target.name}-{i}"))
        except Hang:
            stats.hangs.append(f"{name}: stopped after {hang_s:.0f} s")
        except target.clear:
            stats.clear += 1
        except BaseException as exc:  # a crash: anything else (MemoryError included)
            if isinstance(exc, KeyboardInterrupt):
                raise
            stats.crashes.append(f"{name}: {type(exc).__name__}: {str(exc)[:160]} [{_where(exc)}]")
        else:
            stats.results += 1
        took = time.perf_counter() - t0
        stats.inputs += 1
        if took > stats.max_s:
            stats.max_s, stats.max_label = took, name
        if took > SLOW_S:
            stats.slow.append(f"{name}: {took:.1f} s")
        _rmtree(sub)
    stats.total_s = time.perf_counter() - start
    if vault is not None:
        stats.vault_unchanged = vault_fingerprint(vault) == before
    return stats


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


# ===================================================================== the vault
def open_vault(data_dir: Path) -> Any:
    """A vault with the fast test KDF and some fictitious content, left open."""
    from ondersteuner.compare.importeren import geplakt
    from ondersteuner.models import GebeurtenisSoort, Wet
    from ondersteuner.ui.ops import clients, meldingen, verslagen
    from ondersteuner.ui.ops.snapshots import ClientData, GebeurtenisData, MeldingData
    from ondersteuner.ui.ops.startup import finish_open
    from ondersteuner.vault import Vault
    from ondersteuner.vault.crypto import FAST_TEST_KDF

    vault = Vault(data_dir)
    vault.create("fiets regen koffie tafel", kdf=FAST_TEST_KDF)
    finish_open(vault)
    cid = clients.save_client(vault, ClientData(naam="Fuzz Fictief", woonplaats="Nergensdorp"))
    mid = meldingen.save_melding(
        vault, MeldingData(client_id=cid, datum_melding=dt.date(2026, 1, 5), wet=Wet.WMO)
    )
    meldingen.save_gebeurtenis(
        vault,
        GebeurtenisData(melding_id=mid, soort=GebeurtenisSoort.GESPREK, datum=dt.date(2026, 1, 9)),
    )
    verslagen.bewaar_verslag(vault, mid, geplakt("Mevrouw kan niet meer koken."))
    return vault


def vault_fingerprint(vault: Any) -> str:
    """Every row of every table, and the names of the files in the vault folder."""
    h = hashlib.sha256()
    with vault.engine.connect() as conn:
        tables = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for t in tables:
            h.update(t.encode())
            for row in conn.exec_driver_sql(f'SELECT * FROM "{t}" ORDER BY rowid'):
                h.update(repr(tuple(row)).encode())
    for p in sorted(vault.data_dir.iterdir()):
        h.update(p.name.encode())
    h.update(vault.keyfile_path.read_bytes())
    return h.hexdigest()


# ================================================================= the targets
def _verslag_run(suffix: str) -> Callable[[bytes, Path, random.Random], None]:
    def run(data: bytes, work: Path, _rng: random.Random) -> None:
        from ondersteuner.compare import vergelijk
        from ondersteuner.compare.importeren import (
            lees_bestand,
            pdf_paginas,
            redigeer_bestand,
            vind_bsn,
        )

        path = work / f"verslag{suffix}"
        path.write_bytes(data)
        ingelezen = lees_bestand(path)
        found = vind_bsn(ingelezen.tekst)
        if found:
            ingelezen = redigeer_bestand(ingelezen, found)  # as bewaar_verslag does
        if len(ingelezen.tekst) <= MAX_TEXT_FOR_COMPARE:
            vergelijk(NOTES, ingelezen.tekst)
        if suffix == ".pdf":
            pdf_paginas(data, schaal=0.5, max_paginas=3)

    return run


def _briefpapier_run(data: bytes, work: Path, rng: random.Random) -> None:
    from docx import Document

    from ondersteuner import letters
    from ondersteuner.letters import woord

    path = work / "briefpapier.docx"
    path.write_bytes(data)
    woord.lees_briefpapier(path)
    soort = rng.choice(letters.SOORTEN)
    from bench.brieven import volledige_gegevens

    uit = letters.render(soort, volledige_gegevens(soort), work / "brief.docx", path)
    Document(str(uit))  # Word must be able to open the letter


def _sjabloon_run(payload: tuple[str, dict, str], work: Path, rng: random.Random) -> None:
    from docx import Document

    from ondersteuner import letters
    from ondersteuner.letters import sjabloon

    text, parts, soort = payload
    gegevens = wild_values(rng, soort)
    nodes = sjabloon.parse(text, "fuzz.txt")
    sjabloon.vul(nodes, gegevens, letters._include)
    folder = work / "sjablonen"
    folder.mkdir()
    (folder / f"{soort}.txt").write_text(text, "utf-8", errors="surrogatepass")
    for naam, body in parts.items():
        target = folder / f"_{naam}.txt"
        if isinstance(body, bytes):
            target.write_bytes(body)
        else:
            target.write_text(body, "utf-8", errors="surrogatepass")
    letters.gebruik_sjabloonmap(folder)
    try:
        letters.tekst(soort, gegevens)
        inhoud = letters.maak_docx(soort, gegevens)
    finally:
        letters.gebruik_sjabloonmap(None)
    Document(io.BytesIO(inhoud))


BACKUP_PASSPHRASE = "fuzz kopie wachtwoord"


def _backup_base() -> tuple[bytes, Path]:
    """A real copy of a small vault, and a vault folder to restore over."""
    from ondersteuner.ui.ops import clients
    from ondersteuner.ui.ops.snapshots import ClientData
    from ondersteuner.ui.ops.startup import finish_open
    from ondersteuner.vault import Vault
    from ondersteuner.vault.crypto import FAST_TEST_KDF
    from ondersteuner.vault.reservekopie import maak_reservekopie

    folder = Path(tempfile.mkdtemp(prefix="fuzz-kopie-"))
    vault = Vault(folder / "kluis")
    vault.create(BACKUP_PASSPHRASE, kdf=FAST_TEST_KDF)
    finish_open(vault)
    clients.save_client(vault, ClientData(naam="Kopie Fuzz-Verzonnen"))
    copy = maak_reservekopie(vault, folder / "basis.okopie").read_bytes()
    vault.lock()
    return copy, vault.data_dir


def backup_inputs(rng: random.Random, n: int, light: bool) -> Iterator[tuple[str, Any]]:
    from bench.fuzz_inputs import _byte_mutation

    base, folder = _backup_base()
    for i in range(n):
        if i == 0:
            yield "the copy itself", (base, folder)
            continue
        label, data = _byte_mutation(rng, base)
        yield label, (data, folder)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _backup_run(payload: tuple[bytes, Path], work: Path, _rng: random.Random) -> None:
    from ondersteuner.vault.reservekopie import herstel_reservekopie

    data, vault_dir = payload
    target = work / "kluis"
    shutil.copytree(vault_dir, target)
    before = _files(target)
    path = work / "kopie.okopie"
    path.write_bytes(data)
    try:
        herstel_reservekopie(path, BACKUP_PASSPHRASE, target)
    except BaseException:
        if _files(target) != before:
            raise AssertionError("a refused copy changed the vault folder") from None
        raise


def targets() -> dict[str, Target]:
    from ondersteuner.compare.importeren import ImportFout
    from ondersteuner.letters import BriefpapierFout, OntbrekendeVelden, SjabloonFout
    from ondersteuner.vault.errors import WrongPassphrase
    from ondersteuner.vault.reservekopie import KopieFout

    verslag = base_verslag_docx()
    return {
        "docx": Target("docx", (ImportFout,), docx_inputs(verslag), _verslag_run(".docx")),
        "pdf": Target("pdf", (ImportFout,), pdf_inputs(base_pdfs()), _verslag_run(".pdf")),
        "txt": Target("txt", (ImportFout,), txt_inputs, _verslag_run(".txt")),
        "briefpapier": Target(
            "briefpapier", (BriefpapierFout,), docx_inputs(base_briefpapier()), _briefpapier_run
        ),
        "sjabloon": Target(
            "sjabloon", (SjabloonFout, OntbrekendeVelden), template_inputs, _sjabloon_run
        ),
        # A reservekopie: damaged copies are refused before the vault in the data
        # directory is touched (checked file by file after every input).
        "backup": Target("backup", (KopieFout, WrongPassphrase), backup_inputs, _backup_run),
    }


def quiet_libraries() -> None:
    """pypdf logs every repair it makes to a damaged pdf; thousands of lines here."""
    import logging
    import warnings

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore", module="pypdf")
    warnings.filterwarnings("ignore", module="docx")


def limit_memory(extra_gb: float = 4.0) -> None:
    """Cap the address space at what the process uses now plus ``extra_gb``."""
    with open("/proc/self/status") as fh:
        vm = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:"))
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = int(vm * 1024 + extra_gb * 1024**3)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--only", default="", help="comma-separated targets")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    chosen = [t for t in targets().values() if not args.only or t.name in args.only.split(",")]
    print(f"fuzz: {args.n} inputs per target, seed {seed}")
    quiet_libraries()
    if sys.platform.startswith("linux"):
        limit_memory()
    failed = False
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        vault = open_vault(Path(tmp) / "kluis")
        for target in chosen:
            work = Path(tmp) / target.name
            work.mkdir()
            stats = fuzz(target, args.n, seed, work, vault)
            print(stats.line(), flush=True)
            for line in stats.crashes[:15] + stats.hangs + stats.slow[:10]:
                print("   ", line)
            failed |= bool(stats.crashes or stats.hangs or not stats.vault_unchanged)
        vault.lock()
    print("FAILED" if failed else "ok: every input ended in a result or a clear error")
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
