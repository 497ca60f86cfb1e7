"""Cold start: `shop-inbox --smoke` on the benchmark database vs a bare PySide6 window, same run."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import emit

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
app.processEvents()
"""


def wall_ms(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path, nargs="?", default=Path("bench/data/shop.db"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.path.exists():
        raise SystemExit(f"{args.path} is missing: run `python -m bench.make_db {args.path}` first")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        shutil.copy(args.path, data / "inbox.db")
        smoke = [sys.executable, "-m", "ui.main", "--smoke", "--data-dir", str(data)]
        bare = [sys.executable, "-c", BARE_WINDOW]
        wall_ms(smoke, env)  # first run warms the OS file cache for both
        wall_ms(bare, env)
        ours, base = [], []
        for _ in range(args.repeat):
            base.append(wall_ms(bare, env))
            ours.append(wall_ms(smoke, env))
    emit(
        "cold start to first chat-list page (--smoke)",
        statistics.median(ours),
        "ms",
        baseline=statistics.median(base),
        baseline_name="bare PySide6 window",
        goal="≤ 1.5×",
    )


if __name__ == "__main__":
    main()
