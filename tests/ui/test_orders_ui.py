"""Orders in the window: a cart card in the chat opens its order, the board moves orders, labels follow."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QPushButton
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.models import Contact, Label, Order, contact_label, utcnow
from app.orders import LineInput, OrderState, create_order, move_order, order_from_cart
from app.shipping_sheets import ShippingAddress, set_shipping_address
from app.surcharge_areas import REMOTE
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats, settle
from ui.formatting import customer_day
from ui.order_actions import OrderActions
from ui.order_board import OrderBoard
from ui.order_board_model import Column
from ui.order_form import StartOrderDialog


def cart_chat(ctx: Any) -> tuple[int, int]:
    """A customer who sent a cart of two shirts and an item the catalogue does not know."""
    with ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN-IV-M")
        )
        c = make_contact(s, profile_name="김민지")
        make_message(s, c, "린넨 셔츠 있나요?", sent_at=BASE_TIME, unread=False)
        payload = {
            "type": "order",
            "order": {
                "catalog_id": "1",
                "text": "선물 포장 부탁드려요",
                "product_items": [
                    {
                        "product_retailer_id": "LINEN-IV-M",
                        "quantity": 2,
                        "item_price": 29000,
                        "currency": "KRW",
                    },
                    {"product_retailer_id": "OLD-7", "quantity": 1, "item_price": 5000, "currency": "KRW"},
                ],
            },
        }
        m = make_message(
            s,
            c,
            "선물 포장 부탁드려요",
            kind="order",
            payload=payload,
            sent_at=BASE_TIME + timedelta(minutes=1),
        )
        m.unread = False
        order = order_from_cart(s, m)
        return c.id, order.id


def labels_of(ctx: Any, contact_id: int) -> set[str]:
    with ctx.db.read() as s:
        return set(
            s.scalars(
                select(Label.name)
                .join(contact_label, contact_label.c.label_id == Label.id)
                .where(contact_label.c.contact_id == contact_id)
            )
        )


def test_a_cart_shows_as_a_readable_card_in_the_chat_and_opens_its_order(window: Any, qtbot: Any) -> None:
    contact_id, order_id = cart_chat(window.ctx)
    actions = OrderActions(window, window.ctx)
    load_chats(window, qtbot)
    assert window.chat_list.select_contact(contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.contact_id == contact_id)
    settle(qtbot)  # the chat's messages are read off the GUI thread
    model = view.chat_model
    row = next(i for i in range(model.rowCount()) if model.message_at(i).kind == "order")
    index = model.index(row)
    geo = view.bubbles.geometry(index, float(view.viewport().width()))
    assert geo is not None and geo.card is not None
    assert geo.card.title.startswith("Order 20") and "New" in geo.card.title
    assert geo.card.subtitle == "Open order"
    # How many as the orders table writes it, what they come to, and the price of each; no-break
    # spaces keep "×2" with the name and "each" with its price.
    assert "린넨 셔츠\u00a0×2   ₩58,000 (₩29,000\u00a0each)" in geo.text
    assert "OLD-7\u00a0×1 (not in catalogue)   ₩5,000" in geo.text
    assert "Total ₩63,000" in geo.text
    assert geo.text.endswith("선물 포장 부탁드려요")  # the customer's note, as plain text
    # Text dragged over in the card copies the lines it shows, not the stored note's letters.
    view.scrollTo(index)
    settle(qtbot)
    first_line = "린넨 셔츠 ×2   ₩58,000 (₩29,000 each)"  # copied with plain spaces
    start = geo.text.replace("\u00a0", " ").index(first_line)
    line = geo.text_layout.lineForTextPosition(start)
    y = geo.text_origin.y() + line.y() + line.height() / 2
    corner = view.visualRect(index).topLeft().toPointF()
    press, release = (
        (QPointF(geo.text_origin.x() + line.cursorToX(p)[0], y) + corner).toPoint()
        for p in (start, start + len(first_line))
    )
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(view.viewport(), release)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=release)
    assert view.selected_text() == first_line

    view.scrollTo(index)
    top_left = view.visualRect(index).topLeft()
    click = (geo.card.rect.center() + top_left.toPointF()).toPoint()
    with qtbot.waitSignal(view.order_requested) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert opened.args == [order_id]
    order_window = actions.open_orders[order_id]
    qtbot.waitUntil(lambda: order_window.detail is not None)
    assert order_window.lines.rowCount() == 2
    assert order_window.total.text() == "₩63,000"
    # The customer's number as the chat writes it, not the raw WhatsApp id.
    assert (
        order_window.customer.text().startswith("김민지 (010-") and "+82" not in order_window.customer.text()
    )

    # Asking for payment from the order window: the cart came weeks ago and no template or account
    # is set, so nothing can tell her; the owner asked by phone and marks it awaiting payment
    # without the message. The chat's label and the card follow.
    ask = order_window.findChild(QPushButton, "move_awaiting_payment")
    assert ask is not None and ask.text() == "Ask &for payment"
    ask.click()
    unsent = order_window.findChild(QPushButton, "moveWithoutMessage")
    assert unsent is not None
    qtbot.waitUntil(unsent.isVisible)
    with qtbot.waitSignal(order_window.moved):
        unsent.click()
    qtbot.waitUntil(lambda: labels_of(window.ctx, contact_id) == {"Pending payment"})
    qtbot.waitUntil(lambda: "Awaiting payment" in geo_title(view, row))
    assert "Pay by" in order_window.payment.text()


def geo_title(view: Any, row: int) -> str:
    geo = view.bubbles.geometry(view.chat_model.index(row), float(view.viewport().width()))
    return geo.card.title if geo is not None and geo.card is not None else ""


def some_orders(ctx: Any, count: int = 6) -> list[int]:
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        ids = []
        for i in range(count):
            # Numbers ending in 5678: none ends in an order's number ("0003" also finds its 뒷자리).
            c = make_contact(s, profile_name=f"고객 {i}", wa_id=f"8210{7000 + i}5678")
            ids.append(
                create_order(
                    s,
                    contact_id=c.id,
                    lines=[LineInput("BAG", i + 1)],
                    source="chat",
                    now=BASE_TIME + timedelta(hours=i),
                ).id
            )
        move_order(s, ids[0], OrderState.AWAITING_PAYMENT)
        move_order(s, ids[1], OrderState.PAID)
        move_order(s, ids[1], OrderState.SHIPPED, courier="CJ대한통운", tracking="123412341234")
        return ids


def without_message(actions: OrderActions, order_id: int, qtbot: Any) -> QPushButton:
    """The order window's "… without sending", once a step whose message cannot go was held there."""
    qtbot.waitUntil(lambda: order_id in actions.open_orders)
    button = actions.open_orders[order_id].findChild(QPushButton, "moveWithoutMessage")
    assert button is not None
    qtbot.waitUntil(button.isVisible)
    return button


