"""A mistaken 5 MB paste into the composer (a file's contents copied instead of the file).

The composer keeps 65,536 characters. Figure: the paste of 5,000,000 characters as the window does it
(`MessageEdit.insertFromMimeData`, then the layout); baseline: a bare QPlainTextEdit given the
65,536 characters the box keeps, what that much text costs Qt whatever the paste was.
"""

from __future__ import annotations

import argparse
import os
import time

from bench.report import emit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication.instance() or QApplication([])
    from ui.bounded_text import MAX_CHARS
    from ui.message_edit import MessageEdit

    text = ("가나다라마바사 긴 메시지 " * (args.chars // 14 + 1))[: args.chars]
    pasted = QMimeData()
    pasted.setText(text)
    kept = QMimeData()
    kept.setText(text[:MAX_CHARS])

    def timed(make: type[QPlainTextEdit], data: QMimeData) -> float:
        runs = []
        for _ in range(args.repeat):
            box = make()
            box.resize(800, 120)
            box.show()
            app.processEvents()
            start = time.perf_counter()
            box.insertFromMimeData(data)
            app.processEvents()  # the layout, as the window's next turn does it
            runs.append((time.perf_counter() - start) * 1000)
            box.deleteLater()
        return sorted(runs)[len(runs) // 2]

    emit(
        f"composer: paste of {args.chars:,} characters",
        timed(MessageEdit, pasted),
        "ms",
        baseline=timed(QPlainTextEdit, kept),
        baseline_name=f"bare QPlainTextEdit given the {MAX_CHARS:,} kept",
    )


if __name__ == "__main__":
    main()
