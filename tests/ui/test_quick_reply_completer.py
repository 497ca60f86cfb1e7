"""The composer's `/` completer: Korean shortcuts and text, ranking, Tab/Enter/Esc, fields filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from app.automations_store import AutomationsStore
from app.paths import paths_for
from app.quick_replies import ContactInfo, QuickReplyLibrary, QuickReplyRow
from app.wire import Automations, BusinessProfile
from tests.support.window_waits import settle
from ui.context import AppContext
from ui.quick_reply_completer import QuickReplyCompleter


@pytest.fixture
def ctx(db, tmp_path: Path) -> AppContext:
    library = QuickReplyLibrary(db)
    library.add("/감사", "{first_name}님, 주문해 주셔서 감사합니다! {shop}", keywords=["주문"])
    library.add("/배송", "결제 후 2~3일 안에 받으실 수 있어요.", keywords=["택배"])
    library.add("/빠른배송", "오늘 오후 2시 전 주문은 당일 출발해요.")
    library.add("/계좌", "국민은행 123456-01-234567 예금주 {shop}, 배송비 포함이에요.")
    library.add("/thanks", "Thanks {name}! Your number is {phone}.")
    store = AutomationsStore(db)
    store.save(Automations(profile=BusinessProfile(name="서울 리넨 하우스")))
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


@pytest.fixture(params=[QPlainTextEdit, QTextEdit], ids=["plain", "rich"])
def composer(request, qtbot, ctx: AppContext):
    window = QWidget()
    window.resize(520, 420)
    editor = request.param()
    layout = QVBoxLayout(window)
    layout.addStretch(1)
    layout.addWidget(editor)
    qtbot.addWidget(window)
    request.node.window = window  # kept alive for the test's length
    window.show()
    qtbot.waitExposed(window)
    editor.setFocus()
    completer = QuickReplyCompleter(
        editor, ctx, contact_provider=lambda: ContactInfo(name="김민지", phone="821012345678")
    )
    settle(qtbot)  # the replies and the shop's profile are read off the GUI thread
    return editor, completer


def type_text(qtbot, editor: QWidget, text: str) -> None:
    """Type like a person: ASCII as key presses, Hangul through the input method's commit strings."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(editor, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(editor, event)


def shown(completer: QuickReplyCompleter) -> list[str]:
    shortcuts = []
    for r in range(completer.model.rowCount()):
        row = completer.model.row_at(r)
        assert row is not None  # a row the model counts
        shortcuts.append(row.shortcut)
    return shortcuts


def test_typing_slash_opens_every_quick_reply_in_order(qtbot, composer) -> None:
    editor, completer = composer
    type_text(qtbot, editor, "/")
    assert completer.is_open()
    assert shown(completer) == ["/감사", "/배송", "/빠른배송", "/계좌", "/thanks"]


def test_korean_pattern_ranks_shortcut_prefix_before_contains_and_text(qtbot, composer) -> None:
    editor, completer = composer
    type_text(qtbot, editor, "/배송")
    # /배송 (prefix), /빠른배송 (contains), /계좌 (its text mentions 배송비)
    assert shown(completer) == ["/배송", "/빠른배송", "/계좌"]
    type_text(qtbot, editor, "x")
    assert not completer.is_open()


def test_keyword_matches_show_after_shortcut_matches(qtbot, composer) -> None:
    editor, completer = composer
    type_text(qtbot, editor, "/택배")
    assert shown(completer) == ["/배송"]


def test_tab_inserts_the_reply_with_fields_filled_and_text_stays_editable(qtbot, composer) -> None:
    editor, completer = composer
    inserted: list[QuickReplyRow] = []
    completer.inserted.connect(inserted.append)
    type_text(qtbot, editor, "/감")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "김민지님, 주문해 주셔서 감사합니다! 서울 리넨 하우스"
    assert not completer.is_open()
    assert [row.shortcut for row in inserted] == ["/감사"]
    type_text(qtbot, editor, " 😊")
    assert editor.toPlainText().endswith("하우스 😊")


