"""Chat import rate: a 200,000-line WhatsApp export into a fresh inbox, against just reading its lines.

Baseline (same run, same file): streaming the file and splitting each line at its " - " separator,
the least any importer must do. Figures: import lines/s (and the ratio: how many times slower than
the baseline), wall and CPU time (the CPU time of this process is the steadier figure on a shared
machine), the re-import of the same file, and the peak resident memory the import added. The
import is timed as `import_chat` without a preview, so it includes the scan the preview does; a
second import into a fresh inbox is given the preview, as the import dialog does (its scan ran
when the owner chose the file).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from app.chat_export.importer import ImportRequest, import_chat
from app.chat_export.parser import scan_export
from app.db import Database
from bench.report import emit
from tests.support.chat_exports import write_large_export


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def baseline_lines_per_s(path: Path) -> float:
    started = time.perf_counter()
    n = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line.split(" - ", 1)
            n += 1
    return n / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = write_large_export(folder / "WhatsApp Chat with Minji.txt", args.lines)
        size_mib = export.stat().st_size / (1024 * 1024)
        base = max(baseline_lines_per_s(export) for _ in range(3))
        # The preview's scan, which import_chat repeats when given no preview (the window passes it).
        started, cpu_started = time.perf_counter(), time.process_time()
        scan_export(export)
        scan_s, scan_cpu = time.perf_counter() - started, time.process_time() - cpu_started
        db = Database.open(folder / "inbox.db")
        request = ImportRequest(path=export, shop_participant="Shop", time_zone="Asia/Seoul")
        rss_before = _peak_rss_mib()
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = import_chat(db, folder / "media", request)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        rss_after = _peak_rss_mib()
        started = time.perf_counter()
        again = import_chat(db, folder / "media", request)
        again_elapsed = time.perf_counter() - started
        db.close()
        # As the window does it: the preview (the scan) was read when the owner chose the file.
        preview = scan_export(export)
        fresh = Database.open(folder / "inbox-previewed.db")
        started, cpu_started = time.perf_counter(), time.process_time()
        import_chat(fresh, folder / "media", request, preview=preview)
        previewed, previewed_cpu = time.perf_counter() - started, time.process_time() - cpu_started
        fresh.close()
    assert again.added == 0, "re-import added messages"
    print(f"{summary.lines:,} lines ({size_mib:.1f} MiB), {summary.added:,} messages in {elapsed:.1f} s")
    base_s = summary.lines / base
    goal_rate = "≥ 100,000 lines/s (floor 60,000)"
    emit(
        "chat import, 200k-line export (lines/s)",
        summary.lines / elapsed,
        "lines/s",
        baseline=base,
        baseline_name="read + split lines",
        goal=goal_rate,
    )
    # On a shared machine the wall time follows the load; this process's CPU time much less so.
    emit(
        "chat import, 200k-line export, lines per CPU second",
        summary.lines / cpu,
        "lines/s",
        baseline=base,
        baseline_name="read + split lines (wall)",
        goal=goal_rate,
    )
    emit(
        "chat import, 200k-line export (s)",
        elapsed,
        "s",
        baseline=base_s,
        baseline_name="read + split lines",
        goal="≤ 2 s (lines/s goal)",
    )
    emit("chat import, 200k-line export, CPU time of this process (s)", cpu, "s")
    emit(
        "chat import, preview given as the window does (lines/s)",
        summary.lines / previewed,
        "lines/s",
        goal=goal_rate,
    )
    emit("chat import, preview given, CPU time of this process (s)", previewed_cpu, "s")
    emit("chat import, of which the preview's scan of the file, CPU (s)", scan_cpu, "s")
    emit("chat import, of which the preview's scan of the file, wall (s)", scan_s, "s")
    emit(
        "chat re-import, same file, nothing added (s)",
        again_elapsed,
        "s",
        baseline=base_s,
        baseline_name="read + split lines",
        goal="≤ 1 s",
    )
    emit(
        "chat import, peak RSS added",
        max(rss_after - rss_before, 0.0),
        "MiB",
        baseline=size_mib,
        baseline_name="size of the export file",
        goal="bounded: well below the file size",
    )
    emit("chat import, peak RSS of the process", rss_after, "MiB")


if __name__ == "__main__":
    main()
