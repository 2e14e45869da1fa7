"""The client's AVG rights: the inzage zip (art. 15/20) and the sealed hand-over of a
dossier to another adviser, through the core and through the dialogs."""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from ondersteuner.models import (
    AuditRegel,
    Base,
    Beoordeling,
    BesprokenPassage,
    Brief,
    BriefStatus,
    Client,
    Contactpersoon,
    Gebeurtenis,
    GebeurtenisSoort,
    Gemeente,
    Gesprek,
    GesprekVorm,
    Melding,
    Notitie,
    NotitieSoort,
    PuntStatus,
    Reactiepunt,
    TermijnAanpassing,
    Verslag,
    Voorbereiding,
)
from ondersteuner.ui.ops.inzage import exporteer_inzage
from ondersteuner.vault import Vault
from ondersteuner.vault import overdracht as od
from ondersteuner.vault.crypto import FAST_TEST_KDF
from ondersteuner.vault.dossier import (
    DOSSIER_TABELLEN,
    NIET_IN_DOSSIER,
    lees_dossier,
    tabel,
    verwijzing,
)
from tests.conftest import PASSPHRASE
from tests.factories import make_client, make_melding

NAAM = "Zqx Fictieve Testpersoon"
NOTITIE = "Zqxnotitie kan de trap niet meer op"
PDF = b"%PDF-1.4\n% fictief verslag\n" + bytes(range(256)) * 40
DOCX = b"PK\x03\x04 fictieve brief " + bytes(range(255, -1, -1)) * 30


