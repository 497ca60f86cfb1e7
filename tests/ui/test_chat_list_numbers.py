"""The chat list's number chip: a shop with two WhatsApp numbers lists one number's chats, and keeps the choice."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton

from app.business_numbers import remember_business_numbers
from app.changes import Changes
from app.models import Contact
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.held_reads import hold_first_read
from tests.support.window_waits import laid_out, load_chats, select_chat, settle, sync_batch
from ui.chat_list import ChatList

GANGNAM, HONGDAE = "100000000000001", "100000000000002"


def two_branches(ctx: Any, *, numbers: int = 2) -> dict[str, int]:
    with ctx.db.write() as s:
        seen = {(GANGNAM, "+82 2-555-0101"), (HONGDAE, "+82 2-555-0202")}
        remember_business_numbers(s, sorted(seen)[:numbers])
        ids = {}
        for minute, (name, number, unread) in enumerate(
            (
                ("김민지", GANGNAM, True),
                ("박서연", GANGNAM, False),
                ("이준호", HONGDAE, True),
                ("최유진", HONGDAE, False),
            )
        ):
            contact = make_contact(s, profile_name=name, phone_number_id=number)
            make_message(
                s, contact, "안녕하세요", unread=unread, sent_at=BASE_TIME + timedelta(minutes=minute)
            )
            ids[name] = contact.id
        return ids


def shown(chats: ChatList) -> list[str]:
    return [r.display_name for r in chats.model.rows()]


def number_action(chats: ChatList, text: str) -> QAction:
    return next(a for a in chats.number_chip.menu().actions() if a.text() == text)


def pick(chats: ChatList, qtbot: Any, text: str) -> None:
    with qtbot.waitSignal(chats.model.page_loaded):
        number_action(chats, text).trigger()
    settle(qtbot)  # the choice is written too


def test_a_one_number_shop_sees_no_number_chip(window: Any, qtbot: Any) -> None:
    two_branches(window.ctx, numbers=1)
    load_chats(window, qtbot)
    assert not window.chat_list.number_chip.isVisible()
    assert len(shown(window.chat_list)) == 4
    # Nothing new on screen: the chats start right under the filter chips' row, as they did.
    laid_out()
    chips = window.chat_list.findChildren(QAbstractButton, "filterChip")
    under_chips = max(chip.geometry().bottom() for chip in chips if chip.isVisible()) + 1
    assert window.chat_list.view.y() == under_chips + 6  # the chips row's own bottom margin


def test_the_owner_lists_one_numbers_chats_with_unread_and_back_to_all(window: Any, qtbot: Any) -> None:
    two_branches(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    chip = chats.number_chip
    qtbot.waitUntil(chip.isVisible)
    assert chip.text() == "All numbers"
    assert not chip.isChecked()
    # The numbers as the chat's header writes them ("To your number 02-555-0202"), in the shop's region.
    assert [a.text() for a in chip.menu().actions() if a.isCheckable()] == [
        "All numbers",
        "02-555-0101",
        "02-555-0202",
    ]
    pick(chats, qtbot, "02-555-0202")
    assert shown(chats) == ["최유진", "이준호"]
    assert chip.isChecked() and chip.text() == "02-555-0202"
    assert chip.accessibleName() == "Chats to your number 02-555-0202"
    unread = next(b for b in chats.findChildren(QAbstractButton, "filterChip") if b.text() == "Unread")
    with qtbot.waitSignal(chats.model.page_loaded):
        unread.click()
    assert shown(chats) == ["이준호"]  # unread, and to Hongdae: both
    pick(chats, qtbot, "All numbers")
    assert shown(chats) == ["이준호", "김민지"]
    assert not chip.isChecked() and chip.accessibleName() == "Chats to all your numbers"


def test_the_number_combines_with_a_label(window: Any, qtbot: Any) -> None:
    ids = two_branches(window.ctx)
    from sqlalchemy import select

    from app.models import Label
    from app.queries import set_label

    with window.ctx.db.write() as s:
        paid = s.scalars(select(Label.id).where(Label.name == "Paid")).one()
        set_label(s, ids["박서연"], paid, True)
        set_label(s, ids["최유진"], paid, True)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(lambda: chats.number_chip.isVisible() and bool(chats.labels))
    pick(chats, qtbot, "02-555-0101")
    label = next(a for a in chats.label_chip.menu().actions() if a.data() == paid)
    with qtbot.waitSignal(chats.model.page_loaded):
        label.trigger()
    assert shown(chats) == ["박서연"]


def test_a_synced_chat_to_the_other_number_stays_out_of_the_list(window: Any, qtbot: Any) -> None:
    ids = two_branches(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    pick(chats, qtbot, "02-555-0101")
    with window.ctx.db.write() as s:
        make_message(
            s, s.get(Contact, ids["최유진"]), "배송 언제 되나요?", sent_at=BASE_TIME + timedelta(hours=1)
        )
        make_message(s, s.get(Contact, ids["박서연"]), "입금했어요", sent_at=BASE_TIME + timedelta(hours=2))
    sync_batch(window, qtbot, {ids["최유진"], ids["박서연"]})
    assert shown(chats) == ["박서연", "김민지"]


def test_the_choice_is_remembered_for_the_next_start(window: Any, qtbot: Any) -> None:
    two_branches(window.ctx)
    load_chats(window, qtbot)
    qtbot.waitUntil(window.chat_list.number_chip.isVisible)
    pick(window.chat_list, qtbot, "02-555-0202")

    again = ChatList(window.ctx)  # as the window builds it at the next start
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.model.page_loaded):
        again.load()
    assert shown(again) == ["최유진", "이준호"]
    assert again.number_chip.text() == "02-555-0202"
    settle(qtbot)


def test_a_chat_to_the_other_number_opened_from_elsewhere_lists_that_numbers_chats(
    window: Any, qtbot: Any
) -> None:
    """A notification for a customer of the other branch, clicked while one number's chats are
    listed: the list switches to that number (it went to All numbers, the owner's one-number view
    gone), and says what still waits on the first."""
    ids = two_branches(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    pick(chats, qtbot, "02-555-0101")
    with window.ctx.db.read() as s:
        from app.queries import conversations_by_id

        (hongdae,) = conversations_by_id(s, [ids["이준호"]])
    chats.reveal(hongdae)  # a notification, a search hit
    qtbot.waitUntil(lambda: chats.current_contact() == ids["이준호"])
    assert chats.number_chip.text() == "02-555-0202"
    assert shown(chats) == ["최유진", "이준호"]
    assert chats.other_unread.text() == "02-555-0101: 1 unread"
    settle(qtbot)


def test_a_chat_on_no_number_opened_from_elsewhere_lists_every_number(window: Any, qtbot: Any) -> None:
    two_branches(window.ctx)
    with window.ctx.db.write() as s:  # known only from a phone export: on no number
        exported = make_contact(s, profile_name="한지민")
        make_message(s, exported, "지난번 주문 건이요", unread=False, sent_at=BASE_TIME - timedelta(days=1))
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    pick(chats, qtbot, "02-555-0101")
    with window.ctx.db.read() as s:
        from app.queries import conversations_by_id

        (row,) = conversations_by_id(s, [exported.id])
    chats.reveal(row)
    qtbot.waitUntil(lambda: chats.current_contact() == exported.id)
    assert chats.number_chip.text() == "All numbers"
    settle(qtbot)


def test_the_chip_is_a_named_tab_stop_after_the_filter_chips_and_fits_the_pane(
    window: Any, qtbot: Any
) -> None:
    two_branches(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    pick(chats, qtbot, "02-555-0202")
    laid_out()
    chip = chats.number_chip
    assert chip.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Tab from the filter chips (a group: Tab stops at the picked one) comes to the number chip.
    window.activateWindow()
    all_chip = next(b for b in chats.findChildren(QAbstractButton, "filterChip") if b.text() == "All")
    all_chip.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(all_chip.hasFocus)
    qtbot.keyClick(all_chip, Qt.Key.Key_Tab)
    qtbot.waitUntil(chip.hasFocus)
    assert chip.accessibleName() and chip.accessibleDescription()
    assert chip.geometry().right() < chats.width()
    window.ctx.publish(Changes(all_contacts=True))  # a new number learnt: the one shown stays
    settle(qtbot)
    assert chip.text() == "02-555-0202" and shown(chats) == ["최유진", "이준호"]


def test_an_empty_list_of_one_number_says_which_number_it_is_of(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        remember_business_numbers(s, [(GANGNAM, "+82 2-555-0101"), (HONGDAE, "+82 2-555-0202")])
        contact = make_contact(s, profile_name="김민지", phone_number_id=GANGNAM)
        make_message(s, contact, "안녕하세요", unread=False)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    pick(chats, qtbot, "02-555-0202")
    assert chats.empty_note.isVisible()
    assert "No chats to your number 02-555-0202 yet" in chats.empty_note.text()
    unread = next(b for b in chats.findChildren(QAbstractButton, "filterChip") if b.text() == "Unread")
    with qtbot.waitSignal(chats.model.page_loaded):
        unread.click()
    assert chats.empty_note.text().startswith("Chats to your number 02-555-0202 only.")


def test_a_search_from_one_numbers_list_finds_in_its_chats_until_the_box_is_unticked(
    window: Any, qtbot: Any
) -> None:
    ids = two_branches(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    pick(chats, qtbot, "02-555-0202")
    chats.search_typed.emit("안녕하세요")  # typed in the list's search field
    search = window.search
    assert window.left.currentWidget() is search
    qtbot.waitUntil(lambda: not search.searching and len(search.model.message_hits()) == 2, timeout=5000)
    assert {h.contact_id for h in search.model.message_hits()} == {ids["이준호"], ids["최유진"]}
    box = search.this_number
    assert box.isVisible() and box.isChecked()
    assert box.text() == "Only to and from your &number 02-555-0202"
    box.setChecked(False)  # every number's
    qtbot.waitUntil(lambda: len(search.model.message_hits()) == 4, timeout=5000)
    window.close_search()
    pick(chats, qtbot, "All numbers")
    window.open_search()
    assert not search.this_number.isVisible()
    settle(qtbot)


def test_a_start_from_the_first_page_shows_the_remembered_number_and_pages_on_in_it(
    ctx: Any, qtbot: Any
) -> None:
    from app.business_numbers import show_number
    from app.first_page import read_first_page
    from app.settings import load_preferences, save_preferences

    ids = two_branches(ctx)
    with ctx.db.write() as s:
        save_preferences(s, load_preferences(s).replace(setup_done=True))
        show_number(s, HONGDAE)
    first = read_first_page(ctx.db.path, 100)
    assert first is not None
    chats = ChatList(ctx)
    qtbot.addWidget(chats)
    chats.show_first_page(first.rows, first.numbers)  # painted before the database layer loads
    assert shown(chats) == ["최유진", "이준호"]
    assert chats.number_chip.isVisibleTo(chats) and not chats.number_chip.isEnabled()
    assert chats.number_chip.text() == "02-555-0202"
    assert chats.delegate.number_tags == {}  # one number's chats: its rows say no number
    chats.database_ready()
    settle(qtbot)
    assert chats.number_chip.isEnabled() and chats.number_chip.text() == "02-555-0202"
    # A chat to Gangnam that writes meanwhile does not slip into Hongdae's list.
    with ctx.db.write() as s:
        make_message(s, s.get(Contact, ids["김민지"]), "입금했어요", sent_at=BASE_TIME + timedelta(hours=3))
    ctx.publish(Changes.for_contacts({ids["김민지"]}))
    settle(qtbot)
    assert shown(chats) == ["최유진", "이준호"]


def test_one_numbers_list_counts_its_archived_chats_and_says_what_waits_on_the_other_number(
    window: Any, qtbot: Any
) -> None:
    ids = two_branches(window.ctx)  # 김민지 (Gangnam) and 이준호 (Hongdae) wrote and wait unread
    with window.ctx.db.write() as s:
        kept = make_contact(s, profile_name="정하늘", phone_number_id=HONGDAE, archived=True)
        make_message(s, kept, "교환 되나요?", sent_at=BASE_TIME + timedelta(hours=1))
    window.ctx.prefs["keep_archived"] = True  # an archived chat that writes stays archived
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    assert chats.archived_chip.text() == "Archived 1"
    assert not chats.other_unread.isVisible()  # every number is listed: nothing is left out

    pick(chats, qtbot, "02-555-0101")
    # Gangnam's Archived lists none: its chip says none; Hongdae's unread message is said beside.
    assert chats.archived_chip.text() == "Archived"
    assert chats.other_unread.isVisible()
    assert chats.other_unread.text() == "02-555-0202: 1 unread"
    laid_out()  # beside the chip, whole, in a narrow window's pane
    assert chats.other_unread.geometry().right() < chats.numbers_row.width()
    # The title and the tray count every number's (a message to Hongdae must not go unseen).
    assert window.windowTitle().startswith("(2) ")
    assert window.notifier.unread_tooltip(2, chats.unread_per_number()).splitlines()[1:] == [
        "To your number 02-555-0101: 1",
        "To your number 02-555-0202: 1",
    ]

    with qtbot.waitSignal(chats.model.page_loaded):
        chats.other_unread.click()  # lists Hongdae's chats
    settle(qtbot)
    assert chats.number_chip.text() == "02-555-0202"
    assert shown(chats) == ["최유진", "이준호"]
    assert chats.archived_chip.text() == "Archived 1"
    assert chats.other_unread.text() == "02-555-0101: 1 unread"

    with window.ctx.db.write() as s:  # Gangnam's customer is answered: nothing waits there
        from app.queries import mark_read

        mark_read(s, ids["김민지"])
    window.ctx.publish(Changes.for_contacts({ids["김민지"]}))
    qtbot.waitUntil(lambda: not chats.other_unread.isVisible())
    settle(qtbot)


@pytest.mark.usefixtures("korean")
def test_a_korean_owner_reads_her_number_with_its_particle(window: Any, qtbot: Any) -> None:
    """The number says its particle (로 after 이, 으로 after 영): "매장 번호 02-555-0200(으)로 온 채팅만"
    read as a form to fill in."""
    with window.ctx.db.write() as s:
        remember_business_numbers(s, [(GANGNAM, "+82 2-555-0100"), (HONGDAE, "+82 2-555-0202")])
        contact = make_contact(s, profile_name="김민지", phone_number_id=GANGNAM)
        make_message(s, contact, "안녕하세요", unread=True)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    pick(chats, qtbot, "02-555-0202")
    assert chats.number_chip.toolTip() == "매장 번호 02-555-0202로 온 채팅만 보여 주고 있어요 (Ctrl+5)"
    assert chats.number_chip.accessibleName() == "매장 번호 02-555-0202로 온 채팅"
    assert chats.empty_note.text().startswith("매장 번호 02-555-0202로 온 채팅이 아직 없어요.")
    qtbot.waitUntil(chats.other_unread.isVisible)
    assert chats.other_unread.toolTip().startswith("매장 번호 02-555-0100으로 온 읽지 않은 메시지: 1개.")
    assert chats.other_unread.text() == "02-555-0100: 읽지 않음 1"  # the number first, as in English
    pick(chats, qtbot, "02-555-0100")
    assert chats.number_chip.toolTip() == "매장 번호 02-555-0100으로 온 채팅만 보여 주고 있어요 (Ctrl+5)"


def painted_texts(chats: ChatList, qtbot: Any) -> dict[str, list[str]]:
    """Each listed chat's name → the texts its row is painted with (once the list has painted)."""
    chats.view.viewport().repaint()
    qtbot.waitUntil(lambda: bool(chats.delegate.texts(chats.model.row_at(0))))
    return {row.display_name: chats.delegate.texts(row) for row in chats.model.rows()}


