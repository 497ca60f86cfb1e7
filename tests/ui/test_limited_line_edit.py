"""A field held to a limit says when a paste or a drop did not all fit, and only then."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent

from ui.limited_line_edit import LimitedLineEdit


def drop(field: LimitedLineEdit, text: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    event = QDropEvent(
        QPointF(field.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    field.dropEvent(event)


def test_text_dropped_from_elsewhere_that_does_not_fit_is_cut_and_said(qtbot: Any) -> None:
    field = LimitedLineEdit()
    qtbot.addWidget(field)
    field.setMaxLength(10)
    field.show()
    with qtbot.waitSignal(field.cut_short) as cut:
        drop(field, "가나다라마바사아자차카타")
    assert cut.args == [10] and field.text() == "가나다라마바사아자차"
    field.clear()
    with qtbot.assertNotEmitted(field.cut_short):
        drop(field, "가나다")
    assert field.text() == "가나다"
