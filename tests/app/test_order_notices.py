"""Orders moved in bulk (bank file, courier's file, deadlines) tell their customers only when the owner says so."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.deposits import Deposit
from app.models import Contact, Message, Order, OrderEvent, utcnow
from app.order_actions import bank_file_matches, cancel_overdue, confirm_payments, import_tracking
from app.order_notices import (
    BulkMove,
    BulkNotice,
    NotToldReason,
    expired_undecided,
    keep_quiet,
    prepare_notice,
    tell_customers,
)
from app.orders import UNSENT_MOVE, LineInput, OrderState, create_order, move_note, move_order
from app.shipping_sheets import ShippingAddress, set_shipping_address
from tests.support.factories import make_contact


def english_day(moment: datetime, language: str, zone: tzinfo | None) -> str:
    return f"{moment:%b %d}"


def notice(db, move: BulkMove, order_ids: list[int], *, relay_ready: bool = True) -> BulkNotice:
    return prepare_notice(
        db,
        move,
        order_ids,
        language="en",
        locale="en_US",
        format_time=english_day,
        now=utcnow(),
        relay_ready=relay_ready,
    )


def three_customers_waiting(db) -> dict[str, int]:
    """김민지 and 박서준 wrote an hour ago; 이하은's chat came from a phone export: no number."""
    recent = utcnow() - timedelta(hours=1)
    orders = {}
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        for name, wa_id in (("김민지", "821055500001"), ("박서준", "821055500002"), ("이하은", None)):
            contact = make_contact(s, profile_name=name, wa_id=wa_id, last_inbound_at=recent)
            order_id = create_order(s, contact_id=contact.id, lines=[LineInput("LINEN", 1)], source="chat").id
            move_order(s, order_id, OrderState.AWAITING_PAYMENT)
            orders[name] = order_id
    return orders


def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "거래내역.csv"
    path.write_bytes(
        (
            "거래일시,기재내용,맡기신금액\n"
            "2026.11.29 10:00,김민지,39000\n"
            "2026.11.29 10:05,박서준,39000\n"
            "2026.11.29 10:10,이하은,39000\n"
        ).encode("cp949")
    )
    return path


def paid_from_the_bank(db, tmp_path: Path) -> list[int]:
    matches = bank_file_matches(db, bank_file(tmp_path))
    pairs = [(m.order_id, m.deposit) for m in matches if m.order_id is not None]
    paid, _changes = confirm_payments(db, pairs)
    return paid


def outbound(db) -> list[tuple[str, str, str]]:
    """(customer, status, body) of every message the outbox holds."""
    with db.read() as s:
        return [
            (m.contact.display_name, m.status, m.body)
            for m in s.scalars(select(Message).where(Message.direction == "out").order_by(Message.id))
        ]


def history(db, order_id: int) -> list[tuple[str, str | None]]:
    with db.read() as s:
        return [
            (e.kind, e.to_state)
            for e in s.scalars(
                select(OrderEvent).where(OrderEvent.order_id == order_id).order_by(OrderEvent.id)
            )
        ]


def test_a_bank_file_of_three_orders_tells_the_two_customers_with_a_number_and_notes_the_third(
    db, tmp_path: Path
) -> None:
    orders = three_customers_waiting(db)
    paid = paid_from_the_bank(db, tmp_path)
    assert sorted(paid) == sorted(orders.values())
    found = notice(db, BulkMove.BANK_FILE, paid)
    assert [m.customer for m in found.to_tell] == ["김민지", "박서준"]
    assert [(n.customer, n.reason) for n in found.not_told] == [("이하은", NotToldReason.NO_NUMBER)]
    assert outbound(db) == []  # prepared only: nothing goes before the owner answers

    tell_customers(db, found)
    with db.read() as s:
        numbers = {o.customer_name: o.number for o in s.scalars(select(Order))}
    assert outbound(db) == [
        (
            name,
            "pending",
            f"Thank you, {name}: your payment arrived. We are preparing order {numbers[name]} for you.",
        )
        for name in ("김민지", "박서준")
    ]
    # The bank's word stands for all three; the third's history says she was not told.
    assert history(db, orders["이하은"])[-1] == (UNSENT_MOVE, "paid")
    assert history(db, orders["김민지"])[-1] == ("moved", "paid")
    with db.read() as s:
        assert {o.state for o in s.scalars(select(Order))} == {"paid"}


