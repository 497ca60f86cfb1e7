"""What the relay and the desktop say to each other: the pinned wire shapes (DESIGN.md, "Wire events")."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    TypeAdapter,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
)


class SentBy(StrEnum):
    """Who sent an outbound message. The wire field is an open string: a newer relay may add values."""

    OWNER = "owner"
    GREETING = "greeting"
    AWAY = "away"
    KEYWORD = "keyword"
    PHONE_APP = "phone_app"
    QUICK_REPLY = "quick_reply"
    IMPORT = "import"
    BOT = "bot"
    CAMPAIGN = "campaign"


# --------------------------------------------------------------------------- WhatsApp's own facts
# What WhatsApp accepts, once for both sides: the relay validates sends with these, the desktop
# checks before queueing, catalogue and quick-reply forms cut to them.

TEXT_MAX = 4096
CAPTION_MAX = 1024
INTERACTIVE_BODY_MAX = 1024
HEADER_TEXT_MAX = 60
FOOTER_MAX = 60
BUTTON_TITLE_MAX = 20
REPLY_BUTTONS_MAX = 3
LIST_BUTTON_MAX = 20
LIST_ROWS_MAX = 10
ROW_TITLE_MAX = 24
ROW_DESCRIPTION_MAX = 72
ROW_ID_MAX = 200
SECTION_TITLE_MAX = 24
PRODUCT_LIST_MAX = 30

MB = 1024 * 1024
# Upload sizes by kind (DESIGN.md, "Media"); images must also be JPEG or PNG, video MP4.
MEDIA_LIMITS = {
    "image": 5 * MB,
    "video": 16 * MB,
    "audio": 16 * MB,
    "document": 100 * MB,
    "sticker": 500 * 1024,
}
IMAGE_MIMES = frozenset({"image/jpeg", "image/png"})
VIDEO_MIMES = frozenset({"video/mp4", "video/3gpp"})
STICKER_MIMES = frozenset({"image/webp"})

# Message kinds as WhatsApp names them; anything else that arrives is kept as "unsupported".
MEDIA_KINDS = ("image", "video", "audio", "document", "sticker")
CAPTIONED_KINDS = ("image", "video", "document")
SEND_KINDS = frozenset({*MEDIA_KINDS, "text", "location", "contacts", "interactive", "template", "reaction"})
MESSAGE_KINDS = frozenset({*SEND_KINDS, "button", "order", "system", "product", "unsupported"})


class _Wire(BaseModel):
    # Unknown fields from a newer relay are kept, never rejected: the desktop and relay upgrade apart.
    model_config = ConfigDict(extra="allow")


# --------------------------------------------------------------------------- events


class WireProfile(_Wire):
    name: str | None = None


class WireContact(_Wire):
    wa_id: str | None = None
    user_id: str | None = None
    profile: WireProfile | None = None


class _EventBase(_Wire):
    seq: int
    at: datetime
    phone_number_id: str | None = None


class MessageEvent(_EventBase):
    kind: Literal["message"] = "message"
    message: dict[str, Any]
    contact: WireContact | None = None


class StatusEvent(_EventBase):
    kind: Literal["status"] = "status"
    status: dict[str, Any]


class OutboundEvent(_EventBase):
    kind: Literal["outbound"] = "outbound"
    client_id: str | None = None
    wamid: str | None = None
    to: str
    sent_by: str = SentBy.OWNER  # a SentBy value, or a newer one kept as it is
    body: dict[str, Any]


class ContactEvent(_EventBase):
    kind: Literal["contact"] = "contact"
    contact: WireContact
    previous_wa_id: str | None = None


class SettingsEvent(_EventBase):
    kind: Literal["settings"] = "settings"
    automations: Automations


class UnreadableEvent(_EventBase):
    """An event the relay stored but cannot serve; the desktop moves past it and shows a notice."""

    kind: Literal["unreadable"] = "unreadable"
    reason: str  # UnreadableReason, kept open: a newer relay may know more reasons
    wa_id: str | None = None  # the customer's number, when the stored bytes still show it


class UnreadableReason(StrEnum):
    UNDECODABLE = "undecodable"  # the stored bytes are not JSON the wire allows
    INVALID_SHAPE = "invalid_shape"  # JSON, but not the shape its kind pins


class UnknownEvent(_Wire):
    """An event this desktop cannot read: a kind from a newer relay, or one whose shape did not validate.

    Kept so the page still applies every other event; the cursor moves past it (page `next`).
    """

    kind: str = "unknown"
    seq: int | None = None
    problem: str = ""  # why it was not read, for the log


class EventKind(StrEnum):
    """The one list of event kinds (DESIGN.md, "Wire events" follows it)."""

    MESSAGE = "message"
    STATUS = "status"
    OUTBOUND = "outbound"
    CONTACT = "contact"
    SETTINGS = "settings"
    UNREADABLE = "unreadable"


def _event_kind(value: Any) -> str:
    """The union's tag: the event's kind when this version knows it, else "unknown"."""
    if isinstance(value, UnknownEvent):
        return "unknown"
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    return str(kind) if kind in EventKind.__members__.values() else "unknown"


Event = Annotated[
    Annotated[MessageEvent, Tag(EventKind.MESSAGE)]
    | Annotated[StatusEvent, Tag(EventKind.STATUS)]
    | Annotated[OutboundEvent, Tag(EventKind.OUTBOUND)]
    | Annotated[ContactEvent, Tag(EventKind.CONTACT)]
    | Annotated[SettingsEvent, Tag(EventKind.SETTINGS)]
    | Annotated[UnreadableEvent, Tag(EventKind.UNREADABLE)]
    | Annotated[UnknownEvent, Tag("unknown")],
    Discriminator(_event_kind),
]


class EventsPage(_Wire):
    """One long-poll answer. Validated event by event: one event this version cannot read becomes an
    UnknownEvent instead of failing the page (desktop and relay upgrade apart)."""

    events: list[Event]
    next: int

    @field_validator("events", mode="wrap")
    @classmethod
    def _each_event(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> list[Any]:
        if not isinstance(value, list):
            return list(handler(value))
        return [read_event(item) for item in value]


# --------------------------------------------------------------------------- errors and sends


class RelayErrorCode(StrEnum):
    """The relay's stable error codes (`error.code`); the desktop keeps unknown ones as strings."""

    UNAUTHORISED = "unauthorised"  # 401: no or a wrong bearer token
    BAD_SIGNATURE = "bad_signature"  # 401: X-Hub-Signature-256 missing or wrong
    TOO_LARGE = "too_large"  # 413
    MALFORMED = "malformed"  # 400: a signed webhook we will never accept (params.reason says why)
    STORAGE = "storage"  # 503: storage failed in a way a retry can fix
    INVALID = "invalid"  # 400: a request we will never accept
    IN_FLIGHT = "in_flight"  # 409: the same Idempotency-Key is being sent right now
    OUTSIDE_WINDOW = "outside_window"  # 422: 24-hour window closed (graph_code 131047)
    GRAPH_BUSY = "graph_busy"  # 503: Graph said "not processed, try later"
    GRAPH_ERROR = "graph_error"  # 422/502: Graph refused or failed
    NOT_FOUND = "not_found"  # 404
    MEDIA_UNAVAILABLE = "media_unavailable"  # 502: Graph did not hand over a file (yet)
    IF_MATCH_REQUIRED = "if_match_required"  # 428
    STALE_REVISION = "stale_revision"  # 412: the automations document moved on
    HISTORY_GAP = "history_gap"  # 410: events after the cursor were pruned, or the cursor is ahead
    TOO_MANY_POLLS = "too_many_polls"  # 429: too many long polls open with one token
    BODY_TIMEOUT = "body_timeout"  # 408: the request body arrived too slowly
    UNKNOWN = "unknown"


