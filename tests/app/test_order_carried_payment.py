"""An exchange's new order: what her first order's payment carried to it is paid, never a discount, in
the order, the books' sheet, the messages she gets and the bank matching; older databases converted."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.db import SCHEMA_VERSION, Database, stored_schema_version
from app.deposits import Deposit, MatchKind, match_deposits
from app.errors import ErrorCode, OrderError
from app.order_actions import load_order, save_return
from app.order_changes import change_order
from app.order_messages import prepare_message
from app.order_queries import order_detail
from app.order_returns import ReturnLine, ReturnRequest
from app.order_settings import OrderSettings
from app.orders import Charges, LineInput, OrderState, move_order
from tests.app.test_order_returns import shipped_order

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def dearer_exchange(db) -> tuple[int, int]:
    """김민지 sends back one 린넨 셔츠 (29,000원 paid) for a 실크 셔츠 (41,000원): (first, new) ids."""
    order_id, _contact_id, _items = shipped_order(db)
    _d, _c, outcome = save_return(
        db, order_id, ReturnRequest((ReturnLine(0, 1),), goods_back=True, exchange=(LineInput("SILK", 1),))
    )
    assert outcome.exchange_id is not None
    return order_id, outcome.exchange_id


def test_the_new_order_counts_her_first_payment_as_paid_and_asks_only_the_rest(db) -> None:
    first, new = dearer_exchange(db)
    detail = load_order(db, new)
    assert detail.discount_minor == 0  # no discount was given
    assert (detail.total_minor, detail.carried_minor, detail.due_minor) == (41000, 29000, 12000)
    assert detail.carried_from == load_order(db, first).number


def test_the_books_sheet_has_the_sale_whole_and_the_carried_payment_in_its_own_column(db, tmp_path) -> None:
    from openpyxl import load_workbook

    from app.shipping_sheets import ORDER_COLUMNS, orders_sheet

    first, new = dearer_exchange(db)
    path = tmp_path / "orders.xlsx"
    with db.read() as s:
        path.write_bytes(orders_sheet(s, fmt="xlsx"))
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    column = {name: ORDER_COLUMNS.index(name) for name in ("할인", "합계", "원래 주문에서 옮긴 결제")}
    exchange = rows[load_order(db, new).number]
    assert exchange[column["할인"]] == 0  # not 29,000원 of discount the shop never gave
    assert exchange[column["합계"]] == 41000  # the silk shirt sold at its price
    assert exchange[column["원래 주문에서 옮긴 결제"]] == 29000
    assert rows[load_order(db, first).number][column["원래 주문에서 옮긴 결제"]] is None


def test_her_payment_request_names_the_carried_payment_and_asks_the_rest(db) -> None:
    first, new = dearer_exchange(db)
    with db.write() as s:
        move_order(s, new, OrderState.AWAITING_PAYMENT, now=NOW)
        detail = order_detail(s, new)
    number = load_order(db, first).number
    for language, locale, amount, carried in (
        ("ko", "ko_KR", "결제 금액: 12,000원", f"원래 주문 {number}에서 옮긴 결제: 29,000원"),
        ("en", "en_US", "Amount: ₩12,000", f"Paid on order {number}: ₩29,000"),
    ):
        message = prepare_message(
            detail,
            OrderSettings(bank_account="국민 123-45-678901"),
            language=language,
            locale=locale,
            deadline_text="12월 2일",
            last_inbound_at=NOW - timedelta(hours=1),
            now=NOW,
        )
        assert message is not None
        lines = message.text.split("\n")
        assert lines[lines.index(amount) + 1].startswith(carried)  # right under the amount
        assert "할인" not in message.text and "discount" not in message.text.casefold()


def test_her_transfer_of_the_difference_matches_the_new_order_by_name_and_amount(db) -> None:
    _first, new = dearer_exchange(db)
    with db.write() as s:
        move_order(s, new, OrderState.AWAITING_PAYMENT)
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(2, "", "김민지", 12000)])
    assert (match.kind, match.order_id) == (MatchKind.NAME_AND_AMOUNT, new)


def test_changing_the_new_order_keeps_the_carried_payment_and_never_goes_below_it(db) -> None:
    _first, new = dearer_exchange(db)
    with db.write() as s:
        change = change_order(s, new, [LineInput("SILK", 1, price=41000)], Charges(shipping_minor=3000))
    assert (change.total_before, change.total_after) == (12000, 15000)  # what she is asked for
    detail = load_order(db, new)
    assert (detail.total_minor, detail.carried_minor, detail.discount_minor) == (44000, 29000, 0)
    with db.write() as s, pytest.raises(OrderError) as err:
        change_order(s, new, [LineInput("BAG", 1, price=12000)], Charges())
    assert err.value.code is ErrorCode.ORDER_CARRIED_OVER_TOTAL
    assert load_order(db, new).total_minor == 44000


def _downgrade(db_path: Path, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from app.db import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    command.downgrade(cfg, revision)


def _money_columns(db_path: Path) -> dict[int, tuple[int, int]]:
    raw = sqlite3.connect(db_path)
    try:
        return dict(
            (order_id, (discount, total))
            for order_id, discount, total in raw.execute(
                'SELECT id, discount_minor, total_minor FROM "order"'
            )
        )
    finally:
        raw.close()


def test_an_older_database_turns_its_exchange_discounts_into_carried_payments_and_loses_nothing(
    db_path: Path,
) -> None:
    """Before 0017 an exchange's new order held the carried money as its discount. Written here by
    today's code and taken down to 0016, the rows are as the older app wrote them; up again, the
    discount is only what the owner gave, and the carried money is paid."""
    db = Database.open(db_path)
    first, new = dearer_exchange(db)
    _d, _c, other = save_return(  # her bag for another silk shirt, and a discount the owner gave
        db, first, ReturnRequest((ReturnLine(1, 1),), goods_back=True, exchange=(LineInput("SILK", 1),))
    )
    assert other.exchange_id is not None
    with db.write() as s:
        change_order(s, other.exchange_id, [LineInput("SILK", 1, price=41000)], Charges(discount_minor=2000))
    db.close()
    _downgrade(db_path, "0016")
    assert stored_schema_version(db_path) == 16
    old = _money_columns(db_path)
    # As the older app wrote them: the carried money as discount, the total what she was asked for.
    assert old[new] == (29000, 12000)
    assert old[other.exchange_id] == (12000 + 2000, 27000)
    assert old[first] == (0, 3000 + 2 * 29000 + 12000)

    db = Database.open(db_path)  # migrated at start, as the app does
    assert stored_schema_version(db_path) == SCHEMA_VERSION
    moved = load_order(db, new)
    assert (moved.discount_minor, moved.carried_minor, moved.total_minor, moved.due_minor) == (
        0,
        29000,
        41000,
        12000,
    )
    own = load_order(db, other.exchange_id)
    assert (own.discount_minor, own.carried_minor, own.total_minor, own.due_minor) == (
        2000,
        12000,
        39000,
        27000,
    )
    unchanged = load_order(db, first)
    assert (unchanged.discount_minor, unchanged.carried_minor, unchanged.total_minor) == (0, 0, 73000)
    db.close()
    _downgrade(db_path, "0016")  # and back: nothing lost either way
    assert _money_columns(db_path) == old


def _books(db) -> tuple[dict[str, tuple[object, ...]], dict[str, int]]:
    """The books sheet as a spreadsheet reads it (xlsx): rows by order number (first lines), columns."""
    import io

    from openpyxl import load_workbook

    from app.shipping_sheets import ORDER_COLUMNS, orders_sheet

    with db.read() as s:
        data = orders_sheet(s, fmt="xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    rows: dict[str, tuple[object, ...]] = {}
    for r in sheet.iter_rows(min_row=2, values_only=True):
        rows.setdefault(str(r[0]), r)
    return rows, {name: ORDER_COLUMNS.index(name) for name in ORDER_COLUMNS}


def _sum(rows: dict[str, tuple[object, ...]], column: int) -> int:
    return sum(int(r[column] or 0) for r in rows.values())  # type: ignore[call-overload]


def test_the_exchanged_orders_row_says_which_order_its_payment_went_to_and_the_books_count_it_once(
    db,
) -> None:
    """Her first order (73,000원 paid) sent back a 29,000원 shirt for a 41,000원 silk one; she paid
    the 12,000원 left. The first order's row names the new order and the 29,000원 it took; 합계 less
    환불 less that, added up, is the 85,000원 she paid, not 114,000원 counting her shirt money twice."""
    first, new = dearer_exchange(db)
    with db.write() as s:
        move_order(s, new, OrderState.AWAITING_PAYMENT)
        move_order(s, new, OrderState.PAID)
    rows, col = _books(db)
    first_row, new_row = rows[load_order(db, first).number], rows[load_order(db, new).number]
    assert first_row[col["결제를 옮긴 주문"]] == load_order(db, new).number
    assert first_row[col["새 주문으로 옮긴 결제"]] == 29000
    assert new_row[col["결제를 옮긴 주문"]] is None and new_row[col["새 주문으로 옮긴 결제"]] is None
    assert _sum(rows, col["합계"]) == 73000 + 41000
    kept = _sum(rows, col["합계"]) - _sum(rows, col["환불"]) - _sum(rows, col["새 주문으로 옮긴 결제"])
    assert kept == 73000 + 12000  # what she transferred, all told
    assert _sum(rows, col["새 주문으로 옮긴 결제"]) == _sum(rows, col["원래 주문에서 옮긴 결제"])


def test_when_the_new_order_is_cancelled_the_carried_money_is_a_refund_not_moved(db) -> None:
    """The new order cancelled hands her shirt money back: the first order's row still names it, but
    the 29,000원 is under 환불 only, so the books do not take it off twice."""
    first, new = dearer_exchange(db)
    with db.write() as s:
        move_order(s, new, OrderState.CANCELLED)
    rows, col = _books(db)
    first_row = rows[load_order(db, first).number]
    assert first_row[col["결제를 옮긴 주문"]] == load_order(db, new).number
    assert first_row[col["새 주문으로 옮긴 결제"]] is None
    assert first_row[col["환불"]] == 29000
