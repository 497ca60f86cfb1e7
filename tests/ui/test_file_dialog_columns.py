"""Qt's own file dialog (Linux without a desktop's dialogs) shows a file's size and date as the rest of
the app does, in the owner's language and whole: not "151…tes" and "5 12 2026 08:47" in a Korean window."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QLineEdit, QStyleOptionViewItem, QTreeView

from ui import file_dialogs, save_paths
from ui.file_dialogs import DATE_COLUMN, SIZE_COLUMN
from ui.save_paths import Picked

# The real dialogs, before the dialog guard stands in for them in each test.
REAL = {
    name: getattr(file_dialogs, name)
    for name in ("open_file_name", "open_file_names", "save_file_name", "existing_folder")
}
CHANGED = datetime(2026, 12, 5, 8, 47)


@pytest.fixture
def bank_files(tmp_path: Path) -> Path:
    """A download folder with a bank's small statement and a big one, changed on 5 December at 8:47."""
    folder = tmp_path / "다운로드"
    folder.mkdir()
    (folder / "입금내역.csv").write_bytes(b"x" * 151)
    (folder / "거래내역_전체.csv").write_bytes(b"x" * 1_432_000)
    (folder / "지난달").mkdir()
    stamp = CHANGED.timestamp()
    for path in folder.iterdir():
        os.utime(path, (stamp, stamp))
    return folder


@pytest.fixture
def real_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, function in REAL.items():
        monkeypatch.setattr(file_dialogs, name, function)


def shown_cell(view: QTreeView, row: QModelIndex, column: int) -> tuple[str, bool]:
    """The text the dialog draws in a cell, and whether it fits its column whole (no "…")."""
    index = row.siblingAtColumn(column)
    option = QStyleOptionViewItem()
    view.itemDelegateForColumn(column).initStyleOption(option, index)  # type: ignore[attr-defined]
    needed = view.itemDelegateForColumn(column).sizeHint(option, index).width()
    return option.text, needed <= view.header().sectionSize(column)


def rows(dialog: QFileDialog, qtbot: Any) -> tuple[QTreeView, dict[str, QModelIndex]]:
    view = dialog.findChild(QTreeView, "treeView")
    assert isinstance(view, QTreeView)
    model = view.model()
    assert isinstance(model, QFileSystemModel)
    root = view.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(root) == 3)
    return view, {model.fileName(model.index(r, 0, root)): model.index(r, 0, root) for r in range(3)}


def test_a_korean_owner_reads_each_files_size_and_date_whole_and_picks_the_statement(
    qtbot: Any, dialogs: Any, real_dialogs: None, korean: None, korean_locale: None, bank_files: Path
) -> None:
    seen: dict[str, tuple[str, bool]] = {}

    def look_and_pick(dialog: QFileDialog) -> None:
        # The desktop's own dialog wherever the platform has one: Qt's only where it has none.
        assert not dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        view, named = rows(dialog, qtbot)
        seen["small size"] = shown_cell(view, named["입금내역.csv"], SIZE_COLUMN)
        seen["big size"] = shown_cell(view, named["거래내역_전체.csv"], SIZE_COLUMN)
        seen["folder size"] = shown_cell(view, named["지난달"], SIZE_COLUMN)
        seen["date"] = shown_cell(view, named["입금내역.csv"], DATE_COLUMN)
        # Every column in view: at Qt's own size the dates sat behind a scroll bar.
        seen["columns in view"] = ("", view.header().length() <= view.viewport().width())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert isinstance(name, QLineEdit)
        name.setText("입금내역.csv")  # typed, as the owner would, then Open
        dialog.accept()

    dialogs.expect("modal", answer=look_and_pick)
    chosen = save_paths.open_file_name(
        None, Picked.BANK_FILE, "은행 거래내역 열기", "CSV (*.csv)", start=str(bank_files)
    )

    assert Path(chosen) == bank_files / "입금내역.csv"
    assert seen["small size"] == ("151B", True)  # as the app's attachments say it, not "151 bytes"
    assert seen["big size"] == ("1.4MB", True)
    assert seen["folder size"][0] == ""
    assert seen["date"] == ("2026. 12. 5. 오전 8:47", True)  # not "5 12 2026 08:47"
    assert seen["columns in view"] == ("", True)
    assert save_paths.open_folder(Picked.BANK_FILE) == str(bank_files)  # the next one starts there


def test_in_english_the_dates_are_american_and_cancelling_picks_nothing(
    qtbot: Any, dialogs: Any, real_dialogs: None, english_locale: None, bank_files: Path
) -> None:
    seen: dict[str, tuple[str, bool]] = {}

    def look_and_cancel(dialog: QFileDialog) -> None:
        view, named = rows(dialog, qtbot)
        seen["size"] = shown_cell(view, named["거래내역_전체.csv"], SIZE_COLUMN)
        seen["date"] = shown_cell(view, named["거래내역_전체.csv"], DATE_COLUMN)
        dialog.reject()

    save_paths.suggest_folder(Picked.ATTACHMENT, bank_files)
    dialogs.expect("modal", answer=look_and_cancel)
    assert save_paths.open_file_names(None, Picked.ATTACHMENT, "Attach files") == []
    # (Qt writes a narrow space before AM.)
    assert seen == {"size": ("1.4 MB", True), "date": ("12/5/2026 8:47\u202fAM", True)}


def test_a_save_dialog_suggests_the_name_in_the_folder_and_returns_the_path(
    qtbot: Any, dialogs: Any, real_dialogs: None, bank_files: Path
) -> None:
    def save(dialog: QFileDialog) -> None:
        assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        assert dialog.directory().absolutePath() == str(bank_files)
        assert dialog.selectedFiles() == [str(bank_files / "orders.csv")]
        dialog.accept()

    save_paths.suggest_folder(Picked.ORDERS_SHEET, bank_files)
    dialogs.expect("modal", answer=save)
    assert save_paths.save_file_name(None, Picked.ORDERS_SHEET, "Export orders", "orders.csv") == str(
        bank_files / "orders.csv"
    )
