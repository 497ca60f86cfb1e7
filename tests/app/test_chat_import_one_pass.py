"""An import given no preview reads the file once, and still lands exactly as one given the preview."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.chat_export.importer import ImportRequest, ImportSummary, import_chat
from app.chat_export.parser import DateOrder, ExportFacts, parse_messages, scan_export
from app.db import Database
from app.models import Contact, Conversation, Message
from app.search import search_messages
from tests.support.chat_exports import LAYOUTS, render, shop_chat, write_large_export, write_txt

MISLED = "misled"


def request(path: Path) -> ImportRequest:
    return ImportRequest(path=path, shop_participant="Shop", time_zone="Asia/Seoul")


def stored(db: Database) -> list[tuple[Any, ...]]:
    with db.read() as s:
        rows = s.execute(
            select(
                Message.sent_at,
                Message.direction,
                Message.kind,
                Message.body,
                Message.sender_name,
                Message.grams,
            ).order_by(Message.sent_at, Message.id)
        )
        return [tuple(r) for r in rows]


def both_ways(
    tmp_path: Path, export: Path
) -> tuple[tuple[ImportSummary, Database], tuple[ImportSummary, Database]]:
    """The export imported bare (as `import_chat` alone does) and with the preview (as the window does)."""
    bare_db = Database.open(tmp_path / "bare.db")
    previewed_db = Database.open(tmp_path / "previewed.db")
    bare = import_chat(bare_db, tmp_path / "media", request(export))
    previewed = import_chat(previewed_db, tmp_path / "media", request(export), preview=scan_export(export))
    return (bare, bare_db), (previewed, previewed_db)


def same_import(bare: tuple[ImportSummary, Database], previewed: tuple[ImportSummary, Database]) -> None:
    (a, a_db), (b, b_db) = bare, previewed
    assert (a.added, a.already_there, a.notices_skipped, a.lines, a.unreadable_count) == (
        b.added,
        b.already_there,
        b.notices_skipped,
        b.lines,
        b.unreadable_count,
    )
    assert stored(a_db) == stored(b_db)
    with a_db.read() as s, b_db.read() as t:
        assert s.scalar(select(func.count()).select_from(Contact)) == t.scalar(
            select(func.count()).select_from(Contact)
        )
        assert s.scalar(select(func.count()).select_from(Conversation)) == t.scalar(
            select(func.count()).select_from(Conversation)
        )
        # Every message is found by the Korean bigram search, both ways.
        assert len(search_messages(s, "주문", limit=100_000)) == len(
            search_messages(t, "주문", limit=100_000)
        )


def test_a_long_chat_without_a_preview_is_read_once_and_lands_as_with_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    export = write_large_export(tmp_path / "WhatsApp Chat with Minji.txt", 8_000)
    caplog.set_level(logging.INFO, logger="app.chat_export.importer")
    bare, previewed = both_ways(tmp_path, export)
    same_import(bare, previewed)
    assert bare[0].lines == 8_000 and bare[0].added > 7_000
    assert not [r for r in caplog.records if MISLED in r.getMessage()]  # the head's guess held


def _mdy_chat(path: Path) -> Path:
    """12 days of a US phone's 24-hour export whose dates all read either way (01/05 is 5 January or
    1 May), then a week that only reads month first (01/13): the file's head cannot tell."""
    start = datetime(2024, 1, 1, 0, 0)
    lines = []
    for n in range(5_400):
        when = start + timedelta(minutes=5 * n)
        sender = "Shop" if n % 2 else "Minji"
        lines.append(f"{when:%m/%d/%y, %H:%M} - {sender}: 주문 {n} 확인 부탁드려요\n")
    return write_txt(path, "".join(lines))


