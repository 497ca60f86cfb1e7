"""A history gap the owner has not closed yet: shown again at the next start, for a while."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from app.models import SyncState
from app.settings import get_setting, put_setting

GAP_CLOSED_KEY = "history_gap_closed_at"
# After this long the notice is old news: not shown at a start any more, closed or not.
GAP_SHOWN_DAYS = 14


def unclosed_gap(session: Session, now: datetime) -> datetime | None:
    """When the last history gap was found, unless the owner closed its notice since (or it is older
    than GAP_SHOWN_DAYS): a notice missed in the run that found it is said at the next start."""
    state = session.get(SyncState, 1)
    found = state.history_gap_at if state is not None else None
    if found is None or now - found > timedelta(days=GAP_SHOWN_DAYS):
        return None
    closed = get_setting(session, GAP_CLOSED_KEY)
    if isinstance(closed, str) and datetime.fromisoformat(closed) >= found:
        return None
    return found


def close_gap(session: Session, now: datetime) -> None:
    """The owner closed the history-gap notice: not said again for the gaps found until `now`."""
    put_setting(session, GAP_CLOSED_KEY, now.isoformat())
