"""Screenshots of issue 20: an imported group archive chat (Korean, English) and search newest first
after an old chat was imported.

Run: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/group_archive_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.shop_clock import (  # noqa: E402
    demo_context,
    shop_region,
    use_shop_clock,
    working_moment,
)
from docs.screenshots.take import OUT, fill_shop, settle  # noqa: E402

GROUP_KO = """\
2025. 3. 2. 오전 10:00 - 메시지와 통화는 종단간 암호화됩니다. 자세히 알아보려면 누르세요.
2025. 3. 2. 오전 10:00 - 서울 리넨님이 “린넨 공동구매 3월” 그룹을 만들었습니다
2025. 3. 2. 오전 10:01 - 서울 리넨: 3월 공동구매 시작합니다! 베이지·화이트 셔츠 39,000원이에요 😊
2025. 3. 2. 오전 10:03 - 김민지: 베이지 M 한 장 주문할게요
2025. 3. 2. 오전 10:04 - +82 10-5550-1234: 화이트 L 두 장이요!
입금은 오늘 저녁에 할게요
2025. 3. 2. 오전 10:06 - 박지훈: 저도 베이지 S 하나요
2025. 3. 2. 오전 10:07 - 이수빈: 혹시 네이비도 나오나요?
2025. 3. 2. 오전 10:09 - 서울 리넨: 네이비는 4월에 들어와요. 주문 마감은 금요일입니다
2025. 3. 2. 오전 10:10 - 김민지: <미디어 없음>
2025. 3. 2. 오전 10:11 - 김민지: 이 색상 맞죠?
2025. 3. 2. 오전 10:12 - 박지훈: 감사합니다 👍
"""

GROUP_EN = """\
02/03/2025, 10:00 - Messages and calls are end-to-end encrypted. Tap to learn more.
02/03/2025, 10:00 - Seoul Linen created group "Linen group-buy March"
02/03/2025, 10:01 - Seoul Linen: The March group-buy starts today! Beige and white shirts, 39,000 won 😊
02/03/2025, 10:03 - Minji Kim: One beige in M for me please
02/03/2025, 10:04 - +82 10-5550-1234: Two white in L!
I'll pay this evening
02/03/2025, 10:06 - Jihoon Park: A beige S for me too
02/03/2025, 10:07 - Subin Lee: Will there be navy as well?
02/03/2025, 10:09 - Seoul Linen: Navy arrives in April. Orders close on Friday
02/03/2025, 10:10 - Minji Kim: <Media omitted>
02/03/2025, 10:11 - Minji Kim: Is this the colour?
02/03/2025, 10:12 - Jihoon Park: Thank you 👍
"""

# A one-to-one chat from 2019, imported last: the highest row ids, the oldest times.
OLD_CHAT_KO = "".join(
    f"2019. 5. {1 + i // 6}. 오후 {1 + i % 6}:0{i % 10} - {'박서연' if i % 2 else '서울 리넨'}: "
    f"{'예전 주문 문의 드려요' if i % 2 else '주문 확인했습니다'} #{i}\n"
    for i in range(60)
)


def main() -> None:
    from PySide6.QtCore import QDeadlineTimer, QTranslator
    from PySide6.QtWidgets import QApplication

    from app.chat_export.importer import ImportRequest, import_chat
    from app.db import Database
    from app.demo_seed import demo_shop_zone
    from app.paths import paths_for
    from ui.main_window import MainWindow
    from ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    for lang, group, name in (
        ("ko", GROUP_KO, "린넨 공동구매 3월"),
        ("en", GROUP_EN, "Linen group-buy March"),
    ):
        use_shop_clock(lang)
        for t in app.findChildren(QTranslator):
            app.removeTranslator(t)
        install_translators(app, lang, shop_region(lang))
        app.setPalette(app.style().standardPalette())
        now = working_moment(lang)
        paths = paths_for(Path(tempfile.mkdtemp(prefix="shots-"))).ensure()
        db = Database.open(paths.database)
        fill_shop(db, paths.media_dir, now, korean=lang == "ko")
        folder = Path(tempfile.mkdtemp(prefix="exports-"))
        export = folder / f"WhatsApp Chat with {name}.txt"
        export.write_text(group, encoding="utf-8")
        shop = "서울 리넨" if lang == "ko" else "Seoul Linen"
        # Exported on the shop's phone, on the shop's clock.
        zone = demo_shop_zone(lang).key
        summary = import_chat(db, paths.media_dir, ImportRequest(export, shop, zone))
        if lang == "ko":
            old = folder / "WhatsApp Chat with 박서연.txt"
            old.write_text(OLD_CHAT_KO, encoding="utf-8")
            import_chat(db, paths.media_dir, ImportRequest(old, "서울 리넨", zone, new_contact=True))
        ctx = demo_context(db, paths, lang)
        window = MainWindow(ctx)
        window.resize(1320, 820)
        window.splitter.setSizes([360, 960, 0])
        window.show()
        window.activateWindow()
        settle(app, window)
        window.chat_list.select_contact(summary.contact_id)
        settle(app, window, 20)
        window.chat.view.scrollToBottom()
        settle(app, window)
        out = OUT / f"group-archive-{lang}.png"
        window.grab().save(str(out))
        print(out.relative_to(ROOT))
        if lang == "ko":
            window.open_search()
            window.search.search_now("주문")
            deadline = QDeadlineTimer(5000)
            while window.search.searching and not deadline.hasExpired():
                app.processEvents()
            settle(app, window)
            # The messages found, newest first (the chats whose name or label matches come above them).
            hits = [hit for hit in window.search.model.hits if hasattr(hit, "sent_at")]
            if hits:
                window.open_hit(hits[0], window.search.last_query)
            settle(app, window, 20)
            out = OUT / "search-after-old-import-ko.png"
            window.grab().save(str(out))
            print(out.relative_to(ROOT))
            assert hits and hits[0].sent_at > now - timedelta(days=30), "an old message came first"
            window.close_search()
        window.close()
        db.close()


if __name__ == "__main__":
    main()
