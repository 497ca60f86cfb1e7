"""{hours} for a relay that cannot fill it: the desktop writes the shop's hours into the texts.

A relay names what it fills itself in GET /healthz's `features` (app.wire.RELAY_FEATURES); one from
before the {hours} field names nothing, and would send "{hours}" to customers as typed. The desktop
keeps what its relay said (Setting "relay_features", read on every connect) and, for a relay that
does not fill {hours}, sends each text with the hours written out, as `hours_field` gives them at the
moment of sending, in the language of the text. When it sent them (Setting "automations_hours_written")
lets the relay's copy be told apart from a change made elsewhere, so the field stays a field here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.rules import FIELD_ALIASES, hours_written
from app.settings import get_setting, put_setting
from app.wire import FEATURE_HOURS_FIELD, Automations

RELAY_FEATURES_KEY = "relay_features"
HOURS_WRITTEN_KEY = "automations_hours_written"

_HOURS_WORDS = ("hours", *(alias for alias, field in FIELD_ALIASES.items() if field == "hours"))
_HOURS = re.compile(r"\{(?:" + "|".join(map(re.escape, _HOURS_WORDS)) + r")\}")


def uses_hours(doc: Automations) -> bool:
    """Some text of the document (a bot answer, the away message…) gives the business hours."""
    return bool(_HOURS.search(doc.model_dump_json(exclude={"revision"})))


def _mapped(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, BaseModel):
        names = type(value).model_fields
        return value.model_copy(update={name: _mapped(getattr(value, name), change) for name in names})
    if isinstance(value, list):
        return [_mapped(v, change) for v in value]
    if isinstance(value, dict):
        return {k: _mapped(v, change) for k, v in value.items()}
    return value


def with_hours(doc: Automations, now: datetime) -> Automations:
    """The document as a relay that cannot fill {hours} runs it: each text's field written out now."""
    if not uses_hours(doc):
        return doc
    hours, country = doc.business_hours, doc.shop_country
    written = _mapped(doc, lambda text: hours_written(text, hours, now, country))
    assert isinstance(written, Automations)
    return written


def relay_fills_hours(session: Session) -> bool | None:
    """Whether the relay said it fills {hours} (None: not heard from it yet)."""
    said = get_setting(session, RELAY_FEATURES_KEY)
    if not isinstance(said, dict) or not isinstance(said.get("features"), list):
        return None
    return FEATURE_HOURS_FIELD in said["features"]


def note_relay_features(session: Session, features: list[str]) -> bool:
    """Keep what the relay said it fills; whether that differs from what it said before."""
    before = get_setting(session, RELAY_FEATURES_KEY)
    after = {"features": sorted(set(features))}
    put_setting(session, RELAY_FEATURES_KEY, after)
    return before != after


def hours_written_at(session: Session) -> datetime | None:
    """When the texts the relay holds had the hours written into them (None: sent with the field)."""
    said = get_setting(session, HOURS_WRITTEN_KEY)
    if not isinstance(said, dict) or not isinstance(said.get("at"), int):
        return None
    return datetime.fromtimestamp(said["at"] / 1000, UTC)


def note_hours_written(session: Session, at: datetime | None) -> None:
    put_setting(session, HOURS_WRITTEN_KEY, None if at is None else {"at": int(at.timestamp() * 1000)})
