"""The board's table: what each order's row says, which way its sort arrow points, where the room goes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionHeader

from app.catalog import ItemDraft, create_item
from app.orders import LineInput, OrderState, create_order, move_order
from tests.support.factories import BASE_TIME, make_contact
from ui.order_board import OrderBoard
from ui.order_board_model import Column

# Each order asked for payment, then taken as far as this.
STEPS = {
    "고객 대기": (),
    "고객 결제": (OrderState.PAID,),
    "고객 배송": (OrderState.PAID, OrderState.SHIPPED),
    "고객 완료": (OrderState.PAID, OrderState.SHIPPED, OrderState.DONE),
    "고객 취소": (OrderState.CANCELLED,),
}


def test_the_table_gives_a_payment_deadline_only_to_orders_awaiting_payment(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        for hour, (customer, steps) in enumerate(STEPS.items()):
            c = make_contact(s, profile_name=customer)
            order_id = create_order(
                s,
                contact_id=c.id,
                lines=[LineInput("BAG", 1)],
                source="chat",
                now=BASE_TIME + timedelta(hours=hour),
            ).id
            move_order(s, order_id, OrderState.AWAITING_PAYMENT)
            for step in steps:
                move_order(s, order_id, step, courier="CJ대한통운", tracking="123412341234")
    board = _shown_table(window, qtbot)
    model = board.table_model
    due = {
        model.index(r, Column.CUSTOMER).data(): model.index(r, Column.DUE).data()
        for r in range(model.rowCount())
    }
    assert due.pop("고객 대기") != ""
    assert due == {"고객 결제": "", "고객 배송": "", "고객 완료": "", "고객 취소": ""}

    # Newest first, and the arrow over 주문일 points down the way the dates run.
    assert [model.index(r, Column.CUSTOMER).data() for r in range(model.rowCount())] == list(reversed(STEPS))
    header = board.table.horizontalHeader()
    option = QStyleOptionHeader()
    header.initStyleOptionForIndex(option, Column.ORDERED)
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown
    with qtbot.waitSignal(board.table_loaded):
        header.setSortIndicator(Column.ORDERED, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, Column.CUSTOMER).data() for r in range(model.rowCount())] == list(STEPS)
    header.initStyleOptionForIndex(option, Column.ORDERED)
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortUp

    # Sorted by deadline, either way, the one order with a deadline to meet leads; the rest follow.
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        with qtbot.waitSignal(board.table_loaded):
            header.setSortIndicator(Column.DUE, order)
        assert model.index(0, Column.CUSTOMER).data() == "고객 대기"

    # The products get the room left over, not the deadline at the end of the row.
    widths = {col: header.sectionSize(col) for col in Column}
    assert widths[Column.ITEMS] == max(widths.values())
    assert widths[Column.DUE] < board.table.viewport().width() / 4


def _orders_of_a_blouse_and_earrings(window: Any) -> None:
    with window.ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 블라우스 화이트", price_minor=42000, currency="KRW", retailer_id="BL")
        )
        create_item(
            s, ItemDraft(name="진주 드롭 귀걸이", price_minor=15000, currency="KRW", retailer_id="EAR")
        )
        create_item(s, ItemDraft(name="Trench coat L", price_minor=129000, currency="KRW", retailer_id="TC"))
        c = make_contact(s, profile_name="최유진")
        create_order(
            s, contact_id=c.id, lines=[LineInput("BL", 1), LineInput("EAR", 2)], source="chat", now=BASE_TIME
        )
        d = make_contact(s, profile_name="Daniel Ortiz")
        create_order(
            s, contact_id=d.id, lines=[LineInput("TC", 1)], source="chat", now=BASE_TIME + timedelta(hours=1)
        )


def _shown_table(window: Any, qtbot: Any) -> OrderBoard:
    """The orders window, shown as its table, its first page read."""
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.resize(1000, 600)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    with qtbot.waitSignal(board.table_loaded):
        board.show_table(True)
    return board


def _items_column(window: Any, qtbot: Any) -> tuple[OrderBoard, list[str]]:
    board = _shown_table(window, qtbot)
    model = board.table_model
    return board, [model.index(r, Column.ITEMS).data() for r in range(model.rowCount())]


def _quantity_fonts(font: Any, text: str) -> set[str]:
    """The fonts the last two characters of `text` (a quantity, "×2") are drawn in."""
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns(len(text) - 2, 2)}


def test_a_korean_owner_reads_how_many_as_her_shop_writes_it(
    window: Any, qtbot: Any, korean: None, korean_locale: None
) -> None:
    """ "린넨 블라우스 화이트 ×1": the "×1" after a Hangul name came from the Korean font, smaller than
    "트렌치 코트 베이지 L ×1" a row above. Korean shops write "1개"."""
    _orders_of_a_blouse_and_earrings(window)
    _, items = _items_column(window, qtbot)
    assert items == ["Trench coat L 1개", "린넨 블라우스 화이트 1개, 진주 드롭 귀걸이 2개"]


def test_the_quantity_is_one_size_after_a_hangul_name_and_a_latin_one(window: Any, qtbot: Any) -> None:
    _orders_of_a_blouse_and_earrings(window)
    board, items = _items_column(window, qtbot)
    assert items == ["Trench coat L ×1", "린넨 블라우스 화이트 ×1, 진주 드롭 귀걸이 ×2"]
    cards = board.delegate
    for font in (board.table.font(), cards.small):  # the table's rows, the board's cards
        assert _quantity_fonts(font, "린넨 블라우스 화이트 ×1") == _quantity_fonts(font, "Trench coat L ×1")


def test_the_state_and_the_customer_read_on_one_line_beside_the_products(window: Any, qtbot: Any) -> None:
    """ "Awaiting payment" and "James Whitfield" were squeezed onto two lines of a one-line row
    while the products' column had room to spare."""
    from PySide6.QtGui import QFontMetrics

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="Wool scarf, grey", price_minor=2900, currency="GBP", retailer_id="SC"))
        c = make_contact(s, profile_name="James Whitfield")
        order_id = create_order(
            s, contact_id=c.id, lines=[LineInput("SC", 1)], source="chat", now=BASE_TIME
        ).id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    board, _ = _items_column(window, qtbot)
    header, metrics = board.table.horizontalHeader(), QFontMetrics(board.table.font())
    for column, text in ((Column.CUSTOMER, "James Whitfield"), (Column.STATE, "Awaiting payment")):
        assert board.table_model.index(0, column).data() == text
        assert header.sectionSize(column) > metrics.horizontalAdvance(text), text
    assert header.sectionSize(Column.ITEMS) == max(header.sectionSize(col) for col in Column)
