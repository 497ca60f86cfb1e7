"""Background threads run below the window's priority, so a catch-up never starves the window."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from app.thread_priority import BACKGROUND_NICE, run_in_background


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_a_background_thread_yields_the_core_to_the_window_and_the_window_keeps_its_own() -> None:
    window_before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen: list[int] = []

    def work() -> None:
        run_in_background()
        run_in_background()  # a pool thread runs many ops: lowered once, not ten points each time
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [min(19, window_before + BACKGROUND_NICE)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == window_before
