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


def test_an_outdated_answer_is_handed_to_its_own_callback(qtbot: Any) -> None:
    """A slower read may carry what the newer one lacked (the relay's answer): the view still gets it."""
    label = QLabel("nothing read")
    qtbot.addWidget(label)
    pool = QThreadPool.globalInstance()
    pool.setMaxThreadCount(max(2, pool.maxThreadCount()))
    reads = Newest()
    relay_may_answer = threading.Event()
    late: list[str] = []

    def read_asking_the_relay() -> str:
        relay_may_answer.wait(10)
        return "the relay's answer"

    reads.run_op(read_asking_the_relay, label.setText, parent=label, on_outdated=late.append)
    reads.run_op(lambda: "from the chats", label.setText, parent=label, on_outdated=late.append)
    qtbot.waitUntil(lambda: label.text() == "from the chats")
    relay_may_answer.set()
    qtbot.waitUntil(lambda: late == ["the relay's answer"])
    assert label.text() == "from the chats"


def test_a_read_started_before_a_write_the_view_showed_never_replaces_it(qtbot: Any) -> None:
    """The view shows what its own write answered: a read that started before the write may have
    read the rows before it, so its answer goes to `on_outdated`; a read started after is shown."""
    label = QLabel("nothing read")
    qtbot.addWidget(label)
    reads = Newest()
    read_before, may_answer = threading.Event(), threading.Event()
    late: list[str] = []

    def read_before_the_write() -> str:
        read_before.set()
        may_answer.wait(10)
        return "before the write"

    reads.run_op(read_before_the_write, label.setText, parent=label, on_outdated=late.append)
    qtbot.waitUntil(read_before.is_set)
    label.setText("as the write stored it")  # the write's own answer
    reads.overtaken()
    may_answer.set()
    qtbot.waitUntil(lambda: late == ["before the write"])
    assert label.text() == "as the write stored it"

    reads.run_op(lambda: "after the write", label.setText, parent=label, on_outdated=late.append)
    qtbot.waitUntil(lambda: label.text() == "after the write")
