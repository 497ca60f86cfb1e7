"""F6 and Shift+F6: the keyboard goes from pane to pane of the inbox window (the chats, the messages,
the message field, the customer's details), as in the mail and chat programs a shop owner knows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

NEXT_PANE_KEYS = "F6"
PREVIOUS_PANE_KEYS = "Shift+F6"

# (the pane, the widget in it that takes the keyboard); the window lists them left to right.
Pane = tuple[QWidget, QWidget]


def step_pane(panes: Callable[[], list[Pane]], step: int) -> QWidget | None:
    """Give the keyboard to the next (`step` 1) or previous (-1) pane that can take it, from the
    pane that has it now (from the first or last when none has it); the widget given it, or None."""
    shown = [(pane, target) for pane, target in panes() if target.isVisible() and target.isEnabled()]
    if not shown:
        return None
    focus = QApplication.focusWidget()
    holding = [i for i, (pane, _t) in enumerate(shown) if focus is not None and _holds(pane, focus)]
    # A pane inside another (the message field inside the open chat) is the one the keyboard is in.
    here = max(holding, key=lambda i: _depth(shown[i][0]), default=-1 if step > 0 else len(shown))
    target = shown[(here + step) % len(shown)][1]
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return target


def _holds(pane: QWidget, widget: QWidget) -> bool:
    return pane is widget or pane.isAncestorOf(widget)


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth
