"""`shop-inbox --demo`: an embedded sandbox relay and a seeded demo shop, in a folder of its own."""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import errno
import logging
import shutil
import socket
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.business_numbers import has_several_numbers
from app.db import Database, causes, is_damaged_file, out_of_room
from app.demo_seed import demo_language_of_shop, demo_shop_seeded, mark_demo_shop, seed_demo_shop
from app.errors import DEMO_FAILURES, DatabaseUnavailable, DemoDiskFull, DiskFull, ErrorCode, ShopInboxError
from app.paths import AppPaths, demo_shop_paths, new_demo_folder
from app.settings import Preferences, read_preferences
from app.wire import SANDBOX_PHONE_NUMBER_ID
from ui.context import AppContext
from ui.resources import demo_dir

if TYPE_CHECKING:
    from fastapi import FastAPI

log = logging.getLogger(__name__)

DEMO_TOKEN = "demo-token-not-secret"
DEMO_PHONE_NUMBER_ID = SANDBOX_PHONE_NUMBER_ID
# Beside the demo's desktop and relay folders: the sample bank and courier files (app/demo_samples.py).
SAMPLES_FOLDER = "samples"
# Seconds at most the simulated customers of a new demo wait for its greeting and away messages,
# which the desktop pushes once its window is up (a slow start, or a push refused, must not leave the
# demo silent).
AUTOMATIONS_HOLD = 60.0
QUIT_GRACE = 1  # second the embedded relay gives requests still running at quit (uvicorn takes whole seconds)


@dataclass
class EmbeddedRelay:
    """A relay running in this process on a loopback port (uvicorn in a thread)."""

    url: str
    token: str
    stop: Callable[[], None]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_embedded_relay(
    folder: Path, *, speed: float = 1.0, language: str = "ko", two_numbers: bool = False
) -> EmbeddedRelay:
    """Start the sandbox relay on 127.0.0.1 with its own database in `folder`; its simulated
    customers are the `language` demo shop's (relay/sandbox_cast.py), with `two_numbers` writing to
    two business numbers."""
    import uvicorn

    from relay.server import create_app
    from relay.settings import RelaySettings

    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    settings = RelaySettings.for_sandbox(
        database_url=f"sqlite:///{folder / 'relay.db'}",
        client_token=DEMO_TOKEN,
        phone_number_id=DEMO_PHONE_NUMBER_ID,
        sandbox_speed=speed,
        sandbox_language=language,
        sandbox_two_numbers=two_numbers,
        sandbox_hold_for_automations=AUTOMATIONS_HOLD,
    )
    try:
        app = create_app(settings)
    except Exception as exc:  # its database opened and brought up to date here (a new one)…
        full = no_room_for_the_relay(folder, exc)
        if full is None:
            raise
        raise full from exc
    relay = app.state.relay
    failed = startup_failures(app)

    class EmbeddedServer(uvicorn.Server):
        async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
            # The desktop's own long poll would hold the quit for up to 25 s: answer it now.
            await relay.feed.release_long_polls()
            await super().shutdown(sockets)

    # A windowed build has no stderr: uvicorn must not install its own logging config. A request
    # still running after QUIT_GRACE is cancelled; the relay's own shutdown (lifespan) still runs.
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_config=None,
        log_level="warning",
        timeout_graceful_shutdown=QUIT_GRACE,
    )
    server = EmbeddedServer(config)
    thread = threading.Thread(target=server.run, name="demo-relay", daemon=True)
    thread.start()
    started = threading.Event()

    def wait_started() -> None:
        # uvicorn sets `started` once the socket listens; poll it on an Event with a deadline.
        for _ in range(200):
            if server.started or not thread.is_alive():
                break
            started.wait(0.025)

    wait_started()
    if not server.started:  # …or in its start (one a crash left open)
        failure = failed[0] if failed else None
        full = no_room_for_the_relay(folder, failure) if failure is not None else None
        raise full or RuntimeError("the demo relay did not start") from failure

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=5)

    log.info("demo relay listening on 127.0.0.1:%d", port)
    return EmbeddedRelay(url=f"http://127.0.0.1:{port}", token=DEMO_TOKEN, stop=stop)


def no_room_for_the_relay(folder: Path, failure: Exception) -> DiskFull | None:
    """The demo relay's start failed for want of room for its database in `folder` (a full disk,
    also when it filled while an older demo's relay database was copied or upgraded: that one is
    left as it was): said as the disk, not as a relay that did not start. None: some other failure."""
    from relay.storage.schema import SchemaNoRoom

    if not isinstance(failure, SchemaNoRoom) and not out_of_room(folder / "relay.db", failure):
        return None
    return DiskFull(f"the demo relay could not start: {failure}")


