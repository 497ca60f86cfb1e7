"""A start that fails says so in plain words with the log's path, copies its details, and exits non-zero."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.db import Database, stored_schema_version, upgrade
from app.errors import UnversionedDatabaseHoldsData
from tests.support.dialogs import DialogGuard
from tests.support.read_only_folder import read_only_folder
from ui.startup_error import (
    StartupErrorDialog,
    explain_startup_error,
    may_pass,
    startup_error_details,
    startup_error_headline,
)

ROOT = Path(__file__).resolve().parents[2]


def failed_start() -> RuntimeError:
    try:
        raise RuntimeError("the window's fonts could not be loaded <b>")
    except RuntimeError as exc:
        return exc


def test_an_unexpected_failure_shows_plain_words_the_log_path_and_copies_the_details(
    qtbot: Any, tmp_path: Path
) -> None:
    exc = failed_start()
    log_file = tmp_path / "logs" / "shop-inbox.log"
    dialog = StartupErrorDialog(explain_startup_error(exc), log_file, startup_error_details(exc, log_file))
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.windowTitle() == "Shop Inbox could not start"
    assert "Something unexpected went wrong" in dialog.explanation.text()
    assert "Traceback" not in dialog.explanation.text()  # plain words; the traceback is for copying
    assert dialog.log_path.text() == str(log_file)
    assert dialog.log_path.isVisible()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied
    assert "RuntimeError: the window's fonts could not be loaded <b>" in copied
    assert f"Log file: {log_file}" in copied
    assert dialog.copy_button.text() == "Details &copied"


def test_a_start_without_a_log_file_says_so_and_still_copies_the_details(qtbot: Any) -> None:
    exc = failed_start()
    dialog = StartupErrorDialog(explain_startup_error(exc), None, startup_error_details(exc, None))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.log_hint.text() == "There is no log file for this start; copy the details instead."
    assert not dialog.log_path.isVisible()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "RuntimeError: the window's fonts could not be loaded" in QGuiApplication.clipboard().text()


def test_a_version_0_file_with_data_is_explained_with_its_path_and_tables(tmp_path: Path) -> None:
    exc = UnversionedDatabaseHoldsData(tmp_path / "inbox.db", ["contact", "message"])
    text = explain_startup_error(exc)
    assert str(tmp_path / "inbox.db") in text
    assert "contact, message" in text
    assert "did not change it" in text


def test_the_dialog_speaks_korean(qtbot: Any, tmp_path: Path, korean: None) -> None:
    exc = failed_start()
    dialog = StartupErrorDialog(explain_startup_error(exc), tmp_path / "x.log", "details")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "샵 인박스를 시작하지 못했어요"
    assert dialog.copy_button.text() == "자세한 내용 복사(&C)"
    assert "Something" not in dialog.explanation.text()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_dialog_is_a_small_fixed_dialog_without_minimise_or_maximise(
    qtbot: Any, tmp_path: Path, request: Any, language: str
) -> None:
    """Shown before any window, it had a window's minimise and maximise buttons and, resizable, the
    window manager's resize strip along its bottom: now a dialog of its text's size, Close alone in
    its title bar, and every word of a long path and sentence still in it."""
    request.getfixturevalue("korean" if language == "ko" else "english")
    exc = UnversionedDatabaseHoldsData(tmp_path / "a rather long folder name" / "inbox.db", ["contact"])
    log_file = tmp_path / "logs" / "shop-inbox.log"
    dialog = StartupErrorDialog(explain_startup_error(exc), log_file, "details", may_pass=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    flags = dialog.windowFlags()
    assert flags & Qt.WindowType.WindowType_Mask == Qt.WindowType.Dialog
    assert flags & Qt.WindowType.WindowCloseButtonHint
    assert not flags & (Qt.WindowType.WindowMinimizeButtonHint | Qt.WindowType.WindowMaximizeButtonHint)
    assert dialog.minimumSize() == dialog.maximumSize() == dialog.size()  # nothing to resize
    assert 460 <= dialog.width() < 700
    for label in (dialog.headline, dialog.explanation, dialog.log_hint, dialog.log_path):
        inside = label.geometry()
        assert dialog.rect().contains(inside), label.text()
        assert label.heightForWidth(inside.width()) <= inside.height(), label.text()  # no line cut off


def test_the_demos_full_disk_sentence_never_leaves_a_one_syllable_word_at_a_lines_end(
    qtbot: Any, tmp_path: Path, korean: None
) -> None:
    """ "…열 수 없어요. 내" over "받은편지함은 그대로예요.": "내" (and "그" of "그 디스크의") stays with
    its noun, in the dialog as shown and at any width it may have (a longer path, a bigger font)."""
    from app.errors import DemoDiskFull
    from tests.ui.test_korean_wrapping import label_lines

    exc = DemoDiskFull(tmp_path / "demo", "no room")
    dialog = StartupErrorDialog(
        explain_startup_error(exc), None, "details", headline=startup_error_headline(exc)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    label = dialog.explanation
    assert "내\u00a0받은편지함은 그대로예요" in label.text()
    for width in [label.width(), *range(180, 620, 11)]:
        label.setFixedWidth(width)
        lines = label_lines(label)
        alone = [line for line in lines[:-1] if line.rstrip().rsplit(" ", 1)[-1] in ("내", "그", "이")]
        assert not alone, (width, lines)


def damaged_database(data: Path) -> Path:
    """A version-1 file without its message table: revision 0002 cannot run on it."""
    data.mkdir()
    db_path = data / "inbox.db"
    upgrade(db_path, "0001")
    con = sqlite3.connect(db_path)
    con.execute("DROP TABLE message")
    con.commit()
    con.close()
    return db_path


def test_an_unexpected_failure_at_start_shows_the_dialog_and_run_returns_1(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None
) -> None:
    from ui.application import run
    from ui.main import parse_args

    data = tmp_path / "portable"
    damaged_database(data)

    def copy_then_close(dialog: Any) -> None:
        assert isinstance(dialog, StartupErrorDialog)
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    shown = dialogs.expect("modal", answer=copy_then_close)
    code = run(parse_args(["--data-dir", str(data), "--lang", "en"]))

    assert code == 1
    log_file = data / "logs" / "shop-inbox.log"
    assert shown.shown[0].title == "Shop Inbox could not start"
    assert str(log_file) in shown.shown[0].text
    assert "Something unexpected went wrong" in shown.shown[0].text
    assert "no such table: message" in QGuiApplication.clipboard().text()
    assert "Traceback (most recent call last)" in log_file.read_text(encoding="utf-8")


def test_after_a_failed_start_start_again_starts_shop_inbox_once_more(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner need not find the app's icon again: Start again ends this run, which has let go of
    the folder, and starts Shop Inbox with the same arguments (here a stand-in that says it ran)."""
    from ui.application import run
    from ui.main import parse_args

    data = tmp_path / "portable"
    damaged_database(data)
    started = tmp_path / "started.txt"
    # Written aside and renamed: the test, waiting for the file, never reads it half written.
    stand_in = (
        "import pathlib, sys; p = pathlib.Path(sys.argv[1]); t = p.with_suffix('.part');"
        " t.write_text(' '.join(sys.argv[2:])); t.replace(p)"
    )
    monkeypatch.setattr(
        sys, "orig_argv", [sys.executable, "-c", stand_in, str(started), "--data-dir", str(data)]
    )

    def start_again(dialog: Any) -> None:
        assert isinstance(dialog, StartupErrorDialog)
        assert dialog.start_again_button.isVisible() and dialog.start_again_button.isDefault()
        qtbot.mouseClick(dialog.start_again_button, Qt.MouseButton.LeftButton)

    dialogs.expect("modal", answer=start_again)
    code = run(parse_args(["--data-dir", str(data), "--lang", "en"]))

    assert code == 1
    qtbot.waitUntil(started.exists, timeout=10_000)
    assert started.read_text() == f"--data-dir {data}"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_a_log_file_the_full_disk_took_too_is_not_pointed_at(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None
) -> None:
    """On a full disk the log's lines are lost as well: the dialog asks for the details, not for a
    file that holds nothing (its writes fail as on a full disk: /dev/full answers ENOSPC)."""
    from ui.application import run
    from ui.main import parse_args

    data = tmp_path / "portable"
    damaged_database(data)
    (data / "logs").mkdir()
    (data / "logs" / "shop-inbox.log").symlink_to("/dev/full")

    def read_then_close(dialog: Any) -> None:
        assert isinstance(dialog, StartupErrorDialog)
        assert dialog.log_hint.text() == (
            f"The disk of {data / 'logs'} is full, so there is no log file for this start; copy the "
            "details instead."
        )
        assert not dialog.log_path.isVisible()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    dialogs.expect("modal", answer=read_then_close)
    assert run(parse_args(["--data-dir", str(data), "--lang", "en"])) == 1
    copied = QGuiApplication.clipboard().text()
    assert f"Log file: - (not written in {data / 'logs'}: [Errno 28]" in copied, copied
    assert "no such table: message" in copied


