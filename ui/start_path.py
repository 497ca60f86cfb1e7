"""Start-up after the first paint: load the database layer in a worker, then finish the window with it."""

from __future__ import annotations

import dataclasses
import importlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView

from ui.first_paint import mark
from ui.gui_thread import GuiThreadSignals

if TYPE_CHECKING:
    from app.settings import Preferences
    from ui.chat_list_model import ChatListModel
    from ui.context import AppContext
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

# What the finished window needs, imported in the worker so the painted window stays responsive:
# SQLAlchemy and our models, pydantic (app.wire), httpx and keyring (sync), babel's data, and the
# widget modules that bring them in. Importing is thread-safe; no widget is made off the GUI thread.
DEFERRED_MODULES = (
    "sqlalchemy.orm",
    "app.models",
    "app.queries",
    "app.settings",
    "app.chat_export.importer",
    "app.automations_store",
    "app.wire",
    "ui.ops",
    "ui.chat_pane",
    "ui.search_panel",
    "ui.contact_panel",
    "ui.connection_banner",
    "ui.notifications",
    "ui.sync_adapter",
    "ui.settings_action",
    "ui.order_actions",
    "logging.handlers",  # the log file's rotating handler (ui/main.py rotate_log_file)
)

# A window that is never painted (started minimised on some platforms) still finishes starting.
UNPAINTED_START_MS = 2000


class FirstPaint(QObject):
    """Watches a view's viewport until its first paint; `painted` says the paint (not the fallback
    timer) set start-up going."""

    def __init__(self, view: QAbstractItemView, then: Callable[[], None]) -> None:
        super().__init__(view)
        self.view = view
        self.then = then
        self.done = False
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
            if self.ready():
                QTimer.singleShot(0, self, self.fire)  # once this paint is done
        return False

    def ready(self) -> bool:
        """Whether the paint under way is the one `then` waits for."""
        return True

    def fire(self) -> None:
        if self.done:
            return
        self.done = True
        self.view.viewport().removeEventFilter(self)
        if not self.painted:
            log.info("no first paint within %d ms: finishing start-up anyway", UNPAINTED_START_MS)
        self.then()


def after_first_paint(view: QAbstractItemView, then: Callable[[], None]) -> FirstPaint:
    """Call `then` on the event loop once `view` has painted (a zero timer from inside the paint
    event fires after the paint; one started before the window shows fires before it). A shop with
    no chat yet paints an empty list: that is its first page too."""
    return _watched(FirstPaint(view, then))


Probe = TypeVar("Probe", bound=FirstPaint)


class FirstPage(FirstPaint):
    """Watches the chat list's viewport until it paints the list's first page read (rows, or a list
    read empty); after UNPAINTED_START_MS at the latest."""

    def __init__(self, view: QAbstractItemView, model: ChatListModel, then: Callable[[], None]) -> None:
        super().__init__(view, then)
        self.model = model
        self.marked = False

    def ready(self) -> bool:
        if not self.marked:
            self.marked = True
            mark("window painted")
        return self.model.loaded_once


def after_first_page(view: QAbstractItemView, model: ChatListModel, then: Callable[[], None]) -> FirstPage:
    """Call `then` once the chat list has painted its first page: what `then` does on the GUI thread
    would otherwise keep the window black, or hold back the page's rows with the list painted empty."""
    return _watched(FirstPage(view, model, then))


def _watched(probe: Probe) -> Probe:
    probe.view.viewport().installEventFilter(probe)
    QTimer.singleShot(UNPAINTED_START_MS, probe.fire)
    return probe


class DeferredStart(GuiThreadSignals):
    """Imports DEFERRED_MODULES, discards an unfinished chat import and reads the preferences in a
    worker thread; `finished` carries the preferences (or the exception) to the GUI thread."""

    finished = Signal(object)  # Preferences | Exception

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._thread = _DeferredLoad(ctx, self)

    def start(self) -> None:
        mark("deferred start begun")
        self._thread.start()

    def wait(self) -> None:
        if self._thread.is_alive():
            self._thread.join()


class _DeferredLoad(threading.Thread):
    """The worker thread's body: the deferred imports, then app/'s start-up reads, handed back."""

    def __init__(self, ctx: AppContext, owner: DeferredStart) -> None:
        super().__init__(name="deferred-start", daemon=True)
        self.ctx = ctx
        self.owner = owner

    def run(self) -> None:
        try:
            for name in DEFERRED_MODULES:
                importlib.import_module(name)
            from app.settings import finish_start

            prefs = finish_start(self.ctx.db)
        except Exception as exc:  # handed to the GUI thread, which reports it like any start-up failure
            self.owner.post(self.owner.finished, exc)
            return
        self.owner.post(self.owner.finished, prefs)


def finish_window(window: MainWindow, ctx: AppContext, prefs: Preferences) -> None:
    """On the GUI thread, once DeferredStart has loaded: preferences, the rest of the window, menus."""
    from ui.menus import install_menus

    ctx.prefs.update(dataclasses.asdict(prefs))
    ctx.shop_region = prefs.shop_region
    ctx.currency = prefs.currency
    window.complete()
    install_menus(window, ctx)
    mark("window complete")
