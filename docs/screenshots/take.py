"""Take the README's screenshots of the inbox window under Xvfb (light/dark, English/Korean, search, templates),
on the demo shop's clock (Seoul's for Korean, Brighton's for English: shop_clock.py).

Run: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

OUT = Path(__file__).resolve().parent


def fill_shop(db, media_dir: Path, now: datetime, korean: bool) -> None:
    """The demo shop's past chats plus today's conversation showing every kind of bubble."""
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
    from sqlalchemy import select

    from app.demo_seed import seed_demo_history
    from app.models import Contact, Media, Message
    from app.settings import put_setting
    from docs.screenshots.shop_clock import last_closing

    with db.write() as s:
        # The demo's own shop: Seoul's in Korean, Brighton's in English (as `--demo --lang en` opens).
        seed_demo_history(s, now=now - timedelta(days=1), lang="ko" if korean else "en")
        wa_id = "821055501234" if korean else "447700900101"
        minji = s.scalar(select(Contact).where(Contact.wa_id == wa_id))
        assert minji is not None
        minji.saved_name = "김민지 (단골)" if korean else "Emily Hughes (regular)"
        minji.pinned = True
        # Her chat runs past the shop's last closing (its away message goes then), on the shop's
        # clock: the picture reads like a shop's day, not Xvfb's UTC.
        start = last_closing("ko" if korean else "en", datetime.now(UTC)) - timedelta(minutes=10)
        media_dir.mkdir(parents=True, exist_ok=True)
        image = QImage(480, 360, QImage.Format.Format_RGB32)
        p = QPainter(image)
        g = QLinearGradient(0, 0, 480, 360)
        g.setColorAt(0, QColor("#F3E9DC"))
        g.setColorAt(1, QColor("#C8B6A6"))
        p.fillRect(image.rect(), g)
        p.setBrush(QColor("#FFFDF7"))
        p.setPen(QColor("#8D7B68"))
        p.drawRoundedRect(150, 60, 180, 240, 30, 30)
        p.drawLine(240, 60, 240, 300)
        p.end()
        image.save(str(media_dir / "shirt.jpg"))

        def add(minutes: int, direction: str, body: str, **fields) -> Message:
            m = Message(
                contact_id=minji.id,
                direction=direction,
                body=body,
                kind=fields.pop("kind", "text"),
                status=fields.pop("status", "received" if direction == "in" else "read"),
                sent_at=start + timedelta(minutes=minutes),
                wamid=fields.pop("wamid", f"wamid.SHOT{minutes:04d}{direction}"),
                unread=fields.pop("unread", False),
                **fields,
            )
            s.add(m)
            s.flush()
            return m

        if korean:
            q = add(0, "in", "혹시 린넨 셔츠 베이지 색상도 있나요? 사진으로 보고 싶어요")
            photo = add(3, "out", "네! 베이지 실물 사진이에요 😊", kind="image")
            s.add(
                Media(
                    message_id=photo.id,
                    mime="image/jpeg",
                    filename="shirt.jpg",
                    size=48_213,
                    cache_path="shirt.jpg",
                )
            )
            add(
                5,
                "in",
                "와 예쁘네요! <b>M 사이즈</b>로 주문할게요",
                reply_to_wamid=photo.wamid,
                reaction_in="❤️",
            )
            add(
                6, "out", "주문서는 여기서 작성해 주세요: https://shop.example.kr/order/2231", sent_by="owner"
            )
            doc = add(9, "out", "", kind="document", payload={"document": {"filename": "견적서_김민지.pdf"}})
            s.add(
                Media(message_id=doc.id, mime="application/pdf", filename="견적서_김민지.pdf", size=182_004)
            )
            add(
                12,
                "in",
                "",
                kind="location",
                payload={
                    "location": {
                        "latitude": 37.5446,
                        "longitude": 127.0557,
                        "name": "성수동 매장",
                        "address": "서울 성동구 성수이로 88",
                    }
                },
            )
            add(
                14,
                "out",
                "지금은 영업시간이 아니에요. 내일 오전 10시에 답장드릴게요!",
                sent_by="away",
                status="delivered",
            )
            add(20, "in", "네 감사합니다. 입금은 오늘 저녁에 할게요", reply_to_wamid=q.wamid, unread=True)
            add(21, "in", "배송은 언제쯤 되나요?", unread=True)
            add(
                22,
                "out",
                "입금 확인되면 바로 보내드릴게요",
                status="failed",
                error_code="131026",
                error_text="Message undeliverable",
                wamid=None,
            )
            add(23, "out", "내일 도착 예정입니다 🚚", status="pending", wamid=None)
        else:
            q = add(0, "in", "Do you have the linen shirt in beige too? I'd love to see a photo")
            photo = add(3, "out", "Yes! Here it is in natural light 😊", kind="image")
            s.add(
                Media(
                    message_id=photo.id,
                    mime="image/jpeg",
                    filename="shirt.jpg",
                    size=48_213,
                    cache_path="shirt.jpg",
                )
            )
            add(5, "in", "Lovely! I'll take it in <b>size M</b>", reply_to_wamid=photo.wamid, reaction_in="❤️")
            add(6, "out", "Please fill in the order form here: https://shop.example.com/order/2231")
            doc = add(9, "out", "", kind="document", payload={"document": {"filename": "Quote-Emily.pdf"}})
            s.add(Media(message_id=doc.id, mime="application/pdf", filename="Quote-Emily.pdf", size=182_004))
            add(
                12,
                "in",
                "",
                kind="location",
                payload={
                    "location": {
                        "latitude": 50.8245,
                        "longitude": -0.1389,
                        "name": "North Laine studio",
                        "address": "12 Gardner Street, Brighton",
                    }
                },
            )
            add(
                14,
                "out",
                "We're closed right now. We'll answer tomorrow from 10 am!",
                sent_by="away",
                status="delivered",
            )
            add(20, "in", "Thanks! I'll pay this evening", reply_to_wamid=q.wamid, unread=True)
            add(21, "in", "When would it ship?", unread=True)
            add(
                22,
                "out",
                "As soon as the payment arrives",
                status="failed",
                error_code="131026",
                error_text="Message undeliverable",
                wamid=None,
            )
            add(23, "out", "It should arrive tomorrow 🚚", status="pending", wamid=None)
        minji.last_inbound_at = start + timedelta(minutes=21)
        put_setting(
            s,
            "templates",
            [
                {
                    "name": "order_shipped",
                    "language": "ko" if korean else "en",
                    "category": "UTILITY",
                    "components": [
                        {
                            "type": "BODY",
                            "text": "{{1}}님, 주문하신 상품이 발송되었어요. 송장번호: {{2}}"
                            if korean
                            else "Hi {{1}}, your order has shipped. Tracking number: {{2}}",
                        }
                    ],
                    "parameters": [
                        {"component": "body", "index": 1, "example": "민지" if korean else "Emily"},
                        {"component": "body", "index": 2, "example": "6543 2109 8765"},
                    ],
                },
                {
                    "name": "restock_alert",
                    "language": "ko" if korean else "en",
                    "category": "MARKETING",
                    "components": [
                        {
                            "type": "BODY",
                            "text": "{{1}} 재입고되었어요!" if korean else "{{1}} is back in stock!",
                        }
                    ],
                    "parameters": [{"component": "body", "index": 1}],
                },
            ],
        )


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#111B21",
        QPalette.ColorRole.WindowText: "#E9EDEF",
        QPalette.ColorRole.Base: "#111B21",
        QPalette.ColorRole.AlternateBase: "#202C33",
        QPalette.ColorRole.Text: "#E9EDEF",
        QPalette.ColorRole.Button: "#202C33",
        QPalette.ColorRole.ButtonText: "#E9EDEF",
        QPalette.ColorRole.Highlight: "#00A884",
        QPalette.ColorRole.HighlightedText: "#111B21",
        QPalette.ColorRole.Mid: "#3B4A54",
        QPalette.ColorRole.Midlight: "#2A3942",
        QPalette.ColorRole.PlaceholderText: "#8696A0",
        QPalette.ColorRole.ToolTipBase: "#202C33",
        QPalette.ColorRole.ToolTipText: "#E9EDEF",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    return p


def linked(out: Path) -> bool:
    """Whether the README shows this picture (one it does not link is not kept)."""
    return f"docs/screenshots/{out.name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def settle(app, window, rounds: int = 8) -> None:
    """Let the window's reads (ops on worker threads) answer and paint, then a few more rounds."""
    import time

    from ui.ops import pending_ops

    deadline = time.monotonic() + 10
    while pending_ops() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(rounds):
        app.processEvents()


