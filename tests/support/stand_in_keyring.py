"""The OS keyring as tests see it: a backend keyring recommends (priority 1), kept under the test's home.

Secret Service, Keychain and Credential Manager are not there on a test machine (or must not be
touched), and keyrings.alt's PlaintextKeyring is exactly what the app refuses as a keyring. The secrets
go to a file under the test's own XDG_DATA_HOME, so a child process finds what its parent kept, as it
would in the OS's store. Selected for every test by PYTHON_KEYRING_BACKEND (tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

HELD_SECONDS = 5  # a locked keyring asked on the GUI thread (the fault) lets go then, and the test fails


class StandInKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # keyring's mark of a recommended backend

    @staticmethod
    def path() -> Path:
        home = os.environ.get("XDG_DATA_HOME") or tempfile.gettempdir()
        return Path(home) / "stand-in-os-keyring.json"

    def _entries(self) -> dict[str, str]:
        try:
            entries = json.loads(self.path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {str(k): str(v) for k, v in entries.items()}

    def _keep(self, entries: dict[str, str]) -> None:
        self.path().parent.mkdir(parents=True, exist_ok=True)
        self.path().write_text(json.dumps(entries), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}\n{username}"] = password
        self._keep(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("no such password")
        self._keep(entries)


class LockedKeyring(StandInKeyring):
    """The OS's password store waiting for its unlock prompt: each read and write waits until the
    test unlocks it, and notes the thread that asked. `refuse_writes`, `refuse_reads`: the owner
    cancelled the prompt, so a write (a read) raises as Secret Service does then."""

    def __init__(self) -> None:
        super().__init__()
        self.unlocked = threading.Event()
        self.asked_on: list[threading.Thread] = []
        self.written_on: list[threading.Thread] = []
        self.refuse_writes = False
        self.refuse_reads = False

    def get_password(self, service: str, username: str) -> str | None:
        self.asked_on.append(threading.current_thread())
        self.unlocked.wait(HELD_SECONDS)
        if self.refuse_reads:
            raise KeyringLocked("the unlock prompt was cancelled")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.written_on.append(threading.current_thread())
        self.unlocked.wait(HELD_SECONDS)
        if self.refuse_writes:
            raise KeyringLocked("the unlock prompt was cancelled")
        super().set_password(service, username, password)
