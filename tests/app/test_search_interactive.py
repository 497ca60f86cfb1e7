"""Searching the menu bot's menus and answers and the catalogue's lists by every word they showed."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.db import SCHEMA_VERSION, Database, stored_schema_version, upgrade
from app.models import Message
from app.rules import BotState, CustomerMessage, bot_decision
from app.search import search_messages
from app.shop_menu import english_shop_menu, korean_shop_menu
from app.sync_apply import apply_events
from app.text import bigram_text
from app.wire import Automations, BusinessHours, read_event
from tests.support.wire_events import message_event, outbound_event

OPEN = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # a Monday 11:00 in Seoul
WA = "821012345678"


def bot_reply(bot: Any, text: str = "", choice: str | None = None) -> dict[str, Any]:
    """What the relay's bot sends for the customer's `text` or tap (the very function it runs)."""
    doc = Automations(
        bot=bot.model_copy(update={"enabled": True}), business_hours=BusinessHours(timezone="Asia/Seoul")
    )
    decision = bot_decision(doc, BotState(), CustomerMessage(text, choice), OPEN, wa_id=WA)
    assert decision.reply is not None
    return decision.reply


def sent_by_bot(reply: dict[str, Any], timestamp: int) -> dict[str, Any]:
    """The relay's `outbound` event for a bot send, as it serves it to the desktop."""
    event = outbound_event("", sent_by="bot", wamid=f"wamid.BOT{timestamp}", timestamp=timestamp)
    event["body"] = {"messaging_product": "whatsapp", "to": WA, **reply, "timestamp": str(timestamp)}
    return event


def apply(db: Database, *events: dict[str, Any]) -> None:
    with db.write() as s:
        apply_events(s, [read_event(e) for e in events])


def found(db: Database, query: str, **kw: Any) -> list[str]:
    with db.read() as s:
        return [h.snippet for h in search_messages(s, query, **kw)]


def test_searching_baesong_finds_the_bots_menu_by_its_rows_and_says_the_row(db) -> None:
    apply(
        db,
        message_event("text", "메뉴", wa_id=WA, timestamp=1_795_000_000),
        sent_by_bot(bot_reply(korean_shop_menu(), "메뉴"), 1_795_000_001),
    )
    hits = found(db, "배송")  # two letters: the bigram index
    assert len(hits) == 1
    snippet = hits[0]
    assert "▸ 주문·배송 조회" in snippet and "\n" not in snippet  # one line, the row as the bubble shows it
    assert found(db, "배송 조회") == hits  # a phrase across the row: the trigram index
    assert "▸ 입금 계좌 안내" in found(db, "입금 계좌")[0]
    assert "무통장 입금 계좌" in found(db, "무통장")[0]  # a row's description, as the customer saw it
    assert found(db, "상담원") and found(db, "상담원연결")  # Korean spacing aside, as for any message


def test_the_bots_answer_is_found_by_its_button_and_its_text(db) -> None:
    answer = bot_reply(korean_shop_menu(), "영업시간이 어떻게 되나요?")
    apply(db, sent_by_bot(answer, 1_795_000_010))
    # The button under the answer, the answer's end before it: on one line, as the bubble reads.
    assert found(db, "처음으로") == ["… 월~금 오전 9:00~오후 6:00 토~일 휴무 ▸ 처음으로"]
    assert found(db, "영업시간을") == [
        "영업시간을 안내해 드릴게요. 월~금 오전 9:00~오후 6:00 토~일 휴무 ▸ 처음으로"
    ]


def test_an_english_menu_is_found_by_its_rows_in_any_case(db) -> None:
    apply(db, sent_by_bot(bot_reply(english_shop_menu(), "menu"), 1_795_000_020))
    rows = [r["title"] for s in bot_reply(english_shop_menu(), "menu")["interactive"]["action"]["sections"]
            for r in s["rows"]]  # fmt: skip
    for title in rows:
        (hit,) = found(db, title.upper())
        assert f"▸ {title}" in hit


def test_one_chats_search_and_a_one_letter_search_read_the_rows_too(db) -> None:
    apply(db, sent_by_bot(bot_reply(korean_shop_menu(), "메뉴"), 1_795_000_030))
    with db.read() as s:
        message = s.query(Message).one()
        chat = message.contact_id
    assert len(found(db, "배송", contact_id=chat)) == 1  # a small chat is read, not searched in the index
    assert len(found(db, "▸")) == 1  # one character: the newest messages are read


