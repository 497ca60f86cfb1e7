"""The bank deposits window: one transfer for several orders, a deposit after the deadline's cancel."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.catalog import ItemDraft, create_item
from app.models import Order, utcnow
from app.orders import Charges, LineInput, OrderState, create_order, move_order
from tests.support.factories import make_contact, make_order_the_deadline_cancelled
from ui.deposit_dialog import placed_when
from ui.order_actions import OrderActions

# When the orders were placed: before the bank files' deposits were made (money sent on a day
# before its order was placed cannot pay it).
PLACED = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def minjis_two_orders(ctx: Any) -> list[int]:
    """김민지 awaits payment for a coat (90,000원 with shipping) and a shirt (42,000원)."""
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="울 코트", price_minor=87000, currency="KRW", retailer_id="COAT"))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        minji = make_contact(s, profile_name="김민지", last_inbound_at=utcnow() - timedelta(hours=1))
        ids = []
        for sku in ("COAT", "LINEN"):
            order = create_order(
                s,
                contact_id=minji.id,
                lines=[LineInput(sku, 1)],
                source="chat",
                charges=Charges(3000),
                now=PLACED,
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
    qtbot.waitUntil(lambda: notice.notice is not None)
    # One message to her for both orders, not two a minute apart.
    assert notice.model.rowCount() == 1
    assert notice.model.index(0).data().startswith(f"{numbers[0]} and {numbers[1]} · 김민지")
    assert notice.heading.text().startswith("2 order")  # orders paid, though one message
    assert notice.send_button.text() == "&Send 1"
    assert f"orders {numbers[0]} and {numbers[1]} for you" in notice.preview.toPlainText()
    assert "132,000" in notice.preview.toPlainText()
    notice.reject()


def an_order_the_deadline_cancelled(ctx: Any, *, on_hand: int) -> int:
    """김민지's shirt (42,000원), cancelled by its payment deadline yesterday."""
    with ctx.db.write() as s:
        return make_order_the_deadline_cancelled(s, asked_at=utcnow() - timedelta(days=5), on_hand=on_hand)


def late_bank_file(tmp_path: Path) -> Path:
    bank = tmp_path / "kb.csv"
    bank.write_bytes(
        "거래일시,적요,보낸분/받는분,출금액(원),입금액(원),잔액(원)\n"
        '2026.12.04 09:12:00,타행이체,김민지,0,"42,000","1,042,000"\n'.encode("cp949")
    )
    return bank


def test_a_deposit_after_the_deadline_cancelled_its_order_is_shown_and_restores_it_as_paid(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from app.stock import item_stock
    from ui.bulk_notice_dialog import BulkNoticeDialog

    order_id = an_order_the_deadline_cancelled(window.ctx, on_hand=3)
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(late_bank_file(tmp_path))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.late_bar.isVisible())
    model = dialog.model
    assert model.index(0, 4).data().startswith("Its order was cancelled when the payment deadline passed")
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable  # a choice, not a tick
    assert "was cancelled when its payment deadline passed, and 42,000 came afterwards" in (
        dialog.late_text.text().replace("₩", "")
    )
    with qtbot.waitSignal(dialog.restored) as restored:
        dialog.restore_button.click()
    assert restored.args[0] == order_id
    assert not dialog.late_bar.isVisible()
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.state == "paid"
        number = order.number
        assert model.index(0, 4).data() == f"Restored as paid ({number})"
        level = item_stock(s, order.lines[0].item_id)  # type: ignore[arg-type]
        assert level is not None and level.on_hand == 2
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    window.findChild(BulkNoticeDialog).reject()
    model.set_matches([])
    dialog.load_file(late_bank_file(tmp_path))  # the same file, opened again
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, 4).data() == f"Restored as paid ({number})"
    assert not dialog.late_bar.isVisible()


def test_after_restoring_a_late_deposits_order_the_result_says_it_was_restored(
    window: Any, qtbot: Any, tmp_path: Path, korean: None
) -> None:
    """Walk: 주문을 결제 완료로 되살리기, then 보내지 않기 in the question: the status line said "은행
    파일로 주문 1건을 결제 완료로 표시했어요", as if a ticked deposit had been marked paid, not the
    cancelled order brought back (its items taken from stock again)."""
    from ui.bulk_notice_dialog import BulkNoticeDialog

    order_id = an_order_the_deadline_cancelled(window.ctx, on_hand=3)
    with window.ctx.db.read() as s:
        number = s.get(Order, order_id).number  # type: ignore[union-attr]
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(late_bank_file(tmp_path))
    qtbot.waitUntil(lambda: dialog.late_bar.isVisible())
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    notice = window.findChild(BulkNoticeDialog)
    qtbot.waitUntil(lambda: notice.notice is not None and notice.quiet_button.isEnabled())
    with qtbot.waitSignal(notice.decided):
        notice.quiet_button.click()
    said = window.statusBar().currentMessage()
    assert number.endswith("1")  # 일: 을
    assert (
        said
        == f"주문 {number}을 결제 완료로 되살렸어요. 상품은 재고에서 다시 빠졌어요. 고객에게는 알리지 않았어요."
    )
    assert "표시했어요" not in said


