"""What every window is built from: the open database, the app's folders, preferences and sync."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.db import Database
from app.paths import AppPaths

if TYPE_CHECKING:
    from ui.sync_adapter import SyncAdapter


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
