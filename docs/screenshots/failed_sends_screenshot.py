"""Screenshots of two failed sends in the Korean UI: refused as outside_window, and failed by Meta with 131026.

The real app runs as its own process against the real relay (fake Graph) on loopback; the owner's
replies were written while offline and go out when it connects. Needs an X server with a window
manager, xdotool and ImageMagick's `import`:

    Xvfb :7 -screen 0 1400x900x24 & DISPLAY=:7 openbox &
    DISPLAY=:7 .venv/bin/python docs/screenshots/failed_sends_screenshot.py

The customer's question, the replies and Meta's answer are live (the relay's 24-hour window runs on
the real clock): outside the Seoul shop's hours the script runs itself again under `faketime`
(libfaketime) in the shop's last afternoon (shop_clock.in_shop_hours), the app too.

With `graph-unreachable`, on a 1366×768 screen: the relay's Graph address a port nothing listens on,
the reply waits and the banner says the relay cannot reach WhatsApp (`graph-unreachable-ko.png`), her
question and the reply in the Seoul shop's working day (shop_clock.working_moment), whenever it runs:

    DISPLAY=:7 .venv/bin/python docs/screenshots/failed_sends_screenshot.py graph-unreachable
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.shop_clock import in_shop_hours, shop_clock_env, working_moment  # noqa: E402

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.paths import AppPaths
    from tests.support.relay_server import RunningRelay

OUT = Path(__file__).resolve().parent

REGULAR = "821055501234"  # wrote today: the 24-hour window is open
QUIET = "821055505678"  # known from an imported chat, never wrote to the relay: the window is closed


def wait_for(what: str, check: object, timeout: float = 30.0) -> None:
    """Ask `check` again until it holds, as qtbot.waitUntil does (the app is another process: its
    database, its windows and the screen are what can be asked)."""
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        # Between two looks, not in place of one; an Event's wait, not time.sleep, which libfaketime
        # 0.9.10 (shop_clock.in_shop_hours) fails with EINVAL while the monotonic clock stays real.
        threading.Event().wait(0.2)


def app_env(folder: Path) -> dict[str, str]:
    """The environment the app runs in (this process's too, which saves its token): the times in the
    picture on Seoul's clock, not Xvfb's UTC; no keyring (and none of this computer's touched), so the
    token is kept in the config file, as on a computer without one once the owner agrees."""
    env = {
        **shop_clock_env("ko"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "XDG_DATA_HOME": str(folder / "xdg-data"),
        "XDG_CONFIG_HOME": str(folder / "xdg-config"),
    }
    os.environ.update(env)
    return env


@contextmanager
def korean_shop(paths: AppPaths, relay_url: str) -> Iterator[Session]:
    """A Korean shop set up on `relay_url` in `paths`, written in the session given (then closed)."""
    from app.db import Database
    from app.settings import load_preferences, save_preferences

    db = Database.open(paths.database)
    try:
        with db.write() as s:
            save_preferences(
                s, load_preferences(s).replace(relay_url=relay_url, setup_done=True, language="ko")
            )
            yield s
    finally:
        db.close()


@contextmanager
def app_running(paths: AppPaths, relay: RunningRelay, env: dict[str, str]) -> Iterator[None]:
    """The app as its own process on the shop in `paths`, with `relay`'s token, until the block ends."""
    from app.tokens import save_token

    save_token(relay.url, relay.token, config_file=paths.config_file, allow_config_file=True)
    app = subprocess.Popen(
        [sys.executable, "-m", "ui.main", "--data-dir", str(paths.data_dir), "--lang", "ko"],
        cwd=ROOT,
        env=env,
    )
    try:
        yield
    finally:
        app.terminate()
        wait_for("the app to quit", lambda: app.poll() is not None, timeout=20)  # Popen.wait sleeps


def xdotool(*args: str) -> str:
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, check=True).stdout.strip()


def shoot(name: str) -> None:
    subprocess.run(["import", "-window", "root", str(OUT / name)], check=True)
    print("saved", OUT / name)


def shot_tick(name: str) -> tuple[int, int] | None:
    """Screenshot the screen to `name`; where its failed tick is, if one is painted yet."""
    shoot(name)
    return red_tick(OUT / name)


def failed_replies(database: Path) -> int:
    """How many of the owner's replies the app has marked failed (its database, read only)."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as db:
            row = db.execute(
                "SELECT count(*) FROM message WHERE lower(direction) = 'out' AND lower(status) = 'failed'"
            ).fetchone()
    except sqlite3.Error:
        return 0  # not created yet, or being written
    return int(row[0])


def red_tick(png: Path) -> tuple[int, int] | None:
    """Screen position of the rightmost failed (red) tick in a screenshot of the chat."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(png))
    best: tuple[int, int] | None = None
    for y in range(0, image.height(), 2):
        for x in range(image.width() - 1, image.width() // 3, -2):
            c = QColor(image.pixel(x, y))
            if c.red() > 200 and c.green() < 60 and 30 < c.blue() < 90:
                if best is None or y > best[1]:
                    best = (x, y)
                break
    return best


def main() -> None:
    # In the Seoul shop's working day, not the machine's: a night run showed a shop answering at
    # 오후 8:17. Its clock is faked, not the messages' times: the relay would refuse a reply to a
    # question asked on the last working day (Saturday's, on a Monday morning) as outside the window.
    in_shop_hours("ko")
    from app.paths import paths_for
    from app.sending import queue_text
    from tests.support.factories import make_contact
    from tests.support.fake_graph import run_fake_graph
    from tests.support.relay_server import inbound, run_relay, status

    with tempfile.TemporaryDirectory() as tmp, run_fake_graph() as graph:
        # The relay has no message from the quiet customer (the chat came from an import) and lets the
        # reply go; Meta knows their window closed long ago and refuses it (131047).
        graph.closed_windows.add(QUIET)
        folder = Path(tmp)
        (folder / "relay").mkdir()
        env = app_env(folder)
        with run_relay(folder / "relay", graph_url=graph.url) as relay:
            relay.post_webhook(inbound(content="린넨 셔츠 M 사이즈 있나요?", sender=REGULAR, name="김민수"))
            paths = paths_for(folder / "data").ensure()
            with korean_shop(paths, relay.url) as s:
                regular = make_contact(s, wa_id=REGULAR, profile_name="김민수")
                quiet = make_contact(s, wa_id=QUIET, profile_name="박지훈")
                # Written while offline; they go out when the app connects.
                queue_text(s, quiet.id, "지난번 주문하신 셔츠 다시 입고됐어요!")
                queue_text(s, regular.id, "네, M 사이즈 있어요. 오늘 보내드릴게요.")
            with app_running(paths, relay, env):
                # Graph takes the reply to the regular; later Meta reports it undeliverable (131026).
                wait_for("the reply to reach Graph", lambda: bool(graph.sent))
                wamid = None

                def sent_wamid() -> bool:
                    nonlocal wamid
                    for event in relay.events()["events"]:
                        if event["kind"] == "outbound" and event.get("wamid"):
                            wamid = event["wamid"]
                    return wamid is not None

                wait_for("the relay's outbound event", sent_wamid)
                undeliverable = {
                    "code": 131026,
                    "title": "Message undeliverable",
                    "message": "Message undeliverable",
                    "error_data": {"details": "Message Undeliverable."},
                }
                relay.post_webhook(status(str(wamid), "failed", recipient=REGULAR, errors=[undeliverable]))

                # Both replies failed in the app's own database: the refusal and Meta's 131026.
                wait_for("both replies to fail", lambda: failed_replies(paths.database) == 2)
                # The whole window on the 1400×900 screen, its title bar too.
                top = place_window(1400, 900)
                for name, row in (("failed-131026-ko.png", 0), ("failed-outside-window-ko.png", 1)):
                    # The chat list's rows are ~72 px tall below the title, menu and filters; newest first.
                    xdotool("mousemove", "150", str(top + 128 + 72 * row), "click", "1")
                    # The chat open, its failed reply painted with its red tick.
                    wait_for(f"{name}'s red tick", lambda name=name: shot_tick(name) is not None)
                    tick = shot_tick(name)
                    assert tick is not None
                    xdotool("mousemove", str(tick[0]), str(tick[1]))
                    wait_for("the tick's tooltip", lambda: len(xdotool_search()) > 1)
                    shoot(name)


def waiting_replies(database: Path, why: str) -> int:
    """How many of the owner's replies wait for `why` (app.outbox.Waiting) in the app's database."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as db:
            row = db.execute(
                "SELECT count(*) FROM message WHERE lower(direction) = 'out' AND lower(status) = 'pending' "
                "AND error_code = ?",
                (why,),
            ).fetchone()
    except sqlite3.Error:
        return 0  # not created yet, or being written
    return int(row[0])


def graph_unreachable() -> None:
    """박지은's chat while the relay cannot reach WhatsApp (its Graph address a closed port): the reply
    written while offline waits, the banner says why, and the reply's clock's tooltip says it too."""
    from app.outbox import Waiting
    from app.paths import paths_for
    from app.sending import queue_text
    from tests.support.factories import make_contact
    from tests.support.relay_server import inbound, run_relay

    customer = "821077778888"
    # Her question and the reply in the Seoul shop's working day (the real now while it is open, else
    # its last open hour), not the machine's: a night run showed a shop answering at 오전 3:21.
    asked = working_moment("ko")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "relay").mkdir()
        env = app_env(folder)
        # Graph's address a port nothing listens on: every send is refused a connection, and retried.
        with run_relay(folder / "relay", graph_url="http://127.0.0.1:9", send_attempts=1) as relay:
            question = inbound(
                content="선물 포장 가능할까요?",
                sender=customer,
                name="박지은",
                timestamp=int((asked - timedelta(minutes=3)).timestamp()),
            )
            relay.post_webhook(question)
            paths = paths_for(folder / "data").ensure()
            with korean_shop(paths, relay.url) as s:
                contact = make_contact(s, wa_id=customer, profile_name="박지은")
                reply = queue_text(s, contact.id, "네, 선물 포장해 드릴게요 🎁")
                reply.sent_at = asked - timedelta(minutes=1)  # written then, offline; waiting since
            with app_running(paths, relay, env):
                wait_for(
                    "the reply to wait on WhatsApp",
                    lambda: waiting_replies(paths.database, Waiting.GRAPH_UNREACHABLE) == 1,
                    timeout=60,
                )
                top = place_window(1366, 768)
                xdotool("mousemove", "150", str(top + 128), "click", "1")  # her chat, the only one
                # The reply's clock at the right end of the last bubble, under her message and the
                # unread line: hovered once the bubble's green is on the screen there.
                clock = (1335, top + 242)
                wait_for(
                    "her chat open", lambda: screen_pixel(clock[0] - 35, clock[1]) == "srgb(217,253,211)"
                )
                # Read, as the owner has it in front of her (the chat marks itself read after a moment
                # on the screen): no unread badge on her row beside the open chat.
                wait_for("her chat read", lambda: unread_messages(paths.database) == 0)
                xdotool("mousemove", str(clock[0]), str(clock[1]))
                wait_for("the clock's tooltip", lambda: len(xdotool_search()) > 1)
                shoot("graph-unreachable-ko.png")


def unread_messages(database: Path) -> int:
    """How many of the customers' messages are unread in the app's database (-1 before it has any)."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as db:
            received, unread = db.execute(
                "SELECT count(*), coalesce(sum(unread), 0) FROM message WHERE lower(direction) = 'in'"
            ).fetchone()
    except sqlite3.Error:
        return -1  # not created yet, or being written
    return int(unread) if received else -1


def screen_pixel(x: int, y: int) -> str:
    """The colour on the screen at (x, y), as ImageMagick writes it ("srgb(217,253,211)")."""
    grab = subprocess.run(
        ["import", "-window", "root", "-crop", f"1x1+{x}+{y}", "png:-"], capture_output=True
    )
    found = subprocess.run(
        ["convert", "png:-", "-format", "%[pixel:p{0,0}]", "info:"], input=grab.stdout, capture_output=True
    )
    return found.stdout.decode().strip()


def place_window(width: int, height: int) -> int:
    """The app's window, once shown, activated and placed at the screen's top left, `width` × `height`
    with its title bar; that bar's height."""
    wait_for("the window", lambda: bool(xdotool_search()))
    window = xdotool_search()[0]
    xdotool("windowactivate", "--sync", window)
    top = title_height(window)
    xdotool("windowsize", "--sync", window, str(width), str(height - top))
    xdotool("windowmove", "--sync", window, "0", str(top))
    return top


def title_height(window: str) -> int:
    """The window manager's frame above the window (its title bar), in pixels."""
    found = subprocess.run(["xprop", "-id", window, "_NET_FRAME_EXTENTS"], capture_output=True, text=True)
    _, _, extents = found.stdout.partition("=")
    parts = [p.strip() for p in extents.split(",")]
    return int(parts[2]) if len(parts) == 4 else 0


def xdotool_search() -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--class", "shop"], capture_output=True, text=True
    )
    return found.stdout.split()


if __name__ == "__main__":
    if sys.argv[1:] == ["graph-unreachable"]:
        graph_unreachable()
    else:
        main()
