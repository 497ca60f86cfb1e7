"""A new order with no lines yet charges nothing: no shipping on nothing."""

from __future__ import annotations

from typing import Any

from app.catalog import ItemDraft, create_item
from app.surcharge_areas import REMOTE
from tests.support.factories import make_contact
from ui.order_form import StartOrderDialog


def test_an_empty_new_order_totals_nothing_until_an_item_is_added(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        contact_id = make_contact(s, profile_name="박서연").id
    dialog = StartOrderDialog(window.ctx, contact_id, "박서연", "", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.settings_loaded)
    dialog.surcharge.set_area(REMOTE)
    assert (dialog.shipping.text(), dialog.total_label.text()) == ("0", "₩0")
    dialog.search.setText("에코백")
    qtbot.waitUntil(lambda: [item.retailer_id for item in dialog.found] == ["BAG"])
    dialog.add_result(0)
    assert dialog.shipping.text() == "3,000"  # the shop's fee comes with the first item
    assert dialog.total_label.text() == "₩18,000  (remote area +₩3,000)"


def test_remove_line_waits_for_a_line_to_be_chosen(window: Any, qtbot: Any) -> None:
    """ "Remove line" in a new order with no lines did nothing when pressed: it waits for a line."""
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        contact_id = make_contact(s, profile_name="박서연").id
    dialog = StartOrderDialog(window.ctx, contact_id, "박서연", "", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.settings_loaded)
    assert not dialog.remove_line.isEnabled()
    dialog.search.setText("에코백")
    qtbot.waitUntil(lambda: [item.retailer_id for item in dialog.found] == ["BAG"])
    dialog.add_result(0)
    dialog.table.setCurrentIndex(dialog.lines.index(0, 0))
    assert dialog.remove_line.isEnabled()
    dialog.remove_line.click()
    assert dialog.lines.rowCount() == 0
    assert not dialog.remove_line.isEnabled()
