"""Open dialogs start in a folder the owner knows, not the folder Shop Inbox was started from (an
installed app's own folder on Windows): photos in Pictures, a bank's or a courier's download in
Downloads, and after a first pick, where that kind of file was found last."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from ui import save_paths


@pytest.fixture
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """The desktop's own Pictures and Downloads folders (xdg-user-dirs, as Qt reads them on Linux)."""
    folders = {
        "pictures": tmp_path / "사진",
        "downloads": tmp_path / "다운로드",
        "documents": tmp_path / "문서",
    }
    for folder in folders.values():
        folder.mkdir()
    config = Path(os.environ["XDG_CONFIG_HOME"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "user-dirs.dirs").write_text(
        f'XDG_PICTURES_DIR="{folders["pictures"]}"\n'
        f'XDG_DOWNLOAD_DIR="{folders["downloads"]}"\n'
        f'XDG_DOCUMENTS_DIR="{folders["documents"]}"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(save_paths, "_last_folder", {})  # a fresh start of the app
    return folders


def test_attaching_a_photo_starts_in_pictures_then_where_the_last_one_was(
    qtbot: Any, dialogs: Any, user_folders: dict[str, Path], tmp_path: Path
) -> None:
    from ui.composer import Composer

    composer = Composer()
    qtbot.addWidget(composer)
    shop_photos = tmp_path / "상품 사진"
    shop_photos.mkdir()
    photo = QImage(64, 48, QImage.Format.Format_RGB32)
    photo.fill(QColor("#d9c7a7"))
    assert photo.save(str(shop_photos / "셔츠.jpg"))

    first = dialogs.expect("getOpenFileNames", answer=[shop_photos / "셔츠.jpg"])
    composer.pick_attachment()
    assert Path(first.shown[0].text) == user_folders["pictures"]
    assert composer.attachment is not None and composer.attachment.name == "셔츠.jpg"

    composer.clear_attachment()
    second = dialogs.expect("getOpenFileNames", answer=None)  # the owner cancels this time
    composer.pick_attachment()
    assert Path(second.shown[0].text) == shop_photos
    assert composer.attachment is None


def test_a_bank_file_is_looked_for_in_downloads(
    qtbot: Any, ctx: Any, dialogs: Any, user_folders: dict[str, Path]
) -> None:
    from ui.deposit_dialog import DepositDialog

    dialog = DepositDialog(ctx)
    qtbot.addWidget(dialog)
    asked = dialogs.expect("getOpenFileName", answer=None)
    dialog.choose_file()
    assert Path(asked.shown[0].text) == user_folders["downloads"]


def test_the_deposits_window_opens_where_the_last_bank_file_was_after_a_courier_file_and_a_restart(
    qtbot: Any, ctx: Any, dialogs: Any, user_folders: dict[str, Path], tmp_path: Path
) -> None:
    """Walk: a bank file from the bank's folder, then the courier's file from another: the next
    morning's "Open bank file…" started in the courier's folder (both were one kind, "download")."""
    from ui.deposit_dialog import DepositDialog
    from ui.order_board import OrderBoard

    bank, courier = tmp_path / "국민은행", tmp_path / "택배"
    bank.mkdir()
    courier.mkdir()
    (bank / "거래내역.csv").write_bytes("거래일시,기재내용,맡기신금액\n".encode("cp949"))
    (courier / "송장.csv").write_text("주문번호,송장번호\n", encoding="utf-8")
    settings_file = str(tmp_path / "window.ini")
    save_paths.remember_folders_in(settings_file)

    deposits = DepositDialog(ctx)
    qtbot.addWidget(deposits)
    picked = dialogs.expect("getOpenFileName", answer=bank / "거래내역.csv")
    deposits.choose_file()
    assert Path(picked.shown[0].text) == user_folders["downloads"]  # the first time: Downloads
    qtbot.waitUntil(lambda: deposits.file_label.text() == "거래내역.csv")

    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    dialogs.expect("getOpenFileName", answer=None)
    board.choose_tracking_file()  # looked in Downloads, then cancelled: no folder is taken from it
    save_paths.remember_pick(save_paths.Picked.TRACKING_FILE, str(courier / "송장.csv"))

    save_paths.remember_folders_in(settings_file)  # the app started again
    again = DepositDialog(ctx)
    qtbot.addWidget(again)
    asked = dialogs.expect("getOpenFileName", answer=None)
    again.choose_file()
    assert Path(asked.shown[0].text) == bank
    courier_asked = dialogs.expect("getOpenFileName", answer=None)
    board.choose_tracking_file()
    assert Path(courier_asked.shown[0].text) == courier


def test_a_bank_file_folder_kept_before_it_had_its_own_kind_is_where_the_dialog_starts(
    qtbot: Any, ctx: Any, dialogs: Any, user_folders: dict[str, Path], tmp_path: Path
) -> None:
    """An owner who had picked her bank files in a folder keeps it after the update."""
    from PySide6.QtCore import QSettings

    from ui.deposit_dialog import DepositDialog

    bank = tmp_path / "국민은행"
    bank.mkdir()
    settings_file = str(tmp_path / "window.ini")
    older = QSettings(settings_file, QSettings.Format.IniFormat)
    older.setValue("lastFolders/download", str(bank))
    older.sync()
    save_paths.remember_folders_in(settings_file)
    deposits = DepositDialog(ctx)
    qtbot.addWidget(deposits)
    asked = dialogs.expect("getOpenFileName", answer=None)
    deposits.choose_file()
    assert Path(asked.shown[0].text) == bank


def test_a_backup_is_saved_in_documents_and_restored_from_where_it_was_saved(
    qtbot: Any, ctx: Any, dialogs: Any, user_folders: dict[str, Path], tmp_path: Path
) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    usb = tmp_path / "USB"
    usb.mkdir()
    saved = dialogs.expect("getSaveFileName", answer=str(usb / "가게-백업.zip"))
    today = datetime.now().astimezone().strftime("%Y-%m-%d")
    dialog.backup_now()
    offered = Path(saved.shown[0].text)
    assert offered.parent == user_folders["documents"]
    # Named with the date on this computer's clock (not UTC's), as the owner will look for it.
    assert offered.name.removeprefix("shop-inbox-backup-")[:10] in {
        today,
        datetime.now().astimezone().strftime("%Y-%m-%d"),
    }
    qtbot.waitUntil(
        lambda: (usb / "가게-백업.zip").exists() and dialog.backup_button.isEnabled(), timeout=10_000
    )

    restore = dialogs.expect("getOpenFileName", answer=None)
    dialog.choose_restore()
    assert Path(restore.shown[0].text) == usb


def test_without_a_pictures_folder_the_dialog_starts_in_documents(
    user_folders: dict[str, Path],
) -> None:
    user_folders["pictures"].rmdir()
    assert save_paths.open_folder(save_paths.Picked.PICTURE) == str(user_folders["documents"])


def test_a_chat_export_is_looked_for_in_downloads_then_where_the_last_one_was(
    qtbot: Any, ctx: Any, dialogs: Any, user_folders: dict[str, Path], tmp_path: Path
) -> None:
    from ui.import_dialog import open_import

    first = dialogs.expect("getOpenFileName", answer=None)
    assert open_import(None, ctx) is None
    assert Path(first.shown[0].text) == user_folders["downloads"]
    # Without a Downloads folder: Documents, never "Downloads" typed into the file name.
    user_folders["downloads"].rmdir()
    second = dialogs.expect("getOpenFileName", answer=None)
    open_import(None, ctx)
    assert Path(second.shown[0].text) == user_folders["documents"]
    # After a pick: where that export was.
    phone = tmp_path / "휴대폰에서"
    phone.mkdir()
    export = phone / "WhatsApp Chat with 박지수.txt"
    export.write_text("2026. 11. 20. 오후 3:12 - 박지수: 안녕하세요\n", encoding="utf-8")
    dialogs.expect("getOpenFileName", answer=str(export))
    preview = open_import(None, ctx)
    # The import's preview opens (without blocking: open(), not exec()); the owner closes it.
    assert preview is not None and preview.isVisible() and preview.isModal()
    preview.reject()
    third = dialogs.expect("getOpenFileName", answer=None)
    open_import(None, ctx)
    assert Path(third.shown[0].text) == phone


def test_a_korean_owner_is_offered_a_korean_name_for_the_qr_code(
    korean: None, qtbot: Any, ctx: Any, dialogs: Any, user_folders: dict[str, Path]
) -> None:
    """The catalogue's export offers 카탈로그.csv; the QR code offered "whatsapp-qr.png"."""
    from ui.share_link_dialog import ShareLinkDialog

    dialog = ShareLinkDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.phone.isEnabled, timeout=5000)
    dialog.phone.setText("010-1234-5678")
    dialog.refresh()
    asked = dialogs.expect("getSaveFileName", answer=None)
    dialog.save_qr()
    assert Path(asked.shown[0].text).name == "WhatsApp QR 코드.png"
    dialog.phone.clear()  # nothing to remember on close


def test_a_qr_code_is_saved_in_pictures_or_documents_where_there_is_none(
    qtbot: Any, ctx: Any, dialogs: Any, user_folders: dict[str, Path]
) -> None:
    from ui.share_link_dialog import ShareLinkDialog

    dialog = ShareLinkDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.phone.isEnabled, timeout=5000)
    dialog.phone.setText("010-1234-5678")
    dialog.refresh()
    saved = user_folders["pictures"] / "whatsapp-qr.png"
    asked = dialogs.expect("getSaveFileName", answer=str(saved))
    dialog.save_qr()
    assert Path(asked.shown[0].text) == saved and saved.stat().st_size > 0
    saved.unlink()
    user_folders["pictures"].rmdir()  # a computer without a Pictures folder
    again = dialogs.expect("getSaveFileName", answer=None)
    dialog.save_qr()
    assert Path(again.shown[0].text) == user_folders["documents"] / "whatsapp-qr.png"
    dialog.phone.clear()  # nothing to remember on close


