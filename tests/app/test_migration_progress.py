"""An update of an older inbox says how far it has come, and one cut short by a full disk leaves no trace."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.db import (
    SCHEMA_VERSION,
    Database,
    MigrationPhase,
    MigrationProgress,
    migrate,
    migration_due,
    stored_schema_version,
)
from tests.support.factories import older_inbox
from tests.support.full_disk import ROOT, run_on_a_full_disk, run_on_a_small_disk


def test_an_update_reports_its_safety_copy_then_each_of_its_steps(db_path: Path) -> None:
    older_inbox(db_path, [f"주문 {i}" for i in range(10)])
    heard: list[MigrationProgress] = []

    migrate(db_path, heard.append)

    copy = [p for p in heard if p.phase is MigrationPhase.BACKUP]
    steps = [p for p in heard if p.phase is MigrationPhase.UPGRADE]
    assert copy and copy[-1].done == copy[-1].total > 0
    assert heard.index(copy[-1]) < heard.index(steps[0])  # the copy is whole before anything changes
    assert [(p.done, p.total) for p in steps] == [(n, SCHEMA_VERSION - 1) for n in range(SCHEMA_VERSION)]
    assert stored_schema_version(db_path) == SCHEMA_VERSION


CHILD = """
import os, sys
from pathlib import Path
from app.db import MigrationPhase, is_disk_full, migrate, stored_schema_version
path = Path(sys.argv[1])
def fill_the_disk_once_copied(step):
    # Another program fills the disk after the room was checked and the copy made.
    if step.phase is MigrationPhase.UPGRADE and step.done == 0 and len(sys.argv) > 2:
        with open(path.parent / "fill", "wb") as fill:
            try:
                while True:
                    fill.write(bytes(65536))
                    fill.flush()
            except OSError:
                pass
try:
    migrate(path, fill_the_disk_once_copied)
    print("update: done")
except Exception as exc:
    print("update: the disk is full" if is_disk_full(exc) else f"update: failed: {exc!r}")
    print("code:", getattr(exc, "code", None))
backups = path.parent / "backups"
print("backups:", sorted(os.listdir(backups)) if backups.exists() else [])
print("version:", stored_schema_version(path))
"""


def update_on_a_small_disk(tmp_path: Path, shop: Path, size: str, *, filled_halfway: bool = False) -> str:
    """Copy `shop` to a tmpfs of `size`, update its inbox there (`filled_halfway`: the disk fills
    up once the copy is made); what CHILD printed."""
    disk = tmp_path / "disk"
    fill = " fill" if filled_halfway else ""
    run = f"cp -r {shop} {disk}/shop && {sys.executable} -c '{CHILD}' {disk}/shop/inbox.db{fill}"
    return run_on_a_small_disk(disk, size, run, env={})


KILLED = """
import os, sys
from pathlib import Path
from app.db import MigrationPhase, migrate
def report(step):
    if step.phase is MigrationPhase.UPGRADE and step.done == 1:
        os.kill(os.getpid(), 9)  # the laptop dies mid-update: its copy is whole, its transaction not
