"""A strip above the chats while a change to the automations waits for the owner's choice.

A change saved while offline (or while the relay was away) meets, on reconnecting, the other
computer's change made meanwhile: nothing is overwritten, both are kept, and the editors' banner asks
which to keep. With no editor open nobody was told: the change waited for good while the owner
thought customers got it. This strip says so and opens the editor where the two differ."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFrame, QLabel, QPushButton, QWidget

from app.automations_parts import AutomationsPart, differing_parts
from app.automations_store import AutomationsState, SyncStatus, load_state
from app.wire import Automations
from ui.context import AppContext
from ui.ops import Newest
from ui.warning_strip import lay_out_warning_strip

log = logging.getLogger(__name__)


def differing_editor(mine: Automations, theirs: Automations) -> str:
    """The editor whose part the two versions differ in: "away", "greeting", "hours", "bot" or
    "profile" (any editor asks about the whole document; this one shows the difference)."""
    parts = differing_parts(mine, theirs)
    return parts[0].value if parts else AutomationsPart.PROFILE.value


class RulesConflictNotice(QFrame):
    """Hidden unless the automations wait for the owner's choice between two versions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rulesConflictNotice")
        self.editor = "away"
        self._open: QDialog | None = None  # the editor the button opened, while it is open
        # Read again at each change: a look read before her choice was stored that answered after
        # it asked her to choose again. A late answer for an older look never replaces a newer one.
        self._reads = Newest()
        self.text = QLabel(
            self.tr(
                "Your change to the automatic messages waited while another computer changed them: "
                "the relay still uses the other version."
            )
        )
        self.choose = QPushButton(self.tr("Ch&oose…"))
        self.choose.clicked.connect(self.open_editor)
        lay_out_warning_strip(self, self.text, self.choose)
        self.hide()
        # Opens the editor (a dialog); the main window sets it: tests give their own.
        self.open_dialog: Callable[[str], QDialog | None] = self._editor_for

    def refresh(self) -> None:
        """Read the stored state (at the start, and whenever automations change)."""
        self._reads.run_read(
            self.ctx,
            load_state,
            self.show_for,
            parent=self,
            on_failure=lambda exc: log.warning("automations state not read: %s", type(exc).__name__),
        )

    def show_for(self, state: AutomationsState) -> None:
        waiting = state.status is SyncStatus.CONFLICT and state.conflict is not None
        if waiting and state.conflict is not None:
            self.editor = differing_editor(state.doc, state.conflict)
        self.setVisible(waiting)

    def _editor_for(self, name: str) -> QDialog | None:
        from ui.automation_editors import editor_for_part

        return editor_for_part(self.ctx, name, self.window())

    def open_editor(self) -> None:
        """The editor where the versions differ, beside the chats (its banner asks which to keep)."""
        from ui.automation_editors import open_once

        dialog = open_once(self._open, lambda: self.open_dialog(self.editor))
        if dialog is not None and dialog is not self._open:
            dialog.finished.connect(lambda _result: setattr(self, "_open", None))
            self._open = dialog
