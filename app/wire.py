"""What the relay and the desktop say to each other: the pinned wire shapes (DESIGN.md, "Wire events")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal
from urllib.parse import quote, unquote

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    TypeAdapter,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
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
    OPT_OUT = "opt_out"  # the relay's confirmation of a marketing opt-out


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
REPLY_BUTTON_ID_MAX = 256
SECTION_TITLE_MAX = 24
# The owner's own name for a keyword answer (KeywordRule.title): ours, not WhatsApp's.
KEYWORD_RULE_TITLE_MAX = 40
PRODUCT_LIST_MAX = 30


def whatsapp_length(text: str) -> int:
    """A text's length as every limit above counts it, on both sides (the relay's checks, the
    bot's document, the desktop's editors): its Unicode code points, as sent.

    Meta's documentation gives these limits in "characters" and says emoji are welcome, with no word
    on how one is counted (the Cloud API's messages reference and the interactive messages guide,
    read 2026-12). Code points are what every document stored so far was checked by (pydantic's
    `max_length` too), so no saved menu becomes invalid. A Hangul syllable is one, a thumbs-up one,
    with a skin tone two, a family of three joined by zero-width joiners five, a letter with a
    combining accent two unless composed (texts are NFC'd on the way in: a composed "é" is one).
    Qt counts UTF-16 units (an emoji two): never count a limit with a widget's own length."""
    return len(text)


MB = 1024 * 1024

# The sandbox's business number (the demo shop, +82 2-555-0100), as Meta writes a number: the relay's
# sandbox answers as it, and the demo's share link opens a chat with it.
SANDBOX_DISPLAY_PHONE_NUMBER = "8225550100"
# …and the English demo's shop in Brighton (+44 7700 900000, Ofcom's numbers for drama).
SANDBOX_DISPLAY_PHONE_NUMBER_UK = "447700900000"
# A demo with two numbers (`shop-inbox --demo --two-numbers`): the second branch's number, in Seoul
# (+82 2-555-0200) and in Brighton (+44 7700 900200), and the phone_number_id it is known by.
SANDBOX_SECOND_DISPLAY_PHONE_NUMBER = "8225550200"
SANDBOX_SECOND_DISPLAY_PHONE_NUMBER_UK = "447700900200"
# …and the American English demo's shop in Palo Alto (+1 650-555-0100, 555-01xx: numbers for fiction),
# and its second branch (+1 650-555-0120).
SANDBOX_DISPLAY_PHONE_NUMBER_US = "16505550100"
SANDBOX_SECOND_DISPLAY_PHONE_NUMBER_US = "16505550120"
SANDBOX_PHONE_NUMBER_ID = "100000000000001"  # the first number's
SANDBOX_SECOND_PHONE_NUMBER_ID = "100000000000002"
# Upload sizes by kind (DESIGN.md, "Media"); images must also be JPEG or PNG, video MP4 or 3GPP.
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
# The only sounds WhatsApp plays as audio (OGG only with Opus inside). A WAV, FLAC, WMA or an OGG with
# Vorbis is refused as audio after the send, and as a document too (DOCUMENT_MIMES): refused at attach.
AUDIO_MIMES = frozenset({"audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"})
# The only files WhatsApp takes as documents (Meta's "Supported media types": text, PDF, Word, Excel,
# PowerPoint, old and new formats). Graph refuses any other type at upload, HTTP 400 with code 100
# ("Param file must be a file with one of the following types: …"): a .hwp, .zip, .wav or .heic.
DOCUMENT_MIMES = frozenset(
    {
        "text/plain",
        "application/pdf",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    }
)
# Every type Graph's media upload takes, whatever the message kind (its refusal lists these).
UPLOAD_MIMES = frozenset(
    {*IMAGE_MIMES, *VIDEO_MIMES, *STICKER_MIMES, *AUDIO_MIMES, *DOCUMENT_MIMES, "audio/opus"}
)


def sandbox_shop_country(language: str) -> Literal["KR", "GB", "US"]:
    """The country of the demo shop (the sandbox's) run in `language`: the Seoul shop's in Korean
    ("ko"), the Palo Alto shop's in American English ("en_US", a computer set to US English), the
    Brighton shop's in any other."""
    tag = language.lower().replace("-", "_")
    if tag.startswith("ko"):
        return "KR"
    return "US" if tag == "en_us" else "GB"


def sandbox_display_numbers(language: str) -> tuple[str, str]:
    """The demo shop's (run in `language`) first and second business numbers, as Meta writes them."""
    country = sandbox_shop_country(language)
    if country == "KR":
        return SANDBOX_DISPLAY_PHONE_NUMBER, SANDBOX_SECOND_DISPLAY_PHONE_NUMBER
    if country == "US":
        return SANDBOX_DISPLAY_PHONE_NUMBER_US, SANDBOX_SECOND_DISPLAY_PHONE_NUMBER_US
    return SANDBOX_DISPLAY_PHONE_NUMBER_UK, SANDBOX_SECOND_DISPLAY_PHONE_NUMBER_UK


def media_family(mime: str) -> str:
    """The kind an upload of this type is sent as, whose size limit it has: anything not a photo,
    video, sound or sticker type is a document, up to 100 MB (if WhatsApp takes it at all: UPLOAD_MIMES).
    A type keeps its kind's limit whatever it is sent as: an MP4 over 16 MB is not taken as a document."""
    mime = mime.lower()
    for family, mimes in (
        ("image", IMAGE_MIMES),
        ("video", VIDEO_MIMES),
        ("audio", AUDIO_MIMES),
        ("sticker", STICKER_MIMES),
    ):
        if mime in mimes:
            return family
    return "document"


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
    # The business number as people dial it (the webhook's `metadata.display_phone_number`), so a
    # shop with two numbers sees which one a chat is on; absent from older relays.
    display_phone_number: str | None = None


class StatusEvent(_EventBase):
    kind: Literal["status"] = "status"
    status: dict[str, Any]
    # For a `failed` status whose Graph code has several causes: which one (a GraphCause value), read
    # by the relay from the status's `error_data.details`; absent otherwise and from older relays.
    graph_cause: str | None = None


class OutboundEvent(_EventBase):
    kind: Literal["outbound"] = "outbound"
    client_id: str | None = None
    wamid: str | None = None
    to: str
    sent_by: str = SentBy.OWNER  # a SentBy value, or a newer one kept as it is
    body: dict[str, Any]
    campaign_id: str | None = None  # set when sent_by is "campaign"


class ContactEvent(_EventBase):
    kind: Literal["contact"] = "contact"
    contact: WireContact
    previous_wa_id: str | None = None
    # The menu bot handed this chat to a person until then (null when resumed); only meaningful
    # when the field is present (`"bot_paused_until" in event.model_fields_set`).
    bot_paused_until: AwareDatetime | None = None
    handoff_reason: str | None = None  # a HandoffReason, kept open
    # The customer opted out of marketing then (null: resumed); only meaningful when the field is
    # present (`"opted_out_at" in event.model_fields_set`). `reason` is an OptOutReason, kept open.
    opted_out_at: AwareDatetime | None = None
    reason: str | None = None


class SettingsEvent(_EventBase):
    kind: Literal["settings"] = "settings"
    automations: Automations


class UnreadableEvent(_EventBase):
    """An event the relay stored but cannot serve; the desktop moves past it and shows a notice."""

    kind: Literal["unreadable"] = "unreadable"
    reason: str  # UnreadableReason, kept open: a newer relay may know more reasons
    wa_id: str | None = None  # the customer's number, when the stored bytes still show it


class CampaignEvent(_EventBase):
    """A campaign's progress: sent on each change of state, and while it runs at most every second."""

    kind: Literal["campaign"] = "campaign"
    campaign_id: str
    state: str  # a CampaignState, kept open
    reason: str | None = None  # a CampaignReason when paused by the relay or waiting, kept open
    total: int = 0
    counts: dict[str, int] = {}  # recipients by RecipientState value
    # waiting_for_limit: when the oldest counted send leaves the moving 24 h; scheduled: start time.
    waiting_until: AwareDatetime | None = None


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
    CAMPAIGN = "campaign"


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
    | Annotated[CampaignEvent, Tag(EventKind.CAMPAIGN)]
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
    # 422: a file of a type WhatsApp takes as nothing (not as a photo, video, sound or document: a
    # .hwp, .zip, .wav, .heic); params: mime, filename. Graph's own refusal (code 100) becomes this too.
    UNSUPPORTED_FILE_TYPE = "unsupported_file_type"
    MALFORMED = "malformed"  # 400: a signed webhook we will never accept (params.reason says why)
    STORAGE = "storage"  # 503: storage failed in a way a retry can fix
    # 503: the relay's database is one it refuses to write to (params.cause: "database_not_utf8", a
    # PostgreSQL database recreated in another encoding) until whoever looks after the relay mends
    # it; the relay takes it up again by itself, and the same request then succeeds.
    DATABASE_UNUSABLE = "database_unusable"
    INVALID = "invalid"  # 400: a request we will never accept
    IN_FLIGHT = "in_flight"  # 409: the same Idempotency-Key is being sent right now
    OUTSIDE_WINDOW = "outside_window"  # 422: 24-hour window closed (graph_code 131047)
    GRAPH_BUSY = "graph_busy"  # 503: Graph said "not processed, try later"
    GRAPH_UNREACHABLE = "graph_unreachable"  # 503: the relay cannot reach Graph (network, DNS, URL)
    GRAPH_ERROR = "graph_error"  # 422/502: Graph refused or failed
    NOT_FOUND = "not_found"  # 404
    MEDIA_UNAVAILABLE = "media_unavailable"  # 502: Graph did not hand over a file (yet)
    IF_MATCH_REQUIRED = "if_match_required"  # 428
    STALE_REVISION = "stale_revision"  # 412: the automations document moved on
    HISTORY_GAP = "history_gap"  # 410: events after the cursor were pruned, or the cursor is ahead
    TOO_MANY_POLLS = "too_many_polls"  # 429: too many long polls open with one token
    # 429: many wrong tokens came from this client's address lately; it is held off for
    # params.retry_after seconds (also the Retry-After header), whatever token it presents.
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    # 429: this client's address has 100 requests open at once (params.limit); Retry-After says when.
    TOO_MANY_REQUESTS = "too_many_requests"
    BODY_TIMEOUT = "body_timeout"  # 408: the request body arrived too slowly
    BOT_OVER_LIMITS = "bot_over_limits"  # 400: the menu bot breaks a limit (params: problem, node)
    # 400: two ranges of opening (or away) hours overlap (params: part "business_hours" or "away",
    # weekday 0 = Monday, first and second as "09:00-13:00"); a document stored before keeps them.
    OVERLAPPING_HOURS = "overlapping_hours"
    CAMPAIGN_CONFLICT = "campaign_conflict"  # 409: that campaign id holds another campaign
    CAMPAIGN_FINISHED = "campaign_finished"  # 409: pause/resume of a done or cancelled campaign
    # 422: a campaign's `phone_number_id` is none of the numbers this relay serves (params: number)
    UNKNOWN_NUMBER = "unknown_number"
    UNKNOWN = "unknown"


class StorageCause(StrEnum):
    """What a 503 `storage` answer comes down to, as its `params.cause` says (docs/relay.md), for
    the causes the desktop words on their own; /readyz names its database's alike. An open string:
    an older relay sends none (and none for its database), and a desktop says any other as a
    storage failure. Only these fixed words are sent: never a path, a host or the database's text."""

    # A file the relay could not write or read in its media folder:
    DISK_FULL = "disk_full"  # its disk full, or its user's quota used up
    DISK_ERROR = "disk_error"  # the disk reported an input/output error
    READ_ONLY = "read_only"  # the folder's disk is mounted read-only
    NO_PERMISSION = "no_permission"  # the relay's user may not write in its media folder
    NOT_A_FOLDER = "not_a_folder"  # a file where its media folder should be
    FILE_MISSING = "file_missing"  # the folder removed while it wrote: made again, the same request goes
    # A write that met a row another worker wrote at the same moment: the same request again goes.
    CONFLICT_WITH_ANOTHER_WORKER = "conflict_with_another_worker"
    # The relay's database (relay/store.py storage_cause: its log, /readyz and every 503 `storage`
    # name it alike; a full disk under it is DISK_FULL):
    LOCKED = "locked"  # the SQLite file held by another program past the relay's 30 s wait
    CONNECTION_LOST = "connection_lost"  # PostgreSQL stopped, restarting, or not reachable
    TOO_MANY_CONNECTIONS = "too_many_connections"  # PostgreSQL has no connection slot left for it
    LOGIN_REFUSED = "login_refused"  # PostgreSQL refuses the relay's user or password
    DATABASE_READ_ONLY = "database_read_only"  # a read-only file, or a standby server
    SCHEMA_MISSING = "schema_missing"  # the database recreated empty under the relay
    DATABASE_NOT_UTF8 = "database_not_utf8"  # recreated in another encoding (503 database_unusable)


class GraphCause(StrEnum):
    """Which of the causes Graph gives one code for it meant, read from its `error_data.details`.

    Sent as the optional `graph_cause` of an error body and of a `status` event, beside Graph's
    code: a desktop that does not know the field (or a value) says the code's general sentence.
    """

    # 131053 "Media upload error": WhatsApp could not fetch the file (its link expired, the host did
    # not answer in time). The same file sent again goes.
    MEDIA_FETCH_FAILED = "media_fetch_failed"
    # 131053: the file is larger than WhatsApp takes for its kind. A smaller file goes.
    MEDIA_TOO_LARGE = "media_too_large"
    # 131053: WhatsApp does not take the file's type, format or codec. Another format goes.
    MEDIA_TYPE_NOT_TAKEN = "media_type_not_taken"


MEDIA_UPLOAD_ERROR = 131053
# Graph's codes that stand for several causes, each with its own step (see GraphCause).
CODES_WITH_CAUSES = frozenset({MEDIA_UPLOAD_ERROR})

# Words of Graph's English `details` for each cause of 131053, checked in this order: a failed
# download ("Downloading media from weblink failed with http code 415…") is a fetch, whatever it adds.
_MEDIA_CAUSE_WORDS: tuple[tuple[GraphCause, tuple[str, ...]], ...] = (
    (
        GraphCause.MEDIA_FETCH_FAILED,
        ("download", "weblink", "url", "link", "expired", "fetch", "retriev", "http code", "timed out"),
    ),
    (GraphCause.MEDIA_TOO_LARGE, ("size", "too big", "too large", "exceed")),
    (GraphCause.MEDIA_TYPE_NOT_TAKEN, ("type", "mime", "format", "codec", "not supported", "unsupported")),
)


def graph_cause(graph_code: int | str | None, details: object) -> GraphCause | None:
    """The cause of a Graph error whose one code has several, from its `error_data.details`; None
    when the code has one cause or the details name none we know (the code's sentence then says both)."""
    if str(graph_code) != str(MEDIA_UPLOAD_ERROR) or not isinstance(details, str):
        return None
    text = details[:2000].lower()
    for cause, words in _MEDIA_CAUSE_WORDS:
        if any(word in text for word in words):
            return cause
    return None


def status_error_cause(status: dict[str, Any]) -> GraphCause | None:
    """`graph_cause` of a Cloud API status object's first error (None for one that has none)."""
    errors = status.get("errors")
    first = errors[0] if isinstance(errors, list) and errors and isinstance(errors[0], dict) else {}
    data = first.get("error_data")
    return graph_cause(first.get("code"), data.get("details") if isinstance(data, dict) else None)


class ErrorBody(_Wire):
    code: str  # a RelayErrorCode; an open string so a newer relay's codes never break a page
    message: str  # a plain sentence a shop owner can read (the desktop says it from `code`)
    graph_code: int | None = None
    # Which cause Graph meant when one graph_code has several (a GraphCause value; open string).
    graph_cause: str | None = None
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
    # Meta holds a sent template back while it paces a new (or unpaused) template: not failed, its
    # `sent` status comes when Meta releases it (or `failed` 132015 when Meta drops it).
    held: bool = False
    # When the relay sent it (WhatsApp took it), by its clock: the moment its rules count the owner's
    # reply from (the bot's pause after it). None from an older relay, and for `unknown`.
    sent_at: datetime | None = None


class MediaUploaded(_Wire):
    id: str
    mime_type: str
    size: int
    sha256: str | None = None


# `X-Filename` of `POST /v1/media`: UTF-8, percent-encoded. A header carries only ASCII (a client that
# replaced the rest sent "견적서.hwp" as "???.hwp"); printable ASCII but "%" stays as it is, so an
# English name reads the same in a log, and a relay reads an older client's plain name unchanged.
_HEADER_SAFE = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "%")


