"""`shop-inbox-relay serve` told to stop (systemd, Docker, Ctrl+C) answers the desktops' waiting polls,
and Ctrl+C ends it as a shell expects."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest

from app.errors import RelayUnreachable
from app.relay_client import RelayClient
from relay.events import MAX_WAIT
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import (
    alive,
    children,
    park_long_poll,
    poll_answer,
    post_webhook,
    relay_env,
    serve_process,
    wait_until,
)
from tests.support.relay_server import CLIENT_TOKEN, inbound, run_relay
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


class _SyncingDesktop:
    """The desktop's sync loop: the app's own RelayClient, polling again the moment a page arrives
    (on its kept-alive connection), until the relay cannot be reached."""

    def __init__(self, url: str) -> None:
        self.client = RelayClient(url, CLIENT_TOKEN)
        self.outcomes: list[str] = []
        self.thread = threading.Thread(target=self._sync, name="desktop-sync", daemon=True)
        self.thread.start()

    def _sync(self) -> None:
        after = 0
        try:
            while True:
                after = self.client.events(after, wait=MAX_WAIT).next
                self.outcomes.append("page")
        except RelayUnreachable:
            self.outcomes.append("relay unreachable")
        finally:
            self.client.close()


def _long_polls_waiting(url: str) -> int:
    """The long polls waiting on the worker that takes this request (its /healthz, with the token)."""
    answer = httpx.get(f"{url}/healthz", headers={"Authorization": f"Bearer {CLIENT_TOKEN}"}, timeout=5)
    return int(answer.json()["long_polls"])


def _stop_with_a_desktop_syncing(
    log_path: Path, env: dict[str, str], workers: int, *, as_container_init: bool = False
) -> None:
    with serve_process(
        log_path, free_port(), env, workers=workers, as_container_init=as_container_init
    ) as serve:
        desktop = _SyncingDesktop(serve.url)
        # Asked again on new connections until the worker holding the poll answers one.
        wait_until(lambda: _long_polls_waiting(serve.url) == 1, 30, "the desktop's poll to wait")
        told = time.monotonic()
        serve.process.send_signal(signal.SIGTERM)
        serve.process.wait(timeout=30)  # the poll waits up to 55 s: a stop that waited it out fails here
        took = time.monotonic() - told
        print(f"serve --workers {workers} exited {took:.2f} s after SIGTERM with a desktop syncing")
        desktop.thread.join(timeout=30)
        assert not desktop.thread.is_alive(), "the desktop's next poll hung on a stopping relay"
        # The poll waiting was answered with its page; the next one was refused at once (the
        # relay had stopped listening), not answered again by the relay on its way out.
        assert desktop.outcomes == ["page", "relay unreachable"]
        log = serve.log()
        assert log.count("Application shutdown complete") == workers
        assert "Traceback" not in log and "timeout graceful shutdown exceeded" not in log
        if workers > 1:
            # The supervisor ended once its workers had, with its last line and a clean status.
            assert "Stopping parent process" in log.strip().splitlines()[-1]
            assert serve.process.returncode == 0
        elif as_container_init:  # the signal cannot end it: serve ends itself after uvicorn's last line
            assert "Finished server process" in log.strip().splitlines()[-1]
            assert serve.process.returncode == 0
        else:  # uvicorn ends a lone server with the signal it was stopped by
            assert serve.process.returncode == -signal.SIGTERM


@pytest.mark.parametrize("as_container_init", [False, True], ids=["process", "container-pid-1"])
def test_a_relay_told_to_stop_while_a_desktop_syncs_answers_it_and_exits(
    tmp_path: Path, graph: FakeGraph, as_container_init: bool
) -> None:
    """Docker's `serve` is the container's PID 1, which uvicorn's re-raised SIGTERM cannot end:
    serve ends itself, with status 0 (and without the interpreter's teardown, which took longer
    than the whole stop)."""
    env = relay_env(f"sqlite:///{tmp_path / 'relay.db'}", graph.url)
    _stop_with_a_desktop_syncing(tmp_path / "serve.log", env, workers=1, as_container_init=as_container_init)


@pytest.mark.slow
@pytest.mark.postgresql
def test_workers_told_to_stop_while_a_desktop_syncs_answer_it_and_exit(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    _stop_with_a_desktop_syncing(tmp_path / "serve.log", relay_env(pg, graph.url), workers=2)


def _ctrl_c(log_path: Path, env: dict[str, str], workers: int, *, whole_group: bool) -> None:
    """Ctrl+C in the terminal `serve` runs in (the terminal signals its whole process group, the
    workers too), or `kill -INT` of serve alone: it stops at once, keeps what it accepted, and ends
    as a shell expects a program Ctrl+C stopped to end (killed by SIGINT: `$?` is 130, and a script
    running it stops too). It used to exit 0 after uvicorn's last line, saying nothing."""
    with serve_process(log_path, free_port(), env, workers=workers, as_terminal_job=True) as serve:
        assert post_webhook(serve.url, inbound("text", "Ctrl+C 직전에 온 주문")).status_code == 200
        left_behind = children(serve.pid)  # its workers (and multiprocessing's resource tracker)
        assert len(serve.workers()) == (workers if workers > 1 else 0)
        if whole_group:
            os.killpg(serve.pid, signal.SIGINT)
        else:
            serve.process.send_signal(signal.SIGINT)
        assert serve.process.wait(timeout=30) == -signal.SIGINT
        wait_until(lambda: not any(alive(pid) for pid in left_behind), 30, "serve's children to end")
        log = serve.log()
    assert log.count("Application shutdown complete") == workers
    assert "Traceback" not in log and "KeyboardInterrupt" not in log
    # One line says why it stopped, the last.
    assert log.count("stopped (Ctrl+C)") == 1
    assert log.strip().splitlines()[-1] == "shop-inbox-relay serve: stopped (Ctrl+C)"


@pytest.mark.parametrize("whole_group", [True, False], ids=["terminal", "kill-int"])
def test_ctrl_c_stops_serve_at_once_keeping_the_webhook_it_accepted(
    tmp_path: Path, graph: FakeGraph, whole_group: bool
) -> None:
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    _ctrl_c(tmp_path / "serve.log", relay_env(database, graph.url), workers=1, whole_group=whole_group)
    with run_relay(tmp_path, graph_url=graph.url, database_url=database) as relay:
        bodies = [e["message"]["text"]["body"] for e in relay.events(0)["events"]]
    assert bodies == ["Ctrl+C 직전에 온 주문"]


@pytest.mark.slow
@pytest.mark.postgresql
@pytest.mark.parametrize("whole_group", [True, False], ids=["terminal", "kill-int"])
def test_ctrl_c_stops_serve_and_its_workers_at_once_keeping_the_webhook_they_accepted(
    tmp_path: Path, graph: FakeGraph, pg: str, whole_group: bool
) -> None:
    _ctrl_c(tmp_path / "serve.log", relay_env(pg, graph.url), workers=2, whole_group=whole_group)
    with run_relay(tmp_path, graph_url=graph.url, database_url=pg) as relay:
        bodies = [e["message"]["text"]["body"] for e in relay.events(0)["events"]]
    assert bodies == ["Ctrl+C 직전에 온 주문"]
