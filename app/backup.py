"""Backups: a consistent copy of the database (SQLite backup API) zipped with the media, and restore."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import sqlite3
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath

from app.db import ROOM_NEEDED, SCHEMA_VERSION, backup_file, is_disk_full
from app.drafts import DRAFT_FILES_KEY
from app.errors import (
    DiskFull,
    ErrorCode,
    InvalidInput,
    NoRoomToRestore,
    PathParams,
    SchemaTooNew,
    ShopInboxError,
)
from app.file_stamps import STAMP_PATTERN, file_stamp, stamp_time
from app.paths import PASTED_FOLDER, QUICK_REPLY_FOLDER, RESTORING, AppPaths

log = logging.getLogger(__name__)

DB_ENTRY = "inbox.db"
MEDIA_PREFIX = "media/"
CATALOG_PREFIX = "catalog/"
QUICK_REPLY_PREFIX = QUICK_REPLY_FOLDER + "/"  # the quick replies' attachments (app/quick_reply_files.py)
PASTED_PREFIX = PASTED_FOLDER + "/"  # pictures pasted into a draft, not sent yet (app/drafts.py)
_PACKED = {  # media kept as they came, compressed already
    *(".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic"),
    *(".mp4", ".3gp", ".mov", ".ogg", ".opus", ".mp3", ".m4a", ".aac", ".amr"),
    *(".pdf", ".zip", ".docx", ".xlsx", ".pptx"),
}
UNPACKED = "unpacked"  # written in that folder once the backup is whole in it: the renames may begin
# A file a draft has attached from the owner's own folders (Downloads…), carried beside the pasted
# pictures in a folder of its own: pasted/carried-<mark of its path>/<its name>.
CARRIED_FOLDER = "carried-"


@dataclass(frozen=True, slots=True)
class BackupFacts:
    """What a checked backup holds: its database's schema version, and whether it is a demo shop's
    (Try the demo ▸ Back up now), which an owner can mistake for a backup of her own inbox."""

    version: int
    demo: bool


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    size: int
    files: int


def default_backup_name(now: datetime | None = None) -> str:
    """An automatic backup's name (with the inbox's tag added): the time it was made on this
    computer's clock, with its offset (app/file_stamps.py), which `backups_in` reads back, so it
    never changes with the language."""
    return f"shop-inbox-backup-{file_stamp(now)}.zip"


def saved_backup_name(stem: str, now: datetime | None = None) -> str:
    """The name a backup saved by hand is offered under: the owner's words ("샵인박스-백업") and
    the date and time on this computer's clock, as the owner will look for it."""
    local = (now or datetime.now(UTC)).astimezone()
    return f"{stem}-{local.strftime('%Y-%m-%d-%H%M')}.zip"


BACKUP_EVERY = timedelta(days=1)
AUTOMATIC_BACKUPS_KEPT = 7


def shop_tag(paths: AppPaths) -> str:
    """A short mark of this inbox's folder in its automatic backups' names: two shops backing up
    into one folder never count or remove each other's."""
    return hashlib.sha256(str(paths.data_dir.resolve()).encode()).hexdigest()[:6]


def backups_in(folder: Path, tag: str) -> list[tuple[datetime, Path]]:
    """This inbox's automatic backups in `folder` (named by `automatic_backup`), newest first, with
    when each was made. Other files there are never listed. Blocking (a folder's listing)."""
    pattern = re.compile(rf"^shop-inbox-backup-({STAMP_PATTERN})-{re.escape(tag)}\.zip$")
    found: list[tuple[datetime, Path]] = []
    for file in folder.iterdir():
        match = pattern.match(file.name)
        if match is None or not file.is_file():
            continue
        made = stamp_time(match.group(1))  # an older backup's name has the UTC time, no offset
        if made is None:
            continue
        found.append((made, file))
    return sorted(found, reverse=True)


def last_backup(paths: AppPaths, folder: Path) -> datetime | None:
    """When this inbox's newest automatic backup in `folder` was made; None without one (or without
    the folder). Blocking."""
    try:
        found = backups_in(folder, shop_tag(paths))
    except OSError:
        return None
    return found[0][0] if found else None


