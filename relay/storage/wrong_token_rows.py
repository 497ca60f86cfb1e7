"""Blocking calls on `wrong_token` and `address_hold`: wrong relay tokens counted by all workers together."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, text
from sqlalchemy.engine import Connection

from relay.storage.database import Database
from relay.storage.tables import address_hold, wrong_token
from relay.wakeups import HOLDS


@dataclass(frozen=True, slots=True)
class SharedCount:
    """One wrong token, counted with the other workers' of its address."""

    tries: int  # the address's different wrong tokens within the window, this one included
    first: bool  # the address's first within the window: its line is due
    held_ms: int  # how long the address is still held off (0: not held)
    new_hold: bool  # this token made the hold


class WrongTokenRows:
    def __init__(self, db: Database) -> None:
        self.db = db

    def count(
        self, address: str, tag: int, now_ms: int, *, tries: int, window_ms: int, hold_ms: int
    ) -> SharedCount:
        """Count this wrong token (`tag`, its keyed hash) for `address`, once within `window_ms`
        however often it comes; at `tries` different ones the address is held off for `hold_ms`,
        and every worker is told (HOLDS). One transaction, one address at a time: two workers'
        guesses at once are both counted, and the hold comes at exactly `tries`."""
        with self.db.engine.begin() as conn:
            if not self.db.is_sqlite:  # SQLite has one writer anyway
                lock = text("SELECT pg_advisory_xact_lock(hashtext(:key))")
                conn.execute(lock, {"key": f"wrong_token:{address}"})
            until = conn.execute(
                select(address_hold.c.until_ms).where(address_hold.c.address == address)
            ).scalar_one_or_none()
            if until is not None and until > now_ms:
                return SharedCount(tries, first=False, held_ms=until - now_ms, new_hold=False)
            rows = wrong_token.c
            conn.execute(delete(wrong_token).where(rows.address == address, rows.at_ms < now_ms - window_ms))
            before = self._tries(conn, address)
            conn.execute(
                self.db.insert(wrong_token)
                .values(address=address, tag=tag, at_ms=now_ms)
                .on_conflict_do_nothing(index_elements=[rows.address, rows.tag])
            )
            after = self._tries(conn, address)
            if after < tries:
                return SharedCount(after, first=before == 0, held_ms=0, new_hold=False)
            conn.execute(delete(wrong_token).where(rows.address == address))
            held = self.db.insert(address_hold).values(address=address, until_ms=now_ms + hold_ms)
            conn.execute(
                held.on_conflict_do_update(
                    index_elements=[address_hold.c.address], set_={"until_ms": now_ms + hold_ms}
                )
            )
            self.db.notify_workers(conn, HOLDS)
            return SharedCount(after, first=before == 0, held_ms=hold_ms, new_hold=True)

    @staticmethod
    def _tries(conn: Connection, address: str) -> int:
        found = conn.execute(select(func.count()).where(wrong_token.c.address == address))
        return int(found.scalar_one())

    def forget(self, address: str) -> None:
        """The right token came from `address`: its earlier wrong ones (a mistyped paste) no longer count."""
        with self.db.engine.begin() as conn:
            conn.execute(delete(wrong_token).where(wrong_token.c.address == address))

    def holds(self, now_ms: int) -> dict[str, int]:
        """Each address held off now, and for how many more milliseconds."""
        with self.db.engine.connect() as conn:
            found = conn.execute(
                select(address_hold.c.address, address_hold.c.until_ms).where(
                    address_hold.c.until_ms > now_ms
                )
            )
            return {address: until - now_ms for address, until in found}

    def forget_lapsed_in(self, conn: Connection, before_ms: int) -> None:
        """Remove the tries counted and the holds that ended before `before_ms` (the hourly prune)."""
        conn.execute(delete(wrong_token).where(wrong_token.c.at_ms < before_ms))
        conn.execute(delete(address_hold).where(address_hold.c.until_ms < before_ms))