def test_a_tap_on_the_menu_stays_found_once_with_the_customers_own_words(db) -> None:
    apply(db, sent_by_bot(bot_reply(korean_shop_menu(), "메뉴"), 1_795_000_040))
    tap = {"type": "list_reply", "list_reply": {"id": "menu:order", "title": "주문·배송 조회"}}
    apply(db, message_event("interactive", tap, wa_id=WA, timestamp=1_795_000_041))
    hits = found(db, "배송")
    assert len(hits) == 2
    assert hits[0] == "주문·배송 조회"  # hers: the row she tapped, nothing added


def test_a_catalogue_list_is_found_by_its_header_rows_prices_and_footer(db) -> None:
    interactive = {
        "type": "list",
        "header": {"type": "text", "text": "겨울 신상품"},
        "body": {"text": "골라 보세요"},
        "footer": {"text": "무료 배송"},
        "action": {
            "button": "보기",
            "sections": [
                {"rows": [{"id": "item:M1", "title": "울 머플러 그레이", "description": "₩39,000"}]}
            ],
        },
    }
    apply(db, sent_by_bot({"type": "interactive", "interactive": interactive}, 1_795_000_050))
    (hit,) = found(db, "머플러")
    assert hit == "겨울 신상품 골라 보세요 ☰ 보기 ▸ 울 머플러 그레이 · ₩39,000 무료 배송"
    assert found(db, "신상품") == [hit] and found(db, "39000") == ["…" + hit[4:]]
    assert found(db, "무료 배송") == ["…세요 ☰ 보기 ▸ 울 머플러 그레이 · ₩39,000 무료 배송"]


def test_a_deleted_menu_leaves_nothing_behind_in_the_index(db) -> None:
    apply(db, sent_by_bot(bot_reply(korean_shop_menu(), "메뉴"), 1_795_000_060))
    with db.write() as s:
        s.delete(s.query(Message).one())
    assert found(db, "배송") == [] and found(db, "배송 조회") == []
    with db.read() as s:  # the triggers took out exactly what they put in
        raw = s.connection().exec_driver_sql
        assert raw("SELECT count(*) FROM message_fts WHERE message_fts MATCH '\"배송 조회\"'").scalar() == 0
        assert raw("SELECT count(*) FROM message_bigram WHERE message_bigram MATCH '\"배송\"'").scalar() == 0


def test_an_inbox_from_before_finds_the_menus_it_already_has(db_path: Path) -> None:
    upgrade(db_path, "0026")
    reply = bot_reply(korean_shop_menu(), "메뉴")
    body = reply["interactive"]["body"]["text"]
    raw = sqlite3.connect(db_path)
    raw.execute("INSERT INTO contact (id, wa_id, profile_name, created_at) VALUES (1, ?, '김민수', 0)", (WA,))
    raw.execute(
        "INSERT INTO message (contact_id, direction, kind, body, grams, payload, status, sent_by, sent_at) "
        "VALUES (1, 'out', 'interactive', ?, '', ?, 'sent', 'bot', 1000)",
        (body, json.dumps({"to": WA, **reply}, ensure_ascii=False)),
    )
    raw.execute(
        "INSERT INTO message (contact_id, direction, kind, body, grams, status, sent_at) "
        "VALUES (1, 'in', 'text', '배송 언제 되나요?', '배송 언제 되나 나요', 'received', 2000)"
    )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    try:
        assert stored_schema_version(db_path) == SCHEMA_VERSION
        hits = found(db, "배송")
        assert hits[0] == "배송 언제 되나요?" and "▸ 주문·배송 조회" in hits[1] and len(hits) == 2
        assert len(found(db, "배송 조회")) == 1
        assert "무통장" in found(db, "무통장")[0]
        # Written after the upgrade, a menu is found the same way.
        apply(db, sent_by_bot(bot_reply(korean_shop_menu(), "메뉴"), 1_795_000_070))
        assert len(found(db, "배송 조회")) == 2
    finally:
        db.close()


