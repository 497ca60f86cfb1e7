"""One Shop Inbox per data folder: a second start brings the open window forward and ends; a start
after a crash (kill -9) is never refused, also on a full disk."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from tests.support.dialogs import DialogGuard
from tests.support.full_disk import run_on_a_small_disk
from ui.single_instance import LOCK_NAME, RAISE_NAME, claim_folder

CHILD_CLAIMS = """
import sys
from PySide6.QtCore import QCoreApplication
from pathlib import Path
from ui.single_instance import claim_folder
app = QCoreApplication([])
claim = claim_folder(Path(sys.argv[1]))
print("claimed" if claim is not None else "refused", flush=True)
sys.stdin.readline()  # holds the folder until killed (or its stdin closes), no timer involved
"""


def _child_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path(__file__).parents[2])}


def test_a_second_start_on_the_folder_ends_at_once_and_brings_the_open_window_forward(
    qtbot: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "demo"
    claim = claim_folder(folder)
    assert claim is not None
    with qtbot.waitSignal(claim.raise_requested, timeout=20_000):
        second = subprocess.run(
            [sys.executable, "-m", "ui.main", "--demo", "--lang", "ko", "--data-dir", str(folder)],
            env=_child_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert second.returncode == 0
    assert "already open" in second.stderr
    # It opened nothing (no second demo, no second relay); its one line went to the demo's log.
    assert not (folder / "desktop" / "inbox.db").exists() and not (folder / "relay").exists()
    assert "already open" in (folder / "desktop" / "logs" / "shop-inbox.log").read_text(encoding="utf-8")
    claim.release()
    assert claim_folder(folder) is not None  # released at quit: the next start gets it


def test_a_folder_held_by_a_killed_process_is_taken_over(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_CLAIMS, str(folder)],
        env=_child_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "claimed"
        assert claim_folder(folder) is None  # held by a live process
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    claim = claim_folder(folder)  # a crash never stops the next start
    assert claim is not None
    claim.release()


def test_a_lock_file_a_power_cut_left_empty_is_taken_over(tmp_path: Path) -> None:
    """Written but never flushed to the disk: the file is there, naming no process to look for."""
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / LOCK_NAME).write_bytes(b"")

    claim = claim_folder(folder)

    assert claim is not None
    assert (folder / LOCK_NAME).stat().st_size > 0  # this process's own now
    claim.release()


# Run as root in a mount namespace of its own, a small tmpfs mounted at argv[1] (tests/support/full_disk.py).
ON_A_FULL_DISK = """
import os, subprocess, sys
from pathlib import Path
from ui.single_instance import LOCK_NAME, ask_to_come_forward, claim_folder

disk = Path(sys.argv[1])
folder = disk / "shop"
folder.mkdir()

def fill_the_disk():
    photos = os.open(disk / "photos", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while os.write(photos, bytes(65536)):
            pass
    except OSError:
        pass
    finally:
        os.close(photos)
    try:
        (disk / "one more").write_text("x")
    except OSError:
        print("the disk is full")

def start_the_first():
    first = subprocess.Popen([sys.executable, "-c", CHILD_SHOWS, str(folder)], stdout=subprocess.PIPE, text=True)
    print("first start:", first.stdout.readline().strip(), "| lock file:", (folder / LOCK_NAME).exists())
    return first

def start_the_second():
    claim = claim_folder(folder)
    if claim is not None:
        print("second start: claimed")
        claim.release()
        return False
    asked = ask_to_come_forward(folder)
    print("second start: refused,", "asked" if asked else "not asked")
    return asked

first = None
try:
    if sys.argv[2] == "crash then full":
        first = start_the_first()
        fill_the_disk()
    else:
        fill_the_disk()
        first = start_the_first()
    if start_the_second():
        print("first start:", first.stdout.readline().strip())
finally:
    if first is not None:
        first.kill()  # SIGKILL: a crash
        first.wait()
start_the_second()
"""

CHILD_SHOWS = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.single_instance import claim_folder
app = QApplication([])
claim = claim_folder(Path(sys.argv[1]))
print("claimed" if claim is not None else "refused", flush=True)
if claim is not None:
    claim.raise_requested.connect(lambda: print("asked to come forward", flush=True))
    app.exec()  # until killed
"""


def on_a_full_disk(tmp_path: Path, story: str) -> list[str]:
    driver = tmp_path / "on_a_full_disk.py"
    driver.write_text(f"CHILD_SHOWS = {CHILD_SHOWS!r}\n{ON_A_FULL_DISK}", encoding="utf-8")
    out = run_on_a_small_disk(
        tmp_path / "disk",
        "4m",
        f"{sys.executable} {driver} {tmp_path / 'disk'} '{story}'",
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    return [line for line in out.splitlines() if line.startswith(("the disk", "first", "second"))] or [out]


def test_a_lock_left_by_a_crash_on_a_full_disk_is_taken_over(tmp_path: Path) -> None:
    """Qt takes over a lock whose process is gone only once it has written a file beside it: on a
    full disk the owner got no window at all, only "already open" on a console nobody reads."""
    assert on_a_full_disk(tmp_path, "crash then full") == [
        "first start: claimed | lock file: True",
        "the disk is full",
        "second start: refused, asked",  # a live one is still refused, and comes forward
        "first start: asked to come forward",
        "second start: claimed",  # the crashed one's lock is taken over
    ]


def test_a_start_on_a_full_disk_still_keeps_a_second_one_out(tmp_path: Path) -> None:
    """No room for the lock file at all: the folder's own lock holds it, which needs none."""
    assert on_a_full_disk(tmp_path, "full then start") == [
        "the disk is full",
        "first start: claimed | lock file: False",
        "second start: refused, asked",
        "first start: asked to come forward",
        "second start: claimed",
    ]


def test_a_second_start_that_cannot_ask_the_open_one_says_where_it_is(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None
) -> None:
    """The open one could not make the file a second start touches (a full disk): told in a window
    that Shop Inbox is open and where to look, instead of nothing at all."""
    from ui.application import run
    from ui.main import parse_args

    folder = tmp_path / "shop"
    claim = claim_folder(folder)
    assert claim is not None
    (folder / RAISE_NAME).unlink()
    told = dialogs.expect("information")
    try:
        assert run(parse_args(["--data-dir", str(folder), "--lang", "en"])) == 0
    finally:
        claim.release()
    assert told.texts == [
        "Shop Inbox is already open on this computer, but its window could not be brought to the front. "
        "Look for it on the taskbar, or in the tray if its window was closed."
    ]


def test_the_window_asked_for_comes_back_from_the_taskbar_or_the_waiting_dialog_does(qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialog, QMainWindow

    from ui.single_instance import bring_app_to_front

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    assert window.isMinimized()
    bring_app_to_front()
    assert not window.isMinimized() and window.isVisible()

    wizard = QDialog(window)  # the setup wizard of a first start, waiting for the owner
    wizard.setModal(True)
    wizard.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is wizard)
    wizard.showMinimized()
    bring_app_to_front()
    assert not wizard.isMinimized()
    wizard.close()
