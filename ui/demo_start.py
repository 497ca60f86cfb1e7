"""`--demo`'s shop opened and its relay started on a worker, while its splash paints how far it is."""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Signal

from ui.context import AppContext
from ui.demo import DemoStep, PreparedDemo, demo_context, prepare_demo
from ui.demo_splash import DemoSplash
from ui.gui_thread import GuiThreadSignals

log = logging.getLogger(__name__)


class QuitWhileOpening(Exception):
    """The owner quit before the demo's window showed: its start stops at its next step."""


class _Steps(GuiThreadSignals):
    """Carries the start's steps, then its outcome, from its worker to the GUI thread."""

    reached = Signal(object)  # DemoStep
    finished = Signal(object)  # PreparedDemo | Exception | None (a quit asked)


def step_text(step: DemoStep) -> str:
    """What the splash says while `step` runs."""
    if step is DemoStep.SEEDING:
        return QCoreApplication.translate(
            "DemoSplash", "Writing the demo shop's chats, catalogue and orders…"
        )
    if step is DemoStep.RELAY:
        return QCoreApplication.translate("DemoSplash", "Bringing in the demo's customers…")
    return QCoreApplication.translate("DemoSplash", "Opening the demo shop…")


def window_text() -> str:
    """What the splash says while the demo's window is built, on the GUI thread."""
    return QCoreApplication.translate("DemoSplash", "Opening the window…")


def open_demo_showing_progress(
    splash: DemoSplash | None,
    lang: str | None,
    data_dir: Path | None = None,
    *,
    two_numbers: bool = False,
    throwaway: bool = False,
) -> AppContext | None:
    """The demo shop (ui/demo.py `prepare_demo`) opened on a worker thread while the event loop
    runs: the splash paints each step, and Ctrl+Q or its closing is heard. None when a quit was asked
    meanwhile (Ctrl+Q, the splash closed, the session ending): the start stops at its next step,
    undoing the seeding under way, and what it had started is stopped, so a kept folder opens at the
    next start as if this one had never run. Raises what the start failed with. `throwaway`:
    `data_dir` is a temporary folder the caller made (ui/demo.py `prepare_demo`)."""
    from ui.demo_language import demo_shop_language
    from ui.translations import chosen_language

    language = demo_shop_language(chosen_language(lang))
    folder = data_dir.expanduser().resolve() if data_dir is not None else None
    quit_asked = threading.Event()
    steps = _Steps()
    if splash is not None:
        steps.reached.connect(lambda step: splash.say(step_text(step)))

    def reached(step: DemoStep) -> None:  # on the worker
        if quit_asked.is_set():
            raise QuitWhileOpening
        steps.post(steps.reached, step)

    def open_it() -> None:  # the worker's body
        result: PreparedDemo | Exception | None
        try:
            result = prepare_demo(
                language, folder=folder, two_numbers=two_numbers, on_step=reached, throwaway=throwaway
            )
        except QuitWhileOpening:
            result = None
        except Exception as exc:  # handed to the GUI thread, which reports it like any start-up failure
            result = exc
        steps.post(steps.finished, result)

    outcome: list[PreparedDemo | Exception | None] = []
    loop = QEventLoop()

    def settle(result: PreparedDemo | Exception | None) -> None:
        outcome.append(result)
        loop.quit()

    def stop_opening() -> None:
        quit_asked.set()
        if splash is not None:
            splash.hide()  # the quit is seen to be taken; the start stops behind it
        loop.quit()

    if splash is not None:
        splash.quit_asked.connect(stop_opening)
    steps.finished.connect(settle)
    # A thread of its own at the window's priority, as the usual start's deferred load has
    # (ui/start_path.py), not an op's lowered one: the owner waits for nothing else, a lowered thread
    # holding the interpreter lock waits behind other programs for a core with the splash's paint
    # waiting on it, and the relay's thread it starts would inherit its lower priority.
    threading.Thread(target=open_it, name="demo-start", daemon=True).start()
    loop.exec()
    if not outcome:
        # Only a quit ends the loop before the start does: Ctrl+Q, the splash closed, or the session
        # ending (QApplication.quit, after which every QEventLoop.exec() returns at once), so the
        # start's end is waited for one event at a time.
        stop_opening()
        while not outcome:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    result = outcome[0]
    if splash is not None:
        splash.quit_asked.disconnect(stop_opening)  # its closing from here on is the caller's
    if quit_asked.is_set():
        log.info("asked to quit while the demo shop was opening: its start stopped")
        if isinstance(result, PreparedDemo):
            result.discard()
        elif throwaway and folder is not None:  # the log its stopped start kept is nobody's to read
            shutil.rmtree(folder, ignore_errors=True)
        return None
    if isinstance(result, Exception):
        raise result
    assert result is not None
    if splash is not None:
        splash.say(window_text())
    return demo_context(result)
