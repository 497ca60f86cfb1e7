"""Blocking a customer from the chat list's menu or the contact panel: here at once, then the relay."""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.changes import Changes
    from ui.context import AppContext

log = logging.getLogger(__name__)


def block_customer(
    ctx: AppContext, contact_id: int, wa_id: str | None, blocked: bool, parent: QWidget
) -> None:
    """Block (or unblock) on this computer, then tell the relay, which asks Meta where it can and
    keeps its automations away from the customer. The writer never waits on the network."""
    from app.chat_actions import blocks_waiting, set_blocked, tell_relay_about_blocks
    from ui.ops import run_change, run_op

    client = ctx.sync.relay_client() if ctx.sync is not None else None
    db = ctx.db

    def written(_changes: Changes) -> None:
        # Waits here if the relay cannot take it now; sync hands it over when the relay answers
        # (tried again on its backoff while online, at once when it connects again).
        if client is not None and wa_id:

            def tell() -> bool:
                tell_relay_about_blocks(db, client)
                return blocks_waiting(db)

            run_op(tell, partial(_still_waiting, ctx), parent=parent, on_failure=_not_told)

    run_change(ctx, partial(set_blocked, db, contact_id, blocked), written, parent=parent)


def _still_waiting(ctx: AppContext, waiting: bool) -> None:
    if waiting and ctx.sync is not None:
        from app.relay_pushes import PushTask

        ctx.sync.retry_push_later(PushTask.BLOCKS)


def _not_told(exc: BaseException) -> None:
    log.warning("blocks not handed to the relay: %s", type(exc).__name__)