def test_dont_send_queues_nothing_and_the_history_says_who_was_not_told_and_why(db, tmp_path: Path) -> None:
    """The owner's choice is not a failure: 김민지 and 박서준 could have been told (she chose not to);
    이하은 has no number (she could not be), and each order's history says which."""
    orders = three_customers_waiting(db)
    paid = paid_from_the_bank(db, tmp_path)
    keep_quiet(db, notice(db, BulkMove.BANK_FILE, paid))
    assert outbound(db) == []
    assert told(db, orders["김민지"]) == told(db, orders["박서준"]) == {"told": "chose_not"}
    assert told(db, orders["이하은"]) == {"told": "could_not", "reason": "no_number"}


def told(db, order_id: int) -> dict[str, str]:
    """What the order's last move says about its customer being told."""
    with db.read() as s:
        notes = s.scalars(
            select(OrderEvent.note).where(OrderEvent.order_id == order_id).order_by(OrderEvent.id)
        )
        facts = move_note(notes.all()[-1])
    return {k: v for k, v in facts.items() if k in ("told", "reason")}


def test_a_courier_file_sends_each_customer_their_own_tracking_number(db, tmp_path: Path) -> None:
    orders = three_customers_waiting(db)
    paid_from_the_bank(db, tmp_path)
    with db.write() as s:
        for order_id in orders.values():  # a courier took them: they had an address
            where = ShippingAddress("손님", "010-5550-1234", "04799", "서울 성동구 성수이로 1")
            set_shipping_address(s, order_id, where)
        numbers = {o.customer_name: o.number for o in s.scalars(select(Order))}
    returned = tmp_path / "cj.csv"
    returned.write_bytes(
        (
            "주문번호,운송장번호\n"
            f"{numbers['김민지']},654321098765\n"
            f"{numbers['박서준']},654321098766\n"
            f"{numbers['이하은']},654321098767\n"
        ).encode("cp949")
    )
    plan, _changes = import_tracking(db, returned, "CJ대한통운")
    found = notice(db, BulkMove.COURIER_FILE, [m.order_id for m in plan.matches])
    tell_customers(db, found)
    bodies = {name: body for name, _status, body in outbound(db)}
    assert set(bodies) == {"김민지", "박서준"}
    assert "Tracking number: 654321098765" in bodies["김민지"]
    assert "wblNo=654321098765" in bodies["김민지"]
    assert "Tracking number: 654321098766" in bodies["박서준"]
    assert history(db, orders["이하은"])[-1] == (UNSENT_MOVE, "shipped")
    assert told(db, orders["이하은"]) == {"told": "could_not", "reason": "no_number"}
    assert told(db, orders["김민지"]) == {"told": "sent"}


def test_a_customer_silent_for_a_day_with_no_template_is_not_told(db, tmp_path: Path) -> None:
    orders = three_customers_waiting(db)
    with db.write() as s:
        order = s.get(Order, orders["김민지"])
        minji = s.get(Contact, order.contact_id) if order is not None else None
        assert minji is not None
        minji.last_inbound_at = utcnow() - timedelta(days=2)
    paid = paid_from_the_bank(db, tmp_path)
    found = notice(db, BulkMove.BANK_FILE, paid)
    assert {(n.customer, n.reason) for n in found.not_told} == {
        ("김민지", NotToldReason.OUTSIDE_WINDOW),
        ("이하은", NotToldReason.NO_NUMBER),
    }
    # What would have gone is kept to read: the owner may tell her another way.
    assert {n.customer: n.text for n in found.not_told}["김민지"].startswith("Thank you, 김민지")


def test_without_a_relay_the_messages_wait_in_the_outbox_as_a_single_orders_message_does(
    db, tmp_path: Path
) -> None:
    """No relay set up yet: 김민지 and 박서준 are told all the same, their messages queued (pending)
    until the relay is connected; only 이하은, with no number, cannot be."""
    orders = three_customers_waiting(db)
    paid = paid_from_the_bank(db, tmp_path)
    without_relay = notice(db, BulkMove.BANK_FILE, paid, relay_ready=False)
    assert not without_relay.relay_ready
    assert [m.customer for m in without_relay.to_tell] == ["김민지", "박서준"]
    assert [(n.customer, n.reason) for n in without_relay.not_told] == [("이하은", NotToldReason.NO_NUMBER)]
    tell_customers(db, without_relay)
    assert [(name, status) for name, status, _body in outbound(db)] == [
        ("김민지", "pending"),
        ("박서준", "pending"),
    ]
    assert told(db, orders["김민지"]) == {"told": "sent"}


