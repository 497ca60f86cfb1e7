"""Screenshot of asking for payment when the message cannot go, in the Korean UI, on the Seoul shop's clock.

A shop of its own (no bank account, no templates chosen in Order settings) whose customer 박서연 asked
for a cardigan two days ago and was answered from the owner's phone: her order's window, 입금 요청
pressed, says why the message cannot go and offers to mark the order without it. The main window and
the order window, taken from the whole 1366×768 screen under a window manager:

    Xvfb :7 -screen 0 1366x768x24 & DISPLAY=:7 openbox &
    DISPLAY=:7 .venv/bin/python docs/screenshots/payment_request_screenshot.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.demo_driver import painted, saved, wait_until  # noqa: E402
from docs.screenshots.shop_clock import use_shop_clock, working_moment  # noqa: E402

OUT = Path(__file__).resolve().parent
NAME = "payment-request-not-sent-ko.png"


def main() -> None:
    from PySide6.QtWidgets import QApplication, QPushButton

    from app.db import Database
    from app.models import Message
    from app.order_settings import shop_charges
    from app.orders import LineInput, create_order
    from app.paths import paths_for
    from app.settings import load_preferences, save_preferences
    from tests.support.factories import make_contact
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.menus import install_menus
    from ui.ops import pending_ops
    from ui.translations import install_translators

    use_shop_clock("ko")  # before any time is shown: Xvfb's clock is UTC
    app = QApplication(sys.argv[:1])
    install_translators(app, "ko", "KR")
    asked = working_moment("ko") - timedelta(days=2)  # in the shop's day, two days ago
    with tempfile.TemporaryDirectory() as tmp:
        paths = paths_for(Path(tmp) / "shop").ensure()
        db = Database.open(paths.database)
        with db.write() as s:
            save_preferences(s, load_preferences(s).replace(setup_done=True, language="ko"))
            seoyeon = make_contact(s, wa_id="821023456789", profile_name="박서연")
            # Her question, the owner's answer from the phone, her order: minutes before `asked`.
            chat = (
                ("in", "니트 가디건 있나요?", "read", None, 20),
                ("out", "네 있습니다! 39,000원이에요", "delivered", "phone_app", 18),
                ("in", "하나 주문할게요", "read", None, 15),
            )
            for n, (direction, body, status, sent_by, before) in enumerate(chat, start=1):
                s.add(
                    Message(
                        contact_id=seoyeon.id,
                        direction=direction,
                        kind="text",
                        body=body,
                        status=status,
                        sent_by=sent_by,
                        sent_at=asked - timedelta(minutes=before),
                        wamid=f"wamid.SHOT{n}",
                    )
                )
            seoyeon.last_inbound_at = asked - timedelta(minutes=15)  # the 24-hour window closed since
            s.flush()
            lines = [LineInput(code="", quantity=1, price=39000, name="니트 가디건")]
            order = create_order(
                s,
                contact_id=seoyeon.id,
                lines=lines,
                source="owner",
                charges=shop_charges(s, lines, "KRW"),  # the shop's shipping: 3,000 won under 50,000
                now=asked,
            )
            order_id, contact_id = order.id, seoyeon.id
        ctx = AppContext(db=db, paths=paths, prefs={"enter_sends": True}, shop_region="KR", currency="KRW")
        window = MainWindow(ctx)
        install_menus(window, ctx)
        window.resize(1200, 720)
        window.move(83, 0)
        window.show()
        window.activateWindow()
        wait_until(lambda: window.chat_list.model.loaded_once and pending_ops() == 0, what="the chat list")
        window.show_chat(contact_id)
        wait_until(
            lambda: window.chat.view.chat_model.contact_id == contact_id and pending_ops() == 0,
            what="her chat",
        )
        order_window = window.orders.open_order(order_id)
        wait_until(lambda: order_window.detail is not None and pending_ops() == 0, what="the order")
        ask = next(
            b
            for b in order_window.findChildren(QPushButton)
            if b.text().replace("&", "").startswith("입금 요청")
        )
        ask.click()
        wait_until(
            lambda: (
                any(
                    b.isVisible() and b.text().replace("&", "").startswith("메시지 없이")
                    for b in order_window.findChildren(QPushButton)
                )
                and pending_ops() == 0
            ),
            what="the message that cannot go",
        )
        wait_until(painted(), what="the paint")  # what was just shown reaches the screen, which is grabbed
        subprocess.run(["import", "-window", "root", str(OUT / NAME)], check=True)
        saved(NAME)
        order_window.close()
        window.close()
        db.close()


if __name__ == "__main__":
    main()