migrate(Path(sys.argv[1]), report)
"""


def update_killed_halfway(inbox: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", KILLED, str(inbox)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert result.returncode == -9
    assert stored_schema_version(inbox) == 1  # rolled back


def copies(inbox: Path) -> list[str]:
    return sorted(p.name for p in (inbox.parent / "backups").iterdir())


def test_an_update_tried_again_after_dying_twice_halfway_keeps_one_safety_copy_of_the_inbox(
    db_path: Path,
) -> None:
    """360 MB each on a big inbox: every try copied the same unchanged file once more, and kept it."""
    older_inbox(db_path, [f"주문 {i}" for i in range(200)])
    update_killed_halfway(db_path)
    update_killed_halfway(db_path)
    assert len(copies(db_path)) == 1

    migrate(db_path)

    assert stored_schema_version(db_path) == SCHEMA_VERSION
    (copy,) = copies(db_path)
    assert copy.startswith(f"{db_path.stem}-v1-")
    kept = sqlite3.connect(db_path.parent / "backups" / copy)
    assert kept.execute("SELECT count(*) FROM message").fetchone() == (200,)
    kept.close()


def test_a_copy_of_the_inbox_as_it_was_before_the_older_version_wrote_to_it_again_is_kept(
    db_path: Path,
) -> None:
    """Between two tries the owner went back to the older Shop Inbox and answered a customer: the
    first copy is the only one without that answer, the second the only one with it; and a copy
    from an earlier, other update stays whatever it holds."""
    older_inbox(db_path, [f"주문 {i}" for i in range(200)])
    backups = db_path.parent / "backups"
    backups.mkdir()
    other = backups / f"{db_path.stem}-v0-20260101-000000.db"
    other.write_bytes(b"an earlier update's copy")
    update_killed_halfway(db_path)
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO message(contact_id, direction, kind, body, status, sent_at) "
        "VALUES (1, 'out', 'text', '내일 보내드릴게요', 'sent', 5000)"
    )
    con.commit()
    con.close()

    migrate(db_path)

    assert len([name for name in copies(db_path) if name.startswith(f"{db_path.stem}-v1-")]) == 2
    assert other.read_bytes() == b"an earlier update's copy"


@pytest.mark.skipif(sys.platform != "linux", reason="mounts a small tmpfs")
def test_too_little_room_to_update_is_said_before_anything_is_copied_or_changed(tmp_path: Path) -> None:
    """Room for the copy but not for the update as well: refused up front with what it needs."""
    shop = tmp_path / "shop"
    inbox = older_inbox(shop / "inbox.db", [f"주문 {i} " + "가" * 300 for i in range(2000)])
    assert 1_500_000 < inbox.stat().st_size < 2_500_000  # fits the 3 MB disk once, not 1.5 times

    out = update_on_a_small_disk(tmp_path, shop, "3m")

    assert "code: update_needs_room" in out, out
    assert_left_as_it_was_with_no_copy(out)


def assert_left_as_it_was_with_no_copy(out: str) -> None:
    assert "update: the disk is full" in out, out
    assert "backups: []" in out, out
    assert "version: 1" in out, out


@pytest.mark.skipif(sys.platform != "linux", reason="mounts a small tmpfs")
def test_whether_an_update_is_due_is_no_reason_to_fail_on_a_full_disk(tmp_path: Path) -> None:
    """On a full disk the start opens the chats to read only (app/db.py `open_read_only`): asking
    whether the file needs updating first must not end the start instead."""
    shop = tmp_path / "shop"
    Database.open(shop / "inbox.db").close()
    (shop / "inbox.db-shm").unlink(missing_ok=True)  # a clean quit: SQLite must make it again
    child = "from pathlib import Path; import sys; from app.db import migration_due; print(migration_due(Path(sys.argv[1])))"

    out = run_on_a_full_disk(
        tmp_path / "disk", shop, f"{sys.executable} -c '{child}' {tmp_path}/disk/shop/inbox.db", env={}
    )

    assert out.strip().splitlines()[-1] == "False", out


@pytest.mark.skipif(sys.platform != "linux", reason="mounts a small tmpfs")
def test_an_update_the_disk_filled_up_under_leaves_the_inbox_as_it_was_and_no_copy_behind(
    tmp_path: Path,
) -> None:
    """Room when it started, none once the copy was made (something else filled the disk): each
    start the owner tries after freeing a little space would otherwise leave one more whole copy,
    and fill the disk again; and the owner reads that the inbox could not be updated."""
    shop = tmp_path / "shop"
    inbox = older_inbox(
        shop / "inbox.db", [f"주문 {i} 배송 언제 되나요 " + "가나다라마바사" * 20 for i in range(3000)]
    )
    assert 1_500_000 < inbox.stat().st_size < 2_000_000  # with room to update it on a 6 MB disk

    out = update_on_a_small_disk(tmp_path, shop, "6m", filled_halfway=True)

    assert "code: update_disk_full" in out, out  # "could not be updated", not "cannot start"
    assert_left_as_it_was_with_no_copy(out)


def test_only_an_owners_older_inbox_is_due_an_update_with_a_window(tmp_path: Path) -> None:
    """A first start (nothing, or version 0), a current inbox and a newer one never show the window."""
    fresh = tmp_path / "fresh" / "inbox.db"
    assert not migration_due(fresh)
    Database.open(fresh).close()
    assert not migration_due(fresh)
    older = older_inbox(tmp_path / "older" / "inbox.db", ["주문할게요"])
    assert migration_due(older)
    con = sqlite3.connect(fresh)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    assert not migration_due(fresh)  # refused with a sentence when opened, never "updated"
