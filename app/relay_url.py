"""The relay's address as the owner types it: normalised, and refused when the token would travel in clear."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_local_host(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_relay_url(url: str) -> str:
    """Trim spaces and a trailing slash; add https:// when the owner pasted a bare host (http:// for
    this computer, where a relay tried out serves plain http and the token never leaves the machine)."""
    url = url.strip()
    if url and "://" not in url:
        local = is_local_host(urlsplit("//" + url).hostname or "")
        url = ("http://" if local else "https://") + url
    return url.rstrip("/")


def is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def is_insecure_remote(url: str) -> bool:
    """Plain http to a host that is not this computer: the bearer token would cross the network in clear."""
    parts = urlsplit(url)
    return parts.scheme == "http" and not is_local_host(parts.hostname or "")


def plain_http_address(url: str) -> str:
    """The same address with http:// in place of https:// (what a plain-http relay answers at)."""
    parts = urlsplit(url)
    return parts._replace(scheme="http").geturl() if parts.scheme == "https" else url
