"""Buttons that show an icon alone, or that a key of their own presses: their tooltip says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QToolButton


def name_icon_button(button: QAbstractButton, tip: str, keys: str = "") -> None:
    """Give an icon-only button its tooltip and the same words as its accessible name. Qt reads a
    tooltip as a description only: the button's name was empty, and a screen reader said "button".

    `keys`, the menu command's shortcut that does the same (the button cannot have it too: Qt would
    find it ambiguous), show in the tooltip and are said after the name."""
    button.setToolTip(keys_tip(tip, keys) if keys else tip)
    button.setAccessibleName(tip)
    button.setAccessibleDescription(native_keys(keys) if keys else "")


def native_keys(keys: str) -> str:
    """Keys as the platform writes them: "Ctrl+2", "⌘2" on a Mac."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def keys_tip(tip: str, keys: str) -> str:
    """A tooltip ending in the keys that press the button, as the platform writes them:
    "Unread chats (Ctrl+2)"."""
    shown = native_keys(keys)
    return f"{tip} ({shown})" if tip else shown


def press_with_keys(button: QAbstractButton, keys: str, tip: str = "") -> QShortcut:
    """A button a key of its own presses (a chip's Ctrl+2, the banner's F5) where no Alt letter fits
    (its text changes, or the window has none left); the key shown after `tip` in its tooltip, which
    a button whose words change sets again with `keys_tip`.

    The key is a shortcut the button holds, not its `setShortcut`: Qt sets a button's shortcut anew
    from each text it is given ("Archived 3" has no "&", so none); nor an action, which a tool
    button offers as a menu of its own. Like the button's own, the key works in its window while the
    button shows; a chip with a menu opens the menu."""
    shortcut = QShortcut(QKeySequence(keys), button)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    if isinstance(button, QToolButton) and button.menu() is not None:
        shortcut.activated.connect(button.showMenu)
    else:
        shortcut.activated.connect(button.animateClick)
    if tip:
        button.setToolTip(keys_tip(tip, keys))
    return shortcut
