"""The start-up's first chat-list page, read with plain sqlite3: the same rows, or the full start when it must."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import SCHEMA_VERSION, Database
from app.first_page import preferences_left_in, read_first_page
from app.models import Contact, Label
from app.queries import conversations_page, set_flags, set_label
from app.settings import load_preferences, put_setting, save_preferences
from tests.support.factories import make_contact, make_message

ROOT = Path(__file__).resolve().parents[2]


def set_up_shop(db: Database) -> None:
    with db.write() as s:
        save_preferences(s, load_preferences(s).replace(relay_url="http://127.0.0.1:9", language="ko"))


def test_the_first_page_shows_the_same_chats_as_the_chat_list_query(db: Database) -> None:
    set_up_shop(db)
    with db.write() as s:
        contacts = [make_contact(s) for _ in range(7)]
        for i, contact in enumerate(contacts):
            make_message(s, contact, f"안녕하세요 {i}")
        make_contact(s)  # no message yet: not in the list
    set_flags_and_label(db, contacts[2].id, contacts[4].id)

    first = read_first_page(db.path, 5)

    assert first is not None
    with db.read() as s:
        assert first.rows == conversations_page(s, limit=5)
    assert first.rows[0].contact_id == contacts[2].id  # pinned first
    assert [lab.name for lab in first.rows[1].labels] == ["Paid"]
    assert first.preferences["language"] == "ko"


def test_a_start_with_every_chat_archived_knows_they_are_archived(db: Database) -> None:
    """The empty first page says where the chats are at once, not "no chats yet" first."""
    set_up_shop(db)
    first = read_first_page(db.path, 5)
    assert first is not None and first.rows == [] and not first.any_archived
    with db.write() as s:
        make_message(s, make_contact(s, archived=True), "감사합니다", unread=False)
    first = read_first_page(db.path, 5)
    assert first is not None and first.rows == [] and first.any_archived


def set_flags_and_label(db: Database, pinned: int, labelled: int) -> None:
    with db.write() as s:
        set_flags(s, pinned, pinned=True)
        paid = s.scalars(select(Label).where(Label.name == "Paid")).one()
        set_label(s, labelled, paid.id, True)
    with db.write() as s:
        make_message(s, s.get_one(Contact, labelled), "paid, thanks")


def test_a_migration_due_takes_the_full_start(db: Database) -> None:
    set_up_shop(db)
    con = sqlite3.connect(db.path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    con.close()

    assert read_first_page(db.path, 100) is None


def test_a_chat_import_cut_short_takes_the_full_start(db: Database) -> None:
    set_up_shop(db)
    with db.write() as s:
        put_setting(s, "chat_import.unfinished", {"import-1": {"contact_id": 1}})

    assert read_first_page(db.path, 100) is None


def test_a_shop_not_set_up_takes_the_full_start_with_its_wizard(db: Database) -> None:
    assert read_first_page(db.path, 100) is None
    assert read_first_page(db.path.with_name("missing.db"), 100) is None


def test_reading_the_first_page_imports_no_sqlalchemy(db: Database) -> None:
    set_up_shop(db)
    probe = (
        "import sys; from pathlib import Path; from app.first_page import read_first_page; "
        f"assert read_first_page(Path({str(db.path)!r}), 100) is not None; "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'pydantic', 'httpx', 'keyring') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_damaged_files_preferences_are_read_without_touching_it(tmp_path: Path) -> None:
    """The damaged inbox's screen reads the shop's language from what is left of a file a failing
    disk cut short: nothing is written, and no -wal or -shm is made beside it (a read-only open of
    a WAL file makes both)."""
    path = tmp_path / "shop" / "inbox.db"
    path.parent.mkdir()
    db = Database.open(path)
    with db.write() as s:
        save_preferences(s, load_preferences(s).replace(language="ko", shop_region="GB"))
        contact = make_contact(s, profile_name="박지훈")
        for n in range(300):
            make_message(s, contact, f"케이스 재입고 문의드려요 #{n} " + "가" * 200)
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    with pytest.raises(sqlite3.DatabaseError):  # as SQLite sees it at first, unreadable whole
        con.execute("SELECT count(*) FROM setting").fetchone()
    con.close()
    before = path.read_bytes()

    left = preferences_left_in(path)

    assert left["language"] == "ko" and left["shop_region"] == "GB"
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_missing_or_unreadable_file_has_no_preferences_and_none_is_made(tmp_path: Path) -> None:
    missing = tmp_path / "inbox.db"
    assert preferences_left_in(missing) == {}
    assert not missing.exists()
    missing.write_bytes(b"not a database at all" * 100)
    assert preferences_left_in(missing) == {}
