"""A reaction in the chat list, as WhatsApp's shows it: "Reacted 👍 to “Your total is…”" as the chat's
last line while it is the newest thing in the chat; a customer's raises her chat, the shop's own does
not; neither is unread; taken back, the line is her reaction still standing, or the last message's
again. Through the real relay, the real sync engine, a real SQLite file and the real main window."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from app.conversation_rows import ConversationRow
from tests.support.relay_server import inbound
from tests.support.window_waits import settle
from tests.ui.test_reaction_notifications import (
    HAEUN,
    MINJI,
    TOTAL,
    asked_and_answered,
    connect,
    from_the_phone,
)
from ui.spoken_chat import spoken_chat


def her_reaction(target: str, emoji: str, at: int) -> dict[str, Any]:
    """이하은's reaction at `at` (an empty emoji takes it back)."""
    content = {"message_id": target, "emoji": emoji}
    return inbound("reaction", content, sender=HAEUN, name="이하은", timestamp=at)


def shop_reaction(to: str, target: str, emoji: str, at: int) -> dict[str, Any]:
    """The owner's reaction from the phone's WhatsApp Business app, as Meta echoes it."""
    echo, _wamid = from_the_phone(to, "reaction", {"message_id": target, "emoji": emoji})
    echo["entry"][0]["changes"][0]["value"]["message_echoes"][0]["timestamp"] = str(at)
    return echo


def line(window: Any, row: ConversationRow) -> str:
    """The row's second line as the list paints it (its last text)."""
    return window.chat_list.delegate.texts(row)[-1]


def test_her_reaction_is_the_chats_last_line_and_raises_it_the_shops_own_only_changes_the_line(
    window: Any, qtbot: Any, relay: Any
) -> None:
    connect(window, relay)
    haeun, _asked, total = asked_and_answered(window, qtbot, relay, HAEUN, "이하은")
    minji, her_question, _answer = asked_and_answered(window, qtbot, relay, MINJI, "박민지")
    model = window.chat_list.model
    assert model.position_of(minji) == 0  # she wrote last
    before = model.row_for(haeun)
    now = int(time.time())

    # 이하은 answers the total with 👍 a minute later.
    assert relay.post_webhook(her_reaction(total, "👍", now + 60)).status_code == 200
    qtbot.waitUntil(lambda: (row := model.row_for(haeun)) is not None and row.reaction_emoji == "👍")
    settle(qtbot)
    row = model.row_for(haeun)
    assert line(window, row).startswith("Reacted 👍 to “Your total is ₩45,000")  # was: the total
    assert model.position_of(haeun) == 0  # risen above 박민지 as new activity
    assert row.last_message_at == datetime.fromtimestamp(now + 60, UTC)  # the row's time is hers
    assert row.unread_count == before.unread_count  # a reaction is no unread message
    assert row.last_message_id == before.last_message_id  # the chat's last message is still the total
    # A screen reader hears what the row shows.
    assert "이하은, Reacted 👍 to “Your total is ₩45,000" in spoken_chat(row, datetime.now(UTC))

    # The owner's own ❤️ on 박민지's question, from the phone: her line says it, her row stays put.
    minji_before = model.row_for(minji)
    assert relay.post_webhook(shop_reaction(MINJI, her_question, "❤️", now + 120)).status_code == 200
    qtbot.waitUntil(lambda: (row := model.row_for(minji)) is not None and row.reaction_emoji == "❤️")
    settle(qtbot)
    minji_row = model.row_for(minji)
    assert line(window, minji_row).startswith("You reacted ❤️ to “")
    assert (model.position_of(haeun), model.position_of(minji)) == (0, 1)
    assert minji_row.last_message_at == minji_before.last_message_at

    # 이하은 takes her 👍 back: the line is the total again, at its time, and her chat goes back down.
    assert relay.post_webhook(her_reaction(total, "", now + 180)).status_code == 200
    qtbot.waitUntil(lambda: (row := model.row_for(haeun)) is not None and row.reaction_emoji is None)
    settle(qtbot)
    row = model.row_for(haeun)
    assert line(window, row).startswith(TOTAL[:20])
    assert row.last_message_at == before.last_message_at
    assert (model.position_of(minji), model.position_of(haeun)) == (0, 1)


