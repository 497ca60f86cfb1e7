"""A catch-up after the laptop slept: a few chats are told one by one, a burst becomes one summary."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from app.conversation_rows import ConversationRow
from app.queries import Arrival
from ui.notifications import SINGLE_NOTIFICATIONS_MAX, Notifier

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
Change = tuple[ConversationRow | None, ConversationRow]  # (before, after), as a sync batch tells


def row(contact_id: int, unread: int, minutes: int = 0) -> ConversationRow:
    return ConversationRow(
        contact_id=contact_id,
        wa_id=f"8210{contact_id:08d}",
        display_name=f"손님 {contact_id}",
        profile_name=None,
        saved_name=None,
        pinned=False,
        archived=False,
        blocked=False,
        unread_count=unread,
        last_inbound_at=NOW + timedelta(minutes=minutes),
        last_message_at=NOW + timedelta(minutes=minutes),
        last_message_id=contact_id,
        last_body="안녕하세요",
        last_kind="text",
        last_direction="in",
        last_status=None,
        labels=(),
    )


def notifier(qtbot: Any) -> tuple[Notifier, list[tuple[int, str, str]]]:
    window = QWidget()
    qtbot.addWidget(window)
    told = Notifier(window, {"notifications": True}, is_window_active=lambda: False)
    notes: list[tuple[int, str, str]] = []
    told.notified.connect(lambda cid, title, text: notes.append((cid, title, text)))
    return told, notes


def test_a_catch_up_of_many_chats_becomes_one_summary(qtbot: Any) -> None:
    told, notes = notifier(qtbot)
    # Five synced pages of 40 chats each, as a night's backlog arrives.
    for page in range(5):
        batch: list[Change] = [(None, row(page * 40 + i, 2, minutes=page * 40 + i)) for i in range(40)]
        told.conversations_changed(batch)
    assert len(notes) == SINGLE_NOTIFICATIONS_MAX  # the first chats, told at once
    with qtbot.waitSignal(told.notified, timeout=5000):
        pass  # the summary, once the pages stop arriving
    assert len(notes) == SINGLE_NOTIFICATIONS_MAX + 1
    cid, title, text = notes[-1]
    assert title == "Shop Inbox" and text == "396 new messages in 198 more chats"
    assert cid == 199  # a click opens the newest of them


def test_chats_beyond_the_list_join_the_summary(qtbot: Any) -> None:
    """A catch-up's chats that the list does not show come as arrivals, not rows: counted in the summary."""
    told, notes = notifier(qtbot)
    batch: list[Change] = [(None, row(i, 1, minutes=i)) for i in range(3)]
    beyond = [Arrival(100 + i, 3, NOW - timedelta(days=1, minutes=i)) for i in range(50)]
    told.conversations_changed(batch, beyond)
    assert len(notes) == SINGLE_NOTIFICATIONS_MAX
    with qtbot.waitSignal(told.notified, timeout=5000):
        pass
    cid, _title, text = notes[-1]
    assert text == "151 new messages in 51 more chats"
    assert cid == 2  # the newest chat of the summary is one the list shows


def test_one_customer_writing_is_told_at_once_every_time(qtbot: Any) -> None:
    told, notes = notifier(qtbot)
    told.conversations_changed([(None, row(7, 1))])
    assert [(cid, text) for cid, _title, text in notes] == [(7, "안녕하세요")]
    told.conversations_changed([(row(7, 1), row(7, 2, minutes=1))])
    assert len(notes) == 2 and notes[-1][1] == "손님 7 (2 messages)"


def test_campaigns_the_numbers_quality_stopped_are_told_once_together(qtbot: Any, english: None) -> None:
    told, _notes = notifier(qtbot)
    campaigns: list[tuple[int, str, str]] = []
    told.campaign_told.connect(lambda cid, title, text: campaigns.append((cid, title, text)))
    clicked: list[int] = []
    told.campaign_requested.connect(clicked.append)
    why = "the number's quality dropped"

    told.campaigns_stopped([(7, "봄 세일", why), (9, "재입고 알림", why), (12, "VIP 쿠폰", why)])

    assert campaigns == [
        (
            7,
            "3 campaigns paused",
            "The number's quality dropped. Customers not sent yet are waiting; none failed.",
        )
    ]
    told.message_clicked()  # the tray message clicked: the campaign window opens at the first of them
    assert clicked == [7]


def test_without_a_system_tray_a_new_message_makes_the_window_ask_for_attention(
    qtbot: Any, monkeypatch: Any
) -> None:
    """GNOME has no tray: the taskbar entry flashes (GNOME says "Shop Inbox is ready") instead."""
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    alerted: list[QWidget] = []
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda widget, _msecs=0: alerted.append(widget)))
    window = QWidget()
    qtbot.addWidget(window)
    active = [True]
    told = Notifier(window, {"notifications": True}, is_window_active=lambda: active[0])
    assert told.tray is None
    told.conversations_changed([(None, row(1, 1))])
    assert alerted == []  # the owner is looking at the window
    active[0] = False
    told.conversations_changed([(row(1, 1), row(1, 2, minutes=1))])
    assert alerted == [window]


def test_a_photo_or_voice_message_is_said_in_words_in_its_notification(qtbot: Any, korean: None) -> None:
    """The chat list shows a camera beside a photo's caption; the notification has only words, so
    it says "사진:" before the caption, and a voice message with no caption is named."""
    from dataclasses import replace

    told, notes = notifier(qtbot)
    photo = replace(row(1, 1), last_kind="image", last_body="이 색상으로 네일 가능할까요?")
    told.conversations_changed([(None, photo)])
    voice = replace(row(2, 1), last_kind="audio", last_body="")
    told.conversations_changed([(None, voice)])
    assert [text for _cid, _title, text in notes] == ["사진: 이 색상으로 네일 가능할까요?", "오디오"]


