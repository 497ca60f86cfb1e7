"""High-DPI laptops (150 % and 200 % display scaling): icons drawn sharp at the screen's scale, and no
button or label of the inbox cut off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor

from ui import icons

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_icons_are_drawn_from_the_svg_at_the_screens_scale_not_stretched(qapp: Any, scale: float) -> None:
    colour = QColor("#54656f")
    for name in ("send", "attach", "emoji", "search", "info", "cart"):
        shown = icons.icon(name, colour).pixmap(QSize(20, 20), scale)
        drawn = icons.pixmap(name, 20, colour, scale)
        assert shown.size() == QSize(round(20 * scale), round(20 * scale))
        assert shown.toImage() == drawn.toImage(), f"{name} is a stretched bitmap at {scale}x"


@pytest.mark.parametrize("scale", ["1.5", "2"])
def test_nothing_in_the_inbox_is_cut_off_at_150_and_200_percent(tmp_path: Path, scale: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.scaled_child", str(tmp_path / "shop")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"SCALE {float(scale)}" in done.stdout
    assert [line for line in done.stdout.splitlines() if line.startswith("CLIPPED")] == []
