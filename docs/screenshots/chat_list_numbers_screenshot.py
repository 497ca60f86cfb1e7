"""Screenshots of a shop with two WhatsApp numbers: one number's chats, with the other number's
unread messages said beside the chip (Korean), and a search from one number's list (English); then
every number's chats, each row tagged with its number, with a chat open whose reply box says the
number it answers from (Korean), and a search of every number's chats, each hit tagged (English).

The shop is the demo's with its past chats split between two numbers, as `shop-inbox --demo
--two-numbers` seeds it.

Run: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/chat_list_numbers_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.chat_list_search_screenshot import shoot_results  # noqa: E402
from docs.screenshots.shop_clock import (  # noqa: E402
    shop_currency,
    shop_region,
    use_shop_clock,
    working_moment,
)
from docs.screenshots.take import OUT, fill_shop, settle  # noqa: E402


def main() -> None:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from app.db import Database
    from app.demo_seed import seed_demo_two_numbers
    from app.paths import paths_for
    from app.wire import SANDBOX_PHONE_NUMBER_ID
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.menus import install_menus
    from ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    for lang in ("ko", "en"):
        region = shop_region(lang)
        use_shop_clock(lang)
        for t in app.findChildren(QTranslator):
            app.removeTranslator(t)
        install_translators(app, lang, region)
        app.setPalette(app.style().standardPalette())
        paths = paths_for(Path(tempfile.mkdtemp(prefix="shots-"))).ensure()
        db = Database.open(paths.database)
        fill_shop(db, paths.media_dir, working_moment(lang), korean=lang == "ko")
        with db.write() as s:
            seed_demo_two_numbers(s, lang)
        ctx = AppContext(
            db=db,
            paths=paths,
            demo=True,
            prefs={"enter_sends": True},
            shop_region=region,
            currency=shop_currency(lang),
        )
        window = MainWindow(ctx)
        install_menus(window, ctx)
        window.resize(1320, 820)
        window.splitter.setSizes([360, 960, 0])
        window.show()
        window.activateWindow()
        settle(app, window, 20)
        window.chat_list.number_chip.choose(SANDBOX_PHONE_NUMBER_ID)  # the first branch's chats
        settle(app, window, 20)
        if lang == "ko":
            out = OUT / "chat-list-number-ko.png"
            window.grab().save(str(out))
            print(out.relative_to(ROOT))
        else:
            window.chat_list.search_typed.emit("thanks")  # typed in the list's search field
            shoot_results(app, window, "chat-list-number-search-en.png")
            window.close_search()
        window.chat_list.number_chip.choose(None)  # every number's chats
        settle(app, window, 20)
        if lang == "ko":
            window.chat_list.select_contact(window.chat_list.model.row_at(0).contact_id)
            settle(app, window, 20)
            out = OUT / "chat-list-all-numbers-ko.png"
            window.grab().save(str(out))
            print(out.relative_to(ROOT))
        else:
            window.chat_list.search_typed.emit("thanks")
            shoot_results(app, window, "chat-list-all-numbers-search-en.png")
            window.close_search()
        window.close()
        db.close()


if __name__ == "__main__":
    main()
