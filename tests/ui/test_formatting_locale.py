"""Prices and dates on a machine whose locale is C or unset read as en_US would write them, never POSIX."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# What the app shows, computed in a fresh process: Qt reads the locale from the environment once.
CHILD = """
import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QApplication, QDateTimeEdit
app = QApplication([])
from app.money import format_price
from ui.formatting import babel_locale_name, clock_time, customer_day, date_edit_format, day_label, due_time, full_datetime, list_time
from ui.size_text import human_size
moment = datetime(2026, 11, 24, 14, 5, tzinfo=UTC)
when = QDateTimeEdit()
when.setDisplayFormat(date_edit_format(with_time=True))
when.setDateTime(QDateTime(QDate(2026, 12, 2), QTime(20, 6)))
print(json.dumps({
    "qt": QLocale().name(),
    "babel": babel_locale_name(),
    "won": format_price(1_250_000, "KRW", babel_locale_name()),
    "dollars": format_price(123456, "USD", babel_locale_name()),
    "clock": clock_time(moment),
    "full": full_datetime(moment),
    "day": day_label(date(2026, 11, 24), today=date(2026, 12, 25)),
    "size": human_size(1_234_567),
    "edit": when.text(),
    "to_customer_abroad": customer_day(moment, "en"),
    # The end of Monday 7 December in Seoul, an order's payment deadline.
    "to_customer": customer_day(datetime(2026, 12, 7, 14, 59, 59, tzinfo=UTC), "ko", ZoneInfo("Asia/Seoul")),
    # Payment deadlines in the orders' table, seen on Wednesday 2 December 2026: last Friday, the
    # coming Friday, and one next year.
    "due": [due_time(datetime(2026, 11, 27, 9, tzinfo=UTC), datetime(2026, 12, 2, 9, tzinfo=UTC)),
            due_time(datetime(2026, 12, 4, 9, tzinfo=UTC), datetime(2026, 12, 2, 9, tzinfo=UTC)),
            due_time(datetime(2027, 1, 8, 9, tzinfo=UTC), datetime(2026, 12, 2, 9, tzinfo=UTC))],
    # The chat list's day of a chat quiet for weeks, and of one from last year.
    "list": [list_time(datetime(2026, 11, 5, 9, tzinfo=UTC), datetime(2026, 12, 2, 9, tzinfo=UTC)),
             list_time(datetime(2025, 3, 8, 9, tzinfo=UTC), datetime(2026, 12, 2, 9, tzinfo=UTC))],
}))
"""


def shown_with(**env: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    clean.update(env, TZ="UTC", QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=clean, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.fixture(scope="module")
def american() -> dict[str, str]:
    return shown_with(LANG="en_US.UTF-8")


def test_an_american_locale_groups_prices_and_writes_american_dates(american: dict[str, str]) -> None:
    assert american["babel"] == "en_US"
    assert american["won"] == "₩1,250,000"
    assert american["dollars"] == "$1,234.56"
    assert american["day"] == "Tuesday, November 24, 2026"
    assert "PM" in american["clock"] and american["clock"].startswith("2:05")
    # A date edit (a campaign's send time) as the owner writes dates, the year in four digits.
    assert american["edit"] == "12/2/2026 8:06\u202fPM"
    assert american["due"] == ["Fri, Nov 27", "Fri, Dec 4", "Fri, Jan 8, 2027"]
    assert american["full"] == "11/24/2026 2:05\u202fPM"
    assert american["list"] == ["Nov 5", "3/8/2025"]


@pytest.mark.parametrize("lang", [None, "C.UTF-8", "POSIX"], ids=["LANG unset", "C.UTF-8", "POSIX"])
def test_a_c_or_missing_locale_shows_what_an_american_locale_shows(
    lang: str | None, american: dict[str, str]
) -> None:
    shown = shown_with(**({} if lang is None else {"LANG": lang}))
    assert shown["qt"] == "C"  # Qt's own default here: the case that once gave '₩ 1250000'
    assert {k: v for k, v in shown.items() if k != "qt"} == {k: v for k, v in american.items() if k != "qt"}


def test_a_korean_locale_keeps_its_own_forms() -> None:
    shown = shown_with(LANG="ko_KR.UTF-8")
    assert shown["babel"] == "ko_KR"
    assert shown["won"] == "1,250,000원"
    assert shown["day"] == "2026년 11월 24일 화요일"
    assert "오후" in shown["clock"]
    assert shown["edit"] == "2026. 12. 2. 오후 8:06"  # not 2026-12-02 20:06, nor 26. 12. 2.
    assert shown["full"] == "2026. 11. 24. 오후 2:05"  # an order's history, a backup's time
    # A deadline in an English message to a customer abroad, from a Korean computer.
    assert shown["to_customer_abroad"] == "Tue, Nov 24"
    # "12월 7일 (월)까지": the day, not "오전 12:32" at night, read as noon.
    assert shown["to_customer"] == "12월 7일 (월)"
    # Last Friday's deadline and the coming Friday's are not both "금요일".
    assert shown["due"] == ["11월 27일 (금)", "12월 4일 (금)", "2027년 1월 8일 (금)"]
    # Not "26. 11. 5." and "25. 3. 8.", where year, month and day cannot be told apart.
    assert shown["list"] == ["11월 5일", "2025. 3. 8."]


def test_a_british_locale_writes_the_day_before_the_month() -> None:
    """A UK owner's computer: deadlines, the chat list and a payment message's day read "Fri 4 Dec",
    as the British write them, not the American "Fri, Dec 4"."""
    shown = shown_with(LANG="en_GB.UTF-8")
    assert shown["babel"] == "en_GB"
    assert shown["due"] == ["Fri 27 Nov", "Fri 4 Dec", "Fri 8 Jan 2027"]
    assert shown["list"] == ["5 Nov", "08/03/2025"]
    assert shown["to_customer_abroad"] == "Tue 24 Nov"
