"""The search's period: "Last 7 days" hides an old 입금, says when it hides all, and is forgotten on Esc."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.support.factories import local_noon, make_contact, make_message
from tests.support.window_waits import laid_out, load_chats, settle


def pick(window: Any, label: str) -> None:
    period = window.search.period
    at = period.findText(label)
    assert at >= 0, f"no period {label!r}"
    period.setCurrentIndex(at)


def test_last_7_days_hides_an_old_payment_and_the_count_follows(window: Any, qtbot: Any) -> None:
    now = datetime.now(UTC)
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민지")
        make_message(s, c, "입금했어요 확인 부탁드려요", sent_at=now - timedelta(days=1), unread=False)
        make_message(s, c, "작년 입금 내역이에요", sent_at=now - timedelta(days=40), unread=False)
    load_chats(window, qtbot)
    window.open_search()
    search = window.search
    assert search.period.currentText() == "All time"
    assert [search.period.itemText(i) for i in range(search.period.count())] == [
        "All time",
        "Today",
        "Last 7 days",
        "Last 30 days",
        "Last 12 months",
    ]
    search.search_now("입금")
    qtbot.waitUntil(lambda: search.status.text() == "2 results", timeout=5000)

    pick(window, "Last 7 days")  # searched again at once
    qtbot.waitUntil(lambda: search.status.text() == "1 result", timeout=5000)
    assert [hit.snippet for hit in search.model.message_hits()] == ["입금했어요 확인 부탁드려요"]
    assert search.empty_note.isHidden()

    # Today: yesterday's payment too is out of it, and the list says why it is empty.
    pick(window, "Today")
    qtbot.waitUntil(lambda: search.model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(search.empty_note.isVisible, timeout=5000)
    assert search.empty_note.text() == "No messages in this period. Choose All time to look further back."
    assert search.status.text() == ""

    # Typing another word keeps the period.
    search.search_now("입금 내역")
    settle(qtbot)
    assert search.period.currentText() == "Today" and search.empty_note.isVisible()

    # Esc closes the search; opened again, it looks at all time.
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert window.left.currentWidget() is window.chat_list
    window.open_search()
    assert search.period.currentText() == "All time"
    qtbot.waitUntil(lambda: search.status.text() == "1 result", timeout=5000)
    assert [hit.snippet for hit in search.model.message_hits()] == ["작년 입금 내역이에요"]
    assert search.empty_note.isHidden()


def test_a_customer_found_by_name_stays_whatever_the_period(window: Any, qtbot: Any) -> None:
    """Her name has no date: the chat comes up above the note that no message is in the period."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="입금왕 박씨")
        make_message(s, c, "지난달 입금했어요", sent_at=datetime.now(UTC) - timedelta(days=40), unread=False)
    load_chats(window, qtbot)
    window.open_search()
    search = window.search
    search.search_now("입금")
    qtbot.waitUntil(lambda: search.status.text() == "1 chat · 1 result", timeout=5000)
    pick(window, "Last 30 days")
    qtbot.waitUntil(lambda: search.status.text() == "1 chat", timeout=5000)
    assert [hit.display_name for hit in search.model.chat_hits()] == ["입금왕 박씨"]
    qtbot.waitUntil(search.empty_note.isVisible, timeout=5000)
    chat_row = search.view.visualRect(search.model.index(0))
    assert search.empty_note.geometry().top() > chat_row.bottom()


def test_no_results_in_all_time_still_says_no_results(window: Any, qtbot: Any) -> None:
    window.open_search()
    search = window.search
    search.search_now("없는말")
    qtbot.waitUntil(lambda: search.status.text() == "No results", timeout=5000)
    assert search.empty_note.isHidden()


@pytest.mark.parametrize("narrowest", [False, True], ids=["default", "narrowest"])
@pytest.mark.parametrize(
    "said",
    [
        "5 chats · More than 50 results",
        "채팅 5개 · 결과 50개 이상",
        "More than 5 chats · More than 50 results",
        "채팅 5개 이상 · 최근 결과 49개",
    ],
)
def test_the_count_reads_whole_on_its_own_line_in_a_narrow_list(
    window: Any, qtbot: Any, said: str, narrowest: bool
) -> None:
    """At 1366×768 the list is about 300 px wide, and no wider in the narrowest window: beside the
    scope box and the period the count wrapped mid-phrase ("3 chats · 6 / results"). On a line of its
    own under them it is one line, whole, and the list keeps its width."""
    if narrowest:
        window.resize(1, 700)  # as narrow as the window goes
        window.splitter.setSizes([0, 2000])  # and the list as narrow as it goes in it
    else:
        window.resize(1366, 768)
        window.splitter.setSizes([300, 1066])
    window.open_search()
    search = window.search
    qtbot.waitUntil(lambda: search.isVisible() and search.width() > 0)
    laid_out()  # shown, the panel has a width at once, the list's width only once laid out
    width = search.width()
    search.status.setText(said)
    qtbot.waitUntil(lambda: search.period.width() >= search.period.sizeHint().width())  # laid out again
    laid_out()  # and the levels above it too: the list would widen only then
    assert search.width() == width
    check, period, status = search.this_chat.geometry(), search.period.geometry(), search.status.geometry()
    assert check.right() < period.left() and period.right() < width
    assert status.top() > period.bottom() and status.right() < width
    assert period.width() >= search.period.sizeHint().width()
    assert search.status.shown_text() == said  # not cut, on one line
    assert status.height() >= search.status.fontMetrics().height()


