"""A strip above the chats after a start: an editor's words that were typed and never saved (the
battery died, the app crashed), with Restore (the editor opens with them, unsaved) and Discard."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from app.automation_drafts import UnsavedRules, forget_rules_draft, unsaved_rules
from app.changes import Changes
from ui.context import AppContext
from ui.kept_edits_strip import KeptEditsStrip, kept_rules_sentence
from ui.ops import run_op

log = logging.getLogger(__name__)


class KeptEditsNotice(KeptEditsStrip):
    """Offers the first editor's kept words that still differ from what is saved; hidden otherwise."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kept: UnsavedRules | None = None
        self.restore.connect(self.open_editor)
        self.discard.connect(self.forget)
        # Opens the part's editor (a dialog); tests give their own.
        self.open_dialog: Callable[[str], QDialog | None] = self._editor_for
        self._open: QDialog | None = None

    def refresh(self) -> None:
        """Read what the editors kept (after the first paint, and whenever the automations change)."""
        db = self.ctx.db
        run_op(
            lambda: unsaved_rules(db),
            self.show_for,
            parent=self,
            on_failure=lambda exc: log.warning("kept editor forms not read: %s", type(exc).__name__),
        )

    def show_for(self, kept: list[UnsavedRules]) -> None:
        self.kept = kept[0] if kept else None
        if self.kept is None or (self._open is not None and self._open.isVisible()):
            self.hide()
            return
        self.offer(kept_rules_sentence(self.kept.part, self.kept.at))

    def _editor_for(self, part: str) -> QDialog | None:
        from ui.automation_editors import editor_for_part

        return editor_for_part(self.ctx, part, self.window())

    def open_editor(self) -> None:
        """The editor, its form filled with the kept words (not saved: the owner reads and saves)."""
        from ui.automation_dialog import AutomationDialog
        from ui.ops import delete_when_closed

        if self.kept is None:
            return
        dialog = self.open_dialog(self.kept.part.value)
        if dialog is None:
            return
        if isinstance(dialog, AutomationDialog):
            dialog.restore_on_load = True
        delete_when_closed(dialog)
        dialog.finished.connect(self._editor_closed)
        self._open = dialog
        dialog.show()

    def _editor_closed(self, _result: int) -> None:
        self._open = None
        self.refresh()  # another editor's kept words, or these again if closed undecided

    def forget(self) -> None:
        if self.kept is None:
            return
        db, part, ctx = self.ctx.db, self.kept.part, self.ctx
        run_op(
            lambda: forget_rules_draft(db, part),
            lambda _none: ctx.publish(Changes(automations=True)),
            writes=True,
            on_failure=lambda exc: log.warning("kept editor form not forgotten: %s", type(exc).__name__),
        )
