"""The chat list marks a chat the menu bot handed to a person while the customer waits for one, and
unmarks it when someone answers or the bot resumes."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.menu_bot_relay import window_with_menu_bot
from tests.support.relay_server import inbound
from tests.support.window_waits import load_chats, select_chat, sync_batch
from tests.support.wire_events import message_event, next_wamid, outbound_event
from ui.chat_list_model import ChatRole

CUSTOMER = "821055550000"


def handoff(seq: int, until: datetime | None) -> dict[str, Any]:
    return {
        "seq": seq,
        "kind": "contact",
        "at": "2026-11-30T02:00:00Z",
        "contact": {"wa_id": CUSTOMER},
        "bot_paused_until": until.isoformat().replace("+00:00", "Z") if until else None,
        "handoff_reason": "keyword" if until else "resumed",
    }


def at(seconds: int, event: dict[str, Any]) -> dict[str, Any]:
    """`event` as the relay stamps it at that Unix time."""
    return {**event, "at": datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")}


def apply(window: Any, qtbot: Any, *events: dict[str, Any]) -> None:
    with window.ctx.db.write() as s:
        apply_events(s, [read_event(e) for e in events], None)
    load_chats(window, qtbot)


def tooltip(window: Any) -> str:
    return str(window.chat_list.model.index(0).data(Qt.ItemDataRole.ToolTipRole))


def test_a_handed_off_chat_reads_needs_a_person_until_the_bot_resumes(window: Any, qtbot: Any) -> None:
    apply(window, qtbot, message_event(content="상담원 연결", wa_id=CUSTOMER, name="박서연"))
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=5000)
    assert tooltip(window) == "박서연"
    apply(window, qtbot, handoff(800, datetime.now(UTC) + timedelta(hours=12)))
    qtbot.waitUntil(lambda: tooltip(window) == "박서연 · Needs a person", timeout=5000)
    apply(window, qtbot, handoff(801, None))
    qtbot.waitUntil(lambda: tooltip(window) == "박서연", timeout=5000)


def test_the_owners_reply_takes_the_mark_away_and_the_customer_writing_again_brings_it_back(
    window: Any, qtbot: Any
) -> None:
    """The "Needs a person" mark shows who still waits: an answered chat loses it, the bot stays off."""
    now = int(time.time())  # within the 24 hours in which the owner may answer freely
    apply(window, qtbot, message_event(content="상담원 연결", wa_id=CUSTOMER, name="박서연", timestamp=now))
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=5000)
    apply(window, qtbot, handoff(820, datetime.now(UTC) + timedelta(hours=12)))
    qtbot.waitUntil(lambda: tooltip(window) == "박서연 · Needs a person", timeout=5000)
    contact_id = window.chat_list.model.row_at(0).contact_id

    # The owner answers from this window: the mark goes with the pending reply, before the relay.
    select_chat(window, qtbot, contact_id)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: composer.contact_id == contact_id, timeout=5000)
    composer.edit.insertPlainText("네, 확인해 드릴게요")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tooltip(window) == "박서연", timeout=5000)
    assert window.chat_list.model.row_at(0).needs_person(datetime.now(UTC))  # the bot stays off

    later = int(time.time()) + 1  # each next message a second after the last
    apply(window, qtbot, message_event(content="계세요?", wa_id=CUSTOMER, name="박서연", timestamp=later))
    qtbot.waitUntil(lambda: tooltip(window) == "박서연 · Needs a person", timeout=5000)
    # Only an automatic message answered: still nobody.
    apply(
        window,
        qtbot,
        at(
            later + 1,
            outbound_event("지금은 영업시간이 아니에요", to=CUSTOMER, sent_by="away", wamid=next_wamid()),
        ),
    )
    qtbot.waitUntil(lambda: window.chat_list.model.row_at(0).last_sent_by == "away", timeout=5000)
    assert tooltip(window) == "박서연 · Needs a person"
    # The owner's phone answered: that is a person too.
    apply(
        window,
        qtbot,
        at(
            later + 2, outbound_event("곧 연락드릴게요", to=CUSTOMER, sent_by="phone_app", wamid=next_wamid())
        ),
    )
    qtbot.waitUntil(lambda: tooltip(window) == "박서연", timeout=5000)


def test_a_handoff_notifies_the_owner_once_while_the_window_is_in_the_background(
    window: Any, qtbot: Any
) -> None:
    apply(window, qtbot, message_event(content="안녕하세요", wa_id=CUSTOMER, name="박서연"))
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=5000)
    contact_id = window.chat_list.model.index(0).data(ChatRole.CONTACT_ID)
    notes: list[tuple[int, str, str]] = []
    window.notifier.notified.connect(lambda cid, title, text: notes.append((cid, title, text)))
    window.notifier.is_window_active = lambda: False

    def sync_brings(*events: dict[str, Any]) -> None:
        with window.ctx.db.write() as s:
            changed = apply_events(s, [read_event(e) for e in events], None).changed
        sync_batch(window, qtbot, changed)

    # The customer's "상담원" and the relay's hand-off arrive in one page: one notification, about the hand-off.
    until = datetime.now(UTC) + timedelta(hours=12)
    sync_brings(message_event(content="상담원", wa_id=CUSTOMER, name="박서연"), handoff(810, until))
    assert notes == [(contact_id, "박서연", "Needs a person: the menu bot handed this chat over.")]
    sync_brings(message_event(content="계세요?", wa_id=CUSTOMER, name="박서연"))  # still handed over
    assert [text for _cid, _title, text in notes][1:] == ["계세요?"]


def test_the_owner_resumes_the_bot_from_the_chat_header_through_the_relay(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    with window_with_menu_bot(window, tmp_path) as (relay, graph):
        relay.post_webhook(inbound(content="상담원 연결해 주세요", sender=CUSTOMER, name="박서연"))
        model = window.chat_list.model

        def handed_over() -> bool:
            return model.rowCount() == 1 and model.row_at(0).needs_person(datetime.now(UTC))

        qtbot.waitUntil(handed_over, timeout=10000)
        select_chat(window, qtbot, model.row_at(0).contact_id)
        button = window.chat.resume_bot_button
        note = window.chat.bot_resumed_note
        qtbot.waitUntil(button.isVisible, timeout=5000)
        assert not note.isVisible()
        stale = model.row_at(0)  # the chat as it read before the relay's `contact` event came
        button.click()
        # The owner sees that it worked, in the chat's header where the button was.
        qtbot.waitUntil(note.isVisible, timeout=10000)
        assert note.text() == "The menu bot answers this customer again."
        assert not button.isVisible()
        window.chat.set_conversation(stale)  # a refresh before the event: the button stays away
        assert not button.isVisible() and note.isVisible()
        qtbot.waitUntil(lambda: not handed_over() and not button.isVisible(), timeout=10000)
        assert note.isVisible()
        assert tooltip(window) == "박서연"
        assert len(graph.sent) == 1  # the bot's hand-off reply; resuming sends nothing to the customer
