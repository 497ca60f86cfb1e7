"""A damaged inbox file at start: said in plain words with a backup offered, and never written over."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.backup import create_backup
from app.db import Database, refuse_damaged_inbox
from app.errors import DatabaseUnavailable, ErrorCode
from app.paths import paths_for
from app.queries import conversations_page
from app.settings import update_preferences
from tests.support.dialogs import DialogGuard
from tests.support.factories import make_contact, make_message
from ui.startup_error import StartupErrorDialog
from ui.translations import chosen_language


def shop_with_chats(folder: Path, customer: str, messages: int = 400, **preferences: Any) -> Path:
    """A set-up shop's inbox, closed cleanly (its pages all in the file), large enough to cut short."""
    paths = paths_for(folder).ensure()
    db = Database.open(paths.database)
    update_preferences(db, relay_url="https://relay.example", setup_done=True, **preferences)
    with db.write() as s:
        contact = make_contact(s, profile_name=customer)
        for n in range(messages):
            make_message(s, contact, f"{customer}: 케이스 재입고 문의드려요 #{n} " + "가" * 200)
    db.close()
    return paths.database


def cut_short(database: Path) -> str:
    """The file as a failing disk leaves it: its first half only (the header still reads fine)."""
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])
    return hashlib.sha256(database.read_bytes()).hexdigest()


def started_again_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Shop Inbox started again runs a stand-in instead, which makes the file returned."""
    started = tmp_path / "started.txt"
    stand_in = "import pathlib, sys; p = pathlib.Path(sys.argv[1]); t = p.with_suffix('.part'); t.touch(); t.replace(p)"
    monkeypatch.setattr(sys, "orig_argv", [sys.executable, "-c", stand_in, str(started)])
    return started


def names(database: Path) -> list[str]:
    db = Database.open(database)
    try:
        with db.read() as s:
            return [row.display_name for row in conversations_page(s)]
    finally:
        db.close()


def test_a_truncated_inbox_is_found_damaged_and_the_check_writes_nothing(tmp_path: Path) -> None:
    database = shop_with_chats(tmp_path / "shop", "박지훈 손님")
    refuse_damaged_inbox(database)  # a sound file passes
    before = cut_short(database)
    with pytest.raises(DatabaseUnavailable) as raised:
        refuse_damaged_inbox(database)
    assert raised.value.code is ErrorCode.NOT_A_DATABASE
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_a_damaged_inbox_at_start_offers_a_backup_and_keeps_the_damaged_file_aside(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The laptop's battery died mid-write: the start says the file is damaged and unchanged, and
    Restore from backup… (the menus that hold it never open) puts last night's backup in its place,
    keeps the damaged file aside byte for byte, and starts Shop Inbox again."""
    from ui.application import run
    from ui.main import parse_args

    data = tmp_path / "shop"
    shop_with_chats(tmp_path / "last-night", "어젯밤 손님")
    backup = create_backup(paths_for(tmp_path / "last-night"), tmp_path / "backup.zip").path
    damaged = cut_short(shop_with_chats(data, "오늘 손님"))
    started = started_again_here(tmp_path, monkeypatch)

    said: list[str] = []

    def restore_from_backup(dialog: Any) -> None:
        assert isinstance(dialog, StartupErrorDialog)
        said.append(dialog.explanation.text())
        assert dialog.windowTitle() == "Your inbox file cannot be read"
        assert dialog.restore_button.isVisible() and dialog.restore_button.isDefault()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    dialogs.expect("modal", answer=restore_from_backup)
    dialogs.expect("getOpenFileName", answer=str(backup))
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)

    code = run(parse_args(["--data-dir", str(data), "--lang", "en"]))

    assert code == 2
    assert "is damaged" in said[0] and "has not changed it" in said[0] and "backup" in said[0]
    assert "Your chats were restored from the backup" in told.shown[0].text
    qtbot.waitUntil(started.exists, timeout=10_000)
    assert names(data / "inbox.db") == ["어젯밤 손님"]
    kept = next((data / "replaced").iterdir()) / "inbox.db"
    assert str(kept.parent) in told.shown[0].text
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged  # never written over


