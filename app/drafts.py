"""Replies typed and not sent yet, per chat, kept in the inbox so a restart (or a crash) loses none.

Stored as one setting row ({contact id: text}, or {contact id: {"text", "reply_to"}} when the reply
quotes a message): the composer saves it a moment after the owner stops typing, when another chat
opens and when a quote is picked or dropped; the window reads it once after its first paint.
The files attached and not sent yet wait the same way, in a second row ({contact id: [path…]}): only
this computer's own paths, which the relay never sends and a sync never touches. A quick reply's
file among them stays in the data folder while a draft holds it (QuickReplyLibrary.prune).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING

from app.changes import Changes
from app.paths import PASTED_FOLDER, QUICK_REPLY_FOLDER
from app.queries import MessageRow, messages_by_ids
from app.settings import get_setting, put_setting

if TYPE_CHECKING:
    from app.db import Database

DRAFTS_KEY = "drafts"
DRAFT_FILES_KEY = "draft_files"
# The inbox's own folders a draft's file may wait in, which a backup carries to another computer.
CARRIED_FOLDERS = (PASTED_FOLDER, QUICK_REPLY_FOLDER)
DRAFT_CHARS = 65_536  # as much as the composer holds (ui/bounded_text.py)
DRAFTS_KEPT = 500  # the newest typed; an older one is dropped rather than the row growing without end


def read_drafts(db: Database) -> dict[int, str]:
    return read_drafts_and_quotes(db)[0]


def read_drafts_and_quotes(db: Database) -> tuple[dict[int, str], dict[int, MessageRow]]:
    """The drafts' texts, and the message each quotes that is still in its chat."""
    with db.read() as session:
        stored = get_setting(session, DRAFTS_KEY, {})
        drafts: dict[int, str] = {}
        quoting: dict[int, int] = {}
        for key, value in stored.items() if isinstance(stored, dict) else ():
            text, reply_to = (
                (value.get("text"), value.get("reply_to")) if isinstance(value, dict) else (value, None)
            )
            if isinstance(text, str) and text.strip() and str(key).isdigit():
                drafts[int(key)] = text[:DRAFT_CHARS]
                if isinstance(reply_to, int):
                    quoting[int(key)] = reply_to
        found = {row.id: row for row in messages_by_ids(session, list(quoting.values()))}
    # A quoted message deleted since (with its chat, or on its own) is left out; the text stays.
    quotes = {
        contact_id: found[message_id]
        for contact_id, message_id in quoting.items()
        if message_id in found and found[message_id].contact_id == contact_id
    }
    return drafts, quotes


def read_draft_files(db: Database) -> dict[int, list[Path]]:
    """The files each chat had attached and not sent when the app last stored its drafts, as they
    were named then (whether each is still there is the composer's to find when the chat opens),
    but a pasted picture or a quick reply's file named in another inbox folder: a backup restored on
    a new computer brought those into this one's. Blocking (a stat per file)."""
    with db.read() as session:
        stored = get_setting(session, DRAFT_FILES_KEY, {})
    data_dir = db.path.parent
    files: dict[int, list[Path]] = {}
    for key, paths in stored.items() if isinstance(stored, dict) else ():
        named = paths if isinstance(paths, list) else []
        kept = [_in_this_inbox(Path(path), data_dir) for path in named if isinstance(path, str) and path]
        if str(key).isdigit() and kept:
            files[int(key)] = kept
    return files


def missing_files(paths: Iterable[Path]) -> list[Path]:
    """Of a draft's files, those this computer does not have (moved or deleted since, or left on the
    old computer by a move): the composer's note names them when their chat opens, and the chat
    list's draft line does not count them meanwhile. Blocking (a stat per file)."""
    return [path for path in paths if not path.exists()]


def _in_this_inbox(path: Path, data_dir: Path) -> Path:
    """`path`, or, when it is not there, the same file in this inbox's own folder of pasted pictures
    (pasted/<random>/<name>) or quick replies' files (quick_reply_media/<name>), where it was under
    the old computer's folder (a Windows one too, named with backslashes)."""
    if path.exists():
        return path
    text = str(path)
    parts = PureWindowsPath(text).parts if "\\" in text else path.parts
    for depth in (2, 3):  # the folder's own file, or one in a folder of its own
        if len(parts) > depth and parts[-depth] in CARRIED_FOLDERS:
            here = data_dir.joinpath(*parts[-depth:])
            return here if here.is_file() else path
    return path


def store_drafts(
    db: Database,
    drafts: dict[int, str],
    quotes: dict[int, int] | None = None,
    files: dict[int, list[Path]] | None = None,
) -> Changes:
    """Replace the stored drafts with these (in the order typed: the last ones are kept); `quotes`
    names the message a draft answers, `files` what each chat has attached (by contact)."""
    quotes = quotes or {}
    kept = [(k, t[:DRAFT_CHARS]) for k, t in drafts.items() if t.strip()][-DRAFTS_KEPT:]
    stored: dict[str, object] = {
        str(k): {"text": t, "reply_to": quotes[k]} if k in quotes else t for k, t in kept
    }
    attached = {str(k): [str(path) for path in paths] for k, paths in (files or {}).items() if paths}
    with db.write() as session:
        put_setting(session, DRAFTS_KEY, stored)
        put_setting(session, DRAFT_FILES_KEY, dict(list(attached.items())[-DRAFTS_KEPT:]))
    return Changes()  # nothing any view shows