def filename_header(name: str) -> str:
    """A file's name as the `X-Filename` header carries it: "견적서 최종.pdf" goes as
    "%EA%B2%AC%EC%A0%81%EC%84%9C %EC%B5%9C%EC%A2%85.pdf", "price list.pdf" as it is."""
    return quote(name, safe=_HEADER_SAFE, encoding="utf-8", errors="replace")  # a lone surrogate: "?"


def filename_from_header(value: str) -> str:
    """The name an `X-Filename` header carries. With no "%" it is taken as it is (an older desktop's
    ASCII name); bytes of raw UTF-8 (curl's, read by the server as Latin-1) are read as UTF-8."""
    if "%" in value:
        return unquote(value, encoding="utf-8", errors="replace")
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


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


_TEMPLATE_SLOT = re.compile(r"\{\{(\d+)\}\}")


def fill_template_slots(text: str, values: Sequence[str]) -> str:
    """A template's text with {{1}}, {{2}}… filled from `values` as WhatsApp fills them: in one pass,
    so a value that itself reads "{{2}}" (a customer's name) stays as written; a slot without a value
    stays as it is."""

    def value(match: re.Match[str]) -> str:
        i = int(match.group(1))
        return values[i - 1] if 1 <= i <= len(values) else match.group(0)

    return _TEMPLATE_SLOT.sub(value, text)