def counts(board: OrderBoard) -> dict[str, int]:
    return {state.value: model.rowCount() for state, model in board.columns.items()}


def test_the_board_shows_a_column_per_state_and_moves_a_card_from_its_menu(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    ids = some_orders(window.ctx)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    assert counts(board) == {
        "new": 4,
        "awaiting_payment": 1,
        "paid": 0,
        "shipped": 1,
        "done": 0,
        "cancelled": 0,
    }
    assert board.column_titles[OrderState.NEW].text() == "New (4)"

    newest = board.columns[OrderState.NEW].summary(0)
    assert (newest.customer, newest.items, newest.total_minor) == ("고객 5", (("에코백", 6),), 72000)
    menu = board.card_menu(newest)
    assert [a.text() for a in menu.actions() if a.text()] == [
        "&Open order",
        "Open &chat",
        *[a.text() for a in menu.actions() if a.objectName().startswith("move_")],
    ]
    move = next(a for a in menu.actions() if a.objectName() == "move_paid")
    move.trigger()
    # Her cart came weeks ago and no template is chosen: nothing can tell her, so the order's window
    # asks first, and the card stays until the owner marks it paid without the message.
    with qtbot.waitSignal(board.loaded):
        without_message(actions, ids[5], qtbot).click()
    assert counts(board)["paid"] == 1 and counts(board)["new"] == 3
    with window.ctx.db.read() as s:
        order = s.get(Order, ids[5])
        assert order is not None and order.state == "paid"
        contact_id = order.contact_id
    assert labels_of(window.ctx, contact_id) == {"Paid"}


def test_the_board_filters_by_text_and_its_table_sorts_by_total(window: Any, qtbot: Any) -> None:
    ids = some_orders(window.ctx)
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    with qtbot.waitSignal(board.loaded) as shown:
        board.search.setText("고객 3")
    assert shown.args == [1]
    assert counts(board)["new"] == 1
    with qtbot.waitSignal(board.loaded) as shown:
        board.search.setText("고객3")  # typed without its space, as Korean often is
    assert shown.args == [1]
    with window.ctx.db.read() as s:
        order = s.get(Order, ids[4])
        customer = s.get(Contact, order.contact_id) if order is not None else None
        assert customer is not None
        wa_id = customer.wa_id
    assert wa_id is not None and wa_id.startswith("82")
    with qtbot.waitSignal(board.loaded) as shown:
        board.search.setText(f"0{wa_id[2:4]}-{wa_id[4:8]}-{wa_id[8:]}")  # her number as she gave it
    assert shown.args == [1] and counts(board)["new"] == 1
    full_width = str.maketrans("0123456789-", "０１２３４５６７８９－")  # a Korean IME in full-width mode
    with qtbot.waitSignal(board.loaded) as shown:
        board.search.setText(f"0{wa_id[2:4]}-{wa_id[4:8]}-{wa_id[8:]}".translate(full_width))
    assert shown.args == [1] and board.columns[OrderState.NEW].summary(0).customer == "고객 4"
    with window.ctx.db.read() as s:
        number = s.get(Order, ids[0]).number  # e.g. "2026-0001"
    with qtbot.waitSignal(board.loaded) as shown:
        board.search.setText(number.split("-")[-1])  # its last digits, "0001": that order alone,
    assert shown.args == [1] and counts(board)["awaiting_payment"] == 1  # not every phone with a 1
    with qtbot.waitSignal(board.loaded):
        board.search.clear()
    with qtbot.waitSignal(board.table_loaded):
        board.show_table(True)
    with qtbot.waitSignal(board.table_loaded):
        board.table.sortByColumn(Column.TOTAL, Qt.SortOrder.DescendingOrder)
    model = board.table_model
    totals = [model.summary(r).total_minor for r in range(model.rowCount())]
    assert totals == sorted(totals, reverse=True) and len(totals) == 6
    assert model.index(0, Column.TOTAL).data() == "₩72,000"
    with qtbot.waitSignal(board.table_loaded):
        board.table.sortByColumn(Column.CUSTOMER, Qt.SortOrder.AscendingOrder)
    assert [model.summary(r).customer for r in range(3)] == ["고객 0", "고객 1", "고객 2"]
    assert board.table.isVisible()


def test_four_digits_on_the_board_find_that_order_and_the_customers_whose_number_ends_so(
    window: Any, qtbot: Any
) -> None:
    """The digits "0003" are order 2026-0003 and also the 뒷자리 a Korean owner knows 박서연 by (010-5555-0003):
    the board shows both cards, as the chat search finds both; a number with 0003 inside does not."""
    ids = some_orders(window.ctx)
    with window.ctx.db.write() as s:
        seoyeon = make_contact(s, profile_name="박서연", wa_id="821055550003")
        middle = make_contact(s, profile_name="한가운", wa_id="821000037777")
        for c in (seoyeon, middle):
            create_order(s, contact_id=c.id, lines=[LineInput("BAG", 1)], source="chat", now=BASE_TIME)
        assert s.get(Order, ids[2]).number == "2026-0003"
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    with qtbot.waitSignal(board.loaded) as shown:
        board.search.setText("0003")
    assert shown.args == [2]
    model = board.columns[OrderState.NEW]
    found = {(model.summary(r).number, model.summary(r).customer) for r in range(model.rowCount())}
    assert found == {("2026-0003", "고객 2"), ("2026-0007", "박서연")}
    with qtbot.waitSignal(board.loaded) as shown:
        board.search.setText("０００３")  # typed with a Korean IME in full-width mode: the same two
    assert shown.args == [2]
    with qtbot.waitSignal(board.loaded) as shown:
        board.search.setText("7777")  # digits inside a number find it as before
    assert shown.args == [1] and counts(board)["new"] == 1


def test_enter_in_the_board_search_opens_the_one_order_found(window: Any, qtbot: Any) -> None:
    ids = some_orders(window.ctx)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    with window.ctx.db.read() as s:
        order = s.get(Order, ids[3])
        assert order is not None
        number = order.number
    board.search.setText("고객")  # six orders: Enter filters, and opens none
    with qtbot.waitSignal(board.loaded) as shown:
        qtbot.keyClick(board.search, Qt.Key.Key_Return)
    assert shown.args == [6] and actions.open_orders == {}
    board.search.setText(number)
    with qtbot.waitSignal(board.loaded) as shown:
        qtbot.keyClick(board.search, Qt.Key.Key_Return)
    assert shown.args == [1]
    assert list(actions.open_orders) == [ids[3]]


def test_a_board_column_pages_in_more_cards_as_it_scrolls(window: Any, qtbot: Any) -> None:
    from ui.order_board import PAGE

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s)
        for i in range(PAGE * 2 + 5):
            create_order(
                s,
                contact_id=c.id,
                lines=[LineInput("BAG", 1)],
                source="chat",
                now=BASE_TIME + timedelta(minutes=i),
            )
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    column = board.columns[OrderState.NEW]
    assert (column.rowCount(), column.total) == (PAGE, PAGE * 2 + 5)
    view = board.column_views[OrderState.NEW]
    while column.rowCount() < column.total:
        before = column.rowCount()
        view.scrollToBottom()
        qtbot.waitUntil(lambda b=before: column.rowCount() > b)
    numbers = [column.summary(r).number for r in range(column.rowCount())]
    assert len(set(numbers)) == PAGE * 2 + 5 and numbers == sorted(numbers, reverse=True)


