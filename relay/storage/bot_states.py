"""Each chat's menu-bot state (paused until, hourly count, last menu) and the hand-off `contact` events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from app.rules import BotState, resumed_bot_state
from app.wire import BotReport, BotTally, HandoffReason
from relay.storage.database import Database, dt_to_ms, ms_to_dt
from relay.storage.event_log import EventLog, NewEvent
from relay.storage.tables import bot_state, bot_tally


def handoff_event(wa_id: str, paused_until: datetime | None, reason: str, pnid: str | None) -> NewEvent:
    """The `contact` event that tells every desktop the chat is with a person (or back with the bot)."""
    when = paused_until.isoformat().replace("+00:00", "Z") if paused_until else None
    payload = {"contact": {"wa_id": wa_id}, "bot_paused_until": when, "handoff_reason": reason}
    return NewEvent("contact", payload, pnid)


def _moments(column: str | None) -> list[datetime]:
    return [datetime.fromtimestamp(int(ms) / 1000, tz=UTC) for ms in (column or "").split(",") if ms]


# The columns "Resume bot" does not change (app.rules.resumed_bot_state): the hourly count of the
# bot's answers, and whether its last menu was the other-language bot's.
_RESUME_KEEPS = ("sent_recently_ms", "menu_other")

# The number of a chat whose message came without one (an old stored webhook; relay revision 0016).
UNKNOWN_NUMBER = ""


class BotStates:
    """Blocking calls on the `bot_state` table: one row per chat (customer, business number)."""

    def __init__(self, db: Database, event_log: EventLog) -> None:
        self.db = db
        self.event_log = event_log

    def get(self, wa_id: str, pnid: str | None) -> BotState:
        """The chat's state: hers on number `pnid`, never another number's."""
        with self.db.engine.connect() as conn:
            return self._get_in(conn, wa_id, pnid or UNKNOWN_NUMBER)

    def _get_in(self, conn: Connection, wa_id: str, number: str) -> BotState:
        # A row kept before the number was known stands for any number of hers without its own.
        row = conn.execute(
            select(bot_state)
            .where(bot_state.c.wa_id == wa_id, bot_state.c.phone_number_id.in_([number, UNKNOWN_NUMBER]))
            .order_by(bot_state.c.phone_number_id.desc())
            .limit(1)
        ).first()
        if row is None:
            return BotState()
        return BotState(
            paused_until=ms_to_dt(row.paused_until_ms),
            resumed_at=ms_to_dt(row.resumed_ms),
            sent_recently=tuple(_moments(row.sent_recently_ms)),
            menu_shown=row.menu_shown,
            menu_other=bool(row.menu_other),
            menu_nudged=bool(row.menu_nudged),
        )

    def _put_in(
        self,
        conn: Connection,
        wa_id: str,
        number: str,
        state: BotState,
        reason: str | None,
        *,
        kept: tuple[str, ...] = (),
    ) -> None:
        """Store the chat's state; a row stored meanwhile by another worker keeps its `kept` columns."""
        values = {
            "paused_until_ms": dt_to_ms(state.paused_until),
            "resumed_ms": dt_to_ms(state.resumed_at),
            "sent_recently_ms": ",".join(str(dt_to_ms(t)) for t in state.sent_recently),
            "handoff_reason": reason,
            "menu_shown": state.menu_shown,
            "menu_other": state.menu_other,
            "menu_nudged": state.menu_nudged,
        }
        # One statement: the state stored last wins, even over another worker's first row of this
        # chat (the owner's "Resume bot" as her message hands the chat over), never a conflict.
        stmt = self.db.insert(bot_state).values(wa_id=wa_id, phone_number_id=number, **values)
        changed = {name: value for name, value in values.items() if name not in kept}
        index = [bot_state.c.wa_id, bot_state.c.phone_number_id]
        conn.execute(stmt.on_conflict_do_update(index_elements=index, set_=changed))

    def put(
        self,
        wa_id: str,
        state: BotState,
        *,
        handoff: HandoffReason | None = None,
        pnid: str | None = None,
        matched: str | None = None,
        now: datetime | None = None,
        sent_as_text: str | None = None,
    ) -> list[int]:
        """Store the state of her chat on number `pnid` and count the rule/node that answered for the
        report, and the menu `sent_as_text` (its filled text too long for a menu); a hand-off also
        records its `contact` event, for that chat (one transaction)."""
        with self.db.engine.begin() as conn:
            self._put_in(conn, wa_id, pnid or UNKNOWN_NUMBER, state, handoff)
            day = (now or datetime.now(UTC)).astimezone(UTC).date().isoformat()
            if matched is not None:
                self._count(conn, day, matched, fired=1, handoffs=1 if handoff is not None else 0)
            if sent_as_text is not None:
                self._count(conn, day, sent_as_text, sent_as_text=1)
            if handoff is None:
                return []
            return self.event_log.add(conn, [handoff_event(wa_id, state.paused_until, handoff, pnid)])

    def resume(
        self, wa_id: str, now: datetime, pnid: str | None, *, fallback: str | None = None
    ) -> list[str]:
        """ "Resume bot" in her chat on number `pnid` (None: in every chat of hers the bot has a state
        in, else the one on `fallback`, her last number): no pause, the owner's earlier messages no
        longer count; a `contact` event for each chat tells every desktop. The numbers resumed."""
        with self.db.engine.begin() as conn:
            if pnid is not None:
                numbers = [pnid]
            else:
                found = conn.execute(
                    select(bot_state.c.phone_number_id)
                    .where(bot_state.c.wa_id == wa_id)
                    .order_by(bot_state.c.phone_number_id)
                )
                numbers = list(found.scalars()) or [fallback or UNKNOWN_NUMBER]
            events = []
            for number in numbers:
                state = resumed_bot_state(self._get_in(conn, wa_id, number), now)
                # What a resume leaves as it was: read from a row another worker may be storing.
                self._put_in(conn, wa_id, number, state, None, kept=_RESUME_KEEPS)
                events.append(handoff_event(wa_id, None, HandoffReason.RESUMED, number or None))
            self.event_log.add(conn, events)
        return numbers

    def _count(self, conn: Connection, day: str, matched: str, **added: int) -> None:
        """Add `added` (fired, handoffs, sent_as_text) to `matched`'s counts of UTC day `day`."""
        stmt = self.db.insert(bot_tally).values(day=day, matched=matched[:80], **added)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["day", "matched"],
                set_={name: bot_tally.c[name] + value for name, value in added.items()},
            )
        )

    def report(self, now: datetime, days: int = 30) -> BotReport:
        """Answers, hand-offs and sends as numbered text per rule/node over the last `days` UTC days
        (today included)."""
        since = (now.astimezone(UTC).date() - timedelta(days=days - 1)).isoformat()
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                select(
                    bot_tally.c.matched,
                    func.sum(bot_tally.c.fired).label("fired"),
                    func.sum(bot_tally.c.handoffs).label("handoffs"),
                    func.sum(bot_tally.c.sent_as_text).label("sent_as_text"),
                )
                .where(bot_tally.c.day >= since)
                .group_by(bot_tally.c.matched)
                .order_by(bot_tally.c.matched)
            ).all()
        tallies = [
            BotTally(
                id=r.matched,
                fired=int(r.fired),
                handoffs=int(r.handoffs),
                sent_as_text=int(r.sent_as_text),
            )
            for r in rows
        ]
        return BotReport(since=since, tallies=tallies)
