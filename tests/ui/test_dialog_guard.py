"""A test that opens a dialog nobody declared fails at once with the dialog's text, and never hangs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from tests.support.dialogs import DialogGuard

ROOT = Path(__file__).resolve().parents[2]

STORIES = '''
import pytest
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

Button = QMessageBox.StandardButton


class Form(QWidget):
    """Asks before closing, like the catalogue window with unsaved edits."""

    def closeEvent(self, event):
        buttons = Button.Save | Button.Discard | Button.Cancel
        if QMessageBox.question(self, "Unsaved changes", "Save the changes to this item?", buttons) == Button.Cancel:
            event.ignore()


def test_a_question_nobody_expected(qtbot):
    form = Form()
    qtbot.addWidget(form)
    form.show()
    form.close()


def test_a_dialog_run_with_exec_nobody_expected(qtbot):
    dialog = QMessageBox(QMessageBox.Icon.Warning, "Not sent", "The relay did not answer.")
    qtbot.addWidget(dialog)
    dialog.exec()


def test_a_plain_dialog_run_with_exec_nobody_expected(qtbot):
    dialog = QDialog()
    dialog.setWindowTitle("Pick items")
    qtbot.addWidget(dialog)
    dialog.exec()


def test_a_declared_dialog_that_never_opened(dialogs):
    dialogs.expect("warning")


def test_a_dirty_form_left_open_is_discarded_at_teardown(qtbot):
    form = Form()
    qtbot.addWidget(form)
    form.show()


def test_a_context_menu_nobody_expected(qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    menu.addAction("Pin chat")
    menu.addAction("Archive")
    qtbot.addWidget(menu)
    menu.exec(QPoint(0, 0))


def test_a_file_dialog_nobody_expected():
    from PySide6.QtWidgets import QFileDialog

    QFileDialog.getOpenFileName(None, "Attach a file")


def test_a_question_opened_under_a_scripted_answer_nobody_expected(dialogs):
    from ui import message_box

    def save_once_the_list_is_read(_shown):
        # The scripted answer runs the window's events; something in them asks a second time.
        message_box.question(None, "Unsaved changes", "Asked again?", Button.Save | Button.Cancel)
        return Button.Save

    dialogs.expect("question", answer=save_once_the_list_is_read)
    message_box.question(None, "Unsaved changes", "Save the changes to this item?", Button.Save | Button.Cancel)


LEFT_OPEN = []  # as a window's child editor is kept by the window that opened it


@pytest.fixture
def events_run_at_teardown(qtbot):
    """As the window fixture's wait for its ops: an event loop runs before the guard closes what a
    failed test left, so the watchdog meets the editor first (under load, as often as not)."""
    yield
    qtbot.wait(200)


def test_a_failed_test_leaves_an_editor_open(qtbot, events_run_at_teardown):
    editor = QDialog()
    editor.setWindowTitle("Business hours")
    editor.setModal(True)
    editor.show()
    form = Form()  # with edits: closing it asks
    form.show()
    LEFT_OPEN.extend([editor, form])
    assert editor.isHidden(), "the test's own failure"


def test_the_next_test_does_not_trip_on_what_it_left(qtbot):
    import shiboken6
    from PySide6.QtCore import QTimer

    turn = QTimer()
    turn.setSingleShot(True)
    turn.setInterval(200)  # long enough for the guard to look at the modal windows
    with qtbot.waitSignal(turn.timeout, timeout=5000):
        turn.start()
    assert not any(shiboken6.isValid(w) and w.isVisible() for w in LEFT_OPEN)  # closed (and let go)
'''


def run_stories(tmp_path: Path, stories: str) -> tuple[dict[str, str], str, dict[str, float]]:
    """Run `stories` as a test file of their own under the window tests' conftest (the guard on):
    each story's outcome, the run's output, and each story's own time."""
    (tmp_path / "test_stories.py").write_text(stories, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.ui.conftest",
            "-o",
            "timeout_method=thread",
            "--timeout=60",
            "-q",
            "-rfEp",
            f"--junitxml={tmp_path / 'stories.xml'}",
            str(tmp_path / "test_stories.py"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        # A backstop only: a dialog that waits is ended by --timeout (the whole run, with the
        # thread method), and each story's own time is checked below; on a loaded machine it is
        # the run's start-up (Python, Qt, the app's modules) that grows.
        timeout=300,
    )
    out = done.stdout + done.stderr
    summary = {
        line.split("::", 1)[1].split(" ", 1)[0]: line.split(" ", 1)[0]
        for line in out.splitlines()
        if line.startswith(("PASSED ", "FAILED ", "ERROR ")) and "::" in line
    }
    # Each story's own time (setup, call and teardown), not the run's: a loaded machine slows the
    # start-up of Python, Qt and the app's modules, which is no dialog waiting.
    took = {
        case.get("name", ""): float(case.get("time", "0"))
        for case in ElementTree.parse(tmp_path / "stories.xml").iter("testcase")
    }
    return summary, out, took


def test_undeclared_dialogs_fail_fast_with_their_text(tmp_path: Path) -> None:
    summary, out, took = run_stories(tmp_path, STORIES)
    assert summary == {
        "test_a_question_nobody_expected": "FAILED",
        "test_a_dialog_run_with_exec_nobody_expected": "FAILED",
        "test_a_plain_dialog_run_with_exec_nobody_expected": "FAILED",
        "test_a_declared_dialog_that_never_opened": "FAILED",
        "test_a_dirty_form_left_open_is_discarded_at_teardown": "PASSED",
        "test_a_file_dialog_nobody_expected": "FAILED",
        "test_a_context_menu_nobody_expected": "FAILED",
        "test_a_question_opened_under_a_scripted_answer_nobody_expected": "FAILED",
        "test_a_failed_test_leaves_an_editor_open": "FAILED",
        "test_the_next_test_does_not_trip_on_what_it_left": "PASSED",
    }, out
    assert "'Unsaved changes': 'Save the changes to this item?'" in out
    assert "'Not sent': 'The relay did not answer.'" in out
    assert "QDialog 'Pick items'" in out
    assert "expected a 'warning' dialog that never opened" in out
    assert "QFileDialog.getOpenFileName 'Attach a file'" in out
    assert "QMenu '': 'Pin chat | Archive'" in out
    assert "'Unsaved changes': 'Asked again?'" in out
    assert len(took) == 10 and max(took.values()) < 30, f"a dialog waited instead of failing: {took}"


# Every way ui/ asks the owner something, each under what let the question wait before: the restore
# tests' "modal" left to the test (the progress window, the notice) took the unsaved-changes question
# that Settings' reject() ran with exec(), and the test waited for a click until pytest's timeout.
QUESTIONS = '''
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QColorDialog, QDialog, QInputDialog, QMenu, QMessageBox, QWidget

from ui import message_box
from ui.confirm import confirm
from ui.text_prompt import ask_text
from ui.unsaved_edits import leave_edits

Button = QMessageBox.StandardButton


@pytest.fixture
def left_to_the_test(dialogs):
    """As the restore tests declare the progress window and the notice they look at themselves."""
    dialogs.expect("modal", answer=None, times=None)


@pytest.fixture
def window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


class Editor(QDialog):
    """Asks before its edits are dropped, as Settings does in reject()."""

    def reject(self):
        leave_edits(self, "Save the changes to the settings?", dirty=True, save_then=lambda then: False,
                    then=super().reject)


def test_a_question_run_with_exec(left_to_the_test, window):
    message_box.question(window, "Unsaved changes", "Save the changes to the settings?",
                         Button.Save | Button.Discard | Button.Cancel)


def test_a_confirmation_run_with_exec(left_to_the_test, window):
    confirm(window, "Delete earlier inboxes", "Delete the inboxes kept?", "&Delete")


def test_a_warning_run_with_exec(left_to_the_test, window):
    message_box.warning(window, "Settings not saved", "The disk is full.")


def test_a_text_prompt_run_with_exec(left_to_the_test, window):
    ask_text(window, "New label", "&Name")


def test_a_dialog_run_with_exec(left_to_the_test, window):
    picker = QDialog(window)
    picker.setWindowTitle("Pick items")
    picker.exec()


def test_a_dialog_shown_then_run_with_exec(left_to_the_test, window):
    picker = QDialog(window)
    picker.setWindowTitle("Pick items")
    picker.setModal(True)
    picker.show()
    picker.exec()


def test_an_editor_closed_by_the_guard_asks_about_its_edits(window):
    editor = Editor(window)
    editor.setWindowTitle("Settings")
    editor.exec()


def test_a_menu_entry_that_asks(dialogs, window):
    menu = QMenu(window)
    menu.addAction("Archive").triggered.connect(
        lambda: message_box.question(window, "Archive chat", "Archive the chat with 민지?")
    )
    dialogs.expect("menu", answer="Archive")
    menu.exec(QPoint(0, 0))


def test_a_question_opened_by_a_scripted_answer(dialogs, window):
    def open_then_close(dialog):
        message_box.question(dialog, "Unsaved changes", "Save the changes to the hours?")
        dialog.reject()

    dialogs.expect("modal", answer=open_then_close)
    editor = QDialog(window)
    editor.setWindowTitle("Business hours")
    editor.exec()


def test_a_window_modal_question_opened(dialogs, window, qtbot):
    """open(): the test goes on, so a modal left to the test is one it closes (the restore notice)."""
    seen = dialogs.expect("modal", answer=None, times=None)
    box = message_box.plain_box(message_box.Icon.Information, window, "Daily backup", "Choose a folder.")
    box.open()
    qtbot.waitUntil(lambda: bool(seen.shown), timeout=5000)
    assert box.isVisible()
    box.close()


def test_the_about_box(window):
    QMessageBox.about(window, "About Shop Inbox", "Shop Inbox 1.0")


def test_a_colour_picked(window):
    QColorDialog.getColor(parent=window, title="Label colour")


def test_an_item_picked(window):
    QInputDialog.getItem(window, "Header picture", "Item", ["셔츠", "바지"], 0, False)


def test_a_folder_picked(window):
    from ui.save_paths import Picked, folder_name

    folder_name(window, Picked.BACKUP, "Back up every day to")
'''


def test_every_way_our_windows_ask_fails_fast_when_undeclared(tmp_path: Path) -> None:
    summary, out, took = run_stories(tmp_path, QUESTIONS)
    failed = {name for name, outcome in summary.items() if outcome == "FAILED"}
    assert summary == dict.fromkeys(summary, "FAILED") | {"test_a_window_modal_question_opened": "PASSED"}, (
        out
    )
    assert len(failed) == 13, out
    for said in (
        "QMessageBox 'Unsaved changes': 'Save the changes to the settings?' (declare it with "
        "dialogs.expect('question', answer=...))",
        "QMessageBox 'Delete earlier inboxes': 'Delete the inboxes kept?'",
        "QMessageBox 'Settings not saved': 'The disk is full.' (declare it with dialogs.expect('warning'",
        "QInputDialog 'New label': '&Name' (declare it with dialogs.expect('getText'",
        "QDialog 'Pick items'",
        "Editor 'Settings'",  # the guard closed it, and then the question its reject() asked
        "QMessageBox 'Archive chat': 'Archive the chat with 민지?'",
        "QMessageBox 'Unsaved changes': 'Save the changes to the hours?'",
        "QMessageBox.about 'About Shop Inbox'",
        "QColorDialog.getColor 'Label colour'",
        "QInputDialog.getItem 'Header picture'",
        "QFileDialog.getExistingDirectory 'Back up every day to'",
    ):
        assert said in out, said
    assert len(took) == 14 and max(took.values()) < 30, f"a question waited instead of failing: {took}"


# Qt's static functions of its dialog classes that open no dialog (ui/ may call them freely).
NOT_DIALOGS = {("QMessageBox", "standardIcon")}


def test_every_static_dialog_our_windows_open_is_one_the_guard_answers() -> None:
    """Qt's static dialogs run their modal loop in C++, where the watchdog cannot close them: each
    one ui/ calls must be patched by the guard (tests/support/dialogs.py STATICS), or a test that
    opens it undeclared waits until it is killed."""
    import re

    from tests.support.dialogs import STATICS

    patched = {(cls.__name__, kind) for kind, (cls, *_) in STATICS.items()}
    called = re.compile(r"\b(QMessageBox|QFileDialog|QInputDialog|QColorDialog|QFontDialog)\.([a-z]\w*)\(")
    unpatched = {
        f"{path.relative_to(ROOT)}: {cls}.{name}"
        for path in (ROOT / "ui").rglob("*.py")
        for cls, name in called.findall(path.read_text(encoding="utf-8"))
        if (cls, name) not in patched | NOT_DIALOGS
    }
    assert not unpatched, unpatched


def test_a_declared_question_gets_its_scripted_answer(dialogs: DialogGuard) -> None:
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    answer = QMessageBox.question(None, "Delete label", "Delete the label “Paid”?")
    assert answer == QMessageBox.StandardButton.No
    assert asked.texts == ["Delete the label “Paid”?"]


def test_a_declared_menu_returns_the_action_the_owner_picks(qtbot: QtBot, dialogs: DialogGuard) -> None:
    menu = QMenu()
    qtbot.addWidget(menu)
    menu.addAction("Pin chat")
    menu.addAction("Archive")
    seen = dialogs.expect("menu", answer="Archive")
    chosen = menu.exec(QPoint(0, 0))
    assert chosen is not None and chosen.text() == "Archive"
    assert seen.texts == ["Pin chat | Archive"]


def test_a_dialog_the_test_closes_itself_is_seen_though_the_guard_never_looked(
    qtbot: QtBot, dialogs: DialogGuard
) -> None:
    """A test that looked at a window-modal dialog and closed it before the watchdog's next look (its
    wait over at once: a quick load) was told it "never opened". Such a dialog is seen as it shows,
    each time it shows; one the guard answers is still answered from inside its modal loop."""
    picked = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    looked_at = dialogs.expect("modal", times=2)
    picker = QDialog()
    picker.setWindowTitle("Pick items")
    qtbot.addWidget(picker)
    assert picker.exec() == QDialog.DialogCode.Rejected  # the guard's answer
    form = QDialog()
    form.setWindowTitle("Order settings")
    qtbot.addWidget(form)
    for _ in range(2):
        form.open()  # window-modal; the test goes on
        assert form.isVisible()
        form.reject()  # no event loop ran in between: the watchdog never looked
    assert [shown.title for shown in picked.shown] == ["Pick items"]
    assert [(shown.widget, shown.title) for shown in looked_at.shown] == [("QDialog", "Order settings")] * 2


def test_a_question_opened_under_a_scripted_answer_gets_its_own_answer(dialogs: DialogGuard) -> None:
    """A scripted answer that runs the window's events (a wait for a save) may open a second question;
    it is answered as declared. Before, nothing looked at it: the test waited until killed."""
    from ui import message_box

    def save_after_the_second(_shown: object) -> QMessageBox.StandardButton:
        inner = message_box.question(None, "Delete label", "Delete the label “Paid”?")
        assert inner == QMessageBox.StandardButton.No
        return QMessageBox.StandardButton.Save

    first = dialogs.expect("question", answer=save_after_the_second)
    second = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel
    answer = message_box.question(None, "Unsaved changes", "Save the changes to this item?", buttons)
    assert answer == QMessageBox.StandardButton.Save
    assert (first.texts, second.texts) == (["Save the changes to this item?"], ["Delete the label “Paid”?"])