def test_each_move_prepares_a_message_the_owner_sees_edits_and_sends(window: Any, qtbot: Any) -> None:
    from app.models import Message, utcnow
    from app.order_settings import OrderSettings, save_order_settings

    with window.ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account="국민은행 123-45-678901"))
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="Jane", last_inbound_at=utcnow() - timedelta(hours=1))
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("BAG", 2)], source="chat").id
        contact_id = c.id
    actions = OrderActions(window, window.ctx)
    order_window = actions.open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    assert order_window.message.isHidden()
    order_window.move_to(OrderState.AWAITING_PAYMENT)
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    text = order_window.message.edit.toPlainText()
    assert text.startswith("Thank you for your order, Jane!")
    assert "Amount: ₩24,000" in text and "Bank account: 국민은행 123-45-678901" in text
    remind = order_window.findChild(QPushButton, "prepareReminder")
    assert remind is not None
    remind.click()
    qtbot.waitUntil(lambda: order_window.message.edit.toPlainText().startswith("A reminder, Jane"))
    assert "please transfer ₩24,000 for order" in order_window.message.edit.toPlainText()
    with window.ctx.db.read() as s:
        assert s.query(Message).filter_by(contact_id=contact_id, direction="out").count() == 0  # not sent yet
    order_window.message.edit.setPlainText(text + "\n<b>감사합니다</b>")
    with qtbot.waitSignal(order_window.moved):
        order_window.message.send_button.click()
    with window.ctx.db.read() as s:
        [sent] = s.query(Message).filter_by(contact_id=contact_id, direction="out").all()
        assert (sent.status, sent.body.endswith("<b>감사합니다</b>")) == ("pending", True)
    assert order_window.message.isHidden()


def test_starting_an_order_in_a_chat_totals_shipping_remote_fee_and_discount_as_the_owner_types(
    window: Any, qtbot: Any
) -> None:
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="박서연")
        reply = {
            "type": "interactive",
            "interactive": {"type": "list_reply", "list_reply": {"id": "item:BAG", "title": "에코백"}},
        }
        make_message(s, c, "에코백", kind="interactive", payload=reply, unread=False)
        contact_id = c.id
    actions = OrderActions(window, window.ctx)
    load_chats(window, qtbot)
    assert window.chat_list.select_contact(contact_id)
    qtbot.waitUntil(lambda: window.chat.view.chat_model.contact_id == contact_id)
    settle(qtbot)  # the chat's messages are read off the GUI thread
    model = window.chat.view.chat_model
    actions._start_from_message(model.message_at(model.rowCount() - 1))  # "Start order" on the list reply
    dialog = window.findChild(StartOrderDialog)
    assert dialog is not None and dialog.windowTitle() == "New order for 박서연"
    qtbot.waitUntil(lambda: dialog.lines.rowCount() == 1)  # prefilled with the item tapped in the list
    assert dialog.total_label.text() == "₩15,000"  # 12,000 + 3,000 shipping
    dialog.lines.setData(dialog.lines.index(0, 2), 2)
    dialog.surcharge.set_area(REMOTE)
    dialog.discount.setText("1,000")
    assert dialog.total_label.text() == "₩29,000  (remote area +₩3,000)"
    dialog.discount.setText("천원")
    assert not dialog.problem.isHidden() and not dialog.create_button.isEnabled()
    dialog.discount.setText("200000")  # more than the whole order: said so, with the order's total
    assert dialog.problem.text() == "The discount ₩200,000 is more than the order's total of ₩30,000."
    assert not dialog.create_button.isEnabled()
    dialog.discount.setText("1000")
    assert dialog.free_shipping.isHidden()  # 24,000: the fee is charged
    dialog.lines.setData(dialog.lines.index(0, 2), 5)  # 60,000: free shipping over 50,000
    assert dialog.shipping.text() == "0"
    assert not dialog.free_shipping.isHidden()  # the fee went to 0, and the owner sees why
    assert dialog.free_shipping.text() == "Free shipping (orders of ₩50,000 or more)"
    assert dialog.total_label.text() == "₩62,000  (remote area +₩3,000)"
    with qtbot.waitSignal(dialog.created) as created:
        dialog.create_button.click()
    order_id = created.args[0]
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        assert (order.subtotal_minor, order.shipping_minor, order.surcharge_minor, order.discount_minor) == (
            60000,
            0,
            3000,
            1000,
        )
        assert order.total_minor == 62000
    qtbot.waitUntil(lambda: order_id in actions.open_orders)
    qtbot.waitUntil(lambda: labels_of(window.ctx, contact_id) == {"New order"})


