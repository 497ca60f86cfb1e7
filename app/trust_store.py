"""The SSL context of every HTTPS connection the desktop makes: the computer's own trust store."""

from __future__ import annotations

import logging
import os
import ssl
from pathlib import Path

import certifi

log = logging.getLogger(__name__)


def https_context(public_authorities: Path | None = None) -> ssl.SSLContext:
    """A client context that trusts what this computer trusts (the Windows certificate store, the
    macOS Keychain, the Linux system store: a shop's private or company authority installed there
    included) and certifi's list of public authorities (`public_authorities` names another file).

    truststore has the operating system check each certificate, as browsers and pip do. certifi's list
    stays beside it, so nothing trusted before is refused now: a Linux with no readable system store
    (a minimal install, a frozen OpenSSL that looks elsewhere) still reaches a relay with a public
    certificate. SSL_CERT_FILE and SSL_CERT_DIR are honoured on every system, as httpx did (on Linux
    OpenSSL reads them as its system store too).

    Building it reads certifi's bundle (≈ 25 ms): make one per client, off the GUI thread."""
    try:
        import truststore
    except ImportError as exc:
        # truststore's own word for a system whose store it cannot use (a macOS whose Security
        # framework does not load, a Python without the certificate-chain API): Python's own
        # defaults then (OpenSSL's paths; on Windows the certificate store's roots).
        log.warning("this computer's certificate store cannot be asked (%s): using OpenSSL's", exc)
        context = ssl.create_default_context()
    else:
        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile=public_authorities or certifi.where())
    for variable, place in (("SSL_CERT_FILE", "cafile"), ("SSL_CERT_DIR", "capath")):
        if chosen := os.environ.get(variable):
            try:
                context.load_verify_locations(**{place: chosen})
            except (OSError, ssl.SSLError) as exc:
                # A stale variable must not cut the shop off from its relay: the store still stands.
                log.warning("%s=%s cannot be read, left out: %s", variable, chosen, exc)
    return context
