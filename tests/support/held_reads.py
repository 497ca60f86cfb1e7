"""A read of ours held once it has read: the answer is on its way while the test makes the owner's
change, and arrives only when the test lets it go (a stale answer, made to arrive on purpose)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest


class HeldRead:
    """Stands in for a view's read function: the first call (that `only` lets through) does the real
    read on its op's thread, sets `read`, and waits for `let_go` before answering."""

    def __init__(self, look: Callable[..., Any], only: Callable[[], bool] | None = None) -> None:
        self.look = look
        self.only = only
        self.read = threading.Event()
        self._may_answer = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        found = self.look(*args, **kwargs)
        if not self.read.is_set() and (self.only is None or self.only()):
            self.read.set()
            assert self._may_answer.wait(20), "the held look was never let go"
        return found

    def let_go(self) -> None:
        self._may_answer.set()


def hold_first_read(
    monkeypatch: pytest.MonkeyPatch, owner: object, name: str, *, only: Callable[[], bool] | None = None
) -> HeldRead:
    """`owner.name` (a module's read function, as the view calls it) held at its first call."""
    held = HeldRead(getattr(owner, name), only)
    monkeypatch.setattr(owner, name, held)
    return held
