"""Dates typed into the app's date edits as the owner writes them, in Korean and in English order."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit, QVBoxLayout, QWidget

from ui.date_typing import typed_dates

KOREAN = "yyyy. M. d."  # as date_edit_format gives it for Korean
KOREAN_WITH_TIME = "yyyy. M. d. Ap h:mm"  # "2026. 12. 24. 오후 2:30"


def date_edit(qtbot: Any, fmt: str) -> tuple[QWidget, QLineEdit, QDateTimeEdit]:
    window = QWidget()
    before = QLineEdit(window)  # the field the owner comes from with Tab
    edit = QDateTimeEdit(window)
    edit.setDisplayFormat(fmt)
    edit.setDateTime(QDateTime(QDate(2026, 1, 5), QTime(10, 44)))
    typed_dates(edit)
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window, before, edit


@pytest.mark.parametrize(
    "typed", ["2026.12.24", "2026. 12. 24.", "2026-12-24", "2026/12/24", "20261224", "2026.12.24."]
)
@pytest.mark.parametrize("how", ["tab", "click on the year", "select all"])
def test_a_korean_date_typed_as_written_is_that_date(qtbot: Any, typed: str, how: str) -> None:
    """Typed with dots after Tab, this was 2026년 1월 12일 (Qt went on after the year, and the dot
    once more); after a click or Ctrl+A, nothing typed was taken."""
    _window, before, edit = date_edit(qtbot, KOREAN)
    if how == "tab":
        before.setFocus()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
    elif how == "click on the year":
        edit.setFocus()
        qtbot.mouseClick(
            edit.lineEdit(), Qt.MouseButton.LeftButton, pos=QPoint(6, edit.lineEdit().height() // 2)
        )
    else:
        edit.setFocus()
        edit.lineEdit().selectAll()
    qtbot.keyClicks(edit, typed)
    assert edit.date() == QDate(2026, 12, 24), edit.text()


def test_a_day_clicked_and_typed_changes_the_day_only(qtbot: Any) -> None:
    _window, _before, edit = date_edit(qtbot, KOREAN)
    edit.setFocus()
    line = edit.lineEdit()
    text = line.text()  # "2026. 1. 5."
    x = line.contentsRect().left() + 4 + line.fontMetrics().horizontalAdvance(text[: text.rindex("5")])
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(x, line.height() // 2))  # on the day
    qtbot.keyClicks(edit, "24")
    assert edit.date() == QDate(2026, 1, 24)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2026. 12. 24. 14:30", QTime(14, 30)),
        ("2026. 12. 24. 1430", QTime(14, 30)),
        ("2026.12.24 09:05", QTime(9, 5)),
        ("2026.12.24 00:15", QTime(0, 15)),
    ],
)
def test_a_time_is_typed_on_the_24_hour_clock_past_the_am_pm_section(
    qtbot: Any, typed: str, meant: QTime
) -> None:
    """The Korean time has 오전/오후 before a 12-hour hour: digits went nowhere (the section takes
    none), so a scheduled campaign kept the time it had."""
    _window, before, edit = date_edit(qtbot, KOREAN_WITH_TIME)
    edit.setTime(QTime(22, 44))  # 오후 first: "09:05" is still the morning
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.keyClicks(edit, typed)
    assert edit.dateTime() == QDateTime(QDate(2026, 12, 24), meant), edit.text()


def test_an_english_order_is_typed_as_written(qtbot: Any) -> None:
    _window, before, edit = date_edit(qtbot, "M/d/yyyy")
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.keyClicks(edit, "12/24/2026")
    assert edit.date() == QDate(2026, 12, 24)
