"""The exceptions app/ raises: each carries a stable code and typed parameters that ui/ puts into words."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


class ErrorCode(enum.StrEnum):
    """Every situation app/ reports; ui/error_sentences.py has one translated sentence for each."""

    # Storage
    SCHEMA_TOO_NEW = "schema_too_new"
    DATABASE_UNAVAILABLE = "database_unavailable"
    UNVERSIONED_DATABASE_HOLDS_DATA = "unversioned_database_holds_data"
    NOT_A_DATABASE = "not_a_database"
    # The data folder named (--data-dir), or a folder on its way, is a file: nothing can be kept there.
    DATA_FOLDER_IS_A_FILE = "data_folder_is_a_file"
    # The data folder may not be written (a read-only disk or folder): the inbox cannot be opened there.
    DATA_FOLDER_READ_ONLY = "data_folder_read_only"
    MIGRATION_FAILED = "migration_failed"
    DISK_FULL = "disk_full"  # a write refused for want of space: nothing of it kept, nothing else lost
    # Too little free space to update an older inbox, found before anything was copied or changed.
    UPDATE_NEEDS_ROOM = "update_needs_room"
    # The same, on the disk of SQLite's temporary files when that is not the data folder's.
    UPDATE_NEEDS_TEMP_ROOM = "update_needs_temp_room"
    # Too little free space beside the data to unpack a backup there, found before anything changed.
    RESTORE_NEEDS_ROOM = "restore_needs_room"
    UPDATE_DISK_FULL = (
        "update_disk_full"  # the update ran out of space and was undone: the inbox is as it was
    )
    # A first start found the disk full: nothing of an inbox was set up yet, so nothing was lost.
    SETUP_DISK_FULL = "setup_disk_full"
    # The demo shop's folder (`path`: the kept demo's, or where temporary files go) is on a full disk,
    # or may not be written: the demo cannot open, and the owner's own inbox was not touched.
    DEMO_DISK_FULL = "demo_disk_full"
    DEMO_FOLDER_READ_ONLY = "demo_folder_read_only"
    DEMO_INBOX_DAMAGED = "demo_inbox_damaged"  # a kept demo's inbox file (--demo --data-dir) damaged
    # The relay
    RELAY_UNREACHABLE = "relay_unreachable"
    RELAY_TIMEOUT = "relay_timeout"
    # An https:// address whose server answers plain http (a relay tried out on this computer).
    RELAY_PLAIN_HTTP = "relay_plain_http"
    # Something on the way answered for the relay with a sign-in page: a hotspot's or café's captive
    # portal, until the owner signs in to the network in a browser.
    NETWORK_SIGN_IN = "network_sign_in"
    # The relay's HTTPS certificate has expired (or is not valid yet: this computer's date may be
    # wrong), so nothing is sent to it, the token least of all.
    RELAY_CERTIFICATE_EXPIRED = "relay_certificate_expired"
    # Its certificate is for another name (or otherwise not valid).
    RELAY_CERTIFICATE_INVALID = "relay_certificate_invalid"
    # Its certificate is from no authority this computer trusts: a company's own authority not
    # installed on this computer, a self-signed one, or a hotspot answering with its own.
    RELAY_CERTIFICATE_UNTRUSTED = "relay_certificate_untrusted"
    # The web proxy this computer is set to use (HTTPS_PROXY…) refused to connect to the relay.
    RELAY_PROXY_REFUSED = "relay_proxy_refused"
    UNAUTHORISED = "unauthorised"
    RELAY_BUSY = "relay_busy"
    # The relay answers but cannot reach WhatsApp (its network, DNS, WHATSAPP_GRAPH_URL): the relay's
    # own code, so a send's stored error and any other call's say the same.
    GRAPH_UNREACHABLE = "graph_unreachable"
    # The relay answers but refuses its own database (one recreated in another encoding than UTF8)
    # until whoever looks after it mends it; it takes it up again by itself.
    RELAY_DATABASE_UNUSABLE = "relay_database_unusable"
    RELAY_REFUSED = "relay_refused"
    HISTORY_GAP = "history_gap"
    REVISION_CONFLICT = "revision_conflict"
    MEDIA_DAMAGED = "media_damaged"
    MEDIA_UNAVAILABLE = "media_unavailable"
    NOT_DOWNLOADED = "not_downloaded"  # a received file asked for while there is no relay to fetch it
    # Sending
    SEND_REFUSED = "send_refused"
    OUTSIDE_WINDOW = "outside_window"
    NOTHING_TO_SEND = "nothing_to_send"
    TEXT_TOO_LONG = "text_too_long"
    CAPTION_TOO_LONG = "caption_too_long"
    FILE_UNREADABLE = "file_unreadable"
    FILE_GONE = "file_gone"
    FILE_TOO_LARGE = "file_too_large"
    FILE_TYPE_NOT_TAKEN = "file_type_not_taken"  # a type WhatsApp takes as nothing (a .hwp, .zip, .heic)
    # A video, sound or photo over its kind's limit (16 MB, 5 MB): not a document type either.
    FILE_TOO_LARGE_FOR_KIND = "file_too_large_for_kind"
    CONVERSATION_GONE = "conversation_gone"
    ARCHIVE_READ_ONLY = "archive_read_only"  # a group chat imported from a phone export
    NO_PHONE_NUMBER = "no_phone_number"  # a customer known only from a phone export
    UNKNOWN_OUTCOME = "unknown"  # Graph timed out after the request left: maybe delivered
    # Backups
    NOT_A_BACKUP = "not_a_backup"
    BACKUP_DAMAGED = "backup_damaged"
    BACKUP_FOLDER_MISSING = "backup_folder_missing"  # the automatic backups' folder (a USB stick taken out)
    # Contacts, catalogue and links
    NOTES_TOO_LONG = "notes_too_long"
    PHONE_NUMBER_INVALID = "phone_number_invalid"
    CUSTOMER_NUMBER_INVALID = "customer_number_invalid"
    CUSTOMER_NUMBER_TAKEN = "customer_number_taken"
    NOTHING_CHOSEN = "nothing_chosen"
    TOO_MANY_ITEMS = "too_many_items"
    ITEM_HIDDEN = "item_hidden"
    ITEM_SOLD_OUT = "item_sold_out"
    ITEM_GONE = "item_gone"
    COLLECTION_NAME_EMPTY = "collection_name_empty"
    COLLECTION_NAME_TOO_LONG = "collection_name_too_long"
    COLLECTION_NAME_TAKEN = "collection_name_taken"
    COLLECTION_GONE = "collection_gone"
    MEDIA_PATH_UNSAFE = "media_path_unsafe"
    ITEM_NAME_EMPTY = "item_name_empty"
    ITEM_NAME_TOO_LONG = "item_name_too_long"
    ITEM_CODE_TOO_LONG = "item_code_too_long"
    ITEM_CODE_INVALID = "item_code_invalid"  # spaces or commas: Meta's feed splits on them
    ITEM_CODE_TAKEN = "item_code_taken"
    ITEM_NAME_SHARED = "item_name_shared"  # another item has the name: the owner may keep both
    ITEM_DESCRIPTION_TOO_LONG = "item_description_too_long"
    ITEM_LINK_INVALID = "item_link_invalid"
    ITEM_PRICE_INVALID = "item_price_invalid"  # below zero or beyond what we store
    ITEM_TOO_MANY_IMAGES = "item_too_many_images"
    # The token
    NO_KEYRING = "no_keyring"
    KEYRING_REFUSED = "keyring_refused"  # one is there but did not take the token (locked)
    KEYRING_LOCKED = "keyring_locked"  # one is there but would not be read (locked, unlock cancelled)
    TOKEN_NOT_SAVED = "token_not_saved"
    # Orders
    ORDER_EMPTY = "order_empty"
    ORDER_TOO_MANY_LINES = "order_too_many_lines"
    ORDER_QUANTITY_INVALID = "order_quantity_invalid"
    ORDER_PRICE_INVALID = "order_price_invalid"
    ORDER_CURRENCY_MIXED = "order_currency_mixed"
    ORDER_CURRENCY_OTHER = "order_currency_other"  # an item priced in another currency than the order's
    ORDER_AMOUNT_INVALID = "order_amount_invalid"
    ORDER_DISCOUNT_OVER_TOTAL = "order_discount_over_total"
    # An exchange's new order changed to be worth less than her first order's payment carried to it.
    ORDER_CARRIED_OVER_TOTAL = "order_carried_over_total"
    ORDER_MOVE_REFUSED = "order_move_refused"
    ORDER_OUT_OF_STOCK = "order_out_of_stock"
    ORDER_GONE = "order_gone"
    ORDER_POSTCODE_INVALID = "order_postcode_invalid"
    ORDER_CASH_RECEIPT_INVALID = "order_cash_receipt_invalid"
    ORDER_OPTION_LOCKED = "order_option_locked"  # the order has left the shop (or was cancelled)
    ORDER_OPTION_HOLDS_STOCK = "order_option_holds_stock"  # the line holds another option's count
    ORDER_LINES_LOCKED = "order_lines_locked"  # paid, shipped, done or cancelled: its amount stays
    ORDER_RETURN_REFUSED = "order_return_refused"  # only a shipped or done order's goods come back
    ORDER_RETURN_TOO_LATE = "order_return_too_late"  # done longer ago than a return is taken
    ORDER_RETURN_QUANTITY = "order_return_quantity"  # none chosen, or more than is left to return
    ORDER_REFUND_TOO_MUCH = "order_refund_too_much"  # more than the customer paid and was not refunded
    ORDER_RETURN_NONE_WAITING = "order_return_none_waiting"  # no returned goods wait to arrive
    # Moving an order back (app.order_back): why it stays where it is.
    ORDER_BACK_NONE = "order_back_none"  # new, or not brought here by a move (nothing to go back to)
    ORDER_BACK_MOVED = "order_back_moved"  # moved again since Undo was offered
    ORDER_BACK_AFTER_RETURN = "order_back_after_return"  # a return or exchange was recorded since
    ORDER_BACK_EXPIRED = "order_back_expired"  # cancelled by the payment deadline
    ORDER_BACK_TOO_LATE = "order_back_too_late"  # done or cancelled longer ago than BACK_DAYS
    DEPOSIT_FILE_UNREADABLE = "deposit_file_unreadable"
    DEPOSIT_FILE_UNKNOWN_FORMAT = "deposit_file_unknown_format"
    # Prices
    PRICE_EMPTY = "price_empty"
    PRICE_NOT_A_NUMBER = "price_not_a_number"
    PRICE_NOT_WHOLE = "price_not_whole"  # a fraction of a currency without smaller units (KRW)
    PRICE_TOO_MANY_DECIMALS = "price_too_many_decimals"
    PRICE_TOO_LARGE = "price_too_large"
    PRICE_NO_CURRENCY = "price_no_currency"
    PRICE_UNREADABLE = "price_unreadable"  # not "15000 KRW" (catalogue files)
    CURRENCY_UNKNOWN = "currency_unknown"
    # Catalogue files and pictures
    CATALOG_FILE_NOT_UTF8 = "catalog_file_not_utf8"
    CATALOG_FILE_TOO_LARGE = "catalog_file_too_large"
    CATALOG_FILE_EMPTY = "catalog_file_empty"
    CATALOG_WORKBOOK_UNREADABLE = "catalog_workbook_unreadable"
    CATALOG_COLUMNS_MISSING = "catalog_columns_missing"
    IMAGE_NOT_SUPPORTED = "image_not_supported"
    IMAGE_TOO_LARGE = "image_too_large"
    # Chat exports from a phone
    CHAT_EXPORT_EMPTY = "chat_export_empty"
    CHAT_EXPORT_NOT_TEXT = "chat_export_not_text"
    CHAT_EXPORT_NO_TEXT_FILE = "chat_export_no_text_file"  # a zip without the chat's .txt
    CHAT_EXPORT_DAMAGED = "chat_export_damaged"
    CHAT_EXPORT_NO_CHAT_LINES = "chat_export_no_chat_lines"
    CHAT_IMPORT_CANCELLED = "chat_import_cancelled"
    CHAT_EXPORT_CANCELLED = "chat_export_cancelled"
    CHAT_CONTACT_AMBIGUOUS = "chat_contact_ambiguous"
    CHAT_CONTACT_GONE = "chat_contact_gone"
    CHAT_NOT_A_PARTICIPANT = "chat_not_a_participant"
    TIME_ZONE_UNKNOWN = "time_zone_unknown"
    # Labels and quick replies
    LABEL_NAME_EMPTY = "label_name_empty"
    LABEL_NAME_TOO_LONG = "label_name_too_long"
    LABEL_NAME_TAKEN = "label_name_taken"
    LABEL_COLOUR_INVALID = "label_colour_invalid"
    LABEL_GONE = "label_gone"
    SHORTCUT_EMPTY = "shortcut_empty"
    SHORTCUT_NO_SLASH = "shortcut_no_slash"
    SHORTCUT_HAS_SPACES = "shortcut_has_spaces"
    SHORTCUT_TOO_LONG = "shortcut_too_long"
    SHORTCUT_TAKEN = "shortcut_taken"
    QUICK_REPLY_EMPTY = "quick_reply_empty"
    QUICK_REPLY_TOO_LONG = "quick_reply_too_long"
    QUICK_REPLY_GONE = "quick_reply_gone"
    QUICK_REPLY_FILE_MISSING = "quick_reply_file_missing"
    # Quick replies carried to another computer (app/quick_reply_transfer.py)
    QUICK_REPLIES_NOT_AN_EXPORT = "quick_replies_not_an_export"  # not a zip, or a zip of something else
    QUICK_REPLIES_TOO_NEW = "quick_replies_too_new"  # written by a newer Shop Inbox (format version)
    QUICK_REPLIES_DAMAGED = "quick_replies_damaged"  # ours, but its list of replies cannot be read
    QUICK_REPLIES_TOO_LARGE = "quick_replies_too_large"  # its files unpack to more than any shop's (a bomb)
    QUICK_REPLY_ENTRY_DAMAGED = "quick_reply_entry_damaged"  # one reply of the file cannot be read
    QUICK_REPLY_FILE_DAMAGED = "quick_reply_file_damaged"  # one reply's attached file is not whole
    # Campaigns
    CAMPAIGN_NAME_EMPTY = "campaign_name_empty"
    CAMPAIGN_NO_TEMPLATE = "campaign_no_template"
    CAMPAIGN_NO_RECIPIENTS = "campaign_no_recipients"
    CAMPAIGN_NOT_EDITABLE = "campaign_not_editable"  # handed to the relay, or deleted meanwhile
    CAMPAIGN_PARAMETER_EMPTY = "campaign_parameter_empty"  # WhatsApp refuses an empty {{n}}
    # Who gets it changed after the owner confirmed the count (an opt-out, a "Needs a person")
    CAMPAIGN_RECIPIENTS_CHANGED = "campaign_recipients_changed"
    # Anything raised with a plain sentence (kept as the English fallback) or a code we do not know.
    INVALID_INPUT = "invalid_input"


# --------------------------------------------------------------------------- typed parameters


@dataclass(frozen=True, slots=True)
class NoParams:
    pass


@dataclass(frozen=True, slots=True)
class VersionParams:
    found: int
    supported: int


@dataclass(frozen=True, slots=True)
class PathParams:
    path: str


@dataclass(frozen=True, slots=True)
class RoomParams:
    """Free space wanted in `folder`, and how much it has (bytes)."""

    folder: str
    needed: int
    free: int


@dataclass(frozen=True, slots=True)
class TablesParams:
    path: str
    tables: str  # "contact, message"


@dataclass(frozen=True, slots=True)
class FileParams:
    name: str


@dataclass(frozen=True, slots=True)
class QuickReplyFileParams:
    """A quick reply (its shortcut) and the name of its attachment."""

    shortcut: str
    name: str


@dataclass(frozen=True, slots=True)
class FileLimitParams:
    name: str
    limit_mb: int


@dataclass(frozen=True, slots=True)
class FileKindParams:
    """A file and what it is ("image", "video", "audio", or "document" for the rest)."""

    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class FileKindLimitParams:
    """A file too big for its kind ("image", "video" or "audio") and that kind's limit."""

    name: str
    kind: str
    limit_mb: int