def test_closing_an_order_being_started_asks_before_its_lines_are_dropped(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """Esc or Cancel on a new order with lines asks first: No keeps the order as typed, Yes closes
    it and creates nothing. An order with no line closes without asking."""
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        contact_id = make_contact(s, profile_name="박서연").id
    dialog = StartOrderDialog(window.ctx, contact_id, "박서연", code="BAG", parent=window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.lines.rowCount() == 1)
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked.shown) == 1 and dialog.isVisible() and dialog.lines.rowCount() == 1
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with window.ctx.db.read() as s:
        assert s.scalars(select(Order)).all() == []
    empty = StartOrderDialog(window.ctx, contact_id, "박서연", parent=window)
    empty.show()
    qtbot.keyClick(empty, Qt.Key.Key_Escape)
    assert not empty.isVisible()


def new_order_with_two_items(window: Any, qtbot: Any) -> StartOrderDialog:
    """A new order for 박서연, shown, with a bag and a linen shirt in the catalogue."""
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="SHIRT"))
        contact_id = make_contact(s, profile_name="박서연").id
    dialog = StartOrderDialog(window.ctx, contact_id, "박서연", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_double_clicking_a_catalogue_item_found_adds_it_to_the_order(window: Any, qtbot: Any) -> None:
    """The list of items found is for picking: a double click adds the item, never edits its line."""
    dialog = new_order_with_two_items(window, qtbot)
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 2)
    shirt = next(row for row, item in enumerate(dialog.found) if item.retailer_id == "SHIRT")
    rect = dialog.results.visualRect(dialog.results_model.index(shirt))
    qtbot.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [line.code for line in dialog.lines.lines] == ["SHIRT"]
    assert dialog.results.state() != QAbstractItemView.State.EditingState
    assert dialog.total_label.text() == "₩42,000"  # 39,000 + 3,000 shipping
    dialog.lines.remove(0)  # closes without asking


def test_a_sold_out_item_is_marked_in_the_list_and_added_only_when_the_owner_says_so(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from app.catalog import find_item_by_code
    from app.stock import set_stock

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="버킷햇 블랙", price_minor=25000, currency="KRW", retailer_id="HAT"))
        hat = find_item_by_code(s, "HAT")
        assert hat is not None
        set_stock(s, hat.id, 0)
    dialog = new_order_with_two_items(window, qtbot)
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 3)
    shown = dialog.results_model.stringList()
    assert "버킷햇 블랙 · HAT · ₩25,000 · Sold out" in shown
    assert all("Sold out" not in line for line in shown if "HAT" not in line)
    row = next(r for r, item in enumerate(dialog.found) if item.retailer_id == "HAT")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    dialog.add_result(row)
    assert dialog.lines.lines == [] and "sold out" in asked.texts[0]
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    dialog.add_result(row)  # the owner knows there is one more in the back room
    assert [line.code for line in dialog.lines.lines] == ["HAT"]
    dialog.lines.remove(0)  # closes without asking


def test_order_settings_keep_the_shipping_rule_bank_account_and_template_per_step(
    window: Any, qtbot: Any
) -> None:
    from app.order_settings import load_order_settings
    from app.sending import TEMPLATES_SETTING
    from app.settings import put_setting
    from ui.order_settings_dialog import OrderSettingsDialog

    template = {"name": "payment_info", "language": "ko", "category": "UTILITY", "status": "APPROVED"}
    with window.ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [template])
    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.shipping.text() == "3,000")
    dialog.shipping.setText("3,500원")  # as an owner writes a price
    dialog.bank.setText("  신한은행   110-123-456789 ")
    combo = dialog.template_choice[OrderState.AWAITING_PAYMENT]
    combo.setCurrentIndex(combo.findData("payment_info"))
    assert combo.currentText() == "payment_info (Korean · utility)"
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    with window.ctx.db.read() as s:
        saved = load_order_settings(s)
    assert (saved.shipping_minor, saved.bank_account) == (3500, "신한은행 110-123-456789")
    assert saved.templates["awaiting_payment"] == "payment_info"
    # The messages shown as the defaults stay the defaults: saving the shipping fee must not make
    # them the owner's own (they would no longer go in each customer's language).
    assert saved.messages == {}
    again = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.shipping.text() == "3,500")
    assert again.messages[OrderState.PAID].toPlainText().startswith("Thank you, {name}")  # shown
    again.messages[OrderState.SHIPPED].setPlainText("{name}, it's on its way: {tracking}")
    again.other_messages[OrderState.SHIPPED].setPlainText("  {name}님, 보냈어요: {tracking}  ")
    with qtbot.waitSignal(again.accepted):
        again.save()
    with window.ctx.db.read() as s:
        stored = load_order_settings(s)
    assert stored.messages == {"shipped": "{name}, it's on its way: {tracking}"}
    assert stored.messages_other_language == {"shipped": "{name}님, 보냈어요: {tracking}"}


