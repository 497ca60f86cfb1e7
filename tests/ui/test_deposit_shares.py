"""A deposit's share freed by a move back and taken again: the order it still pays says so."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from app.models import Order, utcnow
from app.orders import OrderState, move_order
from tests.ui.test_deposit_dialog import (
    TRANSFER_ROW,
    minjis_bank_file,
    minjis_transfer_for_two_orders_one_moved_back,
)
from ui.order_actions import OrderActions


def coat_history(ctx: Any, coat: int) -> list[str]:
    from app.order_actions import load_order
    from ui.order_history import history_lines

    return history_lines(load_order(ctx.db, coat).events)  # the newest first


def close_notice(window: Any, qtbot: Any) -> None:
    from ui.bulk_notice_dialog import BulkNoticeDialog

    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    window.findChild(BulkNoticeDialog).reject()


def test_the_shirt_paid_again_with_its_freed_share_is_said_at_once_in_the_coats_open_window(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Walk: one transfer paid 김민지's coat and shirt; the shirt was moved back, and paid again from
    the bank file with its freed 42,000. The coat's window still ended on "its share of ₩42,000 is
    free again", as if nothing paid the shirt."""
    from ui.order_window import OrderWindow

    coat, shirt, _coat_number, shirt_number = minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    coat_window = OrderWindow(window.ctx, coat, window)
    qtbot.addWidget(coat_window)
    coat_window.show()
    qtbot.waitUntil(lambda: coat_window.history.rowCount() == 4)
    freed_line = coat_window.history.stringList()[0]
    assert freed_line.endswith("its share of ₩42,000 is free again; this order stays paid")
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(minjis_bank_file(tmp_path, TRANSFER_ROW))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    with qtbot.waitSignal(dialog.paid):
        dialog.confirm_button.click()
    close_notice(window, qtbot)
    # The open window reads its history again: what it said stays as written, what followed is added.
    qtbot.waitUntil(lambda: coat_window.history.rowCount() == 5)
    lines = coat_window.history.stringList()
    assert lines[1] == freed_line
    assert lines[0].endswith(
        f": the freed ₩42,000 of the bank deposit now pays order {shirt_number}; this order stays paid"
    )
    with window.ctx.db.read() as s:
        assert s.get(Order, shirt).state == OrderState.PAID  # type: ignore[union-attr]


def test_the_freed_share_restoring_the_cancelled_shirt_is_said_on_the_coat(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from app.orders import expire_unpaid

    coat, shirt, _coat_number, shirt_number = minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    with window.ctx.db.write() as s:
        due = s.get(Order, shirt).payment_due_at  # type: ignore[union-attr]
        assert due is not None
        expire_unpaid(s, due + timedelta(minutes=1))
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(minjis_bank_file(tmp_path, TRANSFER_ROW))
    qtbot.waitUntil(lambda: dialog.late_bar.isVisible())
    with qtbot.waitSignal(dialog.restored):
        dialog.restore_button.click()
    close_notice(window, qtbot)
    assert coat_history(window.ctx, coat)[0].endswith(
        f": the freed ₩42,000 of the bank deposit restored order {shirt_number} as paid; this order stays paid"
    )


def test_the_freed_share_left_for_a_refund_is_said_on_the_coat(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from app.orders import expire_unpaid

    coat, shirt, _coat_number, shirt_number = minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    with window.ctx.db.write() as s:
        due = s.get(Order, shirt).payment_due_at  # type: ignore[union-attr]
        assert due is not None
        expire_unpaid(s, due + timedelta(minutes=1))
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(minjis_bank_file(tmp_path, TRANSFER_ROW))
    qtbot.waitUntil(lambda: dialog.late_bar.isVisible())
    dialog.refund_button.click()
    qtbot.waitUntil(lambda: not dialog.late_bar.isVisible())
    lines = coat_history(window.ctx, coat)
    assert lines[0].endswith(
        f": the freed ₩42,000 of the bank deposit is left to be refunded on order {shirt_number}; "
        "this order stays paid"
    )
    assert lines[1].endswith("its share of ₩42,000 is free again; this order stays paid")  # as written


def test_the_freed_share_paying_part_of_another_order_is_said_on_the_coat(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """The shirt cancelled, her scarf (62,000) paid by the freed 42,000 and a second transfer."""
    from app.catalog import ItemDraft, create_item
    from app.orders import Charges, LineInput, create_order
    from tests.ui.test_deposit_dialog import PLACED

    coat, shirt, _coat_number, _shirt_number = minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    with window.ctx.db.write() as s:
        move_order(s, shirt, OrderState.CANCELLED, now=utcnow())
        create_item(
            s, ItemDraft(name="캐시미어 머플러", price_minor=59000, currency="KRW", retailer_id="SCARF")
        )
        scarf = create_order(
            s,
            contact_id=s.get(Order, shirt).contact_id,  # type: ignore[union-attr]
            lines=[LineInput("SCARF", 1)],
            source="chat",
            charges=Charges(3000),
            now=PLACED,
        )
        move_order(s, scarf.id, OrderState.AWAITING_PAYMENT, now=utcnow())
        scarf_id, scarf_number = scarf.id, scarf.number
    bank = minjis_bank_file(
        tmp_path, TRANSFER_ROW, '2026-12-05,10:12:00,타행이체,,"20,000",김민지,"1,152,000"'
    )
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    with qtbot.waitSignal(dialog.paid):
        dialog.confirm_button.click()
    close_notice(window, qtbot)
    taken_line = coat_history(window.ctx, coat)[0]
    assert taken_line.endswith(
        f": the freed ₩42,000 of the bank deposit now pays order {scarf_number}; this order stays paid"
    )
    # The scarf moved back: the coat hears its share is free once more; what it said stays.
    from app.deposits import deposit_uses
    from app.order_actions import move_order_back

    move_order_back(window.ctx.db, scarf_id, OrderState.PAID)
    lines = coat_history(window.ctx, coat)
    assert lines[0].endswith(
        f": order {scarf_number}, paid together with this one by one bank deposit, was moved back: "
        "its share of ₩42,000 is free again; this order stays paid"
    )
    assert lines[1] == taken_line
    with window.ctx.db.read() as s:
        [use] = [u for u in deposit_uses(s).values() if u.numbers == (_coat_number,)]
    assert use.free == 42000


def test_in_korean_the_freed_share_taken_again_reads_with_its_particle(
    window: Any, qtbot: Any, korean: None
) -> None:
    from app.deposits import Deposit
    from app.order_actions import note_refund_due

    coat, shirt, _coat_number, shirt_number = minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    with window.ctx.db.write() as s:
        move_order(s, shirt, OrderState.CANCELLED, now=utcnow())
    note_refund_due(window.ctx.db, shirt, Deposit(2, "2026-12-04 14:03:22", "김민지", 132000))
    assert coat_history(window.ctx, coat)[0].endswith(
        f": 연결이 풀렸던 입금 ₩42,000은 {shirt_number} 주문에서 환불할 금액으로 뒀어요. "
        "이\u00a0주문은 결제 완료 그대로예요"
    )
