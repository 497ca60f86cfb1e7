"""Backup and restore: a consistent copy with media, wipe, restore gives the same chats."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.backup import check_backup, create_backup, restore_backup
from app.db import Database
from app.errors import ErrorCode, InvalidInput
from app.paths import AppPaths, paths_for
from app.queries import conversations_page, messages_page
from tests.support.computer_zone import computer_zone, needs_tzset
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
    with zipfile.ZipFile(info.path) as zf:  # a photo is not deflated again: a large inbox backs up faster
        assert zf.getinfo("media/img/photo.jpg").compress_type == zipfile.ZIP_STORED
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
    assert check_backup(evil).version >= 1
    restore_backup(evil, paths)
    assert not (tmp_path / "escaped.txt").exists()
    assert not (tmp_path / "escaped2.txt").exists()
    assert not (paths.data_dir / "escaped.txt").exists()


def _shop_with_a_photo(tmp_path: Path) -> tuple[AppPaths, bytes, bytes]:
    paths = paths_for(tmp_path / "data").ensure()
    db = Database.open(paths.database)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="김민수"), "오늘 주문한 셔츠요")
    db.close()
    (paths.media_dir / "img").mkdir(parents=True)
    (paths.media_dir / "img" / "photo.jpg").write_bytes(b"\xff\xd8today's photo")
    return paths, paths.database.read_bytes(), (paths.media_dir / "img" / "photo.jpg").read_bytes()


def _older_backup(tmp_path: Path, photo: bytes) -> Path:
    """Another shop's backup whose second entry is a photo of `photo`'s bytes."""
    other = paths_for(tmp_path / "other").ensure()
    db = Database.open(other.database)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="Amy"), "last month")
    db.close()
    (other.media_dir / "big.jpg").write_bytes(photo)
    return create_backup(other, tmp_path / "older.zip").path


def _untouched(paths: AppPaths, db_bytes: bytes, photo: bytes) -> None:
    assert paths.database.read_bytes() == db_bytes
    assert (paths.media_dir / "img" / "photo.jpg").read_bytes() == photo
    assert not list(paths.data_dir.glob("restoring-*"))
    db = Database.open(paths.database)
    assert [name for name, _ in chats(db)] == ["김민수"]
    db.close()


def test_a_backup_damaged_past_its_database_leaves_the_current_chats_in_place(tmp_path: Path) -> None:
    """The database inside is fine (the check passes) but a photo further in is damaged: the restore
    is refused as damaged, and today's chats and photos are where they were, not moved aside."""
    paths, db_bytes, photo = _shop_with_a_photo(tmp_path)
    backup = _older_backup(tmp_path, bytes(range(256)) * 4000)
    with zipfile.ZipFile(backup) as zf:
        info = zf.getinfo("media/big.jpg")
    raw = bytearray(backup.read_bytes())
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    raw[middle : middle + 64] = bytes(64)  # a few zeroed bytes in the compressed photo
    backup.write_bytes(bytes(raw))
    assert check_backup(backup).version >= 1

    with pytest.raises(InvalidInput) as refused:
        restore_backup(backup, paths)
    assert refused.value.code is ErrorCode.BACKUP_DAMAGED
    _untouched(paths, db_bytes, photo)


@pytest.mark.skipif(sys.platform == "win32", reason="a file-size limit is a POSIX resource limit")
def test_a_disk_that_fills_up_during_a_restore_leaves_the_current_chats_in_place(tmp_path: Path) -> None:
    """Writing stops after 1 MB (a file-size limit, as a full disk stops it) while a 3 MB photo is
    unpacked: the restore fails, and today's chats and photos are where they were."""
    paths, db_bytes, photo = _shop_with_a_photo(tmp_path)
    backup = _older_backup(tmp_path, os.urandom(3_000_000))
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from app.backup import restore_backup\n"
        "from app.paths import paths_for\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    restore_backup(Path(sys.argv[1]), paths_for(Path(sys.argv[2])))\n"
        "except OSError as exc:\n"
        "    print('refused', exc.errno)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(backup), str(paths.data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == f"refused {errno.EFBIG}", done.stderr
    _untouched(paths, db_bytes, photo)