def test_restoring_a_late_paid_order_without_stock_is_refused_and_it_can_be_left_for_a_refund(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from app.deposits import REFUND_DUE

    order_id = an_order_the_deadline_cancelled(window.ctx, on_hand=1)
    with window.ctx.db.write() as s:  # the last shirt went to another customer meanwhile
        other = create_order(
            s, contact_id=make_contact(s).id, lines=[LineInput("LINEN", 1)], source="chat", now=PLACED
        )
        move_order(s, other.id, OrderState.PAID, now=utcnow())
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(late_bank_file(tmp_path))
    qtbot.waitUntil(lambda: dialog.late_bar.isVisible())
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert dialog.problem.text().startswith("Only 0 of “린넨 셔츠” left in stock")
    assert "The order stays cancelled" in dialog.problem.text()
    assert dialog.late_bar.isVisible()
    dialog.refund_button.click()
    qtbot.waitUntil(lambda: not dialog.late_bar.isVisible())
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.state == "cancelled"
        assert order.events[-1].kind == REFUND_DUE
        assert dialog.model.index(0, 4).data() == f"Left for a refund ({order.number})"


def test_a_part_payment_names_her_order_and_what_is_missing_on_a_korean_day(
    window: Any, qtbot: Any, tmp_path: Path, korean: None, korean_locale: None
) -> None:
    """Walk: 이하은 sent 50,000원 of her 90,000원 in the morning; the window showed
    "2026-12-05 11:02:10" and "이 금액의 주문이 없어요", and the owner had to find her order herself."""
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="울 코트", price_minor=87000, currency="KRW", retailer_id="COAT"))
        haeun = make_contact(s, profile_name="이하은", last_inbound_at=utcnow())
        order = create_order(
            s,
            contact_id=haeun.id,
            lines=[LineInput("COAT", 1)],
            source="chat",
            charges=Charges(3000),
            now=PLACED,
        )
        move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=utcnow())
        number, order_id = order.number, order.id
    today, last_year = date.today(), date(date.today().year - 1, 12, 31)
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "거래일시,적요,기재내용,출금금액,입금금액,잔액\n"
        f"{today:%Y-%m-%d} 11:02:10,타행이체,이하은,0,50000,1250000\n"
        f"{last_year:%Y.%m.%d} 23:59,타행이체,이하은,0,100000,1350000\n"
    )
    weekday = "월화수목금토일"
    actions = OrderActions(window, window.ctx)
    dialog = actions.open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    model = dialog.model
    assert (
        model.index(0, 0).data() == f"{today.month}월 {today.day}일 ({weekday[today.weekday()]}) 오전 11:02"
    )
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == f"{today:%Y-%m-%d} 11:02:10"
    assert model.index(0, 3).data() == f"{number} · 이하은 · {placed_when(PLACED.astimezone())} 주문"
    assert (
        model.index(0, 4).data()
        == "입금자명만 일치: 주문 금액 90,000원보다 40,000원 적어요. 나머지를 요청하세요"
    )
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None  # nothing to tick
    assert (
        model.index(1, 0).data()
        == f"{last_year.year}년 12월 31일 ({weekday[last_year.weekday()]}) 오후 11:59"
    )
    assert (
        model.index(1, 4).data()
        == "입금자명만 일치: 주문 금액 90,000원보다 10,000원 많아요. 차액을 환불하세요"
    )
    assert not dialog.confirm_button.isEnabled()
    # Her order's window, to mark it paid there once the rest has come: a double-click on the row.
    where = dialog.table.visualRect(model.index(0, 1)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: order_id in actions.open_orders and actions.open_orders[order_id].isVisible())


def test_her_two_transfers_that_make_her_order_are_read_together(
    window: Any, qtbot: Any, tmp_path: Path, korean: None, korean_locale: None
) -> None:
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="울 코트", price_minor=87000, currency="KRW", retailer_id="COAT"))
        haeun = make_contact(s, profile_name="이하은", last_inbound_at=utcnow())
        order = create_order(
            s,
            contact_id=haeun.id,
            lines=[LineInput("COAT", 1)],
            source="chat",
            charges=Charges(3000),
            now=PLACED,
        )
        move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=utcnow())
        number, order_id = order.number, order.id
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "거래일시,적요,기재내용,출금금액,입금금액,잔액\n"
        "2026-12-05 11:02:10,타행이체,이하은,0,50000,1250000\n"
        "2026-12-05 12:10:44,타행이체,이하은,0,40000,1290000\n"
    )
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    said = "입금자명만 일치: 이\u00a0파일의 입금 2건을 합치면 주문 금액 90,000원이에요. 함께 체크하면 결제 완료로 표시해요"
    assert [dialog.model.index(row, 4).data() for row in (0, 1)] == [said, said]
    dialog.reject()
    # She marks it paid in its window instead (double-click): the file read again names that order.
    with window.ctx.db.write() as s:
        move_order(s, order_id, OrderState.PAID, now=utcnow())
    again = OrderActions(window, window.ctx).open_deposits()
    again.load_file(bank)
    qtbot.waitUntil(lambda: again.model.rowCount() == 2)
    marked = f"이\u00a0파일의 입금 2건을 합치면 직접 결제 완료로 표시한 주문({number})의 금액이에요. 따로 할 일은 없어요"
    assert [again.model.index(row, 4).data() for row in (0, 1)] == [marked, marked]
    assert again.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None  # nothing to tick


