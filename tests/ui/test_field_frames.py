"""On a light window, Fusion's fields (line edits, combo boxes, spin boxes, text edits) show a frame
at 3:1 or better against the window; on a dark one they look exactly as before."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStyleFactory,
    QTextEdit,
    QWidget,
)

from tests.support.contrast import DARK_WINDOWS, LIGHT_WINDOWS, contrast, system_palette
from ui.field_frames import FieldFrames, install_field_frames
from ui.theme import install_drop_down_combos

# A control's outline (WCAG 2.1, non-text contrast) needs 3:1 against what is around it.
VISIBLE_OUTLINE = 3.0
FIELDS = (QLineEdit, QComboBox, QSpinBox, QDateTimeEdit, QTextEdit, QPlainTextEdit)


def fusion_palette() -> QPalette:
    """The palette the app runs on under Linux without a desktop theme: Fusion's own."""
    fusion = QStyleFactory.create("Fusion")
    assert fusion is not None
    return fusion.standardPalette()


@pytest.fixture
def fusion_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application on Fusion (as on Linux), its palette and style back as they were afterwards."""
    style, palette, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet()
    qapp.setStyleSheet("")  # another test's start may have left the drop-down combos' style sheet
    qapp.setStyle("Fusion")
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style or "Fusion")
    qapp.setPalette(palette)  # which drops the class palettes too


@pytest.fixture
def frames(fusion_app: QApplication) -> Iterator[list[FieldFrames]]:
    installed: list[FieldFrames] = []
    yield installed
    for each in installed:
        each.remove()


def _grab(qtbot: Any, field_class: type[QWidget]) -> QImage:
    field = field_class()
    qtbot.addWidget(field)
    field.resize(160, 60)
    return field.grab().toImage()


def _frame_contrast(image: QImage, window: QColor) -> float:
    """The least, along the field's four sides, of each side's strongest contrast with the window in
    its outer two pixels (so a side without a frame counts, and the field's text does not)."""
    w, h = image.width(), image.height()
    sides = [
        [image.pixelColor(x, y) for x in range(4, w - 4) for y in (0, 1)],
        [image.pixelColor(x, y) for x in range(4, w - 4) for y in (h - 2, h - 1)],
        [image.pixelColor(x, y) for y in range(4, h - 4) for x in (0, 1)],
        [image.pixelColor(x, y) for y in range(4, h - 4) for x in (w - 2, w - 1)],
    ]
    return min(max(contrast(c, window) for c in side) for side in sides)


LIGHT = {"fusion": None, **LIGHT_WINDOWS, "white": "#FFFFFF"}


@pytest.mark.parametrize("field_class", FIELDS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("window", LIGHT.values(), ids=LIGHT.keys())
def test_on_a_light_window_a_fields_frame_reads_at_three_to_one(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames], window: str | None, field_class: type
) -> None:
    palette = fusion_palette() if window is None else system_palette(window)
    fusion_app.setPalette(palette)
    background = palette.color(QPalette.ColorRole.Window)
    frames.append(install_field_frames(fusion_app))
    assert _frame_contrast(_grab(qtbot, field_class), background) >= VISIBLE_OUTLINE


@pytest.mark.parametrize("field_class", FIELDS, ids=lambda c: c.__name__)
def test_plain_fusion_was_below_three_to_one(qtbot: Any, fusion_app: QApplication, field_class: type) -> None:
    """What the owner saw before: Fusion's own frames on its own light palette, 2:1 (text edits 1.7:1)."""
    palette = fusion_palette()
    fusion_app.setPalette(palette)
    image = _grab(qtbot, field_class)
    assert _frame_contrast(image, palette.color(QPalette.ColorRole.Window)) < VISIBLE_OUTLINE


@pytest.mark.parametrize("field_class", FIELDS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("window", [*DARK_WINDOWS.values(), "#202020"])
def test_on_a_dark_window_the_fields_look_as_before(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames], window: str, field_class: type
) -> None:
    fusion_app.setPalette(system_palette(window))
    before = _grab(qtbot, field_class)
    frames.append(install_field_frames(fusion_app))
    assert _grab(qtbot, field_class) == before


def test_a_switch_of_light_and_dark_keeps_each_right(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames]
) -> None:
    light = fusion_palette()
    fusion_app.setPalette(light)
    frames.append(install_field_frames(fusion_app))
    dark = system_palette(DARK_WINDOWS["windows"])
    fusion_app.setPalette(dark)
    assert fusion_app.palette("QLineEdit") == fusion_app.palette()  # type: ignore[call-overload]
    fusion_app.setPalette(light)
    window = light.color(QPalette.ColorRole.Window)
    assert _frame_contrast(_grab(qtbot, QLineEdit), window) >= VISIBLE_OUTLINE
    assert _frame_contrast(_grab(qtbot, QComboBox), window) >= VISIBLE_OUTLINE


def test_a_switch_to_dark_and_back_under_the_drop_down_combos_style_sheet_keeps_the_frames(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames]
) -> None:
    """As the app starts: the frames installed, then the combos' style sheet, which hides Fusion's
    name behind a style of its own; a switch to dark and back to light must find the frames again."""
    light = fusion_palette()
    fusion_app.setPalette(light)
    frames.append(install_field_frames(fusion_app))
    assert install_drop_down_combos(fusion_app)
    fusion_app.setPalette(system_palette(DARK_WINDOWS["windows"]))
    fusion_app.setPalette(light)
    window = light.color(QPalette.ColorRole.Window)
    assert _frame_contrast(_grab(qtbot, QLineEdit), window) >= VISIBLE_OUTLINE


def test_installing_twice_follows_palette_changes_once(
    fusion_app: QApplication, frames: list[FieldFrames]
) -> None:
    frames.append(install_field_frames(fusion_app))
    assert install_field_frames(fusion_app) is frames[0]