@dataclass(frozen=True, slots=True)
class LimitParams:
    limit: int


@dataclass(frozen=True, slots=True)
class RecipientsChangedParams:
    """How many customers the owner confirmed the campaign for, and how many it would reach now."""

    confirmed_count: int
    current_count: int


@dataclass(frozen=True, slots=True)
class ChatParams:
    name: str  # the chat's name as the chat list shows it


@dataclass(frozen=True, slots=True)
class NameParams:
    name: str


@dataclass(frozen=True, slots=True)
class ItemCodeParams:
    """An item code (or name) already in use: the code and the name of the item holding it."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class GapParams:
    oldest_seq: int
    # "pruned": the events after the cursor are gone; "cursor_ahead": the relay never handed this
    # cursor out (a new relay, or one restored from a backup), so nothing is missing here.
    reason: str = "pruned"


@dataclass(frozen=True, slots=True)
class RefusalParams:
    """A refusal from the relay or WhatsApp: the relay's code, Graph's code, and its English text."""

    relay_code: str
    graph_code: int | None = None
    message: str = ""
    graph_cause: str | None = None  # which of graph_code's causes (a wire GraphCause), when it has several
    # The error's own parameters as the relay sent them (BOT_OVER_LIMITS: "problem" and "node"),
    # their values as text, by name: what ui/ needs to say which limit, and where.
    relay_params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str:
        """One of the relay's parameters; "" when it sent none of that name."""
        return next((value for key, value in self.relay_params if key == name), "")


