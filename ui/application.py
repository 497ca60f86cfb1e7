"""Start-up: QApplication, language, the first chat-list page painted, then database layer, menus and sync."""

from __future__ import annotations

import argparse
import dataclasses
import errno
import gc
import logging
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from app.db import Database, migration_due, no_room_beside, refuse_damaged_inbox
from app.first_page import FirstPage, read_first_page
from app.paths import AppPaths, default_paths, demo_shop_paths, new_demo_folder, paths_for
from ui.chat_list_model import PAGE
from ui.first_paint import mark, watch_first_paint
from ui.start_path import DeferredStart, after_first_page, after_first_paint, finish_window

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.settings import Preferences
    from ui.context import AppContext
    from ui.demo_splash import DemoSplash
    from ui.main_window import MainWindow
    from ui.setup_wizard import SetupWizard
    from ui.single_instance import FolderClaim
    from ui.startup_error import MissingLog

log = logging.getLogger(__name__)


def resolve_paths(args: argparse.Namespace) -> AppPaths:
    if args.data_dir:
        return paths_for(args.data_dir.expanduser().resolve())
    return default_paths()


def paint_on_the_gui_thread() -> None:
    """Before QApplication: Qt's raster engine paints a large fill (the chat list's scroll bar,
    say) by handing slices to a pool of threads and waiting for all of them. On a busy two-core
    laptop those threads queue for a core, and the window's paint waits with them (measured:
    the scroll bar's paint waiting on that pool during a catch-up). Painting it on the GUI
    thread costs a fraction of a millisecond."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


# How long a thread running Python keeps the GIL once another asks for it (CPython's default: 5 ms).
GIL_SWITCH_S = 0.0005


def hand_the_gil_back_quickly() -> None:
    """The window's thread takes the GIL again every time Qt calls into Python (each row's paint,
    each event filter, each timer): behind an op thread busy in Python it waits up to the switch
    interval each time, and a page scroll is dozens of such calls. A shorter interval bounds each
    wait at half a millisecond; the op threads' work is no slower for it."""
    sys.setswitchinterval(GIL_SWITCH_S)


