"""What the Alt-letter guard (ui/alt_letter_guard.py, a Python event filter) costs the window.

Measured in one process, rounds alternating without it, with it as the app installs it (on the
windows the keyboard goes to) and with it as an application filter (as it first was: Python for
every event of every object): a plain event sent to an object (Python's cost per event it is called
for), scrolling the 100,000-message chat a step at a time to painted, and typing into the composer
(keys given to the window, as the platform gives them) to painted. Offscreen.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Key presses (QTest types ASCII; Korean arrives as input method events, which the guard passes on).
TYPED = "Hi Amy, the linen shirt in M is back in stock. "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7, help="rounds of each workload, with and without")
    parser.add_argument("--events", type=int, default=50_000, help="plain events sent per round")
    parser.add_argument("--steps", type=int, default=150, help="scroll steps per round")
    parser.add_argument("--chars", type=int, default=200, help="characters typed per round")
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtGui import QWindow
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.db import Database
    from app.paths import paths_for
    from bench.open_chat import build
    from bench.report import emit
    from ui.alt_letter_guard import AltLetterGuard
    from ui.context import AppContext
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    tmp = Path(tempfile.mkdtemp(prefix="bench-alt-guard-"))
    big, _small = build(tmp / "inbox.db")
    paths = paths_for(tmp).ensure()
    db = Database(paths.database)
    window = MainWindow(AppContext(db=db, paths=paths, prefs={}))
    window.resize(1280, 800)
    window.show()

    def wait(done: Callable[[], bool], seconds: float = 30) -> None:
        end = time.monotonic() + seconds
        while not done():
            if time.monotonic() > end:
                raise SystemExit("the window never got there")
            app.processEvents()

    wait(lambda: window.chat_list.model.loaded_once)
    if not window.chat_list.select_contact(big):
        raise SystemExit("the big chat is not in the list")
    view = window.chat.view
    model = view.chat_model
    wait(lambda: model.contact_id == big and model.rowCount() > 0 and not model.loading)
    edit = window.chat.composer.edit
    bar = view.verticalScrollBar()
    window.activateWindow()
    wait(lambda: app.focusWindow() is window.windowHandle())
    keys = window.windowHandle()
    assert isinstance(keys, QWindow)

    class Counter(AltLetterGuard):
        """The guard, counting the events it is called for."""

        seen = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            Counter.seen += 1
            return super().eventFilter(watched, event)

    receiver = QObject()
    plain = QEvent(QEvent.Type.User)

    def send_events() -> None:
        for _ in range(args.events):
            QCoreApplication.sendEvent(receiver, plain)

    def scroll() -> None:
        # Up through the chat a wheel's step at a time, each step painted (older pages load too).
        for _ in range(args.steps):
            bar.setValue(bar.value() - bar.singleStep() * 3)
            app.processEvents()
        bar.setValue(bar.maximum())
        app.processEvents()

    def type_text() -> None:
        edit.setFocus()
        edit.clear()
        text = (TYPED * (args.chars // len(TYPED) + 1))[: args.chars]
        for ch in text:
            QTest.keyClick(keys, ch)  # through Qt's shortcut map to the window, as X's keys come
            app.processEvents()
        assert edit.toPlainText() == text, edit.toPlainText()

    workloads: dict[str, Callable[[], None]] = {"events": send_events, "scroll": scroll, "type": type_text}
    for work in workloads.values():
        work()  # warm: pages loaded, layouts cached, fonts in

    def guarded(mode: str, guard: AltLetterGuard) -> Callable[[], None]:
        """Put `guard` on as `mode` says; returns what takes it off."""
        if mode == "app":
            app.installEventFilter(guard)
            return lambda: app.removeEventFilter(guard)
        if mode == "windows":
            app.focusWindowChanged.connect(guard.watch)
            guard.watch(app.focusWindow())

            def off() -> None:
                app.focusWindowChanged.disconnect(guard.watch)
                keys.removeEventFilter(guard)

            return off
        return lambda: None

    modes = ("none", "windows", "app")
    times: dict[tuple[str, str], list[float]] = {(name, m): [] for name in workloads for m in modes}
    for n in range(args.rounds):
        for mode in modes[n % 3 :] + modes[: n % 3]:  # each first in turn: no mode always runs cold
            guard = AltLetterGuard(app)
            off = guarded(mode, guard)
            for name, work in workloads.items():
                started = time.perf_counter()
                work()
                times[name, mode].append((time.perf_counter() - started) * 1000)
            off()
            guard.deleteLater()

    # How many events each way calls Python for (the plain events are sent to no window).
    counts: dict[tuple[str, str], int] = {}
    for mode in ("windows", "app"):
        counter = Counter(app)
        off = guarded(mode, counter)
        for name, work in workloads.items():
            Counter.seen = 0
            work()
            counts[name, mode] = Counter.seen
        off()
        counter.deleteLater()

    def med(name: str, mode: str) -> float:
        return statistics.median(times[name, mode])

    per_event_us = (med("events", "app") - med("events", "none")) * 1000 / args.events
    emit(
        "Alt guard as an application filter: a plain event sent",
        med("events", "app") * 1000 / args.events,
        "µs",
        baseline=med("events", "none") * 1000 / args.events,
        baseline_name="the same without the guard",
    )
    emit("Alt guard: Python's cost per event it is called for", per_event_us, "µs")
    for name, what in (
        ("scroll", f"scroll the 100k chat {args.steps} steps, each painted"),
        ("type", f"type {args.chars} characters into the composer, each painted"),
    ):
        for mode, how in (("windows", "on the windows (as installed)"), ("app", "as an application filter")):
            emit(
                f"Alt guard {how}: {what}",
                med(name, mode),
                "ms",
                baseline=med(name, "none"),
                baseline_name="the same without the guard",
                goal="≤ 1.03× (a few percent)" if mode == "windows" else "",
            )
            seen = counts[name, mode]
            emit(f"Alt guard {how}: events it is called for ({name})", seen, "events")
            # Python's share, from the count and the cost per event: steadier than the ratio on a
            # busy machine.
            emit(
                f"Alt guard {how}: {name}, Python's share (estimate)",
                100 * seen * per_event_us / 1000 / med(name, "none"),
                "%",
            )
    window.shutdown()
    db.close()


if __name__ == "__main__":
    main()
