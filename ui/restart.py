"""Start Shop Inbox again once this process has let go of its data folder (after a restore).

The new process is started only after the old one released its claim on the folder
(`ui/single_instance.py`), or it would find the folder taken and just bring the closing window
forward.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QProcess

log = logging.getLogger(__name__)

_requested = False


def request_restart() -> None:
    """Start again when this run ends (`ui/application.py` asks `take_restart_request`)."""
    global _requested
    _requested = True


def take_restart_request() -> bool:
    """Was a restart asked for? Answers once."""
    global _requested
    asked, _requested = _requested, False
    return asked


def relaunch_command() -> list[str]:
    """The program and arguments this process was started with: the frozen app and its arguments,
    or the interpreter with its own (`-m ui.main`, the `shop-inbox` script, flags)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    return [sys.executable, *sys.orig_argv[1:]]


def relaunch() -> bool:
    program, *args = relaunch_command()
    started, _pid = QProcess.startDetached(program, args)
    if not started:
        log.warning("Shop Inbox could not start itself again: %s", program)
    return bool(started)
