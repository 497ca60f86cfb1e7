"""Tab order that follows the screen: widgets of a row in the order the row shows them."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QWidget


def row_widgets(layout: QLayout | None) -> list[QWidget]:
    """The widgets a Tab can stop at in `layout`, left to right and top to bottom: nested layouts
    and the layouts of child widgets that take no focus themselves (a bar, a row) included."""
    found: list[QWidget] = []
    if layout is None:
        return found
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        elif widget is not None:
            found.extend(row_widgets(widget.layout()))
        elif inner is not None:
            found.extend(row_widgets(inner))
    return found


def stops_in_chain(container: QWidget) -> list[QWidget]:
    """The widgets inside `container` a Tab can stop at, in the order the focus chain has them now
    (the order the container gave them itself)."""
    window = container.window()
    found: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and container.isAncestorOf(widget):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def chain(widgets: list[QWidget]) -> None:
    """Tab goes from each widget to the next (hidden or disabled ones are skipped by Qt)."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)
