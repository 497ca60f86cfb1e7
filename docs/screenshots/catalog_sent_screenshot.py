"""Screenshot of catalogue items sent in a chat: `xvfb-run -a python docs/screenshots/catalog_sent_screenshot.py`.

The chat holds what the outbox writes for a catalogue send: the item's picture with its caption, then
a list of items, and the customer's tap on one of them.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent


def wait_until(done: Callable[[], bool], timeout: float = 30.0) -> None:
    """Run the event loop until `done()`, as qtbot.waitUntil does (each round a 50 ms turn of the loop)."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the chat did not finish loading")
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()


def pictures_read(window: QWidget) -> bool:
    """Paint the window (which asks for the pictures on screen) and say whether none is still being read."""
    window.grab()
    return window.chat.view.bubbles.pictures.is_idle()  # type: ignore[attr-defined]


def main() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    app = QApplication(sys.argv)
    app.setStyle("Fusion")
    from app.catalog import find_item_by_code, load_demo_catalog
    from app.catalog_images import image_file
    from app.catalog_messages import ListTexts, describe_reply, plan_catalog_send
    from app.db import Database
    from app.models import Contact, Media, Message
    from app.paths import paths_for
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.ops import pending_ops
    from ui.resources import demo_dir

    with tempfile.TemporaryDirectory() as tmp:
        paths = paths_for(Path(tmp)).ensure()
        db = Database.open(paths.database)
        now = datetime.now(UTC).replace(microsecond=0)
        start = now - timedelta(minutes=30)
        with db.write() as s:
            load_demo_catalog(s, demo_dir(), paths.catalog_dir)
            customer = Contact(
                wa_id="821055501234", profile_name="김민지", last_inbound_at=now - timedelta(minutes=2)
            )
            s.add(customer)
            s.flush()
            shirt = find_item_by_code(s, "LN-SH-IV")
            dresses = [find_item_by_code(s, c) for c in ("DR-SU-NV", "DR-SU-IV", "DR-FL-PK")]
            assert shirt is not None and all(dresses)
            single = plan_catalog_send(
                s, [shirt.id], to=customer.wa_id or "", catalog_dir=paths.catalog_dir, locale="ko_KR"
            )
            several = plan_catalog_send(
                s,
                [d.id for d in dresses if d],
                to=customer.wa_id or "",
                catalog_dir=paths.catalog_dir,
                locale="ko_KR",
                texts=ListTexts(body="어떤 상품을 원하세요?", button="상품 보기"),
            )

            def add(minutes: int, direction: str, body: str, kind: str = "text", **fields: object) -> Message:
                message = Message(
                    contact_id=customer.id,
                    direction=direction,
                    kind=kind,
                    body=body,
                    status="received" if direction == "in" else "read",
                    sent_at=start + timedelta(minutes=minutes),
                    wamid=f"wamid.CAT{minutes:03d}{direction}",
                    **fields,
                )
                s.add(message)
                s.flush()
                return message

            add(0, "in", "안녕하세요! 린넨 셔츠 아이보리 사진 볼 수 있을까요?")
            photo = add(
                2,
                "out",
                single.preview,
                "image",
                payload=single.with_media_id("relay-media-1"),
                sent_by="owner",
            )
            source = image_file(paths.catalog_dir, shirt.images[0])
            assert source is not None
            shutil.copy(source, paths.media_dir / "ln-sh-iv.jpg")
            s.add(
                Media(
                    message_id=photo.id,
                    mime="image/jpeg",
                    filename="ln-sh-iv.jpg",
                    size=source.stat().st_size,
                    cache_path="ln-sh-iv.jpg",
                )
            )
            add(6, "in", "예뻐요! 혹시 원피스도 있나요?")
            add(8, "out", several.preview, "interactive", payload=several.body, sent_by="owner")
            rows = several.body["interactive"]["action"]["sections"][0]["rows"]
            reply = {"type": "interactive", "interactive": {"type": "list_reply", "list_reply": rows[1]}}
            add(10, "in", describe_reply(s, reply, "ko_KR") or "", "interactive", payload=reply)
            customer_id = customer.id
        ctx = AppContext(db=db, paths=paths, prefs={"enter_sends": True})
        window = MainWindow(ctx)
        window.resize(1180, 760)
        window.show()
        # The chat list's first page read, the chat's messages read, then every picture a paint asks
        # for read: a grab that asks for none is what the owner sees.
        wait_until(lambda: not pending_ops() and window.chat_list.model.rowCount() > 0)
        window.chat_list.view.setCurrentIndex(window.chat_list.model.index(0))
        chat = window.chat.view
        wait_until(lambda: chat.chat_model.contact_id == customer_id and chat.chat_model.rowCount() == 5)
        wait_until(lambda: not pending_ops() and not chat.chat_model.busy())
        chat.scrollToBottom()
        wait_until(lambda: pictures_read(window))
        target = HERE / "catalog-sent.png"
        window.grab().save(str(target))
        print(f"saved {target}")
        window.shutdown()
        db.close()


if __name__ == "__main__":
    main()
