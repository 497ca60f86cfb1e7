"""Screenshot of the two-number demo's red line under a reply WhatsApp refused (131047) from a number
whose 24-hour window had closed, while the customer wrote to the shop's other number: it names that one.

The real app, `shop-inbox --demo --two-numbers --lang ko`, kept in a folder: started once to seed the
demo shop, then, closed, given this morning's news (이하은 wrote to 02-555-0200, and the owner's
answer from 02-555-0100, her chat's number, came back refused with 131047), and started again. Needs an
X server with a window manager, xdotool and ImageMagick's `import`, as on a 1366×768 laptop:

    Xvfb :7 -screen 0 1366x768x24 & DISPLAY=:7 openbox &
    DISPLAY=:7 .venv/bin/python docs/screenshots/two_numbers_screenshot.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(OUT))

from failed_sends_screenshot import place_window, red_tick, shoot, wait_for, xdotool, xdotool_search  # noqa: E402
from shop_clock import shop_clock_env, working_moment  # noqa: E402

HAEUN = "821099907890"  # 이하은: her chat is on the first number; she last wrote to it two days ago


def app(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ui.main",
            "--demo",
            "--two-numbers",
            "--lang",
            "ko",
            "--data-dir",
            str(folder),
        ],
        cwd=ROOT,
        env={**shop_clock_env("ko"), "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=30)


def seeded(database: Path) -> bool:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as db:
            row = db.execute("SELECT count(*) FROM contact WHERE wa_id = ?", (HAEUN,)).fetchone()
    except sqlite3.Error:
        return False  # not created yet, or being written
    return bool(row[0])


def main_window_alone() -> bool:
    """The demo's main window is the app's one window on the screen (its splash gone)."""
    windows = xdotool_search()
    return len(windows) == 1 and "인박스" in xdotool("getwindowname", windows[0])  # 샵\u00a0인박스


def this_mornings_news(database: Path) -> None:
    """이하은 wrote to the second number in the shop's day (two hours before its last open moment); the
    owner's answer went from her chat's first number an hour later and WhatsApp refused it (131047:
    her window with that number had closed)."""
    from sqlalchemy import select

    from app.db import Database
    from app.models import Contact
    from app.wire import SANDBOX_PHONE_NUMBER_ID, SANDBOX_SECOND_PHONE_NUMBER_ID
    from tests.support.factories import make_message

    now = working_moment("ko", open_for=timedelta(hours=2))
    db = Database.open(database)
    with db.write() as s:
        haeun = s.scalar(select(Contact).where(Contact.wa_id == HAEUN))
        assert haeun is not None and haeun.phone_number_id == SANDBOX_PHONE_NUMBER_ID
        make_message(
            s,
            haeun,
            "입금했어요! 홍대점 번호로 연락드려요 😊",
            unread=False,
            wamid="wamid.SHOT131047in",
            phone_number_id=SANDBOX_SECOND_PHONE_NUMBER_ID,
            sent_at=now - timedelta(hours=2),
        )
        make_message(
            s,
            haeun,
            "입금 확인했어요. 내일 바로 보내드릴게요!",
            direction="out",
            status="failed",
            error_code="131047",
            error_text="Re-engagement message",
            sent_by="owner",
            wamid=None,
            phone_number_id=SANDBOX_PHONE_NUMBER_ID,
            sent_at=now - timedelta(hours=1),
        )
        haeun.last_inbound_at = now - timedelta(hours=2)
    db.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "demo"
        database = folder / "desktop" / "inbox.db"
        first = app(folder)
        try:
            wait_for("the demo shop", lambda: seeded(database) and bool(xdotool_search()))
        finally:
            stop(first)
        this_mornings_news(database)
        second = app(folder)
        try:
            # The start's splash (also "Shop Inbox") shows first: place the main window, not it.
            wait_for("the main window", main_window_alone, timeout=120)
            place_window(1200, 740)
            # Her chat found by her number, typed in the chat list's search box, and opened.
            xdotool("key", "ctrl+f")
            xdotool("type", "--delay", "50", "99907890")
            name = "two-numbers-refused-ko.png"
            xdotool("key", "Down", "Return")
            wait_for(
                "her refused reply's red tick",
                lambda: shoot(name) is None and red_tick(OUT / name) is not None,
            )
            # The search closed (Esc in its box), her chat left open beside the chat list.
            xdotool("key", "ctrl+f", "Escape")
            wait_for("the chat list back", lambda: shoot(name) is None and red_tick(OUT / name) is not None)
            # The window with its frame (1200×740 at the screen's top left, and the frame's border below it).
            subprocess.run(
                ["import", "-window", "root", "-crop", "1201x745+0+0", "+repage", str(OUT / name)], check=True
            )
            print("saved", OUT / name)
        finally:
            stop(second)


if __name__ == "__main__":
    main()