@pytest.mark.skipif(chosen_language(None) != "en", reason="a computer set to English")
def test_a_korean_shops_damaged_inbox_speaks_korean_on_an_english_computer(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Her shop speaks Korean, the laptop English: the damaged inbox's screen and its restore
    questions came in English, the computer's language, because the start failed before the inbox
    was read. They come in the shop's, read from what is left of the file, which stays as it was;
    the picker opens in her daily backups' folder, which that file names too."""
    from ui.application import run
    from ui.main import parse_args

    data, daily = tmp_path / "shop", tmp_path / "daily"
    daily.mkdir()
    shop_with_chats(tmp_path / "last-night", "어젯밤 손님", language="ko")
    backup = create_backup(paths_for(tmp_path / "last-night"), daily / "backup.zip").path
    damaged = cut_short(shop_with_chats(data, "오늘 손님", language="ko", backup_folder=str(daily)))
    started = started_again_here(tmp_path, monkeypatch)
    said: list[str] = []

    def restore_from_backup(dialog: Any) -> None:
        assert isinstance(dialog, StartupErrorDialog)
        said.append(dialog.explanation.text())
        assert dialog.windowTitle() == "받은편지함 파일을 읽을 수 없어요"
        assert dialog.restore_button.text() == "백업에서 복원(&R)…"
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    dialogs.expect("modal", answer=restore_from_backup)
    picker = dialogs.expect("getOpenFileName", answer=str(backup))
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)

    code = run(parse_args(["--data-dir", str(data)]))  # no --lang: as she starts it

    assert code == 2
    assert "손상되었거나" in said[0] and "이\xa0파일을 바꾸지 않았어요" in said[0]
    assert picker.shown[0].title == "백업에서 복원" and picker.shown[0].text == str(daily)
    assert asked.shown[0].title == "백업에서 복원" and "backup.zip에서 복원할까요?" in asked.shown[0].text
    assert told.shown[0].text.startswith("백업에서 채팅을 복원했어요.")
    qtbot.waitUntil(started.exists, timeout=10_000)
    kept = next((data / "replaced").iterdir()) / "inbox.db"
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged


def test_an_error_that_is_not_a_damaged_file_offers_no_restore(qtbot: Any, tmp_path: Path) -> None:
    dialog = StartupErrorDialog("The disk is full.", None, "details")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restore_button.isVisible()


def test_with_no_backup_the_damaged_inbox_is_set_aside_and_an_empty_one_starts(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """He never made a backup: Start with an empty inbox… keeps the damaged file aside byte for byte
    (with its -wal), and the next start is a first start, whose relay hands back what it keeps."""
    from ui.application import run
    from ui.main import parse_args

    data = tmp_path / "shop"
    damaged = cut_short(shop_with_chats(data, "오늘 손님"))
    (data / "inbox.db-wal").write_bytes(b"")  # left beside it by the power cut
    started = started_again_here(tmp_path, monkeypatch)

    def start_empty(dialog: Any) -> None:
        assert isinstance(dialog, StartupErrorDialog)
        assert dialog.start_empty_button.isVisible()
        qtbot.mouseClick(dialog.start_empty_button, Qt.MouseButton.LeftButton)

    dialogs.expect("modal", answer=start_empty)
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)

    code = run(parse_args(["--data-dir", str(data), "--lang", "en"]))

    assert code == 2
    assert "the messages it still keeps" in asked.shown[0].text and "not deleted" in asked.shown[0].text
    assert "starts again now with an empty inbox" in told.shown[0].text
    qtbot.waitUntil(started.exists, timeout=10_000)
    assert not (data / "inbox.db").exists() and not (data / "inbox.db-wal").exists()
    kept = next((data / "replaced").iterdir())
    assert str(kept) in told.shown[0].text
    assert hashlib.sha256((kept / "inbox.db").read_bytes()).hexdigest() == damaged
    assert (kept / "inbox.db-wal").exists()


def test_a_damaged_page_met_while_the_inbox_is_open_is_said_with_the_way_to_a_backup(
    qtbot: Any, tmp_path: Path
) -> None:
    """The first page read fine, a chat further down did not: the owner reads that the file is
    damaged and where Restore is, not 'Something went wrong'."""
    from sqlalchemy import text

    from ui.ops import failure_sentence

    database = shop_with_chats(tmp_path / "shop", "오늘 손님")
    cut_short(database)
    db = Database(database)  # as the start left it open, the damage not met yet
    try:
        with pytest.raises(Exception) as raised, db.read() as s:
            s.execute(text("SELECT count(*) FROM message WHERE body LIKE '%#399%'")).scalar_one()
    finally:
        db.close()
    sentence = failure_sentence(raised.value)
    assert sentence.startswith("Part of Shop Inbox's data file is damaged")
    assert "File ▸ Restore from backup" in sentence


