"""The desktop switches light and dark while the app runs (Windows, macOS and GNOME at sunset): every
open window follows at once, the dark boxes' frames and the light fields' frames each right after each
switch, with no restart."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from tests.support.contrast import DARK_WINDOWS, READABLE, contrast, system_palette
from ui import fusion_dark
from ui.field_frames import FieldFrames, install_field_frames
from ui.fusion_dark import FusionDarkFollower, FusionDarkStyle, install_fusion_dark, underlying_style
from ui.theme import install_drop_down_combos

# A control's outline (WCAG 2.1, non-text contrast) needs 3:1 against what is around it.
VISIBLE_OUTLINE = 3.0


def fusion_light() -> QPalette:
    fusion = QStyleFactory.create("Fusion")
    assert fusion is not None
    return fusion.standardPalette()


def dark() -> QPalette:
    return system_palette(DARK_WINDOWS["windows"])


class Form(QWidget):
    """A window as the app's: a tick box, a text field, a drop-down, a text box."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.tick = QCheckBox("New customer")
        self.line = QLineEdit()
        self.combo = QComboBox()
        self.combo.addItems(["Today", "This week"])
        self.text = QTextEdit()
        for widget in (self.tick, self.line, self.combo, self.text):
            layout.addWidget(widget)
        self.resize(240, 260)


def remove_followers(app: QApplication) -> None:
    for follower in app.findChildren(FusionDarkFollower):
        follower.remove()
    for frames in app.findChildren(FieldFrames):
        frames.remove()


