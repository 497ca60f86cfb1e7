"""The relay's HTTPS certificate expired (its renewal failed) or is for another name: the banner says
so and what to do, instead of "Cannot reach your relay"; once renewed, Retry connects at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.connection import Connection
from app.errors import ErrorCode, RelayUnreachable
from app.relay_client import RelayClient
from tests.support.bad_network import bad_network
from tests.support.certificates import make_ca, server_context
from tests.support.relay_server import RunningRelay


@pytest.fixture
def ca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A certificate authority this computer trusts (as it trusts Let's Encrypt)."""
    authority = make_ca(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(authority.cert_file))
    return authority


def sync_through(window: Any, url: str, token: str) -> Any:
    """The window's sync, started against the relay at `url` (its HTTPS front)."""
    window.ctx.prefs["relay_url"] = url
    window.ctx.relay_token = token
    window.start_sync()
    return window.ctx.sync


@pytest.mark.parametrize(
    ("certificate", "code"),
    [
        ({"expired": True}, ErrorCode.RELAY_CERTIFICATE_EXPIRED),
        ({"host": "relay.example.com"}, ErrorCode.RELAY_CERTIFICATE_INVALID),
    ],
)
def test_a_refused_certificate_is_its_own_error_and_nothing_reaches_the_relay(
    relay: RunningRelay, ca: Any, tmp_path: Path, certificate: dict[str, Any], code: ErrorCode
) -> None:
    assert relay.port is not None
    tls = server_context(ca, tmp_path, **certificate)
    with bad_network(relay.port, tls=tls) as front, RelayClient(front.url, relay.token) as client:
        with pytest.raises(RelayUnreachable) as caught:
            client.events(0, wait=0)
        assert caught.value.code is code
        assert not caught.value.request_sent
    good = server_context(ca, tmp_path)
    with bad_network(relay.port, tls=good) as front, RelayClient(front.url, relay.token) as client:
        assert client.events(0, wait=0).next >= 0


def test_an_expired_certificate_is_explained_in_the_banner_and_retry_connects_once_renewed(
    window: Any, qtbot: Any, relay: RunningRelay, ca: Any, tmp_path: Path
) -> None:
    assert relay.port is not None
    with bad_network(relay.port, tls=server_context(ca, tmp_path, expired=True)) as front:
        sync = sync_through(window, front.url, relay.token)
        banner = window.banner
        qtbot.waitUntil(lambda: sync.state.cause is ErrorCode.RELAY_CERTIFICATE_EXPIRED, timeout=10_000)
        assert banner.isVisible()
        assert "security certificate has expired" in banner.text.text()
        assert "date" in banner.text.text() and banner.retry.isVisible()

        front.tls = server_context(ca, tmp_path)  # renewed on the relay's server
        banner.retry.click()
        qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10_000)
        sync.stop()


def test_a_certificate_for_another_name_suggests_the_hotspots_sign_in_before_the_address(
    window: Any, qtbot: Any, relay: RunningRelay, ca: Any, tmp_path: Path
) -> None:
    """A hotspot intercepting https:// answers with its own certificate, for its own name."""
    assert relay.port is not None
    with bad_network(relay.port, tls=server_context(ca, tmp_path, host="login.hotspot.example")) as front:
        sync = sync_through(window, front.url, relay.token)
        qtbot.waitUntil(lambda: sync.state.cause is ErrorCode.RELAY_CERTIFICATE_INVALID, timeout=10_000)
        said = window.banner.text.text()
        assert window.banner.isVisible() and "not valid" in said
        assert said.index("sign in") < said.index("relay address in Settings")
        sync.stop()


def test_a_company_authority_not_installed_here_is_said_in_korean_with_what_to_do(
    window: Any, qtbot: Any, relay: RunningRelay, ca: Any, tmp_path: Path, korean: None
) -> None:
    """The relay's certificate is from the shop's company authority, which this computer does not
    trust (yet): she reads why, and whom to ask to install it, not "check the address"."""
    assert relay.port is not None
    (tmp_path / "company").mkdir()
    company = make_ca(tmp_path / "company", "Kim's Shop Co. IT")
    with bad_network(relay.port, tls=server_context(company, tmp_path / "company")) as front:
        sync = sync_through(window, front.url, relay.token)
        qtbot.waitUntil(lambda: sync.state.cause is ErrorCode.RELAY_CERTIFICATE_UNTRUSTED, timeout=10_000)
        said = window.banner.text.text()
        assert window.banner.isVisible() and "신뢰하지 않는 기관" in said
        assert "회사 자체 인증 기관" in said and "주소" not in said
        assert front.to_relay == 0
        sync.stop()
