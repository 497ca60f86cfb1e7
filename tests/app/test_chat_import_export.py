"""A chat exported from Shop Inbox reads back in, as WhatsApp's own format, with its media."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.chat_export.exporter import export_chat
from app.chat_export.importer import ImportRequest, import_chat
from app.chat_export.parser import scan_export
from app.cloud_messages import message_body
from app.db import Database
from app.media_cache import sanitise_filename
from app.models import Contact, Media, Message
from tests.support.chat_exports import JPEG, LAYOUTS, render, shop_chat, write_zip
from tests.support.factories import make_contact, make_message

PHOTO = "00000012-PHOTO-2024-01-05-15-45-22.jpg"


def _rows(db: Database, contact_id: int) -> list[tuple[str, str, str, datetime, str | None]]:
    with db.read() as s:
        out = []
        for m in s.scalars(
            select(Message).where(Message.contact_id == contact_id).order_by(Message.sent_at, Message.id)
        ):
            media = s.scalars(select(Media).where(Media.message_id == m.id)).first()
            out.append(
                (
                    m.direction,
                    m.kind,
                    m.body,
                    m.sent_at.replace(microsecond=0),
                    media.sha256 if media else None,
                )
            )
        return out


@pytest.mark.parametrize(("language", "month_first"), [("en", False), ("en", True), ("ko", False)])
def test_export_then_import_gives_back_the_same_chat(
    tmp_path: Path, language: str, month_first: bool
) -> None:
    source_db = Database.open(tmp_path / "a.db")
    layout = LAYOUTS["ios-ko"]
    start = datetime(2024, 1, 5, 15, 41, 22)
    text = render(layout, shop_chat(layout, "김민지", "서울 리넨", start, photo=PHOTO), chat_name="김민지")
    original = write_zip(tmp_path / "original.zip", "_chat.txt", text, {PHOTO: JPEG})
    first = import_chat(
        source_db,
        tmp_path / "media-a",
        ImportRequest(original, shop_participant="서울 리넨", time_zone="Asia/Seoul"),
    )
    with source_db.write() as s:
        # A live message from the relay goes out too.
        contact = s.get(Contact, first.contact_id)
        assert contact is not None
        make_message(
            s, contact, "택배 보냈어요", direction="out", sent_at=datetime(2024, 2, 1, 3, 0, 5, tzinfo=UTC)
        )

    exported = export_chat(
        source_db, tmp_path / "media-a", first.contact_id, tmp_path / "export.zip",
        time_zone="Asia/Seoul", shop_name="서울 리넨", language=language,  # type: ignore[arg-type]
        month_first=month_first,
    )  # fmt: skip
    assert exported.messages == 8 and exported.media_files == 1
    with zipfile.ZipFile(exported.path) as zf:
        assert sorted(zf.namelist()) == sorted(["_chat.txt", PHOTO])
        chat = zf.read("_chat.txt").decode()
    if month_first:  # a US owner's export reads as an American iPhone's, not "[05/01/2024, 15:41:22]"
        assert "[1/5/24, 3:41:22 PM] " in chat

    preview = scan_export(exported.path)
    assert dict(preview.participants) == {"김민지": 5, "서울 리넨": 3}
    target_db = Database.open(tmp_path / "b.db")
    again = import_chat(
        target_db,
        tmp_path / "media-b",
        ImportRequest(exported.path, shop_participant="서울 리넨", time_zone="Asia/Seoul"),
    )
    assert again.media_copied == 1 and again.unreadable_count == 0
    assert _rows(target_db, again.contact_id) == _rows(source_db, first.contact_id)
    # Importing the export into the chat it came from adds nothing.
    assert (
        import_chat(
            source_db,
            tmp_path / "media-a",
            ImportRequest(
                exported.path,
                shop_participant="서울 리넨",
                time_zone="Asia/Seoul",
                contact_id=first.contact_id,
            ),
        ).added
        == 0
    )


def test_a_txt_export_names_media_without_carrying_them(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        contact = make_contact(s, profile_name="Ana")
        make_message(s, contact, "see photo", kind="image", sent_at=datetime(2024, 1, 13, 9, 0, tzinfo=UTC))
        make_message(
            s,
            contact,
            "thanks\nsecond line",
            direction="out",
            sent_at=datetime(2024, 1, 13, 9, 1, tzinfo=UTC),
        )
        contact_id = contact.id
    result = export_chat(
        db, tmp_path / "media", contact_id, tmp_path / "chat.txt", time_zone="UTC", shop_name="Shop"
    )
    assert result.media_missing == 1
    assert (tmp_path / "chat.txt").read_text(encoding="utf-8") == (
        "[13/01/2024, 09:00:00] Ana: \u200e<attached: image-1.jpg>\nsee photo\n"
        "[13/01/2024, 09:01:00] Shop: thanks\nsecond line\n"
    ).replace("image-1", f"image-{_first_id(db)}")


def _first_id(db: Database) -> int:
    with db.read() as s:
        return int(s.scalars(select(Message.id).order_by(Message.id)).first() or 0)


def _cart_message(
    s: Session, contact: Contact, items: list[tuple[str, int, int]], note: str, sent_at: datetime
) -> Message:
    part = {
        "catalog_id": "1",
        "text": note,
        "product_items": [
            {"product_retailer_id": code, "quantity": qty, "item_price": price, "currency": "KRW"}
            for code, qty, price in items
        ],
    }
    return make_message(
        s, contact, note, kind="order", payload={"type": "order", "order": part}, sent_at=sent_at
    )


def test_a_cart_is_exported_with_its_items_prices_total_and_order_number(
    db: Database, tmp_path: Path
) -> None:
    """최유진's cart bubble lists what she ordered; the export keeps it as text a person can read, not
    only her note: each item with its quantity and price, the total, and the order it became."""
    from app.catalog import ItemDraft, create_item
    from app.orders import order_from_cart

    with db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 블라우스 화이트", price_minor=42000, currency="KRW", retailer_id="BL-W")
        )
        create_item(
            s, ItemDraft(name="진주 드롭 귀걸이", price_minor=15000, currency="KRW", retailer_id="EAR")
        )
        yujin = make_contact(s, wa_id="821033304567", profile_name="최유진")
        when = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
        cart = _cart_message(s, yujin, [("BL-W", 1, 42000), ("EAR", 2, 15000)], "S 사이즈로 부탁드려요", when)
        number = order_from_cart(s, cart).number
        _cart_message(
            s, yujin, [("EAR", 1, 15000)], "", datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
        )  # stayed a cart
        make_message(
            s, yujin, "린넨 블라우스 화이트, 진주 드롭 귀걸이", direction="out", kind="interactive",
            payload={"type": "interactive", "interactive": {"type": "product_list", "action": {
                "catalog_id": "1", "sections": [{"title": "봄", "product_items": [
                    {"product_retailer_id": "BL-W"}, {"product_retailer_id": "EAR"}]}]}}},
            sent_at=datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
        )  # fmt: skip
        contact_id = yujin.id
    export_chat(
        db, tmp_path / "media", contact_id, tmp_path / "chat.txt",
        time_zone="Asia/Seoul", shop_name="서울 리넨", language="ko",
    )  # fmt: skip
    assert (tmp_path / "chat.txt").read_text(encoding="utf-8") == (
        f"[2026. 3. 2. 오후 3:00:00] 최유진: 주문 {number}\n"
        "린넨 블라우스 화이트 1개   42,000원\n"
        "진주 드롭 귀걸이 2개   30,000원 (개당 15,000원)\n"
        "합계 72,000원\n"
        "S 사이즈로 부탁드려요\n"
        "[2026. 3. 2. 오후 4:00:00] 최유진: 장바구니\n"
        "진주 드롭 귀걸이 1개   15,000원\n"
        "합계 15,000원\n"
        "[2026. 3. 2. 오후 5:00:00] 서울 리넨: 린넨 블라우스 화이트   42,000원\n"
        "진주 드롭 귀걸이   15,000원\n"
    )
    export_chat(
        db, tmp_path / "media", contact_id, tmp_path / "chat-en.txt",
        time_zone="Asia/Seoul", shop_name="Seoul Linen", language="en", locale="en_US",
    )  # fmt: skip
    english = (tmp_path / "chat-en.txt").read_text(encoding="utf-8")
    assert f"최유진: Order {number}\n" in english and "\nTotal ₩72,000\n" in english
    assert "진주 드롭 귀걸이 ×2   ₩30,000 (₩15,000 each)\n" in english


def test_a_zip_export_is_dated_now_and_readable_by_anyone_as_a_phones_is(
    db: Database, tmp_path: Path
) -> None:
    """`_chat.txt` was dated 1980-01-01 and its permissions rw-------; a photo kept those of the cache."""
    import os
    import stat
    from zoneinfo import ZoneInfo

    media_dir = tmp_path / "media"
    photo = media_dir / "photo.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(JPEG)
    photo.chmod(0o600)
    taken = datetime(2024, 1, 13, 10, 0, 5, tzinfo=UTC)
    os.utime(photo, (taken.timestamp(), taken.timestamp()))
    with db.write() as s:
        contact = make_contact(s, profile_name="박영희")
        m = make_message(s, contact, "", kind="image", sent_at=datetime(2024, 1, 13, 1, 0, tzinfo=UTC))
        s.add(Media(message_id=m.id, mime="image/jpeg", filename="photo.jpg", cache_path="photo.jpg"))
        contact_id = contact.id
    before = datetime.now(ZoneInfo("Asia/Seoul")).replace(tzinfo=None, microsecond=0)
    export_chat(
        db,
        media_dir,
        contact_id,
        tmp_path / "export.zip",
        time_zone="Asia/Seoul",
        shop_name="가게",
        language="ko",
    )
    after = datetime.now(ZoneInfo("Asia/Seoul")).replace(tzinfo=None)
    with zipfile.ZipFile(tmp_path / "export.zip") as zf:
        chat, picture = zf.getinfo("_chat.txt"), zf.getinfo("photo.jpg")
    assert before.replace(second=before.second - before.second % 2) <= datetime(*chat.date_time) <= after
    assert datetime(*picture.date_time) == datetime(2024, 1, 13, 19, 0, 4)  # zip keeps even seconds
    for entry in (chat, picture):
        assert stat.filemode(entry.external_attr >> 16) == "-rw-r--r--", entry.filename


def test_a_file_sent_without_a_caption_is_exported_as_its_attached_line_alone(
    db: Database, tmp_path: Path
) -> None:
    """The file's name stood again under "<attached: …>", and came back from the export as a caption."""
    with db.write() as s:
        contact = make_contact(s, profile_name="Ana")
        for name, caption, minute in (
            ("견적서.pdf", None, 0),
            ("사진\u202egpj.exe", None, 1),
            ("표.pdf", "보세요", 2),
        ):
            part = {"id": str(minute), "filename": name, **({"caption": caption} if caption else {})}
            sent = make_message(
                s,
                contact,
                message_body({"type": "document", "document": part}),
                kind="document",
                payload={"type": "document", "document": part},
                sent_at=datetime(2024, 1, 13, 9, minute, tzinfo=UTC),
            )
            s.add(
                Media(message_id=sent.id, mime="application/pdf", filename=sanitise_filename(name), size=10)
            )
        contact_id = contact.id
    export_chat(db, tmp_path / "media", contact_id, tmp_path / "chat.txt", time_zone="UTC", shop_name="Shop")
    assert (tmp_path / "chat.txt").read_text(encoding="utf-8") == (
        "[13/01/2024, 09:00:00] Ana: \u200e<attached: 견적서.pdf>\n"
        "[13/01/2024, 09:01:00] Ana: \u200e<attached: 사진gpj.exe>\n"
        "[13/01/2024, 09:02:00] Ana: \u200e<attached: 표.pdf>\n보세요\n"
    )
