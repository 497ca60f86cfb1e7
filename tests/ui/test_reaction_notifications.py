"""A customer's reaction reaches the owner: 👍 to the total is her answer, told while the window is
behind another, through the real relay, the real sync engine and the real notifier."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QWidget

from app.conversation_rows import ConversationRow
from app.reaction_news import ReactionNews
from tests.support.relay_server import envelope, inbound, wamid
from tests.support.window_waits import settle
from ui.chat_view_model import BRIEF_HIGHLIGHT_MS, PAGE
from ui.notifications import SINGLE_NOTIFICATIONS_MAX, Notifier

TOTAL = "Your total is ₩45,000, please transfer to Kookmin Bank 123-456-789"
HAEUN, MINJI = "821012345678", "821098765432"
Note = tuple[int, str, str]


def connect(window: Any, relay: Any) -> None:
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()


def from_the_phone(to: str, kind: str, content: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """What the owner sent from the phone's WhatsApp Business app, as Meta echoes it."""
    message_id = wamid()
    echo = {
        "from": "15550783881",
        "to": to,
        "id": message_id,
        "timestamp": str(int(time.time())),
        "type": kind,
        kind: content,
    }
    return envelope({"message_echoes": [echo]}, "smb_message_echoes"), message_id


def reacted(target: str, emoji: str, sender: str = HAEUN, name: str = "이하은") -> dict[str, Any]:
    """The customer's reaction (an empty emoji takes it back)."""
    return inbound("reaction", {"message_id": target, "emoji": emoji}, sender=sender, name=name)


def asked_and_answered(window: Any, qtbot: Any, relay: Any, customer: str, name: str) -> tuple[int, str, str]:
    """She asks for the bank details; the shop answers from the phone. Returns her chat, her
    question's wamid and the answer's."""
    question = wamid()
    asked = inbound(content="계좌 알려주세요", sender=customer, name=name, message_id=question)
    assert relay.post_webhook(asked).status_code == 200
    echo, answer = from_the_phone(customer, "text", {"body": TOTAL})
    assert relay.post_webhook(echo).status_code == 200
    model = window.chat_list.model
    qtbot.waitUntil(
        lambda: any(
            (row := model.row_at(i)).display_name == name and row.last_direction == "out"
            for i in range(model.rowCount())
        ),
        timeout=15000,
    )
    settle(qtbot)
    contact_id = next(
        model.row_at(i).contact_id for i in range(model.rowCount()) if model.row_at(i).display_name == name
    )
    return contact_id, question, answer


def told(window: Any) -> list[Note]:
    """What the notifier tells from now on; the owner is in another window."""
    notes: list[Note] = []
    window.notifier.notified.connect(lambda cid, title, text: notes.append((cid, title, text)))
    window.notifier.is_window_active = lambda: False
    return notes


def test_her_thumbs_up_to_the_total_is_told_and_opens_her_chat(window: Any, qtbot: Any, relay: Any) -> None:
    connect(window, relay)
    haeun, _question, answer = asked_and_answered(window, qtbot, relay, HAEUN, "이하은")
    notes = told(window)

    relay.post_webhook(reacted(answer, "👍"))

    qtbot.waitUntil(lambda: bool(notes), timeout=15000)
    assert notes == [(haeun, "이하은", f"Reacted 👍 to: {TOTAL}")]  # was: nothing at all
    window.notifier.message_clicked()  # the owner clicks the notification
    qtbot.waitUntil(lambda: window.chat.contact_id() == haeun)


