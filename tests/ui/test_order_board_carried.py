"""An exchange's new order on the board: its card and its table row say what is left to pay, not
the whole total as if none of it were paid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF

from app.order_actions import load_order
from app.orders import OrderState, move_order
from tests.app.test_order_carried_payment import dearer_exchange
from ui.order_board import OrderBoard
from ui.order_board_model import Column
from ui.order_card_delegate import CARD_HEIGHT
from ui.order_text import money


def open_board(window: Any, qtbot: Any) -> OrderBoard:
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.resize(1300, 600)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    return board


def card_texts(board: OrderBoard, state: OrderState, number: str, width: int) -> list[str]:
    model = board.columns[state]
    row = next(r for r in range(model.rowCount()) if model.summary(r).number == number)
    pieces = board.delegate.pieces(model.summary(row), QRectF(0, 0, width, CARD_HEIGHT))
    return [piece.text for piece in pieces]


def table_totals(board: OrderBoard, qtbot: Any) -> dict[str, str]:
    with qtbot.waitSignal(board.table_loaded):
        board.show_table(True)
    model = board.table_model
    return {
        model.index(r, Column.NUMBER).data(): model.index(r, Column.TOTAL).data()
        for r in range(model.rowCount())
    }


def test_the_exchange_card_and_row_say_what_is_left_to_pay(window: Any, qtbot: Any, korean: None) -> None:
    db = window.ctx.db
    first, new = dearer_exchange(db)  # 41,000원 실크 셔츠, 29,000원 of it paid on the first order
    with db.write() as s:
        move_order(s, new, OrderState.AWAITING_PAYMENT)
    number, first_number = load_order(db, new).number, load_order(db, first).number
    board = open_board(window, qtbot)

    whole = f"{money(41000, 'KRW')} · 남은 결제 금액 {money(12000, 'KRW')}"
    assert whole in card_texts(board, OrderState.AWAITING_PAYMENT, number, 400)
    # However narrow the card, what she still owes stays on it: beside the total, else alone.
    due = money(12000, "KRW")
    shown = {
        width: card_texts(board, OrderState.AWAITING_PAYMENT, number, width) for width in range(150, 400, 10)
    }
    assert all(any(due in text for text in texts) for texts in shown.values()), shown
    assert any(f"{money(41000, 'KRW')} · {due} 남음" in texts for texts in shown.values())
    assert any(f"남은 결제 금액 {due}" in texts for texts in shown.values())
    assert f"잔금 {due}" in shown[150]  # the shortest, leaving room for the deadline
    model = board.columns[OrderState.AWAITING_PAYMENT]
    assert whole in board.delegate.tooltip(model.summary(0))

    totals = table_totals(board, qtbot)
    assert totals[number] == whole
    # Its column is wide enough to read it whole, not "41,000원 · 남은…".
    assert board.table.horizontalHeader().sectionSize(
        Column.TOTAL
    ) > board.table.fontMetrics().horizontalAdvance(whole)
    assert "남은" not in totals[first_number]  # an order with nothing carried shows its total alone


def test_once_the_rest_is_paid_the_exchange_shows_its_total(window: Any, qtbot: Any, english: None) -> None:
    db = window.ctx.db
    _first, new = dearer_exchange(db)
    with db.write() as s:
        move_order(s, new, OrderState.AWAITING_PAYMENT)
        move_order(s, new, OrderState.PAID)
    number = load_order(db, new).number
    board = open_board(window, qtbot)
    assert money(41000, "KRW") in card_texts(board, OrderState.PAID, number, 400)
    assert table_totals(board, qtbot)[number] == money(41000, "KRW")


def test_a_narrow_exchange_card_keeps_its_payment_deadline_beside_what_is_left(
    window: Any, qtbot: Any, korean: None
) -> None:
    """On a 1366×768 laptop a board column is under 200 pixels: the card says what is left to pay in
    its short form ("잔금 12,000원") or the deadline its own ("3일"), so both still show, whole."""
    db = window.ctx.db
    _first, new = dearer_exchange(db)
    with db.write() as s:
        move_order(s, new, OrderState.AWAITING_PAYMENT)
    number = load_order(db, new).number
    board = open_board(window, qtbot)
    model = board.columns[OrderState.AWAITING_PAYMENT]
    deadlines = board.delegate.deadline_texts(model.summary(0))
    assert deadlines  # it has a payment deadline
    due = money(12000, "KRW")
    for width in range(170, 400, 10):
        texts = card_texts(board, OrderState.AWAITING_PAYMENT, number, width)
        assert any(due in text for text in texts), (width, texts)
        assert any(text in deadlines for text in texts), (width, texts)
        assert not any("…" in text for text in texts), (width, texts)  # each read whole
