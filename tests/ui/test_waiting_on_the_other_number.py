"""A shop with two numbers: a customer handed to a person at one branch who then writes to the other
(where the menu bot still answers her) keeps "Needs a person" on her one row, naming the branch's
number, stays under the Needs-a-person filter, and the owner resumes that branch's bot from her chat.
With three numbers she may wait at two or three: Resume bot's menu offers each, and all at once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from tests.support.menu_bot_relay import window_with_menu_bot
from tests.support.relay_server import inbound
from tests.support.window_waits import select_chat

CUSTOMER = "821055550000"
SEONGSU, HONGDAE, GANGNAM = "106540352242922", "106540352242933", "106540352242944"
NUMBERS = {SEONGSU: "+82 2-555-0101", HONGDAE: "+82 2-555-0202", GANGNAM: "+82 2-555-0303"}


def writes(text: str, number: str) -> dict[str, Any]:
    """Her message to one of the shop's two numbers, as Meta's webhook carries it."""
    return inbound(
        content=text,
        sender=CUSTOMER,
        name="박서연",
        phone_number_id=number,
        display_phone_number=NUMBERS[number],
    )


def row_says(index: Any, waiting: str, number: str) -> None:
    """Her row's tooltip reads `waiting` and `number` on its two lines, and its spoken text says
    `waiting`'s words after her name too."""
    assert str(index.data(Qt.ItemDataRole.ToolTipRole)).splitlines() == [waiting, number]
    assert waiting.split(" · ", 1)[1] in str(index.data(Qt.ItemDataRole.AccessibleTextRole))


def test_her_row_on_the_other_branch_says_which_branchs_chat_waits_and_its_bot_resumes_from_it(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    with window_with_menu_bot(window, tmp_path) as (relay, _graph):
        model = window.chat_list.model

        relay.post_webhook(writes("상담원 연결해 주세요", SEONGSU))
        qtbot.waitUntil(
            lambda: model.rowCount() == 1 and model.row_at(0).needs_person(datetime.now(UTC)), timeout=10000
        )
        relay.post_webhook(writes("메뉴", HONGDAE))  # the bot answers her at Hongdae with its menu

        def on_hongdae_waiting_at_seongsu() -> bool:
            row = model.row_at(0) if model.rowCount() == 1 else None
            return row is not None and row.phone_number_id == HONGDAE and row.last_sent_by == "bot"

        qtbot.waitUntil(on_hongdae_waiting_at_seongsu, timeout=10000)
        row = model.row_at(0)
        now = datetime.now(UTC)
        assert not row.needs_person(now) and row.waits_elsewhere(now)
        row_says(
            model.index(0), "박서연 · Needs a person on your number 02-555-0101", "To your number 02-555-0202"
        )
        assert window.chat_list.delegate.needs_person_mark(row)  # the row's "Needs a person" pill

        # The Needs-a-person filter lists her: Seongsu's chat still waits.
        chats = window.chat_list
        action = next(a for a in chats.label_chip.menu().actions() if a.text() == "&Needs a person")
        with qtbot.waitSignal(model.page_loaded):
            action.trigger()
        assert [r.contact_id for r in model.rows()] == [row.contact_id]
        # Seongsu's chats alone list her too (her row is on Hongdae); Hongdae's do not: its bot answers her.
        for number, listed in ((SEONGSU, [row.contact_id]), (HONGDAE, []), (None, [row.contact_id])):
            with qtbot.waitSignal(model.page_loaded):
                model.set_number(number)
            assert [r.contact_id for r in model.rows()] == listed, number

        # Opening her row shows her chat, Seongsu's messages tagged; the owner answers her there
        # (from Hongdae, where she wrote last): she has her person, and leaves the filter.
        select_chat(window, qtbot, row.contact_id)
        composer = window.chat.composer
        qtbot.waitUntil(
            lambda: composer.contact_id == row.contact_id and composer.edit.isVisible(), timeout=5000
        )
        composer.edit.insertPlainText("네 고객님, 말씀하세요")
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=10000)
        # Seongsu's bot stays off until the owner switches it back on; her own reply quiets the bot
        # at Hongdae too (the relay's rule): Resume bot offers both numbers, Hongdae's first.
        button = window.chat.resume_bot_button
        both = ["On 02-555-0202", "On 02-555-0101", "On all 2 numbers"]
        qtbot.waitUntil(lambda: button.isVisible() and button.choices() == both, timeout=10000)
        assert button.text() == "Resume bot"
        dialogs.expect("menu", answer=pick("On 02-555-0101"))
        button.click()
        qtbot.waitUntil(lambda: resumed_numbers(relay) == [SEONGSU], timeout=10000)
        qtbot.waitUntil(
            lambda: not window.chat.conversation.paused_elsewhere(datetime.now(UTC)), timeout=10000
        )
        # Hongdae's bot is still quiet after her reply: the button stays, for this chat alone.
        qtbot.waitUntil(lambda: button.menu() is None, timeout=10000)
        assert button.isVisible() and button.text() == "Resume bot"
        assert button.toolTip().startswith("You wrote in this chat, so the menu bot stays quiet here until ")
        assert not window.chat.bot_resumed_note.isVisible()


