"""A 200,000-line export: streamed with bounded memory, every row searchable, a re-import adds nothing.

How fast it imports is a benchmark figure (`python -m bench.import_rate`), not a test: a wall-clock
limit fails whenever the machine is busy and says nothing about the code.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import text

from app.chat_export.importer import ImportRequest, discard_unfinished_imports, import_chat
from app.chat_export.parser import parse_messages, scan_export
from app.db import Database
from app.search import search_messages
from tests.support.chat_exports import write_large_export

LINES = 200_000
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def large_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_large_export(tmp_path_factory.mktemp("export") / "WhatsApp Chat with Minji.txt", LINES)


def fts_matches(db: Database, table: str, phrase: str) -> int:
    with db.read() as s:
        sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH :q"
        return int(s.execute(text(sql), {"q": f'"{phrase}"'}).scalar_one())


def messages_containing(db: Database, needle: str) -> int:
    with db.read() as s:
        sql = "SELECT count(*) FROM message WHERE instr(body, :n) > 0"
        return int(s.execute(text(sql), {"n": needle}).scalar_one())


def assert_indexes_match_messages(db: Database) -> None:
    """Both FTS tables hold exactly the rows and text of the message table (FTS5's own check)."""
    with db.write() as s:
        for table in ("message_fts", "message_bigram"):
            s.execute(text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"))
        triggers = set(s.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    assert {"message_fts_ai", "message_contact_ai"} <= triggers


@pytest.mark.slow  # tracemalloc slows parsing about 5×
def test_reading_a_large_export_streams_instead_of_loading_it(large_export: Path) -> None:
    size = large_export.stat().st_size
    tracemalloc.start()
    try:
        preview = scan_export(large_export)
        count = sum(1 for _ in parse_messages(preview.source, preview.date_order))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert preview.line_count == LINES and count == preview.message_count + preview.system_lines
    assert peak < size / 4, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB file"


@pytest.mark.slow
def test_every_message_of_a_200k_line_export_is_imported_and_found_by_search(
    db: Database, large_export: Path, tmp_path: Path
) -> None:
    request = ImportRequest(path=large_export, shop_participant="Shop", time_zone="Asia/Seoul")
    summary = import_chat(db, tmp_path / "media", request)
    assert summary.lines == LINES and summary.unreadable_count == 0
    with db.read() as s:
        stored, newest = s.execute(text("SELECT count(*), max(id) FROM message")).one()
        last_id = s.execute(
            text("SELECT last_message_id FROM contact WHERE id = :c"), {"c": summary.contact_id}
        )
        assert stored == summary.added
        # The chat list shows the export's last line as the chat's last message.
        assert last_id.scalar_one() == newest
        # One message by its unique number (trigram path) and the newest of a Korean word (bigram path).
        assert search_messages(s, "#177776")[0].snippet.endswith("#177776")
        assert search_messages(s, "교환", limit=5)[0].message_id == max(
            s.execute(text("SELECT id FROM message WHERE instr(body, '교환') > 0")).scalars()
        )
    assert_indexes_match_messages(db)
    # Every row that holds a word is found by it: 3+ characters and 2-character Korean words.
    for word in ("beige", "Thank you", "second line", "린넨 셔츠"):
        assert fts_matches(db, "message_fts", word) == messages_containing(db, word) > 0
    for word in ("교환", "배송", "발송"):
        assert fts_matches(db, "message_bigram", word) == messages_containing(db, word) > 0

    again = import_chat(db, tmp_path / "media", request)
    assert (again.added, again.already_there) == (0, summary.added)
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM message")).scalar_one() == summary.added


@pytest.mark.slow
def test_an_import_killed_midway_leaves_no_message_that_search_cannot_find(tmp_path: Path) -> None:
    export = write_large_export(tmp_path / "WhatsApp Chat with Minji.txt", 60_000)
    db_path = tmp_path / "inbox.db"
    Database.open(db_path).close()
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.import_child",
            str(db_path),
            str(tmp_path / "media"),
            str(export),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    try:
        for batches, line in enumerate(child.stdout, start=1):
            assert not line.startswith("done"), "the import finished before it could be killed"
            if batches == 3:
                child.send_signal(signal.SIGKILL)
                break
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    db = Database(db_path)
    try:
        with db.read() as s:
            left = s.execute(text("SELECT count(*) FROM message")).scalar_one()
        assert left > 0  # killed after some batches committed…
        # …and each committed batch came with its search rows and its triggers.
        assert_indexes_match_messages(db)
        assert fts_matches(db, "message_fts", "beige") == messages_containing(db, "beige") > 0
        assert fts_matches(db, "message_bigram", "교환") == messages_containing(db, "교환") > 0
        # The next start removes the half-done import, search rows with it.
        assert discard_unfinished_imports(db) == left
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM message")).scalar_one() == 0
        assert_indexes_match_messages(db)  # no search rows left without their message
        assert fts_matches(db, "message_fts", "beige") == fts_matches(db, "message_bigram", "교환") == 0
    finally:
        db.close()
