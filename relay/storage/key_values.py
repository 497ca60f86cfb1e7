"""Small documents in the `kv` table: the client token, the automations document, the prune mark."""

from __future__ import annotations

import json
import secrets
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from relay.storage.database import AUTOMATIONS_LOCK, Database
from relay.storage.event_log import EventLog, NewEvent
from relay.storage.tables import kv
from relay.wakeups import SETTINGS

AUTOMATIONS_KEY = "automations"  # the greeting, away and bot document (GET|PUT /v1/automations)
# The rows of `claim_for_window`, one a thing said (e.g. a client address's wrong token).
WINDOW_CLAIM_PREFIX = "said:"


class NotText(TypeError):
    """A kv row that holds something other than text (bytes, a number): SQLite keeps what a program
    writes whatever the column says. `kind` names what it holds."""

    def __init__(self, key: str, value: object) -> None:
        self.kind = type(value).__name__
        super().__init__(f"the kv row {key!r} holds {self.kind}, not text")


class KeyValues:
    """Blocking calls on the `kv` table."""

    def __init__(self, db: Database, event_log: EventLog) -> None:
        self.db = db
        self.event_log = event_log

    def get(self, key: str) -> str | None:
        with self.db.engine.connect() as conn:
            return conn.execute(select(kv.c.value).where(kv.c.key == key)).scalar_one_or_none()

    def text(self, key: str) -> str | None:
        """get(), refusing a value that is not text with NotText."""
        value: object = self.get(key)
        if value is None or isinstance(value, str):
            return value
        raise NotText(key, value)

    def put_in(self, conn: Connection, key: str, value: str) -> None:
        """Store `value` under `key` in one statement (an upsert): workers putting the same new key
        at once (Meta's verification handshake, /readyz's probes) never collide on its primary key."""
        stmt = self.db.insert(kv).values(key=key, value=value)
        conn.execute(stmt.on_conflict_do_update(index_elements=[kv.c.key], set_={"value": value}))

    def put(self, key: str, value: str) -> None:
        with self.db.engine.begin() as conn:
            self.put_in(conn, key, value)

    def claim_for_run(self, key: str, run: str) -> bool:
        """True for the first caller that claims `key` for `run` (one run of `serve`, its workers
        together), False for every later one: the row takes the run's value in one statement, so of
        workers claiming at once exactly one is first; the next run claims it again."""
        stmt = self.db.insert(kv).values(key=key, value=run)
        stmt = stmt.on_conflict_do_update(
            index_elements=[kv.c.key], set_={"value": run}, where=kv.c.value != run
        ).returning(kv.c.key)  # a row when it was written (the relay's psycopg reports no rowcount)
        with self.db.engine.begin() as conn:
            return conn.execute(stmt).first() is not None

    def claim_for_window(self, name: str, run: str, now_ms: int, window_ms: int) -> bool:
        """`claim_for_run` that lapses: True for the first caller of `run` to claim `name` within
        `window_ms` of the last claim that won (or of another run's), False for every other. One
        statement, as claim_for_run: of workers claiming at once exactly one is first.

        The row's value is the claim's time (15 digits, so any collation orders them) and its run;
        `forget_window_claims` removes the lapsed ones (a row per client address would otherwise
        stay for good)."""
        key = f"{WINDOW_CLAIM_PREFIX}{name}"
        value = f"{now_ms:015d} {run}"
        lapsed = f"{max(0, now_ms - window_ms):015d}"
        stmt = self.db.insert(kv).values(key=key, value=value)
        stmt = stmt.on_conflict_do_update(
            index_elements=[kv.c.key],
            set_={"value": value},
            where=or_(func.substr(kv.c.value, 17) != run, func.substr(kv.c.value, 1, 15) < lapsed),
        ).returning(kv.c.key)
        with self.db.engine.begin() as conn:
            return conn.execute(stmt).first() is not None

    def forget_window_claims_in(self, conn: Connection, before_ms: int) -> None:
        """Remove the claims of `claim_for_window` made before `before_ms`."""
        conn.execute(
            kv.delete().where(
                kv.c.key.startswith(WINDOW_CLAIM_PREFIX, autoescape=True),
                func.substr(kv.c.value, 1, 15) < f"{max(0, before_ms):015d}",
            )
        )

    def delete(self, key: str) -> None:
        with self.db.engine.begin() as conn:
            conn.execute(kv.delete().where(kv.c.key == key))

    def client_token(self, rotate: bool = False) -> str:
        """The bearer token desktops present (generated on first use, rotated on request). A stored
        row that is not text raises NotText (unless rotated): no desktop's token can match it."""
        current = None if rotate else self.text("client_token")
        if current and not rotate:
            return current
        token = secrets.token_urlsafe(32)
        if rotate:
            self.put("client_token", token)
            return token
        # Workers starting at once on a new database each make one: the first stored is everyone's.
        with self.db.engine.begin() as conn:
            first = self.db.insert(kv).values(key="client_token", value=token)
            conn.execute(first.on_conflict_do_nothing(index_elements=["key"]))
            return str(conn.execute(select(kv.c.value).where(kv.c.key == "client_token")).scalar_one())

    def pruned_through(self) -> int:
        return int(self.get("pruned_through") or 0)

    def automations(self) -> dict[str, Any] | None:
        raw = self.get(AUTOMATIONS_KEY)
        return None if raw is None else json.loads(raw)

    def put_automations(self, doc: dict[str, Any], expected_revision: int) -> dict[str, Any] | None:
        """Compare-and-set by revision; None when the stored revision moved on (412)."""
        with self.db.engine.begin() as conn:
            self.db.lock_until_commit(conn, AUTOMATIONS_LOCK)
            raw = conn.execute(select(kv.c.value).where(kv.c.key == AUTOMATIONS_KEY)).scalar_one_or_none()
            current = 0 if raw is None else int(json.loads(raw).get("revision", 0))
            if current != expected_revision:
                return None
            stored = {**doc, "revision": current + 1}
            self.put_in(conn, AUTOMATIONS_KEY, json.dumps(stored, ensure_ascii=False))
            self.db.notify_workers(conn, SETTINGS)
            self.event_log.add(conn, [NewEvent("settings", {"automations": stored})])
            return stored