def run(args: argparse.Namespace) -> int:
    mark("ui.application imported")
    if args.smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paint_on_the_gui_thread()
    hand_the_gil_back_quickly()
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ui.alt_letter_guard import install_alt_letter_guard
    from ui.field_frames import install_field_frames
    from ui.fusion_dark import install_fusion_dark
    from ui.main import rotate_log_file
    from ui.resources import icon_path
    from ui.single_instance import claim_folder
    from ui.theme import install_drop_down_combos, install_emoji_font
    from ui.translations import install_translators, remember_language_option
    from ui.wheel_guard import install_wheel_guard

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Shop Inbox")
    app.setOrganizationName("ShopInbox")
    app.setWindowIcon(QIcon(str(icon_path("app.svg"))))
    install_emoji_font()
    install_fusion_dark(app)
    install_field_frames(app)
    install_drop_down_combos(app)
    install_wheel_guard(app)
    install_alt_letter_guard(app)
    remember_language_option(app, args.lang)  # Settings says a language given here wins over its own
    mark("QApplication built")

    log_file: Path | None = None
    no_log: MissingLog | None = None  # why this start has no log file, when it could not be opened
    paths: AppPaths | None = None  # the owner's data folder (not the demo's): a damaged inbox offers a backup
    ctx: AppContext | None = None
    first: FirstPage | None = None
    claim: FolderClaim | None = None
    splash: DemoSplash | None = None
    try:
        if args.demo:
            from ui.demo_language import demo_language

            kept_in = args.data_dir.expanduser().resolve() if args.data_dir is not None else None
            # A demo kept nowhere: a temporary folder, made now, so its log can be opened.
            demo_folder = kept_in if kept_in is not None else new_demo_folder()
            # Before anything that can fail, so a failed start's dialog names the file; its own log
            # in its folder, as Help ▸ About says (and a crash notice shows).
            log_file, no_log = open_log(demo_shop_paths(demo_folder).log_file)
            install_translators(app, demo_language(args.lang, kept_in))
            if args.data_dir is not None:
                claim = claim_folder(args.data_dir.expanduser().resolve())
                if claim is None:
                    return already_open(app, args, args.data_dir.expanduser().resolve())
            demo, splash = open_demo(
                args, demo_folder, two_numbers=args.two_numbers, throwaway=kept_in is None
            )
            if demo is None:  # asked to quit meanwhile: the start stopped and undid what it began
                if claim is not None:
                    claim.release()
                return 0
            ctx = demo
        else:
            paths = resolve_paths(args)
            # Before the folders are made (a data folder that is a file, or read only, is said with
            # the log's path when the log's own folder can be written); rotating once the first page
            # is painted.
            log_file, no_log = open_log(paths.log_file, rotating=False)
            paths.ensure()
            claim = claim_folder(paths.data_dir)
            if claim is None:
                return already_open(app, args, paths.data_dir)
            if paths.restores_under_way():  # a restore a crash cut short: finished before opening
                from app.backup import finish_interrupted_restore

                finish_interrupted_restore(paths)
            # A set-up shop whose schema is current paints this page before SQLAlchemy & co. load;
            # anything else (first start, migration due, unfinished import) takes the full path.
            first = None if args.smoke else read_first_page(paths.database, PAGE)
            if first is not None:
                ctx = open_for_first_page(app, args, paths, first)
                mark("first chat-list page read")
            else:
                rotate_log_file(paths.log_file)
                # Not the usual start (the first page could not be read, say): a damaged file is said
                # here, with a backup offered, before anything opens it to write.
                refuse_damaged_inbox(paths.database)
                updated = not args.smoke and migration_due(paths.database)
                if updated and update_older_inbox(app, args, paths, claim):
                    return 0  # asked to quit during the update (the session ending): it is done
                try:
                    inbox = open_inbox(app, args, paths, translated=updated)
                except QuitDuringSetup:
                    claim.release()
                    return 0
                if inbox is None:  # the first setup's "Try the demo", opened as `--demo` opens it
                    inbox, splash = open_demo(args, None)
                    if inbox is None:  # asked to quit meanwhile
                        claim.release()
                        return 0
                ctx = inbox
                mark("database open, preferences read")

        from ui.main_window import MainWindow

        mark("main window modules imported")
        window = MainWindow(ctx, first_page=first)
        if first is None:
            from ui.menus import install_menus

            install_menus(window, ctx)
        else:
            from ui.menus import install_starting_menus

            install_starting_menus(window)
        mark("main window built")
        if args.smoke:
            code = smoke_check(window)
            from ui.ops import wait_for_ops

            wait_for_ops()
            ctx.db.close()
            if claim is not None:
                claim.release()
            return code
    except Exception as exc:
        if splash is not None:
            splash.close()
        if paths is not None and not demo_failure(exc):  # a first start short of room: nothing set up yet
            from app.unfinished_start import said_as_a_first_start

            exc = said_as_a_first_start(exc, paths.database)
        elif args.demo and args.data_dir is not None:  # its kept folder on a full or read-only disk
            from ui.demo import said_as_the_demo

            exc = said_as_the_demo(exc, args.data_dir.expanduser().resolve())
        # Whatever it is, the owner gets a sentence and the log's path, never a silent crash.
        code = report_startup_failure(
            app, args, exc, log_file, ctx, paths=None if args.demo else paths, no_log=no_log
        )
        if claim is not None:
            claim.release()
        relaunch_if_asked()
        return code
    from ui.unexpected_errors import install as catch_unexpected_errors

    catch_unexpected_errors(app, log_file)  # to the log and a notice, not to a stderr nobody reads
    window.show()
    mark("window shown")
    if splash is not None:
        splash.leave_for(window)
    from ui.single_instance import RESTARTING_NAME

    if (ctx.paths.data_dir / RESTARTING_NAME).exists():  # the last run still says "starting again"
        from ui.restart import new_window_shown

        after_first_paint(window.chat_list.view, partial(new_window_shown, ctx.paths.data_dir))
    if ctx.imports_cut_short:
        from ui.import_cut_short import say_imports_cut_short

        after_first_paint(window.chat_list.view, partial(say_imports_cut_short, window))
    deferred: DeferredStart | None = None
    if first is None:
        # After the first page is painted, as the usual start does: starting the sync engine and the
        # collector's pass over everything built kept a fresh demo's window black for 0.5–1.2 s on a
        # busy two-core laptop, then its chat list empty while they held the page's rows back.
        after_first_page(window.chat_list.view, window.chat_list.model, partial(start_sync, window))
    # No-op unless bench.cold_start asks for it. Watching after the sync engine's watcher, so its
    # note of the painted page is taken first (a view's last event filter is called first).
    watch_first_paint(window.chat_list.view)
    if first is not None:
        deferred = DeferredStart(ctx, window)
        deferred.finished.connect(
            lambda result: finish_start(app, args, window, result, log_file)  # type: ignore[arg-type]
        )
        after_first_paint(window.chat_list.view, deferred.start)
    code = app.exec()
    from ui.restart import show_restart_notice

    show_restart_notice()  # a backup was restored: "starting again" at once, until the next window
    if deferred is not None:
        deferred.wait()  # quit while it loads: let it end before the database closes
    window.shutdown()
    from ui.ops import wait_for_ops

    wait_for_ops()  # the owner's last edits are written before the database closes
    if ctx.stop_demo is not None:
        ctx.stop_demo()
    ctx.db.close()
    if claim is not None:
        claim.release()
    relaunch_if_asked(ctx.paths.data_dir)  # a backup was restored: the owner gets the restored inbox at once
    return int(code)