def _vul_dossier(vault: Vault) -> int:
    """A client with one of everything (and two of some), all fictitious."""
    with vault.session() as s:
        bundled = s.scalars(select(Gemeente).where(Gemeente.cbs_code.is_not(None))).first()
        assert bundled is not None
        bundled.post_adres = "Postbus 12345"
        bundled.notities = "Zqxgemeentenotitie van de adviseur"
        eigen = Gemeente(naam="Zqxdorp (oude gemeente)", cbs_code=None, afdeling="Team Wmo")
        s.add(eigen)
        s.flush()
        c = Client(
            dossiernummer=7,
            naam=NAAM,
            aanhef="mevrouw",
            geboortedatum=dt.date(1941, 5, 17),
            adres="Verzonnenlaan 3",
            postcode="9999 ZZ",
            woonplaats="Nergenshuizen",
            telefoon="06 00000000",
            email="zqx@voorbeeld.example",
            gemeente_id=bundled.id,
            notities="Zqxcliëntnotitie",
            toestemming_op=dt.date(2025, 2, 1),
            toestemming_omvang="Gegevens over gezondheid voor de Wmo-aanvraag",
        )
        c.contactpersonen = [
            Contactpersoon(naam="Zqx Dochter", relatie="dochter", is_mantelzorger=True),
            Contactpersoon(naam="Zqx Buurman", relatie="buurman", telefoon="06 11111111"),
        ]
        s.add(c)
        s.flush()
        m = Melding(
            client_id=c.id,
            gemeente_id=bundled.id,
            datum_melding=dt.date(2025, 3, 3),
            hulpvraag="Zqxhulpvraag traplift",
            kenmerk="WMO-0001",
            spoed=True,
        )
        m2 = Melding(client_id=c.id, gemeente_id=eigen.id, datum_melding=dt.date(2024, 1, 8))
        s.add_all([m, m2])
        s.flush()
        e1 = Gebeurtenis(
            melding_id=m.id,
            soort=GebeurtenisSoort.AANVRAAG,
            datum=dt.date(2025, 3, 10),
            ontvangen_op=dt.date(2025, 3, 11),
            omschrijving="Zqxstap",
        )
        e2 = Gebeurtenis(
            melding_id=m.id,
            soort=GebeurtenisSoort.BEZWAAR,
            datum=dt.date(2025, 6, 2),
            met_adviescommissie=True,
        )
        s.add_all([e1, e2])
        s.add(
            TermijnAanpassing(
                melding_id=m.id,
                sleutel="beschikking",
                datum=dt.date(2025, 5, 5),
                reden="Zqxreden brief van de gemeente",
            )
        )
        s.add(
            Voorbereiding(
                melding_id=m.id, waar_loop_ik_tegenaan="Zqxtrap", wensen="Zelfstandig blijven wonen"
            )
        )
        g = Gesprek(
            melding_id=m.id,
            datum=dt.date(2025, 3, 20),
            tijd=dt.time(10, 30),
            locatie="thuis",
            vorm=GesprekVorm.THUIS,
            aanwezigen="Zqx Dochter",
            let_op_afgevinkt=["plan"],
            afgerond=True,
        )
        s.add(g)
        s.flush()
        notes = [
            Notitie(
                gesprek_id=g.id,
                onderwerp="zelf",
                tekst=NOTITIE,
                volgorde=0,
                tijdstip=dt.datetime(2025, 3, 20, 10, 35),
            ),
            Notitie(
                gesprek_id=g.id,
                onderwerp="hulp",
                tekst="Traplift besproken",
                soort=NotitieSoort.AFSPRAAK,
                volgorde=0,
                tijdstip=dt.datetime(2025, 3, 20, 10, 50),
            ),
            Notitie(
                gesprek_id=g.id,
                onderwerp="oud_onderdeel",
                tekst="Zqxoude sectie",
                volgorde=0,
                tijdstip=dt.datetime(2025, 3, 20, 11, 0),
            ),
        ]
        s.add_all(notes)
        s.flush()
        v = Verslag(
            melding_id=m.id,
            dagtekening=dt.date(2025, 4, 1),
            ontvangen_op=dt.date(2025, 4, 3),
            tekst="Zqxverslagtekst. Zqxaangewezen zin. Zqxbesproken zin.",
            bestandsnaam=f"verslag {NAAM}.pdf",
            mime="application/pdf",
            bestand=PDF,
            bsn_verwijderd=True,
        )
        v2 = Verslag(
            melding_id=m.id,
            ontvangen_op=dt.date(2025, 4, 9),
            tekst="Zqxgeplakt verslag",
            mime="text/plain",
            bestand=None,
        )
        s.add_all([v, v2])
        s.flush()
        s.add(
            Beoordeling(
                verslag_id=v.id,
                notitie_id=notes[1].id,
                status=PuntStatus.GEVONDEN,
                toelichting="Zqxtoelichting",
                passage_start=17,
                passage_eind=35,
            )
        )
        s.add(BesprokenPassage(verslag_id=v.id, tekst="Zqxbesproken zin."))
        s.add(
            Reactiepunt(
                melding_id=m.id,
                verslag_id=v.id,
                notitie_id=notes[0].id,
                citaat="Zqxcitaat",
                correctie="Zqxcorrectie",
                volgorde=1,
            )
        )
        s.add_all(
            [
                Brief(
                    client_id=c.id,
                    melding_id=m.id,
                    soort="bezwaarschrift",
                    bestand=DOCX,
                    bestandsnaam=f"bezwaar {NAAM}.docx",
                    status=BriefStatus.VERZONDEN,
                    verzonden_op=dt.date(2025, 6, 1),
                    gebeurtenis_id=e2.id,
                    gegevens={"gronden": "Zqxgronden", "datum": "2025-06-01"},
                ),
                Brief(
                    client_id=c.id,
                    melding_id=m.id,
                    soort="klacht",
                    bestand=None,
                    gegevens={"gedraging": "Zqxconcept"},
                ),
                Brief(client_id=c.id, melding_id=None, soort="machtiging", bestand=DOCX[:500]),
            ]
        )
        s.commit()
        cid = c.id
    # Someone else, whose data must stay out of every export.
    other = make_client(vault, "Zqx Andere Cliënt", notities="Zqxanderman")
    make_melding(vault, other, hulpvraag="Zqxanderhulp")
    return cid


@pytest.fixture
def client_id(vault: Vault) -> int:
    return _vul_dossier(vault)