def test_a_click_on_her_reaction_opens_her_chat_at_the_old_message_outlined_a_moment(
    window: Any, qtbot: Any, relay: Any
) -> None:
    connect(window, relay)
    haeun, _question, answer = asked_and_answered(window, qtbot, relay, HAEUN, "이하은")
    # Then she wrote on and on: the total is far above the newest page of her chat.
    chatter = inbound(content="그리고 1", sender=HAEUN, name="이하은")
    messages = chatter["entry"][0]["changes"][0]["value"]["messages"]
    for i in range(2, PAGE + 20):
        messages.append({**messages[0], "id": wamid(), "text": {"body": f"그리고 {i}"}})
    assert relay.post_webhook(chatter).status_code == 200
    model = window.chat_list.model
    qtbot.waitUntil(
        lambda: (row := model.row_for(haeun)) is not None and row.last_body == f"그리고 {PAGE + 19}"
    )
    settle(qtbot)
    notes = told(window)

    relay.post_webhook(reacted(answer, "👍"))
    qtbot.waitUntil(lambda: bool(notes), timeout=15000)
    window.notifier.message_clicked()

    chat = window.chat.view.chat_model
    qtbot.waitUntil(lambda: chat.highlight_id is not None and not chat.loading)
    [total] = [m for m in chat.messages() if m.id == chat.highlight_id]
    assert (window.chat.contact_id(), total.body, total.reaction_in) == (haeun, TOTAL, "👍")
    view = window.chat.view
    assert view.viewport().rect().intersects(view.visualRect(chat.index(chat.row_of(total.id))))
    assert chat.has_newer  # opened around it, not at the bottom (was: the newest page, total unseen)
    qtbot.waitUntil(lambda: chat.highlight_id is None, timeout=BRIEF_HIGHLIGHT_MS + 5000)


def test_her_message_and_her_reaction_in_one_batch_are_told_once_by_her_message(
    window: Any, qtbot: Any, relay: Any
) -> None:
    connect(window, relay)
    haeun, _question, answer = asked_and_answered(window, qtbot, relay, HAEUN, "이하은")
    notes = told(window)

    # "입금했어요" and 👍 to the total, sent together while the laptop slept: one webhook, one batch.
    both = inbound(content="입금했어요", sender=HAEUN, name="이하은")
    thumbs = reacted(answer, "👍")["entry"][0]["changes"][0]["value"]["messages"][0]
    both["entry"][0]["changes"][0]["value"]["messages"].append(thumbs)
    assert relay.post_webhook(both).status_code == 200

    model = window.chat_list.model
    qtbot.waitUntil(lambda: bool(notes), timeout=15000)
    qtbot.waitUntil(lambda: (row := model.row_for(haeun)) is not None and row.unread_count == 1)
    settle(qtbot)  # the reaction's own read, had it been asked for, has delivered too
    assert notes == [(haeun, "이하은", "입금했어요")]  # was: this, and "Reacted 👍 to: Your total…"


def test_a_reaction_taken_back_the_shops_own_and_one_applied_again_are_not_told(
    window: Any, qtbot: Any, relay: Any
) -> None:
    connect(window, relay)
    haeun, question, answer = asked_and_answered(window, qtbot, relay, HAEUN, "이하은")
    notes = told(window)
    relay.post_webhook(reacted(answer, "👍"))
    qtbot.waitUntil(lambda: len(notes) == 1, timeout=15000)

    relay.post_webhook(reacted(answer, ""))  # she took it back
    # The owner's own ❤️ on her question, from the phone.
    relay.post_webhook(from_the_phone(HAEUN, "reaction", {"message_id": question, "emoji": "❤️"})[0])
    relay.post_webhook(reacted(answer, "🙏"))  # then she thanks: told, and after the others
    qtbot.waitUntil(lambda: len(notes) == 2, timeout=15000)
    settle(qtbot)
    assert [text for _cid, _title, text in notes] == [f"Reacted 👍 to: {TOTAL}", f"Reacted 🙏 to: {TOTAL}"]

    # Read from the relay's start again (its address changed in Settings): every event is applied
    # again, and nothing is told twice.
    from app.sync_apply import start_counting_on

    sync = window.ctx.sync
    sync.stop()
    start_counting_on(window.ctx.db, relay.url)
    sync.reconnect(relay.url, relay.token)
    relay.post_webhook(reacted(answer, "😍"))
    qtbot.waitUntil(lambda: len(notes) == 3, timeout=15000)
    settle(qtbot)
    assert notes[2:] == [(haeun, "이하은", f"Reacted 😍 to: {TOTAL}")]


