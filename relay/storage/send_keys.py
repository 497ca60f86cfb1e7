"""Idempotency keys of outbound sends: reserved by a worker under a lease, answered once final."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, exists, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from relay.storage.database import Database, now_ms
from relay.storage.event_log import EventLog, NewEvent
from relay.storage.tables import idempotency, send_key_leases

# (state: "new" | "in_flight" | "done", the stored HTTP status, the stored answer's JSON)
Reserved = tuple[str, int | None, str | None]


@dataclass(frozen=True, slots=True)
class SendOwner:
    """The worker (one Relay in one process) making a send: its id and when it started."""

    worker: str
    started_ms: int


class SendKeys:
    """Blocking calls on the `idempotency` table (a final answer is stored with its events)."""

    def __init__(self, db: Database, event_log: EventLog) -> None:
        self.db = db
        self.event_log = event_log

    def reserve(self, key: str, owner: SendOwner, lease_ms: int) -> Reserved:
        """("new", None, None) when reserved now by `owner`; else the existing state and stored answer."""
        with self.db.engine.begin() as conn:
            return self.reserve_in(conn, key, owner, lease_ms)

    def reserve_in(self, conn: Connection, key: str, owner: SendOwner, lease_ms: int) -> Reserved:
        """`reserve` inside the caller's transaction (a campaign's, with its other checks)."""
        row = conn.execute(select(idempotency).where(idempotency.c.key == key)).first()
        if row is not None:
            return row.state, row.status_code, row.response
        try:
            # A savepoint: another worker's insert of the same key must not undo the caller's work.
            with conn.begin_nested():
                conn.execute(insert(idempotency).values(key=key, state="in_flight", created_ms=now_ms()))
                conn.execute(delete(send_key_leases).where(send_key_leases.c.key == key))
                conn.execute(
                    insert(send_key_leases).values(
                        key=key,
                        owner=owner.worker,
                        owner_started_ms=owner.started_ms,
                        lease_until_ms=now_ms() + lease_ms,
                    )
                )
        except IntegrityError:
            return "in_flight", None, None
        return "new", None, None

    def renew(self, key: str, owner: SendOwner, lease_ms: int) -> bool:
        """Extend `owner`'s lease on an in-flight key; False if the key is no longer its own."""
        with self.db.engine.begin() as conn:
            renewed = conn.execute(
                update(send_key_leases)
                .where(_owned_by(key, owner))
                .values(lease_until_ms=now_ms() + lease_ms)
            ).rowcount
        return bool(renewed)

    def release(self, key: str) -> None:
        """Forget a key whose send ended with nothing final, whatever its state (the client may retry).

        Whatever its state: should a sweep have taken this send for abandoned and answered it
        `unknown`, that answer is wrong — Graph refused the message — and would stop the client's
        retries for good.
        """
        with self.db.engine.begin() as conn:
            conn.execute(delete(idempotency).where(idempotency.c.key == key))
            conn.execute(delete(send_key_leases).where(send_key_leases.c.key == key))

    def finish(
        self,
        key: str,
        status_code: int,
        response: dict[str, Any],
        new_events: list[NewEvent],
        also: Callable[[Connection], None] | None = None,
    ) -> list[int]:
        """Store the final answer and its events in one transaction (with `also`'s writes, if any)."""
        with self.db.engine.begin() as conn:
            if also is not None:
                also(conn)
            conn.execute(
                update(idempotency)
                .where(idempotency.c.key == key)
                .values(
                    state="done", status_code=status_code, response=json.dumps(response, ensure_ascii=False)
                )
            )
            conn.execute(delete(send_key_leases).where(send_key_leases.c.key == key))
            return self.event_log.add(conn, new_events)

    def resolve_abandoned(self, stopped: SendOwner | None = None) -> int:
        """Answer `unknown` to in-flight keys whose worker is gone: its lease ran out, or it is `stopped`.

        Never a live worker's send: that one renews its lease while it runs, and a retry meanwhile
        gets 409.
        """
        now = now_ms()
        resolved = 0
        with self.db.engine.begin() as conn:
            keys = conn.execute(
                select(idempotency.c.key).where(
                    idempotency.c.state == "in_flight", _abandoned(idempotency.c.key, now, stopped)
                )
            ).scalars()
            for key in list(keys):
                # The same answer as a Graph timeout: final, so the client stops retrying (a 409
                # would keep it retrying forever) and shows the message as "may not have gone out".
                # Checked again in the update: the owner may have finished or renewed meanwhile.
                answer = {"client_id": key, "wamid": None, "status": "unknown"}
                done = conn.execute(
                    update(idempotency)
                    .where(
                        idempotency.c.key == key,
                        idempotency.c.state == "in_flight",
                        _abandoned(idempotency.c.key, now, stopped),
                    )
                    .values(state="done", status_code=200, response=json.dumps(answer))
                ).rowcount
                if done:
                    conn.execute(delete(send_key_leases).where(send_key_leases.c.key == key))
                    resolved += 1
        return resolved


def _owned_by(key: str, owner: SendOwner) -> Any:
    lease = send_key_leases.c
    return and_(lease.key == key, lease.owner == owner.worker, lease.owner_started_ms == owner.started_ms)


def _abandoned(key: Any, now: int, stopped: SendOwner | None) -> Any:
    """No lease (a row from before leases), a lease run out, or one held by the `stopped` worker."""
    lease = send_key_leases.c
    gone = lease.lease_until_ms < now
    if stopped is not None:
        gone = or_(gone, and_(lease.owner == stopped.worker, lease.owner_started_ms == stopped.started_ms))
    return or_(~exists().where(lease.key == key), exists().where(lease.key == key, gone))
