"""One relay process: its worker id, its key=value log lines, its exit when its supervisor dies, and
its long polls answered the moment it is told to stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from relay import log_redaction
from relay.failure_streak import FailureStreak

if TYPE_CHECKING:
    from relay.service import Relay

log = logging.getLogger(__name__)

T = TypeVar("T")

# How long a worker whose supervisor died may spend finishing its requests before it exits anyway
# (a parked long poll would otherwise hold it, and the port, for its whole wait).
EXIT_GRACE_SECONDS = 5.0

# uvicorn looks at its exit flag every 0.1 s and then closes its listening socket at once: the parked
# polls are answered just after, so a desktop that polls again is refused (and waits for the next
# relay) rather than answered again by this one.
RELEASE_POLLS_AFTER = 0.25


def worker_id() -> str:
    """host:pid — unique among live relay processes sharing one database, even across machines."""
    return f"{socket.gethostname()}:{os.getpid()}"


# Set by `serve --workers N` for the workers it spawns: one value a run of serve, so that its workers
# can say a thing once between them (a claim in their shared database: KeyValues.claim_for_run). Not
# the supervisor's pid: as a container's PID 1 it is the same at every start.
SERVE_RUN_ENV = "RELAY_SERVE_RUN"


def serve_run() -> str:
    """This run of `serve`, shared by its workers (this process's worker id outside one)."""
    return os.environ.get(SERVE_RUN_ENV) or worker_id()


class _KeyValueFormatter(logging.Formatter):
    def __init__(self) -> None:
        # The worker id is fixed for the life of the process, so it is part of the format itself.
        worker = worker_id().replace("%", "%%")
        super().__init__(
            f"time=%(asctime)s.%(msecs)03dZ level=%(levelname)s logger=%(name)s worker={worker} %(message)s",
            datefmt="%Y-%m-%dT%H:%M:%S",
        )
        self.converter = time.gmtime  # UTC inside, as everywhere in the relay


LOG_LEVELS = {
    "DEBUG": logging.DEBUG,
    "INFO": logging.INFO,
    "WARNING": logging.WARNING,
    "ERROR": logging.ERROR,
}


LIBRARY_REQUEST_LOGGERS = ("httpx", "httpcore")


def log_level_from_env() -> tuple[int, str | None]:
    """RELAY_LOG_LEVEL (DEBUG, INFO, WARNING or ERROR; INFO when unset), and what was wrong with it
    when it names no level: the relay still starts, at INFO, and says so once its logging is set up."""
    name = os.environ.get("RELAY_LOG_LEVEL", "").strip().upper()
    if not name:
        return logging.INFO, None
    if name in LOG_LEVELS:
        return LOG_LEVELS[name], None
    return logging.INFO, name


def configure_logging(level: int | None = None, *, say_unknown_level: bool = True) -> None:
    """Log key=value lines with this process's worker id to stderr, secrets redacted, at `level`
    (default: RELAY_LOG_LEVEL, which workers inherit with the rest of the environment).

    Called in `serve` and again in each worker: uvicorn spawns workers as fresh interpreters, where
    the parent's logging configuration does not exist. A RELAY_LOG_LEVEL that is no level is said
    when `say_unknown_level` (serve said it for its workers).
    """
    unknown = None
    if level is None:
        level, unknown = log_level_from_env()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_KeyValueFormatter())
    # The line names neither the source line, the thread nor the process (the worker id is in the
    # format): don't work them out for every record, two of which each webhook writes. These are
    # the switches the logging HOWTO's "Optimization" section documents.
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # httpx logs every call to Graph at INFO ("HTTP Request: POST …/messages"): a second line beside
    # each of the relay's own, and Meta's media download URLs in full. They are among the libraries'
    # lines that RELAY_LOG_LEVEL=DEBUG adds, as docs/relay.md says; their warnings still show.
    libraries = logging.NOTSET if level <= logging.DEBUG else logging.WARNING
    for name in LIBRARY_REQUEST_LOGGERS:
        logging.getLogger(name).setLevel(libraries)
    log_redaction.install()
    if unknown is not None and say_unknown_level:
        log.warning(
            "RELAY_LOG_LEVEL=%s is not a level (DEBUG, INFO, WARNING or ERROR): logging at INFO", unknown[:20]
        )


