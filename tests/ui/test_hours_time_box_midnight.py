"""The business hours' time boxes name midnight as the summary under them does: "자정", "midnight",
not "오전 12:00", "12:00 AM" or "00:00" above a summary that says "오후 6:00~자정". Typed over or
stepped with the arrow keys, a box works as before, and the hours saved are the same ("24:00")."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest
from PySide6.QtCore import Qt, QTime

from app.automations_store import AutomationsStore, demo_automations
from app.paths import paths_for
from app.wire import DayHours, TimeRange
from ui.automation_forms import DayHoursEditor
from ui.business_hours_editor import BusinessHoursEditor
from ui.context import AppContext


@pytest.fixture
def demo_ctx(db: Any, tmp_path: Path) -> AppContext:
    ctx = AppContext(db=db, paths=paths_for(tmp_path / "data"))
    AutomationsStore(ctx.db).apply_remote(demo_automations("ko").model_copy(update={"revision": 1}))
    return ctx


class Clock(NamedTuple):
    """How a clock writes midnight's name, 1:00 after it and 9:30 in the evening."""

    midnight: str
    one: str
    evening: str


# (the fixtures that set the language and locale, the clock) for each
CLOCKS = {
    "korean": (("korean", "korean_locale"), Clock("자정", "오전 1:00", "오후 9:30")),
    "american": (("english_locale",), Clock("midnight", "1:00 AM", "9:30 PM")),
    "british": (("british_locale",), Clock("midnight", "01:00", "21:30")),
}


@pytest.fixture(params=list(CLOCKS))
def clock(request: pytest.FixtureRequest) -> Clock:
    fixtures, said = CLOCKS[request.param]
    for name in fixtures:
        request.getfixturevalue(name)
    return said


def _plain(text: str) -> str:
    """Qt writes "1:00 AM" with a narrow no-break space, the summary "오후 6:00" with a no-break one."""
    return text.replace("\u202f", " ").replace("\xa0", " ").replace("\u2060", "")


def _shown(qtbot: Any, ctx: AppContext) -> BusinessHoursEditor:
    editor = BusinessHoursEditor(ctx)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    return editor


def _open_day(qtbot: Any, ctx: AppContext, weekday: int, start: str, end: str) -> DayHoursEditor:
    """The business hours shown, `weekday` open from `start` to `end` as the relay stores them."""
    day = _shown(qtbot, ctx).week.days[weekday]
    day.set_value(DayHours(mode="open", ranges=[TimeRange(start=start, end=end)]))
    return day


def test_a_range_to_and_from_midnight_names_it_in_the_boxes_as_the_summary_does(
    qtbot: Any, demo_ctx: AppContext, clock: Clock
) -> None:
    editor = _shown(qtbot, demo_ctx)
    monday, tuesday = editor.week.days[0], editor.week.days[1]
    monday.set_value(DayHours(mode="open", ranges=[TimeRange(start="18:00", end="24:00")]))
    tuesday.set_value(DayHours(mode="open", ranges=[TimeRange(start="00:00", end="09:00")]))
    assert monday.rows[0].end.text() == clock.midnight
    assert tuesday.rows[0].start.text() == clock.midnight
    assert f"–{clock.midnight}" in _plain(editor.summary.text()) or f"~{clock.midnight}" in _plain(
        editor.summary.text()
    )
    assert "12:00" not in monday.rows[0].end.text() + tuesday.rows[0].start.text()
    # Saved as before: the day's end is "24:00", its start "00:00".
    assert [(r.start, r.end) for r in monday.value().ranges] == [("18:00", "24:00")]
    assert [(r.start, r.end) for r in tuesday.value().ranges] == [("00:00", "09:00")]


def test_a_time_typed_over_midnight_is_taken(qtbot: Any, demo_ctx: AppContext, clock: Clock) -> None:
    monday = _open_day(qtbot, demo_ctx, 0, "18:00", "24:00")
    closes = monday.rows[0].end
    for typed in ("2130", "0000"):  # over midnight, then back to it as the clock writes it
        closes.setFocus()
        closes.lineEdit().selectAll()
        qtbot.keyClicks(closes, typed)
        qtbot.keyClick(closes, Qt.Key.Key_Tab)  # (from the minutes: on out of the box)
        if typed == "2130":
            assert _plain(closes.text()) == clock.evening
            assert monday.value().ranges[0].end == "21:30"
    # Named once she has left the box.
    assert not closes.hasFocus()
    assert closes.text() == clock.midnight
    assert monday.value().ranges[0].end == "24:00"


def test_the_arrow_keys_step_from_midnight_and_back(qtbot: Any, demo_ctx: AppContext, clock: Clock) -> None:
    tuesday = _open_day(qtbot, demo_ctx, 1, "00:00", "09:00")
    opens = tuesday.rows[0].start
    opens.setFocus()
    qtbot.keyClick(opens, Qt.Key.Key_Up)  # a name has no sections: the hour steps (오전/오후 gave noon)
    assert _plain(opens.text()) == clock.one
    assert tuesday.value().ranges[0].start == "01:00"
    qtbot.keyClick(opens, Qt.Key.Key_Down)
    assert opens.time() == QTime(0, 0)
    qtbot.keyClick(opens, Qt.Key.Key_Down)  # no earlier time than midnight: it stays
    assert opens.time() == QTime(0, 0)
    tuesday.rows[0].end.setFocus()  # on to the closing time (Tab would go on to the minutes first)
    assert opens.text() == clock.midnight
    assert tuesday.value().ranges[0].start == "00:00"
