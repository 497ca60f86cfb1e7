"""Keeps secrets out of the relay's logs: the webhook verify token that Meta sends in a query string."""

from __future__ import annotations

import logging
import re

_SECRET_PARAMS = re.compile(r"((?:hub\.verify_token|access_token|token)=)[^&\s]*", re.IGNORECASE)


def redact(text: str) -> str:
    if "=" not in text:  # most lines, e.g. every request's path without a query: spare the regex
        return text
    return _SECRET_PARAMS.sub(r"\1***", text)


class RedactSecrets(logging.Filter):
    """uvicorn's access log prints each request's path with its query string; hide secrets in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            if any(isinstance(a, str) and "=" in a for a in record.args):
                record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install() -> None:
    """Idempotent: add the filter to uvicorn's access logger once."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactSecrets) for f in access.filters):
        access.addFilter(RedactSecrets())
