"""A customer's message that comes late (WhatsApp's earlier time on it: Meta delivered it late, or the
laptop caught up after sleeping) is told with its own words, even before a reply the shop already
sent; and the first message to a number the shop had not heard from yet is told, naming it."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QWidget

from app.business_numbers import remember_business_numbers
from tests.support.relay_server import RunningRelay, inbound
from tests.support.window_waits import settle
from tests.ui.test_notification_burst import row
from tests.ui.test_reaction_notifications import connect, from_the_phone, told
from ui import notifications
from ui.notifications import Notifier

GANGNAM, HONGDAE = "100000000000001", "100000000000002"
SEOYUN, JIHO = "821055550007", "821055550008"
Note = tuple[int, str, str]
REPLY = {"body": "네 있습니다"}


def written(text: str, timestamp: int, sender: str = SEOYUN, name: str = "한서윤") -> dict[str, Any]:
    """The customer's message, sent at `timestamp` (to the shop's first number)."""
    return inbound(content=text, sender=sender, name=name, timestamp=timestamp)


def to_number(payload: dict[str, Any], number: str, display: str) -> dict[str, Any]:
    """The same webhook, for the business number `number` (dialled as `display`)."""
    metadata = payload["entry"][0]["changes"][0]["value"]["metadata"]
    metadata["phone_number_id"], metadata["display_phone_number"] = number, display
    return payload


def first_row(window: Any, qtbot: Any, last_direction: str) -> Any:
    model = window.chat_list.model
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.row_at(0).last_direction == last_direction, timeout=15000
    )
    settle(qtbot)
    return model.row_at(0)


def test_a_late_message_is_told_with_its_own_words_not_the_chats_newest(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    connect(window, relay)
    now = int(time.time())
    relay.post_webhook(written("네 감사합니다", now))
    first_row(window, qtbot, "in")
    notes = told(window)

    # Written an hour ago, delivered only now: her chat's newest message is still "네 감사합니다".
    relay.post_webhook(written("어제 주문한 니트 취소할게요", now - 3600))
    qtbot.waitUntil(lambda: bool(notes), timeout=15000)
    assert notes[0][2] == "어제 주문한 니트 취소할게요"
    assert window.chat_list.model.row_at(0).last_body == "네 감사합니다"


def test_a_late_message_before_the_shops_reply_is_told(window: Any, qtbot: Any, relay: RunningRelay) -> None:
    connect(window, relay)
    now = int(time.time())
    relay.post_webhook(written("니트 재고 있나요?", now - 600))
    relay.post_webhook(from_the_phone(SEOYUN, "text", REPLY)[0])  # now
    row = first_row(window, qtbot, "out")
    assert row.unread_count == 0  # answered from the phone: nothing waits
    notes = told(window)

    # Written before the shop's reply, delivered after it: the owner never saw it.
    relay.post_webhook(written("혹시 베이지색도 있어요?", now - 400))
    qtbot.waitUntil(lambda: bool(notes), timeout=15000)
    settle(qtbot)
    assert notes == [(row.contact_id, "한서윤", "혹시 베이지색도 있어요?")]


def test_a_late_message_before_the_reply_keeps_its_words_hidden_without_previews(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    window.ctx.prefs["notification_previews"] = False
    connect(window, relay)
    now = int(time.time())
    relay.post_webhook(written("니트 재고 있나요?", now - 600))
    relay.post_webhook(from_the_phone(SEOYUN, "text", REPLY)[0])  # now
    first_row(window, qtbot, "out")
    notes = told(window)

    relay.post_webhook(written("혹시 베이지색도 있어요?", now - 400))
    qtbot.waitUntil(lambda: bool(notes), timeout=15000)
    assert [(title, text) for _cid, title, text in notes] == [("한서윤", "New message")]


def test_the_first_message_to_a_new_number_is_told_with_it_and_its_chip_appears(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    with window.ctx.db.write() as s:  # the shop's one number so far (Gangnam)
        remember_business_numbers(s, [(GANGNAM, "8225550101")])
    connect(window, relay)
    now = int(time.time())
    relay.post_webhook(to_number(written("강남점 영업하나요?", now), GANGNAM, "8225550101"))
    first_row(window, qtbot, "in")
    chip = window.chat_list.number_chip
    assert chip.isHidden()  # one number: nothing to choose
    notes = told(window)

    # The shop's second branch starts receiving: another customer writes to it.
    first = to_number(written("홍대점 몇 시까지 해요?", now + 1, JIHO, "박지호"), HONGDAE, "8225550202")
    relay.post_webhook(first)
    qtbot.waitUntil(lambda: bool(notes), timeout=15000)
    assert [(title, text) for _cid, title, text in notes] == [
        ("박지호 · to your number 02-555-0202", "홍대점 몇 시까지 해요?")
    ]
    qtbot.waitUntil(lambda: not chip.isHidden(), timeout=5000)  # no restart needed
    assert [c.phone_number_id for c in chip.numbers.choices] == [GANGNAM, HONGDAE]
    settle(qtbot)
    assert len(notes) == 1  # told once, though the list read its page again


def test_a_new_number_is_said_to_a_screen_reader_while_the_window_is_in_front(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    """No notification while the owner looks at the window: the number chip appearing is the news,
    and a screen reader hears it too; the chip keeps saying why it came until she picks a number."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication

    from ui.announce import announcements

    with window.ctx.db.write() as s:
        remember_business_numbers(s, [(GANGNAM, "8225550101")])
    window.chat_list.read_numbers(then=lambda: None)  # as a start reads them
    qtbot.waitUntil(lambda: window.chat_list.known_numbers == {GANGNAM})
    connect(window, relay)
    now = int(time.time())
    relay.post_webhook(to_number(written("강남점 영업하나요?", now), GANGNAM, "8225550101"))
    first_row(window, qtbot, "in")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    said: list[str] = []
    announcements().said.connect(said.append)

    relay.post_webhook(
        to_number(written("홍대점 몇 시까지 해요?", now + 1, JIHO, "박지호"), HONGDAE, "8225550202")
    )
    news = (
        "A customer wrote to your number 02-555-0202 for the first time. "
        "Ctrl+5 chooses whose chats the list shows."
    )
    qtbot.waitUntil(lambda: news in said, timeout=15000)
    chip = window.chat_list.number_chip
    assert chip.isVisible()
    spoken = QAccessible.queryAccessibleInterface(chip)
    assert spoken is not None
    assert spoken.text(QAccessible.Text.Name) == "Chats to all your numbers"
    assert spoken.text(QAccessible.Text.Description) == news
    settle(qtbot)
    assert said.count(news) == 1  # once, though the list read its page again

    chip.choose(HONGDAE)  # she looked: the chip says what it does again
    assert spoken.text(QAccessible.Text.Description).startswith("Lists the chats to one of your")