@pytest.fixture
def vault_b(tmp_path: Path) -> Iterator[Vault]:
    """A second adviser's vault, with a client of their own."""
    from ondersteuner.ui.ops.startup import finish_open

    v = Vault(tmp_path / "b")
    v.create(PASSPHRASE, kdf=FAST_TEST_KDF)
    finish_open(v)
    make_client(v, "Zqx Eigen Cliënt B")
    yield v
    v.lock()


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def _docx_text(data: bytes) -> str:
    import io

    from docx import Document

    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


# ---------------------------------------------------------------------- inzage
def test_inzage_zip_holds_the_whole_dossier(vault: Vault, client_id: int, data_dir: Path, tmp_path):
    before = _files(data_dir)
    tmp_before = set(Path(tempfile.gettempdir()).iterdir())
    out_dir = tmp_path / "uit"
    out_dir.mkdir()
    steps: list[tuple[int, int]] = []
    doel = exporteer_inzage(
        vault, client_id, out_dir / "inzage.zip", lambda d, t: steps.append((d, t))
    )

    assert doel == out_dir / "inzage.zip" and _files(out_dir) == {"inzage.zip"}
    assert (doel.stat().st_mode & 0o777) == 0o600
    # Only the vault's own files in the data dir; nothing new in the temp dir.
    assert _files(data_dir) - before <= {"kluis.db-wal", "kluis.db-shm"}
    assert {
        p for p in set(Path(tempfile.gettempdir()).iterdir()) - tmp_before if "pytest" not in p.name
    } == set()
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1] == len(steps) - 1

    with zipfile.ZipFile(doel) as z:
        names = z.namelist()
        data = {n: z.read(n) for n in names}
    assert names[0] == "00-overzicht.docx" and "gegevens.json" in names
    # Names in the zip: dates and kinds only.
    assert not any("zqx" in n.lower() or "fictie" in n.lower() for n in names)
    assert all(re.fullmatch(r"[a-z0-9./_-]+", n) for n in names), names
    gesprekken = [n for n in names if n.startswith("gesprekken/")]
    verslagen = sorted(n for n in names if n.startswith("verslagen/"))
    brieven = sorted(n for n in names if n.startswith("brieven/"))
    assert gesprekken == ["gesprekken/2025-03-20-aantekeningen.docx"]
    assert verslagen == ["verslagen/2025-04-01-verslag.pdf", "verslagen/2025-04-09-verslag.txt"]
    assert data["verslagen/2025-04-01-verslag.pdf"] == PDF  # the original, byte for byte
    assert data["verslagen/2025-04-09-verslag.txt"].decode() == "Zqxgeplakt verslag"
    assert len(brieven) == 2  # the concept without a document has no file
    assert sorted(data[n] for n in brieven) == sorted([DOCX, DOCX[:500]])
    assert any("bezwaarschrift" in n for n in brieven)

    index = _docx_text(data["00-overzicht.docx"])
    for n in names:
        assert n in index, n
    for text in (
        NAAM,
        "Zqx Dochter",
        "Zqx Buurman",
        "Zqxhulpvraag traplift",
        "Zqxstap",
        "Zqxreden",
        "Zqxtrap",
        "Zqxcitaat",
        "Zqxcorrectie",
        "Zqxtoelichting",
        "in het verslag: “Zqxaangewezen zin.”",
        "Zqxbesproken zin.",
        "1 februari 2025",
        "Gegevens over gezondheid",
        "Zqxdorp (oude gemeente)",
        "Bezwaarschrift",
    ):
        assert text in index, text
    notes = _docx_text(data[gesprekken[0]])
    assert NOTITIE in notes and "Traplift besproken" in notes and "Zqxoude sectie" in notes

    gegevens = json.loads(data["gegevens.json"])
    client = gegevens["client"]
    assert client["naam"] == NAAM and client["geboortedatum"] == "1941-05-17"
    assert client["toestemming_op"] == "2025-02-01" and client["toestemming_omvang"]
    [m, m2] = sorted(client["meldingen"], key=lambda x: x["datum_melding"], reverse=True)
    assert m2["gemeente"] == "Zqxdorp (oude gemeente)"
    [g] = m["gesprekken"]
    assert g["bestand"] == gesprekken[0]
    assert NOTITIE in [n["tekst"] for n in g["notities"]]
    assert {v["bestand"] for v in m["verslagen"]} == set(verslagen)
    assert m["verslagen"][0]["beoordelingen"][0]["status"] == "gevonden"
    assert m["verslagen"][0]["beoordelingen"][0]["passage_start"] == 17
    assert m["verslagen"][0]["wel_besproken_zinnen"][0]["tekst"] == "Zqxbesproken zin."
    assert m["reactiepunten"][0]["citaat"] == "Zqxcitaat"
    assert m["termijnaanpassingen"][0]["datum"] == "2025-05-05"
    assert m["voorbereiding"][0]["waar_loop_ik_tegenaan"] == "Zqxtrap"
    assert len(client["brieven"]) == 3 and len(client["contactpersonen"]) == 2
    assert {b["soort"]: b["gegevens"] for b in client["brieven"]}["klacht"] == {
        "gedraging": "Zqxconcept"
    }
    # Nobody else's data.
    blob = b"".join(data.values())
    assert b"Zqxanderman" not in blob and b"Zqxanderhulp" not in blob

    with vault.session() as s:
        [regel] = s.scalars(select(AuditRegel).where(AuditRegel.actie == "inzage_export")).all()
    assert "zqx" not in regel.omschrijving.lower() and "7" in regel.omschrijving


