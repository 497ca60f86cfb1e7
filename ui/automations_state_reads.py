"""The automations' stored state, read off the GUI thread whenever they change, for the strips that say it.

The strip that says a change waits ("Shop Inbox keeps trying") and the one that says the relay
refused it read the same row. Each read it for itself, on the read pool's two threads: the refusal's
read could land first, and for that moment the window said both "keeps trying" and "refused" (and
Quit named the change as both). One read here tells every strip in the same call, and a read that
lands after a newer one is dropped, so no strip goes back to what was true before."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from app.automations_store import load_state
from app.changes import Changes
from ui.context import AppContext
from ui.ops import run_read

log = logging.getLogger(__name__)


class AutomationsStateReads(QObject):
    """Reads the automations' state when asked and when the hub says they changed; `read` says it."""

    read = Signal(object)  # AutomationsState, the newest read (GUI thread)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._asked = 0  # reads asked for
        self._told = 0  # the newest read told: an older one landing later says nothing
        ctx.hub.changed.connect(self._changed)

    def refresh(self) -> None:
        """Read the stored state now; every listener hears it at once when it lands."""
        self._asked += 1
        asked = self._asked

        def landed(state: object) -> None:
            if asked < self._told:
                return  # a newer read was told already
            self._told = asked
            self.read.emit(state)

        run_read(
            self.ctx,
            load_state,
            landed,
            parent=self,
            on_failure=lambda exc: log.warning("automations state not read: %s", type(exc).__name__),
        )

    def _changed(self, changes: Changes) -> None:
        if changes.automations:
            self.refresh()
