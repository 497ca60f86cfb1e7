"""Keeps secrets and customers out of the relay's logs: tokens, wamids and phone numbers in request lines."""

from __future__ import annotations

import hashlib
import logging
import re
from urllib.parse import unquote

_SECRET_PARAMS = re.compile(r"((?:hub\.verify_token|access_token|token|wa_id)=)[^&\s]*", re.IGNORECASE)
# Paths that carry a customer's id: /v1/messages/{wamid}/read, /v1/contacts/{wa_id}/…, /v1/bot/{wa_id}/…
# (not /v1/contacts/known or /v1/bot/report, which end there).
_CUSTOMER_PATHS = ("/v1/messages/", "/v1/contacts/", "/v1/bot/")
_PATH_ID = re.compile(r"^(/v1/(messages|contacts|bot)/)([^/?#\s]+)(?=/)")


def reference(whatsapp_id: str) -> str:
    """A short reference to a wamid for INFO lines: the first 10 hex digits of its SHA-256.

    A wamid is base64 of bytes that begin with the customer's phone number, so a log line never
    holds a whole one; the same wamid always gives the same reference, so lines can be matched."""
    return hashlib.sha256(whatsapp_id.encode()).hexdigest()[:10]


def _path_id(match: re.Match[str]) -> str:
    if match.group(2) == "messages":
        return f"{match.group(1)}[wamid_ref={reference(unquote(match.group(3)))}]"
    return f"{match.group(1)}***"  # a phone number: a hash of one is easily reversed, so nothing


def redact(text: str) -> str:
    # Most lines (a webhook's POST /webhook) have neither: spare the regexes.
    if "=" in text:
        text = _SECRET_PARAMS.sub(r"\1***", text)
    if text.startswith(_CUSTOMER_PATHS):
        text = _PATH_ID.sub(_path_id, text)
    return text


class RedactSecrets(logging.Filter):
    """uvicorn's access log prints each request's path with its query string; hide secrets and the
    customer's wamid or phone number in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            if any(isinstance(a, str) and ("=" in a or a.startswith(_CUSTOMER_PATHS)) for a in record.args):
                record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install() -> None:
    """Idempotent: add the filter to uvicorn's access logger once."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactSecrets) for f in access.filters):
        access.addFilter(RedactSecrets())
