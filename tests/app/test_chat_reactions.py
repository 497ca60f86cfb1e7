"""A chat-list row and its reactions, as synced batches leave them in a real SQLite file: the newest
reaction is the row's line while nothing newer came; a customer's sets the row's time, the shop's
own does not; taken back, the row is its last message's again."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.db import Database
from app.queries import ConversationRow, conversations_by_id
from app.sync_apply import apply_events
from app.wire import read_event
from tests.app.test_reaction_news import CUSTOMER, phone_reaction, reaction, the_total
from tests.support.wire_events import T0


def apply(db: Database, *events: dict[str, Any]) -> None:
    with db.write() as s:
        apply_events(s, [read_event(e) for e in events], None)


def her_row(db: Database) -> ConversationRow:
    with db.read() as s:
        [row] = [r for r in conversations_by_id(s, set(range(1, 10))) if r.wa_id == CUSTOMER]
        return row


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def test_her_reaction_taken_back_under_the_shops_newer_one_lets_her_chat_down(db: Database) -> None:
    total = the_total(db)  # the shop's answer at T0 + 30
    unread = her_row(db).unread_count
    apply(db, reaction(total, "👍"))  # hers, at T0 + 60: the row's time
    assert (her_row(db).reaction_emoji, her_row(db).last_message_at) == ("👍", at(T0 + 60))

    apply(db, phone_reaction(total, "🙏"))  # the shop's own at T0 + 90: the line, not the time
    row = her_row(db)
    assert (row.reaction_from, row.reaction_emoji, row.last_message_at) == ("out", "🙏", at(T0 + 60))

    apply(db, reaction(total, "", timestamp=T0 + 120))  # she takes hers back
    row = her_row(db)
    assert (row.reaction_from, row.reaction_emoji) == ("out", "🙏")  # the shop's still stands
    assert row.last_message_at == at(T0 + 30)  # was: T0 + 60, held up by a reaction no longer there
    assert row.unread_count == unread  # no reaction counted as unread


def test_the_owners_reaction_from_this_computer_is_her_rows_line_and_leaves_its_time(
    db: Database, relay: Any
) -> None:
    from app.chat_actions import send_reaction
    from app.relay_client import RelayClient
    from app.wire import EventsPage
    from tests.support.relay_server import inbound, wamid

    question = wamid()
    asked = inbound(content="오늘 발송되나요?", sender=CUSTOMER, name="이하은", message_id=question)
    assert relay.post_webhook(asked).status_code == 200
    with db.write() as s:
        apply_events(s, EventsPage.model_validate(relay.events()).events, None)
    before = her_row(db)

    client = RelayClient(relay.url, relay.token, timeout=10)
    try:
        send_reaction(db, client, before.contact_id, question, "❤️")
    finally:
        client.close()

    row = her_row(db)
    assert (row.reaction_from, row.reaction_emoji, row.reaction_body) == ("out", "❤️", "오늘 발송되나요?")
    assert (row.last_message_at, row.unread_count) == (before.last_message_at, before.unread_count)
