"""A data folder inside a cloud drive's folder (OneDrive, Dropbox, iCloud Drive) is said above the chat."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.paths import paths_for, synced_folder


@pytest.mark.parametrize(
    ("folder", "env", "service"),
    [
        ("C:/Users/김 선희/OneDrive/문서/샵 데이터", {}, "OneDrive"),
        ("C:/Users/김 선희/OneDrive - 선희상회/샵", {}, "OneDrive"),
        ("/Users/sunhee/Library/Mobile Documents/com~apple~CloudDocs/샵", {}, "iCloud Drive"),
        ("/home/sunhee/Dropbox/샵", {}, "Dropbox"),
        ("/home/sunhee/클라우드/샵", {"OneDrive": "/home/sunhee/클라우드"}, "OneDrive"),
        ("/home/sunhee/클라우드-아님/샵", {"OneDrive": "/home/sunhee/클라우드"}, None),
        ("C:/Users/김 선희/AppData/Local/ShopInbox/ShopInbox", {}, None),
    ],
)
def test_the_cloud_service_keeping_a_folder_in_step_is_read_from_its_path(
    folder: str, env: dict[str, str], service: str | None
) -> None:
    assert synced_folder(Path(folder), env) == service


def test_an_inbox_kept_in_onedrive_is_said_above_the_chat_with_a_way_out(
    qtbot: Any, db: Any, tmp_path: Path
) -> None:
    """Sun-hee's documents are synced by OneDrive, and she put the data folder there to have it on
    both laptops: the inbox file, copied up and down while it is written, can be damaged."""
    from ui.context import AppContext
    from ui.main_window import MainWindow

    paths = paths_for(tmp_path / "OneDrive" / "문서" / "샵 데이터").ensure()
    window = MainWindow(AppContext(db=db, paths=paths, prefs={"enter_sends": True}))
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.show()
    notice = window.synced_folder
    assert notice.isVisible()
    said = notice.text.text()
    assert said.startswith(f"Your data folder, {paths.data_dir}, is inside OneDrive, which copies it")
    assert "Keep the data folder outside OneDrive" in said
    assert "Settings ▸ Your data ▸ Back up every day to a folder" in said
    notice.close_button.click()
    assert not notice.isVisible()


def test_an_inbox_on_this_computers_own_disk_and_the_demo_say_nothing(
    qtbot: Any, window: Any, db: Any, tmp_path: Path
) -> None:
    from ui.context import AppContext
    from ui.synced_folder_notice import SyncedFolderNotice

    assert not window.synced_folder.isVisible()
    demo = AppContext(db=db, paths=paths_for(tmp_path / "Dropbox" / "demo"), demo=True)
    notice = SyncedFolderNotice(demo)
    qtbot.addWidget(notice)
    assert notice.service is None


def test_the_notice_speaks_korean(qtbot: Any, db: Any, tmp_path: Path, korean: None) -> None:
    from ui.context import AppContext
    from ui.synced_folder_notice import SyncedFolderNotice

    notice = SyncedFolderNotice(AppContext(db=db, paths=paths_for(tmp_path / "Dropbox" / "샵")))
    qtbot.addWidget(notice)
    assert "Dropbox" in notice.text.text() and "Your" not in notice.text.text()
    assert notice.close_button.text() == "닫기"
