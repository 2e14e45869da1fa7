"""Render the README screenshot from the demo data (offscreen, fictitious clients).

QT_QPA_PLATFORM=offscreen python docs/make_screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from ondersteuner.demo import PERSONAS, fill_demo
    from ondersteuner.settings import Settings
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner
    from ondersteuner.ui.main_window import MainWindow
    from ondersteuner.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        vault = Vault(d)
        vault.create("schermafdruk demo wachtwoord")
        fill_demo(vault)
        win = MainWindow(AppContext(vault, Settings(None), d, ChangeBus(), Runner()))
        win.resize(1280, 800)
        win.show()
        for row in win.client_model.rows:
            if row.naam == PERSONAS[7].naam:  # in gebreke gesteld: a full timeline
                win.select_client(row.id)
        app.processEvents()
        win.statusBar().showMessage("Kluis: ~/.local/share/ondersteuner")
        app.processEvents()
        out = ROOT / "docs" / "screenshot.png"
        win._load_pending_client()
        app.processEvents()
        win.grab().save(str(out))
        print(f"wrote {out}")
        # The deadline overview across all clients.
        done = {"yes": False}
        win.overview.refresh(on_done=lambda: done.update(yes=True))
        while not done["yes"]:
            app.processEvents()
        win.show_overview()
        app.processEvents()
        second = ROOT / "docs" / "termijnen.png"
        win.grab().save(str(second))
        print(f"wrote {second}")
        # The verslag beside the notes (the demo client whose verslag has arrived).
        win.focus_clients()
        for row in win.client_model.rows:
            if row.naam == PERSONAS[5].naam:
                win.select_client(row.id)
        win._load_pending_client()
        win.compare_verslag()
        app.processEvents()
        compare = win.vergelijk_window
        compare.resize(1280, 800)
        compare.next_difference(1)
        app.processEvents()
        third = ROOT / "docs" / "vergelijken.png"
        compare.grab().save(str(third))
        print(f"wrote {third}")
        compare.close()
        # A letter: the bezwaarschrift of the client whose beschikking just came in.
        from ondersteuner.ui.brief import BriefDialog

        for row in win.client_model.rows:
            if row.naam == PERSONAS[8].naam:
                win.select_client(row.id)
        win._load_pending_client()
        letter = BriefDialog(win, win.ctx, win.melding.id, "bezwaarschrift")
        letter.fields["gronden"].setPlainText(
            "De gemeente heeft niet onderzocht wat mijn dochter echt kan doen. Zij werkt "
            "fulltime en woont niet bij mij in huis."
        )
        letter.resize(1280, 800)
        letter.show()
        letter.refresh()
        app.processEvents()
        fourth = ROOT / "docs" / "brief.png"
        letter.grab().save(str(fourth))
        print(f"wrote {fourth}")
        letter.done(0)
        win.close()
        vault.lock()


if __name__ == "__main__":
    main()
