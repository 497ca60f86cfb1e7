"""Labels applied from the chat list's menu show on the row and filter the list."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.models import Label
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import sync_batch


def test_labelling_a_chat_from_the_list_shows_a_dot_and_filters(qtbot: Any, window: Any, ctx: Any) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="박지영")
        make_message(s, contact, "입금했어요")
        paid = s.scalars(select(Label).where(Label.name == "Paid")).one().id
        contact_id = contact.id
    chat_list = window.chat_list
    sync_batch(window, qtbot, {contact_id})
    qtbot.waitUntil(lambda: chat_list.model.rowCount() == 1, timeout=5000)

    def labels_on_row() -> list[str]:
        from ui.chat_list_model import ChatRole

        row = chat_list.model.index(0, 0).data(ChatRole.ROW)
        return [label.name for label in row.labels]

    chat_list.toggle_label(contact_id, paid, True)
    qtbot.waitUntil(lambda: labels_on_row() == ["Paid"], timeout=5000)
    chat_list.set_filter("label", paid)
    qtbot.waitUntil(lambda: chat_list.model.rowCount() == 1, timeout=5000)
    chat_list.toggle_label(contact_id, paid, False)
    qtbot.waitUntil(lambda: chat_list.model.rowCount() == 0, timeout=5000)