def test_her_two_transfers_pay_her_order_together_are_named_in_its_history_and_read_as_applied_again(
    window: Any, qtbot: Any, tmp_path: Path, korean: None, korean_locale: None
) -> None:
    """Walk: marking 이하은's order paid after her two transfers left its history without them, and the
    same bank file read again said "이 금액의 주문이 없어요" for both."""
    from app.order_actions import load_order
    from ui.order_history import event_text

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="울 코트", price_minor=87000, currency="KRW", retailer_id="COAT"))
        haeun = make_contact(s, profile_name="이하은", last_inbound_at=utcnow())
        order = create_order(
            s,
            contact_id=haeun.id,
            lines=[LineInput("COAT", 1)],
            source="chat",
            charges=Charges(3000),
            now=PLACED,
        )
        move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=utcnow())
        number, order_id = order.number, order.id
    today = date.today()
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "거래일시,적요,기재내용,출금금액,입금금액,잔액\n"
        f"{today:%Y-%m-%d} 11:02:10,타행이체,이하은,0,50000,1250000\n"
        f"{today:%Y-%m-%d} 12:10:44,타행이체,이하은,0,40000,1290000\n"
    )
    actions = OrderActions(window, window.ctx)
    dialog = actions.open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    model = dialog.model
    ticked = Qt.CheckState.Checked
    assert [model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) for row in (0, 1)] == [ticked, ticked]
    # One part alone does not pay it: unticking one unticks both, ticking one ticks both again.
    model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.setData(model.index(0, 0), ticked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == ticked
    with qtbot.waitSignal(dialog.paid) as paid:
        dialog.confirm_button.click()
    assert paid.args == [[order_id]]
    detail = load_order(window.ctx.db, order_id)
    assert detail.state == "paid"
    moves = [e for e in detail.events if e.to_state == "paid"]
    assert len(moves) == 1
    history = event_text(moves[0])
    assert "입금 2건" in history
    day = f"{today.month}월 {today.day}일 ({'월화수목금토일'[today.weekday()]})"
    assert (
        f"입금 2건을 합쳐 결제 완료: {day} 오전 11:02 이하은 50,000원, {day} 오후 12:10 이하은 40,000원"
        in history
    )
    for notice in window.findChildren(QDialog):
        if notice is not dialog and notice.isVisible():
            notice.reject()
    again = actions.open_deposits()
    again.load_file(bank)
    qtbot.waitUntil(lambda: again.model.rowCount() == 2)
    applied = f"이미 반영됨 ({number})"
    assert [again.model.index(row, 4).data() for row in (0, 1)] == [applied, applied]
    assert not again.confirm_button.isEnabled()


def test_two_customers_of_one_name_and_amount_leave_the_deposit_to_the_owner(
    window: Any, qtbot: Any, tmp_path: Path, korean: None, korean_locale: None
) -> None:
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        numbers = []
        for phone in ("821055501234", "821099990000"):
            c = make_contact(s, profile_name="김민지", wa_id=phone, last_inbound_at=utcnow())
            order = create_order(
                s,
                contact_id=c.id,
                lines=[LineInput("LINEN", 1)],
                source="chat",
                charges=Charges(3000),
                now=PLACED,
            )
            move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=utcnow())
            numbers.append(order.number)
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "거래일시,적요,기재내용,출금금액,입금금액,잔액\n2026-12-05 10:00:00,타행이체,김민지,0,42000,1042000\n"
    )
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    ordered = placed_when(PLACED.astimezone())  # on this computer's clock: the shop set none
    assert dialog.model.index(0, 4).data() == (
        "같은 이름, 같은 금액의 주문이 2건 있어요. 입금 바로 전에 들어온 주문부터 보여 드려요: "
        f"{numbers[0]} ({ordered} 주문), {numbers[1]} ({ordered} 주문). "
        "첫\u00a0주문이 맞으면 아래에서 결제 완료로 표시하고, 아니면 맞는 주문을 주문 창에서 표시하세요"
    )
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None