class ErrorBody(_Wire):
    code: str  # a RelayErrorCode; an open string so a newer relay's codes never break a page
    message: str  # a plain sentence a shop owner can read (the desktop says it from `code`)
    graph_code: int | None = None
    retryable: bool = False
    params: dict[str, Any] = {}


class ErrorEnvelope(_Wire):
    error: ErrorBody


class HistoryGap(ErrorEnvelope):
    """Body of the 410 answer: the events after `after` were pruned, or the cursor is ahead.

    `oldest_seq` is also at the top level, where desktops of turn 1 read it.
    """

    oldest_seq: int


class StaleRevision(ErrorEnvelope):
    """Body of the 412 answer to PUT /v1/automations: the document as it is now."""

    current: Automations


class SendResult(_Wire):
    """Answer of POST /v1/messages (and the stored answer replayed for a repeated Idempotency-Key)."""

    client_id: str
    wamid: str | None = None
    status: Literal["sent", "unknown"] = "sent"


class MediaUploaded(_Wire):
    id: str
    mime_type: str
    size: int
    sha256: str | None = None


class TemplateParameter(_Wire):
    component: str  # "header" | "body" | "button"
    index: int  # 1-based placeholder number, {{1}}
    example: str | None = None


class Template(_Wire):
    name: str
    language: str
    category: str  # MARKETING | UTILITY | AUTHENTICATION
    status: str = "APPROVED"
    components: list[dict[str, Any]] = []
    parameters: list[TemplateParameter] = []


