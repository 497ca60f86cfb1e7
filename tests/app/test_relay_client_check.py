"""RelayClient.check_report(): the relay's self-check reaches the desktop as the typed CheckReport."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import Unauthorised
from app.relay_client import RelayClient
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