def test_an_archived_chats_reaction_is_not_told_and_previews_off_hide_the_words(
    window: Any, qtbot: Any, relay: Any
) -> None:
    connect(window, relay)
    haeun, _asked, to_haeun = asked_and_answered(window, qtbot, relay, HAEUN, "이하은")
    minji, _asked, to_minji = asked_and_answered(window, qtbot, relay, MINJI, "박민지")
    window.chat_list.set_flags(haeun, archived=True)
    qtbot.waitUntil(lambda: window.chat_list.model.row_for(haeun) is None)
    settle(qtbot)
    window.ctx.prefs["notification_previews"] = False
    notes = told(window)

    relay.post_webhook(reacted(to_haeun, "👍"))
    relay.post_webhook(reacted(to_minji, "👍", MINJI, "박민지"))

    qtbot.waitUntil(lambda: bool(notes), timeout=15000)
    settle(qtbot)
    assert notes == [(minji, "박민지", "Reacted to a message")]


# --------------------------------------------------------------------------- the notifier's rules

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def row(contact_id: int, **changes: Any) -> ConversationRow:
    values: dict[str, Any] = {
        "contact_id": contact_id,
        "wa_id": f"8210{contact_id:08d}",
        "display_name": f"손님 {contact_id}",
        "profile_name": None,
        "saved_name": None,
        "pinned": False,
        "archived": False,
        "blocked": False,
        "unread_count": 0,
        "last_inbound_at": NOW,
        "last_message_at": NOW,
        "last_message_id": contact_id,
        "last_body": TOTAL,
        "last_kind": "text",
        "last_direction": "out",
        "last_status": "read",
        "labels": (),
    }
    return ConversationRow(**{**values, **changes})


def news(contact_id: int, emoji: str = "👍", minutes: int = 0, **changes: Any) -> ReactionNews:
    kind, body = changes.pop("kind", "text"), changes.pop("body", TOTAL)
    at = NOW + timedelta(minutes=minutes)
    return ReactionNews(row(contact_id, **changes), emoji, kind, body, at, message_id=contact_id * 100)


def behind_the_window(qtbot: Any, **prefs: Any) -> tuple[Notifier, list[Note]]:
    """A notifier whose window the owner is not looking at, and what it tells."""
    window = QWidget()
    qtbot.addWidget(window)
    notifier = Notifier(window, {"notifications": True, **prefs}, is_window_active=lambda: False)
    notes: list[Note] = []
    notifier.notified.connect(lambda cid, title, text: notes.append((cid, title, text)))
    return notifier, notes


def test_a_catch_up_of_reactions_joins_the_summary_of_new_messages(qtbot: Any) -> None:
    notifier, notes = behind_the_window(qtbot)
    notifier.reactions_arrived([news(i, minutes=i) for i in range(1, 6)])
    assert len(notes) == SINGLE_NOTIFICATIONS_MAX
    with qtbot.waitSignal(notifier.notified, timeout=5000):
        pass  # the summary, once the batches stop coming
    assert notes[-1] == (5, "Shop Inbox", "3 new messages in 3 more chats")  # a click opens the newest


def test_a_blocked_customers_reaction_is_not_told_and_a_photo_says_what_it_was(qtbot: Any) -> None:
    notifier, notes = behind_the_window(qtbot)
    notifier.reactions_arrived(
        [
            news(1, blocked=True),
            news(2, "❤️", kind="image", body="봄 신상 원피스", business_number="02-555-0202"),
        ]
    )
    assert notes == [(2, "손님 2 · to your number 02-555-0202", "Reacted ❤️ to: Photo: 봄 신상 원피스")]


def test_a_long_message_is_cut_as_previews_are_and_said_in_korean(qtbot: Any, korean: None) -> None:
    notifier, notes = behind_the_window(qtbot)
    notifier.reactions_arrived([news(1, body="입금 " * 100)])
    [(_cid, _title, text)] = notes
    assert text.startswith("👍 반응을 남겼어요: 입금 입금") and text.endswith("입금…")
    assert len(text) < 150
