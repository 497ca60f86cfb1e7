"""Fixtures for the window tests: dialogs only when declared, an app context, a shown main window."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from tests.support.dialogs import DialogGuard
from tests.support.stand_in_keyring import LockedKeyring
from ui.collector import collect_if_due, collect_on_the_gui_thread
from ui.ops import pending_ops, wait_for_ops
from ui.resources import translations_dir

if TYPE_CHECKING:
    from ui.import_dialog import ImportDialog

DIALOGS = pytest.StashKey[DialogGuard]()
FAILED = pytest.StashKey[bool]()  # the test's setup or call failed
# Qt warnings fail the test that caused them, except the offscreen platform's notes on what it cannot
# do (propagateSizeHints on every window, raise() and keyboard grabs for menus).
QT_LOG_IGNORE = ("^This plugin does not support ",)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


@pytest.fixture(autouse=True)
def collector_on_the_window_thread(qapp: QApplication) -> Iterator[None]:
    """As in the app (ui/collector.py): cycles are collected on the GUI thread, never in an op
    thread, where a pass that frees a window's widgets deadlocks with the GUI thread (CI hung so,
    in test_accessible_names). On for the rest of the session; each test ends with the pass due,
    after Qt has deleted the windows the test closed (delete_closed_windows)."""
    collector = collect_on_the_gui_thread(qapp)
    gc.disable()  # again, after a test of the collector itself turned automatic passes back on
    collector.timer.start()  # paused at the end of the last test's call (pytest_runtest_call)
    yield
    delete_closed_windows()
    collect_if_due()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    """The collector's timer pauses when the test's function returns: pytest-qt's processEvents after
    it would otherwise run a pass that frees the windows the test made (now unreachable), live."""
    try:
        return (yield)
    finally:
        if (app := QApplication.instance()) is not None:
            collect_on_the_gui_thread(app).timer.stop()


def delete_closed_windows() -> None:
    """Qt deletes the closed windows a test made, here, between tests: the collector then frees only
    their emptied wrappers. Else a window in a reference cycle (its slots hold `self`) is deleted by a
    collector pass in the next test, its widgets torn down from inside the pass (CI: "Segmentation
    fault", "Garbage-collecting" in collect_due, after test_tool_window_keys had closed four windows).
    pytest-qt's deleteLater on the windows it closes is not run by processEvents outside an event
    loop; sendPostedEvents with DeferredDelete runs it."""
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible() and shiboken6.ownedByPython(widget):
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_language_left(qapp: QApplication) -> Iterator[None]:
    """A test that started the app (`run()`, install_translators) leaves no translator and no default
    locale behind: the next test's "%n order(s)" reads as its own setup says, whatever ran before."""
    before = {shiboken6.getCppPointer(t)[0] for t in qapp.findChildren(QTranslator)}
    locale = QLocale()
    # …nor the language and the --lang it recorded (ui/translations.py): a later start that fails
    # before its inbox is read took that language as put in already and never read its shop's, and
    # File ▸ Restore's sentence left out "in the language of the backup" as if --lang were given.
    recorded = {name: qapp.property(name) for name in ("shopInboxLanguage", "shopInboxLanguageOption")}
    yield
    for name, value in recorded.items():
        qapp.setProperty(name, value)
    for translator in qapp.findChildren(QTranslator):
        if shiboken6.getCppPointer(translator)[0] not in before:
            QCoreApplication.removeTranslator(translator)
            translator.setParent(None)
    QLocale.setDefault(locale)


@pytest.fixture(autouse=True)
def no_style_sheet_left(qapp: QApplication) -> Iterator[None]:
    """A test that started the app (its drop-down combos, light mode's grid lines) leaves the shared
    application's style sheet as it found it: the next test's style starts from its own setup."""
    before = qapp.styleSheet()
    yield
    if qapp.styleSheet() != before:
        qapp.setStyleSheet(before)


@pytest.fixture(autouse=True)
def no_restart_notice_left() -> Iterator[None]:
    """A test that restored a backup (or asked to start again) never relaunches: its "starting
    again" notice goes with it."""
    yield
    from ui.restart import close_restart_notice

    close_restart_notice()


@pytest.fixture(autouse=True)
def no_shop_clock_left() -> Iterator[None]:
    """A window that read a shop's time zone shows times on it; the next test's on this computer's."""
    yield
    from ui.formatting import set_shop_zone

    set_shop_zone(None)


@pytest.fixture(autouse=True)
def fresh_file_dialog_folders() -> Iterator[None]:
    """Each test starts as a first run: no folder remembered from another test's file dialogs."""
    from ui import save_paths

    save_paths.remember_folders_in(None)
    yield
    save_paths.remember_folders_in(None)


@pytest.fixture(autouse=True)
def dialogs(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> Iterator[DialogGuard]:
    """Every static dialog and modal window fails the test unless it declared it: `dialogs.expect(...)`.

    A test that failed has the windows it left open closed, so its failure is not the next test's."""
    open_before = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    guard = DialogGuard(monkeypatch)
    guard.install()
    request.node.stash[DIALOGS] = guard
    yield guard
    if request.node.stash.get(FAILED, False):
        guard.close_left_open(open_before)
    guard.uninstall()
    if problems := guard.new_problems():
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    # From here on windows close: a dirty form asking "Save the changes?" is answered Discard.
    if (guard := item.stash.get(DIALOGS, None)) is not None:
        guard.tearing_down = True
    # Ops this test started finish before its fixtures close the database, and never run into the
    # next test's time (a queued write there would wait behind them on the one writer).
    wait_for_ops(write_msecs=30_000, read_msecs=30_000)
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """A test that opened a dialog it did not declare fails, even when Qt swallowed the exception."""
    report = yield
    guard = item.stash.get(DIALOGS, None)
    if guard is not None and report.when == "call":
        problems = guard.new_problems()
        if report.passed:
            problems += guard.never_shown()
        if report.passed and problems:
            report.outcome = "failed"
            report.longrepr = "\n".join(problems)
        elif problems := [p for p in problems if p not in str(report.longrepr)]:
            report.sections.append(("dialogs", "\n".join(problems)))
    if report.failed and report.when in ("setup", "call"):
        item.stash[FAILED] = True
        if guard is not None and guard.failed_at is None:
            guard.failed_at = len(guard.unexpected)  # what is met from here on, the failure left up
    return report


@pytest.fixture
def ctx(db: Any, tmp_path: Path) -> Any:
    from app.paths import paths_for
    from ui.context import AppContext

    paths = paths_for(tmp_path / "data").ensure()
    return AppContext(db=db, paths=paths, prefs={"enter_sends": True, "notifications": True})


@pytest.fixture
def window(qtbot: Any, ctx: Any) -> Iterator[Any]:
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    def finish(w: Any) -> None:
        # Background ops still running would write to a database the next fixture closes.
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
        w.shutdown()

    w = MainWindow(ctx)
    qtbot.addWidget(w, before_close_func=finish)
    # As wide as a window gets on the offscreen screen (800 pixels): shown, a window is fitted to
    # its screen (ui/screen_fit.py), so a test that asked for 1100 measured a 796-pixel window.
    w.resize(796, 700)
    w.show()
    qtbot.waitExposed(w)
    yield w


@pytest.fixture
def open_dialog(qtbot: Any, ctx: Any) -> Callable[[Path], ImportDialog]:
    """`open_dialog(path)`: the import dialog on `path`, shown, its scan (or its refusal) done."""
    from ui.import_dialog import ImportDialog

    def make(path: Path) -> ImportDialog:
        dialog = ImportDialog(ctx, path)
        qtbot.addWidget(dialog, before_close_func=lambda _d: qtbot.waitUntil(lambda: pending_ops() == 0))
        dialog.show()
        qtbot.waitUntil(lambda: dialog.scan is not None or dialog.close_button.isVisible(), timeout=5000)
        return dialog

    return make


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    """The app's Korean translation installed for one test, as a Korean owner's start installs it."""
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "shop_inbox_ko.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The app's English plurals installed for one test ("1 campaign paused", not "campaign(s)")."""
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "shop_inbox_en.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def default_locale(language: QLocale.Language, country: QLocale.Country) -> Iterator[None]:
    """Qt's default locale set for one test, and the one before it put back."""
    before = QLocale()
    QLocale.setDefault(QLocale(language, country))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def korean_locale() -> Iterator[None]:
    """Qt's default locale Korean (South Korea) for the test: dates, times, numbers as a Korean PC."""
    yield from default_locale(QLocale.Language.Korean, QLocale.Country.SouthKorea)


@pytest.fixture
def english_locale() -> Iterator[None]:
    """Qt's default locale US English for the test."""
    yield from default_locale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture
def british_locale() -> Iterator[None]:
    """Qt's default locale UK English for the test: the 24-hour clock ("18:00"), the day first."""
    yield from default_locale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


@pytest.fixture
def root_logging() -> Iterator[None]:
    """run() points the root logger at the app's log file: give pytest its handlers back afterwards."""
    before = logging.root.handlers[:], logging.root.level
    yield
    for handler in logging.root.handlers:
        if handler not in before[0]:
            with contextlib.suppress(OSError):  # as logging.shutdown: a full disk's last flush fails
                handler.close()
    logging.root.handlers[:] = before[0]
    logging.root.setLevel(before[1])


@pytest.fixture
def locked_keyring() -> Iterator[LockedKeyring]:
    """The OS's password store behind its unlock prompt until the test sets `unlocked`."""
    import keyring

    before = keyring.get_keyring()
    locked = LockedKeyring()
    keyring.set_keyring(locked)
    yield locked
    locked.unlocked.set()
    keyring.set_keyring(before)
