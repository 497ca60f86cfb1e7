"""Waits for the window's ops: a page read, a published change, every op delivered — never by running ops inline."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from app.changes import Changes
from ui.ops import pending_ops

TIMEOUT_MS = 5000


def settle(qtbot: Any, timeout: int = TIMEOUT_MS) -> None:
    """Wait until every op started so far (and every op their results started) has delivered."""
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=timeout)


def laid_out() -> None:
    """Lay the windows out now, as the next turn of the event loop would, before measuring them.

    A text or a widget shown changes a size only through a posted LayoutRequest, laid out one turn
    later: a width read right after a waitUntil (which can turn true before that turn) was the old
    one, 1 run in 8. Each pass lays out one level (a child's new size asks its parent again).

    It runs LayoutRequests only: not queued calls (QTimer.singleShot(0), queued signals), nor the
    zero timers item views and headers lay their rows and columns out on (after rows come, a
    resize, a section's mode changed), nor paints. A scroll bar's range or visibility, a row's
    height or a column's width can still be the old one after it; and a check of an absence ("no
    sideways bar", "range 0") passes on that old state. Wait for the final state the check depends
    on instead (`qtbot.waitUntil` on a row as wide as the viewport, the columns' length equal to the
    viewport's width, the row count), one a regression never reaches."""
    for _ in range(16):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def load_chats(window: Any, qtbot: Any) -> None:
    """Read the chat list's first page again (rows written by the test) and wait until it is shown."""
    with qtbot.waitSignal(window.chat_list.model.page_loaded, timeout=TIMEOUT_MS):
        window.chat_list.load()
    settle(qtbot)


def sync_batch(window: Any, qtbot: Any, contact_ids: Iterable[int]) -> None:
    """As if the sync engine applied a batch for these chats: publish its Changes, wait until shown."""
    with qtbot.waitSignal(window.ctx.hub.changed, timeout=TIMEOUT_MS):
        window.ctx.publish(Changes.for_contacts(set(contact_ids), from_sync=True))
    # The chat list re-reads synced rows at most every SYNC_REFRESH_MS: no op runs meanwhile.
    qtbot.waitUntil(lambda: not window.chat_list.model.busy(), timeout=TIMEOUT_MS)
    settle(qtbot)


def select_chat(window: Any, qtbot: Any, contact_id: int) -> None:
    """Click a chat in the list and wait until its messages are shown."""
    assert window.chat_list.select_contact(contact_id), f"chat {contact_id} is not in the list"
    settle(qtbot)


def closed(widget: Any) -> bool:
    """A dialog the owner closed: hidden, or already deleted (a closed dialog is let go once its ops
    delivered: ui/ops.py delete_when_settled)."""
    import shiboken6

    return not shiboken6.isValid(widget) or not widget.isVisible()
