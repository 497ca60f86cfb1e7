"""WhatsApp's limits on what may be sent, checked before Graph is called."""

from __future__ import annotations

import re
from typing import Any

from app.wire import (
    BUTTON_TITLE_MAX,
    CAPTION_MAX,
    FOOTER_MAX,
    HEADER_TEXT_MAX,
    INTERACTIVE_BODY_MAX,
    LIST_BUTTON_MAX,
    LIST_ROWS_MAX,
    MEDIA_KINDS,
    REPLY_BUTTONS_MAX,
    ROW_DESCRIPTION_MAX,
    ROW_ID_MAX,
    ROW_TITLE_MAX,
    SECTION_TITLE_MAX,
    SEND_KINDS,
    TEXT_MAX,
    whatsapp_length,
)

# Graph's media ids are digits; anything else never reaches a Graph URL or a file name.
_MEDIA_ID = re.compile(r"[0-9]{1,30}")


def is_media_id(value: object) -> bool:
    return isinstance(value, str) and _MEDIA_ID.fullmatch(value) is not None


class LimitError(ValueError):
    """A message WhatsApp would refuse; the text says what to change."""


def _len(value: Any) -> int:
    return whatsapp_length(value) if isinstance(value, str) else 0


def validate_send(body: Any) -> str:
    """Raise LimitError for anything WhatsApp would refuse; returns the message type."""
    if not isinstance(body, dict):
        raise LimitError("The message must be a JSON object.")
    to = str(body.get("to") or "")
    if not to.lstrip("+").isdigit() or not 6 <= len(to.lstrip("+")) <= 15:
        raise LimitError("'to' must be the customer's phone number in international format.")
    kind = body.get("type", "text")
    if kind not in SEND_KINDS:
        raise LimitError(f"Unknown message type {kind!r}.")
    obj = body.get(kind)
    if not isinstance(obj, dict):
        raise LimitError(f"A {kind} message needs a '{kind}' object.")
    if kind == "text":
        text = obj.get("body")
        if not isinstance(text, str) or not text.strip():
            raise LimitError("The message is empty.")
        length = whatsapp_length(text)
        if length > TEXT_MAX:
            raise LimitError(
                f"A text message can have at most {TEXT_MAX} characters (this one has {length})."
            )
    elif kind in MEDIA_KINDS:
        if not obj.get("id") and not obj.get("link"):
            raise LimitError("A media message needs an uploaded media id or a link.")
        if _len(obj.get("caption")) > CAPTION_MAX:
            raise LimitError(f"A caption can have at most {CAPTION_MAX} characters.")
    elif kind == "interactive":
        _validate_interactive(obj)
    elif kind == "template" and not obj.get("name"):
        raise LimitError("A template message needs the template's name.")
    return str(kind)


def _validate_interactive(obj: dict[str, Any]) -> None:
    itype = obj.get("type")
    body_text = (obj.get("body") or {}).get("text") if isinstance(obj.get("body"), dict) else None
    if itype in ("button", "list") and (not isinstance(body_text, str) or not body_text.strip()):
        raise LimitError("An interactive message needs a body text.")
    if _len(body_text) > INTERACTIVE_BODY_MAX:
        raise LimitError(f"The message text can have at most {INTERACTIVE_BODY_MAX} characters.")
    header = obj.get("header")
    if (
        isinstance(header, dict)
        and header.get("type") == "text"
        and _len(header.get("text")) > HEADER_TEXT_MAX
    ):
        raise LimitError(f"A header can have at most {HEADER_TEXT_MAX} characters.")
    footer = obj.get("footer")
    if isinstance(footer, dict) and _len(footer.get("text")) > FOOTER_MAX:
        raise LimitError(f"A footer can have at most {FOOTER_MAX} characters.")
    action: dict[str, Any] = obj["action"] if isinstance(obj.get("action"), dict) else {}
    if itype == "button":
        buttons = action.get("buttons") or []
        if not 1 <= len(buttons) <= REPLY_BUTTONS_MAX:
            raise LimitError(f"Reply buttons: between 1 and {REPLY_BUTTONS_MAX}.")
        titles: set[str] = set()
        for button in buttons:
            title = ((button or {}).get("reply") or {}).get("title")
            if not isinstance(title, str) or not title or whatsapp_length(title) > BUTTON_TITLE_MAX:
                raise LimitError(f"A button title needs 1 to {BUTTON_TITLE_MAX} characters.")
            if title.strip() in titles:  # WhatsApp refuses two buttons of one message with one title
                raise LimitError("Each button needs a title of its own.")
            titles.add(title.strip())
    elif itype == "list":
        if not 1 <= _len(action.get("button")) <= LIST_BUTTON_MAX:
            raise LimitError(f"The list's button text needs 1 to {LIST_BUTTON_MAX} characters.")
        sections = [section or {} for section in action.get("sections") or []]
        for section in sections:
            title = section.get("title")
            if _len(title) > SECTION_TITLE_MAX:
                raise LimitError(f"A section title can have at most {SECTION_TITLE_MAX} characters.")
            if len(sections) > 1 and not (isinstance(title, str) and title.strip()):
                raise LimitError("A list of several sections needs a title for each.")
        rows = [row for section in sections for row in section.get("rows") or []]
        if not 1 <= len(rows) <= LIST_ROWS_MAX:
            raise LimitError(f"A list can have between 1 and {LIST_ROWS_MAX} rows.")
        ids: set[str] = set()
        for row in rows:
            if not 1 <= _len(row.get("title")) <= ROW_TITLE_MAX:
                raise LimitError(f"A row title needs 1 to {ROW_TITLE_MAX} characters.")
            if _len(row.get("description")) > ROW_DESCRIPTION_MAX:
                raise LimitError(f"A row description can have at most {ROW_DESCRIPTION_MAX} characters.")
            row_id = row.get("id")
            if isinstance(row_id, str) and row_id:
                if whatsapp_length(row_id) > ROW_ID_MAX:
                    raise LimitError(f"A row's id can have at most {ROW_ID_MAX} characters.")
                if row_id in ids:  # the customer's tap names the row by it: two would answer alike
                    raise LimitError("Each row needs an id of its own.")
                ids.add(row_id)
    elif itype not in ("product", "product_list", "cta_url", "location_request_message", "flow"):
        raise LimitError(f"Unknown interactive type {itype!r}.")


def needs_open_window(body: dict[str, Any]) -> bool:
    """Everything but templates is free-form and needs the 24-hour customer-service window."""
    return body.get("type", "text") != "template"