class TemplatesPage(_Wire):
    templates: list[Template]


class KnownContacts(_Wire):
    """Desktop → relay: customers the shop already knows (e.g. from imported chats), never greeted."""

    wa_ids: list[str]


class BlockAnswer(_Wire):
    """Relay → desktop, for `POST|DELETE /v1/contacts/{wa_id}/block`.

    `on_whatsapp`: Meta's block list has the customer too (Graph's `block_users`), so they cannot
    write at all; false: blocked by the relay only (no automations answer them) — the sandbox, or Meta
    refused (it blocks only customers who wrote in the last 24 hours): `graph_code` says which.
    """

    wa_id: str
    blocked: bool
    on_whatsapp: bool = False
    graph_code: int | None = None


ORDER_STATUSES_LIMIT = 500  # per push; a shop pushes one chat's orders at a time
ORDER_STATUSES_PER_CUSTOMER = 5  # the newest orders of one customer the relay keeps; the bot speaks of them


class OrderStatus(_Wire):
    """Desktop → relay: what the menu bot needs to answer "where is my order" (orders stay on the desktop)."""

    number: str = Field(max_length=16)
    state: str = Field(max_length=20)  # app.orders.OrderState values
    wa_id: str = Field(max_length=32)
    courier: str = Field(default="", max_length=64)
    tracking: str = Field(default="", max_length=64)
    tracking_url: str = Field(default="", max_length=300)
    # When the order last changed on the desktop that pushes it. Two shop computers push the same
    # order (both make it from the customer's cart): the relay keeps the newer, so a computer back
    # after an hour offline does not put its stale "New" over the other's "Shipped".
    changed_at: AwareDatetime | None = None


