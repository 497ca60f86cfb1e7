"""Checking the relay from the setup or Settings on a hotspot's sign-in page, or against an expired
certificate, says that reason and what to do, not "could not be reached: check the address"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.relay_client import CheckOutcome, CheckResult, check_relay
from tests.support.bad_network import Mode, bad_network
from tests.support.certificates import make_ca, server_context
from tests.support.relay_server import RunningRelay
from ui.setup_wizard import explain


def test_the_relay_check_on_a_hotspot_sign_in_page_asks_to_sign_in(qtbot: Any, relay: RunningRelay) -> None:
    assert relay.port is not None
    with bad_network(relay.port) as network:
        network.mode = Mode.PORTAL_302
        result = check_relay(network.url, relay.token)
        assert result.outcome is CheckOutcome.UNREACHABLE
        said = explain(result, network.url)
        assert "wants you to sign in" in said and "Check the address" not in said


def test_the_relay_check_against_an_expired_certificate_says_so(
    qtbot: Any, relay: RunningRelay, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert relay.port is not None
    ca = make_ca(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(ca.cert_file))
    with bad_network(relay.port, tls=server_context(ca, tmp_path, expired=True)) as front:
        said = explain(check_relay(front.url, relay.token), front.url)
    assert "certificate has expired" in said


def test_a_relay_that_holds_this_network_off_says_to_wait_not_that_it_had_a_problem(qtbot: Any) -> None:
    said = explain(CheckResult(CheckOutcome.HELD_OFF, "HTTP 429 too_many_attempts"))
    assert "wrong relay tokens" in said and "five minutes" in said and "problem" not in said