def test_a_reply_chosen_after_emoji_replaces_only_its_shortcut(qtbot, composer) -> None:
    """Qt counts an emoji as two characters: the `/감` after them must be found and replaced exactly."""
    editor, completer = composer
    type_text(qtbot, editor, "네 😊🙏 /감")
    assert shown(completer) == ["/감사"]
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "네 😊🙏 김민지님, 주문해 주셔서 감사합니다! 서울 리넨 하우스"


def test_enter_inserts_the_highlighted_reply_after_moving_down(qtbot, composer) -> None:
    editor, _completer = composer
    type_text(qtbot, editor, "주문 문의: /")
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "주문 문의: 결제 후 2~3일 안에 받으실 수 있어요."


def test_english_fields_name_and_phone(qtbot, composer) -> None:
    editor, _completer = composer
    type_text(qtbot, editor, "/than")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert editor.toPlainText() == "Thanks 김민지! Your number is +821012345678."


def test_escape_closes_until_a_new_slash_is_typed(qtbot, composer) -> None:
    editor, completer = composer
    type_text(qtbot, editor, "/배")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not completer.is_open() and editor.toPlainText() == "/배"
    type_text(qtbot, editor, "송")
    assert not completer.is_open()
    type_text(qtbot, editor, " /")
    assert completer.is_open()


def test_enter_without_popup_is_left_to_the_composer(qtbot, composer) -> None:
    editor, completer = composer
    type_text(qtbot, editor, "3/4 배송 http://x")
    assert not completer.is_open()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "3/4 배송 http://x\n"


def test_popup_filters_on_a_hangul_syllable_still_being_composed(qtbot, composer) -> None:
    editor, completer = composer
    type_text(qtbot, editor, "/")
    # The input method shows "빠" composing: not yet in the document, but the popup must see it.
    QApplication.sendEvent(editor, QInputMethodEvent("빠", []))
    assert editor.toPlainText() == "/"
    assert shown(completer) == ["/빠른배송"]
    commit = QInputMethodEvent("", [])
    commit.setCommitString("빠")
    QApplication.sendEvent(editor, commit)
    assert editor.toPlainText() == "/빠" and shown(completer) == ["/빠른배송"]
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "오늘 오후 2시 전 주문은 당일 출발해요."


def test_the_popup_stays_open_through_each_step_of_typing_a_korean_shortcut(qtbot, composer) -> None:
    """배송 through a Korean keyboard: ㅂ, 배, 뱃 (is the ㅅ a final?), then 배 committed and 소, 송."""
    editor, completer = composer
    type_text(qtbot, editor, "/")
    for composing in ("ㅂ", "배", "뱃"):
        QApplication.sendEvent(editor, QInputMethodEvent(composing, []))
        assert completer.is_open() and shown(completer)[:1] == ["/배송"], composing
    commit = QInputMethodEvent("소", [])
    commit.setCommitString("배")
    QApplication.sendEvent(editor, commit)
    assert completer.is_open() and shown(completer)[:1] == ["/배송"]
    QApplication.sendEvent(editor, QInputMethodEvent("송", []))
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "결제 후 2~3일 안에 받으실 수 있어요."


def test_initial_consonants_open_the_shortcut_they_stand_for(qtbot, composer) -> None:
    editor, completer = composer
    type_text(qtbot, editor, "/ㄱㅈ")
    assert shown(completer) == ["/계좌"]
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText().startswith("국민은행")


