"""A form in a scroll area that puts its labels above their fields when the two do not fit side by side."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QLayoutItem, QScrollArea

Role = QFormLayout.ItemRole


def _width(item: QLayoutItem | None) -> int:
    return 0 if item is None or item.isEmpty() else item.minimumSize().width()


class FormReflow(QObject):
    """Keeps `form`, the layout of `area`'s widget, as wide as `area` shows: labels beside their
    fields while both fit, every label above its field once they do not (a narrow window, a screen
    at 200 %: 960 pixels for a 1920×1080 one). The menu bot's answer form, beside its list and the
    simulator, scrolled sideways there and cut its "Insert: Bank account" button in half. All rows
    at once, not only the long ones: a form with some labels beside and some above reads as a jumble."""

    def __init__(self, form: QFormLayout, area: QScrollArea) -> None:
        super().__init__(area)
        self.form = form
        self.area = area
        # A row without words (a check box, a note under its field) has no line of its own to take
        # above the field once the labels go above.
        for row in range(form.rowCount()):
            label = form.itemAt(row, Role.LabelRole)
            widget = label.widget() if label is not None else None
            if isinstance(widget, QLabel) and not widget.text():
                widget.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # once the layout has given the area its new width
        self._timer.timeout.connect(self.fit)
        area.installEventFilter(self)
        inner = area.widget()
        if inner is not None:
            inner.installEventFilter(self)  # a field grown wider (a longer choice) counts too

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._timer.start()
        return False

    def side_by_side_width(self) -> int:
        """The least width of the form with each label beside its field."""
        form = self.form
        labels = fields = spans = 0
        for row in range(form.rowCount()):
            labels = max(labels, _width(form.itemAt(row, Role.LabelRole)))
            fields = max(fields, _width(form.itemAt(row, Role.FieldRole)))
            spans = max(spans, _width(form.itemAt(row, Role.SpanningRole)))
        margins = form.contentsMargins()
        body = max(labels + max(0, form.horizontalSpacing()) + fields, spans)
        return body + margins.left() + margins.right()

    def fit(self) -> None:
        wrap = self.area.viewport().width() < self.side_by_side_width()
        policy = QFormLayout.RowWrapPolicy.WrapAllRows if wrap else QFormLayout.RowWrapPolicy.DontWrapRows
        if self.form.rowWrapPolicy() != policy:
            self.form.setRowWrapPolicy(policy)
