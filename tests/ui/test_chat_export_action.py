"""Exporting a chat from the inbox writes WhatsApp's format where the owner chose, off the GUI thread."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.support.dialogs import DialogGuard
from tests.support.factories import make_contact, make_message
from ui.chat_export_action import export_chat_to_file
from ui.ops import pending_ops


def test_export_saves_a_zip_where_the_owner_picked(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지")
        make_message(s, contact, "안녕하세요", sent_at=datetime(2024, 1, 13, 1, 0, tzinfo=UTC))
        contact_id = contact.id
    target = tmp_path / "out" / "minji.zip"
    dialogs.expect("getSaveFileName", answer=target)
    told = dialogs.expect("information")
    op = export_chat_to_file(None, ctx, contact_id)
    assert op is not None
    qtbot.waitUntil(lambda: pending_ops() == 0 and bool(told.shown), timeout=5000)
    assert told.texts == ["1 messages saved to minji.zip."]
    with zipfile.ZipFile(target) as zf:
        assert "김민지: 안녕하세요" in zf.read("_chat.txt").decode()
