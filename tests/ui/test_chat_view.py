"""The open chat: paging older messages with the anchor kept, ticks repainting one row, plain text, links."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from app.models import Message
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import laid_out, load_chats, settle, sync_batch
from ui.chat_view_model import PAGE, MessageRole


def make_chat(ctx: Any, count: int, **contact: Any) -> int:
    with ctx.db.write() as s:
        c = make_contact(s, **contact)
        for i in range(count):
            make_message(
                s,
                c,
                f"message {i}",
                direction="in" if i % 3 else "out",
                sent_at=BASE_TIME + timedelta(minutes=i),
                unread=False,
            )
        return c.id


def open_chat(window: Any, qtbot: Any, contact_id: int) -> Any:
    load_chats(window, qtbot)
    assert window.chat_list.select_contact(contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.contact_id == contact_id)
    settle(qtbot)  # its newest page is read off the GUI thread
    return view


def top_message(view: Any) -> tuple[int, int]:
    from PySide6.QtCore import QPoint

    idx = view.indexAt(QPoint(10, 2))
    return int(idx.data(MessageRole.MESSAGE_ID)), view.visualRect(idx).top()


def test_opening_a_chat_shows_the_newest_page_at_the_bottom(window: Any, qtbot: Any) -> None:
    cid = make_chat(window.ctx, 300)
    view = open_chat(window, qtbot, cid)
    model = view.chat_model
    assert model.rowCount() >= PAGE
    assert model.message_at(model.rowCount() - 1).body == "message 299"
    qtbot.waitUntil(view.at_bottom)


def test_scrolling_to_the_top_loads_older_messages_and_keeps_what_was_on_screen(
    window: Any, qtbot: Any
) -> None:
    cid = make_chat(window.ctx, 300)
    view = open_chat(window, qtbot, cid)
    model = view.chat_model
    qtbot.waitUntil(lambda: not view._loading_older)
    before = model.rowCount()
    oldest_before = model.message_at(0).body
    # Scroll up a little at a time, like a wheel, and check the row under the top edge stays put.
    sb = view.verticalScrollBar()
    sb.setValue(0)
    anchor_id, anchor_top = top_message(view)
    with qtbot.waitSignal(model.rowsInserted, timeout=5000):  # the older page is read off the GUI thread
        pass
    qtbot.waitUntil(lambda: not view._loading_older)
    assert model.rowCount() > before
    assert model.message_at(0).body != oldest_before
    row = model.row_of(anchor_id)
    assert row is not None
    assert abs(view.visualRect(model.index(row)).top() - anchor_top) <= 1


def test_scrolling_up_reaches_the_first_message_of_a_long_chat(window: Any, qtbot: Any) -> None:
    cid = make_chat(window.ctx, 400)
    view = open_chat(window, qtbot, cid)

    def scrolled_to_start() -> bool:
        view.verticalScrollBar().setValue(0)
        return not view.chat_model.has_older and view.chat_model.message_at(0).body == "message 0"

    qtbot.waitUntil(scrolled_to_start, timeout=10000)
    assert view.chat_model.rowCount() == 400


def test_status_update_ticks_the_bubble_and_repaints_only_its_row(window: Any, qtbot: Any) -> None:
    cid = make_chat(window.ctx, 20)
    view = open_chat(window, qtbot, cid)
    model = view.chat_model
    with window.ctx.db.write() as s:
        contact = s.get(Message, model.message_at(0).id).contact  # type: ignore[union-attr]
        sent = make_message(
            s,
            contact,
            "on its way",
            direction="out",
            status="pending",
            wamid=None,
            sent_at=BASE_TIME + timedelta(days=1),
        )
        sent_id = sent.id
    sync_batch(window, qtbot, {cid})
    row = model.row_of(sent_id)
    assert row is not None and model.message_at(row).status == "pending"

    changed: list[int] = []
    model.dataChanged.connect(lambda a, b, *_: changed.extend(range(a.row(), b.row() + 1)))
    with window.ctx.db.write() as s:
        m = s.get(Message, sent_id)
        assert m is not None
        m.status, m.wamid = "delivered", "wamid.DELIVERED1"
    sync_batch(window, qtbot, {cid})
    assert model.message_at(row).status == "delivered"
    assert changed == [row]


def test_customer_html_is_shown_as_the_characters_typed(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Mallory")
        make_message(s, c, '<b>bold</b> <img src="x"> <a href="http://evil">click</a>')
        cid = c.id
    view = open_chat(window, qtbot, cid)
    geo = view.bubbles.geometry(view.chat_model.index(0), float(view.viewport().width()))
    assert geo.text_layout is not None
    assert geo.text_layout.text() == '<b>bold</b> <img src="x"> <a href="http://evil">click</a>'
    # Only the address the customer typed is clickable, as typed; the anchor's "click" is just text.
    assert [url for _s, _e, url in geo.links] == ["http://evil"]
    # The bubble is wide enough for every character: markup was not swallowed by a rich-text engine.
    plain_width = view.bubbles.fonts.body_fm.horizontalAdvance(geo.text)
    assert geo.bubble.width() >= min(plain_width, view.viewport().width() * 0.7)


def test_a_link_in_a_message_opens_in_the_browser_when_clicked(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Linker")
        make_message(s, c, "Order here: https://shop.example.com/a?b=1. Thanks")
        cid = c.id
    view = open_chat(window, qtbot, cid)
    opened: list[str] = []
    monkeypatch.setattr(view, "open_link", opened.append)
    idx = view.chat_model.index(0)
    geo = view.bubbles.geometry(idx, float(view.viewport().width()))
    start, _end, url = geo.links[0]
    assert url == "https://shop.example.com/a?b=1"
    line = geo.text_layout.lineForTextPosition(start + 3)
    x = geo.text_origin.x() + line.cursorToX(start + 3)[0]
    y = geo.text_origin.y() + line.y() + line.height() / 2
    pos = (QPointF(x, y) + QPointF(view.visualRect(idx).topLeft())).toPoint()
    from PySide6.QtCore import Qt

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert opened == [url]


def test_dragging_over_a_bubble_selects_text_that_copy_puts_on_the_clipboard(window: Any, qtbot: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Copier")
        make_message(s, c, "안녕하세요 주문번호 12345 입니다")
        cid = c.id
    view = open_chat(window, qtbot, cid)
    view.bubbles.text_selection = (view.chat_model.message_at(0).id, 6, 10)
    view.copy()
    assert QGuiApplication.clipboard().text() == "주문번호"


def test_clicking_a_quote_jumps_to_the_quoted_message_far_up_the_chat(window: Any, qtbot: Any) -> None:
    cid = make_chat(window.ctx, 300)
    with window.ctx.db.write() as s:
        first = s.query(Message).filter_by(contact_id=cid, body="message 1").one()
        contact = first.contact
        make_message(
            s, contact, "about that", reply_to_wamid=first.wamid, sent_at=BASE_TIME + timedelta(days=2)
        )
        first_id = first.id
    view = open_chat(window, qtbot, cid)
    last = view.chat_model.rowCount() - 1
    assert view.chat_model.index(last).data(MessageRole.QUOTE).id == first_id
    view.quote_clicked.emit(view.chat_model.message_at(last).reply_to_wamid)
    qtbot.waitUntil(lambda: view.chat_model.row_of(first_id) is not None)
    row = view.chat_model.row_of(first_id)
    assert view.chat_model.index(row).data(MessageRole.HIGHLIGHT) is not None
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(view.chat_model.index(row))))


def test_narrowing_the_window_rewraps_bubbles_without_overlap(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Wrapper")
        for i in range(6):
            make_message(
                s,
                c,
                "배송 관련 문의드립니다. 주문번호 12345 상품이 아직 도착하지 않았어요 " * (i + 1),
                sent_at=BASE_TIME + timedelta(minutes=i),
                unread=False,
            )
        cid = c.id
    view = open_chat(window, qtbot, cid)
    # The window is as wide as the screen lets it be (offscreen: 800 pixels), not the 1100 asked for.
    wide = window.splitter.width()
    window.splitter.setSizes([wide // 4, wide - wide // 4, 0])
    qtbot.waitUntil(lambda: view.viewport().width() > wide * 0.6)
    window.toggle_contact_panel()  # the contact panel slides in and takes width from the chat
    window.splitter.setSizes([wide // 4, wide * 2 // 5, wide - wide // 4 - wide * 2 // 5])
    qtbot.waitUntil(lambda: view.viewport().width() < wide * 0.45)

    def no_overlap() -> bool:
        width = float(view.viewport().width())
        for r in range(view.chat_model.rowCount() - 1):
            idx = view.chat_model.index(r)
            geo = view.bubbles.geometry(idx, width)
            next_top = view.visualRect(view.chat_model.index(r + 1)).top()
            if view.visualRect(idx).top() + geo.height > next_top + 1:
                return False
        return True

    # The rows are laid out again at the new width a little later (Qt's delayed layout): one
    # processEvents is not sure to reach it, so the test waits for the rows to stop overlapping.
    qtbot.waitUntil(no_overlap, timeout=5000)


def test_the_chat_follows_a_switch_to_the_dark_palette(window: Any, qtbot: Any) -> None:
    from PySide6.QtGui import QColor, QPalette

    view = window.chat.view
    light = QApplication.palette()
    dark = QPalette(light)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        dark.setColor(role, QColor("#111B21"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#E9EDEF"))
    try:
        QApplication.setPalette(dark)
        qtbot.waitUntil(lambda: view._background.lower() == "#0b141a")
    finally:
        QApplication.setPalette(light)
    qtbot.waitUntil(lambda: view._background.lower() == "#efeae2")


def test_clicking_through_chats_quickly_shows_only_the_last_one_picked(window: Any, qtbot: Any) -> None:
    first = make_chat(window.ctx, 300, profile_name="첫 손님")
    second = make_chat(window.ctx, 5, profile_name="둘째 손님")
    load_chats(window, qtbot)
    model = window.chat.view.chat_model
    opened: list[int] = []
    model.chat_opened.connect(opened.append)
    # The second click comes before the first chat's messages are read: that read is dropped.
    assert window.chat_list.select_contact(first)
    assert window.chat_list.select_contact(second)
    settle(qtbot)
    assert opened == [second]
    assert window.chat.contact_id() == second
    assert {model.message_at(i).contact_id for i in range(model.rowCount())} == {second}
    assert model.rowCount() == 5


def _point_at(view: Any, idx: Any, geo: Any, position: int) -> Any:
    """Where Qt's text `position` (UTF-16, as the layout counts) lies in the viewport."""
    line = geo.text_layout.lineForTextPosition(position)
    x = geo.text_origin.x() + line.cursorToX(position)[0]
    y = geo.text_origin.y() + line.y() + line.height() / 2
    return (QPointF(x, y) + QPointF(view.visualRect(idx).topLeft())).toPoint()


