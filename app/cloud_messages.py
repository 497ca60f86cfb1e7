"""Reading WhatsApp Cloud API message objects: kind, displayable text, media, time and the customer key."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from app.media_cache import sanitise_filename
from app.phones import e164_digits
from app.text import nfc, without_direction_marks
from app.wire import MEDIA_KINDS, MESSAGE_KINDS

# The `system.type` of the notice the desktop writes where the relay served an `unreadable` event.
RELAY_UNREADABLE = "relay_unreadable"
# A customer's edit or deletion of a message she sent before: a change to that message, not a new one.
AMEND_KINDS = ("edit", "revoke")


def whatsapp_time(value: Any, fallback: datetime) -> datetime:
    """WhatsApp's timestamp (seconds, as a string) as an aware UTC datetime."""
    try:
        return datetime.fromtimestamp(int(str(value)), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return fallback


# The customer opened a chat with the shop for the first time, before writing anything (Meta sends it
# where the number's welcome message is on): a notice in the chat, not a message of hers.
WELCOME_REQUEST = "request_welcome"


def message_kind(obj: Mapping[str, Any]) -> str:
    kind = str(obj.get("type") or "unsupported")
    if kind == WELCOME_REQUEST:
        return "system"
    return kind if kind in MESSAGE_KINDS else "unsupported"


def message_body(obj: Mapping[str, Any]) -> str:
    """Searchable, displayable text of a Cloud API message object (text, caption, tapped title…)."""
    kind = str(obj.get("type") or "")
    part = obj.get(kind)
    text = ""
    if kind == "text" and isinstance(part, dict):
        text = str(part.get("body") or "")
    elif kind in MEDIA_KINDS and isinstance(part, dict):
        text = str(part.get("caption") or "")
        if not text and kind == "document":
            text = without_direction_marks(str(part.get("filename") or ""))
    elif kind == "interactive" and isinstance(part, dict) and part.get("type") == "nfm_reply":
        text = flow_answers(part.get("nfm_reply"))
    elif kind == "interactive" and isinstance(part, dict):
        reply = part.get(str(part.get("type") or "")) or {}
        if isinstance(reply, dict):
            text = str(reply.get("title") or reply.get("body") or "")
            if reply.get("description"):
                text = f"{text}\n{reply['description']}"
        body = part.get("body")
        if not text and isinstance(body, dict):
            text = str(body.get("text") or "")
    elif kind == "button" and isinstance(part, dict):
        text = str(part.get("text") or part.get("payload") or "")
    elif kind == "location" and isinstance(part, dict):
        text = "\n".join(str(part[k]) for k in ("name", "address") if part.get(k))
    elif kind == "contacts" and isinstance(part, list):
        names = [str((c.get("name") or {}).get("formatted_name") or "") for c in part if isinstance(c, dict)]
        text = ", ".join(n for n in names if n)
    elif kind == "order" and isinstance(part, dict):
        text = str(part.get("text") or "")
    elif kind == "system" and isinstance(part, dict):
        text = str(part.get("body") or "")
    elif kind == "template" and isinstance(part, dict):
        text = str(part.get("name") or "")
    return nfc(text)


def file_name_only(kind: str, body: str | None, payload: Mapping[str, Any] | None) -> bool:
    """A document sent without a caption, whose text (`message_body`) is only its file name: its card
    or its "<attached: …>" line names the file, and the name is not said a second time."""
    part = (payload or {}).get("document")
    if kind != "document" or not isinstance(part, dict) or part.get("caption") or not part.get("filename"):
        return False
    name = str(part["filename"])
    return (body or "").strip() in (name.strip(), without_direction_marks(name).strip())


FLOW_ANSWERS_MAX = 50  # fields of one form shown; a form is a few questions


def flow_answers(reply: Any) -> str:
    """A WhatsApp Flow (form) the customer filled in (`nfm_reply`): her answers, a line each
    ("size: M"), from its `response_json`; not Meta's "Sent", which says nothing and is English. The
    `flow_token` is the shop's own reference, not an answer."""
    if not isinstance(reply, dict):
        return ""
    try:
        answers = json.loads(str(reply.get("response_json") or "{}"))
    except ValueError:
        answers = None
    if not isinstance(answers, dict):
        return str(reply.get("body") or "")
    lines = []
    for key, value in list(answers.items())[:FLOW_ANSWERS_MAX]:
        if key == "flow_token" or value in (None, "", [], {}):
            continue
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        lines.append(f"{key}: {shown}")
    return "\n".join(lines) or str(reply.get("body") or "")


def media_row(obj: Mapping[str, Any]) -> dict[str, Any] | None:
    """The Media columns of a media message (relay media id, mime, sanitised file name, sha256)."""
    kind = str(obj.get("type") or "")
    part = obj.get(kind)
    if kind not in MEDIA_KINDS or not isinstance(part, dict):
        return None
    filename = part.get("filename")
    return {
        "mime": str(part.get("mime_type") or "application/octet-stream").split(";")[0].strip(),
        "filename": sanitise_filename(str(filename)) if filename else None,
        "sha256": str(part["sha256"])[:64] if part.get("sha256") else None,
        "relay_media_id": str(part["id"]) if part.get("id") else None,
    }


def contact_key(wa_id: str | None, user_id: str | None) -> tuple[str, str] | None:
    """("wa", E.164 digits) when the number is known, else ("user", business-scoped user id)."""
    if wa_id:
        digits = e164_digits(str(wa_id))
        if digits:
            return ("wa", digits)
    if user_id:
        return ("user", str(user_id))
    return None


# --------------------------------------------------------------------------- the batch
