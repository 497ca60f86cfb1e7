"""A catch-up's pages fetched and applied in a child process, so their Python never holds the window's GIL.

The sync worker (app/sync.py) keeps the long poll, the connection state, backoff and publishing
`Changes`; when a poll answers a full page (more are waiting: a day offline), it asks this child to
catch up from the cursor. The child reads the pages from the relay and applies them exactly as the
sync thread would (`app.sync.apply_page`: transactions of a hundred events, each with its cursor,
each checking the cursor still stands where the last left it), and answers each page's
`BatchResult`. It stops after a page that is not full, on a relay error (the worker's own poll then
meets the error and handles it), after the transaction it is in when asked to ("quit"), and at once
when the parent is gone, even in the middle of a transaction (as a kill -9 would: SQLite keeps the
file whole, and the transaction is applied again after the cursor it did not move). The worker never
moves the cursor for the child: after the child ends, or dies, it reads the cursor from the database
again.

Started on first need with the `spawn` context (the same on Windows, macOS and Linux, and in the
frozen build with `multiprocessing.freeze_support()` at the entry point); it lives until the
worker stops.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.db import Database, is_storage_failure
from app.errors import RelayError
from app.relay_client import RelayClient
from app.sync_apply import BatchResult
from app.thread_priority import BACKGROUND_NICE

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

log = logging.getLogger(__name__)

PROCESS_NAME = "shop-inbox-apply"
REPORT_POLL = 0.1  # seconds between looks at the worker's stop flag while the child works
# A catch-up that applied no page for this long, and (Linux) spent over half of it waiting for a
# core, is starved: other programs keep every core busy, and a process that only runs on an
# otherwise idle core hardly moves (measured: docs/PERFORMANCE.md, "Catch-up under a busy
# laptop"). Its wait for a core, not the time alone: a slow laptop's start of the child (≈ 1.5 s of
# CPU) or a slow relay is not starvation, and a lifted child no longer gives the core up at once.
STARVED_AFTER = 2.0


@dataclass(frozen=True, slots=True)
class PageApplied:
    """The child committed one page (all its transactions)."""

    result: BatchResult
    read_ahead: bool  # the page had been asked for while the one before was written


@dataclass(frozen=True, slots=True)
class CatchUpEnded:
    """The child stopped catching up; the worker polls again from the database's cursor."""

    # caught_up, relay_error, cursor_moved, storage (the disk), failed (an exception, or the child
    # died), starved (ended to go on in a child that takes a share of a busy core)
    reason: str
    detail: str = ""
    pages: int = 0


@dataclass(frozen=True, slots=True)
class _Log:
    record: dict[str, Any]


