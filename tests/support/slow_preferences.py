"""Preferences that take a moment to read: a later version's many saved searches kept beside them."""

from __future__ import annotations

import dataclasses

from app.db import Database
from app.first_page import PREFERENCES_KEY
from app.settings import Preferences, put_setting

SAVED_SEARCHES = 100_000  # about 6 MB of preferences: read in about half a second


def store_slow_preferences(db: Database, prefs: Preferences) -> None:
    """Store `prefs` with much a later version kept there (read, then ignored here): reading them
    takes a moment, as on a slow disk, so what the owner does meanwhile comes before they arrive."""
    searches = [{"query": f"주문 {n}", "labels": [n, n + 1]} for n in range(SAVED_SEARCHES)]
    with db.write() as s:
        put_setting(s, PREFERENCES_KEY, dataclasses.asdict(prefs) | {"recent_searches": searches})