def test_a_long_match_reason_is_read_whole_in_its_row_not_cut_with_an_ellipsis(
    window: Any, qtbot: Any, tmp_path: Path, korean: None, korean_locale: None
) -> None:
    """At 1366×768 the “matched” column is narrow: its row grows to the lines its reason takes."""
    from PySide6.QtCore import QRect

    _number, bank = an_order_marked_paid_by_hand(window, tmp_path)
    dialog = OrderActions(window, window.ctx).open_deposits()
    qtbot.addWidget(dialog)
    dialog.resize(820, 460)
    dialog.show()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    reason = dialog.model.index(0, 4).data()
    width = dialog.table.columnWidth(4) - 8  # the cell's margins
    lines = dialog.table.fontMetrics().boundingRect(
        QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, reason
    )
    assert lines.height() > dialog.table.fontMetrics().height() * 2  # it takes three lines or more there
    qtbot.waitUntil(lambda: dialog.table.rowHeight(0) >= lines.height())
    assert not dialog.confirm_button.isEnabled()


def an_order_marked_paid_by_hand(window: Any, tmp_path: Path) -> tuple[str, Path]:
    """김민지's shirt (42,000원) the owner marked paid herself, and a bank file with her transfer."""
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="김민지", last_inbound_at=utcnow())
        order = create_order(
            s,
            contact_id=c.id,
            lines=[LineInput("LINEN", 1)],
            source="chat",
            charges=Charges(3000),
            now=PLACED,
        )
        move_order(s, order.id, OrderState.AWAITING_PAYMENT)
        move_order(s, order.id, OrderState.PAID)  # she saw it in her banking app
        number = order.number
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "거래일시,적요,기재내용,출금금액,입금금액,잔액\n2026-12-05 10:00:00,타행이체,김민지,0,42000,1042000\n"
    )
    return number, bank


def test_a_transfer_for_an_order_marked_paid_by_hand_says_nothing_is_left_to_do(
    window: Any, qtbot: Any, tmp_path: Path, korean: None, korean_locale: None
) -> None:
    number, bank = an_order_marked_paid_by_hand(window, tmp_path)
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert (
        dialog.model.index(0, 4).data()
        == f"직접 결제 완료로 표시한 주문({number})의 이름·금액과 같아요. 따로 할 일은 없어요"
    )
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None


def test_in_korean_the_bank_window_asks_in_plain_words_and_its_button_has_its_particle(
    window: Any, qtbot: Any, korean: None
) -> None:
    """Walk: “…내려받아 여기에서 여세요” read stiff, and the button said “체크한 주문 결제 완료로 표시”
    without its 을."""
    from PySide6.QtWidgets import QLabel

    dialog = OrderActions(window, window.ctx).open_deposits()
    qtbot.addWidget(dialog)
    intro = next(label.text() for label in dialog.findChildren(QLabel) if label.text().startswith("은행에서"))
    assert "여기서 열어 주세요." in intro and "여세요" not in intro
    assert dialog.confirm_button.text() == "체크한 주문을 결제 완료로 표시(&M)"


def test_a_british_shop_matches_a_starling_download_in_pounds_and_pence(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """A shop in London opened its bank's CSV (Date, Counter Party, Reference, Type, Amount (GBP),
    Balance (GBP)): "not a bank file" — the app read only Korean banks' columns, and whole won."""
    from app.settings import update_preferences

    update_preferences(window.ctx.db, shop_region="GB", currency="GBP")
    window.ctx.shop_region, window.ctx.currency = "GB", "GBP"
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="Linen shirt", price_minor=3950, currency="GBP", retailer_id="SHIRT"))
        olivia = make_contact(s, profile_name="Olivia Brown", wa_id="447911123456", last_inbound_at=utcnow())
        order = create_order(
            s,
            contact_id=olivia.id,
            lines=[LineInput("SHIRT", 1)],
            source="chat",
            charges=Charges(300),
            now=PLACED,
        )
        move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=utcnow())
        order_id, number = order.id, order.number
    bank = tmp_path / "StarlingStatement.csv"
    bank.write_text(
        "Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP)\n"
        "04/12/2026,Tesco,CARD 1234,CARD,-12.00,1000.00\n"
        f"05/12/2026,Olivia Brown,{number},FASTER PAYMENT,42.50,1042.50\n",
        encoding="utf-8",
    )
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)  # the card payment out is no deposit
    model = dialog.model
    assert (model.index(0, 1).data(), model.index(0, 2).data()) == ("Olivia Brown", "£42.50")
    assert model.index(0, 3).data() == f"{number} · Olivia Brown · ordered {placed_when(PLACED.astimezone())}"
    assert model.index(0, 4).data() == "Name and amount"
    with qtbot.waitSignal(dialog.paid) as paid:
        dialog.confirm_button.click()
    assert paid.args == [[order_id]]
    dialog.close()


