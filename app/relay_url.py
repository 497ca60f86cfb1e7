"""The relay's address as the owner types it: normalised, and refused when the token would travel in clear."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

# "https//relay…", "https:/relay…", "https:relay…": the scheme typed with its colon or a slash missing
# (or one too many), which would otherwise get a second https:// in front and be asked for a host
# called "https".
MISTYPED_SCHEME = re.compile(r"^(https?)(?::/{0,1}|/{1,2}|:/{3,})(?=[^/])", re.IGNORECASE)
# Letters (any script, for an internationalised name), digits, hyphens and underscores, in labels
# separated by single dots: no space, comma or empty label ("relay..myshop.com").
HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.?")


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
    url = MISTYPED_SCHEME.sub(lambda found: found.group(1) + "://", url, count=1)
    if url and "://" not in url:
        local = is_local_host(urlsplit("//" + url).hostname or "")
        url = ("http://" if local else "https://") + url
    # The slashes after the host only: "http://" alone stays a scheme with no host (as "http:" it
    # was taken, normalised again, for a host called "http").
    scheme, separator, rest = url.partition("://")
    return scheme + separator + rest.rstrip("/")


def is_web_address(url: str) -> bool:
    """An http(s) address with a host that could exist and a port that is a number: "https://my shop
    relay" or "relay.myshop,com" is a typo to point out, not a server to wait for."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        return False
    try:
        port = parts.port  # raises on "…:abc" or a port above 65535
    except ValueError:
        return False
    return port != 0 and (is_ip_address(host) or HOST_NAME.fullmatch(host) is not None)


def is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def is_insecure_remote(url: str) -> bool:
    """Plain http to a host that is not this computer: the bearer token would cross the network in clear."""
    parts = urlsplit(url)
    return parts.scheme == "http" and not is_local_host(parts.hostname or "")


def plain_http_address(url: str) -> str:
    """The same address with http:// in place of https:// (what a plain-http relay answers at)."""
    parts = urlsplit(url)
    return parts._replace(scheme="http").geturl() if parts.scheme == "https" else url


def address_without_path(url: str) -> str | None:
    """The address with the path after its host taken off ("https://relay.myshop.com/webhook" →
    "https://relay.myshop.com"), or None when it has none: the webhook's or a page's address pasted
    for the relay's own."""
    parts = urlsplit(url)
    if not parts.path.strip("/") and not parts.query and not parts.fragment:
        return None
    return parts._replace(path="", query="", fragment="").geturl()
