"""Batches parsed in a second thread: order kept, memory bounded, errors and cancels reach the writer."""

from __future__ import annotations

import threading
from collections.abc import Generator

import pytest

from app.chat_export.ahead import made_ahead


def test_batches_arrive_in_file_order_and_at_most_one_waits_ahead() -> None:
    made: list[int] = []
    handed: list[int] = []

    def batches() -> Generator[int, None, None]:
        for n in range(50):
            made.append(n)
            yield n

    for n in made_ahead(batches(), 1, "test-ahead"):
        # The one handed over, one waiting and one being made: never more.
        assert len(made) - len(handed) <= 3
        handed.append(n)
    assert handed == list(range(50))


def test_a_file_that_breaks_midway_raises_in_the_writing_thread() -> None:
    def batches() -> Generator[int, None, None]:
        yield 1
        raise ValueError("damaged zip")

    got: list[int] = []
    with pytest.raises(ValueError, match="damaged zip"):
        for n in made_ahead(batches(), 1, "test-ahead"):
            got.append(n)
    assert got == [1]


def test_stopping_the_import_stops_the_parsing_and_closes_the_file() -> None:
    closed = threading.Event()
    made: list[int] = []

    def batches() -> Generator[int, None, None]:
        try:
            for n in range(10_000):
                made.append(n)
                yield n
        finally:
            closed.set()

    ready = made_ahead(batches(), 1, "test-ahead")
    assert next(ready) == 0
    ready.close()
    assert closed.is_set()  # the parser's thread ended and closed its file before close() returned
    assert len(made) <= 4
    assert not any(t.name == "test-ahead" for t in threading.enumerate())
