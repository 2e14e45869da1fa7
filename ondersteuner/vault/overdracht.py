"""Hand-over (overdracht): one client's complete dossier sealed into one encrypted
file, so another adviser can import it into their own vault.

The file is ``MAGIC``, one line of JSON header (format version, Argon2id parameters,
salt, nonce, a key check) and then AES-256-GCM over the zlib-compressed JSON of the
dossier (file bytes base64), with magic and header as associated data: changing any
byte, or cutting the file short, makes the tag fail. The one-time passphrase is 24
Crockford base32 symbols from ``secrets`` (120 bits), shown once to the adviser,
who gives file and passphrase to the other adviser separately.

The key check in the header (an HMAC of the derived key) tells a mistyped passphrase
apart from a damaged file; it reveals nothing an attacker could not learn by trying
the passphrase itself, which Argon2id makes slow. Import is one transaction: new
ids everywhere, the next free dossiernummer, the gemeente found by CBS code or name.
Qt-free.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ondersteuner.i18n import tr
from ondersteuner.vault import crypto
from ondersteuner.vault.errors import DiskProblem, VaultError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ondersteuner.vault.dossier import Dossier
    from ondersteuner.vault.vault import Vault

MAGIC = b"ONDOVERDRACHT1\n"
FORMAAT = 1
EXTENSIE = ".overdracht"
MAX_BESTAND = 500 * 1024 * 1024  # checked before reading: never load a huge file
MAX_INHOUD = 2 * 1024 * 1024 * 1024  # the decompressed JSON (a zip bomb stops here)
_MAX_KOP = 4096
# Argon2id for the file key: the vault's own default (≈0.2 s, 64 MiB). A header may
# not ask for more than this ceiling (a crafted file must not exhaust memory).
KDF = crypto.DEFAULT_KDF
_KDF_PLAFOND = crypto.KdfParams(memory_kib=1024 * 1024, iterations=20, lanes=16)

# Crockford's base32 (no I, L, O, U): read aloud over the phone, copied by hand.
ALFABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROEPEN, GROEP_LENGTE = 6, 4


class OverdrachtFout(VaultError):
    """The hand-over file cannot be made or read; nothing was changed."""

    default_message = tr(
        "Het overdrachtsbestand is beschadigd, onvolledig of veranderd. Vraag de andere "
        "cliëntondersteuner om het bestand opnieuw te sturen. Er is niets veranderd."
    )


GEEN_OVERDRACHT = tr("Dit is geen overdrachtsbestand van ondersteuner. Er is niets veranderd.")
FOUT_WACHTWOORD = tr(
    "Het wachtwoord klopt niet. Het bestaat uit zes groepjes van vier letters en cijfers. "
    "Neem alle groepjes over. Er is niets veranderd."
)
TE_GROOT = tr(
    "Dit bestand is groter dan 500 MB. Zo groot is een overdrachtsbestand niet; het "
    "wordt niet geopend. Er is niets veranderd."
)
TE_NIEUW = tr(
    "Dit overdrachtsbestand is gemaakt met een nieuwere versie van ondersteuner. Werk "
    "het programma bij en probeer het opnieuw. Er is niets veranderd."
)
ONBRUIKBAAR = tr(
    "De inhoud van het overdrachtsbestand past niet in deze versie van ondersteuner. "
    "Er is niets veranderd."
)


# ----------------------------------------------------------------- passphrase
def nieuw_wachtwoord() -> str:
    import secrets

    tekens = "".join(secrets.choice(ALFABET) for _ in range(GROEPEN * GROEP_LENGTE))
    return _groepeer(tekens)


def normaliseer(wachtwoord: str) -> str:
    """Case, spaces and dashes don't matter; O reads as 0, I and L as 1."""
    tekens = "".join(ch for ch in wachtwoord.upper() if ch.isalnum())
    return _groepeer(tekens.replace("O", "0").replace("I", "1").replace("L", "1"))


