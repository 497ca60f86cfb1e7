"""Dialogs in tests: scripted when a test expects them, a failure with the dialog's text when it does not.

Qt's static dialogs (`QMessageBox.question`, `QFileDialog.getOpenFileName`…) run their modal loop
inside C++, where no Python patch of `QDialog.exec` sees them, and a test that opens one waits for a
click that never comes. `DialogGuard` replaces every static helper for the length of a test, and a
watchdog timer closes any other modal window (a dialog's own `exec()`) or context menu nobody declared:

    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    picker = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    dialogs.expect("menu", answer="Archive")
    ...
    assert picker.shown[0].widget == "CatalogPicker"

A "modal" with no answer (left open for the test, which closes it itself) is recorded the moment it
shows, not at the watchdog's next look: a test quicker than that look closed it unseen. It stands only
for a window the test goes on past (`open()`, `show()`): a dialog run with `exec()` holds the test
where it is, so only an answer closes it, and one that a "modal" with no answer would take is reported
and closed instead (a message box's question waited there until pytest's timeout killed the run).
Whatever the guard does to a dialog (an answer, a menu's entry picked, an undeclared one closed) may
open another: it is watched meanwhile.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

Button = QMessageBox.StandardButton

# kind → (class, index of the title argument, its keyword, index of the text argument, its keyword)
STATICS: dict[str, tuple[type, int, str, int, str]] = {
    "question": (QMessageBox, 1, "title", 2, "text"),
    "warning": (QMessageBox, 1, "title", 2, "text"),
    "information": (QMessageBox, 1, "title", 2, "text"),
    "critical": (QMessageBox, 1, "title", 2, "text"),
    "about": (QMessageBox, 1, "title", 2, "text"),
    "getOpenFileName": (QFileDialog, 1, "caption", 2, "dir"),
    "getOpenFileNames": (QFileDialog, 1, "caption", 2, "dir"),
    "getSaveFileName": (QFileDialog, 1, "caption", 2, "dir"),
    "getExistingDirectory": (QFileDialog, 1, "caption", 2, "dir"),
    "getText": (QInputDialog, 1, "title", 2, "label"),
    "getMultiLineText": (QInputDialog, 1, "title", 2, "label"),
    "getItem": (QInputDialog, 1, "title", 2, "label"),
    "getInt": (QInputDialog, 1, "title", 2, "label"),
    "getDouble": (QInputDialog, 1, "title", 2, "label"),
    "getColor": (QColorDialog, 2, "title", 2, "title"),
}
# The file dialogs' kinds, as the app opens them (ui/file_dialogs.py, which takes and returns what
# QFileDialog's static functions do, builds each dialog in Python).
FILE_DIALOGS = {
    "getOpenFileName": "open_file_name",
    "getOpenFileNames": "open_file_names",
    "getSaveFileName": "save_file_name",
    "getExistingDirectory": "existing_folder",
}
MODAL = "modal"
MENU = "menu"  # a QMenu run with exec(): a context menu blocks like a modal dialog
# How often the watchdog looks for a modal window; a modal loop runs timers, so it fires inside one.
WATCH_MS = 20


class UnexpectedDialog(AssertionError):
    """A dialog opened that the test did not declare with `dialogs.expect(...)`."""


@dataclass(frozen=True, slots=True)
class Shown:
    """One dialog as the owner would have seen it."""

    kind: str
    title: str
    text: str
    widget: str = ""
    # The window it was opened over: a dialog comes in front with its parent's window, and leaves
    # that window in front as it closes.
    parent: QWidget | None = field(default=None, compare=False)

    def describe(self) -> str:
        what = self.widget or f"{STATICS[self.kind][0].__name__}.{self.kind}"
        return f"{what} {self.title!r}: {self.text!r}"


Answer = Any | Callable[[Any], Any]


@dataclass(slots=True)
class Expected:
    """A dialog a test declared: the answer it scripts, and each time the dialog was shown."""

    kind: str
    answer: Answer
    times: int | None
    shown: list[Shown] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.shown]

    @property
    def open(self) -> bool:
        return self.times is None or len(self.shown) < self.times


@dataclass
class DialogGuard:
    """Patches Qt's static dialogs and watches for modal windows during one test."""

    monkeypatch: pytest.MonkeyPatch
    expected: list[Expected] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    tearing_down: bool = False
    # How many unexpected dialogs were recorded when the test's setup or call failed (None: it has
    # not failed): what the watchdog finds after is what the failure left up.
    failed_at: int | None = None
    _reported: int = 0
    _timer: QTimer | None = None
    _current_modal: QWidget | None = None
    # Dialogs in their own exec() (ui/ runs QDialog.exec from Python: patched to note them), whose
    # modal loop holds the test's code until the dialog closes.
    _in_exec: list[QWidget] = field(default_factory=list)
    # Modal windows the guard is answering or closing (from inside its watch): never met again
    # meanwhile, when a dialog opened over one closes and it is the active modal window again.
    _handling: list[QWidget] = field(default_factory=list)
    # Dialogs in exec() the watchdog closed as undeclared, with what it said: their exec() raises
    # it, so the test stops where it opened the dialog, as at a static helper's call.
    _closed_undeclared: list[tuple[QWidget, str]] = field(default_factory=list)
    # Windows a message box of ours was answered over (a window-modal Settings): the test opened
    # them; Qt makes one the active modal window as the box closes, which is no new dialog.
    _asked_over: list[QWidget] = field(default_factory=list)
    # Modal windows recorded as they showed (a "modal" the test answers itself), until they hide.
    _recorded_showing: list[QWidget] = field(default_factory=list)
    _show_watch: _ShowWatch | None = None

    def expect(self, kind: str, answer: Answer = None, *, times: int | None = 1) -> Expected:
        """Declare a dialog the test opens; `answer` is what the owner picks (or a function of it).

        For a static dialog, the answer is what the owner chose: a `QMessageBox.StandardButton`, a path
        for file dialogs (None: cancelled), the text/number/item for input dialogs (None: cancelled), a
        `QColor`. A function receives the `Shown` dialog and returns that. For "modal" (a dialog's own
        `exec()` or `open()`), the function receives the dialog widget and may click through it; None
        leaves it to the test, which only a dialog the test goes on past can be (`open()`, `show()`):
        one in `exec()` is then reported and closed. For "menu", the text of the action to pick, or a
        function of the QMenu.
        `times=None` allows any number of openings, none included.
        """
        if kind not in (MODAL, MENU) and kind not in STATICS:
            raise ValueError(f"unknown dialog kind {kind!r}: one of {sorted(STATICS)}, 'modal' or 'menu'")
        if kind == "question" and answer is None:
            raise ValueError("a question needs an answer, e.g. answer=QMessageBox.StandardButton.Yes")
        if kind == MENU and answer is None:
            raise ValueError(
                "a menu needs an answer: the text of the entry to pick, or a function of the menu"
            )
        entry = Expected(kind, answer, times)
        self.expected.append(entry)
        if kind == MODAL and answer is None and self._show_watch is None:
            # Only for tests that wait on such a dialog: the filter sees every event of the app.
            self._show_watch = _ShowWatch(self)
            _app().installEventFilter(self._show_watch)
        return entry

    # ------------------------------------------------------------------ installing

    def install(self) -> None:
        from ui import file_dialogs

        for kind, (cls, *_) in STATICS.items():
            self.monkeypatch.setattr(cls, kind, staticmethod(self._static(kind)))
        for kind, name in FILE_DIALOGS.items():
            self.monkeypatch.setattr(file_dialogs, name, self._static(kind))
        self.monkeypatch.setattr(QDialog, "exec", self._exec_noted(QDialog.exec))
        self._timer = QTimer()
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self._watch)
        self._timer.start()

    def uninstall(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None
        if self._show_watch is not None:
            _app().removeEventFilter(self._show_watch)
            self._show_watch = None
        self._recorded_showing.clear()
        self._closed_undeclared.clear()

    def _static(self, kind: str) -> Callable[..., Any]:
        _cls, title_at, title_kw, text_at, text_kw = STATICS[kind]

        def shown_instead(*args: Any, **kwargs: Any) -> Any:
            def arg(index: int, keyword: str) -> str:
                value = args[index] if len(args) > index else kwargs.get(keyword, "")
                return str(value or "")

            parent = args[0] if args and isinstance(args[0], QWidget) else kwargs.get("parent")
            shown = Shown(kind, arg(title_at, title_kw), arg(text_at, text_kw), parent=parent)
            entry = self._take(kind)
            if entry is None:
                buttons = args[3] if len(args) > 3 else kwargs.get("buttons")
                if self.tearing_down and kind == "question" and _offers(buttons, Button.Discard):
                    return Button.Discard  # a dirty form closed by teardown: nobody is there to save it
                raise self._unexpected(shown)
            entry.shown.append(shown)
            answer = entry.answer(shown) if callable(entry.answer) else entry.answer
            return _qt_result(kind, answer)

        return shown_instead

    def _exec_noted(self, exec_: Callable[[QDialog], int]) -> Callable[[QDialog], int]:
        """QDialog.exec, noting the dialog while its modal loop runs."""

        def exec_noted(dialog: QDialog) -> int:
            self._in_exec.append(dialog)
            try:
                result = exec_(dialog)
            finally:
                self._in_exec[:] = [d for d in self._in_exec if d is not dialog]
            said = [message for closed, message in self._closed_undeclared if closed is dialog]
            if said:
                self._closed_undeclared[:] = [c for c in self._closed_undeclared if c[0] is not dialog]
                raise UnexpectedDialog(said[0])
            return result

        return exec_noted

    def _take(self, kind: str, widget: QWidget | None = None) -> Expected | None:
        """The first declared dialog of `kind` still to be shown. A "modal" left to the test (no
        answer) is not for a dialog in its exec(): the test cannot go on to close it."""
        held = widget is not None and any(d is widget for d in self._in_exec)
        return next(
            (e for e in self.expected if e.kind == kind and e.open and not (held and e.answer is None)),
            None,
        )

    def _unexpected(self, shown: Shown) -> UnexpectedDialog:
        hint = f"declare it with dialogs.expect({shown.kind!r}, answer=...)"
        message = f"unexpected dialog {shown.describe()} ({hint})"
        self.unexpected.append(message)
        return UnexpectedDialog(message)

    # ------------------------------------------------------------------ the watchdog

    def _watch(self) -> None:
        popup = QApplication.activePopupWidget()
        widget = popup if isinstance(popup, QMenu) else QApplication.activeModalWidget()
        if widget is self._current_modal or (widget is not None and self._met(widget)):
            return
        self._current_modal = widget
        if widget is None:
            return
        # What the guard does to it (an answer, a menu's entry picked, a close whose reject() asks)
        # may open another modal loop inside this slot, where Qt never fires this timer again.
        self._handling.append(widget)
        try:
            self._watching_meanwhile(lambda: self._meet(widget))
        finally:
            self._handling[:] = [w for w in self._handling if w is not widget]

    def _met(self, widget: QWidget) -> bool:
        """Met already: a window the test opened and a box was answered over, one the guard is
        handling, or one the test looks at and closes itself (unless, shown first, it was then run
        with exec(): that holds the test now)."""
        if any(widget is w for w in (*self._asked_over, *self._handling)):
            return True
        recorded = any(widget is w for w in self._recorded_showing)
        return recorded and not any(widget is d for d in self._in_exec)

    def _meet(self, widget: QWidget) -> None:
        """A modal window or menu the watchdog has not met yet: answered as declared, else closed."""
        if isinstance(widget, QMessageBox) and self._take(_box_kind(widget)) is not None:
            self._answer_box(widget)
            return
        if _text_prompt(widget) and self._take("getText") is not None:
            self._answer_text_prompt(widget)
            return
        if (
            isinstance(widget, QMessageBox)
            and self.tearing_down
            and (discard := widget.button(Button.Discard))
        ):
            discard.click()  # as for a static question: a window closed by teardown, nobody to answer
            return
        if isinstance(widget, QMenu):
            texts = [a.text() for a in widget.actions() if a.text()]
            shown = Shown(MENU, widget.title(), " | ".join(texts), type(widget).__name__)
        else:
            shown = Shown(MODAL, widget.windowTitle(), _visible_text(widget), type(widget).__name__)
        entry = self._take(shown.kind, widget)
        if entry is None:
            if isinstance(widget, QMessageBox):  # the hint names the kind that answers it
                shown = Shown(_box_kind(widget), shown.title, shown.text, shown.widget)
            elif _text_prompt(widget):
                shown = Shown("getText", shown.title, shown.text, shown.widget)
            said = self._unexpected(shown)
            if any(widget is d for d in self._in_exec):
                self._closed_undeclared.append((widget, str(said)))
            self._end(widget)
            return
        entry.shown.append(shown)
        if isinstance(widget, QMenu) and isinstance(entry.answer, str):
            _pick(widget, entry.answer)
        elif callable(entry.answer):
            try:
                entry.answer(widget)
            except BaseException:
                self._end(widget)  # an answer whose check failed never clicked through
                raise

    def _shown(self, widget: QWidget) -> None:
        """A modal window the test looks at and closes itself (`expect("modal")`, no answer) is
        recorded as it shows. The watchdog looks only every WATCH_MS, and only while an event loop
        runs: a test whose wait was over sooner had closed the dialog by then ("never opened", now
        and then in CI). Every other modal window is left to the watchdog, which answers it from
        inside its modal loop, where the dialog stays until it is answered."""
        if (
            not widget.isModal()
            or isinstance(widget, (QMessageBox, QMenu))
            or widget in self._recorded_showing
        ):
            return
        entry = self._take(MODAL, widget)
        if entry is None or entry.answer is not None:
            return  # undeclared, or answered: the watchdog's, as it always was
        entry.shown.append(Shown(MODAL, widget.windowTitle(), _visible_text(widget), type(widget).__name__))
        self._recorded_showing.append(widget)

    def _hidden(self, widget: QWidget) -> None:
        """Closed: opened again, it is another showing."""
        if widget in self._recorded_showing:
            self._recorded_showing.remove(widget)

    def _answer_box(self, box: QMessageBox) -> None:
        """A message box of our own (ui/confirm.py: its buttons say their verb) answered as its static
        kind is: the test's answer is the button the owner clicks (Yes: the verb; No, Cancel: keep)."""
        kind = _box_kind(box)
        entry = self._take(kind)
        assert entry is not None
        buttons = " | ".join(b.text() for b in box.buttons())
        default = box.defaultButton().text() if box.defaultButton() is not None else ""
        # "QMessageBox [삭제(&D) | 취소(&C)] default 취소(&C)": the words the owner reads, and what Enter clicks.
        shown = Shown(
            kind,
            box.windowTitle(),
            _visible_text(box),
            f"QMessageBox [{buttons}] default {default}",
            parent=box.parentWidget(),
        )
        entry.shown.append(shown)
        if unlettered := _buttons_without_own_letter(box):
            # Every question's buttons are pressed with Alt and a letter, each its own ("삭제(&D)",
            # "취소(&C)"): a new question whose verb has none fails the test that asks it.
            self.unexpected.append(f"{shown.describe()}: buttons without their own Alt letter: {unlettered}")
        scripted = entry.answer
        try:
            answer = scripted(shown) if callable(scripted) else scripted
        except BaseException:
            self._end(box)  # an answer whose check failed never clicked: the test goes on to fail
            raise
        if answer is None:
            answer = Button.Ok  # as a static helper's: the OK of a box that only tells
        if box.button(answer) is None and answer in (Button.Cancel, Button.No):
            answer = box.escapeButton() and box.standardButton(box.escapeButton())
        elif box.button(answer) is None and answer in (Button.Yes, Button.Ok, Button.Save):
            answer = Button.Yes
        button = box.button(answer)
        if button is None:
            self._end(box)
            raise UnexpectedDialog(f"{shown.describe()} has no {answer!r} button")
        parent = box.parentWidget()
        if parent is not None and parent.window() not in self._asked_over:
            self._asked_over.append(parent.window())
        button.click()

    def _answer_text_prompt(self, dialog: QInputDialog) -> None:
        """A text question of our own (ui/text_prompt.py: its buttons have Alt letters) answered as
        the static getText is: the test's answer is the text typed (None: Cancel)."""
        entry = self._take("getText")
        assert entry is not None
        buttons = [b.text() for b in dialog.findChildren(QPushButton)]
        shown = Shown(
            "getText", dialog.windowTitle(), dialog.labelText(), f"QInputDialog [{' | '.join(buttons)}]"
        )
        entry.shown.append(shown)
        scripted = entry.answer
        try:
            answer = scripted(shown) if callable(scripted) else scripted
        except BaseException:
            self._end(dialog)
            raise
        if answer is None:
            dialog.reject()
        else:
            dialog.setTextValue(str(answer))
            dialog.accept()

    def _watching_meanwhile(self, answer: Callable[[], Any]) -> Any:
        """Run what the guard does to a dialog from inside the watchdog's slot. It may open a dialog
        of its own (a scripted answer's wait runs the window's events, a menu's entry opens its
        question, an undeclared editor closed asks "Save the changes?"): Qt never fires this timer
        again while its slot runs, so another one watches meanwhile. Without it, a second question
        opened under the first waited for an answer until the test run was killed."""
        nested = QTimer()
        nested.setInterval(WATCH_MS)
        nested.timeout.connect(self._watch)
        nested.start()
        try:
            return answer()
        finally:
            nested.stop()

    def _end(self, widget: QWidget) -> None:
        """Close a dialog nobody will answer: that ends its modal loop, so the test goes on to fail
        instead of waiting forever. A dialog whose reject() refuses (Settings asked about its edits,
        and that question was closed too: Cancel, so it stays) is closed past its own reject."""
        self._current_modal = None
        try:
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()
        except UnexpectedDialog:
            pass  # the closing asked something nobody declared: recorded, and closed in its turn
        finally:
            if isinstance(widget, QDialog) and widget.isVisible():
                QDialog.done(widget, QDialog.DialogCode.Rejected)
            elif widget.isVisible():
                widget.hide()

    # ------------------------------------------------------------------ reporting

    def new_problems(self) -> list[str]:
        """Unexpected dialogs not reported yet."""
        problems = self.unexpected[self._reported :]
        self._reported = len(self.unexpected)
        return problems

    def close_left_open(self, open_before: list[QWidget]) -> None:
        """After a failed test: close the windows it opened and left open (its editor, whose Close
        asked a question the test did not expect), so the next test does not trip on them (its own
        guard took the leftover modal editor for a dialog of its own). A question the closing asks
        is answered as at teardown; what the closing shows beyond that is the failure's doing,
        already reported, so it is not reported again. Never after a passing test: a window a
        passing test leaves open is that test's to answer for."""
        # The failure's leftovers include a modal editor the watchdog met after the failure and
        # before this close (when an event loop ran meanwhile: pytest-qt's at teardown, a fixture
        # waiting on ops): as often as not under load, so the failed test also had an ERROR.
        told = self.failed_at if self.failed_at is not None else len(self.unexpected)
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible() or any(widget is w for w in open_before):
                continue
            widget.close()
            if widget.isVisible():  # its close was refused: hidden, so nothing of it is left up
                widget.hide()
        del self.unexpected[told:]

    def never_shown(self) -> list[str]:
        return [
            f"expected a {e.kind!r} dialog that never opened"
            + ("" if e.times == 1 else f" (shown {len(e.shown)} of {e.times} times)")
            for e in self.expected
            if e.times is not None and len(e.shown) < e.times
        ]


class _ShowWatch(QObject):
    """Tells the guard of each window as it shows or hides, at once (an event filter on the app)."""

    def __init__(self, guard: DialogGuard) -> None:
        super().__init__()
        self._guard = guard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind in (QEvent.Type.Show, QEvent.Type.Hide)
            and not event.spontaneous()  # a minimised window coming back is no new showing
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            if kind == QEvent.Type.Show:
                self._guard._shown(watched)
            else:
                self._guard._hidden(watched)
        return False


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the dialog guard needs the tests' QApplication (qapp)"
    return app


def _text_prompt(widget: QWidget) -> TypeGuard[QInputDialog]:
    """A one-line text question (a QInputDialog asking for text), whichever way it was opened."""
    return isinstance(widget, QInputDialog) and widget.inputMode() == QInputDialog.InputMode.TextInput


def _box_kind(box: QMessageBox) -> str:
    """The static helper a message box stands for (ui/message_box.py's, ui/confirm.py's), by its icon."""
    return _KINDS.get(box.icon(), "question")


_KINDS = {
    QMessageBox.Icon.Warning: "warning",
    QMessageBox.Icon.Information: "information",
    QMessageBox.Icon.Critical: "critical",
}


def _buttons_without_own_letter(box: QMessageBox) -> list[str]:
    """The texts of the box's answer buttons that no Alt letter presses, or that share one (Qt's
    "Show Details…" is the box's own, not an answer)."""
    texts = [
        b.text()
        for b in box.buttons()
        if box.standardButton(b) != Button.NoButton or box.buttonRole(b) != QMessageBox.ButtonRole.ActionRole
    ]
    letters = [
        found.group(1).upper() if (found := re.search(r"&([^&])", t.replace("&&", ""))) else None
        for t in texts
    ]
    return [
        text
        for text, letter in zip(texts, letters, strict=True)
        if letter is None or letters.count(letter) > 1
    ]


def _offers(buttons: Any, button: Button) -> bool:
    return buttons is not None and bool(buttons & button)


def _qt_result(kind: str, answer: Any) -> Any:
    """The owner's answer in the shape the static helper returns."""
    if kind in ("question", "warning", "information", "critical"):
        return Button.Ok if answer is None else answer
    if kind == "about":
        return None
    if kind in ("getOpenFileName", "getSaveFileName"):
        return ("", "") if answer is None else (str(answer), "")
    if kind == "getOpenFileNames":
        return ([], "") if answer is None else ([str(Path(p)) for p in answer], "")
    if kind == "getExistingDirectory":
        return "" if answer is None else str(answer)
    if kind in ("getText", "getMultiLineText", "getItem"):
        return ("", False) if answer is None else (answer, True)
    if kind in ("getInt", "getDouble"):
        return (0, False) if answer is None else (answer, True)
    if kind == "getColor":
        return QColor() if answer is None else QColor(answer)
    raise AssertionError(kind)


def _pick(menu: QMenu, text: str) -> None:
    """Choose the action as the owner would, so the menu's exec() returns it."""
    # The text without its Alt letter: "&Pin chat" → "Pin chat", "저장(&S)…" → "저장…".
    from ui.shortcuts_dialog import plain

    action = next((a for a in menu.actions() if plain(a.text()) == text), None)
    if action is None:
        menu.close()
        raise UnexpectedDialog(f"the menu has no {text!r}: {[a.text() for a in menu.actions()]}")
    menu.setActiveAction(action)
    QTest.keyClick(menu, Qt.Key.Key_Return)


def _visible_text(widget: QWidget) -> str:
    if isinstance(widget, QMessageBox):
        return " ".join(t for t in (widget.text(), widget.informativeText()) if t)
    if isinstance(widget, QInputDialog):
        return widget.labelText()
    labels = (label.text() for label in widget.findChildren(QLabel) if label.isVisible() and label.text())
    return " | ".join(list(labels)[:4])
