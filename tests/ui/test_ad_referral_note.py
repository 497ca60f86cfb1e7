"""Where a customer's message came from: the shop's Click-to-WhatsApp ad, or another chat (forwarded)."""

from __future__ import annotations

from typing import Any

from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.window_waits import load_chats, settle
from tests.support.wire_events import message_event
from ui.chat_list_model import ChatRole

# As Meta sends it on the first message after a tap on the ad (Cloud API's `referral`).
REFERRAL = {
    "source_url": "https://fb.me/3cr4Wqqkv",
    "source_id": "120201234567890",
    "source_type": "ad",
    "headline": "겨울 셔츠 30% 할인",
    "body": "지금 WhatsApp으로 문의하세요",
    "media_type": "image",
    "image_url": "https://scontent.xx.fbcdn.net/v/ad.jpg",
    "ctwa_clid": "ARAkLkA8rmlFeiCktEJQ",
}


def test_the_first_message_from_an_ad_names_the_ad_above_her_words(window: Any, qtbot: Any) -> None:
    event = message_event(content="광고 보고 연락드려요", wa_id="821011110015", name="광고손님")
    event["message"]["referral"] = REFERRAL
    later = message_event(content="M 사이즈 있나요?", wa_id="821011110015", name="광고손님")
    later["message"]["timestamp"] = str(int(later["message"]["timestamp"]) + 60)
    with window.ctx.db.write() as s:
        apply_events(s, [read_event(event), read_event(later)], None)
    load_chats(window, qtbot)
    contact_id = window.chat_list.model.index(0).data(ChatRole.CONTACT_ID)
    assert window.chat_list.select_contact(contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 2)
    settle(qtbot)
    width = float(view.viewport().width())
    first = view.bubbles.geometry(view.chat_model.index(0), width)
    second = view.bubbles.geometry(view.chat_model.index(1), width)
    assert first.note_text == "Sent from your ad: 겨울 셔츠 30% 할인"
    assert first.text == "광고 보고 연락드려요"  # her words as she wrote them, under the note
    assert second.note_text == ""  # only the message that came from the ad


def test_a_forwarded_message_says_forwarded_above_its_words(window: Any, qtbot: Any) -> None:
    once = message_event(content="이 가방 있어요?", wa_id="821011110060", name="전달손님")
    once["message"]["context"] = {"forwarded": True}  # as Cloud API marks it: no quoted id
    often = message_event(content="공동구매 링크 공유해요", wa_id="821011110060", name="전달손님")
    often["message"]["timestamp"] = str(int(often["message"]["timestamp"]) + 60)
    often["message"]["context"] = {"frequently_forwarded": True}
    with window.ctx.db.write() as s:
        apply_events(s, [read_event(once), read_event(often)], None)
    load_chats(window, qtbot)
    assert window.chat_list.select_contact(window.chat_list.model.index(0).data(ChatRole.CONTACT_ID))
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 2)
    settle(qtbot)
    width = float(view.viewport().width())
    geos = [view.bubbles.geometry(view.chat_model.index(i), width) for i in range(2)]
    assert [(g.note_text, g.text, g.quote_rect) for g in geos] == [
        ("Forwarded", "이 가방 있어요?", None),
        ("Forwarded many times", "공동구매 링크 공유해요", None),
    ]