def test_the_order_placed_nearest_before_a_deposit_is_proposed_first_with_when_each_was_ordered(
    window: Any, qtbot: Any, tmp_path: Path, korean: None, korean_locale: None
) -> None:
    """Two 김민지 each await 42,000원, one ordered on 28 November, one on 3 December; a transfer of
    4 December is either's. The owner reads both with their days, the nearer first, and ticks
    nothing; 박서준's coat was ordered the day after his transfer: not its payment, and said so."""
    # Noon on this computer's clock, where the days are read: 12:00 UTC was the next day on Kiritimati.
    older_at = datetime(2026, 11, 28, 12, 0).astimezone()
    nearer_at = datetime(2026, 12, 3, 12, 0).astimezone()
    coat_at = datetime(2026, 12, 5, 12, 0).astimezone()
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        create_item(s, ItemDraft(name="울 코트", price_minor=87000, currency="KRW", retailer_id="COAT"))
        placed = []
        for name, phone, code, at in (
            ("김민지", "821055501234", "LINEN", older_at),
            ("김민지", "821099990000", "LINEN", nearer_at),
            ("박서준", "821077770000", "COAT", coat_at),
        ):
            c = make_contact(s, profile_name=name, wa_id=phone)
            order = create_order(
                s, contact_id=c.id, lines=[LineInput(code, 1)], source="chat", charges=Charges(3000), now=at
            )
            move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=at)
            placed.append((order.id, order.number))
    (_older_id, older), (nearer_id, nearer), (_coat_id, coat) = placed
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "거래일시,적요,기재내용,출금금액,입금금액,잔액\n"
        "2026-12-04 10:00:00,타행이체,김민지,0,42000,1042000\n"
        "2026-12-04 11:00:00,타행이체,박서준,0,90000,1132000\n"
    )
    actions = OrderActions(window, window.ctx)
    dialog = actions.open_deposits()
    dialog.load_file(bank)
    model = dialog.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert model.index(0, 3).data() == f"{nearer} · 김민지 · {placed_when(nearer_at.astimezone())} 주문"
    assert model.index(0, 4).data() == (
        "같은 이름, 같은 금액의 주문이 2건 있어요. 입금 바로 전에 들어온 주문부터 보여 드려요: "
        f"{nearer} ({placed_when(nearer_at.astimezone())} 주문), {older} ({placed_when(older_at.astimezone())} 주문). "
        "첫\u00a0주문이 맞으면 아래에서 결제 완료로 표시하고, 아니면 맞는 주문을 주문 창에서 표시하세요"
    )
    assert placed_when(nearer_at.astimezone()).startswith(
        "12월 3일 (목)"
    )  # beside the deposit's 12월 4일 (금)
    assert model.index(1, 3).data() == f"{coat} · 박서준 · {placed_when(coat_at.astimezone())} 주문"
    assert model.index(1, 4).data() == (
        f"이름과 금액이 같은 주문({coat})은 이\u00a0입금보다 나중에 들어왔어요. 이\u00a0입금은 그\u00a0주문의 결제가 아니에요"
    )
    for row in (0, 1):  # never ticked, nothing to confirm
        assert model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) is None
    assert not dialog.confirm_button.isEnabled()
    # The proposed order's window, to mark it paid there if it is hers: a double-click on the row.
    where = dialog.table.visualRect(model.index(0, 1)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: nearer_id in actions.open_orders and actions.open_orders[nearer_id].isVisible())


def test_the_owner_marks_the_proposed_order_paid_from_the_deposits_window_by_keyboard(
    window: Any, qtbot: Any, tmp_path: Path, english: None
) -> None:
    """Two 김민지 each await 42,000원 (28 November, 3 December); her transfer of 4 December is
    either's. Nothing is ticked for the owner; the nearer order is proposed beside the table, and
    Alt+P marks it paid: its history names the deposit, the row reads applied, the other order still
    waits, and the payment message is offered as for a ticked deposit."""
    from app.models import OrderEvent
    from ui.bulk_notice_dialog import BulkNoticeDialog

    placed = []
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        for phone, at in (("821055501234", datetime(2026, 11, 28, 12, tzinfo=UTC)), ("821099990000", None)):
            at = at or datetime(2026, 12, 3, 12, tzinfo=UTC)
            c = make_contact(s, profile_name="김민지", wa_id=phone, last_inbound_at=utcnow())
            order = create_order(
                s,
                contact_id=c.id,
                lines=[LineInput("LINEN", 1)],
                source="chat",
                charges=Charges(3000),
                now=at,
            )
            move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=at)
            placed.append((order.id, order.number))
    (older_id, _older), (nearer_id, nearer) = placed
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "거래일시,적요,기재내용,출금금액,입금금액,잔액\n2026-12-04 10:00:00,타행이체,김민지,0,42000,1042000\n"
    )
    dialog = OrderActions(window, window.ctx).open_deposits()
    qtbot.waitExposed(dialog)
    dialog.load_file(bank)
    model = dialog.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and dialog.proposal_bar.isVisible())
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None  # never ticked for her
    assert not dialog.confirm_button.isEnabled()
    assert dialog.proposal_text.text().startswith(f"{nearer} · 김민지, ordered ")
    assert dialog.proposal_text.text().endswith(
        "of 2 orders under this name for this amount. Mark it paid if you know it is hers."
    )
    assert dialog.proposal_button.text() == f"Mark {nearer} &paid"
    dialog.table.setFocus()
    with qtbot.waitSignal(dialog.paid) as paid:
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert paid.args == [[nearer_id]]
    with window.ctx.db.read() as s:
        assert s.get(Order, nearer_id).state == "paid"  # type: ignore[union-attr]
        assert s.get(Order, older_id).state == "awaiting_payment"  # type: ignore[union-attr]
        note = s.query(OrderEvent).filter_by(order_id=nearer_id, to_state="paid").one().note
    assert '"deposit"' in note and "김민지" in note  # the history names the deposit
    qtbot.waitUntil(lambda: model.index(0, 4).data() == f"Already applied ({nearer})")
    assert not dialog.proposal_bar.isVisible()
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    notice = window.findChild(BulkNoticeDialog)
    qtbot.waitUntil(lambda: notice.notice is not None)
    assert notice.model.rowCount() == 1 and notice.model.index(0).data().startswith(f"{nearer} · 김민지")
    notice.reject()
    dialog.close()


