"""Screenshots of orders: a cart as an order card in the chat, an order card's prices, the orders board (a move
and its Undo, and its cards on a 1366-pixel screen saying the time left), the shipped message, bank deposit
matching, the order window (its buttons, a change of items, a memo, an address kept through a move), a new
order's line not in the catalogue, and the note on orders the payment deadline cancelled.

Run: xvfb-run -n 59 -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/orders_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.shop_clock import use_shop_clock, working_moment  # noqa: E402
from docs.screenshots.take import OUT, linked, settle  # noqa: E402


def wait(app, condition, ms: int = 5000) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(ms)
    while not condition() and not deadline.hasExpired():
        app.processEvents()


def main() -> None:
    from PySide6.QtCore import QPoint, QRect, QTranslator
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from app.catalog import load_demo_catalog
    from app.db import Database
    from app.demo_orders import CART_CUSTOMER, seed_demo_orders
    from app.demo_seed import seed_demo_history
    from app.models import Contact, Order
    from app.order_actions import cancel_overdue, move_order_with_settings
    from app.orders import OrderState
    from app.paths import paths_for
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.menus import install_menus
    from ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    for lang in ("en", "ko"):
        # The Seoul shop's orders in either language: on its clock, in its working day.
        use_shop_clock("ko")
        for t in app.findChildren(QTranslator):
            app.removeTranslator(t)
        install_translators(app, lang)
        app.setPalette(app.style().standardPalette())
        now = working_moment("ko")
        paths = paths_for(Path(tempfile.mkdtemp(prefix="shots-"))).ensure()
        db = Database.open(paths.database)
        with db.write() as s:
            seed_demo_history(s, now=now - timedelta(days=1))
            load_demo_catalog(s, ROOT / "resources" / "demo", paths.catalog_dir)
            seed_demo_orders(s, now=now)
            for contact in s.scalars(select(Contact)):
                contact.last_inbound_at = now - timedelta(hours=1)  # inside the 24-hour window
            paid = s.scalar(select(Order).where(Order.state == OrderState.PAID))
            assert paid is not None
            paid_id = paid.id
            cart_contact = s.scalar(select(Contact.id).where(Contact.wa_id == CART_CUSTOMER))
        ctx = AppContext(db=db, paths=paths, demo=True, prefs={"enter_sends": True})
        window = MainWindow(ctx)
        install_menus(window, ctx)
        window.resize(1320, 820)
        window.splitter.setSizes([360, 960, 0])
        window.show()
        window.activateWindow()
        settle(app, window)
        assert cart_contact is not None
        window.show_chat(cart_contact)
        settle(app, window, 20)
        window.chat.view.scrollToBottom()
        settle(app, window)
        out = OUT / f"order-card-{lang}.png"
        if linked(out):
            window.grab().save(str(out))
            print(out.relative_to(ROOT))

        # A new order's card in its customer's chat: each line's price, a quantity's sum, the total.
        with db.read() as s:
            ordered_contact = s.scalar(
                select(Order.contact_id).where(Order.state == OrderState.NEW).order_by(Order.id.desc())
            )
        assert ordered_contact is not None
        window.resize(1200, 720)
        window.show_chat(ordered_contact)
        settle(app, window, 20)
        window.chat.view.scrollToBottom()
        settle(app, window)
        out = OUT / f"order-card-prices-{lang}.png"
        if linked(out):
            window.grab().save(str(out))
            print(out.relative_to(ROOT))
        window.resize(1320, 820)

        board = window.orders.open_board()
        board.resize(1320, 720)
        wait(app, lambda: board.loaded_once)  # noqa: B023 (waited for here)
        # A new order just moved to "Paid" (it paid at the counter), and the board's Undo strip for it.
        with db.read() as s:
            new = s.scalars(select(Order).where(Order.state == OrderState.NEW).order_by(Order.id)).first()
            assert new is not None
            new_id, new_number = new.id, new.number
        ctx.publish(move_order_with_settings(db, new_id, OrderState.PAID))
        board.move_back.offer(new_id, new_number, OrderState.PAID)
        wait(app, lambda: board.move_back.strip.isVisible())  # noqa: B023 (waited for here)
        settle(app, board, 20)
        out = OUT / f"orders-board-{lang}.png"
        if linked(out):
            board.grab().save(str(out))
            print(out.relative_to(ROOT))

        # The board on a 1366-pixel laptop's screen: its first three columns, the cards narrow, the
        # time left to pay said in a few words.
        board.resize(1366, 700)
        settle(app, board, 20)
        out = OUT / f"order-card-time-left-{lang}.png"
        if linked(out):
            top = board.stack.mapTo(board, QPoint(0, 0)).y() - 4
            board.grab(QRect(0, top, 682, 230)).save(str(out))
            print(out.relative_to(ROOT))
        board.resize(1320, 720)

        order_window = window.orders.open_order(paid_id)
        order_window.resize(660, 760)
        wait(app, lambda: order_window.detail is not None)  # noqa: B023 (waited for here)
        order_window.courier.setCurrentText("CJ대한통운")
        order_window.tracking.setText("6543 2109 8765")
        order_window.move_to(OrderState.SHIPPED)
        wait(app, lambda: order_window.message.isVisible())  # noqa: B023 (waited for here)
        settle(app, order_window, 20)
        out = OUT / f"order-shipped-message-{lang}.png"
        if linked(out):
            order_window.grab().save(str(out))
            print(out.relative_to(ROOT))
        order_window.hide()  # close() asks about the message prepared and not sent

        # Deposits: the bank's CP949 download; 이하은's mother paid under her own name, an hour ago,
        # the order's total (the demo's orders move with the day the screenshots are taken).
        with db.read() as s:
            awaited = s.scalar(select(Order.total_minor).where(Order.state == OrderState.AWAITING_PAYMENT))
        paid_at = (now - timedelta(hours=1)).astimezone(ZoneInfo("Asia/Seoul"))
        bank = Path(tempfile.mkdtemp(prefix="bank-")) / "거래내역.csv"
        bank.write_bytes(
            (
                "국민은행 거래내역조회\n계좌번호,123-45-678901\n\n"
                "거래일시,적요,기재내용,찾으신금액,맡기신금액,잔액\n"
                f'{paid_at:%Y.%m.%d %H:%M:%S},타행이체,이하은엄마,0,"{awaited or 0:,}","1,135,000"\n'
                f'{paid_at + timedelta(minutes=25):%Y.%m.%d %H:%M:%S},타행이체,홍길동,0,"15,000","1,150,000"\n'
            ).encode("cp949")
        )
        deposits = window.orders.open_deposits()
        deposits.resize(900, 420)
        deposits.load_file(bank)
        wait(app, lambda: deposits.model.rowCount() > 0)  # noqa: B023 (waited for here)
        deposits.table.resizeColumnsToContents()
        settle(app, deposits, 20)
        out = OUT / f"deposit-matching-{lang}.png"
        if linked(out):
            deposits.grab().save(str(out))
            print(out.relative_to(ROOT))
        deposits.close()

        # The order window of the order awaiting payment: its status buttons under its title.
        with db.read() as s:
            awaiting_id = s.scalar(select(Order.id).where(Order.state == OrderState.AWAITING_PAYMENT))
            fresh_id = s.scalar(select(Order.id).where(Order.state == OrderState.NEW))
            fresh_contact = s.scalar(select(Order.contact_id).where(Order.id == fresh_id))
        assert awaiting_id is not None and fresh_id is not None
        awaiting = window.orders.open_order(awaiting_id)
        awaiting.resize(620, 700)
        wait(app, lambda: awaiting.detail is not None)  # noqa: B023 (waited for here)
        settle(app, awaiting, 20)
        out = OUT / f"order-window-buttons-top-{lang}.png"
        if linked(out):
            awaiting.grab().save(str(out))
            print(out.relative_to(ROOT))

        # Its items changed while it awaits payment: a blouse added, ₩10,000 off; the history says so.
        change = awaiting.change_items()
        assert change is not None
        change.search.setText("블라우스")
        wait(app, lambda: change._found_for == "블라우스" and change.results_model.rowCount() > 0)  # noqa: B023
        change._add_current()
        change.discount.setText("10,000")
        change.recompute()
        change.create_button.click()
        wait(app, lambda: awaiting.detail is not None and awaiting.detail.total_minor != awaited)  # noqa: B023
        settle(app, awaiting, 20)
        out = OUT / f"order-change-items-{lang}.png"
        if linked(out):
            awaiting.grab().save(str(out))
            print(out.relative_to(ROOT))
        awaiting.hide()  # close() asks about the message prepared and not sent

        # A new order with the owner's memo typed, beside the customer's own request.
        fresh = window.orders.open_order(fresh_id)
        fresh.resize(620, 560)
        wait(app, lambda: fresh.detail is not None)  # noqa: B023 (waited for here)
        fresh.memo.setText("선물 포장 — 리본 흰색" if lang == "ko" else "Gift wrap, white ribbon")
        fresh.memo.setFocus()
        settle(app, fresh, 20)
        out = OUT / f"order-option-memo-{lang}.png"
        if linked(out):
            fresh.grab().save(str(out))
            print(out.relative_to(ROOT))

        # Its address typed and not saved, then 입금 요청: the move keeps the address with it.
        fresh.ship_to.postcode.setText("48094")
        fresh.ship_to.address.setText(
            "부산 해운대구 우동 1234" if lang == "ko" else "12 Marine Parade, Brighton"
        )
        fresh.move_to(OrderState.AWAITING_PAYMENT)
        wait(app, lambda: fresh.message.isVisible())  # noqa: B023 (waited for here)
        fresh.resize(620, 860)
        settle(app, fresh, 20)
        out = OUT / f"order-address-kept-{lang}.png"
        if linked(out):
            fresh.grab().save(str(out))
            print(out.relative_to(ROOT))
        fresh.hide()  # close() asks about the message prepared and not sent

        # A new order's line that is not in the catalogue: the owner names it and types its price.
        from ui.order_form import StartOrderDialog

        form = StartOrderDialog(
            ctx, fresh_contact, "이수진" if lang == "ko" else "Sophie Turner", parent=window
        )
        form.resize(640, 640)
        form.show()
        form.search.setText("선물 포장" if lang == "ko" else "Gift wrap")
        wait(app, lambda: form.results_model.rowCount() > 0)  # noqa: B023 (waited for here)
        form._add_current()  # Enter: the line, its price left for the owner to type
        wait(app, lambda: form.lines.rowCount() > 0)  # noqa: B023 (waited for here)
        settle(app, form, 20)
        out = OUT / f"order-item-not-in-catalogue-{lang}.png"
        if linked(out):
            form.grab().save(str(out))
            print(out.relative_to(ROOT))
        form.hide()

        # The payment deadline passed for the orders awaiting payment while the owner worked in her
        # chats: cancelled, and their customers' message waits for her in the orders window.
        with db.write() as s:
            for order in s.scalars(select(Order).where(Order.state == OrderState.AWAITING_PAYMENT)):
                order.payment_due_at = datetime.now(UTC) - timedelta(minutes=1)
        ctx.publish(cancel_overdue(db)[2])
        board.resize(1285, 720)
        board.expiry_notice.refresh()
        wait(app, lambda: board.expiry_notice.isVisible())  # noqa: B023 (waited for here)
        settle(app, board, 20)
        out = OUT / f"expired-orders-notice-{lang}.png"
        if linked(out):
            board.grab(QRect(0, 0, board.width(), 400)).save(str(out))
            print(out.relative_to(ROOT))
        board.close()
        window.close()
        db.close()


if __name__ == "__main__":
    main()
