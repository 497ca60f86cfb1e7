"""RelayClient.check_report(): the relay's self-check reaches the desktop as the typed CheckReport."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import Unauthorised
from app.relay_client import CheckOutcome, RelayClient, check_relay
from app.wire import CheckProblem, CheckStatus, CheckStep
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import run_relay


def test_the_desktop_reads_a_failing_check_line_by_line(tmp_path: Path) -> None:
    with run_fake_graph() as graph, run_relay(tmp_path, graph_url=graph.url) as relay:
        graph.token_expired = True
        with RelayClient(relay.url, relay.token) as client:
            report = client.check_report()
    assert not report.ok
    phone = next(line for line in report.lines if line.step == CheckStep.PHONE_NUMBER)
    assert phone.status == CheckStatus.FAIL and phone.problem == CheckProblem.TOKEN_INVALID
    assert report.number is None


def test_the_check_refuses_a_wrong_token(tmp_path: Path) -> None:
    with (
        run_relay(tmp_path, upstream="sandbox") as relay,
        RelayClient(relay.url, "wrong") as client,
        pytest.raises(Unauthorised),
    ):
        client.check_report()


def test_an_empty_token_is_a_token_the_relay_refuses_not_a_relay_out_of_reach(tmp_path: Path) -> None:
    """The wizard's Check (or Settings' Save on a new address) with no token: the relay answered, yet
    the owner read "could not be reached. Check the address...", and looked for a fault elsewhere."""
    with run_relay(tmp_path, upstream="sandbox") as relay:
        assert check_relay(relay.url, "").outcome is CheckOutcome.WRONG_TOKEN
        assert check_relay(relay.url, "  ").outcome is CheckOutcome.WRONG_TOKEN
        assert check_relay(relay.url, relay.token).outcome is CheckOutcome.OK


def test_a_sandbox_relays_report_says_it_is_a_demo_relay_and_a_real_one_does_not(tmp_path: Path) -> None:
    """The sandbox's skipped lines already say why (CheckProblem.SANDBOX): the report reads it from
    them, with no field of its own on the wire."""
    (tmp_path / "demo").mkdir()
    (tmp_path / "real").mkdir()
    with run_relay(tmp_path / "demo", upstream="sandbox") as relay, RelayClient(relay.url, relay.token) as c:
        demo = c.check_report()
    assert demo.ok and demo.sandbox
    with (
        run_fake_graph() as graph,
        run_relay(tmp_path / "real", graph_url=graph.url) as relay,
        RelayClient(relay.url, relay.token) as client,
    ):
        assert not client.check_report().sandbox


def test_an_https_address_for_a_relay_that_answers_plain_http_says_so(tmp_path: Path) -> None:
    """The owner typed https:// for a relay tried out on this computer, which serves plain http: the
    TLS handshake meets "HTTP/1.1 400" and fails; the error names the http:// address to try."""
    from app.errors import ErrorCode, PlainHttpParams, RelayUnreachable
    from app.relay_client import CheckOutcome, check_relay

    with run_relay(tmp_path, upstream="sandbox") as relay:
        https = relay.url.replace("http://", "https://")
        with RelayClient(https, relay.token) as client, pytest.raises(RelayUnreachable) as raised:
            client.check_report()
        assert check_relay(https, relay.token).outcome is CheckOutcome.PLAIN_HTTP
    assert raised.value.code is ErrorCode.RELAY_PLAIN_HTTP
    assert raised.value.params == PlainHttpParams(url=https, plain_url=relay.url)


def test_nothing_listening_at_an_https_address_is_still_just_unreachable() -> None:
    from app.errors import ErrorCode, RelayUnreachable
    from tests.support.servers import free_port

    with (
        RelayClient(f"https://127.0.0.1:{free_port()}", "t") as client,
        pytest.raises(RelayUnreachable) as raised,
    ):
        client.check_report()
    assert raised.value.code is ErrorCode.RELAY_UNREACHABLE


def test_the_webhooks_address_pasted_for_the_relays_names_the_relays_own(tmp_path: Path) -> None:
    """The callback just registered with Meta (…/webhook), or /healthz opened in a browser, pasted as
    the relay's address: "not a Shop Inbox relay. Check the address." left the owner to guess that
    the host alone was right."""
    with run_relay(tmp_path, upstream="sandbox") as relay:
        for pasted in (f"{relay.url}/webhook", f"{relay.url}/healthz/", f"{relay.url}/v1?x=1"):
            result = check_relay(pasted, relay.token)
            assert (result.outcome, result.relay_at) == (CheckOutcome.NOT_A_RELAY, relay.url)
        assert check_relay(f"{relay.url}/webhook", "wrong").relay_at == relay.url  # the token aside
        assert check_relay(relay.url, relay.token).relay_at is None


def test_another_server_with_a_path_names_no_other_address(tmp_path: Path) -> None:
    with run_fake_graph() as graph:  # a web server that is no relay, at its root either
        result = check_relay(f"{graph.url}/some/page", "t")
    assert (result.outcome, result.relay_at) == (CheckOutcome.NOT_A_RELAY, None)
