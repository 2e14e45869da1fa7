"""Entry point: arguments, the data directory, the single-instance lock, the demo.

``ondersteuner [--data-dir DIR] [--demo]``. The unlock screen shows before the
database libraries load; see DESIGN.md for the start-up budget.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ondersteuner import __version__, paths
from ondersteuner.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="ondersteuner",
        description=tr(
            "Dossiers, termijnen, gespreksnotities en brieven voor "
            "onafhankelijke cliëntondersteuners."
        ),
    )
    p.add_argument(
        "--data-dir",
        metavar="MAP",
        help=tr("map van de kluis (anders ${env} of de standaardmap)", env=paths.ENV_DATA_DIR),
    )
    p.add_argument(
        "--demo", action="store_true", help=tr("open een tijdelijke kluis met verzonnen cliënten")
    )
    p.add_argument("--version", action="version", version=f"ondersteuner {__version__}")
    return p.parse_args(argv)


def _make_demo() -> tuple[Path, str]:
    """A throwaway vault in a new temp directory, filled with fictitious clients."""
    import tempfile

    from ondersteuner.demo import demo_passphrase, fill_demo
    from ondersteuner.vault import Vault

    directory = Path(tempfile.mkdtemp(prefix="ondersteuner-demo-"))
    passphrase = demo_passphrase()
    vault = Vault(directory)
    vault.create(passphrase)
    fill_demo(vault)
    vault.lock()
    return directory, passphrase


# Benchmarks set this to measure process start → first screen painted (bench/).
BENCH_FIRST_PAINT = "ONDERSTEUNER_BENCH_FIRST_PAINT"


def _quit_on_first_paint(widget: Any) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class _Filter(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    widget._bench_filter = _Filter(widget)
    widget.installEventFilter(widget._bench_filter)


def acquire_instance_lock(data_dir: Path) -> QLockFile | None:
    """One app instance per vault: a lock file beside it, ``None`` if held elsewhere.

    A lock left by a crashed instance is recognised by its dead PID and taken over.
    """
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(data_dir / paths.LOCK_FILENAME))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(200) else None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ondersteuner")
    app.setApplicationDisplayName("ondersteuner")

    demo_dir: Path | None = None
    demo_pass: str | None = None
    if args.demo:
        demo_dir, demo_pass = _make_demo()
        data_dir = demo_dir
    else:
        data_dir = paths.data_dir(args.data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        QMessageBox.critical(
            None,
            tr("Map niet bruikbaar"),
            tr(
                "De map voor de kluis kan niet worden gemaakt: {d}\n({e})\nKies een andere map "
                "met --data-dir.",
                d=data_dir,
                e=exc.strerror or exc,
            ),
        )
        return 2

    from ondersteuner.settings import FONT_POINT_SIZE, Settings
    from ondersteuner.ui.app_font import apply_font_size

    settings = Settings.in_dir(data_dir)
    if settings.get(FONT_POINT_SIZE):
        apply_font_size(settings.get(FONT_POINT_SIZE))

    lock = acquire_instance_lock(data_dir)
    if lock is None:
        from ondersteuner.vault.errors import VaultInUse

        QMessageBox.warning(None, tr("Kluis al geopend"), str(VaultInUse()))
        return 3

    from ondersteuner.ui.controller import AppController

    controller = AppController(data_dir, settings, demo_passphrase=demo_pass)
    try:
        if not controller.start():
            return 2
        if os.environ.get(BENCH_FIRST_PAINT) and controller.dialog is not None:
            _quit_on_first_paint(controller.dialog)
        app.aboutToQuit.connect(controller.shutdown)
        return app.exec()
    finally:
        lock.unlock()
        if demo_dir is not None:
            import shutil

            shutil.rmtree(demo_dir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
