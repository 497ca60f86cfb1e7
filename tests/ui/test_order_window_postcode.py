"""A postcode written inside the address line ("…London NW1 6XE", "(06236) 서울 …") shows in the order
window's postcode field at once, as a suggestion the owner can type over: it was empty until the address
was saved again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.models import Order
from app.settings import update_preferences
from tests.ui.test_order_window_edits import new_order, open_order, stored


def british_shop(window: Any) -> None:
    update_preferences(window.ctx.db, shop_region="GB", currency="GBP")
    window.ctx.shop_region = "GB"


def with_address(window: Any, order_id: int, address: str, postcode: str = "") -> None:
    """The order's address as the bot (or an older version) stored it: the line only."""
    with window.ctx.db.write() as s:
        order = s.get(Order, order_id)
        assert order is not None
        order.address, order.postcode = address, postcode


def test_an_address_line_with_a_postcode_fills_the_empty_field_when_the_order_opens(
    window: Any, qtbot: Any
) -> None:
    british_shop(window)
    order_id = new_order(window.ctx)
    with_address(window, order_id, "221B Baker Street, London NW1 6XE")
    order_window = open_order(window, qtbot, order_id)
    form = order_window.ship_to
    assert form.postcode.text() == "NW1 6XE"
    # Shown as a suggestion: italic, its tooltip says where it came from; nothing to save yet.
    assert form.postcode.font().italic() and "address line" in form.postcode.toolTip()
    assert not form.save_button.isEnabled()
    qtbot.keyClick(order_window, Qt.Key.Key_Escape)  # closes without asking about unsaved changes
    assert not order_window.isVisible()


def test_typing_the_address_suggests_its_postcode_and_the_owners_own_is_kept(window: Any, qtbot: Any) -> None:
    british_shop(window)
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    form = order_window.ship_to
    assert form.postcode.text() == ""
    form.address.setFocus()
    qtbot.keyClicks(form.address, "12 Botanic Avenue, Belfast bt71jl")
    assert form.postcode.text() == "BT7 1JL" and form.postcode.font().italic()
    qtbot.keyClicks(form.address, "x")  # no postcode any more: the suggestion goes with it
    assert form.postcode.text() == ""
    form.address.backspace()
    assert form.postcode.text() == "BT7 1JL"
    # The owner knows better: her typing is hers, and the address typed after it leaves it alone.
    form.postcode.selectAll()
    qtbot.keyClicks(form.postcode, "BT7 1JN")
    assert not form.postcode.font().italic()
    qtbot.keyClicks(form.address, ", Northern Ireland")
    assert form.postcode.text() == "BT7 1JN"
    form.save_button.click()
    qtbot.waitUntil(form.saved_note.isVisible)
    assert stored(window, order_id).postcode == "BT7 1JN"


def test_an_american_zip_is_suggested_and_saved_as_shown(window: Any, qtbot: Any) -> None:
    update_preferences(window.ctx.db, shop_region="US", currency="USD")
    window.ctx.shop_region = "US"
    order_id = new_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    form = order_window.ship_to
    qtbot.keyClicks(form.address, "2255 Kalakaua Ave, Honolulu, HI 96815")
    assert form.postcode.text() == "96815"
    form.save_button.click()
    qtbot.waitUntil(form.saved_note.isVisible)
    assert stored(window, order_id).postcode == "96815"
    assert form.postcode.text() == "96815" and not form.postcode.font().italic()  # the order's own now


def test_a_postcode_the_order_already_has_is_not_replaced_by_the_address_line(
    window: Any, qtbot: Any
) -> None:
    british_shop(window)
    order_id = new_order(window.ctx)
    with_address(window, order_id, "221B Baker Street, London NW1 6XE", postcode="NW1 6XF")
    order_window = open_order(window, qtbot, order_id)
    form = order_window.ship_to
    assert form.postcode.text() == "NW1 6XF" and not form.postcode.font().italic()
    qtbot.keyClicks(form.address, " ")
    assert form.postcode.text() == "NW1 6XF"


def test_a_korean_address_leaves_the_postcode_empty_for_the_owner(window: Any, qtbot: Any) -> None:
    order_id = new_order(window.ctx)
    with_address(window, order_id, "서울 강남구 테헤란로 152")
    order_window = open_order(window, qtbot, order_id)
    assert order_window.ship_to.postcode.text() == ""
    assert order_window.ship_to.postcode.placeholderText() == "Postcode (5 digits)"


def paste(qtbot: Any, field: QLineEdit, text: str) -> None:
    """`text` pasted over the field's text, as an owner pastes the address a customer sent."""
    QApplication.clipboard().setText(text)
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_korean_shop_sees_the_postcode_pasted_in_the_address_as_a_suggestion(
    window: Any, qtbot: Any
) -> None:
    order_id = new_order(window.ctx)  # the shop is Korean, as it starts
    order_window = open_order(window, qtbot, order_id)
    form = order_window.ship_to
    paste(qtbot, form.address, "서울 강남구 테헤란로 12345")  # a building number, not a postcode
    assert form.address.text() == "서울 강남구 테헤란로 12345" and form.postcode.text() == ""
    paste(qtbot, form.address, "서울특별시 강남구 테헤란로 123 (역삼동) 06236")
    assert form.postcode.text() == "06236" and form.postcode.font().italic()
    assert form.postcode.toolTip() == "Read from the address line. Type over it if it is not right."
    paste(qtbot, form.address, "[13529] 경기 성남시 분당구 판교역로 235")
    assert form.postcode.text() == "13529"
    form.save_button.click()
    qtbot.waitUntil(form.saved_note.isVisible)
    assert stored(window, order_id).postcode == "13529"
    assert form.postcode.text() == "13529" and not form.postcode.font().italic()  # the order's own now
