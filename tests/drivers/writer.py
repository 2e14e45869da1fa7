"""Write to the vault through the real operations, steadily, until killed; and the
parent's side: start it, kill it with SIGKILL at a random moment, reopen the vault
and check that nothing committed was lost.

Driver: ``python -m tests.drivers.writer DATA_DIR EXPORT_DIR SEED``. It opens the
vault (made with the fast test KDF, as ``tests/conftest.py`` does), prints ``ready``,
then loops over real writes — clients, meldingen and procedure events new and
edited (``ui.ops.clients``, ``ui.ops.meldingen``), a verslag pasted or imported from
a generated .docx (``ui.ops.verslagen.bewaar_verslag``), a letter made and archived
(``letters.maak_docx`` + ``ui.ops.brieven.bewaar_brief``) or exported to a file the way
``letters.render`` writes it, and a backup (``vault.backup.backup_vault``). Around
each write it prints (flushed)::

    WRITING <kind> <id> <checksum>     before an edit of an existing item (id known)
    COMMITTED <kind> <id> <checksum>   after the commit (or the file's rename) returned

The checksum is computed from what the driver *meant* to write; the parent computes
it again from what it reads back (:func:`stored`), so a lost or altered write shows
as a missing item or a different checksum. An edit that was under way at the kill
may have landed or not: for that one item both the old and the new checksum count.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

PASSPHRASE = "fiets regen koffie tafel"  # the same as tests/conftest.py
ROOT = Path(__file__).resolve().parents[2]
BACKUPS = "reservekopieen"  # ondersteuner.paths.BACKUP_DIRNAME (not imported: fast start)

# kind -> weight in the driver's choice of the next write
WEIGHTS = {
    "client": 2,
    "client_edit": 3,
    "melding": 2,
    "melding_edit": 2,
    "event": 3,
    "event_edit": 1,
    "verslag": 2,
    "verslag_docx": 2,
    "brief": 3,
    "brief_edit": 1,
    "export": 1,
    "backup": 1,
}
# The kind an operation is checked as (an edit is checked as its item).
KIND = {
    "client_edit": "client",
    "melding_edit": "melding",
    "event_edit": "event",
    "verslag_docx": "verslag",
    "brief_edit": "brief",
}

# fmt: off
WORDS = (
    "mevrouw", "meneer", "kan", "niet", "meer", "zelf", "koken", "sinds", "de", "val", "in",
    "badkamer", "dochter", "komt", "twee", "keer", "per", "week", "buurvrouw", "doet",
    "boodschappen", "traplift", "huishoudelijke", "hulp", "begeleiding", "mantelzorger",
    "is", "moe", "wil", "thuis", "blijven", "wonen", "scootmobiel", "douchen", "lukt",
    "alleen", "met", "gesprek", "consulent", "verslag", "klopt", "helemaal", "afspraak",
    "wijkteam", "gemeente", "maatwerkvoorziening", "bezwaar", "termijn", "brief", "dinsdag",
    "donderdag", "cliënt", "ondersteuning", "één", "café", "reünie", "coördinatie",
)
# fmt: on


# ------------------------------------------------------------------ checksums
def checksum(fields: dict[str, Any]) -> str:
    blob = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def sha(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data is not None else None


def file_checksum(path: Path) -> str | None:
    try:
        return checksum({"sha": sha(path.read_bytes())})
    except FileNotFoundError:
        return None


def _client_fields(naam: str, adres: str, postcode: str, woonplaats: str, notities: str) -> dict:
    return {
        "naam": naam,
        "adres": adres,
        "postcode": postcode,
        "woonplaats": woonplaats,
        "notities": notities,
    }


def _melding_fields(client_id: int, datum: dt.date, hulpvraag: str, kenmerk: str, notities: str):
    return {
        "client_id": client_id,
        "datum": datum.isoformat(),
        "hulpvraag": hulpvraag,
        "kenmerk": kenmerk,
        "notities": notities,
    }


def _event_fields(melding_id: int, soort: str, datum: dt.date, kenmerk: str, omschrijving: str):
    return {
        "melding_id": melding_id,
        "soort": soort,
        "datum": datum.isoformat(),
        "kenmerk": kenmerk,
        "omschrijving": omschrijving,
    }


def _verslag_fields(melding_id: int, tekst: str, naam: str, bestand: bytes | None) -> dict:
    return {"melding_id": melding_id, "tekst": tekst, "naam": naam, "bestand": sha(bestand)}


def _brief_fields(melding_id: int | None, soort: str, gegevens: dict, naam: str, bestand: bytes):
    return {
        "melding_id": melding_id,
        "soort": soort,
        "gegevens": gegevens,
        "naam": naam,
        "bestand": sha(bestand),
    }


def stored(vault: Any, kind: str, ident: str, export_dir: Path) -> str | None:
    """The checksum of what the vault (or the folder) holds for this item; None if absent."""
    from ondersteuner.models import Brief, Client, Gebeurtenis, Melding, Verslag

    if kind == "backup":
        return file_checksum(vault.data_dir / BACKUPS / ident)
    if kind == "export":
        return file_checksum(export_dir / ident)
    with vault.session() as s:
        if kind == "client":
            c = s.get(Client, int(ident))
            return c and checksum(
                _client_fields(c.naam, c.adres, c.postcode, c.woonplaats, c.notities)
            )
        if kind == "melding":
            m = s.get(Melding, int(ident))
            return m and checksum(
                _melding_fields(m.client_id, m.datum_melding, m.hulpvraag, m.kenmerk, m.notities)
            )
        if kind == "event":
            g = s.get(Gebeurtenis, int(ident))
            return g and checksum(
                _event_fields(g.melding_id, g.soort.value, g.datum, g.kenmerk, g.omschrijving)
            )
        if kind == "verslag":
            v = s.get(Verslag, int(ident))
            return v and checksum(_verslag_fields(v.melding_id, v.tekst, v.bestandsnaam, v.bestand))
        if kind == "brief":
            b = s.get(Brief, int(ident))
            return b and checksum(
                _brief_fields(b.melding_id, b.soort, b.gegevens, b.bestandsnaam, b.bestand)
            )
    raise ValueError(kind)


# ------------------------------------------------------------------ the driver
class Writer:
    def __init__(self, vault: Any, export_dir: Path, rng: random.Random) -> None:
        from sqlalchemy import select

        from ondersteuner.models import Brief, Client, Gebeurtenis, Melding
        from ondersteuner.models.enums import BriefStatus

        self.vault, self.export_dir, self.rng = vault, export_dir, rng
        with vault.session() as s:
            self.clients = list(s.scalars(select(Client.id)))
            self.meldingen = list(s.scalars(select(Melding.id)))
            self.events = list(s.scalars(select(Gebeurtenis.id)))
            self.brieven = list(
                s.scalars(
                    select(Brief.id).where(
                        Brief.status == BriefStatus.CONCEPT, Brief.melding_id.is_not(None)
                    )
                )
            )
        self._backup_sum: str | None = None

    # text ---------------------------------------------------------------
    def words(self, lo: int, hi: int) -> str:
        n = self.rng.randint(lo, hi)
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def text(self) -> str:
        """A few lines; now and then a long one, so some commits take a while."""
        if self.rng.random() < 0.15:
            return "\n".join(self.words(20, 60) for _ in range(self.rng.randint(200, 800)))
        return "\n".join(self.words(3, 20) for _ in range(self.rng.randint(1, 12)))

    def name(self) -> str:
        first = self.rng.choice(["Anna", "Bram", "Cor", "Dina", "Eef", "Fenna", "Gijs", "Hanna"])
        last = self.rng.choice(["Fictief", "Verzonnen", "Testmans", "Bedacht", "Proefje"])
        return f"{first} {last}-{self.rng.choice(WORDS).capitalize()}"

    def date(self, days_back: int = 300) -> dt.date:
        return dt.date.today() - dt.timedelta(days=self.rng.randint(1, days_back))

    def postcode(self) -> str:
        letters = "ABCDEFGHJKLMNPRTVWXZ"
        return (
            f"{self.rng.randint(1000, 9999)} {self.rng.choice(letters)}{self.rng.choice(letters)}"
        )

    # operations -----------------------------------------------------------
    def client(self, edit: bool) -> tuple[str, str, Callable[[], int]]:
        from ondersteuner.ui.ops import clients
        from ondersteuner.ui.ops.snapshots import ClientData

        if edit and self.clients:
            cid = self.rng.choice(self.clients)
            base = clients.get_client(self.vault, cid)
        else:
            cid, base = None, ClientData()
        data = dataclasses.replace(
            base,
            naam=base.naam if cid and self.rng.random() < 0.5 else self.name(),
            adres=f"{self.rng.choice(WORDS).capitalize()}straat {self.rng.randint(1, 300)}",
            postcode=self.postcode(),
            woonplaats=self.rng.choice(["Denkdorp", "Ergenshuizen", "Verzinstad"]),
            notities=self.text(),
        )
        fields = _client_fields(
            data.naam, data.adres, data.postcode, data.woonplaats, data.notities
        )
        return str(cid or ""), checksum(fields), lambda: clients.save_client(self.vault, data)

    def melding(self, edit: bool) -> tuple[str, str, Callable[[], int]] | None:
        from ondersteuner.models import Wet
        from ondersteuner.ui.ops import meldingen
        from ondersteuner.ui.ops.snapshots import MeldingData

        if edit and self.meldingen:
            mid = self.rng.choice(self.meldingen)
            base = meldingen.get_melding(self.vault, mid)
        elif self.clients:
            mid, base = None, MeldingData(client_id=self.rng.choice(self.clients), wet=Wet.WMO)
        else:
            return None
        data = dataclasses.replace(
            base,
            datum_melding=self.date(),
            hulpvraag=self.text(),
            kenmerk=f"WMO-{self.rng.choice(WORDS)}",
            notities=self.text(),
        )
        assert data.client_id is not None and data.datum_melding is not None
        fields = _melding_fields(
            data.client_id, data.datum_melding, data.hulpvraag, data.kenmerk, data.notities
        )
        return str(mid or ""), checksum(fields), lambda: meldingen.save_melding(self.vault, data)

    def event(self, edit: bool) -> tuple[str, str, Callable[[], int]] | None:
        from ondersteuner.models import Gebeurtenis, GebeurtenisSoort
        from ondersteuner.ui.ops import meldingen
        from ondersteuner.ui.ops.snapshots import GebeurtenisData

        soorten = [
            GebeurtenisSoort.GESPREK,
            GebeurtenisSoort.VERSLAG_ONTVANGEN,
            GebeurtenisSoort.AANVRAAG,
            GebeurtenisSoort.BESCHIKKING,
            GebeurtenisSoort.OVERIG,
        ]
        if edit and self.events:
            eid = self.rng.choice(self.events)
            with self.vault.session() as s:
                base = meldingen.event_snapshot(s.get_one(Gebeurtenis, eid))
        elif self.meldingen:
            eid, base = None, GebeurtenisData(melding_id=self.rng.choice(self.meldingen))
        else:
            return None
        data = dataclasses.replace(
            base,
            soort=self.rng.choice(soorten),
            datum=self.date(),
            tot_datum=None,
            verzonden_op=None,
            ontvangen_op=None,
            kenmerk=f"K-{self.rng.choice(WORDS)}",
            omschrijving=self.words(2, 30),
        )
        assert data.melding_id is not None and data.datum is not None
        fields = _event_fields(
            data.melding_id, data.soort.value, data.datum, data.kenmerk, data.omschrijving
        )
        return (
            str(eid or ""),
            checksum(fields),
            lambda: meldingen.save_gebeurtenis(self.vault, data),
        )

    def verslag(self, docx: bool) -> tuple[str, str, Callable[[], int]] | None:
        from ondersteuner.compare.importeren import geplakt, lees_bestand
        from ondersteuner.ui.ops import verslagen

        if not self.meldingen:
            return None
        mid = self.rng.choice(self.meldingen)
        if docx:
            from docx import Document

            doc = Document()
            doc.add_paragraph("Verslag van het gesprek")
            for line in self.text().splitlines():
                doc.add_paragraph(line)
            table = doc.add_table(rows=2, cols=2)
            for r in range(2):
                for c in range(2):
                    table.cell(r, c).text = self.words(1, 6)
            path = self.export_dir / "import" / f"verslag-{self.rng.randrange(10**6)}.docx"
            path.parent.mkdir(exist_ok=True)
            doc.save(str(path))
            ingelezen = lees_bestand(path)
            path.unlink()
        else:
            ingelezen = geplakt(self.text())
        fields = _verslag_fields(mid, ingelezen.tekst, ingelezen.bestandsnaam, ingelezen.bestand)
        dagtekening = self.date(30)
        return (
            "",
            checksum(fields),
            lambda: verslagen.bewaar_verslag(
                self.vault, mid, ingelezen, dagtekening=dagtekening, ontvangen_op=dagtekening
            ),
        )

    def gegevens(self, soort: str) -> dict[str, Any]:
        from ondersteuner.letters import velden
        from ondersteuner.letters.velden import DATUM, GETAL, JA_NEE, LANG, PUNTEN

        out: dict[str, Any] = {}
        for v in velden(soort):
            if v.soort == DATUM:
                out[v.naam] = self.date(200)
            elif v.soort == JA_NEE:
                out[v.naam] = self.rng.random() < 0.5
            elif v.soort == GETAL:
                out[v.naam] = str(self.rng.randint(1, 12))
            elif v.soort == PUNTEN:
                out[v.naam] = [
                    {"citaat": self.words(3, 15), "correctie": self.words(3, 25)}
                    for _ in range(self.rng.randint(1, 5))
                ]
            elif v.soort == LANG:
                out[v.naam] = self.text()
            else:
                out[v.naam] = self.words(1, 5)
        out["wet"] = self.rng.choice(["Wmo 2015", "Jeugdwet"])
        out["adviseur_naam"] = self.name()  # signing on the client's behalf needs it
        return out

    def brief(self, edit: bool) -> tuple[str, str, Callable[[], int]] | None:
        from ondersteuner import letters
        from ondersteuner.models import Brief
        from ondersteuner.ui.ops import brieven

        if edit and self.brieven:
            bid: int | None = self.rng.choice(self.brieven)
            with self.vault.session() as s:
                b = s.get_one(Brief, bid)
                mid, soort = b.melding_id, b.soort
        elif self.meldingen:
            bid, mid = None, self.rng.choice(self.meldingen)
            soort = self.rng.choice([s for s in letters.SOORTEN if s != "machtiging"])
        else:
            return None
        assert mid is not None
        gegevens = self.gegevens(soort)
        inhoud = letters.maak_docx(soort, gegevens)
        naam = f"{soort}-{self.rng.randrange(1000)}.docx"
        fields = _brief_fields(mid, soort, brieven._json(gegevens), naam, inhoud)
        return (
            str(bid or ""),
            checksum(fields),
            lambda: brieven.bewaar_brief(self.vault, mid, soort, gegevens, inhoud, naam, bid),
        )

    def export(self) -> tuple[str, str, Callable[[], str]]:
        """A letter written to a file as ``letters.render`` writes it (atomically)."""
        from ondersteuner import letters
        from ondersteuner.letters import woord

        soort = self.rng.choice(letters.SOORTEN)
        inhoud = letters.maak_docx(soort, self.gegevens(soort))
        naam = f"{soort}.docx"  # the same names again and again: overwrites
        fields = {"sha": sha(inhoud)}

        def write() -> str:
            woord.schrijf_bestand(inhoud, self.export_dir / naam)
            return naam

        return naam, checksum(fields), write

    def backup(self) -> tuple[str, str, Callable[[], str]]:
        from ondersteuner.vault.backup import backup_vault

        # Backups are named by the second: two in one second would share a name
        # (and the second would replace the first). Wait for the next second.
        while (
            self.vault.data_dir / BACKUPS / f"kluis-{dt.datetime.now():%Y%m%d-%H%M%S}-test.db"
        ).exists():
            time.sleep(0.05)

        def write() -> str:
            path = backup_vault(self.vault, reason="test")
            self._backup_sum = file_checksum(path)
            return path.name

        return "", "", write

    def step(self) -> None:
        op = self.rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        kind = KIND.get(op, op)
        edit = op.endswith("_edit")
        if kind == "client":
            planned = self.client(edit)
        elif kind == "melding":
            planned = self.melding(edit)
        elif kind == "event":
            planned = self.event(edit)
        elif kind == "verslag":
            planned = self.verslag(op == "verslag_docx")
        elif kind == "brief":
            planned = self.brief(edit)
        elif kind == "export":
            planned = self.export()
        else:
            planned = self.backup()
        if planned is None:
            return
        ident, check, write = planned
        if ident:
            print("WRITING", kind, ident, check, flush=True)
        result = write()
        if kind == "backup":
            check = self._backup_sum or ""
        print("COMMITTED", kind, result, check, flush=True)
        new = {"client": self.clients, "melding": self.meldingen, "event": self.events}
        if not ident and kind in new:
            new[kind].append(result)
        if not ident and kind == "brief":
            self.brieven.append(result)


def main() -> None:
    data_dir, export_dir, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    from ondersteuner.ui.ops.startup import finish_open
    from ondersteuner.vault import Vault

    vault = Vault(data_dir)
    vault.unlock(PASSPHRASE)
    finish_open(vault)
    writer = Writer(vault, export_dir, random.Random(seed))
    # Load the letter, import and backup code now, so writing starts at "ready".
    import docx  # noqa: F401

    import ondersteuner.compare.importeren
    import ondersteuner.letters.woord
    import ondersteuner.ui.ops.brieven
    import ondersteuner.ui.ops.verslagen
    import ondersteuner.vault.backup  # noqa: F401

    print("ready", flush=True)
    while True:
        writer.step()


# ------------------------------------------------------------------ the parent
@dataclasses.dataclass
class KillRun:
    run: int
    seed: int
    delay: float  # seconds of writing before the kill
    committed: Counter  # kind -> writes committed in this run
    in_flight: str  # the edit under way at the kill ("" if none known)
    landed: bool | None  # whether that edit was found in the vault
    reopen_s: float  # unlock + migrations check
    integrity_s: float
    check_s: float  # every committed item read back
    stray: list[str]  # temp files a kill left behind


class LossFound(AssertionError):
    pass


def new_vault(data_dir: Path, clients: int = 3) -> None:
    """A fresh vault with the fast test KDF and a few clients with a melding each."""
    from ondersteuner.ui.ops.startup import finish_open
    from ondersteuner.vault import Vault
    from ondersteuner.vault.crypto import FAST_TEST_KDF
    from tests.factories import make_client, make_melding

    vault = Vault(data_dir)
    vault.create(PASSPHRASE, kdf=FAST_TEST_KDF)
    finish_open(vault)
    for n in range(clients):
        make_melding(vault, make_client(vault, f"Startpersoon Fictief {n}"))
    vault.lock()


def stray_files(data_dir: Path, export_dir: Path) -> list[str]:
    """Temp files of an interrupted atomic write or backup (encrypted or a letter)."""
    out = []
    for folder in (data_dir, data_dir / BACKUPS, export_dir):
        if folder.is_dir():
            out += [str(p.relative_to(folder.parent)) for p in folder.iterdir()
                    if p.name.endswith(".tmp") or p.name.startswith(".brief-")]  # fmt: skip
    return sorted(out)


def run_and_kill(data_dir: Path, export_dir: Path, *, seed: int, delay: float) -> list[list[str]]:
    """Start the driver, let it write for ``delay`` seconds after it is ready, SIGKILL
    it; the complete lines it printed, split into fields."""
    export_dir.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.drivers.writer", str(data_dir), str(export_dir), str(seed)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    lines: list[list[str]] = []
    ready = threading.Event()

    def read(out: Any = proc.stdout) -> None:
        for line in out:
            if not line.endswith("\n"):
                continue  # the kill cut this last line short: it was not all said
            if line.startswith("ready"):
                ready.set()
            else:
                lines.append(line.split())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(60):
        proc.kill()
        proc.wait(10)
        raise LossFound(f"the writer did not start: {proc.stderr.read()[-3000:]}")
    time.sleep(delay)
    alive = proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    reader.join(10)
    errors = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    if not alive:
        raise LossFound(f"the writer stopped by itself: {errors[-3000:]}")
    return lines


def verify(
    data_dir: Path, export_dir: Path, ledger: dict[tuple[str, str], str], lines: list[list[str]]
) -> tuple[dict[str, Any], Counter]:
    """Reopen the vault as the app does and check it after a kill: it opens, PRAGMA
    integrity_check says ok, every committed item is there with the content it was
    committed with (the edit under way at the kill: old or new, whole), and each new
    backup opens and is sound. ``ledger`` (item -> checksum) carries what must be
    there across runs and is updated from ``lines``. Raises ``LossFound``."""
    from ondersteuner.ui.ops.startup import finish_open
    from ondersteuner.vault import Vault

    committed: Counter = Counter()
    pending: tuple[str, str, str] | None = None
    for fields in lines:
        if len(fields) != 4 or fields[0] not in ("WRITING", "COMMITTED"):
            raise LossFound(f"unexpected output {fields!r}")
        what, kind, ident, check = fields
        if what == "WRITING":
            pending = (kind, ident, check)
        else:
            ledger[(kind, ident)] = check
            committed[kind] += 1
            pending = None

    t0 = time.perf_counter()
    vault = Vault(data_dir)
    try:
        vault.unlock(PASSPHRASE)
        finish_open(vault)
    except Exception as exc:
        raise LossFound(f"the vault does not open after the kill: {exc!r}") from exc
    t1 = time.perf_counter()
    landed = None
    try:
        with vault.engine.connect() as conn:
            result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise LossFound(f"integrity_check: {result[:10]}")
        t2 = time.perf_counter()
        problems = []
        for (kind, ident), check in ledger.items():
            found = stored(vault, kind, ident, export_dir)
            if pending is not None and (kind, ident) == pending[:2] and found == pending[2]:
                landed = True  # the edit under way at the kill had landed, whole
                ledger[(kind, ident)] = found
                continue
            if found is None:
                problems.append(f"{kind} {ident} is missing")
            elif found != check:
                problems.append(f"{kind} {ident} has other content than committed")
            elif pending is not None and (kind, ident) == pending[:2]:
                landed = False
        problems += _check_new_backups(vault, lines)
        t3 = time.perf_counter()
    finally:
        vault.lock()
    if problems:
        raise LossFound("; ".join(problems[:20]))
    info = {
        "in_flight": " ".join(pending[:2]) if pending else "",
        "landed": landed,
        "reopen_s": t1 - t0,
        "integrity_s": t2 - t1,
        "check_s": t3 - t2,
        "stray": stray_files(data_dir, export_dir),
    }
    return info, committed


def kill_once(
    data_dir: Path,
    export_dir: Path,
    ledger: dict[tuple[str, str], str],
    *,
    run: int,
    seed: int,
    delay: float,
) -> KillRun:
    """One kill and its check; ``LossFound`` names the run."""
    try:
        lines = run_and_kill(data_dir, export_dir, seed=seed, delay=delay)
        info, committed = verify(data_dir, export_dir, ledger, lines)
    except LossFound as exc:
        raise LossFound(f"run {run} (driver seed {seed}, kill after {delay:.3f} s): {exc}") from exc
    return KillRun(run=run, seed=seed, delay=delay, committed=committed, **info)


def _check_new_backups(vault: Any, lines: list[list[str]]) -> list[str]:
    """Each backup made in this run opens with the vault's key and is sound, and its
    key file is there."""
    import sqlcipher3

    problems = []
    for what, kind, ident, _check in lines:
        if what != "COMMITTED" or kind != "backup":
            continue
        path = vault.data_dir / BACKUPS / ident
        if not path.with_suffix(".sleutels").is_file():
            problems.append(f"backup {ident} has no key file")
        conn = sqlcipher3.dbapi2.connect(str(path))
        try:
            conn.execute(f"PRAGMA key = \"x'{vault.data_key.hex()}'\"")
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems.append(f"backup {ident}: integrity_check {result[:5]}")
        except Exception as exc:
            problems.append(f"backup {ident} does not open: {exc!r}")
        finally:
            conn.close()
    return problems


def prune_backups(data_dir: Path, ledger: dict[tuple[str, str], str], keep: int = 3) -> None:
    """Keep the disk small in long runs: old, already checked backups go."""
    backups = sorted(k for k in ledger if k[0] == "backup")
    for kind, ident in backups[:-keep]:
        for path in (
            data_dir / BACKUPS / ident,
            (data_dir / BACKUPS / ident).with_suffix(".sleutels"),
        ):
            path.unlink(missing_ok=True)
        del ledger[(kind, ident)]


if __name__ == "__main__":
    main()
