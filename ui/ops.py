"""Run an app/ call off the GUI thread and deliver its result (or one warning) back on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from app.changes import Changes
from app.db import is_damaged_file, is_disk_full, is_storage_failure
from app.errors import DiskFull, ErrorCode, ShopInboxError
from app.thread_priority import run_in_background, window_first
from ui import message_box
from ui.error_sentences import error_sentence, file_error_sentence
from ui.gui_thread import GuiThreadSignals

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ui.context import AppContext

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]
T = TypeVar("T")

_one_thread: dict[str, QThreadPool] = {}  # name → a pool of one thread, made when first asked for


def _single(name: str) -> QThreadPool:
    pool = _one_thread.get(name)
    if pool is None:
        pool = _one_thread[name] = QThreadPool()
        pool.setObjectName(name)
        pool.setMaxThreadCount(1)
    return pool


def writer_pool() -> QThreadPool:
    """The one writer: every write the window asks for runs here, one at a time, in the order asked.

    SQLite has one writer anyway; queueing here means a write never waits on another write's
    lock, and the owner's edits land in the order they were made.
    """
    return _single("writer")


def long_pool() -> QThreadPool:
    """One thread for jobs that take minutes (a backup of a large inbox to a slow USB stick): the
    read pool's threads (one per core) stay free for the window's reads meanwhile."""
    return _single("long")


def picture_pool() -> QThreadPool:
    """One thread that reads and scales pictures for painting (chat photos, catalogue and shared-media
    thumbnails): two cores shared with sync, one picture at a time.

    Like every pool here it belongs to no widget. A QThreadPool that is a widget's child is destroyed
    with the window from C++, which waits for its running job while holding the interpreter lock that
    job needs to finish: the window hung for good (a test run stopped there until CI's time ran out).
    """
    return _single("pictures")


def _below_the_window(fn: Callable[[], Any]) -> Callable[[], Any]:
    """A long job runs at a priority below the window's: on two cores, a backup's compressing never
    makes a scroll wait for a core (app/thread_priority.py)."""

    def lowered() -> Any:
        run_in_background()
        return fn()

    return lowered


def wait_for_ops(write_msecs: int = 10_000, read_msecs: int = 3_000) -> bool:
    """At quit: the queued writes finish before the database closes; running reads get a moment.

    A read still running after `read_msecs` (a download through the relay, say) is left behind, and
    so is a backup (the next one is made whole).
    """
    writer, long_jobs = _one_thread.get("writer"), _one_thread.get("long")
    pictures = _one_thread.get("pictures")
    writes_done = writer is None or writer.waitForDone(write_msecs)
    pool = Op.pool or QThreadPool.globalInstance()
    long_done = long_jobs is None or long_jobs.waitForDone(read_msecs)
    pictures_done = pictures is None or pictures.waitForDone(read_msecs)
    return pool.waitForDone(read_msecs) and writes_done and long_done and pictures_done


class _Delivery(GuiThreadSignals):
    """Lives on the GUI thread; the worker posts the result to it (ui/gui_thread.py: a signal of
    ours is never emitted from a worker thread), so callbacks always run there."""

    finished = Signal(object, object)  # result, error; emitted on the GUI thread

    def __init__(self, op: Op) -> None:
        super().__init__()
        self.op = op
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: object, error: object) -> None:
        self.op._done(result, error)

    def deliver(self, result: object, error: object) -> None:
        """From the worker: hand the result to the GUI thread (`behind_window`: behind the window's
        own events queued meanwhile)."""
        self.post(self.finished, result, error, behind=self.op.behind_window)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], delivery: _Delivery) -> None:
        super().__init__()
        self.fn = fn
        self.delivery = delivery
        self.setAutoDelete(True)

    def run(self) -> None:
        run_in_background()  # the window's own thread comes first when both want a core
        window_first()
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which shows or logs it
            self.delivery.deliver(None, exc)
        else:
            self.delivery.deliver(result, None)


_running: set[Op] = set()


# Ends the owner asked for (a cancel): not failures, so not warnings in the log.
ASKED_FOR = frozenset({ErrorCode.CHAT_IMPORT_CANCELLED, ErrorCode.CHAT_EXPORT_CANCELLED})


def failure_sentence(exc: BaseException) -> str:
    """What the shop owner reads when an operation fails."""
    if isinstance(exc, ShopInboxError):
        return error_sentence(exc)
    if is_disk_full(exc):  # e.g. the chat import's own writer, which works on sqlite3 directly
        return error_sentence(DiskFull())
    if is_damaged_file(exc):  # found while the inbox is open (the start checks it when it can)
        return QCoreApplication.translate(
            "ops",
            "Part of Shop Inbox's data file is damaged (a power cut or a failing disk can do this), so "
            "this could not be done. Restore your latest backup with File ▸ Restore from backup; the "
            "damaged file is kept aside, not deleted.",
        )
    if is_storage_failure(exc):
        return QCoreApplication.translate(
            "ops",
            "Shop Inbox could not save this: its data file is busy or cannot be written. Nothing else "
            "was lost; try again in a moment.",
        )
    if isinstance(exc, OSError):
        return file_error_sentence(exc)
    return QCoreApplication.translate(
        "ops", "Something went wrong. The details were written to the log file."
    )


class Op:
    """One background call: `Op(fn).success(cb).failure(cb).run()`.

    Without a failure callback, an error becomes a single warning dialog over `parent` (logged in
    any case). Callbacks are dropped when `parent` (a widget, or a model) was destroyed meanwhile.
    """

    pool: QThreadPool | None = None

    def __init__(
        self,
        fn: Callable[[], Any],
        *,
        parent: QObject | None = None,
        title: str = "",
        writes: bool = False,
        long: bool = False,
    ) -> None:
        self.fn = fn
        self.long = long  # runs on its own thread (long_pool), not in the read pool
        self.parent = parent
        self.title = title
        self.writes = writes  # runs on the one writer (writer_pool), after the writes queued before it
        # The result waits for the window's events already queued (a scroll's repaint, a click):
        # for background refreshes whose callback is heavy (a catch-up's batch of chat-list rows).
        self.behind_window = False
        self._success: Success | None = None
        self._failure: Failure | None = None
        self._delivery: _Delivery | None = None

    def success(self, callback: Success) -> Op:
        self._success = callback
        return self

    def failure(self, callback: Failure) -> Op:
        self._failure = callback
        return self

    def run(self) -> Op:
        self._delivery = _Delivery(self)
        _running.add(self)
        if self.writes:
            pool = writer_pool()
        elif self.long:
            pool = long_pool()
        else:
            pool = Op.pool or QThreadPool.globalInstance()
        pool.start(_Runnable(_below_the_window(self.fn) if self.long else self.fn, self._delivery))
        return self

    def _done(self, result: object, error: object) -> None:
        _running.discard(self)
        try:
            self._deliver(result, error)
        finally:
            if _closed:  # after the callbacks: an op they started keeps its dialog
                _delete_settled()

    def _deliver(self, result: object, error: object) -> None:
        if self.parent is not None and not _alive(self.parent):
            return
        if isinstance(error, BaseException):
            if isinstance(error, ShopInboxError) and error.code in ASKED_FOR:
                log.info("operation stopped as asked: %s", error.code)
            elif isinstance(
                error, ShopInboxError
            ):  # foreseen (a USB stick out, a relay down): its code says it
                log.warning("operation failed: %s", error)
            else:
                log.warning("operation failed: %s", error, exc_info=error)
            if self._failure is not None:
                self._failure(error)
            else:
                message_box.warning(
                    self.parent if isinstance(self.parent, QWidget) else None,
                    self.title or QCoreApplication.translate("ops", "Shop Inbox"),
                    failure_sentence(error),
                )
            return
        if self._success is not None:
            self._success(result)


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:  # the C++ object is gone
        return False
    return True


# Closed dialogs waiting for the ops they started to deliver before they are deleted.
_closed: list[QObject] = []


def delete_when_settled(obj: QObject) -> None:
    """Delete a closed dialog once every op it (or a widget in it) started has delivered.

    A dialog opened from a menu is parented to the window, so closing it only hides it: it kept its
    hub connections (reloading on every change) for as long as the window lived. Deleting it at once
    would drop the callbacks of a save or relay push still running (the push's publish of a conflict),
    so it goes when the last of them has run.
    """
    _closed.append(obj)
    _delete_settled()


def delete_when_closed(dialog: QDialog) -> None:
    """`dialog` is deleted once closed (accepted, rejected or its title bar's close) and settled."""
    dialog.finished.connect(lambda _result: delete_when_settled(dialog))


def _started_in(op: Op, obj: QObject) -> bool:
    parent = op.parent
    while parent is not None:
        if parent is obj:
            return True
        try:
            parent = parent.parent()
        except RuntimeError:  # deleted meanwhile
            return False
    return False


def _delete_settled() -> None:
    for obj in list(_closed):
        if not _alive(obj):
            _closed.remove(obj)
        elif not any(_started_in(op, obj) for op in _running):
            _closed.remove(obj)
            obj.deleteLater()


def run_op(
    fn: Callable[[], Any],
    on_success: Success | None = None,
    *,
    parent: QObject | None = None,
    on_failure: Failure | None = None,
    writes: bool = False,
    behind_window: bool = False,
) -> Op:
    """Shorthand: run `fn` in the pool (or on the writer), then `on_success(result)` on the GUI thread."""
    op = Op(fn, parent=parent, writes=writes)
    op.behind_window = behind_window
    if on_success is not None:
        op.success(on_success)
    if on_failure is not None:
        op.failure(on_failure)
    return op.run()


class Newest:
    """A view's repeated read of the same thing: an older read that answers after a newer one is
    dropped, so the view never goes back to what was stored before (reads overlap on the pool).

    Never starves: each answer newer than the one shown is shown, even while more reads start.
    """

    def __init__(self) -> None:
        self._started = 0
        self._shown = 0

    def run_op(
        self,
        fn: Callable[[], Any],
        on_success: Success,
        *,
        parent: QObject | None = None,
        on_failure: Failure | None = None,
        on_outdated: Success | None = None,
    ) -> Op:
        """`on_outdated` gets the result of a read a newer one was shown before (it may carry
        something the newer one lacked, such as a slower source's answer)."""
        self._started += 1
        started = self._started

        def deliver(result: object) -> None:
            if started > self._shown:
                self._shown = started
                on_success(result)
            elif on_outdated is not None:
                on_outdated(result)

        return run_op(fn, deliver, parent=parent, on_failure=on_failure)

    def run_read(
        self,
        ctx: AppContext,
        fn: Callable[[Session], Any],
        on_success: Success,
        *,
        parent: QObject | None = None,
        on_failure: Failure | None = None,
        on_outdated: Success | None = None,
    ) -> Op:
        """`run_op` of `fn(session)` in a short read session, as `run_read` opens one."""
        db = ctx.db

        def work() -> Any:
            with db.read() as session:
                return fn(session)

        return self.run_op(work, on_success, parent=parent, on_failure=on_failure, on_outdated=on_outdated)

    def overtaken(self) -> None:
        """The view shows something newer than any read running: what a write of its own answered
        (the order as the move stored it), or a fresher row. The reads started before may have read
        the rows before it, so their answers go to `on_outdated`, never over it. Reads started from
        now on are newer, and shown."""
        self._shown = self._started


def pending_ops() -> int:
    """How many ops have not delivered yet (tests wait on this)."""
    return len(_running)


def run_change(
    ctx: AppContext,
    fn: Callable[[], Changes],
    on_done: Callable[[Changes], None] | None = None,
    *,
    parent: QObject | None = None,
    on_failure: Failure | None = None,
) -> Op:
    """Run a change on the writer; on the GUI thread publish the `Changes` it returns, then `on_done`.

    Every view listening on `ctx.hub.changed` refreshes what it shows; `on_done` is for the caller's
    own follow-up (close a dialog, select the new row). A write that also returns a value returns a
    value: use `run_op` with a `(value, changes)` result and call `ctx.publish` in its callback.
    """

    def done(changes: Changes) -> None:
        ctx.publish(changes)
        if on_done is not None:
            on_done(changes)

    return run_op(fn, done, parent=parent, on_failure=on_failure, writes=True)


def run_change_returning(
    ctx: AppContext,
    fn: Callable[[], tuple[T, Changes]],
    on_done: Callable[[T], None] | None = None,
    *,
    parent: QObject | None = None,
    on_failure: Failure | None = None,
) -> Op:
    """A change that also returns a value (e.g. the new row): publish its `Changes`, then `on_done(value)`."""

    def done(result: tuple[T, Changes]) -> None:
        value, changes = result
        ctx.publish(changes)
        if on_done is not None:
            on_done(value)

    return run_op(fn, done, parent=parent, on_failure=on_failure, writes=True)


def run_read(
    ctx: AppContext,
    fn: Callable[[Session], T],
    on_success: Callable[[T], None] | None = None,
    *,
    parent: QObject | None = None,
    on_failure: Failure | None = None,
    behind_window: bool = False,
) -> Op:
    """Anki's QueryOp: `fn(session)` in a short read session off the GUI thread, then `on_success(result)`.

    With `behind_window`, the result waits for the window's events queued before it arrived."""
    db = ctx.db

    def work() -> T:
        with db.read() as session:
            return fn(session)

    return run_op(work, on_success, parent=parent, on_failure=on_failure, behind_window=behind_window)


def run_write(
    ctx: AppContext,
    fn: Callable[[Session], Changes],
    on_done: Callable[[Changes], None] | None = None,
    *,
    parent: QObject | None = None,
    on_failure: Failure | None = None,
) -> Op:
    """Anki's CollectionOp: `fn(session)` in one write transaction on the writer; publishes its `Changes`."""
    db = ctx.db

    def work() -> Changes:
        with db.write() as session:
            return fn(session)

    return run_change(ctx, work, on_done, parent=parent, on_failure=on_failure)


def run_write_returning(
    ctx: AppContext,
    fn: Callable[[Session], tuple[T, Changes]],
    on_done: Callable[[T], None] | None = None,
    *,
    parent: QObject | None = None,
    on_failure: Failure | None = None,
) -> Op:
    """`run_write` for a write that also returns a value: publish its `Changes`, then `on_done(value)`."""
    db = ctx.db

    def work() -> tuple[T, Changes]:
        with db.write() as session:
            return fn(session)

    return run_change_returning(ctx, work, on_done, parent=parent, on_failure=on_failure)
