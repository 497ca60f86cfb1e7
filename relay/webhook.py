"""Webhook intake: the signature check and turning Meta's payload into events, one per message or status."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass, field
from typing import Any

from app.wire import status_error_cause
from relay.file_names import clean_filename, clean_mime
from relay.limits import is_media_id
from relay.store import NewEvent

log = logging.getLogger(__name__)

MEDIA_TYPES = ("image", "audio", "video", "document", "sticker")
# Message types kept as events but never answered by greeting, away, bot or opt-out.
NOT_ANSWERED = ("system", "reaction", "unsupported", "edit", "revoke")


# What signature_problem says of a POST with no signature at all: Meta signs every webhook it
# delivers, so it comes from someone else (an internet scanner trying addresses).
UNSIGNED = "the X-Hub-Signature-256 header is missing"


def signature_problem(secret: str, body: bytes, header: str | None) -> str | None:
    """None when X-Hub-Signature-256 ('sha256=' + HMAC-SHA256(app secret, raw body), compared in
    constant time) is right; else what is wrong, for the log line that refuses the webhook."""
    if not secret:
        return "WHATSAPP_APP_SECRET is not set"
    if not header:
        return UNSIGNED
    if not header.startswith("sha256="):
        return "the X-Hub-Signature-256 header is not a sha256= signature"
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest().encode()
    # Bytes, not str: compare_digest refuses non-ASCII str, and a header may carry any byte.
    given = header.removeprefix("sha256=").strip().lower().encode("utf-8", "surrogatepass")
    if hmac.compare_digest(expected, given):
        return None
    return "the signature does not match the body: check WHATSAPP_APP_SECRET (the app's secret)"


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Inbound:
    """A customer's message that automations may answer."""

    wa_id: str
    phone_number_id: str | None
    profile_name: str | None
    timestamp: int | None
    message: dict[str, Any] = field(default_factory=dict)  # as it came, for the menu bot


@dataclass(frozen=True, slots=True)
class NumberChange:
    """A customer moved to a new number (a `system` message of type user_changed_number)."""

    old_wa_id: str
    new_wa_id: str
    phone_number_id: str | None
    message_id: str


@dataclass
class Intake:
    events: list[NewEvent] = field(default_factory=list)
    media: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    inbound: list[Inbound] = field(default_factory=list)
    statuses: list[dict[str, Any]] = field(default_factory=list)
    # Rule inputs that automations never answer: (wa_id, {column: ms}) from echoes and history.
    touches: list[tuple[str, dict[str, int | str]]] = field(default_factory=list)
    # The shop's messages from one business number that the relay did not send: (wa_id,
    # phone_number_id, ms) of echoes and of the phone app's history. They count in that number's chat
    # as the relay's own sends do (relay/storage/number_replies.py: the greeting's and away's "once").
    replies: list[tuple[str, str, int]] = field(default_factory=list)
    number_changes: list[NumberChange] = field(default_factory=list)
    # Account notices that store no event but steer campaigns and opt-outs.
    preferences: list[MarketingPreference] = field(default_factory=list)
    template_updates: list[TemplateUpdate] = field(default_factory=list)
    quality_updates: list[QualityUpdate] = field(default_factory=list)
    # A change's own `errors` (not a message's or status's): WhatsApp could not deliver something to
    # the relay (an unknown message, a platform fault). Logged, never stored: there is nothing to show.
    # (code, title) of each, bounded.
    value_errors: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MarketingPreference:
    """`user_preferences`: a customer stopped (or resumed) marketing messages in WhatsApp itself."""

    wa_id: str
    stop: bool
    phone_number_id: str | None


@dataclass(frozen=True, slots=True)
class TemplateUpdate:
    """`message_template_status_update`: Meta approved, paused or disabled a template."""

    name: str
    language: str | None
    event: str  # APPROVED, PAUSED, DISABLED, REJECTED…


@dataclass(frozen=True, slots=True)
class QualityUpdate:
    """`phone_number_quality_update`: the number's quality or messaging limit changed."""

    event: str  # DOWNGRADE, UPGRADE, FLAGGED, UNFLAGGED…
    current_limit: str | None


