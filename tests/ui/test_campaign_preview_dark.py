"""In dark mode the campaign's phone preview is WhatsApp's dark theme (dark chat, dark bubble, light
text), its every text readable on its bubble; in light mode it stays WhatsApp's light one."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage

from tests.support.contrast import DARK_WINDOWS, LIGHT_WINDOWS, READABLE, contrast, system_palette
from ui.campaign_preview import DARK_PHONE, LIGHT_PHONE, PhoneColours, PhonePreview

# Where the painted phone shows its chat and its bubble (PhonePreview.paintEvent's geometry: the
# screen 14 pixels in from the left, the bubble 12 more and 78 down, 56 narrower than the screen).
BUBBLE_EDGE = QPoint(30, 120)
CHAT_BESIDE = QPoint(268, 120)


def _painted(qtbot: Any, window: str) -> tuple[PhonePreview, QImage]:
    preview = PhonePreview()
    qtbot.addWidget(preview)
    preview.setPalette(system_palette(window))
    preview.resize(300, 520)
    preview.show_message(
        "서울 리넨 하우스",
        "Linen week",
        "Hello Minji, every linen shirt is 20% off until Sunday.\n" * 3,
        "Reply STOP to opt out",
        ["Shop now"],
    )
    return preview, preview.grab().toImage()


def _dark(colour: QColor) -> bool:
    return colour.lightness() < 80


@pytest.mark.parametrize("window", DARK_WINDOWS.values())
def test_on_a_dark_window_the_phone_is_a_dark_chat_with_light_text(qtbot: Any, window: str) -> None:
    _preview, image = _painted(qtbot, window)
    bubble = image.pixelColor(BUBBLE_EDGE)
    assert _dark(bubble) and _dark(image.pixelColor(CHAT_BESIDE))
    assert bubble != image.pixelColor(CHAT_BESIDE)  # the bubble stands out of the chat
    # The text drawn in the bubble: its strongest pixels read at 4.5:1 or better on it.
    strongest = max(
        contrast(image.pixelColor(x, y), bubble) for x in range(BUBBLE_EDGE.x(), 250) for y in range(85, 140)
    )
    assert strongest >= READABLE


@pytest.mark.parametrize("window", LIGHT_WINDOWS.values())
def test_on_a_light_window_the_phone_stays_light(qtbot: Any, window: str) -> None:
    _preview, image = _painted(qtbot, window)
    assert image.pixelColor(BUBBLE_EDGE) == QColor("#FFFFFF")
    assert image.pixelColor(CHAT_BESIDE) == LIGHT_PHONE.chat


@pytest.mark.parametrize("phone", [LIGHT_PHONE, DARK_PHONE], ids=["light", "dark"])
def test_every_text_of_the_phone_reads_on_what_it_is_drawn_on(phone: PhoneColours) -> None:
    for text in (phone.text, phone.muted, phone.link):
        assert contrast(text, phone.bubble) >= READABLE
    assert contrast(phone.header_text, phone.header) >= READABLE


def test_a_switch_to_dark_with_the_form_open_repaints_the_phone_dark(qtbot: Any) -> None:
    preview, before = _painted(qtbot, LIGHT_WINDOWS["windows"])
    assert not _dark(before.pixelColor(BUBBLE_EDGE))
    preview.show()
    qtbot.waitExposed(preview)
    preview.setPalette(system_palette(DARK_WINDOWS["windows"]))
    qtbot.waitUntil(lambda: _dark(preview.grab().toImage().pixelColor(BUBBLE_EDGE)))