def test_a_transfer_for_two_orders_one_moved_back_offers_its_free_part_to_that_order_again(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Walk: one transfer paid 김민지's coat and shirt; the shirt was moved back to Awaiting payment.
    Read again, the bank file said "Already applied" to both orders and the shirt stayed unpaid."""
    from app.deposits import Deposit
    from app.order_actions import bank_file_matches, confirm_payments, move_order_back
    from ui.bulk_notice_dialog import BulkNoticeDialog

    coat, shirt = minjis_two_orders(window.ctx)
    with window.ctx.db.read() as s:
        coat_number, shirt_number = (s.get(Order, i).number for i in (coat, shirt))  # type: ignore[union-attr]
    confirm_payments(
        window.ctx.db, [(i, Deposit(2, "2026-12-04 14:03:22", "김민지", 132000)) for i in (coat, shirt)]
    )
    move_order_back(window.ctx.db, shirt, OrderState.PAID)
    bank = tmp_path / "신한은행_입출금내역.csv"
    bank.write_bytes(
        "거래일자,거래시간,적요,출금(원),입금(원),내용,잔액(원)\n"
        '2026-12-04,14:03:22,타행이체,,"132,000",김민지,"1,132,000"\n'.encode("cp949")
    )
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    model = dialog.model
    assert model.index(0, 2).data() == "₩132,000 · ₩42,000 free"  # the bank's line, and what is left of it
    assert model.index(0, 3).data().startswith(f"{shirt_number} · 김민지")
    assert model.index(0, 4).data() == (
        f"₩42,000 of it is free again ({coat_number} stays paid by it). Name and amount"
    )
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    with qtbot.waitSignal(dialog.paid) as paid:
        dialog.confirm_button.click()
    assert paid.args == [[shirt]]
    with window.ctx.db.read() as s:
        assert [s.get(Order, i).state for i in (coat, shirt)] == ["paid", "paid"]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    window.findChild(BulkNoticeDialog).reject()
    [again] = bank_file_matches(window.ctx.db, bank)  # the file read again: it pays both once more
    assert (again.kind, again.number) == ("already_applied", f"{coat_number}, {shirt_number}")


def test_in_korean_the_free_part_of_a_deposit_takes_its_particle(
    window: Any, qtbot: Any, tmp_path: Path, korean: None
) -> None:
    from app.deposits import Deposit
    from app.order_actions import confirm_payments, move_order_back

    coat, shirt = minjis_two_orders(window.ctx)
    with window.ctx.db.read() as s:
        coat_number = s.get(Order, coat).number  # type: ignore[union-attr]
    confirm_payments(
        window.ctx.db, [(i, Deposit(2, "2026-12-04 14:03:22", "김민지", 132000)) for i in (coat, shirt)]
    )
    move_order_back(window.ctx.db, shirt, OrderState.PAID)
    bank = tmp_path / "신한은행_입출금내역.csv"
    bank.write_bytes(
        "거래일자,거래시간,적요,출금(원),입금(원),내용,잔액(원)\n"
        '2026-12-04,14:03:22,타행이체,,"132,000",김민지,"1,132,000"\n'.encode("cp949")
    )
    dialog = OrderActions(window, window.ctx).open_deposits()
    qtbot.addWidget(dialog)
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.index(0, 4).data() == (
        f"이\u00a0중 ₩42,000이 다시 남았어요({coat_number} 주문은 이\u00a0입금으로 결제된 그대로예요). 입금자명과 금액 일치"
    )


def minjis_transfer_for_two_orders_one_moved_back(ctx: Any) -> tuple[int, int, str, str]:
    """One transfer of 132,000 paid 김민지's coat (90,000) and shirt (42,000); the shirt was moved
    back to Awaiting payment, its 42,000 of the transfer free: (coat, shirt, their numbers)."""
    from app.deposits import Deposit
    from app.order_actions import confirm_payments, move_order_back

    coat, shirt = minjis_two_orders(ctx)
    with ctx.db.read() as s:
        coat_number, shirt_number = (s.get(Order, i).number for i in (coat, shirt))  # type: ignore[union-attr]
    confirm_payments(
        ctx.db, [(i, Deposit(2, "2026-12-04 14:03:22", "김민지", 132000)) for i in (coat, shirt)]
    )
    move_order_back(ctx.db, shirt, OrderState.PAID)
    return coat, shirt, coat_number, shirt_number


def minjis_bank_file(tmp_path: Path, *rows: str) -> Path:
    bank = tmp_path / "신한은행_입출금내역.csv"
    lines = ["거래일자,거래시간,적요,출금(원),입금(원),내용,잔액(원)", *rows]
    bank.write_bytes(("\n".join(lines) + "\n").encode("cp949"))
    return bank


TRANSFER_ROW = '2026-12-04,14:03:22,타행이체,,"132,000",김민지,"1,132,000"'


def test_the_free_part_of_a_transfer_restores_the_order_the_deadline_cancelled_as_exactly_that_part(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Walk: the shirt moved back was cancelled by its payment deadline; the transfer's free 42,000
    restored it. The window then said "Restored as paid (shirt)" beside a row of 132,000 as if the
    whole transfer were the shirt's, and the shirt's history said it was paid by 132,000."""
    from app.order_actions import bank_file_matches, load_order
    from app.orders import expire_unpaid
    from ui.bulk_notice_dialog import BulkNoticeDialog
    from ui.order_history import history_lines

    coat, shirt, coat_number, shirt_number = minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    with window.ctx.db.write() as s:
        due = s.get(Order, shirt).payment_due_at  # type: ignore[union-attr]
        assert due is not None
        assert expire_unpaid(s, due + timedelta(minutes=1)) == [shirt]
    bank = minjis_bank_file(tmp_path, TRANSFER_ROW)
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.late_bar.isVisible())
    model = dialog.model
    assert model.index(0, 2).data() == "₩132,000 · ₩42,000 free"  # what is left of it to match
    assert model.index(0, 4).data().startswith(f"₩42,000 of it is free again ({coat_number} stays paid")
    # Not "₩42,000 came afterwards": the transfer came before, and its part was freed.
    assert dialog.late_text.text().startswith(
        f"{shirt_number} · 김민지 was cancelled when its payment deadline passed. ₩42,000 of a deposit "
        f"that pays {coat_number} is free since the order was moved back. Restore it as paid with that part"
    )
    with qtbot.waitSignal(dialog.restored):
        dialog.restore_button.click()
    assert model.index(0, 2).data() == "₩132,000"  # none of it is free now
    assert model.index(0, 4).data() == f"Restored as paid ({shirt_number}); the rest of it pays {coat_number}"
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    window.findChild(BulkNoticeDialog).reject()
    [again] = bank_file_matches(window.ctx.db, bank)  # read again, it says the same
    assert (again.kind, again.number, again.also_pays) == ("restored_paid", shirt_number, (coat_number,))
    restored = history_lines(load_order(window.ctx.db, shirt).events)[0]
    assert ": paid by ₩42,000 of a deposit in the bank file: " in restored
    assert restored.endswith(
        f"김민지 ₩132,000 (one deposit for orders {coat_number} + {shirt_number}) "
        "(restored after the payment deadline, with the deposit's free part)"
    )
    with window.ctx.db.read() as s:
        assert [s.get(Order, i).state for i in (coat, shirt)] == ["paid", "paid"]  # type: ignore[union-attr]