def _qt_position(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _open_one_message(window: Any, qtbot: Any, text: str) -> tuple[Any, Any, Any]:
    """A chat whose one message is `text`, open: the view, the message's index and its geometry."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Emoji Writer")
        make_message(s, c, text)
        cid = c.id
    view = open_chat(window, qtbot, cid)
    idx = view.chat_model.index(0)
    return view, idx, view.bubbles.geometry(idx, float(view.viewport().width()))


def test_text_dragged_over_after_an_emoji_is_copied_as_the_owner_saw_it_marked(
    window: Any, qtbot: Any
) -> None:
    """An emoji is two of Qt's positions and one of Python's: the copy must not slide a letter."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    text = "감사합니다 😊🙏 주소: 서울시 강남구 테헤란로 123"
    view, idx, geo = _open_one_message(window, qtbot, text)
    start, end = text.index("서울시"), text.index(" 123")
    press, release = (_point_at(view, idx, geo, _qt_position(text, i)) for i in (start, end))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(view.viewport(), release)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=release)
    view.copy()
    assert QGuiApplication.clipboard().text() == "서울시 강남구 테헤란로"


def test_a_link_after_emoji_is_marked_and_opens_to_its_last_letter(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    from PySide6.QtCore import Qt

    text = "주문은 여기서 👉👉 https://shop.example.com/a 감사해요"
    view, idx, geo = _open_one_message(window, qtbot, text)
    opened: list[str] = []
    monkeypatch.setattr(view, "open_link", opened.append)
    url = "https://shop.example.com/a"
    first, last = text.index(url), text.index(url) + len(url) - 1
    # The underline covers the address as Qt lays it out: from its "h" to its "a".
    (start, end, found) = geo.links[0]
    assert found == url
    assert (start, end) == (_qt_position(text, first), _qt_position(text, last + 1))
    # A click on its last letter opens it; on the space after it, nothing.
    middle_of = _point_at(view, idx, geo, _qt_position(text, last))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=middle_of + QPointF(2, 0).toPoint())
    assert opened == [url]
    after = _point_at(view, idx, geo, _qt_position(text, last + 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=after + QPointF(3, 0).toPoint())
    assert opened == [url]


def _marked_columns(image: Any, y: int, colour: Any) -> list[int]:
    """The x of each pixel on row `y` painted in `colour` (a match's highlight)."""
    return [x for x in range(image.width()) if image.pixelColor(x, y).rgb() == colour.rgb()]


def _mark_and_words(
    window: Any, qtbot: Any, text: str, highlight: str, words: str
) -> tuple[list[int], Any, Any]:
    """Open a chat at a message of `text` with `highlight` marked, as a search hit opens it: the x of
    the marked pixels on the text's line, and where `words` (in `text`) begin and end as painted."""
    from ui.theme import colours

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Mark Finder")
        message = make_message(s, c, text)
        cid, mid = c.id, message.id
    load_chats(window, qtbot)
    window.show_chat(cid, message_id=mid, highlight=highlight)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.row_of(mid) is not None)
    settle(qtbot)
    idx = view.chat_model.index(view.chat_model.row_of(mid))
    geo = view.bubbles.geometry(idx, float(view.viewport().width()))
    at = text.index(words)
    start, end = (_qt_position(text, i) for i in (at, at + len(words)))
    left, right = _point_at(view, idx, geo, start), _point_at(view, idx, geo, end)
    image = view.viewport().grab().toImage()
    return _marked_columns(image, left.y(), colours(view.palette()).highlight_bg), left, right


