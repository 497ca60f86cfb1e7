"""`--demo` opens its shop on a worker behind its splash: the window's thread answers meanwhile, and a
quit during the start stops it, leaving a folder the next start opens."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from ui.context import AppContext
from ui.demo_splash import DemoSplash, demo_splash
from ui.demo_start import open_demo_showing_progress

ROOT = Path(__file__).resolve().parents[2]
SEEDING_KO = "데모 상점의 채팅, 카탈로그, 주문을 준비하는 중이에요…"
CUSTOMERS_KO = "데모 상점의 가상 고객을 불러오는 중이에요…"


def contact_count(folder: Path) -> int:
    with sqlite3.connect(folder / "desktop" / "inbox.db") as conn:
        return int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])


def close_demo(ctx: AppContext) -> None:
    assert ctx.stop_demo is not None
    ctx.stop_demo()
    ctx.db.close()


def test_the_window_thread_keeps_answering_while_a_new_demo_is_seeded(
    qtbot: Any, tmp_path: Path, korean: None
) -> None:
    """A timer on the window's thread goes on firing through the seeding and the relay's start (on
    the GUI thread it did not fire once for 2–18 s), and the splash says each step in Korean."""
    splash = demo_splash()
    qtbot.addWidget(splash)
    said: list[str] = []  # what the splash said at each tick
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: said.append(splash.message()))
    timer.start()
    ctx = open_demo_showing_progress(splash, "ko", tmp_path / "demo")
    timer.stop()
    assert ctx is not None
    try:
        # Counted, not timed: on a busy machine the longest wait between two ticks is the machine's
        # (0.12–0.17 s at a load of 10 on two cores); seeded on the GUI thread, it fired not once.
        assert said.count(SEEDING_KO) >= 5 and said.count(CUSTOMERS_KO) >= 5, sorted(set(said))
        assert said.index(SEEDING_KO) < said.index(CUSTOMERS_KO)
        assert splash.message() == "창을 여는 중이에요…"
        assert contact_count(tmp_path / "demo") > 0
    finally:
        close_demo(ctx)


def quit_when_seeding(qtbot: Any, splash: DemoSplash, press: str) -> list[str]:
    """Ask to quit (Ctrl+Q, or the splash closed) once the splash says the shop is being seeded."""
    asked: list[str] = []

    def watch() -> None:
        if splash.message() != SEEDING_KO:
            QTimer.singleShot(5, watch)
            return
        asked.append(splash.message())
        if press == "ctrl+q":
            QTest.keyClick(splash, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        else:
            splash.close()

    QTimer.singleShot(0, watch)
    return asked


def test_ctrl_q_while_the_demo_is_seeded_stops_it_and_the_next_start_opens_the_shop(
    qtbot: Any, tmp_path: Path, korean: None
) -> None:
    folder = tmp_path / "demo"
    splash = demo_splash()
    qtbot.addWidget(splash)
    asked = quit_when_seeding(qtbot, splash, "ctrl+q")

    assert open_demo_showing_progress(splash, "ko", folder) is None
    assert asked and not splash.isVisible()
    assert contact_count(folder) == 0  # the seeding under way was undone whole

    again = open_demo_showing_progress(None, "ko", folder)
    assert again is not None
    try:
        assert contact_count(folder) > 0  # seeded now, not opened empty
    finally:
        close_demo(again)


def test_closing_the_splash_of_a_throwaway_demo_leaves_no_folder_behind(
    qtbot: Any, tmp_path: Path, monkeypatch: Any, korean: None
) -> None:
    temporary = tmp_path / "temporary files"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    splash = demo_splash()
    qtbot.addWidget(splash)
    asked = quit_when_seeding(qtbot, splash, "close")

    assert open_demo_showing_progress(splash, "ko") is None
    assert asked
    assert list(temporary.iterdir()) == []


def test_closing_the_splash_of_a_throwaway_demo_whose_start_logged_leaves_no_log_behind(
    qtbot: Any, tmp_path: Path, monkeypatch: Any, korean: None
) -> None:
    """`shop-inbox --demo` makes its temporary folder first and logs in it: a start stopped by a quit
    removes it whole, its log too (only a failed start's log stays, for its dialog)."""
    from app.paths import demo_shop_paths, new_demo_folder

    temporary = tmp_path / "temporary files"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    folder = new_demo_folder()
    log_file = demo_shop_paths(folder).log_file
    log_file.parent.mkdir(parents=True)
    log_file.write_text("the demo's start\n", encoding="utf-8")
    splash = demo_splash()
    qtbot.addWidget(splash)
    asked = quit_when_seeding(qtbot, splash, "close")

    assert open_demo_showing_progress(splash, "ko", folder, throwaway=True) is None
    assert asked
    assert list(temporary.iterdir()) == []


QUIT_MID_SEED = """
import sys, time
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui.application import run
from ui.demo_splash import DemoSplash
from ui.main import parse_args
app = QApplication([])
def watch():
    splash = next((w for w in app.topLevelWidgets() if isinstance(w, DemoSplash) and w.isVisible()), None)
    if splash is None or splash.message() != sys.argv[2]:
        QTimer.singleShot(5, watch)
        return
    print("Ctrl+Q at", splash.message(), flush=True)
    QTest.keyClick(splash, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
QTimer.singleShot(0, watch)
code = run(parse_args(["--demo", "--data-dir", sys.argv[1], "--lang", "en"]))
print("windows left:", [type(w).__name__ for w in app.topLevelWidgets() if w.isVisible()])
print("code:", code, flush=True)
"""


def test_the_real_app_quit_while_its_demo_is_seeded_ends_and_starts_again_seeded(tmp_path: Path) -> None:
    """The whole start as `shop-inbox --demo` runs it, as a process: Ctrl+Q while the splash says the
    shop is being seeded ends it at once with no window, and the next `--demo` on that folder opens
    the shop seeded."""
    folder = tmp_path / "kept demo"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    seeding = "Writing the demo shop's chats, catalogue and orders…"
    quit_run = subprocess.run(
        [sys.executable, "-c", QUIT_MID_SEED, str(folder), seeding],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert f"Ctrl+Q at {seeding}" in quit_run.stdout, quit_run.stdout + quit_run.stderr
    assert "windows left: []" in quit_run.stdout and "code: 0" in quit_run.stdout, quit_run.stderr
    assert quit_run.returncode == 0, quit_run.stderr
    assert contact_count(folder) == 0

    again = subprocess.run(
        [sys.executable, "-m", "ui.main", "--demo", "--data-dir", str(folder), "--smoke"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0 and "smoke: ok" in again.stdout, again.stdout + again.stderr
    assert contact_count(folder) > 0


DEMO_FROM_THE_WIZARD = """
import sys
from PySide6.QtCore import QEvent, QObject, QProcess, QTimer
from PySide6.QtWidgets import QApplication, QWizard
from ui.application import run
from ui.demo_splash import DemoSplash
from ui.main import parse_args
from ui.main_window import MainWindow
QProcess.startDetached = staticmethod(lambda *args: (False, 0))  # the system starts no new process
app = QApplication([])
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, QWizard):
            print("wizard shown", flush=True)
            QTimer.singleShot(0, obj.demo_button.click)
        elif event.type() == QEvent.Type.Show and isinstance(obj, DemoSplash):
            print("splash:", obj.message(), flush=True)
        elif event.type() == QEvent.Type.Show and isinstance(obj, MainWindow):
            print("window shown, demo:", obj.ctx.demo, flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watch = Watch()
app.installEventFilter(watch)
print("code:", run(parse_args(["--data-dir", sys.argv[1], "--lang", "en"])), flush=True)
"""


def test_the_demo_chosen_in_the_first_setup_opens_behind_the_splash_too(tmp_path: Path) -> None:
    """Where the demo cannot start as a process of its own, the wizard's Try the demo opens it in
    place of the inbox: seeded on a worker behind the splash as `--demo` is, not with nothing on the
    screen for seconds."""
    run = subprocess.run(
        [sys.executable, "-c", DEMO_FROM_THE_WIZARD, str(tmp_path / "shop")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = run.stdout
    assert "wizard shown" in out and "splash:" in out, out + run.stderr
    assert "window shown, demo: True" in out and "code: 0" in out, out + run.stderr
    assert out.index("wizard shown") < out.index("splash:") < out.index("window shown")