def test_in_all_numbers_each_row_says_its_number_and_one_numbers_list_does_not(
    window: Any, qtbot: Any
) -> None:
    two_branches(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    # Every number's chats together: each row is tagged with its number's last four digits, beside
    # its time, so the owner sees which branch's customer it is before she answers.
    texts = painted_texts(chats, qtbot)
    assert "0101" in texts["김민지"] and "0202" not in texts["김민지"]
    assert "0202" in texts["이준호"] and "0101" not in texts["이준호"]
    # A screen reader hears the whole number.
    assert chats.model.row_at(0).display_name == "최유진"
    spoken = chats.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "To your number 02-555-0202" in spoken
    # One number's chats: every row is on it, so no row says it (they look as they always did).
    pick(chats, qtbot, "02-555-0202")
    texts = painted_texts(chats, qtbot)
    assert set(texts) == {"이준호", "최유진"}
    assert all("0202" not in said for said in texts.values())
    pick(chats, qtbot, "All numbers")
    assert "0101" in painted_texts(chats, qtbot)["박서연"]
    # And painted: the list without its tags looks otherwise.
    tagged = chats.view.viewport().grab().toImage()
    tags, chats.delegate.number_tags = chats.delegate.number_tags, {}
    assert chats.view.viewport().grab().toImage() != tagged
    chats.delegate.number_tags = tags
    assert chats.view.viewport().grab().toImage() == tagged


def test_a_one_number_shops_rows_say_no_number(window: Any, qtbot: Any) -> None:
    two_branches(window.ctx, numbers=1)
    load_chats(window, qtbot)
    texts = painted_texts(window.chat_list, qtbot)
    assert len(texts) == 4
    assert not any(tag in said for said in texts.values() for tag in ("0101", "0202"))


def painted_hit(search: Any, row: int) -> Any:
    """The search result at `row` as its view paints it, 400 pixels wide."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

    image = QImage(400, 80, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 400, 80)  # type: ignore[attr-defined]
    option.palette = QApplication.palette()  # type: ignore[attr-defined]
    search.view.itemDelegate().paint(painter, option, search.model.index(row))
    painter.end()
    return image


def test_search_results_from_every_number_say_each_hits_number(window: Any, qtbot: Any) -> None:
    from ui.search_results import number_tag

    two_branches(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    chats.search_typed.emit("안녕하세요")  # All numbers listed: the search is of every number's chats
    search = window.search
    qtbot.waitUntil(lambda: not search.searching and len(search.model.message_hits()) == 4, timeout=5000)
    model = search.model
    tags = {hit.contact_name: number_tag(hit, model.number_tags) for hit in model.message_hits()}
    assert tags == {"김민지": "0101", "박서연": "0101", "이준호": "0202", "최유진": "0202"}
    first = model.index(0)
    assert model.hits[0].contact_name == "최유진"
    assert "(Came in on your number 02-555-0202)" in first.data(Qt.ItemDataRole.AccessibleTextRole)
    tagged = painted_hit(search, 0)
    model.number_tags = {}
    assert painted_hit(search, 0) != tagged  # the tag is painted on the hit's first line
    # A chat found by its name says its number too.
    window.close_search()
    chats.search_typed.emit("이준")
    qtbot.waitUntil(lambda: not search.searching and bool(search.model.chat_hits()), timeout=5000)
    chat = search.model.chat_hits()[0]
    assert number_tag(chat, search.model.number_tags) == "0202"
    assert (
        search.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole) == "이준호, To your number 02-555-0202"
    )
    # Searching one number's chats, every hit is on it: none says it, as its list's rows do not.
    window.close_search()
    pick(chats, qtbot, "02-555-0202")
    chats.search_typed.emit("안녕하세요")
    qtbot.waitUntil(lambda: not search.searching and len(search.model.message_hits()) == 2, timeout=5000)
    assert search.model.number_tags == {}
    assert "To your number" not in search.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    settle(qtbot)


def test_switching_the_number_repaints_the_tags_once_its_rows_are_in(window: Any, qtbot: Any) -> None:
    two_branches(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    assert "0101" in painted_texts(chats, qtbot)["김민지"]
    # The owner picks one number: while its page is read, the rows shown are still every number's,
    # and they keep their tags (they lost them, then the new page came: the tags flickered).
    with qtbot.waitSignal(chats.model.page_loaded):
        number_action(chats, "02-555-0202").trigger()
        assert [r.display_name for r in chats.model.rows()] == ["최유진", "이준호", "박서연", "김민지"]
        chats.view.viewport().repaint()
        assert "0101" in chats.delegate.texts(chats.model.row_at(3))
    texts = painted_texts(chats, qtbot)
    assert set(texts) == {"이준호", "최유진"} and all("0202" not in said for said in texts.values())
    # And back to every number: one number's rows stay untagged until every number's are in.
    with qtbot.waitSignal(chats.model.page_loaded):
        number_action(chats, "All numbers").trigger()
        chats.view.viewport().repaint()
        assert all("0202" not in chats.delegate.texts(r) for r in chats.model.rows())
    assert "0101" in painted_texts(chats, qtbot)["박서연"]


def test_a_customer_who_wrote_to_both_numbers_is_found_by_each_message_on_its_own_number(
    window: Any, qtbot: Any
) -> None:
    """김민지 asked Gangnam, then Hongdae, about a pickup: her one chat is Hongdae's now. Each hit says
    the number its message came on, and the Gangnam list's search finds what she wrote to Gangnam."""
    from ui.search_results import number_tag

    ids = two_branches(window.ctx)
    with window.ctx.db.write() as s:
        minji = s.get(Contact, ids["김민지"])
        assert minji is not None
        later = BASE_TIME + timedelta(hours=1)
        to_gangnam = make_message(s, minji, "강남점 픽업 돼요?", phone_number_id=GANGNAM, sent_at=later).id
        answer = make_message(
            s, minji, "네 강남점 픽업 돼요", direction="out", phone_number_id=GANGNAM,
            sent_at=later + timedelta(minutes=1),
        ).id  # fmt: skip
        to_hongdae = make_message(
            s, minji, "홍대점도 픽업 돼요?", phone_number_id=HONGDAE, sent_at=later + timedelta(minutes=2)
        ).id
        minji.phone_number_id = HONGDAE
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(chats.number_chip.isVisible)
    chats.search_typed.emit("픽업")  # All numbers listed: every number's messages, each saying its own
    search = window.search
    qtbot.waitUntil(lambda: not search.searching and len(search.model.message_hits()) == 3, timeout=5000)
    model = search.model
    hits = {hit.message_id: hit for hit in model.message_hits()}
    assert {mid: number_tag(hit, model.number_tags) for mid, hit in hits.items()} == {
        to_gangnam: "0101",
        answer: "0101",
        to_hongdae: "0202",
    }
    said = {
        model.hits[row].message_id: model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
        for row in range(3)
    }
    assert "(Came in on your number 02-555-0101)" in said[to_gangnam]
    assert "(Sent from your number 02-555-0101)" in said[answer]
    assert "(Came in on your number 02-555-0202)" in said[to_hongdae]
    row = next(row for row in range(3) if model.hits[row].message_id == to_gangnam)
    tagged = painted_hit(search, row)
    model.hits[row] = replace(hits[to_gangnam], business_number="+82 2-555-0202")
    assert painted_hit(search, row) != tagged  # the message's own number is the one painted
    model.hits[row] = hits[to_gangnam]
    # The Gangnam list's search: what she wrote to Gangnam and its answer, though her chat is Hongdae's.
    window.close_search()
    pick(chats, qtbot, "02-555-0101")
    assert "김민지" not in shown(chats)
    chats.search_typed.emit("픽업")
    qtbot.waitUntil(lambda: not search.searching and len(search.model.message_hits()) == 2, timeout=5000)
    assert {hit.message_id for hit in search.model.message_hits()} == {to_gangnam, answer}
    window.open_hit(search.model.message_hits()[-1], "픽업")
    qtbot.waitUntil(lambda: window.chat.contact_id() == ids["김민지"], timeout=5000)
    # In her chat alone (Hongdae's), the hits on Gangnam say so, as their bubbles do; Hongdae's not.
    assert search.this_chat.isEnabled() and search.this_number.isEnabled()
    search.this_chat.setChecked(True)
    assert not search.this_number.isEnabled()  # ticked still, it does not apply: her chat holds both
    qtbot.waitUntil(lambda: not search.searching and len(search.model.message_hits()) == 3, timeout=5000)
    model = search.model
    assert {hit.message_id: number_tag(hit, model.number_tags) for hit in model.message_hits()} == {
        to_gangnam: "0101",
        answer: "0101",
        to_hongdae: "",
    }
    search.this_chat.setChecked(False)
    assert search.this_number.isEnabled()
    settle(qtbot)


def test_one_chats_search_retags_its_hits_when_she_writes_to_the_other_number(
    window: Any, qtbot: Any
) -> None:
    """Her chat searched alone tags the hits on the number other than her chat's. She then writes to
    Gangnam, which makes her chat Gangnam's: the hits shown kept the tags of before (Gangnam's
    tagged, Hongdae's not) while her bubbles said the opposite."""
    from app.sync_apply import apply_events
    from app.wire import read_event
    from tests.support.wire_events import T0, message_event
    from ui.search_results import number_tag

    ids = two_branches(window.ctx)
    with window.ctx.db.write() as s:
        minji = s.get(Contact, ids["김민지"])
        assert minji is not None and minji.wa_id
        wa_id, later = minji.wa_id, BASE_TIME + timedelta(hours=1)
        to_gangnam = make_message(s, minji, "강남점 픽업 돼요?", phone_number_id=GANGNAM, sent_at=later).id
        to_hongdae = make_message(
            s, minji, "홍대점도 픽업 돼요?", phone_number_id=HONGDAE, sent_at=later + timedelta(minutes=1)
        ).id
        minji.phone_number_id = HONGDAE
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids["김민지"])
    window.chat_list.search_typed.emit("픽업")
    search = window.search
    qtbot.waitUntil(lambda: not search.searching and len(search.model.message_hits()) == 2, timeout=5000)
    search.this_chat.setChecked(True)
    qtbot.waitUntil(lambda: not search.searching and search.model.number_tags == {"+82 2-555-0101": "0101"})

    def tags() -> dict[int, str]:
        return {
            hit.message_id: number_tag(hit, search.model.number_tags) for hit in search.model.message_hits()
        }

    assert tags() == {to_gangnam: "0101", to_hongdae: ""}
    event = message_event(content="강남점으로 갈게요", wa_id=wa_id, name="김민지", timestamp=T0)
    event["phone_number_id"] = GANGNAM
    with window.ctx.db.write() as s:
        apply_events(s, [read_event(event)], None)
    sync_batch(window, qtbot, {ids["김민지"]})
    qtbot.waitUntil(lambda: tags() == {to_gangnam: "", to_hongdae: "0202"}, timeout=5000)
    assert window.chat.conversation is not None
    assert window.chat.conversation.business_number == "+82 2-555-0101"  # as her chat now says
    settle(qtbot)


def test_a_look_at_the_numbers_read_before_the_second_one_came_does_not_hide_it(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync's batch changed every chat, and the next one brought the shop's second number: the
    list's look at the numbers after the first, read before the second number was stored, answered
    last (the pool busy), and the number chip went away again with the Hongdae branch's number."""

    import app.business_numbers
    from ui.ops import pending_ops

    two_branches(window.ctx, numbers=1)
    load_chats(window, qtbot)
    chats = window.chat_list
    assert not chats.number_chip.isVisible()
    settle(qtbot)
    held = hold_first_read(monkeypatch, app.business_numbers, "chat_list_numbers")
    try:
        window.ctx.publish(Changes(all_contacts=True))
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        with window.ctx.db.write() as s:
            remember_business_numbers(s, [(GANGNAM, "+82 2-555-0101"), (HONGDAE, "+82 2-555-0202")])
        window.ctx.publish(Changes(all_contacts=True))
        qtbot.waitUntil(chats.number_chip.isVisible, timeout=5000)
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held look
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert chats.number_chip.isVisible()
    assert number_action(chats, "02-555-0202") is not None