def test_matching_a_bank_file_marks_the_ticked_orders_paid_says_which_and_offers_their_messages(
    window: Any, qtbot: Any, tmp_path: Any
) -> None:
    from app.models import utcnow
    from ui.bulk_notice_dialog import BulkNoticeDialog

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        minji = make_contact(s, profile_name="김민지", last_inbound_at=utcnow() - timedelta(hours=1))
        haeun = make_contact(s, profile_name="이하은")
        ids = []
        for c in (minji, haeun):
            placed = datetime(2026, 11, 1, tzinfo=UTC)  # before the bank file's deposits were made
            order_id = create_order(
                s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat", now=placed
            ).id
            move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=utcnow())
            ids.append(order_id)
    bank = tmp_path / "bank.csv"
    bank.write_bytes(
        "거래일시,기재내용,맡기신금액\n2026.11.29 10:00,김민지,39000\n2026.11.29 11:00,김철수,39000\n".encode(
            "cp949"
        )
    )
    actions = OrderActions(window, window.ctx)
    dialog = actions.open_deposits()
    dialog.load_file(bank)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    model = dialog.model
    assert model.index(0, 4).data() == "Name and amount"
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # 김철수 paid 39,000 under a name no order expects: offered by amount only, left unticked.
    assert model.index(1, 4).data() == "Amount only: expected depositor “이하은”"
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert dialog.confirm_button.text() == "&Mark checked orders paid"
    with qtbot.waitSignal(dialog.paid) as paid:
        dialog.confirm_button.click()
    assert paid.args == [[ids[0]]]
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: labels_of(window.ctx, minji.id) == {"Paid"})
    assert labels_of(window.ctx, haeun.id) == {"Pending payment"}
    # The owner is told what the click did, in the question whether to tell the customer (sending
    # through the relay: tests/ui/test_bulk_notices.py).
    with window.ctx.db.read() as s:
        number = s.get(Order, ids[0]).number  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    notice = window.findChild(BulkNoticeDialog)
    qtbot.waitUntil(lambda: notice.model.rowCount() == 1)
    assert notice.heading.text() == ("1 order confirmed paid — send the customer the payment confirmation?")
    assert notice.model.index(0).data().startswith(f"{number} · 김민지")
    notice.reject()


def test_an_order_past_its_payment_deadline_is_cancelled_while_the_app_runs(window: Any, qtbot: Any) -> None:
    from app.models import utcnow

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s)
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=utcnow() - timedelta(days=4))
    actions = OrderActions(window, window.ctx)
    with qtbot.waitSignal(window.ctx.hub.changed, timeout=10_000):
        actions.cancel_overdue()
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.state == "cancelled"


def test_a_reminder_is_prepared_for_the_owner_a_day_before_the_deadline_and_not_sent(
    window: Any, qtbot: Any
) -> None:
    from app.models import Message, utcnow
    from ui.order_messages_dialog import BatchMessagesDialog

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="김민지")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
        # Asked three days ago: due by the end of today, less than a day away.
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=utcnow() - timedelta(days=3))
    actions = OrderActions(window, window.ctx)
    actions.cancel_overdue()
    qtbot.waitUntil(
        lambda: any(isinstance(w, BatchMessagesDialog) for w in window.findChildren(BatchMessagesDialog))
    )
    dialog = window.findChildren(BatchMessagesDialog)[0]
    assert dialog.windowTitle() == "Payment reminders"
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    qtbot.waitUntil(lambda: dialog.preview.toPlainText() != "")
    assert dialog.preview.toPlainText().startswith(
        "A reminder, 김민지: please transfer ₩39,000 for order 2026-0001 by "
    )
    # The deadline's day in words a customer abroad reads one way only ("Wed, Dec 2"), not "12/2/26".
    with window.ctx.db.read() as s:
        due = s.get(Order, order_id).payment_due_at
    assert f"by {customer_day(due)}." in dialog.preview.toPlainText()
    assert re.search(r"by [A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}\.", dialog.preview.toPlainText())
    with window.ctx.db.read() as s:
        assert s.query(Message).count() == 0  # prepared, not sent: the owner decides
        order = s.get(Order, order_id)
        assert order is not None and order.state == "awaiting_payment"
    dialog.reject()


def test_the_board_saves_a_courier_sheet_and_reads_tracking_numbers_back(
    window: Any, qtbot: Any, tmp_path: Any, dialogs: Any
) -> None:
    import csv
    import io

    from app.models import utcnow

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(
            s, profile_name="김민지", wa_id="821055501234", last_inbound_at=utcnow() - timedelta(hours=2)
        )
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
        move_order(s, order_id, OrderState.PAID)
        number = s.get(Order, order_id).number  # type: ignore[union-attr]
    actions = OrderActions(window, window.ctx)
    order_window = actions.open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    form = order_window.ship_to
    # The customer's own name and WhatsApp number until the owner types others.
    assert (form.name.text(), form.phone.text()) == ("김민지", "010-5550-1234")
    form.phone.setText("010-5550-1234")
    form.postcode.setText("04799")
    form.address.setText("서울 성동구 성수이로 1")
    form.detail.setText("101동 202호")
    form.save_button.click()
    qtbot.waitUntil(
        lambda: order_window.detail is not None and order_window.detail.ship_to.postcode == "04799"
    )

    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    sheet = tmp_path / "courier.csv"
    board.export_courier_sheet(sheet)
    qtbot.waitUntil(lambda: sheet.exists() and "saved" in board.saved_note.text.text())
    rows = list(csv.reader(io.StringIO(sheet.read_bytes().decode("utf-8-sig"))))
    assert rows[1][:5] == [number, "김민지", "010-5550-1234", "04799", "서울 성동구 성수이로 1"]

    returned = tmp_path / "returned.csv"
    returned.write_bytes(f"주문번호,운송장번호\n{number},654321098765\n".encode("cp949"))
    dialogs.expect("modal")  # the review of what the file will do, confirmed below
    board.review_tracking(returned, "CJ대한통운")
    qtbot.waitUntil(lambda: board.tracking_review is not None and board.tracking_review.isVisible())
    with qtbot.waitSignal(board.shipped) as shipped:
        board.tracking_review.apply_button.click()  # type: ignore[union-attr]
    assert shipped.args == [[order_id]]
    qtbot.waitUntil(lambda: labels_of(window.ctx, c.id) == {"Shipped"})

    # The shipped order's message waits for the owner's one decision (sent through the relay in
    # tests/ui/test_bulk_notices.py).
    from ui.bulk_notice_dialog import BulkNoticeDialog

    qtbot.waitUntil(lambda: window.findChild(BulkNoticeDialog) is not None)
    notice = window.findChild(BulkNoticeDialog)
    qtbot.waitUntil(lambda: notice.model.rowCount() == 1)
    assert notice.heading.text() == "1 order shipped — send the customer the tracking number?"
    assert notice.windowTitle() == "Tell the customer?"
    notice.reject()


