"""The start-up probe of bench.cold_start: a real start to the painted chat list, noted and ended."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import keyring
from keyring.backends import fail

from bench.cold_start import prepare_user_folder
from ui.first_paint import FIRST_PAINT_ENV

ROOT = Path(__file__).resolve().parents[2]


def test_probe_notes_the_first_painted_chat_list_page_of_an_offline_shop_and_quits(
    tmp_path: Path, monkeypatch
) -> None:
    # No keyring here, as in the bench: the token goes to the config file. Patched, not set in the
    # environment, so this process's keyring is not switched to the fail backend for later tests.
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    database = tmp_path / "shop.db"
    sizes = ["--messages", "300", "--contacts", "30", "--big-chat", "50"]
    subprocess.run(
        [sys.executable, "-m", "bench.make_db", str(database), *sizes],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    folder = tmp_path / "shop"
    prepare_user_folder(database, folder)
    keyring_off = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}

    data, stderr = _probed_start(["--data-dir", str(folder)], tmp_path / "first-paint.json", keyring_off)

    assert 0 < data["rows"] <= 30  # the painted page shows the shop's conversations
    names = [span["name"] for span in data["spans"]]
    assert names[0] == "ui.main running"
    assert names[-1] == "first chat-list page painted"
    assert "window shown" in names
    times = [span["monotonic"] for span in data["spans"]]
    assert times == sorted(times)
    assert "first chat-list page painted" in stderr  # cuts an -X importtime log


def test_a_normal_start_notes_nothing() -> None:
    env = {k: v for k, v in os.environ.items() if k != FIRST_PAINT_ENV}
    probe = "from ui import first_paint as p; p.mark('x'); print(p._spans)"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_a_fresh_demo_paints_its_window_and_chats_before_the_sync_engine_starts(tmp_path: Path) -> None:
    """A first `--demo` start kept its window black for 0.5–1.2 s on a busy two-core laptop: the
    sync engine and the collector's pass ran between showing the window and its first paint."""
    demo = ["--demo", "--lang", "ko", "--data-dir", str(tmp_path / "demo")]

    data, _ = _probed_start(demo, tmp_path / "first-paint.json")

    assert data["rows"] > 0  # the demo's customers' chats
    names = [span["name"] for span in data["spans"]]
    # Something on the screen while the demo seeds its shop and starts its relay.
    assert names.index("QApplication built") < names.index("demo splash shown")
    assert names.index("demo splash shown") < names.index("main window modules imported")
    assert names.index("window shown") < names.index("window painted")
    # Nothing of the sync engine before the chats are painted: the probe ends the app there. The
    # collector's freeze comes before the demo's seeding thread starts (its passes there stalled the
    # splash), never between showing the window and painting it.
    assert "sync engine started" not in names
    assert names.index("objects frozen for the collector") < names.index("main window modules imported")
    assert names[-1] == "first chat-list page painted"


def _probed_start(
    args: list[str], stamp: Path, env: dict[str, str] | None = None
) -> tuple[dict[str, Any], str]:
    """`shop-inbox ARGS` (offscreen) to its first painted chat-list page: the probe's spans, and what
    it wrote to stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "ui.main", *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", FIRST_PAINT_ENV: str(stamp), **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(stamp.read_text(encoding="utf-8"))
    return data, done.stderr
