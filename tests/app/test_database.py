"""The database file: created, migrated from older versions, refused when newer, WAL and foreign keys on."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import SCHEMA_VERSION, Database, stored_schema_version, upgrade
from app.errors import SchemaTooNew
from app.models import CatalogItem, Collection, Contact, Label, Media, Message, QuickReply, Setting, SyncState
from app.search import search_messages
from tests.support.factories import make_contact, make_message


def test_new_database_is_created_at_the_current_version_with_default_labels(db_path: Path) -> None:
    db = Database.open(db_path)
    assert stored_schema_version(db_path) == SCHEMA_VERSION
    with db.read() as s:
        names = [label.name for label in s.scalars(select(Label).order_by(Label.position))]
    assert names == ["New customer", "New order", "Pending payment", "Paid", "Shipped", "Order complete"]
    db.close()


def test_connections_use_wal_and_enforce_foreign_keys(db) -> None:
    with db.read() as s:
        assert s.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_every_model_round_trips(db) -> None:
    when = datetime(2026, 3, 1, 12, 30, 15, tzinfo=UTC)
    with db.write() as s:
        c = make_contact(s, wa_id="821099998888", profile_name="박지영", saved_name="지영 (단골)")
        m = make_message(s, c, "사진 보내드려요", kind="image", sent_at=when, payload={"image": {"id": "1"}})
        s.add(Media(message_id=m.id, mime="image/jpeg", filename="a.jpg", size=10, relay_media_id="1"))
        s.add(QuickReply(shortcut="/thanks", text="감사합니다 {name}님!", keywords=["thanks"]))
        item = CatalogItem(retailer_id="SKU-1", name="린넨 셔츠", price_minor=15000, currency="KRW")
        item.collections.append(Collection(name="여름"))
        s.add(item)
        s.add(Setting(key="profile", value={"name": "서울 꽃집"}))
        s.add(SyncState(id=1, cursor=42))
        c.labels.append(s.scalars(select(Label).where(Label.name == "Paid")).one())
    with db.read() as s:
        c = s.scalars(select(Contact).where(Contact.wa_id == "821099998888")).one()
        assert c.display_name == "지영 (단골)"
        assert [label.name for label in c.labels] == ["Paid"]
        m = s.scalars(select(Message).where(Message.contact_id == c.id)).one()
        assert m.sent_at == when and m.sent_at.tzinfo is not None
        assert m.payload == {"image": {"id": "1"}}
        assert m.media[0].filename == "a.jpg"
        item = s.scalars(select(CatalogItem)).one()
        assert (item.price_minor, item.currency, item.collections[0].name) == (15000, "KRW", "여름")
        assert s.get(Setting, "profile").value == {"name": "서울 꽃집"}
        assert s.get(SyncState, 1).cursor == 42
        assert s.scalars(select(QuickReply)).one().keywords == ["thanks"]


def test_deleting_a_contact_deletes_its_messages(db) -> None:
    with db.write() as s:
        c = make_contact(s)
        make_message(s, c)
    with db.write() as s:
        s.delete(s.get(Contact, c.id))
    with db.read() as s:
        assert s.scalars(select(Message)).all() == []


def test_database_from_the_first_revision_is_migrated_and_its_messages_become_searchable(
    db_path: Path,
) -> None:
    upgrade(db_path, "0001")
    assert stored_schema_version(db_path) == 1
    raw = sqlite3.connect(db_path)
    raw.execute("INSERT INTO contact(wa_id, profile_name, created_at) VALUES ('821011112222', 'Old', 0)")
    raw.execute(
        "INSERT INTO message(contact_id, direction, kind, body, status, sent_at) "
        "VALUES (1, 'in', 'text', '배송 언제 되나요?', 'received', 1000)"
    )
    raw.commit()
    raw.close()

    db = Database.open(db_path)
    assert stored_schema_version(db_path) == SCHEMA_VERSION
    with db.read() as s:
        assert [h.snippet for h in search_messages(s, "배송")] == ["배송 언제 되나요?"]
        assert [h.snippet for h in search_messages(s, "언제 되")] == ["배송 언제 되나요?"]
    assert list((db_path.parent / "backups").glob("inbox-v1-*.db")), "a backup is taken before migrating"
    db.close()


def test_database_from_a_newer_version_is_refused_and_left_untouched(db_path: Path) -> None:
    Database.open(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.commit()
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer version of Shop Inbox"):
        Database.open(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_gives_a_clear_error(db_path: Path) -> None:
    from app.errors import DatabaseUnavailable

    db_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseUnavailable, match="not a Shop Inbox database"):
        Database.open(db_path)


def test_an_inbox_that_cannot_be_opened_is_not_called_damaged(db_path: Path) -> None:
    """Its WAL beside it cannot be opened (as its index cannot be made on a full disk): the file is
    fine, and "damaged, restore a backup" would have the owner throw away their newest chats."""
    from app.errors import DatabaseUnavailable, ErrorCode

    Database.open(db_path).close()
    Path(f"{db_path}-wal").mkdir()
    with pytest.raises(DatabaseUnavailable) as raised:
        Database.open(db_path)
    assert raised.value.code is ErrorCode.DATABASE_UNAVAILABLE


def test_migrations_know_the_schema_version() -> None:
    versions = sorted(p.name for p in (Path(__file__).parents[2] / "app/migrations/versions").glob("0*.py"))
    assert len(versions) == SCHEMA_VERSION


def test_migrations_have_exactly_one_head_and_user_version_equals_it(db_path: Path) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from app.db import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    heads = ScriptDirectory.from_config(cfg).get_heads()
    assert len(heads) == 1, f"several Alembic heads: {heads} (rebase your revision on the current head)"
    Database.open(db_path).close()
    assert stored_schema_version(db_path) == int(heads[0]) == SCHEMA_VERSION


def test_a_version_two_database_with_imported_chats_migrates_and_keeps_them(db_path: Path) -> None:
    upgrade(db_path, "0002")
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO contact (id, wa_id, profile_name, created_at) VALUES (1, '821012345678', '민지', 0)"
    )
    raw.execute(
        "INSERT INTO message (contact_id, direction, kind, body, grams, payload, status, sent_at, imported) "
        "VALUES (1, 'in', 'text', '주문했어요', '주문 문했 했어 어요', '{\"import\": {\"id\": \"abc\"}}', "
        "'received', 1000, 1)"
    )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    with db.read() as s:
        row = s.execute(select(Message.import_id, Message.sender_name)).one()
        assert tuple(row) == ("abc", None)
        assert [h.snippet for h in search_messages(s, "주문")] == ["주문했어요"]
    db.close()


def test_a_version_nine_database_gets_leaner_search_tables_and_still_finds_its_messages(
    db_path: Path,
) -> None:
    upgrade(db_path, "0009")
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO contact (id, wa_id, profile_name, created_at) VALUES (1, '821012345678', '민지', 0)"
    )
    raw.execute(
        "INSERT INTO message (contact_id, direction, kind, body, grams, status, sent_at) "
        "VALUES (1, 'in', 'text', '주문했어요', '주문 문했 했어 어요', 'received', 1000)"
    )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    with db.read() as s:
        raw_sql = s.connection().exec_driver_sql
        for table in ("message_fts", "message_bigram"):
            assert raw_sql(f"SELECT v FROM {table}_config WHERE k = 'automerge'").scalar() == 8
            # columnsize=0: no table of per-message token counts (schema 11)
            assert raw_sql(f"SELECT count(*) FROM sqlite_master WHERE name = '{table}_docsize'").scalar() == 0
        assert [h.snippet for h in search_messages(s, "주문")] == ["주문했어요"]
        assert [h.snippet for h in search_messages(s, "주문했")] == ["주문했어요"]
    db.close()


def test_a_version_twelve_databases_quick_replies_migrate_with_no_text_in_another_language(
    db_path: Path,
) -> None:
    upgrade(db_path, "0012")
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO quick_reply (shortcut, text, keywords, position) VALUES ('/배송', '2~3일', '[]', 0)"
    )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    with db.read() as s:
        reply = s.scalars(select(QuickReply)).one()
        assert (reply.shortcut, reply.text, reply.text_other_language) == ("/배송", "2~3일", "")
    db.close()
    # and back down to 12 and up again (the downgrade drops the column, the reply stays)
    from alembic import command
    from alembic.config import Config

    from app.db import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    command.downgrade(cfg, "0012")
    assert stored_schema_version(db_path) == 12
    Database.open(db_path).close()
    assert stored_schema_version(db_path) == SCHEMA_VERSION


def test_on_a_full_disk_the_inbox_reads_whole_but_takes_no_write(db_path: Path) -> None:
    """An immutable file needs no WAL index beside it: chats and search work, a write is DiskFull,
    and the file is left exactly as it was."""
    from app.errors import DiskFull

    db = Database.open(db_path)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="김민지"), "린넨 셔츠 재고 있나요?")
    db.close()  # a clean quit: the WAL is checkpointed into the file and removed
    before = db_path.read_bytes()

    ro = Database.open_read_only(db_path, DiskFull("no space left"))
    assert ro.read_only
    with ro.read() as s:
        assert [c.profile_name for c in s.scalars(select(Contact))] == ["김민지"]
        assert [hit.contact_name for hit in search_messages(s, "재고")] == ["김민지"]
    with pytest.raises(DiskFull), ro.write() as s:
        s.add(Label(name="never stored"))
    ro.close()
    assert db_path.read_bytes() == before
    assert not db_path.with_name(db_path.name + "-shm").exists()


def test_the_read_only_inbox_is_refused_when_it_would_show_less_than_there_is(db_path: Path) -> None:
    """Changes still in the WAL (a crash before the checkpoint) would not be seen, and an older
    schema cannot be migrated on a full disk: the start then says the disk is full, as before."""
    from app.errors import DiskFull

    Database.open(db_path).close()
    wal = db_path.with_name(db_path.name + "-wal")
    wal.write_bytes(b"\0" * 4096)
    full = DiskFull("no space left")
    with pytest.raises(DiskFull) as raised:
        Database.open_read_only(db_path, full)
    assert raised.value is full
    wal.unlink()
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    con.close()
    with pytest.raises(DiskFull):
        Database.open_read_only(db_path, full)


def test_an_inbox_file_that_went_away_is_never_made_again_empty(tmp_path: Path) -> None:
    """Its folder on a USB stick taken out, then a folder of that name back (or made by something
    else): a new connection used to make an empty inbox there, which messages were then saved to."""
    from sqlalchemy.exc import OperationalError

    folder = tmp_path / "USB" / "샵 데이터"
    Database.open(folder / "inbox.db").close()
    folder.rename(tmp_path / "pulled")
    folder.mkdir()

    db = Database(folder / "inbox.db")
    with pytest.raises(OperationalError, match="unable to open database file"), db.read() as s:
        s.scalar(select(SyncState))
    db.close()
    assert list(folder.iterdir()) == []
