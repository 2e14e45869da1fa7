"""Run the real app's gespreksmodus in this process and type into it, steadily, until
killed. Used by the kill test: ``python -m tests.drivers.typist DATA_DIR CLIENT_ID SEED``.

Prints ``ready`` once the editor has focus, then one line per keystroke:
``<characters typed so far> <time.monotonic()>`` (flushed), so the parent knows what
had been typed by any moment.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "fiets regen koffie tafel"
INTERVAL_MS = 12  # a fast typist: ~80 characters a second


def script(seed: int, length: int = 4000) -> str:
    """The text to type: words, and a new line (a new note item) now and then."""
    rng = random.Random(seed)
    words = [
        "koken",
        "lukt",
        "niet",
        "meer",
        "dochter",
        "komt",
        "dinsdag",
        "boodschappen",
        "traplift",
        "hulp",
    ]
    out: list[str] = []
    line = 0
    while sum(map(len, out)) < length:
        word = rng.choice(words)
        out.append(word)
        line += len(word) + 1
        if line > 40:
            out.append("\n")
            line = 0
        else:
            out.append(" ")
    return "".join(out)[:length]


def main() -> None:
    data_dir, client_id, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from ondersteuner.settings import Settings
    from ondersteuner.ui.context import AppContext, ChangeBus, Runner
    from ondersteuner.ui.main_window import MainWindow
    from ondersteuner.ui.ops.startup import finish_open
    from ondersteuner.vault import Vault

    vault = Vault(data_dir)
    vault.unlock(PASSPHRASE)
    finish_open(vault)
    win = MainWindow(AppContext(vault, Settings(None), data_dir, ChangeBus(), Runner()))
    win.show()
    win.select_client(client_id)
    win._load_pending_client()
    win.acts["gesprek"].action.trigger()  # Ctrl+G, as the adviser does
    editor = win.gesprek_window.editor()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    already = len(editor.toPlainText())
    text = script(seed)
    state = {"n": 0}
    print("ready", already, flush=True)

    def type_one() -> None:
        n = state["n"]
        if n >= len(text):
            return
        ch = text[n]
        if ch == "\n":
            QTest.keyClick(editor, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(editor, ch)
        state["n"] = n + 1
        print(n + 1, time.monotonic(), flush=True)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(INTERVAL_MS)
    app.exec()


if __name__ == "__main__":
    main()
