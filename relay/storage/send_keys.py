"""Idempotency keys of outbound sends: reserved before Graph is called, answered once final."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from relay.storage.database import Database, now_ms
from relay.storage.event_log import EventLog, NewEvent
from relay.storage.tables import idempotency


class SendKeys:
    """Blocking calls on the `idempotency` table (a final answer is stored with its events)."""

    def __init__(self, db: Database, event_log: EventLog) -> None:
        self.db = db
        self.event_log = event_log

    def reserve(self, key: str) -> tuple[str, int | None, str | None]:
        """("new", None, None) when reserved now; else the existing state and stored answer."""
        with self.db.engine.begin() as conn:
            row = conn.execute(select(idempotency).where(idempotency.c.key == key)).first()
            if row is not None:
                return row.state, row.status_code, row.response
            try:
                conn.execute(insert(idempotency).values(key=key, state="in_flight", created_ms=now_ms()))
            except IntegrityError:
                return "in_flight", None, None
        return "new", None, None

    def release(self, key: str) -> None:
        """Forget an in-flight key whose send ended with nothing final (the client may retry)."""
        with self.db.engine.begin() as conn:
            conn.execute(
                delete(idempotency).where(idempotency.c.key == key, idempotency.c.state == "in_flight")
            )

    def finish(
        self, key: str, status_code: int, response: dict[str, Any], new_events: list[NewEvent]
    ) -> list[int]:
        """Store the final answer and its events in one transaction."""
        with self.db.engine.begin() as conn:
            conn.execute(
                update(idempotency)
                .where(idempotency.c.key == key)
                .values(
                    state="done", status_code=status_code, response=json.dumps(response, ensure_ascii=False)
                )
            )
            return self.event_log.add(conn, new_events)

    def fail_stale_in_flight(self) -> int:
        """At start-up, sends left in flight by a crash are 'unknown', never blindly resent."""
        with self.db.engine.begin() as conn:
            keys = conn.execute(select(idempotency.c.key).where(idempotency.c.state == "in_flight")).scalars()
            stranded = list(keys)
            for key in stranded:
                # The same answer as a Graph timeout: final, so the client stops retrying (a 409
                # would keep it retrying forever) and shows the message as "may not have gone out".
                answer = {"client_id": key, "wamid": None, "status": "unknown"}
                conn.execute(
                    update(idempotency)
                    .where(idempotency.c.key == key, idempotency.c.state == "in_flight")
                    .values(state="done", status_code=200, response=json.dumps(answer))
                )
        return len(stranded)
