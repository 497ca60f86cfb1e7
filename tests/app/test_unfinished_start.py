"""A first start cut short is rebuilt on the next start; a version-0 file that holds data is never touched."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, select

from app.db import SCHEMA_VERSION, Database, stored_schema_version, upgrade
from app.errors import UnversionedDatabaseHoldsData
from app.models import Label


def first_start_cut_short(path: Path, reference: Path, tables: int) -> None:
    """What builds before one-transaction migrations left after a kill: version 0, the first tables."""
    Database.open(reference).close()
    ref = sqlite3.connect(reference)
    statements = [
        sql
        for (sql,) in ref.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'message_%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY rowid LIMIT ?",
            (tables,),
        )
    ]
    ref.close()
    con = sqlite3.connect(path)
    for sql in statements:
        con.execute(sql)
    con.commit()
    con.close()
    assert stored_schema_version(path) == 0


def test_a_first_start_killed_halfway_is_rebuilt_on_the_next_start(tmp_path: Path) -> None:
    db_path = tmp_path / "inbox.db"
    first_start_cut_short(db_path, tmp_path / "reference.db", tables=4)

    db = Database.open(db_path)
    with db.read() as s:
        names = [label.name for label in s.scalars(select(Label).order_by(Label.position))]
    db.close()
    assert names == ["New customer", "New order", "Pending payment", "Paid", "Shipped", "Order complete"]
    assert stored_schema_version(db_path) == SCHEMA_VERSION


def test_a_first_start_killed_after_the_default_labels_is_rebuilt_with_them_once(tmp_path: Path) -> None:
    db_path = tmp_path / "inbox.db"
    reference = tmp_path / "reference.db"
    Database.open(reference).close()
    ref = sqlite3.connect(reference)
    con = sqlite3.connect(db_path)
    for (sql,) in ref.execute("SELECT sql FROM sqlite_master WHERE name = 'label'"):
        con.execute(sql)
    rows = ref.execute("SELECT * FROM label").fetchall()
    con.executemany(f"INSERT INTO label VALUES ({', '.join('?' * len(rows[0]))})", rows)
    con.commit()
    con.close()
    ref.close()

    db = Database.open(db_path)
    with db.read() as s:
        assert len(s.scalars(select(Label)).all()) == 6
    db.close()


@pytest.mark.parametrize("table", ["contact", "catalog_item"])
def test_a_version_0_database_that_holds_data_is_refused_and_left_untouched(
    tmp_path: Path, table: str
) -> None:
    db_path = tmp_path / "inbox.db"
    first_start_cut_short(db_path, tmp_path / "reference.db", tables=10)
    con = sqlite3.connect(db_path)
    if table == "contact":
        con.execute(
            "INSERT INTO contact(wa_id, profile_name, created_at) VALUES ('821011112222', '박지영', 0)"
        )
    else:
        con.execute(
            "INSERT INTO catalog_item(retailer_id, name, price_minor, currency, images, created_at, "
            "updated_at) VALUES ('SKU-1', '린넨 셔츠', 15000, 'KRW', '[]', 0, 0)"
        )
    con.commit()
    con.close()
    before = db_path.read_bytes()

    with pytest.raises(UnversionedDatabaseHoldsData) as caught:
        Database.open(db_path)
    assert caught.value.code == "unversioned_database_holds_data"
    assert caught.value.tables == [table]
    assert db_path.read_bytes() == before


def test_a_version_0_file_of_another_program_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db_path = tmp_path / "inbox.db"
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.commit()
    con.close()
    before = db_path.read_bytes()

    with pytest.raises(UnversionedDatabaseHoldsData) as caught:
        Database.open(db_path)
    assert caught.value.tables == ["moz_places"]
    assert db_path.read_bytes() == before


def test_every_statement_of_the_migrations_runs_inside_one_transaction(tmp_path: Path) -> None:
    outside: list[str] = []
    inside = 0

    def record(conn: object, cursor: sqlite3.Cursor, statement: str, *_args: object) -> None:
        nonlocal inside
        if statement.startswith("BEGIN"):
            return
        if cursor.connection.in_transaction:
            inside += 1
        else:
            outside.append(statement.strip().splitlines()[0])

    event.listen(Engine, "before_cursor_execute", record)
    try:
        Database.open(tmp_path / "inbox.db").close()
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert outside == []
    assert inside > 30  # every CREATE TABLE, index, trigger, FTS table and PRAGMA user_version


def test_a_migration_that_fails_halfway_leaves_the_old_schema_and_data(tmp_path: Path) -> None:
    db_path = tmp_path / "inbox.db"
    upgrade(db_path, "0001")
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO contact(wa_id, profile_name, created_at) VALUES ('821011112222', 'Old', 0)")
    con.execute(
        "INSERT INTO message(contact_id, direction, kind, body, status, sent_at) "
        "VALUES (1, 'in', 'text', '배송 언제 되나요?', 'received', 1000)"
    )
    # Revision 0002 fills message.grams, then creates message_fts: which fails on this table.
    con.execute("CREATE TABLE message_fts (x)")
    con.commit()
    con.close()

    with pytest.raises(Exception, match="message_fts"):
        Database.open(db_path)
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA user_version").fetchone() == (1,)
    assert con.execute("SELECT grams FROM message").fetchall() == [("",)]
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    con.close()


EXTRA_REVISION = '''"""A revision a test adds after head."""

import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}
    op.execute("PRAGMA user_version = {version}")


def downgrade() -> None:
    pass
'''


def add_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """The real migrations plus revision 9001 (`body`), where app.db looks for them during this test."""
    from alembic.script import ScriptDirectory

    import app.db

    migrations = tmp_path / "migrations"
    shutil.copytree(app.db.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = ScriptDirectory(str(migrations)).get_current_head()
    (migrations / "versions" / "9001_test.py").write_text(
        EXTRA_REVISION.format(head=head, body=body, version=SCHEMA_VERSION + 1), encoding="utf-8"
    )
    monkeypatch.setattr(app.db, "MIGRATIONS_DIR", migrations)


def test_a_batch_mode_table_copy_keeps_the_rows_that_refer_to_it_and_stays_in_the_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "inbox.db"
    Database.open(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO catalog_item(id, retailer_id, name, price_minor, currency, images, created_at, "
        "updated_at) VALUES (1, 'SKU-1', '린넨 셔츠', 15000, 'KRW', '[]', 0, 0)"
    )
    con.execute("INSERT INTO collection(id, name) VALUES (1, '여름')")
    con.execute("INSERT INTO catalog_item_collection(item_id, collection_id) VALUES (1, 1)")
    con.commit()
    con.close()
    add_revision(
        tmp_path,
        monkeypatch,
        """    with op.batch_alter_table("catalog_item", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("weight_grams", sa.Integer(), nullable=True))""",
    )
    outside: list[str] = []

    def record(conn: object, cursor: sqlite3.Cursor, statement: str, *_args: object) -> None:
        if not statement.startswith("BEGIN") and not cursor.connection.in_transaction:
            outside.append(statement.strip().splitlines()[0])

    event.listen(Engine, "before_cursor_execute", record)
    try:
        upgrade(db_path, "9001")
    finally:
        event.remove(Engine, "before_cursor_execute", record)

    assert outside == []
    con = sqlite3.connect(db_path)
    # With foreign keys on, dropping the old catalog_item would have cascaded into its collections.
    assert con.execute("SELECT item_id, collection_id FROM catalog_item_collection").fetchall() == [(1, 1)]
    assert con.execute("SELECT name, weight_grams FROM catalog_item").fetchall() == [("린넨 셔츠", None)]
    assert con.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION + 1,)
    con.close()


def test_a_revision_that_commits_on_its_own_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "inbox.db"
    Database.open(db_path).close()
    add_revision(
        tmp_path,
        monkeypatch,
        """    op.execute("CREATE TABLE half_done (x)")
    op.execute("COMMIT")""",
    )

    with pytest.raises(RuntimeError, match="ended the upgrade's transaction"):
        upgrade(db_path, "9001")


KILLED_MID_TRANSACTION = """
import os, signal, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size = 10")  # small: the transaction's pages spill into the file
con.execute("BEGIN")
con.execute("CREATE TABLE filler (x)")
con.executemany("INSERT INTO filler VALUES (?)", [("x" * 200,)] * 5000)
con.execute("COMMIT")
con.execute("BEGIN")
con.execute("UPDATE filler SET x = x || 'y'")
con.execute("PRAGMA user_version = 9")
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_file_whose_writer_was_killed_mid_transaction_is_read_after_rolling_back(tmp_path: Path) -> None:
    # What a first start killed while switching its new file to WAL leaves: a hot rollback journal.
    db_path = tmp_path / "inbox.db"
    subprocess.run([sys.executable, "-c", KILLED_MID_TRANSACTION, str(db_path)], check=False, timeout=60)
    assert (tmp_path / "inbox.db-journal").stat().st_size > 0

    assert stored_schema_version(db_path) == 0  # the killed transaction's version 9 rolled back
    with pytest.raises(UnversionedDatabaseHoldsData) as caught:  # and its committed rows are data
        Database.open(db_path)
    assert caught.value.tables == ["filler"]


