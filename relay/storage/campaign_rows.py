"""Campaigns and their recipients: created whole, claimed by one worker, advanced one send at a time."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from app.wire import (
    Campaign,
    CampaignRecipientStatus,
    CampaignState,
    CampaignTemplate,
    NewCampaign,
    RecipientState,
    SkipReason,
)
from relay.storage.contact_states import ContactRow, ContactStates
from relay.storage.database import Database, ms_to_dt
from relay.storage.event_log import EventLog, NewEvent
from relay.storage.messaging_ledger import MessagingLedger
from relay.storage.opt_outs import OptOuts
from relay.storage.send_keys import Reserved, SendKeys, SendOwner
from relay.storage.tables import campaign, campaign_recipient

ACTIVE = (CampaignState.SCHEDULED, CampaignState.RUNNING, CampaignState.WAITING_FOR_LIMIT)
FINISHED = (CampaignState.DONE, CampaignState.CANCELLED)
# A recipient in one of these states may still be sent (a `sending` one was cut short: its send key
# tells what happened).
TO_SEND = (RecipientState.QUEUED, "sending")
_TICK_RANK: dict[str, int] = {RecipientState.SENT: 1, RecipientState.DELIVERED: 2, RecipientState.READ: 3}
# Sent (or maybe sent) without a tick yet: Meta's first status moves them on.
_UNTICKED = (RecipientState.PENDING, RecipientState.UNKNOWN, "sending")


@dataclass(frozen=True, slots=True)
class CampaignRow:
    id: str
    name: str
    template: CampaignTemplate
    phone_number_id: str | None
    pace: int
    state: str
    reason: str | None
    start_ms: int
    total: int
    request_sha256: str


@dataclass(frozen=True, slots=True)
class RecipientRow:
    wa_id: str
    components: list[dict[str, Any]]
    notifications: bool
    marketing: bool
    night: bool
    country: str | None
    timezone: str | None
    state: str
    language: str | None = None  # their version of the campaign's template; None: template.language

    def template_language(self, template: CampaignTemplate) -> str:
        """The language code of the template version this recipient is sent."""
        return self.language or template.language


@dataclass(frozen=True, slots=True)
class Begun:
    """What `begin_send` found for one recipient, right before the send.

    go: the send key is reserved for this worker, send now. stopped: the campaign is no longer
    running, or no longer this worker's. limit: the messaging limit is reached until `free_at_ms`.
    reserved: the key was there already (a send cut short by a crash): `reserved` holds its state
    ("in_flight" or "done") and stored answer, which decide instead of a second message.
    opted_out: the relay holds a marketing opt-out for them: marked skipped, nothing reserved.
    """

    outcome: Literal["go", "stopped", "limit", "reserved", "opted_out"]
    contact: ContactRow | None = None
    free_at_ms: int | None = None
    reserved: Reserved | None = None


def _iso(ms: int | None) -> str | None:
    dt = ms_to_dt(ms)
    return dt.isoformat().replace("+00:00", "Z") if dt else None


class CampaignRows:
    """Blocking calls on `campaign` and `campaign_recipient`; each change of state is an event."""

    def __init__(
        self,
        db: Database,
        event_log: EventLog,
        ledger: MessagingLedger,
        contacts: ContactStates,
        sends: SendKeys,
        opt_outs: OptOuts,
    ) -> None:
        self.db = db
        self.event_log = event_log
        self.ledger = ledger
        self.contacts = contacts
        self.sends = sends
        self.opt_outs = opt_outs

    # ------------------------------------------------------------------ create and read
    def create(self, new: NewCampaign, sha256: str, now_ms: int) -> tuple[str, Campaign]:
        """("created" | "exists" | "conflict", the campaign as stored)."""
        start_ms = int(new.start_at.timestamp() * 1000) if new.start_at else now_ms
        state = CampaignState.SCHEDULED if start_ms > now_ms else CampaignState.RUNNING
        with self.db.engine.begin() as conn:
            # One statement: the id taken already, or meanwhile by another worker's request (the
            # desktop's retry of a slow first POST), answers what is stored instead of failing.
            made = conn.execute(
                self.db.insert(campaign)
                .values(
                    id=new.id,
                    name=new.name,
                    template=new.template.model_dump_json(),
                    request_sha256=sha256,
                    phone_number_id=new.phone_number_id,
                    pace=new.pace_per_second,
                    state=state,
                    created_ms=now_ms,
                    start_ms=start_ms,
                    total=len(new.recipients),
                )
                .on_conflict_do_nothing(index_elements=[campaign.c.id])
                .returning(campaign.c.id)  # a row when it went in (psycopg has no rowcount)
            ).first()
            if made is None:
                found = self._row(conn, new.id)
                assert found is not None
                outcome = "exists" if found.request_sha256 == sha256 else "conflict"
                return outcome, self._campaign(conn, found)
            conn.execute(
                insert(campaign_recipient),
                [
                    {
                        "campaign_id": new.id,
                        "wa_id": r.wa_id,
                        "position": i,
                        "components": json.dumps(r.components, ensure_ascii=False),
                        "consent_notifications": r.consent.notifications,
                        "consent_marketing": r.consent.marketing,
                        "consent_night": r.consent.night,
                        "country": r.country,
                        "timezone": r.timezone,
                        "language": r.language,
                        "state": RecipientState.QUEUED,
                    }
                    for i, r in enumerate(new.recipients)
                ],
            )
            row = self._row(conn, new.id)
            assert row is not None
            self._event(conn, row)
            return "created", self._campaign(conn, row)

    def get(self, campaign_id: str, *, with_recipients: bool = False) -> Campaign | None:
        with self.db.engine.connect() as conn:
            row = self._row(conn, campaign_id)
            return None if row is None else self._campaign(conn, row, with_recipients=with_recipients)

    def row(self, campaign_id: str) -> CampaignRow | None:
        with self.db.engine.connect() as conn:
            return self._row(conn, campaign_id)

    def _row(self, conn: Connection, campaign_id: str) -> CampaignRow | None:
        r = conn.execute(select(campaign).where(campaign.c.id == campaign_id)).first()
        if r is None:
            return None
        return CampaignRow(
            id=r.id,
            name=r.name,
            template=CampaignTemplate.model_validate_json(r.template),
            phone_number_id=r.phone_number_id,
            pace=r.pace,
            state=r.state,
            reason=r.reason,
            start_ms=r.start_ms,
            total=r.total,
            request_sha256=r.request_sha256,
        )

    def counts_in(self, conn: Connection, campaign_id: str) -> dict[str, int]:
        c = campaign_recipient.c
        rows = conn.execute(
            select(c.state, func.count()).where(c.campaign_id == campaign_id).group_by(c.state)
        ).all()
        counts: dict[str, int] = {}
        for state, n in rows:
            shown = RecipientState.QUEUED if state == "sending" else state
            counts[shown] = counts.get(shown, 0) + int(n)
        return counts

    def _campaign(self, conn: Connection, row: CampaignRow, *, with_recipients: bool = False) -> Campaign:
        r = conn.execute(select(campaign).where(campaign.c.id == row.id)).one()
        recipients = None
        if with_recipients:
            c = campaign_recipient.c
            recipients = [
                CampaignRecipientStatus(
                    wa_id=p.wa_id,
                    state=RecipientState.QUEUED if p.state == "sending" else p.state,
                    wamid=p.wamid,
                    error_code=p.error_code,
                    graph_cause=p.graph_cause,
                    reason=p.reason,
                    sent_at=ms_to_dt(p.sent_ms),
                    held_until=ms_to_dt(p.held_until_ms),
                )
                for p in conn.execute(
                    select(campaign_recipient).where(c.campaign_id == row.id).order_by(c.position)
                )
            ]
        return Campaign(
            id=r.id,
            name=r.name,
            template=row.template,
            state=r.state,
            reason=r.reason,
            phone_number_id=r.phone_number_id,
            pace_per_second=r.pace,
            created_at=datetime.fromtimestamp(r.created_ms / 1000, tz=UTC),
            start_at=ms_to_dt(r.start_ms),
            finished_at=ms_to_dt(r.finished_ms),
            total=r.total,
            counts=self.counts_in(conn, row.id),
            waiting_until=ms_to_dt(r.waiting_until_ms),
            recipients=recipients,
        )

    def _event(self, conn: Connection, row: CampaignRow | None = None, campaign_id: str = "") -> None:
        """The campaign's `campaign` event, as it is inside this transaction."""
        r = conn.execute(select(campaign).where(campaign.c.id == (row.id if row else campaign_id))).one()
        payload = {
            "campaign_id": r.id,
            "state": r.state,
            "reason": r.reason,
            "total": r.total,
            "counts": self.counts_in(conn, r.id),
            "waiting_until": _iso(r.waiting_until_ms),
        }
        self.event_log.add(conn, [NewEvent("campaign", payload, r.phone_number_id)])

    def progress(self, campaign_id: str) -> None:
        """A `campaign` event with the counts as they are now (the runner sends one a second)."""
        with self.db.engine.begin() as conn:
            self._event(conn, campaign_id=campaign_id)

    # ------------------------------------------------------------------ state changes
    def set_state(
        self,
        campaign_id: str,
        state: CampaignState,
        reason: str | None = None,
        *,
        only_from: tuple[str, ...],
        now_ms: int,
        waiting_until_ms: int | None = None,
    ) -> bool:
        """Move the campaign to `state` if it is in one of `only_from`; the event in the same commit."""
        values: dict[str, Any] = {"state": state, "reason": reason, "waiting_until_ms": waiting_until_ms}
        if state in FINISHED:
            values["finished_ms"] = now_ms
        with self.db.engine.begin() as conn:
            changed = conn.execute(
                update(campaign)
                .where(campaign.c.id == campaign_id, campaign.c.state.in_(only_from))
                .values(**values)
            ).rowcount
            if not changed:
                return False
            if state == CampaignState.CANCELLED:
                c = campaign_recipient.c
                conn.execute(
                    update(campaign_recipient)
                    .where(
                        c.campaign_id == campaign_id,
                        c.state.in_((RecipientState.QUEUED, RecipientState.HELD)),
                    )
                    .values(state=RecipientState.SKIPPED, reason=SkipReason.CANCELLED)
                )
            self._event(conn, campaign_id=campaign_id)
            return True

    def pause_where(
        self, reason: str, now_ms: int, template_name: str | None = None, language: str | None = None
    ) -> list[str]:
        """Pause every active campaign (that would still send the template version, when named): Meta
        paused it or the quality fell.

        A named version (name and language) is sent by a campaign of that template name whose
        recipients not yet sent include one given that language, or given none (the campaign's own
        language, when it is that one).
        """
        with self.db.engine.connect() as conn:
            rows = [
                r
                for r in (
                    self._row(conn, i)
                    for i in conn.execute(select(campaign.c.id).where(campaign.c.state.in_(ACTIVE))).scalars()
                )
                if r is not None and (template_name is None or r.template.name == template_name)
            ]
            if template_name is not None and language and rows:
                own = [r.id for r in rows if r.template.language == language]
                sending = self._sending_language(conn, [r.id for r in rows], language, own)
                rows = [r for r in rows if r.id in sending]
        paused = []
        for r in rows:
            if self.set_state(r.id, CampaignState.PAUSED, reason, only_from=ACTIVE, now_ms=now_ms):
                paused.append(r.id)
        return paused

    def _sending_language(
        self, conn: Connection, campaign_ids: list[str], language: str, own: list[str]
    ) -> set[str]:
        """Those of the campaigns with a recipient not yet sent who is to get the `language` version:
        given it, or given none in a campaign of that language (`own`)."""
        c = campaign_recipient.c
        given = c.language == language
        if own:
            given = or_(given, and_(c.language.is_(None), c.campaign_id.in_(own)))
        found = (
            select(c.campaign_id)
            .distinct()
            .where(
                c.campaign_id.in_(campaign_ids),
                c.state.in_((*TO_SEND, RecipientState.HELD)),
                given,
            )
        )
        return set(conn.execute(found).scalars())

    def runnable(self, now_ms: int) -> list[str]:
        c = campaign.c
        found = select(c.id).where(
            or_(
                # A running campaign whose every recipient left is held for the night waits too.
                and_(
                    c.state == CampaignState.RUNNING,
                    or_(c.waiting_until_ms.is_(None), c.waiting_until_ms <= now_ms),
                ),
                and_(c.state == CampaignState.SCHEDULED, c.start_ms <= now_ms),
                and_(c.state == CampaignState.WAITING_FOR_LIMIT, c.waiting_until_ms <= now_ms),
            )
        )
        with self.db.engine.connect() as conn:
            return list(conn.execute(found.order_by(c.created_ms)).scalars())

    # ------------------------------------------------------------------ one worker per campaign
    def claim(self, campaign_id: str, owner: SendOwner, lease_ms: int, now_ms: int) -> bool:
        """Take the campaign for `owner` unless another live worker holds it."""
        c = campaign.c
        with self.db.engine.begin() as conn:
            return bool(
                conn.execute(
                    update(campaign)
                    .where(
                        c.id == campaign_id,
                        or_(
                            c.runner.is_(None),
                            c.runner_until_ms < now_ms,
                            and_(c.runner == owner.worker, c.runner_started_ms == owner.started_ms),
                        ),
                    )
                    .values(
                        runner=owner.worker,
                        runner_started_ms=owner.started_ms,
                        runner_until_ms=now_ms + lease_ms,
                    )
                ).rowcount
            )

    def release(self, campaign_id: str, owner: SendOwner) -> None:
        c = campaign.c
        with self.db.engine.begin() as conn:
            conn.execute(
                update(campaign)
                .where(c.id == campaign_id, c.runner == owner.worker, c.runner_started_ms == owner.started_ms)
                .values(runner=None, runner_started_ms=None, runner_until_ms=None)
            )

    # ------------------------------------------------------------------ recipients
    def next_recipients(self, campaign_id: str, now_ms: int, limit: int) -> list[RecipientRow]:
        c = campaign_recipient.c
        due = or_(c.state.in_(TO_SEND), and_(c.state == RecipientState.HELD, c.held_until_ms <= now_ms))
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                select(campaign_recipient)
                .where(c.campaign_id == campaign_id, due)
                .order_by(c.position)
                .limit(limit)
            ).all()
        return [
            RecipientRow(
                wa_id=r.wa_id,
                components=json.loads(r.components),
                notifications=r.consent_notifications,
                marketing=r.consent_marketing,
                night=r.consent_night,
                country=r.country,
                timezone=r.timezone,
                state=r.state,
                language=r.language,
            )
            for r in rows
        ]

    def next_held_ms(self, campaign_id: str) -> int | None:
        c = campaign_recipient.c
        with self.db.engine.connect() as conn:
            found = conn.execute(
                select(func.min(c.held_until_ms)).where(
                    c.campaign_id == campaign_id, c.state == RecipientState.HELD
                )
            )
            value = found.scalar_one_or_none()
            return None if value is None else int(value)

    def begin_send(
        self,
        campaign_id: str,
        wa_id: str,
        owner: SendOwner,
        now_ms: int,
        *,
        key: str,
        send_lease_ms: int,
        limit: int | None,
        window_open: Callable[[ContactRow | None], bool],
        check_opt_out: bool,
    ) -> Begun:
        """Everything before a recipient's send, in one transaction (one round trip, not five):
        the campaign is still running and still this worker's; no marketing opt-out (when
        `check_opt_out`); the customer's row; for a send outside their 24-hour window with the
        sending number (`window_open`), a place in the messaging limit's ledger; the send key
        reserved; the recipient marked `sending`. A crash after this commit leaves a reserved key,
        which a resumed campaign answers from (or the sweep marks unknown): never resent."""
        c = campaign.c
        with self.db.engine.begin() as conn:
            mine = conn.execute(
                select(c.id).where(
                    c.id == campaign_id,
                    c.state == CampaignState.RUNNING,
                    c.runner == owner.worker,
                    c.runner_started_ms == owner.started_ms,
                )
            ).first()
            if mine is None:
                return Begun("stopped")
            r = campaign_recipient.c
            recipient = and_(r.campaign_id == campaign_id, r.wa_id == wa_id)
            if check_opt_out and self.opt_outs.reason_in(conn, wa_id) is not None:
                skipped = {"state": RecipientState.SKIPPED, "reason": SkipReason.OPTED_OUT}
                conn.execute(update(campaign_recipient).where(recipient).values(**skipped))
                return Begun("opted_out")
            contact = self.contacts.get_in(conn, wa_id)
            if not window_open(contact):
                free_at = self.ledger.reserve_in(conn, wa_id, now_ms, limit)
                if free_at is not None:
                    return Begun("limit", contact, free_at_ms=free_at)
            reserved = self.sends.reserve_in(conn, key, owner, send_lease_ms)
            conn.execute(update(campaign_recipient).where(recipient).values(state="sending"))
            if reserved[0] != "new":
                return Begun("reserved", contact, reserved=reserved)
            return Begun("go", contact)

    def set_recipient(self, campaign_id: str, wa_id: str, state: str, **values: Any) -> None:
        r = campaign_recipient.c
        with self.db.engine.begin() as conn:
            conn.execute(
                update(campaign_recipient)
                .where(r.campaign_id == campaign_id, r.wa_id == wa_id)
                .values(state=state, **values)
            )

    def record_sent(self, campaign_id: str, wa_id: str, state: str, **values: Any) -> None:
        with self.db.engine.begin() as conn:
            self.record_sent_in(conn, campaign_id, wa_id, state, **values)

    def record_sent_in(
        self, conn: Connection, campaign_id: str, wa_id: str, state: str, **values: Any
    ) -> None:
        """Graph accepted the send (`sent`, `pending` or `unknown`): keep its wamid and time, but never
        move the state back from a status webhook that overtook the send's own answer (failed,
        delivered, read)."""
        r = campaign_recipient.c
        mine = and_(r.campaign_id == campaign_id, r.wa_id == wa_id)
        conn.execute(update(campaign_recipient).where(mine).values(**values))
        overtaken = (RecipientState.FAILED, RecipientState.DELIVERED, RecipientState.READ)
        conn.execute(update(campaign_recipient).where(mine, r.state.not_in(overtaken)).values(state=state))

    def apply_status(
        self,
        key: str | None,
        wamid: str | None,
        status: str,
        error_code: int | None,
        reason: str | None,
        graph_cause: str | None = None,
    ) -> tuple[str, str] | None:
        """A status webhook for a campaign's send: found by our key (biz_opaque_callback_data) or wamid.

        Ticks only move forward; `failed` overrides sent and delivered (with `graph_cause`, which of
        the code's causes Graph meant). Returns (campaign, wa_id).
        """
        r = campaign_recipient.c
        with self.db.engine.begin() as conn:
            where = None
            if key and key.startswith("campaign:") and key.count(":") >= 2:
                _prefix, campaign_id, wa_id = key.split(":", 2)
                where = and_(r.campaign_id == campaign_id, r.wa_id == wa_id)
            elif wamid:
                where = r.wamid == wamid
            if where is None:
                return None
            row = conn.execute(select(r.campaign_id, r.wa_id, r.state).where(where)).first()
            if row is None:
                return None
            values: dict[str, Any] = {}
            if status == "failed":
                if row.state in (
                    RecipientState.PENDING,
                    RecipientState.SENT,
                    RecipientState.DELIVERED,
                    RecipientState.UNKNOWN,
                    "sending",
                ):
                    values = {
                        "state": RecipientState.FAILED,
                        "error_code": error_code,
                        "graph_cause": graph_cause,
                        "reason": reason,
                    }
            elif status in _TICK_RANK:
                movable = row.state in (*_TICK_RANK, *_UNTICKED)
                if movable and _TICK_RANK.get(row.state, 0) < _TICK_RANK[status]:
                    values = {"state": status, **({"wamid": wamid} if wamid else {})}
            if values:
                conn.execute(
                    update(campaign_recipient)
                    .where(r.campaign_id == row.campaign_id, r.wa_id == row.wa_id)
                    .values(**values)
                )
                if row.state == RecipientState.PENDING:
                    # Meta released (or dropped) a send it held while pacing the template: the
                    # campaign's counts change after the campaign itself finished, so say so.
                    self._event(conn, campaign_id=row.campaign_id)
            return row.campaign_id, row.wa_id

    def remaining(self, campaign_id: str) -> int:
        """Recipients not yet final (queued, sending or held)."""
        c = campaign_recipient.c
        with self.db.engine.connect() as conn:
            found = conn.execute(
                select(func.count()).where(
                    c.campaign_id == campaign_id, c.state.in_((*TO_SEND, RecipientState.HELD))
                )
            )
            return int(found.scalar_one())
