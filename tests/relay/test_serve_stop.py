"""`shop-inbox-relay serve` told to stop (systemd, Docker, Ctrl+C) answers the desktops' waiting polls."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from relay.events import MAX_WAIT
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import park_long_poll, poll_answer, relay_env, serve_process
from tests.support.servers import free_port


def _stop_with_three_polls_waiting(log_path: Path, env: dict[str, str], workers: int) -> None:
    """A desktop's poll waits up to 25 s: a restart waited it out, past Docker's 10 s before SIGKILL."""
    with serve_process(log_path, free_port(), env, workers=workers) as serve:
        # Polls with the longest wait a desktop may ask (55 s): a stop that waited them out would
        # still be running when the wait for its exit below gives up.
        polls = [park_long_poll(serve.url, wait=int(MAX_WAIT)) for _ in range(3)]
        told = time.monotonic()
        serve.process.send_signal(signal.SIGTERM)
        serve.process.wait(timeout=30)  # its answers are in the polls' sockets by now
        took = time.monotonic() - told
        # (About 1 s on a quiet machine, up to 9 s with every core taken: Docker's SIGKILL is at 10 s.)
        print(f"serve --workers {workers} exited {took:.2f} s after SIGTERM with 3 long polls waiting")
        answers = [poll_answer(poll) for poll in polls]
        assert answers == [(200, {"events": [], "next": 0})] * 3
        log = serve.log()
        assert log.count("Application shutdown complete") == workers
        assert "timeout graceful shutdown exceeded" not in log and "Traceback" not in log


def test_a_relay_told_to_stop_answers_the_waiting_desktops_and_exits_at_once(
    tmp_path: Path, graph: FakeGraph
) -> None:
    env = relay_env(f"sqlite:///{tmp_path / 'relay.db'}", graph.url)
    _stop_with_three_polls_waiting(tmp_path / "serve.log", env, workers=1)


@pytest.mark.slow
@pytest.mark.postgresql
def test_workers_told_to_stop_answer_the_waiting_desktops_and_exit_at_once(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    _stop_with_three_polls_waiting(tmp_path / "serve.log", relay_env(pg, graph.url), workers=2)
