"""Starting an order: more of a counted item than is left is said in the form, before the order is made."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.catalog import ItemDraft, create_item, find_item_by_code
from app.models import Order
from app.orders import LineInput, OrderState, create_order, move_order
from app.stock import set_stock
from tests.support.factories import make_contact
from ui.order_form import StartOrderDialog


def shirt_with_18_left(ctx: Any) -> int:
    """Twenty oatmeal linen shirts counted, two of them held for an order awaiting payment; 박서연's id."""
    with ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 셔츠 오트밀", price_minor=39000, currency="KRW", retailer_id="LINEN-OAT")
        )
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        shirt = find_item_by_code(s, "LINEN-OAT")
        assert shirt is not None
        set_stock(s, shirt.id, 20)
        other = make_contact(s, profile_name="김민지")
        held = create_order(s, contact_id=other.id, lines=[LineInput("LINEN-OAT", 2)], source="chat")
        move_order(s, held.id, OrderState.AWAITING_PAYMENT)
        return make_contact(s, profile_name="박서연").id


def test_a_quantity_beyond_the_stock_left_is_said_in_the_form_and_the_order_can_still_be_made(
    window: Any, qtbot: Any
) -> None:
    contact_id = shirt_with_18_left(window.ctx)
    dialog = StartOrderDialog(window.ctx, contact_id, "박서연", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.settings_loaded and dialog.results_model.rowCount() == 2)
    for code in ("LINEN-OAT", "BAG"):
        dialog.add_result(next(r for r, item in enumerate(dialog.found) if item.retailer_id == code))
    lines = dialog.lines
    assert dialog.stock_note.isHidden()

    shirt = next(r for r, line in enumerate(lines.lines) if line.code == "LINEN-OAT")
    assert lines.setData(lines.index(shirt, 2), 30, Qt.ItemDataRole.EditRole)  # typed in its Qty cell
    assert lines.setData(lines.index(1 - shirt, 2), 500, Qt.ItemDataRole.EditRole)  # nobody counts bags
    assert dialog.stock_note.isVisible()
    assert dialog.stock_note.text() == "Only 18 of “린넨 셔츠 오트밀” left in stock; this order needs 30."
    assert dialog.create_button.isEnabled()

    lines.setData(lines.index(shirt, 2), 18, Qt.ItemDataRole.EditRole)
    assert dialog.stock_note.isHidden()
    # One more added from the search goes on the same line: 19 of the 18.
    dialog.add_result(next(r for r, item in enumerate(dialog.found) if item.retailer_id == "LINEN-OAT"))
    assert len(lines.lines) == 2
    assert dialog.stock_note.text() == "Only 18 of “린넨 셔츠 오트밀” left in stock; this order needs 19."

    with qtbot.waitSignal(dialog.created) as made:  # the owner may be restocking: it is made all the same
        dialog.create_button.click()
    with window.ctx.db.read() as s:
        order = s.get(Order, made.args[0])
        assert order is not None and order.state == "new"

    # Its window refuses to ask for payment, and says the two ways on (its lines cannot change there).
    from PySide6.QtWidgets import QPushButton

    from ui.order_actions import OrderActions

    order_window = OrderActions(window, window.ctx).open_order(made.args[0])
    qtbot.waitUntil(lambda: order_window.detail is not None)
    ask = order_window.findChild(QPushButton, "move_awaiting_payment")
    assert ask is not None
    ask.click()
    qtbot.waitUntil(order_window.error.isVisible)
    said = order_window.error.text()
    assert said.startswith("Only 18 of “린넨 셔츠 오트밀” left in stock; this order needs 19.")
    assert "in the catalogue" in said and "cancel this order" in said


def test_the_item_search_says_how_many_of_a_counted_item_are_left(window: Any, qtbot: Any) -> None:
    """18 shirts left to promise (20 counted, 2 held): the search says so; nobody counts bags."""
    contact_id = shirt_with_18_left(window.ctx)
    dialog = StartOrderDialog(window.ctx, contact_id, "박서연", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.settings_loaded and dialog.results_model.rowCount() == 2)
    assert sorted(dialog.results_model.stringList()) == [
        "린넨 셔츠 오트밀 · LINEN-OAT · ₩39,000 · 18 in stock",
        "에코백 · BAG · ₩12,000",
    ]