def test_going_back_a_version_and_up_again_keeps_the_index_true(db_path: Path) -> None:
    """The downgrade indexes bodies alone again (what the older app searches); the upgrade after it
    finds the rows once more, and no index entry is left that a delete could not take out."""
    from alembic import command
    from alembic.config import Config

    from app.db import MIGRATIONS_DIR

    db = Database.open(db_path)
    apply(db, sent_by_bot(bot_reply(korean_shop_menu(), "메뉴"), 1_795_000_080))
    db.close()
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    command.downgrade(cfg, "0026")
    assert stored_schema_version(db_path) == 26
    raw = sqlite3.connect(db_path)
    assert raw.execute(
        "SELECT count(*) FROM message_fts WHERE message_fts MATCH '\"배송 조회\"'"
    ).fetchone() == (0,)
    assert raw.execute(
        "SELECT count(*) FROM message_fts WHERE message_fts MATCH '\"도와드릴\"'"
    ).fetchone() == (1,)
    raw.close()
    db = Database.open(db_path)
    try:
        assert len(found(db, "배송 조회")) == 1
        with db.write() as s:
            s.query(Message).delete()
        assert found(db, "배송") == [] and found(db, "도와드릴") == []
    finally:
        db.close()


def test_a_list_the_owner_sent_from_the_catalogue_is_found_by_a_rows_price(db, tmp_path: Path) -> None:
    from app.catalog import ItemDraft, create_item
    from app.catalog_send import queue_catalog_send
    from tests.support.factories import make_contact

    with db.write() as s:
        chat = make_contact(s, wa_id=WA, profile_name="김민수").id
        items = [
            create_item(s, ItemDraft(name=name, price_minor=price, currency="KRW", retailer_id=code))
            for name, price, code in (("울 머플러 그레이", 39000, "WM-GR"), ("린넨 셔츠", 45000, "LS"))
        ]
    with db.write() as s:
        queue_catalog_send(s, chat, items, catalog_dir=tmp_path, media_dir=tmp_path, locale="ko_KR")
    (hit,) = found(db, "45,000")
    assert hit.endswith("▸ 린넨 셔츠 · 45,000원")  # the row as the customer read it, price and all


SECTIONED_LIST = {
    "type": "list",
    "body": {"text": "무엇을 도와드릴까요?"},
    "action": {
        "button": "메뉴 보기",
        "sections": [
            {"title": "주문", "rows": [{"id": "menu:order", "title": "주문 조회"}]},
            {"title": "매장 안내", "rows": [{"id": "menu:hours", "title": "영업시간"}]},
        ],
    },
}


def test_a_list_is_found_by_the_button_that_opens_it_and_its_section_titles(db) -> None:
    """Her phone showed "☰ 메뉴 보기" under the menu, and the sheet it opened its sections' titles."""
    apply(db, sent_by_bot({"type": "interactive", "interactive": SECTIONED_LIST}, 1_795_000_090))
    whole = "무엇을 도와드릴까요? ☰ 메뉴 보기 주문 ▸ 주문 조회 매장 안내 ▸ 영업시간"
    assert found(db, "메뉴 보기") == [whole]
    # A hit near the end: the snippet starts a little in, as for any long message.
    (hit,) = found(db, "매장")
    assert hit.endswith("☰ 메뉴 보기 주문 ▸ 주문 조회 매장 안내 ▸ 영업시간")
    assert found(db, "매장 안내") == [hit]


