"""Business hours and the away preview's hour as the owner's language writes hours, on the clock the
away banner and the chat list use: "10:00 AM" in English, "오전 10:00" in Korean."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.automations_store import AutomationsStore, demo_automations
from app.paths import paths_for
from ui.business_hours_editor import BusinessHoursEditor
from ui.context import AppContext

# Friday 2026-12-04 02:44 in Seoul (Thursday 17:44 UTC): before the demo shop opens.
FRIDAY_NIGHT = datetime(2026, 12, 3, 17, 44, tzinfo=UTC)


@pytest.fixture
def demo_ctx(db, tmp_path: Path) -> AppContext:  # type: ignore[no-untyped-def]
    # The Seoul shop (its hours in Seoul), read by an owner in either language.
    ctx = AppContext(db=db, paths=paths_for(tmp_path / "data"))
    AutomationsStore(ctx.db).apply_remote(demo_automations("ko").model_copy(update={"revision": 1}))
    return ctx


def _plain(text: str) -> str:
    """Qt writes "10:00 AM" with a narrow no-break space; a reader sees a space (and no word joiner:
    it keeps a range on one line, tests/ui/test_hours_ranges_kept_whole.py)."""
    return text.replace("\u202f", " ").replace("\xa0", " ").replace("\u2060", "")


def _opened(qtbot, editor):  # type: ignore[no-untyped-def]
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    return editor


def test_english_hours_read_on_the_12_hour_clock(qtbot, demo_ctx: AppContext, english_locale: None) -> None:
    from ui.away_editor import AwayEditor

    hours = _opened(qtbot, BusinessHoursEditor(demo_ctx))
    summary = _plain(hours.summary.text())
    assert "10:00 AM–1:00 PM, 2:00 PM–7:00 PM" in summary
    assert "13:00" not in summary and "19:00" not in summary
    monday = hours.week.days[0]
    assert [_plain(row.end.text()) for row in monday.rows] == ["1:00 PM", "7:00 PM"]

    away = _opened(qtbot, AwayEditor(demo_ctx))
    away.preview.clock = lambda: FRIDAY_NIGHT
    away.preview.show_for(AutomationsStore(demo_ctx.db).state().doc)
    assert "(Fri 2:44 AM, Korean Time)" in _plain(away.preview.title.text())
    # The away sentence under the editor names the hours the same way.
    assert "10:00 AM–1:00 PM" in _plain(away.summary.text())


def test_korean_hours_read_with_오전_오후_as_the_away_banner_says_them(
    qtbot, demo_ctx: AppContext, korean_locale: None
) -> None:
    """The summary and the time boxes read "10:00~19:00" while the away banner above the chat list
    said "내일 오전 10:00까지": two clocks on one screen. Every hour is on the locale's clock now, the
    schedule's and the preview's "now" ("오전 2:44", not "02:44")."""
    from ui.away_editor import AwayEditor

    hours = _opened(qtbot, BusinessHoursEditor(demo_ctx))
    summary = _plain(hours.summary.text())
    assert "오전 10:00–오후 1:00, 오후 2:00–오후 7:00" in summary
    assert "13:00" not in summary and "19:00" not in summary
    monday = hours.week.days[0]
    assert [_plain(row.start.text()) for row in monday.rows] == ["오전 10:00", "오후 2:00"]
    assert [_plain(row.end.text()) for row in monday.rows] == ["오후 1:00", "오후 7:00"]

    away = _opened(qtbot, AwayEditor(demo_ctx))
    away.preview.clock = lambda: FRIDAY_NIGHT
    away.preview.show_for(AutomationsStore(demo_ctx.db).state().doc)
    title = away.preview.title.text()
    assert "오전 2:44, " in title and "02:44" not in title
    assert "오전 10:00–오후 1:00" in _plain(away.summary.text())


def test_the_days_end_reads_as_midnight_on_the_locales_clock(
    qtbot, demo_ctx: AppContext, korean: None, korean_locale: None
) -> None:
    """Hours to the day's end ("24:00" on the wire): the time box names midnight, "자정", as the
    summaries do ("오후 6:00~자정", tests/ui/test_hours_at_midnight_summary.py), and keeps it: saved
    back, it is still "24:00", not a range that ends where it starts (tests/ui/test_hours_time_box_midnight.py)."""
    from app.wire import DayHours, TimeRange

    hours = _opened(qtbot, BusinessHoursEditor(demo_ctx))
    monday = hours.week.days[0]
    monday.set_value(DayHours(mode="open", ranges=[TimeRange(start="18:00", end="24:00")]))
    assert [_plain(row.end.text()) for row in monday.rows] == ["자정"]
    assert [(r.start, r.end) for r in monday.value().ranges] == [("18:00", "24:00")]


def test_a_korean_owner_types_hours_into_the_오전_오후_time_box(
    qtbot, demo_ctx: AppContext, korean_locale: None
) -> None:
    """With 오전/오후 in front of the hour, "19:30" typed into the closing time is 오후 7:30 (the
    hour read on the 24-hour clock, as she writes it on the door)."""
    from PySide6.QtCore import Qt

    hours = _opened(qtbot, BusinessHoursEditor(demo_ctx))
    hours.show()
    qtbot.waitExposed(hours)
    end = hours.week.days[0].rows[1].end
    end.setFocus()
    end.setCurrentSectionIndex(0)
    end.setSelectedSection(end.sectionAt(0))
    qtbot.keyClicks(end, "1930")
    qtbot.keyClick(end, Qt.Key.Key_Tab)
    assert _plain(end.text()) == "오후 7:30"
    assert hours.week.days[0].value().ranges[1].end == "19:30"


def test_in_korean_the_hours_and_days_are_ranged_with_a_tilde(
    qtbot, demo_ctx: AppContext, korean_locale: None, korean: None
) -> None:
    """The summary read "월–금 10:00–13:00" where every other Korean line (the night hold, the
    demo's own away message) writes "~", as Korean text does."""
    hours = _opened(qtbot, BusinessHoursEditor(demo_ctx))
    summary = _plain(hours.summary.text())
    assert "오전 10:00~오후 1:00, 오후 2:00~오후 7:00" in summary
    assert "–" not in summary


@pytest.mark.parametrize(
    ("lang", "customer", "said"),
    [
        ("en", "Hi, are you open?", "when we open, tomorrow at 10:00."),  # Brighton: the UK's clock
        ("ko", "Hi, are you open?", "tomorrow at 10:00 AM (Seoul time)"),  # Seoul's foreign customers
        ("ko", "영업하시나요?", "내일 오전 10:00에 문을 열면"),
    ],
)
def test_the_demo_shops_away_message_names_its_opening_on_its_countrys_clock(
    lang: str, customer: str, said: str
) -> None:
    """The Brighton shop's away message said "Mon–Fri 10 AM–7 PM" beside a desktop that writes 10:00;
    now the relay writes the opening from the hours the rules use, as the shop's country reads it."""
    from zoneinfo import ZoneInfo

    from app.demo_seed import demo_rules
    from app.rules import ContactState, replies_for_inbound

    doc = demo_rules(lang)  # as the demo's relay runs them: with the shop's country
    zone = ZoneInfo(doc.business_hours.timezone)
    sunday = datetime(2026, 12, 6, 15, 0, tzinfo=zone)
    state = ContactState("447700900123", None, None, None, None, known_contact=True)
    replies = replies_for_inbound(doc, state, sunday, contact_name="Amy Clarke", customer_text=customer)
    away = [r.text for r in replies if r.sent_by == "away"]
    assert len(away) == 1 and said in away[0]
    assert "AM–" not in away[0] and "10~19시" not in away[0]  # no hours typed into the text


def test_each_days_name_sits_on_its_dropdowns_line(
    qtbot, demo_ctx: AppContext, korean: None, korean_locale: None
) -> None:
    """월요일 sat a few pixels above its 영업 dropdown, on a day with two ranges and on a closed day;
    its hours read 오전 10:00 ~ 오후 1:00, as the summary under them writes them."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLabel

    hours = _opened(qtbot, BusinessHoursEditor(demo_ctx))
    hours.show()
    qtbot.waitExposed(hours)
    week = hours.week
    names = {label.text(): label for label in week.findChildren(QLabel) if label.text().endswith("요일")}
    assert len(names) == 7
    for name, day in zip(names.values(), week.days, strict=True):
        label_middle = name.mapTo(week, QPoint(0, name.height() // 2)).y()
        mode = day.mode
        mode_middle = mode.mapTo(week, QPoint(0, mode.height() // 2)).y()
        assert abs(label_middle - mode_middle) <= 1, (name.text(), label_middle, mode_middle)
    assert len(week.days[0].rows) == 2  # Monday: two ranges, a taller row
    between = [label.text() for label in week.days[0].rows[0].findChildren(QLabel) if not label.isHidden()]
    assert between == ["~"]


def test_the_away_summary_says_you_replied_as_the_other_schedules_do(
    qtbot, demo_ctx: AppContext, korean: None, korean_locale: None
) -> None:
    """ "Always" said "내가 답장했다면" where "Outside business hours" said "직접 답장했다면": the app
    speaking as the owner in one sentence, to the owner in the next."""
    from ui.away_editor import SCHEDULES, AwayEditor

    away = _opened(qtbot, AwayEditor(demo_ctx))
    summaries = []
    for schedule in ("always", "outside_hours"):
        away.schedule.button(SCHEDULES.index(schedule)).setChecked(True)
        summaries.append(away.summary.text())
    assert all("내가" not in text and "직접 답장" in text for text in summaries), summaries