def test_clicking_a_notification_brings_a_maximized_window_back_maximized(qtbot: Any) -> None:
    """The owner works with the inbox maximized and minimizes it to edit photos: a notification's click
    brought it back at its smaller normal size, the chat list squeezed into a corner."""
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    told = Notifier(window, {"notifications": True}, is_window_active=lambda: False)
    opened: list[int] = []
    told.chat_requested.connect(opened.append)
    told.conversations_changed([(None, row(4, 1))])

    told.message_clicked()
    assert window.isMaximized() and not window.isMinimized() and window.isVisible()
    assert opened == [4]


# The offscreen platform has no tray to watch (a real one exists on Windows, macOS, KDE, XFCE).
@pytest.mark.qt_log_ignore("^This plugin does not support ", "systemTrayWindowChanged")
def test_with_a_tray_the_taskbar_entry_still_flashes_until_the_owner_looks(
    qtbot: Any, monkeypatch: Any
) -> None:
    """The tray's message is gone after 8 seconds while she edits photos: the taskbar entry keeps
    asking for attention (Windows flashes it orange) so a missed message is still seen."""
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    shown: list[str] = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda _tray, title, *_rest: shown.append(title))
    alerted: list[QWidget] = []
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda widget, _msecs=0: alerted.append(widget)))
    window = QWidget()
    qtbot.addWidget(window)
    told = Notifier(window, {"notifications": True}, is_window_active=lambda: False)
    assert told.tray is not None

    told.conversations_changed([(None, row(3, 1))])
    assert shown == ["손님 3"] and alerted == [window]
    told.hide()


@pytest.mark.qt_log_ignore("^This plugin does not support ", "systemTrayWindowChanged")
def test_the_tray_icons_right_click_opens_its_menu_without_raising_the_window(
    qtbot: Any, monkeypatch: Any
) -> None:
    """Right-clicking the tray icon for its menu also pulled the minimized inbox over the photo
    editor; the menu had no way to quit. A left click still brings the window forward."""
    from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    quits: list[bool] = []
    told = Notifier(window, {"notifications": True}, quit_app=lambda: quits.append(True))
    assert told.tray is not None
    menu = told.tray.contextMenu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["Show Shop Inbox", "Quit Shop Inbox"]

    told.tray.activated.emit(QSystemTrayIcon.ActivationReason.Context)
    assert window.isMinimized()
    told.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert not window.isMinimized() and window.isVisible()
    menu.actions()[-1].trigger()
    assert quits == [True]
    told.hide()


def test_a_long_message_is_cut_at_a_word_with_an_ellipsis_in_its_notification(qtbot: Any) -> None:
    """A long question was cut mid-word with nothing to say it went on ("...보내주시면 감사하겠습")."""
    from dataclasses import replace

    told, notes = notifier(qtbot)
    long = "안녕하세요 " + "젤네일 디자인 상담 예약하고 싶어요 " * 10
    told.conversations_changed([(None, replace(row(1, 1), last_body=long))])
    text = notes[0][2]
    assert text.endswith("…") and len(text) <= 120
    assert long.startswith(text[:-1]) and long[len(text) - 1] == " "  # a whole word before the "…"


def test_a_notification_keeps_an_arabic_name_and_a_thai_message_whole(qtbot: Any) -> None:
    """An Arabic name before "(3 messages)" took the parenthesis and the number into its own
    right-to-left run; a Thai message, which has no spaces, was cut inside a letter's vowel mark
    and an emoji row inside a flag."""
    from dataclasses import replace

    told, notes = notifier(qtbot)
    thai = "สวัสดีครับ" * 20  # no space to cut at
    told.conversations_changed([(None, replace(row(1, 3), display_name="محمد العلي", last_body=thai))])
    told.conversations_changed([(None, replace(row(2, 1), last_body="🇰🇷" * 100))])
    (_, title, text), (_, _, flags) = notes
    assert title == "\u2068محمد العلي\u2069 (3 messages)"  # isolated: the name keeps its own direction
    assert text.endswith("…") and thai.startswith(text[:-1])
    # Cut before a letter: the mark that followed the last letter shown is not left out.
    assert not unicodedata.category(thai[len(text) - 1]).startswith("M")
    assert flags.endswith("…") and len(flags[:-1]) % 2 == 0 and set(flags[:-1]) == {"🇰", "🇷"}


def test_a_photos_arabic_caption_does_not_carry_its_label_along(qtbot: Any) -> None:
    from dataclasses import replace

    told, notes = notifier(qtbot)
    told.conversations_changed([(None, replace(row(1, 1), last_kind="image", last_body="هل هذا متوفر؟ 42"))])
    assert notes[0][2] == "Photo: \u2068هل هذا متوفر؟ 42\u2069"


def test_a_shop_with_two_numbers_is_told_which_one_the_customer_wrote_to(korean: None, qtbot: Any) -> None:
    """Seo-yeon's two branches each have a number: a notification named the customer only, so she could
    not tell whether the Seongsu or the Hongdae shop was asked."""
    import dataclasses

    told, notes = notifier(qtbot)
    told.conversations_changed([(None, dataclasses.replace(row(1, 1), business_number="+82 2-555-0202"))])
    told.conversations_changed([(None, row(2, 1))])  # a shop with one number: nothing added
    assert [title for _cid, title, _text in notes] == ["손님 1 · 매장 번호 02-555-0202", "손님 2"]
