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
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


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