def take(lang: str, theme: str, scenes: list[str]) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    from docs.screenshots.shop_clock import demo_context, shop_region
    from ui.translations import install_translators

    for t in app.findChildren(__import__("PySide6.QtCore", fromlist=["QTranslator"]).QTranslator):
        app.removeTranslator(t)
    install_translators(app, lang, shop_region(lang))
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())

    from app.db import Database
    from app.paths import paths_for
    from docs.screenshots.shop_clock import use_shop_clock, working_moment
    from ui.main_window import MainWindow
    from ui.menus import install_menus

    use_shop_clock(lang)
    now = working_moment(lang)
    paths = paths_for(Path(tempfile.mkdtemp(prefix="shots-"))).ensure()
    db = Database.open(paths.database)
    fill_shop(db, paths.media_dir, now, korean=lang == "ko")
    ctx = demo_context(db, paths, lang)
    window = MainWindow(ctx)
    install_menus(window, ctx)  # the window as the owner sees it, its menu bar on top
    window.resize(1320, 820)
    window.splitter.setSizes([360, 960, 0])
    window.show()
    window.activateWindow()
    settle(app, window)
    window.chat_list.view.setCurrentIndex(window.chat_list.model.index(0))
    settle(app, window)
    window.chat.view.scrollToBottom()
    settle(app, window)
    saved = []
    suffix = f"{theme}-{lang}"
    if "main" in scenes:
        out = OUT / f"inbox-{suffix}.png"
        window.grab().save(str(out))
        saved.append(out)
    if "contact" in scenes:
        window.toggle_contact_panel()
        window.splitter.setSizes([330, 660, 330])
        settle(app, window)
        out = OUT / f"contact-panel-{suffix}.png"
        window.grab().save(str(out))
        saved.append(out)
        window.contact_panel.hide()
    if "search" in scenes:
        window.open_search()
        window.search.search_now("주문" if lang == "ko" else "order")
        from PySide6.QtCore import QDeadlineTimer

        deadline = QDeadlineTimer(5000)
        while window.search.searching and not deadline.hasExpired():
            app.processEvents()
        settle(app, window)
        # The second message found (below the chats found by their labels), chosen as a click does:
        # its row selected in the results and the message ringed in its chat.
        from app.search import SearchHit

        model = window.search.model
        rows = [row for row, hit in enumerate(model.hits) if isinstance(hit, SearchHit)]
        if rows:
            index = model.index(rows[min(1, len(rows) - 1)])
            window.search.view.setCurrentIndex(index)
            window.search.view.clicked.emit(index)
        settle(app, window)
        out = OUT / f"search-{suffix}.png"
        window.grab().save(str(out))
        saved.append(out)
        window.close_search()
    if "template" in scenes:
        # A chat whose 24-hour window has closed.
        for row in range(window.chat_list.model.rowCount()):
            conv = window.chat_list.model.row_at(row)
            if conv.last_inbound_at is None or now - conv.last_inbound_at > timedelta(hours=24):
                window.chat_list.view.setCurrentIndex(window.chat_list.model.index(row))
                break
        settle(app, window)
        out = OUT / f"template-composer-{suffix}.png"
        window.grab().save(str(out))
        saved.append(out)
    window.close()
    db.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["light-en", "light-ko", "dark-ko"], action="append")
    args = parser.parse_args()
    # Only the scenes the README shows (a picture nothing links is not kept).
    plan = {
        "light-en": ["main", "contact", "template"],
        "light-ko": ["search"],
        "dark-ko": ["main"],
    }
    for key, scenes in plan.items():
        if args.only and key not in args.only:
            continue
        theme, lang = key.split("-")
        for path in take(lang, theme, scenes):
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