def test_inzage_failing_halfway_leaves_no_file(vault: Vault, client_id: int, tmp_path, monkeypatch):
    from ondersteuner.ui.ops import inzage

    def broken(*_a: Any) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(inzage, "_notities_docx", broken)
    out = tmp_path / "uit"
    out.mkdir()
    (out / "inzage.zip").write_bytes(b"oud")
    with pytest.raises(OSError):
        exporteer_inzage(vault, client_id, out / "inzage.zip")
    assert _files(out) == {"inzage.zip"} and (out / "inzage.zip").read_bytes() == b"oud"
    with vault.session() as s:
        assert s.scalar(select(func.count()).where(AuditRegel.actie == "inzage_export")) == 0


# ------------------------------------------------------------------ overdracht
def _canoniek(vault: Vault, client_id: int) -> dict[str, list[dict[str, Any]]]:
    """The dossier without ids and dossiernummer: links as positions, gemeenten as
    (CBS code, name)."""
    with vault.session() as s:
        d = lees_dossier(s, client_id)
    plaats = {t: {r["id"]: i for i, r in enumerate(rows)} for t, rows in d.rijen.items()}
    out: dict[str, list[dict[str, Any]]] = {}
    for t, rows in d.rijen.items():
        out[t] = []
        for r in rows:
            c: dict[str, Any] = {}
            for k, v in r.items():
                if k in ("id", "dossiernummer"):
                    continue
                doel = verwijzing(tabel(t).c[k])
                if doel == "gemeente":
                    v = (d.gemeenten[v]["cbs_code"], d.gemeenten[v]["naam"]) if v else None
                elif doel is not None:
                    v = plaats[doel].get(v, "buiten het dossier")
                c[k] = v
            out[t].append(c)
    return out


def _counts(vault: Vault) -> dict[str, int]:
    with vault.session() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
        }


def test_every_table_is_in_the_dossier_or_named_as_not():
    assert set(Base.metadata.tables) == set(DOSSIER_TABELLEN) | NIET_IN_DOSSIER