def _groepeer(tekens: str) -> str:
    n = GROEP_LENGTE
    return "-".join(tekens[i : i + n] for i in range(0, len(tekens), n))


def _sleutels(wachtwoord: str, salt: bytes, params: crypto.KdfParams) -> tuple[bytes, bytes]:
    """(AES key, key check) from the passphrase; two HMACs keep them independent."""
    basis = crypto.derive_key(normaliseer(wachtwoord), salt, params)
    sleutel = hmac.new(basis, b"ondersteuner overdracht sleutel", hashlib.sha256).digest()
    controle = hmac.new(basis, b"ondersteuner overdracht controle", hashlib.sha256).digest()
    return sleutel, controle[:16]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# ----------------------------------------------------------------------- seal
def verzegel(
    vault: Vault, client_id: int, doel: Path, *, kdf: crypto.KdfParams | None = None
) -> str:
    """Write the client's dossier, encrypted, to ``doel``; returns the one-time
    passphrase (it is stored nowhere)."""
    from ondersteuner.vault.atomic import atomic_write
    from ondersteuner.vault.dossier import lees_dossier

    with vault.session() as s:
        dossier = lees_dossier(s, client_id)
    wachtwoord = nieuw_wachtwoord()
    data = sluit(_inhoud(dossier), wachtwoord, kdf or KDF)
    if len(data) > MAX_BESTAND:
        raise OverdrachtFout(
            tr(
                "Dit dossier is te groot voor één overdrachtsbestand (meer dan 500 MB). "
                "Er is niets opgeslagen."
            )
        )
    try:
        atomic_write(Path(doel), data)
    except OSError as exc:
        raise OverdrachtFout(
            tr(
                "Het overdrachtsbestand kon niet worden opgeslagen: {e}. Kies een andere map.",
                e=exc.strerror or exc,
            )
        ) from exc
    with vault.session() as s:
        _audit(s, "overdracht_verzegeld", tr("dossier {n}", n=dossier.client["dossiernummer"]))
        s.commit()
    return wachtwoord


def _inhoud(dossier: Dossier) -> dict[str, Any]:
    from ondersteuner.vault.dossier import rij_naar_json
    from ondersteuner.vault.schema import SCHEMA_REVISION

    return {
        "formaat": FORMAAT,
        "schema": SCHEMA_REVISION,
        "gemaakt_op": dt.datetime.now().replace(microsecond=0).isoformat(),
        # The gemeente's identity and contact details travel; the adviser's own
        # notes about a gemeente are not the client's and stay behind.
        "gemeenten": [
            {k: v for k, v in rij_naar_json(g).items() if k != "notities"}
            for g in dossier.gemeenten.values()
        ],
        "tabellen": {
            naam: [rij_naar_json(r) for r in rijen] for naam, rijen in dossier.rijen.items()
        },
    }


