"""No network, ever: client data stays on this computer. With every way to make a
socket or look up a name refused (and counted), the main flows run as usual and not
one attempt is made — create a vault, a client with a melding and its procedure
steps, the deadlines and their agenda file, a verslag imported (pasted, .docx, .pdf)
and compared, every kind of letter (also on a letterhead), a backup, and the main
window opened and closed.

Two nets: the socket functions are replaced (the brief's ask), and a Python audit
hook counts socket and URL events underneath them, so a library that reaches for
``_socket`` directly is caught as well.
"""

from __future__ import annotations

import datetime as dt
import errno
import socket
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ondersteuner.vault import Vault
from tests.conftest import PASSPHRASE

AUDIT_EVENTS = (
    "socket.__new__",
    "socket.bind",
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyaddr",
    "socket.gethostbyname",
    "socket.getnameinfo",
    "socket.sendmsg",
    "socket.sendto",
    "urllib.Request",
)


class NoNetwork:
    """Every network attempt is refused with OSError and recorded with its stack."""

    active: NoNetwork | None = None  # the one the audit hook reports to
    _hooked = False

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def record(self, what: str, args: tuple) -> None:
        stack = "".join(traceback.format_stack(limit=12)[:-2])
        self.attempts.append(f"{what}{args!r:.200}\n{stack}")

    def refuse(self, what: str) -> Any:
        def refused(*args: Any, **_kw: Any) -> Any:
            self.record(what, args[1:] if what == "socket.socket" else args)
            raise OSError(errno.ENETUNREACH, "geen netwerk in deze test")

        return refused

    @classmethod
    def _audit(cls, event: str, args: tuple) -> None:
        guard = cls.active
        if guard is not None and event in AUDIT_EVENTS:
            guard.record("audit " + event, args)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(socket.socket, "__init__", self.refuse("socket.socket"))
        for name in (
            "create_connection",
            "create_server",
            "getaddrinfo",
            "gethostbyname",
            "gethostbyname_ex",
            "gethostbyaddr",
            "getnameinfo",
            "socketpair",
        ):
            monkeypatch.setattr(socket, name, self.refuse(f"socket.{name}"))
        if not NoNetwork._hooked:  # an audit hook stays for the life of the process
            sys.addaudithook(NoNetwork._audit)
            NoNetwork._hooked = True
        NoNetwork.active = self

    def report(self) -> str:
        return f"{len(self.attempts)} network attempts:\n" + "\n".join(self.attempts[:5])


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[NoNetwork]:
    guard = NoNetwork()
    guard.install(monkeypatch)
    try:
        yield guard
    finally:
        NoNetwork.active = None


