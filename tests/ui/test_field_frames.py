"""On a light window, Fusion's fields (line edits, combo boxes, spin boxes, text edits), unticked check
boxes and radio buttons show a frame at 3:1 or better against the window; on a dark one they look exactly as before."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)

from tests.support.contrast import DARK_WINDOWS, LIGHT_WINDOWS, contrast, system_palette
from ui.field_frames import FieldFrames, install_field_frames
from ui.theme import DROP_DOWN_COMBOS, install_drop_down_combos

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


INDICATORS = (QCheckBox, QRadioButton)


def _indicator_contrast(qtbot: Any, button_class: type[QCheckBox | QRadioButton], window: QColor) -> float:
    """The least, along the four sides of an unticked box's (or ring's) indicator, of each side's strongest
    contrast with the window in its outer two pixels: how well its outline shows."""
    button = button_class("Send a copy to me")
    qtbot.addWidget(button)
    button.resize(button.sizeHint())
    assert not button.isChecked()
    option = QStyleOptionButton()
    option.initFrom(button)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    r = button.style().subElementRect(element, option, button)
    image = button.grab().toImage()
    left, top, right, bottom = r.left(), r.top(), r.right(), r.bottom()
    sides = [
        [image.pixelColor(x, y) for x in range(left, right + 1) for y in (top, top + 1)],
        [image.pixelColor(x, y) for x in range(left, right + 1) for y in (bottom - 1, bottom)],
        [image.pixelColor(x, y) for y in range(top, bottom + 1) for x in (left, left + 1)],
        [image.pixelColor(x, y) for y in range(top, bottom + 1) for x in (right - 1, right)],
    ]
    return min(max(contrast(c, window) for c in side) for side in sides)


@pytest.mark.parametrize("button_class", INDICATORS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("window", LIGHT.values(), ids=LIGHT.keys())
def test_on_a_light_window_an_unticked_check_box_or_radio_button_reads_at_three_to_one(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames], window: str | None, button_class: type
) -> None:
    palette = fusion_palette() if window is None else system_palette(window)
    fusion_app.setPalette(palette)
    background = palette.color(QPalette.ColorRole.Window)
    frames.append(install_field_frames(fusion_app))
    assert _indicator_contrast(qtbot, button_class, background) >= VISIBLE_OUTLINE


@pytest.mark.parametrize("button_class", INDICATORS, ids=lambda c: c.__name__)
def test_plain_fusion_check_boxes_and_radio_buttons_were_below_three_to_one(
    qtbot: Any, fusion_app: QApplication, button_class: type
) -> None:
    """What the owner saw before: a check box's box at 1.65:1 on Fusion's light palette, a ring at 2:1."""
    palette = fusion_palette()
    fusion_app.setPalette(palette)
    assert (
        _indicator_contrast(qtbot, button_class, palette.color(QPalette.ColorRole.Window)) < VISIBLE_OUTLINE
    )


def test_check_boxes_keep_their_label_and_the_fields_their_frame(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames]
) -> None:
    """The boxes get a window colour of their own: the fields' frames stay as they were, the label's text too."""
    palette = fusion_palette()
    fusion_app.setPalette(palette)
    frames.append(install_field_frames(fusion_app))
    fields = fusion_app.palette("QLineEdit").color(QPalette.ColorRole.Window)  # type: ignore[call-overload]
    boxes = fusion_app.palette("QCheckBox")  # type: ignore[call-overload]
    assert boxes.color(QPalette.ColorRole.Window) != fields
    assert boxes.color(QPalette.ColorRole.WindowText) == palette.color(QPalette.ColorRole.WindowText)


@pytest.mark.parametrize("button_class", INDICATORS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("window", [*DARK_WINDOWS.values(), "#202020"])
def test_on_a_dark_window_check_boxes_and_radio_buttons_look_as_before(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames], window: str, button_class: type
) -> None:
    fusion_app.setPalette(system_palette(window))
    before = _grab(qtbot, button_class)
    frames.append(install_field_frames(fusion_app))
    assert _grab(qtbot, button_class) == before


def test_a_switch_of_light_and_dark_keeps_the_check_boxes_right(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames]
) -> None:
    light = fusion_palette()
    fusion_app.setPalette(light)
    frames.append(install_field_frames(fusion_app))
    fusion_app.setPalette(system_palette(DARK_WINDOWS["macos"]))
    assert fusion_app.palette("QCheckBox") == fusion_app.palette()  # type: ignore[call-overload]
    assert fusion_app.palette("QRadioButton") == fusion_app.palette()  # type: ignore[call-overload]
    fusion_app.setPalette(light)
    window = light.color(QPalette.ColorRole.Window)
    assert install_drop_down_combos(fusion_app)
    fusion_app.setPalette(system_palette(DARK_WINDOWS["windows"]))
    fusion_app.setPalette(light)
    for button_class in INDICATORS:
        assert _indicator_contrast(qtbot, button_class, window) >= VISIBLE_OUTLINE


def _table(qtbot: Any) -> QTableWidget:
    """A table like the deposit matching's: a row with an unticked box to tick, on alternating rows."""
    table = QTableWidget(2, 2)
    qtbot.addWidget(table)
    table.setAlternatingRowColors(True)
    table.setHorizontalHeaderLabels(["Match", "Customer"])
    for row in range(2):
        item = QTableWidgetItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        table.setItem(row, 0, item)
        table.setItem(row, 1, QTableWidgetItem("Ji-woo Kim"))
    table.resize(320, 160)
    return table


