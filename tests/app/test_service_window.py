"""WhatsApp's 24-hour window per business number: when a customer last wrote to each of the shop's
numbers, read from the messages' phone_number_id on an index, and a reply sent from the open one."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select, text

from app.business_numbers import remember_business_numbers
from app.db import Database
from app.models import Contact, Message, utcnow
from app.outbox import OutboxSender
from app.relay_client import RelayClient
from app.sending import Outgoing, queue_outgoing
from app.service_window import NumberWindow, number_windows, open_elsewhere
from tests.app.test_two_business_numbers import HONGDAE, SEONGSU, sync, written_to
from tests.support.factories import make_contact, make_message
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay


def test_each_numbers_window_is_her_last_live_message_to_it(db: Database) -> None:
    now = utcnow()
    with db.write() as s:
        remember_business_numbers(s, [SEONGSU, HONGDAE])
        minji = make_contact(s, profile_name="김민지", phone_number_id=SEONGSU[0])
        make_message(s, minji, "성수점 문의", phone_number_id=SEONGSU[0], sent_at=now - timedelta(hours=30))
        make_message(s, minji, "홍대점 문의", phone_number_id=HONGDAE[0], sent_at=now - timedelta(hours=2))
        # None of these opens Seongsu's window: the shop's reply, history from the phone, a notice.
        make_message(s, minji, "네", direction="out", phone_number_id=SEONGSU[0], sent_at=now)
        make_message(s, minji, "옛 대화", phone_number_id=SEONGSU[0], sent_at=now, imported=True)
        make_message(s, minji, "", kind="system", phone_number_id=SEONGSU[0], sent_at=now)
        quiet = make_contact(s, profile_name="박서준", phone_number_id=HONGDAE[0])
        ids = minji.id, quiet.id
    with db.read() as s:
        windows = number_windows(s, ids[0])
        assert [(w.phone_number_id, w.number) for w in windows] == [SEONGSU, HONGDAE]
        assert windows[0].last_inbound_at is not None
        assert abs(windows[0].last_inbound_at - (now - timedelta(hours=30))) < timedelta(seconds=1)
        assert [w.last_inbound_at for w in number_windows(s, ids[1])] == [None, None]
        assert open_elsewhere(windows, SEONGSU[0], now) == windows[1]
        assert open_elsewhere(windows, HONGDAE[0], now) is None  # its own is open
        assert open_elsewhere(windows, SEONGSU[0], now + timedelta(hours=23)) is None  # both closed


def test_a_one_number_shop_has_no_windows_per_number(db: Database) -> None:
    with db.write() as s:
        remember_business_numbers(s, [SEONGSU])
        contact_id = make_contact(s, phone_number_id=SEONGSU[0]).id
    with db.read() as s:
        assert number_windows(s, contact_id) == ()


def test_the_windows_are_read_on_their_index_not_by_walking_the_chat(db: Database) -> None:
    with db.read() as s:
        plan = s.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT m.sent_at FROM message m WHERE m.contact_id = 1 "
                "AND m.phone_number_id = 'x' AND m.direction = 'in' AND m.imported = 0 "
                "AND m.kind != 'system' ORDER BY m.sent_at DESC LIMIT 1"
            )
        ).all()
    assert "USING INDEX ix_message_inbound_number" in " ".join(str(row[-1]) for row in plan)


def test_a_reply_chosen_from_the_open_number_goes_from_it_through_the_relay(
    db: Database, relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.post_webhook(written_to(SEONGSU, "성수점 오늘 몇 시까지 해요?", "821011112222", "김민지"))
    relay.post_webhook(written_to(HONGDAE, "홍대점도 같아요?", "821011112222", "김민지"))
    sync(db, relay)
    with db.write() as s:
        contact = s.scalars(select(Contact).where(Contact.wa_id == "821011112222")).one()
        contact.phone_number_id = SEONGSU[0]  # her chat is Seongsu's (e.g. history synced since)
        contact_id = contact.id
    message_id = queue_outgoing(db, Outgoing(contact_id, "저녁 9시까지요", from_number=HONGDAE[0]))
    with RelayClient(relay.url, relay.token) as client:
        OutboxSender(db, client, on_changed=lambda ids: None, stop=threading.Event()).run_once()
    assert graph.sent_from == [HONGDAE[0]]
    with db.read() as s:
        sent = s.get(Message, message_id)
        assert sent is not None and sent.phone_number_id == HONGDAE[0] and sent.wamid


def test_open_elsewhere_picks_the_number_she_wrote_to_last() -> None:
    now = utcnow()
    windows = (
        NumberWindow("1", "A", now - timedelta(hours=25)),
        NumberWindow("2", "B", now - timedelta(hours=5)),
        NumberWindow("3", "C", now - timedelta(hours=1)),
    )
    assert open_elsewhere(windows, "1", now) == windows[2]
    assert open_elsewhere(windows, "unknown", now) is None
