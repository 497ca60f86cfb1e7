"""A chat exported from Shop Inbox reads back in, as WhatsApp's own format, with its media."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.chat_export.exporter import export_chat
from app.chat_export.importer import ImportRequest, import_chat
from app.chat_export.parser import scan_export
from app.db import Database
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


@pytest.mark.parametrize("language", ["en", "ko"])
def test_export_then_import_gives_back_the_same_chat(tmp_path: Path, language: str) -> None:
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
    )  # fmt: skip
    assert exported.messages == 8 and exported.media_files == 1
    with zipfile.ZipFile(exported.path) as zf:
        assert sorted(zf.namelist()) == sorted(["_chat.txt", PHOTO])

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