class ApplyProcess:
    """The worker's handle on its child: started on first need, one catch-up at a time."""

    def __init__(
        self,
        db_path: Path,
        relay_url: str,
        token: str,
        page_size: int,
        *,
        starved_after: float = STARVED_AFTER,
    ) -> None:
        self._args = (str(db_path), relay_url, token, page_size)
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._pages = 0
        self.starved_after = starved_after
        # Since the catch-up's start, its last page or the last look at its wait for a core:
        # monotonic seconds, and the child's seconds waiting for a core so far (None: unknown).
        self._watch_from: tuple[float, float | None] = (0.0, None)
        self.lifted = False  # this catch-up was starved and now takes a share of a busy core
        self._idle = False  # the child runs on otherwise idle cores only (see _lower_priority)
        # The child was ended starved (Linux): its successor goes on with the catch-up, lifted.
        self._go_on_lifted = False

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start_catch_up(self, after: int) -> bool:
        """Ask the child (started now if need be) to catch up from `after`; False if it cannot."""
        try:
            lifted, self._go_on_lifted = self._go_on_lifted, False
            if self._conn is None or self._process is None or not self._process.is_alive():
                self._start(idle=not lifted)
            elif not self._idle and not lifted:
                self._idle = _lower_priority(self.pid, idle=True)  # each catch-up starts idle
            assert self._conn is not None
            self._conn.send(("catch_up", after))
        except (OSError, EOFError, ValueError) as exc:
            log.warning("catch-up process could not start (%s); applying in the sync thread", exc)
            self.close()
            return False
        self._pages = 0
        self._watch_from = (time.monotonic(), _core_wait(self.pid))
        self.lifted = lifted
        return True

    def _start(self, *, idle: bool = True) -> None:
        self.close()
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(target=serve, args=(theirs, *self._args), name=PROCESS_NAME, daemon=True)
        process.start()
        theirs.close()  # only the child holds its end: its death is an end of file here
        self._idle = _lower_priority(process.pid, idle=idle)
        self._process, self._conn = process, ours
        log.info("catch-up process %s started", process.pid)

    def next_report(self, stop: threading.Event) -> PageApplied | CatchUpEnded | None:
        """The child's next report; None once `stop` is set. A dead child ends the catch-up."""
        while not stop.is_set():
            conn = self._conn
            if conn is None:
                return CatchUpEnded("failed", "no catch-up process")
            try:
                if not conn.poll(REPORT_POLL):
                    if ended := self._lift_if_starved():
                        return ended
                    continue
                report = conn.recv()
            except (EOFError, OSError) as exc:
                code = self._process.exitcode if self._process is not None else None
                self.close()
                return CatchUpEnded("failed", f"the process ended ({type(exc).__name__}, exit {code})")
            if isinstance(report, _Log):
                _log_from_child(report.record)
                continue
            if isinstance(report, PageApplied):
                self._pages += 1
                self._watch_from = (time.monotonic(), _core_wait(self.pid))
            return report
        return None

    def _lift_if_starved(self) -> CatchUpEnded | None:
        """A starved catch-up takes a share of a busy core from here on; on Linux that ends this
        child (CatchUpEnded "starved"), and the worker's next catch-up goes on in a new one."""
        since, waited = self._watch_from
        elapsed = time.monotonic() - since
        if self.lifted or not self._idle or elapsed < self.starved_after:
            return None
        now_waited = _core_wait(self.pid)
        self._watch_from = (time.monotonic(), now_waited)
        if waited is not None and now_waited is not None and now_waited - waited < elapsed / 2:
            return None  # it ran, or waited for the relay or the disk: not starved
        self.lifted = True
        log.info("catch-up process starved for %.1f s: now takes a share of a busy core", elapsed)
        if not sys.platform.startswith("linux"):
            self._idle = not _lift_priority(self.pid)
            return None
        # An unprivileged process may not leave the idle policy (RLIMIT_NICE, 0 by default): a
        # new child at nice 10 alone goes on from the cursor. Ended at once, mid-transaction if
        # need be, as a kill -9 would (the transaction is applied again after the cursor it did
        # not move); left to end after its transaction, a starved child would hold its lock.
        process, pages = self._process, self._pages
        self.close()
        if process is not None:
            process.kill()
        self._go_on_lifted = True
        return CatchUpEnded("starved", f"no page in {elapsed:.1f} s", pages)

    def close(self, wait: float = 0.0) -> None:
        """Tell the child to end (after the transaction it is in); wait up to `wait` seconds for it."""
        conn, process, self._conn, self._process = self._conn, self._process, None, None
        if conn is not None:
            try:
                conn.send(("quit",))
            except (OSError, ValueError):
                pass  # already gone
            conn.close()
        if process is not None and wait > 0:
            process.join(wait)


