"""Records what the sync engine reports from its threads, and waits on it without sleeping."""

from __future__ import annotations

import contextlib
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.apply_process import STARVED_AFTER, ApplyProcess
from app.changes import AppliedReaction, Changes
from app.models import Message
from app.sync import SyncWorker

ROOT = Path(__file__).resolve().parents[2]

if TYPE_CHECKING:
    from app.db import Database
    from app.engine import SyncEngine
    from app.relay_client import RelayClient
    from tests.support.relay_server import RunningRelay


class EngineProbe:
    """Pass `.on_changed` and `.on_state` to SyncEngine; `wait_until(predicate)` blocks on the reports."""

    def __init__(self) -> None:
        self.changed: list[set[int]] = []
        self.reactions: list[AppliedReaction] = []  # as each batch reported them, in order
        self.states: list[Any] = []
        self._cond = threading.Condition()

    def on_changed(self, changes: Changes) -> None:
        with self._cond:
            self.changed.append(set(changes.contacts))
            self.reactions.extend(sorted(changes.reactions, key=lambda r: (r.at, r.message_id)))
            self._cond.notify_all()

    def on_state(self, state: Any) -> None:
        with self._cond:
            self.states.append(state)
            self._cond.notify_all()

    @property
    def state_names(self) -> list[str]:
        return [str(s.value) for s in self.states]

    def wait_until(self, predicate: Callable[[], bool], timeout: float = 15.0) -> None:
        """Re-check `predicate` whenever the engine reports (and at least every 0.2 s) until it holds."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"condition not met in {timeout} s; states {self.state_names}\n{engine_threads()}"
                    )
                self._cond.wait(min(0.2, remaining))


def engine_threads() -> str:
    """Where each engine thread stands (its innermost frames in our code, and the very last one): a
    wait that timed out says whether the sender waited on the relay, the file or its next try."""
    current = sys._current_frames()
    parts = []
    for thread in threading.enumerate():
        frame = current.get(thread.ident or -1)
        if frame is not None and thread.name.startswith("relay-"):
            frames = traceback.extract_stack(frame)
            ours = [f for f in frames if f.filename.startswith(str(ROOT)) and ".venv" not in f.filename]
            stack = "".join(traceback.format_list([*ours[-5:], frames[-1]]))
            parts.append(f"thread {thread.name}:\n{stack}")
    return "".join(parts) or "no engine thread is running"


def bodies(db: Database) -> list[str]:
    """Every message's text in the inbox, in the chat's order."""
    with db.read() as s:
        return list(s.scalars(select(Message.body).order_by(Message.sent_at, Message.id)))


def message_status(db: Database, message_id: int) -> str:
    """A message's status ("" while it does not exist)."""
    with db.read() as s:
        m = s.get(Message, message_id)
        return "" if m is None else m.status


def quick_engine(
    db: Database,
    relay: RunningRelay,
    media_dir: Path,
    probe: EngineProbe | None = None,
    *,
    url: str | None = None,
    poll_wait: float = 1.5,
) -> tuple[SyncEngine, EngineProbe]:
    """A sync engine (not started) on the relay (at `url`, else its own) that polls and retries
    quickly, and its probe (`probe`, or a new one)."""
    from app.engine import SyncEngine

    probe = probe if probe is not None else EngineProbe()
    engine = SyncEngine(
        db,
        url or relay.url,
        relay.token,
        media_dir,
        on_changed=probe.on_changed,
        on_state=probe.on_state,
        poll_wait=poll_wait,
        retry_base=0.05,
        retry_cap=0.5,
    )
    return engine, probe


@contextlib.contextmanager
def running_engine(
    db: Database,
    relay: RunningRelay,
    media_dir: Path,
    probe: EngineProbe,
    *,
    url: str | None = None,
    poll_wait: float = 1.5,
) -> Iterator[SyncEngine]:
    """`quick_engine` started, reporting to `probe`, and stopped when the block ends."""
    engine, _ = quick_engine(db, relay, media_dir, probe, url=url, poll_wait=poll_wait)
    engine.start()
    try:
        yield engine
    finally:
        engine.stop()


def worker_with_a_catch_up_process(
    db: Database,
    relay: RunningRelay,
    client: RelayClient,
    probe: EngineProbe,
    stop: threading.Event,
    *,
    page_size: int,
    starved_after: float = STARVED_AFTER,
) -> SyncWorker:
    """A sync worker as the engine makes one: its catch-ups applied by a catch-up process (ended
    and started again out of the idle policy after `starved_after` seconds starved of a core)."""
    return SyncWorker(
        db,
        client,
        on_changed=probe.on_changed,
        on_state=probe.on_state,
        stop=stop,
        wait=0.5,
        page_size=page_size,
        apply_process=ApplyProcess(db.path, relay.url, relay.token, page_size, starved_after=starved_after),
    )