def test_a_customer_the_owner_unticked_is_not_sent_and_her_history_says_it_was_the_owners_choice(
    db, tmp_path: Path
) -> None:
    orders = three_customers_waiting(db)
    paid = paid_from_the_bank(db, tmp_path)
    tell_customers(db, notice(db, BulkMove.BANK_FILE, paid), left_out={orders["박서준"]})
    assert [name for name, _status, _body in outbound(db)] == ["김민지"]
    assert told(db, orders["김민지"]) == {"told": "sent"}
    assert told(db, orders["박서준"]) == {"told": "chose_not"}
    assert told(db, orders["이하은"]) == {"told": "could_not", "reason": "no_number"}


def minjis_orders_paid_by_one_transfer(
    db, wrote: timedelta = timedelta(hours=1)
) -> tuple[list[int], list[int]]:
    """김민지 (who wrote an hour ago, or `wrote` ago) paid her two shirts (39,000원 each) with one
    transfer of 78,000원, and 박서준 his one; the ids paid, and hers."""
    recent = utcnow() - wrote
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        minji = make_contact(s, profile_name="김민지", wa_id="821055500001", last_inbound_at=recent)
        seojun = make_contact(s, profile_name="박서준", wa_id="821055500002", last_inbound_at=recent)
        ids = []
        for contact in (minji, minji, seojun):
            order_id = create_order(s, contact_id=contact.id, lines=[LineInput("LINEN", 1)], source="chat").id
            move_order(s, order_id, OrderState.AWAITING_PAYMENT)
            ids.append(order_id)
    both = Deposit(2, "2026.11.29 10:00", "김민지", 78000)
    his = Deposit(3, "2026.11.29 10:05", "박서준", 39000)
    paid, _changes = confirm_payments(db, [(ids[0], both), (ids[1], both), (ids[2], his)])
    return paid, ids[:2]


def test_one_transfer_for_two_of_her_orders_tells_her_once_naming_both_and_what_she_sent(db) -> None:
    paid, hers = minjis_orders_paid_by_one_transfer(db)
    with db.read() as s:
        numbers = [s.get(Order, i).number for i in hers]  # type: ignore[union-attr]
    found = notice(db, BulkMove.BANK_FILE, paid)
    assert len(found) == 3  # orders paid, in the question
    assert [m.customer for m in found.to_tell] == ["김민지", "박서준"]  # one message each
    hers_told = found.to_tell[0]
    assert (hers_told.customer, hers_told.number, hers_told.order_ids) == (
        "김민지",
        f"{numbers[0]} and {numbers[1]}",
        tuple(hers),
    )
    assert found.to_tell[0].prepared.text == (
        f"Thank you, 김민지: your payment of ₩78,000 arrived. We are preparing orders "
        f"{numbers[0]} and {numbers[1]} for you."
    )
    assert found.to_tell[1].prepared.text.endswith(
        "We are preparing order " + found.to_tell[1].number + " for you."
    )

    tell_customers(db, found)
    assert [(name, body) for name, _status, body in outbound(db)] == [
        ("김민지", found.to_tell[0].prepared.text),
        ("박서준", found.to_tell[1].prepared.text),
    ]
    assert [told(db, i) for i in hers] == [{"told": "sent"}, {"told": "sent"}]


def test_her_one_message_for_two_orders_is_in_korean_with_the_amount_as_koreans_write_it(db) -> None:
    paid, hers = minjis_orders_paid_by_one_transfer(db)
    with db.read() as s:
        numbers = [s.get(Order, i).number for i in hers]  # type: ignore[union-attr]
    found = prepare_notice(
        db,
        BulkMove.BANK_FILE,
        paid,
        language="ko",
        locale="ko_KR",
        format_time=english_day,
        now=utcnow(),
        relay_ready=True,
    )
    assert found.to_tell[0].prepared.text == (
        "김민지님, 보내주신 78,000원 입금 확인되었습니다. 감사합니다!\n"
        f"주문번호 {numbers[0]} 및 {numbers[1]} 상품을 함께 정성껏 준비해서 보내드리겠습니다."
    )
    # His single order's message is the one it always was.
    assert found.to_tell[1].prepared.text.startswith("박서준님, 입금 확인되었습니다. 감사합니다!\n주문번호 ")

    keep_quiet(db, found)  # 보내지 않기: both of her orders say the owner chose not to
    assert [told(db, i) for i in hers] == [{"told": "chose_not"}, {"told": "chose_not"}]


