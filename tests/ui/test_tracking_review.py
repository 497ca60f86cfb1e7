"""A courier's file is reviewed before it moves anything: the ticks decide what ships, Cancel nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.models import Order
from app.orders import LineInput, OrderState, create_order, move_order
from app.shipping_sheets import ShippingAddress, set_shipping_address
from tests.support.factories import make_contact
from ui.order_board import OrderBoard
from ui.tracking_review_dialog import Outcome


def three_paid_and_one_shipped(db: Any) -> dict[str, int]:
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        ids = {}
        for name in ("김민지", "이하은", "박서준", "최유나"):
            c = make_contact(s, profile_name=name)
            ids[name] = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
            move_order(s, ids[name], OrderState.PAID)
            set_shipping_address(
                s, ids[name], ShippingAddress(name, "010-5550-1234", "04799", "서울 성동구 1")
            )
        move_order(s, ids["최유나"], OrderState.SHIPPED, courier="CJ대한통운", tracking="111122223333")
        return ids


def states(db: Any) -> dict[int, tuple[str, str]]:
    with db.read() as s:
        return {o.id: (o.state, o.tracking) for o in s.scalars(select(Order))}


def review(board: OrderBoard, qtbot: Any, path: Path) -> Any:
    board.review_tracking(path, "CJ대한통운")
    qtbot.waitUntil(lambda: board.tracking_review is not None and board.tracking_review.isVisible())
    return board.tracking_review


def test_the_review_ticks_the_good_rows_leaves_doubtful_ones_and_cancel_changes_nothing(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: Any, english: None
) -> None:
    ids = three_paid_and_one_shipped(ctx.db)
    with ctx.db.read() as s:
        number = {name: s.get(Order, order_id).number for name, order_id in ids.items()}  # type: ignore[union-attr]
    path = tmp_path / "CJ반품.csv"
    path.write_bytes(
        (
            "주문번호,운송장번호\n"
            f"{number['김민지']},654321098765\n"
            f"{number['이하은']},6.86501E+11\n"
            "2026-9999,654321098799\n"
            f"{number['최유나']},654321098777\n"
            f"{number['박서준']},654321098766\n"
        ).encode("cp949")
    )
    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    before = states(ctx.db)
    dialogs.expect("modal", times=2)
    dialog = review(board, qtbot, path)
    rows = {(r.number, r.outcome): r.ticked for r in dialog.model.rows}
    assert rows == {
        (number["김민지"], Outcome.SHIP): True,
        (number["박서준"], Outcome.SHIP): True,
        (number["이하은"], Outcome.DOUBT): False,
        (number["최유나"], Outcome.REPLACE): False,
        ("2026-9999", Outcome.UNUSED): False,
    }
    doubt = next(r for r in dialog.model.rows if r.outcome == Outcome.DOUBT)
    assert "Excel" in doubt.what and doubt.customer == "이하은"
    replace = next(r for r in dialog.model.rows if r.outcome == Outcome.REPLACE)
    assert "111122223333" in replace.what
    unused = dialog.model.index([r.outcome for r in dialog.model.rows].index(Outcome.UNUSED), 0)
    assert not dialog.model.flags(unused) & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.apply_button.text() == "Apply 2 rows"
    # From the keyboard: Space ticks the row the keyboard is on; Enter would apply, Esc cancels.
    doubt_row = [r.outcome for r in dialog.model.rows].index(Outcome.DOUBT)
    dialog.table.setCurrentIndex(dialog.model.index(doubt_row, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.model.rows[doubt_row].ticked and dialog.apply_button.text() == "Apply 3 rows"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: board.saved_note.text.text() == "Tracking file not applied: nothing changed.")
    assert states(ctx.db) == before  # Cancel: every order as it was

    # Again: the owner unticks 박서준 (parcel not handed over) and ticks 이하은's doubtful number.
    dialog = review(board, qtbot, path)
    model = dialog.model
    for row, r in enumerate(model.rows):
        if r.number in (number["박서준"], number["이하은"]):
            want = Qt.CheckState.Unchecked if r.ticked else Qt.CheckState.Checked
            assert model.setData(model.index(row, 0), want, Qt.ItemDataRole.CheckStateRole)
    assert dialog.apply_button.text() == "Apply 2 rows"
    with qtbot.waitSignal(board.shipped) as shipped:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter applies the ticked rows
    assert sorted(shipped.args[0]) == sorted([ids["김민지"], ids["이하은"]])
    after = states(ctx.db)
    assert after[ids["김민지"]] == ("shipped", "654321098765")
    assert after[ids["이하은"]] == ("shipped", "6.86501E+11")
    assert after[ids["박서준"]] == ("paid", "")  # unticked: left as it was
    assert after[ids["최유나"]] == ("shipped", "111122223333")  # its number kept, not ticked
    # What the file did stays said under the board after it reloads with the shipped orders.
    qtbot.waitUntil(lambda: board.status.text().startswith("4 orders · Total"))
    assert board.saved_note.isVisible() and board.saved_note.text.text() == "2 orders marked shipped."


def test_in_korean_the_review_names_the_button_that_applies_and_counts_rows_as_lines(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: Any, korean: None
) -> None:
    """The heading said “확인을 누르면” over a button reading “1줄 적용”, and counted the rows
    already on their orders as “개 행” where every other count says “줄”."""
    ids = three_paid_and_one_shipped(ctx.db)
    with ctx.db.read() as s:
        number = {name: s.get(Order, order_id).number for name, order_id in ids.items()}  # type: ignore[union-attr]
    path = tmp_path / "운송장번호.csv"
    path.write_bytes(
        f"주문번호,운송장번호\n{number['김민지']},654321098765\n{number['최유나']},111122223333\n".encode(
            "cp949"
        )
    )
    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    dialogs.expect("modal")
    dialog = review(board, qtbot, path)
    heading = dialog.heading.text()
    assert dialog.apply_button.text() == "1줄 적용"
    assert "적용 버튼을 누르면 체크한 줄만 바뀌어요" in heading and "확인" not in heading
    assert "1줄은 이미 등록돼 있어요" in heading and "행" not in heading
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_file_mixing_couriers_shows_each_rows_courier_and_the_chosen_one_for_rows_naming_none(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: Any, english: None
) -> None:
    """Walk: a file with 롯데택배 rows and rows naming no courier (CJ대한통운 chosen for them): the review
    never said which courier each order would be shipped with."""
    ids = three_paid_and_one_shipped(ctx.db)
    with ctx.db.read() as s:
        number = {name: s.get(Order, order_id).number for name, order_id in ids.items()}  # type: ignore[union-attr]
    path = tmp_path / "송장.csv"
    path.write_bytes(
        (
            "주문번호,택배사,운송장번호\n"
            f"{number['김민지']},롯데,654321098765\n"
            f"{number['박서준']},,654321098766\n"
            "2026-9999,,654321098799\n"
        ).encode("cp949")
    )
    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    dialogs.expect("modal")
    dialog = review(board, qtbot, path)
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Row", "Order", "Customer", "Courier", "Tracking number", "What happens"]
    shown = {model.index(r, 1).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert shown == {number["김민지"]: "롯데택배", number["박서준"]: "CJ대한통운", "2026-9999": ""}
    assert model.index(0, 4).data() == "654321098765" and "shipped" in model.index(0, 5).data()
    with qtbot.waitSignal(board.shipped):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    with ctx.db.read() as s:  # each order got the courier the review showed
        assert s.get(Order, ids["김민지"]).courier == "롯데택배"  # type: ignore[union-attr]
        assert s.get(Order, ids["박서준"]).courier == "CJ대한통운"  # type: ignore[union-attr]


def test_a_row_matching_no_order_still_shows_who_the_file_sends_it_to(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: Any, english: None
) -> None:
    """Walk: the demo's sample courier file (주문번호, 받는분, 택배사, 운송장번호): the 2025-0999 row matched no
    order and its Customer cell was empty, though the file names 김철수."""
    ids = three_paid_and_one_shipped(ctx.db)
    with ctx.db.read() as s:
        minji = s.get(Order, ids["김민지"]).number  # type: ignore[union-attr]
    path = tmp_path / "운송장번호_예시.csv"
    path.write_bytes(
        (
            "\ufeff주문번호,받는분,택배사,운송장번호\n"
            f"{minji},김민지,CJ대한통운,685203947716\n"
            "2025-0999,김철수,CJ대한통운,685203947747\n"
        ).encode()
    )
    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    dialogs.expect("modal")
    dialog = review(board, qtbot, path)
    model = dialog.model
    shown = {model.index(r, 1).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert shown == {minji: "김민지", "2025-0999": "김철수"}
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