def exit_with_supervisor(grace: float = EXIT_GRACE_SECONDS) -> None:
    """In a worker that uvicorn's supervisor spawned: stop when the supervisor goes away.

    A `kill -9` of the supervisor would otherwise leave its workers alive, re-parented, unsupervised
    and holding the port, so a restarted `serve` could not bind. The watch is the pipe every
    multiprocessing child holds to its parent (portable; it reads end-of-file the moment the parent
    is gone, however it died), on a thread so that a busy or stuck event loop cannot delay it.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return  # `serve` with one process, the tests and the demo: nobody to outlive
    threading.Thread(
        target=_stop_when_gone, args=(parent, grace), name="supervisor-watch", daemon=True
    ).start()


def _stop_when_gone(parent: BaseProcess, grace: float) -> None:
    parent.join()  # the parent's end of the pipe closed: it exited or was killed
    log.warning("supervisor gone: supervisor_pid=%s; this worker stops", parent.pid)
    # uvicorn's own shutdown: stop listening at once, let running requests finish, run the lifespan.
    os.kill(os.getpid(), signal.SIGTERM)
    threading.Event().wait(grace)
    log.warning("worker still running %.0f s after its supervisor died; exiting now", grace)
    logging.shutdown()
    os._exit(1)


# The exit status a shell gives a program that Ctrl+C stopped (128 + SIGINT): `serve`'s, however it
# was serving, one worker or several.
CTRL_C_STATUS = 128 + signal.SIGINT


def ctrl_c_noted() -> threading.Event:
    """An Event set once Ctrl+C (SIGINT) reaches this process; it still raises KeyboardInterrupt
    there, as Python's own handler does. uvicorn's server takes the signal over while it serves and,
    once it has shut down, raises it again with the handler it found (this one), then swallows the
    KeyboardInterrupt: without the note, `serve` could not tell a Ctrl+C from any other end.
    Where SIGINT is ignored (a shell's background job starts so), it stays ignored."""
    noted = threading.Event()
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:

        def interrupted(_sig: int, _frame: FrameType | None) -> None:
            noted.set()
            raise KeyboardInterrupt

        signal.signal(signal.SIGINT, interrupted)
    return noted


def exit_at_once(status: int) -> NoReturn:
    """End `serve` once uvicorn has stopped (its workers ended, or its own server shut down), without
    the interpreter's teardown.

    The teardown frees everything the process imported (the relay, its checks and migrations): 0.3-0.6 s
    of CPU on a quiet machine, seconds on a busy one, after uvicorn's last line, out of Docker's 10 s
    before SIGKILL. A lone server outside a container never had it (uvicorn ends it with the signal
    it was stopped by); as a container's PID 1, which that signal cannot end, it did. Nothing needs an
    orderly end by then (the relay's lifespan closed its database, the workers are joined); the log
    lines are flushed first.

    CTRL_C_STATUS ends it by SIGINT itself, as a shell expects of a program Ctrl+C stopped: its `$?`
    is 130, and a script that ran it stops too (a plain exit status of 130 would tell the shell that
    `serve` took the Ctrl+C as its own input, and the script would go on). Where SIGINT cannot end
    it (a container's PID 1), it exits with that status."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    if status == CTRL_C_STATUS:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.raise_signal(signal.SIGINT)
    os._exit(status)


def answer_long_polls_on_stop(relay: Relay) -> None:
    """When this process is told to stop (SIGTERM from systemd, Docker or the supervisor; Ctrl+C),
    answer the desktops' parked long polls instead of waiting them out.

    uvicorn lets running requests finish before the lifespan's shutdown, and a desktop's long poll
    runs for up to 25 s: a restart took that long, past Docker's 10 s and the systemd unit's
    TimeoutStopSec, and so ended in SIGKILL. Called in the lifespan's startup, i.e. inside uvicorn's
    own signal handling, whose handlers this chains. Only in the main thread (where signals arrive):
    the tests' servers and the demo's run in a thread, and the demo answers its polls itself.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    loop = asyncio.get_running_loop()

    def release() -> None:
        relay.spawn(relay.feed.release_long_polls())

    for signum in (signal.SIGINT, signal.SIGTERM):
        previous = signal.getsignal(signum)
        if not callable(previous):
            continue  # nobody handles it (the default ends the process): nothing to add to

        def stop(
            sig: int, frame: FrameType | None, previous: Callable[[int, FrameType | None], Any] = previous
        ) -> None:
            previous(sig, frame)  # uvicorn's: it notes the signal and starts its shutdown
            loop.call_soon_threadsafe(loop.call_later, RELEASE_POLLS_AFTER, release)

        signal.signal(signum, stop)


# How often a worker that cannot open its database tries again (its first failure is logged, then a
# reminder a minute: relay/failure_streak.py).
START_RETRY_SECONDS = 2.0

# The one streak line of a worker that cannot open its database, in whichever part of its start.
START_FAILING = "worker start: the database cannot be opened"


@contextlib.contextmanager
def _told_to_stop(on_stop: Callable[[], None] = lambda: None) -> Iterator[threading.Event]:
    """An Event set when this process is told to stop (SIGTERM, SIGINT) while in the block, the
    handlers that were there still called (uvicorn's notes the signal and will shut down), and put
    back after it. Only in the main thread, where signals arrive: elsewhere it is never set."""
    stopping = threading.Event()
    chained: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous = signal.getsignal(signum)
            chained[signum] = previous

            def stop(sig: int, frame: FrameType | None, previous: Any = previous) -> None:
                stopping.set()
                on_stop()
                if callable(previous):
                    previous(sig, frame)

            signal.signal(signum, stop)
    try:
        yield stopping
    finally:
        for restored, handler in chained.items():
            signal.signal(restored, handler)


def _start_failed(streak: FailureStreak, exc: Exception, retry: float) -> None:
    """A start that met the database away: its streak line, or, for what no retry can fix, the
    worker's end (raised as is, or the exit of a database this relay refuses)."""
    from relay.settings import SettingRefused
    from relay.storage.schema import SchemaRefused
    from relay.store import storage_cause, storage_retryable

    if isinstance(exc, SchemaRefused | SettingRefused):
        # No retry fixes these (a newer relay migrated the database during a rolling upgrade, a
        # setting): one line, and the exit status that tells the supervisor this worker could not
        # start, so `serve` stops as it would at its own start, instead of starting it again to fail
        # with a traceback, for ever. At once: raised through uvicorn's start instead, the worker's
        # interpreter stopped answering its supervisor and did not end, to be killed after 5 s and
        # started again. It has served nothing, and its database connections end with it.
        from uvicorn.config import STARTUP_FAILURE

        log.error("worker start: %s", getattr(exc, "message", None) or exc)
        logging.shutdown()
        os._exit(STARTUP_FAILURE)
    if not storage_retryable(exc):
        raise exc
    # A refused login is waited for too: the siblings serve on, and PostgreSQL takes a fixed
    # password or pg_hba.conf without a restart of the relay (docs/relay.md, "Many desktops,
    # several workers").
    streak.failed(f"cause={storage_cause(exc)} error={type(exc).__name__}; trying again every {retry:g} s")


def built_once_storage_answers(build: Callable[[], T], retry: float = START_RETRY_SECONDS) -> T:
    """`build()` (the worker's relay, which opens and migrates its database), tried again while the
    database cannot be reached, until it can or this process is told to stop.

    A worker that uvicorn's supervisor starts again (one that crashed, or was killed) while
    PostgreSQL is down failed with a traceback of some 140 lines, and was started again a few seconds
    later to fail the same way, for as long as the outage lasted. Its siblings kept answering
    (`/readyz` with 503 and the cause); this one now logs one line, a reminder a minute, and its
    recovery, and starts serving the moment the database answers. What a retry cannot fix (a
    schema this relay refuses, a setting) is raised as before.
    """
    streak = FailureStreak(log, START_FAILING)
    with _told_to_stop() as stopping:
        while True:
            try:
                built = build()
            except Exception as exc:
                _start_failed(streak, exc, retry)
                if stopping.wait(retry):
                    raise SystemExit(0) from None  # told to stop before it could serve
                continue
            streak.succeeded()
            return built


async def opened_once_storage_answers(
    open_storage: Callable[[], Awaitable[None]], retry: float = START_RETRY_SECONDS
) -> None:
    """`open_storage()` (the database work of a worker's start, in its lifespan: Relay.open_storage),
    tried again while the database cannot be reached, until it has run. Told to stop meanwhile, the
    worker ends here, with status 0: it has served and started nothing (finishing its start
    instead, uvicorn would take connections from the shared socket for a moment, for a relay that
    never started).

    The database can go away between the worker's build and its start, or refuse it a connection
    for want of a slot: the start failed, uvicorn ended the worker with its status for a start that
    can never work, and `serve` stopped, every worker with it, over an outage of seconds.
    """
    streak = FailureStreak(log, START_FAILING)
    loop = asyncio.get_running_loop()
    stopped = asyncio.Event()

    def wake() -> None:
        loop.call_soon_threadsafe(stopped.set)

    with _told_to_stop(wake):
        while True:
            try:
                await open_storage()
            except Exception as exc:
                _start_failed(streak, exc, retry)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stopped.wait(), retry)
                if stopped.is_set():
                    log.info("worker start: told to stop before the database answered; this worker stops")
                    logging.shutdown()
                    os._exit(0)
                continue
            streak.succeeded()
            return