def test_the_free_part_of_a_transfer_and_her_second_transfer_pay_an_order_in_parts_as_exactly_that_part(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Walk: the shirt moved back was cancelled at her word; she wanted a scarf (62,000) instead and
    sent 20,000 more. The transfer's free 42,000 and the 20,000 paid the scarf, and its history said
    "paid by 2 deposits together: … 132,000, … 20,000", as if all of the first were the scarf's."""
    from app.deposits import deposit_uses
    from app.order_actions import bank_file_matches, load_order
    from ui.bulk_notice_dialog import BulkNoticeDialog
    from ui.order_history import history_lines

    _coat, shirt, coat_number, _shirt_number = minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    with window.ctx.db.write() as s:
        move_order(s, shirt, OrderState.CANCELLED, now=utcnow())
        create_item(
            s, ItemDraft(name="캐시미어 머플러", price_minor=59000, currency="KRW", retailer_id="SCARF")
        )
        contact_id = s.get(Order, shirt).contact_id  # type: ignore[union-attr]
        scarf = create_order(
            s,
            contact_id=contact_id,
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
    model = dialog.model
    assert [model.index(row, 2).data() for row in (0, 1)] == ["₩132,000 · ₩42,000 free", "₩20,000"]
    assert [model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) for row in (0, 1)] == [
        Qt.CheckState.Checked
    ] * 2
    with qtbot.waitSignal(dialog.paid) as paid:
        dialog.confirm_button.click()
    assert paid.args == [[scarf_id]]
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    window.findChild(BulkNoticeDialog).reject()
    line = history_lines(load_order(window.ctx.db, scarf_id).events)[0]
    assert ": paid by 2 deposits together: " in line
    assert "김민지 ₩132,000 (₩42,000 of it), " in line and line.endswith("김민지 ₩20,000")
    first, second = bank_file_matches(window.ctx.db, bank)
    assert (first.kind, first.number) == ("already_applied", f"{coat_number}, {scarf_number}")
    assert (second.kind, second.number) == ("already_applied", scarf_number)
    with window.ctx.db.read() as s:
        uses = deposit_uses(s)
    # The transfer pays the coat's 90,000 and the scarf's 42,000: nothing of it left over, none counted twice.
    [use] = [u for u in uses.values() if coat_number in u.numbers]
    assert (use.numbers, use.free) == ((coat_number, scarf_number), 0)


def test_the_deposits_sort_by_their_amount_as_money_not_as_text(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Sorted by the Amount column, "₩132,000 · ₩42,000 free" goes by 132,000, after 9,000 and 20,000."""
    minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    bank = minjis_bank_file(
        tmp_path,
        TRANSFER_ROW,
        '2026-12-05,10:12:00,타행이체,,"20,000",이하온,"1,152,000"',
        '2026-12-05,11:30:00,타행이체,,"9,000",박서준,"1,161,000"',
    )
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    amounts = lambda: [dialog.model.index(row, 2).data() for row in range(3)]  # noqa: E731
    assert amounts() == ["₩132,000 · ₩42,000 free", "₩20,000", "₩9,000"]  # as the bank wrote them
    dialog.show()
    metrics = dialog.table.fontMetrics()  # on one line, not wrapped after "₩132,000 ·"
    wanted = metrics.horizontalAdvance("₩132,000 · ₩42,000 free")
    qtbot.waitUntil(lambda: dialog.table.horizontalHeader().sectionSize(2) > wanted)
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    dialog.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert amounts() == ["₩9,000", "₩20,000", "₩132,000 · ₩42,000 free"]
    assert dialog.table.currentIndex().row() == 2  # the row she was on goes with it
    assert dialog.model.index(2, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    dialog.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert amounts() == ["₩132,000 · ₩42,000 free", "₩20,000", "₩9,000"]
    dialog.load_file(bank)  # read again: still sorted as she chose
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    assert amounts()[0] == "₩132,000 · ₩42,000 free"
    dialog.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [dialog.model.index(row, 1).data() for row in range(3)] == ["김민지", "박서준", "이하온"]


def test_in_korean_an_orders_share_of_one_transfer_reads_with_its_particle(
    window: Any, qtbot: Any, korean: None
) -> None:
    from app.order_actions import load_order
    from ui.order_history import history_lines

    coat, _shirt, _coat_number, shirt_number = minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    lines = history_lines(load_order(window.ctx.db, coat).events)
    assert lines[0].endswith(
        f"{shirt_number} 주문이 되돌려져, 그\u00a0주문 몫 ₩42,000의 연결이 풀렸어요. 이\u00a0주문은 결제 완료 그대로예요"
    )
    assert ": 은행 파일의 입금 중 ₩90,000으로 결제 완료: " in lines[1]


def test_the_free_part_of_a_transfer_left_for_a_refund_refunds_that_part_alone(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Walk: the shirt moved back was cancelled by its payment deadline; the owner left the
    transfer's free 42,000 for a refund. The shirt's history said 132,000 was to be refunded, and
    that it came after the cancel (it came before, and its part was freed by the move back)."""
    from app.order_actions import bank_file_matches, load_order
    from app.orders import expire_unpaid
    from ui.order_history import history_lines

    _coat, shirt, coat_number, shirt_number = minjis_transfer_for_two_orders_one_moved_back(window.ctx)
    with window.ctx.db.write() as s:
        due = s.get(Order, shirt).payment_due_at  # type: ignore[union-attr]
        assert due is not None
        expire_unpaid(s, due + timedelta(minutes=1))
    bank = minjis_bank_file(tmp_path, TRANSFER_ROW)
    dialog = OrderActions(window, window.ctx).open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.late_bar.isVisible())
    dialog.refund_button.click()
    qtbot.waitUntil(lambda: not dialog.late_bar.isVisible())
    line = history_lines(load_order(window.ctx.db, shirt).events)[0]
    assert ": ₩42,000 of a deposit, free since the order was moved back, left to be refunded: " in line
    assert line.endswith(f"김민지 ₩132,000 (the rest of it pays {coat_number})")
    [again] = bank_file_matches(window.ctx.db, bank)  # read again: its free part is the refund's
    assert (again.kind, again.number, again.paid_already, again.free) == (
        "refund_noted",
        shirt_number,
        (coat_number,),
        42000,
    )
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.index(0, 4).data().endswith(f"Left for a refund ({shirt_number})"))
    assert dialog.model.index(0, 2).data() == "₩132,000 · ₩42,000 free"
