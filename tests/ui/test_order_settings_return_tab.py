"""Order settings ▸ Messages ▸ Return lays out as the other tabs: with no template chosen, its note's
words start right under the template list, with no empty gap above them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from app.order_messages import RETURN_MESSAGE
from tests.ui.test_order_template_preview import open_settings


def first_ink_row(label: QLabel) -> int:
    """The first pixel row of the label (as painted) where its words begin."""
    image = label.grab().toImage()
    background = QColor(image.pixel(1, 1)).lightness()
    for y in range(image.height()):
        if any(abs(QColor(image.pixel(x, y)).lightness() - background) > 60 for x in range(image.width())):
            return y
    raise AssertionError("the note shows no words")


def gap(above: QWidget, below: QWidget) -> int:
    return below.geometry().top() - above.geometry().bottom()


@pytest.mark.parametrize("chosen", [{}, {RETURN_MESSAGE: "order_return"}], ids=["none", "chosen then none"])
def test_with_no_return_template_the_note_reads_right_under_the_list(
    ctx: Any, qtbot: Any, chosen: dict[str, str]
) -> None:
    dialog = open_settings(ctx, qtbot, chosen)
    dialog.resize(630, 680)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.pages.setCurrentIndex(1)
    tabs = dialog.message_tabs
    tabs.setCurrentIndex(tabs.count() - 1)
    note = dialog.findChild(QLabel, "returnTemplateNote")
    assert note is not None
    qtbot.waitUntil(note.isVisible)
    combo = dialog.template_choice[RETURN_MESSAGE]
    combo.setCurrentIndex(combo.findData(""))
    preview = dialog.template_previews[RETURN_MESSAGE]
    usual = gap(dialog.other_messages[RETURN_MESSAGE], combo)  # between the tab's other rows
    qtbot.waitUntil(lambda: preview.isHidden() and gap(combo, note) <= usual)  # (its row laid out away)
    words = note.geometry().top() + first_ink_row(note) - combo.geometry().bottom()
    assert words <= usual + note.fontMetrics().leading() + 6, (words, usual)
