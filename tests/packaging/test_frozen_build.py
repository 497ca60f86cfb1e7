"""The frozen app builds from build.spec, passes its own --smoke check and paints its chat list."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The Linux onedir measured 195 MiB (80 MiB as tar.gz) in November 2026.
MAX_BUNDLE_MIB = 240


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_frozen_app_builds_and_passes_smoke() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install --require-hashes -r requirements/dev.txt)")
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_and_smoke.py"), "--cold-start", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1100,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "smoke: ok" in result.stdout
    # The frozen app, started as a shop starts it, paints its chat list (bench.cold_start checks it).
    assert "cold start to first painted chat-list page (frozen build) (CPU)" in result.stdout
    # Owners download this: a dependency creeping in (a second Qt module, numpy, a test tool) shows here.
    size = re.search(r"^bundle: (\d+) MiB", result.stdout, re.MULTILINE)
    assert size is not None, result.stdout[-3000:]
    assert int(size.group(1)) < MAX_BUNDLE_MIB, f"bundle grew to {size.group(1)} MiB"