def _unpacked_for_restore(tmp_path: Path, paths: AppPaths) -> Path:
    """A restore's state once the backup is whole beside the data, as `restore_backup` leaves it
    before its renames: the point from which a crash must not lose the owner's inbox."""
    from app.backup import UNPACKED, _unpack
    from app.paths import RESTORING

    staging = paths.data_dir / (RESTORING + "20261202-050000")
    _unpack(_older_backup(tmp_path, b"\xff\xd8last month's photo"), staging)
    assert (staging / UNPACKED).exists()
    return staging


def test_a_restore_cut_short_between_its_renames_is_finished_at_the_next_start(tmp_path: Path) -> None:
    """Killed right after today's inbox file went aside and before the backup's took its place: the
    next start finds no inbox.db, only the two halves. It finishes the restore the owner asked for."""
    from app.backup import finish_interrupted_restore

    paths, db_bytes, photo = _shop_with_a_photo(tmp_path)
    staging = _unpacked_for_restore(tmp_path, paths)
    aside = paths.data_dir / "replaced" / "20261202-050000"
    aside.mkdir(parents=True)
    paths.database.rename(aside / "inbox.db")  # the first rename, then the crash

    assert finish_interrupted_restore(paths) == aside
    db = Database.open(paths.database)
    assert [name for name, _ in chats(db)] == ["Amy"]
    db.close()
    assert (paths.media_dir / "big.jpg").read_bytes() == b"\xff\xd8last month's photo"
    assert (aside / "inbox.db").read_bytes() == db_bytes  # today's, kept aside whole
    assert (aside / "media" / "img" / "photo.jpg").read_bytes() == photo
    assert not staging.exists()
    assert finish_interrupted_restore(paths) is None  # nothing left to do at the start after


def test_an_unpack_cut_short_is_dropped_at_the_next_start(tmp_path: Path) -> None:
    from app.backup import UNPACKED, finish_interrupted_restore

    paths, db_bytes, photo = _shop_with_a_photo(tmp_path)
    staging = _unpacked_for_restore(tmp_path, paths)
    (staging / UNPACKED).unlink()  # killed before the backup was whole

    assert finish_interrupted_restore(paths) is None
    _untouched(paths, db_bytes, photo)


def test_two_restores_in_one_second_keep_both_replaced_inboxes(tmp_path: Path) -> None:
    """Each restore keeps the inbox it replaced in a folder of its own, even within one second."""
    paths, db_bytes, _photo = _shop_with_a_photo(tmp_path)
    backup = _older_backup(tmp_path, b"\xff\xd8photo")
    first = restore_backup(backup, paths)
    second = restore_backup(backup, paths)
    assert first != second
    assert (first / "inbox.db").read_bytes() == db_bytes  # today's, not overwritten by the second
    assert (second / "inbox.db").exists()


def test_a_photo_sent_twice_takes_its_room_once_in_the_size_settings_shows(tmp_path: Path) -> None:
    """A sent photo is a hard link to the owner's file (ui/attachments.py): sending it to two customers
    makes two names for one file, and "used on this computer" counted it twice."""
    from app.backup import folder_size

    sent = tmp_path / "media" / "sent"
    (sent / "a").mkdir(parents=True)
    (sent / "b").mkdir()
    (sent / "a" / "dress.jpg").write_bytes(b"\xff" * 1_000_000)
    os.link(sent / "a" / "dress.jpg", sent / "b" / "dress.jpg")
    (tmp_path / "inbox.db").write_bytes(b"\0" * 4096)
    assert folder_size(tmp_path) == 1_004_096


def full_shop(tmp_path: Path) -> tuple[Path, list[tuple[str, list[str]]]]:
    """A shop whose last quit was clean, with a photo: the inbox a full disk then holds."""
    shop = tmp_path / "shop"
    paths = paths_for(shop).ensure()
    db = Database.open(paths.database)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="김민지"), "주문할게요")
        make_message(s, make_contact(s, profile_name="Amy"), "Is it in stock?")
    (paths.media_dir / "photo.jpg").write_bytes(b"\xff\xd8jpeg")
    before = chats(db)
    db.close()
    return shop, before


