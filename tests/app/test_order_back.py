"""An order moved by mistake goes back a step: its stock, deadline, deposit and history as they were."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.deposits import Deposit, MatchKind, confirm_deposits, match_deposits
from app.errors import ErrorCode, OrderError
from app.models import Label, Order, OrderEvent, contact_label
from app.order_actions import load_order
from app.order_back import BACK_DAYS, back_step, move_back
from app.order_changes import payment_asked
from app.order_messages import was_paid
from app.order_queries import order_detail
from app.order_returns import ReturnLine, ReturnRequest, record_return, refunds_of
from app.orders import (
    MOVED_BACK,
    LineInput,
    OrderState,
    Told,
    create_order,
    expire_unpaid,
    move_note,
    move_order,
    note_told,
)
from app.stock import set_stock, stock_levels
from tests.app.test_order_carried_payment import dearer_exchange
from tests.support.engine_probe import quick_engine
from tests.support.factories import make_contact
from tests.support.relay_server import RunningRelay

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
CUSTOMER = "821022223333"


def shirt_order(db, *, on_hand: int = 5, quantity: int = 2, name: str = "김민지") -> int:
    with db.write() as s:
        item = create_item(
            s, ItemDraft(name="린넨 셔츠", price_minor=21000, currency="KRW", retailer_id="LN-SH")
        )
        set_stock(s, item, on_hand)
        customer = make_contact(s, profile_name=name)
        order = create_order(
            s, contact_id=customer.id, lines=[LineInput("LN-SH", quantity)], source="chat", now=NOW
        )
        return order.id


def refunds(db, *order_ids: int) -> dict[int, int]:
    with db.read() as s:
        return refunds_of(s, order_ids)


def statuses_on_the_relay(relay: RunningRelay, wa_id: str) -> list[dict[str, Any]]:
    response = httpx.get(f"{relay.url}/v1/orders/status", params={"wa_id": wa_id}, headers=relay.auth())
    assert response.status_code == 200
    return list(response.json()["orders"])


def chat_labels(s, contact_id: int) -> set[str]:
    rows = s.scalars(
        select(Label.builtin)
        .join(contact_label, contact_label.c.label_id == Label.id)
        .where(contact_label.c.contact_id == contact_id)
    )
    return set(rows)


def shelf(db) -> tuple[int, int]:
    with db.read() as s:
        (level,) = stock_levels(s)
        return level.on_hand, level.reserved


def test_a_card_marked_paid_by_mistake_goes_back_to_awaiting_payment_with_its_items_held_again(db) -> None:
    order_id = shirt_order(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)
        due = s.get(Order, order_id).payment_due_at  # type: ignore[union-attr]
    assert shelf(db) == (5, 2)
    with db.write() as s:
        move_order(s, order_id, OrderState.PAID, now=NOW + timedelta(minutes=5))
    assert shelf(db) == (3, 0)

    with db.write() as s:
        back = move_back(s, order_id, expected=OrderState.PAID, now=NOW + timedelta(minutes=6))
    assert (back.from_state, back.to_state, back.told, back.deposit) == (
        OrderState.PAID,
        OrderState.AWAITING_PAYMENT,
        False,
        False,
    )
    assert shelf(db) == (5, 2)  # the pieces are on the shelf again, held for her
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        assert order.state == OrderState.AWAITING_PAYMENT
        assert order.contact_id is not None
        assert chat_labels(s, order.contact_id) == {"Pending payment"}  # the chat's label follows
        assert order.payment_due_at == due  # the deadline she was given
        assert order.updated_at == NOW + timedelta(minutes=6)  # the relay keeps this over "paid"
        kinds = [(e.kind, e.from_state, e.to_state) for e in order.events]
    # The forward move stays in the history; the move back is its own entry.
    assert kinds[-2:] == [
        ("moved", "awaiting_payment", "paid"),
        (MOVED_BACK, "paid", "awaiting_payment"),
    ]


def test_moving_back_twice_takes_an_order_back_to_new_holding_nothing_and_with_no_deadline(db) -> None:
    order_id = shirt_order(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)
        move_order(s, order_id, OrderState.PAID, now=NOW)
    with db.write() as s:
        move_back(s, order_id, now=NOW + timedelta(minutes=1))
        assert back_step(s, order_id).to_state is OrderState.NEW
        move_back(s, order_id, now=NOW + timedelta(minutes=2))
    assert shelf(db) == (5, 0)
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        assert (order.state, order.payment_due_at, order.depositor_name) == (OrderState.NEW, None, "")
        with pytest.raises(OrderError) as refused:
            back_step(s, order_id)
    assert refused.value.code is ErrorCode.ORDER_BACK_NONE  # a new order has no step behind it
    # Moved forward again, it goes as any order does.
    with db.write() as s:
        move_order(s, order_id, OrderState.PAID, now=NOW + timedelta(minutes=3))
        assert back_step(s, order_id).to_state is OrderState.NEW
    assert shelf(db) == (3, 0)


def test_an_order_paid_straight_from_new_goes_back_to_new(db) -> None:
    order_id = shirt_order(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.PAID, now=NOW)
        assert move_back(s, order_id, now=NOW).to_state is OrderState.NEW
    assert shelf(db) == (5, 0)


def test_a_deadline_passed_meanwhile_is_given_afresh_so_the_order_is_not_cancelled_at_once(db) -> None:
    order_id = shirt_order(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW, payment_days=1)
        move_order(s, order_id, OrderState.PAID, now=NOW)
    later = NOW + timedelta(days=5)
    with db.write() as s:
        move_back(s, order_id, now=later, payment_days=2)
        assert expire_unpaid(s, later + timedelta(minutes=1)) == []
        order = s.get(Order, order_id)
        assert order is not None and order.payment_due_at is not None
        assert order.payment_due_at > later + timedelta(days=1)


def test_a_wrong_customers_order_marked_shipped_goes_back_to_paid_without_the_tracking_number(db) -> None:
    order_id = shirt_order(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.PAID, now=NOW)
        move_order(s, order_id, OrderState.SHIPPED, now=NOW, courier="CJ대한통운", tracking="654321098765")
        note_told(s, order_id, OrderState.SHIPPED, Told.SENT)
    with db.write() as s:
        step = back_step(s, order_id)
        assert (step.to_state, step.told, step.tracking) == (OrderState.PAID, True, "654321098765")
        back = move_back(s, order_id, now=NOW + timedelta(hours=1))
    assert back.told  # the shipping notice went; moving back cannot unsend it
    assert shelf(db) == (3, 0)  # still sold to her: paid holds its pieces
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        assert (order.state, order.courier, order.tracking) == (OrderState.PAID, "", "")
        assert move_note(order.events[-1].note)["tracking"] == "654321098765"


def test_a_deposit_matched_by_mistake_is_unmatched_and_the_bank_file_matches_it_again(db) -> None:
    order_id = shirt_order(db, name="김민지")
    with db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)
        s.get(Order, order_id).depositor_name = "김민지"  # type: ignore[union-attr]
    deposit = Deposit(row=2, at="2026.11.29 11:40:55", name="김민지", amount=42000)
    with db.write() as s:
        (match,) = match_deposits(s, [deposit], NOW)
        assert (match.order_id, match.kind) == (order_id, MatchKind.NAME_AND_AMOUNT)
        confirm_deposits(s, [(order_id, deposit)], NOW)
    with db.read() as s:
        (match,) = match_deposits(s, [deposit], NOW)
        assert match.order_id is None  # applied: not offered again
    with db.write() as s:
        assert back_step(s, order_id).deposit
        assert move_back(s, order_id, now=NOW).deposit
    with db.read() as s:
        (match,) = match_deposits(s, [deposit], NOW)
    assert (match.order_id, match.kind) == (order_id, MatchKind.NAME_AND_AMOUNT)


def test_a_cancel_by_mistake_goes_back_and_takes_its_items_again_if_they_are_still_there(db) -> None:
    order_id = shirt_order(db, on_hand=3, quantity=2)
    with db.write() as s:
        move_order(s, order_id, OrderState.PAID, now=NOW)
        move_order(s, order_id, OrderState.CANCELLED, now=NOW)
    assert shelf(db) == (3, 0)
    with db.write() as s:
        set_stock(s, s.scalars(select(Order)).one().lines[0].item_id or 0, 1)  # sold elsewhere meanwhile
    with db.write() as s, pytest.raises(OrderError) as short:
        move_back(s, order_id, now=NOW)
    assert short.value.code is ErrorCode.ORDER_OUT_OF_STOCK
    with db.read() as s:
        assert s.get(Order, order_id).state == OrderState.CANCELLED  # type: ignore[union-attr]
    with db.write() as s:
        set_stock(s, s.scalars(select(Order)).one().lines[0].item_id or 0, 4)
    with db.write() as s:
        assert move_back(s, order_id, now=NOW).to_state is OrderState.PAID
    assert shelf(db) == (2, 0)


def test_an_order_closed_long_ago_or_cancelled_by_its_deadline_stays_as_it_is(db) -> None:
    done = shirt_order(db)
    with db.write() as s:
        for state in (OrderState.PAID, OrderState.SHIPPED, OrderState.DONE):
            move_order(s, done, state, now=NOW)
        expired = create_order(s, contact_id=None, lines=[LineInput("LN-SH", 1)], source="chat", now=NOW).id
        move_order(s, expired, OrderState.AWAITING_PAYMENT, now=NOW, payment_days=1)
        expire_unpaid(s, NOW + timedelta(days=3))
    with db.read() as s:
        assert back_step(s, done, NOW + timedelta(days=BACK_DAYS - 1)).to_state is OrderState.SHIPPED
        with pytest.raises(OrderError) as late:
            back_step(s, done, NOW + timedelta(days=BACK_DAYS + 1))
        with pytest.raises(OrderError) as deadline:
            back_step(s, expired, NOW + timedelta(days=3))
    assert late.value.code is ErrorCode.ORDER_BACK_TOO_LATE
    assert deadline.value.code is ErrorCode.ORDER_BACK_EXPIRED


def test_an_order_returned_since_it_shipped_is_not_moved_back(db) -> None:
    order_id = shirt_order(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.PAID, now=NOW)
        move_order(s, order_id, OrderState.SHIPPED, now=NOW, courier="CJ대한통운", tracking="654321098765")
        record_return(s, order_id, ReturnRequest(lines=(ReturnLine(0, 1),), reason="사이즈"), now=NOW)
    with db.read() as s, pytest.raises(OrderError) as refused:
        back_step(s, order_id, NOW)
    assert refused.value.code is ErrorCode.ORDER_BACK_AFTER_RETURN


def test_undo_does_not_take_back_a_move_made_after_it_was_offered(db) -> None:
    order_id = shirt_order(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.PAID, now=NOW)
        move_order(s, order_id, OrderState.SHIPPED, now=NOW)
    with db.write() as s, pytest.raises(OrderError) as moved:
        move_back(s, order_id, expected=OrderState.PAID, now=NOW)
    assert moved.value.code is ErrorCode.ORDER_BACK_MOVED
    with db.read() as s:
        assert s.scalars(select(OrderEvent.kind).where(OrderEvent.kind == MOVED_BACK)).all() == []


def test_the_relays_bot_hears_the_order_went_back_and_no_longer_says_shipped(
    db, relay: RunningRelay, tmp_path: Path
) -> None:
    """Marked shipped with another customer's tracking number, then put back: the bot must not
    tell her the parcel is on its way."""
    now = datetime.now(UTC)
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=21000, currency="KRW", retailer_id="LN-SH"))
        customer = make_contact(s, wa_id=CUSTOMER, profile_name="박서연")
        order = create_order(
            s,
            contact_id=customer.id,
            lines=[LineInput("LN-SH", 1)],
            source="chat",
            now=now - timedelta(hours=2),
        )
        move_order(s, order.id, OrderState.PAID, now=now - timedelta(hours=1))
        move_order(
            s,
            order.id,
            OrderState.SHIPPED,
            now=now - timedelta(minutes=1),
            courier="CJ대한통운",
            tracking="654321098765",
        )
        order_id = order.id
    engine, _ = quick_engine(db, relay, tmp_path / "media")
    assert engine.push_order_statuses(now) == 1
    [held] = statuses_on_the_relay(relay, CUSTOMER)
    assert (held["state"], held["tracking"]) == ("shipped", "654321098765")

    with db.write() as s:
        move_back(s, order_id, now=now)
    assert engine.push_order_statuses(now) == 1
    [held] = statuses_on_the_relay(relay, CUSTOMER)
    assert (held["state"], held["tracking"], held["tracking_url"]) == ("paid", "", "")


def test_an_exchange_cancelled_by_mistake_goes_back_and_her_first_payment_pays_it_again(db) -> None:
    """The exchange's new order cancelled: the shirt money carried to it was to be refunded. Moved
    back, it pays the new order again and is no refund; both orders' histories say so."""
    first, new = dearer_exchange(db)
    with db.write() as s:
        move_order(s, new, OrderState.AWAITING_PAYMENT)
        move_order(s, new, OrderState.CANCELLED)
    assert refunds(db, first, new) == {first: 29000}
    with db.write() as s:
        assert move_back(s, new).to_state is OrderState.AWAITING_PAYMENT
    assert refunds(db, first, new) == {}
    assert load_order(db, new).due_minor == 41000 - 29000  # she is asked only the rest, as before


