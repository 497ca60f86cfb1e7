"""`serve --workers N`'s supervisor: uvicorn's, giving a new worker time to start and saying why a
worker ended or was killed."""

from __future__ import annotations

import logging
import os
import queue
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from socket import socket

from uvicorn.config import STARTUP_FAILURE, Config
from uvicorn.supervisors import Multiprocess
from uvicorn.supervisors.multiprocess import SIGNALS, Process

from relay.worker_process import CTRL_C_STATUS

log = logging.getLogger(__name__)
uvicorn_log = logging.getLogger("uvicorn.error")  # the lines uvicorn's own supervisor writes

# How long a new worker may take to answer its supervisor for the first time. uvicorn's supervisor
# gives it `timeout_worker_healthcheck` (5 s), the same as a serving worker, and a worker answers
# only once its fresh interpreter has imported what it needs: on a small, busy machine (a 1-vCPU box
# at boot, PostgreSQL starting beside it) that took longer, and the worker was killed, started again
# and killed again, for ever, each time with one line, "Child process [1234] died".
START_GRACE = 60.0

# How long one look at a starting worker waits for its answer: short, so that a SIGTERM that
# arrives meanwhile is acted on at once, not after the whole grace.
START_LOOK = 0.5

# How long the supervisor waits for a signal before it looks at its workers again (uvicorn's pace).
LOOK_EVERY = 0.5


@dataclass
class _Start:
    """A worker that has not answered yet: when it was started, and whether a ping awaits its answer."""

    at: float
    pinged: bool = False
    said_slow: bool = False


def end_text(exitcode: int | None) -> str:
    """How a worker process ended, in words: "killed by SIGKILL (signal 9)", "exited with status 1"."""
    if exitcode is None:
        return "ended"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = "a signal"
        return f"killed by {name} (signal {-exitcode})"
    return f"exited with status {exitcode}"