def automatic_backup(
    paths: AppPaths, folder: Path, *, now: datetime | None = None, read_only: bool = False
) -> BackupInfo | None:
    """The day's backup into `folder` unless one there was made in the last day (None then), and
    only the AUTOMATIC_BACKUPS_KEPT newest of this inbox's are kept. The folder must exist: a USB
    stick taken out takes its folder with it, and the backup must not be made on the computer's own
    disk in its place (InvalidInput BACKUP_FOLDER_MISSING). Blocking (disk): off the GUI thread."""
    now = now or datetime.now(UTC)
    if not folder.is_dir():
        raise InvalidInput(code=ErrorCode.BACKUP_FOLDER_MISSING, params=PathParams(str(folder)))
    tag = shop_tag(paths)
    for left in folder.glob(f"*shop-inbox-backup-*-{tag}.zip*"):  # a backup cut short by a quit
        if left.name.endswith(".partial") or left.name.startswith("."):
            shutil.rmtree(left) if left.is_dir() else left.unlink(missing_ok=True)
    # Within a day either way: a clock set back does not stop the backups, nor start one an hour.
    if any(abs(now - made) < BACKUP_EVERY for made, _file in backups_in(folder, tag)):
        return None
    name = default_backup_name(now).removesuffix(".zip") + f"-{tag}.zip"
    own = backups_in(folder, tag)
    older = own[1:]
    # A stick filled by a week of backups: the oldest make room for today's, never the newest one,
    # until today's is whole (Time Machine's way). The owner's own files there are never touched.
    _remove(older, until=lambda: shutil.disk_usage(folder).free >= _room_needed(paths, own))
    try:
        info = create_backup(paths, folder / name, read_only=read_only)
    except Exception as exc:
        if not is_disk_full(exc) or not _remove(older):
            raise
        log.info("automatic backup: no room left, older backups removed; trying again")
        info = create_backup(paths, folder / name, read_only=read_only)
    _remove(backups_in(folder, tag)[AUTOMATIC_BACKUPS_KEPT:])
    return info


def _room_needed(paths: AppPaths, own: list[tuple[datetime, Path]]) -> int:
    """What the next backup takes on its disk while it is written: the database's copy beside a zip
    about the size of the last one (the inbox's own size without one), and a tenth to grow."""
    database = _size(paths.database)
    zipped = (
        _size(own[0][1])
        if own
        else database + sum(folder_size(folder) for folder, _prefix in _folders(paths))
    )
    return database + zipped + zipped // 10


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def _remove(backups: list[tuple[datetime, Path]], until: Callable[[], bool] = lambda: False) -> int:
    """Remove these backups, the oldest first, until `until()` holds (or all are gone): how many were."""
    removed = 0
    for _made, old in reversed(backups):
        if until():
            break
        try:
            old.unlink()
        except OSError as exc:  # held by another program (Windows): the next day tries again
            log.info("old backup %s not removed: %s", old.name, exc)
            continue
        removed += 1
    backups[:] = [b for b in backups if b[1].exists()]
    return removed


