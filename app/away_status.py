"""Whether the away message answers customers right now, and putting "always" back on its schedule."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy.orm import Session

from app.automations_parts import AutomationsPart, differing_parts
from app.automations_store import (
    AUTOMATIONS_CHANGED,
    AWAY_SCHEDULE_BEFORE_ALWAYS_KEY,
    AutomationsState,
    SyncStatus,
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


class RelayAway(enum.StrEnum):
    """What the relay, which sends the away message, holds of it beside the rules saved here."""

    AS_HERE = "as_here"  # the rules saved here (or a waiting change that leaves the away message be)
    # The rules never reached the relay (a first setup, a relay started afresh): it sends none.
    NONE_WAITING = "none_waiting"  # tried again until it takes them
    NONE_REFUSED = "none_refused"  # refused for good: until the owner fixes or discards them
    # A change to the away message (or the hours it follows) the relay has not taken: it sends the
    # away message it had before, if it had one on.
    PREVIOUS_WAITING = "previous_waiting"
    PREVIOUS_REFUSED = "previous_refused"
    # Another computer changed the away message (or the hours) while a change here waited: the
    # relay runs that version until the owner chooses (the conflict strip).
    OTHER_COMPUTER = "other_computer"


# The parts a change to which changes what the relay's away message does (its hours follow the
# business hours when it answers outside them).
_AWAY_PARTS = frozenset({AutomationsPart.AWAY, AutomationsPart.HOURS})


def relay_away(state: AutomationsState, retrying: bool) -> RelayAway:
    """What the relay does with the away message now, from the stored state; `retrying`: the change
    waiting here is being tried again (the engine's backoff, or the relay out of reach). A change
    saved a moment ago and on its way is not yet said as waiting: it lands within the second."""
    status = state.status
    if status is SyncStatus.CONFLICT and state.conflict is not None:
        differ = _AWAY_PARTS & set(differing_parts(state.conflict, state.doc))
        return RelayAway.OTHER_COMPUTER if differ else RelayAway.AS_HERE
    if status is SyncStatus.REFUSED:
        if state.relay_has_none:
            return RelayAway.NONE_REFUSED
        return RelayAway.PREVIOUS_REFUSED if _AWAY_PARTS & set(state.waiting_parts) else RelayAway.AS_HERE
    if status is SyncStatus.PENDING and retrying:
        if state.relay_has_none:
            return RelayAway.NONE_WAITING
        return RelayAway.PREVIOUS_WAITING if _AWAY_PARTS & set(state.waiting_parts) else RelayAway.AS_HERE
    return RelayAway.AS_HERE


def relay_away_now(state: AutomationsState, relay: RelayAway, now: datetime) -> AwayNow | None:
    """For a change the relay has not taken (PREVIOUS_*, OTHER_COMPUTER): what the away message the
    relay runs does at `now` (WhatsApp's time, as the relay reads it), by the same schedule the relay
    follows; None when its copy is not known here (a change that waited from before this version)."""
    if relay is RelayAway.OTHER_COMPUTER and state.conflict is not None:
        return away_now(state.conflict, now)
    if relay not in (RelayAway.PREVIOUS_WAITING, RelayAway.PREVIOUS_REFUSED):
        return None
    return None if (theirs := relay_copy(state)) is None else away_now(theirs, now)


class StillSent(enum.StrEnum):
    """An automatic message the relay goes on sending as it had it, while a change here waits."""

    AWAY_SWITCHED_OFF = "away_switched_off"
    AWAY_AS_BEFORE = "away_as_before"  # its text, recipients or hours changed here
    GREETING_SWITCHED_OFF = "greeting_switched_off"
    GREETING_AS_BEFORE = "greeting_as_before"


def relay_still_sends(state: AutomationsState) -> tuple[StillSent, ...]:
    """While a change to the automations waits for the relay, or was refused by it: the away message
    and greeting it goes on sending that the owner switched off or changed here (on at the relay, as
    last heard), for as long as it waits or until she fixes or discards it, this computer closed or
    not; empty when nothing of them is still sent, or the relay's copy is not known here. At any
    hour, not only now: quitting leaves it for the night."""
    if state.status not in (SyncStatus.PENDING, SyncStatus.REFUSED) or state.relay_has_none:
        return ()
    theirs = relay_copy(state)
    if theirs is None:
        return ()
    parts, here = set(state.waiting_parts), state.doc
    sent: list[StillSent] = []
    # The away message outside business hours follows them: new hours change when it goes.
    away_hours = AutomationsPart.HOURS in parts and theirs.away.schedule == "outside_hours"
    if theirs.away.enabled and (AutomationsPart.AWAY in parts or away_hours):
        sent.append(StillSent.AWAY_AS_BEFORE if here.away.enabled else StillSent.AWAY_SWITCHED_OFF)
    if theirs.greeting.enabled and AutomationsPart.GREETING in parts:
        sent.append(
            StillSent.GREETING_AS_BEFORE if here.greeting.enabled else StillSent.GREETING_SWITCHED_OFF
        )
    return tuple(sent)


def relay_copy(state: AutomationsState) -> Automations | None:
    """The rules the relay runs while a change waits or was refused: its document as last heard,
    when it is (at least) the revision the change is based on; another computer's version, when
    the owner has to choose between it and hers."""
    if state.conflict is not None:
        return state.conflict
    on_relay = state.on_relay
    if on_relay is None or on_relay.revision < state.base_revision:
        return None
    return on_relay


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


def away_rule_and_way_back(session: Session) -> tuple[AutomationsState, str]:
    """The rules as saved here (with what the relay has taken of them), and the schedule "always"
    would go back to (for the main window)."""
    state = load_state(session)
    return state, schedule_after_always(state.doc, get_setting(session, AWAY_SCHEDULE_BEFORE_ALWAYS_KEY))
