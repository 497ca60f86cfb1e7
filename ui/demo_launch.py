"""Help ▸ Try the demo shop: the demo in a process of its own, beside the owner's inbox and apart from it."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QProcess

# From source, `-m ui.main` finds the project from its own folder, wherever the inbox was started.
SOURCE_ROOT = Path(__file__).resolve().parents[1]

log = logging.getLogger(__name__)

# About how long a started demo takes to show its window (seconds, more on a busy laptop): meanwhile
# it is said to be starting, and a second click opens no second demo.
DEMO_STARTING_MS = 8000


def demo_command(language: str, *, two_numbers: bool = False) -> list[str]:
    """The program and arguments that start the demo shop in `language`; with `two_numbers`, the
    demo of a shop with two WhatsApp numbers (`--two-numbers`), as the owner's own shop has.

    No --data-dir: the demo then makes its own temporary folder and removes it when it ends
    (ui/demo.py start_demo), so nothing it does reaches the owner's chats, settings or window places,
    and nothing is left behind. The frozen app is its own program (build.spec's one executable takes
    the same options); from source, the interpreter runs the same module this process runs.
    """
    frozen = getattr(sys, "frozen", False)
    program = [sys.executable] if frozen else [sys.executable, "-m", "ui.main"]
    return [*program, "--demo", "--lang", language, *(["--two-numbers"] if two_numbers else [])]


def start_demo_process(language: str, *, two_numbers: bool = False) -> int | None:
    """Start the demo shop detached (it stays open if the inbox is closed); its process id, or None."""
    program, *args = demo_command(language, two_numbers=two_numbers)
    folder = "" if getattr(sys, "frozen", False) else str(SOURCE_ROOT)
    started, pid = QProcess.startDetached(program, args, folder)
    if not started:
        log.warning("the demo shop could not be started: %s", program)
        return None
    log.info("started the demo shop, process %d", pid)
    return int(pid)