def create_backup(paths: AppPaths, target: Path, *, read_only: bool = False) -> BackupInfo:
    """Write a zip with a consistent copy of the live database plus media, catalogue images, the
    quick replies' attachments and the pictures pasted into drafts.

    Everything is written on the target's disk, the database's copy too: when the inbox's disk is
    full, a backup to another disk (a USB stick) still saves the chats. `read_only`: the inbox was
    opened to read only (`Database.open_read_only`), so the database is read without its index.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    files = 0
    with tempfile.TemporaryDirectory(prefix=f".{target.name}-", dir=target.parent) as tmp:
        snapshot = backup_file(paths.database, Path(tmp) / DB_ENTRY, immutable=read_only)
        try:
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                files += _carry_draft_files(zf, snapshot, paths)  # before the database, which names them
                zf.write(snapshot, DB_ENTRY)
                files += 1
                for folder, prefix in _folders(paths):
                    if not folder.is_dir():
                        continue
                    for file in sorted(folder.rglob("*")):
                        if file.is_file():
                            entry = prefix + file.relative_to(folder).as_posix()
                            zf.write(file, entry, compress_type=_compression(file))
                            files += 1
        except OSError:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(target)  # a half-written backup never carries the final name
    log.info("backup written: %s (%d files)", target, files)
    return BackupInfo(path=target, size=target.stat().st_size, files=files)


def _carry_draft_files(zf: zipfile.ZipFile, snapshot: Path, paths: AppPaths) -> int:
    """The files drafts have attached from the owner's own folders (Downloads, the desktop), which
    no data folder holds, written into the backup beside the pasted pictures; the snapshot's drafts
    then name each there, so the new computer's draft has it as a pasted picture's (app/drafts.py
    finds it in its own folder). A file gone or unreadable by now stays named as it was: the new
    computer's chat says it did not come along. Returns how many files were carried."""
    try:
        con = sqlite3.connect(snapshot)
    except sqlite3.Error as exc:
        log.info("drafts' files not read from the backup's database: %s", exc)
        return 0
    try:
        try:
            row = con.execute("SELECT value FROM setting WHERE key = ?", (DRAFT_FILES_KEY,)).fetchone()
        except sqlite3.OperationalError:  # an inbox from before settings: no drafts either
            return 0
        stored = json.loads(row[0]) if row is not None and isinstance(row[0], str) else None
        if not isinstance(stored, dict):
            return 0
        carried: dict[str, Path] = {}  # name in the zip → the file (one attached to two chats once)
        own_folders = [folder for folder, _prefix in _folders(paths)]
        for named in stored.values():
            for i, name in enumerate(named if isinstance(named, list) else []):
                file = Path(name) if isinstance(name, str) and name else None
                if file is None or any(file.is_relative_to(folder) for folder in own_folders):
                    continue  # a pasted picture or a quick reply's file: its folder is carried
                if not file.is_file():
                    continue  # gone since it was attached: the new computer's chat names it
                folder = CARRIED_FOLDER + hashlib.sha256(name.encode()).hexdigest()[:12]
                entry = f"{PASTED_PREFIX}{folder}/{file.name}"
                if entry not in carried:
                    try:
                        zf.write(file, entry, compress_type=_compression(file))
                    except OSError as exc:  # not ours to read, or gone this very moment
                        log.info("a draft's attached file not carried: %s", exc.strerror or exc)
                        continue
                    carried[entry] = file
                named[i] = str(paths.pasted_dir / folder / file.name)
        if carried:
            text = json.dumps(stored, ensure_ascii=False)
            con.execute("UPDATE setting SET value = ? WHERE key = ?", (text, DRAFT_FILES_KEY))
            con.commit()
        return len(carried)
    finally:
        con.close()


def _compression(file: Path) -> int | None:
    """A photo or a video is compressed already: deflating it again only costs time."""
    return zipfile.ZIP_STORED if file.suffix.lower() in _PACKED else None


def _folders(paths: AppPaths) -> tuple[tuple[Path, str], ...]:
    """The data folders a backup carries, each with its prefix in the zip."""
    return (
        (paths.media_dir, MEDIA_PREFIX),
        (paths.catalog_dir, CATALOG_PREFIX),
        (paths.quick_reply_dir, QUICK_REPLY_PREFIX),
        (paths.pasted_dir, PASTED_PREFIX),
    )


# The folders unpacked beside the data (named as in the zip), each swapped in for the current one.
_UNPACKED_FOLDERS = (
    ("media", MEDIA_PREFIX),
    ("catalog", CATALOG_PREFIX),
    (QUICK_REPLY_FOLDER, QUICK_REPLY_PREFIX),
    (PASTED_FOLDER, PASTED_PREFIX),
)


def _safe_member(name: str, prefix: str) -> PurePosixPath | None:
    """The path below `prefix` of a zip member, or None when it would escape its folder."""
    if not name.startswith(prefix) or name.endswith("/"):
        return None
    rel = PurePosixPath(name[len(prefix) :])
    if rel.is_absolute() or ".." in rel.parts or not rel.parts or "\\" in name or ":" in rel.parts[0]:
        return None
    return rel


def check_backup(source: Path) -> BackupFacts:
    """Validate a backup zip; returns the schema version of the database inside it and whether it
    is a demo shop's."""
    try:
        with zipfile.ZipFile(source) as zf:
            if DB_ENTRY not in zf.namelist():
                raise InvalidInput(code=ErrorCode.NOT_A_BACKUP)
            with tempfile.TemporaryDirectory() as tmp:
                zf.extract(DB_ENTRY, tmp)
                return _check_database(Path(tmp) / DB_ENTRY, source.name)
    except zipfile.BadZipFile as exc:
        log.info("backup %s unreadable: %s", source.name, exc)
        raise InvalidInput(code=ErrorCode.BACKUP_DAMAGED) from exc


def _check_database(path: Path, name: str) -> BackupFacts:
    """A backup's database file, whole and not newer than this app: its version, and if a demo's."""
    try:
        con = sqlite3.connect(path)
        try:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            ok = con.execute("PRAGMA quick_check").fetchone()[0]
            demo = ok == "ok" and _demo_shop(con)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        log.info("backup %s unreadable: %s", name, exc)
        raise InvalidInput(code=ErrorCode.BACKUP_DAMAGED) from exc
    if ok != "ok":
        raise InvalidInput(code=ErrorCode.BACKUP_DAMAGED)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(version, SCHEMA_VERSION)
    return BackupFacts(version=version, demo=demo)


