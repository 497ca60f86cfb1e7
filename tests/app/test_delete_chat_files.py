"""Deleting a chat takes its downloaded and imported pictures off the disk, and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.chat_actions import delete_chat
from app.models import Media
from tests.support.factories import make_contact, make_message


def _file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xd8 a picture")
    return path


def test_a_deleted_chats_received_files_leave_the_disk_but_shared_and_own_files_stay(
    db: Any, tmp_path: Path
) -> None:
    media_dir = tmp_path / "media"
    received = _file(media_dir / "received" / "1234567890" / "사진.jpg")
    shared = _file(media_dir / "imported" / "0123456789abcdef-영수증.jpg")
    catalogue = _file(media_dir / "catalog" / "shirt.jpg")
    own = _file(tmp_path / "Desktop" / "내 사진.jpg")  # the owner sent it from their own folder
    with db.write() as s:
        gone, other = make_contact(s), make_contact(s)
        for path, contact in ((received, gone), (shared, gone), (shared, other)):
            m = make_message(s, contact, body="", kind="image")
            s.add(
                Media(message_id=m.id, mime="image/jpeg", cache_path=path.relative_to(media_dir).as_posix())
            )
        sent = make_message(s, gone, body="", kind="image", direction="out")
        s.add(
            Media(message_id=sent.id, mime="image/jpeg", cache_path=str(own), thumb_path="catalog/shirt.jpg")
        )
        gone_id = gone.id

    delete_chat(db, gone_id, datetime.now(UTC), media_dir)

    assert not received.exists() and not received.parent.exists()
    assert shared.exists()  # the other chat still shows it
    assert own.exists() and catalogue.exists()
