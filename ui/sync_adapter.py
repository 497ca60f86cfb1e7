"""The Qt face of app's sync engine: its callbacks become signals on the GUI thread.

The relay token is read off the GUI thread (`start_with_token`): a keyring backend can take
seconds, or show the OS's unlock prompt. The engine (app/engine.py) runs in its own worker threads
and calls `on_changed(Changes)` and `on_state(ConnectionState)` from there; each call is posted to
the GUI thread (ui/gui_thread.py), where a synced batch's `Changes` is published on the context's
hub like any op's. With no relay configured the window works the same, read-only towards the relay.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from app.changes import Changes
from app.connection import Connection, ConnectionState
from app.errors import ErrorCode, RelayUnreachable, ShopInboxError
from app.wire import Template
from ui.context import AppContext
from ui.gui_thread import GuiThreadSignals
from ui.restored_token import forget_token_left_behind, token_left_behind

if TYPE_CHECKING:
    from app.engine import SyncEngine
    from app.relay_client import RelayClient
    from app.relay_pushes import PushTask

log = logging.getLogger(__name__)


class SyncAdapter(GuiThreadSignals):
    """Owns the engine's lifetime; publishes what each synced batch changed; says how the link stands."""

    state_changed = Signal(object)  # ConnectionState, always emitted on the GUI thread
    graph_down_changed = Signal(bool)  # the relay answers but cannot reach WhatsApp (GUI thread)
    # frozenset[PushTask]: what the relay did not take while online, tried again on a backoff (GUI thread)
    pushes_waiting_changed = Signal(object)
    # What the engine reports from its threads, posted to the GUI thread (ui/gui_thread.py).
    _synced = Signal(object)  # Changes
    _state_reported = Signal(object)  # ConnectionState
    _graph_reported = Signal(bool)
    _pushes_reported = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        relay_url: str = "",
        token: str = "",
        parent: QObject | None = None,
        *,
        poll_wait: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.relay_url = relay_url
        self.token = token
        self.poll_wait = poll_wait
        self.state = ConnectionState(Connection.CONNECTING)
        self.engine: SyncEngine | None = None
        self._synced.connect(ctx.hub.publish)
        self._state_reported.connect(self._show_state)
        self.graph_down = False
        self._graph_reported.connect(self._show_graph_down)
        self.pushes_waiting: frozenset[PushTask] = frozenset()
        self._pushes_reported.connect(self._show_pushes_waiting)
        # Counts the token reads asked for and the stops: a read answers only if nothing came after it.
        self._asked = 0
        self.reading_token = False
        # How the token was read (the keyring): Retry reads it again after the keyring was locked.
        self._read_token: Callable[[], str] | None = None

    @property
    def running(self) -> bool:
        return self.engine is not None

    def start(self) -> bool:
        """Start the engine when a relay and its token are known; else say which is missing (the window
        browses saved chats meanwhile)."""
        if not self.relay_url:
            self._on_state(ConnectionState(Connection.NOT_CONFIGURED))
            return False
        if not self.token:
            left_behind = token_left_behind(self.ctx.paths)
            self._on_state(ConnectionState(Connection.NO_TOKEN, after_restore=left_behind))
            return False
        forget_token_left_behind(self.ctx.paths)
        # httpx and the engine load after the first paint (DESIGN.md, performance budget).
        from app.engine import SyncEngine

        options = {} if self.poll_wait is None else {"poll_wait": self.poll_wait}
        self.engine = SyncEngine(
            self.ctx.db,
            self.relay_url,
            self.token,
            self.ctx.paths.media_dir,
            on_changed=self._on_changed,
            on_state=self._on_state,
            on_graph_down=self._on_graph_down,
            on_pushes_waiting=self._on_pushes_waiting,
            **options,
        )
        self._on_state(ConnectionState(Connection.CONNECTING))
        self.engine.start()
        return True

    def start_with_token(self, relay_url: str, read_token: Callable[[], str]) -> None:
        """(Re)start on `relay_url` once `read_token` (the keyring, blocking) has answered off the GUI
        thread: "connecting" meanwhile and no poll before the token is known; none found, the
        banner asks for it (NO_TOKEN). A stop or a newer start meanwhile wins over this read."""
        from ui.ops import run_op

        self.stop()
        self.relay_url, self.token = relay_url, ""
        self._read_token = read_token
        if not relay_url:
            self.start()  # nothing to read: "no relay configured" at once
            return
        self._asked += 1
        asked = self._asked
        self.reading_token = True
        self._on_state(ConnectionState(Connection.CONNECTING))

        def known(token: str) -> None:
            if asked != self._asked:
                return  # stopped, or started again with another address or token, meanwhile
            self.reading_token = False
            self.token = token
            self.start()

        def unread(exc: BaseException) -> None:
            if asked != self._asked:
                return
            if isinstance(exc, ShopInboxError) and exc.code is ErrorCode.KEYRING_LOCKED:
                self.reading_token = False
                self._on_state(ConnectionState(Connection.KEYRING_LOCKED))
                return
            # Another exception the keyring let through (ops.py logs it): said as no token, which
            # Settings mends.
            known("")

        run_op(read_token, known, parent=self, on_failure=unread)

    def stop(self) -> None:
        self._asked += 1  # a token read under way starts nothing now
        self.reading_token = False
        if self.engine is not None:
            self.engine.stop()
            self.engine = None
        self._show_graph_down(False)  # a new engine finds out again with its first send
        self._show_pushes_waiting(frozenset())  # and pushes everything again when it connects

    def retry(self) -> None:
        """Reconnect now (the banner's Retry, a wake from sleep); while the token is being read, its
        answer starts the engine."""
        if self.reading_token:
            return
        if self.state.kind is Connection.KEYRING_LOCKED and self._read_token is not None:
            self.start_with_token(self.relay_url, self._read_token)  # unlocked meanwhile, maybe
            return
        self.stop()
        self.start()

    def reconnect(self, relay_url: str, token: str) -> None:
        """(Re)start on `relay_url` with a token already in memory (the demo's): nothing to read."""
        self.stop()
        self.relay_url, self.token = relay_url, token
        self.start()

    def relay_client(self) -> RelayClient | None:
        """The running engine's relay client (blocking calls: use it off the GUI thread)."""
        return self.engine.client if self.engine is not None else None

    def retry_push_later(self, task: PushTask) -> None:
        """A push of this kind did not get through while online: the engine tries it again on its
        backoff (nothing to do without an engine: it pushes everything when it connects)."""
        if self.engine is not None:
            self.engine.retry_push_later(task)

    def wake_sender(self) -> None:
        if self.engine is not None:
            self.engine.wake_sender()

    def send_read_receipt(self, wamid: str) -> None:
        if self.engine is not None:
            self.engine.send_read_receipt(wamid)

    def templates(self) -> list[Template]:
        """Templates from the relay (blocking); RelayUnreachable when sync is not running."""
        if self.engine is None:
            raise RelayUnreachable()
        return self.engine.fetch_templates()

    def fetch_media(self, media_id: int) -> Path | None:
        """The local file of a Media row, downloaded through the relay the first time (blocking)."""
        return self.engine.fetch_media(media_id) if self.engine is not None else None

    # Called on the engine's threads: only post, never touch widgets.
    def _on_changed(self, changes: Changes) -> None:
        self.post(self._synced, changes)

    def _on_state(self, state: ConnectionState) -> None:
        if QThread.currentThread() is self.thread():
            self._show_state(state)  # start() on the GUI thread: said at once
        else:
            self.post(self._state_reported, state)

    def _on_graph_down(self, down: bool) -> None:
        self.post(self._graph_reported, down)

    def _on_pushes_waiting(self, waiting: frozenset[PushTask]) -> None:
        self.post(self._pushes_reported, waiting)

    def _show_pushes_waiting(self, waiting: frozenset[PushTask]) -> None:
        if self.engine is None and waiting:
            return  # told by an engine stopped since, its set posted before the stop
        if waiting != self.pushes_waiting:
            self.pushes_waiting = waiting
            self.pushes_waiting_changed.emit(waiting)

    def _show_graph_down(self, down: bool) -> None:
        if down != self.graph_down:
            self.graph_down = down
            self.graph_down_changed.emit(down)

    def _show_state(self, state: ConnectionState) -> None:
        self.state = state
        self.state_changed.emit(state)