def test_overdracht_round_trip(vault: Vault, client_id: int, vault_b: Vault, tmp_path):
    bestand = tmp_path / "dossier.overdracht"
    wachtwoord = od.verzegel(vault, client_id, bestand, kdf=FAST_TEST_KDF)
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}", wachtwoord)
    raw = bestand.read_bytes()
    assert raw.startswith(od.MAGIC) and (bestand.stat().st_mode & 0o777) == 0o600
    assert b"Zqx" not in raw and b"PDF-1.4" not in raw

    # Typed as people type it: lower case, spaces, an O for a zero.
    typed = wachtwoord.lower().replace("-", " ").replace("0", "o")
    nieuw = od.importeer(vault_b, bestand, typed)

    assert _canoniek(vault_b, nieuw) == _canoniek(vault, client_id)
    with vault_b.session() as s:
        c = s.get_one(Client, nieuw)
        assert c.naam == NAAM and c.dossiernummer == 2  # B had dossier 1 already
        [v] = [v for v in s.scalars(select(Verslag)) if v.bestand]
        assert v.bestand == PDF
        assert sorted(b.bestand or b"" for b in s.scalars(select(Brief))) == sorted(
            [b"", DOCX, DOCX[:500]]
        )
        # The gemeente by CBS code (its Postbus filled in); an unknown one is added.
        g = s.get_one(Gemeente, c.gemeente_id)
        assert g.cbs_code and g.post_adres == "Postbus 12345" and g.notities == ""
        eigen = s.scalars(select(Gemeente).where(Gemeente.naam.like("Zqxdorp%"))).one()
        assert eigen.afdeling == "Team Wmo"
        regels = s.scalars(select(AuditRegel).where(AuditRegel.actie.like("overdracht%"))).all()
    assert [r.omschrijving for r in regels] == ["dossier 2"]
    with vault.session() as s:
        regels = s.scalars(select(AuditRegel).where(AuditRegel.actie.like("overdracht%"))).all()
    assert [(r.actie, r.omschrijving) for r in regels] == [("overdracht_verzegeld", "dossier 7")]


def _kop_vervangen(raw: bytes, **changes: Any) -> bytes:
    end = raw.index(b"\n", len(od.MAGIC))
    kop = json.loads(raw[len(od.MAGIC) : end])
    kop.update(changes)
    return od.MAGIC + json.dumps(kop).encode() + raw[end:]


