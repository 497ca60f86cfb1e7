"""Screenshots of a reply typed and not sent, kept across a restart of the Korean demo: the chat list's
임시 저장 line, and the chat with the draft and the message it answers.

The real app, `shop-inbox --demo --lang ko`, kept in a folder: started and driven from inside as
demo_driver.py does (a quote chosen, an answer typed, another chat opened, quit), then
started again on that folder; its main window with its frame is taken from the screen:

    Xvfb :7 -screen 0 1440x900x24 & DISPLAY=:7 openbox &
    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_draft_screenshot.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT))
sys.path.insert(0, str(OUT.parents[1]))

from demo_chat_screenshot import newest_chat_of  # noqa: E402

from docs.screenshots.demo_driver import Wait, main_window, painted, run_demo, settled, shoot  # noqa: E402

ANSWER = "확인해 보고 바로 알려드릴게요!"


def typed() -> Iterator[Wait]:
    """The first run: a Korean customer's question quoted and answered, not sent; another chat opened."""
    from ui.composer import DRAFT_PAUSE_MS

    window = yield from main_window()
    model = window.chat_list.model

    yield lambda: newest_chat_of(window, korean=True) is not None
    chosen = newest_chat_of(window, korean=True)
    assert chosen is not None
    yield lambda: window.chat_list.select_contact(chosen)
    yield settled
    chat = window.chat.view.chat_model
    question = next(
        chat.message_at(r) for r in reversed(range(chat.rowCount())) if chat.message_at(r).direction == "in"
    )
    composer = window.chat.composer
    composer.set_reply(question)
    composer.edit.setPlainText(ANSWER)
    started = time.monotonic()
    yield lambda: time.monotonic() - started > 2 * DRAFT_PAUSE_MS / 1000 and settled()
    other = next(
        model.row_at(r).contact_id for r in range(model.rowCount()) if model.row_at(r).contact_id != chosen
    )
    yield lambda: window.chat_list.select_contact(other)
    yield settled


def kept() -> Iterator[Wait]:
    """The second run: the draft in the chat list, then its chat opened with the quote above it."""

    window = yield from main_window(1200, 720)
    model = window.chat_list.model

    def draft_row() -> int | None:
        drafts = window.chat.composer.drafts
        return next((r for r in range(model.rowCount()) if model.row_at(r).contact_id in drafts), None)

    yield lambda: draft_row() is not None and settled()
    window.chat_list.view.scrollToTop()
    yield painted()
    shoot(window, "draft-kept-ko.png", top_left=(320, 640))
    row = draft_row()
    assert row is not None
    yield lambda: window.chat_list.select_contact(model.row_at(row).contact_id)
    yield lambda: window.chat.composer.edit.toPlainText() == ANSWER and settled()
    yield painted()
    shoot(window, "draft-quote-kept-ko.png")


if __name__ == "__main__":
    if sys.argv[1:2] == ["type"]:
        sys.exit(run_demo(typed, folder=Path(sys.argv[2])))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "demo"
        subprocess.run([sys.executable, __file__, "type", str(folder)], check=True)
        sys.exit(run_demo(kept, folder=folder))
