"""A 200,000-line export imports in well under a minute with memory that does not grow with the file."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.chat_export.importer import ImportRequest, import_chat
from app.chat_export.parser import parse_messages, scan_export
from app.db import Database
from app.models import Message
from app.search import search_messages
from tests.support.chat_exports import write_large_export

LINES = 200_000


@pytest.fixture(scope="module")
def large_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_large_export(tmp_path_factory.mktemp("export") / "WhatsApp Chat with Minji.txt", LINES)


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
def test_a_200k_line_export_imports_in_well_under_a_minute(
    db: Database, large_export: Path, tmp_path: Path
) -> None:
    started = time.perf_counter()
    summary = import_chat(
        db,
        tmp_path / "media",
        ImportRequest(path=large_export, shop_participant="Shop", time_zone="Asia/Seoul"),
    )
    elapsed = time.perf_counter() - started
    assert summary.lines == LINES and summary.unreadable_count == 0
    assert elapsed < 40, f"{LINES / elapsed:,.0f} lines/s"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Message)) == summary.added
        # Every message is searchable, by trigram (3+ characters) and by bigram (Korean words).
        assert search_messages(s, "#177776")[0].snippet.endswith("#177776")
        assert search_messages(s, "교환", limit=5)
    again = import_chat(
        db,
        tmp_path / "media",
        ImportRequest(path=large_export, shop_participant="Shop", time_zone="Asia/Seoul"),
    )
    assert again.added == 0