def open_log(log_file: Path, *, rotating: bool = True) -> tuple[Path | None, MissingLog | None]:
    """This run's log file (ui/main.py `setup_logging`), or None and why it could not be opened."""
    from ui.main import setup_logging

    failure = setup_logging(log_file, rotating=rotating)
    if failure is None:
        return log_file, None
    from ui.startup_error import MissingLog  # not on the usual start path: its imports cost the first paint

    return None, MissingLog(log_file.parent, failure)


def relaunch_if_asked(folder: Path | None = None) -> None:
    """Start Shop Inbox again if this run asked to (a restore, or Start again after a failed start),
    now that it has let go of its folder."""
    from ui import restart

    restart.relaunch_if_asked(folder)


def already_open(app: QApplication, args: argparse.Namespace, folder: Path) -> int:
    """Another Shop Inbox has this folder: it is asked to come to the front; this one ends. While
    that one updates the inbox file, the owner is told the inbox opens once the update is done; when
    it could not be asked, that it is open and where to find it."""
    from ui.single_instance import ask_to_come_forward, update_under_way

    asked = ask_to_come_forward(folder)
    log.info(
        "Shop Inbox is already open on this folder: its window %s",
        "was asked to come to the front" if asked else "could not be asked to come forward",
    )
    if sys.stderr is not None:
        told = "its window came to the front" if asked else "look for its window"
        print(f"Shop Inbox is already open on this folder; {told}.", file=sys.stderr)
    language = update_under_way(folder)
    if args.smoke or (asked and language is None):
        return 0
    from app.first_page import stored_language
    from ui.translations import install_translators, installed_language

    if installed_language(app) is None:
        install_translators(app, args.lang or language or stored_language(paths_for(folder).database))
    if language is not None:
        from ui.upgrade_window import say_update_under_way

        say_update_under_way()
    else:
        from ui.single_instance import say_already_open

        say_already_open()
    return 0