def _row_box_contrast(qtbot: Any, palette: QPalette) -> float:
    """The least, over both rows (plain and alternate) and the four sides of each row's unticked box,
    of each side's strongest contrast in its outer two pixels with what the box sits on and with the
    window: how well the box shows. The box is what is drawn inside the cell (grid lines aside)."""
    table = _table(qtbot)
    image = table.viewport().grab().toImage()
    window = palette.color(QPalette.ColorRole.Window)
    least = 21.0
    for row in range(2):
        cell = table.visualRect(table.model().index(row, 0)).adjusted(2, 2, -3, -3)
        ground = image.pixelColor(cell.topLeft())
        drawn = [
            (x, y)
            for x in range(cell.left(), cell.right() + 1)
            for y in range(cell.top(), cell.bottom() + 1)
            if image.pixelColor(x, y) != ground
        ]
        assert drawn, "no check box drawn in the row"
        left, right = min(x for x, _ in drawn), max(x for x, _ in drawn)
        top, bottom = min(y for _, y in drawn), max(y for _, y in drawn)
        assert 8 <= right - left <= 30 and 8 <= bottom - top <= 30  # a box, not the cell
        sides = [
            [image.pixelColor(x, y) for x in range(left, right + 1) for y in (top, top + 1)],
            [image.pixelColor(x, y) for x in range(left, right + 1) for y in (bottom - 1, bottom)],
            [image.pixelColor(x, y) for y in range(top, bottom + 1) for x in (left, left + 1)],
            [image.pixelColor(x, y) for y in range(top, bottom + 1) for x in (right - 1, right)],
        ]
        for around in (ground, window):
            least = min(least, min(max(contrast(c, around) for c in side) for side in sides))
    return least


@pytest.mark.parametrize("window", LIGHT.values(), ids=LIGHT.keys())
def test_on_a_light_window_a_tables_unticked_row_box_reads_at_three_to_one(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames], window: str | None
) -> None:
    palette = fusion_palette() if window is None else system_palette(window)
    fusion_app.setPalette(palette)
    frames.append(install_field_frames(fusion_app))
    assert _row_box_contrast(qtbot, palette) >= VISIBLE_OUTLINE


def test_plain_fusion_row_boxes_were_below_three_to_one(qtbot: Any, fusion_app: QApplication) -> None:
    """What the owner saw before in the deposit matching: a row's box at about 1.65:1."""
    palette = fusion_palette()
    fusion_app.setPalette(palette)
    assert _row_box_contrast(qtbot, palette) < VISIBLE_OUTLINE


def _grab_table(qtbot: Any) -> QImage:
    table = _table(qtbot)
    return table.grab().toImage()


@pytest.mark.parametrize("window", [*DARK_WINDOWS.values(), "#202020"])
def test_on_a_dark_window_tables_look_as_before(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames], window: str
) -> None:
    fusion_app.setPalette(system_palette(window))
    before = _grab_table(qtbot)
    frames.append(install_field_frames(fusion_app))
    assert _grab_table(qtbot) == before


