"""Quick replies keep their own copy of their photo or file: moved, deleted or left on the old laptop,
the original no longer matters; a reply whose file was lost before the copy says so."""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.backup import create_backup, restore_backup
from app.db import Database
from app.errors import ErrorCode, InvalidInput
from app.paths import QUICK_REPLY_FOLDER, paths_for
from app.quick_replies import QuickReplyLibrary, add_quick_reply, attachment_of
from app.quick_reply_files import UNUSED_KEPT_SECONDS, is_stored

PHOTO = b"\xff\xd8\xff\xe0" + b"JFIF photo of the price list" * 50


def downloads(tmp_path: Path, name: str = "가격표.jpg", data: bytes = PHOTO) -> Path:
    folder = tmp_path / "Downloads"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def age(folder: Path) -> None:
    """Make every stored file older than the time a just-stored file is spared from pruning."""
    old = time.time() - UNUSED_KEPT_SECONDS - 60
    for file in folder.rglob("*"):
        os.utime(file, (old, old))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return paths_for(tmp_path / "data").ensure().data_dir


@pytest.fixture
def library(data: Path) -> Iterator[QuickReplyLibrary]:
    db = Database.open(data / "inbox.db")
    yield QuickReplyLibrary(db, data)
    db.close()


def test_a_reply_keeps_its_photo_after_the_owner_clears_downloads(
    tmp_path: Path, data: Path, library: QuickReplyLibrary
) -> None:
    photo = downloads(tmp_path)
    row, _changes = library.add("/가격", "가격표 보내드려요", media_path=str(photo))
    photo.unlink()  # Downloads emptied

    (found,) = library.all()
    assert is_stored(found.media_path or "") and not found.media_missing
    assert found.media_name == "가격표.jpg"  # the customer's document keeps its own name
    path = attachment_of(found)
    assert path is not None and path.is_relative_to(data / QUICK_REPLY_FOLDER)
    assert path.read_bytes() == PHOTO and path.name == "가격표.jpg"
    assert row.media_path == found.media_path


def test_a_file_whatsapp_would_refuse_is_refused_with_the_sending_code_and_nothing_is_kept(
    tmp_path: Path, data: Path, library: QuickReplyLibrary
) -> None:
    hwp = downloads(tmp_path, "견적서.hwp", b"HWP Document File")
    with pytest.raises(InvalidInput) as refused:
        library.add("/견적", "견적서예요", media_path=str(hwp))
    assert refused.value.code == ErrorCode.FILE_TYPE_NOT_TAKEN
    gone = tmp_path / "Downloads" / "없는 사진.jpg"
    with pytest.raises(InvalidInput) as unreadable:
        library.add("/견적", "견적서예요", media_path=str(gone))
    assert unreadable.value.code == ErrorCode.FILE_UNREADABLE
    assert library.all() == []
    assert not any((data / QUICK_REPLY_FOLDER).rglob("*.*"))


def test_an_old_reply_copies_its_file_in_once_and_one_whose_file_is_gone_says_so(
    tmp_path: Path, data: Path, library: QuickReplyLibrary
) -> None:
    photo = downloads(tmp_path)
    with library.db.write() as s:  # saved by the version that kept the owner's own path
        add_quick_reply(s, "/가격", "가격표예요", media_path=str(photo))
        add_quick_reply(s, "/지도", "오시는 길이에요", media_path=str(tmp_path / "Downloads" / "약도.png"))

    assert library.adopt_files() is not None
    assert library.adopt_files() is None  # nothing left to do at the next start
    photo.unlink()
    price, map_ = library.all()
    assert attachment_of(price) is not None and not price.media_missing
    assert map_.media_missing and map_.media_name == "약도.png"
    with pytest.raises(InvalidInput) as missing:
        attachment_of(map_)
    assert missing.value.code == ErrorCode.QUICK_REPLY_FILE_MISSING
    assert (missing.value.params.shortcut, missing.value.params.name) == ("/지도", "약도.png")  # type: ignore[union-attr]

    # Its text can still be edited without choosing the file again first…
    library.update(map_.id, shortcut="/지도", text="주차는 건물 뒤예요", media_path=map_.media_path)
    assert library.all()[1].text == "주차는 건물 뒤예요"
    # …and choosing it again mends it.
    again = downloads(tmp_path, "약도.png", b"\x89PNG\r\n\x1a\n map")
    library.update(map_.id, shortcut="/지도", text="주차는 건물 뒤예요", media_path=str(again))
    assert not library.all()[1].media_missing


def test_a_windows_path_restored_on_a_mac_names_just_the_file(library: QuickReplyLibrary) -> None:
    with library.db.write() as s:
        add_quick_reply(s, "/사진", "사진이에요", media_path="C:\\Users\\민지\\Downloads\\신상.jpg")
    (row,) = library.all()
    assert row.media_missing and row.media_name == "신상.jpg"


def test_two_replies_with_one_file_share_it_and_it_goes_when_neither_uses_it(
    tmp_path: Path, data: Path, library: QuickReplyLibrary
) -> None:
    photo = downloads(tmp_path)
    first, _ = library.add("/가격", "가격표예요", media_path=str(photo))
    second, _ = library.add("/price", "Our prices", media_path=str(photo))
    assert first.media_path == second.media_path  # one copy
    stored = attachment_of(library.all()[0])
    assert stored is not None
    age(data / QUICK_REPLY_FOLDER)

    library.delete(first.id)
    assert stored.exists()  # the other reply still sends it
    other = downloads(tmp_path, "new.jpg", PHOTO + b"new")
    library.update(second.id, shortcut="/price", text="Our prices", media_path=str(other))
    assert not stored.exists() and not stored.parent.exists()
    assert attachment_of(library.all()[0]) is not None  # the new one, just stored, stays


def test_a_file_just_stored_for_a_save_under_way_is_not_pruned(
    tmp_path: Path, data: Path, library: QuickReplyLibrary
) -> None:
    from app.quick_reply_files import store_file

    entry = store_file(data, downloads(tmp_path))  # copied, the reply not written yet
    assert library.prune() == 0
    assert (data / entry).exists()


def test_a_backup_carries_the_replies_files_to_a_new_laptop(tmp_path: Path) -> None:
    old = paths_for(tmp_path / "old").ensure()
    db = Database.open(old.database)
    QuickReplyLibrary(db, old.data_dir).add("/가격", "가격표예요", media_path=str(downloads(tmp_path)))
    backup = create_backup(old, tmp_path / "backup.zip")
    db.close()
    with zipfile.ZipFile(backup.path) as zf:
        assert any(name.startswith(f"{QUICK_REPLY_FOLDER}/") for name in zf.namelist())

    new = paths_for(tmp_path / "new").ensure()
    restore_backup(backup.path, new)
    db = Database.open(new.database)
    try:
        (row,) = QuickReplyLibrary(db, new.data_dir).all()
        path = attachment_of(row)
        assert path is not None and path.is_relative_to(new.data_dir) and path.read_bytes() == PHOTO
    finally:
        db.close()
