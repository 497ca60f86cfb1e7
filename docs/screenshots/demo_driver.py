"""The real demo driven from inside for the README's pictures: its start, the waits, the pictures taken.

A picture script (`demo_*_screenshot.py`) gives `run_demo` its scenes: a generator whose every `yield`
gives a wait (a function that says whether what the next step needs holds yet), walked on the app's
own event loop by `drive`, so the app runs while the script waits and nothing sleeps on it. The demo
is `shop-inbox --demo`, started through its own start (`ui.application.run`) on the demo shop's clock
(shop_clock.py); its pictures are taken as the widget paints itself (`save`) or as the screen shows it,
the window manager's frame and what pops up over it too (`shoot`, `pane_shot`, `screen_shot`,
`whole_screen`): those need Xvfb and a window manager (openbox).

The scripts that make their own window instead of the demo's wait with `wait_until`.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QPoint, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent

Wait = Callable[[], object]
# How long one wait may take before the run ends, said: the demo's customers write every 5–20 s, and
# the last of its cast may be the one a scene waits for.
STEP_LIMIT = 300.0

if TYPE_CHECKING:
    from ui.main_window import MainWindow


# ---------------------------------------------------------------------------------------- waits


def top_level(kind: type) -> QWidget | None:
    """The shown top-level window of `kind`, if there is one."""
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def settled() -> bool:
    """Whether no read or write of the app's is still under way on a worker thread (ui/ops.py)."""
    from ui.ops import pending_ops

    return pending_ops() == 0


def painted(seconds: float = 0.5) -> Wait:
    """A moment for what was just shown to reach the screen (the screen is grabbed, not the widget),
    with no payment reminder over it: the demo offers them over whatever window is shown, from its
    start on some days (no_reminders), and a retake had one over four of its five chat pictures."""
    until = time.monotonic() + seconds
    return lambda: no_reminders() and time.monotonic() > until


def no_reminders() -> bool:
    """Whether no payment reminders are shown: the demo offers them once an order's deadline is
    within a day (soon after its start, then every minute), over whatever window the picture is of.
    Answered 보내지 않기 when they are (False: wait for the window to be painted without them)."""
    from ui.order_messages_dialog import BatchMessagesDialog

    shown = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, BatchMessagesDialog) and w.isVisible()
    ]
    for dialog in shown:
        dialog.reject()
    return not shown


def maximised(widget: QWidget) -> Wait:
    """Shows `widget` maximised by the window manager; the wait until it is, with its frame drawn."""
    widget.showMaximized()
    widget.activateWindow()
    return lambda: widget.isMaximized() and widget.isActiveWindow() and settled()


def main_window(width: int | None = None, height: int | None = None) -> Generator[Wait, None, MainWindow]:
    """The demo's main window once its chat list is read, sized `width` × `height` at the screen's top
    left when given. Gives the window."""
    from ui.main_window import MainWindow

    yield lambda: top_level(MainWindow) is not None
    window = top_level(MainWindow)
    assert isinstance(window, MainWindow)
    if width is not None and height is not None:
        window.resize(width, height)
        window.move(0, 0)
    yield lambda: window.chat_list.model.rowCount() > 5 and settled()
    return window


def unknown_order_chat(window: MainWindow) -> int | None:
    """오세훈's chat, once the demo's bot answered that it cannot find his order 20931 (None before)."""
    from sqlalchemy import select

    from app.models import Contact, Message

    with window.ctx.db.read() as s:
        return s.scalar(
            select(Contact.id)
            .join(Message, Message.contact_id == Contact.id)
            .where(Contact.profile_name == "오세훈", Message.sent_by == "bot", Message.body.contains("20931"))
            .limit(1)
        )


def unknown_order_handed_over(window: MainWindow) -> bool:
    """Whether the demo's customer who asks after an order the shop does not have (20931: 오세훈 in
    Seoul) has been handed to a person, as the campaign form counts it (his chat waits for one:
    app.campaigns.waiting_for_person), and the app has settled on it."""
    from sqlalchemy import select

    from app import relay_clock
    from app.campaigns import waiting_for_person
    from app.models import Message

    with window.ctx.db.read() as s:
        asked = s.scalars(
            select(Message.contact_id).where(Message.direction == "in", Message.body.contains("20931"))
        ).all()
        waiting = waiting_for_person(s, asked, relay_clock.now())
    return bool(waiting) and settled()