def test_an_inbox_at_schema_27_finds_its_lists_by_their_opener_and_sections(db_path: Path) -> None:
    """0028 rewrites the list messages an inbox already has; other messages stay as they were."""
    upgrade(db_path, "0027")
    raw = sqlite3.connect(db_path)
    raw.execute("INSERT INTO contact (id, wa_id, profile_name, created_at) VALUES (1, ?, '김민수', 0)", (WA,))
    # A list as 0027 wrote it: its rows, not its opener nor section titles.
    rows_only = "▸ 주문 조회\n▸ 영업시간"
    body = SECTIONED_LIST["body"]["text"]  # type: ignore[index]
    raw.execute(
        "INSERT INTO message (contact_id, direction, kind, body, extra_text, grams, payload, status, sent_by, "
        "sent_at) VALUES (1, 'out', 'interactive', ?, ?, ?, ?, 'sent', 'bot', 1000)",
        (
            body,
            rows_only,
            bigram_text(f"{body}\n{rows_only}"),
            json.dumps({"to": WA, "type": "interactive", "interactive": SECTIONED_LIST}, ensure_ascii=False),
        ),
    )
    raw.execute(
        "INSERT INTO message (contact_id, direction, kind, body, grams, payload, status, sent_at) "
        "VALUES (1, 'in', 'text', '메뉴 보기가 안 돼요', ?, 'not json', 'received', 2000)",
        (bigram_text("메뉴 보기가 안 돼요"),),
    )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    try:
        assert stored_schema_version(db_path) == SCHEMA_VERSION
        assert len(found(db, "메뉴 보기")) == 2
        (hit,) = found(db, "매장 안내")
        assert hit.endswith("☰ 메뉴 보기 주문 ▸ 주문 조회 매장 안내 ▸ 영업시간")
        with db.write() as s:  # the triggers took out exactly what they put in
            s.query(Message).delete()
        assert found(db, "메뉴") == [] and found(db, "매장 안내") == []
    finally:
        db.close()


RESTOCK = {
    "name": "restock_notice",
    "language": "ko",
    "category": "MARKETING",
    "components": [
        {"type": "BODY", "text": "{{1}}님, 기다리시던 상품이 다시 들어왔어요."},
        {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "수신 거부"}]},
    ],
}


def test_a_template_the_owner_sent_is_found_by_its_button_and_shows_it(db) -> None:
    from app.queries import messages_page
    from app.sending import TEMPLATES_SETTING, Outgoing, stage_outgoing
    from app.settings import put_setting
    from app.wire import Template
    from tests.support.factories import make_contact

    with db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [RESTOCK])
        chat = make_contact(s, wa_id=WA, profile_name="김민수").id
        stage_outgoing(
            s, Outgoing(chat, template=Template.model_validate(RESTOCK), template_params=("민수",))
        )
    (hit,) = found(db, "수신 거부")
    assert hit == "민수님, 기다리시던 상품이 다시 들어왔어요. ▸ 수신 거부"
    assert found(db, "거부") == [hit]  # two letters: the bigram index holds it too
    with db.read() as s:
        (shown,) = messages_page(s, chat)
    assert shown.template_buttons == ("수신 거부",)  # what the bubble draws under it


def test_a_template_another_computer_sent_is_found_by_its_button(db) -> None:
    from app.sending import TEMPLATES_SETTING
    from app.settings import put_setting

    with db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [RESTOCK])
    event = outbound_event("", sent_by="owner", wamid="wamid.T1", timestamp=1_795_000_100)
    event["body"] = {
        "messaging_product": "whatsapp",
        "to": WA,
        "type": "template",
        "template": {"name": "restock_notice", "language": {"code": "ko"}, "components": []},
    }
    apply(db, event)
    assert len(found(db, "수신 거부")) == 1


def test_an_inbox_at_schema_27_finds_its_templates_by_their_buttons(db_path: Path) -> None:
    upgrade(db_path, "0027")
    raw = sqlite3.connect(db_path)
    raw.execute("INSERT INTO setting (key, value) VALUES ('templates', ?)", (json.dumps([RESTOCK]),))
    raw.execute("INSERT INTO contact (id, wa_id, profile_name, created_at) VALUES (1, ?, '김민수', 0)", (WA,))
    body = "민수님, 기다리시던 상품이 다시 들어왔어요."
    sent = {"to": WA, "type": "template", "template": {"name": "restock_notice", "language": {"code": "ko"}}}
    raw.execute(
        "INSERT INTO message (contact_id, direction, kind, body, grams, payload, status, sent_by, sent_at) "
        "VALUES (1, 'out', 'template', ?, ?, ?, 'sent', 'owner', 1000)",
        (body, bigram_text(body), json.dumps(sent, ensure_ascii=False)),
    )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    try:
        assert found(db, "수신 거부") == [f"{body} ▸ 수신 거부"]
        with db.write() as s:  # the triggers took out exactly what they put in
            s.query(Message).delete()
        assert found(db, "수신 거부") == [] and found(db, "거부") == []
    finally:
        db.close()
