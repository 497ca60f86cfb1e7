"""The `shop-inbox` command: parse options, open the database, show the inbox."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from pathlib import Path

from ui.first_paint import mark

log = logging.getLogger(__name__)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    from importlib.metadata import PackageNotFoundError, version

    try:
        app_version = version("shop-inbox")
    except PackageNotFoundError:
        app_version = "0+unknown"
    parser = argparse.ArgumentParser(
        prog="shop-inbox",
        description="Shop Inbox: answer your WhatsApp customers from your computer.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start a live demo shop with simulated customers (never touches your real data)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="keep all data in this folder (portable install, tests); with --demo, keep the demo shop there",
    )
    parser.add_argument(
        "--lang", choices=["system", "en", "ko"], default=None, help="user-interface language"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start, open the database, build the main window offscreen, then exit (packaging check)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {app_version}")
    return parser.parse_args(argv)


def setup_logging(log_file: Path) -> None:
    """Log to a rotating file (a windowed build has no stderr) and to stderr when there is one."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    ]
    if sys.stderr is not None:
        handlers.append(logging.StreamHandler())
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    mark("ui.main running")
    args = parse_args(argv)
    from ui.application import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
