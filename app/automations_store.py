"""The desktop's copy of the automations document: edited offline, pushed with If-Match, conflicts kept.

The relay is the source of truth (DESIGN.md: revisioned, `PUT` with `If-Match`). The desktop keeps the
last document it knows in Setting "automations" (its `revision` is the relay revision it is based on)
and, while an owner's change waits, Setting "automations_pending" says so. A change that meets a newer
relay revision (another desktop changed it) is never overwritten or dropped: both versions are kept
in Setting "automations_conflict" until the owner chooses. So what the relay holds and what the desktop
shows can differ only while the window says "Not yet on the relay" or "Changed on another computer".
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.automations_parts import AutomationsPart, differing_parts
from app.bank_field import BANK_FIELD, as_written, uses_bank, with_bank
from app.business_numbers import shop_numbers
from app.changes import Changes
from app.errors import ErrorCode, RefusalParams, RelayError, RelayUnreachable, RevisionConflict
from app.hours_written import (
    hours_written_at,
    note_hours_written,
    note_relay_features,
    relay_fills_hours,
    uses_hours,
    with_hours,
)
from app.order_settings import load_order_settings, save_order_settings
from app.rules import DAY_FIRST_ENGLISH
from app.settings import get_setting, load_preferences, put_setting
from app.wire import (
    FEATURE_HOURS_FIELD,
    Automations,
    AwayRule,
    BotProblem,
    BusinessHours,
    BusinessProfile,
    DayHours,
    GreetingRule,
    Health,
    MarketingOptOut,
    MenuBot,
    Recipients,
    RelayErrorCode,
    TimeRange,
)

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

DOC_KEY = "automations"
PENDING_KEY = "automations_pending"
CONFLICT_KEY = "automations_conflict"
# The document the relay was last heard to hold (a GET, a `settings` event, a PUT's answer): while a
# change waits or was refused, what it runs is this, not the copy here (the away notice says so).
ON_RELAY_KEY = "automations_on_relay"
# The away schedule before the owner chose "always", so the main window can put it back in one click.
AWAY_SCHEDULE_BEFORE_ALWAYS_KEY = "away_schedule_before_always"


class AutomationsClient(Protocol):
    """What the store needs from the relay client (app/relay_client.py)."""

    def get_automations(self) -> Automations: ...

    def put_automations(self, doc: Automations, *, if_match: int) -> Automations: ...


@runtime_checkable
class FeaturesClient(AutomationsClient, Protocol):
    """And what it asks on connecting: what the relay fills itself (GET /healthz)."""

    def health(self) -> Health: ...


class SyncStatus(enum.StrEnum):
    SYNCED = "synced"  # the desktop shows what the relay holds (as far as it last heard)
    PENDING = "pending"  # "Not yet on the relay": an owner's change waits to be pushed
    CONFLICT = "conflict"  # another computer changed the rules meanwhile: the owner chooses
    # The relay refused the waiting change for good (its validation, a version it does not take):
    # kept here, not sent again until the owner saves anew or takes the relay's version back.
    REFUSED = "refused"


class PushOutcome(enum.StrEnum):
    NOTHING = "nothing"  # no change waiting (or a conflict waits for the owner's choice)
    PUSHED = "pushed"
    OFFLINE = "offline"  # the relay did not answer; the change still waits
    CONFLICT = "conflict"
    REFUSED = "refused"  # the relay refused it for good (a 4xx no retry changes); it stays here


@dataclass(frozen=True, slots=True)
class PushRefusal:
    """The relay's refusal of the change saved at `edit`: its error code (a RelayErrorCode, or
    "http_422" from something in front of it that gave no code), for ui/ to say why."""

    relay_code: str
    edit: int
    # For BOT_OVER_LIMITS: which limit the menu bot breaks (None: not said, or one this version does
    # not know) and at which node or keyword rule (its id in the document; "" when not one node's).
    bot_problem: BotProblem | None = None
    bot_node: str = ""

    @classmethod
    def of(cls, params: RefusalParams, edit: int) -> PushRefusal:
        """The relay's refusal (its error's code and parameters) of the change saved at `edit`."""
        bot = params.relay_code == RelayErrorCode.BOT_OVER_LIMITS
        problem = _bot_problem(params.param("problem")) if bot else None
        return cls(
            params.relay_code,
            edit,
            bot_problem=problem,
            bot_node=params.param("node") if problem is not None else "",
        )


@dataclass(frozen=True, slots=True)
class AutomationsState:
    """The desktop's copy and what it knows about the relay's."""

    doc: Automations
    pending: bool = False
    base_revision: int = 0  # the relay revision the pending change was based on
    edit: int = 0  # bumped by every local save, so a push never clears a newer edit
    conflict: Automations | None = None  # the relay's version, when it differs from a pending change
    last_error: str = ""
    # The order settings' account, which the document's {bank} stands for (app/bank_field.py).
    bank_account: str = ""
    # Whether the relay said it fills {hours} itself (None: not heard yet); when it does not, the
    # texts are sent with the hours written out, and this is when they were (app/hours_written.py).
    relay_fills_hours: bool | None = None
    hours_written_at: datetime | None = None
    # The shop's business numbers as people dial them, when it has two or more (two branches): the
    # one document answers on all of them (app/business_numbers.py).
    business_numbers: tuple[str, ...] = ()
    # While a change waits: the parts of the document it changed (the window names them: "Away
    # message not on the relay yet"); empty when no editor's part changed (the bank account filled
    # in anew, the hours written out again), or no change waits.
    waiting_parts: tuple[AutomationsPart, ...] = ()
    # The relay's refusal of the waiting change, when it refused this very edit.
    refused: PushRefusal | None = None
    # The document the relay was last heard to hold, as it holds it (None: not heard since this
    # version kept it); while a change waits or was refused, the relay runs this one.
    on_relay: Automations | None = None

    @property
    def status(self) -> SyncStatus:
        if self.conflict is not None:
            return SyncStatus.CONFLICT
        if self.pending and self.refused is not None:
            return SyncStatus.REFUSED
        return SyncStatus.PENDING if self.pending else SyncStatus.SYNCED

    @property
    def relay_has_none(self) -> bool:
        """The waiting change is based on no rules of the relay's (revision 0: a first setup, a new
        relay): until it lands, the relay sends no greeting, away message or menu bot at all."""
        return self.pending and self.base_revision == 0


def same_content(a: Automations, b: Automations) -> bool:
    """Equal apart from the revision number."""
    return a.model_dump(mode="json", exclude={"revision"}) == b.model_dump(mode="json", exclude={"revision"})


_ABSENT = object()


def _leaves(value: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """A JSON document's values by path (objects opened, lists kept whole)."""
    if isinstance(value, dict) and value:
        found: dict[tuple[str, ...], Any] = {}
        for key, item in value.items():
            found.update(_leaves(item, (*path, str(key))))
        return found
    return {path: value}


