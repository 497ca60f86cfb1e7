"""A customer's reaction reaches the owner: what a synced batch reports of the reactions it applied,
and what a notification reads of them (her chat, the message she answered)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.changes import AppliedReaction
from app.db import Database
from app.models import Message
from app.reaction_news import reaction_news
from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.wire_events import T0, message_event, next_wamid, outbound_event

CUSTOMER = "821012345678"
TOTAL = "총 45,000원입니다. 국민은행 123-456-789로 입금 부탁드려요"


def apply(db: Database, *events: dict[str, Any]) -> frozenset[AppliedReaction]:
    """One synced batch: the reactions its Changes carry to the window."""
    with db.write() as s:
        return apply_events(s, [read_event(e) for e in events], None).changes().reactions


def reaction(target: str, emoji: str, *, timestamp: int = T0 + 60, **options: Any) -> dict[str, Any]:
    options = {"wa_id": CUSTOMER, "name": "이하은", **options}
    return message_event("reaction", {"message_id": target, "emoji": emoji}, timestamp=timestamp, **options)


def phone_reaction(target: str, emoji: str) -> dict[str, Any]:
    """The owner's reaction from the WhatsApp Business app on her phone, as its echo comes."""
    event = outbound_event("", wamid=next_wamid(), sent_by="phone_app", timestamp=T0 + 90)
    event["body"] = {"to": CUSTOMER, "type": "reaction", "reaction": {"message_id": target, "emoji": emoji}}
    return event


NEW_NUMBER = "821099990016"


def she_moved(notice_at: int) -> list[dict[str, Any]]:
    """WhatsApp's notice from her old number that she changed it, and the relay's contact event after it."""
    notice = {"body": f"User changed from {CUSTOMER} to {NEW_NUMBER}", "type": "user_changed_number"}
    moved = {"seq": 0, "kind": "contact", "at": "2026-11-25T00:00:00Z", "contact": {"wa_id": NEW_NUMBER}}
    moved["previous_wa_id"] = CUSTOMER
    notice_event = message_event("system", notice, wa_id=CUSTOMER, name=None, timestamp=notice_at)
    moved["seq"] = int(notice_event["seq"]) + 1
    return [notice_event, moved]


def the_total(db: Database) -> str:
    """The customer asked; the shop answered with the total from the phone's app."""
    wamid = next_wamid()
    apply(
        db,
        message_event(content="계좌 알려주세요", wa_id=CUSTOMER, name="이하은"),
        outbound_event(TOTAL, wamid=wamid, sent_by="phone_app", timestamp=T0 + 30),
    )
    return wamid


def message_id(db: Database, wamid: str) -> int:
    with db.read() as s:
        return int(s.scalar(select(Message.id).where(Message.wamid == wamid)) or 0)


def test_a_customers_new_reaction_is_reported_once_with_her_chat_and_the_message_she_answered(
    db: Database,
) -> None:
    total = the_total(db)
    thumbs = reaction(total, "👍")
    [applied] = apply(db, thumbs)
    assert (applied.message_id, applied.direction, applied.emoji) == (message_id(db, total), "in", "👍")
    assert applied.from_customer() and int(applied.at.timestamp()) == T0 + 60
    with db.read() as s:
        [news] = reaction_news(s, [applied])
    assert (news.row.display_name, news.emoji, news.kind, news.body) == ("이하은", "👍", "text", TOTAL)
    # The same event applied again (a relay started afresh, another relay address): nothing new.
    assert apply(db, thumbs) == frozenset()


def test_a_reaction_taken_back_or_the_shops_own_is_reported_but_is_no_customers_news(db: Database) -> None:
    total = the_total(db)
    apply(db, reaction(total, "👍"))
    [taken_back] = apply(db, reaction(total, ""))
    assert taken_back.emoji is None and not taken_back.from_customer()
    [own] = apply(db, phone_reaction(total, "🙏"))
    assert own.direction == "out" and not own.from_customer()
    with db.read() as s:
        assert reaction_news(s, [taken_back, own]) == []


def test_a_reaction_changed_within_a_batch_reports_the_last_and_one_changed_since_is_not_told(
    db: Database,
) -> None:
    total = the_total(db)
    [last] = apply(db, reaction(total, "👍"), reaction(total, "❤️", timestamp=T0 + 61))
    assert last.emoji == "❤️"
    # 🙏 then taken back, in one batch: her message shows none, which is all that is reported.
    [gone] = apply(db, reaction(total, "🙏"), reaction(total, "", timestamp=T0 + 62))
    assert gone.emoji is None and not gone.from_customer()
    with db.read() as s:  # ❤️ read after a later batch took it back: nothing to tell
        assert reaction_news(s, [last]) == []