class RelaySupervisor(Multiprocess):
    """uvicorn's Multiprocess with a start grace for new workers and a WARNING for every worker that
    ends or is killed, naming it, how it ended and what follows."""

    def __init__(
        self,
        config: Config,
        sockets: list[socket],
        *,
        start_grace: float = START_GRACE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(config, sockets)
        self.start_grace = start_grace
        self.clock = clock
        self.starting: dict[Process, _Start] = {}
        self.failed_start = False  # serve stopped because a worker could not start
        self.interrupted = False  # serve stopped by Ctrl+C (SIGINT)
        # uvicorn's handlers only note a signal in a list, which its loop reads after a wait of
        # 0.5 s: a SIGTERM waited up to that long before the workers were told (more on a busy
        # machine). A SimpleQueue wakes the loop at once, and its put is safe in a signal handler
        # (it takes no lock that the interrupted code may hold, as an Event's set does).
        self.arrived: queue.SimpleQueue[int] = queue.SimpleQueue()
        for signum in SIGNALS:
            signal.signal(signum, lambda signum, _frame: self.arrived.put(signum))

    def run(self) -> None:
        """uvicorn's loop (its start and stop lines included), woken by a signal the moment it arrives."""
        uvicorn_log.info("Started parent process [%d]", os.getpid())
        self.init_processes()
        while not self.should_exit.is_set():
            self._wait_for_signals(LOOK_EVERY)
            self.handle_signals()
            self.keep_subprocess_alive()
        self.terminate_all()
        self.join_all()
        uvicorn_log.info("Stopping parent process [%d]", os.getpid())

    def _wait_for_signals(self, timeout: float) -> None:
        """Wait up to `timeout` for a signal; hand every one that arrived to uvicorn's handling."""
        try:
            self.signal_queue.append(self.arrived.get(timeout=timeout))
            while True:
                self.signal_queue.append(self.arrived.get_nowait())
        except queue.Empty:
            return

    def init_processes(self) -> None:
        super().init_processes()
        for process in self.processes:
            self.starting[process] = _Start(self.clock())

    def keep_subprocess_alive(self) -> None:
        if self.should_exit.is_set():
            return  # stopping: the workers are being told to stop, not started again
        for idx, process in enumerate(self.processes):
            problem = self._problem(process)
            if problem is None:
                continue
            process.kill()  # a no-op for a process that has already ended
            process.process.join()
            self.starting.pop(process, None)
            if self.should_exit.is_set():
                return
            if process.exitcode == STARTUP_FAILURE and problem == "ended":
                # uvicorn's rule: a worker that failed before it served (its startup raised) would
                # fail the same way each time, so serve stops. Its own lines above say why.
                log.error(
                    "worker %s could not start (exited with status %d: see its lines above); serve stops",
                    process.pid,
                    STARTUP_FAILURE,
                )
                self.failed_start = True
                self.should_exit.set()
                return
            said = end_text(process.exitcode) if problem == "ended" else f"{problem}: killed"
            replacement = Process(self.config, self.sockets)
            replacement.start()
            self.processes[idx] = replacement
            self.starting[replacement] = _Start(self.clock())
            log.warning("worker %s %s; started worker %s in its place", process.pid, said, replacement.pid)

    def _problem(self, process: Process) -> str | None:
        """None while the worker is well (or still starting, within the grace); else what is wrong."""
        if not process.process.is_alive():
            return "ended"
        start = self.starting.get(process)
        if start is None:
            if process.ping(self.config.timeout_worker_healthcheck):
                return None
            if not process.process.is_alive():
                # It ended during the wait for its answer (killed, crashed): no answer comes from a
                # process that is gone, and the pipe does not say so (this process holds both ends).
                return "ended"
            return f"did not answer its supervisor within {self.config.timeout_worker_healthcheck:g} s"
        if self._answered(process, start):
            del self.starting[process]
            return None
        waited = self.clock() - start.at
        if waited >= self.start_grace:
            return f"did not answer its supervisor within {self.start_grace:g} s of its start"
        if waited >= self.config.timeout_worker_healthcheck and not start.said_slow:
            start.said_slow = True
            log.info(
                "worker %s is slow to start (no answer to its supervisor %.0f s after it was started); "
                "waiting up to %g s",
                process.pid,
                waited,
                self.start_grace,
            )
        return None

    def _answered(self, process: Process, start: _Start) -> bool:
        """Whether a starting worker answered the one ping it was sent. One ping at a time: a second
        sent before the first was answered would leave an answer behind in the pipe, and every later
        health check would read the one before it, however the worker is then."""
        try:
            if not start.pinged:
                process.parent_conn.send(b"ping")
                start.pinged = True
            if not process.parent_conn.poll(START_LOOK):
                return False
            process.parent_conn.recv()
        except (OSError, EOFError):
            return False  # it is ending: the next look finds it gone
        return True

    def handle_int(self) -> None:
        super().handle_int()
        self.interrupted = True

    def restart_all(self) -> None:
        # SIGHUP: uvicorn brings each replacement into service (waiting for it) before it retires
        # the old worker, so its replacements have already answered.
        super().restart_all()
        self.starting = {p: s for p, s in self.starting.items() if p in self.processes}

    def handle_ttin(self) -> None:
        super().handle_ttin()
        self.starting[self.processes[-1]] = _Start(self.clock())


def supervise(config: Config) -> int:
    """Bind the port and run `config.workers` workers under RelaySupervisor until told to stop
    (what `uvicorn.run` does for workers, with this supervisor); the exit status for `serve`: 0,
    uvicorn's STARTUP_FAILURE when a worker could not start (so a service manager shows the relay
    failed, not stopped), or CTRL_C_STATUS when Ctrl+C stopped it."""
    sock = config.bind_socket()
    supervisor = RelaySupervisor(config, sockets=[sock])
    try:
        supervisor.run()
    finally:
        sock.close()
    if supervisor.failed_start:
        return STARTUP_FAILURE
    return CTRL_C_STATUS if supervisor.interrupted else 0
