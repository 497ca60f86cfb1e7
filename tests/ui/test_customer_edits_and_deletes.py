"""A customer who edits or deletes a message she sent: her bubble changes, as on her phone; no new
"unsupported" message appears and nothing new waits unread."""

from __future__ import annotations

from typing import Any

from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.window_waits import load_chats, settle
from tests.support.wire_events import T0, message_event
from ui.chat_list_model import ChatRole
from ui.formatting import chat_preview

EDITOR, DELETER = "821011110040", "821011110041"


def amend(kind: str, part: dict[str, Any], wa_id: str, name: str) -> dict[str, Any]:
    """Meta's `edit` / `revoke` message (WhatsApp Business app numbers, "coexistence")."""
    return message_event(kind, part, wa_id=wa_id, name=name, timestamp=T0 + 30)


def test_an_edit_changes_her_words_and_a_deletion_leaves_deleted(window: Any, qtbot: Any) -> None:
    red = message_event(content="빨간색 주세요", wa_id=EDITOR, name="수정손님", wamid="wamid.RED")
    oops = message_event(content="실수로 보낸 메시지", wa_id=DELETER, name="삭제손님", wamid="wamid.OOPS")
    edit = {
        "original_message_id": "wamid.RED",
        "message": {"type": "text", "text": {"body": "파란색 주세요"}},
    }
    with window.ctx.db.write() as s:
        apply_events(s, [read_event(red), read_event(oops)], None)
        apply_events(
            s,
            [
                read_event(amend("edit", edit, EDITOR, "수정손님")),
                read_event(amend("revoke", {"original_message_id": "wamid.OOPS"}, DELETER, "삭제손님")),
            ],
            None,
        )
    load_chats(window, qtbot)
    model = window.chat_list.model
    rows = {r.display_name: r for r in (model.index(i).data(ChatRole.ROW) for i in range(model.rowCount()))}
    said = {n: chat_preview(r.last_kind, r.last_body, r.last_direction) for n, r in rows.items()}
    # Each was "Unsupported message", a second unread one, under the words she took back.
    assert said == {"수정손님": "파란색 주세요", "삭제손님": "Deleted message"}
    assert {n: r.unread_count for n, r in rows.items()} == {"수정손님": 1, "삭제손님": 0}

    view = window.chat.view
    width = float(view.viewport().width())
    for name, note, words in (
        ("수정손님", "Edited", "파란색 주세요"),
        ("삭제손님", "This message was deleted", ""),
    ):
        assert window.chat_list.select_contact(rows[name].contact_id)
        qtbot.waitUntil(lambda name=name: view.chat_model.contact_id == rows[name].contact_id)
        settle(qtbot)
        assert view.chat_model.rowCount() == 1
        geo = view.bubbles.geometry(view.chat_model.index(0), width)
        assert (geo.note_text, geo.text) == (note, words)


def test_the_chat_exported_says_edited_and_deleted_as_a_phones_export_does(tmp_path: Any) -> None:
    from app.chat_export.exporter import export_chat
    from app.db import Database
    from app.models import Contact

    db = Database.open(tmp_path / "inbox.db")
    edit = {"original_message_id": "wamid.SIZE", "message": {"type": "text", "text": {"body": "L 사이즈요"}}}
    with db.write() as s:
        apply_events(
            s,
            [
                read_event(message_event(content="M 사이즈요", wa_id=EDITOR, wamid="wamid.SIZE")),
                read_event(
                    message_event(content="잘못 보냄", wa_id=EDITOR, wamid="wamid.WRONG", timestamp=T0 + 1)
                ),
                read_event(amend("edit", edit, EDITOR, "수정손님")),
                read_event(amend("revoke", {"original_message_id": "wamid.WRONG"}, EDITOR, "수정손님")),
            ],
            None,
        )
        contact_id = s.query(Contact.id).scalar()
    try:
        export_chat(
            db, tmp_path / "media", contact_id, tmp_path / "chat.txt", time_zone="UTC", shop_name="Shop"
        )
    finally:
        db.close()
    lines = (tmp_path / "chat.txt").read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == [
        "L 사이즈요 \u200e<This message was edited>",
        "This message was deleted",  # was "<deleted>"
    ]


def test_the_owners_edit_and_deletion_on_the_phone_app_change_her_own_bubbles(
    window: Any, qtbot: Any
) -> None:
    from tests.support.wire_events import outbound_event

    def echo(kind: str, part: dict[str, Any], wamid: str) -> dict[str, Any]:
        # Meta's smb_message_echoes for an edit or a deletion, as the relay serves it (sent_by phone_app).
        event = outbound_event("", to=EDITOR, wamid=wamid, sent_by="phone_app", timestamp=T0 + 30)
        event["body"] = {"from": "15550783881", "to": EDITOR, "id": wamid, "type": kind, kind: part}
        return event

    typo = {"type": "text", "text": {"body": "내일 보내 드릴게요"}}
    with window.ctx.db.write() as s:
        apply_events(
            s,
            [
                read_event(message_event(content="언제 와요?", wa_id=EDITOR, name="수정손님")),
                read_event(
                    outbound_event("오늘 보내 드릴게요", to=EDITOR, wamid="wamid.SAID", sent_by="phone_app")
                ),
                read_event(
                    outbound_event("잘못 보냈어요", to=EDITOR, wamid="wamid.WRONG_CHAT", sent_by="phone_app")
                ),
            ],
            None,
        )
        apply_events(
            s,
            [
                read_event(echo("edit", {"original_message_id": "wamid.SAID", "message": typo}, "wamid.E1")),
                read_event(echo("revoke", {"original_message_id": "wamid.WRONG_CHAT"}, "wamid.E2")),
            ],
            None,
        )
    load_chats(window, qtbot)
    assert window.chat_list.select_contact(window.chat_list.model.index(0).data(ChatRole.CONTACT_ID))
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() >= 3)
    settle(qtbot)
    width = float(view.viewport().width())
    said = [
        (g.note_text, g.text)
        for g in (
            view.bubbles.geometry(view.chat_model.index(i), width) for i in range(view.chat_model.rowCount())
        )
    ]
    # Each echo was a green "This kind of message can't be shown here yet." under the words taken back.
    assert said == [("", "언제 와요?"), ("Edited", "내일 보내 드릴게요"), ("You deleted this message", "")]
