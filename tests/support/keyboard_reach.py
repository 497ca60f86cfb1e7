"""What in a window no Alt letter reaches, and the Alt letters two of its parts share (for the tests)."""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter Alt opens `text` with ("&&" is a literal ampersand, not a mnemonic)."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


@dataclass(frozen=True, slots=True)
class Lettered:
    """One part of a window that Alt and a letter may reach: a button, a field's label, a tab, a menu."""

    text: str
    letter: str | None
    # The pages of stacks (a tab widget's, a wizard's) it is on: a hidden page's letters do nothing.
    pages: tuple[tuple[int, int], ...]


# Close and Cancel outside a row of Qt's buttons (the catalogue's, the deposits'): Esc presses them too.
ESC_WORDS = {"Close", "Cancel", "닫기", "취소"}


def _escape_button(button: QAbstractButton) -> bool:
    """Close or Cancel: Esc presses it, as on Windows, where they have no letter."""
    box = button.parentWidget()
    if isinstance(box, QDialogButtonBox):
        return box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole
    return button.text() in ESC_WORDS


def _enter_button(button: QAbstractButton, window: QWidget) -> bool:
    """The dialog's OK or Save: Enter presses it, or Ctrl+S where Enter starts a new line of a text."""
    box = button.parentWidget()
    if not (
        isinstance(window, QDialog)
        and isinstance(box, QDialogButtonBox)
        and box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
    ):
        return False
    texts: list[QWidget] = [edit for edit in window.findChildren(QPlainTextEdit) if not edit.isReadOnly()]
    texts += [edit for edit in window.findChildren(QTextEdit) if not edit.isReadOnly()]
    if not texts:
        return True
    save = QKeySequence(QKeySequence.StandardKey.Save)
    return any(shortcut.key() == save for shortcut in window.findChildren(QShortcut))


def _shortcut(button: QAbstractButton) -> bool:
    """Pressed by a key of its own (its action's Ctrl+N, its own Alt+Up, a key it holds: a chip's
    Ctrl+2, Retry's F5, ui/icon_buttons.py press_with_keys)."""
    return bool(_held_keys(button))


def _alt_key(button: QAbstractButton) -> str | None:
    """The letter of an Alt+letter key given to the button itself (no "&" in a text that changes)."""
    if mnemonic(button.text()) is not None:
        return None  # the shortcut Qt made of the text's "&"
    keys = button.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
    found = re.fullmatch(r"Alt\+([A-Z0-9])", keys)
    return found.group(1) if found else None


def icon_only(button: QAbstractButton) -> bool:
    """A button whose words do not name it: an icon alone, a sign ("+", "✕"), or a count beside an
    icon (the chat's "↓ 3"). A tool button with no icon shows its text, whatever its style says; a
    button with neither (its words given when it shows) is not one."""
    text = button.text()
    if button.icon().isNull():
        return bool(text.strip()) and not any(c.isalpha() for c in text)
    if isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return True
    return not any(c.isalpha() for c in text)


def _qt_own(button: QAbstractButton) -> bool:
    """A button Qt puts inside its own widgets (a field's clear button, a tab bar's arrows)."""
    parent = button.parentWidget()
    return isinstance(parent, (QLineEdit, QTabBar, QAbstractSpinBox)) or button.objectName().startswith("qt_")


def _held_keys(button: QAbstractButton) -> list[str]:
    """The keys that press `button` itself, as the platform writes them."""
    keys = [button.shortcut()]
    if isinstance(button, QToolButton) and button.defaultAction() is not None:
        keys.append(button.defaultAction().shortcut())
    keys += [action.shortcut() for action in button.actions()]
    held = button.findChildren(QShortcut, options=Qt.FindChildOption.FindDirectChildrenOnly)
    keys += [shortcut.key() for shortcut in held]
    return [key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys if not key.isEmpty()]


def icon_button_problems(window: QWidget, *, hidden_too: bool = False) -> list[str]:
    """What a keyboard or screen-reader user trips on among `window`'s buttons that show no words:
    no accessible name (a screen reader says "button"), no tooltip, a tooltip that does not name the
    key the button has, or neither Tab nor a key reaching it."""
    problems: list[str] = []
    name = f"{type(window).__name__} {window.windowTitle()!r}"
    for button in window.findChildren(QAbstractButton):
        if button.window() is not window or _qt_own(button) or not icon_only(button):
            continue
        if _on_screen(button, window, hidden_too) is None:
            continue
        said, tip, keys = button.accessibleName(), button.toolTip(), _held_keys(button)
        who = said or tip or button.objectName() or button.text() or type(button).__name__
        if not said:
            problems.append(f"{name}: the icon button {who!r} has no accessible name")
        if not tip:
            problems.append(f"{name}: the icon button {who!r} has no tooltip")
        problems += [f"{name}: the tooltip {tip!r} does not say {k}" for k in keys if k not in tip]
        if not keys and not button.focusPolicy() & Qt.FocusPolicy.TabFocus:
            problems.append(f"{name}: neither Tab nor a key reaches the icon button {who!r}")
    return problems


def _on_screen(widget: QWidget, window: QWidget, hidden_too: bool) -> tuple[tuple[int, int], ...] | None:
    """The stack pages `widget` is on, or None when it is hidden otherwise (a banner not showing),
    unless `hidden_too`."""
    pages: list[tuple[int, int]] = []
    current: QWidget | None = widget
    while current is not None and current is not window:
        parent = current.parentWidget()
        if isinstance(parent, QStackedWidget) and parent.indexOf(current) >= 0:
            pages.append((id(parent), parent.indexOf(current)))
        elif current.isHidden() and not hidden_too:
            return None
        current = parent
    return tuple(pages)