def update_older_inbox(
    app: QApplication, args: argparse.Namespace, paths: AppPaths, claim: FolderClaim
) -> bool:
    """An inbox file from an older version: updated behind a small window that says so at once (on a
    large inbox it takes seconds), before anything else opens; raises what the update failed with.
    True when a quit was asked meanwhile."""
    from app.first_page import stored_language
    from ui.translations import install_translators
    from ui.upgrade_window import update_inbox_showing_progress

    language = install_translators(app, args.lang or stored_language(paths.database))
    with claim.updating(language):
        return update_inbox_showing_progress(paths.database)


def start_sync(window: MainWindow) -> None:
    window.start_sync()
    mark("sync engine started")
    freeze_for_collector()


def freeze_for_collector() -> None:
    """Everything built so far lives as long as the app: kept out of the cyclic collector, whose
    full passes over it otherwise stall the window ~90 ms at a time during a big catch-up. From
    here on the collector runs on the window's thread (ui/collector.py)."""
    from PySide6.QtCore import QCoreApplication

    from ui.collector import collect_on_the_gui_thread

    gc.collect()
    gc.freeze()
    app = QCoreApplication.instance()
    if app is not None:
        collect_on_the_gui_thread(app)
    mark("objects frozen for the collector")


def finish_start(
    app: QApplication,
    args: argparse.Namespace,
    window: MainWindow,
    result: Preferences | Exception,
    log_file: Path | None,
) -> None:
    """The deferred start has loaded (or failed): finish the window and start syncing, or explain."""
    from PySide6.QtCore import QTimer

    def step(work: Callable[[], None]) -> None:
        try:
            work()
        except Exception as exc:
            window.hide()
            app.exit(report_startup_failure(app, args, exc, log_file, None))

    def finish() -> None:
        if isinstance(result, Exception):
            raise result
        finish_window(window, window.ctx, result)

    step(finish)
    if log_file is not None:
        from ui.main import rotate_log_file

        rotate_log_file(log_file)
    if window.ready:
        # In later turns of the event loop, so a click between the steps is answered at once
        # instead of after all of them.
        QTimer.singleShot(0, lambda: step(window.start_sync))
        QTimer.singleShot(0, lambda: step(freeze_for_collector))


def open_for_first_page(
    app: QApplication, args: argparse.Namespace, paths: AppPaths, first: FirstPage
) -> AppContext:
    """The owner's inbox as the first page saw it; ui/start_path.py loads the rest after the paint."""
    from ui.context import AppContext
    from ui.translations import install_translators

    stored = first.preferences
    install_translators(app, args.lang or stored.get("language"), str(stored.get("shop_region") or ""))
    return AppContext(
        db=Database.open(paths.database),  # the schema is current: no migration, no SQLAlchemy yet
        paths=paths,
        prefs=dict(stored),
        shop_region=str(stored.get("shop_region") or "KR"),
        currency=str(stored.get("currency") or "KRW"),
    )


class QuitDuringSetup(Exception):
    """Ctrl+Q in the first setup: the app ends, its inbox closed, the setup not done."""


