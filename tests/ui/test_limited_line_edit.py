"""A field held to a limit says when a paste or a drop did not all fit, and only then."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QInputMethodEvent

from ui.limited_line_edit import LimitedLineEdit


def drop(field: LimitedLineEdit, text: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    event = QDropEvent(
        QPointF(field.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    field.dropEvent(event)


def test_text_dropped_from_elsewhere_that_does_not_fit_is_cut_and_said(qtbot: Any) -> None:
    field = LimitedLineEdit()
    qtbot.addWidget(field)
    field.setMaxLength(10)
    field.show()
    with qtbot.waitSignal(field.cut_short) as cut:
        drop(field, "가나다라마바사아자차카타")
    assert cut.args == [10] and field.text() == "가나다라마바사아자차"
    field.clear()
    with qtbot.assertNotEmitted(field.cut_short):
        drop(field, "가나다")
    assert field.text() == "가나다"


def test_keys_typed_into_a_full_field_are_said_not_silently_dropped(qtbot: Any) -> None:
    """An owner typing fast lost the end of a name: a full QLineEdit drops each key without a sign."""
    field = LimitedLineEdit()
    qtbot.addWidget(field)
    field.setMaxLength(5)
    field.show()
    with qtbot.assertNotEmitted(field.full):
        qtbot.keyClicks(field, "abcde")
    assert field.text() == "abcde"
    with qtbot.waitSignal(field.full) as full:
        qtbot.keyClicks(field, "f")
    assert full.args == [5] and field.text() == "abcde"
    # Keys that type nothing (moving, deleting) are not "too long".
    with qtbot.assertNotEmitted(field.full):
        qtbot.keyClick(field, Qt.Key.Key_Left)
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "abce"


def test_korean_committed_by_the_input_method_into_a_full_field_is_said(qtbot: Any) -> None:
    """Hangul arrives through the input method, not as key text: its commit is dropped as silently."""
    field = LimitedLineEdit()
    qtbot.addWidget(field)
    field.setMaxLength(3)
    field.show()

    def commit(text: str) -> None:
        event = QInputMethodEvent()
        event.setCommitString(text)
        field.inputMethodEvent(event)

    with qtbot.assertNotEmitted(field.full):
        commit("가나")
    with qtbot.waitSignal(field.full):
        commit("다라")
    assert field.text() == "가나다"


def test_korean_pasted_or_dropped_in_decomposed_letters_is_kept_whole_as_syllables(qtbot: Any) -> None:
    """A title copied from a Mac file name comes as decomposed jamo, three letters a syllable: "교환
    반품 전에 꼭 읽어 주세요" (17 characters) was cut to "교환 반품 전에 꼭 ᄋ", a lone ㅇ at its end,
    with a note that only 24 characters fit."""
    import unicodedata

    from PySide6.QtGui import QGuiApplication

    title = "교환 반품 전에 꼭 읽어 주세요"
    decomposed = unicodedata.normalize("NFD", title)
    assert len(decomposed) > 24
    field = LimitedLineEdit()
    qtbot.addWidget(field)
    field.setMaxLength(24)
    field.show()
    QGuiApplication.clipboard().setText(decomposed)
    with qtbot.assertNotEmitted(field.cut_short):
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == title  # composed: 17 characters, as WhatsApp and the counter count them
    field.clear()
    with qtbot.assertNotEmitted(field.cut_short):
        drop(field, decomposed)
    assert field.text() == title


def test_an_emoji_counts_one_as_whatsapp_counts_it_and_is_never_cut_in_half(qtbot: Any) -> None:
    """Qt counts an emoji two: a field of 5 took two and a half of them. It takes five now, as the
    relay and the counter count them (app.wire.whatsapp_length), and a cut keeps whole emoji."""
    from PySide6.QtGui import QGuiApplication

    field = LimitedLineEdit()
    qtbot.addWidget(field)
    field.setMaxLength(5)
    field.show()

    def commit(text: str) -> None:  # an emoji picker's character arrives as the input method's commit
        event = QInputMethodEvent()
        event.setCommitString(text)
        field.inputMethodEvent(event)

    with qtbot.assertNotEmitted(field.full):
        for _ in range(5):
            commit("\U0001f381")
    assert field.text() == "\U0001f381" * 5
    field.clear()
    thumbs_up_medium = "\U0001f44d\U0001f3fd"  # two code points, one picture
    QGuiApplication.clipboard().setText("가나다라" + thumbs_up_medium)
    with qtbot.waitSignal(field.cut_short):
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "가나다라"  # not the thumb without its skin tone
