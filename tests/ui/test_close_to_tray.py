"""Closing the window while it keeps running in the tray: hidden, still notifying, back from the tray."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QSystemTrayIcon

from app.settings import load_preferences
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats, sync_batch
from tests.ui.test_settings_dialog import save_button

# The offscreen platform has no tray to watch (a real one exists on Windows, macOS, KDE, XFCE).
NO_TRAY_HERE = pytest.mark.qt_log_ignore("^This plugin does not support ", "systemTrayWindowChanged")


class TitleBarClose(QCloseEvent):
    """The close the window system sends for the title bar's × (Qt marks it spontaneous)."""

    def spontaneous(self) -> bool:
        return True


@pytest.fixture
def tray(monkeypatch: Any) -> Iterator[list[str]]:
    """A desktop with a tray; the titles of the messages it shows."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    shown: list[str] = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda _tray, title, *_rest: shown.append(title))
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda _widget, _msecs=0: None))
    yield shown
    QApplication.setQuitOnLastWindowClosed(True)  # as every other test expects it


def inbox(ctx: Any, qtbot: Any) -> Any:
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    def finish(w: Any) -> None:
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
        w.shutdown()

    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=finish)
    window.show()
    qtbot.waitExposed(window)
    return window


@NO_TRAY_HERE
def test_closing_the_window_keeps_the_app_in_the_tray_and_still_notifies(
    ctx: Any, qtbot: Any, tray: list[str], english: None
) -> None:
    with ctx.db.write() as s:
        customer = make_contact(s, profile_name="Mina")
        make_message(s, customer, "hello", sent_at=BASE_TIME, unread=False)
        customer_id = customer.id
    ctx.prefs["close_to_tray"] = True
    window = inbox(ctx, qtbot)
    load_chats(window, qtbot)
    notes: list[str] = []
    window.notifier.notified.connect(lambda _cid, _title, text: notes.append(text))

    closing = TitleBarClose()
    window.closeEvent(closing)
    assert not closing.isAccepted() and not window.isVisible()
    # Closing the order board now, the only window left on screen, does not end the app.
    assert not QApplication.quitOnLastWindowClosed()
    assert tray == ["Shop Inbox is still running"]  # where it went, once a run
    window.closeEvent(TitleBarClose())
    assert tray == ["Shop Inbox is still running"]

    with ctx.db.write() as s:
        make_message(
            s, s.get(type(customer), customer_id), "젤네일 예약돼요?", sent_at=BASE_TIME + timedelta(days=1)
        )
    sync_batch(window, qtbot, {customer_id})
    assert notes == ["젤네일 예약돼요?"]

    assert window.notifier.tray is not None
    window.notifier.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert window.isVisible() and QApplication.quitOnLastWindowClosed()


@NO_TRAY_HERE
def test_closing_the_window_quits_until_the_owner_chooses_the_tray(
    ctx: Any, qtbot: Any, tray: list[str], english: None
) -> None:
    from ui.settings_dialog import SettingsDialog

    window = inbox(ctx, qtbot)
    closing = TitleBarClose()
    window.closeEvent(closing)
    assert closing.isAccepted() and tray == []

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    save = save_button(dialog)
    qtbot.waitUntil(save.isEnabled, timeout=5000)
    assert dialog.close_to_tray.isEnabled() and not dialog.close_to_tray.isChecked()
    assert dialog.close_to_tray.text() == (
        "Keep notifying from the tray when the window is closed (&quit from the tray icon's menu)"
    )
    dialog.close_to_tray.setChecked(True)
    save.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    with ctx.db.read() as s:
        assert load_preferences(s).close_to_tray
    assert ctx.prefs["close_to_tray"] is True


def test_without_a_tray_the_choice_is_off_and_says_why(ctx: Any, qtbot: Any, english: None) -> None:
    """GNOME has no tray: a hidden window could not be found again, so closing always quits."""
    from ui.settings_dialog import SettingsDialog

    assert not QSystemTrayIcon.isSystemTrayAvailable()  # the offscreen platform
    ctx.prefs["close_to_tray"] = True
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.close_to_tray.isEnabled() and not dialog.close_to_tray.isChecked()
    assert dialog.close_to_tray.toolTip() == "This desktop has no tray: closing the window quits."