def test_only_a_folder_that_holds_no_shop_yet_is_called_a_first_start(tmp_path: Path) -> None:
    """What a failed start on a full disk may say "nothing was set up yet" of (ui/application.py)."""
    from app.settings import update_preferences
    from app.unfinished_start import nothing_set_up_in
    from tests.support.factories import make_contact

    assert nothing_set_up_in(tmp_path / "new" / "inbox.db")
    cut_short = tmp_path / "cut short" / "inbox.db"
    cut_short.parent.mkdir()
    first_start_cut_short(cut_short, tmp_path / "reference.db", tables=4)
    assert nothing_set_up_in(cut_short)

    wizard_not_finished = tmp_path / "wizard" / "inbox.db"
    Database.open(wizard_not_finished).close()
    assert nothing_set_up_in(wizard_not_finished)

    with_chats = Database.open(tmp_path / "chats" / "inbox.db")  # imported before any setup
    with with_chats.write() as s:
        make_contact(s, profile_name="김민지")
    with_chats.close()
    assert not nothing_set_up_in(with_chats.path)

    set_up = Database.open(tmp_path / "shop" / "inbox.db")
    update_preferences(set_up, setup_done=True)
    assert not nothing_set_up_in(set_up.path)  # open: the WAL holds what the file may not yet
    set_up.close()
    assert not nothing_set_up_in(set_up.path)
