"""The owner's own reply keeps the relay's menu bot quiet in that chat for a while: the chat header
says so with Resume bot, which wakes the bot for the customer's next tap, and goes by itself when
the quiet ends or the bot is switched off."""

from __future__ import annotations

import dataclasses
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app import relay_clock
from app.models import Message
from tests.support.factories import make_contact, make_message
from tests.support.menu_bot_relay import window_with_menu_bot
from tests.support.relay_server import PHONE_NUMBER_ID, inbound
from tests.support.window_waits import laid_out, load_chats, select_chat, settle
from ui.formatting import clock_time, coming_time

CUSTOMER = "447700900866"
RETURNS = {"type": "list_reply", "list_reply": {"id": "menu:returns", "title": "교환·반품"}}


def writes(relay: Any, content: Any = "메뉴", kind: str = "text") -> None:
    relay.post_webhook(inbound(kind, content, sender=CUSTOMER, name="Ben Carter"))


def shown_the_menu(window: Any, qtbot: Any, relay: Any) -> None:
    """She asks for the menu, the bot shows it, and the owner opens her chat."""
    model = window.chat_list.model
    writes(relay)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.row_at(0).last_sent_by == "bot", timeout=10000)
    select_chat(window, qtbot, model.row_at(0).contact_id)
    settle(qtbot)
    assert not window.chat.resume_bot_button.isVisible()  # the bot answers her


def owner_answers(window: Any, qtbot: Any, text: str) -> datetime:
    """The owner answers from the composer; once it went, Resume bot shows. Her reply's time."""
    composer = window.chat.composer
    composer.edit.insertPlainText(text)
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(window.chat.resume_bot_button.isVisible, timeout=10000)
    with window.ctx.db.read() as s:
        sent_at = s.scalar(select(func.max(Message.sent_at)).where(Message.body == text))
    assert sent_at is not None
    return sent_at


def resumed_numbers(relay: Any) -> list[str | None]:
    return [
        e["phone_number_id"]
        for e in relay.events()["events"]
        if e["kind"] == "contact" and "bot_paused_until" in e and e["bot_paused_until"] is None
    ]


