"""The words an interactive message showed besides its body (header, buttons or a list, footer).

The menu bot's menus and answers and the catalogue's lists are interactive messages: the customer
read their header, body, each button and footer, and of a list the button that opens it ("메뉴 보기")
and, in the sheet it opens, each section's title and row. `body` keeps the body alone (the chat
list's line, quotes, exports); the rest is `extra_text`, which the search indexes after the body
(app/schema_sql.py) and the bubble shows as `shown_text` does, so a word found is a word shown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from app.text import nfc

# How a button or list row is shown under the body, in the bubble and in a search hit's snippet.
CHOICE_MARK = "▸ "
# How a list's button, which opens its rows on the phone, is shown before them (WhatsApp draws ☰).
OPENER_MARK = "☰ "


def stored_payload(stored: str | None) -> dict[str, Any] | None:
    """A message row's stored payload column read back as the dict it was; None for none, or for text
    that is not a JSON object (a row written by hand or cut short)."""
    try:
        found = json.loads(stored) if stored else None
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _interactive(payload: Mapping[str, Any] | None) -> Mapping[str, Any]:
    interactive = (payload or {}).get("interactive")
    return interactive if isinstance(interactive, Mapping) else {}


def _choice_lines(payload: Mapping[str, Any] | None) -> list[str]:
    """The lines under the body: each button ("▸ "), or a list's opener ("☰ 메뉴 보기") and then,
    as the sheet it opens shows them, each section's title before its rows ("▸ ")."""
    action = _interactive(payload).get("action")
    if not isinstance(action, Mapping):
        return []
    lines = [CHOICE_MARK + title for title in _button_titles(action)]
    sections = [section for section in action.get("sections") or [] if isinstance(section, Mapping)]
    opener = str(action.get("button") or "").strip()
    if opener and any(section.get("rows") for section in sections):
        lines.append(OPENER_MARK + opener)
    for section in sections:
        rows = _row_titles(section)
        title = str(section.get("title") or "").strip()
        if title and rows:
            lines.append(title)
        lines.extend(CHOICE_MARK + row for row in rows)
    return lines


def _button_titles(action: Mapping[str, Any]) -> list[str]:
    titles: list[str] = []
    for button in action.get("buttons") or []:
        reply = button.get("reply") if isinstance(button, Mapping) else None
        if isinstance(reply, Mapping) and reply.get("title"):
            titles.append(str(reply["title"]))
    return titles


def _row_titles(section: Mapping[str, Any]) -> list[str]:
    """A section's rows, a row's description (a catalogue item's price) after its title and " · ",
    as the customer sees it under the title."""
    titles: list[str] = []
    for choice in section.get("rows") or []:
        if isinstance(choice, Mapping) and choice.get("title"):
            description = " ".join(str(choice.get("description") or "").split())
            titles.append(f"{choice['title']} · {description}" if description else str(choice["title"]))
    return titles


def _header(payload: Mapping[str, Any] | None) -> str:
    header = _interactive(payload).get("header")
    if isinstance(header, Mapping) and header.get("type") == "text":
        return str(header.get("text") or "").strip()
    return ""


def _footer(payload: Mapping[str, Any] | None) -> str:
    footer = _interactive(payload).get("footer")
    return str(footer.get("text") or "").strip() if isinstance(footer, Mapping) else ""


def extra_text(payload: Mapping[str, Any] | None, template_buttons: Sequence[str] = ()) -> str:
    """What the message showed besides its body, a line each: header, each button ("▸ ") or the
    list's opener ("☰ "), section titles and rows ("▸ "), footer; "" for a message with none
    (every message but an interactive one or a template with buttons the shop sent). A template's
    buttons (`template_buttons`: app/template_buttons.py) are not in its send body: the caller
    gives them."""
    lines = [
        _header(payload),
        *_choice_lines(payload),
        _footer(payload),
        *(CHOICE_MARK + title for title in template_buttons),
    ]
    return nfc("\n".join(line for line in lines if line))


def shown_text(body: str, payload: Mapping[str, Any] | None) -> str:
    """The message's words in the order the customer read them: header, body, choices, footer."""
    header = _header(payload)
    lines = [header, body, *_choice_lines(payload), _footer(payload)]
    return nfc("\n".join(line for line in lines if line))


def search_text(body: str | None, extra: str) -> str:
    """The text a message is found by, as the index holds it (schema_sql.SEARCH_TEXT): its body,
    then its extra text (`extra_text`) on the next line."""
    return f"{body or ''}\n{extra}" if extra else body or ""
