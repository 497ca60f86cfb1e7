"""The parts of the automations document an owner edits apart (away message, greeting, hours…), named."""

from __future__ import annotations

import enum

from app.wire import Automations


class AutomationsPart(enum.StrEnum):
    """One editor's part of the document, in the order the window names them."""

    AWAY = "away"
    GREETING = "greeting"
    HOURS = "hours"
    BOT = "bot"
    PROFILE = "profile"  # the shop's name and details, and what else no editor of its own shows


# Each part's fields in the document; PROFILE takes every field not named here.
_FIELDS = {
    AutomationsPart.AWAY: ("away",),
    AutomationsPart.GREETING: ("greeting",),
    AutomationsPart.HOURS: ("business_hours",),
    AutomationsPart.BOT: ("bot",),
}
_NAMED = {name for fields in _FIELDS.values() for name in fields}


def differing_parts(a: Automations, b: Automations) -> tuple[AutomationsPart, ...]:
    """The parts in which `a` and `b` differ (the revision aside), in AutomationsPart's order."""
    parts = [part for part, fields in _FIELDS.items() if any(getattr(a, f) != getattr(b, f) for f in fields)]
    rest = set(Automations.model_fields) - _NAMED - {"revision"}
    if any(getattr(a, f) != getattr(b, f) for f in rest):
        parts.append(AutomationsPart.PROFILE)
    return tuple(parts)
