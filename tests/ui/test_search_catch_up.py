"""Search results kept open while the inbox catches up: a whole page of new hits leaves none out."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats, settle, sync_batch


def test_a_catch_up_that_brings_a_page_of_new_hits_leaves_the_older_ones_to_load(
    window: Any, qtbot: Any
) -> None:
    """The owner searched 배송 (3 results) and left the results open; the laptop, offline for a day,
    catches up 80 more messages that say 배송. The 50 newest come at once; the count says there are
    more, and scrolling down brings every one of the 83 (none of the 30 in between is skipped)."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김서연")
        for i in range(3):
            make_message(
                s, c, f"지난달 배송 문의 {i}", sent_at=BASE_TIME + timedelta(minutes=i), unread=False
            )
        contact_id = c.id
    load_chats(window, qtbot)
    window.open_search()
    search = window.search
    search.search_now("배송")
    qtbot.waitUntil(lambda: search.status.text() == "3 results", timeout=5000)

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="박하늘")
        for i in range(80):
            at = BASE_TIME + timedelta(days=1, minutes=i)
            make_message(s, c, f"오늘 배송 문의 {i}", sent_at=at, unread=False)
        new_contact = c.id
    sync_batch(window, qtbot, [contact_id, new_contact])
    model = search.model
    qtbot.waitUntil(lambda: model.rowCount() >= 50, timeout=5000)
    settle(qtbot)
    assert search.status.text() == "More than 50 results"

    for _ in range(3):
        search.view.scrollToBottom()
        settle(qtbot)
    qtbot.waitUntil(lambda: model.rowCount() == 83, timeout=5000)
    snippets = [hit.snippet for hit in model.message_hits()]
    assert snippets == [f"오늘 배송 문의 {i}" for i in reversed(range(80))] + [
        f"지난달 배송 문의 {i}" for i in reversed(range(3))
    ]
    assert search.status.text() == "83 results"
