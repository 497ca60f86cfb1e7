"""The `/` completer per keystroke over many quick replies, against Qt's own fixed-string filter."""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication

from app.quick_replies import QuickReplyRow
from bench.report import emit, median_ms
from ui.quick_reply_model import QuickReplyFilterModel, QuickReplyListModel

# What an owner types after "/", keystroke by keystroke (Korean and English).
KEYSTROKES = ("/", "/배", "/배송", "/답장1", "/th", "/tha", "/없는말")


def rows(count: int) -> list[QuickReplyRow]:
    return [
        QuickReplyRow(
            i, f"/답장{i}", f"배송 안내 {i}: 결제 후 2~3일 걸려요. thanks " * 4, None, ("배송", f"k{i}"), i
        )
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replies", type=int, default=5000)
    args = parser.parse_args()
    _app = QApplication.instance() or QApplication([])
    source = QuickReplyListModel(rows(args.replies))
    ours = QuickReplyFilterModel(limit=100)
    ours.setSourceModel(source)
    plain = QSortFilterProxyModel()
    plain.setSourceModel(source)
    plain.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def type_ours() -> None:
        for pattern in KEYSTROKES:
            ours.set_pattern(pattern)
            ours.rowCount()

    def type_plain() -> None:
        for pattern in KEYSTROKES:
            plain.setFilterFixedString(pattern.removeprefix("/"))
            plain.sort(0)
            plain.rowCount()

    per_key = median_ms(type_ours, repeat=5) / len(KEYSTROKES)
    baseline = median_ms(type_plain, repeat=5) / len(KEYSTROKES)
    emit(
        f"quick-reply completer, one keystroke over {args.replies} replies",
        per_key,
        "ms",
        baseline=baseline,
        baseline_name="Qt fixed-string filter + sort by text",
        goal="< 50 ms",
    )


if __name__ == "__main__":
    main()
