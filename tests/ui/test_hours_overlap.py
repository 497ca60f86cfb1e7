"""Business hours that give one time twice (Monday 09:00–13:00 and 12:00–18:00): said under the day as
they are typed, Save refused until they are changed or joined, and the relay refuses them too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTime

from app.automations_store import AutomationsStore
from app.paths import paths_for
from app.relay_client import RelayClient
from app.wire import DayHours, TimeRange
from tests.support.relay_server import RunningRelay
from tests.ui.test_editor_mnemonics import opened
from ui.automation_forms import DayHoursEditor
from ui.business_hours_editor import BusinessHoursEditor
from ui.context import AppContext

WEEK = [{"mode": "open", "ranges": [{"start": "09:00", "end": "13:00"}]}] * 5 + [{"mode": "closed"}] * 2


@pytest.fixture
def ctx(db: Any, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


@pytest.fixture
def client(relay: RunningRelay) -> Iterator[RelayClient]:
    relay_client = RelayClient(relay.url, relay.token, timeout=5)
    yield relay_client
    relay_client.close()


def hours_editor(
    qtbot: Any, ctx: AppContext, relay: RunningRelay, client: RelayClient
) -> BusinessHoursEditor:
    relay.put_rules(business_hours={"timezone": "Asia/Seoul", "week": WEEK})
    AutomationsStore(ctx.db).pull(client)
    editor = opened(qtbot, BusinessHoursEditor(ctx, client_provider=lambda: client))
    editor.resize(700, 700)
    return editor


def add_hours(qtbot: Any, day: DayHoursEditor, start: QTime, end: QTime) -> None:
    """Add hours to the day with its button, then set the new range's times as the owner types them."""
    qtbot.mouseClick(day.add_range_button, Qt.MouseButton.LeftButton)
    row = day.rows[-1]
    row.start.setTime(start)
    row.end.setTime(end)


def spaced(text: str) -> str:
    """Qt writes "9:00\u202fAM" (a narrow no-break space), as CLDR does; a range is kept on one
    line with no-break spaces and word joiners around its dash."""
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("\u2060", "")


def saved(qtbot: Any, editor: BusinessHoursEditor) -> None:
    editor.save()
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)


def test_overlapping_hours_are_said_under_the_day_and_save_waits_until_they_are_joined(
    qtbot: Any, ctx: AppContext, relay: RunningRelay, client: RelayClient, tmp_path: Path
) -> None:
    editor = hours_editor(qtbot, ctx, relay, client)
    monday = editor.week.days[0]
    assert not monday.overlap_row.isVisible()
    add_hours(qtbot, monday, QTime(12, 0), QTime(18, 0))
    qtbot.waitUntil(monday.overlap_row.isVisible, timeout=2000)
    assert spaced(monday.overlap_note.text()) == "Monday: 9:00 AM–1:00 PM and 12:00 PM–6:00 PM overlap"
    assert monday.join_button.isVisible()
    assert not editor.week.days[1].overlap_row.isVisible()  # Tuesday is fine
    editor.grab().save(str(tmp_path / "hours-overlap.png"))
    revision = client.get_automations().revision
    saved(qtbot, editor)
    assert editor.error.isVisible()
    assert spaced(editor.error.text()).startswith("Monday: 9:00 AM–1:00 PM and 12:00 PM–6:00 PM overlap.")
    assert client.get_automations().revision == revision  # nothing went to the relay
    qtbot.mouseClick(monday.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not monday.overlap_row.isVisible(), timeout=2000)
    assert monday.value() == DayHours(mode="open", ranges=[TimeRange(start="09:00", end="18:00")])
    assert not editor.error.isVisible()  # the refusal followed the edit away
    saved(qtbot, editor)
    week = client.get_automations().business_hours.week
    assert week[0].ranges == [TimeRange(start="09:00", end="18:00")]
    assert week[1].ranges == [TimeRange(start="09:00", end="13:00")]


def test_hours_that_only_touch_are_fine_and_a_night_running_into_the_morning_is_named(
    qtbot: Any, ctx: AppContext, relay: RunningRelay, client: RelayClient
) -> None:
    editor = hours_editor(qtbot, ctx, relay, client)
    monday, tuesday = editor.week.days[0], editor.week.days[1]
    add_hours(qtbot, monday, QTime(13, 0), QTime(18, 0))  # lunch ends as the afternoon starts
    assert not monday.overlap_row.isVisible()
    add_hours(qtbot, monday, QTime(22, 0), QTime(10, 0))  # a night shift into Tuesday's 09:00
    qtbot.waitUntil(tuesday.overlap_row.isVisible, timeout=2000)
    assert (
        spaced(tuesday.overlap_note.text())
        == "Monday 10:00 PM–10:00 AM (next day) runs into Tuesday 9:00 AM–1:00 PM"
    )
    assert not tuesday.join_button.isVisible()  # two days' hours: the owner changes one
    saved(qtbot, editor)
    assert editor.error.text().endswith("Change one of them or join them, then save.")


@pytest.mark.usefixtures("korean", "korean_locale")
def test_a_korean_owner_reads_which_hours_overlap(
    qtbot: Any, ctx: AppContext, relay: RunningRelay, client: RelayClient
) -> None:
    editor = hours_editor(qtbot, ctx, relay, client)
    monday = editor.week.days[0]
    add_hours(qtbot, monday, QTime(12, 0), QTime(18, 0))
    qtbot.waitUntil(monday.overlap_row.isVisible, timeout=2000)
    assert (
        spaced(monday.overlap_note.text())
        == "월요일: 오전 9:00~오후 1:00, 오후 12:00~오후 6:00 시간이 겹쳐요"
    )
    assert monday.join_button.text() == "합치기"
    saved(qtbot, editor)
    assert editor.error.text().endswith("하나를 고치거나 합친 뒤 저장하세요.")


def test_add_hours_never_starts_out_overlapping_the_days_hours(qtbot: Any, ctx: AppContext) -> None:
    """Add hours gave every open day 14:00–18:00, which a day of 10:00–19:00 already covered: now the
    day's last free hours, an hour after its closing."""
    editor = opened(qtbot, BusinessHoursEditor(ctx, client_provider=lambda: None))
    monday = editor.week.days[0]
    monday.set_value(DayHours(mode="open", ranges=[TimeRange(start="10:00", end="19:00")]))
    for _ in range(3):
        qtbot.mouseClick(monday.add_range_button, Qt.MouseButton.LeftButton)
        assert not monday.overlap_row.isVisible()
    assert [(r.start, r.end) for r in monday.value().ranges] == [
        ("10:00", "19:00"),
        ("20:00", "23:00"),
        ("23:00", "24:00"),
        ("19:00", "20:00"),  # the hour left between them
    ]
