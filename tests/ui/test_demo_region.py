"""`shop-inbox --demo` in English opens the shop of the computer's region: a US one on a computer set
to US English, the Brighton one on any other English."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def demo_seeded_under(locale: str, folder: Path) -> dict[str, object]:
    """The preferences of a demo started (`--demo --smoke`, kept in `folder`) on a computer set to
    `locale`, as its first start seeded them."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": locale, "LC_ALL": locale}
    env.pop("LANGUAGE", None)
    done = subprocess.run(
        [sys.executable, "-m", "ui.main", "--demo", "--data-dir", str(folder), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(folder / "desktop" / "inbox.db") as conn:
        (stored,) = conn.execute("SELECT value FROM setting WHERE key = 'preferences'").fetchone()
    prefs = json.loads(stored)
    assert isinstance(prefs, dict)
    return prefs


@pytest.mark.slow  # the whole app as a process, twice
def test_an_english_demo_on_an_american_computer_is_an_american_shop(tmp_path: Path) -> None:
    """On a computer set to US English the newcomer met "Catalog" beside a shop in Brighton: pounds,
    +44 numbers, "Cancelled". The shop now follows the computer's region."""
    american = demo_seeded_under("en_US.UTF-8", tmp_path / "us")
    assert (american["shop_region"], american["currency"]) == ("US", "USD")
    british = demo_seeded_under("en_GB.UTF-8", tmp_path / "gb")
    assert (british["shop_region"], british["currency"]) == ("GB", "GBP")
