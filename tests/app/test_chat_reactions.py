"""A chat-list row and its reactions, as synced batches leave them in a real SQLite file: the newest
reaction is the row's line while nothing newer came; a customer's sets the row's time, the shop's
own does not; taken back, the row tells the chat's newest reaction still standing, or its last message.
A reaction event read again (the relay's feed from an earlier point, in other pages) changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from app.changes import AppliedReaction
from app.db import Database, upgrade
from app.models import Contact, Message
from app.queries import ConversationRow, conversations_by_id
from app.sync_apply import apply_events
from app.wire import read_event
from tests.app.test_reaction_news import (
    CUSTOMER,
    NEW_NUMBER,
    TOTAL,
    message_id,
    phone_reaction,
    reaction,
    she_moved,
    the_total,
)
from tests.support.wire_events import T0, message_event, next_wamid, outbound_event


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


def the_thanks(db: Database) -> str:
    """The shop's second answer, after the total, from the phone's app."""
    thanks = next_wamid()
    apply(db, outbound_event("감사합니다!", wamid=thanks, sent_by="phone_app", timestamp=T0 + 40))
    return thanks


def test_her_newest_reaction_taken_back_leaves_her_earlier_one_that_still_stands_as_the_line(
    db: Database,
) -> None:
    total = the_total(db)  # at T0 + 30
    thanks = the_thanks(db)  # at T0 + 40
    apply(db, reaction(total, "👍"))  # at T0 + 60
    apply(db, reaction(thanks, "🙏", timestamp=T0 + 70))
    assert (her_row(db).reaction_emoji, her_row(db).last_message_at) == ("🙏", at(T0 + 70))

    apply(db, reaction(thanks, "", timestamp=T0 + 80))  # she takes 🙏 back; her 👍 to the total stands

    row = her_row(db)
    # Was: the last message ("감사합니다!") at T0 + 40, as if she had never reacted.
    assert (row.reaction_from, row.reaction_emoji, row.reaction_body) == ("in", "👍", TOTAL)
    assert row.last_message_at == at(T0 + 60)


def phone_reaction_at(target: str, emoji: str, timestamp: int) -> dict[str, Any]:
    """The owner's reaction on her phone, with WhatsApp's time of it, as its echo carries."""
    event = phone_reaction(target, emoji)
    event["body"]["timestamp"] = str(timestamp)
    return event


def test_the_shops_reaction_taken_back_leaves_hers_from_before_as_the_line(db: Database) -> None:
    total = the_total(db)
    thanks = the_thanks(db)
    apply(db, reaction(total, "👍"))  # hers at T0 + 60
    apply(db, phone_reaction_at(thanks, "❤️", T0 + 90))  # the shop's: the line
    assert her_row(db).reaction_from == "out"

    apply(db, phone_reaction_at(thanks, "", T0 + 95))  # taken back on the phone

    row = her_row(db)
    assert (row.reaction_from, row.reaction_emoji, row.last_message_at) == ("in", "👍", at(T0 + 60))


def test_a_message_after_the_reaction_still_standing_is_the_line_once_the_newest_is_taken_back(
    db: Database,
) -> None:
    total = the_total(db)
    apply(db, reaction(total, "👍"))  # at T0 + 60
    thanks = next_wamid()
    apply(db, outbound_event("감사합니다!", wamid=thanks, sent_by="phone_app", timestamp=T0 + 65))
    apply(db, reaction(thanks, "🙏", timestamp=T0 + 70))
    apply(db, reaction(thanks, "", timestamp=T0 + 80))

    row = her_row(db)
    assert row.reaction_emoji is None  # her 👍 is older than the shop's thanks: the thanks is the line
    assert (row.last_message_id, row.last_message_at) == (message_id(db, thanks), at(T0 + 65))


def test_a_reaction_and_its_taking_back_read_again_in_other_pages_change_and_tell_nothing(
    db: Database,
) -> None:
    """The relay started afresh: its feed is read again from an earlier point, each event in a page of
    its own, after the customer's 👍 and its taking back were read together (which left nothing)."""
    total = the_total(db)
    thumbs, gone = reaction(total, "👍"), reaction(total, "", timestamp=T0 + 61)
    assert [r.emoji for r in apply_told(db, thumbs, gone)] == []

    assert apply_told(db, thumbs) == []  # was: 👍 applied and told again
    assert apply_told(db, gone) == []
    with db.read() as s:
        assert s.scalar(select(Message.reaction_in).where(Message.wamid == total)) is None


