"""Replies typed and not sent yet, per chat, kept in the inbox so a restart (or a crash) loses none.

Stored as one setting row ({contact id: text}): the composer saves it a moment after the owner stops
typing and when another chat opens; the window reads it once after its first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.changes import Changes
from app.settings import get_setting, put_setting

if TYPE_CHECKING:
    from app.db import Database

DRAFTS_KEY = "drafts"
DRAFT_CHARS = 65_536  # as much as the composer holds (ui/bounded_text.py)
DRAFTS_KEPT = 500  # the newest typed; an older one is dropped rather than the row growing without end


def read_drafts(db: Database) -> dict[int, str]:
    with db.read() as session:
        stored = get_setting(session, DRAFTS_KEY, {})
    if not isinstance(stored, dict):
        return {}
    drafts: dict[int, str] = {}
    for key, text in stored.items():
        if isinstance(text, str) and text.strip() and str(key).isdigit():
            drafts[int(key)] = text[:DRAFT_CHARS]
    return drafts


def store_drafts(db: Database, drafts: dict[int, str]) -> Changes:
    """Replace the stored drafts with these (in the order typed: the last ones are kept)."""
    kept = [(k, t[:DRAFT_CHARS]) for k, t in drafts.items() if t.strip()][-DRAFTS_KEPT:]
    with db.write() as session:
        put_setting(session, DRAFTS_KEY, {str(k): t for k, t in kept})
    return Changes()  # nothing any view shows
