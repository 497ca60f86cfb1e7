"""A partly returned order on the board: its card and its table row say what was refunded beside
its total, not the total alone as if she had kept everything."""

from __future__ import annotations

from typing import Any

from app.catalog import ItemDraft, create_item
from app.order_actions import load_order, save_return
from app.order_returns import ReturnLine, ReturnRequest
from app.orders import LineInput, OrderState, create_order, move_order
from app.stock import set_stock
from tests.support.factories import make_contact
from tests.ui.test_order_board_carried import card_texts, open_board, table_totals
from ui.order_text import money


def partly_returned(db: Any) -> tuple[str, str]:
    """Emma bought a £30.00 shirt and a £15.95 bag (£45.95), sent the shirt back and was refunded
    £30.00; Tom's order, shipped at the same time, came back not at all. Their numbers."""
    with db.write() as s:
        for code, price in (("SHIRT", 3000), ("BAG", 1595)):
            item = create_item(
                s, ItemDraft(name=code.title(), price_minor=price, currency="GBP", retailer_id=code)
            )
            set_stock(s, item, 10)
        ids = []
        for name in ("Emma", "Tom"):
            contact = make_contact(s, profile_name=name)
            order = create_order(
                s, contact_id=contact.id, lines=[LineInput("SHIRT", 1), LineInput("BAG", 1)], source="chat"
            )
            for state in (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED):
                move_order(s, order.id, state, courier="Royal Mail", tracking="AB123456789GB")
            ids.append(order.id)
    save_return(db, ids[0], ReturnRequest((ReturnLine(0, 1),), reason="too small", goods_back=False))
    return load_order(db, ids[0]).number, load_order(db, ids[1]).number


def test_a_partly_refunded_card_and_row_say_the_refund_beside_the_total(
    window: Any, qtbot: Any, english: None
) -> None:
    returned, kept = partly_returned(window.ctx.db)
    board = open_board(window, qtbot)
    total, back = money(4595, "GBP"), money(3000, "GBP")
    whole = f"{total} · {back} refunded"
    assert whole in card_texts(board, OrderState.DONE, returned, 400)
    # At every width a board card takes, the refund is on it whole, never cut to "£45.95 · £30…".
    for width in range(170, 201, 5):
        texts = card_texts(board, OrderState.DONE, returned, width)
        assert whole in texts or f"{back} refunded" in texts, (width, texts)
        assert not any("…" in text for text in texts if back in text or total in text), (width, texts)

    totals = table_totals(board, qtbot)
    assert totals[returned] == whole
    assert totals[kept] == total  # nothing came back: the total alone
    assert board.table.horizontalHeader().sectionSize(3) > board.table.fontMetrics().horizontalAdvance(whole)


def test_in_korean_the_card_says_the_refund_in_korean(window: Any, qtbot: Any, korean: None) -> None:
    returned, _kept = partly_returned(window.ctx.db)
    board = open_board(window, qtbot)
    whole = f"{money(4595, 'GBP')} · {money(3000, 'GBP')} 환불"
    assert whole in card_texts(board, OrderState.DONE, returned, 400)
    assert table_totals(board, qtbot)[returned] == whole
