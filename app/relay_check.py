"""The first-run connection check: can we reach this relay, is it a relay, does it take our token?"""

from __future__ import annotations

import enum
import ipaddress
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

log = logging.getLogger(__name__)


class CheckOutcome(enum.StrEnum):
    OK = "ok"
    INVALID_URL = "invalid_url"
    INSECURE_REMOTE = "insecure_remote"  # plain http to a non-local address: the token would travel in clear
    UNREACHABLE = "unreachable"
    NOT_A_RELAY = "not_a_relay"
    WRONG_TOKEN = "wrong_token"
    SERVER_ERROR = "server_error"


@dataclass(frozen=True, slots=True)
class CheckResult:
    outcome: CheckOutcome
    detail: str = ""  # technical detail for the log / a "details" expander, never the token
    relay_version: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is CheckOutcome.OK


def is_local_host(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_relay_url(url: str) -> str:
    """Trim spaces and a trailing slash; add https:// when the owner pasted a bare host."""
    url = url.strip()
    if url and "://" not in url:
        url = "https://" + url
    return url.rstrip("/")


def check_url(url: str) -> CheckResult | None:
    """A problem with the URL itself, or None when it is worth trying."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return CheckResult(CheckOutcome.INVALID_URL, f"not an http(s) URL: {url!r}")
    if parts.scheme == "http" and not is_local_host(parts.hostname):
        return CheckResult(CheckOutcome.INSECURE_REMOTE, parts.hostname)
    return None


def check_relay(url: str, token: str, *, timeout: float = 8.0, allow_insecure: bool = False) -> CheckResult:
    """Reach /healthz, then an endpoint that needs the token. Blocking: call it off the GUI thread."""
    url = normalise_relay_url(url)
    problem = check_url(url)
    if problem is not None and not (allow_insecure and problem.outcome is CheckOutcome.INSECURE_REMOTE):
        return problem
    try:
        with httpx.Client(base_url=url, timeout=timeout) as client:
            health = client.get("/healthz")
            if health.status_code != 200:
                return CheckResult(CheckOutcome.NOT_A_RELAY, f"/healthz answered {health.status_code}")
            try:
                body = health.json()
            except ValueError:
                return CheckResult(CheckOutcome.NOT_A_RELAY, "/healthz did not answer JSON")
            if not isinstance(body, dict) or body.get("status") != "ok":
                return CheckResult(CheckOutcome.NOT_A_RELAY, "/healthz is not a Shop Inbox relay")
            authorised = client.get(
                "/v1/events",
                params={"after": 0, "wait": 0, "limit": 1},
                headers={"Authorization": f"Bearer {token.strip()}"},
            )
    except httpx.InvalidURL as exc:
        return CheckResult(CheckOutcome.INVALID_URL, str(exc))
    except httpx.HTTPError as exc:
        log.info("relay check failed: %s", type(exc).__name__)
        return CheckResult(CheckOutcome.UNREACHABLE, f"{type(exc).__name__}: {exc}")
    if authorised.status_code in (401, 403):
        return CheckResult(CheckOutcome.WRONG_TOKEN, f"HTTP {authorised.status_code}")
    if authorised.status_code >= 500:
        return CheckResult(CheckOutcome.SERVER_ERROR, f"HTTP {authorised.status_code}")
    if authorised.status_code not in (200, 410):
        return CheckResult(CheckOutcome.NOT_A_RELAY, f"/v1/events answered {authorised.status_code}")
    return CheckResult(CheckOutcome.OK, relay_version=str(body.get("version") or ""))