def test_a_search_match_after_an_emoji_is_marked_on_the_words_found(window: Any, qtbot: Any) -> None:
    text = "안녕하세요 민지님 😊 네, 아이보리 M 재고 있습니다."
    marked, left, right = _mark_and_words(window, qtbot, text, "재고", "재고")
    assert marked, "the match is not marked"
    # The mark spans "재고" as painted, not the space and letter before it.
    assert abs(marked[0] - left.x()) <= 2 and abs(marked[-1] - right.x()) <= 2


def test_a_match_spaced_otherwise_is_marked_across_its_space(window: Any, qtbot: Any) -> None:
    """The owner searched '린넨셔츠' and the customer wrote '린넨 셔츠': the mark covers both words."""
    marked, left, right = _mark_and_words(
        window, qtbot, "린넨 셔츠 아이보리 있나요?", "린넨셔츠", "린넨 셔츠"
    )
    assert marked, "the match is not marked"
    assert abs(marked[0] - left.x()) <= 2 and abs(marked[-1] - right.x()) <= 2


def test_each_word_searched_is_marked_whatever_their_order(window: Any, qtbot: Any) -> None:
    """The owner searched '원피스 네이비' and the customer wrote '네이비 원피스': both words are marked."""
    marked, left, right = _mark_and_words(
        window, qtbot, "네이비 원피스 있나요?", "원피스 네이비", "네이비 원피스"
    )
    assert marked, "the words are not marked"
    assert abs(marked[0] - left.x()) <= 2 and abs(marked[-1] - right.x()) <= 2