def open_inbox(
    app: QApplication, args: argparse.Namespace, paths: AppPaths, *, translated: bool = False
) -> AppContext | None:
    """The owner's inbox: database opened (migrated if needed), language, first-run setup.
    `translated`: the language is installed already (the update of an older inbox said it).
    None: the owner chose to try the demo shop in the first setup (its inbox is closed again)."""
    from app.chat_export.importer import discard_unfinished_imports, unfinished_import_exports
    from app.errors import DiskFull
    from app.settings import read_preferences
    from ui.context import AppContext
    from ui.translations import follow_shop_region, install_translators, take_language_out

    try:
        db = Database.open(paths.database)
    except DiskFull as full:
        # No room for SQLite's index beside the file: the chats can still be read (the window says
        # the disk is full, and starts again when asked once there is room).
        db = Database.open_read_only(paths.database, full)
    # A chat import cut short by a crash or power cut leaves nothing half-imported (read only, one
    # to remove raises DiskFull: the start says the disk is full rather than show half an import).
    cut_short = unfinished_import_exports(db)
    discard_unfinished_imports(db)
    prefs = read_preferences(db)
    if db.read_only and not prefs.relay_url and not prefs.setup_done:
        from app.errors import NoRoomToSetUp

        db.close()  # a shop not set up yet has nothing to read, and its setup could not be saved
        raise NoRoomToSetUp(paths.data_dir, "nothing to read before the first setup")
    # Before the first setup the shop's country is only the default (KR): the computer's place says
    # how its English is spelt and dated until the wizard asks.
    chosen = prefs.shop_region if prefs.setup_done or prefs.relay_url else None
    if not translated:
        install_translators(app, args.lang or prefs.language, chosen)
    elif chosen:
        # The language said before the inbox opened (an update's window): a UK shop's English window
        # wrote "Nov 28, 11:37 AM" (the computer's guess) until its next start wrote "28 Nov, 11:37".
        follow_shop_region(chosen)
    ctx = AppContext(
        db=db,
        paths=paths,
        prefs=dataclasses.asdict(prefs),
        shop_region=prefs.shop_region,
        currency=prefs.currency,
        imports_cut_short=cut_short,
    )
    if not args.smoke and not prefs.relay_url and not prefs.setup_done:
        if no_room_beside(paths.database):
            from app.errors import NoRoomToSetUp

            # Said before the wizard, not after: its Finish could not be kept, and all she typed
            # into it would be lost (a first start cut short on a disk that filled up meanwhile).
            db.close()
            raise NoRoomToSetUp(paths.data_dir, "too little free space for the first setup")
        choice = run_first_setup(ctx)
        if choice == "quit":
            ctx.db.close()
            raise QuitDuringSetup
        if choice == "demo":
            ctx.db.close()
            return None
        if choice == "restored":  # opened again: the restored inbox, its language and its relay
            ctx.db.close()
            # The restored shop's language from its first window on: no window of this run is open
            # now (the wizard has closed), so none is left speaking the wizard's. A Korean shop's
            # backup restored on a laptop set to English opened in English until its next start.
            take_language_out(app)
            return open_inbox(app, args, paths)
    return ctx


def report_startup_failure(
    app: QApplication,
    args: argparse.Namespace,
    exc: Exception,
    log_file: Path | None,
    ctx: AppContext | None,
    *,
    paths: AppPaths | None = None,
    no_log: MissingLog | None = None,
) -> int:
    """Log the traceback, tell the owner in plain words (with the log's path, or why there is none:
    `no_log`, what opening it met), and give the exit code. With `paths`, a damaged inbox file there
    is offered a backup to restore in its place."""
    from app.errors import ErrorCode, ShopInboxError
    from app.first_page import preferences_left_in
    from ui.main import log_file_met_a_full_disk
    from ui.startup_error import (
        MissingLog,
        StartupErrorDialog,
        explain_startup_error,
        may_pass,
        no_log_sentence,
        startup_error_details,
        startup_error_headline,
    )
    from ui.translations import install_translators, installed_language

    before = _size(log_file)
    if demo_failure(exc):
        # Foreseen, and said in full by its code: one line, not a traceback in the terminal it ran from.
        log.error("the demo shop could not open: %s", exc)
    else:
        log.exception("Shop Inbox could not start")
    if log_file is not None and not _grew(log_file, before):
        # Not written (a full disk takes the log too): the dialog asks for the details instead of
        # pointing at an empty file, and says why.
        full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(log_file))
        no_log = MissingLog(log_file.parent, full if log_file_met_a_full_disk() else None)
        log_file = None
    if ctx is not None:
        stop = ctx.stop_demo
        if stop is not None:
            stop()
        ctx.db.close()
        if log_file is not None and not log_file.exists():  # a demo kept nowhere took it with its folder
            log_file, no_log = None, None
    code = 2 if isinstance(exc, ShopInboxError) else 1
    if args.smoke:
        out = sys.__stdout__ or sys.stdout
        if out is not None:
            print(f"smoke: could not start: {type(exc).__name__}: {exc}", file=out)
        return code
    if installed_language(app) is None:
        # The shop's own language, not the computer's: a start that failed before the inbox was opened
        # (a damaged file is found first) read none. Its settings page is read without touching it.
        saved = preferences_left_in(paths.database) if paths is not None else {}
        region = saved.get("shop_region")
        install_translators(
            app, args.lang or saved.get("language"), region if isinstance(region, str) else None
        )
    restore: Callable[..., None] | None = None
    start_empty: Callable[..., None] | None = None
    if paths is not None and isinstance(exc, ShopInboxError) and exc.code is ErrorCode.NOT_A_DATABASE:
        from ui.damaged_inbox import restore_over_damaged, start_empty_over_damaged

        restore = partial(restore_over_damaged, paths)
        start_empty = partial(start_empty_over_damaged, paths)
    demo_afresh: Callable[..., None] | None = None
    if isinstance(exc, ShopInboxError) and exc.code is ErrorCode.DEMO_INBOX_DAMAGED and args.data_dir:
        from ui.damaged_inbox import start_demo_afresh

        demo_afresh = partial(start_demo_afresh, args.data_dir.expanduser().resolve())
    dialog = StartupErrorDialog(
        explain_startup_error(exc),
        log_file,
        startup_error_details(exc, log_file, no_log),
        may_pass=may_pass(exc),
        headline=startup_error_headline(exc),
        restore=restore,
        start_empty=start_empty,
        demo_afresh=demo_afresh,
        no_log=no_log_sentence(no_log.folder, no_log.failure) if no_log is not None else None,
    )
    dialog.exec()
    if dialog.start_again:
        from ui.restart import request_restart

        request_restart()  # once this run has let go of the folder
    return code