def wait_until(done: Callable[[], object], what: str = "", timeout: float = 30.0) -> None:
    """For a script with its own window (not the demo's): run the event loop until `done()`, as
    qtbot.waitUntil does (each round a 50 ms turn of the loop); `what` it waited for (else where) is
    said if it never comes."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what or waited_at(done)}")
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()


# ------------------------------------------------------------------------------------- pictures


def saved(name: str) -> None:
    print("saved", OUT / name)


def save(
    widget: QWidget, name: str, *, right: int | None = None, top_left: tuple[int, int] | None = None
) -> None:
    """The widget as it paints itself, whole, or its `right` pixels, or its `top_left` width × height."""
    image = widget.grab()
    if right is not None:
        image = image.copy(image.width() - right, 0, right, image.height())
    if top_left is not None:
        image = image.copy(0, 0, *top_left)
    image.save(str(OUT / name))
    saved(name)


def shoot(
    window: QWidget,
    name: str,
    *,
    frame: bool = True,
    palette: bool = False,
    top_left: tuple[int, int] | None = None,
) -> None:
    """The window as the screen shows it (with what pops up over it), with its frame or without, or
    its `top_left` width × height; `palette`: in 256 colours (ImageMagick's), for a picture at 150 %
    to stay under 300 KB."""
    area = window.frameGeometry() if frame else window.geometry()
    width, height = top_left if top_left is not None else (area.width(), area.height())
    screen = QApplication.primaryScreen()
    screen.grabWindow(0, area.x(), area.y(), width, height).save(str(OUT / name))
    if palette:
        subprocess.run(["convert", str(OUT / name), "-colors", "256", f"PNG8:{OUT / name}"], check=True)
    saved(name)


def pane_shot(widget: QWidget, name: str, width: int, height: int) -> None:
    """`width` × `height` of the screen from a widget's top left (a part of a window)."""
    at = widget.mapToGlobal(QPoint(0, 0))
    QApplication.primaryScreen().grabWindow(0, at.x(), at.y(), width, height).save(str(OUT / name))
    saved(name)


def screen_shot(name: str) -> None:
    """The whole screen as Qt grabs it, whatever its size."""
    QApplication.primaryScreen().grabWindow(0).save(str(OUT / name))
    saved(name)


def whole_screen(name: str, size: str, *windows: QWidget) -> None:
    """The whole screen to `name` (with the window manager's frames), once `windows` are painted; the
    screen must be `size` ("1400x900"), as the README says the picture is."""
    from PySide6.QtGui import QGuiApplication

    screen = subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True, text=True, check=True)
    if screen.stdout.split() != size.split("x"):
        raise SystemExit(f"{name} is of a {size} screen: run under Xvfb -screen 0 {size}x24 (and openbox)")
    for window in windows:
        window.repaint()
    QGuiApplication.sync()
    subprocess.run(["import", "-window", "root", str(OUT / name)], check=True)
    saved(name)


# ------------------------------------------------------------------------------ the demo's relay


def post_webhook(relay_url: str, payload: dict[str, Any]) -> None:
    """`payload` (a webhook as Meta sends it) posted to the demo's relay, signed as it expects."""
    import httpx

    from relay.settings import RelaySettings
    from relay.webhook import sign

    body = json.dumps(payload).encode()
    secret = RelaySettings.for_sandbox(database_url="sqlite://", client_token="-").app_secret
    answer = httpx.post(
        f"{relay_url}/webhook",
        content=body,
        headers={"Content-Type": "application/json", "X-Hub-Signature-256": sign(secret, body)},
    )
    answer.raise_for_status()


# ------------------------------------------------------------------------------------- the run


def korean(lang: str) -> bool:
    """Whether the demo run in `lang` is the Seoul shop (else the Brighton one)."""
    from app.demo_seed import korean_demo

    return korean_demo(lang)


def computer_language(locale: str) -> None:
    """This process's (and so the demo's) system language `locale` ("en_US.UTF-8"), as Qt reads it,
    set before anything asks for it."""
    import os

    os.environ["LANG"] = locale
    for overriding in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        os.environ.pop(overriding, None)


def waited_at(wait: Wait | None) -> str:
    """The file and line of a wait (a lambda or a function of a scene)."""
    if wait is None:
        return ""
    try:
        return f"{inspect.getsourcefile(wait)}:{inspect.getsourcelines(wait)[1]}"
    except (TypeError, OSError):
        return ""


def forget_edits() -> None:
    """The pictures' campaign forms are not the owner's drafts: the app quits without asking to save
    them (its question, with nobody to answer it, kept the run open)."""
    from ui.campaign_window import CampaignWindow

    for window in QApplication.topLevelWidgets():
        if isinstance(window, CampaignWindow):
            window.editor.mark_saved(window.editor.draft())


def drive(app: QApplication, steps: Iterator[Wait]) -> None:
    """Walk `steps` on the app's event loop: each waits (up to STEP_LIMIT) until what it yields holds."""
    deadline = [time.monotonic() + STEP_LIMIT]
    current: list[Wait | None] = [None]

    def tick() -> None:
        try:
            while current[0] is None or current[0]():
                current[0] = next(steps)
                deadline[0] = time.monotonic() + STEP_LIMIT
        except StopIteration:
            forget_edits()
            app.quit()
            return
        except Exception:
            # A scene that no longer fits the app ends the run, said, instead of leaving it open.
            traceback.print_exc()
            app.exit(1)
            return
        if time.monotonic() > deadline[0]:
            # Where in its script: every wait is a `scenes.<locals>.<lambda>` by its name alone.
            print("timed out waiting at", current[0], waited_at(current[0]), file=sys.stderr)
            app.exit(1)
            return
        QTimer.singleShot(100, tick)

    QTimer.singleShot(0, tick)


def run_demo(
    steps: Callable[[], Iterator[Wait]],
    lang: str = "ko",
    folder: Path | None = None,
    options: tuple[str, ...] = (),
) -> int:
    """The real demo (`shop-inbox --demo --lang …`, with `options` such as "--two-numbers", kept in
    `folder`, else in a temporary one), started through the app's own start on the demo shop's clock
    (shop_clock.py), with `steps` driving it from inside."""
    from docs.screenshots.shop_clock import use_shop_clock
    from ui.application import run
    from ui.demo_language import demo_shop_language
    from ui.main import parse_args

    # The demo's times on its shop's clock, as its owner's computer shows them: the shop the demo
    # opens, which for English is Palo Alto's on a computer set to US English.
    use_shop_clock(demo_shop_language(lang))
    app = QApplication(sys.argv[:1])
    drive(app, steps())
    with tempfile.TemporaryDirectory() as kept:
        where = folder if folder is not None else Path(kept) / "demo"
        return run(parse_args(["--demo", "--lang", lang, "--data-dir", str(where), *options]))
