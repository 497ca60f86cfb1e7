"""The chat list's "Needs a person" filter: the chats the menu bot handed over that wait for the owner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QAbstractButton

from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import laid_out, load_chats, settle, sync_batch


def handed_over_chats(ctx: Any) -> dict[str, int]:
    later = datetime.now(UTC) + timedelta(hours=3)
    with ctx.db.write() as s:
        quiet = make_contact(s, profile_name="김민지")
        make_message(s, quiet, "감사합니다", sent_at=BASE_TIME, unread=False)
        waiting = make_contact(s, profile_name="박서연", bot_paused_until=later)
        make_message(s, waiting, "상담원 연결해 주세요", sent_at=BASE_TIME + timedelta(minutes=1))
        answered = make_contact(s, profile_name="이준호", bot_paused_until=later)
        make_message(s, answered, "상담원이요", sent_at=BASE_TIME + timedelta(minutes=2))
        make_message(
            s,
            answered,
            "네, 말씀하세요",
            direction="out",
            sent_by="owner",
            sent_at=BASE_TIME + timedelta(minutes=3),
        )
        return {"quiet": quiet.id, "waiting": waiting.id, "answered": answered.id}


def needing_a_person_until(window: Any, qtbot: Any, ends: datetime) -> Any:
    """One chat the bot handed over until `ends`, and the chat list filtered to "Needs a person",
    listing it; returns the chat list."""
    with window.ctx.db.write() as s:
        handed = make_contact(s, profile_name="박서연", bot_paused_until=ends)
        make_message(s, handed, "상담원 연결해 주세요", sent_at=BASE_TIME)
        handed_id = handed.id
    load_chats(window, qtbot)
    chats = window.chat_list
    action = next(a for a in chats.label_chip.menu().actions() if a.text() == "&Needs a person")
    with qtbot.waitSignal(chats.model.page_loaded):
        action.trigger()
    assert [r.contact_id for r in chats.model.rows()] == [handed_id]
    return chats


def test_needs_a_person_in_the_filter_menu_lists_only_the_chats_waiting_for_the_owner(
    window: Any, qtbot: Any
) -> None:
    ids = handed_over_chats(window.ctx)
    window.resize(1024, 700)  # the smallest window the chip row is laid out for
    load_chats(window, qtbot)
    chats = window.chat_list
    laid_out()  # the first page's texts reach the pane's width once laid out, a turn later
    pane = chats.width()
    action = next(a for a in chats.label_chip.menu().actions() if a.text() == "&Needs a person")
    with qtbot.waitSignal(chats.model.page_loaded):
        action.trigger()
    assert [r.contact_id for r in chats.model.rows()] == [ids["waiting"]]
    assert chats.label_chip.isChecked()
    assert "Needs a person" in (chats.label_chip.text(), chats.label_chip.toolTip().removesuffix(" (Ctrl+4)"))
    assert action.isChecked()
    settle(qtbot)
    laid_out()  # the chip's new, longer text widens the pane, if it does, only once laid out
    # The chip row stays inside the pane: no chip cut off, the pane not pushed wider.
    assert chats.width() == pane

    for chip in chats.findChildren(QAbstractButton, "filterChip"):
        assert chip.geometry().right() < chats.width(), chip.text()

    # The owner answers: the chat has what it waited for and leaves the filter.
    with window.ctx.db.write() as s:
        from app.models import Contact

        contact = s.get(Contact, ids["waiting"])
        make_message(
            s,
            contact,
            "네 고객님",
            direction="out",
            sent_by="owner",
            sent_at=BASE_TIME + timedelta(minutes=5),
        )
    sync_batch(window, qtbot, {ids["waiting"]})
    qtbot.waitUntil(lambda: chats.model.rowCount() == 0)
    assert chats.empty_note.isVisible()
    assert "menu bot" in chats.empty_note.text()

    # All brings every chat back, and the chip its own name.
    all_chip = next(b for b in chats.findChildren(QAbstractButton, "filterChip") if b.text() == "All")
    with qtbot.waitSignal(chats.model.page_loaded):
        all_chip.click()
    assert len(chats.model.rows()) == 3
    assert chats.label_chip.text() == "Labels"
    chats.label_chip.menu().aboutToShow.emit()  # the menu, opened again, ticks nothing
    assert not any(a.isChecked() for a in chats.label_chip.menu().actions())


def test_a_chat_stops_needing_a_person_when_the_bots_pause_ends_with_the_window_open(
    window: Any, qtbot: Any
) -> None:
    """The hand-off lasts until the bot's pause ends; then the chat is the bot's again. Nothing else
    changes at that moment, and the mark (and the filter) kept the chat until something redrew it."""
    from PySide6.QtCore import Qt

    ends = datetime.now(UTC) + timedelta(seconds=2)
    chats = needing_a_person_until(window, qtbot, ends)
    tip = chats.model.data(chats.model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert "Needs a person" in tip

    qtbot.waitUntil(lambda: chats.model.rowCount() == 0, timeout=10_000)  # the pause ended
    assert datetime.now(UTC) >= ends
    assert chats.empty_note.isVisible()


def test_a_hand_off_that_ended_while_the_laptop_slept_is_over_when_it_wakes(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """The bot handed a chat over for an hour; the lid closed and opened the next morning. A timer does
    not run while the computer sleeps: the chat stayed under "Needs a person" for up to an hour more."""
    from app import relay_clock

    ends = datetime.now(UTC) + timedelta(hours=1)
    chats = needing_a_person_until(window, qtbot, ends)

    morning = relay_clock.local_time() + 8 * 3600
    monkeypatch.setattr(relay_clock, "local_time", lambda: morning)
    window.wake_watch.timer.setInterval(20)  # rather than the next 5-second tick
    qtbot.waitUntil(lambda: chats.model.rowCount() == 0, timeout=3000)
    assert chats.empty_note.isVisible()
