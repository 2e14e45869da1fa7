"""The one explicit context passed to every window after unlock, and its parts.

``AppContext`` holds the vault, the settings, the operation runner and the one
change signal. There is no module-level database object and nothing is fetched
from ``QApplication.instance()``.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ondersteuner.settings import Settings
from ondersteuner.vault import Vault


@dataclass(frozen=True)
class Changes:
    """What changed; each screen refreshes only what it shows."""

    clients: bool = False
    contactpersonen: bool = False
    meldingen: bool = False
    gebeurtenissen: bool = False
    gemeenten: bool = False
    termijnen: bool = False
    instellingen: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in fields(cls)})


class ChangeBus(QObject):
    """The single typed change signal of the app."""

    changed = Signal(object)  # Changes

    def emit(self, changes: Changes) -> None:
        self.changed.emit(changes)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.args, self.relay = fn, args, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except BaseException as exc:
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._deliver(self.relay.failed, exc)
        else:
            self._deliver(self.relay.done, result)

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the receiver was closed meanwhile (app quitting): nothing to tell


class Runner(QObject):
    """Runs slow operations on one worker thread; results arrive on the UI thread.

    One thread only, so database work never races itself (each operation still
    opens its own session; sessions are never shared between threads).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        @Slot(object)
        def done(result: Any) -> None:
            self._relays.discard(relay)
            if on_done:
                on_done(result)

        @Slot(object)
        def failed(exc: BaseException) -> None:
            self._relays.discard(relay)
            if on_error:
                on_error(exc)

        relay.done.connect(done)
        relay.failed.connect(failed)
        self.pool.start(_Job(fn, args, relay))

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


@dataclass
class AppContext:
    """Everything a window needs, passed explicitly."""

    vault: Vault
    settings: Settings
    data_dir: Path
    bus: ChangeBus
    runner: Runner
    demo: bool = False

    def notify(self, changes: Changes) -> None:
        self.bus.emit(changes)
