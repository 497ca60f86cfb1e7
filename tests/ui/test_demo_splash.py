"""The note a `--demo` start shows while it sets up its shop, before its window can show."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from ui.demo_splash import demo_splash


def test_the_demo_says_it_is_opening_in_korean_until_its_window_shows(qtbot, korean: None) -> None:
    splash = demo_splash()
    qtbot.addWidget(splash)
    assert splash.isVisible()
    assert splash.message() == "데모 상점을 여는 중이에요…"
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    splash.finish(window)
    qtbot.waitUntil(lambda: not splash.isVisible(), timeout=2000)


def test_the_english_demo_says_so_in_english(qtbot) -> None:
    splash = demo_splash()
    qtbot.addWidget(splash)
    assert splash.message() == "Opening the demo shop…"
    splash.close()
