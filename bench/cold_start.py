"""Cold start: launch as a user does to the first painted chat-list page vs a bare painted window."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.report import emit
from ui.first_paint import FIRST_PAINT_ENV

# The baseline: a QMainWindow of the main window's default size, shown; the clock stops after its
# first paint, noted the same way as ours (event filter, then a zero timer once painted).
BARE_WINDOW = f"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.finish)
        return False
    def finish(self):
        now = {{"name": "bare window painted", "monotonic": time.monotonic(), "cpu": time.process_time()}}
        with open(os.environ["{FIRST_PAINT_ENV}"], "w") as fh:
            json.dump({{"spans": [now], "rows": 0}}, fh)
        app.quit()

app = QApplication(sys.argv)
window = QMainWindow()
# The size the main window takes at a first start (ui.main_window.first_size): the default, bounded
# by the screen.
available = app.primaryScreen().availableGeometry().size()
window.resize(QSize(1200, 760).boundedTo(available - QSize(20, 48)))
probe = FirstPaint(window)
window.installEventFilter(probe)
window.show()
app.exec()
"""

# The floor no Python start-up can go under: the interpreter and `import PySide6.QtWidgets`, no window.
BARE_IMPORT = f"""
import json, os, time
import PySide6.QtWidgets
now = {{"name": "PySide6.QtWidgets imported", "monotonic": time.monotonic(), "cpu": time.process_time()}}
with open(os.environ["{FIRST_PAINT_ENV}"], "w") as fh:
    json.dump({{"spans": [now], "rows": 0}}, fh)
"""

# Top-level modules counted with the library that brings them in, for the import budget.
IMPORTED_BY = {
    "httpcore": "httpx",
    "h11": "httpx",
    "anyio": "httpx",
    "sniffio": "httpx",
    "certifi": "httpx",
    "idna": "httpx",
    "encodings.idna": "httpx",
    "pydantic_core": "pydantic",
    "annotated_types": "pydantic",
    "typing_inspection": "pydantic",
    "mako": "alembic",
    "jaraco": "keyring",
    "secretstorage": "keyring",
    "jeepney": "keyring",
    "shiboken6": "PySide6",
}


@dataclass(frozen=True, slots=True)
class Start:
    """One launch: wall time to first paint (from before the process was spawned), CPU by then, spans."""

    wall_ms: float
    cpu_ms: float
    spans: list[tuple[str, float, float]]  # name, wall ms since launch, process CPU ms
    rows: int


def offline_relay_url() -> str:
    """A loopback address where nothing listens: the laptop is offline, the relay unreachable."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def prepare_user_folder(database: Path, folder: Path) -> None:
    """A set-up shop's --data-dir: this database, a relay address in the preferences, its token kept."""
    from app.db import Database
    from app.paths import paths_for
    from app.settings import load_preferences, save_preferences
    from app.tokens import save_token

    paths = paths_for(folder).ensure()
    shutil.copy(database, paths.database)
    db = Database.open(paths.database)  # migrates once here, so the timed runs never do
    relay_url = offline_relay_url()
    with db.write() as s:
        save_preferences(s, load_preferences(s).replace(relay_url=relay_url, setup_done=True))
    db.close()
    save_token(relay_url, "bench-token", config_file=paths.config_file, allow_config_file=True)


def launch(cmd: list[str], env: dict[str, str], stamp: Path) -> Start:
    stamp.unlink(missing_ok=True)
    started = time.monotonic()
    subprocess.run(
        cmd,
        env={**env, FIRST_PAINT_ENV: str(stamp)},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=300,
    )
    if not stamp.exists():
        raise SystemExit(f"{cmd[:3]} exited without painting a chat-list page")
    data = json.loads(stamp.read_text(encoding="utf-8"))
    spans = [(s["name"], (s["monotonic"] - started) * 1000, s["cpu"] * 1000) for s in data["spans"]]
    return Start(wall_ms=spans[-1][1], cpu_ms=spans[-1][2], spans=spans, rows=int(data["rows"]))


