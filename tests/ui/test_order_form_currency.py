"""Starting an order in a shop whose catalogue has prices in two currencies: each order in its items' own."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from app.catalog import ItemDraft, create_item
from app.models import Order
from app.order_settings import ORDER_SETTINGS_KEY
from app.settings import put_setting, update_preferences
from app.surcharge_areas import US_ALASKA_HAWAII
from tests.support.factories import make_contact
from ui.order_form import StartOrderDialog


def us_shop_with_won_items(ctx: Any, *, won_fees: bool = False) -> int:
    """A shop that now prices in dollars (a tote), with items it priced in won before (a notebook)
    and, with `won_fees`, the won shipping fees it had then (as stored before they named a
    currency); its customer's id."""
    if won_fees:
        with ctx.db.write() as s:
            put_setting(s, ORDER_SETTINGS_KEY, {"shipping_minor": 3000, "remote_surcharge_minor": 3000})
    update_preferences(ctx.db, shop_region="US", currency="USD")
    ctx.shop_region, ctx.currency = "US", "USD"  # as Settings ▸ Save leaves them
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="Canvas tote", price_minor=2499, currency="USD", retailer_id="TOTE"))
        create_item(s, ItemDraft(name="한지 노트", price_minor=58000, currency="KRW", retailer_id="NOTE"))
        return make_contact(s, profile_name="Emma").id


def order_form(window: Any, qtbot: Any, dialogs: Any, contact_id: int) -> StartOrderDialog:
    # Closing a form with lines asks first: so does the test's end, when it failed with lines in it.
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes, times=None)
    dialog = StartOrderDialog(window.ctx, contact_id, "Emma", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.settings_loaded and dialog.results_model.rowCount() == 2)
    return dialog


def add(dialog: StartOrderDialog, code: str) -> None:
    dialog.add_result(next(r for r, item in enumerate(dialog.found) if item.retailer_id == code))


def test_an_order_of_won_items_in_a_dollar_shop_is_totalled_in_won(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    dialog = order_form(window, qtbot, dialogs, us_shop_with_won_items(window.ctx))
    add(dialog, "NOTE")
    assert dialog.lines.data(dialog.lines.index(0, 4)) == "₩58,000"
    # Not "$580.00": the items' own currency, and no fee of the dollar shop read as won.
    assert dialog.subtotal_label.text() == "₩58,000"
    assert dialog.shipping.text() == "0"
    assert dialog.total_label.text() == "₩58,000"
    with qtbot.waitSignal(dialog.created) as made:
        dialog.create_button.click()
    with window.ctx.db.read() as s:
        order = s.get(Order, made.args[0])
        assert order is not None
        assert (order.currency, order.total_minor) == ("KRW", 58000)


def test_an_item_in_another_currency_than_the_lines_is_refused_as_it_is_added(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    dialog = order_form(window, qtbot, dialogs, us_shop_with_won_items(window.ctx))
    add(dialog, "NOTE")
    add(dialog, "TOTE")
    assert [line.code for line in dialog.lines.lines] == ["NOTE"]  # not ₩58,000 + $24.99 as one sum
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == (
        "“Canvas tote” is priced in USD, but this order's items are in KRW: all items of an order "
        "must be in the same currency."
    )
    assert dialog.total_label.text() == "₩58,000"

    dialog.lines.remove(0)  # the order empty again: the tote starts one in dollars
    add(dialog, "TOTE")
    assert [line.code for line in dialog.lines.lines] == ["TOTE"]
    assert dialog.problem.isHidden()
    assert dialog.subtotal_label.text() == "$24.99"
    assert dialog.lines.data(dialog.lines.index(0, 3)) == "$24.99"
    add(dialog, "NOTE")
    assert [line.code for line in dialog.lines.lines] == ["TOTE"]
    assert "“한지 노트” is priced in KRW, but this order's items are in USD" in dialog.problem.text()


def test_after_switching_to_dollars_an_order_in_dollars_is_not_charged_the_won_fee_as_thirty_dollars(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    dialog = order_form(window, qtbot, dialogs, us_shop_with_won_items(window.ctx, won_fees=True))
    add(dialog, "TOTE")
    assert dialog.shipping.text() == "0.00"  # not 30.00
    assert dialog.total_label.text() == "$24.99"
    assert dialog.free_shipping.isVisible()  # why no fee: the shop's are in won
    assert dialog.free_shipping.text() == "The shop's fees are in KRW: type this order's fee."
    dialog.surcharge.set_area(US_ALASKA_HAWAII)  # a US shop's surcharges (none set in dollars)
    assert dialog.total_label.text() == "$24.99"  # nor the won surcharge
    dialog.shipping.selectAll()
    qtbot.keyClicks(dialog.shipping, "5")  # the owner's own fee, in dollars
    assert dialog.total_label.text() == "$29.99"
    assert dialog.free_shipping.isHidden()
