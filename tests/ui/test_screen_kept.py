"""Qt's screen outlives every window and message box that asked which screen it is on, however
Python lets go of them: a collection that took one with it left the next window reading a deleted
screen (a segfault in CI, after the quick replies export's message box)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ui.message_box import Icon, plain_box
from ui.screen_fit import resize_within_screen


def test_a_window_sized_over_an_answered_message_box_leaves_the_screen_to_the_next_window(
    qtbot, dialogs
) -> None:
    destroyed: list[object] = []

    def screen_destroyed(*_args: object) -> None:
        destroyed.append(True)

    QGuiApplication.primaryScreen().destroyed.connect(screen_destroyed)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        resize_within_screen(window, QSize(500, 400))
        gc.collect()  # the window and what it was told are old news by the time the box is answered

        told = dialogs.expect("information")
        box = plain_box(Icon.Information, window, "Quick replies exported", "Exported 2 quick replies.")
        box.exec()
        assert told.shown[0].text == "Exported 2 quick replies."
        # The guard lets go of the box at its next look, as it did while the test waited on.
        qtbot.waitUntil(lambda: dialogs._current_modal is None, timeout=2000)
        resize_within_screen(QWidget(box), QSize(300, 200))  # a window opened from the box
        del box
        gc.collect()

        assert not destroyed
        later = QWidget()
        qtbot.addWidget(later)
        assert resize_within_screen(later, QSize(400, 300)) == QSize(400, 300)
    finally:
        if not destroyed:  # else there is no screen left to ask
            QGuiApplication.primaryScreen().destroyed.disconnect(screen_destroyed)
