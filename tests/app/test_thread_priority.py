"""Background threads run below the window's priority, so a catch-up never starves the window."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_an_import_started_in_the_background_writes_in_the_background_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    import app.chat_export.importer as importer
    from app.chat_export.importer import ImportRequest, import_chat
    from app.db import Database
    from tests.support.chat_exports import LAYOUTS, Line, render, write_txt

    window = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    lines = [Line(datetime(2024, 1, 13, 9, i), "Ana", f"line {i}") for i in range(30)]
    path = write_txt(tmp_path / "chat.txt", render(LAYOUTS["android-en-uk"], lines))
    db = Database.open(tmp_path / "inbox.db")
    writer_nice: list[int] = []

    def progress(done: int, total: int) -> None:
        writers = [t for t in threading.enumerate() if t.name == "chat-import-writer"]
        writer_nice.extend(os.getpriority(os.PRIO_PROCESS, t.native_id or 0) for t in writers)

    def work() -> None:
        run_in_background()  # as an op from the window does
        import_chat(db, tmp_path / "media", ImportRequest(path, "Shop", "Asia/Seoul"), progress=progress)

    monkeypatch.setattr(importer, "BATCH_ROWS", 5)
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    db.close()
    assert writer_nice and set(writer_nice) == {min(19, window + BACKGROUND_NICE)}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_a_thread_started_from_a_background_thread_sinks_no_lower_than_it() -> None:
    """Linux hands a new thread its creator's nice value: a pool thread started from a lowered
    thread must not sink to 19, where holding the GIL it would keep the window waiting."""
    window = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen: list[int] = []

    def inner() -> None:
        run_in_background()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    def outer() -> None:
        run_in_background()
        thread = threading.Thread(target=inner)
        thread.start()
        thread.join()

    thread = threading.Thread(target=outer)
    thread.start()
    thread.join()
    assert seen == [min(19, window + BACKGROUND_NICE)]


def test_a_background_thread_steps_aside_while_the_window_paints_a_scroll_and_never_for_long() -> None:
    from app.thread_priority import WINDOW_FIRST_MAX_S, window_busy, window_first, window_free

    entered, returned = threading.Event(), threading.Event()
    waited: list[float] = []

    def work() -> None:
        entered.set()
        start = time.monotonic()
        window_first()
        waited.append(time.monotonic() - start)
        returned.set()

    window_busy()  # a page scroll waits for its paint
    try:
        window_first()  # the window's own thread never waits for itself
        thread = threading.Thread(target=work)
        thread.start()
        assert entered.wait(5)
        assert not returned.wait(WINDOW_FIRST_MAX_S / 5)  # the op's work waits...
        window_free()  # ... until the window has painted
        assert returned.wait(5)
        thread.join()

        # A window that never says it painted holds up one wait of WINDOW_FIRST_MAX_S, then none.
        window_busy()
        returned.clear()
        thread = threading.Thread(target=work)
        thread.start()
        assert returned.wait(5)
        thread.join()
        assert waited[-1] >= WINDOW_FIRST_MAX_S * 0.9

        # None after it: calls that would each wait WINDOW_FIRST_MAX_S (20 s together) all return in
        # a bound of seconds, which leaves a busy machine its scheduling.
        def many() -> None:
            for _ in range(400):
                window_first()
            returned.set()

        returned.clear()
        thread = threading.Thread(target=many)
        thread.start()
        assert returned.wait(5)
        thread.join()
    finally:
        window_free()
