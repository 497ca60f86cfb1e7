"""A watchdog for a test that hangs holding the interpreter lock, loaded with `-p` before pytest
captures output (pyproject.toml's addopts).

pytest-timeout's timer is a Python thread: it needs the lock to fire, so a hang that holds it (a Qt
destructor on the GUI thread waiting for a worker that waits for the lock) went unreported, and CI sat
silent until its 90 minutes ran out. faulthandler's watchdog is a C thread: past the test's own time
limit and a minute more, it prints every thread's stack to the real stderr and ends the run.
"""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator

import pytest

_REAL_STDERR = os.dup(2)  # taken at import, before pytest puts fd 2 into its capture
GRACE_SECONDS = 60  # pytest-timeout's own report comes first when it can


def _time_limit(item: pytest.Item) -> float:
    marker = item.get_closest_marker("timeout")
    if marker is not None and marker.args:
        return float(marker.args[0])
    return float(item.config.getini("timeout") or 300)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    faulthandler.dump_traceback_later(_time_limit(item) + GRACE_SECONDS, exit=True, file=_REAL_STDERR)
    try:
        return (yield)
    finally:
        faulthandler.cancel_dump_traceback_later()