def test_a_chat_written_to_long_ago_is_not_told_when_a_campaign_changes_its_row(
    qtbot: Any, monkeypatch: Any
) -> None:
    """A night's catch-up said she wrote, and her row never came (a chat beyond the list's): when a
    campaign's send changes her row much later, her old unread message is not news again."""
    window = QWidget()
    qtbot.addWidget(window)
    notifier = Notifier(window, {"notifications": True}, is_window_active=lambda: False)
    notes: list[Note] = []
    notifier.notified.connect(lambda cid, title, text: notes.append((cid, title, text)))
    sent = replace(row(7, 1), last_direction="out", last_sent_by="campaign", arrived_kind="text")

    notifier.customers_wrote(frozenset({7}))
    monkeypatch.setattr(notifications, "WRITTEN_FRESH_S", 0.0)  # long ago
    notifier.conversations_changed([(None, sent)])
    assert notes == []

    monkeypatch.setattr(notifications, "WRITTEN_FRESH_S", 60.0)
    notifier.customers_wrote(frozenset({7}))  # she writes, late: before the campaign's send
    notifier.conversations_changed([(None, replace(sent, arrived_body="쿠폰 아직 되나요?"))])
    assert [text for _cid, _title, text in notes] == ["쿠폰 아직 되나요?"]


def test_the_very_first_message_a_new_inbox_gets_is_told(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    """A fresh install: its first message also teaches it the shop's number (the list reads its
    page again for it), and is told as any other."""
    notes = told(window)
    connect(window, relay)
    relay.post_webhook(written("처음 문의드려요", int(time.time())))
    qtbot.waitUntil(lambda: bool(notes), timeout=15000)
    settle(qtbot)
    assert [(title, text) for _cid, title, text in notes] == [("한서윤", "처음 문의드려요")]