def test_a_reaction_older_than_the_one_its_message_shows_is_kept_but_not_shown(db: Database) -> None:
    total = the_total(db)
    apply(db, reaction(total, "❤️", timestamp=T0 + 70))
    assert apply_told(db, reaction(total, "👍", timestamp=T0 + 60)) == []  # she replaced it with ❤️
    with db.read() as s:
        assert s.scalar(select(Message.reaction_in).where(Message.wamid == total)) == "❤️"


def apply_told(db: Database, *events: dict[str, Any]) -> list[AppliedReaction]:
    """One synced batch: the reactions it reports."""
    with db.write() as s:
        return sorted(
            apply_events(s, [read_event(e) for e in events], None).changes().reactions, key=lambda r: r.at
        )


def test_an_inbox_from_version_20_keeps_its_reactions_and_knows_them_once_updated(db_path: Path) -> None:
    """Version 20 kept each message's emojis and the chat's newest reaction, no events: each emoji a
    message shows becomes a kept reaction, the newest at its time, the others at their message's."""
    upgrade(db_path, "0020")
    total, thanks, question = next_wamid(), next_wamid(), next_wamid()
    raw = sqlite3.connect(db_path)
    raw.execute("INSERT INTO contact (wa_id, profile_name, created_at) VALUES (?, '이하은', 0)", (CUSTOMER,))
    for wamid, direction, body, seconds, hers, ours in (
        (question, "in", "계좌 알려주세요", T0, None, "❤️"),
        (total, "out", TOTAL, T0 + 30, "👍", None),
        (thanks, "out", "감사합니다!", T0 + 40, "🙏", None),
    ):
        raw.execute(
            "INSERT INTO message (contact_id, wamid, direction, kind, body, status, sent_at, "
            "reaction_in, reaction_out) VALUES (1, ?, ?, 'text', ?, 'read', ?, ?, ?)",
            (wamid, direction, body, seconds * 1000, hers, ours),
        )
    raw.execute(  # her 🙏 to the thanks, at T0 + 70: the row's line and time
        "UPDATE contact SET reaction_message_id = 3, reaction_from = 'in', reaction_at = ?, "
        "last_message_at = ?",
        ((T0 + 70) * 1000, (T0 + 70) * 1000),
    )
    raw.commit()
    raw.close()

    db = Database.open(db_path)
    try:
        with db.read() as s:
            kept = s.execute(
                text("SELECT message_id, direction, emoji, sent_at, wamid FROM reaction ORDER BY message_id")
            ).all()
        assert [tuple(r) for r in kept] == [
            (1, "out", "❤️", T0 * 1000, None),
            (2, "in", "👍", (T0 + 30) * 1000, None),  # when she set it was never stored
            (3, "in", "🙏", (T0 + 70) * 1000, None),
        ]
        row = her_row(db)
        assert (row.reaction_emoji, row.last_message_at) == ("🙏", at(T0 + 70))

        assert apply_told(db, reaction(total, "👍", timestamp=T0 + 20)) == []  # older than what it shows
        apply(db, reaction(thanks, "", timestamp=T0 + 80))  # she takes 🙏 back
        row = her_row(db)
        # Her 👍 still stands, from no later than we can know: the thanks after it is the line.
        assert (row.reaction_emoji, row.last_message_at) == (None, at(T0 + 40))
        [again] = apply_told(db, reaction(thanks, "🙏", timestamp=T0 + 90))
        assert again.told_alone()
    finally:
        db.close()


def test_a_relay_read_again_from_its_start_tells_her_reaction_once(db: Database, relay: Any) -> None:
    """Through the real relay: her 👍 is told, she takes it back, then the relay starts afresh and
    its feed is read again from the first event, one event a page (as a catch-up cuts its pages)."""
    from app.relay_client import RelayClient
    from tests.support.relay_server import envelope, inbound, wamid

    answer = wamid()
    echo = {"from": "15550783881", "to": CUSTOMER, "id": answer, "timestamp": str(T0 + 30), "type": "text"}
    relay.post_webhook(inbound(content="계좌 알려주세요", sender=CUSTOMER, name="이하은", timestamp=T0))
    relay.post_webhook(
        envelope({"message_echoes": [{**echo, "text": {"body": TOTAL}}]}, "smb_message_echoes")
    )
    client = RelayClient(relay.url, relay.token, timeout=10)

    def synced(after: int, limit: int = 500) -> tuple[list[AppliedReaction], int]:
        """Every page after `after` applied as the sync applies it; the reactions told, the cursor."""
        told: list[AppliedReaction] = []
        while True:
            page = client.events(after, wait=0, limit=limit)
            if not page.events:
                return told, after
            with db.write() as s:
                result = apply_events(s, page.events, page.next)
            told += [r for r in result.changes().reactions if r.told_alone()]
            after = page.next

    try:
        _, cursor = synced(0)
        relay.post_webhook(
            inbound("reaction", {"message_id": answer, "emoji": "👍"}, sender=CUSTOMER, timestamp=T0 + 60)
        )
        told, cursor = synced(cursor)
        assert [r.emoji for r in told] == ["👍"]
        relay.post_webhook(
            inbound("reaction", {"message_id": answer, "emoji": ""}, sender=CUSTOMER, timestamp=T0 + 61)
        )
        told, cursor = synced(cursor)
        assert told == []

        told, _ = synced(0, limit=1)  # the relay started afresh
    finally:
        client.close()
    assert told == []  # was: her 👍 told a second time
    assert her_row(db).reaction_emoji is None


