"""A long item name, cut to two lines in an order's table, reads whole in its tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.models import utcnow
from app.orders import LineInput, create_order
from tests.support.factories import make_contact
from ui.order_actions import OrderActions

LONG = "Handmade linen gift box with embroidered initials, a long silk ribbon and a card, extra large"


def test_a_long_item_name_reads_whole_in_the_order_window_and_the_new_order_form(
    window: Any, qtbot: Any
) -> None:
    from ui.order_form import DraftLine, DraftLinesModel

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Marcus Chen", last_inbound_at=utcnow())
        lines = [LineInput("", 1, 30000, "KRW", name=LONG)]
        order_id = create_order(s, contact_id=c.id, lines=lines, source="chat").id
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    tip = order_window.lines.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert LONG in tip

    draft = DraftLinesModel()
    draft.add_own(LONG, "KRW")
    assert draft.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == LONG
    assert isinstance(draft.lines[0], DraftLine)
