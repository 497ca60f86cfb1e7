"""Webhook intake: the signature check and turning Meta's payload into events, one per message or status."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass, field
from typing import Any

from relay.store import NewEvent

log = logging.getLogger(__name__)

MEDIA_TYPES = ("image", "audio", "video", "document", "sticker")


def signature_ok(secret: str, body: bytes, header: str | None) -> bool:
    """X-Hub-Signature-256 is 'sha256=' + HMAC-SHA256(app secret, raw body), compared in constant time."""
    if not header or not header.startswith("sha256=") or not secret:
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256=").strip().lower())


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Inbound:
    """A customer's message that automations may answer."""

    wa_id: str
    phone_number_id: str | None
    profile_name: str | None
    timestamp: int | None


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
    touches: list[tuple[str, dict[str, int]]] = field(default_factory=list)
    number_changes: list[NumberChange] = field(default_factory=list)


def _timestamp_ms(message: dict[str, Any]) -> int | None:
    ts = str(message.get("timestamp") or "")
    return int(ts) * 1000 if ts.isdigit() else None


class MalformedWebhook(ValueError):
    """JSON that is not a WhatsApp webhook at all."""


def _contact_for(value: dict[str, Any], sender: str | None) -> dict[str, Any] | None:
    contacts = value.get("contacts") or []
    for contact in contacts:
        if not isinstance(contact, dict):
            continue
        if sender is None or contact.get("wa_id") == sender or contact.get("user_id") == sender:
            out: dict[str, Any] = {}
            for key in ("wa_id", "user_id"):
                if contact.get(key):
                    out[key] = str(contact[key])
            profile = contact.get("profile")
            if isinstance(profile, dict) and profile.get("name") is not None:
                out["profile"] = {"name": str(profile["name"])}
            return out or None
    return None


def _media_of(message: dict[str, Any]) -> tuple[str, str | None, str | None] | None:
    kind = message.get("type")
    if kind in MEDIA_TYPES and isinstance(message.get(kind), dict) and message[kind].get("id"):
        obj = message[kind]
        return str(obj["id"]), obj.get("mime_type"), obj.get("filename")
    return None


def parse_webhook(payload: Any) -> Intake:
    """Every message, echo and status of every entry and change, as events (no I/O here)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("entry", []), list):
        raise MalformedWebhook("not a WhatsApp webhook")
    intake = Intake()
    for entry in payload.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        for change in entry.get("changes") or []:
            if not isinstance(change, dict):
                continue
            field_name = change.get("field")
            value = change.get("value")
            if not isinstance(value, dict):
                continue
            phone_number_id = (value.get("metadata") or {}).get("phone_number_id")
            if field_name == "smb_message_echoes":
                _echoes(intake, value, phone_number_id)
                continue
            if field_name == "history":
                _history(intake, value, phone_number_id)
                continue
            for message in value.get("messages") or []:
                if not isinstance(message, dict) or not message.get("id"):
                    continue
                sender = message.get("from")
                contact = _contact_for(value, sender)
                body: dict[str, Any] = {"message": message}
                if contact:
                    body["contact"] = contact
                elif sender:
                    body["contact"] = {"wa_id": str(sender)}
                intake.events.append(NewEvent("message", body, phone_number_id, f"m:{message['id']}"))
                media = _media_of(message)
                if media:
                    intake.media.append(media)
                change = _number_change(message, phone_number_id)
                if change is not None:
                    intake.number_changes.append(change)
                # System notices (e.g. a changed number) and reactions do not start a conversation.
                if sender and message.get("type") not in ("system", "reaction", "unsupported"):
                    name = (contact or {}).get("profile", {}).get("name")
                    ts = str(message.get("timestamp") or "")
                    intake.inbound.append(
                        Inbound(str(sender), phone_number_id, name, int(ts) if ts.isdigit() else None)
                    )
            for status in value.get("statuses") or []:
                if not isinstance(status, dict) or not status.get("id"):
                    continue
                key = f"s:{status['id']}:{status.get('status')}"
                intake.events.append(NewEvent("status", {"status": status}, phone_number_id, key))
                intake.statuses.append(status)
    return intake


def _number_change(message: dict[str, Any], phone_number_id: str | None) -> NumberChange | None:
    system = message.get("system")
    if message.get("type") != "system" or not isinstance(system, dict):
        return None
    if system.get("type") not in ("user_changed_number", "customer_changed_number"):
        return None
    new = str(system.get("new_wa_id") or system.get("wa_id") or "")
    old = str(message.get("from") or "")
    if not new or not old or new == old:
        return None
    return NumberChange(old, new, phone_number_id, str(message["id"]))


def _echoes(intake: Intake, value: dict[str, Any], phone_number_id: str | None) -> None:
    """Messages the owner sent from the phone app: `outbound` events with sent_by phone_app."""
    for echo in value.get("message_echoes") or value.get("messages") or []:
        if not isinstance(echo, dict) or not echo.get("id"):
            continue
        body = {
            "client_id": None,
            "wamid": str(echo["id"]),
            "to": str(echo.get("to") or ""),
            "sent_by": "phone_app",
            "body": echo,
        }
        intake.events.append(NewEvent("outbound", body, phone_number_id, f"m:{echo['id']}"))
        media = _media_of(echo)
        if media:
            intake.media.append(media)
        # The owner answered from the phone: that counts for the away rule's grace and the
        # greeting's silence, but an echo never opens the 24-hour window.
        sent_ms = _timestamp_ms(echo)
        if echo.get("to") and sent_ms is not None:
            intake.touches.append(
                (str(echo["to"]), {"last_outbound_ms": sent_ms, "last_owner_reply_ms": sent_ms})
            )


def _history(intake: Intake, value: dict[str, Any], phone_number_id: str | None) -> None:
    """Backfilled history from the phone app: stored as events, never answered by automations."""
    for chunk in value.get("history") or []:
        for thread in (chunk or {}).get("threads") or []:
            for message in (thread or {}).get("messages") or []:
                if not isinstance(message, dict) or not message.get("id"):
                    continue
                customer = str(thread.get("id", ""))
                body = {"message": {**message, "history": True}, "contact": {"wa_id": customer}}
                intake.events.append(NewEvent("message", body, phone_number_id, f"m:{message['id']}"))
                # A customer with past chats is a regular: the greeting's silence counts from them.
                sent_ms = _timestamp_ms(message)
                if customer and sent_ms is not None:
                    column = "last_inbound_ms" if message.get("from") == customer else "last_outbound_ms"
                    intake.touches.append((customer, {column: sent_ms}))