def test_her_reply_quiets_the_bot_and_resume_bot_wakes_it_for_the_customers_next_tap(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    with window_with_menu_bot(window, tmp_path) as (relay, graph):
        shown_the_menu(window, qtbot, relay)
        chat = window.chat
        button, quiet, resumed = chat.resume_bot_button, chat.bot_quiet_note, chat.bot_resumed_note
        sent_at = owner_answers(window, qtbot, "I'll look it up for you myself")
        until = coming_time(sent_at + timedelta(hours=12))  # the bot's pause_hours
        assert button.text() == "Resume bot"
        assert quiet.isVisible() and quiet.text() == f"Bot quiet until {until}"
        assert button.toolTip() == (
            f"You wrote in this chat, so the menu bot stays quiet here until {until}. "
            "Let it answer this customer again. (Ctrl+Shift+B)"
        )
        assert not resumed.isVisible()

        # Her tap on the menu shown before waits for the owner: the bot says nothing.
        writes(relay, RETURNS, "interactive")
        model = window.chat_list.model
        qtbot.waitUntil(lambda: model.row_at(0).last_direction == "in", timeout=10000)
        qtbot.waitUntil(relay.automations_done, timeout=10000)
        assert len(graph.sent) == 2  # the bot's menu and the owner's reply
        assert button.isVisible()

        button.click()
        qtbot.waitUntil(resumed.isVisible, timeout=10000)
        assert resumed.text() == "The menu bot answers this customer again."
        assert not button.isVisible() and not quiet.isVisible()
        assert resumed_numbers(relay) == [PHONE_NUMBER_ID]

        # Her next tap gets the bot's answer again.
        writes(relay, RETURNS, "interactive")
        qtbot.waitUntil(lambda: len(graph.sent) == 3, timeout=10000)
        assert graph.sent[-1]["type"] == "interactive"
        qtbot.waitUntil(lambda: model.row_at(0).last_sent_by == "bot", timeout=10000)

        # Opened again later, the chat knows the resume came after her reply: no button.
        contact_id = model.row_at(0).contact_id
        chat.close_chat()
        select_chat(window, qtbot, contact_id)
        settle(qtbot)
        assert not button.isVisible() and not quiet.isVisible()


def test_resume_in_a_handed_over_chat_the_owner_answered_ends_both_pauses_at_once(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Handed to a person, then answered by the owner: one Resume bot wakes the bot, and the
    owner's reply does not bring the button back while the relay's word is on its way."""
    with window_with_menu_bot(window, tmp_path) as (relay, _graph):
        model = window.chat_list.model
        writes(relay, "상담원 연결해 주세요")
        qtbot.waitUntil(
            lambda: model.rowCount() == 1 and model.row_at(0).needs_person(relay_clock.now()), timeout=10000
        )
        select_chat(window, qtbot, model.row_at(0).contact_id)
        chat = window.chat
        button = chat.resume_bot_button
        qtbot.waitUntil(button.isVisible, timeout=10000)
        chat.composer.edit.insertPlainText("Hello, how can I help?")
        qtbot.keyClick(chat.composer.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: (
                model.row_at(0).last_body == "Hello, how can I help?"
                and model.row_at(0).last_status in ("sent", "delivered", "read")
            ),
            timeout=10000,
        )
        settle(qtbot)
        assert button.isVisible() and not chat.bot_quiet_note.isVisible()  # handed over: no quiet note
        button.click()
        qtbot.waitUntil(chat.bot_resumed_note.isVisible, timeout=10000)
        # The row as the relay's event leaves it, before her reply's quiet is read again.
        chat.set_conversation(dataclasses.replace(model.row_at(0), bot_paused_until=None))
        assert not button.isVisible() and chat.bot_resumed_note.isVisible()
        qtbot.waitUntil(lambda: not model.row_at(0).needs_person(relay_clock.now()), timeout=10000)
        settle(qtbot)
        assert not button.isVisible()
        assert resumed_numbers(relay) == [PHONE_NUMBER_ID]


def test_resume_bot_goes_by_itself_when_the_quiet_ends(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The laptop slept through most of the twelve hours: on waking, the button waits for the
    quiet's last seconds, then goes, as the relay's bot answers her again."""
    with window_with_menu_bot(window, tmp_path) as (relay, _graph):
        shown_the_menu(window, qtbot, relay)
        button, quiet = window.chat.resume_bot_button, window.chat.bot_quiet_note
        sent_at = owner_answers(window, qtbot, "Back in a minute")
        ends = sent_at + timedelta(hours=12)
        woke = time.monotonic()
        monkeypatch.setattr(
            relay_clock, "now", lambda: ends - timedelta(seconds=2 - (time.monotonic() - woke))
        )
        window.chat.recheck_bot_quiet()  # as the window does when the laptop wakes
        qtbot.waitUntil(lambda: not button.isVisible(), timeout=10000)
        assert relay_clock.now() >= ends
        assert not quiet.isVisible() and not window.chat.bot_resumed_note.isVisible()


def test_a_korean_owner_reads_the_quiet_and_switching_the_bot_off_takes_the_button_away(
    korean: None, window: Any, qtbot: Any, tmp_path: Path
) -> None:
    with window_with_menu_bot(window, tmp_path) as (relay, _graph):
        shown_the_menu(window, qtbot, relay)
        button, quiet = window.chat.resume_bot_button, window.chat.bot_quiet_note
        sent_at = owner_answers(window, qtbot, "제가 직접 도와드릴게요")
        until = coming_time(sent_at + timedelta(hours=12))
        assert button.text() == "봇 다시 켜기"
        assert quiet.text() == f"{until}까지 봇이 쉬어요"
        assert button.toolTip().startswith(
            f"사장님이 이\u00a0채팅에 메시지를 보내서 {until}까지 이\u00a0채팅에서는 메뉴 봇이 답하지 않아요."
        )

        # The bot switched off (here or on another computer): it is not quiet, it is off.
        bot = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()["bot"]
        relay.put_rules(bot={**bot, "enabled": False})
        qtbot.waitUntil(lambda: not button.isVisible(), timeout=10000)
        assert not quiet.isVisible()
        composer = window.chat.composer
        composer.edit.insertPlainText("감사합니다")
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
        row = window.chat_list.model.row_at
        qtbot.waitUntil(
            lambda: row(0).last_body == "감사합니다" and row(0).last_status in ("sent", "delivered", "read"),
            timeout=10000,
        )
        settle(qtbot)
        assert not button.isVisible()


def test_the_quiets_end_reads_as_a_time_today_then_tomorrow_then_with_its_day(korean: None) -> None:
    noon = datetime.now().astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
    today, tomorrow, later = noon + timedelta(hours=3), noon + timedelta(hours=20), noon + timedelta(days=3)
    assert coming_time(today, noon) == clock_time(today)
    assert coming_time(tomorrow, noon) == f"내일 {clock_time(tomorrow)}"
    assert coming_time(later, noon).endswith(f" {clock_time(later)}")
    assert "내일" not in coming_time(later, noon)


def test_the_quiet_note_fits_the_header_beside_resume_bot_without_squeezing_the_chat_list(
    korean: None, window: Any, qtbot: Any
) -> None:
    """A narrow window (1066 pixels, narrower than a 1366-pixel laptop's) with the contact panel
    open: the note beside Resume bot wraps within the header and takes no room from the chat list."""
    window.resize(1066, 666)
    with window.ctx.db.write() as s:
        contact = make_contact(s, wa_id="821075849916", profile_name="최민준")
        make_message(s, contact, "교환하고 싶어요")
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    window.toggle_contact_panel()
    settle(qtbot)
    button, note = window.chat.resume_bot_button, window.chat.bot_quiet_note
    button.setVisible(True)
    settle(qtbot)
    laid_out()
    sizes = window.splitter.sizes()
    until = datetime.now().astimezone().replace(hour=23, minute=45) + timedelta(days=3)  # its day said too
    note.setText(f"{coming_time(until)}까지 봇이 쉬어요")
    note.setVisible(True)
    qtbot.waitUntil(lambda: note.isVisible() and note.width() > 0, timeout=3000)
    settle(qtbot)
    laid_out()
    # The chat list, the chat and the contact panel keep their widths: the note took the header's room.
    assert window.splitter.sizes() == sizes
    view = window.chat_list.view
    first = view.model().index(0, 0)
    qtbot.waitUntil(lambda: view.visualRect(first).width() == view.viewport().width(), timeout=3000)
    assert not view.horizontalScrollBar().isVisible()
    assert note.heightForWidth(note.width()) <= note.height()  # all of it readable, not cut
