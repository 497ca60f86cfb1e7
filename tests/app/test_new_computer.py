"""A new laptop: the old one's backup restored into a fresh data folder, then the same relay's feed
goes on. Nothing of the shop is lost and nothing arrives twice (real backup, restore and relay)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from app.backup import create_backup, restore_backup
from app.db import Database
from app.drafts import read_draft_files, read_drafts, store_drafts
from app.engine import SyncEngine
from app.labels import label_chat_named
from app.media_cache import MediaCache, fetch_media
from app.models import CatalogItem, Contact, Media, Message, Order
from app.orders import LineInput, create_order
from app.paths import paths_for
from app.quick_replies import QuickReplyLibrary
from app.relay_client import RelayClient
from app.sending import queue_text
from app.sync_apply import current_cursor
from tests.support.engine_probe import EngineProbe
from tests.support.factories import make_contact
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound

CUSTOMER = "821055550123"
PHOTO = b"\xff\xd8\xff\xe0" + b"linen shirt photo" * 100


def sync(db: Database, relay: RunningRelay, media_dir: Path, until: Callable[[], bool]) -> None:
    """Connected to the relay with its token until `until()` holds."""
    probe = EngineProbe()
    engine = SyncEngine(
        db,
        relay.url,
        relay.token,
        media_dir,
        on_changed=probe.on_changed,
        on_state=probe.on_state,
        poll_wait=1.5,
    )
    engine.start()
    try:
        probe.wait_until(until)
    finally:
        engine.stop()


def message_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Message)) or 0)


def test_a_new_laptop_restores_the_old_ones_backup_and_the_relay_goes_on_with_nothing_lost_or_twice(
    tmp_path: Path, relay: RunningRelay, graph: FakeGraph
) -> None:
    old = paths_for(tmp_path / "old laptop").ensure()
    db = Database.open(old.database)
    graph.add_media("880001", PHOTO, "image/jpeg")
    relay.post_webhook(inbound(content="린넨 셔츠 있나요?", sender=CUSTOMER, name="단골 손님"))
    relay.post_webhook(inbound("image", {"id": "880001", "mime_type": "image/jpeg"}, sender=CUSTOMER))
    sync(db, relay, old.media_dir, until=lambda: message_count(db) == 2)
    with db.read() as s:
        contact_id = s.scalars(select(Contact.id)).one()
        photo_id = s.scalars(select(Media.id)).one()
    with RelayClient(relay.url, relay.token) as client:
        assert fetch_media(db, client, photo_id, old.media_dir).read_bytes() == PHOTO  # seen in the chat
    # What the owner made on the old laptop: a label, a quick reply with its photo, an order, a
    # draft with a picture pasted into it.
    with db.write() as s:
        label_chat_named(s, contact_id, "입금 확인", "#25D366")
        s.add(CatalogItem(retailer_id="SHIRT-1", name="린넨 셔츠", price_minor=39000, currency="KRW"))
        s.flush()
        create_order(s, contact_id=contact_id, lines=[LineInput("SHIRT-1", 1)], source="chat")
    card = tmp_path / "계좌 안내.png"
    card.write_bytes(b"\x89PNG\r\n\x1a\n" + b"bank card" * 50)
    QuickReplyLibrary(db, old.data_dir).add("/입금", "입금 계좌 보내드려요", media_path=str(card))
    pasted = old.pasted_dir / "a1b2" / "붙여넣은 사진.png"
    pasted.parent.mkdir(parents=True)
    pasted.write_bytes(b"\x89PNG\r\n\x1a\n" + b"screenshot" * 50)
    # …and, from the old laptop's own folders, a receipt, and a photo deleted before the backup.
    receipt = tmp_path / "Downloads" / "영수증.pdf"
    receipt.parent.mkdir()
    receipt.write_bytes(b"%PDF-1.7 receipt" * 40)
    deleted = tmp_path / "Downloads" / "지운 사진.jpg"
    store_drafts(db, {contact_id: "내일 발송해 드릴게요"}, files={contact_id: [pasted, receipt, deleted]})
    with db.write() as s:  # written offline: it waits to be sent when the backup is made
        reply_id = queue_text(s, contact_id, "입금 확인했어요").id
    backup = create_backup(old, tmp_path / "USB" / "샵인박스-백업.zip").path
    assert read_draft_files(db) == {contact_id: [pasted, receipt, deleted]}  # the old one's, as they were
    cursor = current_cursor_of(db)
    # The old laptop stays on a moment and sends the reply the backup holds as waiting.
    sync(db, relay, old.media_dir, until=lambda: status_of(db, reply_id) == "sent")
    db.close()
    screenshot, receipt_bytes = pasted.read_bytes(), receipt.read_bytes()
    # The old laptop is not this one: none of its folders are here.
    shutil.rmtree(old.data_dir)
    shutil.rmtree(receipt.parent)

    # The customer writes while the owner carries the backup over.
    relay.post_webhook(inbound(content="입금했어요", sender=CUSTOMER, name="단골 손님"))

    new = paths_for(tmp_path / "new laptop").ensure()
    Database.open(new.database).close()  # the first start's empty inbox, which the wizard replaces
    restore_backup(backup, new)
    db = Database.open(new.database)
    try:
        assert current_cursor_of(db) == cursor  # the feed goes on where the backup left off
        relay.post_webhook(inbound(content="언제 받을 수 있나요?", sender=CUSTOMER, name="단골 손님"))
        sync(
            db,
            relay,
            new.media_dir,
            until=lambda: message_count(db) == 5 and status_of(db, reply_id) == "sent",
        )
        with db.read() as s:
            bodies = list(s.scalars(select(Message.body).order_by(Message.sent_at, Message.id)))
            wamids = list(s.scalars(select(Message.wamid)))
            contact = s.scalars(select(Contact)).one()
            name, labels = contact.profile_name, [label.name for label in contact.labels]
            orders = list(s.scalars(select(Order.contact_id)))
        # In the order things happened: the old laptop's reply before what she wrote after it, even
        # within its second (WhatsApp stamps hers in whole seconds; the relay's order decides).
        assert bodies.count("린넨 셔츠 있나요?") == 1
        assert bodies[-3:] == ["입금 확인했어요", "입금했어요", "언제 받을 수 있나요?"]
        assert len(bodies) == 5 and len(set(wamids)) == 5  # the photo, and each message once
        # The reply the backup held as waiting went to the customer once, from the old laptop.
        assert bodies.count("입금 확인했어요") == 1 and len(graph.sent) == 1
        assert name == "단골 손님" and "입금 확인" in labels
        assert orders == [contact_id]
        # The photo opens from the backup, not fetched again (the relay's copy may be gone by then).
        with RelayClient(relay.url, relay.token) as client:
            shown = MediaCache(db, client, new.media_dir).path_of(photo_id)
        assert shown is not None and shown.is_relative_to(new.media_dir) and shown.read_bytes() == PHOTO
        reply = QuickReplyLibrary(db, new.data_dir).all()[0]
        assert reply.shortcut == "/입금" and not reply.media_missing
        assert reply.media_file is not None and reply.media_file.read_bytes() == card.read_bytes()
        assert read_drafts(db) == {contact_id: "내일 발송해 드릴게요"}
        # The pasted picture and the receipt wait in the draft still, now in the new laptop's folder;
        # the photo gone before the backup is named as it was (the chat says it did not come along).
        here = new.pasted_dir / "a1b2" / "붙여넣은 사진.png"
        [files] = read_draft_files(db).values()
        assert files[0] == here and here.read_bytes() == screenshot
        assert files[1].is_relative_to(new.pasted_dir) and files[1].name == "영수증.pdf"
        assert files[1].read_bytes() == receipt_bytes
        assert files[2] == deleted and len(files) == 3
    finally:
        db.close()


def status_of(db: Database, message_id: int) -> str:
    with db.read() as s:
        return s.get_one(Message, message_id).status


def current_cursor_of(db: Database) -> int:
    with db.read() as s:
        return current_cursor(s)


def test_a_draft_from_an_old_windows_laptop_finds_its_pasted_picture_in_this_inbox(tmp_path: Path) -> None:
    """The draft names the picture as Windows did; the restore put it in this inbox's folder."""
    here = paths_for(tmp_path / "mac").ensure()
    db = Database.open(here.database)
    try:
        with db.write() as s:
            contact_id = make_contact(s).id
        picture = here.pasted_dir / "c3d4" / "캡처.png"
        picture.parent.mkdir(parents=True)
        picture.write_bytes(b"\x89PNG\r\n\x1a\n")
        windows = r"C:\Users\mina\AppData\Local\ShopInbox\ShopInbox\pasted\c3d4\캡처.png"
        downloads = r"C:\Users\mina\Downloads\영수증.pdf"  # the owner's own file: that computer's only
        store_drafts(
            db, {contact_id: "사진 보내드려요"}, files={contact_id: [Path(windows), Path(downloads)]}
        )
        assert read_draft_files(db) == {contact_id: [picture, Path(downloads)]}
    finally:
        db.close()
