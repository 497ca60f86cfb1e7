"""`--demo --data-dir D` keeps the demo shop in D; a demo without one says it is thrown away at quit."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def run_demo_smoke(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.main", "--demo", "--data-dir", str(data_dir), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )


def contact_count(database: Path) -> int:
    with sqlite3.connect(database) as conn:
        return int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])


@pytest.mark.slow  # two runs of the whole app as a process
def test_demo_with_a_data_dir_keeps_its_shop_there_across_runs(tmp_path: Path) -> None:
    folder = tmp_path / "my demo"
    first = run_demo_smoke(folder)
    assert first.returncode == 0, first.stderr
    database = folder / "desktop" / "inbox.db"
    assert database.exists(), "the demo's data went somewhere else"
    seeded = contact_count(database)
    assert seeded > 0

    second = run_demo_smoke(folder)
    assert second.returncode == 0, second.stderr
    assert contact_count(database) == seeded  # reopened, not seeded a second time


def test_a_throwaway_demo_says_so_in_its_window(qtbot: Any, ctx: Any) -> None:
    from ui.main_window import MainWindow

    ctx.demo = True
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert "thrown away" in window.chat.empty.text()


def test_a_kept_demo_says_where_it_lives(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    from ui.main_window import MainWindow

    ctx.demo = True
    ctx.demo_kept_in = tmp_path / "shop"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    text = window.chat.empty.text()
    assert "thrown away" not in text and str(tmp_path / "shop") in text


def test_a_demo_kept_in_a_folder_reopens_with_the_choices_made_in_its_settings(tmp_path: Path) -> None:
    """Keep chats archived, ticked in a kept demo's Settings was shown ticked after a restart but
    not used: the chat list read the demo's fixed preferences and counted nothing."""
    from app.settings import update_preferences
    from ui.demo import start_demo

    first = start_demo("ko", folder=tmp_path / "shop", speed=20)
    try:
        assert first.prefs["keep_archived"] is False  # a new demo: the defaults
        assert (first.shop_region, first.currency) == ("KR", "KRW")
        update_preferences(first.db, keep_archived=True, enter_sends=False, shop_region="US", currency="USD")
    finally:
        assert first.stop_demo is not None
        first.stop_demo()
        first.db.close()
    again = start_demo("ko", folder=tmp_path / "shop", speed=20)
    try:
        assert again.prefs["keep_archived"] is True and again.prefs["enter_sends"] is False
        assert again.prefs["relay_url"].startswith("http://127.0.0.1:")  # its own embedded relay
        # Its country and currency too: a demo switched to dollars reopened in won.
        assert (again.shop_region, again.currency) == ("US", "USD")
    finally:
        assert again.stop_demo is not None
        again.stop_demo()
        again.db.close()
