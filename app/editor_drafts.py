"""Words typed in an editor (an away message, a greeting, the menu bot's answers) and not saved yet,
kept in the inbox so a dead battery or a crash loses none of them.

One setting row per editor ("editor_draft:away" → {"at": UTC milliseconds, "content": …}), as the
composer keeps its drafts (app/drafts.py): the editor keeps its form a few seconds after the owner
starts typing and whenever the focus leaves a field, and forgets it on Save and on an explicit
discard. A row of its own per editor, so two editors open at once never overwrite each other's.
What `content` holds is the editor's to say (plain JSON: an Automations document for the automation
editors); it is never sent anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from app.models import Setting
from app.settings import get_setting, put_setting

if TYPE_CHECKING:
    from app.db import Database

KEY_PREFIX = "editor_draft:"


@dataclass(frozen=True, slots=True)
class KeptDraft:
    """An editor's unsaved form as kept at `at` (aware, UTC)."""

    editor: str
    at: datetime
    content: Any


def _key(editor: str) -> str:
    return KEY_PREFIX + editor


def keep_editor_draft(db: Database, editor: str, content: Any, at: datetime | None = None) -> None:
    """Keep `editor`'s unsaved form (JSON-able), replacing what was kept before."""
    stamp = int((at or datetime.now(UTC)).timestamp() * 1000)
    with db.write() as session:
        put_setting(session, _key(editor), {"at": stamp, "content": content})


def read_editor_draft(db: Database, editor: str) -> KeptDraft | None:
    """What `editor` kept and nobody saved or discarded since, or None."""
    with db.read() as session:
        stored = get_setting(session, _key(editor))
    if not isinstance(stored, dict) or "content" not in stored:
        return None
    stamp = stored.get("at")
    if not isinstance(stamp, int) or isinstance(stamp, bool):
        return None
    return KeptDraft(editor, datetime.fromtimestamp(stamp / 1000, UTC), stored["content"])


def forget_editor_draft(db: Database, editor: str) -> None:
    """The form was saved or its edits thrown away: nothing of it is offered again."""
    with db.write() as session:
        row = session.get(Setting, _key(editor))
        if row is not None:
            session.delete(row)
