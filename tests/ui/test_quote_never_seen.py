"""A customer's answer to a message this inbox never had (a template sent from another tool, the phone)
names the shop as its author, not the customer who answered it."""

from __future__ import annotations

from typing import Any

from app.sync_apply import apply_events
from app.wire import read_event
from tests.support.window_waits import load_chats, settle
from tests.support.wire_events import message_event
from ui.bubble_layout import quote_preview
from ui.chat_list_model import ChatRole
from ui.chat_view_model import MessageRole

CUSTOMER = "821011110011"
SHOP_NUMBER = "15550783881"  # the business's display number: what `context.from` carries for its messages


def test_a_tapped_button_under_a_message_sent_elsewhere_quotes_you(window: Any, qtbot: Any) -> None:
    tapped = message_event(
        "interactive",
        {"type": "button_reply", "button_reply": {"id": "size-m", "title": "M 사이즈"}},
        wa_id=CUSTOMER,
        name="버튼손님",
    )
    tapped["message"]["context"] = {"from": SHOP_NUMBER, "id": "wamid.SENT_FROM_ANOTHER_TOOL"}
    own = message_event(content="위에 보낸 사진이요", wa_id=CUSTOMER, name="버튼손님")
    own["message"]["timestamp"] = str(int(own["message"]["timestamp"]) + 60)
    own["message"]["context"] = {"from": CUSTOMER, "id": "wamid.HER_OWN_OLD_PHOTO"}
    with window.ctx.db.write() as s:
        apply_events(s, [read_event(tapped), read_event(own)], None)
    load_chats(window, qtbot)
    assert window.chat_list.select_contact(window.chat_list.model.index(0).data(ChatRole.CONTACT_ID))
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    settle(qtbot)

    said = [quote_preview(model.index(i).data(MessageRole.QUOTE), model.message_at(i)) for i in range(2)]
    # The first was headed "버튼손님" (the customer's name): as if she had quoted herself.
    assert said[0] == ("You", "Original message not available")
    assert said[1] == ("", "Original message not available")  # her own: the view names her