def test_orders_the_deadline_cancelled_wait_for_one_decision_and_are_offered_once(db) -> None:
    orders = three_customers_waiting(db)
    with db.write() as s:
        for order_id in orders.values():
            order = s.get(Order, order_id)
            assert order is not None
            order.payment_due_at = utcnow() - timedelta(minutes=1)
    cancelled, _remind, _changes = cancel_overdue(db)
    assert sorted(cancelled) == sorted(orders.values())
    cancel_overdue(db)  # the next minute's check: nothing more to cancel, nothing offered twice
    assert expired_undecided(db) == sorted(orders.values())

    found = notice(db, BulkMove.EXPIRY, expired_undecided(db))
    tell_customers(db, found)
    bodies = [body for _name, _status, body in outbound(db)]
    assert len(bodies) == 2 and all("was cancelled" in body for body in bodies)
    assert history(db, orders["이하은"])[-1] == (UNSENT_MOVE, "cancelled")
    assert expired_undecided(db) == []
    # The same answer given again (a second window, a double click) sends nothing more.
    tell_customers(db, found)
    assert len(outbound(db)) == 2
    cancel_overdue(db)
    assert expired_undecided(db) == []


def test_dont_send_answers_the_deadlines_notice_too(db) -> None:
    orders = three_customers_waiting(db)
    with db.write() as s:
        order = s.get(Order, orders["김민지"])
        assert order is not None
        order.payment_due_at = utcnow() - timedelta(minutes=1)
    cancel_overdue(db)
    assert expired_undecided(db) == [orders["김민지"]]
    keep_quiet(db, notice(db, BulkMove.EXPIRY, [orders["김민지"]]))
    assert expired_undecided(db) == []
    assert outbound(db) == []
    assert history(db, orders["김민지"])[-1] == (UNSENT_MOVE, "cancelled")
    assert told(db, orders["김민지"]) == {"told": "chose_not"}


PAID_ONE = {  # the single order's "payment confirmed": a place for the name and one number only
    "name": "payment_ok",
    "language": "ko",
    "category": "UTILITY",
    "status": "APPROVED",
    "components": [{"type": "BODY", "text": "{{1}}님, 주문번호 {{2}} 입금이 확인되었습니다."}],
}
PAID_WITH_TOTAL = {  # places for the name, the order number and the amount
    "name": "payment_received",
    "language": "ko",
    "category": "UTILITY",
    "status": "APPROVED",
    "components": [
        {"type": "BODY", "text": "{{1}}님, 주문번호 {{2}}의 결제 금액 {{3}} 입금이 확인되었습니다."}
    ],
}


def korean_notice(db, order_ids: list[int]) -> BulkNotice:
    return prepare_notice(
        db,
        BulkMove.BANK_FILE,
        order_ids,
        language="ko",
        locale="ko_KR",
        format_time=english_day,
        now=utcnow(),
        relay_ready=True,
    )


def send_through_the_relay(db, relay) -> None:
    """The desktop's outbox, on a real relay client, sends what is queued (once)."""
    import threading

    from app.outbox import OutboxSender
    from app.relay_client import RelayClient

    client = RelayClient(relay.url, relay.token)
    try:
        sender = OutboxSender(
            db, client, on_changed=lambda ids: None, stop=threading.Event(), retry_base=0.01, retry_cap=0.05
        )
        sender.run_once()
    finally:
        client.close()


def templates_from_the_relay(db, relay, graph, *templates: dict) -> None:
    """Meta approved `templates`; the desktop reads them through the relay (and keeps them)."""
    from app.relay_client import RelayClient
    from app.sending import approved_templates

    graph.templates = list(templates)
    client = RelayClient(relay.url, relay.token)
    try:
        assert {t.name for t in approved_templates(db, client.templates)} == {t["name"] for t in templates}
    finally:
        client.close()


def map_templates(db, **by_message: str) -> None:
    from app.order_settings import load_order_settings, save_order_settings

    with db.write() as s:
        save_order_settings(s, load_order_settings(s).replace(templates=by_message))


