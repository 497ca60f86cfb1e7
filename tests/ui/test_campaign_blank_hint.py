"""A template's {{n}} without an example: its field's grey hint, "Text (also used when the field is
empty)", was cut at the field's edge at the window's usual size and said neither which field nor when.
It reads whole and says what the text is for with the source chosen, in Korean and English."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.campaign_window import choose_template, open_window, seed


@pytest.mark.parametrize(
    ("language", "for_everyone", "if_no_name"),
    [
        ("korean", "모든\xa0고객에게 보낼 문구", "이름이 없을 때 쓸 문구"),
        ("english", "Text for every customer", "Text if there is no name"),
    ],
)
@pytest.mark.parametrize("size", [(1346, 720), (1400, 820)])  # a 1366×768 laptop; the window as it opens
def test_a_blank_without_an_example_says_whole_what_its_text_is_for(
    qtbot: Any,
    ctx: Any,
    request: Any,
    language: str,
    for_everyone: str,
    if_no_name: str,
    size: tuple[int, int],
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionFrame

    request.getfixturevalue(language)
    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(*size)
    editor = window.editor
    choose_template(editor, "winter_sale")  # "{{1}}님, 겨울 세일을 시작했어요! 쿠폰 {{2}}", no examples
    qtbot.waitUntil(lambda: len(editor.message.param_rows) == 2, timeout=5000)
    (name_source, name_text), (coupon_source, coupon_text) = editor.message.param_rows
    qtbot.waitUntil(coupon_text.isVisible, timeout=5000)
    assert name_source.currentData() == "name" and coupon_source.currentData() == "text"

    def reads_whole(field: Any) -> bool:
        option = QStyleOptionFrame()
        field.initStyleOption(option)
        room = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
        # QLineEdit keeps 2 pixels either side of its text inside that rectangle.
        return field.fontMetrics().horizontalAdvance(field.placeholderText()) <= room.width() - 4

    # The form laid out at the window's size (its pending layouts done), not as the fields first came.
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=5000)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert reads_whole(coupon_text)
    assert name_text.placeholderText() == if_no_name  # the name's stand-in for a customer without one
    assert coupon_text.placeholderText() == for_everyone
    assert reads_whole(name_text)
    # The source changed: the hint follows it.
    name_source.setCurrentIndex(name_source.findData("text"))
    assert name_text.placeholderText() == for_everyone
    coupon_source.setCurrentIndex(coupon_source.findData("first_name"))
    assert coupon_text.placeholderText() == if_no_name
    assert reads_whole(name_text) and reads_whole(coupon_text)
