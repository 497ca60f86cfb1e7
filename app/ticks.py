"""Ticks of outbound messages: statuses only move forward; one that comes before its message waits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Integer, cast, delete, func, select, update
from sqlalchemy.orm import Session

from app.errors import ErrorCode
from app.models import TICK_ORDER, Message, MessageStatus, OrphanStatus
from app.wire import GraphCause, status_error_cause

# A failed send whose outcome the relay could not tell (Graph timed out after the request left).
UNKNOWN_OUTCOME = ErrorCode.UNKNOWN_OUTCOME
STATUS_RANK = {"sent": 1, "delivered": 2, "read": 3}
# A status whose message has not come a month after WhatsApp stamped it will not come: the message was
# sent from the phone before this computer was set up, or its chat was deleted here.
ORPHAN_DAYS = 30


def is_unknown_outcome(status: str, error_code: str | None) -> bool:
    return status == MessageStatus.FAILED and error_code == UNKNOWN_OUTCOME


def failed_code(graph_code: int | str, cause: str | None) -> str:
    """A failed message's error_code: Graph's code, and after a colon which of its causes Graph meant
    when it has several ("131053:media_too_large"), so the chat can say what to do about it."""
    known = cause if cause in set(GraphCause) else None
    return f"{graph_code}:{known}" if known else str(graph_code)


def _status_error(st: Mapping[str, Any], cause: str | None = None) -> tuple[str | None, str | None]:
    """error_code / error_text of a failed status; `cause` is the relay's `graph_cause`, else it is
    read from the status's own details (a status kept while its message had not arrived, an older relay)."""
    errors = st.get("errors") or []
    first = errors[0] if errors and isinstance(errors[0], dict) else {}
    code = str(first["code"]) if first.get("code") is not None else None
    if code is not None:
        code = failed_code(code, cause or status_error_cause(dict(st)))
    details = (
        (first.get("error_data") or {}).get("details") if isinstance(first.get("error_data"), dict) else None
    )
    text = first.get("message") or first.get("title") or details
    return code, (str(text) if text else None)


def apply_status(
    session: Session, wamid: str, st: Mapping[str, Any], *, client_id: Any = None, cause: str | None = None
) -> int | None:
    """Move one outbound message's tick forward; the contact id, or None when the message is unknown.

    `cause`: the status event's `graph_cause`, when the relay read one."""
    row = session.execute(
        select(Message.id, Message.status, Message.error_code, Message.contact_id, Message.wamid).where(
            Message.wamid == wamid
        )
    ).first()
    if row is None and client_id:
        row = session.execute(
            select(Message.id, Message.status, Message.error_code, Message.contact_id, Message.wamid).where(
                Message.client_id == str(client_id)
            )
        ).first()
    if row is None:
        return None
    new = str(st.get("status") or "")
    values: dict[str, Any] = {}
    if row.wamid is None:
        values["wamid"] = wamid
    current = row.status
    if new in STATUS_RANK:
        if is_unknown_outcome(current, row.error_code) or current == MessageStatus.PENDING:
            values.update(status=new, error_code=None, error_text=None)
        elif current in TICK_ORDER and STATUS_RANK[new] > TICK_ORDER[MessageStatus(current)]:
            values["status"] = new
    elif new == "failed" and current in (MessageStatus.PENDING, MessageStatus.SENT):
        code, text = _status_error(st, cause)
        values.update(status=MessageStatus.FAILED, error_code=code or "failed", error_text=text)
    if values:
        session.execute(update(Message).where(Message.id == row.id).values(**values))
    return int(row.contact_id)


def keep_orphan(session: Session, wamid: str, st: Mapping[str, Any]) -> None:
    """Keep a status that came before its message; the furthest tick wins, failed is kept."""
    new = str(st.get("status") or "")
    orphan = session.get(OrphanStatus, wamid)
    if orphan is None:
        forget_old_orphans(session, st)
        session.add(OrphanStatus(wamid=wamid, status=new[:10], payload=dict(st)))
        session.flush()
        return
    old_rank = STATUS_RANK.get(orphan.status, 0)
    if (new == "failed" and orphan.status == "sent") or STATUS_RANK.get(new, 0) > old_rank:
        orphan.status, orphan.payload = new[:10], dict(st)


def forget_old_orphans(session: Session, newest: Mapping[str, Any]) -> int:
    """Drop the kept statuses WhatsApp stamped more than ORPHAN_DAYS before `newest` (a status just
    come): they were kept for ever, one row for every message sent from the phone or to a chat since
    deleted, and every batch with new messages looked them up. Counted on WhatsApp's stamps, not this
    computer's clock, so a laptop set a year ahead forgets nothing early."""
    try:
        stamp = int(str(newest.get("timestamp")))
    except ValueError:
        return 0
    sent_at = cast(func.json_extract(OrphanStatus.payload, "$.timestamp"), Integer)
    gone = session.execute(delete(OrphanStatus).where(sent_at < stamp - ORPHAN_DAYS * 86_400))
    return int(gone.rowcount)  # type: ignore[attr-defined]  # a DELETE: a CursorResult
