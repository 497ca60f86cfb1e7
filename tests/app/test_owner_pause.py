"""The menu bot stays quiet in a chat after the owner's own message there: the desktop works out until
when from its own copy of the chat and the rules, with the relay's rule, so the two never disagree."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from app.automations_store import apply_remote, load_state, save_local
from app.db import Database
from app.models import Contact, Message, MessageStatus
from app.owner_pause import OwnerPause, bot_on_relay, owner_pause
from app.rules import BotState, bot_paused
from app.sending import queue_message
from app.shop_menu import english_shop_menu
from app.sync_apply import apply_events
from app.wire import Automations, read_event
from tests.support.factories import make_message
from tests.support.wire_events import PHONE_NUMBER_ID, message_event, next_wamid, outbound_event

CUSTOMER = "447700900866"
SEONGSU, HONGDAE = PHONE_NUMBER_ID, "106540352242933"
BOT = english_shop_menu().model_copy(update={"enabled": True, "pause_hours": 12})
WROTE = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
seq = itertools.count(500)


def apply(db: Database, *events: dict[str, Any]) -> None:
    with db.write() as s:
        apply_events(s, [read_event({**e, "seq": next(seq)}) for e in events], None)


def at(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def resumed(number: str, moment: datetime) -> dict[str, Any]:
    """The relay's `contact` event for "Resume bot" pressed in her chat on `number` at `moment`."""
    return {
        "seq": 0,
        "kind": "contact",
        "at": at(moment),
        "phone_number_id": number,
        "contact": {"wa_id": CUSTOMER},
        "bot_paused_until": None,
        "handoff_reason": "resumed",
    }


def facts(db: Database, number: str | None = SEONGSU) -> OwnerPause:
    with db.read() as s:
        contact_id = s.scalar(select(Contact.id).where(Contact.wa_id == CUSTOMER))
        assert contact_id is not None
        return owner_pause(s, contact_id, number, datetime.now(UTC))


def test_the_owners_reply_quiets_the_bot_for_pause_hours_as_the_relays_rule_says() -> None:
    pause = OwnerPause(BOT, last_owner_reply_at=WROTE, resumed_at=None)
    assert pause.until(WROTE + timedelta(minutes=1)) == WROTE + timedelta(hours=12)
    assert pause.until(WROTE + timedelta(hours=11, minutes=59)) == WROTE + timedelta(hours=12)
    assert pause.until(WROTE + timedelta(hours=12)) is None  # the bot answers her taps again
    # At every moment and after every resume, the chat header and the relay agree.
    for hours, resumed_after in itertools.product((0, 1, 6, 11.9, 12, 13), (None, -1.0, 0.0, 2.0)):
        now = WROTE + timedelta(hours=hours)
        resumed_at = None if resumed_after is None else WROTE + timedelta(hours=resumed_after)
        header = OwnerPause(BOT, WROTE, resumed_at).until(now) is not None
        assert header == bot_paused(BOT, BotState(resumed_at=resumed_at), now, WROTE), (hours, resumed_after)


def test_a_bot_switched_off_is_never_quiet_because_the_owner_wrote() -> None:
    off = BOT.model_copy(update={"enabled": False})
    assert OwnerPause(off, WROTE, None).until(WROTE + timedelta(minutes=1)) is None
    assert OwnerPause(BOT, None, None).until(WROTE) is None  # she never wrote


def test_resume_ends_the_quiet_and_her_next_reply_starts_it_again() -> None:
    later = WROTE + timedelta(hours=1)
    assert OwnerPause(BOT, WROTE, resumed_at=later).until(later) is None
    again = later + timedelta(minutes=5)
    assert OwnerPause(BOT, again, resumed_at=later).until(again) == again + timedelta(hours=12)


