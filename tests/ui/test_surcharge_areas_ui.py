"""A UK shop sets and charges the surcharges British couriers charge (Highlands & Islands, Northern
Ireland, offshore islands), not Korea's 도서산간; a Korean shop's orders read as they always did."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QMessageBox

from app.catalog import ItemDraft, create_item
from app.models import Order
from app.order_actions import read_order_settings
from app.orders import Charges, LineInput, create_order
from app.settings import update_preferences
from app.surcharge_areas import GB_HIGHLANDS, GB_NORTHERN_IRELAND, GB_OFFSHORE
from tests.support.factories import make_contact
from ui.order_actions import OrderActions
from ui.order_form import StartOrderDialog
from ui.order_settings_dialog import OrderSettingsDialog


def uk_shop(ctx: Any) -> int:
    """A London shop selling in pounds; Amy Clarke's id."""
    update_preferences(ctx.db, shop_region="GB", currency="GBP")
    ctx.shop_region, ctx.currency = "GB", "GBP"  # as Settings ▸ Save leaves them
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="Linen shirt", price_minor=4500, currency="GBP", retailer_id="SHIRT"))
        return make_contact(s, profile_name="Amy Clarke").id


def test_a_uk_shop_sets_its_own_surcharges_and_charges_northern_ireland_on_an_order(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    contact_id = uk_shop(window.ctx)
    settings = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.waitUntil(settings.save_button.isEnabled)
    assert list(settings.surcharges) == [GB_HIGHLANDS, GB_NORTHERN_IRELAND, GB_OFFSHORE]
    labels = [w.text() for w in settings.findChildren(QLabel)]
    # (“&&”: the “&” of the name is shown, not taken for an Alt letter that hid it: “Highlands _Islands”)
    assert "Surcharge: &Northern Ireland" in labels and "Surcharge: &Highlands && Islands" in labels
    assert "Surcharge: &Offshore islands" in labels
    assert not any("emote" in text for text in labels)  # no remote-area (도서산간) field
    assert "BT postcodes" in settings.surcharges[GB_NORTHERN_IRELAND].toolTip()
    settings.shipping.setText("3.95")
    settings.surcharges[GB_HIGHLANDS].setText("5")
    settings.surcharges[GB_NORTHERN_IRELAND].setText("7.50")
    settings.save()
    qtbot.waitUntil(lambda: not settings.isVisible())
    stored = read_order_settings(window.ctx.db)
    assert stored.currency == "GBP" and stored.area_surcharges == {
        GB_HIGHLANDS: 500,
        GB_NORTHERN_IRELAND: 750,
        GB_OFFSHORE: 0,
    }

    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes, times=None)
    form = StartOrderDialog(window.ctx, contact_id, "Amy Clarke", "SHIRT", parent=window)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.settings_loaded and form.lines.rowCount() == 1)
    combo = form.surcharge.combo
    assert combo is not None and form.surcharge.check is None
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "None",
        "Highlands & Islands (£5.00)",
        "Northern Ireland (£7.50)",
        "Offshore islands",  # none set: no amount to show
    ]
    assert form.total_label.text() == "£48.95"
    combo.setCurrentIndex(2)
    assert form.total_label.text() == "£56.45  (Northern Ireland +£7.50)"
    with qtbot.waitSignal(form.created) as made:
        form.create_button.click()
    with window.ctx.db.read() as s:
        order = s.get(Order, made.args[0])
        assert order is not None
        assert (order.surcharge_minor, order.surcharge_area, order.total_minor) == (
            750,
            GB_NORTHERN_IRELAND,
            5645,
        )
    order_window = OrderActions(window, window.ctx).open_order(made.args[0])
    qtbot.waitUntil(lambda: order_window.detail is not None)
    assert order_window.shipping.text() == "£3.95 + Northern Ireland £7.50"
    order_window.close()


def test_a_korean_shops_order_from_before_areas_still_reads_도서산간(
    window: Any, qtbot: Any, korean: None, korean_locale: None
) -> None:
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="이하은")
        order_id = create_order(
            s,
            contact_id=c.id,
            lines=[LineInput("LINEN", 1)],
            source="chat",
            charges=Charges(shipping_minor=3000, surcharge_minor=3000),  # no area: as stored before
        ).id
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    assert order_window.shipping.text() == "3,000원 + 도서산간 3,000원"
    order_window.close()


def test_the_history_names_the_places_a_surcharge_moved_between(qapp: Any, korean: None) -> None:
    from ui.order_history import changed_text

    moved = {"surcharge_area": [GB_HIGHLANDS, GB_NORTHERN_IRELAND, 700, 700], "currency": "GBP"}
    assert changed_text("12/5", moved) == (
        "12/5: 상품·금액 변경: 추가 배송비 스코틀랜드 하일랜드·섬 £7.00 → 북아일랜드 £7.00"
    )
    # A change recorded before areas: the remote-area fee it always was.
    assert changed_text("12/5", {"surcharge": [0, 3000], "currency": "KRW"}).endswith(
        "도서산간 추가 배송비 — → ₩3,000"
    )


def test_a_uk_shops_new_order_reaches_its_surcharge_list_with_its_own_alt_letter(
    window: Any, qtbot: Any
) -> None:
    from tests.ui.test_dialog_mnemonics import lettered_once, press_alt

    contact_id = uk_shop(window.ctx)
    dialog = StartOrderDialog(window.ctx, contact_id, "Amy Clarke", "", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.settings_loaded)
    assert {"A", "R", "H", "F", "C", "D", "N"} <= set(lettered_once(dialog))  # none shared
    press_alt(qtbot, dialog, "H")
    assert dialog.surcharge.combo is not None and dialog.surcharge.combo.hasFocus()