def _demo_shop(con: sqlite3.Connection) -> bool:
    """Whether the database is a demo shop's (app/demo_seed.py DEMO_SHOP_SETTING); an older file
    without the setting table is not."""
    from app.demo_seed import DEMO_SHOP_SETTING

    try:
        row = con.execute("SELECT value FROM setting WHERE key = ?", (DEMO_SHOP_SETTING,)).fetchone()
    except sqlite3.OperationalError:  # no such table: a backup of an inbox from before settings
        return False
    return row is not None and row[0] == "true"


def check_room_to_restore(source: Path, data_dir: Path) -> None:
    """Raise NoRoomToRestore when the disk of `data_dir` cannot take the backup unpacked (the inbox
    it replaces is moved aside, not copied, so it needs no more): said before anything is closed or
    unpacked, with how much is needed, not by a disk filled halfway."""
    try:
        with zipfile.ZipFile(source) as zf:
            needed = sum(info.file_size for info in zf.infolist()) + ROOM_NEEDED
        free = shutil.disk_usage(data_dir).free
    except (OSError, zipfile.BadZipFile) as exc:  # the unpack itself says what is wrong
        log.info("room for restoring %s not measured: %s", source.name, exc)
        return
    if free < needed:
        log.warning("%s has %d bytes free; restoring %s needs about %d", data_dir, free, source.name, needed)
        raise NoRoomToRestore(data_dir, needed, free)


def restore_backup(source: Path, paths: AppPaths) -> Path:
    """Replace the database and media with a backup's; the previous data is kept aside first.

    Everything is unpacked beside the data first and only then moved into place, so a backup
    that turns out damaged halfway, or a disk that fills up, leaves the current chats as they were
    (DiskFull, or InvalidInput BACKUP_DAMAGED); a crash while the few renames run is finished at
    the next start (`finish_interrupted_restore`). The caller must have closed the database.
    Returns the folder holding the previous data. Blocking (disk): call it off the GUI thread.
    """
    check_room_to_restore(source, paths.data_dir)
    stamp = file_stamp()  # the hour the owner restored at, as her clock said it
    while (paths.data_dir / "replaced" / stamp).exists():  # never into an earlier restore's folder
        stamp += "-2"
    for unfinished in paths.restores_under_way():  # an unpack cut short by a crash
        shutil.rmtree(unfinished, ignore_errors=True)
    staging = paths.data_dir / (RESTORING + stamp)
    try:
        _unpack(source, staging)  # the database is checked where it was unpacked, not unpacked twice
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, ShopInboxError):
            raise
        if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
            log.info("backup %s damaged inside: %s", source.name, exc)
            raise InvalidInput(code=ErrorCode.BACKUP_DAMAGED) from exc
        if is_disk_full(exc):
            raise DiskFull(str(exc)) from exc
        raise
    aside = _swap_in(staging, paths)
    log.info("restored backup %s; previous data kept in %s", source, aside)
    return aside


def set_inbox_aside(paths: AppPaths) -> Path:
    """Move the inbox file (with its -wal and -shm) into a new folder under `replaced`, untouched,
    so the next start makes an empty inbox: a damaged file with no backup to restore. Photos and
    files stay where they are. Returns the folder. Blocking (disk): off the GUI thread."""
    stamp = file_stamp()  # the hour it was set aside at, as the owner's clock said it
    while (paths.data_dir / "replaced" / stamp).exists():
        stamp += "-2"
    aside = paths.data_dir / "replaced" / stamp
    aside.mkdir(parents=True)
    for suffix in ("", "-wal", "-shm"):
        current = Path(str(paths.database) + suffix)
        if current.exists():
            shutil.move(str(current), aside / current.name)
    log.info("inbox file set aside in %s; the next start makes an empty inbox", aside)
    return aside


def finish_interrupted_restore(paths: AppPaths) -> Path | None:
    """At start, before the inbox opens: a restore whose renames a crash cut short is finished (the
    backup was whole by then, and the owner had asked for it); an unpack cut short is dropped.
    Returns the folder holding the previous data when a restore was finished."""
    finished: Path | None = None
    for staging in paths.restores_under_way():
        if (staging / UNPACKED).exists():
            finished = _swap_in(staging, paths)
            log.warning("a restore cut short was finished; previous data kept in %s", finished)
        else:
            shutil.rmtree(staging, ignore_errors=True)
    return finished