def startup_failures(app: FastAPI) -> list[Exception]:
    """What the relay's start (its lifespan: the database opened and brought up to date) raised, once
    it has: uvicorn only logs it, then ends, and its server says no more than that it did not start."""
    lifespan = app.router.lifespan_context
    failures: list[Exception] = []

    @contextlib.asynccontextmanager
    async def noting_failures(app: Any) -> AsyncIterator[Any]:
        started = False
        try:
            async with lifespan(app) as state:
                started = True
                yield state
        except Exception as exc:
            if not started:
                failures.append(exc)
            raise

    app.router.lifespan_context = noting_failures
    return failures


def said_as_the_demo(exc: Exception, where: Path) -> Exception:
    """A demo that could not open for want of room, or of leave to write, in `where` (its kept
    folder, or the one its temporary folder was made in): said as the demo's, never as "your inbox
    could not be set up" or "your chats are safe" (the demo is not her inbox). Else `exc`."""
    if isinstance(exc, ShopInboxError) and exc.code in DEMO_FAILURES:
        return exc
    if out_of_room(where / "demo", exc):
        return DemoDiskFull(where, f"the demo could not start: {exc}")
    refused = any(
        isinstance(found, OSError) and found.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
        for found in causes(exc)
    )
    if is_damaged_file(exc) or (isinstance(exc, ShopInboxError) and exc.code is ErrorCode.NOT_A_DATABASE):
        # Only the demo's made-up chats are at stake: it can start afresh (set_demo_aside).
        return DatabaseUnavailable(
            f"the demo could not start: {exc}", path=where, code=ErrorCode.DEMO_INBOX_DAMAGED
        )
    if refused or (isinstance(exc, ShopInboxError) and exc.code is ErrorCode.DATA_FOLDER_READ_ONLY):
        return DatabaseUnavailable(
            f"the demo could not start: {exc}", path=where, code=ErrorCode.DEMO_FOLDER_READ_ONLY
        )
    return exc


def set_demo_aside(root: Path) -> Path:
    """A kept demo (`--demo --data-dir root`) whose inbox file is damaged: the file, and the demo's
    relay beside it (whose rules and events were that shop's), moved untouched into a new folder of
    its data folder's `replaced`, so the next start seeds a new demo shop. Returns the folder.
    Blocking (disk): off the GUI thread."""
    from app.backup import set_inbox_aside

    aside = set_inbox_aside(demo_shop_paths(root))
    relay = root / "relay"
    if relay.is_dir():
        shutil.move(str(relay), aside / relay.name)
    return aside


class DemoStep(Enum):
    """How far a demo's start has come (what its splash says)."""

    SHOP = "shop"  # its shop's file made, or opened as it was left
    SEEDING = "seeding"  # a new shop's chats, catalogue and orders written (called between their parts)
    RELAY = "relay"  # the embedded relay, whose simulated customers write in


@dataclass
class PreparedDemo:
    """What `prepare_demo` made, for `demo_context` to hand to the window."""

    root: Path
    own_folder: bool
    paths: AppPaths
    db: Database
    prefs: Preferences
    relay: EmbeddedRelay

    def discard(self) -> None:
        """Undo it (a quit before the window showed): the relay stopped, the file closed, a
        temporary folder removed. A kept one stays as it is, its shop seeded."""
        self.relay.stop()
        self.db.close()
        if self.own_folder:
            shutil.rmtree(self.root, ignore_errors=True)


