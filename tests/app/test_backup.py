"""Backup and restore: a consistent copy with media, wipe, restore gives the same chats."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.backup import check_backup, create_backup, restore_backup
from app.db import Database
from app.errors import InvalidInput
from app.paths import paths_for
from app.queries import conversations_page, messages_page
from tests.support.factories import make_contact, make_message


def chats(db: Database) -> list[tuple[str, list[str]]]:
    with db.read() as s:
        return [
            (r.display_name, [m.body for m in messages_page(s, r.contact_id)]) for r in conversations_page(s)
        ]


def test_backup_then_wipe_then_restore_gives_the_same_chats_and_media(tmp_path: Path) -> None:
    paths = paths_for(tmp_path / "data").ensure()
    db = Database.open(paths.database)
    with db.write() as s:
        kim = make_contact(s, profile_name="김민수")
        make_message(s, kim, "주문했어요")
        make_message(s, kim, "감사합니다", direction="out")
        amy = make_contact(s, profile_name="Amy")
        make_message(s, amy, "Is it in stock?")
    (paths.media_dir / "img").mkdir(parents=True)
    (paths.media_dir / "img" / "photo.jpg").write_bytes(b"\xff\xd8jpeg")
    before = chats(db)

    info = create_backup(paths, tmp_path / "backup.zip")  # while the database is open
    assert info.files == 2
    db.close()

    for f in paths.data_dir.iterdir():  # the disk is wiped
        if f.is_file():
            f.unlink()
    (paths.media_dir / "img" / "photo.jpg").unlink()

    aside = restore_backup(info.path, paths)
    db = Database.open(paths.database)
    assert chats(db) == before
    assert (paths.media_dir / "img" / "photo.jpg").read_bytes() == b"\xff\xd8jpeg"
    assert aside.exists()
    db.close()


def test_a_damaged_or_foreign_zip_is_refused_and_nothing_is_touched(tmp_path: Path) -> None:
    paths = paths_for(tmp_path / "data").ensure()
    Database.open(paths.database).close()
    before = paths.database.read_bytes()
    not_zip = tmp_path / "x.zip"
    not_zip.write_bytes(b"hello")
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("readme.txt", "hi")
    for bad in (not_zip, foreign):
        with pytest.raises(InvalidInput):
            restore_backup(bad, paths)
    assert paths.database.read_bytes() == before


def test_restore_never_writes_outside_the_data_folder(tmp_path: Path) -> None:
    paths = paths_for(tmp_path / "data").ensure()
    Database.open(paths.database).close()
    evil = tmp_path / "evil.zip"
    create_backup(paths, evil)
    with zipfile.ZipFile(evil, "a") as zf:
        zf.writestr("media/../../escaped.txt", "x")
        zf.writestr("../escaped2.txt", "x")
    assert check_backup(evil) >= 1
    restore_backup(evil, paths)
    assert not (tmp_path / "escaped.txt").exists()
    assert not (tmp_path / "escaped2.txt").exists()
    assert not (paths.data_dir / "escaped.txt").exists()
