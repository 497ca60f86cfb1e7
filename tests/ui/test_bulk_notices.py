"""After a bank file, a courier's file or the payment deadlines move orders in bulk, the owner decides once
whether their customers are told; the messages go through the outbox and the relay to WhatsApp."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.models import Contact, Message, Order, OrderEvent, utcnow
from app.order_actions import cancel_overdue, load_order
from app.order_notices import BulkMove
from app.order_settings import OrderSettings, save_order_settings
from app.orders import UNSENT_MOVE, LineInput, OrderState, create_order, move_order
from app.sending import TEMPLATES_SETTING
from app.settings import put_setting
from app.shipping_sheets import ShippingAddress, set_shipping_address
from tests.support.factories import make_contact, make_message
from tests.support.relay_server import RunningRelay, inbound
from tests.ui.test_order_template_languages_ui import PAID
from ui.bulk_notice_dialog import BulkNoticeDialog
from ui.ops import pending_ops
from ui.order_actions import OrderActions
from ui.order_history import event_text

CUSTOMERS = (("김민지", "821055500001"), ("박서준", "821055500002"))


def customers_who_wrote(window: Any, qtbot: Any, relay: RunningRelay) -> None:
    """Two customers write through the relay (their 24 hours are open there and here)."""
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()
    for name, wa_id in CUSTOMERS:
        relay.post_webhook(inbound(content="입금했어요", sender=wa_id, name=name))
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)


# When the orders were placed: before the bank file's deposits were made (money sent on a day
# before its order was placed cannot pay it).
PLACED = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def orders_awaiting_payment(window: Any) -> dict[str, int]:
    """Their orders, and one for 이하은, whose chat came from a phone export (no number)."""
    orders = {}
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        contacts = {c.display_name: c.id for c in s.scalars(select(Contact))}
        contacts["이하은"] = make_contact(s, profile_name="이하은", wa_id=None).id
        for name, contact_id in contacts.items():
            order_id = create_order(
                s, contact_id=contact_id, lines=[LineInput("LINEN", 1)], source="chat", now=PLACED
            ).id
            move_order(s, order_id, OrderState.AWAITING_PAYMENT)
            orders[name] = order_id
    return orders


def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "거래내역.csv"
    rows = "".join(
        f"2026.11.29 10:0{i},{name},39000\n" for i, name in enumerate(["김민지", "박서준", "이하은"])
    )
    path.write_bytes(("거래일시,기재내용,맡기신금액\n" + rows).encode("cp949"))
    return path


def notice_after_bank_file(window: Any, qtbot: Any, tmp_path: Path) -> BulkNoticeDialog:
    actions = OrderActions(window, window.ctx)
    deposits = actions.open_deposits()
    deposits.load_file(bank_file(tmp_path))
    qtbot.waitUntil(lambda: deposits.model.rowCount() == 3)
    with qtbot.waitSignal(deposits.paid):
        deposits.confirm_button.click()
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    dialog = window.findChild(BulkNoticeDialog)
    qtbot.waitUntil(lambda: dialog.notice is not None and dialog.send_button.isEnabled())
    return dialog


def rows(dialog: BulkNoticeDialog) -> list[str]:
    return [dialog.model.index(r).data() for r in range(dialog.model.rowCount())]


def outbound(window: Any) -> list[tuple[str, str]]:
    with window.ctx.db.read() as s:
        return [
            (m.contact.display_name, m.body)
            for m in s.scalars(select(Message).where(Message.direction == "out").order_by(Message.id))
        ]


def last_event(window: Any, order_id: int) -> tuple[str, str | None]:
    with window.ctx.db.read() as s:
        event = s.scalars(
            select(OrderEvent).where(OrderEvent.order_id == order_id).order_by(OrderEvent.id.desc())
        ).first()
        assert event is not None
        return event.kind, event.to_state


def test_a_bank_file_asks_once_and_send_tells_the_two_customers_with_a_number_through_the_relay(
    window: Any, qtbot: Any, tmp_path: Path, relay: RunningRelay
) -> None:
    customers_who_wrote(window, qtbot, relay)
    orders = orders_awaiting_payment(window)
    dialog = notice_after_bank_file(window, qtbot, tmp_path)
    assert dialog.heading.text() == "3 order(s) confirmed paid — send the customers the payment confirmation?"
    with window.ctx.db.read() as s:
        number = {name: s.get(Order, order_id).number for name, order_id in orders.items()}  # type: ignore[union-attr]
    assert rows(dialog) == [
        f"{number['김민지']} · 김민지",
        f"{number['박서준']} · 박서준",
        f"{number['이하은']} · 이하은 — not told: no phone number in this inbox",
    ]
    # In the customers' language (they wrote Korean), as the order's own window prepares it.
    assert dialog.preview.toPlainText().startswith("김민지님, 입금 확인되었습니다.")
    assert dialog.note.isVisible() and dialog.note.text().startswith("1 customer(s) cannot be told.")
    assert outbound(window) == []  # nothing goes before the owner answers

    with qtbot.waitSignal(dialog.decided) as decided:
        dialog.send_button.click()
    assert decided.args == [True]
    assert [(name, body.split(",")[0]) for name, body in outbound(window)] == [
        ("김민지", "김민지님"),
        ("박서준", "박서준님"),
    ]
    assert all("입금 확인되었습니다" in body for _name, body in outbound(window))
    # The outbox sends them: WhatsApp (the fake Graph) gets the two texts.
    assert relay.graph is not None
    graph = relay.graph
    qtbot.waitUntil(lambda: len(graph.sent) == 2, timeout=10_000)
    assert sorted(body["to"] for body in graph.sent) == sorted(wa_id for _name, wa_id in CUSTOMERS)
    assert last_event(window, orders["이하은"]) == (UNSENT_MOVE, "paid")
    assert last_event(window, orders["김민지"]) == ("moved", "paid")


def test_dont_send_after_a_bank_file_sends_nothing_and_the_history_says_it_was_the_owners_choice(
    window: Any, qtbot: Any, tmp_path: Path, relay: RunningRelay
) -> None:
    customers_who_wrote(window, qtbot, relay)
    orders = orders_awaiting_payment(window)
    dialog = notice_after_bank_file(window, qtbot, tmp_path)
    with qtbot.waitSignal(dialog.decided) as decided:
        dialog.quiet_button.click()
    assert decided.args == [False]
    assert outbound(window) == []
    assert {last_event(window, order_id) for order_id in orders.values()} == {(UNSENT_MOVE, "paid")}
    history = load_order(window.ctx.db, orders["김민지"]).events
    said = event_text(history[-1]).replace("\u202f", " ")
    assert ": paid by a deposit in the bank file: " in said and "Nov 29" in said
    assert said.endswith(" 10:00 AM 김민지 ₩39,000 (you chose not to send the customer the message)")


def test_without_a_relay_the_messages_wait_in_the_outbox_as_the_order_windows_do(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """No relay set up yet: the two customers with a number are told all the same; their messages
    wait (pending) and go once the relay is connected, and each row says so."""
    with window.ctx.db.write() as s:
        for name, wa_id in CUSTOMERS:
            make_contact(s, profile_name=name, wa_id=wa_id, last_inbound_at=utcnow() - timedelta(hours=1))
    orders = orders_awaiting_payment(window)
    dialog = notice_after_bank_file(window, qtbot, tmp_path)
    shown = rows(dialog)
    assert shown[0].endswith("김민지 — goes once the relay is connected")
    assert shown[1].endswith("박서준 — goes once the relay is connected")
    assert shown[2].endswith("이하은 — not told: no phone number in this inbox")
    assert "No relay is set up yet: the messages wait on this computer" in dialog.note.text()
    assert dialog.quiet_button.isEnabled() and dialog.send_button.text() == "&Send 2"
    with qtbot.waitSignal(dialog.decided):
        dialog.send_button.click()
    with window.ctx.db.read() as s:
        waiting = [
            (m.contact.display_name, m.status)
            for m in s.scalars(select(Message).where(Message.direction == "out").order_by(Message.id))
        ]
    assert waiting == [("김민지", "pending"), ("박서준", "pending")]
    history = load_order(window.ctx.db, orders["김민지"]).events
    assert event_text(history[-1]).endswith("(customer told)")
    assert last_event(window, orders["이하은"]) == (UNSENT_MOVE, "paid")


def test_an_unticked_customer_is_left_out_and_her_order_says_the_owner_chose_not_to_send(
    window: Any, qtbot: Any, tmp_path: Path, relay: RunningRelay
) -> None:
    customers_who_wrote(window, qtbot, relay)
    orders = orders_awaiting_payment(window)
    dialog = notice_after_bank_file(window, qtbot, tmp_path)
    model = dialog.model
    check = Qt.ItemDataRole.CheckStateRole
    assert [model.index(r).data(check) for r in range(3)] == [
        Qt.CheckState.Checked,
        Qt.CheckState.Checked,
        None,
    ]
    assert dialog.send_button.text() == "&Send 2"
    model.setData(model.index(1), Qt.CheckState.Unchecked, check)  # 박서준 left out
    assert dialog.send_button.text() == "&Send 1" and dialog.send_button.isEnabled()
    model.setData(model.index(0), Qt.CheckState.Unchecked, check)
    assert dialog.send_button.text() == "&Send 0" and not dialog.send_button.isEnabled()
    model.setData(model.index(0), Qt.CheckState.Checked, check)
    with qtbot.waitSignal(dialog.decided):
        dialog.send_button.click()
    assert [name for name, _body in outbound(window)] == ["김민지"]
    history = load_order(window.ctx.db, orders["박서준"]).events
    assert event_text(history[-1]).endswith("(you chose not to send the customer the message)")
    assert event_text(load_order(window.ctx.db, orders["김민지"]).events[-1]).endswith("(customer told)")


def test_a_courier_file_offers_the_tracking_numbers_in_one_decision(
    window: Any, qtbot: Any, tmp_path: Path, relay: RunningRelay, dialogs: Any
) -> None:
    customers_who_wrote(window, qtbot, relay)
    orders = orders_awaiting_payment(window)
    with window.ctx.db.write() as s:
        for name, order_id in orders.items():
            move_order(s, order_id, OrderState.PAID)
            where = ShippingAddress(name, "010-5550-1234", "04799", "서울 성동구 성수이로 1")
            set_shipping_address(s, order_id, where)  # a courier took them: they had an address
        number = {name: s.get(Order, order_id).number for name, order_id in orders.items()}  # type: ignore[union-attr]
    returned = tmp_path / "cj.csv"
    lines = "".join(
        f"{number[name]},65432109876{i}\n" for i, name in enumerate(["김민지", "박서준", "이하은"])
    )
    returned.write_bytes(("주문번호,운송장번호\n" + lines).encode("cp949"))
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    dialogs.expect("modal")  # the review of what the file will do, confirmed below
    board.review_tracking(returned, "CJ대한통운")
    qtbot.waitUntil(lambda: board.tracking_review is not None and board.tracking_review.isVisible())
    board.tracking_review.apply_button.click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    dialog = window.findChild(BulkNoticeDialog)
    qtbot.waitUntil(lambda: dialog.notice is not None and dialog.send_button.isEnabled())
    assert dialog.heading.text() == "3 order(s) shipped — send the customers their tracking numbers?"
    assert "송장번호: 654321098760" in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.decided):
        dialog.send_button.click()
    bodies = dict(outbound(window))
    assert "송장번호: 654321098760" in bodies["김민지"]
    assert "wblNo=654321098760" in bodies["김민지"]
    assert "송장번호: 654321098761" in bodies["박서준"]
    assert last_event(window, orders["이하은"]) == (UNSENT_MOVE, "shipped")
    # The note under the board says the messages went, not only that the orders moved.
    assert board.saved_note.text.text() == (
        board.tr("%Ln order(s) marked shipped.", "", 3)
        + " "
        + board.tr("Tracking numbers sent to %Ln customer(s).", "", 2)
    )


def test_orders_the_deadline_cancelled_are_a_note_in_the_orders_window_answered_once(
    window: Any, qtbot: Any, tmp_path: Path, relay: RunningRelay
) -> None:
    customers_who_wrote(window, qtbot, relay)
    orders = orders_awaiting_payment(window)
    with window.ctx.db.write() as s:
        for order_id in orders.values():
            order = s.get(Order, order_id)
            assert order is not None
            order.payment_due_at = utcnow() - timedelta(minutes=1)
    actions = OrderActions(window, window.ctx)
    with qtbot.waitSignal(window.ctx.hub.changed, timeout=10_000):
        actions.cancel_overdue()
    # No dialog over the owner's chat: the decision waits in the orders window.
    assert window.findChild(BulkNoticeDialog) is None
    board = actions.open_board()
    qtbot.addWidget(board)
    note = board.expiry_notice
    qtbot.waitUntil(note.isVisible)
    assert (
        note.text.text() == "3 order(s) cancelled because the payment deadline passed — tell the customers?"
    )
    dialog = note.review()
    assert dialog is not None and note.review() is dialog  # one decision, however often asked
    qtbot.waitUntil(lambda: dialog.notice is not None and dialog.send_button.isEnabled())
    assert "주문이 취소되었습니다" in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.decided):
        dialog.send_button.click()
    qtbot.waitUntil(lambda: not note.isVisible())
    assert len(outbound(window)) == 2
    assert last_event(window, orders["이하은"]) == (UNSENT_MOVE, "cancelled")
    history = load_order(window.ctx.db, orders["이하은"]).events
    assert event_text(history[-1]).endswith(
        ": cancelled, the payment deadline passed (the message could not be sent: no phone number in this inbox)"
    )

    # The next minute's check and the orders window opened again: not offered a second time.
    cancel_overdue(window.ctx.db)
    board.close()
    note.order_ids = [0]  # (as if still waiting: the read on showing the window must answer)
    board.show()
    qtbot.waitUntil(lambda: pending_ops() == 0)
    assert note.order_ids == [] and not note.isVisible()
    assert len(outbound(window)) == 2


def test_the_question_reads_as_a_korean_shop_owner_says_it(ctx: Any, qtbot: Any, korean: None) -> None:
    dialog = BulkNoticeDialog(ctx, BulkMove.BANK_FILE, list(range(1, 8)))
    qtbot.addWidget(dialog)
    assert dialog.heading.text() == "입금 확인된 주문 7건 — 고객에게 확인 메시지를 보낼까요?"
    assert (dialog.quiet_button.text(), dialog.send_button.text()) == ("보내지 않기(&D)", "보내기(&S)")
    qtbot.waitUntil(lambda: pending_ops() == 0)


def test_the_same_bank_file_opened_again_says_each_deposit_is_already_applied(
    window: Any, qtbot: Any, tmp_path: Path, relay: RunningRelay, korean: None
) -> None:
    """Overlapping downloads (shot 21): deposits confirmed once are named with their order, not unmatched."""
    customers_who_wrote(window, qtbot, relay)
    orders = orders_awaiting_payment(window)
    dialog = notice_after_bank_file(window, qtbot, tmp_path)
    with qtbot.waitSignal(dialog.decided):
        dialog.quiet_button.click()
    deposits = OrderActions(window, window.ctx).open_deposits()
    deposits.load_file(bank_file(tmp_path))
    qtbot.waitUntil(lambda: deposits.model.rowCount() == 3)
    with window.ctx.db.read() as s:
        number = s.get(Order, orders["김민지"]).number  # type: ignore[union-attr]
    model = deposits.model
    assert model.index(0, 4).data() == f"이미 반영됨 ({number})"
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None  # nothing to tick
    assert not deposits.confirm_button.isEnabled()


def test_send_then_closing_the_question_at_once_still_tells_the_window_and_then_lets_it_go(
    window: Any, qtbot: Any, tmp_path: Path, relay: RunningRelay
) -> None:
    """Deleted the moment it closed, the question dropped its send's answer: the messages were queued
    but the window was never told, nor the outbox woken."""
    customers_who_wrote(window, qtbot, relay)
    orders_awaiting_payment(window)
    dialog = notice_after_bank_file(window, qtbot, tmp_path)
    with qtbot.waitSignal(dialog.decided) as decided:
        dialog.send_button.click()
        dialog.reject()  # Esc before the write came back
    assert decided.args == [True]
    assert [name for name, _body in outbound(window)] == ["김민지", "박서준"]
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is None)


def test_after_the_bank_files_notice_the_main_window_says_what_went(
    window: Any, qtbot: Any, tmp_path: Path, relay: RunningRelay
) -> None:
    """Walk: mark paid, then 보내기 in the question, and the deposits' window closed: nothing said
    how many orders were paid or whether their customers were told."""
    customers_who_wrote(window, qtbot, relay)
    orders_awaiting_payment(window)
    dialog = notice_after_bank_file(window, qtbot, tmp_path)
    with qtbot.waitSignal(dialog.decided):
        dialog.send_button.click()
    bar = window.statusBar()
    assert bar.isVisible()
    assert bar.currentMessage() == (
        "3 order(s) marked paid from the bank file. Payment confirmation sent to 2 customer(s)."
    )


def test_with_the_board_open_the_bank_files_result_is_its_note(
    window: Any, qtbot: Any, tmp_path: Path, relay: RunningRelay
) -> None:
    customers_who_wrote(window, qtbot, relay)
    orders_awaiting_payment(window)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.waitExposed(board)
    deposits = actions.open_deposits(board)
    deposits.load_file(bank_file(tmp_path))
    qtbot.waitUntil(lambda: deposits.model.rowCount() == 3)
    with qtbot.waitSignal(deposits.paid):
        deposits.confirm_button.click()
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    dialog = window.findChild(BulkNoticeDialog)
    qtbot.waitUntil(lambda: dialog.notice is not None and dialog.quiet_button.isEnabled())
    with qtbot.waitSignal(dialog.decided):
        dialog.quiet_button.click()
    assert board.saved_note.isVisible()
    assert board.saved_note.text.text() == "3 order(s) marked paid from the bank file. Customers not told."
    assert not window.statusBar().isVisible()


def test_outside_their_24_hours_each_customers_message_says_which_language_of_the_template_goes(
    window: Any, qtbot: Any, korean: None
) -> None:
    """The paid template is approved in Korean and English: Amy, who writes English, gets the English
    version and 김민지 the Korean one, and the Korean owner reads which above each message."""

    two_days_ago = utcnow() - timedelta(days=2)
    orders = []
    with window.ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, PAID)
        save_order_settings(s, OrderSettings(templates={"paid": "order_paid"}))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        for name, wa_id, words in (
            ("Amy Clarke", "447700900123", "I sent the money"),
            ("김민지", "821055500001", "입금했어요"),
        ):
            c = make_contact(s, profile_name=name, wa_id=wa_id, last_inbound_at=two_days_ago)
            make_message(s, c, words, sent_at=two_days_ago)
            order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
            move_order(s, order_id, OrderState.AWAITING_PAYMENT)
            move_order(s, order_id, OrderState.PAID)
            orders.append(order_id)
    dialog = BulkNoticeDialog(window.ctx, BulkMove.BANK_FILE, orders, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.notice is not None and dialog.model.rowCount() == 2)
    previews = {}
    for r in range(2):
        dialog.list.setCurrentIndex(dialog.model.index(r))
        name = dialog.model.index(r).data().split(" · ")[1].split(" — ")[0]
        previews[name] = dialog.preview.toPlainText()
    assert previews["Amy Clarke"].startswith("“order_paid” 템플릿(영어)으로 보내요:\n\nHi Amy Clarke,")
    assert previews["김민지"].startswith("“order_paid” 템플릿(한국어)으로 보내요:\n\n김민지님,")
    qtbot.waitUntil(lambda: pending_ops() == 0)


def test_the_bank_files_question_closed_unanswered_still_says_the_orders_are_paid(
    window: Any, qtbot: Any, tmp_path: Path, relay: RunningRelay
) -> None:
    """Walk: Esc on the question after marking paid from the bank file; the board kept its note of
    a moment before, "Order … moved back to “Awaiting payment”", and nothing said the orders were paid."""
    customers_who_wrote(window, qtbot, relay)
    orders_awaiting_payment(window)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.waitExposed(board)
    board.saved_note.show_note("Order 2026-0008 moved back to “Awaiting payment”.")
    deposits = actions.open_deposits(board)
    deposits.load_file(bank_file(tmp_path))
    qtbot.waitUntil(lambda: deposits.model.rowCount() == 3)
    with qtbot.waitSignal(deposits.paid):
        deposits.confirm_button.click()
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    dialog = window.findChild(BulkNoticeDialog)
    qtbot.waitUntil(lambda: dialog.notice is not None and dialog.quiet_button.isEnabled())
    with qtbot.assertNotEmitted(dialog.decided):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert board.saved_note.text.text() == "3 order(s) marked paid from the bank file. Customers not told."
    assert outbound(window) == []
