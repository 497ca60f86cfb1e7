"""What the window's Python event filters cost it: the Alt-letter guard (ui/alt_letter_guard.py),
the wheel guard (ui/wheel_guard.py) and the catalogue picker's typed-ahead keys (ui/catalog_picker.py).

Measured in one process, rounds alternating without a guard, with it as the app installs it (on the
windows the keyboard goes to) and with it as an application filter (as each first was: Python for
every event of every object): a plain event sent to an object (Python's cost per event it is called
for), scrolling the 100,000-message chat a step at a time to painted, the same with the mouse wheel
over it (wheel events given to the window, as the platform gives them) and typing into the composer
(keys given to the window) to painted. The typed-ahead filter is on only while the picker opens:
the events it sees then, on the composer (as installed) and as an application filter. Offscreen.
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
    parser.add_argument("--notches", type=int, default=60, help="wheel notches over the chat per round")
    parser.add_argument("--opens", type=int, default=5, help="picker openings with keys typed ahead")
    parser.add_argument("--guard", choices=("alt", "wheel"), nargs="*", default=["alt", "wheel"])
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, Qt
    from PySide6.QtGui import QKeyEvent, QWindow
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from bench.open_chat import build, shown_window
    from bench.report import emit
    from ui.alt_letter_guard import AltLetterGuard
    from ui.catalog_picker import CatalogPicker, _TypedAhead
    from ui.ops import pending_ops
    from ui.wheel_guard import WheelGuard

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    tmp = Path(tempfile.mkdtemp(prefix="bench-event-filters-"))
    big, _small = build(tmp / "inbox.db")
    window, db = shown_window(tmp)
    ctx = window.ctx

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

    seen = [0]

    def counting(guard_class: type[AltLetterGuard] | type[WheelGuard]) -> QObject:
        """`guard_class`'s guard, counting the events it is called for in `seen`."""

        class Counter(guard_class):  # type: ignore[valid-type,misc]
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                seen[0] += 1
                return bool(super().eventFilter(watched, event))

        return Counter(app)

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

    def wheel() -> None:
        # Up through the chat a notch at a time, each painted: the window finds the widget under
        # the pointer, as it does a real wheel's.
        where = QPointF(view.viewport().mapTo(window, view.viewport().rect().center()))
        for _ in range(args.notches):
            QTest.wheelEvent(keys, where, QPoint(0, 120))
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

    workloads: dict[str, Callable[[], None]] = {
        "events": send_events,
        "scroll": scroll,
        "wheel": wheel,
        "type": type_text,
    }
    for work in workloads.values():
        work()  # warm: pages loaded, layouts cached, fonts in

    def guarded(mode: str, guard: AltLetterGuard | WheelGuard) -> Callable[[], None]:
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

    def measure_guard(label: str, guard_class: type[AltLetterGuard] | type[WheelGuard]) -> None:
        modes = ("none", "windows", "app")
        times: dict[tuple[str, str], list[float]] = {(name, m): [] for name in workloads for m in modes}
        for n in range(args.rounds):
            for mode in modes[n % 3 :] + modes[: n % 3]:  # each first in turn: no mode always runs cold
                guard = guard_class(app)
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
            counter = counting(guard_class)
            off = guarded(mode, counter)  # type: ignore[arg-type]
            for name, work in workloads.items():
                seen[0] = 0
                work()
                counts[name, mode] = seen[0]
            off()
            counter.deleteLater()

        def med(name: str, mode: str) -> float:
            return statistics.median(times[name, mode])

        per_event_us = (med("events", "app") - med("events", "none")) * 1000 / args.events
        emit(
            f"{label} as an application filter: a plain event sent",
            med("events", "app") * 1000 / args.events,
            "µs",
            baseline=med("events", "none") * 1000 / args.events,
            baseline_name="the same without the guard",
        )
        emit(f"{label}: Python's cost per event it is called for", per_event_us, "µs")
        for name, what in (
            ("scroll", f"scroll the 100k chat {args.steps} steps, each painted"),
            ("wheel", f"wheel {args.notches} notches over the 100k chat, each painted"),
            ("type", f"type {args.chars} characters into the composer, each painted"),
        ):
            for mode, how in (
                ("windows", "on the windows (as installed)"),
                ("app", "as an application filter"),
            ):
                emit(
                    f"{label} {how}: {what}",
                    med(name, mode),
                    "ms",
                    baseline=med(name, "none"),
                    baseline_name="the same without the guard",
                    goal="≤ 1.03× (a few percent)" if mode == "windows" else "",
                )
                called = counts[name, mode]
                emit(f"{label} {how}: events it is called for ({name})", called, "events")
                # Python's share, from the count and the cost per event: steadier than the ratio on a
                # busy machine.
                emit(
                    f"{label} {how}: {name}, Python's share (estimate)",
                    100 * called * per_event_us / 1000 / med(name, "none"),
                    "%",
                )

    def measure_typed_ahead() -> None:
        """The picker's filter while it opens with "hoop" typed ahead into the composer: on the
        composer (as installed) or on the application (as it was); the events it sees, the time."""
        opened: dict[str, list[float]] = {"widget": [], "app": []}
        typed_seen: dict[str, list[int]] = {"widget": [], "app": []}

        class Counter(_TypedAhead):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                seen[0] += 1
                return super().eventFilter(watched, event)

        edit.setFocus()
        wait(lambda: edit.hasFocus())
        for n in range(args.opens * 2):
            mode = ("widget", "app")[n % 2]
            picker = CatalogPicker(ctx, window)
            for ch in "hoop":
                key = Qt.Key(ord(ch.upper()))
                QCoreApplication.postEvent(
                    edit, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch)
                )
            counter = Counter(picker.search)
            on: QObject = edit if mode == "widget" else app
            seen[0] = 0
            started = time.perf_counter()
            on.installEventFilter(counter)
            app.processEvents()  # as take_typed_ahead does
            on.removeEventFilter(counter)
            opened[mode].append((time.perf_counter() - started) * 1000)
            typed_seen[mode].append(seen[0])
            assert picker.search.text() == "hoop", picker.search.text()
            picker.reject()
            picker.deleteLater()
            app.processEvents()
        for mode, how in (("widget", "on the composer (as installed)"), ("app", "as an application filter")):
            emit(
                f"Typed-ahead keys {how}: events it is called for while the picker opens",
                statistics.median(typed_seen[mode]),
                "events",
            )
            emit(
                f"Typed-ahead keys {how}: the picker's first events handled",
                statistics.median(opened[mode]),
                "ms",
            )

    guards: dict[str, tuple[str, type[AltLetterGuard] | type[WheelGuard]]] = {
        "alt": ("Alt guard", AltLetterGuard),
        "wheel": ("Wheel guard", WheelGuard),
    }
    for label, guard_class in (guards[g] for g in args.guard):
        measure_guard(label, guard_class)
    measure_typed_ahead()
    wait(lambda: pending_ops() == 0)  # the pickers' reads, before the database closes
    window.shutdown()
    db.close()


if __name__ == "__main__":
    main()
