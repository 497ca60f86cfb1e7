"""Search ranks by when messages were sent, newest first, and pages on with a (sent_at, id) cursor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.chat_export.importer import ImportRequest, import_chat
from app.db import Database
from app.search import DIRECT_MATCHES, SearchHit, search_messages
from app.text import bigram_text
from tests.support.chat_exports import LAYOUTS, Line, render, write_txt
from tests.support.factories import make_contact, make_message

RECENT = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)


def _old_chat(tmp_path: Path, n: int) -> Path:
    layout = LAYOUTS["android-ko"]
    start = datetime(2019, 3, 1, 9, 0)
    lines = [
        Line(start + timedelta(minutes=i), "민지" if i % 2 else "가게", f"주문 문의 {i}") for i in range(n)
    ]
    return write_txt(tmp_path / "WhatsApp Chat with 민지.txt", render(layout, lines))


def search(db: Database, query: str, **kw: object) -> list[SearchHit]:
    with db.read() as s:
        return search_messages(s, query, **kw)  # type: ignore[arg-type]


def test_after_importing_an_older_chat_the_newest_messages_still_come_first(
    db: Database, tmp_path: Path
) -> None:
    with db.write() as s:
        kim = make_contact(s, wa_id="821011112222", profile_name="김하준")
        for day in range(3):
            make_message(s, kim, f"2024 주문 {day}", sent_at=RECENT + timedelta(days=day))
    # Imported after the live messages: higher row ids, but from 2019.
    import_chat(db, tmp_path / "media",
                ImportRequest(path=_old_chat(tmp_path, 40), shop_participant="가게", time_zone="Asia/Seoul"))  # fmt: skip
    hits = search(db, "주문", limit=3)
    assert [h.snippet for h in hits] == ["2024 주문 2", "2024 주문 1", "2024 주문 0"]
    three = search(db, "주문 문의", limit=2)
    assert [h.sent_at.year for h in three] == [2019, 2019]
    assert three[0].sent_at > three[1].sent_at


def test_results_page_on_with_a_keyset_cursor_without_gaps_or_repeats(db: Database) -> None:
    with db.write() as s:
        kim = make_contact(s, wa_id="821033334444", profile_name="박지훈")
        # Several messages in the same millisecond: the id breaks the tie.
        for i in range(25):
            make_message(s, kim, f"배송 {i}", sent_at=RECENT + timedelta(minutes=i // 3))
    seen: list[int] = []
    before = None
    while True:
        page = search(db, "배송", limit=4, before=before)
        if not page:
            break
        seen += [h.message_id for h in page]
        before = (page[-1].sent_at, page[-1].message_id)
    assert len(seen) == len(set(seen)) == 25
    everything = search(db, "배송", limit=100)
    assert [h.message_id for h in everything] == seen


def test_a_common_word_in_thousands_of_messages_is_ranked_by_time_across_an_old_import(db: Database) -> None:
    # More matches than DIRECT_MATCHES: the windowed plan walks the newest messages first.
    n = DIRECT_MATCHES + 1500
    old = datetime(2018, 1, 1, tzinfo=UTC)
    with db.write() as s:
        live = make_contact(s, wa_id="821055556666", profile_name="최서연")
        archive = make_contact(s, wa_id="821077778888", profile_name="옛 손님")
        rows = [(live.id, "in", "text", f"주문 {i}", bigram_text(f"주문 {i}"), "received",
                 int((RECENT + timedelta(minutes=i)).timestamp() * 1000)) for i in range(n)]  # fmt: skip
        # Older history written later (higher ids), like an import, plus one newer straggler.
        rows += [(archive.id, "in", "text", f"주문 옛날 {i}", bigram_text(f"주문 옛날 {i}"), "received",
                  int((old + timedelta(minutes=i)).timestamp() * 1000)) for i in range(n)]  # fmt: skip
        rows.append((archive.id, "in", "text", "주문 최신", bigram_text("주문 최신"), "received",
                     int((RECENT + timedelta(days=30)).timestamp() * 1000)))  # fmt: skip
        s.connection().exec_driver_sql(
            "INSERT INTO message (contact_id, direction, kind, body, grams, status, sent_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    hits = search(db, "주문", limit=5)
    assert [h.snippet for h in hits] == [
        "주문 최신",
        f"주문 {n - 1}",
        f"주문 {n - 2}",
        f"주문 {n - 3}",
        f"주문 {n - 4}",
    ]
    # Deep pages cross from the live messages into the old ones in time order.
    before = (hits[-1].sent_at, hits[-1].message_id)
    with db.read() as s:
        expected = [
            r[0]
            for r in s.execute(
                text(
                    "SELECT id FROM message WHERE body LIKE '%주문%' AND (sent_at, id) < (:t, :i) "
                    "ORDER BY sent_at DESC, id DESC LIMIT 3000"
                ),
                {"t": int(before[0].timestamp() * 1000), "i": before[1]},
            )
        ]
    seen: list[int] = []
    while len(seen) < 3000:
        page = search(db, "주문", limit=500, before=before)
        seen += [h.message_id for h in page]
        before = (page[-1].sent_at, page[-1].message_id)
    assert seen[:3000] == expected


def test_one_character_search_looks_at_the_newest_messages_by_time(db: Database) -> None:
    with db.write() as s:
        kim = make_contact(s, wa_id="821099990000", profile_name="윤도윤")
        make_message(s, kim, "귤 새로 들어왔어요", sent_at=RECENT)
        make_message(s, kim, "귤 있나요", sent_at=datetime(2019, 1, 1, tzinfo=UTC))
    assert [h.snippet for h in search(db, "귤")] == ["귤 새로 들어왔어요", "귤 있나요"]


@pytest.mark.parametrize("query", ["주문\x00", "주\x00문", "\x00주문했", "주문\x1b\n", "주문했\x7f"])
def test_control_characters_in_a_query_are_dropped_not_an_error(db: Database, query: str) -> None:
    with db.write() as s:
        kim = make_contact(s, wa_id="821012120000", profile_name="한예은")
        make_message(s, kim, "어제 주문했어요", sent_at=RECENT)
    assert [h.snippet for h in search(db, query)] == ["어제 주문했어요"]
