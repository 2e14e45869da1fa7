"""Gemeente operations: the preloaded list of all Dutch municipalities, and their
postal address that the adviser fills in once."""

from __future__ import annotations

from functools import cache
from importlib import resources

from sqlalchemy import func, select

from ondersteuner.models import Gemeente
from ondersteuner.ui.ops.common import write_session
from ondersteuner.ui.ops.snapshots import GemeenteData
from ondersteuner.validation import InvalidInput, check_email, check_phone, normalise_postcode
from ondersteuner.vault import Vault


@cache
def bundled_gemeenten() -> tuple[tuple[str, str], ...]:
    """(CBS code, name) of every municipality in ``data/gemeenten.tsv``."""
    text = resources.files("ondersteuner.data").joinpath("gemeenten.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, naam = line.split("\t", 1)
        rows.append((code.strip(), naam.strip()))
    return tuple(rows)


def ensure_gemeenten(vault: Vault) -> int:
    """Add bundled municipalities missing from the vault; returns how many were added.

    Never removes or renames one (a merged gemeente may still be on old meldingen).
    """
    with write_session(vault) as s:
        known_codes = set(s.scalars(select(Gemeente.cbs_code)))
        known_names = {n.casefold() for n in s.scalars(select(Gemeente.naam))}
        added = 0
        for code, naam in bundled_gemeenten():
            if code in known_codes or naam.casefold() in known_names:
                continue
            s.add(Gemeente(naam=naam, cbs_code=code))
            added += 1
        return added


def _snapshot(g: Gemeente) -> GemeenteData:
    return GemeenteData(
        id=g.id,
        naam=g.naam,
        cbs_code=g.cbs_code,
        post_adres=g.post_adres,
        post_postcode=g.post_postcode,
        post_plaats=g.post_plaats,
        afdeling=g.afdeling,
        loket_telefoon=g.loket_telefoon,
        loket_email=g.loket_email,
    )


def list_gemeenten(vault: Vault) -> list[GemeenteData]:
    """All gemeenten in the vault (``finish_open`` put the bundled list there)."""
    with vault.session() as s:
        rows = s.scalars(select(Gemeente).order_by(func.lower(Gemeente.naam))).all()
        return [_snapshot(g) for g in rows]


def get_gemeente(vault: Vault, gemeente_id: int) -> GemeenteData:
    with vault.session() as s:
        return _snapshot(s.get_one(Gemeente, gemeente_id))


def save_gemeente_contact(vault: Vault, data: GemeenteData) -> GemeenteData:
    """Store the postal address and loket contact of a gemeente (remembered for letters)."""
    postcode = normalise_postcode("post_postcode", data.post_postcode)
    email = check_email("loket_email", data.loket_email)
    telefoon = check_phone("loket_telefoon", data.loket_telefoon)
    with write_session(vault) as s:
        g = s.get_one(Gemeente, data.id)
        g.post_adres = data.post_adres.strip()
        g.post_postcode = postcode
        g.post_plaats = data.post_plaats.strip()
        g.afdeling = data.afdeling.strip()
        g.loket_telefoon = telefoon
        g.loket_email = email
        s.flush()
        return _snapshot(g)


def synoniemen_van(vault: Vault, gemeente_id: int) -> str:
    """The adviser's own words of a gemeente for the verslag comparison."""
    with vault.session() as s:
        return s.get_one(Gemeente, gemeente_id).synoniemen or ""


def bewaar_synoniemen(vault: Vault, gemeente_id: int, tekst: str) -> None:
    """Keep a gemeente's own words (checked first: a bad line is refused with the
    line number, nothing is stored)."""
    from ondersteuner.compare import SynoniemFout, lees_synoniemen

    tekst = tekst.strip()
    try:
        lees_synoniemen(tekst)
    except SynoniemFout as exc:
        raise InvalidInput("synoniemen", str(exc)) from exc
    with write_session(vault) as s:
        s.get_one(Gemeente, gemeente_id).synoniemen = tekst + ("\n" if tekst else "")
