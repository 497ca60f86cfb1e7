"""A customer's tapped list row reads in the chat list and her notification as her bubble says it."""

from __future__ import annotations

from typing import Any

from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.window_waits import load_chats, sync_batch
from tests.support.wire_events import message_event
from ui.chat_list_model import ChatRole
from ui.formatting import chat_preview

CUSTOMER = "14569770773"


def tapped(title: str, description: str) -> dict[str, Any]:
    """The menu bot's list row the customer tapped, as Cloud API's webhook carries it."""
    row = {"id": "handoff", "title": title, "description": description}
    return message_event(
        "interactive", {"type": "list_reply", "list_reply": row}, wa_id=CUSTOMER, name="Lucas Kim"
    )


def test_a_tapped_list_row_shows_its_title_not_its_description_run_on(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        apply_events(s, [read_event(message_event(content="Hi!", wa_id=CUSTOMER, name="Lucas Kim"))], None)
    load_chats(window, qtbot)
    contact_id = window.chat_list.model.index(0).data(ChatRole.CONTACT_ID)
    notes: list[str] = []
    window.notifier.notified.connect(lambda _cid, _title, text: notes.append(text))
    window.notifier.is_window_active = lambda: False

    with window.ctx.db.write() as s:
        changed = apply_events(
            s, [read_event(tapped("Talk to a person", "A person answers you"))], None
        ).changed
    sync_batch(window, qtbot, changed)

    row = window.chat_list.model.row_for(contact_id)
    assert row.last_body == "Talk to a person\nA person answers you"  # both kept, for search
    # Was "Talk to a person A person answers you": one sentence that was never said.
    assert chat_preview(row.last_kind, row.last_body, row.last_direction) == "Talk to a person"
    assert notes == ["Talk to a person"]


def test_the_shops_own_interactive_message_keeps_its_whole_text() -> None:
    body = "Here are our bank details:\n국민은행 123456-01-234567"
    assert chat_preview("interactive", body, "out") == "Here are our bank details: 국민은행 123456-01-234567"
    assert chat_preview("text", "안녕하세요\n반가워요", "in") == "안녕하세요 반가워요"


def test_a_shared_place_reads_its_name_then_its_address_apart() -> None:
    # Cloud API's location with name and address, as app.cloud_messages.message_body keeps it.
    body = "성수동 매장\n서울 성동구 성수이로 88"
    # Was "성수동 매장 서울 성동구 성수이로 88": where the name ends could not be told.
    assert chat_preview("location", body, "in") == "성수동 매장 · 서울 성동구 성수이로 88"
    assert chat_preview("location", "서울 성동구 성수이로 88", "in") == "서울 성동구 성수이로 88"
    assert chat_preview("location", "", "in") == "Location"


def test_a_filled_in_form_shows_her_answers_not_metas_sent(window: Any, qtbot: Any) -> None:
    from tests.support.window_waits import settle

    form = {
        "type": "nfm_reply",
        "nfm_reply": {
            "name": "flow",
            "body": "Sent",
            "response_json": '{"size": "M", "colour": ["검정", "남색"], "flow_token": "order-77"}',
        },
    }
    with window.ctx.db.write() as s:
        apply_events(
            s, [read_event(message_event("interactive", form, wa_id=CUSTOMER, name="Lucas Kim"))], None
        )
    load_chats(window, qtbot)
    row = window.chat_list.model.index(0).data(ChatRole.ROW)
    # Both said "Sent": Meta's English word, and not one of her answers.
    assert chat_preview(row.last_kind, row.last_body, row.last_direction) == "size: M"
    assert window.chat_list.select_contact(row.contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)
    settle(qtbot)
    geo = view.bubbles.geometry(view.chat_model.index(0), float(view.viewport().width()))
    assert geo.text == "size: M\ncolour: 검정, 남색"