def test_a_date_order_only_the_end_of_the_file_tells_is_imported_right(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    export = _mdy_chat(tmp_path / "WhatsApp Chat with Minji.txt")
    assert scan_export(export).date_order is DateOrder.MDY
    caplog.set_level(logging.INFO, logger="app.chat_export.importer")
    bare, previewed = both_ways(tmp_path, export)
    assert [r for r in caplog.records if MISLED in r.getMessage()]  # the head said day first
    same_import(bare, previewed)
    rows = stored(bare[1])
    assert len(rows) == 5_400  # nothing of the undone first attempt is left
    # "01/02/24, 00:00" is 2 January in Seoul, not 1 February.
    assert datetime(2024, 1, 1, 15, 0, tzinfo=UTC) in [r[0] for r in rows]
    assert rows[-1][0] < datetime(2024, 1, 20, tzinfo=UTC)


def test_a_chat_that_becomes_a_group_late_in_the_file_is_imported_as_a_group(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    start = datetime(2024, 3, 1, 9, 0)
    lines = []
    for n in range(4_000):
        when = start + timedelta(minutes=n)
        lines.append(f"{when:%d/%m/%Y, %H:%M} - {'Shop' if n % 2 else 'Minji'}: 주문 {n} 확인\n")
    when = start + timedelta(minutes=4_000)
    lines.append(f"{when:%d/%m/%Y, %H:%M} - Minji added Jisoo\n")
    lines.append(f"{when:%d/%m/%Y, %H:%M} - Jisoo: 저도 주문할게요\n")
    export = write_txt(tmp_path / "WhatsApp Chat with Linen club.txt", "".join(lines))
    caplog.set_level(logging.INFO, logger="app.chat_export.importer")
    bare, previewed = both_ways(tmp_path, export)
    assert [r for r in caplog.records if MISLED in r.getMessage()]
    same_import(bare, previewed)
    with bare[1].read() as s:
        archive = s.scalars(select(Conversation)).one()
        assert archive.name == "Linen club"
        assert {p["name"] for p in archive.participants} == {"Shop", "Minji", "Jisoo"}
        assert s.scalar(select(func.count()).select_from(Contact)) == 1  # no 1:1 chat left from the guess


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_parse_gathers_what_the_scan_says_of_the_whole_file(tmp_path: Path, layout: str) -> None:
    chosen = LAYOUTS[layout]
    text = render(
        chosen, shop_chat(chosen, "Kim", "Shop", datetime(2024, 1, 5, 15, 41, 22), photo="IMG-1.jpg")
    )
    export = write_txt(
        tmp_path / "WhatsApp Chat with Kim.txt", text + _mdy_chat(tmp_path / "more.txt").read_text()
    )
    preview = scan_export(export)
    facts = ExportFacts()
    senders = {m.sender for m in parse_messages(preview.source, preview.date_order, None, facts)}
    assert facts.date_order() is preview.date_order
    assert {s for s in senders | facts.names if s is not None} == {name for name, _ in preview.participants}
    assert facts.group_notice == (preview.group_notices > 0)


def test_times_around_daylight_saving_changes_land_where_the_zone_puts_them(tmp_path: Path) -> None:
    # New York, 2024: 02:00-03:00 on 10 March does not exist, 01:00-02:00 on 3 November happens twice.
    local = [datetime(2024, 3, 10, 1, 59), datetime(2024, 3, 10, 2, 30), datetime(2024, 3, 10, 3, 0)]
    local += [datetime(2024, 11, 3, 0, 59), datetime(2024, 11, 3, 1, 30), datetime(2024, 11, 3, 2, 0)]
    text = "".join(
        f"{t:%d/%m/%Y, %H:%M} - {'Shop' if i % 2 else 'Minji'}: 주문 {i}\n" for i, t in enumerate(local)
    )
    export = write_txt(tmp_path / "WhatsApp Chat with Minji.txt", text)
    db = Database.open(tmp_path / "inbox.db")
    import_chat(db, tmp_path / "media", ImportRequest(export, "Shop", "America/New_York"))
    zone = ZoneInfo("America/New_York")
    # The earlier of two readings (fold 0), as `datetime` reads a local time; the gap's time by the offset before it.
    assert [r[0] for r in stored(db)] == sorted(t.replace(tzinfo=zone).astimezone(UTC) for t in local)