def sluit(inhoud: dict[str, Any], wachtwoord: str, kdf: crypto.KdfParams) -> bytes:
    """The sealed file's bytes for ``inhoud`` (JSON-ready) under ``wachtwoord``."""
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    platte_tekst = zlib.compress(
        json.dumps(inhoud, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6
    )
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sleutel, controle = _sleutels(wachtwoord, salt, kdf)
    kop = {
        "formaat": FORMAAT,
        "kdf": "argon2id",
        "params": kdf.to_dict(),
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "controle": _b64(controle),
    }
    aad = MAGIC + json.dumps(kop, sort_keys=True, separators=(",", ":")).encode("ascii") + b"\n"
    return aad + AESGCM(sleutel).encrypt(nonce, platte_tekst, aad)


# --------------------------------------------------------------------- import
def open_bestand(bron: Path, wachtwoord: str) -> dict[str, Any]:
    """The decrypted content of a hand-over file, or ``OverdrachtFout`` saying why not."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kop, aad, versleuteld = _lees(Path(bron))
    try:
        params = crypto.KdfParams.from_dict(kop["params"])
        salt = base64.b64decode(kop["salt"], validate=True)
        nonce = base64.b64decode(kop["nonce"], validate=True)
        controle = base64.b64decode(kop["controle"], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        raise OverdrachtFout() from exc
    if (
        kop.get("kdf") != "argon2id"
        or len(salt) < 16
        or len(nonce) != 12
        or len(controle) != 16
        or not 1 <= params.memory_kib <= _KDF_PLAFOND.memory_kib
        or not 1 <= params.iterations <= _KDF_PLAFOND.iterations
        or not 1 <= params.lanes <= _KDF_PLAFOND.lanes
        or params.memory_kib < 8 * params.lanes  # Argon2's own minimum
    ):
        raise OverdrachtFout()
    sleutel, verwacht = _sleutels(wachtwoord, salt, params)
    if not hmac.compare_digest(controle, verwacht):
        raise OverdrachtFout(FOUT_WACHTWOORD)
    try:
        gecomprimeerd = AESGCM(sleutel).decrypt(nonce, versleuteld, aad)
    except (InvalidTag, ValueError) as exc:
        raise OverdrachtFout() from exc
    inflater = zlib.decompressobj()
    try:
        tekst = inflater.decompress(gecomprimeerd, MAX_INHOUD)
        inhoud = json.loads(tekst.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError) as exc:
        raise OverdrachtFout(ONBRUIKBAAR) from exc
    if inflater.unconsumed_tail or not inflater.eof:
        raise OverdrachtFout(ONBRUIKBAAR)
    if not isinstance(inhoud, dict) or inhoud.get("formaat") != kop["formaat"]:
        raise OverdrachtFout(ONBRUIKBAAR)
    return inhoud


def _lees(bron: Path) -> tuple[dict[str, Any], bytes, bytes]:
    """(header, associated data, ciphertext); the size is checked before reading."""
    try:
        grootte = bron.stat().st_size
        if grootte > MAX_BESTAND:
            raise OverdrachtFout(TE_GROOT)
        data = bron.read_bytes()
    except OSError as exc:
        raise OverdrachtFout(
            tr(
                "Het bestand kon niet worden gelezen: {e}. Er is niets veranderd.",
                e=exc.strerror or exc,
            )
        ) from exc
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data[: len(MAGIC)]) and data:
            raise OverdrachtFout()  # cut short inside the magic
        raise OverdrachtFout(GEEN_OVERDRACHT)
    einde = data.find(b"\n", len(MAGIC), len(MAGIC) + _MAX_KOP)
    if einde < 0:
        raise OverdrachtFout()
    try:
        kop = json.loads(data[len(MAGIC) : einde].decode("ascii"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise OverdrachtFout() from exc
    formaat = kop.get("formaat") if isinstance(kop, dict) else None
    if not isinstance(formaat, int) or isinstance(formaat, bool) or formaat < 1:
        raise OverdrachtFout()
    if formaat > FORMAAT:
        raise OverdrachtFout(TE_NIEUW)
    return kop, data[: einde + 1], data[einde + 1 :]


def importeer(vault: Vault, bron: Path, wachtwoord: str) -> int:
    """Add the dossier in ``bron`` to ``vault`` as a new client; returns its id.

    All or nothing: any refusal or error leaves the vault as it was."""
    inhoud = open_bestand(bron, wachtwoord)
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    with vault.session() as s:
        try:
            client_id, nummer = _schrijf(s, inhoud)
            _audit(s, "overdracht_geimporteerd", tr("dossier {n}", n=nummer))
            s.commit()
        except OverdrachtFout:
            s.rollback()
            raise
        except OperationalError as exc:
            s.rollback()
            text = str(exc).lower()
            if any(w in text for w in ("full", "readonly", "read-only", "disk i/o", "locked")):
                raise DiskProblem() from exc
            raise OverdrachtFout(ONBRUIKBAAR) from exc
        except (SQLAlchemyError, KeyError, TypeError, ValueError, LookupError) as exc:
            s.rollback()
            raise OverdrachtFout(ONBRUIKBAAR) from exc
        except BaseException:
            s.rollback()
            raise
    return client_id


def _schrijf(s: Session, inhoud: dict[str, Any]) -> tuple[int, int]:
    from sqlalchemy import func, insert, select

    from ondersteuner.vault.dossier import DOSSIER, GEMEENTE, tabel, uit_json, verwijzing

    tabellen = inhoud["tabellen"]
    if not isinstance(tabellen, dict) or set(tabellen) - {n for n, _o, _k in DOSSIER}:
        raise OverdrachtFout(TE_NIEUW)
    if len(tabellen.get("client") or ()) != 1:
        raise OverdrachtFout(ONBRUIKBAAR)
    nieuw: dict[str, dict[int, int]] = {
        GEMEENTE: {g["id"]: _gemeente(s, g) for g in inhoud.get("gemeenten") or ()}
    }
    c = tabel("client")
    nummer = (s.scalar(select(func.max(c.c.dossiernummer))) or 0) + 1
    for naam, _ouder, _kolom in DOSSIER:
        t = tabel(naam)
        nieuw[naam] = {}
        for rij in tabellen.get(naam) or ():
            if not isinstance(rij, dict):
                raise OverdrachtFout(ONBRUIKBAAR)
            if set(rij) - set(t.c.keys()):
                raise OverdrachtFout(TE_NIEUW)  # columns this version does not know
            waarden = {k: uit_json(t.c[k], v) for k, v in rij.items()}
            oud_id = waarden.pop("id")
            for kolom in t.columns:
                doel = verwijzing(kolom)
                if doel is None or waarden.get(kolom.name) is None:
                    continue
                nieuw_id = nieuw.get(doel, {}).get(waarden[kolom.name])
                if nieuw_id is None and not kolom.nullable:
                    raise OverdrachtFout(ONBRUIKBAAR)
                waarden[kolom.name] = nieuw_id
            if naam == "client":
                waarden["dossiernummer"] = nummer
            result = s.execute(insert(t).values(**waarden))
            nieuw[naam][oud_id] = result.inserted_primary_key[0]
    (client_id,) = nieuw["client"].values()
    return client_id, nummer


def _gemeente(s: Session, rij: dict[str, Any]) -> int:
    """The receiving vault's gemeente for ``rij``: by CBS code, else by name, else
    added. Contact details it lacks are filled in; its own are never overwritten."""
    from sqlalchemy import insert, select, update

    from ondersteuner.vault.dossier import GEMEENTE, tabel, uit_json

    g = tabel(GEMEENTE)
    waarden = {k: uit_json(g.c[k], v) for k, v in rij.items() if k in g.c and k != "id"}
    naam, code = waarden.get("naam"), waarden.get("cbs_code")
    if not naam:
        raise OverdrachtFout(ONBRUIKBAAR)
    gevonden = None
    if code:
        gevonden = s.execute(select(g).where(g.c.cbs_code == code)).first()
    if gevonden is None:
        # Compared in Python: SQLite's lower() folds ASCII only (Súdwest-Fryslân).
        ids = [i for i, n in s.execute(select(g.c.id, g.c.naam)) if n.casefold() == naam.casefold()]
        if ids:
            gevonden = s.execute(select(g).where(g.c.id == ids[0])).first()
    if gevonden is None:
        return int(s.execute(insert(g).values(**waarden)).inserted_primary_key[0])
    eigen = gevonden._mapping
    aanvullen = {
        k: v
        for k, v in waarden.items()
        if k not in ("naam", "cbs_code") and v not in (None, "") and eigen[k] in (None, "")
    }
    if aanvullen:
        s.execute(update(g).where(g.c.id == gevonden.id).values(**aanvullen))
    return int(gevonden.id)


def _audit(s: Session, actie: str, omschrijving: str) -> None:
    # The vault sits below ui.ops, so this is the model row itself (no client data).
    from ondersteuner.models import AuditRegel

    s.add(AuditRegel(actie=actie, omschrijving=omschrijving))