def test_the_guard_catches_attempts(no_network: NoNetwork):
    """Not a no-op: each way out is refused and counted."""
    import urllib.request

    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(OSError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.invalid", 443)
    with pytest.raises(OSError):  # urllib.error.URLError is an OSError
        urllib.request.urlopen("http://example.invalid/", timeout=1)
    import _socket

    with pytest.raises(OSError):  # underneath the replaced functions: the audit hook
        _socket.socket().connect(("192.0.2.1", 9))
    kinds = [a.split("(")[0].split("\n")[0] for a in no_network.attempts]
    assert "socket.create_connection" in kinds and "socket.socket" in kinds
    assert "socket.getaddrinfo" in kinds and "audit urllib.Request" in kinds
    assert "audit socket.__new__" in kinds and "audit socket.connect" in kinds
    no_network.attempts.clear()


def _letterhead(path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Adviespunt Fictief — briefpapier"
    doc.sections[0].footer.paragraphs[0].text = "Postbus 0000, 9999 ZZ Nergensdorp"
    doc.add_paragraph("weg te halen inhoud")
    doc.save(str(path))
    return path


def test_main_flows_make_no_network_attempt(no_network: NoNetwork, data_dir: Path, tmp_path):
    from ondersteuner import letters
    from ondersteuner.compare.importeren import geplakt, lees_bestand, pdf_paginas
    from ondersteuner.models import GebeurtenisSoort as S
    from ondersteuner.ui.ops import brieven as brief_ops
    from ondersteuner.ui.ops import gesprekken, termijnen, verslagen
    from ondersteuner.ui.ops.startup import finish_open, unlock_with_passphrase
    from ondersteuner.ui.termijnen import write_agenda
    from ondersteuner.vault.backup import backup_vault
    from ondersteuner.vault.crypto import FAST_TEST_KDF
    from tests.factories import make_client, make_event, make_melding
    from tests.test_letters import volledig
    from tests.test_vergelijk import VERSLAG, _docx, _pdf

    today = dt.date.today()
    vault = Vault(data_dir)
    vault.create(PASSPHRASE, kdf=FAST_TEST_KDF)
    finish_open(vault)
    cid = make_client(vault, "Netloos Fictief", telefoon="06 00000000")
    mid = make_melding(vault, cid, datum=today - dt.timedelta(days=60))
    make_event(vault, mid, S.GESPREK, today - dt.timedelta(days=40))
    make_event(vault, mid, S.AANVRAAG, today - dt.timedelta(days=30))
    make_event(vault, mid, S.BESCHIKKING, today - dt.timedelta(days=10), kenmerk="B-1")

    overzicht = termijnen.melding_termijnen(vault, mid)
    assert overzicht.get("bezwaar") is not None  # the bezwaartermijn runs
    write_agenda(tmp_path / "termijnen.ics", termijnen.alle_termijnen(vault), False)

    g = gesprekken.open_gesprek(vault, mid)
    gesprekken.save_gesprek(vault, g, {"zelf": "Kan niet meer koken sinds val\nHH 3 uur p/w"})
    (tmp_path / "v.docx").write_bytes(_docx(["Mevrouw kan niet meer koken."]))
    (tmp_path / "v.pdf").write_bytes(_pdf("Mevrouw kan niet meer koken."))
    for ingelezen in (
        geplakt(VERSLAG),
        lees_bestand(tmp_path / "v.docx"),
        lees_bestand(tmp_path / "v.pdf"),
    ):
        vid = verslagen.bewaar_verslag(vault, mid, ingelezen, dagtekening=today)
        vergeleken = verslagen.vergelijk_verslag(vault, vid)
        assert len(vergeleken.vergelijking.punten) == 2
    assert pdf_paginas((tmp_path / "v.pdf").read_bytes())

    briefpapier = _letterhead(tmp_path / "briefpapier.docx")
    for soort in letters.SOORTEN:
        for papier in (None, briefpapier):
            uit = letters.render(soort, volledig(soort), tmp_path / f"{soort}.docx", papier)
            assert uit.stat().st_size > 0
        brief_ops.bewaar_brief(
            vault, mid, soort, volledig(soort), uit.read_bytes(), uit.name
        )  # archived as well
        brief_ops.gegevens_uit_dossier(vault, mid, soort)
    backup_vault(vault, reason="test")
    vault.lock()
    assert unlock_with_passphrase(vault, PASSPHRASE, remember=True) is False  # no keyring
    assert vault.check_integrity()
    vault.lock()
    assert no_network.attempts == [], no_network.report()


@pytest.mark.gui
def test_main_window_makes_no_network_attempt(qtbot, no_network: NoNetwork, data_dir: Path):
    from ondersteuner.ui.ops.startup import finish_open
    from ondersteuner.vault.crypto import FAST_TEST_KDF
    from tests.factories import make_client, make_melding
    from tests.uihelpers import close_main_window, main_window

    vault = Vault(data_dir)
    vault.create(PASSPHRASE, kdf=FAST_TEST_KDF)
    finish_open(vault)
    cid = make_client(vault, "Venster Fictief")
    make_melding(vault, cid)
    window = main_window(qtbot, vault, data_dir)
    window.reload_clients()
    window.select_client(cid)
    window._load_pending_client()
    qtbot.wait(200)  # timers, the first paint, the worker thread
    close_main_window(window)
    window.close()
    vault.lock()
    assert no_network.attempts == [], no_network.report()
