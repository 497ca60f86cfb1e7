"""One relay process: its worker id, its key=value log lines, and its exit when its supervisor dies."""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from multiprocessing.process import BaseProcess

from relay import log_redaction

log = logging.getLogger(__name__)

# How long a worker whose supervisor died may spend finishing its requests before it exits anyway
# (a parked long poll would otherwise hold it, and the port, for its whole wait).
EXIT_GRACE_SECONDS = 5.0


def worker_id() -> str:
    """host:pid — unique among live relay processes sharing one database, even across machines."""
    return f"{socket.gethostname()}:{os.getpid()}"


class _KeyValueFormatter(logging.Formatter):
    def __init__(self) -> None:
        # The worker id is fixed for the life of the process, so it is part of the format itself.
        worker = worker_id().replace("%", "%%")
        super().__init__(
            f"time=%(asctime)s.%(msecs)03dZ level=%(levelname)s logger=%(name)s worker={worker} %(message)s",
            datefmt="%Y-%m-%dT%H:%M:%S",
        )
        self.converter = time.gmtime  # UTC inside, as everywhere in the relay


def configure_logging(level: int = logging.INFO) -> None:
    """Log key=value lines with this process's worker id to stderr, secrets redacted.

    Called in `serve` and again in each worker: uvicorn spawns workers as fresh interpreters, where
    the parent's logging configuration does not exist.
    """
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
    log_redaction.install()


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