@dataclass(frozen=True, slots=True)
class SentenceParams:
    """A sentence raised before this code existed; shown as it is (English)."""

    sentence: str


@dataclass(frozen=True, slots=True)
class OrderLineParams:
    """A bad value on one line of an order (1-based, as the owner counts)."""

    line: int
    value: str
    currency: str = ""


@dataclass(frozen=True, slots=True)
class OrderCurrencyParams:
    """An item (`name`) priced in `currency`, refused by an order whose items are in `order_currency`."""

    name: str
    currency: str
    order_currency: str


@dataclass(frozen=True, slots=True)
class OrderAmountParams:
    """A bad shipping fee, surcharge or discount: `field` is "shipping" | "surcharge" | "discount"."""

    field: str
    value: str


@dataclass(frozen=True, slots=True)
class DiscountParams:
    """A discount larger than what it comes off (items, shipping and surcharge), in minor units."""

    discount_minor: int
    before_minor: int
    currency: str


@dataclass(frozen=True, slots=True)
class ValueParams:
    value: str


@dataclass(frozen=True, slots=True)
class PlainHttpParams:
    """The https:// address tried and the same address with http://, which the server answers."""

    url: str
    plain_url: str


@dataclass(frozen=True, slots=True)
class OrderMoveParams:
    number: str
    from_state: str
    to_state: str


