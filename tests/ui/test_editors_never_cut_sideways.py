"""The greeting, away and business hours editors open wide enough for their form: nothing on the
right is hidden behind a sideways scroll bar, in English (its 12-hour clock is wider) or Korean."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPushButton, QScrollArea, QWidget

from app.automations_store import AutomationsStore, demo_automations
from app.paths import paths_for
from tests.support.window_waits import laid_out
from ui.away_editor import SCHEDULES, AwayEditor
from ui.business_hours_editor import BusinessHoursEditor
from ui.context import AppContext
from ui.greeting_editor import GreetingEditor


@pytest.fixture
def demo_ctx(db, tmp_path: Path) -> AppContext:  # type: ignore[no-untyped-def]
    ctx = AppContext(db=db, paths=paths_for(tmp_path / "data"))
    AutomationsStore(ctx.db).apply_remote(demo_automations("en").model_copy(update={"revision": 1}))
    return ctx


def _seen_whole(button: QWidget, area: QScrollArea) -> bool:
    """Whether `button` lies inside the part of `area` the owner sees."""
    seen = area.viewport().rect()
    top_left = button.mapTo(area.viewport(), QPoint(0, 0))
    return top_left.x() >= 0 and top_left.x() + button.width() <= seen.width()


@pytest.mark.parametrize("language", ["english", "korean"])
@pytest.mark.parametrize("editor_class", [GreetingEditor, AwayEditor, BusinessHoursEditor])
def test_an_editor_opens_with_its_right_edge_in_view(
    qtbot, demo_ctx: AppContext, request, language: str, editor_class: type
) -> None:  # type: ignore[no-untyped-def]
    request.getfixturevalue(language)
    request.getfixturevalue(f"{language}_locale")
    editor = editor_class(demo_ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    laid_out()  # the document just shown widens the form, if it does, once laid out
    areas = editor.findChildren(QScrollArea)
    assert areas
    for area in areas:
        # The form takes its width on a layout pass; the scroll area hides its sideways bar on a
        # queued call after it, which a busy machine can leave to a later turn: wait for both.
        qtbot.waitUntil(
            lambda area=area: (
                area.widget().width() >= area.widget().minimumSizeHint().width()
                and not area.horizontalScrollBar().isVisible()
            )
        )
    # The last of the greeting's "Insert" buttons (Next opening) and the hours' "Add hours" were cut.
    outer = areas[0]
    for button in outer.widget().findChildren(QPushButton):
        if button.isVisible():
            assert _seen_whole(button, outer), button.text()


def test_a_weekday_given_away_hours_widens_the_away_editor_rather_than_hide_add_hours(
    qtbot, demo_ctx: AppContext, english: None, english_locale: None
) -> None:  # type: ignore[no-untyped-def]
    editor = AwayEditor(demo_ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    editor.schedule.button(SCHEDULES.index("custom")).click()
    monday = editor.custom.days[0]
    monday.mode.setCurrentIndex(monday.mode.findData("open"))  # "Away at" 9:00 AM – 6:00 PM
    area = editor.findChild(QScrollArea)
    assert area is not None
    add_hours = next(b for b in monday.findChildren(QPushButton) if b.isVisible() and b.text() == "Add hours")
    # The window widens on the form's next layout; the scroll bar goes on the scroll area's next
    # one, which may come a moment later.
    qtbot.waitUntil(lambda: _seen_whole(add_hours, area) and not area.horizontalScrollBar().isVisible())
