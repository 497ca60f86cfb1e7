"""This computer's time zone set for a test (TZ and tzset), as a laptop carried abroad has it."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def computer_zone(zone: str) -> Iterator[None]:
    """The C library (and so Python's local times) on `zone`; the test run's own again afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


needs_tzset = pytest.mark.skipif(not hasattr(time, "tzset"), reason="the time zone is set with tzset")
