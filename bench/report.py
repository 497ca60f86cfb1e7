"""One way for every benchmark to print a figure, its baseline from the same run, and the ratio."""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

# The runner (python -m bench) sets this to collect every figure into one table.
RESULTS_ENV = "SHOP_INBOX_BENCH_RESULTS"


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    goal: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline  # type: ignore[operator]


def emit(
    name: str,
    value: float,
    unit: str,
    *,
    baseline: float | None = None,
    baseline_name: str = "",
    goal: str = "",
) -> Figure:
    """Print one figure (and append it to the runner's results file when there is one)."""
    figure = Figure(name, value, unit, baseline, baseline_name, goal)
    ratio = f"  ratio {figure.ratio:.2f}× vs {baseline_name} ({baseline:.3g} {unit})" if figure.ratio else ""
    print(f"{name}: {value:.3g} {unit}{ratio}{'  goal ' + goal if goal else ''}", flush=True)
    path = os.environ.get(RESULTS_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(figure), ensure_ascii=False) + "\n")
    return figure


def median_ms(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of fn in milliseconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]
