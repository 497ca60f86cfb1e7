"""The menu bot stays quiet in a chat after the owner's own message there: the desktop works out until
when from its own copy of the chat and the rules, with the relay's rule, so the two never disagree."""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from app.automations_store import apply_remote, load_state, save_local
from app.db import Database
from app.models import Contact, Message, MessageStatus
from app.outbox import OutboxSender
from app.owner_pause import OwnerPause, bot_on_relay, owner_pause
from app.relay_client import RelayClient
from app.rules import BotState, bot_paused
from app.sending import queue_message, queue_text
from app.shop_menu import english_shop_menu, korean_shop_menu
from app.sync_apply import apply_events
from app.wire import Automations, read_event
from tests.support.factories import make_message
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay, inbound
from tests.support.wire_events import PHONE_NUMBER_ID, message_event, next_wamid, outbound_event

CUSTOMER = "447700900866"
CUSTOMER_KR = "821066667777"
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


def test_a_reply_whose_answer_was_lost_counts_from_when_the_relays_event_says_it_went(db: Database) -> None:
    """The laptop shut as the relay sent her reply: the answer never came, and the reply's outbound
    event, read at the next start, says when it went."""
    now = datetime.now(UTC).replace(microsecond=0)
    apply(db, message_event(content="Hi", wa_id=CUSTOMER, name="Ben", timestamp=int(now.timestamp())))
    with db.write() as s:
        contact_id = s.scalar(select(Contact.id).where(Contact.wa_id == CUSTOMER))
        assert contact_id is not None
        client_id = queue_text(s, contact_id, "Sending it today").client_id
    went = now + timedelta(minutes=40)
    event = outbound_event(
        "Sending it today", to=CUSTOMER, sent_by="owner", client_id=client_id, wamid=next_wamid()
    )
    apply(db, {**event, "at": at(went)})
    with db.write() as s:
        apply_remote(s, Automations(revision=1, bot=BOT), current=True)
    assert facts(db).last_owner_reply_at == went
    assert facts(db).until(now + timedelta(hours=12, minutes=1)) == went + timedelta(hours=12)


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


def test_a_reply_that_waited_offline_keeps_the_bot_quiet_from_when_the_relay_sent_it_here_as_there(
    db: Database, relay: RunningRelay, graph: FakeGraph
) -> None:
    """She answers on the train with no signal; the reply goes fifty minutes later, when the laptop
    is back online. The relay keeps its bot quiet for an hour from then, and so does her chat's
    "Resume bot": not from when she pressed send."""
    client = RelayClient(relay.url, relay.token, timeout=10)
    outbox = OutboxSender(db, client, on_changed=lambda ids: None, stop=threading.Event(), retry_base=0.01)
    cursor = 0

    def sync() -> None:
        nonlocal cursor
        page = client.events(cursor, wait=0)
        with db.write() as s:
            apply_events(s, page.events, page.next)
        cursor = page.next

    def customer_writes(text: str, events: int) -> None:
        relay.post_webhook(inbound("text", text, sender=CUSTOMER_KR, name="최지우"))
        relay.wait_for_events(events)
        wait_until(relay.automations_done, 10, "the relay to answer her (or keep quiet)")

    try:
        bot = korean_shop_menu().model_copy(update={"enabled": True, "pause_hours": 1})
        client.put_automations(Automations(bot=bot), if_match=0)
        customer_writes("메뉴", 3)  # settings, her message, the bot's menu
        assert len(graph.sent) == 1
        sync()
        relay.stop()  # no signal
        pressed = datetime.now(UTC).replace(microsecond=0)
        with db.write() as s:
            contact_id = s.scalar(select(Contact.id).where(Contact.wa_id == CUSTOMER_KR))
            assert contact_id is not None
            queue_text(s, contact_id, "네, 오늘 보내 드릴게요")
        outbox.run_once()
        assert outbox.reasons  # it waits: the relay cannot be reached
        relay.start()
        went = pressed + timedelta(minutes=50)
        relay.relay.clock = lambda: went  # back online fifty minutes later
        outbox.not_before.clear()
        outbox.run_once()
        assert len(graph.sent) == 2
        sync()

        def header(now: datetime) -> datetime | None:
            with db.read() as s:
                assert contact_id is not None
                return owner_pause(s, contact_id, PHONE_NUMBER_ID, now).until(now)

        later = pressed + timedelta(minutes=70)  # an hour after she pressed send, not after it went
        assert header(later) == went + timedelta(hours=1)
        relay.relay.clock = lambda: later
        customer_writes("메뉴", 5)  # the reply's outbound event, her message
        assert len(graph.sent) == 2  # the relay's bot keeps quiet too
        after = went + timedelta(hours=1, minutes=1)
        assert header(after) is None  # "Resume bot" is gone: the bot answers by itself again
        relay.relay.clock = lambda: after
        customer_writes("메뉴", 7)  # her message, the bot's menu
        assert len(graph.sent) == 3
    finally:
        outbox.stop.set()
        client.close()
