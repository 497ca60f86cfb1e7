"""An error nobody caught (a bug in a slot, a thread that died) reaches the log file with its
traceback and a notice tells the owner, once, without stopping the window."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from ui.unexpected_errors import UnexpectedErrors


def _notices() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _raise_in_a_slot(errors: UnexpectedErrors) -> None:
    try:
        raise RuntimeError("catalogue picker lost its model")
    except RuntimeError:
        errors.excepthook(*sys.exc_info())  # type: ignore[arg-type]  # what Python calls for a slot's error


def test_an_error_in_a_slot_is_logged_and_told_once_without_blocking(
    qtbot: Any, tmp_path: Path, caplog: Any
) -> None:
    log_file = tmp_path / "logs" / "shop-inbox.log"
    errors = UnexpectedErrors(log_file)
    with caplog.at_level(logging.ERROR, logger="ui.unexpected_errors"):
        _raise_in_a_slot(errors)
        _raise_in_a_slot(errors)  # a burst: one notice, not a pile of them
    records = [r for r in caplog.records if r.name == "ui.unexpected_errors"]
    assert len(records) == 2
    assert records[0].exc_info is not None and "catalogue picker lost its model" in caplog.text
    assert "Traceback" in caplog.text

    qtbot.waitUntil(lambda: len(_notices()) == 1, timeout=3000)
    notice = _notices()[0]
    assert not notice.isModal()
    assert str(log_file) in notice.text()
    notice.close()
    qtbot.waitUntil(lambda: errors.notice is None, timeout=3000)

    _raise_in_a_slot(errors)  # a later error is told again
    qtbot.waitUntil(lambda: len(_notices()) == 1, timeout=3000)
    _notices()[0].close()


def test_a_thread_that_dies_is_logged_and_told(qtbot: Any, caplog: Any) -> None:
    errors = UnexpectedErrors(None)
    previous = threading.excepthook
    threading.excepthook = errors.thread_excepthook
    try:
        with caplog.at_level(logging.ERROR, logger="ui.unexpected_errors"):
            worker = threading.Thread(target=lambda: 1 / 0, name="thumbnail-maker")
            worker.start()
            worker.join()
    finally:
        threading.excepthook = previous
    assert "unexpected error in thread thumbnail-maker" in caplog.text
    assert "ZeroDivisionError" in caplog.text
    qtbot.waitUntil(lambda: len(_notices()) == 1, timeout=3000)
    notice = _notices()[0]
    assert "log file" not in notice.text()  # the demo keeps no log file: no path to give
    notice.close()
