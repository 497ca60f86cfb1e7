"""One clock for every day and time shown: the shop's (Settings ▸ Business hours' time zone) when
it is set, else this computer's. On a UTC laptop for a Seoul shop the chat list said "Yesterday"
for a message the orders window, on the shop's clock, put this morning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from app.automations_store import AutomationsStore
from app.changes import Changes
from app.wire import Automations, BusinessHours
from tests.support.computer_zone import computer_zone, needs_tzset
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat

SEOUL = ZoneInfo("Asia/Seoul")
# Sunday 7 PM in Seoul, Sunday 10 AM on the laptop's UTC.
NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
# Sunday 8:30 AM in Seoul, but still Saturday 11:30 PM in UTC.
ASKED = datetime(2026, 12, 5, 23, 30, tzinfo=UTC)


def plain(text: str) -> str:
    """A time as written here: Qt puts a narrow no-break space before "AM"."""
    return text.replace("\N{NARROW NO-BREAK SPACE}", " ")


@pytest.fixture
def laptop_on_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """This computer on UTC, its clock at NOW (before the window is made)."""
    from app import relay_clock

    with computer_zone("UTC"):
        monkeypatch.setattr(relay_clock, "local_time", lambda: NOW.timestamp())
        yield monkeypatch


@needs_tzset
def test_the_chat_list_and_the_chat_say_the_shops_day_as_the_orders_do(
    laptop_on_utc: pytest.MonkeyPatch, qtbot: Any, window: Any
) -> None:
    from ui.formatting import list_time

    with window.ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지", last_inbound_at=ASKED)
        make_message(s, kim, "오늘 발송되나요?", sent_at=ASKED)
        kim_id = kim.id
    window.day_watch.check()
    load_chats(window, qtbot)
    select_chat(window, qtbot, kim_id)
    row = window.chat_list.model.row_for(kim_id)
    # No shop zone yet: this computer's day.
    qtbot.waitUntil(lambda: "Yesterday" in window.chat_list.delegate.texts(row))

    # The owner sets her shop's business hours in Seoul's time zone.
    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone="Asia/Seoul")))
    with qtbot.waitSignal(window.day_watch.zone_changed, timeout=5000):
        window.ctx.publish(Changes(automations=True))

    # The orders write an order placed at that moment on the shop's clock: this morning.
    orders_say = list_time(ASKED, NOW, SEOUL)
    assert plain(orders_say) == "8:30 AM"
    qtbot.waitUntil(lambda: orders_say in window.chat_list.delegate.texts(row))
    assert "Yesterday" not in window.chat_list.delegate.texts(row)
    first = window.chat.view.chat_model.index(0, 0)
    geo = window.chat.view.bubbles.geometry(first, float(window.chat.view.viewport().width()))
    assert geo.date_text == "Today"
    assert geo.time_text == orders_say
    # The search's hits and a read-aloud row write their times with the same rule.
    assert list_time(ASKED) == orders_say


@needs_tzset
def test_a_shop_with_no_zone_of_its_own_keeps_this_computers_day(
    laptop_on_utc: pytest.MonkeyPatch, qtbot: Any, window: Any
) -> None:
    from ui.formatting import list_time

    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone="UTC")))
    window.ctx.publish(Changes(automations=True))
    with window.ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지", last_inbound_at=ASKED)
        make_message(s, kim, "오늘 발송되나요?", sent_at=ASKED)
        kim_id = kim.id
    load_chats(window, qtbot)
    row = window.chat_list.model.row_for(kim_id)
    qtbot.waitUntil(lambda: "Yesterday" in window.chat_list.delegate.texts(row))
    assert list_time(ASKED) == list_time(ASKED, NOW, None) == "Yesterday"


def bubble_tooltip(view: Any, row: int) -> str:
    """The tooltip the owner sees resting the pointer on a bubble of the open chat."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

    index = view.chat_model.index(row, 0)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    geo = view.bubbles.geometry(index, float(view.viewport().width()))
    inside = geo.bubble.center().toPoint() + option.rect.topLeft()
    assert view.bubbles.helpEvent(
        QHelpEvent(QEvent.Type.ToolTip, inside, view.viewport().mapToGlobal(inside)), view, option, index
    )
    tip = str(QToolTip.text())
    QToolTip.hideText()
    return tip