def test_a_courier_sheet_is_saved_where_the_last_one_was_even_after_a_restart(
    qtbot: Any, ctx: Any, dialogs: Any, user_folders: dict[str, Path], tmp_path: Path
) -> None:
    """Documents the first time; the folder she chose after, the next day too (a new start of the
    app), and the orders export, another kind of file, still in Documents."""
    from ui.order_board import OrderBoard

    courier = tmp_path / "택배"
    courier.mkdir()
    settings_file = str(tmp_path / "window.ini")
    save_paths.remember_folders_in(settings_file)
    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    first = dialogs.expect("getSaveFileName", answer=None)
    board._ask_courier_sheet(paid=1)
    assert Path(first.shown[0].text).parent == user_folders["documents"]
    save_paths.remember_pick(save_paths.Picked.COURIER_SHEET, str(courier / "courier-sheet.xlsx"))

    save_paths.remember_folders_in(settings_file)  # the app started again
    again = dialogs.expect("getSaveFileName", answer=None)
    board._ask_courier_sheet(paid=1)
    assert Path(again.shown[0].text).parent == courier
    assert Path(again.shown[0].text).name.startswith("courier-sheet-")
    assert save_paths.open_folder(save_paths.Picked.ORDERS_SHEET) == str(user_folders["documents"])


