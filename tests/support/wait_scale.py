"""Every qtbot wait gets more time on a slow machine.

A test's timeout says how long the wait may take on a laptop. CI machines are slower, and busy:
the window's background threads run below its priority (app/thread_priority.py), so when other
programs want the cores an op may take several times as long. A wait that would pass there must
not fail here; a wait for something that never happens still fails, only later. Negative
timeouts (wait for ever) are left alone.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any

# SHOP_INBOX_TEST_WAIT_SCALE=1 gives the timeouts as written (to find a test that waits too long).
WAIT_SCALE = float(os.environ.get("SHOP_INBOX_TEST_WAIT_SCALE", "3"))
_WAITS = ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive", "waitCallback")


def _scaled(wait: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(wait)
    def scaled(self: Any, *args: Any, timeout: int = 5000, **kwargs: Any) -> Any:
        if timeout > 0:
            timeout = int(timeout * WAIT_SCALE)
        return wait(self, *args, timeout=timeout, **kwargs)

    scaled.__wait_scaled__ = True  # type: ignore[attr-defined]
    return scaled


def scale_qtbot_waits() -> None:
    """Once per session, before any test runs."""
    from pytestqt.qtbot import QtBot

    for name in _WAITS:
        wait = getattr(QtBot, name)
        if not getattr(wait, "__wait_scaled__", False):
            setattr(QtBot, name, _scaled(wait))
