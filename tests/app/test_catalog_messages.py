"""Sending catalogue items: the Cloud API bodies a customer receives, within WhatsApp's limits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.catalog import ItemDraft, create_item, get_item
from app.catalog_images import store_image_bytes
from app.catalog_messages import (
    HiddenItem,
    ListTexts,
    caption_for,
    describe_reply,
    item_for_reply,
    items_for_order,
    list_body,
    plan_catalog_send,
)
from app.db import Database
from app.errors import ErrorCode, InvalidInput
from app.settings import put_setting

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
TO = "821055501234"


def add(db: Database, name: str, price: int, code: str, **fields: Any) -> int:
    with db.write() as s:
        return create_item(
            s, ItemDraft(name=name, price_minor=price, currency="KRW", retailer_id=code, **fields)
        )


def test_one_item_goes_as_its_picture_with_name_price_description_and_link(
    db: Database, tmp_path: Path
) -> None:
    image = store_image_bytes(tmp_path, PNG)
    item_id = add(
        db,
        "린넨 셔츠",
        39000,
        "LS-1",
        description="린넨 100%",
        url="https://shop.example/ls-1",
        images=(image,),
    )
    with db.read() as s:
        send = plan_catalog_send(s, [item_id], to=TO, catalog_dir=tmp_path, locale="ko_KR")
    assert send.kind == "image"
    assert send.upload == tmp_path / image and send.upload_mime == "image/png"
    body = send.with_media_id("relay-media-7")
    assert body == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": TO,
        "type": "image",
        "image": {
            "id": "relay-media-7",
            "caption": "린넨 셔츠\n39,000원\n\n린넨 100%\n\nhttps://shop.example/ls-1",
        },
    }


def test_an_item_without_a_picture_goes_as_text(db: Database, tmp_path: Path) -> None:
    item_id = add(db, "Gift card", 50000, "GIFT")
    with db.read() as s:
        send = plan_catalog_send(s, [item_id], to=TO, catalog_dir=tmp_path, locale="en_US")
    assert send.kind == "text" and send.upload is None
    assert send.body["text"] == {"body": "Gift card\n₩50,000", "preview_url": False}


def test_an_item_from_a_meta_feed_is_sent_by_its_image_link(db: Database, tmp_path: Path) -> None:
    item_id = add(db, "Mug", 12000, "MUG", images=("https://cdn.example/mug.jpg",))
    with db.read() as s:
        send = plan_catalog_send(s, [item_id], to=TO, catalog_dir=tmp_path, locale="en_US")
    assert send.kind == "image" and send.upload is None
    assert send.body["image"]["link"] == "https://cdn.example/mug.jpg"


def test_long_descriptions_are_cut_so_the_caption_fits(db: Database) -> None:
    item_id = add(db, "Scarf", 29000, "SC", description="따뜻한 " * 400, url="https://shop.example/sc")
    with db.read() as s:
        caption = caption_for(get_item(s, item_id), "ko_KR")
    assert len(caption) <= 1024
    assert caption.startswith("Scarf\n29,000원\n\n따뜻한")
    assert caption.endswith("…\n\nhttps://shop.example/sc")


def test_a_thai_or_emoji_description_is_cut_between_whole_characters(db: Database) -> None:
    """A Thai description cut at a set count of code points sent the customer a vowel sign whose
    tone mark was cut off ("น้" of "น้ำ"); a row of flags ended in half a flag, which shows as a
    letter in a box."""
    thai = add(db, "ผ้าพันคอ", 29000, "TH", description="น้ำ" * 400)
    flags = add(db, "Flag pin", 9000, "FL", description="🇰🇷" * 600)
    with db.read() as s:
        captions = [caption_for(get_item(s, item), "ko_KR") for item in (thai, flags)]
        row = get_item(s, flags)
    thai_cut = captions[0].split("\n\n")[1]
    flag_cut = captions[1].split("\n\n")[1]
    assert thai_cut.endswith("…") and len(thai_cut.removesuffix("…")) % 3 == 0  # whole "น้ำ"s only
    assert flag_cut.endswith("…") and len(flag_cut.removesuffix("…")) % 2 == 0  # whole flags only
    long = list_body(TO, [row], "en_US", ListTexts(body="🇰🇷" * 1000))
    assert len(long["interactive"]["body"]["text"].removesuffix("…")) % 2 == 0


def test_hidden_items_cannot_be_sent(db: Database, tmp_path: Path) -> None:
    shown = add(db, "Tote", 25000, "T1")
    hidden = add(db, "Old tote", 15000, "T0", hidden=True)
    with pytest.raises(HiddenItem, match="Old tote"), db.read() as s:
        plan_catalog_send(s, [shown, hidden], to=TO, catalog_dir=tmp_path, locale="ko_KR")


def test_sold_out_items_are_not_offered(db: Database, tmp_path: Path) -> None:
    from app.catalog_messages import SoldOutItem
    from app.stock import set_stock

    linen = add(db, "Linen shirt", 59000, "LS")
    scarf = add(db, "Scarf", 29000, "SC")
    with db.write() as s:
        set_stock(s, linen, 0)
        set_stock(s, scarf, 3)
    with pytest.raises(SoldOutItem, match="Linen shirt"), db.read() as s:
        plan_catalog_send(s, [linen], to=TO, catalog_dir=tmp_path, locale="ko_KR")
    with db.read() as s:
        plan = plan_catalog_send(s, [linen, scarf], to=TO, catalog_dir=tmp_path, locale="ko_KR")
    assert plan.item_ids == (scarf,) and "Linen shirt" not in str(plan.body)
    with db.write() as s:
        set_stock(s, linen, 2)  # restocked: offered again
    with db.read() as s:
        again = plan_catalog_send(s, [linen, scarf], to=TO, catalog_dir=tmp_path, locale="ko_KR")
    assert set(again.item_ids) == {linen, scarf}


def test_several_items_become_a_list_within_whatsapp_limits(db: Database, tmp_path: Path) -> None:
    ids = [
        add(
            db,
            f"아주 긴 이름의 여름용 린넨 원피스 스타일 {n}",
            59000 + n,
            f"DR-{n}",
            description="설명 " * 50,
        )
        for n in range(10)
    ]
    texts = ListTexts(body="어떤 상품을 원하세요?", button="상품 목록 보기 버튼 텍스트가 너무 깁니다")
    with db.read() as s:
        send = plan_catalog_send(s, ids, to=TO, catalog_dir=tmp_path, locale="ko_KR", texts=texts)
    assert send.kind == "list"
    interactive = send.body["interactive"]
    assert interactive["type"] == "list"
    assert interactive["body"]["text"] == "어떤 상품을 원하세요?"
    assert len(interactive["action"]["button"]) <= 20 and interactive["action"]["button"].endswith("…")
    rows = interactive["action"]["sections"][0]["rows"]
    assert len(rows) == 10
    assert rows[0]["id"] == "item:DR-0"
    for row in rows:
        assert len(row["title"]) <= 24 and row["title"].endswith("…")
        assert len(row["description"]) <= 72 and row["description"].startswith("59,0")
    assert len({row["id"] for row in rows}) == 10


def test_eleven_items_are_too_many_for_a_list(db: Database, tmp_path: Path) -> None:
    ids = [add(db, f"Item {n}", 1000, f"I-{n}") for n in range(11)]
    with pytest.raises(InvalidInput) as refused, db.read() as s:
        plan_catalog_send(s, ids, to=TO, catalog_dir=tmp_path, locale="en_US")
    assert (refused.value.code, refused.value.param_values()) == (ErrorCode.TOO_MANY_ITEMS, {"limit": 10})


def test_the_default_list_question_and_a_long_body_is_cut(db: Database) -> None:
    item = add(db, "Cap", 19000, "CAP")
    with db.read() as s:
        row = get_item(s, item)
    assert list_body(TO, [row], "en_US")["interactive"]["body"]["text"] == "Which one would you like?"
    long = list_body(TO, [row], "en_US", ListTexts(body="x" * 2000))
    assert len(long["interactive"]["body"]["text"]) == 1024


def test_with_a_meta_catalogue_items_go_as_product_messages(db: Database, tmp_path: Path) -> None:
    a = add(db, "Tote", 25000, "T1")
    b = add(db, "Clutch", 35000, "C1")
    with db.write() as s:
        put_setting(s, "meta_catalog_id", "1234567890")
    with db.read() as s:
        one = plan_catalog_send(s, [a], to=TO, catalog_dir=tmp_path, locale="ko_KR")
        many = plan_catalog_send(
            s, [a, b], to=TO, catalog_dir=tmp_path, locale="ko_KR", texts=ListTexts(section="가방")
        )
        plain = plan_catalog_send(s, [a], to=TO, catalog_dir=tmp_path, locale="ko_KR", use_meta_catalog=False)
    assert one.body["interactive"] == {
        "type": "product",
        "action": {"catalog_id": "1234567890", "product_retailer_id": "T1"},
    }
    action = many.body["interactive"]["action"]
    assert many.body["interactive"]["type"] == "product_list"
    assert action["sections"] == [
        {"title": "가방", "product_items": [{"product_retailer_id": "T1"}, {"product_retailer_id": "C1"}]}
    ]
    assert plain.kind == "text"


def test_the_customers_list_reply_shows_as_the_item_it_names(db: Database) -> None:
    add(db, "린넨 셔츠", 39000, "LS-1")
    inbound = {
        "from": TO,
        "id": "wamid.X",
        "type": "interactive",
        "interactive": {"type": "list_reply", "list_reply": {"id": "item:LS-1", "title": "린넨 셔츠"}},
    }
    with db.read() as s:
        item = item_for_reply(s, inbound)
        assert item is not None and item.retailer_id == "LS-1"
        assert describe_reply(s, inbound, "ko_KR") == "린넨 셔츠 · 39,000원 (LS-1)"
        assert item_for_reply(s, {"interactive": {"list_reply": {"id": "other:1", "title": "x"}}}) is None
        assert item_for_reply(s, {"interactive": {"list_reply": {"id": "item:GONE", "title": "x"}}}) is None


def test_a_cart_from_a_product_message_names_its_items(db: Database) -> None:
    add(db, "Tote", 25000, "T1")
    order = {
        "type": "order",
        "order": {"catalog_id": "1", "product_items": [{"product_retailer_id": "T1", "quantity": "2"}]},
    }
    with db.read() as s:
        lines = items_for_order(s, order)
    assert [(item.name if item else None, qty) for item, qty in lines] == [("Tote", 2)]
