"""Open at sign-in: the computer's start-up entry names a command that really starts Shop Inbox on
this inbox, and is gone again when turned off."""

from __future__ import annotations

import plistlib
import subprocess
import sys
from pathlib import Path

import pytest

from app.sign_in import SignInStart, start_command


def exec_line_argv(desktop_entry: str) -> list[str]:
    """The argv a session manager makes of an XDG entry's Exec, by the Desktop Entry Specification:
    the string value's escapes undone, `%%` a percent sign, then arguments split at spaces, a quoted
    one taking `\\"`, `` \\` ``, `\\$` and `\\\\` for those characters."""
    value = next(
        line.removeprefix("Exec=") for line in desktop_entry.splitlines() if line.startswith("Exec=")
    )
    value = value.replace("\\\\", "\\").replace("%%", "%")
    argv: list[str] = []
    current: list[str] | None = None
    i, quoted = 0, False
    while i < len(value):
        c = value[i]
        if quoted and c == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
            current = (current or []) + [value[i + 1]]
            i += 2
            continue
        if c == '"':
            quoted = not quoted
            current = current or []
        elif c == " " and not quoted:
            if current is not None:
                argv.append("".join(current))
            current = None
        else:
            current = (current or []) + [c]
        i += 1
    assert not quoted, value
    if current is not None:
        argv.append("".join(current))
    return argv


def test_an_xdg_autostart_entry_starts_this_program_on_this_inbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    start = SignInStart(home=tmp_path, platform="linux")
    shop = tmp_path / '가게 100% "서울" $HOME `x`'  # a folder name with what a shell would mangle
    assert not start.is_on()
    start.turn_on(start_command(shop))
    entry = tmp_path / "config" / "autostart" / "shop-inbox.desktop"
    assert start.is_on() and entry.is_file()
    # An entry another install left (another data folder, another program's path) is not this one.
    assert start.opens(start_command(shop)) and not start.opens(start_command())
    text = entry.read_text()
    assert "Name=Shop Inbox" in text and "Type=Application" in text
    argv = exec_line_argv(text)
    assert argv == [sys.executable, "-m", "ui.main", "--data-dir", str(shop)]
    # The command starts Shop Inbox itself (asked only for its version: no window here).
    version = subprocess.run([*argv, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("shop-inbox "), version.stderr

    start.turn_off()
    assert not start.is_on() and not entry.exists()
    start.turn_off()  # already off: nothing to do, no error


def test_a_macos_launch_agent_opens_the_app_at_sign_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # the installed app: its own executable
    monkeypatch.setattr(sys, "executable", "/Applications/Shop Inbox.app/Contents/MacOS/Shop Inbox")
    start = SignInStart(home=tmp_path, platform="darwin")
    start.turn_on(start_command())
    agent = tmp_path / "Library" / "LaunchAgents" / "com.shopinbox.desktop.plist"
    assert start.is_on()
    with agent.open("rb") as f:
        loaded = plistlib.load(f)
    assert loaded["ProgramArguments"] == ["/Applications/Shop Inbox.app/Contents/MacOS/Shop Inbox"]
    assert loaded["RunAtLoad"] is True and loaded["Label"] == "com.shopinbox.desktop"
    start.turn_off()
    assert not agent.exists() and not start.is_on()


@pytest.mark.skipif(sys.platform != "win32", reason="the registry is Windows' own")
def test_a_windows_run_value_names_the_program(monkeypatch: pytest.MonkeyPatch) -> None:  # pragma: no cover
    from app.sign_in import _windows_value

    start = SignInStart.for_this_user()
    was_on = start.is_on()
    try:
        start.turn_on([r"C:\Program Files\Shop Inbox\ShopInbox.exe"])
        assert _windows_value() == r'"C:\Program Files\Shop Inbox\ShopInbox.exe"'
        start.turn_off()
        assert not start.is_on()
    finally:
        if was_on:
            start.turn_on(start_command())