class BotTally(_Wire):
    """How often one keyword rule or menu node answered, and how many chats it handed to a person."""

    id: str  # a rule id, a node id, or "handoff" / "changed" / "welcome"
    fired: int = 0
    handoffs: int = 0
    # A menu sent whole as a text with its choices numbered: filled in, its text outgrew what WhatsApp
    # shows above a menu (BotProblem.FILLED_TEXT_TOO_LONG). An older relay never says: 0.
    sent_as_text: int = 0


class BotReport(_Wire):
    """Relay → desktop (GET /v1/bot/report?days=N): the menu bot's counts since `since` (UTC day)."""

    since: str  # YYYY-MM-DD, the first day counted
    tallies: list[BotTally] = []


# An order in these states is over: the menu bot speaks only of the others (app.orders.OPEN_STATES).
ORDER_CLOSED_STATES = frozenset({"done", "cancelled"})


class OrderStatuses(_Wire):
    orders: list[OrderStatus] = Field(max_length=ORDER_STATUSES_LIMIT)


# What a relay does itself that an older one did not, named in GET /healthz's `features` (the
# version stays 0.1.0, so it cannot tell them apart). A relay that does not name one has the desktop
# do it before sending: "hours_field" fills {hours} (app.rules.hours_field) in the texts it sends, and
# without it the desktop writes the hours into the texts (app/hours_written.py).
FEATURE_HOURS_FIELD = "hours_field"
RELAY_FEATURES: tuple[str, ...] = (FEATURE_HOURS_FIELD,)


class Health(_Wire):
    status: Literal["ok"] = "ok"
    version: str
    upstream: str
    features: list[str] = []  # absent from a relay before them: it does none (RELAY_FEATURES)
    # Long polls waiting on the worker that answered, now; only for a request with the relay token.
    long_polls: int | None = None


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
    GRAPH_UNREACHABLE = "graph_unreachable"  # params: detail, host (WHATSAPP_GRAPH_URL's)
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
    MEDIA_NOT_WRITABLE = "media_not_writable"  # params: path, detail
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
    # A business account with two numbers or more (two branches): each number's health, the relay's
    # own (`number`) first. Empty for a one-number account, and from relays older than this field.
    numbers: list[NumberHealth] = Field(default_factory=list)
    checked_at: datetime

    @property
    def sandbox(self) -> bool:
        """A demo relay (simulated customers, no WhatsApp account): the lines it skipped say so, so
        the report needs no field of its own for it."""
        return any(line.problem == CheckProblem.SANDBOX for line in self.lines)


# --------------------------------------------------------------------------- campaigns
# The desktop resolves the audience (labels and consents live there) and posts the recipient list;
# the relay sends, paced and within Meta's messaging limit, while the laptop may be closed.

CAMPAIGN_ID = r"^[A-Za-z0-9_-]{1,64}$"  # made by the desktop (a UUID), so a retried POST is one campaign
CAMPAIGN_RECIPIENTS_MAX = 50_000
CAMPAIGN_PACE_DEFAULT = 10  # messages per second; a number shared with the phone app gets 20 in all
CAMPAIGN_PACE_MAX = 80
WA_ID_PATTERN = r"^\d{5,20}$"
# Korea's law on advertising: no marketing 21:00-08:00 in the recipient's time zone without separate
# night-time consent; such sends are held until 08:00.
NIGHT_HOLD_START_HOUR = 21
NIGHT_HOLD_END_HOUR = 8
NIGHT_HOLD_COUNTRIES = frozenset({"KR"})
# Their clock, for a recipient whose own time zone is not given (the desktop gives none).
NIGHT_HOLD_ZONES = {"KR": "Asia/Seoul"}
# Meta reports these as a late `failed` status after answering the send with a wamid; never retried.
CAMPAIGN_LATE_FAILURES = {
    131049: "marketing_limited",  # Meta limits marketing to this user (adaptive)
    131050: "user_stopped_marketing",  # the user stopped marketing messages: an opt-out (meta_stop)
    130472: "marketing_experiment",  # the user is in Meta's marketing message experiment
    131026: "undeliverable",
    132015: "template_paused",  # Meta dropped a send it held while pacing the template, and paused it
}


def campaign_send_key(campaign_id: str, wa_id: str) -> str:
    """The idempotency key (and client_id) of one recipient's send: at most one message each."""
    return f"campaign:{campaign_id}:{wa_id}"


class CampaignState(StrEnum):
    SCHEDULED = "scheduled"  # start_at is in the future
    RUNNING = "running"
    PAUSED = "paused"  # by the owner, or by the relay (`reason`): resume from the desktop
    WAITING_FOR_LIMIT = "waiting_for_limit"  # the portfolio's messaging limit is reached
    DONE = "done"
    CANCELLED = "cancelled"


