"""Relay wire events (DESIGN.md, "Wire events") built as the relay serves them, for sync tests and benches."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

PHONE_NUMBER_ID = "106540352242922"
T0 = 1_795_000_000  # a WhatsApp timestamp (seconds)
_seq = itertools.count(1)
_ids = itertools.count(1)


def next_wamid() -> str:
    return f"wamid.EV{next(_ids):010d}"


def _base(kind: str, seq: int | None) -> dict[str, Any]:
    return {
        "seq": seq if seq is not None else next(_seq),
        "kind": kind,
        "at": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "phone_number_id": PHONE_NUMBER_ID,
    }


def message_event(
    kind: str = "text",
    content: Any = "안녕하세요",
    *,
    wa_id: str = "821012345678",
    name: str | None = "김민수",
    wamid: str | None = None,
    timestamp: int = T0,
    context: str | None = None,
    seq: int | None = None,
    history: bool = False,
    sender: str | None = None,
) -> dict[str, Any]:
    message: dict[str, Any] = {
        "from": sender or wa_id,
        "id": wamid or next_wamid(),
        "timestamp": str(timestamp),
        "type": kind,
    }
    if kind == "text":
        message["text"] = {"body": content}
    elif content is not None:
        message[kind] = content
    if context:
        message["context"] = {"from": PHONE_NUMBER_ID, "id": context}
    if history:
        message["history"] = True
    contact: dict[str, Any] = {"wa_id": wa_id}
    if name is not None:
        contact["profile"] = {"name": name}
    return {**_base("message", seq), "message": message, "contact": contact}


def status_event(
    wamid: str,
    state: str,
    *,
    recipient: str = "821012345678",
    callback: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    seq: int | None = None,
) -> dict[str, Any]:
    status: dict[str, Any] = {
        "id": wamid,
        "status": state,
        "timestamp": str(T0 + 5),
        "recipient_id": recipient,
    }
    if callback:
        status["biz_opaque_callback_data"] = callback
    if errors:
        status["errors"] = errors
    return {**_base("status", seq), "status": status}


def outbound_event(
    text: str,
    *,
    to: str = "821012345678",
    client_id: str | None = None,
    wamid: str | None = None,
    sent_by: str = "away",
    seq: int | None = None,
    timestamp: int | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"messaging_product": "whatsapp", "to": to, "type": "text", "text": {"body": text}}
    if timestamp is not None:  # WhatsApp's time of the send (a phone app's echo carries one)
        body["timestamp"] = str(timestamp)
    return {
        **_base("outbound", seq),
        "client_id": client_id,
        "wamid": wamid,
        "to": to,
        "sent_by": sent_by,
        "body": body,
    }


def settings_event(revision: int, greeting_text: str, *, seq: int | None = None) -> dict[str, Any]:
    return {
        **_base("settings", seq),
        "automations": {"revision": revision, "greeting": {"enabled": True, "text": greeting_text}},
    }
