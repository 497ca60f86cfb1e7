"""The quick reply being written and not saved yet, kept through a crash (app/editor_drafts.py) and
offered again while its words differ from the reply as saved."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.editor_drafts import forget_editor_draft, keep_editor_draft, read_editor_draft
from app.quick_replies import clean_keywords, get_quick_reply
from app.text import nfc

if TYPE_CHECKING:
    from app.db import Database

EDITOR = "quick_reply"


@dataclass(frozen=True, slots=True)
class QuickReplyWords:
    """The form's words: `reply_id` None for a new reply; texts with their fields as stored
    ("{first_name}"); `keywords` as typed in their field (commas between)."""

    reply_id: int | None
    shortcut: str
    text: str
    other_text: str
    keywords: str


@dataclass(frozen=True, slots=True)
class UnsavedQuickReply:
    at: datetime
    words: QuickReplyWords


def keep_quick_reply_draft(db: Database, words: QuickReplyWords) -> None:
    keep_editor_draft(db, EDITOR, dataclasses.asdict(words))


def forget_quick_reply_draft(db: Database) -> None:
    forget_editor_draft(db, EDITOR)


def _words(content: object) -> QuickReplyWords | None:
    if not isinstance(content, dict):
        return None
    reply_id = content.get("reply_id")
    texts = [content.get(name) for name in ("shortcut", "text", "other_text", "keywords")]
    if not (reply_id is None or (isinstance(reply_id, int) and not isinstance(reply_id, bool))):
        return None
    if not all(isinstance(text, str) for text in texts):
        return None
    shortcut, text, other, keywords = (str(t) for t in texts)
    return QuickReplyWords(reply_id, shortcut, text, other, keywords)


def _keywords(typed: str) -> list[str]:
    return clean_keywords(k for k in typed.split(",") if k.strip())


def unsaved_quick_reply(db: Database) -> UnsavedQuickReply | None:
    """The kept words, when they differ from the reply as saved (or are a new reply's words). A
    reply deleted since comes back as a new one: her words are what matters."""
    kept = read_editor_draft(db, EDITOR)
    words = _words(kept.content) if kept is not None else None
    if kept is None or words is None:
        return None
    with db.read() as session:
        row = get_quick_reply(session, words.reply_id) if words.reply_id is not None else None
    if row is None:
        words = dataclasses.replace(words, reply_id=None)
        typed = [words.text, words.other_text, words.keywords, words.shortcut.strip().lstrip("/")]
        return UnsavedQuickReply(kept.at, words) if any(t.strip() for t in typed) else None
    saved = (row.shortcut, row.text, row.text_other_language, list(row.keywords))
    typed_now = (
        nfc(words.shortcut).strip(),
        nfc(words.text).strip(),
        nfc(words.other_text).strip(),
        _keywords(words.keywords),
    )
    return None if typed_now == saved else UnsavedQuickReply(kept.at, words)