@dataclass(frozen=True, slots=True)
class OrderStateParams:
    number: str
    state: str


@dataclass(frozen=True, slots=True)
class ReturnDaysParams:
    """A return asked for an order done more than `days` days ago."""

    number: str
    days: int


@dataclass(frozen=True, slots=True)
class BackDaysParams:
    """An order `state` (done or cancelled) for more than `days` days: it is not moved back."""

    number: str
    state: str
    days: int


@dataclass(frozen=True, slots=True)
class RefundParams:
    """A refund larger than what the customer paid and has not had back, in minor units."""

    refund_minor: int
    most_minor: int
    currency: str


@dataclass(frozen=True, slots=True)
class CurrencyDigitsParams:
    """An amount refused in a currency with `digits` digits after the point (0 for KRW): not a number,
    or more digits than the currency has."""

    value: str
    currency: str
    digits: int


@dataclass(frozen=True, slots=True)
class ColumnsParams:
    missing: str  # "id, price"
    expected: str


@dataclass(frozen=True, slots=True)
class StockParams:
    name: str
    wanted: int
    available: int


Params = (
    NoParams
    | VersionParams
    | PathParams
    | TablesParams
    | RoomParams
    | FileParams
    | QuickReplyFileParams
    | FileLimitParams
    | FileKindParams
    | FileKindLimitParams
    | LimitParams
    | NameParams
    | ItemCodeParams
    | GapParams
    | ChatParams
    | RefusalParams
    | SentenceParams
    | OrderLineParams
    | OrderCurrencyParams
    | OrderAmountParams
    | DiscountParams
    | ReturnDaysParams
    | BackDaysParams
    | RefundParams
    | OrderMoveParams
    | OrderStateParams
    | ValueParams
    | RecipientsChangedParams
    | PlainHttpParams
    | StockParams
    | CurrencyDigitsParams
    | ColumnsParams
)

