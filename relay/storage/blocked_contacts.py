"""Customers the shop blocked: the automations runner skips them."""

from __future__ import annotations

from sqlalchemy import delete, select

from relay.storage.database import Database
from relay.storage.tables import blocked_contact


class BlockedContacts:
    """Blocking calls on the `blocked_contact` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def is_blocked(self, wa_id: str) -> bool:
        with self.db.engine.connect() as conn:
            found = conn.execute(select(blocked_contact.c.wa_id).where(blocked_contact.c.wa_id == wa_id))
            return found.first() is not None

    def block(self, wa_id: str, now_ms: int, *, on_whatsapp: bool) -> None:
        with self.db.engine.begin() as conn:
            # One statement: a second block of hers at once (another computer of the shop's) is
            # the later one, never a conflict on her row.
            values = {"blocked_ms": now_ms, "on_whatsapp": on_whatsapp}
            stmt = self.db.insert(blocked_contact).values(wa_id=wa_id, **values)
            conn.execute(stmt.on_conflict_do_update(index_elements=[blocked_contact.c.wa_id], set_=values))

    def unblock(self, wa_id: str) -> None:
        with self.db.engine.begin() as conn:
            conn.execute(delete(blocked_contact).where(blocked_contact.c.wa_id == wa_id))
