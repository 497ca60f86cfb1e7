"""The new-order form's money fields show their currency as the owner's language writes a price:
"3,000 원" in Korean, "£ 7.50" in English; the owner types the amount alone and it is kept as is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox

from app.catalog import ItemDraft, create_item
from app.models import Order
from app.settings import update_preferences
from tests.support.factories import make_contact
from ui.order_form import StartOrderDialog


def order_form(window: Any, qtbot: Any, dialogs: Any, contact_id: int) -> StartOrderDialog:
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes, times=None)
    dialog = StartOrderDialog(window.ctx, contact_id, "김민지", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.settings_loaded and dialog.results_model.rowCount() >= 1)
    return dialog


def marks(dialog: StartOrderDialog, field: Any) -> tuple[str, str]:
    row = next(row for row in dialog.money_rows if row.indexOf(field) >= 0)
    before = row.before.text() if row.before.isVisible() else ""
    after = row.after.text() if row.after.isVisible() else ""
    return before, after


def stored_money(window: Any, qtbot: Any, dialog: StartOrderDialog) -> tuple[int, int, int]:
    """The order the form creates: its shipping, discount and total as stored, in minor units."""
    with qtbot.waitSignal(dialog.created) as made:
        dialog.create_button.click()
    with window.ctx.db.read() as s:
        order = s.get(Order, made.args[0])
        assert order is not None
        return order.shipping_minor, order.discount_minor, order.total_minor


def test_in_korean_the_shipping_fee_and_discount_read_in_won_as_typed(
    window: Any, qtbot: Any, dialogs: Any, korean_locale: None
) -> None:
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="SHIRT"))
        contact_id = make_contact(s, profile_name="김민지").id
    dialog = order_form(window, qtbot, dialogs, contact_id)
    dialog.add_result(0)
    assert marks(dialog, dialog.shipping) == ("", "원")
    assert marks(dialog, dialog.discount) == ("", "원")
    dialog.discount.setFocus()
    qtbot.keyClicks(dialog.discount, "2,000")
    assert dialog.discount.text() == "2,000"  # the mark is beside the field, not in its text
    assert dialog.total_label.text() == "40,000원"  # 39,000원 + 3,000원 shipping − 2,000원
    assert stored_money(window, qtbot, dialog) == (3000, 2000, 40000)


def test_in_a_uk_shop_the_pound_stands_before_the_amount_and_pence_are_kept(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        update_preferences(window.ctx.db, shop_region="GB", currency="GBP")
        window.ctx.shop_region, window.ctx.currency = "GB", "GBP"
        with window.ctx.db.write() as s:
            create_item(
                s, ItemDraft(name="Linen shirt", price_minor=4500, currency="GBP", retailer_id="SHIRT")
            )
            contact_id = make_contact(s, profile_name="Emma").id
        dialog = order_form(window, qtbot, dialogs, contact_id)
        assert marks(dialog, dialog.shipping) == ("£", "")
        assert marks(dialog, dialog.discount) == ("£", "")
        dialog.add_result(0)
        dialog.shipping.selectAll()
        qtbot.keyClicks(dialog.shipping, "7.50")
        dialog.discount.setFocus()
        qtbot.keyClicks(dialog.discount, "2.25")
        assert dialog.total_label.text() == "£50.25"
        assert stored_money(window, qtbot, dialog) == (750, 225, 5025)
    finally:
        QLocale.setDefault(before)


def test_the_marks_follow_the_lines_currency(window: Any, qtbot: Any, dialogs: Any) -> None:
    """A dollar shop's order of items it priced in won is in won: its fields say so."""
    update_preferences(window.ctx.db, shop_region="US", currency="USD")
    window.ctx.shop_region, window.ctx.currency = "US", "USD"
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="한지 노트", price_minor=58000, currency="KRW", retailer_id="NOTE"))
        contact_id = make_contact(s, profile_name="Emma").id
    dialog = order_form(window, qtbot, dialogs, contact_id)
    assert marks(dialog, dialog.shipping) == ("$", "")
    dialog.add_result(0)
    assert marks(dialog, dialog.shipping) == ("₩", "")
    assert marks(dialog, dialog.discount) == ("₩", "")
