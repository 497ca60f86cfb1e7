"""An automations editor's unsaved part (the away message, the greeting…), kept through a crash and
offered again while it still differs from what is saved (app/editor_drafts.py keeps it)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from app.automations_parts import AutomationsPart
from app.automations_store import automations_state
from app.editor_drafts import forget_editor_draft, keep_editor_draft, read_editor_draft
from app.wire import Automations

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

# The document's fields each editor's Save replaces (its `apply`): a kept form is these alone, so
# restoring it never takes back what another editor saved since.
EDITED_FIELDS: dict[AutomationsPart, tuple[str, ...]] = {
    AutomationsPart.AWAY: ("away",),
    AutomationsPart.GREETING: ("greeting",),
    AutomationsPart.HOURS: ("business_hours",),
    AutomationsPart.BOT: ("bot",),
    AutomationsPart.PROFILE: ("profile",),
}


@dataclass(frozen=True, slots=True)
class UnsavedRules:
    """An editor's form as kept at `at`: `doc` is the saved document with the kept part in it."""

    part: AutomationsPart
    at: datetime
    doc: Automations


def _editor(part: AutomationsPart) -> str:
    return f"automations:{part.value}"


def keep_rules_draft(db: Database, part: AutomationsPart, doc: Automations) -> None:
    """Keep `part` of `doc` (the document as the editor's form would save it)."""
    content = doc.model_dump(mode="json", include=set(EDITED_FIELDS[part]))
    keep_editor_draft(db, _editor(part), content)


def forget_rules_draft(db: Database, part: AutomationsPart) -> None:
    forget_editor_draft(db, _editor(part))


def with_kept_part(saved: Automations, part: AutomationsPart, content: Any) -> Automations | None:
    """`saved` with the kept part put back in; None for a kept part this version cannot read."""
    if not isinstance(content, dict):
        return None
    kept = {name: content[name] for name in EDITED_FIELDS[part] if name in content}
    if not kept:
        return None
    try:
        return Automations.model_validate({**saved.model_dump(mode="json"), **kept})
    except ValidationError:
        log.info("kept %s form not readable by this version: left out", part.value)
        return None


def differs_in_part(a: Automations, b: Automations, part: AutomationsPart) -> bool:
    return any(getattr(a, name) != getattr(b, name) for name in EDITED_FIELDS[part])


def unsaved_rules(db: Database, part: AutomationsPart | None = None) -> list[UnsavedRules]:
    """The editors' kept forms that differ from what is saved now (one part's, or every part's, in
    AutomationsPart's order). A kept form equal to the saved one is nothing to offer."""
    saved = automations_state(db).doc
    found: list[UnsavedRules] = []
    for each in [part] if part is not None else list(AutomationsPart):
        kept = read_editor_draft(db, _editor(each))
        if kept is None:
            continue
        doc = with_kept_part(saved, each, kept.content)
        if doc is not None and differs_in_part(doc, saved, each):
            found.append(UnsavedRules(each, kept.at, doc))
    return found
