"""Qt models of the campaigns window: the campaign list, an audience's members, a report's recipients."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.campaign_store import DRAFT, CampaignRow, RecipientRow
from app.campaigns import LeftOut, LeftOutReason, Member
from app.phones import display_phone
from app.wire import NIGHT_HOLD_END_HOUR, CampaignReason, CampaignState, RecipientState, SkipReason
from ui.ad_law import night_end_text
from ui.campaign_message import language_name
from ui.error_sentences import known_failure_sentence
from ui.formatting import business_number_text, full_datetime, shop_datetime, soon_datetime, wall_clock
from ui.plain_tooltip import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


class CampaignRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1


def state_label(state: str) -> str:
    labels: dict[str, str] = {
        DRAFT: translate("campaigns", "Draft"),
        CampaignState.SCHEDULED: translate("campaigns", "Scheduled"),
        CampaignState.RUNNING: translate("campaigns", "Sending"),
        CampaignState.PAUSED: translate("campaigns", "Paused"),
        CampaignState.WAITING_FOR_LIMIT: translate("campaigns", "Waiting for the messaging limit"),
        CampaignState.DONE: translate("campaigns", "Finished"),
        CampaignState.CANCELLED: translate("campaigns", "Cancelled"),
    }
    return labels.get(state, state)


def state_text(state: str, reason: str | None) -> str:
    """The state with why the relay paused or holds it: "Paused (Meta paused the template)"."""
    why = relay_reason(reason)
    return translate("campaigns", "{0} ({1})").format(state_label(state), why) if why else state_label(state)


def relay_reason(reason: str | None) -> str:
    """Why the relay paused or holds a campaign, when the owner needs telling: not their own pause,
    nor the limit the state already names; "" otherwise."""
    if not reason or reason in (CampaignReason.OWNER, CampaignReason.MESSAGING_LIMIT):
        return ""
    return reason_label(reason)


def reason_label(reason: str | None) -> str:
    """Why the relay paused a campaign or holds it."""
    labels: dict[str, str] = {
        CampaignReason.OWNER: translate("campaigns", "paused by you"),
        CampaignReason.TEMPLATE_PAUSED: translate("campaigns", "Meta paused the template"),
        CampaignReason.TEMPLATE_DISABLED: translate("campaigns", "Meta disabled the template"),
        CampaignReason.TEMPLATE_MISSING: translate(
            "campaigns", "WhatsApp has no approved version of the template in a customer's language"
        ),
        CampaignReason.QUALITY_DROPPED: translate("campaigns", "the number's quality dropped"),
        # Short enough for the campaign list's line (expired, or revoked: renewed alike).
        CampaignReason.TOKEN_REFUSED: translate("campaigns", "the relay's Meta access token expired"),
        CampaignReason.MESSAGING_LIMIT: translate("campaigns", "Meta's daily messaging limit is reached"),
        # Whose morning, as the recipients' lines say it: the shop's clock may read another hour.
        CampaignReason.NIGHT_HOLD: translate(
            "campaigns", "held for the night until {0} the customers' time"
        ).format(night_end_text()),
    }
    return labels.get(reason or "", reason or "")


def left_out_label(reason: str) -> str:
    labels: dict[str, str] = {
        LeftOutReason.BLOCKED: translate("campaigns", "Blocked"),
        LeftOutReason.NO_NUMBER: translate("campaigns", "No WhatsApp number"),
        LeftOutReason.OPTED_OUT: translate("campaigns", "Opted out of marketing"),
        # Which box is unticked, so the owner knows what to ask the customer (and tick in the panel).
        LeftOutReason.NO_CONSENT: translate("campaigns", "No consent to notifications"),
        LeftOutReason.NO_MARKETING_CONSENT: translate("campaigns", "No consent to marketing"),
        LeftOutReason.NO_NOTIFICATIONS_CONSENT: translate(
            "campaigns", "No consent to notifications (an ad needs it too)"
        ),
        LeftOutReason.NO_CONSENTS: translate("campaigns", "No consent to notifications or marketing"),
        # Why it matters, not only how old: the law's two years (app/consent.py CONSENT_MAX_AGE, which
        # stops a month early).
        LeftOutReason.CONSENT_LAPSED: translate(
            "campaigns", "Marketing consent must be confirmed again every 2 years (given over 23 months ago)"
        ),
        LeftOutReason.US_NUMBER: translate("campaigns", "No marketing to US numbers (+1)"),
        LeftOutReason.REMOVED: translate("campaigns", "Removed by you"),
        LeftOutReason.WAITING_FOR_PERSON: translate("campaigns", "Needs a person"),
    }
    return labels.get(reason, reason)


def recipient_state_label(state: RecipientState) -> str:
    labels: dict[str, str] = {
        RecipientState.QUEUED: translate("campaigns", "Waiting"),
        # Until when is the Why column's: the hold ends on the customer's clock, not always the shop's.
        RecipientState.HELD: translate("campaigns", "Held for the night"),
        RecipientState.PENDING: translate("campaigns", "Pending at Meta"),
        RecipientState.SKIPPED: translate("campaigns", "Skipped"),
        RecipientState.SENT: translate("campaigns", "✓ Sent"),
        RecipientState.DELIVERED: translate("campaigns", "✓✓ Delivered"),
        RecipientState.READ: translate("campaigns", "✓✓ Read"),
        RecipientState.FAILED: translate("campaigns", "Failed"),
        RecipientState.UNKNOWN: translate("campaigns", "Unknown (never resent)"),
    }
    return labels.get(state, state.value)


def skip_label(reason: str | None) -> str:
    """Why the relay did not send a recipient the campaign (a SkipReason)."""
    labels: dict[str, str] = {
        SkipReason.NO_CONSENT: translate("campaigns", "No consent to notifications"),
        SkipReason.NO_MARKETING_CONSENT: translate("campaigns", "No consent to marketing"),
        SkipReason.OPTED_OUT: translate("campaigns", "Opted out of marketing"),
        SkipReason.US_MARKETING: translate("campaigns", "No marketing to US numbers (+1)"),
        SkipReason.CANCELLED: translate("campaigns", "The campaign was cancelled first"),
    }
    return labels.get(reason or "", reason or "")


def moment_text(when: datetime, zone: tzinfo | None) -> str:
    """A campaign's moment on the shop's clock, on which campaigns are scheduled (with the zone's
    name where this computer's clock differs); None: the shop's zone is not known here. Today and
    tomorrow are said so ("오늘 오후 2:00"), as the owner says them, not as a date to work out."""
    if zone is None:
        return full_datetime(when)
    return soon_datetime(when, zone) or shop_datetime(when, zone)


_SENT = frozenset({RecipientState.SENT, RecipientState.DELIVERED, RecipientState.READ})


def held_text(held_until: datetime | None, zone: tzinfo | None) -> str:
    """When a recipient the night-time hold keeps goes: the law's morning (app.wire) where the customer
    is, said on the shop's clock too when that reads another hour (a Korean customer's 8:00 AM is
    11:00 PM in London)."""
    theirs = night_end_text()
    if held_until is None:
        return translate("campaigns", "Held for the night: goes at {0} the customer's time").format(theirs)
    here = held_until.astimezone(zone) if zone is not None else held_until.astimezone()
    if (here.hour, here.minute) == (NIGHT_HOLD_END_HOUR, 0):
        return translate("campaigns", "Held for the night: goes at {0}").format(moment_text(held_until, zone))
    return translate("campaigns", "Held for the night: goes at {0} ({1} the customer's time)").format(
        moment_text(held_until, zone), theirs
    )


def _customers_clock(held_until: datetime) -> timezone:
    """The customer's clock: the one on which the night-time hold's end, `held_until`, reads the
    law's morning hour (app.wire's NIGHT_HOLD_END_HOUR)."""
    utc = held_until.astimezone(UTC)
    minutes = (NIGHT_HOLD_END_HOUR * 60 - (utc.hour * 60 + utc.minute)) % (24 * 60)
    if minutes > 14 * 60:  # clocks run from UTC-12:00 to UTC+14:00
        minutes -= 24 * 60
    return timezone(timedelta(minutes=minutes))


def sent_after_hold_text(sent_at: datetime, held_until: datetime, zone: tzinfo | None) -> str:
    """When a recipient the night-time hold kept went, on the shop's clock, and on the customer's too
    when that reads another hour, as the held line does ("11:00 PM (8:00 AM the customer's time)")."""
    here = sent_at.astimezone(zone) if zone is not None else sent_at.astimezone()
    theirs = sent_at.astimezone(_customers_clock(held_until))
    if (here.hour, here.minute) == (theirs.hour, theirs.minute):
        return translate("campaigns", "Sent at {0}, after the night-time hold").format(
            moment_text(sent_at, zone)
        )
    return translate("campaigns", "Sent at {0} ({1} the customer's time), after the night-time hold").format(
        moment_text(sent_at, zone), wall_clock(theirs.hour, theirs.minute)
    )


def recipient_detail(row: RecipientRow, zone: tzinfo | None = None) -> str:
    """Why a recipient is held, skipped, pending or failed, in a sentence's worth of words
    (a night-time hold's end on the shop's clock, `zone`)."""
    if row.state == RecipientState.FAILED:
        return failure_label(row.error_code or row.reason or "")
    if row.state == RecipientState.SKIPPED:
        return skip_label(row.reason)
    if row.state == RecipientState.HELD:
        return held_text(row.held_until, zone)
    if row.state in _SENT and row.held_until is not None and row.sent_at is not None:
        return sent_after_hold_text(row.sent_at, row.held_until, zone)
    if row.state == RecipientState.PENDING:
        return translate("campaigns", "Meta holds it until the new template has feedback")
    if row.state == RecipientState.UNKNOWN:
        return translate("campaigns", "WhatsApp did not answer: maybe delivered, never sent again")
    return ""


# Recipients the owner may want to look into: not (yet) sent, or not delivered.
NOT_SENT = frozenset(
    {
        RecipientState.QUEUED,
        RecipientState.HELD,
        RecipientState.PENDING,
        RecipientState.SKIPPED,
        RecipientState.FAILED,
        RecipientState.UNKNOWN,
    }
)


def failure_sentence(code: str) -> str | None:
    """Why a recipient's send failed, as the chat's Not sent says it for the same code (Graph's, its
    cause after a colon, or the relay's), with the step that helps; None for a code this version has
    no sentence for."""
    return known_failure_sentence(code)


def failure_label(code: str) -> str:
    """Why a recipient's send failed: `failure_sentence`, else the code ("Error 131999")."""
    if (sentence := failure_sentence(code)) is not None:
        return sentence
    code = code.partition(":")[0]  # "131053:media_too_large": Graph's code, then the cause
    return translate("campaigns", "Error {0}").format(code) if code else ""


class _Table(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class CampaignListModel(_Table):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[CampaignRow] = []
        # The shop's clock, on which campaigns are scheduled (the editor shows it); None: this computer's.
        self.zone: tzinfo | None = None
        self.region = "KR"  # the shop's country: its numbers are written as dialled there
        self.headers = (
            translate("campaigns", "Campaign"),
            translate("campaigns", "State"),
            translate("campaigns", "Recipients"),
            translate("campaigns", "Sent"),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def set_rows(self, rows: Sequence[CampaignRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, campaign_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == campaign_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == CampaignRole.ROW:
            return r
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = (r.name, self.details(index.row()), relay_reason(r.reason))
            return plain_tooltip("\n".join(line for line in lines if line))
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 0:
            # The lines its delegate draws under the name (state, when, to how many, why paused):
            # a screen reader read the name alone.
            lines = (r.name, self.details(index.row()), relay_reason(r.reason))
            return ", ".join(line for line in lines if line)
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return r.name
            if col == 1:
                return state_text(r.state, r.reason)
            if col == 2:
                return str(r.recipients) if r.sent_at else "—"
            return self._when(r)
        return None

    def _when(self, r: CampaignRow) -> str:
        # A campaign set for a time goes out then, not when it was handed to the relay.
        when = r.scheduled_at or r.sent_at
        if when is None:
            return "—"
        return moment_text(when, self.zone)

    def details(self, row: int) -> str:
        """The line under a campaign's name: its state, when it went or goes, and to how many (why
        the relay paused or holds it has a line of its own: `relay_reason`)."""
        r = self.rows[row]
        parts = [state_label(r.state)]
        if r.state == CampaignState.WAITING_FOR_LIMIT and r.waiting_until is not None:
            parts.append(self.tr("goes on {0}").format(moment_text(r.waiting_until, self.zone)))
        elif r.sent_at or r.scheduled_at:
            parts.append(self._when(r))
        if r.sent_at:
            count = r.recipients  # lupdate reads %n's argument only as a plain name
            parts.append(self.tr("%Ln recipient(s)", "", count))
        if r.from_number:  # a shop with two numbers: the one it goes (went) from
            parts.append(self.tr("from {0}").format(business_number_text(r.from_number, self.region)))
        return " · ".join(parts)


class MemberModel(_Table):
    """Recipients (reason empty) or left-out members with their reason."""

    def __init__(self, region: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.region = region
        self.members: list[Member] = []
        self.reasons: list[str] = []
        self.headers = (
            translate("campaigns", "Name"),
            translate("campaigns", "Phone"),
            translate("campaigns", "Why left out"),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.members)

    def set_members(self, members: Sequence[Member]) -> None:
        self.beginResetModel()
        self.members, self.reasons = list(members), [""] * len(members)
        self.endResetModel()

    def set_left_out(self, left_out: Sequence[LeftOut]) -> None:
        self.beginResetModel()
        self.members = [lo.member for lo in left_out]
        self.reasons = [lo.reason.value for lo in left_out]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.members[index.row()]
        if role == CampaignRole.ROW:
            return m
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return plain_tooltip(m.name)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = index.column()
            if col == 0:
                return m.name
            if col == 1:
                return display_phone(m.wa_id or "", self.region)
            return left_out_label(self.reasons[index.row()]) if self.reasons[index.row()] else ""
        return None


# The report's "Why" column (ReportModel.headers): the rest of the row's width, its whole text as a tooltip.
WHY_COLUMN = 5
# The report's "Version" column (ReportModel.headers), hidden when every customer got one language.
VERSION_COLUMN = 6


class ReportModel(_Table):
    def __init__(self, region: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.region = region
        self.zone: tzinfo | None = None  # the shop's clock, as CampaignListModel's
        # When a scheduled campaign goes out (None: not waiting for its time): a waiting customer's
        # "Why" says it, where it was empty beside "Waiting".
        self.sends_at: datetime | None = None
        self.paused = False  # a paused campaign's waiting customers wait for the owner, not a time
        self.rows: list[RecipientRow] = []
        self._failure_labels: dict[str, str] = {}  # a failure's code: its sentence (see _why)
        self.headers = (
            translate("campaigns", "Name"),
            translate("campaigns", "Phone"),
            translate("campaigns", "Ticks"),
            translate("campaigns", "Replied"),
            translate("campaigns", "Opted out"),
            translate("campaigns", "Why"),
            # The template's version each customer was sent: a column of its own only when there were two.
            translate("campaigns", "Version"),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def set_rows(self, rows: Sequence[RecipientRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._failure_labels.clear()
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Only the column asked for: a phone number's formatting and a failure's sentence for
            # each cell of 3,000 rows made the report slow to open and to resize.
            column = index.column()
            if column == 0:
                return r.name
            if column == 1:
                return display_phone(r.wa_id, self.region)
            if column == 2:
                return recipient_state_label(r.state)
            if column in (3, 4):
                return translate("campaigns", "Yes") if (r.replied, r.opted_out)[column - 3] else ""
            if column == WHY_COLUMN:
                return self._why(r)
            return language_name(r.language) if r.language else ""  # "한국어", not Meta's "ko"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == WHY_COLUMN:
            # A failure's sentence (a file WhatsApp refused, what to do) is longer than the column.
            return plain_tooltip(self._why(r)) or None
        if role == CampaignRole.ROW:
            return r
        return None

    def sheet_rows(self) -> list[list[object]]:
        """The report as the table shows it, for a spreadsheet: its columns in the owner's words, and
        when each customer was sent it on the shop's clock (a date-time cell). The file had English
        columns, "skipped" and "yes", and UTC times, for a Korean shop opening it in Excel."""
        sent_at = translate("campaigns", "Sent at")
        rows: list[list[object]] = [[*self.headers[:3], sent_at, *self.headers[3:]]]
        for i, r in enumerate(self.rows):
            shown = [self.index(i, column).data() for column in range(len(self.headers))]
            wall = r.sent_at.astimezone(self.zone).replace(tzinfo=None) if r.sent_at is not None else ""
            rows.append([*shown[:3], wall, *shown[3:]])
        return rows

    def _why(self, r: RecipientRow) -> str:
        if r.state == RecipientState.FAILED:
            # recipient_detail's sentence, looked up once per code: its tables are a few hundred
            # translations, and 3,000 failed rows asked for them at each paint and resize.
            code = r.error_code or r.reason or ""
            if (label := self._failure_labels.get(code)) is None:
                label = self._failure_labels[code] = failure_label(code)
            return label
        if r.state == RecipientState.QUEUED and self.paused:
            return translate("campaigns", "Goes out once you resume the campaign")
        if r.state == RecipientState.QUEUED and self.sends_at is not None:
            return translate("campaigns", "Goes out at {0}").format(moment_text(self.sends_at, self.zone))
        return recipient_detail(r, self.zone)


class NotSentFilter(QSortFilterProxyModel):
    """The report's recipients, or only those held, skipped, pending, failed or still waiting."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.only_not_sent = False

    def set_only_not_sent(self, only: bool) -> None:
        self.beginFilterChange()
        self.only_not_sent = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.only_not_sent:
            return True
        row: RecipientRow = self.sourceModel().index(source_row, 0, source_parent).data(CampaignRole.ROW)
        return row.state in NOT_SENT
