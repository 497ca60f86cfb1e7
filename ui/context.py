"""What every window is built from: the open database, folders, preferences, sync and the change hub."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.changes import Changes
from app.db import Database
from app.paths import AppPaths

if TYPE_CHECKING:
    from ui.sync_adapter import SyncAdapter


class ChangeHub(QObject):
    """The one "what changed" signal: ops and synced batches publish, views listen."""

    changed = Signal(object)  # Changes
    # A file WhatsApp no longer has (the relay said so): its media id, once (AppContext.media_gone).
    media_gone = Signal(int)
    # An editor that offers its own kept words opened (True) or closed: its name ("away", "quick_reply"
    # …, ui.kept_edits_strip.editor_name). The offer above the chats steps back while it is open.
    editor_open = Signal(str, bool)

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)


class OwnChanges:
    """Publishes the changes a window made itself. Every view hears them; the window's own hub slot
    asks `publishing` and lets them pass, as it shows them already (or reloads once, after)."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.publishing = False

    def publish(self, changes: Changes) -> None:
        self.publishing = True
        try:
            self._ctx.publish(changes)
        finally:
            self.publishing = False


@dataclass
class AppContext:
    """Built once in ui/main.py (or by a test) and handed to the main window."""

    db: Database
    paths: AppPaths
    demo: bool = False
    # The Qt adapter around app's sync engine (ui/sync_adapter.py); None until sync starts.
    sync: SyncAdapter | None = None
    # Preferences shown in the settings dialog (enter_sends, notifications, previews, receipts…).
    prefs: dict[str, Any] = field(default_factory=dict)
    shop_region: str = "KR"
    currency: str = "KRW"
    # A token held in memory only (the demo's embedded relay, tests); else the keyring has it.
    relay_token: str | None = None
    # The demo's clean-up (stops the embedded relay, removes its folder).
    stop_demo: Callable[[], None] | None = None
    # Where `--demo --data-dir` keeps the demo shop across runs; None: thrown away at quit.
    demo_kept_in: Path | None = None
    # The demo's sample bank and courier files: where the dialogs that open such files start.
    demo_samples: Path | None = None
    # Connect views with `ctx.hub.changed.connect(...)`; ops publish with `ctx.publish(changes)`.
    hub: ChangeHub = field(default_factory=ChangeHub)
    # Media ids WhatsApp no longer has, learnt while the app runs: the chat's boxes and the contact
    # panel's list say so from this one set, and neither asks the relay for them again.
    gone_media: set[int] = field(default_factory=set)
    # Exports whose import a crash or power cut stopped part-way (what it wrote was removed at this
    # start): the window says so once it shows (ui/import_cut_short.py).
    imports_cut_short: list[Path] = field(default_factory=list)

    @property
    def read_only(self) -> bool:
        """The disk was full at start: the inbox is open to read only, and sync does not run."""
        return self.db.read_only

    def media_gone(self, media_id: int) -> None:
        """The relay said WhatsApp no longer has this file: every view showing it is told, once."""
        if media_id not in self.gone_media:
            self.gone_media.add(media_id)
            self.hub.media_gone.emit(media_id)

    def publish(self, changes: Changes) -> None:
        """Tell every view what changed (on the GUI thread; empty changes are dropped)."""
        self.hub.publish(changes)
