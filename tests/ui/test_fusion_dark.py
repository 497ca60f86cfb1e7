"""On a dark palette Fusion's unticked boxes have a frame one can see, and dialog buttons no black icons."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProxyStyle,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
    QWidget,
)

from tests.support.contrast import DARK_WINDOWS, contrast, system_palette
from ui.fusion_dark import FusionDarkStyle

# A control's outline (WCAG 2.1, non-text contrast) needs 3:1 against what is around it.
VISIBLE_OUTLINE = 3.0


@pytest.fixture
def fusion_dark() -> Iterator[FusionDarkStyle]:
    base = QStyleFactory.create("Fusion")
    assert base is not None
    style = FusionDarkStyle(base)
    yield style


def _styled(widget: QWidget, style: FusionDarkStyle, window: str) -> QImage:
    widget.setStyle(style)
    widget.setPalette(system_palette(window))
    widget.setAutoFillBackground(True)
    widget.resize(widget.sizeHint().expandedTo(widget.minimumSizeHint()))
    return widget.grab().toImage()


def _frame_contrast(image: QImage, box: QRect, window: QColor) -> float:
    """The strongest contrast against the window among the pixels of the box's outer ring."""
    best = 1.0
    for x in range(box.left(), box.right() + 1):
        for y in (box.top(), box.top() + 1, box.bottom() - 1, box.bottom()):
            best = max(best, contrast(image.pixelColor(x, y), window))
    return best


@pytest.mark.parametrize("window", [*DARK_WINDOWS.values(), "#202020"])
def test_an_unticked_check_box_and_radio_button_show_their_box(
    qtbot: object, fusion_dark: FusionDarkStyle, window: str
) -> None:
    for widget, element in (
        (QCheckBox("Count stock"), QStyle.SubElement.SE_CheckBoxIndicator),
        (QRadioButton("Schedule"), QStyle.SubElement.SE_RadioButtonIndicator),
    ):
        qtbot.addWidget(widget)  # type: ignore[attr-defined]
        image = _styled(widget, fusion_dark, window)
        box = fusion_dark.subElementRect(element, _option(widget), widget)
        assert _frame_contrast(image, box, QColor(window)) >= VISIBLE_OUTLINE, (type(widget).__name__, window)


def _option(widget: QWidget) -> QStyleOptionButton:
    option = QStyleOptionButton()
    option.initFrom(widget)
    return option


@pytest.mark.parametrize("window", [*DARK_WINDOWS.values(), "#202020"])
def test_a_labels_list_row_shows_its_tick_box_unticked(
    qtbot: object, fusion_dark: FusionDarkStyle, window: str
) -> None:
    labels = QListWidget()
    qtbot.addWidget(labels)  # type: ignore[attr-defined]
    item = QListWidgetItem("New customer", labels)
    item.setCheckState(item.checkState().Unchecked)
    image = _styled(labels, fusion_dark, window)
    base = labels.palette().color(QPalette.ColorRole.Base)
    row = labels.visualItemRect(item).translated(labels.viewport().pos())
    # The tick box sits at the row's start: some pixel there stands out from the list's background.
    best = max(
        contrast(image.pixelColor(x, y), base)
        for x in range(row.left(), row.left() + row.height())
        for y in range(row.top(), row.bottom() + 1)
    )
    assert best >= VISIBLE_OUTLINE


class _IconsOnButtons(QProxyStyle):
    """Fusion as a Linux desktop runs it: its platform theme puts icons on dialog buttons (offscreen's does not)."""

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # type: ignore[no-untyped-def]
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, returnData)


def test_dialog_buttons_carry_no_icon_that_could_be_black_on_dark(qtbot: object) -> None:
    style = FusionDarkStyle(_IconsOnButtons(QStyleFactory.create("Fusion")))
    box = QDialogButtonBox()
    box.setStyle(style)
    qtbot.addWidget(box)  # type: ignore[attr-defined]
    close = box.addButton(QDialogButtonBox.StandardButton.Close)
    save = box.addButton(QDialogButtonBox.StandardButton.Save)
    assert close.icon().isNull() and save.icon().isNull()


def test_a_light_palette_keeps_plain_fusion_without_the_wrappers_paint_cost(qapp: QApplication) -> None:
    from ui.fusion_dark import install_fusion_dark
    from ui.theme import is_dark

    style = qapp.style()
    assert not is_dark(qapp.palette())
    assert not install_fusion_dark(qapp)
    assert qapp.style() is style


def _adwaita_dark() -> QPalette:
    """GTK's Adwaita-dark as Qt reads it on a Linux desktop: a deep blue highlight on a #353535 window."""
    palette = system_palette("#353535")
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#15539e"))
    return palette


def test_the_field_and_the_button_with_the_keyboards_focus_show_a_ring_one_can_see_on_dark(
    qtbot: object, fusion_dark: FusionDarkStyle
) -> None:
    """The owner tabbing through a form on a dark desktop sees which field or button she is on: its
    outline stands out from the window (it was #11427e on #353535, 1.3:1)."""
    form = QWidget()
    qtbot.addWidget(form)  # type: ignore[attr-defined]
    # No words and no caret in the picture: what stands out from the window is the outline.
    field, button = QLineEdit(form), QPushButton(form)
    field.setReadOnly(True)
    button.setGeometry(0, 60, 120, 36)
    for widget in (form, field, button):
        widget.setStyle(fusion_dark)
        widget.setPalette(_adwaita_dark())
    form.setAutoFillBackground(True)
    form.resize(300, 120)
    form.show()
    form.activateWindow()
    window = QColor("#353535")
    field.setFocus()
    for widget in (field, button):
        qtbot.waitUntil(widget.hasFocus)  # type: ignore[attr-defined]
        image = widget.grab().toImage()
        ring = max(
            contrast(image.pixelColor(x, y), window)
            for x in range(image.width())
            for y in range(image.height())
        )
        assert ring >= VISIBLE_OUTLINE, (type(widget).__name__, round(ring, 2))
        qtbot.keyClick(widget, Qt.Key.Key_Tab)  # type: ignore[attr-defined]
