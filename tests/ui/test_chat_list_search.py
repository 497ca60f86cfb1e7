"""The chat list's search field and Edit ▸ Find: both lead to the cross-chat message search."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetricsF, QInputMethodEvent, QTextLine
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats


def cursor_x(line: QTextLine, position: int) -> float:
    """Where the line puts the cursor at `position` (PySide6 returns (x, position); its stubs say object)."""
    return cast(tuple[float, int], line.cursorToX(position))[0]


def commit_korean(field: Any, text: str) -> None:
    """Korean arrives through the input method, as a committed string (keyClicks cannot type it)."""
    field.setFocus()
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(field, commit)


def marked_between(view: Any, y: float) -> list[int]:
    """The x of each pixel on row `y` of the results painted as a match."""
    from ui.theme import colours

    image = view.viewport().grab().toImage()
    mark = colours(view.palette()).highlight_bg.rgb()
    return [x for x in range(image.width()) if image.pixelColor(x, int(y)).rgb() == mark]


def test_typing_in_the_chat_list_field_shows_matching_messages(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="이하은")
        make_message(s, c, "린넨 셔츠 주문했어요", sent_at=BASE_TIME, unread=False)
        other = make_contact(s, profile_name="Other")
        make_message(s, other, "nothing here", sent_at=BASE_TIME, unread=False)
    load_chats(window, qtbot)
    field = window.chat_list.search_field
    assert field.isVisible()
    assert field.placeholderText() == "Search chats and messages"
    commit_korean(field, "주문")
    assert window.left.currentWidget() is window.search
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5000)
    hit = window.search.model.hits[0]
    assert hit.contact_name == "이하은"
    assert window.search.status.text() == "1 result"
    assert window.search.field.text() == "주문"
    assert window.search.field.hasFocus()
    # Esc returns to the chat list with its field empty.
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.left.currentWidget() is window.chat_list
    assert field.text() == ""


class PlatformInputMethod(QObject):
    """What a real input method does and offscreen Qt does not: on a focus change Qt asks the
    platform to commit, and the syllable being composed lands in the field the keyboard leaves,
    its composition over (`ended` lists each syllable cut short so)."""

    def __init__(self) -> None:
        super().__init__()
        self.preedit: dict[QObject, str] = {}
        self.ended: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.InputMethod and isinstance(watched, QLineEdit):
            assert isinstance(event, QInputMethodEvent)
            self.preedit[watched] = event.preeditString()
        elif event.type() == QEvent.Type.FocusOut and self.preedit.get(watched):
            syllable = self.preedit.pop(watched)
            self.ended.append(syllable)
            commit = QInputMethodEvent()
            commit.setCommitString(syllable)
            QApplication.sendEvent(watched, commit)
        return False


def compose(commit: str, preedit: str) -> None:
    """One key of a Korean keyboard: what it finished (`commit`) and the syllable now being composed."""
    event = QInputMethodEvent(preedit, [])
    event.setCommitString(commit)
    focus = QApplication.focusWidget()
    assert focus is not None
    QApplication.sendEvent(focus, event)


def test_korean_typed_in_the_chat_list_field_reaches_the_search_whole(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="이하은")
        make_message(s, c, "린넨 셔츠 주문했어요", sent_at=BASE_TIME, unread=False)
    load_chats(window, qtbot)
    ime = PlatformInputMethod()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(ime)
    try:
        window.chat_list.search_field.setFocus()
        # 주문 on a Korean keyboard: ㅈ ㅜ ㅁ ㅜ ㄴ, then a space ends the last syllable.
        for commit, preedit in (("", "ㅈ"), ("", "주"), ("", "줌"), ("주", "무"), ("", "문"), ("문 ", "")):
            compose(commit, preedit)
            if preedit:
                assert window.left.currentWidget() is window.chat_list  # a syllable is being typed
    finally:
        app.removeEventFilter(ime)
    # The search took over once no syllable was half-typed: nothing was cut short by the move.
    assert ime.ended == []
    assert window.left.currentWidget() is window.search
    assert window.search.field.text() == "주문 "
    assert window.search.field.hasFocus()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5000)
    assert window.chat_list.search_field.text() == ""


def test_a_syllable_taken_back_leaves_what_was_typed_before_it_searched(window: Any, qtbot: Any) -> None:
    window.chat_list.search_field.setFocus()
    compose("", "린")
    compose("린", "ㄴ")
    assert window.left.currentWidget() is window.chat_list  # 린넨 is being typed
    compose("", "")  # Backspace took the ㄴ back: nothing is being composed
    qtbot.waitUntil(lambda: window.left.currentWidget() is window.search, timeout=5000)
    assert window.search.field.text() == "린"


def test_a_name_many_customers_share_says_there_are_more_chats_than_shown(window: Any, qtbot: Any) -> None:
    """Seven customers are called …민지: the five who wrote last are listed, and the count does not
    claim that those five are all (the owner looking for 황민지 from last year types more)."""
    from ui.search_results import CHATS_SHOWN

    with window.ctx.db.write() as s:
        for n, surname in enumerate("김이박최정강황"):
            c = make_contact(s, profile_name=f"{surname}민지", wa_id=f"8210555500{n:02d}")
            make_message(s, c, "안녕하세요", sent_at=BASE_TIME - timedelta(days=n), unread=False)
    load_chats(window, qtbot)
    window.open_search()
    window.search.search_now("민지")
    model = window.search.model
    qtbot.waitUntil(lambda: model.rowCount() == CHATS_SHOWN, timeout=5000)
    assert [hit.display_name for hit in model.chat_hits()] == [
        "김민지",
        "이민지",
        "박민지",
        "최민지",
        "정민지",
    ]
    assert window.search.status.text() == "More than 5 chats"

    # Typed further, the one she meant is found, and the count is exact again.
    window.search.search_now("황민지")
    qtbot.waitUntil(lambda: [hit.display_name for hit in model.chat_hits()] == ["황민지"], timeout=5000)
    assert window.search.status.text() == "1 chat"


def test_a_one_letter_search_that_read_the_newest_messages_only_says_so(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """'감' is read in the newest messages only: the 감사합니다 of long ago is not among the results,
    and the count says where it looked, with what to do in its tooltip."""
    import app.search

    monkeypatch.setattr(app.search, "SHORT_QUERY_WINDOW", 3)
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민수")
        make_message(s, c, "감사합니다", sent_at=BASE_TIME, unread=False)
        for i in range(1, 4):
            make_message(s, c, f"네 감{i}", sent_at=BASE_TIME + timedelta(hours=i), unread=False)
    load_chats(window, qtbot)
    window.open_search()
    search = window.search
    search.search_now("감")
    qtbot.waitUntil(lambda: search.model.rowCount() == 3, timeout=5000)
    assert search.status.text() == "3 recent results"
    assert "type two or more letters" in search.status.tip()
    assert search.empty_note.isHidden()

    search.search_now("사")  # only in the 감사합니다 of long ago: the list says why none was found
    qtbot.waitUntil(lambda: search.status.text() == "No recent results", timeout=5000)
    assert search.empty_note.isVisible()
    assert search.empty_note.text() == search.status.tip()

    search.search_now("감사")  # two letters: every message is looked at
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=5000)
    assert search.status.text() == "1 result"
    assert search.status.tip() == ""
    assert search.empty_note.isHidden()


def test_esc_in_the_chat_list_field_clears_it(window: Any, qtbot: Any) -> None:
    field = window.chat_list.search_field
    field.setFocus()
    field.setText(" ")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    assert window.left.currentWidget() is window.chat_list


def test_edit_menu_find_focuses_search(window: Any, qtbot: Any) -> None:
    from ui.menus import install_menus

    install_menus(window, window.ctx)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert list(menus)[:4] == ["&File", "&Edit", "&Chat", "&Shop"]
    find = next(a for a in menus["&Edit"].actions() if a.text().replace("&", "") == "Find")
    assert find.shortcut().toString() == "Ctrl+F"
    find.trigger()
    assert window.left.currentWidget() is window.search
    qtbot.waitUntil(window.search.field.hasFocus)


def test_a_result_after_an_emoji_marks_the_words_found(window: Any, qtbot: Any) -> None:
    """The snippet's marks are Python offsets; Qt counts an emoji twice, so they must be converted."""
    from PySide6.QtGui import QFontMetricsF, QTextLayout

    text = "안녕하세요 민지님 😊🙏 네, 아이보리 M 재고 있습니다."
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민지")
        make_message(s, c, text, sent_at=BASE_TIME, unread=False)
    load_chats(window, qtbot)
    window.search_for("재고")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5000)
    view = window.search.view
    qtbot.waitUntil(view.isVisible)
    delegate = view.itemDelegate()
    hit = window.search.model.hits[0]
    # Where the delegate lays the snippet out: 14 px in, under the name line.
    rect = view.visualRect(window.search.model.index(0))
    layout = QTextLayout(hit.snippet, delegate.font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(rect.width() - 28)
    layout.endLayout()
    qt_start = len(hit.snippet[: hit.snippet.index("재고")].encode("utf-16-le")) // 2
    left = rect.left() + 14 + cursor_x(line, qt_start)
    right = rect.left() + 14 + cursor_x(line, qt_start + 2)
    marked = marked_between(
        view, rect.top() + 8 + QFontMetricsF(delegate.name_font).height() + 4 + line.height() / 2
    )
    assert marked, "the match is not marked"
    assert abs(marked[0] - left) <= 2 and abs(marked[-1] - right) <= 2


def test_a_message_that_arrives_while_results_are_shown_joins_them(window: Any, qtbot: Any) -> None:
    """The owner searched "주문" and a customer writes about an order meanwhile: it is found too, on
    top, and the result the owner had picked stays picked."""
    from datetime import timedelta

    from app.changes import Changes
    from app.models import Contact

    with window.ctx.db.write() as s:
        first = make_contact(s, profile_name="이하은")
        make_message(s, first, "린넨 셔츠 주문했어요", sent_at=BASE_TIME, unread=False)
        other = make_contact(s, profile_name="Marcus")
        other_id = other.id
    load_chats(window, qtbot)
    window.open_search()
    window.search.search_now("주문")
    model = window.search.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert window.search.view.currentIndex().row() == 0

    def arrives(text: str, minutes: int) -> None:
        with window.ctx.db.write() as s:
            make_message(s, s.get(Contact, other_id), text, sent_at=BASE_TIME + timedelta(minutes=minutes))
        window.ctx.publish(Changes.for_contacts({other_id}, from_sync=True))

    arrives("주문 취소할 수 있나요?", 5)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    assert [hit.snippet for hit in model.hits] == ["주문 취소할 수 있나요?", "린넨 셔츠 주문했어요"]
    assert window.search.status.text() == "2 results"
    assert window.search.view.currentIndex().data() == "린넨 셔츠 주문했어요"  # still the one picked

    # Closed, then opened again with the same words: what came meanwhile is there.
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    arrives("두 번째 주문이에요", 10)
    window.open_search()
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    assert model.hits[0].snippet == "두 번째 주문이에요"


def test_results_shown_lose_a_deleted_chat_and_find_a_new_customer_by_name(window: Any, qtbot: Any) -> None:
    """The owner searched "민지" and kept the results open: a new customer named 민지 writes (found
    by name, above the messages), and a chat the owner deletes meanwhile leaves the results; the
    message the owner had picked stays picked."""
    from datetime import timedelta

    from app.changes import Changes
    from app.chat_actions import delete_chat

    with window.ctx.db.write() as s:
        kept = make_contact(s, profile_name="Sora")
        make_message(s, kept, "민지 씨 소개로 왔어요", sent_at=BASE_TIME, unread=False)
        doomed = make_contact(s, profile_name="Spam")
        make_message(s, doomed, "민지 이벤트 당첨! 링크 클릭", sent_at=BASE_TIME + timedelta(minutes=1))
        doomed_id = doomed.id
    load_chats(window, qtbot)
    window.open_search()
    window.search.search_now("민지")
    model = window.search.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    window.search.view.setCurrentIndex(model.index(1))  # Sora's message
    assert window.search.status.text() == "2 results"

    with window.ctx.db.write() as s:
        newcomer = make_contact(s, profile_name="김민지")
        make_message(s, newcomer, "안녕하세요", sent_at=BASE_TIME + timedelta(minutes=2))
        newcomer_id = newcomer.id
    window.ctx.publish(Changes.for_contacts({newcomer_id}, from_sync=True))
    qtbot.waitUntil(lambda: [hit.display_name for hit in model.chat_hits()] == ["김민지"], timeout=5000)
    assert model.rowCount() == 3
    assert window.search.status.text() == "1 chat · 2 results"

    window.ctx.publish(delete_chat(window.ctx.db, doomed_id, BASE_TIME + timedelta(hours=1)))
    qtbot.waitUntil(lambda: len(model.message_hits()) == 1, timeout=5000)
    assert model.message_hits()[0].snippet == "민지 씨 소개로 왔어요"
    assert window.search.status.text() == "1 chat · 1 result"
    assert window.search.view.currentIndex().data() == "민지 씨 소개로 왔어요"  # still the one picked


def test_a_customer_typed_as_her_initials_is_found_and_her_name_marked(window: Any, qtbot: Any) -> None:
    """'ㄱㅁㅈ', as Korean phones find contacts: 김민지's chat is found, her whole name marked."""
    from PySide6.QtGui import QFontMetricsF, QTextLayout

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민지")
        make_message(s, c, "안녕하세요", sent_at=BASE_TIME, unread=False)
        other = make_contact(s, profile_name="박서준")
        make_message(s, other, "감사합니다", sent_at=BASE_TIME, unread=False)
    load_chats(window, qtbot)
    commit_korean(window.chat_list.search_field, "ㄱㅁㅈ")
    model = window.search.model
    qtbot.waitUntil(lambda: [hit.display_name for hit in model.chat_hits()] == ["김민지"], timeout=5000)
    view = window.search.view
    qtbot.waitUntil(view.isVisible)
    delegate = view.itemDelegate()
    rect = view.visualRect(model.index(0))
    layout = QTextLayout("김민지", delegate.name_font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(rect.width() - 28)
    layout.endLayout()
    left, right = rect.left() + 14 + cursor_x(line, 0), rect.left() + 14 + cursor_x(line, 3)
    marked = marked_between(view, rect.top() + 8 + QFontMetricsF(delegate.name_font).height() / 2)
    assert marked, "the name is not marked"
    assert abs(marked[0] - left) <= 2 and abs(marked[-1] - right) <= 2


def test_a_customer_found_by_her_phone_number_has_the_digits_typed_marked(window: Any, qtbot: Any) -> None:
    """Searching by name marks the name; searching by number marked nothing in the row."""
    from PySide6.QtGui import QFontMetricsF, QTextLayout

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="박영희", wa_id="821033304567")
        make_message(s, c, "안녕하세요", sent_at=BASE_TIME, unread=False)
    load_chats(window, qtbot)
    commit_korean(window.chat_list.search_field, "3330")
    model = window.search.model
    qtbot.waitUntil(lambda: [hit.display_name for hit in model.chat_hits()] == ["박영희"], timeout=5000)
    view = window.search.view
    qtbot.waitUntil(view.isVisible)
    delegate = view.itemDelegate()
    rect = view.visualRect(model.index(0))
    below = "Chat · 010-3330-4567"
    layout = QTextLayout(below, delegate.font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(rect.width() - 28)
    layout.endLayout()
    at = below.index("3330")
    left, right = rect.left() + 14 + cursor_x(line, at), rect.left() + 14 + cursor_x(line, at + 4)
    name_height = QFontMetricsF(delegate.name_font).height()
    marked = marked_between(
        view, rect.top() + 8 + name_height + 4 + QFontMetricsF(delegate.font).height() / 2
    )
    assert marked, "the number is not marked"
    # The last digit's stroke may cover the mark's last pixels on the line looked along.
    assert abs(marked[0] - left) <= 2 and -4 <= marked[-1] - right <= 2
    assert not marked_between(view, rect.top() + 8 + name_height / 2)  # the name was not what matched


def test_an_american_shop_finds_its_customer_by_number_written_as_it_dials_it(
    window: Any, qtbot: Any
) -> None:
    """A shop set to the United States read its customer's number in the search results as the
    Korean default writes one abroad ("+1 650-555-0199"), not as its chat list does ("(650) 555-0199")."""
    from PySide6.QtGui import QFontMetricsF, QTextLayout

    window.ctx.shop_region = "US"
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Marcus Chen", wa_id="16505550199")
        make_message(s, c, "Hello", sent_at=BASE_TIME, unread=False)
    load_chats(window, qtbot)
    commit_korean(window.chat_list.search_field, "555")
    model = window.search.model
    qtbot.waitUntil(lambda: [hit.display_name for hit in model.chat_hits()] == ["Marcus Chen"], timeout=5000)
    view = window.search.view
    qtbot.waitUntil(view.isVisible)
    delegate = view.itemDelegate()
    rect = view.visualRect(model.index(0))
    below = "Chat · (650) 555-0199"
    layout = QTextLayout(below, delegate.font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(rect.width() - 28)
    layout.endLayout()
    at = below.index("555")
    left, right = rect.left() + 14 + cursor_x(line, at), rect.left() + 14 + cursor_x(line, at + 3)
    name_height = QFontMetricsF(delegate.name_font).height()
    marked = marked_between(
        view, rect.top() + 8 + name_height + 4 + QFontMetricsF(delegate.font).height() / 2
    )
    assert marked, "the number is not marked"
    assert abs(marked[0] - left) <= 2 and -4 <= marked[-1] - right <= 2


def test_an_order_number_typed_brings_up_its_chat_naming_the_order(window: Any, qtbot: Any) -> None:
    """이하은 quotes 주문번호 2026-0003, an order the owner made in her chat (no cart to find)."""
    from app.catalog import ItemDraft, create_item
    from app.orders import LineInput, create_order

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="SH-1"))
        c = make_contact(s, profile_name="이하은", wa_id="821055501234")
        make_message(s, c, "입금 언제까지 하면 되나요?", sent_at=BASE_TIME, unread=False)
        number = create_order(s, contact_id=c.id, lines=[LineInput("SH-1", 1)], source="chat").number
    load_chats(window, qtbot)
    commit_korean(window.chat_list.search_field, number.replace("-", ""))
    model = window.search.model
    qtbot.waitUntil(lambda: [hit.display_name for hit in model.chat_hits()] == ["이하은"], timeout=5000)
    assert model.chat_hits()[0].order_number == number
    assert window.search.status.text() == "1 chat"
    view = window.search.view
    qtbot.waitUntil(view.isVisible)
    delegate = view.itemDelegate()
    rect = view.visualRect(model.index(0))
    name_height = QFontMetricsF(delegate.name_font).height()
    marked = marked_between(
        view, rect.top() + 8 + name_height + 4 + QFontMetricsF(delegate.font).height() / 2
    )
    assert marked, "the order's number is not marked"


def test_each_hit_says_who_wrote_it_and_marks_an_archived_chat(window: Any, qtbot: Any) -> None:
    """박영희 asked for the account; the shop, its menu bot and its away message all answered with it."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="박영희", archived=True)
        make_message(s, c, "국민은행 계좌 알려주세요", sent_at=BASE_TIME, unread=False)
        make_message(
            s, c, "국민은행 123-45-6789 입니다", direction="out", sent_at=BASE_TIME + timedelta(minutes=1)
        )
        make_message(
            s,
            c,
            "입금 계좌: 국민은행",
            direction="out",
            sent_by="bot",
            sent_at=BASE_TIME + timedelta(minutes=2),
        )
        make_message(
            s, c, "지금은 자리에 없어요. 국민은행", direction="out", sent_by="away",
            sent_at=BASE_TIME + timedelta(minutes=3),
        )  # fmt: skip
        other = make_contact(s, profile_name="김민지")
        make_message(s, other, "국민은행 맞나요?", sent_at=BASE_TIME - timedelta(minutes=1), unread=False)
    load_chats(window, qtbot)
    window.search_for("국민은행")
    model = window.search.model
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=5000)
    said = [model.data(model.index(row), Qt.ItemDataRole.AccessibleTextRole) for row in range(5)]
    assert [line.split(":")[0] for line in said] == [
        "박영희 · Away message (Archived)",
        "박영희 · Menu bot (Archived)",
        "박영희 · You (Archived)",
        "박영희 (Archived)",
        "김민지",
    ]


def test_a_labels_name_typed_brings_up_the_chats_that_carry_it_naming_the_label(
    window: Any, qtbot: Any
) -> None:
    """ "단골" showed 결과 없음 though a chat was labelled 단골 (the Labels chip found it)."""
    from app.labels import add_label
    from app.models import Contact, Label

    with window.ctx.db.write() as s:
        regular = s.get(Label, add_label(s, "단골", "#3DA1F1").id)
        c = make_contact(s, profile_name="장하린")
        make_message(s, c, "교환은 어떻게 하면 되나요?", sent_at=BASE_TIME, unread=False)
        s.get(Contact, c.id).labels.append(regular)
        other = make_contact(s, profile_name="박서준")
        make_message(s, other, "감사합니다", sent_at=BASE_TIME, unread=False)
    load_chats(window, qtbot)
    commit_korean(window.chat_list.search_field, "단골")
    model = window.search.model
    qtbot.waitUntil(lambda: [hit.display_name for hit in model.chat_hits()] == ["장하린"], timeout=5000)
    assert model.chat_hits()[0].label == "단골"
    assert window.search.status.text() == "1 chat"
    view = window.search.view
    qtbot.waitUntil(view.isVisible)
    delegate = view.itemDelegate()
    rect = view.visualRect(model.index(0))
    name_height = QFontMetricsF(delegate.name_font).height()
    marked = marked_between(
        view, rect.top() + 8 + name_height + 4 + QFontMetricsF(delegate.font).height() / 2
    )
    assert marked, "the label's name is not marked"
    assert not marked_between(view, rect.top() + 8 + name_height / 2)  # the name was not what matched
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.chat_list.current_contact() == c.id, timeout=5000)


def test_a_customer_found_by_her_whatsapp_name_shows_it_marked_under_the_name_the_owner_saved(
    korean: None, window: Any, qtbot: Any
) -> None:
    """최민준 saved as '민준 단골': typing 최민준 listed '민준 단골 / 채팅 · 010-…' with nothing marked."""
    from PySide6.QtGui import QTextLayout

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="최민준", saved_name="민준 단골", wa_id="821086966162")
        make_message(s, c, "주문한 옷 배송 조회 부탁드려요", sent_at=BASE_TIME, unread=False)
    load_chats(window, qtbot)
    commit_korean(window.chat_list.search_field, "최민준")
    model = window.search.model
    qtbot.waitUntil(lambda: [hit.display_name for hit in model.chat_hits()] == ["민준 단골"], timeout=5000)
    assert model.chat_hits()[0].whatsapp_name == "최민준"
    view = window.search.view
    qtbot.waitUntil(view.isVisible)
    delegate = view.itemDelegate()
    rect = view.visualRect(model.index(0))
    below = "채팅 · WhatsApp 이름: 최민준"
    layout = QTextLayout(below, delegate.font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(rect.width() - 28)
    layout.endLayout()
    at = below.index("최민준")
    left, right = rect.left() + 14 + cursor_x(line, at), rect.left() + 14 + cursor_x(line, at + 3)
    name_height = QFontMetricsF(delegate.name_font).height()
    marked = marked_between(
        view, rect.top() + 8 + name_height + 4 + QFontMetricsF(delegate.font).height() / 2
    )
    assert marked, "her WhatsApp name is not marked"
    assert abs(marked[0] - left) <= 2 and -4 <= marked[-1] - right <= 2
    assert not marked_between(view, rect.top() + 8 + name_height / 2)  # the saved name did not match
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.chat_list.current_contact() == c.id, timeout=5000)


def test_letters_typed_in_the_chat_list_search_instead_of_opening_chats_by_their_names(
    window: Any, qtbot: Any
) -> None:
    """The owner, keyboard in the list, starts typing "Hi Olivia": the list's type-ahead had opened
    the first chat starting with each letter (Hana's, then Ian's), reading their messages and
    sending them blue ticks. The letters go to the search instead, and no chat opens."""
    with window.ctx.db.write() as s:
        ids = {}
        for i, name in enumerate(("Olivia", "Hana", "Ian")):
            c = make_contact(s, profile_name=name)
            make_message(s, c, f"hello from {name}", sent_at=BASE_TIME + timedelta(minutes=i))
            ids[name] = c.id
    load_chats(window, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.chat_list.focus_list()
    for letter in "Hi":  # each to whatever has the keyboard then, as a keyboard sends them
        qtbot.keyClicks(QApplication.focusWidget(), letter)
    assert window.left.currentWidget() is window.search
    assert window.search.field.text() == "Hi"
    assert window.search.field.hasFocus()
    assert window.chat.contact_id() is None
    rows = [window.chat_list.model.row_for(cid) for cid in ids.values()]
    assert all(row.unread_count == 1 for row in rows)  # nobody's messages were read
