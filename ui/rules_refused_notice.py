"""A strip above the chat while the relay has refused a change to the automations for good.

A refused change (its validation said no, or it does not take this version's rules) is not tried
again: the same answer would come back. It stays on this computer, marked refused, until the owner
decides: she fixes it in the editor and saves (a new attempt), or discards it and takes the relay's
version back. The strip that says "Shop Inbox keeps trying" never names it: nothing is trying."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QPushButton, QWidget

from app.automations_parts import AutomationsPart
from app.automations_store import AutomationsState, SyncStatus, discard_refused_change, load_state
from app.changes import Changes
from app.relay_pushes import PushTask
from app.wire import RelayErrorCode
from ui import message_box
from ui.confirm import confirm
from ui.context import AppContext
from ui.ops import failure_sentence, run_op, run_read
from ui.pushes_waiting_notice import listed, waiting_names
from ui.warning_strip import lay_out_warning_strip

log = logging.getLogger(__name__)


def refusal_reason(relay_code: str) -> str:
    """Why the relay refused the rules, from its error code, as the owner reads it."""
    if relay_code == RelayErrorCode.BOT_OVER_LIMITS:
        return QCoreApplication.translate(
            "RulesRefused",
            "The menu bot goes beyond what the relay allows (too many rows, or a title too long).",
        )
    if relay_code == RelayErrorCode.TOO_LARGE:
        return QCoreApplication.translate("RulesRefused", "The rules are larger than the relay takes.")
    if relay_code in (RelayErrorCode.INVALID, "http_400", "http_422"):
        return QCoreApplication.translate(
            "RulesRefused",
            "It could not accept it as it is: the relay may be an older version than this Shop Inbox. "
            "Update the relay, or change it back.",
        )
    return QCoreApplication.translate("RulesRefused", "It answered with the error “{code}”.").format(
        code=relay_code
    )


def refused_names(state: AutomationsState) -> list[str]:
    """The parts of the refused change, named for the owner ("away message")."""
    return waiting_names(frozenset({PushTask.AUTOMATIONS}), state.waiting_parts)


def refused_sentence(state: AutomationsState) -> str:
    """What the relay refused and why, and what it does meanwhile (nothing, when it has no rules)."""
    refused = QCoreApplication.translate("RulesRefused", "Your relay refused your change: {changes}.").format(
        changes=listed(refused_names(state))
    )
    reason = refusal_reason(state.refused.relay_code if state.refused is not None else "")
    if state.relay_has_none:
        meanwhile = QCoreApplication.translate(
            "RulesRefused",
            "Until you fix or discard it, the relay has no rules from you and sends no automatic "
            "messages, even while this computer is closed.",
        )
    else:
        meanwhile = QCoreApplication.translate(
            "RulesRefused",
            "Until you fix or discard it, the relay uses the previous version, even while this "
            "computer is closed.",
        )
    return " ".join([refused, reason, meanwhile])


class RulesRefusedNotice(QFrame):
    """Hidden unless the relay refused the waiting change; opens its editor, or discards it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rulesRefusedNotice")
        self.editor = AutomationsPart.AWAY.value
        self.names: list[str] = []  # what the relay refused, named, while the strip shows (quitting asks)
        self._open: QDialog | None = None  # the editor the button opened, while it is open
        self.text = QLabel(self)
        self.fix = QPushButton(self.tr("&Fix…"))
        self.fix.clicked.connect(self.open_editor)
        self.discard = QPushButton(self.tr("Disc&ard change…"))
        self.discard.clicked.connect(self.discard_change)
        lay_out_warning_strip(self, self.text, self.fix, self.discard)
        self.hide()
        # Opens the editor (a dialog); tests may give their own.
        self.open_dialog: Callable[[str], QDialog | None] = self._editor_for
        ctx.hub.changed.connect(self._changed)

    def refresh(self) -> None:
        """Read the stored state (at the start, and whenever the automations change)."""
        run_read(
            self.ctx,
            load_state,
            self.show_for,
            parent=self,
            on_failure=lambda exc: log.warning("automations state not read: %s", type(exc).__name__),
        )

    def _changed(self, changes: Changes) -> None:
        if changes.automations:
            self.refresh()

    def show_for(self, state: AutomationsState) -> None:
        refused = state.status is SyncStatus.REFUSED
        self.names = refused_names(state) if refused else []
        if refused:
            parts = state.waiting_parts
            self.editor = (parts[0] if parts else AutomationsPart.PROFILE).value
            self.text.setText(refused_sentence(state))
        self.setVisible(refused)

    def _editor_for(self, name: str) -> QDialog | None:
        from ui.automation_editors import editor_for_part

        return editor_for_part(self.ctx, name, self.window())

    def open_editor(self) -> None:
        """The editor of the refused part: it shows the refused change, saved, to fix and save again."""
        from ui.ops import delete_when_closed

        if self._open is not None and self._open.isVisible():
            self._open.raise_()
            self._open.activateWindow()
            return
        dialog = self.open_dialog(self.editor)
        if dialog is None:
            return
        delete_when_closed(dialog)
        dialog.finished.connect(lambda _result: setattr(self, "_open", None))
        self._open = dialog
        dialog.show()

    def discard_change(self) -> None:
        """Asked first: the refused change is gone, and the relay's version is shown here again."""
        client = self.ctx.sync.relay_client() if self.ctx.sync is not None else None
        title = self.tr("Discard your change?")
        if client is None:
            message_box.warning(
                self,
                title,
                self.tr("Shop Inbox is not connected to your relay, so its version cannot be read now."),
            )
            return
        if not confirm(
            self,
            title,
            self.tr(
                "Your refused change is deleted from this computer, and the editors show the version "
                "your relay uses."
            ),
            self.tr("Discard change"),
            keep=self.tr("Keep it"),
            warning=True,
        ):
            return
        db = self.ctx.db

        def discarded(result: tuple[AutomationsState, Changes]) -> None:
            state, changes = result
            self.show_for(state)
            self.ctx.publish(changes)

        def failed(exc: BaseException) -> None:
            message_box.warning(self, title, failure_sentence(exc))

        run_op(lambda: discard_refused_change(db, client), discarded, parent=self, on_failure=failed)