def test_a_message_after_her_reaction_is_the_line_again(window: Any, qtbot: Any, relay: Any) -> None:
    connect(window, relay)
    haeun, _asked, total = asked_and_answered(window, qtbot, relay, HAEUN, "이하은")
    model = window.chat_list.model
    now = int(time.time())
    relay.post_webhook(her_reaction(total, "🙏", now + 60))
    qtbot.waitUntil(lambda: (row := model.row_for(haeun)) is not None and row.reaction_emoji == "🙏")

    # A message she sent before the reaction comes late (her phone was offline): the chat's last
    # message, though the line still says the newer reaction.
    relay.post_webhook(inbound(content="보냈어요", sender=HAEUN, name="이하은", timestamp=now + 30))
    qtbot.waitUntil(lambda: (row := model.row_for(haeun)) is not None and row.last_body == "보냈어요")
    settle(qtbot)
    row = model.row_for(haeun)
    assert row.reaction_emoji == "🙏" and line(window, row).startswith("Reacted 🙏 to")
    assert row.last_message_at == datetime.fromtimestamp(now + 60, UTC)

    relay.post_webhook(inbound(content="확인 부탁드려요", sender=HAEUN, name="이하은", timestamp=now + 90))
    qtbot.waitUntil(lambda: (row := model.row_for(haeun)) is not None and row.reaction_emoji is None)
    settle(qtbot)
    row = model.row_for(haeun)
    assert (row.last_body, line(window, row)) == ("확인 부탁드려요", "확인 부탁드려요")
    assert row.last_message_at == datetime.fromtimestamp(now + 90, UTC)


def test_her_newest_reaction_taken_back_leaves_the_one_still_standing_as_the_line(
    window: Any, qtbot: Any, relay: Any
) -> None:
    connect(window, relay)
    haeun, asked, total = asked_and_answered(window, qtbot, relay, HAEUN, "이하은")
    minji, _question, _answer = asked_and_answered(window, qtbot, relay, MINJI, "박민지")
    model = window.chat_list.model
    now = int(time.time())
    relay.post_webhook(her_reaction(total, "👍", now + 60))
    relay.post_webhook(her_reaction(asked, "🙏", now + 70))  # then 🙏 on her own question
    qtbot.waitUntil(lambda: (row := model.row_for(haeun)) is not None and row.reaction_emoji == "🙏")

    relay.post_webhook(her_reaction(asked, "", now + 80))  # she takes 🙏 back; her 👍 still stands
    qtbot.waitUntil(lambda: (row := model.row_for(haeun)) is not None and row.reaction_emoji != "🙏")
    settle(qtbot)
    row = model.row_for(haeun)
    # Was: the total as the line, at its time, and her chat back under 박민지's.
    assert line(window, row).startswith("Reacted 👍 to “Your total is ₩45,000")
    assert row.last_message_at == datetime.fromtimestamp(now + 60, UTC)
    assert (model.position_of(haeun), model.position_of(minji)) == (0, 1)


def test_her_reaction_from_her_new_number_stays_her_chats_line_once_she_is_known_to_have_moved(
    window: Any, qtbot: Any, relay: Any
) -> None:
    connect(window, relay)
    haeun, _asked, total = asked_and_answered(window, qtbot, relay, HAEUN, "이하은")
    now = int(time.time())
    new_number = "821099990016"
    # She wrote from her new phone before WhatsApp's notice that she moved reached the shop.
    relay.post_webhook(inbound(content="새 번호예요", sender=new_number, name="이하은", timestamp=now + 20))
    relay.post_webhook(inbound(content="주문 가능할까요?", sender=MINJI, name="박민지", timestamp=now + 30))
    relay.post_webhook(
        inbound(
            "reaction",
            {"message_id": total, "emoji": "👍"},
            sender=new_number,
            name="이하은",
            timestamp=now + 60,
        )
    )
    model = window.chat_list.model
    qtbot.waitUntil(lambda: (row := model.row_for(haeun)) is not None and row.reaction_emoji == "👍")
    moved, minji = (next(r.contact_id for r in model.rows() if r.wa_id == n) for n in (new_number, MINJI))

    # WhatsApp's notice, from her old number, stamped when she moved: the relay adds the contact event.
    notice = {"body": f"User 이하은 changed from {HAEUN} to {new_number}", "new_wa_id": new_number}
    notice["type"] = "user_changed_number"
    told = relay.post_webhook(inbound("system", notice, sender=HAEUN, name=None, timestamp=now + 10))
    assert told.status_code == 200
    qtbot.waitUntil(lambda: model.row_for(haeun) is None)  # her old number's chat joined the new one
    settle(qtbot)

    row = model.row_for(moved)
    assert row is not None
    # Was: "새 번호예요" at its time, under 박민지's question: her 👍 stayed with the emptied old chat.
    assert line(window, row).startswith("Reacted 👍 to “Your total is ₩45,000")
    assert row.last_message_at == datetime.fromtimestamp(now + 60, UTC)
    assert (model.position_of(moved), model.position_of(minji)) == (0, 1)
