"""At 200 % on a 1920×1080 screen (960×540 for windows) the menu bot's answer forms fit their width:
no sideways scroll bar, and the "Insert: Bank account" button whole in view, in English and Korean."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget

from app.shop_menu import korean_shop_menu
from ui.bot_editor import BotEditor
from ui.context import AppContext

# 960×540 less the window's frame and title bar (ui/screen_fit.py's FRAME_ROOM).
WINDOW_AT_200_PERCENT = (940, 492)


def _seen_whole(widget: QWidget, area: QScrollArea) -> bool:
    left = widget.mapTo(area.viewport(), QPoint(0, 0)).x()
    return left >= 0 and left + widget.width() <= area.viewport().width()


def _forms(editor: BotEditor) -> list[QScrollArea]:
    """The keyword answer's form (first tab) and the menu choice's (second tab), each in its scroll area."""
    areas = {a.widget(): a for a in editor.findChildren(QScrollArea) if a.widget() is not None}
    return [areas[editor.rule_form], areas[editor.node_form]]


@pytest.mark.parametrize("language", ["english", "korean"])
def test_at_200_percent_on_a_1080p_screen_the_answer_forms_never_scroll_sideways(
    qtbot: Any, ctx: AppContext, request: pytest.FixtureRequest, language: str
) -> None:
    request.getfixturevalue(language)
    editor = BotEditor(ctx, client_provider=lambda: None, report_client=lambda: None)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.tree.isEnabled(), timeout=5000)
    editor.load_menu(korean_shop_menu())
    editor.resize(*WINDOW_AT_200_PERCENT)
    editor.show()
    qtbot.waitExposed(editor)
    forms = _forms(editor)
    assert len(forms) == 2
    for tab, area in enumerate(forms):
        editor.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(lambda area=area: _fits(area), timeout=3000)


def _fits(area: QScrollArea) -> None:
    """The form laid out in the area's width, no sideways scroll, its buttons whole in view."""
    inner = area.widget()
    assert inner is not None
    layout = inner.layout()
    assert area.isVisible() and layout is not None and layout.geometry() == inner.rect()
    assert inner.minimumSizeHint().width() <= area.viewport().width()
    assert area.horizontalScrollBar().maximum() == 0
    buttons = [b for b in inner.findChildren(QPushButton) if b.isVisibleTo(inner)]
    assert buttons, "the Insert: Bank account button"
    for button in buttons:
        assert _seen_whole(button, area), button.text()


@pytest.fixture
def large_font(qapp: QApplication) -> Iterator[None]:
    """The desktop's font larger, as GNOME's 11-point Cantarell is beside Qt's 9-point default."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(11)
    qapp.setFont(font)
    yield
    qapp.setFont(before)


def test_at_200_percent_with_a_large_desktop_font_the_choices_preview_scrolls_rather_than_cut(
    qtbot: Any, ctx: AppContext, english: None, large_font: None
) -> None:
    """GNOME's font at 200 %: "What the customer gets on tapping it" lost its first and last lines
    (the main menu's greeting and 상담원 연결); it keeps them, and scrolls down."""
    editor = BotEditor(ctx, client_provider=lambda: None, report_client=lambda: None)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.tree.isEnabled(), timeout=5000)
    editor.load_menu(korean_shop_menu())
    editor.resize(*WINDOW_AT_200_PERCENT)
    editor.tabs.setCurrentIndex(1)
    editor.show()
    qtbot.waitExposed(editor)
    preview = editor.node_preview
    assert "상담원 연결" in preview.text()  # the Korean ready-made menu: its last row

    def whole() -> None:
        assert preview.isVisible()
        assert preview.height() >= preview.heightForWidth(preview.width())

    qtbot.waitUntil(whole, timeout=3000)