PARAMS: dict[ErrorCode, type[Params]] = {
    ErrorCode.SCHEMA_TOO_NEW: VersionParams,
    ErrorCode.DATABASE_UNAVAILABLE: PathParams,
    ErrorCode.DISK_FULL: NoParams,
    ErrorCode.UPDATE_NEEDS_ROOM: RoomParams,
    ErrorCode.RESTORE_NEEDS_ROOM: RoomParams,
    ErrorCode.UPDATE_NEEDS_TEMP_ROOM: RoomParams,
    ErrorCode.UPDATE_DISK_FULL: PathParams,
    ErrorCode.SETUP_DISK_FULL: PathParams,
    ErrorCode.DEMO_DISK_FULL: PathParams,
    ErrorCode.DEMO_FOLDER_READ_ONLY: PathParams,
    ErrorCode.DEMO_INBOX_DAMAGED: PathParams,
    ErrorCode.UNVERSIONED_DATABASE_HOLDS_DATA: TablesParams,
    ErrorCode.NOT_A_DATABASE: PathParams,
    ErrorCode.DATA_FOLDER_IS_A_FILE: PathParams,
    ErrorCode.DATA_FOLDER_READ_ONLY: PathParams,
    ErrorCode.MIGRATION_FAILED: PathParams,
    ErrorCode.RELAY_UNREACHABLE: NoParams,
    ErrorCode.RELAY_TIMEOUT: NoParams,
    ErrorCode.RELAY_PLAIN_HTTP: PlainHttpParams,
    ErrorCode.NETWORK_SIGN_IN: NoParams,
    ErrorCode.RELAY_CERTIFICATE_EXPIRED: NoParams,
    ErrorCode.RELAY_CERTIFICATE_INVALID: NoParams,
    ErrorCode.RELAY_CERTIFICATE_UNTRUSTED: NoParams,
    ErrorCode.RELAY_PROXY_REFUSED: NoParams,
    ErrorCode.UNAUTHORISED: NoParams,
    ErrorCode.RELAY_BUSY: RefusalParams,
    ErrorCode.GRAPH_UNREACHABLE: RefusalParams,
    ErrorCode.RELAY_DATABASE_UNUSABLE: RefusalParams,
    ErrorCode.RELAY_REFUSED: RefusalParams,
    ErrorCode.HISTORY_GAP: GapParams,
    ErrorCode.REVISION_CONFLICT: NoParams,
    ErrorCode.MEDIA_DAMAGED: NoParams,
    ErrorCode.MEDIA_UNAVAILABLE: NoParams,
    ErrorCode.NOT_DOWNLOADED: NoParams,
    ErrorCode.SEND_REFUSED: RefusalParams,
    ErrorCode.OUTSIDE_WINDOW: RefusalParams,
    ErrorCode.NOTHING_TO_SEND: NoParams,
    ErrorCode.TEXT_TOO_LONG: LimitParams,
    ErrorCode.CAPTION_TOO_LONG: LimitParams,
    ErrorCode.FILE_UNREADABLE: FileParams,
    ErrorCode.FILE_GONE: FileParams,
    ErrorCode.FILE_TOO_LARGE: FileLimitParams,
    ErrorCode.FILE_TYPE_NOT_TAKEN: FileKindParams,
    ErrorCode.FILE_TOO_LARGE_FOR_KIND: FileKindLimitParams,
    ErrorCode.CONVERSATION_GONE: NoParams,
    ErrorCode.ARCHIVE_READ_ONLY: ChatParams,
    ErrorCode.NO_PHONE_NUMBER: ChatParams,
    ErrorCode.UNKNOWN_OUTCOME: NoParams,
    ErrorCode.NOT_A_BACKUP: NoParams,
    ErrorCode.BACKUP_DAMAGED: NoParams,
    ErrorCode.BACKUP_FOLDER_MISSING: PathParams,
    ErrorCode.NOTES_TOO_LONG: LimitParams,
    ErrorCode.PHONE_NUMBER_INVALID: NoParams,
    ErrorCode.CUSTOMER_NUMBER_INVALID: NoParams,
    ErrorCode.CUSTOMER_NUMBER_TAKEN: ChatParams,
    ErrorCode.NOTHING_CHOSEN: NoParams,
    ErrorCode.TOO_MANY_ITEMS: LimitParams,
    ErrorCode.ITEM_HIDDEN: NameParams,
    ErrorCode.ITEM_SOLD_OUT: NameParams,
    ErrorCode.ITEM_GONE: NoParams,
    ErrorCode.COLLECTION_NAME_EMPTY: NoParams,
    ErrorCode.COLLECTION_NAME_TOO_LONG: LimitParams,
    ErrorCode.COLLECTION_NAME_TAKEN: NameParams,
    ErrorCode.COLLECTION_GONE: NoParams,
    ErrorCode.MEDIA_PATH_UNSAFE: NoParams,
    ErrorCode.ITEM_NAME_EMPTY: NoParams,
    ErrorCode.ITEM_NAME_TOO_LONG: LimitParams,
    ErrorCode.ITEM_CODE_TOO_LONG: LimitParams,
    ErrorCode.ITEM_CODE_INVALID: ValueParams,
    ErrorCode.ITEM_CODE_TAKEN: ItemCodeParams,
    ErrorCode.ITEM_NAME_SHARED: ItemCodeParams,
    ErrorCode.ITEM_DESCRIPTION_TOO_LONG: LimitParams,
    ErrorCode.ITEM_LINK_INVALID: ValueParams,
    ErrorCode.ITEM_PRICE_INVALID: NoParams,
    ErrorCode.ITEM_TOO_MANY_IMAGES: LimitParams,
    ErrorCode.NO_KEYRING: NoParams,
    ErrorCode.KEYRING_REFUSED: NoParams,
    ErrorCode.KEYRING_LOCKED: NoParams,
    ErrorCode.TOKEN_NOT_SAVED: NoParams,
    ErrorCode.ORDER_EMPTY: NoParams,
    ErrorCode.ORDER_TOO_MANY_LINES: LimitParams,
    ErrorCode.ORDER_QUANTITY_INVALID: OrderLineParams,
    ErrorCode.ORDER_PRICE_INVALID: OrderLineParams,
    ErrorCode.ORDER_CURRENCY_MIXED: NoParams,
    ErrorCode.ORDER_CURRENCY_OTHER: OrderCurrencyParams,
    ErrorCode.ORDER_AMOUNT_INVALID: OrderAmountParams,
    ErrorCode.ORDER_DISCOUNT_OVER_TOTAL: DiscountParams,
    ErrorCode.ORDER_CARRIED_OVER_TOTAL: DiscountParams,  # the carried money, the new total
    ErrorCode.ORDER_MOVE_REFUSED: OrderMoveParams,
    ErrorCode.ORDER_OUT_OF_STOCK: StockParams,
    ErrorCode.ORDER_GONE: NoParams,
    ErrorCode.ORDER_POSTCODE_INVALID: ValueParams,
    ErrorCode.ORDER_CASH_RECEIPT_INVALID: ValueParams,
    ErrorCode.ORDER_OPTION_LOCKED: NoParams,
    ErrorCode.ORDER_OPTION_HOLDS_STOCK: NameParams,
    ErrorCode.ORDER_LINES_LOCKED: OrderStateParams,
    ErrorCode.ORDER_RETURN_REFUSED: OrderStateParams,
    ErrorCode.ORDER_RETURN_TOO_LATE: ReturnDaysParams,
    ErrorCode.ORDER_RETURN_QUANTITY: OrderLineParams,
    ErrorCode.ORDER_REFUND_TOO_MUCH: RefundParams,
    ErrorCode.ORDER_RETURN_NONE_WAITING: NoParams,
    ErrorCode.ORDER_BACK_NONE: OrderStateParams,
    ErrorCode.ORDER_BACK_MOVED: OrderStateParams,
    ErrorCode.ORDER_BACK_AFTER_RETURN: OrderStateParams,
    ErrorCode.ORDER_BACK_EXPIRED: OrderStateParams,
    ErrorCode.ORDER_BACK_TOO_LATE: BackDaysParams,
    ErrorCode.DEPOSIT_FILE_UNREADABLE: FileParams,
    ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT: FileParams,
    ErrorCode.PRICE_EMPTY: NoParams,
    ErrorCode.PRICE_NOT_A_NUMBER: CurrencyDigitsParams,
    ErrorCode.PRICE_NOT_WHOLE: CurrencyDigitsParams,
    ErrorCode.PRICE_TOO_MANY_DECIMALS: CurrencyDigitsParams,
    ErrorCode.PRICE_TOO_LARGE: NoParams,
    ErrorCode.PRICE_NO_CURRENCY: ValueParams,
    ErrorCode.PRICE_UNREADABLE: ValueParams,
    ErrorCode.CURRENCY_UNKNOWN: ValueParams,
    ErrorCode.CATALOG_FILE_NOT_UTF8: NoParams,
    ErrorCode.CATALOG_FILE_TOO_LARGE: LimitParams,
    ErrorCode.CATALOG_FILE_EMPTY: NoParams,
    ErrorCode.CATALOG_WORKBOOK_UNREADABLE: NoParams,
    ErrorCode.CATALOG_COLUMNS_MISSING: ColumnsParams,
    ErrorCode.IMAGE_NOT_SUPPORTED: NoParams,
    ErrorCode.IMAGE_TOO_LARGE: LimitParams,
    ErrorCode.CHAT_EXPORT_EMPTY: FileParams,
    ErrorCode.CHAT_EXPORT_NOT_TEXT: FileParams,
    ErrorCode.CHAT_EXPORT_NO_TEXT_FILE: FileParams,
    ErrorCode.CHAT_EXPORT_DAMAGED: FileParams,
    ErrorCode.CHAT_EXPORT_NO_CHAT_LINES: FileParams,
    ErrorCode.CHAT_IMPORT_CANCELLED: NoParams,
    ErrorCode.CHAT_EXPORT_CANCELLED: NoParams,
    ErrorCode.CHAT_CONTACT_AMBIGUOUS: NameParams,
    ErrorCode.CHAT_CONTACT_GONE: NoParams,
    ErrorCode.CHAT_NOT_A_PARTICIPANT: NameParams,
    ErrorCode.TIME_ZONE_UNKNOWN: ValueParams,
    ErrorCode.LABEL_NAME_EMPTY: NoParams,
    ErrorCode.LABEL_NAME_TOO_LONG: LimitParams,
    ErrorCode.LABEL_NAME_TAKEN: NameParams,
    ErrorCode.LABEL_COLOUR_INVALID: ValueParams,
    ErrorCode.LABEL_GONE: NoParams,
    ErrorCode.SHORTCUT_EMPTY: NoParams,
    ErrorCode.SHORTCUT_NO_SLASH: NoParams,
    ErrorCode.SHORTCUT_HAS_SPACES: NoParams,
    ErrorCode.SHORTCUT_TOO_LONG: LimitParams,
    ErrorCode.SHORTCUT_TAKEN: NameParams,
    ErrorCode.QUICK_REPLY_EMPTY: NoParams,
    ErrorCode.QUICK_REPLY_TOO_LONG: LimitParams,
    ErrorCode.QUICK_REPLY_GONE: NoParams,
    ErrorCode.QUICK_REPLY_FILE_MISSING: QuickReplyFileParams,
    ErrorCode.QUICK_REPLIES_NOT_AN_EXPORT: NoParams,
    ErrorCode.QUICK_REPLIES_TOO_NEW: VersionParams,
    ErrorCode.QUICK_REPLIES_DAMAGED: NoParams,
    ErrorCode.QUICK_REPLIES_TOO_LARGE: LimitParams,
    ErrorCode.QUICK_REPLY_ENTRY_DAMAGED: NoParams,
    ErrorCode.QUICK_REPLY_FILE_DAMAGED: FileParams,
    ErrorCode.CAMPAIGN_NAME_EMPTY: NoParams,
    ErrorCode.CAMPAIGN_NO_TEMPLATE: NoParams,
    ErrorCode.CAMPAIGN_NO_RECIPIENTS: NoParams,
    ErrorCode.CAMPAIGN_NOT_EDITABLE: NoParams,
    ErrorCode.CAMPAIGN_PARAMETER_EMPTY: ValueParams,
    ErrorCode.CAMPAIGN_RECIPIENTS_CHANGED: RecipientsChangedParams,  # the empty blanks: "{{1}}, {{2}}"
    ErrorCode.INVALID_INPUT: SentenceParams,
}


