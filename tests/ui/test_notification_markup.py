"""A customer's words in a tray notification read as written, on a desktop whose notification server
reads markup (KDE Plasma and the others that advertise `body-markup`): no bold, no link she did not write."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from app.conversation_rows import ConversationRow
from tests.support.notification_server import notification_server
from ui.notification_markup import NotificationMarkup
from ui.notifications import Notifier

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="D-Bus notifications are Linux's"
)

CUSTOMER = 'Is the <b>trench coat</b> in stock? M&S has it <a href="https://evil.example">here</a>'
ESCAPED = 'Is the &lt;b&gt;trench coat&lt;/b&gt; in stock? M&amp;S has it &lt;a href="https://evil.example"&gt;here&lt;/a&gt;'
_names = itertools.count()


@pytest.fixture
def bus_for() -> Iterator[Any]:
    from PySide6.QtDBus import QDBusConnection

    names: list[str] = []

    def connect(address: str) -> QDBusConnection:
        names.append(f"notification-test-{next(_names)}")
        bus = QDBusConnection.connectToBus(address, names[-1])
        assert bus.isConnected()
        return bus

    yield connect
    for name in names:
        QDBusConnection.disconnectFromBus(name)


def markup_on(qtbot: Any, bus: Any) -> NotificationMarkup:
    markup = NotificationMarkup(bus=bus)
    with qtbot.waitSignal(markup.known, timeout=5000):
        pass
    return markup


def test_a_server_that_reads_markup_gets_the_text_escaped(qtbot: Any, bus_for: Any) -> None:
    with notification_server(["body", "body-markup", "actions"]) as server:
        markup = markup_on(qtbot, bus_for(server.address))
        assert markup.escapes
        assert markup.body(CUSTOMER) == ESCAPED


def test_a_server_without_markup_gets_the_text_as_written(qtbot: Any, bus_for: Any) -> None:
    """Escaping there would show "M&amp;S"."""
    with notification_server(["body", "actions"]) as server:
        markup = markup_on(qtbot, bus_for(server.address))
        assert not markup.escapes
        assert markup.body(CUSTOMER) == CUSTOMER


def test_qts_own_balloon_gets_the_text_as_written(qtbot: Any, bus_for: Any) -> None:
    """No StatusNotifier watcher on the bus: Qt's tray is an XEmbed icon whose balloon shows plain text."""
    with notification_server(["body", "body-markup"], tray=False) as server:
        markup = markup_on(qtbot, bus_for(server.address))
        assert not markup.escapes
        assert markup.body(CUSTOMER) == CUSTOMER


class RecordingTray(QSystemTrayIcon):
    """The tray icon Qt would give on a desktop with a tray (the offscreen platform has none)."""

    def __init__(self) -> None:
        super().__init__(QIcon())
        self.shown: list[tuple[str, str]] = []

    def showMessage(self, title: str, msg: str, *args: Any) -> None:  # type: ignore[override]
        self.shown.append((title, msg))


def test_a_customers_message_reaches_the_notification_escaped(qtbot: Any, bus_for: Any) -> None:
    with notification_server(["body", "body-markup"]) as server:
        window = QWidget()
        qtbot.addWidget(window)
        markup = markup_on(qtbot, bus_for(server.address))
        told = Notifier(window, {"notifications": True}, is_window_active=lambda: False, markup=markup)
        told.tray = tray = RecordingTray()
        now = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
        row = ConversationRow(
            contact_id=7,
            wa_id="821012345678",
            display_name="<i>Daniel</i>",
            profile_name=None,
            saved_name=None,
            pinned=False,
            archived=False,
            blocked=False,
            unread_count=1,
            last_inbound_at=now,
            last_message_at=now,
            last_message_id=1,
            last_body=CUSTOMER,
            last_kind="text",
            last_direction="in",
            last_status=None,
            labels=(),
        )
        told.conversations_changed([(None, row)])
        assert tray.shown == [("<i>Daniel</i>", ESCAPED)]  # the title is plain text by the specification
