"""What the relay needs from WhatsApp: the Graph API in production, the sandbox in the demo."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from app.wire import GraphCause, graph_cause

Ingest = Callable[[dict[str, Any]], Awaitable[None]]

# The largest file WhatsApp carries is a 100 MiB document; a download past this is cut off.
MAX_MEDIA_BYTES = 110 * 1024 * 1024

# Graph error codes that mean "not processed, try again later" (DESIGN.md, "Sending to Graph").
THROTTLING_CODES = frozenset({4, 80007, 130429, 131056})
TEMPORARY_CODES = frozenset({1, 2, 131000})

# Graph's refusal of a free-form message outside the 24-hour customer-service window (HTTP 400,
# "Re-engagement message"): the relay's own refusal says the same, under the same relay code.
OUTSIDE_WINDOW_CODE = 131047
OUTSIDE_WINDOW_SENTENCE = (
    "More than 24 hours have passed since the customer last wrote. Only an approved template can be sent now."
)

# Graph's refusal of the access token itself (expired or revoked): every call fails until it is renewed.
TOKEN_REFUSED_CODE = 190

# Codes a retry cannot change, in words a shop owner understands.
PLAIN_SENTENCES = {
    OUTSIDE_WINDOW_CODE: OUTSIDE_WINDOW_SENTENCE,
    131026: "This message could not be delivered: the number may not be on WhatsApp or has blocked the shop.",
    131049: "WhatsApp did not deliver this marketing message to keep the customer's experience healthy. "
    "Try again later.",
    131051: "This kind of message is not supported.",
    131052: "The customer's media could not be downloaded.",
    131053: "The file could not be uploaded: check its type and size.",
    132000: "The template's parameters do not match the template.",
    132001: "This template does not exist in this language, or is not approved yet.",
    TOKEN_REFUSED_CODE: (
        "WhatsApp refused the relay's access token. Renew WHATSAPP_ACCESS_TOKEN on the relay."
    ),
    100: "WhatsApp refused {subject} as invalid.",
    368: "The WhatsApp account is temporarily blocked for policy violations.",
    131031: "The WhatsApp business account is locked.",
}


# 131053's sentence for each cause its `error_data.details` names (GraphCause).
MEDIA_CAUSE_SENTENCES = {
    GraphCause.MEDIA_FETCH_FAILED: "WhatsApp could not fetch the file in time. Send it again.",
    GraphCause.MEDIA_TOO_LARGE: "The file is larger than WhatsApp takes. Send a smaller file.",
    GraphCause.MEDIA_TYPE_NOT_TAKEN: "WhatsApp does not take this kind of file. Send it in another format.",
}


# Graph's `message_status` for a template send that Meta holds while it paces a new (or unpaused)
# template: not failed; a `sent` status follows when Meta releases it, a `failed` one (132015) if dropped.
HELD_FOR_QUALITY = "held_for_quality_assessment"


@dataclass(frozen=True, slots=True)
class Accepted:
    """Graph took the message: its wamid, and whether Meta holds it back while pacing the template."""

    wamid: str
    held: bool = False


class GraphError(Exception):
    """Graph answered with an error (or did not answer)."""

    def __init__(
        self,
        http_status: int,
        code: int | None,
        message: str,
        retryable: bool,
        *,
        unknown: bool = False,
        unreachable: str | None = None,
        details: str | None = None,
    ) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.code = code
        self.message = message
        self.retryable = retryable
        # The request went out and no answer came back: it may have been sent.
        self.unknown = unknown
        # Graph was never reached (the transport's error, e.g. "ConnectError"): no answer of
        # Graph's, so neither a refusal nor "busy", whatever the status above stands in for.
        self.unreachable = unreachable
        # Graph's `error_data.details` (English, for the log and `cause`; never shown as it is).
        self.details = details

    @classmethod
    def from_response(cls, http_status: int, body: Any) -> GraphError:
        error = body.get("error", {}) if isinstance(body, dict) else {}
        code = error.get("code")
        code = int(code) if isinstance(code, int | str) and str(code).isdigit() else None
        message = str(error.get("message") or f"Graph answered HTTP {http_status}")
        retryable = (
            http_status == 429 or code in THROTTLING_CODES or (http_status >= 500 and code in TEMPORARY_CODES)
        )
        # A 5xx that is not Graph's own error (a proxy's 502, an empty 500) does not say the message
        # was not processed: it may have gone out, so it is "unknown", never resent blindly.
        unknown = http_status >= 500 and code is None
        data = error.get("error_data")
        details = data.get("details") if isinstance(data, dict) else None
        details = str(details)[:2000] if details else None
        return cls(http_status, code, message, retryable, unknown=unknown, details=details)

    @property
    def cause(self) -> GraphCause | None:
        """Which of its code's causes Graph meant (131053: fetch, size or type), from its details."""
        return graph_cause(self.code, self.details)

    @property
    def transient(self) -> bool:
        """Worth asking again for anything but a send: a read, a download or an upload is harmless twice."""
        return self.retryable or self.unknown

    def sentence(self, subject: str = "the request") -> str:
        """Graph's error in a plain sentence; `subject` names what was asked ("the message")."""
        if self.unreachable:
            return f"WhatsApp's servers could not be reached ({self.unreachable})."
        cause = self.cause
        if cause is not None:
            return MEDIA_CAUSE_SENTENCES[cause]
        if self.code in PLAIN_SENTENCES:
            return PLAIN_SENTENCES[self.code].replace("{subject}", subject)
        return f"WhatsApp refused {subject}: {self.message}"


class Upstream(Protocol):
    name: str  # "cloud" | "sandbox"

    async def start(self, ingest: Ingest) -> None: ...

    async def stop(self) -> None: ...

    async def send_message(self, phone_number_id: str, body: dict[str, Any]) -> Accepted: ...

    async def mark_read(self, phone_number_id: str, wamid: str) -> None: ...

    async def upload_media(
        self, phone_number_id: str, path: Path, mime_type: str, filename: str | None
    ) -> str:
        """Upload the file at `path` (streamed, never read whole); returns Graph's media id."""
        ...

    async def delete_media(self, phone_number_id: str, media_id: str) -> None:
        """Remove an upload of ours from Graph (one no row of the relay's names)."""
        ...

    async def fetch_media(self, media_id: str, dest: Path) -> str:
        """Download a received file into `dest` (streamed, at most MAX_MEDIA_BYTES); returns its mime."""
        ...

    async def list_templates(self) -> list[dict[str, Any]]: ...

    async def block_users(self, phone_number_id: str, wa_ids: list[str], *, block: bool) -> bool:
        """Add to (or remove from) WhatsApp's block list; False where this upstream has none."""
        ...