def test_a_read_only_inbox_on_a_full_disk_backs_up_to_another_disk(tmp_path: Path) -> None:
    """The disk was full at start, so the chats opened to read only; the owner saves them to a USB
    stick before freeing space. Nothing may be written beside the inbox, nor in the full disk's temp."""
    from tests.support.full_disk import run_on_a_full_disk

    shop, before = full_shop(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    disk = tmp_path / "disk"
    child = f"{sys.executable} -m tests.support.backup_child {disk}/shop {usb}/backup.zip"
    out = run_on_a_full_disk(disk, shop, child, env={"TMPDIR": str(disk)})
    assert "backup: ok, 2 files" in out, out
    assert "left: ['backup.zip']" in out, out

    restored = paths_for(tmp_path / "new laptop").ensure()
    restore_backup(usb / "backup.zip", restored)
    db = Database.open(restored.database)
    assert chats(db) == before
    assert (restored.media_dir / "photo.jpg").read_bytes() == b"\xff\xd8jpeg"
    db.close()


def test_a_backup_onto_the_full_disk_says_so_and_leaves_nothing_half_written(tmp_path: Path) -> None:
    from tests.support.full_disk import run_on_a_full_disk

    shop, _ = full_shop(tmp_path)
    disk = tmp_path / "disk"
    child = f"{sys.executable} -m tests.support.backup_child {disk}/shop {disk}/backups/backup.zip"
    out = run_on_a_full_disk(disk, shop, child, env={})
    assert "backup: the disk is full" in out, out
    assert "left: []" in out, out


@needs_tzset
def test_automatic_backups_are_made_once_a_day_and_the_seven_newest_kept(tmp_path: Path) -> None:
    with computer_zone("Asia/Seoul"):  # each named by the hour on the shop's clock
        _automatic_backups_are_made_once_a_day_and_the_seven_newest_kept(tmp_path)


def _automatic_backups_are_made_once_a_day_and_the_seven_newest_kept(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from app.backup import AUTOMATIC_BACKUPS_KEPT, automatic_backup, backups_in, last_backup, shop_tag

    shop, before = full_shop(tmp_path)
    paths = paths_for(shop)
    usb = tmp_path / "USB" / "가게 백업"
    usb.mkdir(parents=True)
    (usb / "가계부.xlsx").write_bytes(b"the owner's own file")  # not ours: never touched
    day = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    tag = shop_tag(paths)
    cut_short = usb / f"shop-inbox-backup-20261130-090000-{tag}.zip.partial"  # the app quit mid-way
    cut_short.write_bytes(b"half a zip")
    (usb / f".shop-inbox-backup-20261130-090000-{tag}.zip-x1y2").mkdir()

    first = automatic_backup(paths, usb, now=day)
    assert first is not None and first.path.name == f"shop-inbox-backup-20261201-180000+0900-{tag}.zip"
    assert last_backup(paths, usb) == day
    assert sorted(f.name for f in usb.iterdir()) == [first.path.name, "가계부.xlsx"]  # leftovers gone
    other_shop, _ = full_shop(tmp_path / "second shop")  # backs up into the same folder
    assert automatic_backup(paths_for(other_shop), usb, now=day) is not None
    assert automatic_backup(paths, usb, now=day + timedelta(hours=23)) is None  # not due yet
    for n in range(1, 10):
        assert automatic_backup(paths, usb, now=day + timedelta(days=n)) is not None

    kept = [made for made, _ in backups_in(usb, tag)]
    assert len(kept) == AUTOMATIC_BACKUPS_KEPT == 7
    assert kept[0] == day + timedelta(days=9) and kept[-1] == day + timedelta(days=3)
    assert (usb / "가계부.xlsx").read_bytes() == b"the owner's own file"
    assert last_backup(paths_for(other_shop), usb) == day  # the other shop's backup was left alone

    restored = paths_for(tmp_path / "new laptop").ensure()
    restore_backup(backups_in(usb, tag)[0][1], restored)
    db = Database.open(restored.database)
    assert chats(db) == before
    db.close()


def test_an_automatic_backup_to_a_folder_that_is_gone_says_so_and_writes_nothing_elsewhere(
    tmp_path: Path,
) -> None:
    from app.backup import automatic_backup

    shop, _ = full_shop(tmp_path)
    unplugged = tmp_path / "USB" / "가게 백업"  # the stick was taken out: its folder went with it
    with pytest.raises(InvalidInput) as refused:
        automatic_backup(paths_for(shop), unplugged)
    assert refused.value.code is ErrorCode.BACKUP_FOLDER_MISSING
    assert refused.value.param_values() == {"path": str(unplugged)}
    assert not (tmp_path / "USB").exists()  # no folder made on the computer's own disk instead


def test_a_clock_set_back_neither_stops_the_backups_nor_makes_one_every_hour(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from app.backup import automatic_backup

    shop, _ = full_shop(tmp_path)
    usb = tmp_path / "USB"
    usb.mkdir()
    late = datetime(2027, 6, 1, tzinfo=UTC)
    assert automatic_backup(paths_for(shop), usb, now=late) is not None  # the clock ran ahead
    back = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # and was set right
    assert automatic_backup(paths_for(shop), usb, now=back) is not None
    assert automatic_backup(paths_for(shop), usb, now=back + timedelta(hours=1)) is None


def _stick_with_old_backups(tmp_path: Path, tag: str, sizes: list[int]) -> Path:
    """A folder as a week of daily backups left it (newest first, one a day before 2026-12-10) beside
    a file of the owner's; copied onto the small disk by the test."""
    stick = tmp_path / "stick"
    stick.mkdir()
    for days_ago, size in enumerate(sizes, start=1):
        name = f"shop-inbox-backup-202612{10 - days_ago:02d}-090000-{tag}.zip"
        (stick / name).write_bytes(os.urandom(size))
    (stick / "가계부.xlsx").write_bytes(os.urandom(100_000))
    return stick


def _shop_with_photo(tmp_path: Path, photo_bytes: int) -> tuple[Path, str]:
    from app.backup import shop_tag

    shop, _ = full_shop(tmp_path)
    (paths_for(shop).media_dir / "photo.jpg").write_bytes(os.urandom(photo_bytes))  # stored, not deflated
    return shop, shop_tag(paths_for(shop))


def _back_up_onto_a_3mb_stick(tmp_path: Path, *, photo_bytes: int, old_backups: list[int]) -> tuple[str, str]:
    """The day's automatic backup (2026-12-10 09:00) of a shop with a photo of `photo_bytes`, onto a
    3 MB stick holding backups of these sizes (newest first) and a file of the owner's: what the
    child printed, and the shop's tag."""
    from tests.support.full_disk import run_on_a_small_disk

    shop, tag = _shop_with_photo(tmp_path, photo_bytes)
    stick = _stick_with_old_backups(tmp_path, tag, old_backups)
    disk = tmp_path / "disk"
    child = (
        f"{sys.executable} -m tests.support.backup_room_child {shop} {disk}/stick 2026-12-10T09:00:00+00:00"
    )
    # On Seoul's clock, beside older backups named by the UTC time: both are read and counted.
    command = f"cp -r {stick} {disk}/stick && {child}"
    return run_on_a_small_disk(disk, "3m", command, env={"TZ": "Asia/Seoul"}), tag


def test_a_stick_full_of_older_backups_makes_room_for_the_days_backup(tmp_path: Path) -> None:
    """A 3 MB stick holding four backups and the owner's file: the oldest backup gives way (before
    writing, from the last backup's size), today's is made, and the owner's file stays."""
    out, tag = _back_up_onto_a_3mb_stick(tmp_path, photo_bytes=550_000, old_backups=[600_000] * 4)
    today = f"shop-inbox-backup-20261210-180000+0900-{tag}.zip"
    assert f"backup: made {today}" in out, out
    kept = [f"shop-inbox-backup-2026120{d}-090000-{tag}.zip" for d in (7, 8, 9)]
    assert f"left: {sorted([*kept, today, '가계부.xlsx'])}" in out, out  # the 6th's backup gave way


def test_a_backup_that_outgrew_the_last_one_still_fits_once_older_ones_are_removed(tmp_path: Path) -> None:
    """The shop's photos have grown since yesterday's small backup, so the guess said it would fit and
    the disk filled mid-way: the older backups go, yesterday's stays, and today's is made again."""
    out, tag = _back_up_onto_a_3mb_stick(tmp_path, photo_bytes=1_300_000, old_backups=[1_000, *[600_000] * 3])
    today = f"shop-inbox-backup-20261210-180000+0900-{tag}.zip"
    assert f"backup: made {today}" in out, out
    yesterday = f"shop-inbox-backup-20261209-090000-{tag}.zip"
    assert f"left: {sorted([yesterday, today, '가계부.xlsx'])}" in out, out
    assert "checked: whole" in out, out  # the second try's zip, not a half of the first


def test_a_backup_too_big_for_the_data_folders_disk_is_refused_before_anything_with_the_room_it_needs(
    tmp_path: Path,
) -> None:
    """On a 3 MB disk holding today's inbox, a backup that unpacks to 4 MB filled the disk halfway
    before the restore gave up, and said only "the disk is full". Now it is measured first."""
    from tests.support.full_disk import run_on_a_small_disk

    backup = _older_backup(tmp_path, os.urandom(4_000_000))  # a photo: stored, not deflated
    shop = tmp_path / "data"
    _shop_with_a_photo(tmp_path)
    disk = tmp_path / "disk"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.backup import restore_backup\n"
        "from app.errors import NoRoomToRestore\n"
        "from app.paths import paths_for\n"
        "try:\n"
        "    restore_backup(Path(sys.argv[1]), paths_for(Path(sys.argv[2])))\n"
        "except NoRoomToRestore as exc:\n"
        "    print('refused', exc.code, exc.params.folder, exc.params.needed > 4_000_000, exc.params.free)\n"
        "import os\n"
        "print('left', sorted(os.listdir(sys.argv[2])))\n"
    )
    child = f'{sys.executable} -c "$SCRIPT" {backup} {disk}/data'
    out = run_on_a_small_disk(disk, "3m", f"cp -r {shop} {disk}/data && {child}", env={"SCRIPT": script})
    assert f"refused restore_needs_room {disk}/data True " in out, out
    assert "left ['config', 'inbox.db', 'logs', 'media']" in out, out  # nothing unpacked, nothing aside


def test_daily_backups_named_on_any_clock_or_by_the_older_utc_names_are_read_in_their_order(
    tmp_path: Path,
) -> None:
    """A laptop carried from Seoul to New York: its stick holds names with both offsets and the older
    UTC ones (no offset); each is read as the moment it was made, newest first."""
    from datetime import UTC, datetime

    from app.backup import backups_in

    tag = "a1b2c3"
    names = {
        f"shop-inbox-backup-20261205-090000-{tag}.zip": datetime(2026, 12, 5, 9, 0, tzinfo=UTC),  # older
        f"shop-inbox-backup-20261206-180000+0900-{tag}.zip": datetime(2026, 12, 6, 9, 0, tzinfo=UTC),
        f"shop-inbox-backup-20261207-040000-0500-{tag}.zip": datetime(2026, 12, 7, 9, 0, tzinfo=UTC),
    }
    for name in names:
        (tmp_path / name).write_bytes(b"zip")
    (tmp_path / f"shop-inbox-backup-20261208-250000+0900-{tag}.zip").write_bytes(b"no such hour")
    assert [(made, file.name) for made, file in backups_in(tmp_path, tag)] == sorted(
        ((made, name) for name, made in names.items()), reverse=True
    )