class CampaignReason(StrEnum):
    """Why a campaign is paused or waiting (`reason`)."""

    OWNER = "owner"
    TEMPLATE_PAUSED = "template_paused"  # message_template_status_update: PAUSED
    TEMPLATE_DISABLED = "template_disabled"  # message_template_status_update: DISABLED, REJECTED…
    # A send answered 132001: WhatsApp has no approved version of the template in a recipient's language.
    TEMPLATE_MISSING = "template_missing"
    QUALITY_DROPPED = "quality_dropped"  # phone_number_quality_update: a downgrade or flag
    MESSAGING_LIMIT = "messaging_limit"  # with state waiting_for_limit
    NIGHT_HOLD = "night_hold"  # running, but every recipient left is held until 08:00
    # A send answered 190: the relay's Meta access token expired or was revoked; nothing goes until renewed.
    TOKEN_REFUSED = "token_refused"


class RecipientState(StrEnum):
    QUEUED = "queued"
    HELD = "held"  # night-time hold: sent at 08:00 in the recipient's time zone
    # Sent, but Meta holds it while it paces a new template (held_for_quality_assessment): a `sent`
    # status follows when Meta releases it, `failed` (132015) when it drops it. Never resent.
    PENDING = "pending"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"  # `error_code` (Graph's) and `reason`
    UNKNOWN = "unknown"  # the request reached Graph and no answer came back: never resent
    SKIPPED = "skipped"  # not sent: `reason` is a SkipReason


class SkipReason(StrEnum):
    NO_CONSENT = "no_consent"  # no opt-in to notifications: no template at all
    NO_MARKETING_CONSENT = "no_marketing_consent"
    OPTED_OUT = "opted_out"  # the relay holds a marketing opt-out for this customer
    US_MARKETING = "us_marketing"  # Meta delivers no marketing templates to +1 (US) numbers
    CANCELLED = "cancelled"  # the campaign was cancelled before this recipient's turn


class OptOutReason(StrEnum):
    KEYWORD = "keyword"  # the whole message was an opt-out keyword (STOP, 수신거부…)
    BUTTON = "button"  # the template's marketing opt-out button
    META_STOP = "meta_stop"  # Meta's user_preferences webhook, or a 131050 failure
    OWNER = "owner"  # the owner recorded it (POST /v1/contacts/{wa_id}/opt-out)


OPT_OUT_KEYWORDS_DEFAULT = ["STOP", "수신거부", "구독취소", "unsubscribe", "그만"]


class MarketingOptOut(_Wire):
    """Part of the automations document: what opts a customer out of marketing, and the reply."""

    keywords: list[str] = Field(default_factory=lambda: list(OPT_OUT_KEYWORDS_DEFAULT), max_length=50)
    # The payloads of templates' marketing opt-out quick-reply buttons (besides Meta's own button).
    button_payloads: list[str] = Field(default_factory=list, max_length=50)
    confirmation_text: str = Field(
        default="광고 메시지 수신을 거부하셨어요. 주문·배송 안내는 계속 받으실 수 있어요.",
        max_length=TEXT_MAX,
    )  # empty: no confirmation


class CampaignTemplate(_Wire):
    name: str = Field(min_length=1, max_length=512)
    language: str = Field(min_length=2, max_length=15)  # e.g. "ko", "en_US"
    category: str  # MARKETING | UTILITY | AUTHENTICATION (Graph's)

    @property
    def is_marketing(self) -> bool:
        return self.category.upper() == "MARKETING"


class RecipientConsent(_Wire):
    notifications: bool = False  # agreed to receive notifications (needed for any template)
    marketing: bool = False  # agreed to marketing (needed for a MARKETING template)
    night: bool = False  # agreed to marketing at night (Korea: 21:00-08:00)


class CampaignRecipient(_Wire):
    wa_id: str = Field(pattern=WA_ID_PATTERN)
    # Graph's template `components`, with this recipient's parameters filled in.
    components: list[dict[str, Any]] = []
    consent: RecipientConsent = Field(default_factory=RecipientConsent)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")  # ISO 3166; else from the number
    timezone: str | None = Field(default=None, max_length=64)  # IANA; else the country's
    # This recipient's version of the campaign's template (same name, another approved language, e.g.
    # "en" for a customer who writes English); None: the campaign's template.language.
    language: str | None = Field(default=None, min_length=2, max_length=15)


class NewCampaign(_Wire):
    """Body of POST /v1/campaigns. The same id posted again answers the campaign already there."""

    id: str = Field(pattern=CAMPAIGN_ID)
    name: str = Field(min_length=1, max_length=200)
    template: CampaignTemplate
    recipients: list[CampaignRecipient] = Field(min_length=1, max_length=CAMPAIGN_RECIPIENTS_MAX)
    # The business number every recipient gets it from (one of the relay's numbers: else 422
    # unknown_number); None: each recipient's own, the number they last wrote to (else the relay's).
    phone_number_id: str | None = Field(default=None, max_length=32)
    start_at: AwareDatetime | None = None  # None: now
    pace_per_second: int = Field(default=CAMPAIGN_PACE_DEFAULT, ge=1, le=CAMPAIGN_PACE_MAX)

    @field_validator("recipients")
    @classmethod
    def _each_once(cls, value: list[CampaignRecipient]) -> list[CampaignRecipient]:
        if len({r.wa_id for r in value}) != len(value):
            raise ValueError("a recipient is listed twice")
        return value


class CampaignRecipientStatus(_Wire):
    wa_id: str
    state: str  # a RecipientState, kept open
    wamid: str | None = None
    error_code: int | None = None  # Graph's, for failed
    # Which of error_code's causes Graph meant, when it has several (a GraphCause value, open
    # string): read from the refusal's or the failed status's details; absent from older relays.
    graph_cause: str | None = None
    reason: str | None = None  # a SkipReason, or CAMPAIGN_LATE_FAILURES' name of error_code
    sent_at: AwareDatetime | None = None
    held_until: AwareDatetime | None = None  # for held


