"""A chat import killed part-way: the next start removes what it wrote, says which import it was, and offers it again."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.chat_export.importer import unfinished_import_exports
from app.db import Database
from app.paths import paths_for
from app.settings import update_preferences
from tests.support.chat_exports import write_large_export
from tests.ui.test_first_run import the_app_as_it_was

ROOT = Path(__file__).resolve().parents[2]


def import_killed_midway(database: Path, export: Path) -> None:
    """A real import in its own process, killed (as a dead battery stops it) once a batch is in."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.import_child", str(database), str(database.parent / "media"),
         str(export)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert child.stdout is not None
    try:
        line = child.stdout.readline()
        assert line.startswith("read "), "the import finished before it could be killed"
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()


def messages(database: Path) -> int:
    db = Database.open(database)
    try:
        with db.read() as s:
            return int(s.execute(text("SELECT count(*) FROM message")).scalar_one())
    finally:
        db.close()


def test_the_next_start_names_the_import_it_removed_and_import_again_opens_its_preview(
    qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.application import open_inbox
    from ui.import_cut_short import say_imports_cut_short
    from ui.main_window import MainWindow

    paths = paths_for(tmp_path / "shop").ensure()
    db = Database.open(paths.database)
    update_preferences(db, relay_url="", setup_done=True)
    db.close()
    export = write_large_export(tmp_path / "WhatsApp Chat with Jisu.txt", 20_000)
    import_killed_midway(paths.database, export)
    assert messages(paths.database) > 0  # some batches were in when it died

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with the_app_as_it_was(app):
        ctx = open_inbox(app, argparse.Namespace(smoke=False, lang="en"), paths)
        assert ctx is not None  # None: the demo chosen in the wizard
    try:
        assert ctx.imports_cut_short == [export]
        with ctx.db.read() as s:  # removed whole: no half chat
            assert s.execute(text("SELECT count(*) FROM message")).scalar_one() == 0
        assert unfinished_import_exports(ctx.db) == []  # said once, not at every start
        window = MainWindow(ctx)
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        window.show()

        said: list[str] = []

        def import_again(box: Any) -> None:
            assert isinstance(box, QMessageBox)
            said.append(box.text())
            again = box.defaultButton()
            assert again is not None and again.text() == "&Import again…"
            again.click()

        dialogs.expect("modal", answer=import_again)
        preview = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
        say_imports_cut_short(window)
        qtbot.waitUntil(lambda: bool(preview.shown), timeout=10_000)

        assert "This chat import did not finish" in said[0]
        assert "WhatsApp Chat with Jisu.txt" in said[0]
        assert "Import the chat again" in said[0]
        assert preview.shown[0].widget == "ImportDialog"
        assert ctx.imports_cut_short == []
    finally:
        ctx.db.close()
