"""A strip above the chats after a start: an editor's words that were typed and never saved (the
battery died, the app crashed), with Restore (the editor opens with them, unsaved) and Discard."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from app.automation_drafts import UnsavedRules, forget_rules_draft, unsaved_rules
from app.changes import Changes
from ui.context import AppContext
from ui.kept_edits_strip import (
    QUICK_REPLIES,
    KeptEditsStrip,
    kept_campaign_sentence,
    kept_item_sentence,
    kept_quick_reply_sentence,
    kept_rules_sentence,
)
from ui.message_box import information
from ui.ops import Newest, run_op

if TYPE_CHECKING:
    from app.campaign_drafts import UnsavedCampaign
    from app.catalog_item_drafts import UnsavedItem
    from app.db import Database
    from app.quick_reply_drafts import UnsavedQuickReply

    Kept: TypeAlias = UnsavedRules | UnsavedQuickReply | UnsavedItem | UnsavedCampaign

log = logging.getLogger(__name__)

CATALOG = "catalog"  # window_requested's names for the windows that offer their own kept words
CAMPAIGNS = "campaigns"


def unsaved_forms(db: Database) -> list[Kept]:
    """Every editor's kept words that differ from what is saved, the automations' first (on a
    worker: the quick replies', catalogue's and campaigns' modules load there, not in the window's
    first second)."""
    from app.campaign_drafts import unsaved_campaign
    from app.catalog_item_drafts import unsaved_item
    from app.quick_reply_drafts import unsaved_quick_reply

    found: list[Kept] = list(unsaved_rules(db))
    for kept in (unsaved_quick_reply(db), unsaved_item(db), unsaved_campaign(db)):
        if kept is not None:
            found.append(kept)
    return found


def _window_of(kept: Kept) -> str | None:
    """The window (not a dialog) that restores `kept`: the catalogue's or the campaigns'."""
    from app.campaign_drafts import UnsavedCampaign  # loaded by unsaved_forms already
    from app.catalog_item_drafts import UnsavedItem

    if isinstance(kept, UnsavedItem):
        return CATALOG
    if isinstance(kept, UnsavedCampaign):
        return CAMPAIGNS
    return None


def _same_editor(a: Kept, b: Kept) -> bool:
    """Both are the kept words of one editor (an automations part's, the quick replies'…)."""
    if isinstance(a, UnsavedRules) and isinstance(b, UnsavedRules):
        return a.part is b.part
    return type(a) is type(b)


class KeptEditsNotice(KeptEditsStrip):
    """Offers the first editor's kept words that still differ from what is saved; hidden otherwise."""

    # The catalogue or the campaigns, to open and fill with their kept words (ui/menus.py opens
    # those windows, one of each).
    window_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kept: Kept | None = None
        self.restore.connect(self.open_editor)
        self.discard.connect(self.forget)
        # Opens an editor (a dialog) by name; tests give their own.
        self.open_dialog: Callable[[str], QDialog | None] = self._editor_for
        self._open: QDialog | None = None
        # Read again at each change: a look read before her Discard was stored that answered after
        # it offered the words again. A late answer for an older look never replaces a newer one.
        self._reads = Newest()
        self._handed: set[str] = set()  # windows given their kept words: theirs to offer now
        # Editors open now, by name, however they were opened (the Shop menu, the refused change's
        # strip): one that holds the kept words offers them itself. Offered here too, the same words
        # stood twice on screen, and a Restore here opened a second editor of the same part.
        self._editors_open: dict[str, int] = {}
        ctx.hub.editor_open.connect(self._editor_open)

    def refresh(self) -> None:
        """Read what the editors kept (after the first paint, and whenever the automations or the kept
        words change)."""
        db = self.ctx.db
        self._reads.run_op(
            lambda: unsaved_forms(db),
            self.show_for,
            parent=self,
            on_failure=lambda exc: log.warning("kept editor forms not read: %s", type(exc).__name__),
        )

    def show_for(self, kept: list[Kept]) -> None:
        kept = [k for k in kept if _window_of(k) not in self._handed]
        self.kept = kept[0] if kept else None
        if (
            self.kept is None
            or (self._open is not None and self._open.isVisible())
            or self._editor_name(self.kept) in self._editors_open
        ):
            self.hide()
            return
        from app.catalog_item_drafts import UnsavedItem  # loaded by unsaved_forms already
        from app.quick_reply_drafts import UnsavedQuickReply

        k = self.kept
        if isinstance(k, UnsavedRules):
            self.offer(kept_rules_sentence(k.part, k.at))
        elif isinstance(k, UnsavedQuickReply):
            self.offer(kept_quick_reply_sentence(k.words.shortcut, k.at))
        elif isinstance(k, UnsavedItem):
            self.offer(kept_item_sentence(k.words.name, k.at))
        else:
            self.offer(kept_campaign_sentence(k.draft.name, k.at))

    @staticmethod
    def _editor_name(kept: Kept) -> str | None:
        """The name of the dialog that restores `kept` (None: a window's, see _window_of)."""
        if _window_of(kept) is not None:
            return None
        return kept.part.value if isinstance(kept, UnsavedRules) else QUICK_REPLIES

    def _editor_open(self, name: str, is_open: bool) -> None:
        count = self._editors_open.get(name, 0) + (1 if is_open else -1)
        if count > 0:
            self._editors_open[name] = count
        else:
            self._editors_open.pop(name, None)
        if is_open and self.kept is not None and self._editor_name(self.kept) == name:
            self.hide()
        elif not is_open:
            self.refresh()  # saved, discarded, or left kept again: read what is kept now

    def _editor_for(self, name: str) -> QDialog | None:
        if name == QUICK_REPLIES:
            from ui.quick_reply_manager import QuickReplyManager

            return QuickReplyManager(self.ctx, self.window())
        from ui.automation_editors import editor_for_part

        return editor_for_part(self.ctx, name, self.window())

    def open_editor(self) -> None:
        """The editor, its form filled with the kept words (not saved: the owner reads and saves),
        once they are read again: saved or discarded meanwhile, there is nothing to open."""
        wanted, db = self.kept, self.ctx.db
        if wanted is None:
            return
        run_op(
            lambda: unsaved_forms(db),
            lambda found: self._open_found(wanted, found),
            parent=self,
            on_failure=lambda exc: log.warning("kept editor forms not read: %s", type(exc).__name__),
        )

    def _open_found(self, wanted: Kept, found: list[Kept]) -> None:
        from ui.automation_dialog import AutomationDialog
        from ui.ops import delete_when_closed
        from ui.quick_reply_manager import QuickReplyManager

        self.kept = next((k for k in found if _same_editor(k, wanted)), None)
        if self.kept is None:
            self.show_for(found)  # another editor's kept words, if any
            information(
                self.window(),
                self.tr("Restore"),
                self.tr("There is nothing to restore: those words were saved or discarded meanwhile."),
            )
            return
        if (window := _window_of(self.kept)) is not None:
            self._handed.add(window)
            self.window_requested.emit(window)
            self.refresh()  # another editor's kept words, if any
            return
        name = self._editor_name(self.kept) or QUICK_REPLIES
        dialog = self.open_dialog(name)
        if dialog is None:
            return
        if isinstance(dialog, AutomationDialog | QuickReplyManager):
            dialog.restore_on_load = True
        delete_when_closed(dialog)
        dialog.finished.connect(self._editor_closed)
        self._open = dialog
        dialog.show()

    def _editor_closed(self, _result: int) -> None:
        self._open = None
        self.refresh()  # another editor's kept words, or these again if closed undecided

    def forget(self) -> None:
        kept, db, ctx = self.kept, self.ctx.db, self.ctx
        if kept is None:
            return
        from app.campaign_drafts import forget_campaign_draft  # loaded by unsaved_forms already
        from app.catalog_item_drafts import UnsavedItem, forget_item_draft
        from app.quick_reply_drafts import UnsavedQuickReply, forget_quick_reply_draft

        work: Callable[[], None]
        if isinstance(kept, UnsavedRules):
            part = kept.part
            work = lambda: forget_rules_draft(db, part)  # noqa: E731
        elif isinstance(kept, UnsavedQuickReply):
            work = lambda: forget_quick_reply_draft(db)  # noqa: E731
        elif isinstance(kept, UnsavedItem):
            work = lambda: forget_item_draft(db)  # noqa: E731
        else:
            work = lambda: forget_campaign_draft(db)  # noqa: E731
        run_op(
            work,
            lambda _none: ctx.publish(Changes(kept_edits=True)),
            writes=True,
            on_failure=lambda exc: log.warning("kept editor form not forgotten: %s", type(exc).__name__),
        )