def test_a_damaged_inbox_that_cannot_be_set_aside_is_said_and_left_where_it_was(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    """Start with an empty inbox… when the data folder's "replaced" cannot be made (a file of that
    name is in the way): she is told why, the dialog takes clicks again, and nothing has moved."""
    from ui.damaged_inbox import start_empty_over_damaged

    data = tmp_path / "shop"
    damaged = cut_short(shop_with_chats(data, "오늘 손님", messages=40))
    (data / "replaced").write_text("not a folder")
    dialog = StartupErrorDialog("damaged", None, "details", start_empty=lambda _d: None)
    qtbot.addWidget(dialog)
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    told = dialogs.expect("warning", answer=QMessageBox.StandardButton.Ok)

    start_empty_over_damaged(paths_for(data), dialog)

    qtbot.waitUntil(lambda: bool(told.shown), timeout=10_000)
    assert told.shown[0].title == "Start with an empty inbox" and told.shown[0].text
    assert dialog.isEnabled() and not dialog.start_again
    assert hashlib.sha256((data / "inbox.db").read_bytes()).hexdigest() == damaged


@pytest.mark.parametrize(
    ("lang", "title", "demo_words", "button"),
    [
        ("en", "The demo shop could not open", "only the demo's made-up chats", "Start the demo &afresh"),
        ("ko", "데모 상점을 열지 못했어요", "데모용 가상 채팅만", "데모 새로 시작(&A)"),
    ],
)
def test_a_kept_demos_damaged_inbox_is_said_as_the_demos_and_the_demo_starts_afresh(
    qtbot: Any,
    tmp_path: Path,
    dialogs: DialogGuard,
    root_logging: None,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    title: str,
    demo_words: str,
    button: str,
) -> None:
    """`--demo --data-dir` kept a demo whose inbox the disk damaged: the start spoke of "your inbox"
    and "your latest backup", as if the owner's own chats were at stake. It says it is the demo, in
    her language, and Start the demo afresh keeps the damaged file aside and starts a new demo shop."""
    from app.demo_seed import mark_demo_shop, seed_demo_shop
    from app.paths import demo_shop_paths
    from ui.application import run
    from ui.main import parse_args

    kept = tmp_path / "demo"
    paths = demo_shop_paths(kept).ensure()
    db = Database.open(paths.database)
    seed_demo_shop(db, Path(__file__).resolve().parents[2] / "resources" / "demo", paths.catalog_dir, lang)
    mark_demo_shop(db)
    db.close()
    (kept / "relay").mkdir()  # the demo's relay, whose rules and events were the damaged shop's
    damaged = cut_short(paths.database)
    started = started_again_here(tmp_path, monkeypatch)
    said: list[str] = []

    def start_afresh(dialog: Any) -> None:
        assert isinstance(dialog, StartupErrorDialog)
        said.append(dialog.explanation.text())
        assert dialog.windowTitle() == title
        assert not dialog.restore_button.isVisible() and not dialog.start_empty_button.isVisible()
        assert dialog.demo_afresh_button.text() == button and dialog.demo_afresh_button.isDefault()
        qtbot.mouseClick(dialog.demo_afresh_button, Qt.MouseButton.LeftButton)

    dialogs.expect("modal", answer=start_afresh)
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)

    code = run(parse_args(["--demo", "--data-dir", str(kept), "--lang", lang]))

    assert code == 2
    assert demo_words in said[0] and str(kept) in said[0]
    assert "backup" not in said[0] and "백업" not in said[0]  # no backup of made-up chats to look for
    qtbot.waitUntil(started.exists, timeout=10_000)
    assert not paths.database.exists() and not (kept / "relay").exists()
    aside = next((paths.data_dir / "replaced").iterdir())
    assert str(aside) in told.shown[0].text
    assert hashlib.sha256((aside / "inbox.db").read_bytes()).hexdigest() == damaged
    assert (aside / "relay").is_dir()