def test_an_exported_chat_is_saved_where_the_last_export_was(
    qtbot: Any, ctx: Any, dialogs: Any, user_folders: dict[str, Path], tmp_path: Path
) -> None:
    from tests.support.factories import make_contact, make_message
    from ui.chat_export_action import export_chat_to_file

    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지")
        make_message(s, contact, "안녕하세요")
        contact_id = int(contact.id)
    kept = tmp_path / "보관"
    kept.mkdir()
    first = dialogs.expect("getSaveFileName", answer=str(kept / "minji.zip"))
    told = dialogs.expect("information")
    export_chat_to_file(None, ctx, contact_id)
    qtbot.waitUntil(
        lambda: bool(first.shown) and (kept / "minji.zip").exists() and bool(told.shown), timeout=5000
    )
    assert Path(first.shown[0].text).parent == user_folders["documents"]

    second = dialogs.expect("getSaveFileName", answer=None)
    export_chat_to_file(None, ctx, contact_id)
    qtbot.waitUntil(lambda: bool(second.shown), timeout=5000)
    assert Path(second.shown[0].text).parent == kept


def test_a_manual_backup_starts_in_the_folder_chosen_for_the_daily_backups(
    qtbot: Any, ctx: Any, dialogs: Any, user_folders: dict[str, Path], tmp_path: Path
) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    usb = tmp_path / "USB"
    usb.mkdir()
    dialogs.expect("getExistingDirectory", answer=str(usb))
    dialog.pick_backup_folder()
    assert save_paths.open_folder(save_paths.Picked.BACKUP) == str(usb)