def test_enter_after_a_catalogue_search_adds_the_item_and_never_creates_the_order(
    window: Any, qtbot: Any
) -> None:
    """The owner types a name and presses Enter, item after item: each is added, and the order is
    created only with its button (Enter had also pressed it, creating an order of the first item)."""
    dialog = new_order_with_two_items(window, qtbot)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 2)
    dialog.search.setFocus()
    for code in ("SHIRT", "BAG"):
        dialog.search.setText(code)
        qtbot.waitUntil(lambda code=code: [item.retailer_id for item in dialog.found] == [code])
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.search.selectedText() == code  # ready for the next name
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)  # Enter in the list adds its current item too
    assert [(line.code, line.quantity) for line in dialog.lines.lines] == [
        ("SHIRT", 1),
        ("BAG", 2),
    ]
    settle(qtbot)
    with window.ctx.db.read() as s:
        assert s.scalars(select(Order)).all() == []
    with qtbot.waitSignal(dialog.created):
        dialog.create_button.click()
    with window.ctx.db.read() as s:
        assert [order.total_minor for order in s.scalars(select(Order))] == [63000]  # 39,000 + 24,000


def awaiting_payment(ctx: Any) -> int:
    """이하은's order of one linen shirt, waiting for her transfer."""
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="이하은")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    return order_id


def test_enter_in_the_payment_and_address_fields_saves_that_row_and_nothing_else(
    window: Any, qtbot: Any
) -> None:
    order_id = awaiting_payment(window.ctx)
    actions = OrderActions(window, window.ctx)
    order_window = actions.open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    with qtbot.waitActive(order_window):
        order_window.activateWindow()
    order_window.depositor.setText("박지훈")
    order_window.depositor.setFocus()
    qtbot.keyClick(order_window.depositor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: order_window.detail is not None and order_window.detail.depositor_name == "박지훈"
    )
    order_window.ship_to.address.setText("서울특별시 성동구 성수이로 1")
    qtbot.keyClick(order_window.ship_to.address, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            order_window.detail is not None
            and order_window.detail.ship_to.address == "서울특별시 성동구 성수이로 1"
        )
    )
    settle(qtbot)
    assert order_window.isVisible() and order_window.message.isHidden()  # no step was taken
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.state == OrderState.AWAITING_PAYMENT


def test_the_owner_fixes_the_depositor_name_and_adds_a_cash_receipt_number(window: Any, qtbot: Any) -> None:
    order_id = awaiting_payment(window.ctx)
    actions = OrderActions(window, window.ctx)
    order_window = actions.open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    assert order_window.depositor.text() == "이하은"
    order_window.depositor.setText("박지훈")  # "입금자명이 달라요": her husband pays
    order_window.cash_receipt.setText("12345")
    order_window.save_payment.click()
    qtbot.waitUntil(lambda: order_window.error.isVisible())
    assert "현금영수증" in order_window.error.text()
    order_window.cash_receipt.setText("010-9990-7890")
    order_window.save_payment.click()
    qtbot.waitUntil(
        lambda: order_window.detail is not None and order_window.detail.depositor_name == "박지훈"
    )
    assert order_window.detail is not None and order_window.detail.cash_receipt == "01099907890"