def _put(doc: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    *parents, last = path
    for key in parents:
        child = doc.get(key)
        if not isinstance(child, dict):
            child = doc[key] = {}
        doc = child
    if value is _ABSENT:
        doc.pop(last, None)
    else:
        doc[last] = value


def merge_edits(base: Automations, theirs: Automations, mine: Automations) -> tuple[Automations, bool]:
    """An editor's save (`mine`, its part applied to `theirs`, the latest copy) over `base`, the copy
    its form was filled from: a value the owner left as it was takes what changed elsewhere meanwhile
    (another desktop's edit of the same message is not put back unseen). The flag says both changed
    one value differently: saving `mine` then replaces the other edit, so the owner must be asked."""
    base_values = _leaves(base.model_dump(mode="json", exclude={"revision"}))
    their_values = _leaves(theirs.model_dump(mode="json", exclude={"revision"}))
    dumped = mine.model_dump(mode="json", exclude={"revision"})
    my_values = _leaves(dumped)
    clash = False
    for path in base_values.keys() | their_values.keys() | my_values.keys():
        was = base_values.get(path, _ABSENT)
        now = their_values.get(path, _ABSENT)
        ours = my_values.get(path, _ABSENT)
        if now == was or ours == now:
            continue
        if ours == was:
            _put(dumped, path, now)
        else:
            clash = True
    merged = Automations.model_validate({**dumped, "revision": mine.revision})
    return merged, clash


def _parse(value: Any) -> Automations | None:
    if not isinstance(value, dict):
        return None
    try:
        return Automations.model_validate(value)
    except ValidationError:
        # A hand-edited or damaged copy: the relay's copy is fetched again on the next pull.
        log.warning("stored automations document is not valid; starting from defaults", exc_info=True)
        return None


# --------------------------------------------------------------------------- session-level operations


def load_state(session: Session) -> AutomationsState:
    doc = _parse(get_setting(session, DOC_KEY)) or Automations()
    meta = get_setting(session, PENDING_KEY) or {}
    if not isinstance(meta, dict):
        meta = {}
    conflict = _parse(get_setting(session, CONFLICT_KEY))
    pending = bool(meta.get("pending", False))
    edit = int(meta.get("edit", 0))
    return AutomationsState(
        doc=doc,
        pending=pending,
        base_revision=int(meta.get("base_revision", doc.revision)),
        edit=edit,
        conflict=conflict,
        last_error=str(meta.get("last_error", "")),
        bank_account=load_order_settings(session).bank_account,
        relay_fills_hours=relay_fills_hours(session),
        hours_written_at=hours_written_at(session),
        business_numbers=shop_numbers(session),
        waiting_parts=_parts(meta.get("parts")) if pending else (),
        refused=_refusal(meta.get("refused"), edit) if pending else None,
        on_relay=_parse(get_setting(session, ON_RELAY_KEY)),
    )


def _refusal(stored: Any, edit: int) -> PushRefusal | None:
    """The stored refusal when it is of the edit that waits (a later save is another attempt)."""
    if not isinstance(stored, dict) or stored.get("edit") != edit:
        return None
    problem = _bot_problem(stored.get("bot_problem"))
    return PushRefusal(
        relay_code=str(stored.get("relay_code", "")),
        edit=edit,
        bot_problem=problem,
        bot_node=str(stored.get("bot_node", "")) if problem is not None else "",
    )


def _bot_problem(value: object) -> BotProblem | None:
    """A menu-bot problem this version knows; None for anything else (a newer relay's, nothing)."""
    return BotProblem(value) if isinstance(value, str) and value in set(BotProblem) else None


def _parts(stored: Any) -> tuple[AutomationsPart, ...]:
    """The stored names of the waiting parts, those this version knows, in AutomationsPart's order."""
    names = set(stored) if isinstance(stored, list) else set()
    return tuple(part for part in AutomationsPart if part.value in names)


def shop_time_zone(session: Session) -> str | None:
    """The business hours' time zone, when the owner has set one (None: this computer's clock)."""
    zone = load_state(session).doc.business_hours.timezone
    return zone if zone and zone != "UTC" else None


def shop_profile(db: Database) -> BusinessProfile:
    """The shop's business profile as saved here (its name, email and websites)."""
    with db.read() as session:
        return load_state(session).doc.profile


def _store(session: Session, state: AutomationsState) -> AutomationsState:
    put_setting(session, DOC_KEY, state.doc.model_dump(mode="json"))
    put_setting(
        session,
        PENDING_KEY,
        {
            "pending": state.pending,
            "base_revision": state.base_revision,
            "edit": state.edit,
            "last_error": state.last_error,
            "parts": [part.value for part in state.waiting_parts] if state.pending else [],
            "refused": (
                {
                    "relay_code": state.refused.relay_code,
                    "edit": state.refused.edit,
                    "bot_problem": state.refused.bot_problem.value if state.refused.bot_problem else None,
                    "bot_node": state.refused.bot_node,
                }
                if state.pending and state.refused is not None
                else None
            ),
        },
    )
    put_setting(
        session, CONFLICT_KEY, None if state.conflict is None else state.conflict.model_dump(mode="json")
    )
    return dataclasses.replace(
        state,
        bank_account=load_order_settings(session).bank_account,
        relay_fills_hours=relay_fills_hours(session),
        hours_written_at=hours_written_at(session),
        business_numbers=shop_numbers(session),
        on_relay=_parse(get_setting(session, ON_RELAY_KEY)),
    )


def _heard_from_relay(session: Session, remote: Automations, *, current: bool) -> None:
    """Keep the relay's document as the one it runs: `current` (a GET, a PUT's answer) always; a
    `settings` event unless it is older than the one kept (an old event replayed)."""
    kept = _parse(get_setting(session, ON_RELAY_KEY))
    if current or kept is None or remote.revision >= kept.revision:
        put_setting(session, ON_RELAY_KEY, remote.model_dump(mode="json"))


def _as_written(state: AutomationsState, remote: Automations) -> Automations:
    """The relay's document as the owner wrote it: when it is ours with {bank} filled in (the relay
    is only ever sent the filled text) or, for a relay that cannot fill {hours}, the hours written
    out, ours with the relay's revision, so the field stays a field; when another desktop filled
    it, its account (named beside the texts) made the field again."""
    # As pushed: the country filled in where ours named none (`with_shop_country`).
    sent = with_shop_country(with_bank(state.doc, state.bank_account), remote.shop_country or "")
    if state.hours_written_at is not None:
        sent = with_hours(sent, state.hours_written_at)
    if (uses_bank(state.doc) or uses_hours(state.doc)) and same_content(remote, sent):
        update = {"revision": remote.revision, "shop_country": remote.shop_country}
        return state.doc.model_copy(update=update, deep=True)
    return as_written(remote)


def _adopt_bank_account(session: Session, remote: Automations) -> None:
    """A document filled on another desktop names the shop's account: a desktop that has none yet
    (a second computer, a new install) takes it into its order settings, so its next push, its
    order messages and its bot preview give the same account and not an empty one."""
    account = remote.bank_account.strip()
    if not account:
        return
    settings = load_order_settings(session)
    if not settings.bank_account.strip():
        save_order_settings(session, dataclasses.replace(settings, bank_account=account))


def save_local(session: Session, doc: Automations, *, built_on: int | None = None) -> AutomationsState:
    """The owner saved an editor: keep the change and mark it "Not yet on the relay".

    `built_on` is the revision of the copy the editor applied its part to, when it was read before
    this write: the relay's newer copy may have come in between."""
    state = load_state(session)
    if not state.pending and state.conflict is None and same_content(doc, state.doc):
        return state  # nothing changed: nothing to push
    base = state.base_revision if state.pending else state.doc.revision
    if built_on is not None and not state.pending and built_on < state.doc.revision:
        # Another desktop's change arrived after the editor read the copy: `doc` still holds the
        # older rest of it. Sent as based on the newer one, it undid that change unseen; based on
        # the one it was made from, the relay refuses it and the owner chooses between the two.
        base = built_on
    new_doc = doc.model_copy(update={"revision": base}, deep=True)
    waiting = set(state.waiting_parts if state.pending else ()) | set(differing_parts(state.doc, new_doc))
    if doc.away.schedule == "always" and state.doc.away.schedule != "always":
        put_setting(session, AWAY_SCHEDULE_BEFORE_ALWAYS_KEY, state.doc.away.schedule)
    theirs = _relay_runs_base(state, base)
    if theirs is not None and state.conflict is None:
        # Measured against what the relay runs, not against the last save: an away message switched
        # off and on again waited as "changed", and quitting asked about a change that was none.
        sent = _as_sent(state, new_doc, load_preferences(session).shop_region)
        if same_content(sent, theirs):
            # The edit is bumped: a push of the earlier change under way leaves this one waiting.
            return _store(session, AutomationsState(doc=new_doc, base_revision=base, edit=state.edit + 1))
        waiting &= set(differing_parts(theirs, sent))  # a part put back as the relay has it waits no more
    return _store(
        session,
        AutomationsState(
            doc=new_doc,
            pending=True,
            base_revision=base,
            edit=state.edit + 1,
            conflict=state.conflict,
            waiting_parts=tuple(part for part in AutomationsPart if part in waiting),
        ),
    )


def _relay_runs_base(state: AutomationsState, base: int) -> Automations | None:
    """The relay's document as last heard, when it is the revision `base` a save builds on (None: not
    known here, or the relay holds none of the shop's rules yet)."""
    on_relay = state.on_relay
    if base == 0 or on_relay is None or on_relay.revision != base:
        return None
    return on_relay


def _as_sent(state: AutomationsState, doc: Automations, country: str) -> Automations:
    """`doc` as a push would send it (`_push`): the account where the texts say {bank}, the shop's
    country, and the hours written out as they last were for a relay that cannot fill them."""
    sent = with_shop_country(with_bank(doc, state.bank_account), country.upper())
    if state.hours_written_at is not None:
        sent = with_hours(sent, state.hours_written_at)
    return sent


def apply_remote(session: Session, remote: Automations, *, current: bool = False) -> AutomationsState:
    """The relay's document arrived: adopt it, ignore it as old, or keep both for the owner to choose.

    `current` says it is what the relay holds right now (a GET, or the answer to a refused PUT);
    a `settings` event may instead be an old one replayed. A current document with a lower revision
    than ours means the relay was reset or replaced: it is adopted (or, with a change waiting,
    shown as a conflict), never ignored, so the desktop cannot silently show rules the relay lacks.
    """
    _adopt_bank_account(session, remote)
    _heard_from_relay(session, remote, current=current)
    state = load_state(session)
    remote = _as_written(state, remote)
    if not state.pending:
        if remote.revision < state.doc.revision and not current:
            return state  # an older event replayed: never go backwards
        return _store(session, AutomationsState(doc=remote, base_revision=remote.revision, edit=state.edit))
    if same_content(remote, state.doc):
        # Our change is on the relay (e.g. a push whose answer was lost).
        return _store(session, AutomationsState(doc=remote, base_revision=remote.revision, edit=state.edit))
    if remote.revision == state.base_revision or (remote.revision < state.base_revision and not current):
        return state  # the version our change is based on, or an older one replayed
    log.info(
        "automations on the relay are at revision %d while a change based on %d waits",
        remote.revision,
        state.base_revision,
    )
    return _store(
        session,
        AutomationsState(
            doc=state.doc,
            pending=True,
            base_revision=state.base_revision,
            edit=state.edit,
            conflict=remote,
            waiting_parts=state.waiting_parts,
        ),
    )


def mark_pushed(session: Session, pushed_edit: int, answer: Automations) -> AutomationsState:
    """The relay took the change made at `pushed_edit`; a newer local edit stays pending on top of it."""
    _heard_from_relay(session, answer, current=True)
    state = load_state(session)
    if state.edit == pushed_edit:
        answer = _as_written(state, answer)
        return _store(session, AutomationsState(doc=answer, base_revision=answer.revision, edit=state.edit))
    newer = state.doc.model_copy(update={"revision": answer.revision}, deep=True)
    conflict = state.conflict
    if (
        conflict is not None
        and conflict.revision == answer.revision
        and same_content(conflict, _as_written(state, answer))
    ):
        # The relay's `settings` event of this very push, read before its answer while a newer edit
        # waited, was taken for another computer's change: the owner was asked to choose against
        # herself, and the newer edit (the hours' zone saved with Settings' country) never went.
        conflict = None
    return _store(
        session,
        AutomationsState(
            doc=newer,
            pending=True,
            base_revision=answer.revision,
            edit=state.edit,
            conflict=conflict,
            waiting_parts=state.waiting_parts,
        ),
    )


def follow_bank_account(session: Session) -> AutomationsState:
    """The order settings' bank account changed: texts that give it ({bank}) must reach the relay
    again, so the document waits to be pushed. The edit is bumped even when a change already waits,
    so a push that was sending the old account does not mark the new one as sent."""
    state = load_state(session)
    if not uses_bank(state.doc):
        return state
    base = state.base_revision if state.pending else state.doc.revision
    return _store(session, dataclasses.replace(state, pending=True, base_revision=base, edit=state.edit + 1))


def note_push_error(session: Session, message: str) -> AutomationsState:
    state = load_state(session)
    if not state.pending:
        return state
    return _store(session, dataclasses.replace(state, last_error=message))


def note_refused(session: Session, edit: int, refusal: RefusalParams) -> AutomationsState:
    """The relay refused the change saved at `edit` for good: it stays here, marked refused (with
    the relay's reason), unless the owner saved again meanwhile (that save is a new attempt)."""
    state = load_state(session)
    if not state.pending or state.edit != edit:
        return state
    return _store(session, dataclasses.replace(state, refused=PushRefusal.of(refusal, edit)))


def take_relay_version(session: Session, remote: Automations) -> AutomationsState:
    """The owner let go of the change the relay refused: the relay's current document (`remote`)
    is the copy here again, and nothing waits."""
    _heard_from_relay(session, remote, current=True)
    state = load_state(session)
    remote = _as_written(state, remote)
    return _store(session, AutomationsState(doc=remote, base_revision=remote.revision, edit=state.edit + 1))


def resolve_conflict(session: Session, keep: Literal["mine", "theirs"]) -> AutomationsState:
    """The owner chose: "theirs" adopts the relay's version; "mine" pushes ours over it."""
    state = load_state(session)
    if state.conflict is None:
        return state
    theirs = state.conflict
    if keep == "theirs":
        return _store(
            session, AutomationsState(doc=theirs, base_revision=theirs.revision, edit=state.edit + 1)
        )
    mine = state.doc.model_copy(update={"revision": theirs.revision}, deep=True)
    return _store(
        session,
        AutomationsState(
            doc=mine,
            pending=True,
            base_revision=theirs.revision,
            edit=state.edit + 1,
            waiting_parts=differing_parts(theirs, mine),
        ),
    )


def _country_code(country: str) -> str | None:
    """Settings' `shop_region` as the document names it ("GB"), or None when it is not a country."""
    return country.upper() if len(country) == 2 and country.isalpha() else None


def with_shop_country(doc: Automations, country: str) -> Automations:
    """The document naming the shop's country (ISO code; Settings' `shop_region`) when it names none."""
    code = _country_code(country)
    if doc.shop_country is not None or code is None:
        return doc
    return doc.model_copy(update={"shop_country": code})


def move_shop_country(session: Session, country: str) -> tuple[AutomationsState, Changes]:
    """The shop moved country (Settings): the document names the new one, saved as an editor's save
    is, so the relay gets it (and writes "Tue 8 Dec" to a UK shop's English-writing customers)."""
    state = load_state(session)
    code = _country_code(country)
    if code is None or state.doc.shop_country == code:
        return state, Changes()
    if not state.pending and state.doc.revision == 0:
        # Never had the relay's copy: saved over it, it would ask the owner to choose between the
        # two. The first push names the country anyway (`with_shop_country`).
        return state, Changes()
    return save_local(session, state.doc.model_copy(update={"shop_country": code})), AUTOMATIONS_CHANGED


# --------------------------------------------------------------------------- talking to the relay

_PUSHING = threading.Lock()


def push(db: Database, client: AutomationsClient, now: datetime | None = None) -> PushOutcome:
    """Send a waiting change with If-Match; safe to call any time (e.g. whenever the relay is back).

    The network call runs outside any database transaction, so the GUI and the sync writer are
    never blocked on it; `edit` makes sure an edit saved meanwhile is not marked as pushed. One push
    at a time: two sent on the same revision (Settings' country and the hours' zone saved together)
    made the second a conflict the owner was asked about. `now`: when {hours} is written out for a
    relay that cannot fill it (tests pass a later day).
    """
    with _PUSHING:
        outcome = _push(db, client, now)
        # An edit saved while the push was under way waits on top of it: it goes now, not when this
        # desktop next comes online (a few rounds at most: each is an edit the owner made meanwhile).
        for _ in range(3):
            if outcome is not PushOutcome.PUSHED:
                break
            with db.read() as s:
                waiting = load_state(s)
            if not waiting.pending or waiting.conflict is not None:
                break
            outcome = _push(db, client, now)
        return outcome


def _push(db: Database, client: AutomationsClient, now: datetime | None) -> PushOutcome:
    with db.read() as s:
        state = load_state(s)
        country = load_preferences(s).shop_region.upper()
    if not state.pending or state.conflict is not None or state.refused is not None:
        # A refused change is not sent again as it is: the relay would give the same answer to
        # each reconnect. It waits for the owner (a new save, or the relay's version taken back).
        return PushOutcome.NOTHING
    try:
        # The relay is sent the shop's current account where the texts say {bank}, and its country
        # (its dates to English-writing customers follow it) when the document has none yet.
        sent = with_shop_country(with_bank(state.doc, state.bank_account), country)
        # A relay that has not said it fills {hours} would send the field as typed: it gets the
        # hours written out as of now, and when is kept first, so its copy (the answer, or its
        # `settings` event arriving meanwhile) is known as ours and the field stays a field here.
        fills = state.relay_fills_hours
        if fills is None and uses_hours(sent) and isinstance(client, FeaturesClient):
            fills = _ask_relay_features(db, client)  # not heard since this desktop knew to ask
        written_at = None if fills or not uses_hours(sent) else (now or datetime.now(UTC))
        if written_at is not None:
            sent = with_hours(sent, written_at)
        if written_at != state.hours_written_at:
            with db.write() as s:
                note_hours_written(s, written_at)
        answer = client.put_automations(sent, if_match=state.base_revision)
    except RevisionConflict:
        return _fetch_conflict(db, client)
    except RelayUnreachable as exc:
        log.info("relay unreachable; automations change stays pending (%s)", exc)
        with db.write() as s:
            note_push_error(s, str(exc))
        return PushOutcome.OFFLINE
    except RelayError as exc:
        if exc.code is not ErrorCode.RELAY_REFUSED or not isinstance(exc.params, RefusalParams):
            raise  # busy (tried again), or the token refused (the whole connection says so)
        log.warning("the relay refused the automations change for good: %s", exc.params.relay_code)
        with db.write() as s:
            note_refused(s, state.edit, exc.params)
        return PushOutcome.REFUSED
    with db.write() as s:
        mark_pushed(s, state.edit, answer)
    log.info("automations pushed; relay revision %d", answer.revision)
    return PushOutcome.PUSHED


def _ask_relay_features(db: Database, client: FeaturesClient) -> bool | None:
    """GET /healthz: whether the relay fills {hours}, kept for the next push and the editors (None:
    it did not answer as a relay does; an unreachable relay raises, as the push's PUT would)."""
    try:
        features = client.health().features
    except RelayUnreachable:
        raise
    except (RelayError, ValueError) as exc:
        log.info("the relay's features not read: %s", exc)
        return None
    with db.write() as s:
        note_relay_features(s, features)
    return FEATURE_HOURS_FIELD in features


def follow_relay_features(db: Database, client: FeaturesClient, now: datetime | None = None) -> bool:
    """On connecting: ask the relay what it fills itself (GET /healthz) and keep it; when the texts
    it holds are not what it should get now, the document waits to be pushed again (the caller
    pushes next). That is: {hours} written out to a relay that now fills it (it was updated), the
    field sent to one that cannot (it was sent before this desktop knew, or the relay was replaced
    by an older one), or hours written on an earlier day that read otherwise today (a closed day
    passed or came within the two months named). Whether what the relay said changed (the editors
    tell the owner about an older relay). Blocking: the sync engine calls it from its thread."""
    features = client.health().features
    now = now or datetime.now(UTC)
    with db.write() as s:
        changed = note_relay_features(s, features)
        state = load_state(s)
        settled = not state.pending and state.conflict is None and state.doc.revision > 0
        if not settled or not uses_hours(state.doc):
            return changed
        written = state.hours_written_at
        if state.relay_fills_hours:
            stale = written is not None
        else:
            today = with_hours(state.doc, now)
            stale = written is None or not same_content(with_hours(state.doc, written), today)
        if stale:
            log.info("the relay's copy of the business hours in texts is not current; sending it again")
            base = state.doc.revision
            _store(s, dataclasses.replace(state, pending=True, base_revision=base, edit=state.edit + 1))
    return changed or stale


def relay_has_no_rules(session: Session, remote: Automations) -> AutomationsState:
    """The relay's current document is revision 0 (it never took any: a new relay address, or one
    started afresh on an empty database) while the copy here came from a relay: the shop's rules
    wait to be sent to it, based on its nothing. Without them it sends no greeting, away message or
    menu bot, while the editors said "On the relay". A change already waiting is based on nothing
    too: an empty document is no other computer's change to choose against."""
    _heard_from_relay(session, remote, current=True)
    state = load_state(session)
    if remote.revision != 0 or state.refused is not None:
        return state
    if not state.pending and state.doc.revision == 0:
        return state  # never on a relay: nothing was thought to be there
    if state.pending and state.base_revision == 0 and state.conflict is None:
        return state  # already waiting to be the relay's first rules
    doc = state.doc.model_copy(update={"revision": 0}, deep=True)
    log.info("the relay holds no rules (revision 0); the shop's are sent to it")
    parts = set(state.waiting_parts if state.pending else ()) | set(differing_parts(remote, doc))
    return _store(
        session,
        AutomationsState(
            doc=doc,
            pending=True,
            base_revision=0,
            edit=state.edit + 1,
            waiting_parts=tuple(part for part in AutomationsPart if part in parts),
        ),
    )


def follow_relay_rules(db: Database, client: AutomationsClient) -> bool:
    """On connecting: whether the relay holds no rules while this copy came from one (see
    `relay_has_no_rules`), and they now wait to be sent (the caller pushes next). Blocking."""
    remote = client.get_automations()
    if remote.revision != 0:
        return False
    with db.write() as s:
        before = load_state(s)
        after = relay_has_no_rules(s, remote)
    return after.edit != before.edit


def _fetch_conflict(db: Database, client: AutomationsClient) -> PushOutcome:
    try:
        remote = client.get_automations()
    except RelayUnreachable as exc:
        log.info("relay went away while fetching the conflicting automations (%s)", exc)
        return PushOutcome.OFFLINE
    with db.write() as s:
        # The relay started afresh while the change was on its way: it goes as the relay's first.
        rebased = remote.revision == 0 and relay_has_no_rules(s, remote).base_revision == 0
        after = apply_remote(s, remote, current=True)
    if after.status is SyncStatus.CONFLICT:
        return PushOutcome.CONFLICT
    if rebased and after.pending:
        return _push(db, client, None)  # now based on the relay's nothing: it takes it
    return PushOutcome.PUSHED if not after.pending else PushOutcome.OFFLINE


# Reads and writes of the relay's document that another desktop's saves may come between.
COUNTRY_ATTEMPTS = 3


def bring_shop_country_up_to_date(db: Database, client: AutomationsClient) -> bool:
    """The relay's document names the shop's country (Settings) on connecting; whether the copy
    here changed for it (the country saved onto it, sent or waiting to be).

    A shop whose country never changed never sent it (desktops before it did not), and its relay
    went on writing "Mon, Dec 7" to a UK shop's English-writing customers until the owner happened
    to edit a rule. So the relay's current document is read and, when it names no country or
    another one, the country is saved onto it and pushed as an editor's save is (If-Match): what
    the owner or another desktop wrote is kept. A change of the owner's still waiting, or a
    conflict waiting for the owner's choice, is left alone (the push of a waiting change names the
    country itself). Blocking: the sync engine calls it from its thread.
    """
    changed = False
    for _ in range(COUNTRY_ATTEMPTS):
        with db.read() as s:
            state = load_state(s)
            country = _country_code(load_preferences(s).shop_region)
        if country is None or state.pending or state.conflict is not None:
            return changed
        remote = client.get_automations()
        if remote.shop_country == country:
            return changed
        if remote.revision == 0:
            return changed  # nothing written on the relay yet: the first push names the country
        if remote.shop_country is None and country not in DAY_FIRST_ENGLISH:
            # A document naming no country is written as the US writes ("Mon, Dec 7"), which is how a
            # Korean (or American) shop's English reads anyway: no revision, and no conflict for a
            # second desktop's offline edit, for most shops. The next push names the country.
            return changed
        with db.write() as s:
            if load_state(s).pending:
                return changed  # the owner saved meanwhile: that push names the country
            # Adopted as a `settings` event would be: a copy of the relay's older than ours (a
            # relay replaced by an older one) is not, and then nothing is pushed over ours.
            adopted = apply_remote(s, remote)
            if adopted.pending or adopted.conflict is not None or adopted.doc.revision != remote.revision:
                return changed
            edit = save_local(s, adopted.doc.model_copy(update={"shop_country": country})).edit
        changed = True
        log.info("the relay's automations name no or another country; sending the shop's")
        outcome = push(db, client)
        if outcome is not PushOutcome.CONFLICT:
            return changed  # sent, or (offline) waiting to go with the next push
        # Another desktop saved between the read and the push. Our change was the country alone
        # (unless the owner saved here since): their newer document is taken, and the country put
        # on it, rather than asking the owner to choose between two copies of the same rules.
        with db.write() as s:
            state = load_state(s)
            if state.edit != edit or state.conflict is None or state.conflict.revision <= remote.revision:
                return changed  # a conflict for the owner to settle, as any push meets it
            resolve_conflict(s, "theirs")
    return changed


def pull(db: Database, client: AutomationsClient) -> AutomationsState:
    """Fetch the relay's document and apply it (adopt, ignore as old, or keep both as a conflict)."""
    remote = client.get_automations()
    with db.write() as s:
        return apply_remote(s, remote, current=True)


def reconcile(db: Database, client: AutomationsClient) -> AutomationsState:
    """On (re)connecting to the relay: send a waiting change, then make sure the copy is the relay's.

    The sync engine calls this when the relay answers again, so a change made offline goes out and
    a change made elsewhere while this desktop was away is adopted (or shown as a conflict).
    """
    if push(db, client) is PushOutcome.OFFLINE:
        with db.read() as s:
            return load_state(s)
    return pull(db, client)


class AutomationsStore:
    """The automations copy of one database, for the UI: each call is one short session."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def state(self) -> AutomationsState:
        with self.db.read() as s:
            return load_state(s)

    def save(self, doc: Automations, *, built_on: int | None = None) -> AutomationsState:
        with self.db.write() as s:
            return save_local(s, doc, built_on=built_on)

    def apply_remote(self, remote: Automations, *, current: bool = False) -> AutomationsState:
        with self.db.write() as s:
            return apply_remote(s, remote, current=current)

    def resolve(self, keep: Literal["mine", "theirs"]) -> AutomationsState:
        with self.db.write() as s:
            return resolve_conflict(s, keep)

    def push(self, client: AutomationsClient) -> PushOutcome:
        return push(self.db, client)

    def pull(self, client: AutomationsClient) -> AutomationsState:
        return pull(self.db, client)

    def reconcile(self, client: AutomationsClient) -> AutomationsState:
        return reconcile(self.db, client)


AUTOMATIONS_CHANGED = Changes(automations=True)


def automations_state(db: Database) -> AutomationsState:
    return AutomationsStore(db).state()


def save_automations(
    db: Database, doc: Automations, *, built_on: int | None = None
) -> tuple[AutomationsState, Changes]:
    """An editor's save, for its op: the new state, and the change (rules and the shop's profile).
    `built_on`: the revision of the copy `doc` was made from (see `save_local`)."""
    return AutomationsStore(db).save(doc, built_on=built_on), AUTOMATIONS_CHANGED


def discard_refused_change(db: Database, client: AutomationsClient) -> tuple[AutomationsState, Changes]:
    """The owner discards the change the relay refused and takes the relay's version back (blocking:
    one GET). A change saved since the refusal is not discarded unseen: it is kept, and sent."""
    remote = client.get_automations()
    with db.write() as s:
        state = load_state(s)
        if state.status is not SyncStatus.REFUSED:
            return state, Changes()
        return take_relay_version(s, remote), AUTOMATIONS_CHANGED


def push_refused_again(db: Database, client: AutomationsClient) -> tuple[PushOutcome, AutomationsState]:
    """The owner sends the refused change again as it is (the relay was updated meanwhile): one
    attempt, as her own click; refused again, it is marked so again and waits for her."""
    with db.write() as s:
        state = load_state(s)
        if state.status is SyncStatus.REFUSED:
            _store(s, dataclasses.replace(state, refused=None))
    return push_automations(db, client)


def resolve_automations(db: Database, keep: Literal["mine", "theirs"]) -> tuple[AutomationsState, Changes]:
    return AutomationsStore(db).resolve(keep), AUTOMATIONS_CHANGED


def push_automations(db: Database, client: AutomationsClient) -> tuple[PushOutcome, AutomationsState]:
    """Push a waiting change, then read the state it left (synced, still pending, or a conflict)."""
    store = AutomationsStore(db)
    outcome = store.push(client)
    return outcome, store.state()


# --------------------------------------------------------------------------- demo data


def _hours(*ranges: tuple[str, str]) -> DayHours:
    return DayHours(mode="open", ranges=[TimeRange(start=a, end=b) for a, b in ranges])


def _paid_with_zelle(bot: MenuBot) -> MenuBot:
    """The English menu as the Palo Alto demo shop words its payment entry: it is paid with Zelle."""
    nodes = [
        n.model_copy(update={"title": "How to pay", "description": "Zelle details"})
        if n.id == "account"
        else n
        for n in bot.nodes
    ]
    rules = [
        r.model_copy(update={"title": "How to pay", "keywords": ["pay", "payment", "zelle"]})
        if r.id == "account"
        else r
        for r in bot.rules
    ]
    return bot.model_copy(update={"nodes": nodes, "rules": rules})


def demo_automations(lang: str) -> Automations:
    """The demo shop's rules: a Seoul linen shop's greeting, away message, hours, profile and menu bot
    in Korean; a Palo Alto linen shop's in American English ("en_US"); a Brighton linen shop's in any
    other language (app/demo_seed.py)."""
    from app.demo_seed import demo_shop_country
    from app.shop_menu import ready_made_menu, with_answers

    country = demo_shop_country(lang)
    korean = country == "KR"
    american = country == "US"
    weekday = _hours(("10:00", "13:00"), ("14:00", "19:00"))  # closed for lunch 13–14
    hours = BusinessHours(
        timezone={"KR": "Asia/Seoul", "US": "America/Los_Angeles"}.get(country, "Europe/London"),
        week=[weekday.model_copy(deep=True) for _ in range(5)]
        + [_hours(("11:00", "17:00")), DayHours(mode="closed")],
    )
    if korean:
        profile = BusinessProfile(
            name="서울 리넨 하우스",
            # Its foreign customers' English greeting names it so ({shop} in a text in Latin letters).
            name_other_language="Seoul Linen House",
            category="의류 및 잡화",
            about="리넨 옷과 생활 소품 🌿",
            description=(
                "성수동 작은 작업실에서 직접 고른 리넨으로 옷과 소품을 만듭니다. 주문은 WhatsApp으로 "
                "편하게 문의하세요."
            ),
            address="서울특별시 성동구 성수이로 00, 2층",
            email="hello@seoullinen.example",
            websites=["https://seoullinen.example"],
        )
        greeting_text = (
            "안녕하세요 {name}님, {shop}입니다! 🌿 문의 주셔서 감사해요. "
            "원하시는 상품 이름이나 사진을 보내 주시면 안내해 드릴게요."
        )
        # {opening}: the relay writes when the shop opens next, from the hours above, on the clock
        # the shop's country reads ("내일 오전 10:00", "tomorrow at 10:00"): typed hours went stale.
        away_text = (
            "{name}님, 메시지 감사합니다. 지금은 영업시간이 아니에요. "
            "{opening}에 문을 열면 가장 먼저 답장 드릴게요!"
        )
    elif american:
        profile = BusinessProfile(
            name="Palo Alto Linen House",
            category="Clothing and accessories",
            about="Linen clothes and home goods 🌿",
            description="Clothes and small things made from linen we pick ourselves, in a little studio in "
            "downtown Palo Alto. Ask us anything on WhatsApp.",
            address="Studio 2, 000 Emerson Street, Palo Alto, CA 94301",
            email="hello@paloaltolinen.example",
            websites=["https://paloaltolinen.example"],
        )
        greeting_text = (
            "Hi {first_name}, welcome to {shop}! 🌿 Send us the name or a photo of what you like "
            "and we'll help you out."
        )
        away_text = (
            "Thanks for your message, {first_name}! We're closed right now. "
            "We'll get back to you first thing when we open, {opening}."
        )
    else:
        profile = BusinessProfile(
            name="Brighton Linen House",
            category="Clothing and accessories",
            about="Linen clothes and homeware 🌿",
            description="Clothes and small things made from linen we pick ourselves, in a little studio in "
            "Brighton's North Laine. Ask us anything on WhatsApp.",
            address="Studio 2, 00 Gardner Street, Brighton BN1 1UN",
            email="hello@brightonlinen.example",
            websites=["https://brightonlinen.example"],
        )
        greeting_text = (
            "Hello {first_name}, welcome to {shop}! 🌿 Send us the name or a photo of what you like "
            "and we'll help you."
        )
        away_text = (
            "Thanks for your message, {first_name}! We're closed right now. "
            "We'll answer first thing when we open, {opening}."
        )
    # The menu bot's account answers are the demo shop's own. The Seoul shop's menu in English answers
    # its foreign customers; the Brighton shop has one language. Its hours answers are the ready-made
    # ones ({hours}: the business hours above, as the relay fills them).
    # The account is the order settings' one ({bank}), so changing it there changes the bot's answer.
    answers = {
        "ko": {
            "account": f"입금 계좌를 안내해 드릴게요.\n{BANK_FIELD}\n"
            "입금하신 뒤 주문자 성함을 남겨 주시면 빠르게 확인해 드릴게요.",
        },
        "en": {
            "account": f"Here are our bank details:\n{BANK_FIELD}\n"
            "After paying, send us the payer's name and we'll confirm it quickly.",
        },
        # The ready-made English menu's shipping answer is a Korean shop's (in won): the Brighton and
        # Palo Alto shops say their own.
        "en_GB": {
            "account": f"Here are our bank details:\n{BANK_FIELD}\n"
            "After paying, send us the payer's name and we'll confirm it quickly.",
            "shipping": "We post your order with Royal Mail the next working day, and it usually takes 1 "
            "to 2 more days to reach you. UK delivery costs £3.95, and is free on orders of £50 or more.",
        },
        # The Palo Alto shop is paid with Zelle, not by a transfer to a bank account.
        "en_US": {
            "account": f"Here's how to pay:\n{BANK_FIELD}\n"
            "Add your order number in the memo and we'll confirm as soon as it comes through.",
            "shipping": "We ship your order with USPS the next business day, and it usually takes 2 to 5 "
            "more days to reach you. Shipping costs $5.95, and is free on orders of $50 or more.",
        },
    }
    main = "ko" if korean else "en"
    menu = ready_made_menu(main)
    if american:
        menu = _paid_with_zelle(menu)
    bot = with_answers(menu, answers[{"KR": "ko", "US": "en_US"}.get(country, "en_GB")]).model_copy(
        update={
            "enabled": True,
            "other_language": with_answers(ready_made_menu("en"), answers["en"]) if korean else None,
        }
    )
    # Foreign customers of the Korean demo shop are greeted in English.
    greeting_other, away_other = (
        (
            "Hello {first_name}, welcome to {shop}! 🌿 Send us the name or a photo of what you like "
            "and we'll help you.",
            "Thanks for your message, {first_name}! We're closed right now. "
            "We'll answer first thing when we open, {opening} (Seoul time).",
        )
        if korean
        else ("", "")
    )
    return Automations(
        revision=0,
        greeting=GreetingRule(
            enabled=True,
            text=greeting_text,
            text_other_language=greeting_other,
            recipients=Recipients(),
            silence_days=14,
        ),
        away=AwayRule(
            enabled=True,
            text=away_text,
            text_other_language=away_other,
            schedule="outside_hours",
            recipients=Recipients(),
        ),
        business_hours=hours,
        profile=profile,
        # The Brighton and Palo Alto shops confirm an opt-out in their language (the default is Korean).
        opt_out=MarketingOptOut()
        if korean
        else MarketingOptOut(
            confirmation_text="You'll get no more offers from us. "
            "Your order and delivery updates still come as usual."
        ),
        # The menu bot at work: demo customers ask for the menu, their order, a person.
        bot=bot,
    )