def imports_before_first_paint(cmd: list[str], env: dict[str, str], stamp: Path) -> dict[str, float]:
    """One launch under `-X importtime`: self time (ms) of what was imported before the first paint, by library."""
    stamp.unlink(missing_ok=True)
    done = subprocess.run(
        [cmd[0], "-X", "importtime", *cmd[1:]],
        env={**env, FIRST_PAINT_ENV: str(stamp)},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=300,
    )
    by_library: dict[str, float] = {}
    for line in done.stderr.splitlines():
        if line.startswith("first chat-list page painted"):
            break
        if not line.startswith("import time:") or "|" not in line or "self [us]" in line:
            continue
        self_part, _, rest = line.removeprefix("import time:").partition("|")
        name = rest.partition("|")[2].strip()
        library = IMPORTED_BY.get(name) or IMPORTED_BY.get(name.split(".")[0]) or name.split(".")[0]
        if library == "app":  # our own modules one by one: app.wire's pydantic models, app.db…
            library = ".".join(name.split(".")[:2])
        elif library == "ui":
            library = "ui.* (ours)"
        by_library[library] = by_library.get(library, 0.0) + int(self_part) / 1000
    return by_library


def print_import_budget(cmd: list[str], env: dict[str, str], stamp: Path, runs: int) -> None:
    per_run = [imports_before_first_paint(cmd, env, stamp) for _ in range(runs)]
    names = {n for run in per_run for n in run}
    medians = {n: statistics.median(run.get(n, 0.0) for run in per_run) for n in names}
    total = statistics.median(sum(run.values()) for run in per_run)
    print(f"imports before the first paint, self time by library, median of {runs} (-X importtime):")
    print(f"  all: {total:.0f} ms")
    for name, ms in sorted(medians.items(), key=lambda kv: -kv[1])[:25]:
        print(f"  {name:32} {ms:7.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path, nargs="?", default=Path("bench/data/shop.db"))
    parser.add_argument("--repeat", type=int, default=9, help="launches of each, alternated (median)")
    parser.add_argument("--spans", action="store_true", help="print each launch's start-up spans")
    parser.add_argument(
        "--exe",
        type=Path,
        help="time this frozen build (build/dist/ShopInbox/ShopInbox) instead of python -m ui.main",
    )
    parser.add_argument(
        "--imports", type=int, default=0, metavar="RUNS", help="also list what is imported before first paint"
    )
    args = parser.parse_args()
    if args.exe and args.imports:
        parser.error("--imports needs the interpreter: it cannot look inside a frozen build")
    if not args.path.exists():
        raise SystemExit(f"{args.path} is missing: run `python -m bench.make_db {args.path}` first")
    # The token comes from the config file; the bench never reads or writes the user's keyring.
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # An installed app runs from compiled bytecode; without it every launch compiles SQLAlchemy & co.
    # from source (3-4x slower). The warm-up launches below write the .pyc files.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "shop"
        prepare_user_folder(args.path, folder)
        stamp = Path(tmp) / "first-paint.json"
        app = [str(args.exe.resolve())] if args.exe else [sys.executable, "-m", "ui.main"]
        ours_cmd = [*app, "--data-dir", str(folder)]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        import_cmd = [sys.executable, "-c", BARE_IMPORT]
        launch(ours_cmd, env, stamp)  # warms the OS file cache for all three
        launch(bare_cmd, env, stamp)
        launch(import_cmd, env, stamp)
        ours: list[Start] = []
        bare: list[Start] = []
        qt_only: list[Start] = []
        for _ in range(args.repeat):
            qt_only.append(launch(import_cmd, env, stamp))
            bare.append(launch(bare_cmd, env, stamp))
            ours.append(launch(ours_cmd, env, stamp))
        if args.imports:
            print_import_budget(ours_cmd, env, stamp, args.imports)
    if args.spans:
        for run in ours:
            print("  " + ", ".join(f"{n} {w:.0f} ms (cpu {c:.0f})" for n, w, c in run.spans))
    print(f"  chat-list rows painted: {ours[0].rows}; walls ours {[round(r.wall_ms) for r in ours]}")
    print(f"  walls bare {[round(r.wall_ms) for r in bare]}")
    print(
        f"  python + import PySide6.QtWidgets alone: wall {statistics.median(r.wall_ms for r in qt_only):.0f} ms,"
        f" CPU {statistics.median(r.cpu_ms for r in qt_only):.0f} ms"
    )
    build = " (frozen build)" if args.exe else ""
    emit(
        f"cold start to first painted chat-list page{build} (wall)",
        statistics.median(r.wall_ms for r in ours),
        "ms",
        baseline=statistics.median(r.wall_ms for r in bare),
        baseline_name="bare QMainWindow painted",
        goal="≤ 1.5× (floor ≤ 3×)",
    )
    emit(
        f"cold start to first painted chat-list page{build} (CPU)",
        statistics.median(r.cpu_ms for r in ours),
        "ms",
        baseline=statistics.median(r.cpu_ms for r in bare),
        baseline_name="bare QMainWindow painted",
        goal="≤ 1.5×",
    )


if __name__ == "__main__":
    main()