# --------------------------------------------------------------------------- the exceptions


class ShopInboxError(Exception):
    """Base of every error the UI knows how to explain: `code` and `params`, never a sentence to show.

    A positional string is English detail for the log (the OS's reason, a library's message). Raised
    directly without a code, it would reach the owner as it is, so that is refused; only the field
    errors that carry their own reason for their form (tests/test_errors_are_codes.py lists them)
    still pass a sentence on as INVALID_INPUT.
    """

    default_code = ErrorCode.INVALID_INPUT

    def __init__(
        self, sentence: str = "", *, code: ErrorCode | None = None, params: Params | None = None
    ) -> None:
        if code is None:
            code = self.default_code
            if (
                sentence
                and code is ErrorCode.INVALID_INPUT
                and type(self).__init__ is ShopInboxError.__init__
            ):
                raise TypeError(
                    f"{type(self).__name__} takes code= and params=, not a sentence: {sentence!r}"
                )
        if params is None:
            params = SentenceParams(sentence) if code is ErrorCode.INVALID_INPUT else NoParams()
        expected = PARAMS[code]
        if not isinstance(params, expected):
            raise TypeError(f"{code} takes {expected.__name__}, not {type(params).__name__}")
        self.code = code
        self.params = params
        super().__init__(sentence or self._log_text())

    def _log_text(self) -> str:
        values = asdict(self.params)
        return f"{self.code}" + (f" {values}" if values else "")

    def param_values(self) -> dict[str, Any]:
        return asdict(self.params)