def test_the_owners_replies_count_as_the_relay_counts_them_and_its_automatic_answers_do_not(
    db: Database,
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    stamp = int(now.timestamp())
    apply(db, message_event(content="Hi, are you open today?", wa_id=CUSTOMER, name="Ben", timestamp=stamp))
    # The relay's own answers and a campaign: the bot is not quiet for them.
    for sent_by in ("bot", "greeting", "away", "keyword", "campaign"):
        apply(db, outbound_event("…", to=CUSTOMER, sent_by=sent_by, wamid=next_wamid(), timestamp=stamp))
    # Nor for the demo's made-up past: written here, never through the relay.
    with db.write() as s:
        contact = s.scalars(select(Contact).where(Contact.wa_id == CUSTOMER)).one()
        make_message(s, contact, "Seeded", direction="out", sent_by="owner", sent_at=now, status="read")
    assert facts(db).last_owner_reply_at is None
    assert facts(db).until(now) is None
    # The owner's phone app answered her (an echo, stamped with WhatsApp's time).
    echo = stamp - 60
    apply(db, outbound_event("Yes!", to=CUSTOMER, sent_by="phone_app", wamid=next_wamid(), timestamp=echo))
    assert facts(db).last_owner_reply_at == datetime.fromtimestamp(echo, UTC)
    # Another desktop's reply (the relay says "owner" for every send through POST /v1/messages).
    other = stamp - 30
    apply(
        db,
        outbound_event(
            "On its way", to=CUSTOMER, sent_by="owner", client_id="c-1", wamid=next_wamid(), timestamp=other
        ),
    )
    assert facts(db).last_owner_reply_at == datetime.fromtimestamp(other, UTC)


def test_a_reply_counts_once_the_relay_sent_it_not_while_it_waits_or_after_it_failed(db: Database) -> None:
    apply(
        db,
        message_event(content="Hi", wa_id=CUSTOMER, name="Ben", timestamp=int(datetime.now(UTC).timestamp())),
    )
    with db.write() as s:
        contact_id = s.scalar(select(Contact.id).where(Contact.wa_id == CUSTOMER))
        assert contact_id is not None
        message = queue_message(
            s, contact_id, {"type": "text", "text": {"body": "A quick reply"}}, body="A quick reply"
        )
        message_id = message.id
    with db.read() as s:
        sent_at = s.scalar(select(Message.sent_at).where(Message.id == message_id))
    assert facts(db).last_owner_reply_at is None  # still in the outbox: the relay has not heard of it
    for status, counts in (
        (MessageStatus.FAILED, False),
        (MessageStatus.SENT, True),
        (MessageStatus.READ, True),
    ):
        with db.write() as s:
            s.execute(update(Message).where(Message.id == message_id).values(status=status))
        assert (facts(db).last_owner_reply_at == sent_at) is counts, status


def test_the_relays_resume_is_kept_per_chat_and_outlasts_a_later_hand_off(db: Database) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    stamp = int(now.timestamp())
    apply(db, message_event(content="Hi", wa_id=CUSTOMER, name="Ben", timestamp=stamp - 60))
    apply(db, outbound_event("Hello", to=CUSTOMER, sent_by="phone_app", wamid=next_wamid(), timestamp=stamp))
    with db.write() as s:
        apply_remote(s, Automations(revision=1, bot=BOT), current=True)
    assert facts(db).until(now + timedelta(minutes=1)) == now + timedelta(hours=12)
    pressed = now + timedelta(seconds=10)
    apply(db, resumed(SEONGSU, pressed))
    assert facts(db).resumed_at == pressed
    assert facts(db).until(pressed + timedelta(minutes=1)) is None
    assert facts(db, HONGDAE).resumed_at is None  # her chat on the other branch was not resumed
    # A hand-off in the same chat later keeps the resume's time (the relay's state keeps it too).
    handoff = {**resumed(SEONGSU, pressed), "bot_paused_until": at(pressed + timedelta(hours=12))}
    apply(db, {**handoff, "handoff_reason": "keyword"})
    assert facts(db).resumed_at == pressed


def test_while_a_change_waits_the_relay_still_runs_its_own_bot(db: Database) -> None:
    with db.write() as s:
        apply_remote(s, Automations(revision=4, bot=BOT), current=True)
        save_local(s, Automations(revision=4, bot=BOT.model_copy(update={"enabled": False})))
        state = load_state(s)
    assert state.pending and not state.doc.bot.enabled
    assert bot_on_relay(state).enabled  # switched off here, not yet on the relay: it still answers
    with db.write() as s:
        apply_remote(s, Automations(revision=5, bot=BOT.model_copy(update={"enabled": False})), current=True)
        assert not bot_on_relay(load_state(s)).enabled
