"""A view's repeated reads overlap on the pool: an old answer arriving last never replaces a new one."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel

from ui.ops import Newest, pending_ops


def test_an_older_read_that_answers_last_is_dropped(qtbot: Any) -> None:
    label = QLabel("nothing read")
    qtbot.addWidget(label)
    pool = QThreadPool.globalInstance()
    pool.setMaxThreadCount(max(2, pool.maxThreadCount()))  # the two reads overlap, as on any laptop
    reads = Newest()
    old_may_answer = threading.Event()

    def old_read() -> str:  # started first: it saw the rows before the owner's edit
        old_may_answer.wait(10)
        return "before the edit"

    reads.run_op(old_read, label.setText, parent=label)
    reads.run_op(lambda: "after the edit", label.setText, parent=label)
    qtbot.waitUntil(lambda: label.text() == "after the edit")
    old_may_answer.set()
    qtbot.waitUntil(lambda: pending_ops() == 0)  # the old read answered, and was dropped
    assert label.text() == "after the edit"