def test_with_three_numbers_her_row_names_every_number_where_she_waits(
    window: Any, qtbot: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Handed to a person at Seongsu, then at Hongdae, she writes to Gangnam: her row named only
    Hongdae (the newest hand-off) while she waited at both. Now it names both, newest first, in
    English and in Korean; the Needs-a-person filter lists her under either number."""
    with window_with_menu_bot(window, tmp_path) as (relay, _graph):
        model = window.chat_list.model

        def row_on(number: str) -> Any:
            row = model.row_at(0) if model.rowCount() == 1 else None
            return row if row is not None and row.phone_number_id == number else None

        relay.post_webhook(writes("상담원 연결해 주세요", SEONGSU))
        qtbot.waitUntil(
            lambda: (r := row_on(SEONGSU)) is not None and r.needs_person(datetime.now(UTC)), timeout=10000
        )
        relay.post_webhook(writes("상담원 연결해 주세요", HONGDAE))
        qtbot.waitUntil(
            lambda: (r := row_on(HONGDAE)) is not None and r.needs_person(datetime.now(UTC)), timeout=10000
        )
        tip = str(model.index(0).data(Qt.ItemDataRole.ToolTipRole)).splitlines()
        assert tip[0] == "박서연 · Needs a person here and on your number 02-555-0101"

        relay.post_webhook(writes("메뉴", GANGNAM))  # the bot answers her at Gangnam with its menu
        qtbot.waitUntil(lambda: (r := row_on(GANGNAM)) is not None and r.last_sent_by == "bot", timeout=10000)
        row = model.row_at(0)
        assert [h.number_id for h in row.waiting_elsewhere(datetime.now(UTC))] == [HONGDAE, SEONGSU]
        row_says(
            model.index(0),
            "박서연 · Needs a person on your numbers 02-555-0202, 02-555-0101",
            "To your number 02-555-0303",
        )
        assert window.chat_list.delegate.needs_person_mark(row)

        # Under Needs a person, each number that waits lists her; Gangnam's, where the bot answers, not.
        chats = window.chat_list
        action = next(a for a in chats.label_chip.menu().actions() if a.text() == "&Needs a person")
        with qtbot.waitSignal(model.page_loaded):
            action.trigger()
        for number, listed in ((SEONGSU, [row.contact_id]), (HONGDAE, [row.contact_id]), (GANGNAM, [])):
            with qtbot.waitSignal(model.page_loaded):
                model.set_number(number)
            assert [r.contact_id for r in model.rows()] == listed, number
        with qtbot.waitSignal(model.page_loaded):
            model.set_number(None)

        request.getfixturevalue("korean")  # the same row as a Korean owner reads it
        row_says(
            model.index(0),
            "박서연 · 매장 번호 02-555-0202, 02-555-0101에서 상담\u00a0필요",
            "매장 번호 02-555-0303",
        )


def handed_to_a_person_at(qtbot: Any, relay: Any, model: Any, numbers: tuple[str, ...]) -> None:
    """She asks for a person at each of these numbers in turn; each time her row moves there."""
    for number in numbers:
        relay.post_webhook(writes("상담원 연결해 주세요", number))
        qtbot.waitUntil(
            lambda number=number: (
                model.rowCount() == 1
                and model.row_at(0).phone_number_id == number
                and model.row_at(0).needs_person(datetime.now(UTC))
            ),
            timeout=10000,
        )


def pick(text: str) -> Any:
    """The owner's choice in Resume bot's menu: the entry reading `text`."""

    def choose(menu: QMenu) -> None:
        action = next(a for a in menu.actions() if a.text() == text)
        menu.close()
        action.trigger()

    return choose


def resumed_numbers(relay: Any) -> list[str]:
    """The numbers whose bot the relay switched back on in her chats, in order."""
    return [
        e["phone_number_id"]
        for e in relay.events()["events"]
        if e["kind"] == "contact" and "bot_paused_until" in e and e["bot_paused_until"] is None
    ]


def test_with_three_numbers_the_owner_resumes_the_older_waiting_number_first_from_the_buttons_menu(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """Waiting at Seongsu and at Hongdae while the bot answers her at Gangnam: Resume bot offered
    Hongdae (the newest) alone, Seongsu only after it. Now its menu names both, and she resumes
    Seongsu first; then the button names Hongdae, the one left."""
    with window_with_menu_bot(window, tmp_path) as (relay, _graph):
        model = window.chat_list.model
        handed_to_a_person_at(qtbot, relay, model, (SEONGSU, HONGDAE))
        relay.post_webhook(writes("메뉴", GANGNAM))  # the bot answers her at Gangnam with its menu
        qtbot.waitUntil(
            lambda: (
                model.rowCount() == 1
                and model.row_at(0).phone_number_id == GANGNAM
                and model.row_at(0).last_sent_by == "bot"
            ),
            timeout=10000,
        )
        select_chat(window, qtbot, model.row_at(0).contact_id)
        button = window.chat.resume_bot_button
        qtbot.waitUntil(button.isVisible, timeout=5000)
        assert button.text() == "Resume bot"
        assert button.choices() == ["On 02-555-0202", "On 02-555-0101", "On all 2 numbers"]
        assert (
            button.toolTip()
            == "Let the menu bot answer this customer again: choose the number (Ctrl+Shift+B)"
        )

        dialogs.expect("menu", answer=pick("On 02-555-0101"))
        button.click()  # its menu opens; she picks Seongsu's number
        qtbot.waitUntil(lambda: resumed_numbers(relay) == [SEONGSU], timeout=10000)
        # Hongdae's bot is still off: the button names it, and a click resumes it.
        qtbot.waitUntil(lambda: button.text() == "Resume bot on 02-555-0202", timeout=10000)
        assert button.isVisible() and button.menu() is None and button.choices() == []
        assert not window.chat.bot_resumed_note.isVisible()
        qtbot.waitUntil(
            lambda: [h.number_id for h in window.chat.conversation.handoffs_elsewhere] == [HONGDAE],
            timeout=10000,
        )
        assert button.text() == "Resume bot on 02-555-0202"  # the row read since offers it too
        button.click()
        qtbot.waitUntil(window.chat.bot_resumed_note.isVisible, timeout=10000)
        assert resumed_numbers(relay) == [SEONGSU, HONGDAE]
        assert not button.isVisible()
        qtbot.waitUntil(
            lambda: not window.chat.conversation.paused_elsewhere(datetime.now(UTC)), timeout=10000
        )
        assert not button.isVisible()


def test_waiting_on_all_three_numbers_a_korean_owner_resumes_them_all_at_once(
    korean: None, window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """Handed to a person at all three branches: the menu names each number, hers last-asked
    first, and "all" resumes the three; nothing is left to offer."""
    with window_with_menu_bot(window, tmp_path) as (relay, _graph):
        model = window.chat_list.model
        handed_to_a_person_at(qtbot, relay, model, (SEONGSU, HONGDAE, GANGNAM))
        select_chat(window, qtbot, model.row_at(0).contact_id)
        button = window.chat.resume_bot_button
        qtbot.waitUntil(button.isVisible, timeout=5000)
        assert button.text() == "봇 다시 켜기"
        assert button.choices() == [
            "매장 번호 02-555-0303에서",
            "매장 번호 02-555-0202에서",
            "매장 번호 02-555-0101에서",
            "번호 3개 모두에서",
        ]
        dialogs.expect("menu", answer=pick("번호 3개 모두에서"))
        qtbot.keyClick(
            window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        qtbot.waitUntil(window.chat.bot_resumed_note.isVisible, timeout=10000)
        assert sorted(resumed_numbers(relay)) == sorted([SEONGSU, HONGDAE, GANGNAM])
        assert not button.isVisible()
        assert window.chat.bot_resumed_note.text() == "메뉴 봇이 이\u00a0고객에게 다시 답해요."
        qtbot.waitUntil(lambda: not model.row_at(0).needs_person(datetime.now(UTC)), timeout=10000)
        assert not button.isVisible()
