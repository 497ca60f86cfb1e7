"""The note a `--demo` start shows while it sets up its shop, before its window can show."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from ui.demo_splash import demo_splash


def test_the_demo_says_it_is_opening_in_korean_until_its_window_shows(qtbot: Any, korean: None) -> None:
    splash = demo_splash()
    qtbot.addWidget(splash)
    assert splash.isVisible()
    assert splash.message() == "데모 상점을 여는 중이에요…"
    window = QMainWindow()
    qtbot.addWidget(window)
    with qtbot.assertNotEmitted(splash.quit_asked):
        window.show()
        splash.leave_for(window)
        qtbot.waitUntil(lambda: not splash.isVisible(), timeout=2000)
    handle = window.windowHandle()
    assert handle is not None and handle.isExposed()


def test_the_english_demo_says_so_in_english(qtbot: Any) -> None:
    splash = demo_splash()
    qtbot.addWidget(splash)
    assert splash.message() == "Opening the demo shop…"
    splash.close()


def test_the_splash_goes_at_once_for_a_window_started_minimised(qtbot: Any) -> None:
    """A minimised window is never shown on the screen: nothing to wait for (QSplashScreen.finish
    waited up to a second for it, with the window unable to take a click)."""
    splash = demo_splash()
    qtbot.addWidget(splash)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    turns: list[str] = []
    with qtbot.assertNotEmitted(splash.quit_asked):
        QTimer.singleShot(0, lambda: turns.append("the event loop ran"))
        splash.leave_for(window)
        assert not splash.isVisible()  # before any event is handled
        assert turns == []  # nothing waited: finish() ran the event loop while it waited


def test_a_click_leaves_the_splash_up_and_closing_it_asks_to_quit(qtbot: Any) -> None:
    """QSplashScreen hides at a click: the screen then showed nothing while the demo opened."""
    splash = demo_splash()
    qtbot.addWidget(splash)
    QTest.mouseClick(splash, Qt.MouseButton.LeftButton)
    assert splash.isVisible()
    with qtbot.waitSignal(splash.quit_asked, timeout=1000):
        splash.close()