def test_after_24_hours_her_two_orders_go_in_the_paid_template_with_both_numbers_and_the_sum(
    db, relay, graph
) -> None:
    paid, hers = minjis_orders_paid_by_one_transfer(db, wrote=timedelta(days=2))
    with db.read() as s:
        numbers = [s.get(Order, i).number for i in hers]  # type: ignore[union-attr]
    relay.post_webhook(inbound_from("821055500001"))  # the relay knows her number
    relay.post_webhook(inbound_from("821055500002"))
    # The Paid template has a place for the amount: no new template to ask Meta for.
    templates_from_the_relay(db, relay, graph, PAID_ONE, PAID_WITH_TOTAL)
    map_templates(db, paid="payment_received")
    found = korean_notice(db, paid)
    assert [m.customer for m in found.to_tell] == ["김민지", "박서준"] and not found.not_told
    hers_told = found.to_tell[0]
    assert hers_told.prepared.text == (
        f"김민지님, 주문번호 {numbers[0]} 및 {numbers[1]}의 결제 금액 78,000원 입금이 확인되었습니다."
    )
    tell_customers(db, found)
    send_through_the_relay(db, relay)

    sent = {body["to"]: body for body in graph.sent}
    assert set(sent) == {"821055500001", "821055500002"}  # one message each, not three
    her = sent["821055500001"]["template"]
    assert her["name"] == "payment_received"
    assert her["components"] == [
        {
            "type": "body",
            "parameters": [
                {"type": "text", "text": "김민지"},
                {"type": "text", "text": f"{numbers[0]} 및 {numbers[1]}"},
                {"type": "text", "text": "78,000원"},
            ],
        }
    ]
    his = sent["821055500002"]["template"]["components"][0]["parameters"]
    assert [p["text"] for p in his][2] == "39,000원"  # his single order, its own amount
    assert [told(db, i) for i in hers] == [{"told": "sent"}, {"told": "sent"}]


def test_the_template_chosen_for_several_orders_goes_before_the_single_orders_one(db, relay, graph) -> None:
    paid, _hers = minjis_orders_paid_by_one_transfer(db, wrote=timedelta(days=2))
    relay.post_webhook(inbound_from("821055500001"))
    relay.post_webhook(inbound_from("821055500002"))
    several = {
        **PAID_WITH_TOTAL,
        "name": "payment_for_orders",
        "components": [{"type": "BODY", "text": "{{1}}님, 보내주신 {{3}}으로 주문 {{2}} 모두 입금 확인!"}],
    }
    templates_from_the_relay(db, relay, graph, PAID_ONE, PAID_WITH_TOTAL, several)
    map_templates(db, paid="payment_received", paid_together="payment_for_orders")
    tell_customers(db, korean_notice(db, paid))
    send_through_the_relay(db, relay)
    names = {body["to"]: body["template"]["name"] for body in graph.sent}
    assert names == {"821055500001": "payment_for_orders", "821055500002": "payment_received"}


def test_a_paid_template_with_no_place_for_the_sum_does_not_carry_her_two_orders_and_the_owner_is_told(
    db, relay, graph
) -> None:
    paid, hers = minjis_orders_paid_by_one_transfer(db, wrote=timedelta(days=2))
    relay.post_webhook(inbound_from("821055500002"))
    templates_from_the_relay(db, relay, graph, PAID_ONE)
    map_templates(db, paid="payment_ok")
    found = korean_notice(db, paid)
    # His single order still goes in it; her two cannot: the total would be lost.
    assert [m.customer for m in found.to_tell] == ["박서준"]
    assert [(n.order_id, n.reason) for n in found.not_told] == [
        (hers[0], NotToldReason.NO_TEMPLATE_FOR_SEVERAL),
        (hers[1], NotToldReason.NO_TEMPLATE_FOR_SEVERAL),
    ]
    assert "78,000원" in found.not_told[0].text  # what she would have read, for the owner to pass on
    tell_customers(db, found)
    send_through_the_relay(db, relay)
    assert [body["to"] for body in graph.sent] == ["821055500002"]
    assert [told(db, i) for i in hers] == [
        {"told": "could_not", "reason": "no_template_for_several"},
        {"told": "could_not", "reason": "no_template_for_several"},
    ]


def inbound_from(wa_id: str) -> dict:
    from tests.support.relay_server import inbound

    return inbound(content="입금했어요", sender=wa_id, timestamp=int(utcnow().timestamp()) - 2 * 86400)