class Campaign(_Wire):
    """Answer of POST /v1/campaigns, GET /v1/campaigns/{id} and its pause/resume/cancel."""

    id: str
    name: str
    template: CampaignTemplate
    state: str  # a CampaignState, kept open
    reason: str | None = None
    phone_number_id: str | None = None
    pace_per_second: int = CAMPAIGN_PACE_DEFAULT
    created_at: AwareDatetime
    start_at: AwareDatetime | None = None
    finished_at: AwareDatetime | None = None
    total: int = 0
    counts: dict[str, int] = {}
    waiting_until: AwareDatetime | None = None
    # Only with GET ?recipients=true: every recipient's state, in the order posted.
    recipients: list[CampaignRecipientStatus] | None = None


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


CLOSED_DAYS_MAX = 100  # a few years of holidays and vacations
CLOSED_NOTE_MAX = 100


class ClosedDays(_Wire):
    """Days the shop is closed whatever its week says (Chuseok, a vacation): `first` to `last`, both
    included, on the shop's own calendar (its time zone)."""

    first: date
    last: date
    note: str = Field(default="", max_length=CLOSED_NOTE_MAX)  # for the owner: "추석", "가족 여행"

    @model_validator(mode="after")
    def _in_order(self) -> ClosedDays:
        if self.last < self.first:
            raise ValueError("last is before first")
        return self


class BusinessHours(_Wire):
    timezone: str = "UTC"  # IANA name, e.g. "Asia/Seoul"
    week: list[DayHours] = Field(default_factory=_default_week, min_length=7, max_length=7)
    closed_days: list[ClosedDays] = Field(default_factory=list, max_length=CLOSED_DAYS_MAX)


class Recipients(_Wire):
    mode: Literal["everyone", "except", "only"] = "everyone"
    wa_ids: list[str] = []


class GreetingRule(_Wire):
    enabled: bool = False
    text: str = ""
    # Sent instead of `text` to a customer who writes in another script than `text` is written in
    # (an English greeting for a Korean shop's foreign customers); empty: `text` for everyone.
    text_other_language: str = ""
    recipients: Recipients = Field(default_factory=Recipients)
    silence_days: int = 14
    # A customer due both the greeting and the away message gets only the away message (one
    # automatic message, not two in a row); off: the greeting first, then the away message. An
    # older peer keeps the field (extra="allow") and sends both.
    skip_when_away: bool = False


class AwayRule(_Wire):
    enabled: bool = False
    text: str = ""
    text_other_language: str = ""  # as GreetingRule's
    schedule: Literal["always", "custom", "outside_hours"] = "outside_hours"
    # For schedule == "custom": the hours in which the shop is AWAY, per weekday.
    custom: list[DayHours] = Field(
        default_factory=lambda: [DayHours() for _ in range(7)], min_length=7, max_length=7
    )
    recipients: Recipients = Field(default_factory=Recipients)
    owner_reply_grace_minutes: int = 5


class BusinessProfile(_Wire):
    name: str = ""
    # The name as a message in another language writes it ("Seoul Linen House" for 서울 리넨 하우스):
    # {shop} in a text in its letters (an English greeting) is filled with it (`rules.shop_name_in`).
    name_other_language: str = ""
    category: str = ""
    about: str = ""
    description: str = ""
    address: str = ""
    email: str = ""
    websites: list[str] = []


# --------------------------------------------------------------------------- menu bot
# The bot's own bounds (WhatsApp's are above): a document over them is refused with BOT_OVER_LIMITS.

BOT_RULES_MAX = 500
BOT_KEYWORDS_MAX = 50  # per rule
BOT_KEYWORD_MAX = 100  # characters
BOT_NODES_MAX = 200
MENU_DEPTH_MAX = 5  # menus below the top menu, counting it as 1
MENU_NODE_ID = r"^[A-Za-z0-9_-]{1,64}$"
CHOICE_PREFIX = "menu:"  # a row's or button's id is "menu:<node id>"


class HandoffReason(StrEnum):
    KEYWORD = "keyword"  # the customer wrote 상담원, agent…
    MENU = "menu"  # the customer tapped "talk to a person"
    NO_ORDER = "no_order"  # the customer asked about an order and none was found
    RESUMED = "resumed"  # the bot was switched back on (bot_paused_until is null)


class BotProblem(StrEnum):
    """Why a menu-bot document is refused (`params.problem` of BOT_OVER_LIMITS)."""

    TOO_MANY_RULES = "too_many_rules"
    TOO_MANY_KEYWORDS = "too_many_keywords"
    KEYWORD_TOO_LONG = "keyword_too_long"
    EMPTY_KEYWORD = "empty_keyword"
    TOO_MANY_NODES = "too_many_nodes"
    DUPLICATE_NODE = "duplicate_node"
    UNKNOWN_NODE = "unknown_node"  # a rule, a menu or the top menu names a node that is not there
    TWO_PARENTS = "two_parents"  # a node is the choice of two menus (or of itself): not a tree
    TOO_DEEP = "too_deep"
    NOT_A_MENU = "not_a_menu"  # the top menu, or a rule's menu, is not a menu node
    EMPTY_MENU = "empty_menu"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_BUTTONS = "too_many_buttons"
    TITLE_TOO_LONG = "title_too_long"
    DUPLICATE_BUTTON_TITLE = "duplicate_button_title"  # two reply buttons of one menu share a title
    DESCRIPTION_TOO_LONG = "description_too_long"
    SECTION_TITLE_TOO_LONG = "section_title_too_long"
    SECTION_TITLE_REQUIRED = "section_title_required"
    ID_TOO_LONG = "id_too_long"
    TEXT_TOO_LONG = "text_too_long"
    LIST_BUTTON_TOO_LONG = "list_button_too_long"
    # A menu's text with its fields filled ({영업시간}, {shop}…) goes past what WhatsApp shows above a
    # menu: not a refusal of the document (the fill changes with the settings and the days), but the
    # editor's warning before Save, and the relay's log line when it sent the menu as a text.
    FILLED_TEXT_TOO_LONG = "filled_text_too_long"


class BotLimitError(ValueError):
    """A menu-bot document breaks a limit: `problem` (a BotProblem) at `node` (a node or rule id)."""

    def __init__(self, problem: BotProblem, node: str = "") -> None:
        super().__init__(f"{problem.value} at {node!r}" if node else problem.value)
        self.problem = problem
        self.node = node