def test_the_floating_day_shows_while_scrolling_and_then_leaves_the_text_uncovered(
    window: Any, qtbot: Any
) -> None:
    from ui.theme import colours

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Long Chat")
        for i in range(120):
            # Short, so that their bubbles leave the middle of the view free for the day to float in.
            make_message(s, c, f"{i}번", sent_at=BASE_TIME + timedelta(hours=6 * i))
        cid = c.id
    load_chats(window, qtbot)
    window.show_chat(cid)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() > 40)
    settle(qtbot)
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)

    def chip_painted() -> bool:
        image = view.viewport().grab().toImage()
        return (
            image.pixelColor(view.viewport().width() // 2, 12).rgb()
            == colours(view.palette()).separator_bg.rgb()
        )

    def inside_one_message() -> bool:
        """The top 40 px are one message's, and its own day separator is above them."""
        from PySide6.QtCore import QPoint

        idx = view.indexAt(QPoint(10, 2))
        if not idx.isValid() or view.indexAt(QPoint(10, 40)) != idx:
            return False
        geo = view.bubbles.geometry(idx, float(view.viewport().width()))
        return geo is not None and (
            geo.date_rect is None or view.visualRect(idx).top() + geo.date_rect.bottom() <= 0
        )

    bar.setValue(bar.maximum() // 2)  # the owner scrolls up…
    # …to the middle of a message, at the newest at the latest, where the day floats over no bubble
    while not (inside_one_message() and view.floating_date_rect() is not None):
        assert bar.value() < bar.maximum(), (
            "scrolled to the newest message without the top 40 px inside one message: are rows shorter now?"
        )
        bar.setValue(bar.value() + 5)
    qtbot.waitUntil(lambda: view.floating_date_shown and chip_painted())
    qtbot.waitUntil(lambda: not view.floating_date_shown, timeout=5000)
    assert not chip_painted()  # the top message's first line is not covered once scrolling stops


def test_the_floating_day_never_covers_a_message_only_the_gap_between_them(window: Any, qtbot: Any) -> None:
    """Scrolled in the Korean demo, the "오늘" pill was drawn over the top bubble and hid the words
    of its first line. Wherever the owner stops, the pill covers only the chat's background: what it
    hides is background, never a bubble. It still shows where the top of the view is a gap."""
    from ui.theme import colours

    long = (
        "배송은 내일 오전에 CJ대한통운으로 보내드릴게요. 송장번호는 문자로 따로 알려드릴게요. 감사합니다! "
        * 2
    )
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="정도윤")
        for i in range(40):
            body, direction = (long, "in") if i % 2 else ("네", "out")
            make_message(
                s, c, body, direction=direction, sent_at=BASE_TIME + timedelta(minutes=i), unread=False
            )
        cid = c.id
    view = open_chat(window, qtbot, cid)
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 600)
    background = colours(view.palette()).chat_background.rgb()
    width = view.viewport().width()

    def top_strip() -> Any:
        return view.viewport().grab().toImage().copy(0, 0, width, 40)

    shown = covered_spots = 0
    for value in range(bar.maximum() // 4, bar.maximum() * 3 // 4, 7):  # the owner scrolls, stopping anywhere
        bar.setValue(value)
        assert view.floating_date_shown
        with_day = top_strip()
        view.floating_date_shown = False  # the same spot as the messages alone look
        messages = top_strip()
        view.floating_date_shown = True
        hidden = [
            (x, y)
            for y in range(40)
            for x in range(0, width, 2)
            if with_day.pixelColor(x, y).rgb() != messages.pixelColor(x, y).rgb()
        ]
        over_a_bubble = [(x, y) for x, y in hidden if messages.pixelColor(x, y).rgb() != background]
        assert over_a_bubble == [], f"scrolled to {value}: the day hides a message's pixels"
        shown += bool(hidden)
        covered_spots += messages.pixelColor(width // 2, 20).rgb() != background
    assert shown > 0  # over a gap, the day still floats
    assert covered_spots > 0  # and the test stopped over a bubble too


def test_the_jump_button_sits_below_the_messages_and_never_over_a_bubbles_time(
    window: Any, qtbot: Any
) -> None:
    """Floating over the messages, the button hid the time of the bubble at the bottom; it takes its
    own band under them while it shows, and gives the room back at the bottom."""
    cid = make_chat(window.ctx, 120)
    view = open_chat(window, qtbot, cid)
    qtbot.waitUntil(view.at_bottom)
    assert not view.jump_button.isVisible() and view.viewportMargins().bottom() == 0
    laid_out()  # the header's texts, just read, reach the chat's height once laid out
    full_height = view.viewport().height()

    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the owner scrolls up to read
    qtbot.waitUntil(view.jump_button.isVisible)
    button, messages = view.jump_button.geometry(), view.viewport().geometry()
    assert button.top() > messages.bottom(), "the button covers the lowest bubble"
    assert button.bottom() < view.height() and button.right() < messages.right()
    assert view.viewport().height() == full_height - view.viewportMargins().bottom()
    # A few more steps up: the band stays (the button does not blink away and back).
    for _ in range(5):
        bar.setValue(bar.value() - 40)
        assert view.jump_button.isVisible() and view.viewportMargins().bottom() > 0

    view.jump_button.click()
    qtbot.waitUntil(view.at_bottom)
    assert not view.jump_button.isVisible()
    assert view.viewportMargins().bottom() == 0 and view.viewport().height() == full_height
    newest = view.visualRect(view.chat_model.index(view.chat_model.rowCount() - 1))
    assert newest.bottom() <= view.viewport().height()


def test_the_message_chosen_to_answer_is_let_go_once_it_is_quoted(window: Any, qtbot: Any) -> None:
    """Ctrl+R on a chosen message: the quote shows above the typing, and the message's row is not
    left highlighted in the chat after the answer went."""
    cid = make_chat(window.ctx, 5)
    view = open_chat(window, qtbot, cid)
    last = view.chat_model.index(view.chat_model.rowCount() - 1)
    view.setCurrentIndex(last)
    assert view.selectionModel().isSelected(last)

    window.chat.reply_to_current()

    composer = window.chat.composer
    assert composer.reply_to is not None and composer.reply_to.body == "message 4"
    assert not view.selectionModel().hasSelection()


def test_a_page_far_back_in_a_long_chat_works_out_only_its_own_bubbles(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """Each older page laid the whole chat out three times, working every bubble out again past the
    800 kept: scrolling back months in a big shop's chat froze the window ~1 s a page at 18,000 rows."""
    import ui.chat_view_delegate as delegate

    cid = make_chat(window.ctx, 2000)
    view = open_chat(window, qtbot, cid)
    model = view.chat_model

    qtbot.waitUntil(lambda: not view._loading_older)
    while model.rowCount() < 1000:  # the owner scrolled back a while
        with qtbot.waitSignal(model.older_loaded, timeout=5000):
            assert model.load_older(200)
    settle(qtbot)
    sb = view.verticalScrollBar()
    sb.setValue(sb.maximum() // 2)  # up from the newest: the jump button's band shows (a layout)
    view.executeDelayedItemsLayout()  # what the window does once idle
    assert model.has_older
    asked: list[int] = []
    worked_out: list[int] = []
    row_info, compute = delegate.row_info, delegate.compute

    def counted_row_info(index: Any) -> Any:
        asked.append(1)
        return row_info(index)

    def counted_compute(*args: Any, **kwargs: Any) -> Any:
        worked_out.append(1)
        return compute(*args, **kwargs)

    monkeypatch.setattr(delegate, "row_info", counted_row_info)  # counted, still the real ones
    monkeypatch.setattr(delegate, "compute", counted_compute)
    before = model.rowCount()
    with qtbot.waitSignal(model.older_loaded, timeout=5000):
        sb.setValue(0)
    settle(qtbot)
    added = model.rowCount() - before
    assert added > 0
    assert len(worked_out) <= added + 60  # the new bubbles and what is painted, not the whole chat
    assert len(asked) <= 1.5 * model.rowCount()  # one layout, not three


def test_the_first_message_shown_loses_its_day_when_an_older_one_of_that_day_arrives(
    window: Any, qtbot: Any
) -> None:
    cid = make_chat(window.ctx, 300)  # five hours of one day
    view = open_chat(window, qtbot, cid)
    model = view.chat_model
    first_id = model.message_at(0).id
    first = model.index(0)
    with_day = view.visualRect(first).height()
    with qtbot.waitSignal(model.older_loaded, timeout=5000):
        view.verticalScrollBar().setValue(0)
    settle(qtbot)
    row = model.row_of(first_id)
    assert row is not None and row > 0
    index = model.index(row)
    geo = view.bubbles.geometry(index, float(view.viewport().width()))
    assert geo is not None
    assert view.visualRect(index).height() == int(geo.height + 0.999) < with_day


def pull_at_the_top(view: Any, qtbot: Any, times: int) -> list[int]:
    """Scroll to the top `times` times, each once the last page arrived; the rows each pull added."""
    model = view.chat_model
    added = []
    for _ in range(times):
        before = model.rowCount()
        with qtbot.waitSignal(model.older_loaded, timeout=5000):
            view.verticalScrollBar().setValue(0)
        added.append(model.rowCount() - before)
    return added


def test_an_owner_who_keeps_scrolling_up_gets_further_back_with_each_pull(window: Any, qtbot: Any) -> None:
    """At 50 messages a pull, months back in a busy chat (60 a day) took hundreds of pulls."""
    cid = make_chat(window.ctx, 3000)
    view = open_chat(window, qtbot, cid)
    qtbot.waitUntil(lambda: not view._loading_older)
    added = pull_at_the_top(view, qtbot, 5)
    assert added[0] == PAGE  # the first pull reads no more than it did
    assert added == sorted(added) and sum(added) >= 1000


def test_after_a_pause_scrolling_up_starts_again_with_a_short_page(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    import ui.chat_view

    monkeypatch.setattr(ui.chat_view, "KEEP_GOING_S", 0.0)  # every pull comes after a pause
    cid = make_chat(window.ctx, 600)
    view = open_chat(window, qtbot, cid)
    qtbot.waitUntil(lambda: not view._loading_older)
    assert pull_at_the_top(view, qtbot, 3) == [PAGE, PAGE, PAGE]


def test_reading_far_back_keeps_the_window_light_and_the_jump_button_brings_the_newest_back(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """Every loaded row's height is asked at each layout: scrolled back 18,000 messages, a page took
    165 ms and growing. Past LOADED_MOST the newest rows go, as after a search hit."""
    import ui.chat_view_model

    monkeypatch.setattr(ui.chat_view_model, "LOADED_MOST", 300)  # 3,000 in the app
    cid = make_chat(window.ctx, 1000)
    view = open_chat(window, qtbot, cid)
    model = view.chat_model
    qtbot.waitUntil(lambda: not view._loading_older)
    pull_at_the_top(view, qtbot, 4)  # 50, 100, 200, 400 further back than the newest 50
    # The page of 400 just read and 300 under it: messages 200–899, the newest 100 let go.
    assert model.rowCount() == 700 and model.has_newer
    assert (model.message_at(0).body, model.message_at(699).body) == ("message 200", "message 899")
    with qtbot.waitSignal(model.older_loaded, timeout=5000):  # and what is on screen stays put
        view.verticalScrollBar().setValue(0)
        anchor_id, anchor_top = top_message(view)
    row = model.row_of(anchor_id)
    assert row is not None and abs(view.visualRect(model.index(row)).top() - anchor_top) <= 1
    assert model.rowCount() == 500 and model.message_at(0).body == "message 0"
    qtbot.waitUntil(view.jump_button.isVisible)
    view.jump_button.click()
    qtbot.waitUntil(
        lambda: model.rowCount() > 0 and model.message_at(model.rowCount() - 1).body == "message 999"
    )
    qtbot.waitUntil(view.at_bottom)


def _late_message(ctx: Any, contact_id: int, body: str, minutes: float, *, unread: bool = True) -> int:
    """A customer's message that reaches this computer after newer ones (WhatsApp redelivered it
    hours on, with the time she wrote it): its time sorts it among the messages shown."""
    from app.models import Contact

    with ctx.db.write() as s:
        contact = s.get(Contact, contact_id)
        assert contact is not None
        at = BASE_TIME + timedelta(minutes=minutes)
        late = make_message(s, contact, body, direction="in", sent_at=at, unread=unread)
        return late.id


def test_a_late_message_shows_in_the_open_chat_where_its_time_puts_it(window: Any, qtbot: Any) -> None:
    """The chat is open (so it is marked read at once): a message that came late must still be seen
    there, not only after the chat is opened again."""
    cid = make_chat(window.ctx, 40)
    view = open_chat(window, qtbot, cid)
    model = view.chat_model
    qtbot.waitUntil(view.at_bottom)
    late_id = _late_message(window.ctx, cid, "redelivered in the morning", 35.5)
    sync_batch(window, qtbot, {cid})
    row = model.row_of(late_id)
    assert row is not None, "the late message is not shown in the open chat"
    bodies = [model.message_at(i).body for i in range(row - 1, row + 2)]
    assert bodies == ["message 35", "redelivered in the morning", "message 36"]
    assert model.message_at(model.rowCount() - 1).body == "message 39"
    assert view.at_bottom()  # the newest message stays in sight


def test_a_late_message_above_does_not_move_what_the_owner_is_reading(window: Any, qtbot: Any) -> None:
    cid = make_chat(window.ctx, 40)
    view = open_chat(window, qtbot, cid)
    model = view.chat_model
    qtbot.waitUntil(view.at_bottom)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    settle(qtbot)
    reading, top = top_message(view)
    first_shown = model.message_at(0).id
    late_id = _late_message(window.ctx, cid, "came late", 0.5)  # far above the screen
    sync_batch(window, qtbot, {cid})
    assert model.row_of(late_id) == 1 and model.message_at(0).id == first_shown
    assert top_message(view) == (reading, top)


def test_many_older_messages_brought_into_the_open_chat_show_at_once(window: Any, qtbot: Any) -> None:
    """A phone's export imported while the chat is open fills its past: the chat is read again
    whole (not a layout for each of hundreds of rows), the newest message still at the bottom."""
    from ui.chat_view_model import LATE_INSERTED_MOST

    cid = make_chat(window.ctx, 40)
    view = open_chat(window, qtbot, cid)
    model = view.chat_model
    qtbot.waitUntil(view.at_bottom)
    late = [
        _late_message(window.ctx, cid, f"from the export {i}", 35.5 + i / 100, unread=False)
        for i in range(LATE_INSERTED_MOST + 5)
    ]
    sync_batch(window, qtbot, {cid})
    qtbot.waitUntil(lambda: not model.busy() and all(model.row_of(m) is not None for m in late))
    assert model.message_at(model.rowCount() - 1).body == "message 39"
    qtbot.waitUntil(view.at_bottom)


def test_copy_is_greyed_out_for_a_voice_note_and_leaves_the_clipboard_alone(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """A voice note has no words: "Copy" did nothing when chosen; greyed out, it says so before."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent, QGuiApplication
    from PySide6.QtWidgets import QMenu

    with window.ctx.db.write() as s:
        c = make_contact(s)
        make_message(
            s,
            c,
            "",
            kind="audio",
            payload={"audio": {"id": "77", "voice": True}},
            sent_at=BASE_TIME,
            unread=False,
        )
        make_message(s, c, "가격이 얼마예요?", sent_at=BASE_TIME + timedelta(minutes=5), unread=False)
        contact_id = c.id
    view = open_chat(window, qtbot, contact_id)
    QGuiApplication.clipboard().setText("before")
    copy_enabled: list[bool] = []

    def look(menu: QMenu) -> None:
        copy = next(a for a in menu.actions() if a.text() == "&Copy")
        copy_enabled.append(copy.isEnabled())
        menu.close()

    dialogs.expect("menu", answer=look, times=2)
    for row in (0, 1):  # the voice note, then the text
        rect = view.visualRect(view.chat_model.index(row))
        pos = QPoint(rect.left() + 40, rect.center().y())
        QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, pos))
    qtbot.waitUntil(lambda: len(copy_enabled) == 2, timeout=3000)
    assert copy_enabled == [False, True]
    view.setCurrentIndex(view.chat_model.index(0))
    view.copy()  # Ctrl+C on the voice note
    assert QGuiApplication.clipboard().text() == "before"


def test_a_chat_view_deleted_right_after_a_light_dark_switch_raises_nothing(qtbot: Any, ctx: Any) -> None:
    """The switch schedules a palette refresh for the next turn of the loop; a view closed in between
    (a window closing as the system turns dark) was called after its deletion and raised there."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer

    from ui.chat_view import ChatView

    view = ChatView(ctx)
    QCoreApplication.sendEvent(view, QEvent(QEvent.Type.ApplicationPaletteChange))
    shiboken6.delete(view)
    after: list[bool] = []
    QTimer.singleShot(0, lambda: after.append(True))  # zero timers fire in the order they were set
    with qtbot.captureExceptions() as raised:
        qtbot.waitUntil(lambda: bool(after), timeout=3000)
    assert raised == []