def test_a_reaction_to_a_reply_sent_from_the_phone_in_the_same_batch_lands_on_it(db: Database) -> None:
    """After a night offline the reply's echo and the customer's 👍 to it come in one page; the 👍
    was dropped ("a message this desktop does not have") because customers' messages were applied
    before the shop's."""
    apply(db, message_event(content="계좌 알려주세요", wa_id=CUSTOMER, name="이하은"))
    wamid = next_wamid()
    reactions = apply(
        db,
        outbound_event(TOTAL, wamid=wamid, sent_by="phone_app", timestamp=T0 + 30),
        reaction(wamid, "👍"),
    )
    assert [r.emoji for r in reactions] == ["👍"]
    with db.read() as s:
        assert s.scalar(select(Message.reaction_in).where(Message.wamid == wamid)) == "👍"


def test_the_owners_reaction_in_the_phones_history_is_hers_and_no_news(db: Database) -> None:
    """Coexistence backfill: the phone's past chats, the owner's reactions among them."""
    total = the_total(db)
    past = reaction(total, "❤️", history=True, sender="15550783881")
    assert apply(db, past) == frozenset()
    with db.read() as s:
        found = s.execute(
            select(Message.reaction_in, Message.reaction_out).where(Message.wamid == total)
        ).one()
    assert tuple(found) == (None, "❤️")


def test_a_photo_or_voice_message_reacted_to_is_named_as_the_chat_list_names_it(db: Database) -> None:
    photo, voice = next_wamid(), next_wamid()
    apply(
        db,
        message_event(
            "image", {"id": "1234567890", "mime_type": "image/jpeg", "caption": "이 색 어때요?"}, wamid=photo
        ),
        message_event("audio", {"id": "2234567890", "mime_type": "audio/ogg", "voice": True}, wamid=voice),
    )
    applied = apply(db, reaction(photo, "😍"), reaction(voice, "👍", timestamp=T0 + 61))
    with db.read() as s:
        news = reaction_news(s, applied)
    assert [(n.emoji, n.kind, n.body) for n in news] == [
        ("😍", "image", "이 색 어때요?"),
        ("👍", "voice", ""),
    ]


def test_her_reaction_sent_with_a_message_is_applied_but_left_to_the_messages_notification(
    db: Database,
) -> None:
    total = the_total(db)
    [thumbs] = apply(
        db,
        message_event(content="입금했어요", wa_id=CUSTOMER, name="이하은", timestamp=T0 + 59),
        reaction(total, "👍"),
    )
    assert thumbs.from_customer() and thumbs.with_message and not thumbs.told_alone()
    with db.read() as s:
        assert reaction_news(s, [thumbs]) == []
    [alone] = apply(db, reaction(total, "❤️", timestamp=T0 + 70))  # later, on its own: told
    assert alone.told_alone()


def test_her_reaction_synced_with_the_notice_of_her_new_number_is_told_in_her_new_chat(db: Database) -> None:
    """Her 👍 from her new phone, WhatsApp's notice that she moved and the relay's contact event come
    in one synced batch (a night offline): the notification opens the chat her messages moved to."""
    total = the_total(db)
    apply(db, message_event(content="새 번호예요", wa_id=NEW_NUMBER, name="이하은", timestamp=T0 + 40))

    [applied] = apply(db, reaction(total, "👍", wa_id=NEW_NUMBER), *she_moved(notice_at=T0 + 35))

    with db.read() as s:
        new_chat = s.scalar(select(Message.contact_id).where(Message.wamid == total))
        [news] = reaction_news(s, [applied])
    assert applied.contact_id == new_chat  # was: her old number's chat, emptied by the move
    assert (news.row.contact_id, news.row.wa_id, news.emoji, news.body) == (new_chat, NEW_NUMBER, "👍", TOTAL)


def test_her_last_words_from_her_old_number_and_her_reaction_synced_with_her_move_are_told_once(
    db: Database,
) -> None:
    """Her message and 👍 from her old phone, then the notice that she moved, in one synced batch: the
    message's notification tells her (new) chat, and the reaction is no second one."""
    total = the_total(db)
    apply(db, message_event(content="새 번호예요", wa_id=NEW_NUMBER, name="이하은", timestamp=T0 + 40))
    last_words = message_event(content="번호 바꿔요", wa_id=CUSTOMER, name="이하은", timestamp=T0 + 50)

    [applied] = apply(db, last_words, reaction(total, "👍"), *she_moved(notice_at=T0 + 70))

    assert applied.with_message and not applied.told_alone()  # was: told on its own as well
