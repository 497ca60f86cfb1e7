"""A full disk, or an inbox file that cannot be written, without filling a disk: SQLite's own limits
set on the writer's connections (each new one, once the pool is emptied)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from app.db import Database

ROOT = Path(__file__).resolve().parents[2]

_listeners: dict[int, Any] = {}


def _writer_pragmas(db: Database, *pragmas: str) -> None:
    from sqlalchemy import event

    def apply(dbapi_connection: Any, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(f"PRAGMA {pragma}")

    old = _listeners.pop(id(db), None)
    if old is not None:
        event.remove(db.writer, "connect", old)
    _listeners[id(db)] = apply
    event.listen(db.writer, "connect", apply)
    db.writer.dispose()  # pooled connections are replaced, each set up as it opens


def limit_the_inbox_file(db: Database, pages: int | None) -> None:
    """SQLite's own "database or disk is full" (SQLITE_FULL) once the file would pass `pages` pages,
    as on a full disk; None lifts it."""
    _writer_pragmas(db, *([] if pages is None else [f"max_page_count={pages}"]))


def inbox_read_only(db: Database, read_only: bool) -> None:
    """Every write refused ("attempt to write a readonly database"), as for a file another program
    holds or whose permissions changed; False lifts it."""
    _writer_pragmas(db, *(["query_only=ON"] if read_only else []))


def page_count(db: Database) -> int:
    with db.read() as s:
        return int(s.connection().exec_driver_sql("PRAGMA page_count").scalar_one())


def run_on_a_full_disk(disk: Path, shop: Path, command: str, *, env: dict[str, str]) -> str:
    """Run a shell `command` with `shop` copied to `<disk>/shop` on a small tmpfs filled to the last
    block, mounted at `disk` (see `run_on_a_small_disk`). Returns its standard output."""
    fill = f"dd if=/dev/zero of={disk}/fill bs=64k 2>/dev/null; true"
    return run_on_a_small_disk(disk, "8m", f"cp -r {shop} {disk}/shop && {fill} && {command}", env=env)


def run_on_a_small_disk(disk: Path, size: str, command: str, *, env: dict[str, str]) -> str:
    """Run a shell `command` with a tmpfs of `size` (as `mount` takes it: "3m") mounted at `disk`, in
    a mount namespace of its own (Linux, as root), so nothing outside the test sees it. Returns its
    standard output and error; skips the test where no such disk can be mounted."""
    disk.mkdir(exist_ok=True)
    script = f"mount -t tmpfs -o size={size} tmpfs {disk} && {command}"
    try:
        result = subprocess.run(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
            capture_output=True,
            text=True,
            timeout=120,
        )
    except FileNotFoundError:
        pytest.skip("needs util-linux's unshare")
    if "Operation not permitted" in result.stderr or "mount:" in result.stderr:
        pytest.skip(f"cannot mount a small disk here: {result.stderr.strip()[:200]}")
    return result.stdout + result.stderr


def fill_leaving(folder: str, room: int) -> None:
    """Fill the disk holding `folder` with a file, `photos`, until `room` bytes are left free."""
    free = os.statvfs(folder)
    with open(f"{folder}/photos", "wb") as photos:
        photos.write(bytes(free.f_bavail * free.f_frsize - room))


def print_what_it_said(command: list[str], env: dict[str, str]) -> None:
    """Run a relay command, printing its exit status ("exit: N") and each line of its stderr that
    is not a log line ("said: …"): the operator's own lines."""
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    print("exit:", done.returncode)
    for line in done.stderr.splitlines():
        if not line.startswith("time="):
            print("said:", line)