@pytest.fixture
def switching_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application on Fusion with the drop-down combos' style sheet, as it starts on Linux; its
    style, palette and followers as they were afterwards."""
    style, palette, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet()
    remove_followers(qapp)  # an earlier test's start may have left its own
    qapp.setStyleSheet("")
    qapp.setStyle("Fusion")
    yield qapp
    remove_followers(qapp)
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style or "Fusion")
    qapp.setPalette(palette)


def start(app: QApplication, palette: QPalette) -> None:
    """As ui/application.py starts the app on a desktop showing `palette`."""
    app.setPalette(palette)
    install_fusion_dark(app)
    install_field_frames(app)
    install_drop_down_combos(app)


def open_forms(qtbot: Any, count: int = 2) -> list[Form]:
    forms = []
    for _ in range(count):
        form = Form()
        qtbot.addWidget(form)
        form.show()
        forms.append(form)
    return forms


def switch(qtbot: Any, app: QApplication, palette: QPalette, forms: list[Form]) -> None:
    """The desktop switches: the application's palette changes, and every open window takes it
    (under an application style sheet Qt hands it on from the event loop)."""
    app.setPalette(palette)
    window = palette.color(QPalette.ColorRole.Window)
    qtbot.waitUntil(lambda: all(f.palette().color(QPalette.ColorRole.Window) == window for f in forms))


def window_colour(app: QApplication) -> QColor:
    return app.palette().color(QPalette.ColorRole.Window)


def box_frame_contrast(form: Form, window: QColor) -> float:
    """The strongest contrast against the window in the outer ring of the unticked box."""
    image = form.tick.grab().toImage()
    option = QStyleOptionButton()
    option.initFrom(form.tick)
    box = form.tick.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, form.tick)
    ring = [
        image.pixelColor(x, y)
        for x in range(box.left(), box.right() + 1)
        for y in (box.top(), box.top() + 1, box.bottom() - 1, box.bottom())
    ]
    return max(contrast(c, window) for c in ring)


def field_frame_contrast(field: QWidget, window: QColor) -> float:
    """The least, along the field's four sides, of each side's strongest contrast with the window in
    its outer two pixels (a side without a frame counts; the field's text does not)."""
    image: QImage = field.grab().toImage()
    w, h = image.width(), image.height()
    sides = [
        [image.pixelColor(x, y) for x in range(4, w - 4) for y in (0, 1)],
        [image.pixelColor(x, y) for x in range(4, w - 4) for y in (h - 2, h - 1)],
        [image.pixelColor(x, y) for y in range(4, h - 4) for x in (0, 1)],
        [image.pixelColor(x, y) for y in range(4, h - 4) for x in (w - 2, w - 1)],
    ]
    return min(max(contrast(c, window) for c in side) for side in sides)


def field_middle(field: QWidget) -> QColor:
    image = field.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def assert_dark_right(app: QApplication, forms: list[Form]) -> None:
    assert isinstance(underlying_style(app), FusionDarkStyle)
    window = window_colour(app)
    for form in forms:
        assert box_frame_contrast(form, window) >= VISIBLE_OUTLINE
        # The whole window turned dark, not only its background: no white field, no black words.
        assert field_middle(form.line).lightness() < 128 and field_middle(form.text).lightness() < 128
        assert contrast(form.tick.palette().color(QPalette.ColorRole.WindowText), window) >= READABLE


def assert_light_right(app: QApplication, forms: list[Form]) -> None:
    # Plain Fusion again: the wrapper's paint cost is not paid on a light palette.
    style = underlying_style(app)
    assert not isinstance(style, FusionDarkStyle) and style.name().casefold() == "fusion"
    window = window_colour(app)
    for form in forms:
        for field in (form.line, form.combo, form.text):
            assert field_frame_contrast(field, window) >= VISIBLE_OUTLINE, type(field).__name__


def test_started_light_every_open_window_follows_a_switch_to_dark_and_back(
    qtbot: Any, switching_app: QApplication
) -> None:
    start(switching_app, fusion_light())
    forms = open_forms(qtbot)
    assert_light_right(switching_app, forms)

    switch(qtbot, switching_app, dark(), forms)  # the desktop turns dark at sunset
    assert_dark_right(switching_app, forms)

    switch(qtbot, switching_app, fusion_light(), forms)  # and light in the morning
    assert_light_right(switching_app, forms)

    switch(qtbot, switching_app, dark(), forms)
    assert_dark_right(switching_app, forms)


def test_started_dark_every_open_window_follows_a_switch_to_light_and_back(
    qtbot: Any, switching_app: QApplication
) -> None:
    start(switching_app, dark())
    forms = open_forms(qtbot)
    assert_dark_right(switching_app, forms)

    switch(qtbot, switching_app, fusion_light(), forms)
    assert_light_right(switching_app, forms)

    switch(qtbot, switching_app, dark(), forms)
    assert_dark_right(switching_app, forms)


def test_a_window_opened_after_the_switch_is_right_too(qtbot: Any, switching_app: QApplication) -> None:
    start(switching_app, fusion_light())
    switch(qtbot, switching_app, dark(), [])
    assert_dark_right(switching_app, open_forms(qtbot, 1))
    switch(qtbot, switching_app, fusion_light(), [])
    assert_light_right(switching_app, open_forms(qtbot, 1))


def test_without_the_follower_a_switch_to_dark_left_white_fields_in_a_dark_window(
    qtbot: Any, switching_app: QApplication
) -> None:
    """What the owner saw before: started light, then dark at sunset: the windows dark, but under the
    drop-down combos' style sheet their fields still white and the tick boxes' words black. (The field
    frames are left out: the view lines they put in the style sheet on a light window, and take out on
    a dark one, polish every widget again too.)"""
    switching_app.setPalette(fusion_light())
    install_drop_down_combos(switching_app)
    forms = open_forms(qtbot, 1)
    switch(qtbot, switching_app, dark(), forms)
    assert field_middle(forms[0].line).lightness() > 200
    assert (
        contrast(forms[0].tick.palette().color(QPalette.ColorRole.WindowText), window_colour(switching_app))
        < 2
    )


def test_starting_twice_follows_with_one_follower(switching_app: QApplication) -> None:
    start(switching_app, fusion_light())
    install_fusion_dark(switching_app)
    assert len(switching_app.findChildren(FusionDarkFollower)) == 1


def test_other_styles_are_left_alone(switching_app: QApplication) -> None:
    """Windows' and macOS's styles draw their own frames: a switch does not put Fusion's wrapper on them."""
    switching_app.setStyle("Windows")
    start(switching_app, fusion_light())
    switching_app.setPalette(dark())
    style = underlying_style(switching_app)
    assert not isinstance(style, FusionDarkStyle) and style.name().casefold() == "windows"


def test_a_change_of_dark_theme_reaches_the_fields_too(qtbot: Any, switching_app: QApplication) -> None:
    """Dark to another dark (a theme's change, an accent's): no light/dark flip, yet the fields in
    every open window take the new colours, not only the windows around them."""
    start(switching_app, dark())
    forms = open_forms(qtbot)
    other = system_palette(DARK_WINDOWS["macos"])
    switch(qtbot, switching_app, other, forms)
    assert_dark_right(switching_app, forms)
    for form in forms:
        assert field_middle(form.line).name() == other.color(QPalette.ColorRole.Base).name()


def test_typing_and_painting_between_switches_run_none_of_the_followers_python(
    qtbot: Any, switching_app: QApplication
) -> None:
    """The follower hears of a switch from Qt's signals: the owner's typing, and each repaint, do not
    pass through it (an application event filter in Python is called for every event of every window)."""
    start(switching_app, fusion_light())
    form = open_forms(qtbot, 1)[0]
    calls: list[str] = []

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code.co_filename == fusion_dark.__file__:
            calls.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        qtbot.keyClicks(form.line, "Order 1042")
        form.repaint()
    finally:
        sys.setprofile(None)
    assert form.line.text() == "Order 1042"
    assert calls == []

    switch(qtbot, switching_app, dark(), [form])  # and a switch still reaches the window
    assert_dark_right(switching_app, [form])
