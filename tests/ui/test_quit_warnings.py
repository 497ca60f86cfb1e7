"""Quitting the whole app: without waiting out a long poll, and with no Qt warning on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.sync import POLL_WAIT

ROOT = Path(__file__).resolve().parents[2]


def run_app_child(action: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "tests.support.app_child", action, "--demo", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )


@pytest.mark.slow  # the whole app as a process
def test_quitting_after_the_labels_manager_prints_no_qobject_warning(tmp_path: Path) -> None:
    done = run_app_child("Labels", tmp_path / "demo")
    assert done.returncode == 0, done.stderr
    assert "opened: Labels" in done.stdout
    warnings = [line for line in done.stderr.splitlines() if line.startswith("QObject:")]
    assert warnings == []


@pytest.mark.slow  # the whole app as a process
def test_quit_ends_the_process_without_waiting_out_the_long_poll_under_way(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.app_child", "Labels", "--demo", "--data-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    quit_at = None
    for line in child.stdout:
        if line.startswith("quitting at "):
            quit_at = float(line.split()[-1])
            break
    assert quit_at is not None, child.stderr.read() if child.stderr else ""
    _out, err = child.communicate(timeout=60)
    took = time.monotonic() - quit_at
    assert child.returncode == 0, err
    # Waiting for the relay's answer would take the poll's whole wait: a bound far under it guards
    # that hang and leaves a busy machine its scheduling (how fast quit is, is not timed here).
    assert took < POLL_WAIT / 2, f"quit took {took:.2f} s"
    assert "Traceback" not in err  # the long poll was answered, not cancelled mid-request