class SchemaTooNew(ShopInboxError):
    """The database was written by a newer version of Shop Inbox; opening it could damage it."""

    default_code = ErrorCode.SCHEMA_TOO_NEW

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This inbox was saved by a newer version of Shop Inbox (data version {found}; "
            f"this version understands up to {supported}). Please update Shop Inbox.",
            code=ErrorCode.SCHEMA_TOO_NEW,
            params=VersionParams(found, supported),
        )
        self.found = found
        self.supported = supported


class DatabaseUnavailable(ShopInboxError):
    """The database file cannot be opened or written (missing folder, permissions, full disk)."""

    default_code = ErrorCode.DATABASE_UNAVAILABLE

    def __init__(
        self, detail: str, *, path: object, code: ErrorCode = ErrorCode.DATABASE_UNAVAILABLE
    ) -> None:
        # `detail` (English, with the OS's reason) goes to the log; the owner reads the code's sentence.
        super().__init__(detail, code=code, params=PathParams(str(path)))


class DiskFull(ShopInboxError):
    """The disk the inbox is on is full: the write was rolled back whole. A positional string is the
    database's or the OS's own words, for the log."""

    default_code = ErrorCode.DISK_FULL


class NoRoomToUpdate(DiskFull):
    """Too little free space beside an older inbox to copy it and update it: nothing was started."""

    def __init__(
        self, folder: Path, needed: int, free: int, *, code: ErrorCode = ErrorCode.UPDATE_NEEDS_ROOM
    ) -> None:
        super().__init__(
            f"{folder} has {free} bytes free; updating the inbox needs about {needed}",
            code=code,
            params=RoomParams(str(folder), needed, free),
        )


class NoRoomToSetUp(DiskFull):
    """A first start found the disk of the data folder full: nothing of the inbox was set up yet
    (a file begun is empty, its one transaction undone). `reason`: what failed, for the log."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(
            f"no room to set up an inbox in {folder}: {reason}",
            code=ErrorCode.SETUP_DISK_FULL,
            params=PathParams(str(folder)),
        )


# The demo could not open: its own sentences, its own headline (not the owner's inbox's).
DEMO_FAILURES = frozenset(
    {ErrorCode.DEMO_DISK_FULL, ErrorCode.DEMO_FOLDER_READ_ONLY, ErrorCode.DEMO_INBOX_DAMAGED}
)


class DemoDiskFull(DiskFull):
    """The demo shop could not open for want of room on the disk of `folder` (nothing of the owner's
    is there). `reason`: what failed, for the log."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(reason, code=ErrorCode.DEMO_DISK_FULL, params=PathParams(str(folder)))


class NoRoomToRestore(DiskFull):
    """Too little free space on the data folder's disk to unpack a backup: nothing was started."""

    def __init__(self, folder: Path, needed: int, free: int) -> None:
        super().__init__(
            f"{folder} has {free} bytes free; restoring the backup needs about {needed}",
            code=ErrorCode.RESTORE_NEEDS_ROOM,
            params=RoomParams(str(folder), needed, free),
        )


