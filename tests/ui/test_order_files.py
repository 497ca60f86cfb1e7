"""The board's files say what they did: a tracking file names each row it could not use, an empty courier
sheet is not saved, and the orders export speaks the owner's language and clock."""

from __future__ import annotations

import csv
import errno
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QToolButton
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.models import Order
from app.orders import LineInput, OrderState, create_order, move_order
from app.shipping_sheets import ShippingAddress, set_shipping_address
from tests.support.dialogs import DialogGuard
from tests.support.factories import make_contact
from ui.order_actions import OrderActions
from ui.order_board import OrderBoard


def orders_in(ctx: Any, *states: OrderState, with_address: bool = True) -> list[tuple[int, str]]:
    """One order per state given (a shirt each, to an address unless `with_address` is False): (id, number)."""
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        made = []
        for i, state in enumerate(states):
            c = make_contact(s, profile_name=f"손님{i}", wa_id=f"8210555{i:05d}")
            order = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat")
            if with_address:
                where = ShippingAddress(f"손님{i}", "010-5550-1234", "04799", "서울 성동구 성수이로 1")
                set_shipping_address(s, order.id, where)
            steps = {OrderState.SHIPPED: [OrderState.PAID, OrderState.SHIPPED]}.get(state, [state])
            for step in steps:
                if step is not OrderState.NEW:
                    move_order(s, order.id, step, courier="CJ대한통운", tracking="111")
            made.append((order.id, order.number))
        return made


def review_then(seen: list[list[tuple[str, bool, str]]], apply: bool = True) -> Any:
    """A modal answer for the courier file's review: note its rows (order, ticked, what happens),
    then apply the ticked ones (or cancel)."""

    def answer(dialog: Any) -> None:
        seen.append([(r.number, r.ticked, r.what) for r in dialog.model.rows])
        if apply and dialog.apply_button.isEnabled():
            dialog.apply_button.click()
        else:
            dialog.reject()

    return answer