def test_dropping_a_card_on_another_column_moves_the_order_if_the_state_machine_allows(
    window: Any, qtbot: Any
) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    ids = some_orders(window.ctx)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    new = board.columns[OrderState.NEW]
    mime = new.mimeData([new.index(0)])  # the card a drag would carry: the newest new order

    def drop_on(state: OrderState) -> bool:
        viewport = board.column_views[state].viewport()
        action = Qt.DropAction.MoveAction
        enter = QDragEnterEvent(
            QPoint(20, 20), action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(viewport, enter)
        if not enter.isAccepted():
            return False
        drop = QDropEvent(
            QPointF(20, 20), action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(viewport, drop)
        return drop.isAccepted()

    assert not drop_on(OrderState.SHIPPED)  # a new order cannot be shipped before it is paid
    assert drop_on(OrderState.PAID)
    with qtbot.waitSignal(board.loaded):
        without_message(actions, ids[5], qtbot).click()
    with window.ctx.db.read() as s:
        order = s.get(Order, ids[5])
        assert order is not None and order.state == "paid"
    assert counts(board)["paid"] == 1


def test_saving_the_courier_sheet_starts_in_documents_with_todays_date(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """Not the folder the app was started from (an installed app's own folder on Windows): the owner
    could neither write there nor find the file again; and one sheet a day keeps yesterday's."""
    from datetime import date
    from pathlib import Path

    from ui.save_paths import documents_folder

    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        order_id = create_order(
            s, contact_id=make_contact(s).id, lines=[LineInput("BAG", 1)], source="chat"
        ).id
        move_order(s, order_id, OrderState.PAID)
    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    asked = dialogs.expect("getSaveFileName", answer=None)
    today = date.today()
    board.choose_courier_sheet()
    qtbot.waitUntil(lambda: len(asked.shown) == 1)
    suggested = Path(asked.shown[0].text)
    assert suggested.parent == Path(documents_folder())
    # Dated the day it was asked (the next one's, where midnight passed in the meantime).
    assert suggested.name in {f"courier-sheet-{day.isoformat()}.xlsx" for day in (today, date.today())}


def test_shipping_from_the_board_asks_for_the_tracking_number_first_and_it_can_be_added_later(
    window: Any, qtbot: Any
) -> None:
    from PySide6.QtGui import QKeyEvent

    from app.models import utcnow

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="Jane", last_inbound_at=utcnow() - timedelta(hours=1))
        paid, shipped = (
            create_order(s, contact_id=c.id, lines=[LineInput("BAG", 1)], source="chat").id for _ in range(2)
        )
        for order_id in (paid, shipped):
            move_order(s, order_id, OrderState.AWAITING_PAYMENT)
            move_order(s, order_id, OrderState.PAID)
            set_shipping_address(s, order_id, ShippingAddress("Jane", "", "04799", "서울 성동구 성수이로 1"))
        move_order(s, shipped, OrderState.SHIPPED, courier="CJ대한통운", tracking="")  # shipped without one
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    card = next(
        board.columns[OrderState.PAID].summary(r)
        for r in range(board.columns[OrderState.PAID].rowCount())
        if board.columns[OrderState.PAID].summary(r).id == paid
    )
    move = next(a for a in board.card_menu(card).actions() if a.objectName() == "move_shipped")
    move.trigger()
    order_window = actions.open_orders[paid]
    qtbot.waitUntil(lambda: order_window.detail is not None and order_window.shipping_hint.isVisible())
    with window.ctx.db.read() as s:
        assert s.get(Order, paid).state == "paid"  # nothing moved before the number is in
    order_window.tracking.setText("6543 2109 8765")
    with qtbot.waitSignal(order_window.moved):
        QApplication.sendEvent(
            order_window.tracking,
            QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        )
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    assert "Tracking number: 654321098765" in order_window.message.edit.toPlainText()
    with window.ctx.db.read() as s:
        order = s.get(Order, paid)
        assert (order.state, order.courier, order.tracking) == ("shipped", "CJ대한통운", "654321098765")

    # The order shipped without a number: its window offers the field and a Save button.
    later = actions.open_order(shipped)
    qtbot.waitUntil(lambda: later.detail is not None)
    assert later.shipping_row.isVisible() and later.save_tracking_button.isVisible()
    assert not later.shipping_hint.isVisible()
    later.tracking.setText("111122223333")
    later.save_tracking_button.click()
    qtbot.waitUntil(lambda: later.message.isVisible())
    assert "Tracking number: 111122223333" in later.message.edit.toPlainText()
    with window.ctx.db.read() as s:
        assert s.get(Order, shipped).tracking == "111122223333"


def test_a_tracking_number_unlike_its_couriers_asks_before_the_order_ships(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """A CJ number with three digits missing would send the customer a tracking link that finds
    nothing: the owner is asked, No (correct it) being the default, and the order stays paid."""
    from app.models import utcnow

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="Jane", last_inbound_at=utcnow() - timedelta(hours=1))
        paid = create_order(s, contact_id=c.id, lines=[LineInput("BAG", 1)], source="chat").id
        move_order(s, paid, OrderState.AWAITING_PAYMENT)
        move_order(s, paid, OrderState.PAID)
        set_shipping_address(s, paid, ShippingAddress("Jane", "", "04799", "서울 성동구 성수이로 1"))
    actions = OrderActions(window, window.ctx)
    order_window = actions.open_order(paid)
    qtbot.waitUntil(lambda: order_window.detail is not None and order_window.shipping_row.isVisible())
    order_window.courier.setCurrentText("CJ대한통운")
    order_window.tracking.setText("654321098")
    ship = order_window.findChild(QPushButton, "move_shipped")
    assert ship is not None
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    ship.click()
    (shown,) = asked.shown
    assert shown.title == "Tracking number"
    assert "CJ대한통운 tracking numbers have 10 or 12 digits" in shown.text and "(654321098)" in shown.text
    assert order_window.tracking.selectedText() == "654321098"  # ready to be typed over
    with window.ctx.db.read() as s:
        assert s.get(Order, paid).state == "paid"

    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)  # the owner is sure
    with qtbot.waitSignal(order_window.moved):
        ship.click()
    with window.ctx.db.read() as s:
        assert (s.get(Order, paid).state, s.get(Order, paid).tracking) == ("shipped", "654321098")


def test_something_not_in_the_catalogue_is_added_by_name_at_the_price_the_owner_types(
    window: Any, qtbot: Any
) -> None:
    """A new shop has no catalogue yet, and every shop sells the odd thing that is not in it (a gift
    box, a made-to-measure size): typed in the search, it becomes a line whose price the owner types.
    Before, the search found nothing, Add did nothing, and no order could be made."""
    with window.ctx.db.write() as s:
        contact_id = make_contact(s, profile_name="박서연").id
    dialog = StartOrderDialog(window.ctx, contact_id, "박서연", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.settings_loaded)
    dialog.search.setFocus()
    dialog.search.setText("선물 포장")
    qtbot.waitUntil(lambda: dialog.results_model.stringList() != [])
    assert dialog.results_model.stringList() == ["Add “선물 포장” (not in the catalogue: you type its price)"]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert [(line.name, line.price_minor) for line in dialog.lines.lines] == [("선물 포장", None)]
    assert not dialog.create_button.isEnabled()
    assert dialog.problem.text() == "Type the price of “선물 포장” in its line."
    editor = QApplication.focusWidget()  # its price is being edited: the owner types it straight away
    assert editor is not None and dialog.table.isAncestorOf(editor)
    qtbot.keyClicks(editor, "2,500")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.lines.lines[0].price_minor == 2500)
    assert dialog.total_label.text() == "₩5,500"  # 2,500 + 3,000 shipping
    assert dialog.isVisible() and dialog.problem.isHidden()  # Enter set the price, not created the order
    with qtbot.waitSignal(dialog.created) as created:
        dialog.create_button.click()
    with window.ctx.db.read() as s:
        order = s.get(Order, created.args[0])
        assert order is not None and order.total_minor == 5500
        assert [(line.name, line.item_id, line.unit_price_minor) for line in order.lines] == [
            ("선물 포장", None, 2500)
        ]


