"""Screenshots of issue 19 item 14: the chat list's search field (Edit menu in the bar) and its results,
and a customer found by name.

Run: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/chat_list_search_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.shop_clock import (  # noqa: E402
    demo_context,
    shop_region,
    use_shop_clock,
    working_moment,
)
from docs.screenshots.take import OUT, fill_shop, linked, settle  # noqa: E402


def shoot_results(app, window, name: str) -> None:
    """Once the search has answered: the window as it shows the results."""
    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(5000)
    while (window.search.searching or not window.search.model.hits) and not deadline.hasExpired():
        app.processEvents()
    settle(app, window, 20)
    out = OUT / name
    if linked(out):
        window.grab().save(str(out))
        print(out.relative_to(ROOT))


def main() -> None:
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from app.db import Database
    from app.paths import paths_for
    from ui.main_window import MainWindow
    from ui.menus import install_menus
    from ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    for lang, query, name in (("ko", "주문", "민지"), ("en", "order", "megan")):
        use_shop_clock(lang)
        for t in app.findChildren(QTranslator):
            app.removeTranslator(t)
        install_translators(app, lang, shop_region(lang))
        app.setPalette(app.style().standardPalette())
        paths = paths_for(Path(tempfile.mkdtemp(prefix="shots-"))).ensure()
        db = Database.open(paths.database)
        fill_shop(db, paths.media_dir, working_moment(lang), korean=lang == "ko")
        ctx = demo_context(db, paths, lang)
        window = MainWindow(ctx)
        install_menus(window, ctx)
        window.resize(1320, 820)
        window.splitter.setSizes([360, 960, 0])
        window.show()
        window.activateWindow()
        settle(app, window, 20)
        commit = QInputMethodEvent()
        commit.setCommitString(query)
        window.chat_list.search_field.setFocus()
        QApplication.sendEvent(window.chat_list.search_field, commit)
        shoot_results(app, window, f"chat-list-search-results-{lang}.png")
        # A customer looked up by name: their chat first, then the messages that mention them.
        window.search.search_now(name)
        shoot_results(app, window, f"chat-list-search-chat-{lang}.png")
        window.close_search()
        window.close()
        db.close()


if __name__ == "__main__":
    main()