def _size(path: Path | None) -> int | None:
    try:
        return path.stat().st_size if path is not None else None
    except OSError:
        return None


def _grew(path: Path, before: int | None) -> bool:
    after = _size(path)
    return after is not None and after > (before or 0)


def open_demo(
    args: argparse.Namespace, data_dir: Path | None, *, two_numbers: bool = False, throwaway: bool = False
) -> tuple[AppContext | None, DemoSplash | None]:
    """The demo shop (kept in `data_dir`, else thrown away at quit) seeded and its relay started on a
    worker behind its splash (none with --smoke), which paints meanwhile and hears Ctrl+Q; the
    splash stays up until the window shows. No context when a quit was asked meanwhile."""
    from ui.demo_start import open_demo_showing_progress

    splash: DemoSplash | None = None
    if not args.smoke:
        from ui.demo_splash import demo_splash

        splash = demo_splash()
        # Before the worker allocates: a full pass of the collector over everything imported, run in
        # the worker that allocated last, held the splash's paint 0.2–0.4 s at a time.
        freeze_for_collector()
    try:
        ctx = open_demo_showing_progress(
            splash, args.lang, data_dir, two_numbers=two_numbers, throwaway=throwaway
        )
    except Exception:
        if splash is not None:
            splash.close()
        raise
    if ctx is None and splash is not None:
        splash.close()
    return ctx, splash


def demo_failure(exc: Exception) -> bool:
    """The demo could not open for want of room or of leave to write: its own sentence says so."""
    from app.errors import DEMO_FAILURES, ShopInboxError

    return isinstance(exc, ShopInboxError) and exc.code in DEMO_FAILURES