def test_the_shops_reaction_taken_back_on_the_phone_in_the_same_second_goes(db: Database) -> None:
    """A reaction kept at the millisecond (the relay's receipt time, or this computer's send) and
    its taking back on the phone stamped by WhatsApp in whole seconds, the same second."""
    total = the_total(db)
    hearted = phone_reaction(total, "❤️")  # no WhatsApp time: the relay's, at T0 + 90.7 s
    hearted["at"] = datetime.fromtimestamp(T0 + 90.7, UTC).isoformat()
    apply(db, hearted)
    apply(db, phone_reaction_at(total, "", T0 + 90))

    with db.read() as s:
        assert s.scalar(select(Message.reaction_out).where(Message.wamid == total)) is None
    assert her_row(db).reaction_emoji is None


def test_her_reaction_in_the_second_of_the_shops_own_is_the_line(db: Database) -> None:
    total = the_total(db)
    hearted = phone_reaction(total, "❤️")  # no WhatsApp time: the relay's, at T0 + 90.7 s
    hearted["at"] = datetime.fromtimestamp(T0 + 90.7, UTC).isoformat()
    apply(db, hearted)
    apply(db, reaction(total, "👍", timestamp=T0 + 90))  # hers, after it, stamped in whole seconds

    row = her_row(db)
    assert (row.reaction_from, row.reaction_emoji) == ("in", "👍")  # was: the shop's ❤️


def row_of(db: Database, wa_id: str) -> ConversationRow:
    with db.read() as s:
        [row] = [r for r in conversations_by_id(s, set(range(1, 10))) if r.wa_id == wa_id]
        return row


def old_contact(db: Database) -> Contact:
    with db.read() as s:
        contact = s.scalars(select(Contact).where(Contact.wa_id == CUSTOMER)).one()
        s.expunge(contact)
        return contact


def test_her_reaction_in_her_old_chat_moves_with_it_to_her_new_number(db: Database) -> None:
    total = the_total(db)  # in her old number's chat, at T0 + 30
    apply(db, message_event(content="새 번호예요", wa_id=NEW_NUMBER, name="이하은", timestamp=T0 + 40))
    # Her 👍 to the total, from her new phone, before WhatsApp's notice that she moved reached the shop.
    apply(db, reaction(total, "👍", wa_id=NEW_NUMBER))  # at T0 + 60

    apply(db, *she_moved(notice_at=T0 + 35))

    row = row_of(db, NEW_NUMBER)
    # Was: "새 번호예요" as the line, at T0 + 40: her 👍 stayed with the emptied old chat.
    assert (row.reaction_from, row.reaction_emoji, row.reaction_body) == ("in", "👍", TOTAL)
    assert row.last_message_at == at(T0 + 60)
    assert row.last_body == "새 번호예요"  # her newest message, under the reaction
    gone = old_contact(db)
    assert (gone.reaction_message_id, gone.reaction_from, gone.reaction_at) == (None, None, None)
    assert gone.last_message_at is None  # out of the list: nothing of hers is there


def test_her_reaction_in_her_new_chat_still_holds_it_up_once_her_old_chat_joins_it(db: Database) -> None:
    the_total(db)  # her old number's chat, up to T0 + 30
    apply(db, message_event(content="새 번호예요", wa_id=NEW_NUMBER, name="이하은", timestamp=T0 + 40))
    noted = next_wamid()
    apply(
        db,
        outbound_event("네 확인했어요", to=NEW_NUMBER, wamid=noted, sent_by="phone_app", timestamp=T0 + 45),
    )
    apply(db, reaction(noted, "❤️", wa_id=NEW_NUMBER, timestamp=T0 + 70))

    apply(db, *she_moved(notice_at=T0 + 35))

    row = row_of(db, NEW_NUMBER)
    assert (row.reaction_from, row.reaction_emoji) == ("in", "❤️")
    assert row.last_message_at == at(T0 + 70)  # was: T0 + 45, the shop's answer, under her ❤️
    assert row.last_body == "네 확인했어요"
