"""Bank deposits and when orders were placed: money sent on a day before an order was placed is not its
payment, and of several orders one deposit could pay, the one placed nearest before it comes first."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.automations_store import AutomationsStore
from app.catalog import ItemDraft, create_item
from app.deposits import Deposit, MatchKind, deposit_moment, match_deposits, read_bank_file
from app.models import CatalogItem
from app.orders import Charges, LineInput, OrderState, create_order, move_order
from app.wire import Automations, BusinessHours
from tests.support.factories import make_contact


@pytest.fixture(autouse=True)
def shop_in_seoul(db) -> None:
    """The shop's clock is Seoul's (KST, UTC+9): the bank writes its times on it too."""
    AutomationsStore(db).save(Automations(business_hours=BusinessHours(timezone="Asia/Seoul")))


def kst(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    """A moment of 2026 on the shop's (Seoul's) clock, in UTC."""
    return datetime(2026, month, day, hour, minute, tzinfo=ZoneInfo("Asia/Seoul")).astimezone(UTC)


def minjis_order(
    db, placed: datetime, *, phone: str = "821055501234", state: OrderState = OrderState.AWAITING_PAYMENT
) -> tuple[int, str]:
    """김민지 (a customer of that name, on `phone`) ordered a linen shirt, 42,000원 with shipping, at
    `placed`; asked to pay then. (id, number)."""
    with db.write() as s:
        if s.scalar(select(CatalogItem.id).limit(1)) is None:
            create_item(
                s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN")
            )
        c = make_contact(s, profile_name="김민지", wa_id=phone)
        order = create_order(
            s,
            contact_id=c.id,
            lines=[LineInput("LINEN", 1)],
            source="chat",
            charges=Charges(3000),
            now=placed,
        )
        if state is not OrderState.NEW:
            move_order(s, order.id, state, now=placed)
        return order.id, order.number


def test_a_deposit_from_the_day_before_her_order_is_not_its_payment_and_says_why(db) -> None:
    order_id, number = minjis_order(db, kst(3, 14, 10))
    with db.read() as s:
        [before] = match_deposits(s, [Deposit(2, "2026.12.02 18:00:00", "김민지", 42000)])
        same_day, after = match_deposits(
            s,
            [
                Deposit(3, "2026.12.03 09:30:00", "김민지", 42000),  # that morning: typed in later
                Deposit(4, "2026.12.04 10:00:00", "김민지", 42000),
            ],
        )
    assert before.kind == MatchKind.PLACED_AFTER and before.order_ids() == ()
    assert (before.order_id, before.number, before.placed_at) == (order_id, number, kst(3, 14, 10))
    # The same day counts: the owner types in an order she took in the chat after the transfer came.
    assert same_day.kind == MatchKind.NAME_AND_AMOUNT and same_day.order_ids() == (order_id,)
    assert same_day.placed_at == kst(3, 14, 10)  # shown beside the deposit's own date
    assert after.kind is None  # the order is the same-day deposit's; nothing else waits


def test_of_two_orders_of_one_name_and_amount_the_one_placed_nearest_before_the_deposit_is_proposed_first(
    db,
) -> None:
    """Two 김민지 each await 42,000원, one since 28 November, one since 3 December; a transfer of
    4 December could be either's. Still unsure, so never ticked: the 3 December one is proposed first."""
    older = minjis_order(db, kst(28, 11, month=11))
    nearer = minjis_order(db, kst(3, 20), phone="821099990000")
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(2, "2026-12-04 10:00", "김민지", 42000)])
    assert match.kind == MatchKind.SAME_NAME_UNSURE and match.order_ids() == ()
    assert (match.order_id, match.number) == nearer
    assert match.choices == ((nearer[1],), (older[1],))
    assert match.choices_placed == (kst(3, 20), kst(28, 11, month=11))