def start_problem(db_path: Path, timeout: float = 60.0) -> str:
    """Start the catch-up process and end it at once (the frozen build's `--smoke`): "" when it
    started, imported what it needs and ended cleanly, else what went wrong."""
    handle = ApplyProcess(db_path, "http://127.0.0.1:9", "", 1)
    try:
        handle._start()
    except (OSError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    process = handle._process
    handle.close(wait=timeout)  # "quit": the child returns from serve once its imports are done
    if process is None or process.exitcode != 0:
        return f"it ended with {process.exitcode if process is not None else None}"
    return ""


def _lower_priority(pid: int | None, *, idle: bool) -> bool:
    """The child runs below the window's priority, from before its imports (≈ 1.5 s of CPU); with
    `idle`, on cores nothing else wants. True when the child is now idle so.

    Linux: nice as the background threads, and the idle policy. A nice value only weighs the
    child's share: when the window's thread wakes for a scroll while the child holds the core,
    the scheduler may let the child finish its slice first (measured: page scrolls waiting 8-15 ms
    for a core during a catch-up). A task of the idle policy gives the core up at once whenever
    another wants it; the child still has every moment the window leaves, which on a laptop doing
    nothing else is nearly all of a core. Windows: the child's whole process below normal, which
    a normal-priority thread always runs before. macOS: nice as the background threads; its
    scheduler decays a busy thread's priority, so nice 10 yields to the window and never starves.
    When other programs keep every core busy, a child that is not `idle` (Linux), or
    `_lift_priority` (Windows), follows.
    """
    if pid is None:
        return False
    try:
        if sys.platform == "win32":
            _set_windows_priority_class(pid, _BELOW_NORMAL_PRIORITY_CLASS if idle else _NORMAL_PRIORITY_CLASS)
            return idle
        # Linux: the child's main thread (its other threads inherit it as they start).
        window = os.getpriority(os.PRIO_PROCESS, os.getpid())  # the main thread's, on Linux
        os.setpriority(os.PRIO_PROCESS, pid, min(19, window + BACKGROUND_NICE))
        if sys.platform.startswith("linux") and idle:
            os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0))
            return True
    except OSError as exc:  # a sandbox may refuse it: the child keeps the window's priority
        log.info("catch-up process priority not lowered: %s", exc)
    return False


def _lift_priority(pid: int | None) -> bool:
    """A starved child (other programs keep every core busy) takes a share of a core again, in
    place; True if it did. Windows: the process at normal priority, as the programs that starved
    it (none of its threads is above normal; the window keeps the foreground's longer time slices).
    macOS: unchanged (nice 10 is not starved). Linux: not in place (see _lift_if_starved): a new
    child at BACKGROUND_NICE alone, as the background threads (measured beside two busy programs:
    the idle policy applied nothing in 90 s, nice 10 53-155 events a second, nice 19 no more)."""
    if pid is None or sys.platform != "win32":
        return False
    try:
        _set_windows_priority_class(pid, _NORMAL_PRIORITY_CLASS)
    except OSError as exc:
        log.info("catch-up process priority not lifted: %s", exc)
        return False
    return True


def _core_wait(pid: int | None) -> float | None:
    """Seconds the child's main thread (the one applying) has waited for a core so far: Linux's
    schedstat; None elsewhere, where a catch-up without a page for STARVED_AFTER is starved."""
    if pid is None or not sys.platform.startswith("linux"):
        return None
    try:
        with open(f"/proc/{pid}/schedstat", "rb") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):  # it ended, or no schedstat in this kernel
        return None


_PROCESS_SET_INFORMATION = 0x0200
_BELOW_NORMAL_PRIORITY_CLASS = 0x4000
_NORMAL_PRIORITY_CLASS = 0x0020


def _set_windows_priority_class(pid: int, priority_class: int) -> None:
    if sys.platform != "win32":
        raise OSError(f"no priority classes on {sys.platform}")
    import ctypes  # here: only Windows comes this way

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(_PROCESS_SET_INFORMATION, False, pid)
    if not handle:
        raise OSError(ctypes.get_last_error(), "OpenProcess failed")
    try:
        if not kernel32.SetPriorityClass(handle, priority_class):
            raise OSError(ctypes.get_last_error(), "SetPriorityClass failed")
    finally:
        kernel32.CloseHandle(handle)


def _log_from_child(record: dict[str, Any]) -> None:
    rec = logging.makeLogRecord(record)
    logging.getLogger(rec.name).handle(rec)


class _PipeLog(logging.Handler):
    """The child's log records go to the parent, which writes them to the app's log."""

    def __init__(self, send: Any) -> None:
        super().__init__(logging.INFO)
        self.send = send

    def emit(self, record: logging.LogRecord) -> None:
        try:
            fields = dict(record.__dict__)
            fields["msg"] = record.getMessage()
            fields["args"] = None
            if record.exc_info:
                fields["exc_text"] = logging.Formatter().formatException(record.exc_info)
            fields["exc_info"] = None
            fields["processName"] = PROCESS_NAME
            self.send(_Log(fields))
        except Exception:
            self.handleError(record)


