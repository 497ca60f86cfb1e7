"""The event feed's contract across processes: `serve --workers 2`, and two `serve`s on one database.

Every webhook answered 200 reaches every long-polling desktop exactly once, in increasing seq order,
whichever process stored it and whichever one the desktop polls — also when a worker, the
supervisor or a whole `serve` is killed with SIGKILL in the middle (the senders retry like Meta and
a balancer: on a failed connection or a 5xx, again on the next relay).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import (
    ServeProcess,
    alive,
    post_webhook,
    relay_env,
    serve_process,
    wait_until,
)
from tests.support.relay_server import CLIENT_TOKEN, inbound
from tests.support.servers import free_port

pytestmark = [pytest.mark.slow, pytest.mark.postgresql]

WEBHOOKS, SENDERS, READERS = 60, 4, 3


@dataclass
class Traffic:
    """Senders posting webhooks and readers long-polling, spread over the relays' addresses."""

    urls: list[str]
    acked: set[str] = field(default_factory=set)
    webhook_5xx: int = 0
    received: list[list[tuple[int, str]]] = field(default_factory=lambda: [[] for _ in range(READERS)])
    third_acked: threading.Event = field(default_factory=threading.Event)
    senders_done: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, i: int) -> None:
        for n in range(i, WEBHOOKS, SENDERS):
            payload = inbound("text", f"주문 {n}", sender=f"8210{n:08d}", message_id=f"wamid.SCALE{n:06d}")
            attempt = n
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                url = self.urls[attempt % len(self.urls)]
                attempt += 1
                try:
                    answer = post_webhook(url, payload)
                except httpx.TransportError:
                    threading.Event().wait(0.1)  # the relay is down: Meta tries again later
                    continue
                if answer.status_code == 200:
                    with self.lock:
                        self.acked.add(f"wamid.SCALE{n:06d}")
                        if len(self.acked) >= WEBHOOKS // 3:
                            self.third_acked.set()
                    break
                with self.lock:
                    self.webhook_5xx += answer.status_code >= 500
                threading.Event().wait(0.1)

    def read(self, i: int) -> None:
        cursor, turn = 0, i
        auth = {"Authorization": f"Bearer {CLIENT_TOKEN}"}
        with httpx.Client(timeout=30, headers=auth) as client:
            while not (self.senders_done.is_set() and len(self.received[i]) >= len(self.acked)):
                url = self.urls[turn % len(self.urls)]
                turn += 1  # the next poll goes to the next relay: wake-ups must cross processes
                try:
                    r = client.get(f"{url}/v1/events", params={"after": cursor, "wait": 2})
                except httpx.TransportError:
                    threading.Event().wait(0.1)
                    continue
                if r.status_code != 200:
                    threading.Event().wait(0.1)
                    continue
                page = r.json()
                for event in page["events"]:
                    if event["kind"] == "message":
                        self.received[i].append((event["seq"], event["message"]["id"]))
                cursor = page["next"]

    @contextmanager
    def running(self) -> Iterator[None]:
        senders = [threading.Thread(target=self.send, args=(i,)) for i in range(SENDERS)]
        readers = [threading.Thread(target=self.read, args=(i,)) for i in range(READERS)]
        for thread in senders + readers:
            thread.start()
        try:
            yield
            for thread in senders:
                thread.join(timeout=180)
        finally:
            self.senders_done.set()
            for thread in readers:
                thread.join(timeout=120)

    def assert_contract(self) -> None:
        assert len(self.acked) == WEBHOOKS  # every webhook was stored in the end (Meta retries)
        for got in self.received:
            seqs = [seq for seq, _ in got]
            assert seqs == sorted(set(seqs))  # strictly increasing: nothing filled in below a cursor
            assert sorted(wamid for _, wamid in got) == sorted(self.acked)  # each exactly once


def serve_pair(
    stack: ExitStack, tmp_path: Path, env: dict[str, str], topology: str
) -> tuple[list[ServeProcess], list[int]]:
    """`serve --workers 2` on one port, or two single-process `serve`s on two ports."""
    if topology == "workers":
        port = free_port()
        return [stack.enter_context(serve_process(tmp_path / "serve.log", port, env, workers=2))], [port]
    ports = [free_port(), free_port()]
    serves = [stack.enter_context(serve_process(tmp_path / f"{p}.log", p, env)) for p in ports]
    return serves, ports


def kill_a_worker(serve: ServeProcess) -> None:
    victim = serve.workers()[0]
    os.kill(victim, signal.SIGKILL)
    wait_until(lambda: victim not in serve.workers() and len(serve.workers()) == 2, 60, "uvicorn's respawn")


@pytest.mark.parametrize(
    ("topology", "kill"),
    [
        ("workers", None),
        ("processes", None),
        ("workers", "worker"),
        ("workers", "supervisor"),
        ("processes", "serve"),
    ],
)
def test_every_acknowledged_webhook_reaches_every_reader_once_in_order(
    tmp_path: Path, graph: FakeGraph, pg: str, topology: str, kill: str | None
) -> None:
    env = relay_env(pg, graph.url)
    with ExitStack() as stack:
        serves, ports = serve_pair(stack, tmp_path, env, topology)
        traffic = Traffic([serve.url for serve in serves])
        kills: dict[str, Callable[[], None]] = {
            "worker": lambda: kill_a_worker(serves[0]),
            "supervisor": lambda: restart_after_kill(
                stack, serves[0], tmp_path / "again.log", ports[0], env, 2
            ),
            "serve": lambda: restart_after_kill(stack, serves[0], tmp_path / "again.log", ports[0], env, 1),
        }
        with traffic.running():
            if kill is not None:
                assert traffic.third_acked.wait(120)
                kills[kill]()
        traffic.assert_contract()
        if kill is None:
            assert traffic.webhook_5xx == 0


def restart_after_kill(
    stack: ExitStack, serve: ServeProcess, log: Path, port: int, env: dict[str, str], workers: int
) -> None:
    """SIGKILL `serve` (its workers follow it), then start a new one on the same port."""
    orphans = serve.workers() if workers > 1 else []
    serve.kill()
    wait_until(lambda: not any(alive(pid) for pid in orphans), 15, "the workers to follow serve")
    stack.enter_context(serve_process(log, port, env, workers=workers))
