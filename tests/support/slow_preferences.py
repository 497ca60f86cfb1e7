"""Preferences a later version stored: its saved searches kept beside them, so many of them that
the preferences take a moment to read."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path
from typing import Any

from app.db import Database
from app.first_page import PREFERENCES_KEY
from app.settings import Preferences, put_setting

SAVED_SEARCHES = 100_000  # about 6 MB of preferences: read in about half a second


def later_versions_keys(searches: int) -> dict[str, Any]:
    """What a later version keeps in the preferences that this one does not know: saved searches."""
    return {"recent_searches": [{"query": f"주문 {n}", "labels": [n, n + 1]} for n in range(searches)]}


def store_later_preferences(db: Database, prefs: Preferences, searches: int = 3) -> None:
    """Store `prefs` as a later version stores them, with its own keys beside them (read, then
    ignored here, and kept through a save)."""
    with db.write() as s:
        put_setting(s, PREFERENCES_KEY, dataclasses.asdict(prefs) | later_versions_keys(searches))


def store_slow_preferences(db: Database, prefs: Preferences) -> None:
    """Store `prefs` with much a later version kept there: reading them takes a moment, as on a slow
    disk, so what the owner does meanwhile comes before they arrive."""
    store_later_preferences(db, prefs, SAVED_SEARCHES)


def preferences_in_the_file(path: Path) -> dict[str, Any]:
    """The preferences as the inbox file at `path` holds them, read apart from the app's own session."""
    con = sqlite3.connect(path)
    try:
        (value,) = con.execute("SELECT value FROM setting WHERE key = ?", (PREFERENCES_KEY,)).fetchone()
    finally:
        con.close()
    stored = json.loads(value)
    assert isinstance(stored, dict)
    return stored
