"""The desktop's pushed order statuses, per customer, in the `kv` table: what the menu bot can tell."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from app.wire import ORDER_STATUSES_PER_CUSTOMER
from relay.storage.database import Database
from relay.storage.tables import kv


def _key(wa_id: str) -> str:
    return f"orders:{wa_id}"


def _changed_at(status: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(status["changed_at"]))
    except (KeyError, TypeError, ValueError):
        return None  # pushed by an older desktop, which does not say


def _newer(held: dict[str, Any] | None, pushed: dict[str, Any]) -> dict[str, Any]:
    """The status to keep for one order number: the pushed one, unless the one held says it changed
    later (a second computer, back online, pushes what it last knew)."""
    if held is None:
        return pushed
    held_at, pushed_at = _changed_at(held), _changed_at(pushed)
    if held_at is not None and pushed_at is not None and held_at > pushed_at:
        return held
    return pushed


class OrderStatuses:
    """Blocking calls; the server runs them in the thread pool."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def put_many(self, statuses: list[dict[str, Any]]) -> int:
        """Store each status under its customer, replacing the same order number; how many were kept."""
        by_customer: dict[str, list[dict[str, Any]]] = {}
        for status in statuses:
            by_customer.setdefault(status["wa_id"], []).append(status)
        with self.db.engine.begin() as conn:
            # Customers in one order: two pushes lock the rows they share in the same order.
            for wa_id, pushed in sorted(by_customer.items()):
                key = _key(wa_id)
                # Her row first, then read it locked: a second computer pushing for her at once
                # (PostgreSQL, another worker) waits here and merges into what this one stores,
                # rather than failing on the new row or writing over it.
                conn.execute(self.db.insert(kv).values(key=key, value="[]").on_conflict_do_nothing())
                raw = conn.execute(select(kv.c.value).where(kv.c.key == key).with_for_update()).scalar_one()
                stored = json.loads(raw) if raw else []
                held = {s["number"]: s for s in stored}
                # Another shop computer's newer change of the same order stays (see OrderStatus).
                pushed = [_newer(held.get(p["number"]), p) for p in pushed]
                kept = [s for s in stored if s["number"] not in {p["number"] for p in pushed}]
                value = json.dumps((pushed + kept)[:ORDER_STATUSES_PER_CUSTOMER], ensure_ascii=False)
                conn.execute(update(kv).where(kv.c.key == key).values(value=value))
        return len(statuses)

    def for_customer(self, wa_id: str) -> list[dict[str, Any]]:
        with self.db.engine.connect() as conn:
            raw = conn.execute(select(kv.c.value).where(kv.c.key == _key(wa_id))).scalar_one_or_none()
        return list(json.loads(raw)) if raw else []
