"""The buttons of the template an outgoing template message was sent with, as the customer saw them.

The send body names the template (name, language) and fills its slots; the buttons' titles are in
the template itself: the sending campaign's copy when it is that version, else the copy of the
approved templates kept (app/sending.py). The bubble shows them under the text and the search
indexes them (app/interactive_text.py), so both read them here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

# The settings key of the approved templates' copy (app/sending.TEMPLATES_SETTING names the same).
TEMPLATES_SETTING = "templates"


def button_titles(template: Mapping[str, Any] | None) -> tuple[str, ...]:
    """The titles of a template's buttons (its BUTTONS component), in order; () for none."""
    titles: list[str] = []
    for component in (template or {}).get("components") or []:
        if isinstance(component, Mapping) and str(component.get("type", "")).upper() == "BUTTONS":
            for button in component.get("buttons") or []:
                if isinstance(button, Mapping) and str(button.get("text") or "").strip():
                    titles.append(str(button["text"]).strip())
    return tuple(titles)


def sent_version(
    payload: Mapping[str, Any] | None,
    campaign_template: Mapping[str, Any] | None,
    kept: Sequence[Any],
) -> Mapping[str, Any] | None:
    """The template a send body (`payload`) was made from: the campaign's when it is that name and
    language, else the kept copy of that name and language; None when neither is known."""
    sent = (payload or {}).get("template")
    if not isinstance(sent, Mapping):
        return None
    name, language = str(sent.get("name") or ""), (sent.get("language") or {}).get("code")

    def same(t: Any) -> bool:
        return isinstance(t, Mapping) and t.get("name") == name and t.get("language") in (language, None)

    if campaign_template is not None and same(campaign_template):
        return campaign_template
    return next((t for t in kept if same(t)), None)


def _json(stored: Any) -> Any:
    if not isinstance(stored, str):
        return stored
    try:
        return json.loads(stored)
    except ValueError:
        return None


def sent_template_buttons(
    db: Session | Connection, payload: Mapping[str, Any] | None, campaign_id: str | None
) -> tuple[str, ...]:
    """The button titles of the template an outgoing message was sent with; () when unknown. Plain
    SQL: the message table's defaults call it on their own connection while a message is written."""
    if not isinstance((payload or {}).get("template"), Mapping):
        return ()
    campaign_template = None
    if campaign_id:
        raw = _json(db.scalar(text("SELECT template FROM campaign WHERE uid = :uid"), {"uid": campaign_id}))
        campaign_template = raw if isinstance(raw, Mapping) else None
        if campaign_template is not None and sent_version(payload, campaign_template, []) is not None:
            # A campaign's thousand sends read its template alone, not every kept one each time.
            return button_titles(campaign_template)
    kept = _json(db.scalar(text("SELECT value FROM setting WHERE key = :key"), {"key": TEMPLATES_SETTING}))
    return button_titles(sent_version(payload, None, kept if isinstance(kept, list) else []))