def prepare_demo(
    language: str,
    *,
    folder: Path | None = None,
    speed: float = 1.0,
    two_numbers: bool = False,
    on_step: Callable[[DemoStep], None] | None = None,
    throwaway: bool = False,
) -> PreparedDemo:
    """The demo's shop opened (seeded when new) and its relay started; no Qt, so it runs on a worker
    while the splash paints. `language` ("ko", "en" or "en_US": ui/demo_language.py) says which shop
    a new demo is seeded as. `on_step` hears each step, and between the parts of the seeding; what it
    raises stops the start, leaving a kept folder that the next start can use (the seeding is one
    transaction, undone whole) and no temporary one, but for its log. `throwaway`: `folder` is a
    temporary one (`new_demo_folder`) made by the caller, who logs in it, removed at quit."""
    step = on_step or (lambda _step: None)
    own_folder = folder is None or throwaway
    root = folder or new_demo_folder()
    db: Database | None = None
    try:
        step(DemoStep.SHOP)
        paths = demo_shop_paths(root).ensure()
        if paths.restores_under_way():  # a kept demo restored into, and cut short by a crash
            from app.backup import finish_interrupted_restore

            finish_interrupted_restore(paths)
        db = Database.open(paths.database)
        # Not "the file is there": a start cut short (a quit, a full disk) leaves it made but empty.
        if not demo_shop_seeded(db):  # a demo kept in a folder (--demo --data-dir) is reopened as it was left
            step(DemoStep.SEEDING)
            # The simulated customers subscribed too, so a demo campaign gets read, answered and refused.
            from relay.sandbox_cast import cast

            subscribers = [(c.wa_id, c.name) for c in cast(language)]
            # With a bank's and a courier's files made from its orders, to open in their windows.
            seed_demo_shop(
                db,
                demo_dir(),
                paths.catalog_dir,
                language,
                subscribers,
                samples=root / SAMPLES_FOLDER,
                two_numbers=two_numbers,
                on_step=lambda: step(DemoStep.SEEDING),
            )
        else:
            from app.demo_orders import rename_former_demo_templates

            rename_former_demo_templates(db)
        mark_demo_shop(db)
        # A kept demo's customers are its shop's: the Seoul one's if it was seeded in won (the Palo
        # Alto one's in dollars), whatever the language it is reopened in.
        prefs = read_preferences(db)
        shop_language = demo_language_of_shop(prefs.currency)
        two_numbers = two_numbers or has_several_numbers(db)  # a kept demo goes on with both numbers
        step(DemoStep.RELAY)
        relay = start_embedded_relay(
            root / "relay", speed=speed, language=shop_language, two_numbers=two_numbers
        )
    except Exception as exc:
        if db is not None:
            db.close()
        if own_folder:
            remove_all_but_the_log(root)
        said = said_as_the_demo(exc, root.parent if own_folder else root)
        if said is exc:
            raise
        raise said from exc
    return PreparedDemo(root, own_folder, paths, db, prefs, relay)


def remove_all_but_the_log(root: Path) -> None:
    """A temporary demo folder whose start failed, removed but for a log file with lines in it: the
    start's dialog names it (the system's temporary files are cleared in time)."""
    log_file = demo_shop_paths(root).log_file
    if not log_file.is_file() or log_file.stat().st_size == 0:
        shutil.rmtree(root, ignore_errors=True)
        return
    for folder in (root, log_file.parent.parent, log_file.parent):
        for found in folder.iterdir():
            if found in (log_file, log_file.parent, log_file.parent.parent):
                continue
            if found.is_dir() and not found.is_symlink():
                shutil.rmtree(found, ignore_errors=True)
            else:
                found.unlink(missing_ok=True)


def demo_context(demo: PreparedDemo) -> AppContext:
    """On the GUI thread, once `prepare_demo` is done: the context the demo's window opens with."""
    from ui.translations import follow_shop_region

    root, prefs = demo.root, demo.prefs

    def stop_demo() -> None:
        demo.relay.stop()
        if demo.own_folder:
            shutil.rmtree(root, ignore_errors=True)

    atexit.register(stop_demo)
    # A demo kept in a folder is reopened with the choices made in its Settings, its country and
    # currency too (a fresh one has the defaults); the relay is always the embedded one.
    ctx = AppContext(
        db=demo.db,
        paths=demo.paths,
        demo=True,
        prefs={**dataclasses.asdict(prefs), "relay_url": demo.relay.url},
        shop_region=prefs.shop_region,
        currency=prefs.currency,
    )
    follow_shop_region(prefs.shop_region)  # a demo moved to the UK writes its dates as there
    ctx.relay_token = demo.relay.token
    ctx.stop_demo = stop_demo
    ctx.demo_kept_in = None if demo.own_folder else root
    ctx.demo_samples = root / SAMPLES_FOLDER if (root / SAMPLES_FOLDER).is_dir() else None
    return ctx


def start_demo(
    lang: str | None = None, *, folder: Path | None = None, speed: float = 1.0, two_numbers: bool = False
) -> AppContext:
    """Everything the demo needs, on the calling thread; nothing here touches the user's real data
    folder. With `two_numbers` (`--demo --two-numbers`) the shop has two WhatsApp numbers, as a shop
    with two branches has; a demo kept in a folder that had two keeps them. `shop-inbox --demo`
    runs `prepare_demo` on a worker instead, behind its splash (ui/demo_start.py)."""
    from ui.demo_language import demo_shop_language
    from ui.translations import chosen_language

    prepared = prepare_demo(
        demo_shop_language(chosen_language(lang)), folder=folder, speed=speed, two_numbers=two_numbers
    )
    return demo_context(prepared)
