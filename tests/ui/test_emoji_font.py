"""Emoji are drawn in colour, not as boxes, in chat bubbles, chat-list previews and the emoji picker."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QToolButton

from ui.theme import colour_emoji_family, install_emoji_font

EMOJI = ["😊", "🙏", "👍", "❤️", "🎉"]


def colour_pixels(image: QImage) -> int:
    """Pixels of a strong colour: a colour emoji has hundreds, black text or a tofu box none."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            count += colour.hsvSaturation() > 100 and colour.value() > 80
    return count


def drawn(text: str, font: QFont) -> QImage:
    image = QImage(120, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(8, 44, text)
    painter.end()
    return image


@pytest.fixture
def emoji_family(qapp: Any) -> Iterator[str]:
    family = install_emoji_font()
    if family is None:
        pytest.skip("no colour emoji font on this system (Linux: apt-get install fonts-noto-color-emoji)")
    yield family
    QFontDatabase.removeApplicationEmojiFontFamily(family)


def test_the_colour_emoji_font_of_each_system_is_chosen_and_monochrome_ones_are_not() -> None:
    assert colour_emoji_family(["Segoe UI", "Segoe UI Symbol", "Segoe UI Emoji"]) == "Segoe UI Emoji"
    assert colour_emoji_family(["Helvetica Neue", "Apple Color Emoji"]) == "Apple Color Emoji"
    assert colour_emoji_family(["DejaVu Sans", "Symbola", "noto color emoji"]) == "Noto Color Emoji"
    assert colour_emoji_family(["DejaVu Sans", "Symbola", "Noto Emoji"]) is None


def test_emoji_are_drawn_in_colour_in_bubbles_previews_and_the_picker(emoji_family: str, qtbot: Any) -> None:
    from ui.chat_list_delegate import ChatListDelegate
    from ui.chat_view_delegate import ChatViewDelegate
    from ui.composer import Composer

    assert emoji_family in QFontDatabase.applicationEmojiFontFamilies()
    fonts = {
        "bubble": ChatViewDelegate(media_dir="").fonts.body,
        "chat-list preview": ChatListDelegate().small_font,
    }
    for where, font in fonts.items():
        for emoji in EMOJI:
            assert colour_pixels(drawn(f"hi {emoji}", font)) > 10, f"{emoji} in the {where} is not in colour"

    composer = Composer()
    qtbot.addWidget(composer)
    menu = composer.emoji_picker
    assert menu is not None
    buttons = menu.findChildren(QToolButton)
    picked = [b for b in buttons if b.text() in EMOJI]
    assert len(picked) == len(EMOJI)
    for button in picked:
        button.resize(button.sizeHint())
        assert colour_pixels(button.grab().toImage()) > 10, f"{button.text()} in the picker is not in colour"
