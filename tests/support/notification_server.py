"""A desktop's notification server on a private D-Bus session bus, for the tray's notifications.

Runs `dbus-daemon --session` of its own (the tests never touch the machine's session bus) and, on a
thread, answers as `org.freedesktop.Notifications` does: `GetCapabilities` with the capabilities
given, `Notify` recorded (its summary and body) and answered with an id. With `tray=True` it also
owns `org.kde.StatusNotifierWatcher`, the name Qt looks for before it sends a tray's messages there.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from jeepney import HeaderFields, MessageType, message_bus, new_method_return
from jeepney.io.blocking import DBusConnection, open_dbus_connection

NOTIFICATIONS = "org.freedesktop.Notifications"
WATCHER = "org.kde.StatusNotifierWatcher"


@dataclass
class NotificationServer:
    address: str
    capabilities: list[str]
    notes: list[tuple[str, str]] = field(default_factory=list)  # (summary, body) of each Notify


def _serve(connection: DBusConnection, server: NotificationServer) -> None:
    while True:
        try:
            message = connection.receive()
        except Exception:  # the bus went away: the test is over
            return
        if message.header.message_type != MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        if member == "GetCapabilities":
            connection.send(new_method_return(message, "as", (server.capabilities,)))
        elif member == "Notify":
            _app, _replaces, _icon, summary, body, *_ = message.body
            server.notes.append((summary, body))
            connection.send(new_method_return(message, "u", (len(server.notes),)))


@contextmanager
def notification_server(capabilities: list[str], *, tray: bool = True) -> Iterator[NotificationServer]:
    daemon = shutil.which("dbus-daemon")
    assert daemon, "dbus-daemon is missing: .ci/run installs it (package dbus-daemon)"
    bus = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        connection = open_dbus_connection(bus=address)
        for name in (NOTIFICATIONS, WATCHER) if tray else (NOTIFICATIONS,):
            connection.send_and_get_reply(message_bus.RequestName(name))
        server = NotificationServer(address, capabilities)
        thread = threading.Thread(target=_serve, args=(connection, server), daemon=True)
        thread.start()
        try:
            yield server
        finally:
            connection.close()
    finally:
        bus.terminate()
        bus.wait(timeout=10)
