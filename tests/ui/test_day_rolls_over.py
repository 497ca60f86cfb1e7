"""The app left open overnight: at midnight the chat list's clock times become "Yesterday" and the open
chat's "Today" divider becomes "Yesterday", with no message arriving to redraw them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QObject

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat


class PaintCount(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_the_list_and_the_open_chat_say_yesterday_after_midnight_with_the_window_left_open(
    qtbot: Any, window: Any, monkeypatch: Any
) -> None:
    from app import relay_clock
    from ui.formatting import clock_time

    evening = datetime.now().astimezone().replace(hour=21, minute=30, second=0, microsecond=0)
    monkeypatch.setattr(relay_clock, "local_time", lambda: evening.timestamp())
    with window.ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지", last_inbound_at=evening)
        make_message(s, kim, "내일 받을 수 있나요?", sent_at=evening - timedelta(hours=1))
        kim_id = kim.id
    window.day_watch.day = evening.date()
    load_chats(window, qtbot)
    select_chat(window, qtbot, kim_id)
    row = window.chat_list.model.row_for(kim_id)
    assert clock_time(evening - timedelta(hours=1)) in window.chat_list.delegate.texts(row)

    counts = {"list": PaintCount(), "chat": PaintCount()}
    window.chat_list.view.viewport().installEventFilter(counts["list"])
    window.chat.view.viewport().installEventFilter(counts["chat"])
    rolled: list[bool] = []

    def day_changed() -> None:
        # Paints counted from the day's change on: one still due from opening the chat (one
        # processEvents is not sure to take them all) would pass for a redraw before the day changed.
        rolled.append(True)
        for count in counts.values():
            count.paints = 0

    window.day_watch.day_changed.connect(day_changed)
    after_midnight = evening + timedelta(hours=3)  # 00:30 the next day
    monkeypatch.setattr(relay_clock, "local_time", lambda: after_midnight.timestamp())
    window.day_watch.timer.setInterval(20)  # rather than a minute's wait
    # Both redraw on their own; nothing else on screen changed.
    qtbot.waitUntil(
        lambda: bool(rolled) and counts["list"].paints > 0 and counts["chat"].paints > 0, timeout=3000
    )
    assert "Yesterday" in window.chat_list.delegate.texts(row)
    first = window.chat.view.chat_model.index(0, 0)
    geo = window.chat.view.bubbles.geometry(first, float(window.chat.view.viewport().width()))
    assert geo is not None and geo.date_text == "Yesterday"