def test_a_tracking_file_with_a_courier_column_ships_without_asking_and_names_the_rows_it_left(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    (first, first_no), (second, second_no) = orders_in(window.ctx, OrderState.PAID, OrderState.PAID)
    returned = tmp_path / "송장.csv"
    returned.write_bytes(
        (
            "주문번호,택배사,송장번호\n"
            f"{second_no},CJ대한통운,654321098765\n"
            f"{first_no},CJ대한통운,654321098766\n"
            "2026-9999,CJ대한통운,654321098767\n"
        ).encode("cp949")
    )
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    dialogs.expect("getOpenFileName", answer=returned)
    # No "which courier?": every row the file ships names its courier. The review shows every row.
    seen: list[list[tuple[str, bool, str]]] = []
    review = dialogs.expect("modal", answer=review_then(seen))
    with qtbot.waitSignal(board.shipped) as shipped:
        board.choose_tracking_file()
    assert shipped.args == [[second, first]]
    assert review.shown[0].title == "Tracking numbers from 송장.csv"
    assert seen == [
        [
            (second_no, True, "Becomes shipped"),
            (first_no, True, "Becomes shipped"),
            ("2026-9999", False, "no order has this number"),
        ]
    ]
    assert board.saved_note.text.text() == "2 order(s) marked shipped."
    with window.ctx.db.read() as s:
        assert {(o.state, o.courier) for o in s.scalars(select(Order))} == {("shipped", "CJ대한통운")}


def test_the_courier_is_asked_only_for_the_rows_that_name_none(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    (paid, paid_no), (waiting, waiting_no) = orders_in(
        window.ctx, OrderState.PAID, OrderState.AWAITING_PAYMENT
    )
    returned = tmp_path / "returned.csv"
    returned.write_text(
        f"주문번호,운송장번호\n{paid_no},654321098765\n{waiting_no},654321098766\n", encoding="utf-8"
    )
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    asked = dialogs.expect("getItem", answer="한진택배")
    seen: list[list[tuple[str, bool, str]]] = []
    dialogs.expect("modal", answer=review_then(seen))
    with qtbot.waitSignal(board.shipped) as shipped:
        board.read_tracking_file(returned)
    assert shipped.args == [[paid]]
    assert asked.texts == ["1 order in this file has no courier. Which courier is its tracking number from?"]
    assert seen[0][1] == (
        waiting_no,
        False,
        "the order is “Awaiting payment”: only paid orders are marked shipped",
    )
    with window.ctx.db.read() as s:
        assert s.get(Order, paid).courier == "한진택배"  # type: ignore[union-attr]
        assert s.get(Order, waiting).state == "awaiting_payment"  # type: ignore[union-attr]


def test_with_no_paid_orders_the_courier_sheet_asks_for_no_file_and_says_so(
    window: Any, qtbot: Any, dialogs: DialogGuard
) -> None:
    orders_in(window.ctx, OrderState.SHIPPED, OrderState.AWAITING_PAYMENT)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    # No getSaveFileName is expected: the guard fails the test if the save dialog opens.
    with qtbot.waitSignal(board.courier_sheet_saved) as saved:
        board.choose_courier_sheet()
    assert saved.args == [0]
    assert board.saved_note.isVisibleTo(board) and not board.saved_note.open_button.isVisibleTo(board)
    assert board.saved_note.text.text() == (
        "No paid orders to send: the courier sheet lists orders that are paid and not shipped yet."
    )


def test_the_orders_export_names_states_as_the_app_does_and_times_on_the_shops_clock(
    window: Any, qtbot: Any, tmp_path: Path, korean: None, monkeypatch: Any
) -> None:
    monkeypatch.setattr("ui.order_board.system_timezone", lambda: "Asia/Seoul")
    [(order_id, _number)] = orders_in(window.ctx, OrderState.SHIPPED)
    with window.ctx.db.write() as s:
        order = s.get(Order, order_id)
        assert order is not None
        order.created_at = datetime(2026, 12, 1, 7, 7, 37, tzinfo=UTC)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    table = tmp_path / "orders.csv"
    with qtbot.waitSignal(board.orders_exported):
        board.export_orders(table, None, None)
    rows = list(csv.reader(io.StringIO(table.read_bytes().decode("utf-8-sig"))))
    assert rows[1][1:3] == ["2026-12-01 16:07", "배송 중"]


def test_the_courier_sheet_leaves_out_orders_with_no_address_and_names_them(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    """The tester's file: two paid orders, one with no address, saved as "2 paid orders" with a row
    of blanks for the courier. Now only the one with an address goes, and the other is named."""
    from app.shipping_sheets import ShippingAddress, set_shipping_address

    [(addressed, _), (_bare, bare_number)] = orders_in(
        window.ctx, OrderState.PAID, OrderState.PAID, with_address=False
    )
    with window.ctx.db.write() as s:
        set_shipping_address(
            s, addressed, ShippingAddress("손님0", "010-5550-0000", "04799", "서울 성동구 성수이로 1")
        )
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    told = dialogs.expect("warning", answer=QMessageBox.StandardButton.Ok)
    sheet = tmp_path / "courier.csv"
    with qtbot.waitSignal(board.courier_sheet_saved) as saved:
        board.export_courier_sheet(sheet)
    assert saved.args == [1]
    rows = list(csv.reader(io.StringIO(sheet.read_bytes().decode("utf-8-sig"))))
    assert [row[4] for row in rows[1:]] == ["서울 성동구 성수이로 1"]
    assert board.saved_note.text.text() == (
        "1 paid order(s) saved to the courier sheet. 1 order(s) left out for want of an address."
    )
    (shown,) = told.shown
    assert f"{bare_number} · 손님1: no address or postcode" in shown.text


def test_a_tracking_file_saved_by_excel_ships_only_its_good_rows_and_read_again_says_already_registered(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    (good, good_no), (mangled, mangled_no) = orders_in(window.ctx, OrderState.PAID, OrderState.PAID)
    saved = tmp_path / "CJ_엑셀저장.csv"
    saved.write_bytes(
        f"주문번호,택배사,운송장번호\r\n{good_no},CJ대한통운,654321098765\r\n{mangled_no},CJ대한통운,6.86501E+11\r\n".encode(
            "cp949"
        )
    )
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    seen: list[list[tuple[str, bool, str]]] = []
    dialogs.expect("modal", answer=review_then(seen))
    with qtbot.waitSignal(board.shipped) as shipped:
        board.read_tracking_file(saved)
    assert shipped.args == [[good]]
    assert seen[0][1][:2] == (mangled_no, False)  # doubtful: left unticked, so not shipped
    assert seen[0][1][2].endswith(
        "the tracking number 6.86501E+11 was changed by Excel (saved as a number, "
        "its last digits are lost). Format the tracking number column as Text in Excel, or open the "
        "courier's original file, and import it again. Tick it to mark shipped anyway"
    )
    # Read again: the good row is registered already, nothing is ticked, and cancel changes nothing.
    again = dialogs.expect("modal", answer=review_then(seen, apply=False))
    board.read_tracking_file(saved)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert [(number, ticked) for number, ticked, _what in seen[1]] == [(mangled_no, False)]
    assert "1 row(s) were already registered" in again.shown[0].text
    qtbot.waitUntil(lambda: board.saved_note.text.text() == "Tracking file not applied: nothing changed.")
    with window.ctx.db.read() as s:
        assert s.get(Order, mangled).state == "paid"  # type: ignore[union-attr]


def test_a_saved_courier_sheet_says_how_many_orders_it_holds_and_where_until_closed(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """The tester saved the sheet and saw nothing: the status line said it, and the next reload (a
    customer writing) rewrote it. The note stays, with the file's folder a click away."""
    orders_in(window.ctx, OrderState.PAID, OrderState.PAID, OrderState.SHIPPED)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    assert not board.saved_note.isVisible()
    sheet = tmp_path / "택배접수-2026-12-04.xlsx"
    with qtbot.waitSignal(board.courier_sheet_saved) as saved:
        board.export_courier_sheet(sheet)
    assert saved.args == [2] and sheet.exists()
    note = board.saved_note
    assert note.isVisible() and note.open_button.isVisible()
    assert note.text.text() == "2 paid order(s) saved to the courier sheet."
    assert note.where.text() == f"File: 택배접수-2026-12-04.xlsx · Folder: {tmp_path}"
    assert note.folder == tmp_path
    with qtbot.waitSignal(board.loaded):
        board.reload()  # as a synced message or a moved card would
    assert note.isVisible() and note.text.text() == "2 paid order(s) saved to the courier sheet."
    close = note.findChild(QToolButton)
    assert close is not None
    close.click()
    assert not note.isVisible()


def read_only(folder: Path, monkeypatch: Any) -> None:
    """A folder the owner may not write to. Its mode is enough for a normal user; tests that run as
    root (who writes anyway) get the refusal the system gives everyone else."""
    folder.mkdir()
    folder.chmod(0o555)
    real = Path.write_bytes

    def write_bytes(path: Path, data: Any) -> int:
        if path.parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)


def test_a_courier_sheet_that_cannot_be_written_says_so_in_korean_and_offers_no_folder(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any, korean: None
) -> None:
    orders_in(window.ctx, OrderState.PAID)
    folder = tmp_path / "읽기전용"
    read_only(folder, monkeypatch)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    sheet = folder / "택배접수.xlsx"
    with qtbot.waitSignal(board.courier_sheet_saved) as saved:
        board.export_courier_sheet(sheet)
    folder.chmod(0o755)
    assert saved.args == [0] and not sheet.exists()
    note = board.saved_note
    assert note.isVisible() and not note.open_button.isVisible() and not note.where.isVisible()
    assert note.text.text() == (
        "택배 접수 파일을 저장하지 못했어요. "
        "샵\u00a0인박스가 “택배접수.xlsx”에 접근할 권한이 없어요. 다른 파일이나 폴더를 골라 주세요."
    )


def test_a_saved_orders_file_says_how_many_orders_and_where_until_closed(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """As with the courier sheet: the export said "saved" in the status line, which the next reload
    (any customer writing in the demo) rewrote within seconds. The note stays, with its folder."""
    orders_in(window.ctx, OrderState.PAID, OrderState.SHIPPED)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    table = tmp_path / "주문-2026-12.xlsx"
    with qtbot.waitSignal(board.orders_exported) as saved:
        board.export_orders(table, None, None)
    assert saved.args == [2, 2] and table.exists()
    note = board.saved_note
    assert note.isVisible() and note.open_button.isVisible()
    assert note.text.text() == "Orders file saved: 2 order(s), 2 line(s)."
    assert note.where.text() == f"File: 주문-2026-12.xlsx · Folder: {tmp_path}"
    assert note.folder == tmp_path
    with qtbot.waitSignal(board.loaded):
        board.reload()  # as a synced message or a moved card would
    assert note.isVisible() and note.text.text() == "Orders file saved: 2 order(s), 2 line(s)."


def test_an_orders_file_of_days_without_orders_is_saved_and_says_it_holds_only_headings(
    window: Any, qtbot: Any, tmp_path: Path, korean: None
) -> None:
    orders_in(window.ctx, OrderState.PAID)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    table = tmp_path / "orders.csv"
    long_ago = datetime(2020, 1, 1, tzinfo=UTC), datetime(2020, 1, 2, tzinfo=UTC)
    with qtbot.waitSignal(board.orders_exported) as saved:
        board.export_orders(table, *long_ago)
    assert saved.args == [0, 0] and table.exists()
    assert board.saved_note.open_button.isVisibleTo(board)
    assert (
        board.saved_note.text.text()
        == "그\u00a0기간에 들어온 주문이 없어요. 파일에는 항목 이름만 들어 있어요."
    )


def test_an_orders_file_that_cannot_be_written_says_so_in_korean_and_offers_no_folder(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any, korean: None
) -> None:
    orders_in(window.ctx, OrderState.PAID)
    folder = tmp_path / "읽기전용"
    read_only(folder, monkeypatch)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    table = folder / "주문.xlsx"
    with qtbot.waitSignal(board.orders_export_failed):
        board.export_orders(table, None, None)
    folder.chmod(0o755)
    assert not table.exists()
    note = board.saved_note
    assert note.isVisible() and not note.open_button.isVisible() and not note.where.isVisible()
    assert note.text.text() == (
        "주문 파일을 저장하지 못했어요. "
        "샵\u00a0인박스가 “주문.xlsx”에 접근할 권한이 없어요. 다른 파일이나 폴더를 골라 주세요."
    )


def courier_sheet_with_an_address_typed(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard, answer: QMessageBox.StandardButton
) -> tuple[Any, list[str]]:
    """Two paid orders; in the first one's window a new address is typed, not saved; the courier
    sheet is asked for and the question answered: (that window, the sheet's addresses)."""
    [(first, number), _] = orders_in(window.ctx, OrderState.PAID, OrderState.PAID)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    order = actions.open_order(first)
    qtbot.waitUntil(lambda: order.detail is not None, timeout=5000)
    order.ship_to.address.setText("서울 마포구 양화로 45")
    assert order.has_unsaved_edits()
    sheet = tmp_path / "courier.csv"
    asked = dialogs.expect("question", answer=answer)
    dialogs.expect("getSaveFileName", answer=str(sheet))
    with qtbot.waitSignal(board.courier_sheet_saved, timeout=5000):
        board.choose_courier_sheet()
    assert asked.texts == [
        f"Save the changes to order {number} before exporting? The file holds only what is saved; "
        "without saving, your changes stay in its window as typed."
    ]
    assert "E&xport without saving" in asked.shown[0].widget
    rows = list(csv.reader(io.StringIO(sheet.read_bytes().decode("utf-8-sig"))))
    return order, sorted(row[4] for row in rows[1:])


def test_an_address_typed_in_an_order_window_is_asked_about_and_saved_into_the_courier_sheet(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    """The courier sheet read the orders as stored: the address she had just typed in the order's
    window went to the courier as the old one."""
    order, addresses = courier_sheet_with_an_address_typed(
        window, qtbot, tmp_path, dialogs, QMessageBox.StandardButton.Save
    )
    assert addresses == ["서울 마포구 양화로 45", "서울 성동구 성수이로 1"]
    assert not order.has_unsaved_edits()


def test_a_courier_sheet_without_saving_leaves_the_typed_address_in_its_window(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    order, addresses = courier_sheet_with_an_address_typed(
        window, qtbot, tmp_path, dialogs, QMessageBox.StandardButton.Discard
    )
    assert addresses == ["서울 성동구 성수이로 1", "서울 성동구 성수이로 1"]
    assert order.ship_to.address.text() == "서울 마포구 양화로 45" and order.has_unsaved_edits()


def test_after_saving_at_the_courier_sheets_question_its_file_dialog_opens_over_that_order_window(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    """Walk: an address typed in an order's window, the courier sheet asked for from the board, Save
    at its question (over the order's window). The file dialog opened over the board, which came in
    front with it: as it closed, the order's window the owner was in was left behind the board."""
    [(first, _number), (_bare, bare_number)] = orders_in(window.ctx, OrderState.PAID, OrderState.PAID)
    with window.ctx.db.write() as s:  # the second has no address: the sheet says so after saving
        set_shipping_address(s, _bare, ShippingAddress("손님1", "010-5550-1234", "", ""))
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    order = actions.open_order(first)
    qtbot.waitUntil(lambda: order.detail is not None, timeout=5000)
    order.ship_to.address.setText("서울 마포구 양화로 45")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    saved = dialogs.expect("getSaveFileName", answer=str(tmp_path / "courier.csv"))
    left_out = dialogs.expect("warning")
    with qtbot.waitSignal(board.courier_sheet_saved, timeout=5000):
        board.choose_courier_sheet()
    qtbot.waitUntil(lambda: bool(left_out.shown))
    assert asked.shown[0].parent is order
    assert saved.shown[0].parent is order  # not the board: the order's window stays in front
    assert left_out.shown[0].parent is order and bare_number in left_out.texts[0]
    assert not order.has_unsaved_edits()


def test_with_nothing_typed_the_courier_sheets_file_dialog_opens_over_the_board(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    [(first, _number)] = orders_in(window.ctx, OrderState.PAID)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    order = actions.open_order(first)
    qtbot.waitUntil(lambda: order.detail is not None, timeout=5000)
    saved = dialogs.expect("getSaveFileName", answer=str(tmp_path / "courier.csv"))
    with qtbot.waitSignal(board.courier_sheet_saved, timeout=5000):
        board.choose_courier_sheet()
    assert saved.shown[0].parent is board  # where the owner clicked


def test_after_saving_at_the_orders_exports_question_its_dialogs_open_over_that_order_window(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    [(first, _number)] = orders_in(window.ctx, OrderState.PAID)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    order = actions.open_order(first)
    qtbot.waitUntil(lambda: order.detail is not None, timeout=5000)
    order.ship_to.address.setText("서울 마포구 양화로 45")
    dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    days = dialogs.expect("modal", answer=lambda dialog: dialog.accept())
    saved = dialogs.expect("getSaveFileName", answer=str(tmp_path / "orders.csv"))
    with qtbot.waitSignal(board.orders_exported, timeout=5000):
        board.choose_orders_export()
    assert days.shown[0].widget == "OrderExportDialog"
    assert saved.shown[0].parent is order
