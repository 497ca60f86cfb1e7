"""Screenshots of the Korean demo's orders: the Orders window's Alt letters, the courier file's review,
a shipped order's return, and a cart imported from a customer's phone that starts an order.

The real app, `shop-inbox --demo --lang ko`, started and driven from inside as
demo_driver.py does, on the Seoul shop's clock (shop_clock.py), under a window manager.
Shop ▸ Orders grabbed whole at 1280×720, its buttons with their Alt letters (`orders-keys-ko.png`):

    Xvfb :7 -screen 0 1366x768x24 & DISPLAY=:7 openbox &
    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_orders_screenshot.py

a 1366×768 laptop at 125 %, the whole screen: Orders ▸ 송장번호 일괄 등록… with the demo's sample
the shipped order 2026-0004's 반품·교환…, one cardigan coming back as too small (`return-exchange-ko.png`),
then the demo's sample courier file reviewed (`tracking-review-ko.png`); nothing is recorded or applied:

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_orders_screenshot.py 125

and two carts that never became an order, added to Amy Clarke's chat as messages imported from her
phone (one readable, one whose items cannot be read), her chat found by "Amy" (`cart-card-start-order-ko.png`,
the whole 1366×768 screen):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_orders_screenshot.py cart
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parents[1]))

from docs.screenshots.demo_driver import (  # noqa: E402
    Wait,
    main_window,
    no_reminders,
    painted,
    run_demo,
    save,
    screen_shot,
    settled,
    top_level,
)

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def order_id(window: MainWindow, number: str) -> int:
    from sqlalchemy import select

    from app.models import Order

    with window.ctx.db.read() as s:
        found = s.scalar(select(Order.id).where(Order.number == number))
    assert found is not None, number
    return found


def scenes_keys() -> Iterator[Wait]:
    """Shop ▸ Orders as its menu opens it, on its board: the window whole at 1280×720."""
    from ui.order_board import OrderBoard

    window = yield from main_window(1200, 720)
    window.activateWindow()
    window.orders.open_board()
    yield lambda: top_level(OrderBoard) is not None and settled()
    board = top_level(OrderBoard)
    assert isinstance(board, OrderBoard)
    board.resize(1280, 720)
    yield settled
    yield no_reminders
    yield painted()
    save(board, "orders-keys-ko.png")


def scenes_at_125() -> Iterator[Wait]:
    """Shop ▸ Orders filling a 1366×768 laptop's screen at 125 %: a shipped order's return asked,
    then the sample courier file reviewed, each taken with the whole screen and cancelled."""
    from app.demo_samples import TRACKING_FILE
    from ui.order_board import OrderBoard
    from ui.order_window import OrderWindow
    from ui.return_dialog import ReturnDialog
    from ui.return_lines import ReturnLinesModel
    from ui.tracking_review_dialog import TrackingReviewDialog

    window = yield from main_window(1200, 720)
    window.activateWindow()
    samples = window.ctx.demo_samples
    assert samples is not None
    window.orders.open_board()
    yield lambda: top_level(OrderBoard) is not None and settled()
    board = top_level(OrderBoard)
    assert isinstance(board, OrderBoard)
    board.showMaximized()
    yield lambda: board.isMaximized() and settled()

    # The shipped order 2026-0004: one cardigan back, too small; the refund filled in from its price.
    board.open_return(order_id(window, "2026-0004"))
    yield lambda: top_level(OrderWindow) is not None
    yield lambda: top_level(ReturnDialog) is not None
    returned = top_level(ReturnDialog)
    assert isinstance(returned, ReturnDialog)
    yield lambda: returned.start is not None and settled()  # its order's lines read
    model = returned.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    returned.reason.setText("사이즈가 작아요")
    yield lambda: returned.refund.text() != "" and settled()
    returned.reason.setFocus()
    yield no_reminders
    yield painted()
    screen_shot("return-exchange-ko.png")
    returned.reject()  # nothing recorded
    order = top_level(OrderWindow)
    assert isinstance(order, OrderWindow)
    order.close()
    yield lambda: top_level(OrderWindow) is None and settled()

    # 송장번호 일괄 등록… with the demo's sample file (the file picker skipped: the file is read as
    # picked).
    board.read_tracking_file(samples / TRACKING_FILE)
    yield lambda: top_level(TrackingReviewDialog) is not None and settled()
    review = top_level(TrackingReviewDialog)
    assert isinstance(review, TrackingReviewDialog)
    yield no_reminders
    yield painted()
    screen_shot("tracking-review-ko.png")
    review.reject()  # nothing applied


def scenes_cart() -> Iterator[Wait]:
    """Two carts from Amy Clarke's phone history added to her chat after her last message, then her
    chat found by "Amy" and opened: the readable cart offers an order, the other says it can't."""
    from sqlalchemy import select

    from app.changes import Changes
    from app.models import Contact, Message
    from app.search import ContactHit

    window = yield from main_window()
    window.activateWindow()
    window.showMaximized()
    yield lambda: window.isMaximized() and settled()
    with window.ctx.db.write() as s:
        amy = s.scalar(select(Contact).where(Contact.profile_name == "Amy Clarke"))
        assert amy is not None
        last = s.scalar(
            select(Message.sent_at).where(Message.contact_id == amy.id).order_by(Message.sent_at.desc())
        )
        assert last is not None
        carts = (
            (
                "Can I get these?",
                {
                    "catalog_id": "1",
                    "text": "Can I get these?",
                    "product_items": [
                        {
                            "product_retailer_id": "LN-BL-WH",
                            "quantity": 1,
                            "item_price": 42000,
                            "currency": "KRW",
                        },
                        {
                            "product_retailer_id": "AC-ER-GD",
                            "quantity": 2,
                            "item_price": 15000,
                            "currency": "KRW",
                        },
                        {
                            "product_retailer_id": "OLD-SCARF",
                            "quantity": 1,
                            "item_price": 19000,
                            "currency": "KRW",
                        },
                    ],
                },
            ),
            ("", {"product_items": [{"product_retailer_id": "X", "quantity": "많이"}]}),
        )
        for minute, (text, order) in enumerate(carts, start=1):
            s.add(
                Message(
                    contact_id=amy.id,
                    direction="in",
                    kind="order",
                    body=text,
                    status="received",
                    sent_at=last + timedelta(minutes=minute),
                    imported=True,
                    unread=False,
                    payload={"type": "order", "order": order},
                )
            )
        amy_id = amy.id
    window.ctx.publish(Changes(contacts=frozenset({amy_id}), messages=frozenset({amy_id})))
    yield settled

    window.open_search()
    window.search.search_now("Amy")
    yield lambda: not window.search.searching and settled()
    model = window.search.model
    row = next(r for r, hit in enumerate(model.hits) if isinstance(hit, ContactHit))
    index = model.index(row)
    window.search.view.setCurrentIndex(index)
    window.search.view.clicked.emit(index)
    yield lambda: window.chat.view.chat_model.contact_id == amy_id and settled()
    window.chat.view.scrollToBottom()
    yield no_reminders
    yield painted()
    screen_shot("cart-card-start-order-ko.png")


if __name__ == "__main__":
    if sys.argv[1:] == ["cart"]:
        sys.exit(run_demo(scenes_cart))
    if sys.argv[1:] == ["125"]:  # before the app is made: Qt reads it once
        os.environ["QT_SCALE_FACTOR"] = "1.25"
        sys.exit(run_demo(scenes_at_125))
    sys.exit(run_demo(scenes_keys))