class BotAnswer(_Wire):
    """What a keyword rule answers: a text, a menu (node id), or a hand-off to a person."""

    kind: Literal["text", "menu", "handoff", "orders"] = "text"
    text: str = ""  # the text (placeholders as in quick replies); for a hand-off, the reply
    # "orders": the customer's open orders, from the statuses the desktop pushes
    menu: str | None = None  # the menu node to show, for kind "menu"


class KeywordRule(_Wire):
    id: str = Field(pattern=MENU_NODE_ID)
    # What the answer is about, as the owner's list of answers names it ("배송비·배송 기간"); never
    # sent. Empty: the list names the answer by its keywords.
    title: str = Field(default="", max_length=KEYWORD_RULE_TITLE_MAX)
    keywords: list[str] = []
    whole_word: bool = False  # match "배송" only as a word of its own, not inside "배송비"
    answer: BotAnswer = Field(default_factory=BotAnswer)


class MenuNode(_Wire):
    """One choice of a menu, or a menu itself: tapping a node answers, opens it as a menu, goes back
    one menu, or hands the chat to a person."""

    id: str = Field(pattern=MENU_NODE_ID)
    title: str  # the row's or button's title when this node is a choice
    description: str = ""  # shown under the title in a list
    section: str = ""  # the section of the parent's list it sits in
    action: Literal["answer", "menu", "back", "handoff", "orders"] = "answer"
    text: str = ""  # the answer; a menu's body text; a hand-off's reply
    style: Literal["list", "buttons"] = "list"  # for a menu
    button: str = "메뉴 보기"  # a list's button label
    choices: list[str] = []  # node ids, for a menu


class MenuBot(_Wire):
    enabled: bool = False
    rules: list[KeywordRule] = []  # in priority order: the first that matches answers
    nodes: list[MenuNode] = []
    top_menu: str | None = None  # node id of the menu "back" ends at and a stale tap is shown
    # When the greeting is due, send it as the top menu's lead instead (one message, not two).
    welcome_menu: bool = False
    # A text answer to a menu choice or keyword carries one reply button back to the top menu, so the
    # customer need not know to type "메뉴" (app.rules.home_button_title says its title).
    home_button: bool = True
    # That button's title in this bot's language; None: "처음으로", or "Main menu" for a bot that
    # writes in other letters than Hangul (documents saved before the button were all None).
    home_button_title: str | None = None
    handoff_keywords: list[str] = ["상담원", "상담원 연결", "직원", "사장님", "agent", "human"]
    handoff_text: str = "상담원에게 연결해 드릴게요. 잠시만 기다려 주세요."
    # Appended to a hand-off outside business hours; {opening} is the next opening, local time.
    handoff_closed_text: str = "지금은 영업시간이 아니에요. {opening}부터 답변드릴게요."
    changed_text: str = "이 메뉴는 바뀌었어요. 새 메뉴에서 다시 골라 주세요."
    # The answer to "where is my order": the intro, one line per open order, and the state names.
    orders_text: str = "주문 내역을 알려드릴게요."
    order_line: str = "주문번호 {number}: {state}"
    tracking_line: str = "{courier} 송장번호 {tracking}"
    tracking_url_line: str = "배송 조회: {url}"
    order_states: dict[str, str] = {
        "new": "주문 접수",
        "awaiting_payment": "입금 대기",
        "paid": "입금 확인, 배송 준비 중",
        "shipped": "배송 중",
    }
    # No open order found (none, or only done or cancelled ones): the chat goes to a person with this reply.
    no_order_text: str = "진행 중인 주문을 찾지 못했어요. 상담원에게 연결해 드릴게요."
    # The customer named an order number that is not among their orders ({number}: as they wrote
    # it); the chat goes to a person with this reply. None: app.rules.UNKNOWN_ORDER_KOREAN, or its
    # English for a bot that writes in other letters (documents saved before it were all None).
    unknown_order_text: str | None = Field(default=None, max_length=TEXT_MAX)
    # Before the menu shown again to a customer whose reply to it chose nothing (once per menu).
    # None: app.rules.CHOOSE_KOREAN, or its English for a bot that writes in other letters.
    choose_text: str | None = Field(default=None, max_length=INTERACTIVE_BODY_MAX)
    pause_hours: int = Field(default=12, ge=1, le=24 * 30)  # after a hand-off or an owner's message
    hourly_cap: int = Field(default=6, ge=1, le=60)  # bot messages per chat per hour
    # The same bot in another language, for customers who write in other letters than this one's
    # (app.rules.bot_for); its own `enabled`, `pause_hours`, `hourly_cap`, `welcome_menu` and
    # `home_button` are not used: this one's are. None: every customer gets this one.
    other_language: MenuBot | None = None

    @model_validator(mode="after")
    def _within_limits(self) -> MenuBot:
        check_menu_bot(self)
        if self.other_language is not None and self.other_language.other_language is not None:
            raise BotLimitError(BotProblem.TOO_DEEP, "other_language")  # one other language, not a chain
        return self


def _check_len(value: str, limit: int, problem: BotProblem, node: str) -> None:
    if whatsapp_length(value) > limit:
        raise BotLimitError(problem, node)