class UnversionedDatabaseHoldsData(DatabaseUnavailable):
    """The database has no schema version yet holds data (or tables Shop Inbox does not know): left as is.

    A first start cut short leaves version 0 and empty tables, which are rebuilt; a version-0 file
    with rows in it is someone's data, so Shop Inbox refuses to touch it rather than delete it.
    """

    default_code = ErrorCode.UNVERSIONED_DATABASE_HOLDS_DATA

    def __init__(self, path: Path, tables: list[str]) -> None:
        ShopInboxError.__init__(
            self,
            f"{path} has no schema version but holds data in {', '.join(tables)}; it was left untouched.",
            code=ErrorCode.UNVERSIONED_DATABASE_HOLDS_DATA,
            params=TablesParams(str(path), ", ".join(tables)),
        )
        self.path = path
        self.tables = tables


class RelayError(ShopInboxError):
    """Something went wrong talking to the relay."""

    default_code = ErrorCode.RELAY_REFUSED


class RelayUnreachable(RelayError):
    """The relay did not answer (offline, wrong address, server down)."""

    default_code = ErrorCode.RELAY_UNREACHABLE
    # False when the connection itself failed (refused, no route, DNS, connect timeout): the relay
    # cannot have the request. A timeout or a dropped answer after it went out leaves that open.
    request_sent = True


class Unauthorised(RelayError):
    """The relay refused the token."""

    default_code = ErrorCode.UNAUTHORISED


class RelayBusy(RelayError):
    """The relay answered but could not finish now (5xx, 409 still in flight, 429): try again later."""

    default_code = ErrorCode.RELAY_BUSY

    def __init__(self, status: int, refusal: RefusalParams) -> None:
        super().__init__(code=self.default_code, params=refusal)
        self.status = status

    @property
    def relay_code(self) -> str:
        """The relay's code for why (e.g. "graph_unreachable", "graph_busy", "in_flight", "http_502")."""
        return self.params.relay_code if isinstance(self.params, RefusalParams) else ""


class GraphUnreachable(RelayBusy):
    """The relay answered, but cannot reach WhatsApp now (503 `graph_unreachable`): try again later."""

    default_code = ErrorCode.GRAPH_UNREACHABLE


class RelayDatabaseUnusable(RelayBusy):
    """The relay answered, but cannot use its database (503 `database_unusable`) until it is mended."""

    default_code = ErrorCode.RELAY_DATABASE_UNUSABLE


class HistoryGap(RelayError):
    """The relay no longer holds the events after our cursor."""

    default_code = ErrorCode.HISTORY_GAP

    def __init__(self, oldest_seq: int, reason: str = "pruned") -> None:
        super().__init__(code=ErrorCode.HISTORY_GAP, params=GapParams(oldest_seq, reason))
        self.oldest_seq = oldest_seq
        self.reason = reason

    @property
    def relay_started_afresh(self) -> bool:
        return self.reason == "cursor_ahead"


class RevisionConflict(RelayError):
    """The automations changed on the relay (another computer) since this copy was read: 412."""

    default_code = ErrorCode.REVISION_CONFLICT


class SendRefused(RelayError):
    """The relay (or WhatsApp) refused a message for a reason a retry cannot change."""

    default_code = ErrorCode.SEND_REFUSED

    def __init__(self, code: ErrorCode = ErrorCode.SEND_REFUSED, params: Params | None = None) -> None:
        super().__init__(code=code, params=params)

    @property
    def relay_code(self) -> str:
        """The code stored with the failed message: the relay's own, else ours."""
        return self.params.relay_code if isinstance(self.params, RefusalParams) else str(self.code)


class OutsideServiceWindow(SendRefused):
    """Free-form messages are only allowed within 24 hours of the customer's last message."""

    default_code = ErrorCode.OUTSIDE_WINDOW


class NoKeyring(ShopInboxError):
    """No usable keyring on this computer; the token can be kept in the config file if the owner agrees."""

    default_code = ErrorCode.NO_KEYRING

    def __init__(self, detail: str = "") -> None:
        super().__init__(code=self.default_code)
        self.detail = detail


class KeyringRefused(NoKeyring):
    """The keyring is there but did not keep the token (locked, its unlock prompt cancelled); the
    config file is offered as with no keyring."""

    default_code = ErrorCode.KEYRING_REFUSED


class KeyringLocked(ShopInboxError):
    """The keyring would not be read (locked, its unlock prompt cancelled or not answered) and the
    config file holds no token: the token may well be kept there, so the owner is not asked for it."""

    default_code = ErrorCode.KEYRING_LOCKED

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail, code=self.default_code)


class InvalidInput(ShopInboxError):
    """Something the owner typed or picked cannot be used as it is."""


class ArchiveIsReadOnly(InvalidInput):
    """The chat is a group archive imported from a phone: nothing can be sent to it."""

    default_code = ErrorCode.ARCHIVE_READ_ONLY

    def __init__(self, name: str) -> None:
        super().__init__(code=ErrorCode.ARCHIVE_READ_ONLY, params=ChatParams(name))


class OrderError(ShopInboxError):
    """An order that cannot be saved or moved as asked; nothing of it was written."""

    def __init__(self, code: ErrorCode, params: Params | None = None) -> None:
        super().__init__(code=code, params=params)