def _unpack(source: Path, staging: Path) -> None:
    """The backup's database, media, catalogue pictures and quick replies' files, into `staging`
    (nothing outside it), marked whole at the end."""
    with zipfile.ZipFile(source) as zf:
        if DB_ENTRY not in zf.namelist():
            raise InvalidInput(code=ErrorCode.NOT_A_BACKUP)
        for member in zf.infolist():
            if member.filename == DB_ENTRY:
                target = staging / DB_ENTRY
            else:
                for folder, prefix in _UNPACKED_FOLDERS:
                    rel = _safe_member(member.filename, prefix)
                    if rel is not None:
                        target = staging.joinpath(folder, *rel.parts)
                        break
                else:
                    log.warning("skipping unexpected backup entry %r", member.filename)
                    continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(member) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
    _check_database(staging / DB_ENTRY, source.name)
    # Even when empty (a backup from before quick replies kept their files too): the current ones go
    # aside all the same, and the restored replies that still name the owner's own files copy them in
    # at the start (QuickReplyLibrary.adopt_files) where they are still there.
    for folder, _prefix in _UNPACKED_FOLDERS:
        (staging / folder).mkdir(parents=True, exist_ok=True)
    (staging / UNPACKED).touch()


def _swap_in(staging: Path, paths: AppPaths) -> Path:
    """Item by item (database, media, catalogue, quick replies' files), the current one to the aside
    folder, then the unpacked one into its place: renames on one disk. An item whose unpacked copy
    is gone from `staging` is done, so after a crash the same call carries on where it stopped; an
    OSError undoes what this call moved, so the owner is left with one whole inbox or the other."""
    aside = paths.data_dir / "replaced" / staging.name.removeprefix(RESTORING)
    aside.mkdir(parents=True, exist_ok=True)
    database = [Path(str(paths.database) + suffix) for suffix in ("", "-wal", "-shm")]
    items = [
        (staging / DB_ENTRY, database, paths.database),
        (staging / "media", [paths.media_dir], paths.media_dir),
        (staging / "catalog", [paths.catalog_dir], paths.catalog_dir),
        (staging / QUICK_REPLY_FOLDER, [paths.quick_reply_dir], paths.quick_reply_dir),
        (staging / PASTED_FOLDER, [paths.pasted_dir], paths.pasted_dir),
    ]
    done: list[tuple[Path, Path]] = []

    def move(current: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(current), target)
        done.append((current, target))

    try:
        for unpacked, currents, place in items:
            if not unpacked.exists():
                continue
            for current in currents:
                if current.exists():
                    move(current, aside / current.name)
            move(unpacked, place)
    except OSError:
        for current, target in reversed(done):
            shutil.move(str(target), current)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return aside


@dataclass(frozen=True, slots=True)
class KeptInboxes:
    """The inboxes a restore set aside (`<data>/replaced/<when>/`), with what they take on disk."""

    count: int
    size: int


def kept_inboxes(paths: AppPaths) -> KeptInboxes:
    """What earlier restores kept aside. Blocking (walks the folders): off the GUI thread."""
    folder = paths.data_dir / "replaced"
    kept = [f for f in folder.iterdir() if f.is_dir()] if folder.is_dir() else []
    return KeptInboxes(len(kept), sum(folder_size(f) for f in kept))


def remove_kept_inboxes(paths: AppPaths) -> int:
    """Delete the inboxes earlier restores kept aside (never the current one); returns the bytes freed."""
    kept = kept_inboxes(paths)
    shutil.rmtree(paths.data_dir / "replaced", ignore_errors=True)
    left = kept_inboxes(paths).size  # a file another program holds open stays (Windows)
    log.info("removed %d inboxes kept from restores", kept.count)
    return kept.size - left


def folder_size(folder: Path) -> int:
    """Bytes used by a folder (database, media), for the settings dialog. A file under several names
    (a photo sent twice is one file with two hard links, ui/attachments.py) takes its room once."""
    if not folder.exists():
        return 0
    sizes: dict[object, int] = {}
    for f in folder.rglob("*"):
        try:
            st = f.stat()
        except OSError:
            continue  # gone since the walk listed it (a send finished, a cache pruned)
        if stat.S_ISREG(st.st_mode):
            # A file system without file ids (FAT) answers 0: each name counts then.
            sizes[(st.st_dev, st.st_ino) if st.st_ino else f] = st.st_size
    return sum(sizes.values())
