"""What the chat pane says while no chat is open: "pick a chat on the left" only when one is there;
over an empty inbox, what will appear there, or that a relay must be set up first."""

from __future__ import annotations

from typing import Any

from tests.support.factories import make_contact, make_message
from tests.support.relay_server import RunningRelay, inbound

PICK = "Pick a chat on the left"


def test_over_an_empty_inbox_with_no_relay_the_pane_says_to_set_one_up(window: Any, qtbot: Any) -> None:
    window.start_sync()  # no relay address in the preferences
    pane = window.chat
    qtbot.waitUntil(lambda: "no relay is set up" in pane.empty.text(), timeout=10000)
    assert PICK not in pane.empty.text()
    # The menu path read "File ▸ Settings…: your customers'…", its ellipsis running into a colon.
    assert "Set up your relay in File ▸ Settings. Your customers'" in pane.empty.text()
    assert "…" not in pane.empty.text()


def test_with_no_relay_the_empty_chat_list_does_not_promise_that_customers_chats_arrive(
    window: Any, qtbot: Any
) -> None:
    """The list said "when a customer writes, the chat appears here" beside a pane saying none can."""
    window.start_sync()  # no relay address in the preferences
    qtbot.waitUntil(lambda: "no relay is set up" in window.chat.empty.text(), timeout=10000)
    note = window.chat_list.empty_note
    qtbot.waitUntil(note.isVisible, timeout=10000)
    assert note.text().startswith("No chats yet.")
    assert "appears" not in note.text() and "When a customer writes" not in note.text()
    assert "Import chat from phone" in note.text()  # what the owner can do meanwhile


def test_over_an_empty_inbox_the_pane_says_what_will_appear_until_a_customer_writes(
    window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    pane = window.chat
    qtbot.waitUntil(
        lambda: pane.empty.text().startswith("No chats yet. When a customer writes"), timeout=10000
    )
    assert "relay" not in pane.empty.text()
    assert "send your shop's WhatsApp number a message from another phone" in pane.empty.text()

    relay.post_webhook(inbound(content="안녕하세요, 주문할게요", sender="821055550001", name="이서연"))
    qtbot.waitUntil(lambda: pane.empty.text().startswith(PICK), timeout=10000)
    assert window.chat_list.model.rowCount() == 1


def test_over_a_filter_with_no_chat_in_it_the_pane_says_the_list_is_empty(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        make_message(
            s, make_contact(s, wa_id="821055550002", profile_name="박서준"), "감사합니다", unread=False
        )
    window.chat_list.load()
    pane = window.chat
    qtbot.waitUntil(lambda: pane.empty.text().startswith(PICK), timeout=10000)

    window.chat_list.set_filter("unread")  # everything read: the list on the left is empty
    qtbot.waitUntil(lambda: pane.empty.text() == "No chat is in the list on the left.", timeout=10000)
    window.chat_list.set_filter("all")
    qtbot.waitUntil(lambda: pane.empty.text().startswith(PICK), timeout=10000)


def test_in_korean_an_empty_inbox_says_no_chats_yet(korean: Any, window: Any, qtbot: Any) -> None:
    window.start_sync()
    pane = window.chat
    qtbot.waitUntil(lambda: pane.empty.text().startswith("아직 채팅이 없"), timeout=10000)
    assert "릴레이" in pane.empty.text() and "왼쪽에서 채팅을 선택" not in pane.empty.text()
    assert "파일\xa0▸\xa0설정에서 릴레이를 설정하면" in pane.empty.text() and "…" not in pane.empty.text()


def test_the_empty_inbox_words_keep_a_readable_measure_centred_in_the_pane(
    korean: Any, window: Any, qtbot: Any
) -> None:
    """“아직 채팅이 없어요. 릴레이를 설정하지 않아서…” ran to both edges of the pane, no margin either side."""
    from ui.chat_pane import EMPTY_MEASURE_EM

    window.start_sync()
    pane = window.chat
    label = pane.empty
    qtbot.waitUntil(lambda: label.text().startswith("아직 채팅이 없"), timeout=10000)
    measure = EMPTY_MEASURE_EM * label.fontMetrics().horizontalAdvance("M")
    for width in (796, 560):
        window.resize(width, 700)

        def centred_with_margins() -> bool:
            left = label.mapTo(pane, label.rect().topLeft()).x()
            right = pane.width() - (left + label.width())
            # As wide as the measure, or the pane less its margins: not a narrow column either.
            wide = min(measure, pane.width() - 48) - 2 <= label.width() <= measure
            return left >= 24 and right >= 24 and abs(left - right) <= 1 and wide

        qtbot.waitUntil(centred_with_margins, timeout=3000)
        assert label.isVisible() and label.height() >= label.heightForWidth(label.width())


def test_a_korean_owner_just_connected_reads_what_comes_next_whole_on_a_1280_by_720_screen(
    korean: Any, window: Any, qtbot: Any, relay: RunningRelay
) -> None:
    """Set up and connected, an empty inbox: what she waits for, and how to see it work at once
    (a message from another phone), all of it shown on a small laptop's screen."""
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.resize(1280, 720 - 30)  # the title bar's 30 pixels
    window.show()
    window.start_sync()
    pane = window.chat
    qtbot.waitUntil(lambda: "다른 휴대폰에서" in pane.empty.text(), timeout=10000)
    text = pane.empty.text()
    assert text.startswith("아직 채팅이 없어요. 고객이 WhatsApp으로 메시지를 보내면 왼쪽에 채팅이 나타나요.")
    assert "상점의 WhatsApp 번호로 메시지를 보내 보세요." in text and "릴레이" not in text
    # The words just set reach the label's height a layout pass later.
    qtbot.waitUntil(
        lambda: (
            pane.empty.isVisible() and pane.empty.heightForWidth(pane.empty.width()) <= pane.empty.height()
        )
    )
    assert pane.empty.fontMetrics().horizontalAdvance("아직 채팅이 없어요.") < pane.empty.width()


def test_with_every_chat_archived_the_pane_does_not_say_no_chats_yet(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        customer = make_contact(s, wa_id="821055550003", profile_name="최유진", archived=True)
        make_message(s, customer, "감사합니다", unread=False)
    window.chat_list.load()
    window.start_sync()
    pane = window.chat
    qtbot.waitUntil(lambda: pane.empty.text() == "No chat is in the list on the left.", timeout=10000)
    window.chat_list.set_filter("archived")
    qtbot.waitUntil(lambda: pane.empty.text().startswith(PICK), timeout=10000)
