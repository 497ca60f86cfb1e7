"""Open Shop Inbox when the owner signs in to the computer (Settings ▸ Messages).

The computer's own start-up list is the truth, not a preference in the inbox: a Run value of the
user's registry on Windows, a LaunchAgent in ~/Library/LaunchAgents on macOS, an XDG autostart entry
on Linux. Each names the command that started this run (the installed program, or Python and
`ui.main` from a source checkout) and, where this run keeps its data in a folder of its own
(`--data-dir`), that folder, so the same inbox opens. Quick (one small file or registry value): the
Settings dialog reads it as it opens and writes it as it saves.
"""

from __future__ import annotations

import logging
import os
import plistlib
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

NAME = "Shop Inbox"
MAC_LABEL = "com.shopinbox.desktop"  # the app bundle's identifier (build.spec)
WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
LINUX_ENTRY = "shop-inbox.desktop"


def start_command(data_dir: Path | None = None) -> list[str]:
    """What starts this program again: the frozen executable, or this Python running `ui.main`."""
    command = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "ui.main"]
    return [*command, "--data-dir", str(data_dir)] if data_dir is not None else command


@dataclass(frozen=True, slots=True)
class SignInStart:
    """The computer's start-up entry for Shop Inbox. `home` and `platform` are the user's and this
    computer's unless given (tests give both)."""

    home: Path
    platform: str = sys.platform

    @classmethod
    def for_this_user(cls) -> SignInStart:
        return cls(home=Path.home())

    # ----------------------------------------------------------------- where the entry lives
    def entry_file(self) -> Path | None:
        """The file that holds the entry (None on Windows, where it is a registry value)."""
        if self.platform == "darwin":
            return self.home / "Library" / "LaunchAgents" / f"{MAC_LABEL}.plist"
        if self.platform.startswith("win"):
            return None
        config = os.environ.get("XDG_CONFIG_HOME") or str(self.home / ".config")
        return Path(config) / "autostart" / LINUX_ENTRY

    def is_on(self) -> bool:
        if self.platform.startswith("win"):
            return _windows_value() is not None
        entry = self.entry_file()
        return entry is not None and entry.is_file()

    def opens(self, command: list[str]) -> bool:
        """Whether the entry is there and is the one `turn_on(command)` writes: an entry left by an
        earlier install (another program's path, another data folder) is not."""
        if self.platform.startswith("win"):
            return _windows_value() == subprocess.list2cmdline(command)
        entry = self.entry_file()
        try:
            return entry is not None and entry.read_bytes() == self._entry_data(command)
        except FileNotFoundError:
            return False

    def turn_on(self, command: list[str]) -> None:
        """Open `command` at sign-in from now on (replacing an entry that named another command)."""
        if self.platform.startswith("win"):
            _set_windows_value(subprocess.list2cmdline(command))
            return
        entry = self.entry_file()
        assert entry is not None
        entry.parent.mkdir(parents=True, exist_ok=True)
        data = self._entry_data(command)
        partial = entry.with_name(entry.name + ".partial")
        partial.write_bytes(data)
        partial.replace(entry)  # never half an entry for the session manager to read

    def _entry_data(self, command: list[str]) -> bytes:
        return _launch_agent(command) if self.platform == "darwin" else _desktop_entry(command).encode()

    def turn_off(self) -> None:
        if self.platform.startswith("win"):
            _set_windows_value(None)
            return
        entry = self.entry_file()
        if entry is not None:
            entry.unlink(missing_ok=True)


def _launch_agent(command: list[str]) -> bytes:
    return plistlib.dumps(
        {"Label": MAC_LABEL, "ProgramArguments": command, "RunAtLoad": True, "ProcessType": "Interactive"}
    )


def _desktop_entry(command: list[str]) -> str:
    """An XDG autostart entry; `Exec` quoted as the Desktop Entry Specification asks."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={NAME}\n"
        f"Exec={' '.join(_exec_argument(part) for part in command)}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _exec_argument(argument: str) -> str:
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if not argument or reserved & set(argument):
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
        argument = f'"{escaped}"'
    # A string value's own escape, then `%` doubled (field codes): the spec's two levels.
    return argument.replace("\\", "\\\\").replace("%", "%%")


if sys.platform == "win32":  # the registry is Windows' own (mypy checks this part on Windows only)
    import winreg

    def _windows_value() -> str | None:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, NAME)
        except FileNotFoundError:
            return None
        return str(value)

    def _set_windows_value(command_line: str | None) -> None:
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
            if command_line is not None:
                winreg.SetValueEx(key, NAME, 0, winreg.REG_SZ, command_line)
                return
            try:
                winreg.DeleteValue(key, NAME)
            except FileNotFoundError:  # already off (removed by hand, or by the uninstaller): nothing to undo
                log.debug("no start-up value to remove")

else:

    def _windows_value() -> str | None:
        raise OSError("no Windows registry on this computer")

    def _set_windows_value(command_line: str | None) -> None:
        raise OSError("no Windows registry on this computer")
