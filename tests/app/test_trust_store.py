"""A shop whose relay has a certificate from its own (company) authority connects once that authority
is installed in the computer's trust store, and is told why not while it is not; public certificates
connect as before, even on a computer whose own store is empty."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import sys
from pathlib import Path

import certifi
import httpx
import pytest

from app.errors import ErrorCode, RelayUnreachable
from app.relay_client import RelayClient, unreachable
from app.trust_store import https_context
from tests.support import certificates
from tests.support.bad_network import bad_network
from tests.support.certificates import make_ca, server_context
from tests.support.relay_server import RunningRelay


def system_store(folder: Path, *authorities: certificates.TestCA) -> Path:
    """A Linux system store as update-ca-certificates leaves /etc/ssl/certs: each authority under
    OpenSSL's hash of its name (what OpenSSL looks up when a certificate names its issuer)."""
    folder.mkdir()
    openssl = shutil.which("openssl")
    assert openssl is not None, "the openssl command (Debian's ca-certificates needs it) is missing"
    for authority in authorities:
        hashed = subprocess.run(
            [openssl, "x509", "-hash", "-noout", "-in", str(authority.cert_file)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        shutil.copy(authority.cert_file, folder / f"{hashed}.0")
    return folder


@pytest.fixture
def company_ca(tmp_path: Path) -> certificates.TestCA:
    """The authority a shop's company runs (its IT department signs the relay's certificate)."""
    (tmp_path / "company").mkdir()
    return make_ca(tmp_path / "company", "Kim's Shop Co. IT")


def use_store(monkeypatch: pytest.MonkeyPatch, store: Path) -> None:
    """The computer's store is `store`, beside the distribution's bundle of public authorities (which
    lacks the company's, as every public list does)."""
    monkeypatch.setenv("SSL_CERT_DIR", str(store))
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())


def test_a_relay_certified_by_the_company_authority_installed_on_this_computer_connects(
    relay: RunningRelay, company_ca: certificates.TestCA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert relay.port is not None
    use_store(monkeypatch, system_store(tmp_path / "certs", company_ca))
    with (
        bad_network(relay.port, tls=server_context(company_ca, tmp_path)) as front,
        RelayClient(front.url, relay.token) as client,
    ):
        assert client.events(0, wait=0).next >= 0
        assert client.health().status == "ok"


def test_without_the_company_authority_installed_nothing_reaches_the_relay_and_the_certificate_is_named(
    relay: RunningRelay, company_ca: certificates.TestCA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert relay.port is not None
    use_store(monkeypatch, system_store(tmp_path / "certs"))
    with (
        bad_network(relay.port, tls=server_context(company_ca, tmp_path)) as front,
        RelayClient(front.url, relay.token) as client,
    ):
        with pytest.raises(RelayUnreachable) as caught:
            client.events(0, wait=0)
        assert caught.value.code is ErrorCode.RELAY_CERTIFICATE_UNTRUSTED
        assert not caught.value.request_sent
        assert front.to_relay == 0


def test_a_public_certificate_connects_on_a_computer_whose_own_store_is_empty(
    relay: RunningRelay, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """certifi's list stands beside the computer's store (here a test authority stands in for it)."""
    assert relay.port is not None
    public = make_ca(tmp_path, "A public authority")
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.setenv("SSL_CERT_DIR", str(system_store(tmp_path / "certs")))
    with (
        bad_network(relay.port, tls=server_context(public, tmp_path)) as front,
        httpx.Client(verify=https_context(public.cert_file)) as http,
    ):
        assert http.get(f"{front.url}/healthz").is_success
    (tmp_path / "stranger").mkdir()
    stranger = server_context(make_ca(tmp_path / "stranger", "A stranger"), tmp_path / "stranger")
    with (
        bad_network(relay.port, tls=stranger) as front,
        httpx.Client(verify=https_context(public.cert_file)) as http,
        pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        http.get(f"{front.url}/healthz")


def test_where_the_trust_store_cannot_be_asked_the_public_list_and_the_computers_openssl_store_still_serve(
    relay: RunningRelay, company_ca: certificates.TestCA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """truststore refuses to import on a system it cannot use (an old macOS): the app still connects."""
    assert relay.port is not None
    monkeypatch.setitem(sys.modules, "truststore", None)  # what `import truststore` meets there
    use_store(monkeypatch, system_store(tmp_path / "certs", company_ca))
    with (
        bad_network(relay.port, tls=server_context(company_ca, tmp_path)) as front,
        RelayClient(front.url, relay.token) as client,
    ):
        assert client.health().status == "ok"


def test_a_stale_ssl_cert_file_variable_does_not_cut_the_shop_off(
    relay: RunningRelay, company_ca: certificates.TestCA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert relay.port is not None
    monkeypatch.setenv("SSL_CERT_DIR", str(system_store(tmp_path / "certs", company_ca)))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "removed-bundle.pem"))
    with (
        bad_network(relay.port, tls=server_context(company_ca, tmp_path)) as front,
        RelayClient(front.url, relay.token) as client,
    ):
        assert client.health().status == "ok"


@pytest.mark.parametrize(
    ("system", "verify_code", "code"),
    [
        ("Windows: CERT_E_EXPIRED", 0x800B0101, ErrorCode.RELAY_CERTIFICATE_EXPIRED),
        ("macOS: errSecCertificateExpired", -67818, ErrorCode.RELAY_CERTIFICATE_EXPIRED),
        ("Windows: CERT_E_UNTRUSTEDROOT", 0x800B0109, ErrorCode.RELAY_CERTIFICATE_UNTRUSTED),
        ("Windows: CERT_E_CHAINING", 0x800B010A, ErrorCode.RELAY_CERTIFICATE_UNTRUSTED),
        ("macOS: errSecNotTrusted", -67843, ErrorCode.RELAY_CERTIFICATE_UNTRUSTED),
        ("Windows: CERT_E_CN_NO_MATCH", 0x800B010F, ErrorCode.RELAY_CERTIFICATE_INVALID),
        ("macOS: errSecHostNameMismatch", -67602, ErrorCode.RELAY_CERTIFICATE_INVALID),
    ],
)
def test_what_windows_and_macos_say_of_a_certificate_through_truststore_is_told_as_on_linux(
    system: str, verify_code: int, code: ErrorCode
) -> None:
    """truststore raises the system's own verdict with the system's own code (not OpenSSL's)."""
    refused = ssl.SSLCertVerificationError(system)
    refused.verify_code = verify_code
    refused.verify_message = system
    connect_error = httpx.ConnectError(f"[SSL: CERTIFICATE_VERIFY_FAILED] {system}")
    connect_error.__cause__ = refused
    assert unreachable(connect_error, "https://relay.myshop.com").code is code
