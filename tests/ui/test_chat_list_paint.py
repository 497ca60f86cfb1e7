"""A chat-list row painted again from what was worked out looks as a fresh paint does, and never stale."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from app.changes import Changes
from app.models import Contact
from tests.support.factories import make_contact, make_message
from ui.chat_list_delegate import ROW_HEIGHT, ChatListDelegate
from ui.chat_list_model import ChatListModel, ChatRole

if TYPE_CHECKING:
    from ui.chat_list import ChatList

WIDTH = 360


def painted(
    delegate: ChatListDelegate,
    index: QModelIndex,
    *,
    width: int = WIDTH,
    palette: QPalette | None = None,
    state: QStyle.StateFlag = QStyle.StateFlag.State_None,
) -> QImage:
    """The row as the list paints it: on the list's background, below another row's place."""
    palette = palette or QApplication.palette()
    image = QImage(width, 2 * ROW_HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(palette.base().color())
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.palette = palette  # type: ignore[attr-defined]
    option.state = state  # type: ignore[attr-defined]
    option.rect = QRect(0, ROW_HEIGHT, width, ROW_HEIGHT)  # type: ignore[attr-defined]
    delegate.paint(painter, option, index)
    painter.end()
    return image


def dark() -> QPalette:
    palette = QPalette(QApplication.palette())
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor("#111B21"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#E9EDEF"))
    return palette


def loaded(ctx: Any, qtbot: Any) -> ChatListModel:
    model = ChatListModel(ctx)
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        model.reload()
    return model


def writes_again(ctx: Any, contact_id: int, text: str) -> None:
    """The customer of that chat sends another message."""
    with ctx.db.write() as s:
        contact = s.get(Contact, contact_id)
        assert contact is not None
        make_message(s, contact, text)


def shown_chat_list(ctx: Any, qtbot: Any, chats: int) -> ChatList:
    """A chat list six rows tall on screen, over `chats` chats with a Korean message each."""
    from ui.chat_list import ChatList

    with ctx.db.write() as s:
        for n in range(chats):
            make_message(s, make_contact(s, profile_name=f"손님 {n}"), f"{n}번 주문 문의드려요")
    shown = ChatList(ctx)
    qtbot.addWidget(shown)
    shown.resize(WIDTH, 6 * ROW_HEIGHT)
    shown.show()
    with qtbot.waitSignal(shown.model.page_loaded, timeout=5000):
        shown.load()
    return shown


def test_a_row_painted_again_looks_exactly_as_its_first_paint(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지 😊 단골 고객님 이름이 아주 길어요 정말 길어요")
        make_message(s, kim, "주문했어요! 배송 언제 되나요? 감사합니다 😊 " * 4)
        make_message(s, kim, "입금했습니다~")
    model = loaded(ctx, qtbot)
    delegate = ChatListDelegate()
    first = painted(delegate, model.index(0))
    assert painted(delegate, model.index(0)) == first
    assert first == painted(ChatListDelegate(), model.index(0))
    selected = QStyle.StateFlag.State_Selected
    assert painted(delegate, model.index(0), state=selected) == painted(
        ChatListDelegate(), model.index(0), state=selected
    )
    assert painted(delegate, model.index(0), state=selected) != first


def test_a_chat_with_a_new_message_is_painted_with_it_not_as_remembered(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지")
        make_message(s, kim, "주문했어요")
    model = loaded(ctx, qtbot)
    delegate = ChatListDelegate()
    before = painted(delegate, model.index(0))
    writes_again(ctx, kim.id, "배송 언제 되나요?")
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        ctx.publish(Changes.for_contacts({kim.id}, from_sync=True))
    after = painted(delegate, model.index(0))
    assert after != before  # the new preview and an unread badge of 2
    assert after == painted(ChatListDelegate(), model.index(0))


def test_a_remembered_row_follows_the_lists_width_and_a_dark_palette(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        amy = make_contact(s, profile_name="Amy Clarke from the market on the corner")
        make_message(s, amy, "Hi! Do you ship the linen shirts to the UK? I would like three of them.")
    model = loaded(ctx, qtbot)
    delegate = ChatListDelegate()
    painted(delegate, model.index(0))
    narrow = painted(delegate, model.index(0), width=220)
    assert narrow == painted(ChatListDelegate(), model.index(0), width=220)
    night = painted(delegate, model.index(0), palette=dark())
    assert night == painted(ChatListDelegate(), model.index(0), palette=dark())
    assert night != painted(delegate, model.index(0))


def test_a_row_worked_out_ahead_paints_exactly_as_one_worked_out_at_its_paint(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        for name, text in (
            ("김민지 😊", "주문했어요! 배송 언제 되나요?"),
            ("Amy Clarke", "Do you ship to the UK?"),
        ):
            make_message(s, make_contact(s, profile_name=name), text)
    model = loaded(ctx, qtbot)
    delegate = ChatListDelegate()
    painted(delegate, model.index(0))  # the list's width and palette, as a shown list has painted
    second = model.row_at(1)
    assert not delegate.prepared(second)
    assert delegate.prepare(second)
    assert delegate.prepared(second) and not delegate.prepare(second)
    assert painted(delegate, model.index(1)) == painted(ChatListDelegate(), model.index(1))


def test_the_page_below_the_shown_one_is_worked_out_before_the_owner_scrolls_to_it(
    ctx: Any, qtbot: Any
) -> None:
    chats = shown_chat_list(ctx, qtbot, 40)
    shown = chats.view.viewport().height() // ROW_HEIGHT + 1
    next_page = [chats.model.row_at(p) for p in range(shown, 2 * shown)]
    qtbot.waitUntil(lambda: all(chats.delegate.prepared(row) for row in next_page), timeout=5000)
    # A new message changes a row of that page: it is worked out again, before any scroll.
    changed = next_page[2]
    writes_again(ctx, changed.contact_id, "입금했어요")
    ctx.publish(Changes.for_contacts({changed.contact_id}, from_sync=True))
    qtbot.waitUntil(lambda: chats.model.row_at(0).contact_id == changed.contact_id, timeout=5000)
    qtbot.waitUntil(
        lambda: all(chats.delegate.prepared(chats.model.row_at(p)) for p in range(shown, 2 * shown)),
        timeout=5000,
    )


def test_a_scroll_is_painted_before_a_synced_batchs_rows_that_came_back_before_it(
    ctx: Any, qtbot: Any
) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool

    from ui.ops import Op

    chats = shown_chat_list(ctx, qtbot, 60)
    bar = chats.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)  # laid out: a page below to scroll to
    seen: list[str] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                seen.append("paint")
            return False

    paints = Paints()
    chats.view.viewport().installEventFilter(paints)
    chats.model.rows_refreshed.connect(lambda *_: seen.append("rows"))
    # A synced batch's rows are read back while the window is busy, and wait in its queue...
    changed = chats.model.row_at(50)
    writes_again(ctx, changed.contact_id, "입금했어요")
    ctx.publish(Changes.for_contacts({changed.contact_id}, from_sync=True))
    assert (Op.pool or QThreadPool.globalInstance()).waitForDone(5000)
    QCoreApplication.sendPostedEvents(chats, QEvent.Type.UpdateRequest)  # paints asked for before
    seen.clear()
    # ... when the owner scrolls a page: the page is painted first, then the rows change.
    bar.setValue(bar.value() + bar.pageStep())
    qtbot.waitUntil(lambda: "rows" in seen, timeout=5000)
    assert seen.index("paint") < seen.index("rows")
    qtbot.waitUntil(lambda: chats.model.row_at(0).contact_id == changed.contact_id, timeout=5000)


def test_synced_rows_that_wait_for_a_paint_come_without_one(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지")
        make_message(s, kim, "안녕하세요")
    model = loaded(ctx, qtbot)
    model.scrolled()  # a list scrolled while hidden (or minimised): no paint will come
    writes_again(ctx, kim.id, "입금했어요")
    with qtbot.waitSignal(model.rows_refreshed, timeout=5000):  # the rows are read off the GUI thread
        ctx.publish(Changes.for_contacts({kim.id}, from_sync=True))
    assert model.row_at(0).last_body == "입금했어요"


def test_a_japanese_customers_last_message_is_shown_in_one_font(ctx: Any, qtbot: Any) -> None:
    """The preview of a Japanese message took its kana and common hanja from a Korean font and 届 or
    教 from the next one, larger and bolder. It is drawn in a Japanese font; a Korean one as before."""
    from ui.theme import JAPANESE_FONTS, KOREAN_FONTS

    with ctx.db.write() as s:
        sato = make_contact(s, profile_name="佐藤 健")
        make_message(s, sato, "届いていません。教えて")
        kim = make_contact(s, profile_name="김민지")
        make_message(s, kim, "주문했어요! 배송 언제 되나요?")
    model = loaded(ctx, qtbot)
    delegate = ChatListDelegate()
    rows = [model.index(i) for i in range(model.rowCount())]
    for index in rows:
        painted(delegate, index)
    shown = {
        text: font.families()
        for index in rows
        for text, font in delegate.texts_and_fonts(index.data(ChatRole.ROW))
    }
    japanese = shown["届いていません。教えて"]
    assert japanese.index(JAPANESE_FONTS[-1]) < japanese.index(KOREAN_FONTS[0])
    assert shown["주문했어요! 배송 언제 되나요?"] == delegate.small_font.families()
