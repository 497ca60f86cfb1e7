"""The chat list's first page, read with plain sqlite3 so start-up paints it before SQLAlchemy loads."""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.business_numbers import (
    BUSINESS_NUMBERS_KEY,
    CHAT_LIST_NUMBER_KEY,
    NO_NUMBERS,
    ChatListNumbers,
    stored_chat_list_numbers,
)
from app.conversation_rows import (
    CONVERSATIONS_SQL,
    ConversationRow,
    any_archived_sql,
    conversation_row,
    conversation_where,
)
from app.db import SCHEMA_VERSION, immutable_uri

log = logging.getLogger(__name__)

# The single named exception to "no database access outside an op": start-up, before the event loop
# runs and before SQLAlchemy is imported, reads this one page and the stored preferences, read-only.
# Setting keys, here so this module imports no SQLAlchemy: app/settings.py and the chat importer use them.
PREFERENCES_KEY = "preferences"
UNFINISHED_IMPORT_KEY = "chat_import.unfinished"


@dataclass(frozen=True, slots=True)
class FirstPage:
    """What the window paints first: the newest conversations (filter "all", of the business number
    the list was left showing) and the stored preferences."""

    rows: list[ConversationRow]
    preferences: dict[str, Any]  # as stored; app.settings.load_preferences applies defaults later
    numbers: ChatListNumbers = NO_NUMBERS  # the list's number filter (app.business_numbers)
    # No row shown, and chats archived (of the number): the list's note says where they are.
    any_archived: bool = False


def read_first_page(path: Path, limit: int) -> FirstPage | None:
    """The first page, or None when start-up must take the full path first.

    None for a missing or empty file, a schema other than this code's (a migration is due), an
    import cut short (it is discarded before anything is shown), a shop not set up yet (the setup
    wizard comes first), or any SQLite error.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        log.info("first page: full start instead (%s)", exc)
        return None
    try:
        if int(con.execute("PRAGMA user_version").fetchone()[0]) != SCHEMA_VERSION:
            return None
        keys = (PREFERENCES_KEY, UNFINISHED_IMPORT_KEY, BUSINESS_NUMBERS_KEY, CHAT_LIST_NUMBER_KEY)
        asked = "SELECT key, value FROM setting WHERE key IN (?, ?, ?, ?)"
        stored = dict(con.execute(asked, keys).fetchall())
        if json.loads(stored.get(UNFINISHED_IMPORT_KEY) or "{}"):
            return None
        prefs = json.loads(stored.get(PREFERENCES_KEY) or "{}")
        if not isinstance(prefs, dict) or not (prefs.get("relay_url") or prefs.get("setup_done")):
            return None
        known = json.loads(stored.get(BUSINESS_NUMBERS_KEY) or "{}")
        numbers = stored_chat_list_numbers(known, json.loads(stored.get(CHAT_LIST_NUMBER_KEY) or "null"))
        where, params = conversation_where("all", None, contact_ids=False, number=numbers.shown)
        cursor = con.execute(CONVERSATIONS_SQL.format(where=where), {**params, "limit": limit, "offset": 0})
        rows = [conversation_row(r) for r in cursor]
        archived = not rows and bool(
            con.execute(any_archived_sql(numbers.shown is not None), {"number": numbers.shown}).fetchone()[0]
        )
        return FirstPage(rows=rows, preferences=prefs, numbers=numbers, any_archived=archived)
    except (sqlite3.Error, ValueError) as exc:
        log.info("first page: full start instead (%s)", exc)
        return None
    finally:
        con.close()


def stored_language(path: Path) -> str | None:
    """The language the owner chose, as stored in the file at `path` whatever its schema version
    (an inbox about to be updated says so in it) or state, read as `preferences_left_in` reads;
    None when there is none to read."""
    value = preferences_left_in(path).get("language")
    return value if isinstance(value, str) else None


def preferences_left_in(path: Path) -> dict[str, Any]:
    """The preferences as stored in a file that may be damaged, read without touching it: opened
    immutable and read only, so no lock is taken and nothing is made beside it (a read-only open
    of a WAL file makes a -wal and a -shm, and fails in a folder it cannot write to). A change
    still only in its -wal is read too (a program killed right after a change, such as its
    language, leaves it there): then the file is opened read only but not immutable, which sees the
    -wal and uses the -shm it left, and immutable again if that fails. {} when none can be read."""
    wal = path.with_name(path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        prefs = _preferences_read(f"{path.resolve().as_uri()}?mode=ro")
        if prefs is not None:
            return prefs
    prefs = _preferences_read(f"{immutable_uri(path)}&mode=ro")
    return prefs if prefs is not None else {}


def _preferences_read(uri: str) -> dict[str, Any] | None:
    """The preferences read through SQLite's `uri`, {} when it has none; None when it cannot be read."""
    try:
        con = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None
    try:
        # writable_schema lets SQLite read a file cut short (its header counts pages the disk lost),
        # which it otherwise refuses whole; the settings page, written early, is usually in what is
        # left. Nothing can be written through this connection either way.
        con.execute("PRAGMA writable_schema = ON")
        row = con.execute("SELECT value FROM setting WHERE key = ?", (PREFERENCES_KEY,)).fetchone()
        prefs = json.loads(row[0]) if row else {}
    except (sqlite3.Error, ValueError):
        return None
    finally:
        con.close()
    return prefs if isinstance(prefs, dict) else {}