def run_first_setup(ctx: AppContext) -> str:
    """The wizard; returns "demo", "restored" (a backup), "connected", "skipped" or "quit" (Ctrl+Q:
    nothing kept, the wizard shown again at the next start)."""
    from app.settings import update_preferences
    from ui.setup_wizard import SetupWizard
    from ui.translations import follow_shop_region

    wizard = SetupWizard(ctx=ctx)
    wants_demo: list[bool] = []
    wizard.demo_requested.connect(lambda: wants_demo.append(True))
    accepted = wizard.exec()
    if wizard.quit_asked:
        return "quit"
    if wants_demo:
        return "demo"
    if wizard.restored_from is not None:
        # The old computer's backup: its preferences are the inbox's now. Opening at sign-in is this
        # computer's own, asked with the restore (the wizard's last page, which asks it, is skipped).
        if wizard.restored_sign_in is not None:
            from app.sign_in import SignInStart
            from ui.sign_in_choice import set_open_at_sign_in

            set_open_at_sign_in(wizard, ctx, SignInStart.for_this_user(), wizard.restored_sign_in)
        return "restored"
    if not accepted and (wizard.token_not_kept or wizard.later_keeps_relay):
        # "Set up later" after the relay's check passed (its token kept, as Finish keeps it), or
        # after the token could not be kept: the relay's address and the shop are kept still, so
        # Settings opens with them (and takes the token, if it was not kept).
        return finish_setup(wizard, ctx, token_kept=not wizard.token_not_kept)
    if not accepted:
        # "Set up later": the wizard is not shown at each start from now on (the banner's Settings
        # and the File menu do what it did).
        # The shop's place is the wizard's guess from the computer's country (or what the owner chose
        # on its last page): a UK shop that set up later priced its catalogue in won.
        place = wizard.shop_page
        later = update_preferences(
            ctx.db, setup_done=True, shop_region=place.region, currency=place.currency_code
        )
        ctx.prefs.update(dataclasses.asdict(later))
        ctx.shop_region, ctx.currency = later.shop_region, later.currency
        follow_shop_region(later.shop_region)
        return "skipped"
    return finish_setup(wizard, ctx)


def finish_setup(wizard: SetupWizard, ctx: AppContext, *, token_kept: bool = True) -> str:
    """The wizard was finished (its Finish kept the token): keep the relay and the shop's place, and
    open the inbox at sign-in as ticked, or not (a refusal is said; the rest is kept). "connected", or
    "skipped" when the token could not be kept and the owner chose "Set up later": the rest is kept
    then too, so Settings opens with the relay's address and the wizard is not shown again.
    "Set up later" after the relay's check passed keeps the relay as Finish does, and skips the
    rest the wizard would do (the shop's place is its guess, as a plain "later" keeps)."""
    from app.settings import update_preferences
    from app.share_link import remember_business_number
    from app.sign_in import SignInStart
    from ui.setup_items_notice import remember_open_items, window_memory
    from ui.sign_in_choice import set_open_at_sign_in
    from ui.translations import follow_shop_region

    if not wizard.later_keeps_relay:
        # The answer on the wizard's last page, whatever an earlier install left in the computer's
        # start-up list: unticked takes an old entry out, ticked writes this program's.
        set_open_at_sign_in(
            wizard, ctx, SignInStart.for_this_user(), wizard.shop_page.open_at_sign_in.isChecked()
        )
    prefs = update_preferences(
        ctx.db,
        relay_url=wizard.tried_relay_url,
        shop_region=wizard.shop_page.region,
        currency=wizard.shop_page.currency_code,
        setup_done=True,
    )
    ctx.prefs.update(dataclasses.asdict(prefs))
    ctx.shop_region = prefs.shop_region
    ctx.currency = prefs.currency
    follow_shop_region(prefs.shop_region)
    remember_business_number(ctx.db, wizard.business_number)  # Shop ▸ Share link opens with it
    report = wizard.relay_page.check_report
    if report is not None:  # "2 things to fix" on the relay page: the inbox says them until fixed
        remember_open_items(window_memory(ctx.paths.config_dir), wizard.tried_relay_url, report)
    return "connected" if token_kept else "skipped"


def smoke_check(window: MainWindow) -> int:
    """Packaging check: the window builds, the first chat-list page loads, resources are there."""
    from ui.smoke import run_smoke_checks

    problems = run_smoke_checks(window)
    out = sys.__stdout__ or sys.stdout
    for problem in problems:
        log.error("smoke: %s", problem)
        if out is not None:
            print(f"smoke: {problem}", file=out)
    if not problems and out is not None:
        print("smoke: ok, read only: the disk is full" if window.ctx.read_only else "smoke: ok", file=out)
    return 1 if problems else 0