# Bounds of what we read (and store in bounded columns); Meta's own values are far inside them.
MAX_ID = 256  # wamids are ~60 characters; the dedupe key column holds 300
MAX_WA_ID = 32  # E.164 digits, or a business-scoped user id
# A business-scoped user id: a country code, ".", up to 128 letters and digits ("ENT." more for a parent
# one). Refused as too long, a customer with a username would never reach the shop (Meta gives up).
MAX_USER_ID = 160
MAX_PHONE_NUMBER_ID = 32
MAX_DISPLAY_NUMBER = 32  # "+82 2-1234-5678"; longer is not a phone number
MAX_KIND = 64
MAX_TIMESTAMP = 10**11  # seconds: year 5138; anything longer is not a time
MAX_VALUE_ERRORS = 5  # logged per change: a flood of them says no more than five
MAX_ERROR_TITLE = 200


class MalformedWebhook(ValueError):
    """A signed body that is not a WhatsApp webhook we can store and serve; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _list(container: dict[str, Any], key: str, what: str) -> list[Any]:
    value = container.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise MalformedWebhook(f"{what}_not_a_list")
    return value


def _dicts(container: dict[str, Any], key: str, what: str) -> list[dict[str, Any]]:
    items = _list(container, key, what)
    if not all(isinstance(item, dict) for item in items):
        raise MalformedWebhook(f"{what}_not_an_object")
    return items


def _text(value: Any, what: str, limit: int, *, required: bool = False) -> str | None:
    """A string field we read, bounded; numbers are taken as their digits (Meta sends strings)."""
    if value is None or value == "":
        if required:
            raise MalformedWebhook(f"{what}_missing")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise MalformedWebhook(f"{what}_not_a_string")
    text = str(value)
    if len(text) > limit:
        raise MalformedWebhook(f"{what}_too_long")
    if not text.isprintable():  # NUL and other control characters: PostgreSQL refuses NUL in keys
        raise MalformedWebhook(f"{what}_invalid")
    return text


def _timestamp(value: Any) -> int | None:
    """Seconds since the epoch, as Meta sends them (a string of digits); None when absent."""
    text = _text(value, "timestamp", 20)
    if text is None:
        return None
    if not text.isascii() or not text.isdigit() or int(text) > MAX_TIMESTAMP:
        raise MalformedWebhook("timestamp_invalid")
    return int(text)


def _timestamp_ms(message: dict[str, Any]) -> int | None:
    ts = _timestamp(message.get("timestamp"))
    return None if ts is None else ts * 1000


def _contact_for(value: dict[str, Any], sender: str | None) -> dict[str, Any] | None:
    for contact in _dicts(value, "contacts", "contact"):
        wa_id = _text(contact.get("wa_id"), "contact_wa_id", MAX_WA_ID)
        user_id = _text(contact.get("user_id"), "contact_user_id", MAX_USER_ID)
        if sender is None or wa_id == sender or user_id == sender:
            out: dict[str, Any] = {}
            if wa_id:
                out["wa_id"] = wa_id
            if user_id:
                out["user_id"] = user_id
            profile = contact.get("profile")
            if isinstance(profile, dict) and isinstance(profile.get("name"), str):
                out["profile"] = {"name": profile["name"]}
            return out or None
    return None


def _media_of(message: dict[str, Any]) -> tuple[str, str | None, str | None] | None:
    kind = message.get("type")
    obj = message.get(kind) if isinstance(kind, str) else None
    if kind not in MEDIA_TYPES or not isinstance(obj, dict) or obj.get("id") in (None, ""):
        return None
    media_id = obj["id"]
    # Graph's media ids are digits; anything else would reach a Graph URL and a file name.
    if not is_media_id(media_id):
        raise MalformedWebhook("media_id_invalid")
    mime = obj.get("mime_type")
    filename = obj.get("filename")
    # The media table's copy is cleaned (a NUL, which PostgreSQL's text refuses, is gone on SQLite
    # too); the event keeps the message as it came, name included.
    return (
        media_id,
        clean_mime(mime) if isinstance(mime, str) else None,
        clean_filename(filename) if isinstance(filename, str) else None,
    )


def _message_id(message: dict[str, Any]) -> str:
    text = _text(message.get("id"), "message_id", MAX_ID, required=True)
    assert text is not None
    return text


def parse_webhook(payload: Any) -> Intake:
    """Every message, echo and status of every entry and change, as events (no I/O here).

    The parts we read are checked (types, bounded ids, timestamps, media ids); anything else in
    the payload is kept as it came. Raises MalformedWebhook with a short reason.
    """
    if not isinstance(payload, dict):
        raise MalformedWebhook("not_an_object")
    intake = Intake()
    for entry in _dicts(payload, "entry", "entry"):
        for change in _dicts(entry, "changes", "change"):
            field_name = change.get("field")
            if field_name is not None and not isinstance(field_name, str):
                raise MalformedWebhook("field_not_a_string")
            value = change.get("value")
            if value is None:
                continue
            if not isinstance(value, dict):
                raise MalformedWebhook("value_not_an_object")
            metadata = value.get("metadata")
            if metadata is not None and not isinstance(metadata, dict):
                raise MalformedWebhook("metadata_not_an_object")
            phone_number_id = _text(
                (metadata or {}).get("phone_number_id"), "phone_number_id", MAX_PHONE_NUMBER_ID
            )
            if phone_number_id is not None and not (phone_number_id.isascii() and phone_number_id.isdigit()):
                raise MalformedWebhook("phone_number_id_invalid")
            _value_errors(intake, value)
            if field_name == "smb_message_echoes":
                _echoes(intake, value, phone_number_id)
            elif field_name in (
                "user_preferences",
                "message_template_status_update",
                "phone_number_quality_update",
            ):
                _account_notice(intake, field_name, value, phone_number_id)
            elif field_name == "history":
                _history(intake, value, phone_number_id)
            else:
                _messages(intake, value, phone_number_id)
    # No bound on the count of events: a history sync carries thousands, and one refused is
    # delivered again as it was, refused again, and the shop's past chats are lost. The body's size
    # (RELAY_MAX_WEBHOOK_BYTES) bounds them; relay/intake.py stores a large one in several commits.
    return intake


def _display_number(value: dict[str, Any]) -> str | None:
    """The business number as people dial it (`metadata.display_phone_number`), when it reads as one:
    a shop with two numbers tells its chats apart by it."""
    found = (value.get("metadata") or {}).get("display_phone_number")
    if not isinstance(found, str):
        return None
    found = found.strip()
    digits = sum(ch.isdigit() for ch in found)
    if not found or len(found) > MAX_DISPLAY_NUMBER or not 5 <= digits <= 15:
        return None
    return found if all(ch.isdigit() or ch in "+-() " for ch in found) else None


def _value_errors(intake: Intake, value: dict[str, Any]) -> None:
    errors = value.get("errors")
    if not isinstance(errors, list):
        return
    for error in errors[:MAX_VALUE_ERRORS]:
        if isinstance(error, dict):
            code = str(error.get("code") or "?")[:MAX_KIND]
            title = " ".join(str(error.get("title") or error.get("message") or "").split())[:MAX_ERROR_TITLE]
            intake.value_errors.append((code, title))


def _messages(intake: Intake, value: dict[str, Any], phone_number_id: str | None) -> None:
    display_number = _display_number(value)
    for message in _dicts(value, "messages", "message"):
        message_id = _message_id(message)
        sender = _text(message.get("from"), "from", MAX_WA_ID)
        kind = _text(message.get("type"), "type", MAX_KIND)
        timestamp = _timestamp(message.get("timestamp"))
        contact = _contact_for(value, sender)
        body: dict[str, Any] = {"message": message}
        if contact:
            body["contact"] = contact
        elif sender:
            body["contact"] = {"wa_id": sender}
        if display_number:
            body["display_phone_number"] = display_number
        intake.events.append(NewEvent("message", body, phone_number_id, f"m:{message_id}"))
        media = _media_of(message)
        if media:
            intake.media.append(media)
        change = _number_change(message, phone_number_id)
        if change is not None:
            intake.number_changes.append(change)
        # System notices (e.g. a changed number), reactions, and a customer's edit or deletion
        # of an earlier message (Meta's "edit" and "revoke") are not new messages to answer.
        if sender and kind not in NOT_ANSWERED:
            name = (contact or {}).get("profile", {}).get("name")
            intake.inbound.append(Inbound(sender, phone_number_id, name, timestamp, message))
    for status in _dicts(value, "statuses", "status"):
        status_id = _text(status.get("id"), "status_id", MAX_ID, required=True)
        state = _text(status.get("status"), "status_state", MAX_KIND)
        _text(status.get("recipient_id"), "recipient_id", MAX_WA_ID)
        _timestamp(status.get("timestamp"))
        key = f"s:{status_id}:{state}"
        event: dict[str, Any] = {"status": status}
        cause = status_error_cause(status) if state == "failed" else None
        if cause is not None:
            event["graph_cause"] = cause.value
        intake.events.append(NewEvent("status", event, phone_number_id, key))
        intake.statuses.append(status)


def _number_change(message: dict[str, Any], phone_number_id: str | None) -> NumberChange | None:
    system = message.get("system")
    if message.get("type") != "system" or not isinstance(system, dict):
        return None
    if system.get("type") not in ("user_changed_number", "customer_changed_number"):
        return None
    new = _text(system.get("new_wa_id") or system.get("wa_id"), "new_wa_id", MAX_WA_ID)
    old = _text(message.get("from"), "from", MAX_WA_ID)
    if not new or not old or new == old:
        return None
    return NumberChange(old, new, phone_number_id, _message_id(message))


def _echoes(intake: Intake, value: dict[str, Any], phone_number_id: str | None) -> None:
    """Messages the owner sent from the phone app: `outbound` events with sent_by phone_app."""
    echoes = _dicts(value, "message_echoes", "echo") or _dicts(value, "messages", "echo")
    for echo in echoes:
        echo_id = _message_id(echo)
        to = _text(echo.get("to"), "to", MAX_WA_ID)
        body = {"client_id": None, "wamid": echo_id, "to": to or "", "sent_by": "phone_app", "body": echo}
        intake.events.append(NewEvent("outbound", body, phone_number_id, f"m:{echo_id}"))
        media = _media_of(echo)
        if media:
            intake.media.append(media)
        # The owner answered from the phone: that counts for the away rule's grace and the
        # greeting's silence, but an echo never opens the 24-hour window.
        sent_ms = _timestamp_ms(echo)
        if to and sent_ms is not None:
            intake.touches.append((to, {"last_outbound_ms": sent_ms, "last_owner_reply_ms": sent_ms}))
            if phone_number_id:
                intake.replies.append((to, phone_number_id, sent_ms))


def _history(intake: Intake, value: dict[str, Any], phone_number_id: str | None) -> None:
    """Backfilled history from the phone app: stored as events, never answered by automations."""
    display_number = _display_number(value)
    for chunk in _dicts(value, "history", "history"):
        for thread in _dicts(chunk, "threads", "thread"):
            customer = _text(thread.get("id"), "thread_id", MAX_WA_ID) or ""
            for message in _dicts(thread, "messages", "message"):
                message_id = _message_id(message)
                sender = _text(message.get("from"), "from", MAX_WA_ID)
                body: dict[str, Any] = {
                    "message": {**message, "history": True},
                    "contact": {"wa_id": customer},
                }
                if display_number:
                    body["display_phone_number"] = display_number
                intake.events.append(NewEvent("message", body, phone_number_id, f"m:{message_id}"))
                # A customer with past chats is a regular: the greeting's silence counts from them.
                sent_ms = _timestamp_ms(message)
                if customer and sent_ms is not None:
                    intake.touches.append(
                        (customer, _history_touch(sender == customer, sent_ms, phone_number_id))
                    )
                    if sender != customer and phone_number_id:  # the shop's, from this number's phone
                        intake.replies.append((customer, phone_number_id, sent_ms))


def _history_touch(hers: bool, sent_ms: int, phone_number_id: str | None) -> dict[str, int | str]:
    """What a past message moves of the customer's rule inputs. Hers counts for the business number
    it was received on (WhatsApp's window is per number; a shop's second phone backfills its own
    chats); the shop's own moves no number (a reply goes from where she wrote, not where we did)."""
    if not hers:
        return {"last_outbound_ms": sent_ms}
    if phone_number_id is None:
        return {"last_inbound_ms": sent_ms}
    return {"last_inbound_ms": sent_ms, "phone_number_id": phone_number_id}


def _account_notice(
    intake: Intake, field_name: str, value: dict[str, Any], phone_number_id: str | None
) -> None:
    if field_name == "user_preferences":
        for preference in _dicts(value, "user_preferences", "preference"):
            wa_id = _text(preference.get("wa_id"), "preference_wa_id", MAX_WA_ID)
            choice = _text(preference.get("value"), "preference_value", MAX_KIND)
            category = preference.get("category")
            if wa_id and choice in ("stop", "resume") and category in (None, "marketing_messages"):
                intake.preferences.append(MarketingPreference(wa_id, choice == "stop", phone_number_id))
    elif field_name == "message_template_status_update":
        name = _text(value.get("message_template_name"), "template_name", 512)
        event = _text(value.get("event"), "template_event", MAX_KIND)
        language = _text(value.get("message_template_language"), "template_language", MAX_KIND)
        if name and event:
            intake.template_updates.append(TemplateUpdate(name, language, event.upper()))
    else:
        event = _text(value.get("event"), "quality_event", MAX_KIND)
        limit = _text(value.get("current_limit"), "current_limit", MAX_KIND)
        if event:
            intake.quality_updates.append(QualityUpdate(event.upper(), limit))
