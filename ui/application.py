"""Start-up: QApplication, language, database, first-run setup, main window; sync after first paint."""

from __future__ import annotations

import argparse
import dataclasses
import gc
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.db import Database
from app.errors import ShopInboxError
from app.paths import AppPaths, default_paths, paths_for
from ui.first_paint import mark, watch_first_paint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.context import AppContext
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def resolve_paths(args: argparse.Namespace) -> AppPaths:
    if args.data_dir:
        return paths_for(args.data_dir.expanduser().resolve())
    return default_paths()


def run(args: argparse.Namespace) -> int:
    mark("ui.application imported")
    if args.smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ui.main import setup_logging
    from ui.resources import icon_path
    from ui.theme import install_emoji_font
    from ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Shop Inbox")
    app.setOrganizationName("ShopInbox")
    app.setWindowIcon(QIcon(str(icon_path("app.svg"))))
    install_emoji_font()
    mark("QApplication built")

    log_file: Path | None = None
    ctx: AppContext | None = None
    try:
        if args.demo:
            install_translators(app, args.lang)
            ctx = start_demo_context(args.lang, args.data_dir)
        else:
            paths = resolve_paths(args).ensure()
            setup_logging(paths.log_file)
            log_file = paths.log_file
            ctx = open_inbox(app, args, paths)
            mark("database open, preferences read")

        from ui.main_window import MainWindow
        from ui.menus import install_menus

        mark("main window modules imported")
        window = MainWindow(ctx)
        install_menus(window, ctx)
        mark("main window built")
        if args.smoke:
            code = smoke_check(window)
            ctx.db.close()
            return code
    except Exception as exc:
        # Whatever it is, the owner gets a sentence and the log's path, never a silent crash.
        return report_startup_failure(app, args, exc, log_file, ctx)
    window.show()
    mark("window shown")
    watch_first_paint(window.chat_list.view)  # no-op unless bench.cold_start asks for it
    window.start_sync()
    mark("sync engine started")
    # Everything built so far lives as long as the app: keep it out of the cyclic collector, whose
    # full passes over it otherwise stall the window ~90 ms at a time during a big catch-up.
    gc.collect()
    gc.freeze()
    mark("objects frozen for the collector")
    code = app.exec()
    window.shutdown()
    if ctx.stop_demo is not None:
        ctx.stop_demo()
    ctx.db.close()
    return int(code)


def open_inbox(app: QApplication, args: argparse.Namespace, paths: AppPaths) -> AppContext:
    """The owner's inbox: database opened (migrated if needed), language, first-run setup."""
    from app.chat_export.importer import discard_unfinished_imports
    from app.settings import load_preferences
    from ui.context import AppContext
    from ui.translations import install_translators

    db = Database.open(paths.database)
    # A chat import cut short by a crash or power cut leaves nothing half-imported.
    discard_unfinished_imports(db)
    with db.read() as s:
        prefs = load_preferences(s)
    install_translators(app, args.lang or prefs.language)
    ctx = AppContext(
        db=db,
        paths=paths,
        prefs=dataclasses.asdict(prefs),
        shop_region=prefs.shop_region,
        currency=prefs.currency,
    )
    if not args.smoke and not prefs.relay_url and not prefs.setup_done:
        choice = run_first_setup(ctx)
        if choice == "demo":
            db.close()
            return start_demo_context(args.lang)
    return ctx


def report_startup_failure(
    app: QApplication,
    args: argparse.Namespace,
    exc: Exception,
    log_file: Path | None,
    ctx: AppContext | None,
) -> int:
    """Log the traceback, tell the owner in plain words (with the log's path), and give the exit code."""
    from ui.startup_error import StartupErrorDialog, explain_startup_error, startup_error_details
    from ui.translations import install_translators, installed_language

    log.exception("Shop Inbox could not start")
    if ctx is not None:
        stop = ctx.stop_demo
        if stop is not None:
            stop()
        ctx.db.close()
    code = 2 if isinstance(exc, ShopInboxError) else 1
    if args.smoke:
        out = sys.__stdout__ or sys.stdout
        if out is not None:
            print(f"smoke: could not start: {type(exc).__name__}: {exc}", file=out)
        return code
    if installed_language(app) is None:
        install_translators(app, args.lang)
    dialog = StartupErrorDialog(explain_startup_error(exc), log_file, startup_error_details(exc, log_file))
    dialog.exec()
    return code


def start_demo_context(lang: str | None, data_dir: Path | None = None) -> AppContext:
    """The demo shop: in a temporary folder, or kept in `data_dir` (`--demo --data-dir`)."""
    from ui.demo import start_demo

    return start_demo(lang=lang, folder=data_dir.expanduser().resolve() if data_dir else None)


def run_first_setup(ctx: AppContext) -> str:
    """The wizard; returns "demo", "connected" or "skipped"."""
    from app.settings import load_preferences, save_preferences
    from ui.setup_wizard import SetupWizard

    wizard = SetupWizard(ctx=ctx)
    wants_demo: list[bool] = []
    wizard.demo_requested.connect(lambda: wants_demo.append(True))
    accepted = wizard.exec()
    if wants_demo:
        return "demo"
    if not accepted:
        return "skipped"
    db = ctx.db
    from ui.token_store import store_token_interactively

    if not store_token_interactively(wizard, ctx, wizard.relay_url, wizard.token):
        return "skipped"
    with db.write() as s:
        prefs = load_preferences(s).replace(
            relay_url=wizard.relay_url,
            shop_region=wizard.shop_page.region,
            currency=wizard.shop_page.currency_code,
            setup_done=True,
        )
        save_preferences(s, prefs)
    ctx.prefs.update(dataclasses.asdict(prefs))
    ctx.shop_region = prefs.shop_region
    ctx.currency = prefs.currency
    return "connected"


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
        print("smoke: ok", file=out)
    return 1 if problems else 0