def test_a_card_says_the_days_and_hours_left_to_pay_not_seventy_one_hours(window: Any, qtbot: Any) -> None:
    awaiting_payment(window.ctx)
    board = OrderActions(window, window.ctx).open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    card = board.columns[OrderState.AWAITING_PAYMENT].summary(0)
    assert card.payment_due_at is not None
    board.delegate.now = card.payment_due_at - timedelta(hours=71, minutes=53)
    assert board.delegate.deadline_text(card) == "Pay within 2 days 23 hours"
    board.delegate.now = card.payment_due_at - timedelta(days=1, hours=1, minutes=30)
    assert board.delegate.deadline_text(card) == "Pay within 1 day 1 hour"
    board.delegate.now = card.payment_due_at - timedelta(days=3, minutes=20)
    assert board.delegate.deadline_text(card) == "Pay within 3 days"
    board.delegate.now = card.payment_due_at - timedelta(hours=5, minutes=10)
    assert board.delegate.deadline_text(card) == "Pay within 5 h 10 min"


def test_asking_for_payment_with_no_bank_account_set_tells_the_owner_before_anything_goes(
    window: Any, qtbot: Any
) -> None:
    from app.models import utcnow

    with window.ctx.db.write() as s:  # a fresh shop: no account in its order settings
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="Jane", last_inbound_at=utcnow() - timedelta(hours=1))
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("BAG", 2)], source="chat").id
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    order_window.move_to(OrderState.AWAITING_PAYMENT)
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    assert "Bank account" not in order_window.message.edit.toPlainText()
    said = order_window.message.how.text()
    assert "Your bank account is not set in Shop ▸ Order settings" in said
    assert said.endswith("Add it there, or type it in the message.")
    assert order_window.message.send_button.isEnabled() and not order_window.message.edit.isReadOnly()


def test_an_order_with_no_address_asks_before_it_is_marked_shipped(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """The tester shipped an order with no address and nothing said so: the customer was told it
    was on its way. The owner is asked, No (go back and fill it in) being the default."""
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="Jane", last_inbound_at=utcnow())  # the message can go
        paid = create_order(s, contact_id=c.id, lines=[LineInput("BAG", 1)], source="chat")
        move_order(s, paid.id, OrderState.PAID)
        number = paid.number
    order_window = OrderActions(window, window.ctx).open_order(paid.id)
    qtbot.waitUntil(lambda: order_window.detail is not None and order_window.shipping_row.isVisible())
    order_window.courier.setCurrentText("CJ대한통운")
    order_window.tracking.setText("654321098765")
    ship = order_window.findChild(QPushButton, "move_shipped")
    assert ship is not None
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    ship.click()
    (shown,) = asked.shown
    assert shown.text.startswith(f"Order {number} has no address or postcode.")
    # Ready to be filled in: the field the window gives focus to as it is active again after the question.
    qtbot.waitUntil(lambda: order_window.focusWidget() is order_window.ship_to.address)
    with window.ctx.db.read() as s:
        assert s.get(Order, paid.id).state == "paid"  # type: ignore[union-attr]

    # With the address typed (not saved yet), it ships without a question, the address with it.
    order_window.ship_to.postcode.setText("04799")
    order_window.ship_to.address.setText("서울 성동구 성수이로 1")
    with qtbot.waitSignal(order_window.moved):
        ship.click()
    with window.ctx.db.read() as s:
        order = s.get(Order, paid.id)
        assert order is not None and (order.state, order.address) == ("shipped", "서울 성동구 성수이로 1")


def test_an_order_missing_only_its_postcode_ships_with_its_tracking_number_without_a_question(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """A tracking number is the courier's word that it took the parcel: a postcode the order lacks no
    longer matters, as the courier's file sees it too (`gaps_before_shipping`)."""
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="Jane", last_inbound_at=utcnow())
        paid = create_order(s, contact_id=c.id, lines=[LineInput("BAG", 1)], source="chat")
        move_order(s, paid.id, OrderState.PAID)
        set_shipping_address(
            s, paid.id, ShippingAddress("Jane", "010-5550-1234", "", "서울 성동구 성수이로 1")
        )
    order_window = OrderActions(window, window.ctx).open_order(paid.id)
    qtbot.waitUntil(lambda: order_window.detail is not None and order_window.shipping_row.isVisible())
    order_window.courier.setCurrentText("CJ대한통운")
    order_window.tracking.setText("654321098765")
    ship = order_window.findChild(QPushButton, "move_shipped")
    assert ship is not None
    with qtbot.waitSignal(order_window.moved):
        ship.click()  # (a question would fail the test: `dialogs` expects none)
    with window.ctx.db.read() as s:
        order = s.get(Order, paid.id)
        assert order is not None and (order.state, order.tracking) == ("shipped", "654321098765")


def test_a_board_left_open_counts_the_payment_deadline_down_and_redraws_it(window: Any, qtbot: Any) -> None:
    awaiting_payment(window.ctx)
    board = OrderActions(window, window.ctx).open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    card = board.columns[OrderState.AWAITING_PAYMENT].summary(0)
    due = card.payment_due_at
    assert due is not None
    board.clock = lambda: due - timedelta(hours=5, minutes=10)
    board.reload()
    qtbot.waitUntil(lambda: board.delegate.deadline_text(card) == "Pay within 5 h 10 min")

    # Three hours later, nothing about the order changed: the card says what is left now.
    board.clock = lambda: due - timedelta(hours=2, minutes=10)
    board.ticking.setInterval(20)  # rather than a minute's wait
    qtbot.waitUntil(lambda: board.delegate.deadline_text(card) == "Pay within 2 h 10 min")


def test_the_order_board_says_its_moves_stay_on_this_computer(qtbot: Any, ctx: Any, korean: None) -> None:
    """Su-jin marked an order paid on her laptop; Min-ho's PC on the same relay still showed it new,
    and nothing on the board said moves stay on the computer where they are made."""
    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitExposed(board)
    assert board.only_here.isVisible()
    assert board.only_here.text().startswith("주문은 이\u00a0컴퓨터에만 저장돼요.")
