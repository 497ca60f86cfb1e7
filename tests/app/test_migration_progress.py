"""An update of an older inbox says how far it has come, and one cut short by a full disk leaves no trace."""

from __future__ import annotations

import sqlite3
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
from tests.support.full_disk import run_on_a_full_disk, run_on_a_small_disk


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
from app.db import is_disk_full, migrate, stored_schema_version
path = Path(sys.argv[1])
try:
    migrate(path)
    print("update: done")
except Exception as exc:
    print("update: the disk is full" if is_disk_full(exc) else f"update: failed: {exc!r}")
print("backups:", sorted(os.listdir(path.parent / "backups")))
print("version:", stored_schema_version(path))
"""


def update_on_a_small_disk(tmp_path: Path, shop: Path, size: str) -> str:
    """Copy `shop` to a tmpfs of `size`, update its inbox there; what CHILD printed."""
    disk = tmp_path / "disk"
    run = f"cp -r {shop} {disk}/shop && {sys.executable} -c '{CHILD}' {disk}/shop/inbox.db"
    return run_on_a_small_disk(disk, size, run, env={})


def assert_left_as_it_was_with_no_copy(out: str) -> None:
    assert "update: the disk is full" in out, out
    assert "backups: []" in out, out
    assert "version: 1" in out, out


@pytest.mark.skipif(sys.platform != "linux", reason="mounts a small tmpfs")
def test_a_safety_copy_cut_short_by_a_full_disk_leaves_no_half_copy_taking_the_space(tmp_path: Path) -> None:
    """The owner is told to free some space: a half-written copy must not keep what little there is."""
    shop = tmp_path / "shop"
    shop.mkdir()
    inbox = older_inbox(shop / "inbox.db", [f"주문 {i} " + "가" * 300 for i in range(2000)])
    assert 1_500_000 < inbox.stat().st_size < 2_500_000  # fits the 3 MB disk once, not twice

    out = update_on_a_small_disk(tmp_path, shop, "3m")

    assert_left_as_it_was_with_no_copy(out)


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
def test_an_update_the_disk_had_no_room_for_leaves_the_inbox_as_it_was_and_no_copy_behind(
    tmp_path: Path,
) -> None:
    """Room for the safety copy, not for the update: each start the owner tries after freeing a
    little space would otherwise leave one more whole copy, and fill the disk again."""
    shop = tmp_path / "shop"
    inbox = older_inbox(
        shop / "inbox.db", [f"주문 {i} 배송 언제 되나요 " + "가나다라마바사" * 20 for i in range(3000)]
    )
    assert 1_500_000 < inbox.stat().st_size < 2_000_000  # twice that fits 4.5 MB; the update's growth not

    out = update_on_a_small_disk(tmp_path, shop, "4500k")

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
