"""A message is set in the font of its letters: English in the UI font's own family, Korean in the Korean one."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontInfo, QFontMetricsF
from PySide6.QtWidgets import QApplication

from ui.theme import font_for_text, ui_font


def test_an_english_customers_price_reads_in_the_ui_font_not_the_first_korean_one(qapp: Any) -> None:
    """Linux's "Sans Serif" is an alias: listed before NanumGothic it was passed over, and "It's £39."
    came out in NanumGothic, its pound sign as wide as a syllable."""
    font = font_for_text(ui_font(1), "Hi Emily 😊 Yes, the ivory one is in stock in M. It's £39.")
    assert QFontInfo(font).family() == QFontInfo(QApplication.font()).family()
    fm = QFontMetricsF(font)
    for sign in "£€¥":
        assert fm.horizontalAdvance(sign) <= 1.2 * fm.horizontalAdvance("3"), sign


def test_a_korean_message_keeps_the_korean_font_for_its_latin_letters_too(qapp: Any) -> None:
    body = ui_font(1)
    font = font_for_text(body, "M 사이즈 39,000원이에요")
    assert font.families() == body.families()
    assert QFontMetricsF(font).inFont("주")


def test_the_chat_lists_preview_of_an_english_message_reads_in_the_ui_font_too(qapp: Any) -> None:
    from ui.chat_list_delegate import ChatListDelegate, preview_font_number

    delegate = ChatListDelegate()
    english = delegate.fonts[preview_font_number("Got it, it's £39 with free delivery")]
    assert QFontInfo(english).family() == QFontInfo(QApplication.font()).family()
    fm = QFontMetricsF(english)
    assert fm.horizontalAdvance("£") <= 1.2 * fm.horizontalAdvance("3")
    korean = delegate.fonts[preview_font_number("네 오늘 저녁에 입금할게요")]
    assert korean.families() == delegate.small_font.families()