def test_overdracht_refuses_and_writes_nothing(
    vault: Vault, client_id: int, vault_b: Vault, tmp_path
):
    bestand = tmp_path / "dossier.overdracht"
    wachtwoord = od.verzegel(vault, client_id, bestand, kdf=FAST_TEST_KDF)
    raw = bestand.read_bytes()
    start = raw.index(b"\n", len(od.MAGIC)) + 1  # the ciphertext
    before = _counts(vault_b)

    def refused(data: bytes, pw: str = wachtwoord) -> str:
        kapot = tmp_path / "kapot.overdracht"
        kapot.write_bytes(data)
        with pytest.raises(od.OverdrachtFout) as err:
            od.importeer(vault_b, kapot, pw)
        assert _counts(vault_b) == before
        return str(err.value)

    damaged = od.OverdrachtFout.default_message
    for pos in (start, start + (len(raw) - start) // 2, len(raw) - 1):
        flipped = bytearray(raw)
        flipped[pos] ^= 0x01
        assert refused(bytes(flipped)) == damaged
    assert refused(raw[:-20]) == damaged
    assert refused(raw[: start - 10]) == damaged
    assert refused(raw[:8]) == damaged
    assert refused(raw[: start + 10]) == damaged
    # A changed header is authenticated too (here: the nonce).
    assert refused(_kop_vervangen(raw, nonce="AAAAAAAAAAAAAAAA")) == damaged
    assert "wachtwoord klopt niet" in refused(raw, "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01")
    assert "geen overdrachtsbestand" in refused(b"PK\x03\x04" + raw[4:])
    assert "nieuwere versie" in refused(_kop_vervangen(raw, formaat=od.FORMAAT + 1))
    # A huge file is refused by its size alone (sparse: nothing is read or written).
    groot = tmp_path / "groot.overdracht"
    with groot.open("wb") as fh:
        fh.write(raw[:100])
        fh.truncate(od.MAX_BESTAND + 1)
    with pytest.raises(od.OverdrachtFout, match="500 MB"):
        od.importeer(vault_b, groot, wachtwoord)
    # A bad row late in the dossier: the rows before it are rolled back too.
    with vault.session() as s:
        inhoud = od._inhoud(lees_dossier(s, client_id))
    inhoud["tabellen"]["brief"][-1]["status"] = "verdwenen"
    assert "past niet" in refused(od.sluit(inhoud, wachtwoord, FAST_TEST_KDF))
    inhoud["tabellen"]["brief"][-1]["status"] = "concept"
    inhoud["tabellen"]["notitie"][0]["stemming"] = "blij"  # a column from a newer version
    assert "nieuwere versie" in refused(od.sluit(inhoud, wachtwoord, FAST_TEST_KDF))
    assert _counts(vault_b) == before
    # And the genuine file still imports.
    od.importeer(vault_b, bestand, wachtwoord)
    assert _counts(vault_b)["client"] == before["client"] + 1


# --------------------------------------------------------------------- dialogs
def _ctx(vault: Vault, data_dir: Path) -> Any:
    from ondersteuner.settings import Settings
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner

    return AppContext(vault, Settings.in_dir(data_dir), data_dir, ChangeBus(), Runner())


@pytest.mark.gui
def test_inzage_dialog(qtbot, vault: Vault, client_id: int, data_dir: Path, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ondersteuner.ui.avg import InzageDialog, open_inzage
    from tests.uihelpers import focusable_without_name, with_modal

    ctx = _ctx(vault, data_dir)
    asked: list[str] = []

    def save_as(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "voor-de-client"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)

    def handle(d: InzageDialog) -> None:
        assert focusable_without_name(d) == []
        d.opslaan.click()
        qtbot.waitUntil(lambda: d.pad is not None or d.error.isVisible(), timeout=10000)
        assert "Klaar" in d.uitkomst.text(), d.error.text()
        d.sluiten.click()

    with_modal(InzageDialog, handle)
    pad = open_inzage(None, ctx, client_id)
    ctx.runner.wait()
    assert pad == tmp_path / "voor-de-client.zip" and zipfile.is_zipfile(pad)
    assert Path(asked[0]).name == f"inzage-dossier-7-{dt.date.today().isoformat()}.zip"


@pytest.mark.gui
def test_overdracht_dialog_seal_then_import(
    qtbot, vault: Vault, client_id: int, vault_b: Vault, data_dir: Path, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from ondersteuner.ui.avg import OverdrachtDialog, open_importeren, open_verzegelen
    from tests.uihelpers import focusable_without_name, with_modal

    monkeypatch.setattr(od, "KDF", FAST_TEST_KDF)
    target = tmp_path / "naar-collega"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(target) + od.EXTENSIE, "")
    )
    shown: list[str] = []

    def seal(d: OverdrachtDialog) -> None:
        assert focusable_without_name(d) == []
        d.maak_knop.click()
        qtbot.waitUntil(lambda: d.wachtwoord is not None or d.error.isVisible(), timeout=10000)
        assert d.resultaat.isVisible(), d.error.text()
        shown.append(d.wachtwoord_label.text())
        d.reject()  # Escape does not skip the passphrase …
        assert d.isVisible() and not d.klaar_knop.isEnabled()
        d.doorgegeven.setChecked(True)  # … only noting it down does
        d.klaar_knop.click()

    with_modal(OverdrachtDialog, seal)
    sealed = open_verzegelen(None, _ctx(vault, data_dir), client_id)
    assert sealed == tmp_path / "naar-collega.overdracht" and sealed.exists()

    ctx_b = _ctx(vault_b, tmp_path / "b")
    changes: list[Any] = []
    ctx_b.bus.changed.connect(changes.append)

    def import_(d: OverdrachtDialog) -> None:
        assert focusable_without_name(d) == []
        d.kies_bron()
        d.wachtwoord_veld.setText("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01")
        d.importeer_knop.click()
        qtbot.waitUntil(d.error.isVisible, timeout=10000)
        assert "wachtwoord klopt niet" in d.error.text()
        d.wachtwoord_veld.setText(shown[0])
        d.importeer_knop.click()
        qtbot.waitUntil(lambda: d.geimporteerd is not None, timeout=10000)
        assert "dossier 2" in d.uitkomst.text() and not d.error.isVisible()
        d.sluit_knop.click()

    with_modal(OverdrachtDialog, import_)
    nieuw = open_importeren(None, ctx_b)
    ctx_b.runner.wait()
    assert nieuw is not None and _canoniek(vault_b, nieuw) == _canoniek(vault, client_id)
    assert changes and changes[-1].clients
