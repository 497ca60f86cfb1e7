"""Peak memory of the desktop on the benchmark database after opening the big chat and searching."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.report import emit

BARE = """
import resource, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.show(); app.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

INBOX = """
import resource, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QEventLoop, QTimer
app = QApplication(sys.argv)
from app.db import Database
from app.paths import paths_for
from app.search import search_messages
from ui.context import AppContext
from ui.main_window import MainWindow
data = Path(sys.argv[1])
ctx = AppContext(db=Database.open(data / "inbox.db"), paths=paths_for(data).ensure())
window = MainWindow(ctx)
window.resize(1320, 820)
window.show()
window.open_chat(1)  # the contact with 100,000 messages
loop = QEventLoop(); QTimer.singleShot(500, loop.quit); loop.exec()
with ctx.db.read() as s:
    for q in ("주문", "배송 언제", "linen", "12345"):
        search_messages(s, q)
window.open_search() if hasattr(window, "open_search") else None
loop = QEventLoop(); QTimer.singleShot(300, loop.quit); loop.exec()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_kib(code: str, *args: str) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path, nargs="?", default=Path("bench/data/shop.db"))
    args = parser.parse_args()
    if not args.path.exists():
        raise SystemExit(f"{args.path} is missing: run `python -m bench.make_db {args.path}` first")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(args.path, Path(tmp) / "inbox.db")
        ours = peak_kib(INBOX, tmp)
    bare = peak_kib(BARE)
    emit(
        "peak memory after opening the big chat and searching",
        ours / 1024,
        "MiB",
        baseline=bare / 1024,
        baseline_name="bare PySide6 window",
        goal="≤ 250 MB",
    )


if __name__ == "__main__":
    main()
