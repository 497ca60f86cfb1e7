"""The demo's "unread" line sits above the first message the owner has not read, not above weeks-old news."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from app.demo_seed import seed_demo_shop
from app.models import Contact
from tests.support.window_waits import load_chats, select_chat
from ui.resources import demo_dir

# Days of a week (Monday 7 December 2026 to Sunday the 13th): a cart of "yesterday" on any of them.
STARTS = [datetime(2026, 12, 7 + day, 3, 30, tzinfo=UTC) for day in range(7)]


@pytest.mark.parametrize(("lang", "name"), [("ko", "최유진"), ("en", "Hannah Reid")])
@pytest.mark.parametrize("now", STARTS, ids=[f"{m:%a}" for m in STARTS])
def test_the_new_customers_unread_line_is_above_her_cart_not_her_message_of_weeks_ago(
    window: Any, qtbot: Any, lang: str, name: str, now: datetime
) -> None:
    """최유진 asked about parking weeks ago and sent a cart yesterday: her chat said "2 unread messages"
    above the parking question, which the owner had long read, with the greeting and her answers
    between it and the cart."""
    ctx = window.ctx
    seed_demo_shop(ctx.db, demo_dir(), ctx.paths.catalog_dir, lang, now=now)
    with ctx.db.read() as s:
        contact = s.scalar(select(Contact).where(Contact.profile_name == name))
        assert contact is not None
        cid = contact.id
        daniel = s.scalar(select(Contact).where(Contact.profile_name == "Daniel Ortiz"))
        assert daniel is not None
        daniel_id = daniel.id
    load_chats(window, qtbot)
    row = window.chat_list.model.row_for(cid)
    assert row is not None and row.unread_count == 1  # the chat list's count: the cart alone
    # The owner wrote Daniel's order down a quarter of an hour after his message: she has read it.
    daniel_row = window.chat_list.model.row_for(daniel_id)
    assert daniel_row is not None and daniel_row.unread_count == 0
    select_chat(window, qtbot, cid)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
    infos = [model.info(i) for i in range(model.rowCount())]
    lines = [(i, info.divider) for i, info in enumerate(infos) if info is not None and info.divider]
    assert len(lines) == 1
    at, count = lines[0]
    first_unread = infos[at]
    assert first_unread is not None and first_unread.message.kind == "order"  # her cart
    assert count == 1  # "1 unread message", as the chat list said
    # Above the line: only what came before the cart, the parking question among them.
    older = [info.message for info in infos[:at] if info is not None]
    assert any(m.direction == "in" for m in older)
    assert all(m.sent_at <= first_unread.message.sent_at for m in older)
