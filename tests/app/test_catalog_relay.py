"""Catalogue items sent through the real relay reach (the fake) Graph as the right Cloud API bodies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.catalog import ItemDraft, create_item, load_demo_catalog
from app.catalog_messages import ListTexts, item_for_reply, plan_catalog_send
from app.db import Database
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound, run_relay

CUSTOMER = "821012345678"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


@pytest.fixture
def relay(tmp_path: Path, graph: FakeGraph) -> Iterator[RunningRelay]:
    with run_relay(tmp_path, graph_url=graph.url) as running:
        # The customer wrote first, so free-form messages are inside the 24-hour window.
        running.post_webhook(inbound("text", "셔츠 사진 보여주세요", sender=CUSTOMER))
        yield running


@pytest.fixture
def catalog(db: Database, tmp_path: Path) -> Path:
    folder = tmp_path / "catalog"
    with db.write() as s:
        load_demo_catalog(s, DEMO, folder)
    return folder


def ids_of(db: Database, *codes: str) -> list[int]:
    from app.catalog import find_item_by_code

    with db.read() as s:
        return [find_item_by_code(s, c).id for c in codes]  # type: ignore[union-attr]


def test_an_item_goes_as_its_uploaded_picture_with_caption(
    relay: RunningRelay, graph: FakeGraph, db: Database, catalog: Path
) -> None:
    with db.read() as s:
        send = plan_catalog_send(s, ids_of(db, "LN-SH-IV"), to=CUSTOMER, catalog_dir=catalog, locale="ko_KR")
    assert send.kind == "image" and send.upload is not None
    uploaded = relay.client.post(
        f"{relay.url}/v1/media",
        content=send.upload.read_bytes(),
        headers={**relay.auth(), "Content-Type": send.upload_mime or "", "X-Filename": send.upload.name},
    )
    assert uploaded.status_code == 200, uploaded.text
    media_id = uploaded.json()["id"]
    assert graph.media[media_id][0] == send.upload.read_bytes()

    answer = relay.send(send.with_media_id(media_id), "catalog-send-1")
    assert answer.status_code == 200, answer.text
    sent = graph.sent[-1]
    assert sent["to"] == CUSTOMER and sent["type"] == "image"
    assert sent["image"] == {
        "id": media_id,
        "caption": "린넨 셔츠 아이보리\n39,000원\n\n린넨 100%. 여유 있는 핏, S·M·L. 찬물 손세탁 권장.",
    }
    outbound = [e for e in relay.events()["events"] if e["kind"] == "outbound"]
    assert outbound[-1]["client_id"] == "catalog-send-1"
    assert outbound[-1]["body"]["image"]["caption"].startswith("린넨 셔츠 아이보리")


def test_ten_items_go_as_a_list_the_relay_accepts(
    relay: RunningRelay, graph: FakeGraph, db: Database, tmp_path: Path
) -> None:
    with db.write() as s:
        ids = [
            create_item(
                s,
                ItemDraft(
                    name=f"아주 긴 이름의 여름 린넨 원피스 스타일 {n}",
                    price_minor=59000,
                    currency="KRW",
                    retailer_id=f"DR-{n}",
                    description="허리 스트링 " * 20,
                ),
            )
            for n in range(10)
        ]
    with db.read() as s:
        send = plan_catalog_send(
            s,
            ids,
            to=CUSTOMER,
            catalog_dir=tmp_path,
            locale="ko_KR",
            texts=ListTexts(body="어떤 상품을 원하세요?", button="상품 보기"),
        )
    answer = relay.send(send.body, "catalog-list-1")
    assert answer.status_code == 200, answer.text
    interactive = graph.sent[-1]["interactive"]
    assert interactive["type"] == "list" and interactive["body"]["text"] == "어떤 상품을 원하세요?"
    rows = interactive["action"]["sections"][0]["rows"]
    assert len(rows) == 10 and all(len(r["title"]) <= 24 and len(r["description"]) <= 72 for r in rows)

    # The customer taps the fourth row; the relay hands it over and it names the item.
    choice = rows[3]
    relay.post_webhook(inbound("interactive", {"type": "list_reply", "list_reply": choice}, sender=CUSTOMER))
    message = [e for e in relay.events()["events"] if e["kind"] == "message"][-1]["message"]
    with db.read() as s:
        item = item_for_reply(s, message)
    assert item is not None and item.id == ids[3]


def test_a_product_message_reaches_graph_when_a_meta_catalogue_is_set(
    relay: RunningRelay, graph: FakeGraph, db: Database, catalog: Path
) -> None:
    from app.settings import put_setting

    with db.write() as s:
        put_setting(s, "meta_catalog_id", "987654321")
    with db.read() as s:
        send = plan_catalog_send(
            s, ids_of(db, "BG-TT-NT", "BG-CR-BK"), to=CUSTOMER, catalog_dir=catalog, locale="ko_KR"
        )
    assert relay.send(send.body, "catalog-products-1").status_code == 200
    action = graph.sent[-1]["interactive"]["action"]
    assert action["catalog_id"] == "987654321"
    assert [p["product_retailer_id"] for p in action["sections"][0]["product_items"]] == [
        "BG-TT-NT",
        "BG-CR-BK",
    ]