def test_an_order_placed_after_the_deposit_leaves_the_other_one_as_the_match(db) -> None:
    """Of two 김민지's orders of the amount, one was placed two days after the money came: only the
    other can be what it pays, so it is matched as name and amount."""
    before = minjis_order(db, kst(1, 9))
    minjis_order(db, kst(6, 9), phone="821099990000")
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(2, "2026-12-04 10:00", "김민지", 42000)])
    assert (match.kind, match.order_id) == (MatchKind.NAME_AND_AMOUNT, before[0])


def test_two_deposits_for_two_orders_of_one_name_each_go_to_the_order_placed_nearest_before_it(
    db, tmp_path: Path
) -> None:
    first = minjis_order(db, kst(1, 12))
    second = minjis_order(db, kst(4, 12), phone="821099990000")
    bank = tmp_path / "거래내역.csv"
    bank.write_bytes(
        (
            "거래일시,적요,기재내용,찾으신금액,맡기신금액,잔액\n"
            '2026.12.05 09:00:00,타행이체,김민지,0,"42,000","1,084,000"\n'  # the newest first
            '2026.12.02 09:00:00,타행이체,김민지,0,"42,000","1,042,000"\n'
        ).encode("cp949")
    )
    with db.read() as s:
        later, earlier = match_deposits(s, read_bank_file(bank))
    assert (later.kind, later.order_id) == (MatchKind.NAME_AND_AMOUNT, second[0])
    assert (earlier.kind, earlier.order_id) == (MatchKind.NAME_AND_AMOUNT, first[0])


def test_amount_only_is_not_offered_an_order_placed_after_the_deposit(db) -> None:
    minjis_order(db, kst(5, 12))
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(2, "2026.12.01 10:00:00", "박지훈엄마", 42000)])
    assert match.kind is None and match.order_ids() == () and match.open_with_amount == 0


def test_a_deposit_without_a_date_is_matched_as_before(db) -> None:
    order_id, _number = minjis_order(db, kst(5, 12))
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(2, "", "김민지", 42000)])
    assert (match.kind, match.order_id) == (MatchKind.NAME_AND_AMOUNT, order_id)


def test_a_paid_before_the_request_order_placed_after_the_deposit_is_not_offered(db) -> None:
    minjis_order(db, kst(5, 12), state=OrderState.NEW)
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(2, "2026.12.01 10:00:00", "김민지", 42000)])
    assert match.kind == MatchKind.PLACED_AFTER and match.order_ids() == ()


def test_a_deposits_moment_is_read_on_the_shops_clock() -> None:
    seoul = ZoneInfo("Asia/Seoul")
    assert deposit_moment("2026.12.04 09:12:30", "KR", seoul) == datetime(2026, 12, 4, 0, 12, 30, tzinfo=UTC)
    assert deposit_moment("20261204", "KR", seoul) == datetime(2026, 12, 4, 14, 59, 59, tzinfo=UTC)
    assert deposit_moment("05/12/2026 14:03", "GB", ZoneInfo("Europe/London")) == datetime(
        2026, 12, 5, 14, 3, tzinfo=UTC
    )
    assert deposit_moment("어제", "KR", seoul) is None


def test_of_two_of_her_transfers_that_day_the_one_after_the_order_was_placed_pays_it(db) -> None:
    """김민지's order placed at 18:31 (an exchange's new order, made as it was recorded) asks for
    42,000원; the bank file has a transfer of hers of that amount at 18:20 (for something else) and
    one at 18:33: the 18:33 one is its payment, not the earlier one."""
    order_id, _number = minjis_order(db, kst(5, 18, 31))
    with db.read() as s:
        after, before = match_deposits(
            s,
            [
                Deposit(2, "2026.12.05 18:33:00", "김민지", 42000),  # the newest first, as banks write
                Deposit(3, "2026.12.05 18:20:00", "김민지", 42000),
            ],
        )
    assert (after.kind, after.order_ids()) == (MatchKind.NAME_AND_AMOUNT, (order_id,))
    # Not "no order of this amount": hers is there, placed after this transfer.
    assert (before.kind, before.order_id, before.order_ids()) == (MatchKind.PLACED_AFTER, order_id, ())
