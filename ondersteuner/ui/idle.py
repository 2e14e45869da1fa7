"""Auto-lock: after idle time, and when the system suspends or the screen locks.

Idle is measured from keyboard and mouse input to this application. Suspend and
screen-lock signals are taken where the OS gives them: logind ``PrepareForSleep``
and the freedesktop/GNOME screensaver ``ActiveChanged`` over D-Bus on Linux, and
``WM_POWERBROADCAST`` / ``WM_WTSSESSION_CHANGE`` on Windows. macOS gives no such
signal to a Qt app without extra native code; there the idle timer still applies.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QEvent,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without user input while enabled."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self._last_restart = 0.0
        self.enabled = False

    def configure(self, enabled: bool, minutes: int) -> None:
        self.enabled = enabled
        self.timer.setInterval(max(1, minutes) * 60_000)
        if enabled:
            self.timer.start()
        else:
            self.timer.stop()

    def set_interval_ms(self, msecs: int) -> None:
        """For tests: a short idle time."""
        self.enabled = True
        self.timer.setInterval(msecs)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.enabled and event.type() in _INPUT_EVENTS:
            now = time.monotonic()
            # Restarting a timer on every mouse move is wasteful; 0.5 s resolution is plenty.
            if now - self._last_restart > 0.5:
                self._last_restart = now
                self.timer.start()
        return False


class SystemLockWatcher(QObject):
    """Emits ``lock_now`` when the OS reports suspend or a locked session."""

    lock_now = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._native_filter: Any = None
        if sys.platform.startswith("linux"):
            self._connect_dbus()
        elif sys.platform == "win32":
            self._install_windows_filter()

    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            system.connect(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                SLOT("on_prepare_for_sleep(bool)"),
            )
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, iface in (
                (
                    "org.freedesktop.ScreenSaver",
                    "/org/freedesktop/ScreenSaver",
                    "org.freedesktop.ScreenSaver",
                ),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
            ):
                session.connect(
                    service, path, iface, "ActiveChanged", self, SLOT("on_screensaver(bool)")
                )

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.lock_now.emit("suspend")

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.lock_now.emit("screen")

    def _install_windows_filter(self) -> None:
        watcher = self

        class _Filter(QAbstractNativeEventFilter):
            WM_POWERBROADCAST = 0x0218
            PBT_APMSUSPEND = 0x0004
            WM_WTSSESSION_CHANGE = 0x02B1
            WTS_SESSION_LOCK = 0x7

            def nativeEventFilter(self, event_type: QByteArray | bytes, message: int) -> Any:
                try:
                    import ctypes.wintypes

                    msg = ctypes.wintypes.MSG.from_address(int(message))
                    if msg.message == self.WM_POWERBROADCAST and msg.wParam == self.PBT_APMSUSPEND:
                        watcher.lock_now.emit("suspend")
                    elif (
                        msg.message == self.WM_WTSSESSION_CHANGE
                        and msg.wParam == self.WTS_SESSION_LOCK
                    ):
                        watcher.lock_now.emit("screen")
                except Exception:
                    pass
                return False, 0

        self._native_filter = _Filter()
        app = QApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._native_filter)

    def register_window(self, win_id: int) -> None:
        """Windows: ask for session lock notifications for this top-level window."""
        if sys.platform != "win32":
            return
        try:
            import ctypes

            ctypes.windll.wtsapi32.WTSRegisterSessionNotification(win_id, 0)  # type: ignore[attr-defined]
        except Exception:
            pass
