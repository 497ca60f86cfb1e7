"""Garbage made by an op thread is collected by the window's thread, between events, never by the op thread."""

from __future__ import annotations

import gc
import threading
from typing import Any

from ui.collector import GuiThreadCollector


class Node:
    def __init__(self, freed: threading.Event) -> None:
        self.freed = freed
        self.me = self  # a cycle: only the collector frees it

    def __del__(self) -> None:
        self.freed.set()


def test_an_op_threads_garbage_is_collected_on_the_window_thread(qtbot: Any) -> None:
    passes: list[int] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(threading.get_ident())

    collector = GuiThreadCollector()
    gc.callbacks.append(note)
    try:
        freed = threading.Event()

        def op() -> None:
            Node(freed)
            for _ in range(5_000):  # far past the youngest generation's threshold
                cycle: list[Any] = []
                cycle.append(cycle)

        worker = threading.Thread(target=op)
        worker.start()
        worker.join()
        assert not freed.is_set() and passes == []  # the op thread never stopped to collect
        qtbot.waitUntil(freed.is_set, timeout=5_000)
        assert set(passes) == {threading.get_ident()}
    finally:
        gc.callbacks.remove(note)
        collector.stop()
    assert gc.isenabled()