def test_click_on_a_row_inserts_it(qtbot, composer) -> None:
    editor, completer = composer
    type_text(qtbot, editor, "/계")
    rect = completer.popup.visualRect(completer.model.index(0, 0))
    qtbot.mouseClick(completer.popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.toPlainText().startswith("국민은행")


def test_new_quick_replies_appear_the_next_time_the_popup_opens(qtbot, composer, ctx) -> None:
    editor, completer = composer
    type_text(qtbot, editor, "/")
    QuickReplyLibrary(ctx.db).add("/사이즈", "S, M, L 있어요")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    type_text(qtbot, editor, " /사")
    # Read again as the popup opens: prefix first, then "사" inside /감사.
    qtbot.waitUntil(lambda: shown(completer) == ["/사이즈", "/감사"])


def test_in_the_real_composer_edit_enter_inserts_while_the_popup_is_open_and_sends_after(
    qtbot, ctx: AppContext
) -> None:
    from ui.message_edit import MessageEdit

    window = QWidget()
    editor = MessageEdit(window)
    QVBoxLayout(window).addWidget(editor)
    qtbot.addWidget(window)
    window.show()
    editor.setFocus()
    QuickReplyCompleter(editor, ctx, contact_provider=lambda: None)
    settle(qtbot)
    sent = []
    editor.submitted.connect(lambda: sent.append(editor.toPlainText()))
    type_text(qtbot, editor, "/배송")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "결제 후 2~3일 안에 받으실 수 있어요." and sent == []
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert sent == ["결제 후 2~3일 안에 받으실 수 있어요."]


def test_tab_inserts_in_the_real_composer_edit_instead_of_moving_focus(qtbot, ctx: AppContext) -> None:
    from ui.message_edit import MessageEdit

    window = QWidget()
    editor = MessageEdit(window)
    QVBoxLayout(window).addWidget(editor)
    qtbot.addWidget(window)
    window.show()
    editor.setFocus()
    QuickReplyCompleter(editor, ctx, contact_provider=lambda: None)
    settle(qtbot)
    type_text(qtbot, editor, "/계좌")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "국민은행 123456-01-234567 예금주 서울 리넨 하우스, 배송비 포함이에요."


def test_detached_completer_leaves_the_editor_alone(qtbot, composer) -> None:
    editor, completer = composer
    completer.detach()
    type_text(qtbot, editor, "/배송")
    assert not completer.is_open()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().startswith("/배송")


def test_many_quick_replies_the_popup_lists_the_best_hundred(qtbot, composer, ctx: AppContext) -> None:
    from app.quick_replies import add_quick_reply

    with ctx.db.write() as s:
        for n in range(300):
            add_quick_reply(s, f"/주문{n}", f"주문 안내 {n}")
    editor, completer = composer
    type_text(qtbot, editor, "/주문")
    qtbot.waitUntil(lambda: completer.model.rowCount() == 100)  # read again as the popup opens
    # Shortcut-prefix matches in the owner's order, before /감사 whose keyword is 주문.
    assert shown(completer)[:3] == ["/주문0", "/주문1", "/주문2"]
    assert "/감사" not in shown(completer)


def test_a_reply_shown_in_the_customers_other_language_says_so() -> None:
    """Olivia writes English: /감사 is listed with its English twin, and the row says why."""
    from ui.quick_reply_model import QuickReplyListModel, Role

    row = QuickReplyRow(1, "/감사", "주문해 주셔서 감사합니다!", None, (), 0, "Thank you for your order!")
    model = QuickReplyListModel([row])
    index = model.index(0)
    model.set_contact(ContactInfo("김민지", "821012345678", their_words=("사이즈 문의드려요",)))
    assert index.data(Role.TEXT) == "주문해 주셔서 감사합니다!" and not index.data(Role.OTHER_LANGUAGE)
    model.set_contact(ContactInfo("Olivia Brown", "447911123456", their_words=("Do you have it in M?",)))
    assert index.data(Role.TEXT) == "Thank you for your order!" and index.data(Role.OTHER_LANGUAGE)


def test_a_screen_reader_hears_the_reply_the_arrows_or_letters_make_current(qtbot, composer) -> None:
    """The keyboard stays in the message field: a screen reader followed nothing in the popup."""
    from ui.announce import announcements

    editor, completer = composer
    heard: list[str] = []
    connection = announcements().said.connect(heard.append)

    def current() -> str:
        return " ".join(completer.popup.currentIndex().data().split())

    try:
        type_text(qtbot, editor, "/배")
        assert heard[-1] == f"{current()}, 1 of 3" and current().startswith("/배송")
        qtbot.keyClick(editor, Qt.Key.Key_Down)
        assert heard[-1] == f"{current()}, 2 of 3" and current().startswith("/빠른배송")
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        type_text(qtbot, editor, "빠")
        said = len(heard)
        assert heard[-1] == f"{current()}, 1 of 1"
        type_text(qtbot, editor, "른")  # the same one reply still: not said again
        assert len(heard) == said
    finally:
        announcements().said.disconnect(connection)
