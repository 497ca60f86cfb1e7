"""The time zone box (business hours, chat import): built on the GUI thread as its dialog opens.

The first box of a day names some 420 zones with babel (their city and generic name in the UI's
language) and sorts them by offset; later boxes reuse that list. Baseline: a plain combo box given
the same labels, what any list of that length costs Qt.
"""

from __future__ import annotations

import argparse
import os
import time

from bench.report import emit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QComboBox

    app = QApplication.instance() or QApplication([])
    from ui.time_zones import TimeZoneBox, zone_choices

    start = time.perf_counter()
    first = TimeZoneBox()
    first_ms = (time.perf_counter() - start) * 1000
    labels = [label for label, _key in zone_choices()]

    def median(build: object) -> float:
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            build()  # type: ignore[operator]
            runs.append((time.perf_counter() - start) * 1000)
        return sorted(runs)[len(runs) // 2]

    def plain() -> QComboBox:
        box = QComboBox()
        box.addItems(labels)
        return box

    baseline = median(plain)
    emit(
        "time zone box, first of the day", first_ms, "ms", baseline=baseline, baseline_name="plain combo box"
    )
    emit(
        "time zone box, later ones",
        median(TimeZoneBox),
        "ms",
        baseline=baseline,
        baseline_name="plain combo box",
    )
    first.deleteLater()
    del app


if __name__ == "__main__":
    main()
