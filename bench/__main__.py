"""`python -m bench`: make the data, run every benchmark, print one table of medians and ratios."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import RESULTS_ENV

ROOT = Path(__file__).resolve().parent.parent

# (module, needs the generated database as its first argument, extra arguments in --quick mode)
BENCHMARKS: tuple[tuple[str, bool, tuple[str, ...]], ...] = (
    ("bench.queries", True, ()),
    ("bench.search_numbers", True, ()),
    ("bench.search_filters", True, ()),
    ("bench.cold_start", True, ("--repeat", "3")),
    ("bench.memory", True, ()),
    ("bench.open_chat", False, ("--repeat", "2")),
    ("bench.sync_ingest", False, ("--events", "2000")),
    ("bench.catch_up", True, ("--events", "5000")),
    ("bench.relay_intake", False, ("--webhooks", "300", "--senders", "4")),
    ("bench.import_rate", False, ("--lines", "20000")),
    ("bench.catalog", False, ()),
    ("bench.quick_replies", False, ()),
    ("bench.order_board", False, ("--orders", "2000", "--repeat", "2")),
    ("bench.bot_decision", False, ("--calls", "500", "--repeat", "3")),
    ("bench.time_zones", False, ("--repeat", "3")),
    ("bench.campaign_send", False, ("--recipients", "1000", "--manual", "100")),
    ("bench.paste", False, ("--chars", "1000000", "--repeat", "2")),
    ("bench.search_carts", False, ("--messages", "20000", "--carts", "1000", "--repeat", "2")),
    ("bench.backup", False, ("--media-mb", "50", "--messages", "5000", "--repeat", "2")),
    (
        "bench.event_filters",
        False,
        (
            "--rounds",
            "3",
            "--steps",
            "20",
            "--chars",
            "60",
            "--events",
            "10000",
            "--notches",
            "20",
            "--opens",
            "2",
        ),
    ),
)
QUICK_DATA = ("--messages", "30000", "--contacts", "1000", "--big-chat", "5000")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data" / "shop.db")
    parser.add_argument("--only", nargs="*", help="run only these modules (e.g. bench.queries)")
    parser.add_argument(
        "--quick", action="store_true", help="small data, few repeats (CI: keeps them from rotting)"
    )
    args = parser.parse_args()
    if args.quick and args.data == parser.get_default("data"):
        args.data = Path(tempfile.mkdtemp(prefix="bench-quick-")) / "shop.db"
    if not args.data.exists():
        args.data.parent.mkdir(parents=True, exist_ok=True)
        sizes = QUICK_DATA if args.quick else ()
        subprocess.run([sys.executable, "-m", "bench.make_db", str(args.data), *sizes], cwd=ROOT, check=True)
    with tempfile.NamedTemporaryFile("r", suffix=".jsonl", delete=False) as results:
        env = {**os.environ, RESULTS_ENV: results.name, "QT_QPA_PLATFORM": "offscreen"}
        failed = []
        for module, needs_data, quick_args in BENCHMARKS:
            if args.only and module not in args.only:
                continue
            if importlib.util.find_spec(module) is None:
                print(f"-- {module}: not present, skipped")
                continue
            print(f"-- {module}", flush=True)
            started = time.perf_counter()
            cmd = [sys.executable, "-m", module, *([str(args.data)] if needs_data else [])]
            if args.quick:
                cmd += quick_args
            if subprocess.run(cmd, cwd=ROOT, env=env).returncode != 0:
                failed.append(module)
            print(f"   ({time.perf_counter() - started:.0f} s)")
        figures = [json.loads(line) for line in Path(results.name).read_text().splitlines() if line]
    Path(results.name).unlink(missing_ok=True)
    print()
    print(f"| {'figure':58} | {'median':>12} | {'baseline':>12} | {'ratio':>7} | goal")
    print(f"|{'-' * 60}|{'-' * 14}|{'-' * 14}|{'-' * 9}|------")
    for f in figures:
        base = f"{f['baseline']:.3g} {f['unit']}" if f.get("baseline") else ""
        ratio = f"{f['value'] / f['baseline']:.2f}×" if f.get("baseline") else ""
        value = f"{f['value']:.3g} {f['unit']}"
        print(f"| {f['name'][:58]:58} | {value:>12} | {base:>12} | {ratio:>7} | {f.get('goal', '')}")
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
