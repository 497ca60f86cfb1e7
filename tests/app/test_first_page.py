"""The start-up's first chat-list page, read with plain sqlite3: the same rows, or the full start when it must."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from app.db import SCHEMA_VERSION, Database
from app.first_page import read_first_page
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
