"""Order settings ▸ Messages: under each step's template list, the chosen template as a customer
reads it for a sample order, filled as that step sends it."""

from __future__ import annotations

from typing import Any

from app.order_settings import OrderSettings, save_order_settings
from app.sending import TEMPLATES_SETTING
from app.settings import put_setting
from relay.routes.messages import template_summary
from relay.sandbox_cast import TEMPLATES

BANK = "국민은행 123456-01-234567 (서울리넨하우스)"


def open_settings(ctx: Any, qtbot: Any, chosen: dict[str, str]) -> Any:
    from ui.order_settings_dialog import OrderSettingsDialog

    with ctx.db.write() as s:
        # The demo's templates, as the relay lists them and the desktop keeps them.
        put_setting(s, TEMPLATES_SETTING, [template_summary(t) for t in TEMPLATES])
        save_order_settings(s, OrderSettings(bank_account=BANK, templates=chosen))
    dialog = OrderSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    return dialog


def test_a_shipping_template_chosen_for_the_refund_reads_wrong_under_its_list(ctx: Any, qtbot: Any) -> None:
    """order_update has three places, so the refund list offers it: its preview tells the owner
    that the customer would read the refund amount as a tracking number."""
    dialog = open_settings(ctx, qtbot, {"cancelled_refund": "order_update"})
    preview = dialog.template_previews["cancelled_refund"]
    assert not preview.isHidden()
    assert "김민지님, 주문하신 2026-0001 상품이 오늘 발송되었습니다. 송장번호: 42,000원" in preview.text()

    combo = dialog.template_choice["cancelled_refund"]
    combo.setCurrentIndex(combo.findData("order_refund"))
    assert "김민지님, 주문번호 2026-0001 주문이 취소되었습니다. 입금하신 42,000원은 환불해" in preview.text()
    assert "송장번호" not in preview.text()

    combo.setCurrentIndex(combo.findData(""))  # None: nothing to read
    assert preview.isHidden()


def test_each_steps_preview_has_its_own_values_and_follows_the_account_typed(ctx: Any, qtbot: Any) -> None:
    dialog = open_settings(
        ctx,
        qtbot,
        {"shipped": "order_shipped", "awaiting_payment": "order_payment", "paid_together": "order_refund"},
    )
    shipped = dialog.template_previews["shipped"].text()
    assert "택배사: CJ대한통운" in shipped and "송장번호: 685203947716" in shipped
    assert "배송 조회: https://trace.cjlogistics.com/next/tracking.html?wblNo=685203947716" in shipped
    assert dialog.template_previews["done"].isHidden()  # no template chosen for it

    payment = dialog.template_previews["awaiting_payment"]
    assert f"입금 계좌: {BANK}" in payment.text() and "입금 기한: " in payment.text()
    dialog.bank.setText("신한은행 110-123-456789")
    assert "입금 계좌: 신한은행 110-123-456789" in payment.text()

    # One message for several orders names every number and their total.
    assert "2026-0001 및 2026-0002" in dialog.template_previews["paid_together"].text()
    assert "84,000원" in dialog.template_previews["paid_together"].text()


def test_in_korean_the_template_row_says_when_it_goes_in_plain_words(
    ctx: Any, qtbot: Any, korean: None
) -> None:
    """“24시간 창 밖에서 보낼 템플릿” translated Meta's “window” word for word, which a shop owner
    does not know; the row says whom the template is for, as the order window does."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    dialog = open_settings(ctx, qtbot, {"awaiting_payment": "order_payment"})
    combo = dialog.template_choice["awaiting_payment"]
    form = combo.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(combo)
    assert isinstance(label, QLabel)
    assert label.text() == "24시간이 지난 고객에게 보낼 템플릿(&T)"


def test_no_korean_text_speaks_of_a_24_hour_window() -> None:
    """Meta's “24-hour window” is 창 word for word, a window on the screen to a Korean reader: each
    text says it as the chat does, “고객의 마지막 메시지 후 24시간”."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources/translations/shop_inbox_ko.ts"
    texts = [m.findtext("translation") or "" for m in ET.parse(ts).getroot().iter("message")]
    texts += [n.text or "" for n in ET.parse(ts).getroot().iter("numerusform")]
    assert [t for t in texts if "시간 창" in t or "열린 창" in t or "창 밖" in t] == []