@needs_tzset
@pytest.mark.parametrize(
    ("language", "note"),
    [("en", "Times on the shop's clock (Korean Time)"), ("ko", "가게 시간 기준 (한국 시간)")],
)
def test_the_chat_list_and_the_chat_say_whose_clock_their_times_are_on_where_the_laptops_differs(
    laptop_on_utc: pytest.MonkeyPatch,
    qtbot: Any,
    window: Any,
    request: pytest.FixtureRequest,
    language: str,
    note: str,
) -> None:
    if language == "ko":  # a Korean owner's: her language and her computer's locale
        request.getfixturevalue("korean")
        request.getfixturevalue("korean_locale")
    with window.ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지", last_inbound_at=ASKED)
        make_message(s, kim, "오늘 발송되나요?", sent_at=ASKED)
        kim_id = kim.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, kim_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)

    def list_tooltip() -> str:
        model = window.chat_list.model
        return str(model.index(model.position_of(kim_id), 0).data(Qt.ItemDataRole.ToolTipRole))

    assert note not in list_tooltip()  # on this computer's clock: nothing to say
    assert note not in bubble_tooltip(view, 0)

    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone="Asia/Seoul")))
    with qtbot.waitSignal(window.day_watch.zone_changed, timeout=5000):
        window.ctx.publish(Changes(automations=True))
    # The list's 8:30 AM is 23:30 on her laptop: its tooltip and the bubble's say whose clock it is.
    assert note in list_tooltip().splitlines()
    assert note in bubble_tooltip(view, 0).splitlines()


class PaintsSeen(QObject):
    """Counts the paints a widget gets: what the owner sees drawn again."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@needs_tzset
def test_the_search_hits_and_the_open_chat_are_drawn_again_at_once_on_the_shops_clock(
    laptop_on_utc: pytest.MonkeyPatch, qtbot: Any, window: Any
) -> None:
    """A hit kept saying "Yesterday" (the laptop's day) after the shop's zone was set, until the
    pointer passed over it: the list next to it already said the shop's 8:30 AM."""
    from ui.formatting import list_time

    with window.ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지", last_inbound_at=ASKED)
        make_message(s, kim, "린넨 원피스 오늘 발송되나요?", sent_at=ASKED)
        kim_id = kim.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, kim_id)
    window.open_search()
    search = window.search
    search.search_now("린넨 원피스")
    qtbot.waitUntil(lambda: len(search.model.message_hits()) == 1, timeout=5000)
    hits, bubbles = search.view.viewport(), window.chat.view.viewport()
    qtbot.waitUntil(lambda: hits.isVisible() and bubbles.isVisible())
    assert list_time(ASKED) == "Yesterday"
    hits_painted, bubbles_painted = PaintsSeen(hits), PaintsSeen(bubbles)
    # Drawn as they are now, and nothing left waiting to be drawn.
    hits.repaint()
    bubbles.repaint()
    QCoreApplication.processEvents()
    hits_painted.count = bubbles_painted.count = 0

    AutomationsStore(window.ctx.db).save(Automations(business_hours=BusinessHours(timezone="Asia/Seoul")))
    with qtbot.waitSignal(window.day_watch.zone_changed, timeout=5000):
        window.ctx.publish(Changes(automations=True))
    # Drawn again on the shop's clock, with nothing else happening to them.
    assert plain(list_time(ASKED)) == "8:30 AM"  # what a paint from now on writes
    qtbot.waitUntil(lambda: hits_painted.count > 0 and bubbles_painted.count > 0)
    # And the hit, like the list's row, says whose clock its time is on.
    tip = search.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[-1] == "Times on the shop's clock (Korean Time)"
