"""The `shop-inbox` command: parse options, open the database, show the inbox."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from pathlib import Path

from ui.first_paint import mark

log = logging.getLogger(__name__)


class VersionAction(argparse.Action):
    """`--version`: the installed version, looked up only when asked (importlib.metadata costs ~40 ms)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            app_version = version("shop-inbox")
        except PackageNotFoundError:
            app_version = "0+unknown"
        if sys.stdout is not None:  # a windowed build has no stdout
            sys.stdout.write(f"{parser.prog} {app_version}\n")
        parser.exit()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
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
        "--two-numbers",
        action="store_true",
        help="with --demo: the demo shop has two WhatsApp numbers (two branches); customers write to either",
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
    parser.add_argument("--version", action=VersionAction)
    args = parser.parse_args(argv)
    if args.two_numbers and not args.demo:  # the owner's own numbers are the relay's to say
        parser.error("--two-numbers is for the demo shop: use it with --demo")
    return args


LOG_FILE_BYTES = 2_000_000  # the log file rotates at this size, keeping LOG_FILES_KEPT older ones
LOG_FILES_KEPT = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _QuietWhenFull(logging.FileHandler):
    """A log file that says once, not with a traceback per line, that the disk has no room for it
    (a read-only inbox on a full disk goes on logging); its later lines are tried again as usual."""

    _said_full = False

    def handleError(self, record: logging.LogRecord) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            if not _QuietWhenFull._said_full and sys.stderr is not None:
                print(f"Shop Inbox: the disk is full, so the log file misses lines ({exc})", file=sys.stderr)
            _QuietWhenFull._said_full = True  # once a run, whichever handler (plain, then rotating) met it
            return
        super().handleError(record)


def setup_logging(log_file: Path, *, rotating: bool = True) -> OSError | None:
    """Log to a rotating file (a windowed build has no stderr) and to stderr when there is one.
    Returns why the file could not be opened (the start goes on without it), else None.

    With `rotating=False` the file is appended to by a plain handler until `rotate_log_file`: the
    start path paints its first page first, and `logging.handlers` (socket, pickle, queue: ~10 ms
    of CPU) loads after that.
    """
    handlers: list[logging.Handler] = []
    failure: OSError | None = None
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            _rotating_handler(log_file) if rotating else _QuietWhenFull(log_file, encoding="utf-8")
        )
    except OSError as exc:  # a full disk or a folder that may not be written: no log file, still a start
        failure = exc
        if sys.stderr is not None:
            print(f"Shop Inbox: no log file ({exc})", file=sys.stderr)
    if sys.stderr is not None:
        handlers.append(logging.StreamHandler())
    logging.basicConfig(level=logging.INFO, format=_FORMAT, handlers=handlers, force=True)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return failure


def log_file_met_a_full_disk() -> bool:
    """Whether a line of this run's log file was lost to a full disk."""
    return _QuietWhenFull._said_full


def rotate_log_file(log_file: Path) -> None:
    """Hand the log file from `setup_logging(rotating=False)`'s plain handler to the rotating one.
    The new handler is added before the old one goes, so a line logged meanwhile is never lost."""
    root = logging.getLogger()
    plain = [
        h for h in root.handlers if type(h) is _QuietWhenFull and h.baseFilename == os.path.abspath(log_file)
    ]
    if not plain:
        return
    try:
        rotating = _rotating_handler(log_file)
    except OSError as exc:  # the plain handler keeps writing, unrotated
        log.warning("log file not rotated: %s", exc)
        return
    rotating.setFormatter(plain[0].formatter)
    root.addHandler(rotating)
    for handler in plain:
        root.removeHandler(handler)
        try:
            handler.close()
        except OSError as exc:  # its last lines could not be written (a full disk): the start goes on
            log.warning("log file not closed cleanly: %s", exc)


def _rotating_handler(log_file: Path) -> logging.Handler:
    import logging.handlers

    class RotatingLogFile(logging.handlers.RotatingFileHandler, _QuietWhenFull):
        pass

    return RotatingLogFile(log_file, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILES_KEPT, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    mark("ui.main running")
    args = parse_args(argv)
    from ui.application import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
