"""A chat's contact panel opens the orders board on that customer's orders: what she ordered before."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.catalog import ItemDraft, create_item
from app.orders import LineInput, OrderState, create_order, move_order
from tests.support.factories import make_contact
from ui.menus import install_menus


def test_the_contact_panel_shows_this_customers_orders_and_not_a_namesakes(
    korean: None, window: Any, ctx: Any, qtbot: Any
) -> None:
    """Two regulars are both called 김민지: the button finds hers by her number, of any day and state,
    even with the board last left on 오늘 and 새 주문."""
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="제육도시락", price_minor=9500, currency="KRW", retailer_id="DS-JY"))
        her = make_contact(s, profile_name="김민지", wa_id="821055551234")
        namesake = make_contact(s, profile_name="김민지", wa_id="821077779876")
        mine = [
            create_order(s, contact_id=her.id, lines=[LineInput("DS-JY", n)], source="chat").number
            for n in (1, 2)
        ]
        done = create_order(s, contact_id=her.id, lines=[LineInput("DS-JY", 3)], source="chat")
        move_order(s, done.id, OrderState.CANCELLED)
        create_order(s, contact_id=namesake.id, lines=[LineInput("DS-JY", 5)], source="chat")
        her_id = her.id
    install_menus(window, ctx)
    board = window.orders.open_board()
    qtbot.waitUntil(lambda: board.loaded_once)
    board.period.setCurrentIndex(board.period.findText("오늘"))
    board.state_filter.setCurrentIndex(1)

    window.contact_panel.show_contact(her_id)
    window.contact_panel.show()
    panel = window.contact_panel
    qtbot.waitUntil(lambda: panel.details is not None and panel.orders.isVisible())
    assert panel.orders.text() == "이 고객의 주문(&M)…"
    with qtbot.waitSignal(board.loaded):
        qtbot.mouseClick(panel.orders, Qt.MouseButton.LeftButton)
    assert board.search.text() == "010-5555-1234"
    assert board.period.currentIndex() == 0 and board.state_filter.currentIndex() == 0
    new = board.columns[OrderState.NEW]
    assert sorted(new.summary(row).number for row in range(new.rowCount())) == sorted(mine)
    assert board.columns[OrderState.CANCELLED].total == 1
    assert board.status.text().startswith("주문 3건")