def check_menu_bot(bot: MenuBot) -> None:
    """Raise BotLimitError for the first limit the document breaks (WhatsApp's and the bot's own)."""
    if len(bot.rules) > BOT_RULES_MAX:
        raise BotLimitError(BotProblem.TOO_MANY_RULES)
    if len(bot.nodes) > BOT_NODES_MAX:
        raise BotLimitError(BotProblem.TOO_MANY_NODES)
    nodes: dict[str, MenuNode] = {}
    for node in bot.nodes:
        if node.id in nodes:
            raise BotLimitError(BotProblem.DUPLICATE_NODE, node.id)
        nodes[node.id] = node
    for keywords, where in [(r.keywords, r.id) for r in bot.rules] + [(bot.handoff_keywords, "handoff")]:
        if len(keywords) > BOT_KEYWORDS_MAX:
            raise BotLimitError(BotProblem.TOO_MANY_KEYWORDS, where)
        for keyword in keywords:
            _check_len(keyword, BOT_KEYWORD_MAX, BotProblem.KEYWORD_TOO_LONG, where)
            if not keyword.strip():
                raise BotLimitError(BotProblem.EMPTY_KEYWORD, where)
    for rule in bot.rules:
        _check_len(rule.answer.text, TEXT_MAX, BotProblem.TEXT_TOO_LONG, rule.id)
        if rule.answer.kind == "menu":
            target = nodes.get(rule.answer.menu or "")
            if target is None:
                raise BotLimitError(BotProblem.UNKNOWN_NODE, rule.id)
            if target.action != "menu":
                raise BotLimitError(BotProblem.NOT_A_MENU, rule.id)
    parents: dict[str, str] = {}
    for node in bot.nodes:
        limit = INTERACTIVE_BODY_MAX if node.action == "menu" else TEXT_MAX
        _check_len(node.text, limit, BotProblem.TEXT_TOO_LONG, node.id)
        if node.action != "menu":
            continue
        _check_menu(node, nodes)
        for choice in node.choices:
            if choice in parents or choice == node.id:
                raise BotLimitError(BotProblem.TWO_PARENTS, choice)
            parents[choice] = node.id
    home = bot.home_button_title
    if home is not None and (not home.strip() or whatsapp_length(home) > BUTTON_TITLE_MAX):
        raise BotLimitError(BotProblem.TITLE_TOO_LONG, "home_button")
    if bot.top_menu is not None:
        top = nodes.get(bot.top_menu)
        if top is None:
            raise BotLimitError(BotProblem.UNKNOWN_NODE, bot.top_menu)
        if top.action != "menu":
            raise BotLimitError(BotProblem.NOT_A_MENU, bot.top_menu)
    for node_id in nodes:
        depth, cursor = 1, node_id
        while cursor in parents:
            cursor, depth = parents[cursor], depth + 1
            if cursor == node_id:  # a menu inside itself
                raise BotLimitError(BotProblem.TWO_PARENTS, node_id)
            if depth > MENU_DEPTH_MAX + 1:
                raise BotLimitError(BotProblem.TOO_DEEP, node_id)


def _check_menu(menu: MenuNode, nodes: dict[str, MenuNode]) -> None:
    if not menu.choices:
        raise BotLimitError(BotProblem.EMPTY_MENU, menu.id)
    if not menu.text.strip():
        raise BotLimitError(BotProblem.EMPTY_MENU, menu.id)
    for choice in menu.choices:
        if choice not in nodes:
            raise BotLimitError(BotProblem.UNKNOWN_NODE, choice)
    children = [nodes[c] for c in menu.choices]
    ids = [CHOICE_PREFIX + c.id for c in children]
    if menu.style == "buttons":
        if len(children) > REPLY_BUTTONS_MAX:
            raise BotLimitError(BotProblem.TOO_MANY_BUTTONS, menu.id)
        for child, choice_id in zip(children, ids, strict=True):
            if not child.title.strip() or whatsapp_length(child.title) > BUTTON_TITLE_MAX:
                raise BotLimitError(BotProblem.TITLE_TOO_LONG, child.id)
            _check_len(choice_id, REPLY_BUTTON_ID_MAX, BotProblem.ID_TOO_LONG, child.id)
        return
    _check_len(menu.button, LIST_BUTTON_MAX, BotProblem.LIST_BUTTON_TOO_LONG, menu.id)
    if not menu.button.strip():
        raise BotLimitError(BotProblem.LIST_BUTTON_TOO_LONG, menu.id)
    if len(children) > LIST_ROWS_MAX:
        raise BotLimitError(BotProblem.TOO_MANY_ROWS, menu.id)
    sections = list(dict.fromkeys(c.section for c in children))
    for child, choice_id in zip(children, ids, strict=True):
        if not child.title.strip() or whatsapp_length(child.title) > ROW_TITLE_MAX:
            raise BotLimitError(BotProblem.TITLE_TOO_LONG, child.id)
        _check_len(child.description, ROW_DESCRIPTION_MAX, BotProblem.DESCRIPTION_TOO_LONG, child.id)
        _check_len(child.section, SECTION_TITLE_MAX, BotProblem.SECTION_TITLE_TOO_LONG, child.id)
        _check_len(choice_id, ROW_ID_MAX, BotProblem.ID_TOO_LONG, child.id)
        if len(sections) > 1 and not child.section.strip():
            raise BotLimitError(BotProblem.SECTION_TITLE_REQUIRED, child.id)


def check_button_titles(bot: MenuBot) -> None:
    """Raise BotLimitError (DUPLICATE_BUTTON_TITLE, at the second of the two) when a menu shown as
    buttons, in this bot or its other language, has two buttons with one title: WhatsApp needs each
    reply button's title unique within the message (a list's rows are told apart by their ids), and
    titles that differ only in spaces round them read alike.

    Not part of MenuBot's validator, which runs on every read: a document saved before this check
    must still load (the relay runs it, and the editor opens it to be fixed). Whoever saves a
    document checks it: the relay's PUT and the editor."""
    for one in [bot, *([bot.other_language] if bot.other_language is not None else [])]:
        nodes = {node.id: node for node in one.nodes}
        for menu in one.nodes:
            if menu.action != "menu" or menu.style != "buttons":
                continue
            seen: set[str] = set()
            for child in (nodes[c] for c in menu.choices if c in nodes):
                if child.title.strip() in seen:
                    raise BotLimitError(BotProblem.DUPLICATE_BUTTON_TITLE, child.id)
                seen.add(child.title.strip())


class Automations(_Wire):
    revision: int = 0
    greeting: GreetingRule = Field(default_factory=GreetingRule)
    away: AwayRule = Field(default_factory=AwayRule)
    business_hours: BusinessHours = Field(default_factory=BusinessHours)
    profile: BusinessProfile = Field(default_factory=BusinessProfile)
    bot: MenuBot = Field(default_factory=MenuBot)
    opt_out: MarketingOptOut = Field(default_factory=MarketingOptOut)
    # The account a desktop filled the texts' {bank} with (app/bank_field.py). The relay runs the
    # filled texts and only keeps this; another desktop reads it to give the field back.
    bank_account: str = ""
    # The shop's country (ISO 3166, Settings), which dates to English-writing customers follow as the
    # desktop's do: "Tue 8 Dec" from a UK shop, "Tue, Dec 8" from a US one (app.rules.opening_text).
    # None from a desktop before it: the US order, as every relay wrote before.
    shop_country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")


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