def test_a_kept_demo_that_fails_before_opening_names_its_log_file(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None
) -> None:
    """A kept demo whose shop file cannot be read failed before its log was opened, and its dialog
    said there was no log file for this start. The log is opened first now, and holds what happened."""
    from app.paths import demo_shop_paths
    from ui.application import run
    from ui.main import parse_args

    shop = demo_shop_paths(tmp_path / "demo")
    shop.data_dir.mkdir(parents=True)
    shop.database.write_bytes(b"not an inbox: a page of a letter. " * 200)
    shown = dialogs.expect("modal", answer=lambda dialog: dialog.reject())

    assert run(parse_args(["--demo", "--data-dir", str(tmp_path / "demo"), "--lang", "en"])) != 0

    text = shown.shown[0].text
    assert f"What happened is written in this file: | {shop.log_file}" in text, text
    assert "no log file" not in text, text
    logged = shop.log_file.read_text(encoding="utf-8")
    assert "could not start" in logged or "could not open" in logged, logged


def test_a_throwaway_demo_that_fails_before_opening_names_its_log_file_and_keeps_only_that(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A demo kept nowhere opened its log only once its shop was open: a start that failed before
    had none to name. Its temporary folder is made and its log opened first now; the failed start
    removes the rest of the folder and leaves the log its dialog names."""
    from ui.application import run
    from ui.main import parse_args

    temporary = tmp_path / "temporary files"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))

    def catalogue_lost(*_args: object, **_kwargs: object) -> None:
        raise FileNotFoundError(2, "No such file or directory", "resources/demo/catalog.json")

    monkeypatch.setattr("ui.demo.seed_demo_shop", catalogue_lost)  # a demo installed without its data
    shown = dialogs.expect("modal", answer=lambda dialog: dialog.reject())

    assert run(parse_args(["--demo", "--lang", "en"])) != 0

    (folder,) = temporary.iterdir()
    log_file = folder / "desktop" / "logs" / "shop-inbox.log"
    assert f"What happened is written in this file: | {log_file}" in shown.shown[0].text, shown.shown[0].text
    assert "resources/demo/catalog.json" in log_file.read_text(encoding="utf-8")
    kept = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    assert kept == ["desktop", "desktop/logs", "desktop/logs/shop-inbox.log"], kept


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (OSError(28, "No space left on device"), "The disk of /s/logs is full, so there is no log file"),
        (PermissionError(13, "Permission denied"), "Shop Inbox may not write in /s/logs, so there is no"),
        (OSError(30, "Read-only file system"), "Shop Inbox may not write in /s/logs, so there is no"),
        (NotADirectoryError(20, "Not a directory"), "No log file could be written in /s/logs for this"),
        (None, "No log file could be written in /s/logs for this start"),
    ],
)
def test_a_start_without_its_log_file_says_why_and_where(failure: OSError | None, said: str) -> None:
    from ui.startup_error import no_log_sentence

    assert no_log_sentence(Path("/s/logs"), failure).startswith(said)
    assert no_log_sentence(Path("/s/logs"), failure).endswith("; copy the details instead.")


def test_start_again_is_offered_when_it_can_help(qtbot: Any, tmp_path: Path) -> None:
    import errno

    full = OSError(errno.ENOSPC, "No space left on device")
    not_ours = UnversionedDatabaseHoldsData(tmp_path / "inbox.db", ["contact", "message"])
    for exc, offered in ((full, True), (failed_start(), True), (not_ours, False)):
        dialog = StartupErrorDialog(explain_startup_error(exc), None, "details", may_pass=may_pass(exc))
        qtbot.addWidget(dialog)
        dialog.show()
        # A file Shop Inbox will not touch fails the same way at every start: only Close.
        assert dialog.start_again_button.isVisible() is offered, exc
        assert not dialog.start_again


def start_app(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.main", "--smoke", "--data-dir", str(data_dir)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_a_start_that_fails_unexpectedly_logs_the_traceback_and_exits_non_zero(tmp_path: Path) -> None:
    data = tmp_path / "portable"
    db_path = damaged_database(data)

    result = start_app(data)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "smoke: could not start: OperationalError" in result.stdout
    log = (data / "logs" / "shop-inbox.log").read_text(encoding="utf-8")
    assert "Shop Inbox could not start" in log
    assert "Traceback (most recent call last)" in log
    assert stored_schema_version(db_path) == 1  # the failed migration changed nothing


def test_the_app_starts_on_a_database_left_by_a_first_start_killed_in_an_older_build(tmp_path: Path) -> None:
    data = tmp_path / "portable"
    data.mkdir()
    reference = tmp_path / "reference.db"
    Database.open(reference).close()
    ref = sqlite3.connect(reference)
    con = sqlite3.connect(data / "inbox.db")
    for (sql,) in ref.execute(
        "SELECT sql FROM sqlite_master WHERE name IN ('catalog_item', 'collection', 'contact')"
    ):
        con.execute(sql)  # "table catalog_item already exists" at every start, before this fix
    con.commit()
    con.close()
    ref.close()

    result = start_app(data)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke: ok" in result.stdout


def test_a_log_file_that_cannot_be_written_does_not_stop_the_start(tmp_path: Path) -> None:
    """On a full disk (or a log folder that may not be written) the log file is the first thing to
    fail: the inbox starts without it instead of saying it could not start."""
    data = tmp_path / "portable"
    (data / "logs" / "shop-inbox.log").mkdir(parents=True)  # cannot be opened as a file

    result = start_app(data)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke: ok" in result.stdout
    assert "no log file" in result.stderr


def test_a_full_disk_at_start_is_said_so_and_the_chats_called_safe() -> None:
    import errno

    text = explain_startup_error(OSError(errno.ENOSPC, "No space left on device"))
    assert text.startswith("The disk is full, so Shop Inbox cannot start. Your chats are safe")


def test_too_little_room_for_an_update_says_how_much_is_needed_and_on_which_folders_disk() -> None:
    from app.errors import NoRoomToUpdate

    exc = NoRoomToUpdate(Path("/home/minji/Shop Inbox"), 540_000_000, 120_000_000)

    text = explain_startup_error(exc)

    assert "about 540 MB of free space" in text, text
    assert "/home/minji/Shop Inbox" in text and "(it has 120 MB)" in text, text
    assert "Nothing was changed" in text and "cannot start" not in text, text
    assert may_pass(exc)  # the owner frees space and starts again


def test_a_disk_that_filled_up_during_an_update_says_the_inbox_could_not_be_updated_and_nothing_was_lost() -> (
    None
):
    """As app/db.py `migrate` raises it (tests/app/test_migration_progress.py fills a real disk)."""
    from app.errors import DiskFull, ErrorCode, PathParams

    exc = DiskFull(
        "database or disk is full", code=ErrorCode.UPDATE_DISK_FULL, params=PathParams("/data/shop")
    )

    text = explain_startup_error(exc)

    assert text.startswith("The disk of your data folder, /data/shop, became full"), text
    assert "could not be updated" in text and "Nothing was lost" in text, text
    assert "cannot start" not in text, text
    assert may_pass(exc)


def test_a_first_start_on_a_full_disk_says_nothing_was_set_up_yet_and_to_free_space() -> None:
    """As app/db.py `migrate` raises it for a new inbox (tests/ui/test_full_disk.py starts on a real
    full disk): there was no inbox to update, and no chats to call safe."""
    from app.errors import NoRoomToSetUp

    exc = NoRoomToSetUp(Path("/home/minji/Shop Inbox"), "disk I/O error")

    text = explain_startup_error(exc)

    assert text == (
        "The disk of your data folder, /home/minji/Shop Inbox, is full, so Shop Inbox could not set up "
        "your inbox there. Nothing was set up yet, so nothing was lost: free some space on that disk, "
        "then start Shop Inbox again."
    )
    assert startup_error_headline(exc) is None  # "Shop Inbox could not start": nothing to update
    assert may_pass(exc)  # the owner frees space and starts again


@pytest.mark.parametrize("under", ["", "inbox"])
def test_a_data_folder_that_is_a_file_is_named_with_a_way_forward_and_the_file_untouched(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None, under: str
) -> None:
    """`--data-dir` naming a document (or a folder inside one) said only the OS's "File exists",
    with Start again, which could never help. Now it names the file and says what to do instead."""
    from ui.application import run
    from ui.main import parse_args

    document = tmp_path / "김 선희" / "주문 목록.txt"
    document.parent.mkdir()
    document.write_text("keep me", encoding="utf-8")

    def read_then_close(dialog: Any) -> None:
        assert isinstance(dialog, StartupErrorDialog)
        assert not dialog.start_again_button.isVisible()  # the same file is in the way at every start
        dialog.reject()

    shown = dialogs.expect("modal", answer=read_then_close)
    code = run(parse_args(["--data-dir", str(document / under), "--lang", "en"]))

    assert code == 2
    text = shown.shown[0].text
    assert f"{document} is a file, not a folder" in text
    assert "--data-dir" in text and "File exists" not in text and "Not a directory" not in text
    assert document.read_text(encoding="utf-8") == "keep me"


def test_a_demo_kept_in_a_file_is_refused_in_words(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None
) -> None:
    from ui.application import run
    from ui.main import parse_args

    document = tmp_path / "notes.txt"
    document.write_text("keep me", encoding="utf-8")
    shown = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    code = run(parse_args(["--demo", "--data-dir", str(document), "--lang", "en"]))

    assert code == 2
    assert f"{document} is a file, not a folder" in shown.shown[0].text
    assert document.read_text(encoding="utf-8") == "keep me"


def test_an_inbox_in_a_read_only_folder_is_said_so_with_a_way_forward_and_left_as_it_was(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None
) -> None:
    """Sun-hee's inbox copied onto a USB stick locked against writing said "check that the folder
    exists, that you may write to it and that the disk is not full": three guesses. Now the one
    that is true, what to do, and that nothing changed."""
    from app.paths import paths_for
    from ui.application import run
    from ui.main import parse_args

    data = tmp_path / "USB 김 선희"
    paths = paths_for(data).ensure()
    Database.open(paths.database).close()
    before = paths.database.read_bytes()

    def read_then_close(dialog: Any) -> None:
        assert isinstance(dialog, StartupErrorDialog)
        assert not dialog.start_again_button.isVisible()  # the folder is as read-only at the next start
        dialog.reject()

    shown = dialogs.expect("modal", answer=read_then_close)
    with read_only_folder(data):
        code = run(parse_args(["--data-dir", str(data), "--lang", "en"]))

    assert code == 2
    text = shown.shown[0].text
    assert f"may not write in your data folder, {data} (a read-only folder" in text
    assert "copy the whole folder to this computer's own disk" in text and "disk is not full" not in text
    assert paths.database.read_bytes() == before


def test_a_new_data_folder_in_a_read_only_place_is_said_so(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None
) -> None:
    from ui.application import run
    from ui.main import parse_args

    stick = tmp_path / "stick"
    stick.mkdir()
    shown = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    with read_only_folder(stick):
        code = run(parse_args(["--data-dir", str(stick / "샵 데이터"), "--lang", "en"]))

    assert code == 2
    assert f"may not write in your data folder, {stick / '샵 데이터'} (a read-only" in shown.shown[0].text
    # Its log's folder is in the same place: said, where the log's path would be.
    logs = stick / "샵 데이터" / "logs"
    assert f"Shop Inbox may not write in {logs}, so there is no log file" in shown.shown[0].text


@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_of_the_dialogs_buttons_has_its_own_alt_letter(qtbot: Any, request: Any, language: str) -> None:
    """After a full disk (Start again, Copy details, Close) and on a damaged inbox (Restore from
    backup…, Start with an empty inbox…), no button had an Alt letter: Alt+S now starts again."""
    import errno

    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from tests.ui.test_dialog_mnemonics import press_alt
    from tests.ui.test_menu_mnemonics import KOREAN_MNEMONIC, mnemonic

    if language == "ko":
        request.getfixturevalue("korean")
    full = OSError(errno.ENOSPC, "No space left on device")
    after_full_disk = StartupErrorDialog(explain_startup_error(full), None, "details", may_pass=True)
    damaged = StartupErrorDialog(
        "damaged", None, "details", restore=lambda _d: None, start_empty=lambda _d: None
    )
    for dialog, shown in ((after_full_disk, "SCL"), (damaged, "RECL")):
        qtbot.addWidget(dialog)
        dialog.show()
        buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
        letters = [mnemonic(b.text()) for b in buttons]
        assert sorted(map(str, letters)) == sorted(shown), [b.text() for b in buttons]
        if language == "ko":
            assert all(KOREAN_MNEMONIC.search(b.text()) for b in buttons), [b.text() for b in buttons]
        row = dialog.findChild(QDialogButtonBox)
        assert row is not None
        close = row.button(QDialogButtonBox.StandardButton.Close)
        assert mnemonic(close.text()) == "L"
    qtbot.mouseClick(after_full_disk.copy_button, Qt.MouseButton.LeftButton)
    assert mnemonic(after_full_disk.copy_button.text()) == "C"  # Alt+C copies them again
    with qtbot.waitSignal(after_full_disk.accepted, timeout=3000):
        press_alt(qtbot, after_full_disk, "S")
    assert after_full_disk.start_again
