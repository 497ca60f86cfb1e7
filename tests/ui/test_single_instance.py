"""One Shop Inbox per data folder: a second start brings the open window forward and ends; a start
after a crash (kill -9) is never refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from ui.single_instance import claim_folder

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
    assert not (folder / "desktop").exists()  # it opened nothing: no second demo, no second relay
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
