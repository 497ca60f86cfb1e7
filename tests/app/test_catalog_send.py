"""The composer's catalogue send end to end: queued in the outbox, sent once through the real relay."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.catalog import delete_items, find_item_by_code, load_demo_catalog, prune_unused_images
from app.catalog_messages import HiddenItem, ListTexts
from app.catalog_send import queue_catalog_send
from app.db import Database
from app.models import Contact, Media, Message
from app.outbox import OutboxSender
from app.relay_client import RelayClient
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound, run_relay

CUSTOMER = "821012345678"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


@pytest.fixture
def relay(tmp_path: Path, graph: FakeGraph) -> Iterator[RunningRelay]:
    with run_relay(tmp_path, graph_url=graph.url) as running:
        running.post_webhook(inbound("text", "원피스 있나요?", sender=CUSTOMER))
        yield running


@pytest.fixture
def shop(db: Database, tmp_path: Path) -> tuple[int, Path, Path]:
    catalog, media = tmp_path / "catalog", tmp_path / "media"
    with db.write() as s:
        load_demo_catalog(s, DEMO, catalog)
        contact = Contact(wa_id=CUSTOMER, profile_name="김민수")
        s.add(contact)
        s.flush()
        return contact.id, catalog, media


@pytest.fixture
def sender(db: Database, relay: RunningRelay) -> Iterator[OutboxSender]:
    client = RelayClient(relay.url, relay.token)
    yield OutboxSender(db, client, on_changed=lambda _ids: None, stop=threading.Event(), retry_base=0.01)
    client.close()


def code_ids(db: Database, *codes: str) -> list[int]:
    with db.read() as s:
        return [find_item_by_code(s, c).id for c in codes]  # type: ignore[union-attr]


def sent_message(db: Database, message_id: int) -> Message:
    """A detached copy of the message's columns (the read session expires what it loaded)."""
    with db.read() as s:
        message = s.get(Message, message_id)
        assert message is not None
        return Message(status=message.status, wamid=message.wamid, kind=message.kind, body=message.body)


def test_an_item_sent_from_the_composer_reaches_whatsapp_as_picture_and_caption(
    db: Database, shop: tuple[int, Path, Path], sender: OutboxSender, graph: FakeGraph
) -> None:
    contact_id, catalog, media = shop
    with db.write() as s:
        message = queue_catalog_send(
            s, contact_id, code_ids(db, "DR-SU-NV"), catalog_dir=catalog, media_dir=media, locale="ko_KR"
        )
        message_id = message.id
        row = s.scalars(select(Media).where(Media.message_id == message_id)).one()
        assert row.thumb_path is not None and (media / row.thumb_path).exists()
    assert sent_message(db, message_id).status == "pending"
    sender.run_once()
    message = sent_message(db, message_id)
    assert message.status == "sent" and message.wamid
    body = graph.sent[-1]
    assert (body["to"], body["type"]) == (CUSTOMER, "image")
    assert (
        body["image"]["caption"]
        == "썸머 원피스 네이비\n59,000원\n\n허리 스트링 롱 원피스. 안감 있음, 비침 없음."
    )
    picture = (DEMO / "images" / "dr-su-nv.jpg").read_bytes()
    assert graph.media[body["image"]["id"]][0] == picture
    assert message.kind == "image" and message.body == body["image"]["caption"]


def test_several_items_go_once_as_a_list(
    db: Database, shop: tuple[int, Path, Path], sender: OutboxSender, graph: FakeGraph
) -> None:
    contact_id, catalog, media = shop
    ids = code_ids(db, "DR-SU-NV", "DR-SU-IV", "DR-FL-PK")
    with db.write() as s:
        message_id = queue_catalog_send(
            s,
            contact_id,
            ids,
            catalog_dir=catalog,
            media_dir=media,
            locale="ko_KR",
            texts=ListTexts(body="어떤 상품을 원하세요?", button="상품 보기"),
        ).id
    sender.run_once()
    sender.run_once()  # nothing left: the list goes once
    assert sent_message(db, message_id).status == "sent"
    lists = [b for b in graph.sent if b.get("type") == "interactive"]
    assert len(lists) == 1
    rows = lists[0]["interactive"]["action"]["sections"][0]["rows"]
    assert [r["id"] for r in rows] == ["item:DR-SU-NV", "item:DR-SU-IV", "item:DR-FL-PK"]
    assert rows[2] == {
        "id": "item:DR-FL-PK",
        "title": "플라워 랩 원피스",
        "description": "65,000원 · 잔꽃 패턴 랩 원피스. 프리사이즈 (55~66).",
    }


def test_a_hidden_item_is_refused_and_nothing_is_queued(db: Database, shop: tuple[int, Path, Path]) -> None:
    contact_id, catalog, media = shop
    with pytest.raises(HiddenItem), db.write() as s:
        queue_catalog_send(
            s, contact_id, code_ids(db, "OT-PD-BK"), catalog_dir=catalog, media_dir=media, locale="ko_KR"
        )
    with db.read() as s:
        assert s.scalars(select(Message)).all() == []


def test_a_queued_picture_still_goes_after_its_item_is_deleted_and_pruned(
    db: Database, shop: tuple[int, Path, Path], sender: OutboxSender, graph: FakeGraph
) -> None:
    contact_id, catalog, media = shop
    [item_id] = code_ids(db, "BG-MN-RD")
    with db.write() as s:
        message_id = queue_catalog_send(
            s, contact_id, [item_id], catalog_dir=catalog, media_dir=media, locale="ko_KR"
        ).id
    with db.write() as s:
        delete_items(s, [item_id])
    with db.read() as s:
        assert prune_unused_images(s, catalog) == 1
    sender.run_once()
    assert sent_message(db, message_id).status == "sent"
    assert graph.sent[-1]["image"]["caption"].startswith("미니 숄더백 버건디")


def test_a_picture_the_disk_cut_short_leaves_no_half_copy_and_queues_nothing(
    db: Database, shop: tuple[int, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from app.errors import DiskFull, ErrorCode

    contact_id, catalog, media = shop

    def disk_full(source: Path, target: Path) -> None:
        Path(target).write_bytes(Path(source).read_bytes()[:100])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", disk_full)
    with pytest.raises(DiskFull) as refused, db.write() as s:
        queue_catalog_send(
            s, contact_id, code_ids(db, "DR-SU-NV"), catalog_dir=catalog, media_dir=media, locale="ko_KR"
        )
    assert refused.value.code is ErrorCode.DISK_FULL  # said as a full disk, not as an unreadable picture
    assert list((media / "catalog").iterdir()) == []  # nothing half copied, under any name
    with db.read() as s:
        assert s.scalars(select(Message)).all() == []
