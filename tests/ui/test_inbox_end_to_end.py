"""End to end: the window, the real sync engine and the real relay with a fake Graph API, on loopback."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt

from tests.support.relay_server import inbound, status
from tests.support.window_waits import select_chat, settle


def connect(window: Any, relay: Any) -> None:
    window.ctx.prefs["relay_url"] = relay.url
    window.ctx.relay_token = relay.token
    window.start_sync()


def test_a_customer_message_arrives_then_the_reply_is_sent_and_ticked(
    window: Any, qtbot: Any, relay: Any
) -> None:
    connect(window, relay)
    assert relay.post_webhook(inbound(content="린넨 셔츠 재고 있나요?", name="김민수")).status_code == 200
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
    assert model.row_at(0).display_name == "김민수"
    select_chat(window, qtbot, model.row_at(0).contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)

    edit = window.chat.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Yes, size M is in stock")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    # The pending bubble shows at once…
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 2)
    mine = view.chat_model.message_at(1)
    assert mine.direction == "out" and mine.body == "Yes, size M is in stock"
    # …and gets its tick once the relay has handed it to WhatsApp.
    qtbot.waitUntil(
        lambda: view.chat_model.message_at(1).status in ("sent", "delivered", "read"), timeout=15000
    )
    assert relay.graph.sent and relay.graph.sent[-1]["text"]["body"] == "Yes, size M is in stock"

    wamid = view.chat_model.message_at(1).wamid
    assert wamid
    settle(qtbot)  # opening the chat marked it read: that op's repaint is not the relay's
    changed: list[int] = []
    view.chat_model.dataChanged.connect(lambda a, b, *_: changed.extend(range(a.row(), b.row() + 1)))
    relay.post_webhook(status(wamid, "read"))
    qtbot.waitUntil(lambda: view.chat_model.message_at(1).status == "read", timeout=15000)
    assert set(changed) == {1}


def test_templates_come_from_the_relay_and_stay_available_offline(
    window: Any, qtbot: Any, relay: Any
) -> None:
    from app.sending import approved_templates
    from ui.template_picker import TemplatePicker

    relay.graph.templates = [
        {
            "name": "order_update",
            "language": "ko",
            "category": "UTILITY",
            "status": "APPROVED",
            "components": [
                {
                    "type": "BODY",
                    "text": "{{1}}님, {{2}} 발송했어요",
                    "example": {"body_text": [["민지", "셔츠"]]},
                }
            ],
        }
    ]
    connect(window, relay)
    templates = approved_templates(window.ctx.db, window.ctx.sync.templates)
    assert [t.name for t in templates] == ["order_update"]
    picker = TemplatePicker(templates)
    qtbot.addWidget(picker)
    assert [f.placeholderText() for f in picker.fields] == ["민지", "셔츠"]
    window.ctx.sync.stop()  # offline: the copy kept in the database is offered
    assert [t.name for t in approved_templates(window.ctx.db, window.ctx.sync.templates)] == ["order_update"]


def test_the_owner_reacts_to_a_customers_message_and_takes_it_back(
    window: Any, qtbot: Any, relay: Any, dialogs: Any
) -> None:
    """👍 on "입금했어요" is how a shop says "got it" on WhatsApp: sent through the relay at once,
    shown under the bubble; the same pick again takes it back."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    connect(window, relay)
    assert relay.post_webhook(inbound(content="입금했어요!", name="이하은")).status_code == 200
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
    select_chat(window, qtbot, model.row_at(0).contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1)

    offered: list[list[str]] = []

    def look(menu: QMenu) -> None:
        react = next(a for a in menu.actions() if a.text() == "R&eact")
        reactions = react.menu()
        assert isinstance(reactions, QMenu)
        offered.append([a.text() for a in reactions.actions()])
        menu.close()

    dialogs.expect("menu", answer=look)
    rect = view.visualRect(view.chat_model.index(0))
    pos = QPoint(rect.left() + 40, rect.center().y())
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, pos))
    qtbot.waitUntil(lambda: bool(offered), timeout=3000)
    assert offered[0] == ["👍  &Like", "❤️  L&ove", "😂  &Funny", "😮  &Wow", "😢  &Sad", "🙏  &Thanks"]

    customer_message = view.chat_model.message_at(0)
    view.react_requested.emit(customer_message, "👍")
    qtbot.waitUntil(lambda: view.chat_model.message_at(0).reaction_out == "👍", timeout=15000)
    sent = relay.graph.sent[-1]
    assert sent["type"] == "reaction"
    assert sent["reaction"] == {"message_id": customer_message.wamid, "emoji": "👍"}

    view.react_requested.emit(view.chat_model.message_at(0), "")
    qtbot.waitUntil(lambda: view.chat_model.message_at(0).reaction_out is None, timeout=15000)
    assert relay.graph.sent[-1]["reaction"]["emoji"] == ""


def archived_chat_written_to(window: Any, qtbot: Any, relay: Any) -> tuple[int, list[int]]:
    """Olivia's chat, archived by the owner; a minute later Olivia writes again. Returns her chat's
    id and the chats notified meanwhile (the window is behind another one)."""
    connect(window, relay)
    assert (
        relay.post_webhook(inbound(content="Is the linen shirt in stock?", name="Olivia")).status_code == 200
    )
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
    olivia = model.row_at(0).contact_id
    window.chat_list.set_flags(olivia, archived=True)
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    settle(qtbot)
    notified: list[int] = []
    window.notifier.notified.connect(lambda cid, _title, _text: notified.append(cid))
    window.notifier.is_window_active = lambda: False
    relay.post_webhook(inbound(content="Hello? 🙂", name="Olivia", timestamp=int(time.time()) + 60))
    return olivia, notified


def test_a_customer_who_writes_to_an_archived_chat_is_back_in_the_inbox(
    window: Any, qtbot: Any, relay: Any
) -> None:
    olivia, notified = archived_chat_written_to(window, qtbot, relay)
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15000)
    row = model.row_at(0)
    assert row.contact_id == olivia and not row.archived and row.unread_count == 2
    qtbot.waitUntil(lambda: window.windowTitle().startswith("(2) "))
    qtbot.waitUntil(lambda: notified == [olivia])
    assert window.chat_list.archived_chip.text() == "Archived"


def test_an_owner_who_keeps_chats_archived_sees_the_count_on_the_archived_chip(
    window: Any, qtbot: Any, relay: Any
) -> None:
    from app.settings import update_preferences

    update_preferences(window.ctx.db, keep_archived=True)  # as Settings saves it
    window.ctx.prefs["keep_archived"] = True
    olivia, notified = archived_chat_written_to(window, qtbot, relay)
    chip = window.chat_list.archived_chip
    chip.click()
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.row_at(0).unread_count == 2, timeout=15000)
    assert model.row_at(0).contact_id == olivia and model.row_at(0).archived
    assert chip.text() == "Archived 1"
    assert not window.windowTitle().startswith("(") and notified == []
