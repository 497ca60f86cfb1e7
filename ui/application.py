"""Start-up: QApplication, language, database, main window; sync starts after the first paint."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from app.db import Database
from app.errors import ShopInboxError
from app.paths import AppPaths, default_paths, paths_for

log = logging.getLogger(__name__)


def resolve_paths(args: argparse.Namespace) -> AppPaths:
    if args.data_dir:
        return paths_for(args.data_dir.expanduser().resolve())
    return default_paths()


def run(args: argparse.Namespace) -> int:
    if args.smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.main import setup_logging
    from ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Shop Inbox")
    app.setOrganizationName("ShopInbox")
    install_translators(app, args.lang)

    if args.demo:
        from ui.demo import start_demo

        ctx = start_demo(lang=args.lang)
    else:
        paths = resolve_paths(args).ensure()
        setup_logging(paths.log_file)
        try:
            db = Database.open(paths.database)
        except ShopInboxError as exc:
            log.error("cannot open database: %s", exc)
            if not args.smoke:
                QMessageBox.critical(None, app.tr("Shop Inbox"), str(exc))
            return 2
        from ui.context import AppContext

        ctx = AppContext(db=db, paths=paths)

    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    if args.smoke:
        return smoke_check(app, window, ctx)
    window.show()
    if hasattr(window, "start_sync"):
        window.start_sync()
    code = app.exec()
    if hasattr(window, "shutdown"):
        window.shutdown()
    ctx.db.close()
    return int(code)


def smoke_check(app: object, window: object, ctx: object) -> int:
    """Packaging check: the window builds, the first chat-list page loads, resources are there."""
    from ui.smoke import run_smoke_checks

    problems = run_smoke_checks(window)
    for problem in problems:
        log.error("smoke: %s", problem)
        print(f"smoke: {problem}", file=sys.__stdout__ or sys.stdout)
    if not problems:
        print("smoke: ok", file=sys.__stdout__ or sys.stdout)
    return 1 if problems else 0
