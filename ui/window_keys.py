"""Keys of the tool windows (Catalogue, Quick replies, Labels): Esc and Close (Ctrl+W) close them,
Ctrl+S saves the item being edited."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget


def close_with_keys(window: QWidget, escape: Callable[[], object] | None = None) -> None:
    """Ctrl+W (Cmd+W on a Mac) and Esc close `window`, as its own close button would; or Esc calls
    `escape` (which closes a notice first, say).

    A dialog already closes on Esc; this adds Ctrl+W there. Closing goes through closeEvent, so a
    window with unsaved changes still asks first.
    """
    keys: list[QKeySequence] = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Close))
    if not any(k.matches(QKeySequence("Ctrl+W")) == QKeySequence.SequenceMatch.ExactMatch for k in keys):
        keys.append(QKeySequence("Ctrl+W"))
    if not window.inherits("QDialog") and escape is not None:
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(escape)
    elif not window.inherits("QDialog"):
        keys.append(QKeySequence(Qt.Key.Key_Escape))
    for key in keys:
        shortcut = QShortcut(key, window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(window.close)


def save_with_keys(form: QWidget, save: QAbstractButton) -> None:
    """Ctrl+S (Cmd+S on a Mac) anywhere in `form`'s window presses its Save button, as in the
    greeting and away message windows; not while Save is greyed out or hidden."""

    def press() -> None:
        if save.isEnabled() and save.isVisible():
            save.click()

    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), form)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(press)