def test_an_order_paid_by_mistake_then_cancelled_owes_no_refund_and_its_request_still_counts_as_sent(
    db,
) -> None:
    order_id = shirt_order(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)
        note_told(s, order_id, OrderState.AWAITING_PAYMENT, Told.SENT)
        move_order(s, order_id, OrderState.PAID, now=NOW)
        move_back(s, order_id, now=NOW)
        order = s.get(Order, order_id)
        assert order is not None
        assert payment_asked(s, order)  # a change of its items tells her the new amount
        move_order(s, order_id, OrderState.CANCELLED, now=NOW)
    with db.read() as s:
        assert not was_paid(order_detail(s, order_id))  # her cancel message promises no refund


def test_one_of_two_orders_one_transfer_paid_moved_back_frees_its_part_and_the_other_stays_paid(db) -> None:
    """Walk: 김민지's one transfer paid her coat and her shirt; the shirt was marked paid by mistake
    (she wants it changed first), so the owner moved it back. The bank file still said the deposit
    was "Already applied" to both, and the shirt could never be matched again."""
    from tests.app.test_deposits import two_orders_of_one_customer

    coat, shirt = two_orders_of_one_customer(db)  # 90,000원 and 42,000원
    deposit = Deposit(2, "2026-12-04 14:03:22", "김민지", 132000)
    with db.write() as s:
        [match] = match_deposits(s, [deposit])
        confirm_deposits(s, [(order_id, deposit) for order_id in match.order_ids()], NOW)
        coat_number, shirt_number = (s.get(Order, i).number for i in (coat, shirt))  # type: ignore[union-attr]
    with db.write() as s:
        step = back_step(s, shirt)
        assert (step.to_state, step.deposit, step.paid_with) == (
            OrderState.AWAITING_PAYMENT,
            True,
            (coat_number,),
        )
        back = move_back(s, shirt, now=NOW)
    assert (back.deposit, back.paid_with) == (True, (coat_number,))
    with db.read() as s:
        assert s.get(Order, coat).state == OrderState.PAID  # type: ignore[union-attr]
        [again] = match_deposits(s, [deposit])
    # The deposit pays the coat still; the shirt's 42,000원 of it is free, and matches the shirt.
    assert (again.kind, again.order_ids(), again.paid_already, again.free) == (
        MatchKind.NAME_AND_AMOUNT,
        (shirt,),
        (coat_number,),
        42000,
    )
    assert again.deposit == deposit  # the bank's line as it is, so its history names it the same
    with db.write() as s:  # moved forward again by the same deposit
        confirm_deposits(s, [(shirt, again.deposit)], NOW)
    with db.read() as s:
        assert s.get(Order, shirt).state == OrderState.PAID  # type: ignore[union-attr]
        paid = move_note(s.get(Order, shirt).events[-1].note)["deposit"]  # type: ignore[union-attr]
        [applied] = match_deposits(s, [deposit])
    assert paid["orders"] == [coat_number, shirt_number]
    assert (applied.kind, applied.number) == (MatchKind.ALREADY_APPLIED, f"{coat_number}, {shirt_number}")


def test_both_orders_of_one_transfer_moved_back_match_it_together_again(db) -> None:
    from tests.app.test_deposits import two_orders_of_one_customer

    coat, shirt = two_orders_of_one_customer(db)
    deposit = Deposit(2, "2026-12-04 14:03:22", "김민지", 132000)
    with db.write() as s:
        [match] = match_deposits(s, [deposit])
        confirm_deposits(s, [(order_id, deposit) for order_id in match.order_ids()], NOW)
    with db.write() as s:
        move_back(s, shirt, now=NOW)
        assert move_back(s, coat, now=NOW).paid_with == ()  # the deposit pays nothing else now
    with db.read() as s:
        [again] = match_deposits(s, [deposit])
    assert (again.kind, again.order_ids(), again.paid_already) == (
        MatchKind.SEVERAL_ORDERS,
        (coat, shirt),
        (),
    )