def lettered_parts(window: QWidget, *, hidden_too: bool = False) -> tuple[list[Lettered], list[str]]:
    """Each part of `window` an Alt letter may reach (shown, or on a tab not shown; with `hidden_too`
    also what shows only at times: a notice, a banner), and the texts of the buttons no key reaches."""
    parts: list[Lettered] = []
    unreached: list[str] = []
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        for action in window.menuBar().actions():
            if action.isVisible() and action.text():
                parts.append(Lettered(action.text(), mnemonic(action.text()), ()))
    for widget in window.findChildren(QWidget):
        if widget.window() is not window:
            continue  # a window of its own (a tooltip, a popup made ahead): walked when it opens
        pages = _on_screen(widget, window, hidden_too)
        if pages is None:
            continue
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i) and widget.tabText(i):
                    parts.append(Lettered(widget.tabText(i), mnemonic(widget.tabText(i)), pages))
            continue
        if isinstance(widget, QAbstractButton):
            text = widget.text()
            if not text.strip():
                continue
            if icon_only(widget):
                continue
            if (alt := _alt_key(widget)) is not None:
                parts.append(Lettered(f"{text} ({alt})", alt, pages))
            letter = mnemonic(text)
            if letter is None and not (
                _escape_button(widget) or _enter_button(widget, window) or _shortcut(widget)
            ):
                unreached.append(text)
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
            letter = mnemonic(text)
        elif isinstance(widget, QGroupBox) and widget.title():
            text = widget.title()
            letter = mnemonic(text)
        else:
            continue
        if letter is not None:
            parts.append(Lettered(text, letter, pages))
    return parts, unreached


def _together(a: Lettered, b: Lettered) -> bool:
    """Both can be on screen at once: no stack shows one's page and hides the other's."""
    theirs = dict(b.pages)
    return all(theirs.get(stack, page) == page for stack, page in a.pages)


def shared_letters(parts: list[Lettered]) -> list[tuple[str, str]]:
    """Pairs of texts with the same Alt letter that are on screen together."""
    lettered = [p for p in parts if p.letter is not None]
    return [
        (a.text, b.text)
        for i, a in enumerate(lettered)
        for b in lettered[i + 1 :]
        if a.letter == b.letter and _together(a, b)
    ]


def keyboard_problems(
    window: QWidget, *, known: Set[str] = frozenset(), hidden_too: bool = False
) -> list[str]:
    """What a keyboard user trips on in `window`: buttons with no key (but the `known` ones), letters
    two parts share, and buttons with no words that a screen reader cannot name (icon_button_problems);
    with `hidden_too`, also among what shows only at times (a banner, a notice, the contact panel),
    as if all of it showed at once."""
    parts, unreached = lettered_parts(window, hidden_too=hidden_too)
    unreached = [text for text in unreached if text not in known]
    name = f"{type(window).__name__} {window.windowTitle()!r}"
    problems = [f"{name}: no Alt letter on {text!r}" for text in unreached]
    problems += [f"{name}: {a!r} and {b!r} share Alt+{mnemonic(a)}" for a, b in shared_letters(parts)]
    return problems + icon_button_problems(window, hidden_too=hidden_too)


def _qt_words(button: QAbstractButton) -> bool:
    """A button of a row of Qt's with the words Qt gives it (OK, Cancel, Close, Yes…): Enter or Esc
    presses it, as the platform's own dialogs' buttons, which have no letter either."""
    box = button.parentWidget()
    if not isinstance(box, QDialogButtonBox) or not isinstance(button, QPushButton):
        return False
    which = box.standardButton(button)
    if which == QDialogButtonBox.StandardButton.NoButton:
        return False
    plain = QDialogButtonBox(which)
    try:
        return plain.button(which).text() == button.text()
    finally:
        plain.deleteLater()


def without_alt_letter(window: QWidget, *, hidden_too: bool = False) -> list[str]:
    """The words of `window`'s push buttons, check boxes, radio buttons and labelled fields that no
    Alt letter reaches, whatever other key does (but Qt's own OK, Cancel, Close…, and Close or Cancel
    outside a row of Qt's, which Esc presses): a keyboard owner looks for the underlined letter."""
    missing: list[str] = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or _on_screen(widget, window, hidden_too) is None:
            continue
        if isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
            if not widget.text().strip() or icon_only(widget) or _qt_words(widget):
                continue
            if widget.text() in ESC_WORDS:
                continue
        elif not (isinstance(widget, QLabel) and _typed_in(widget.buddy())):
            continue
        if mnemonic(widget.text()) is None and _alt_key_of(widget) is None:
            missing.append(widget.text())
    return missing


def _typed_in(field: QWidget | None) -> bool:
    """A field the owner types in or chooses from: not a label or read-only text that only shows
    what is there (its label names it for a screen reader)."""
    if field is None or isinstance(field, QLabel) or field.focusPolicy() == Qt.FocusPolicy.NoFocus:
        return False
    return not (isinstance(field, (QLineEdit, QPlainTextEdit, QTextEdit)) and field.isReadOnly())


def _alt_key_of(widget: QWidget) -> str | None:
    return _alt_key(widget) if isinstance(widget, QAbstractButton) else None
