"""The relay's env file (KEY=VALUE lines): read for `check`, written 0600 by `setup`."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; blank lines, # comments and lines that set nothing (ignored_lines) skipped;
    surrounding quotes removed."""
    values: dict[str, str] = {}
    if not path.exists():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        if not key.strip().isidentifier():  # `export NAME=…`: systemd sets nothing from it either
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def ignored_lines(path: Path) -> list[str]:
    """What the file holds that no reader takes as a setting, one note per line: a line without
    `=`, or one whose name is no name (`export NAME=…`, as a shell file has it). systemd's
    EnvironmentFile= skips such a line as quietly as read_env_file does. Never the line's value."""
    notes = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key = line.partition("=")[0].strip()
        if "=" in line and key.isidentifier():
            continue
        if key.startswith("export ") and key.removeprefix("export ").strip().isidentifier():
            name = key.removeprefix("export ").strip()
            notes.append(f"line {number} sets nothing: write `{name}=…` without `export`")
        else:
            notes.append(f"line {number} sets nothing: a setting is one NAME=value line")
    return notes


def write_env_file(path: Path, values: dict[str, str], *, header: str = "") -> None:
    """Replace the file atomically, readable by its owner only (0600) from the first byte on."""
    for key, value in values.items():
        if not key.isidentifier() or any(c in value for c in "\r\n\0"):
            raise ValueError(f"{key}: a setting must be one line")
    lines = [f"# {row}" for row in header.splitlines()] if header else []
    lines += [f"{key}={value}" for key, value in values.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mkstemp opens it 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _give_to_folder_owner(path)


def _give_to_folder_owner(path: Path) -> None:
    """Run as root in a container over a bind-mounted folder: hand the file to the folder's owner,
    so `docker compose` run by that user can read it."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        folder = path.parent.stat()
        if folder.st_uid != 0:
            os.chown(path, folder.st_uid, folder.st_gid)
