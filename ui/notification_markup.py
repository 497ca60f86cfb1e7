"""Notification text stays plain where the desktop's notification server would read it as markup.

On Linux with a StatusNotifier tray (KDE Plasma; GNOME, XFCE and others with the usual extensions),
Qt hands a tray notification to the desktop's notification server (`org.freedesktop.Notifications`)
exactly as given, and a server that advertises `body-markup` reads the body as markup: a customer's
"<b>SALE</b>" came out bold, and `<a href="…">your order</a>` as a link in the notification — a link
the owner did not write and cannot see the address of. Where Qt takes that path (the StatusNotifier
watcher is on the session bus) and the server reads markup, the body goes escaped (`&`, `<`, `>`),
which such a server shows as the characters written. Everywhere else the text goes as it is: Windows'
and macOS' notifications and Qt's own balloon (an XEmbed tray) show plain text, and escaping there
would show "&amp;". The summary (the title) is plain text by the specification.

Both questions go to the session bus without waiting for the answers (the GUI thread never waits on
D-Bus); until they come, a Linux notification is escaped, as the common servers read markup.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    # Imported where it is used, on Linux only: the Windows and macOS builds leave QtDBus out.
    from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

log = logging.getLogger(__name__)

NOTIFICATIONS = (
    "org.freedesktop.Notifications",
    "/org/freedesktop/Notifications",
    "org.freedesktop.Notifications",
)
STATUS_NOTIFIER_WATCHER = "org.kde.StatusNotifierWatcher"


class NotificationMarkup(QObject):
    """Whether this desktop reads a tray notification's body as markup, and the body made safe for it.

    `known` is emitted once both answers are in (tests wait for it)."""

    known = Signal()

    def __init__(self, parent: QObject | None = None, bus: QDBusConnection | None = None) -> None:
        super().__init__(parent)
        self.escapes = sys.platform.startswith("linux")
        self._tray_on_bus: bool | None = None
        self._reads_markup: bool | None = None
        self._calls: list[QDBusPendingCallWatcher] = []
        if not self.escapes:
            return
        from PySide6.QtDBus import QDBusConnection, QDBusMessage

        bus = bus if bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():  # no session bus: Qt's tray (if any) is its own balloon
            self.escapes = False
            return
        owner = QDBusMessage.createMethodCall(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner"
        )
        owner.setArguments([STATUS_NOTIFIER_WATCHER])
        self._ask(bus, owner, self._tray_answered)
        self._ask(
            bus, QDBusMessage.createMethodCall(*NOTIFICATIONS, "GetCapabilities"), self._server_answered
        )

    def body(self, text: str) -> str:
        """`text` as the notification's body: escaped where the server would read markup."""
        return html.escape(text, quote=False) if self.escapes else text

    def _ask(
        self, bus: QDBusConnection, message: QDBusMessage, then: Callable[[QDBusPendingCallWatcher], None]
    ) -> None:
        from PySide6.QtDBus import QDBusPendingCallWatcher

        watcher = QDBusPendingCallWatcher(bus.asyncCall(message), self)
        watcher.finished.connect(then)
        self._calls.append(watcher)

    @staticmethod
    def _answer(watcher: QDBusPendingCallWatcher) -> object:
        from PySide6.QtDBus import QDBusMessage

        reply = watcher.reply()
        watcher.deleteLater()
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            log.debug("notification server question unanswered: %s", reply.errorName())
            return None
        return reply.arguments()[0]

    def _tray_answered(self, watcher: QDBusPendingCallWatcher) -> None:
        self._tray_on_bus = self._answer(watcher) is True
        self._decide()

    def _server_answered(self, watcher: QDBusPendingCallWatcher) -> None:
        capabilities = self._answer(watcher)
        self._reads_markup = isinstance(capabilities, list) and "body-markup" in capabilities
        self._decide()

    def _decide(self) -> None:
        if self._tray_on_bus is None or self._reads_markup is None:
            return
        self.escapes = self._tray_on_bus and self._reads_markup
        self._calls.clear()
        log.debug("tray notifications escaped: %s", self.escapes)
        self.known.emit()
