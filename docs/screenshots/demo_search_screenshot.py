"""Screenshots of the Korean demo's search (Ctrl+F): a cart found by its items, words in any order or
spacing, initials, an order's number, a label's name, a period, and results kept live as customers write.

The real app, `shop-inbox --demo --lang ko`, started and driven from inside as
demo_driver.py does, after its simulated customers have written for a while:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/screenshots/demo_search_screenshot.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parents[1]))

from docs.screenshots.demo_driver import Wait, main_window, run_demo, save, settled  # noqa: E402

# (picture, query, window size, the part of the window kept: its top-left width × height, or all)
SEARCHES = (
    ("search-cart-items-ko.png", "블라우스", (1200, 740), None),
    ("search-words-any-order-ko.png", "색상 디자인", (1200, 740), None),
    ("search-spacing-aside-ko.png", "린넨셔츠", (1366, 768), None),
    ("search-initials-ko.png", "ㄱㅁㅈ", (1366, 768), None),
    ("search-order-number-ko.png", "2026-0007", (1200, 720), None),
    ("search-label-ko.png", "결제완료", (1200, 720), (702, 300)),
)


def scenes() -> Iterator[Wait]:
    from app.search import SearchHit

    window = yield from main_window()
    started = time.monotonic()
    yield lambda: time.monotonic() - started > 30  # the simulated customers write, the bot answers
    yield settled

    def search(query: str) -> Iterator[Wait]:
        window.open_search()
        window.search.search_now(query)
        yield lambda: not window.search.searching and settled()

    def pick_first_message() -> Iterator[Wait]:
        """The first message found (else the first chat) chosen as a click does: its row selected, its
        chat open on it."""
        model = window.search.model
        rows = [row for row, hit in enumerate(model.hits) if isinstance(hit, SearchHit)]
        row = rows[0] if rows else 0
        index = model.index(row)
        window.search.view.setCurrentIndex(index)
        window.search.view.clicked.emit(index)
        yield settled

    for name, query, (width, height), part in SEARCHES:
        window.resize(width, height)
        yield from search(query)
        yield from pick_first_message()
        save(window, name, top_left=part)
        window.close_search()
        yield settled

    # 최근 7일 beside 이 채팅만: only the recent hits.
    window.resize(1200, 720)
    window.open_search()
    period = window.search.period
    period.setCurrentIndex(next(i for i in range(period.count()) if period.itemText(i) == "최근 7일"))
    yield from search("입금")
    yield from pick_first_message()
    save(window, "search-period-ko.png")
    window.close_search()
    yield settled

    # "안녕" searched while customers write: the messages that arrive join the results shown.
    window.open_search()
    period.setCurrentIndex(0)
    yield from search("안녕")
    before = len(window.search.model.hits)
    yield lambda: len(window.search.model.hits) > before and settled()
    save(window, "search-live-ko.png", top_left=(320, 500))
    window.close_search()
    yield settled


if __name__ == "__main__":
    sys.exit(run_demo(scenes))