# --------------------------------------------------------------------------- the child


class _ParentGone(Exception):
    """The worker asked the child to end, or died: stop after the transaction in progress."""


def serve(conn: Connection, db_path: str, relay_url: str, token: str, page_size: int) -> None:
    """The child's loop (the spawn target): catch up when asked; ends on "quit" or when the parent is gone."""
    _end_with_parent()
    lock = threading.Lock()

    def send(message: object) -> None:
        with lock:  # the read-ahead thread logs too
            conn.send(message)

    root = logging.getLogger()
    root.handlers[:] = [_PipeLog(send)]
    root.setLevel(logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    db = Database(Path(db_path))
    client = RelayClient(relay_url, token)
    try:
        while True:
            try:
                request = conn.recv()
            except EOFError:
                return
            if request[0] != "catch_up":
                return
            try:
                ended = _catch_up(conn, db, client, int(request[1]), page_size, send)
            except _ParentGone:
                return
            except Exception as exc:
                if is_storage_failure(exc):
                    # This computer's disk, not the process: the sync thread meets it next and says so.
                    log.warning(
                        "catch-up stopped: the inbox file could not be written (%s)", type(exc).__name__
                    )
                    ended = CatchUpEnded("storage", type(exc).__name__)
                else:
                    log.exception("catch-up failed in its process")
                    ended = CatchUpEnded("failed", type(exc).__name__)
            send(ended)
    except (OSError, EOFError):
        return  # the pipe broke: the parent is gone
    finally:
        client.close()
        db.close()


def _end_with_parent() -> None:
    """End this process the moment its parent is gone (a watch on multiprocessing's parent sentinel).

    Left to notice it between transactions, an orphan went on with the one it was in, at a catch-up's
    idle priority and for as long as a busy computer kept it waiting (a lock another holds: up to the
    busy timeout), then checkpointed the whole file as its connection closed, holding every other
    connection out: the restarted app could not open its inbox meanwhile."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # blocks (no polling) until the parent's end of the spawn pipe closes
        os._exit(0)  # no transaction finished, no checkpoint, no interpreter teardown

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _catch_up(
    conn: Connection, db: Database, client: RelayClient, after: int, page_size: int, send: Any
) -> CatchUpEnded:
    from app.sync import CursorMoved, _NextPage, apply_page

    def keep_going() -> bool:
        # Anything from the parent during a catch-up means "end" ("quit", or the end of the file
        # when it died): stop before the next transaction, never in the middle of one.
        return not conn.poll()

    cursor = after
    ahead: _NextPage | None = None  # a daemon thread: dropped with the process if still asking
    pages = 0
    while True:
        if not keep_going():
            raise _ParentGone
        page = None
        read_ahead = False
        if ahead is not None and ahead.after == cursor:
            while not ahead.done.wait(REPORT_POLL):
                if not keep_going():
                    raise _ParentGone
            page, read_ahead = ahead.page, ahead.page is not None
        ahead = None
        if page is None:
            try:
                page = client.events(cursor, wait=0.0, limit=page_size)
            except RelayError as exc:
                return CatchUpEnded("relay_error", type(exc).__name__, pages)
        if not page.events:
            return CatchUpEnded("caught_up", "", pages)
        full = len(page.events) >= page_size
        if full:
            ahead = _NextPage(client, page.next, page_size)
        try:
            result = apply_page(db, page.events, page.next, after=cursor, keep_going=keep_going)
        except CursorMoved as moved:
            if moved.done.applied or moved.done.changed:
                send(PageApplied(moved.done, read_ahead))
            return CatchUpEnded("cursor_moved", str(moved), pages)
        send(PageApplied(result, read_ahead))
        pages += 1
        cursor = page.next
        if not full:
            return CatchUpEnded("caught_up", "", pages)
