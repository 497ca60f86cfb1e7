"""After a restore: this computer was given no relay token yet, since a backup never carries it.

The banner's "no relay token" says why only then: an owner who never kept a token here (Cancel in the
keyring question, "Set up later") was told about backups she had never restored."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.paths import AppPaths

LEFT_BEHIND_KEY = "relay/token_left_behind"


def _memory(paths: AppPaths) -> QSettings:
    # Beside the window's own settings, which a restore never replaces.
    return QSettings(str(paths.config_dir / "window.ini"), QSettings.Format.IniFormat)


def remember_token_left_behind(paths: AppPaths) -> None:
    """A backup was just restored: its relay token stayed on the old computer."""
    memory = _memory(paths)
    memory.setValue(LEFT_BEHIND_KEY, True)
    memory.sync()


def token_left_behind(paths: AppPaths) -> bool:
    """Whether the inbox was restored and has had no relay token on this computer since."""
    return _memory(paths).value(LEFT_BEHIND_KEY) in (True, "true")


def forget_token_left_behind(paths: AppPaths) -> None:
    """Sync started with a token: a token missing later was lost here, not left behind."""
    memory = _memory(paths)
    if memory.contains(LEFT_BEHIND_KEY):
        memory.remove(LEFT_BEHIND_KEY)
        memory.sync()
