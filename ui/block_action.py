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
    from app.chat_actions import set_blocked
    from app.errors import RelayError
    from ui.ops import run_change, run_op

    client = ctx.sync.relay_client() if ctx.sync is not None else None

    def tell_relay() -> None:
        if client is None or not wa_id:
            return
        try:
            client.block(wa_id, blocked)
        except RelayError as exc:  # blocked here all the same; blocking again tells the relay
            log.warning("the relay did not take the block: %s", exc.code)

    def written(_changes: Changes) -> None:
        run_op(tell_relay, parent=parent)

    run_change(ctx, partial(set_blocked, ctx.db, contact_id, blocked), written, parent=parent)
