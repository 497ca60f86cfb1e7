"""A shop with two numbers: the open chat's empty reply box says, in its hint, the number a reply goes
from, and says the new one as soon as she writes to the shop's other number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject

from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import inbound, run_relay
from tests.support.window_waits import select_chat, settle

CUSTOMER = "821099907890"
SEONGSU, HONGDAE = "106540352242922", "106540352242933"
NUMBERS = {SEONGSU: "+82 2-555-0101", HONGDAE: "+82 2-555-0202"}


class PaintedHints(QObject):
    """The hint an empty box showed each time it was painted."""

    def __init__(self, box: Any) -> None:
        super().__init__(box)
        self.box, self.hints = box, list[str]()
        box.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.box.toPlainText():
            self.hints.append(self.box.placeholderText())
        return False


def test_the_empty_reply_box_shows_the_new_number_when_she_writes_to_the_other_one(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Seen in the demo: the header said 02-555-0101, the box still "Reply from your number
    02-555-0202" until the owner clicked into it (Qt repaints a box for its hint only when it turns
    empty or not)."""
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        window.ctx.prefs["relay_url"] = relay.url
        window.ctx.relay_token = relay.token
        window.start_sync()
        model = window.chat_list.model

        def writes(text: str, number: str) -> None:
            relay.post_webhook(
                inbound(
                    content=text,
                    sender=CUSTOMER,
                    name="이하은",
                    phone_number_id=number,
                    display_phone_number=NUMBERS[number],
                )
            )

        def on(number: str) -> bool:
            return model.rowCount() == 1 and model.row_at(0).phone_number_id == number

        writes("홍대점 재고 있어요?", HONGDAE)
        writes("다른 색도 있나요?", SEONGSU)  # both numbers known: the chat says its number
        qtbot.waitUntil(lambda: on(SEONGSU) and model.row_at(0).business_number is not None, timeout=10000)
        select_chat(window, qtbot, model.row_at(0).contact_id)
        box = window.chat.composer.edit
        qtbot.waitUntil(lambda: box.isVisible() and "02-555-0101" in box.placeholderText(), timeout=5000)
        settle(qtbot)
        painted = PaintedHints(box)

        writes("홍대점으로 갈게요", HONGDAE)
        qtbot.waitUntil(lambda: "02-555-0202" in window.chat.subtitle.text(), timeout=10000)
        new_hint = "Reply from your number 02-555-0202 · / for quick replies"
        assert box.placeholderText() == new_hint
        qtbot.waitUntil(lambda: painted.hints[-1:] == [new_hint], timeout=2000)