class TemplatesPage(_Wire):
    templates: list[Template]


class KnownContacts(_Wire):
    """Desktop → relay: customers the shop already knows (e.g. from imported chats), never greeted."""

    wa_ids: list[str]


class Health(_Wire):
    status: Literal["ok"] = "ok"
    version: str
    upstream: str


# --------------------------------------------------------------------------- the relay's self-check


class CheckStep(StrEnum):
    """The lines of `shop-inbox-relay check` / `GET /v1/check`, in the order they run."""

    SETTINGS = "settings"  # the required settings are present
    PHONE_NUMBER = "phone_number"  # the access token works and can see the phone number
    BUSINESS_ACCOUNT = "business_account"  # the WABA id holds the number; templates can be listed
    WEBHOOK_SUBSCRIPTION = "webhook_subscription"  # the app is subscribed to the WABA's webhooks
    PUBLIC_URL = "public_url"  # the public URL answers over HTTPS with a valid certificate: this relay
    WEBHOOK_VERIFIED = "webhook_verified"  # Meta's verification handshake reached this relay
    DATABASE = "database"  # the database is writable and its disk has room
    CLOCK = "clock"  # this server's clock agrees with Graph's


class CheckStatus(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    SKIP = "skip"  # not applicable (sandbox) or blocked by an earlier failure


class CheckProblem(StrEnum):
    """Why a line failed; `CheckLine.params` carries the details each one names."""

    MISSING_SETTINGS = "missing_settings"  # params: names (comma-separated environment variables)
    TOKEN_INVALID = "token_invalid"  # Graph 190: expired or revoked access token
    PERMISSION_MISSING = "permission_missing"  # Graph 200/10: params: permission
    WRONG_ID = "wrong_id"  # Graph 100: params: setting (the environment variable holding the id)
    GRAPH_UNREACHABLE = "graph_unreachable"
    GRAPH_ERROR = "graph_error"  # params: message (Graph's own words)
    NUMBER_NOT_IN_ACCOUNT = "number_not_in_account"  # the number is not in WHATSAPP_WABA_ID
    NOT_SUBSCRIBED = "not_subscribed"  # no app subscribed to the WABA's webhooks
    NOT_HTTPS = "not_https"  # params: url
    CERTIFICATE_INVALID = "certificate_invalid"  # params: url, detail
    PUBLIC_URL_UNREACHABLE = "public_url_unreachable"  # params: url, detail
    OTHER_SERVER = "other_server"  # something answers at the URL, but not this relay; params: url
    WEBHOOK_NEVER_VERIFIED = "webhook_never_verified"  # params: callback_url
    VERIFY_TOKEN_MISMATCH = "verify_token_mismatch"  # Meta called with another verify token
    DATABASE_NOT_WRITABLE = "database_not_writable"  # params: detail
    DISK_LOW = "disk_low"  # params: free_mb, path
    CLOCK_OFF = "clock_off"  # params: seconds (this server minus Graph)
    SANDBOX = "sandbox"  # a skip: the sandbox has no WhatsApp account to check


class CheckLine(_Wire):
    step: str  # a CheckStep; open, so a newer relay's steps still show
    status: str  # a CheckStatus
    problem: str | None = None  # a CheckProblem when status is "fail" (or why a line was skipped)
    params: dict[str, str] = {}
    graph_code: int | None = None
    # The relay's own sentence and fix, in English, for the command line and logs; the desktop says
    # it from `step` and `problem` in the owner's language.
    message: str = ""

    @property
    def passed(self) -> bool:
        return self.status == CheckStatus.PASS


class NumberHealth(_Wire):
    """What Graph says about the business number (GET /{phone-number-id})."""

    phone_number_id: str
    display_phone_number: str | None = None
    verified_name: str | None = None
    quality_rating: str | None = None  # GREEN | YELLOW | RED | UNKNOWN
    # The portfolio's limit of unique customers messaged outside a 24-hour window in a moving 24 h,
    # e.g. "TIER_250", "TIER_2K", "TIER_UNLIMITED" (`messaging_limit_tier` is deprecated).
    messaging_limit: str | None = None
    status: str | None = None
    name_status: str | None = None
    platform_type: str | None = None

    @property
    def daily_limit(self) -> int | None:
        """The messaging limit as a number of customers; None when unlimited or unknown."""
        return messaging_limit_customers(self.messaging_limit)


def messaging_limit_customers(tier: str | None) -> int | None:
    """Customers for a tier: "TIER_2K" is 2000; None for "TIER_UNLIMITED" or a shape we do not know."""
    if not tier or not tier.upper().startswith("TIER_"):
        return None
    amount = tier[5:].upper()
    factor = 1
    if amount.endswith("K"):
        amount, factor = amount[:-1], 1000
    return int(amount) * factor if amount.isdigit() else None


class CheckReport(_Wire):
    """Answer of GET /v1/check (and what `shop-inbox-relay check` prints)."""

    ok: bool  # every line passed or was skipped
    lines: list[CheckLine]
    number: NumberHealth | None = None
    checked_at: datetime


# --------------------------------------------------------------------------- automations document

Weekday = Annotated[int, Field(ge=0, le=6)]  # 0 = Monday, as datetime.weekday()


class TimeRange(_Wire):
    """A range inside one day, "HH:MM" local time; end "24:00" means midnight at the day's end."""

    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    end: str = Field(pattern=r"^(([01]\d|2[0-3]):[0-5]\d|24:00)$")


class DayHours(_Wire):
    mode: Literal["closed", "open", "all_day"] = "closed"
    ranges: list[TimeRange] = []  # used when mode == "open"; several allowed


def _default_week() -> list[DayHours]:
    weekday = DayHours(mode="open", ranges=[TimeRange(start="09:00", end="18:00")])
    return [weekday.model_copy(deep=True) for _ in range(5)] + [DayHours(), DayHours()]


class BusinessHours(_Wire):
    timezone: str = "UTC"  # IANA name, e.g. "Asia/Seoul"
    week: list[DayHours] = Field(default_factory=_default_week, min_length=7, max_length=7)


class Recipients(_Wire):
    mode: Literal["everyone", "except", "only"] = "everyone"
    wa_ids: list[str] = []


class GreetingRule(_Wire):
    enabled: bool = False
    text: str = ""
    recipients: Recipients = Field(default_factory=Recipients)
    silence_days: int = 14


class AwayRule(_Wire):
    enabled: bool = False
    text: str = ""
    schedule: Literal["always", "custom", "outside_hours"] = "outside_hours"
    # For schedule == "custom": the hours in which the shop is AWAY, per weekday.
    custom: list[DayHours] = Field(
        default_factory=lambda: [DayHours() for _ in range(7)], min_length=7, max_length=7
    )
    recipients: Recipients = Field(default_factory=Recipients)
    owner_reply_grace_minutes: int = 5


class BusinessProfile(_Wire):
    name: str = ""
    category: str = ""
    about: str = ""
    description: str = ""
    address: str = ""
    email: str = ""
    websites: list[str] = []


class Automations(_Wire):
    revision: int = 0
    greeting: GreetingRule = Field(default_factory=GreetingRule)
    away: AwayRule = Field(default_factory=AwayRule)
    business_hours: BusinessHours = Field(default_factory=BusinessHours)
    profile: BusinessProfile = Field(default_factory=BusinessProfile)


SettingsEvent.model_rebuild()
EventsPage.model_rebuild()
_EVENT: TypeAdapter[Any] = TypeAdapter(Event)


def read_event(raw: Any) -> Any:
    """One wire event as its model; an UnknownEvent for a kind or shape this version cannot read."""
    try:
        return _EVENT.validate_python(raw)
    except ValidationError as exc:
        seq = raw.get("seq") if isinstance(raw, dict) else getattr(raw, "seq", None)
        kind = raw.get("kind") if isinstance(raw, dict) else getattr(raw, "kind", None)
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['type']}" for e in exc.errors()[:1]]
        return UnknownEvent(
            kind=str(kind or "unknown"),
            seq=seq if isinstance(seq, int) else None,
            problem=problems[0] if problems else "invalid",
        )


StaleRevision.model_rebuild()


# WhatsApp's customer service window: free-form messages only within 24 hours of the customer's last one.
SERVICE_WINDOW = timedelta(hours=24)
