"""The bank deposits window: every row that belongs to an order opens it, by double-click or Enter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.models import Order
from app.orders import OrderState
from tests.ui.test_deposit_dialog import (
    TRANSFER_ROW,
    an_order_the_deadline_cancelled,
    late_bank_file,
    minjis_bank_file,
    minjis_transfer_for_two_orders_one_moved_back,
)
from ui.order_actions import OrderActions
from ui.order_window import OrderWindow


def double_click_row(qtbot: Any, dialog: Any, row: int) -> None:
    table = dialog.table
    where = table.visualRect(dialog.model.index(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # as a hand does: press first
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def order_window_of(actions: OrderActions, order_id: int) -> OrderWindow | None:
    window = actions.open_orders.get(order_id)
    return window if window is not None and window.isVisible() else None


def test_a_restored_row_opens_its_order_on_double_click_and_enter(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Walk: a late deposit restored its cancelled order as paid; its row, "Restored as paid", no
    longer opened the order on double-click, though every other row did."""
    from ui.bulk_notice_dialog import BulkNoticeDialog

    order_id = an_order_the_deadline_cancelled(window.ctx, on_hand=3)
    actions = OrderActions(window, window.ctx)
    dialog = actions.open_deposits()
    qtbot.waitExposed(dialog)
    dialog.load_file(late_bank_file(tmp_path))
    qtbot.waitUntil(lambda: dialog.late_bar.isVisible())
    with qtbot.waitSignal(dialog.restored):
        dialog.restore_button.click()
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    window.findChild(BulkNoticeDialog).reject()
    assert dialog.model.index(0, 4).data().startswith("Restored as paid")
    with qtbot.waitSignal(dialog.open_requested) as opened:
        double_click_row(qtbot, dialog, 0)
    assert opened.args == [order_id]
    qtbot.waitUntil(lambda: order_window_of(actions, order_id) is not None)
    order_window_of(actions, order_id).close()  # type: ignore[union-attr]
    # Enter on the row opens it too, and presses none of the window's buttons.
    dialog.activateWindow()
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, 4))
    with qtbot.waitSignal(dialog.open_requested) as opened:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened.args == [order_id]
    assert dialog.isVisible()
    dialog.close()


def test_a_deposit_read_again_as_applied_opens_the_first_order_it_pays(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """The file read again after the free part paid the shirt: "Already applied (coat, shirt)"."""
    coat, shirt, _coat_number, _shirt_number = minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    from app.deposits import Deposit
    from app.order_actions import confirm_payments

    confirm_payments(window.ctx.db, [(shirt, Deposit(2, "2026-12-04 14:03:22", "김민지", 132000))])
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(minjis_bank_file(tmp_path, TRANSFER_ROW))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.index(0, 4).data().startswith("Already applied")
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None  # still nothing to tick
    with qtbot.waitSignal(dialog.open_requested) as opened:
        double_click_row(qtbot, dialog, 0)
    assert opened.args == [coat]
    with window.ctx.db.read() as s:
        assert s.get(Order, shirt).state == "paid"  # type: ignore[union-attr]
    dialog.close()


def test_enter_on_a_deposit_of_no_order_does_not_open_the_file_dialog(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """Walk: Enter on "No order has this amount" pressed the window's default button, Open bank
    file…, and the file dialog popped up over the deposits."""
    dialog = OrderActions(window, window.ctx).open_deposits()
    qtbot.waitExposed(dialog)
    dialog.load_file(minjis_bank_file(tmp_path, '2026-12-04,09:30:00,타행이체,,"15,000",J Smith,"1,015,000"'))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.index(0, 4).data() == "No order has this amount"
    dialog.activateWindow()
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, 4))
    with qtbot.assertNotEmitted(dialog.open_requested):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert not dialogs.unexpected  # no file dialog came up
    assert dialog.isVisible()
    dialog.close()


def test_the_restored_order_moved_back_in_its_window_is_read_again_in_the_deposits_window(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Walk: a late deposit restored Megan's cancelled order; opened from its row, the order was
    moved back to Cancelled. The deposits window behind still said "Restored as paid", with no
    choice left, though the order was cancelled and its deposit free again."""
    from ui.bulk_notice_dialog import BulkNoticeDialog

    order_id = an_order_the_deadline_cancelled(window.ctx, on_hand=3)
    actions = OrderActions(window, window.ctx)
    dialog = actions.open_deposits()
    dialog.load_file(late_bank_file(tmp_path))
    qtbot.waitUntil(lambda: dialog.late_bar.isVisible())
    with qtbot.waitSignal(dialog.restored):
        dialog.restore_button.click()
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    window.findChild(BulkNoticeDialog).reject()
    assert dialog.model.index(0, 4).data().startswith("Restored as paid")
    with qtbot.waitSignal(dialog.open_requested):
        double_click_row(qtbot, dialog, 0)
    qtbot.waitUntil(lambda: order_window_of(actions, order_id) is not None)
    order_window = order_window_of(actions, order_id)
    assert order_window is not None
    qtbot.waitUntil(lambda: order_window.detail is not None)
    order_window.back.move_back(OrderState.PAID)  # its "Move back to “Cancelled”", answered Move back
    qtbot.waitUntil(lambda: dialog.model.index(0, 4).data().startswith("Its order was cancelled"))
    qtbot.waitUntil(lambda: dialog.late_bar.isVisible())  # the choice again, on the row she is on
    with window.ctx.db.read() as s:
        assert s.get(Order, order_id).state == "cancelled"  # type: ignore[union-attr]


def test_after_restore_by_keyboard_the_owner_is_on_the_rows_and_enter_opens_the_order(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """Walk: Alt+R restored the order and its buttons went; the focus fell on Open bank file…, and
    the next Enter, meant for the row, opened the file dialog."""
    from ui.bulk_notice_dialog import BulkNoticeDialog

    order_id = an_order_the_deadline_cancelled(window.ctx, on_hand=3)
    dialog = OrderActions(window, window.ctx).open_deposits()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.load_file(late_bank_file(tmp_path))
    qtbot.waitUntil(lambda: dialog.late_bar.isVisible())
    dialog.restore_button.setFocus()
    with qtbot.waitSignal(dialog.restored):
        qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    window.findChild(BulkNoticeDialog).reject()
    assert dialog.focusWidget() is dialog.table
    with qtbot.waitSignal(dialog.open_requested) as opened:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert opened.args == [order_id]
    assert not dialogs.unexpected
