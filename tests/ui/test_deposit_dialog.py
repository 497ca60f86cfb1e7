"""The bank deposits window: one transfer for several orders, a deposit after the deadline's cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.catalog import ItemDraft, create_item
from app.models import Order, utcnow
from app.orders import Charges, LineInput, OrderState, create_order, move_order
from tests.support.factories import make_contact
from ui.order_actions import OrderActions


def minjis_two_orders(ctx: Any) -> list[int]:
    """김민지 awaits payment for a coat (90,000원 with shipping) and a shirt (42,000원)."""
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="울 코트", price_minor=87000, currency="KRW", retailer_id="COAT"))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        minji = make_contact(s, profile_name="김민지")
        ids = []
        for sku in ("COAT", "LINEN"):
            order = create_order(
                s, contact_id=minji.id, lines=[LineInput(sku, 1)], source="chat", charges=Charges(3000)
            )
            move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=utcnow())
            ids.append(order.id)
        return ids


def test_one_transfer_for_two_orders_is_shown_as_one_deposit_for_both_and_pays_both(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from ui.bulk_notice_dialog import BulkNoticeDialog

    ids = minjis_two_orders(window.ctx)
    with window.ctx.db.read() as s:
        numbers = [s.get(Order, i).number for i in ids]  # type: ignore[union-attr]
    bank = tmp_path / "신한은행_입출금내역.csv"
    bank.write_bytes(
        "거래일자,거래시간,적요,출금(원),입금(원),내용,잔액(원)\n"
        '2026-12-04,14:03:22,타행이체,,"132,000",김민지,"1,132,000"\n'.encode("cp949")
    )
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    model = dialog.model
    assert model.index(0, 3).data() == f"{numbers[0]} + {numbers[1]} · 김민지"
    assert model.index(0, 4).data() == "One deposit for 2 orders: name and their total"
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    with qtbot.waitSignal(dialog.paid) as paid:
        dialog.confirm_button.click()
    assert paid.args == [ids]
    with window.ctx.db.read() as s:
        assert [s.get(Order, i).state for i in ids] == ["paid", "paid"]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    notice = window.findChild(BulkNoticeDialog)
    qtbot.waitUntil(lambda: notice.model.rowCount() == 2)
    notice.reject()
