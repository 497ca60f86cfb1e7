"""`shop-inbox-relay serve` as a real process (workers and all) for multi-process tests."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from relay.webhook import sign
from tests.support.fake_graph import ACCESS_TOKEN, WABA_ID
from tests.support.relay_server import APP_SECRET, CLIENT_TOKEN, PHONE_NUMBER_ID, VERIFY_TOKEN


def wait_until(condition: object, timeout: float, what: str) -> None:
    """Poll `condition()` every 50 ms until it is true; fail naming `what` after `timeout` seconds."""
    assert callable(condition)
    ticker = threading.Event()
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        ticker.wait(0.05)


def alive(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def answers_healthz(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


@dataclass
class ServeProcess:
    process: subprocess.Popen[bytes]
    url: str
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def workers(self) -> list[int]:
        """The uvicorn workers: spawned children of serve (not multiprocessing's resource tracker)."""
        workers = []
        for pid in children(self.pid):
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"resource_tracker" not in cmdline:
                workers.append(pid)
        return workers

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)


def post_webhook(url: str, payload: dict[str, object]) -> httpx.Response:
    """A webhook signed as Meta signs it."""
    body = json.dumps(payload).encode()
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(APP_SECRET, body)}
    return httpx.post(f"{url}/webhook", content=body, headers=headers, timeout=30)


def park_long_poll(url: str, wait: int = 25) -> socket.socket:
    """A desktop's long poll for events after seq 0, in the relay's hands when this returns.

    The connection first answers a /healthz (so the relay has accepted it), then the poll is written:
    on loopback its bytes are in the relay's socket before a signal sent after this can be handled.
    """
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=60)
    sock.sendall(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    assert _response(sock)[0] == 200
    poll = f"GET /v1/events?after=0&wait={wait} HTTP/1.1\r\nHost: {host}\r\n"
    sock.sendall(f"{poll}Authorization: Bearer {CLIENT_TOKEN}\r\n\r\n".encode())
    # In the relay's socket is not yet in its hands: on a busy machine a signal sent at once was
    # handled before the relay had read the poll, and it closed the connection as idle (a reset).
    # Read, the request is the relay's: wait until its side of the connection holds no unread bytes.
    client_port = sock.getsockname()[1]
    wait_until(
        lambda: _unread_by_server(int(port), client_port) in (0, None), 10, "the relay to read the long poll"
    )
    return sock


def _unread_by_server(server_port: int, client_port: int) -> int | None:
    """Bytes the relay's end of this loopback connection has not read yet (Linux's /proc/net/tcp;
    None where there is none to read, and the wait is skipped)."""
    try:
        lines = Path("/proc/net/tcp").read_text().splitlines()[1:]
    except OSError:
        return None
    local, remote = f"0100007F:{server_port:04X}", f"0100007F:{client_port:04X}"
    for line in lines:
        fields = line.split()
        if fields[1] == local and fields[2] == remote:
            return int(fields[4].split(":")[1], 16)
    return None


def poll_answer(sock: socket.socket) -> tuple[int, dict[str, object]]:
    """The parked poll's status and JSON body."""
    status, body = _response(sock)
    sock.close()
    return status, json.loads(body)


def _response(sock: socket.socket) -> tuple[int, bytes]:
    """One HTTP/1.1 response with a Content-Length, read off a raw socket."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"the connection closed before an answer: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    length = int({k.lower(): v for k, v in headers.items()}["content-length"])
    while len(body) < length:
        chunk = sock.recv(65536)
        assert chunk, "the connection closed mid-answer"
        body += chunk
    return int(lines[0].split()[1]), body


def relay_env(database_url: str, graph_url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "RELAY_DATABASE_URL": database_url,
        "RELAY_CLIENT_TOKEN": CLIENT_TOKEN,
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
        "WHATSAPP_ACCESS_TOKEN": ACCESS_TOKEN,
        "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "WHATSAPP_WABA_ID": WABA_ID,
        "WHATSAPP_GRAPH_URL": graph_url,
        **extra,
    }


@contextmanager
def serve_process(
    log_path: Path,
    port: int,
    env: dict[str, str],
    *,
    workers: int = 1,
    ready_timeout: float = 120,
    as_container_init: bool = False,
    as_terminal_job: bool = False,
) -> Iterator[ServeProcess]:
    """Start `python -m relay.cli serve` on 127.0.0.1:port; yield once /healthz answers; kill at the end.

    Its workers are killed too if the test left them (the test under way may be about exactly that).
    `as_container_init`: started as a container's PID 1 is, where SIGTERM's default action does
    nothing (here: ignored, as the shell's `trap` leaves it for the program it execs).
    `as_terminal_job`: started as a terminal's shell starts a command, in a process group of its own
    (Ctrl+C signals the whole group: `os.killpg(serve.pid, SIGINT)`) with SIGINT's default action
    (a test run may be a background job, which starts with SIGINT ignored, and a child inherits that).
    """
    command = [sys.executable, "-m", "relay.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers)]
    if as_container_init:
        command = ["sh", "-c", 'trap "" TERM; exec "$@"', "sh", *command]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            command,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=as_terminal_job,
            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)) if as_terminal_job else None,
        )
    serve = ServeProcess(process, f"http://127.0.0.1:{port}", log_path)
    spawned: set[int] = set()
    try:
        wait_until(
            lambda: answers_healthz(serve.url) or process.poll() is not None, ready_timeout, "serve to start"
        )
        assert process.poll() is None, f"serve exited with {process.returncode}:\n{serve.log()}"
        if workers > 1:
            wait_until(lambda: len(serve.workers()) == workers, ready_timeout, f"{workers} workers")
            # Every worker through its start (a test may kill one and count the starts).
            started = f"{workers} workers started"
            wait_until(lambda: serve.log().count("relay started") >= workers, ready_timeout, started)
            spawned.update(serve.workers())
        yield serve
    finally:
        serve.kill()
        for pid in spawned:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def first_event_served(command: list[str], env: dict[str, str], port: str, token: str) -> str:
    """Start `command` (a relay's `serve` on 127.0.0.1:port), read the id of the first message it
    serves to a desktop holding `token`, and stop it again: what a start once there is room serves."""
    serve = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers_healthz(url) or serve.poll() is not None, 120, "serve to start")
        page = httpx.get(
            f"{url}/v1/events",
            params={"after": 0, "wait": 0},
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        ).json()
        return str(page["events"][0]["message"]["id"])
    finally:
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=60)
