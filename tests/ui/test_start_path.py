"""Start-up paints the first chat-list page before the database layer loads, and stays clickable meanwhile."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QApplication, QListView

from bench.cold_start import prepare_user_folder
from ui.main import _QuietWhenFull, rotate_log_file, setup_logging
from ui.start_path import UNPAINTED_START_MS, after_first_paint

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shop_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A set-up shop (relay address where nothing listens, token in the config file) with 30 chats."""
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    database = tmp_path / "shop.db"
    sizes = ["--messages", "300", "--contacts", "30", "--big-chat", "50"]
    subprocess.run(
        [sys.executable, "-m", "bench.make_db", str(database), *sizes],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    folder = tmp_path / "shop"
    prepare_user_folder(database, folder)
    return folder


def test_clicks_right_after_the_first_paint_neither_crash_nor_wait_and_the_picked_chat_opens(
    shop_folder: Path,
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.support.start_clicks_child",
            "--data-dir",
            str(shop_folder),
            "--lang",
            "en",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    # The page was painted before any of the heavy libraries was imported.
    assert report["loaded_at_first_paint"] == []
    clicks = report["clicks"]
    starting = [c for c in clicks if c["name"] != "composer send (empty)"]
    assert len(starting) >= 11
    # The first click came right after the paint: before the start's loading in the worker began.
    assert starting[0]["loaded_before"] == []
    # Every click was handled while the window was still starting: none waited for the database.
    assert all(not c["window_ready_after"] for c in starting), starting
    assert not any(c["popup"] for c in clicks)  # disabled menus and the chat menu opened nothing
    assert report["menus_enabled_while_starting"] == [False] * 5  # File, Edit, Chat, Shop, Help
    assert all("still starting" in tip for tip in report["tooltips_while_starting"])
    # Once ready: the chat clicked while starting is open; the disabled clicks changed nothing.
    assert report["open_chat"] == report["picked_chat"]
    assert report["left_pane_is_chat_list"]
    assert report["log_file_handlers"] == ["RotatingLogFile"]  # the log rotates once started
    assert report["filter"] == "all"
    assert report["search_enabled"]
    assert report["menus_enabled"] == [True] * 5
    assert report["menu_titles"] == ["&File", "&Edit", "&Chat", "&Shop", "&Help"]
    assert not report["modal"]  # an empty send asks nothing


def test_a_shop_with_no_chats_yet_finishes_starting_at_its_first_paint(qtbot) -> None:
    # An empty list is a first page too: the rest of the window must not wait for the fallback timer.
    view = QListView()
    view.setModel(QStringListModel([]))
    qtbot.addWidget(view)
    finished: list[bool] = []
    probe = after_first_paint(view, lambda: finished.append(True))
    view.show()

    qtbot.waitUntil(lambda: bool(finished), timeout=UNPAINTED_START_MS // 2)
    assert probe.painted
    assert finished == [True]


def test_a_failure_while_loading_the_rest_after_the_first_paint_is_explained_with_the_log_path(
    qtbot, qapp: QApplication, tmp_path: Path, dialogs, db, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.first_page import FirstPage
    from app.paths import paths_for
    from ui.application import finish_start
    from ui.context import AppContext
    from ui.main import parse_args
    from ui.main_window import MainWindow
    from ui.startup_error import StartupErrorDialog

    paths = paths_for(tmp_path / "shop").ensure()
    window = MainWindow(AppContext(db=db, paths=paths), first_page=FirstPage(rows=[], preferences={}))
    qtbot.addWidget(window)
    window.show()
    shown = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    # The app exits with the failure's code; recorded here, so the test process's one QApplication
    # is not left exiting for the tests after this one.
    codes: list[int] = []
    monkeypatch.setattr(qapp, "exit", codes.append)

    root = logging.getLogger()
    kept, level = root.handlers[:], root.level
    setup_logging(paths.log_file, rotating=False)  # the log this start writes, as run() sets it up
    try:
        finish_start(qapp, parse_args(["--lang", "en"]), window, OSError("disk gone"), paths.log_file)
    finally:
        for handler in root.handlers:
            if handler not in kept:
                handler.close()
        root.handlers[:], root.level = kept, level
    assert codes == [1]
    assert "Traceback" in paths.log_file.read_text(encoding="utf-8")

    assert shown.shown[0].widget == StartupErrorDialog.__name__
    assert shown.shown[0].title == "Shop Inbox could not start"
    assert str(paths.log_file) in shown.shown[0].text
    assert not window.isVisible()  # the half-started window goes; the app exits with the code
    assert not window.ready


def test_the_log_file_keeps_every_line_when_it_starts_rotating(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "shop-inbox.log"
    root = logging.getLogger()
    kept, level = root.handlers[:], root.level
    try:
        setup_logging(log_file, rotating=False)  # as the start path does, before its first paint
        logging.getLogger("shop").warning("before the first paint")
        rotate_log_file(log_file)
        logging.getLogger("shop").warning("after it")
        files = [h for h in root.handlers if isinstance(h, logging.FileHandler)]
        assert [type(h).__name__ for h in files] == ["RotatingLogFile"]
        files[0].flush()
        lines = log_file.read_text(encoding="utf-8").splitlines()
        assert [line.split(": ", 1)[1] for line in lines] == ["before the first paint", "after it"]
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:] = kept
        root.setLevel(level)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_a_log_file_on_a_full_disk_says_so_once_not_a_traceback_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only inbox on a full disk goes on logging: someone who started it from a terminal
    reads each line there and one sentence about the log file, not a traceback per line."""
    # Said once a run: an earlier test in this process (a start on a full disk) may have said it.
    monkeypatch.setattr(_QuietWhenFull, "_said_full", False)
    log_file = tmp_path / "logs" / "shop-inbox.log"
    log_file.parent.mkdir()
    log_file.symlink_to("/dev/full")  # its writes fail as on a full disk: ENOSPC
    root = logging.getLogger()
    kept, level = root.handlers[:], root.level
    try:
        setup_logging(log_file, rotating=False)
        logging.getLogger("shop").warning("before the first paint")
        rotate_log_file(log_file)
        for n in range(3):
            logging.getLogger("shop").warning("line %d", n)
    finally:
        for handler in root.handlers:
            if handler not in kept:
                with contextlib.suppress(OSError):  # its last lines have no room either
                    handler.close()
        root.handlers[:] = kept
        root.setLevel(level)
    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err, err
    assert err.count("the disk is full, so the log file misses lines") == 1, err
    assert all(f"line {n}" in err for n in range(3))
