"""Through the real relay: a customer who changes number is one row in the chat list, with her label."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.drafts import read_drafts
from app.models import Label
from app.queries import set_label
from tests.support.relay_server import envelope, inbound, run_relay, wamid
from tests.support.window_waits import load_chats, select_chat

OLD, NEW, OTHER = "821011110032", "821099990032", "821055550032"


def changed_number_webhook() -> dict[str, Any]:
    """As Meta sends it: a `system` message from the old number, no `contacts` beside it."""
    notice = {"body": f"User 김민수 changed from {OLD} to {NEW}", "wa_id": NEW, "type": "user_changed_number"}
    message = {"from": OLD, "id": wamid(), "timestamp": "1795000100", "type": "system", "system": notice}
    return envelope({"messages": [message]})


def test_her_merged_row_keeps_the_paid_label_she_had_under_her_old_number(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_relay(folder) as relay:
        window.ctx.prefs["relay_url"] = relay.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        relay.post_webhook(inbound(content="입금했어요", sender=OLD, name="김민수", timestamp=1795000000))
        relay.post_webhook(inbound(content="새 번호예요", sender=NEW, name="김민수", timestamp=1795000050))
        model = window.chat_list.model
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10000)
        old_id = next(model.row_at(i).contact_id for i in range(2) if model.row_at(i).wa_id == OLD)
        with window.ctx.db.write() as s:
            paid = s.scalar(select(Label.id).where(Label.builtin == "Paid"))
            assert paid is not None
            set_label(s, old_id, paid, True)
        load_chats(window, qtbot)

        relay.post_webhook(changed_number_webhook())
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
        row = model.row_at(0)
        assert row.wa_id == NEW
        qtbot.waitUntil(lambda: [lab.name for lab in model.row_at(0).labels] == ["Paid"], timeout=10000)


def test_the_reply_typed_in_her_old_chat_waits_in_her_new_one(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_relay(folder) as relay:
        window.ctx.prefs["relay_url"] = relay.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        relay.post_webhook(inbound(content="입금했어요", sender=OLD, name="김민수", timestamp=1795000000))
        relay.post_webhook(inbound(content="새 번호예요", sender=NEW, name="김민수", timestamp=1795000050))
        relay.post_webhook(inbound(content="문의요", sender=OTHER, name="박서연", timestamp=1795000060))
        model = window.chat_list.model
        qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10000)
        ids = {model.row_at(i).wa_id: model.row_at(i).contact_id for i in range(3)}
        composer = window.chat.composer
        select_chat(window, qtbot, ids[OLD])
        qtbot.waitUntil(lambda: composer.contact_id == ids[OLD], timeout=5000)
        composer.edit.insertPlainText("입금 확인했어요, 내일 보내드릴게요")
        select_chat(window, qtbot, ids[OTHER])  # she reads another customer's chat meanwhile
        qtbot.waitUntil(lambda: composer.contact_id == ids[OTHER], timeout=5000)

        relay.post_webhook(changed_number_webhook())
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10000)
        qtbot.waitUntil(
            lambda: composer.drafts == {ids[NEW]: "입금 확인했어요, 내일 보내드릴게요"}, timeout=10000
        )
        qtbot.waitUntil(lambda: read_drafts(window.ctx.db) == composer.drafts, timeout=10000)