def test_the_period_list_drops_down_below_the_box_not_over_the_search_field(
    window: Any, qtbot: Any, qapp: Any
) -> None:
    """Fusion opens a combo's list with the current choice over the box: with "Last 12 months"
    chosen, the list climbed over the search field. The app's one rule makes it drop below."""
    from PySide6.QtCore import QPoint

    from ui.theme import install_drop_down_combos

    before = qapp.styleSheet()
    assert install_drop_down_combos(qapp)  # the tests run in Fusion, whose lists overlap
    try:
        assert not install_drop_down_combos(qapp)  # once is enough
        load_chats(window, qtbot)
        window.open_search()
        search = window.search
        pick(window, "Last 12 months")
        search.period.showPopup()
        popup = search.period.view().window()
        qtbot.waitUntil(popup.isVisible, timeout=3000)
        box_bottom = search.period.mapToGlobal(QPoint(0, search.period.height())).y()
        field_bottom = search.field.mapToGlobal(QPoint(0, search.field.height())).y()
        assert popup.geometry().top() >= box_bottom - 1 > field_bottom
        search.period.hidePopup()
    finally:
        qapp.setStyleSheet(before)


def test_only_this_chat_means_the_chat_a_result_opened(window: Any, qtbot: Any) -> None:
    """Searched with no chat open, a result of 김민지's opened: "Only this chat" was greyed out, and
    from another chat it would have searched that one, not hers."""
    now = datetime.now(UTC)
    with window.ctx.db.write() as s:
        minji = make_contact(s, profile_name="김민지")
        make_message(s, minji, "입금했어요 확인 부탁드려요", sent_at=now - timedelta(days=1), unread=False)
        make_message(s, minji, "어제 입금한 거 확인되셨나요?", sent_at=now - timedelta(hours=2), unread=False)
        park = make_contact(s, profile_name="박서준")
        make_message(s, park, "입금은 내일 할게요", sent_at=now - timedelta(hours=1), unread=False)
        minji_id = minji.id
    load_chats(window, qtbot)
    window.open_search()
    search = window.search
    assert not search.this_chat.isEnabled()
    search.search_now("입금")
    qtbot.waitUntil(lambda: search.status.text() == "3 results", timeout=5000)
    hit = next(h for h in search.model.message_hits() if h.contact_id == minji_id)
    window.open_hit(hit, "입금")
    qtbot.waitUntil(lambda: window.chat.contact_id() == minji_id, timeout=5000)

    assert search.this_chat.isEnabled()
    search.this_chat.setChecked(True)
    qtbot.waitUntil(lambda: search.status.text() == "2 results", timeout=5000)
    assert {h.contact_id for h in search.model.message_hits()} == {minji_id}


def test_today_is_the_relays_today_on_a_laptop_two_days_slow(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """The chat names a message's day by the relay's clock (ui/day_watch.py): "Today" in the search is
    that day too, not the laptop's, which found a message from the day before yesterday."""
    from email.utils import formatdate

    from app import relay_clock

    laptop_now = local_noon()  # pinned: begun just before midnight, "Today" moved on before the search
    monkeypatch.setattr(relay_clock, "local_time", lambda: laptop_now.timestamp())
    relay_now = laptop_now + timedelta(days=2)
    relay_clock.observe(formatdate(relay_now.timestamp(), usegmt=True))
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민지")
        today = relay_now - timedelta(minutes=1)
        make_message(s, c, "오늘 입금했어요", sent_at=today, unread=False)
        make_message(s, c, "그저께 입금 내역이에요", sent_at=relay_now - timedelta(hours=36), unread=False)
    load_chats(window, qtbot)
    window.open_search()
    search = window.search
    pick(window, "Today")
    search.search_now("입금")
    qtbot.waitUntil(lambda: bool(search.status.text()), timeout=5000)
    assert search.status.text() == "1 result"
    assert [hit.snippet for hit in search.model.message_hits()] == ["오늘 입금했어요"]