def test_a_tables_header_keeps_its_look(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames]
) -> None:
    fusion_app.setPalette(fusion_palette())
    table = _table(qtbot)
    before = table.horizontalHeader().grab().toImage()
    frames.append(install_field_frames(fusion_app))
    table = _table(qtbot)
    assert table.horizontalHeader().grab().toImage() == before


def test_a_switch_of_light_and_dark_keeps_the_row_boxes_right(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames]
) -> None:
    light = fusion_palette()
    fusion_app.setPalette(light)
    frames.append(install_field_frames(fusion_app))
    assert install_drop_down_combos(fusion_app)
    fusion_app.setPalette(system_palette(DARK_WINDOWS["windows"]))
    assert fusion_app.palette("QAbstractItemView") == fusion_app.palette()  # type: ignore[call-overload]
    fusion_app.setPalette(light)
    assert _row_box_contrast(qtbot, light) >= VISIBLE_OUTLINE


def _lines(qtbot: Any) -> tuple[QColor, QColor]:
    """A table's grid (between its two columns, beside an unticked box) and a list's frame, as drawn."""
    table = _table(qtbot)
    image = table.viewport().grab().toImage()
    cell = table.visualRect(table.model().index(0, 1))
    grid = image.pixelColor(cell.left() - 1, cell.center().y())
    board_column = QListWidget()  # an order board's column, a collection list
    qtbot.addWidget(board_column)
    board_column.resize(160, 120)
    frame = board_column.grab().toImage().pixelColor(0, 60)
    return grid, frame


@pytest.mark.parametrize("window", LIGHT.values(), ids=LIGHT.keys())
def test_on_a_light_window_tables_keep_fusions_light_grid_and_lists_its_light_frame(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames], window: str | None
) -> None:
    """The row boxes' 3:1 outline, without the grid and the frames around them turning heavy with it:
    the orders' table, the catalogue and a campaign's recipients in the greys Fusion draws for the window."""
    palette = fusion_palette() if window is None else system_palette(window)
    fusion_app.setPalette(palette)
    plain_grid, plain_frame = _lines(qtbot)
    frames.append(install_field_frames(fusion_app))
    assert install_drop_down_combos(fusion_app)  # as the app starts on Linux
    grid, frame = _lines(qtbot)
    assert (grid.name(), frame.name()) == (plain_grid.name(), plain_frame.name())
    base = palette.color(QPalette.ColorRole.Base)
    assert contrast(grid, base) < 2  # a light line, not the #8E8E8E (3.3:1) the row boxes' fix gave it
    assert _row_box_contrast(qtbot, palette) >= VISIBLE_OUTLINE


def test_a_frameless_list_stays_frameless(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames]
) -> None:
    """The chat list and the board's cards have no frame: the lists' light frame is only for those Fusion frames."""
    fusion_app.setPalette(fusion_palette())
    frames.append(install_field_frames(fusion_app))
    chats = QListWidget()
    qtbot.addWidget(chats)
    chats.setFrameShape(QFrame.Shape.NoFrame)
    chats.resize(160, 120)
    image = chats.grab().toImage()
    assert (
        image.pixelColor(0, 60) == image.pixelColor(5, 60) == chats.palette().color(QPalette.ColorRole.Base)
    )


def test_a_switch_of_light_and_dark_keeps_the_grid_light_and_dark_as_before(
    qtbot: Any, fusion_app: QApplication, frames: list[FieldFrames]
) -> None:
    light = fusion_palette()
    fusion_app.setPalette(light)
    frames.append(install_field_frames(fusion_app))
    assert install_drop_down_combos(fusion_app)
    light_lines = _lines(qtbot)
    dark = system_palette(DARK_WINDOWS["windows"])
    fusion_app.setPalette(dark)
    grid, _frame = _lines(qtbot)
    # Dark: Fusion's own grid from the dark window, and only the combos' lines left in the style sheet.
    assert grid.name() == dark.color(QPalette.ColorRole.Window).darker(120).name()
    assert fusion_app.styleSheet() == DROP_DOWN_COMBOS
    fusion_app.setPalette(light)
    assert [c.name() for c in _lines(qtbot)] == [c.name() for c in light_lines]
    assert _row_box_contrast(qtbot, light) >= VISIBLE_OUTLINE
