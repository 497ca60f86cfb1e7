"""Scrolling a form with the mouse wheel on a small screen scrolls it, and changes nothing on the way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


@pytest.fixture
def guarded(qapp: QApplication) -> Iterator[None]:
    """The wheel guard the app installs at start, for one test."""
    from ui.wheel_guard import install_wheel_guard

    guard = install_wheel_guard(qapp)
    yield
    qapp.focusWindowChanged.disconnect(guard.watch)
    guard.deleteLater()


def wheel_down_over(widget: QWidget) -> None:
    """One notch of the wheel, down, with the pointer over the middle of `widget`: given to its
    window, as the platform gives it (Qt then finds the widget under the pointer)."""
    top = widget.window()
    window = top.windowHandle()
    assert isinstance(window, QWindow)
    QTest.wheelEvent(window, QPointF(widget.mapTo(top, widget.rect().center())), QPoint(0, -120))


def test_the_wheel_over_settings_country_scrolls_the_dialog_and_keeps_the_country(
    qtbot: Any, ctx: Any, guarded: None
) -> None:
    """Settings scrolls on a 1366×768 laptop (the offscreen screen is as short): wheeling down
    through it with the pointer over "Country" made the shop Belarusian, its currency the rouble."""
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitActive(dialog)
    country, currency = dialog.place.country, dialog.place.currency
    qtbot.waitUntil(country.isEnabled)  # the shop's settings read: a field the wheel could change
    dialog.sections.ensureWidgetVisible(country)
    bar = dialog.sections.verticalScrollBar()
    assert bar.maximum() > 0  # the sections scroll, as on the small laptop
    chosen = (country.currentData(), currency.currentData())
    before = bar.value()
    wheel_down_over(country)
    assert (country.currentData(), currency.currentData()) == chosen
    assert bar.value() > before  # the dialog scrolled instead

    # A real wheel gives a WheelFocus field the focus before anything sees the wheel: not this one.
    assert not country.hasFocus()

    # Clicked into (or tabbed to), the field takes the wheel again: the owner chose to change it.
    country.setFocus()
    qtbot.waitUntil(country.hasFocus)
    before = bar.value()
    wheel_down_over(country)
    assert country.currentData() != chosen[0]
    assert bar.value() == before


def test_the_wheel_over_the_campaigns_recipient_tabs_scrolls_the_form_and_keeps_the_tab(
    qtbot: Any, ctx: Any, guarded: None
) -> None:
    """Scrolling down the campaign form, the pointer passed over "Recipients | Left out": the list
    switched to the left-out customers instead of the form moving on to the message."""
    from PySide6.QtWidgets import QScrollArea

    from tests.support.campaign_window import open_window, seed

    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(1000, 600)  # a laptop at 150 %: the form scrolls
    tabs = window.editor.audience_box.lists
    bar = tabs.tabBar()
    area = tabs.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    area.ensureWidgetVisible(bar)
    scroll = area.verticalScrollBar()
    assert scroll.maximum() > scroll.value()
    before, shown = scroll.value(), tabs.currentIndex()
    wheel_down_over(bar)
    assert tabs.currentIndex() == shown
    assert scroll.value() > before


def test_the_wheel_over_a_choice_outside_a_scrolling_form_changes_it_and_leaves_the_typing_where_it_was(
    qtbot: Any, guarded: None
) -> None:
    """Where nothing scrolls the wheel still changes a choice, as Qt's own does, but no longer puts
    the keyboard in it: what the owner types next still goes to the field she was typing in."""
    from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    note = QLineEdit(window)
    choice = QComboBox(window)
    choice.addItems(["New", "Paid", "Shipped"])
    layout = QVBoxLayout(window)
    layout.addWidget(note)
    layout.addWidget(choice)
    window.show()
    qtbot.waitActive(window)
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    wheel_down_over(choice)
    assert choice.currentText() == "Paid"
    assert note.hasFocus()
