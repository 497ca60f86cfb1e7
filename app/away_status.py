"""Whether the away message answers customers right now, and putting "always" back on its schedule."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy.orm import Session

from app.automations_store import (
    AUTOMATIONS_CHANGED,
    AWAY_SCHEDULE_BEFORE_ALWAYS_KEY,
    AutomationsState,
    load_state,
    save_local,
)
from app.changes import Changes
from app.rules import is_away
from app.settings import get_setting
from app.wire import Automations


class AwayNow(enum.StrEnum):
    OFF = "off"  # switched off, or its schedule does not hold now
    ALWAYS = "always"  # every customer who writes is told the shop is away, day and night
    SCHEDULED = "scheduled"  # its hours (outside business hours, or the weekly away hours) hold now


def away_now(doc: Automations, now: datetime) -> AwayNow:
    rule = doc.away
    if not rule.enabled:
        return AwayNow.OFF
    if rule.schedule == "always":
        return AwayNow.ALWAYS
    return AwayNow.SCHEDULED if is_away(rule, doc.business_hours, now) else AwayNow.OFF


def schedule_after_always(doc: Automations, before: object) -> str:
    """The schedule "always" goes back to: the one before it, else outside business hours."""
    if before == "custom" and any(day.mode != "closed" for day in doc.away.custom):
        return "custom"
    return "outside_hours"


def away_back_on_schedule(session: Session) -> tuple[AutomationsState, Changes]:
    """The owner stops "always" from the main window: the away message keeps its text and goes back to
    the schedule it had (the relay is told as after any editor's save)."""
    state = load_state(session)
    doc = state.doc
    if doc.away.schedule != "always":
        return state, Changes()
    schedule = schedule_after_always(doc, get_setting(session, AWAY_SCHEDULE_BEFORE_ALWAYS_KEY))
    away = doc.away.model_copy(update={"schedule": schedule})
    return save_local(session, doc.model_copy(update={"away": away}, deep=True)), AUTOMATIONS_CHANGED


def away_rule_and_way_back(session: Session) -> tuple[Automations, str]:
    """The rules as saved here, and the schedule "always" would go back to (for the main window)."""
    doc = load_state(session).doc
    return doc, schedule_after_always(doc, get_setting(session, AWAY_SCHEDULE_BEFORE_ALWAYS_KEY))
