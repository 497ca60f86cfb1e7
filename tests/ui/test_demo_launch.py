"""Help ▸ Try the demo shop starts the demo in a process and a temporary folder of its own."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from app.business_numbers import remember_business_numbers
from tests.support.window_waits import load_chats
from ui.demo_launch import demo_command
from ui.menus import install_menus


def help_action(window: Any, text: str) -> Any:
    return next(
        a
        for m in window.menuBar().actions()
        if m.menu()
        for a in m.menu().actions()
        if a.text().replace("&", "") == text
    )


def listing(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size) for p in folder.rglob("*") if p.is_file())


def test_the_frozen_app_starts_itself_with_demo_and_source_runs_the_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert demo_command("ko") == [sys.executable, "-m", "ui.main", "--demo", "--lang", "ko"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert demo_command("en") == [sys.executable, "--demo", "--lang", "en"]
    assert demo_command("ko", two_numbers=True) == [sys.executable, "--demo", "--lang", "ko", "--two-numbers"]


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads the child's arguments in /proc")
def test_help_try_the_demo_shop_starts_the_demo_apart_from_the_owners_chats(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    install_menus(window, ctx)
    owner_before = listing(ctx.paths.data_dir)
    temp = tmp_path / "tmp"
    temp.mkdir()
    # The child's temporary folder lands here, and it runs without a screen.
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    caplog.set_level(logging.INFO, logger="ui.demo_launch")

    try_it = help_action(window, "Try the demo shop")
    try_it.trigger()
    started = [r for r in caplog.records if r.name == "ui.demo_launch" and r.levelno == logging.INFO]
    assert started, "no demo process was started"
    pid = int(started[0].args[0])  # type: ignore[index]
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
        assert "--demo" in args and "--lang" in args
        assert "--data-dir" not in args  # the demo's own temporary folder, removed when it ends
        assert "--two-numbers" not in args  # her shop has one number: so has the demo
        # Its window takes seconds to come: the owner saw nothing happen and clicked again, and got
        # two demos. The status line says it is starting, and the entry waits meanwhile.
        assert window.statusBar().isVisible()
        assert window.statusBar().currentMessage().startswith("The demo shop is starting")
        assert not try_it.isEnabled()
        try_it.trigger()  # a second click (its shortcut, a menu opened before) starts no second demo
        assert len([r for r in caplog.records if r.name == "ui.demo_launch"]) == 1

        def demo_up() -> bool:
            return any((root / "desktop" / "logs" / "shop-inbox.log").exists() for root in temp.iterdir())

        qtbot.waitUntil(demo_up, timeout=60000)
        (root,) = list(temp.iterdir())
        assert root.name.startswith("shop-inbox-demo-") and (root / "desktop").is_dir()
        assert not root.is_relative_to(ctx.paths.data_dir)
    finally:
        os.kill(pid, signal.SIGTERM)
        qtbot.waitUntil(lambda: not Path(f"/proc/{pid}").exists(), timeout=20000)
    assert listing(ctx.paths.data_dir) == owner_before


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads the child's arguments in /proc")
def test_a_shop_with_two_numbers_tries_the_demo_with_two(
    window: Any, ctx: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    with ctx.db.write() as s:
        remember_business_numbers(
            s, [("100000000000001", "+82 2-555-0101"), ("100000000000002", "+82 2-555-0202")]
        )
    load_chats(window, qtbot)
    qtbot.waitUntil(window.chat_list.number_chip.isVisible)
    install_menus(window, ctx)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    caplog.set_level(logging.INFO, logger="ui.demo_launch")

    help_action(window, "Try the demo shop").trigger()
    started = [r for r in caplog.records if r.name == "ui.demo_launch" and r.levelno == logging.INFO]
    assert started, "no demo process was started"
    pid = int(started[0].args[0])  # type: ignore[index]
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
        assert "--demo" in args and "--two-numbers" in args  # the demo looks like her shop
    finally:
        os.kill(pid, signal.SIGTERM)
        qtbot.waitUntil(lambda: not Path(f"/proc/{pid}").exists(), timeout=20000)


def test_the_demo_has_no_demo_entry_of_its_own(window: Any, ctx: Any) -> None:
    ctx.demo = True
    install_menus(window, ctx)
    with pytest.raises(StopIteration):
        help_action(window, "Try the demo shop")


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads the child's arguments in /proc")
def test_the_wizards_try_the_demo_opens_it_apart_and_the_setup_waits_for_her(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    """Emma tried the demo from the first-run wizard and quit it: Shop Inbox was gone altogether,
    her setup with it. The demo now has a process of its own; the wizard stays, and says so."""
    from ui.setup_wizard import SetupWizard

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    caplog.set_level(logging.INFO, logger="ui.demo_launch")
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)

    with qtbot.assertNotEmitted(wizard.demo_requested):  # the run goes on with the wizard
        wizard.demo_button.click()
    started = [r for r in caplog.records if r.name == "ui.demo_launch" and r.levelno == logging.INFO]
    assert started, "no demo process was started"
    pid = int(started[0].args[0])  # type: ignore[index]
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
        assert "--demo" in args and "--data-dir" not in args
        assert wizard.isVisible() and wizard.currentPage() is wizard.page(wizard.startId())
        assert wizard.demo_note.isVisible()
        assert wizard.demo_note.text().startswith("The demo shop opens in a window of its own.")
        assert not wizard.demo_button.isEnabled()  # a second click while it starts opens no second demo
    finally:
        os.kill(pid, signal.SIGTERM)
        qtbot.waitUntil(lambda: not Path(f"/proc/{pid}").exists(), timeout=20000)
    assert wizard.isVisible()  # the demo quit: the setup is still there
