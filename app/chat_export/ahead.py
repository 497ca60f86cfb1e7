"""An iterator's items made in a second thread, a few ahead: an import parses while SQLite writes."""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator
from dataclasses import dataclass
from typing import TypeVar

from app import thread_priority

T = TypeVar("T")

_END = object()


@dataclass(frozen=True, slots=True)
class _Failed:
    error: BaseException


def made_ahead(items: Generator[T, None, None], ahead: int, name: str) -> Generator[T, None, None]:
    """The items of `items` in order, each made in a thread of its own up to `ahead` items before
    it is asked for; an exception raised while making one is raised here, where it was asked for.

    SQLite lets go of the GIL while it steps through a statement, so on two cores the Python that
    makes the next items runs while this thread's statements do. At most `ahead` items wait in
    between, so memory stays bounded. Closing the generator (or an exception in the loop that uses
    it) stops the maker after the item it is making, and waits for it.
    """
    handoff: queue.Queue[object] = queue.Queue(maxsize=ahead)
    stop = threading.Event()
    lowered = thread_priority.is_lowered()

    def make() -> None:
        if lowered:
            thread_priority.keep_lowered()
        try:
            for item in items:
                handoff.put(item)
                if stop.is_set():
                    break
        except BaseException as exc:  # raised again in the consuming thread
            handoff.put(_Failed(exc))
        finally:
            items.close()  # a generator's open files are closed in the thread that used them
            handoff.put(_END)

    maker = threading.Thread(target=make, name=name, daemon=True)
    maker.start()
    ended = False
    try:
        while True:
            item = handoff.get()
            if item is _END:
                ended = True
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        # Taking what waits unblocks the maker; it then sees `stop` and ends with _END.
        while not ended:
            ended = handoff.get() is _END
        maker.join()
