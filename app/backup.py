"""Backups: a consistent copy of the database (SQLite backup API) zipped with the media, and restore."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from app.db import SCHEMA_VERSION, backup_file
from app.errors import ErrorCode, InvalidInput, SchemaTooNew
from app.paths import AppPaths

log = logging.getLogger(__name__)

DB_ENTRY = "inbox.db"
MEDIA_PREFIX = "media/"
CATALOG_PREFIX = "catalog/"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    size: int
    files: int


def default_backup_name(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return f"shop-inbox-backup-{now.strftime('%Y%m%d-%H%M%S')}.zip"


def create_backup(paths: AppPaths, target: Path) -> BackupInfo:
    """Write a zip with a consistent copy of the live database plus media and catalogue images."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    files = 0
    with tempfile.TemporaryDirectory() as tmp:
        snapshot = backup_file(paths.database, Path(tmp) / DB_ENTRY)
        try:
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.write(snapshot, DB_ENTRY)
                files += 1
                for folder, prefix in ((paths.media_dir, MEDIA_PREFIX), (paths.catalog_dir, CATALOG_PREFIX)):
                    if not folder.is_dir():
                        continue
                    for file in sorted(folder.rglob("*")):
                        if file.is_file():
                            zf.write(file, prefix + file.relative_to(folder).as_posix())
                            files += 1
        except OSError:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(target)  # a half-written backup never carries the final name
    log.info("backup written: %s (%d files)", target, files)
    return BackupInfo(path=target, size=target.stat().st_size, files=files)


def _safe_member(name: str, prefix: str) -> PurePosixPath | None:
    """The path below `prefix` of a zip member, or None when it would escape its folder."""
    if not name.startswith(prefix) or name.endswith("/"):
        return None
    rel = PurePosixPath(name[len(prefix) :])
    if rel.is_absolute() or ".." in rel.parts or not rel.parts or "\\" in name or ":" in rel.parts[0]:
        return None
    return rel


def check_backup(source: Path) -> int:
    """Validate a backup zip; returns the schema version of the database inside it."""
    try:
        with zipfile.ZipFile(source) as zf:
            if DB_ENTRY not in zf.namelist():
                raise InvalidInput(code=ErrorCode.NOT_A_BACKUP)
            with tempfile.TemporaryDirectory() as tmp:
                zf.extract(DB_ENTRY, tmp)
                con = sqlite3.connect(Path(tmp) / DB_ENTRY)
                try:
                    version = int(con.execute("PRAGMA user_version").fetchone()[0])
                    ok = con.execute("PRAGMA quick_check").fetchone()[0]
                finally:
                    con.close()
    except (zipfile.BadZipFile, sqlite3.DatabaseError) as exc:
        log.info("backup %s unreadable: %s", source.name, exc)
        raise InvalidInput(code=ErrorCode.BACKUP_DAMAGED) from exc
    if ok != "ok":
        raise InvalidInput(code=ErrorCode.BACKUP_DAMAGED)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(version, SCHEMA_VERSION)
    return version


def restore_backup(source: Path, paths: AppPaths) -> Path:
    """Replace the database and media with a backup's; the previous data is kept aside first.

    The caller must have closed the database. Returns the folder holding the previous data.
    """
    check_backup(source)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = paths.data_dir / "replaced" / stamp
    aside.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        current = Path(str(paths.database) + suffix)
        if current.exists():
            shutil.move(str(current), aside / current.name)
    for folder in (paths.media_dir, paths.catalog_dir):
        if folder.exists():
            shutil.move(str(folder), aside / folder.name)
    with zipfile.ZipFile(source) as zf:
        for member in zf.infolist():
            if member.filename == DB_ENTRY:
                target = paths.database
            else:
                for folder, prefix in ((paths.media_dir, MEDIA_PREFIX), (paths.catalog_dir, CATALOG_PREFIX)):
                    rel = _safe_member(member.filename, prefix)
                    if rel is not None:
                        target = folder.joinpath(*rel.parts)
                        break
                else:
                    log.warning("skipping unexpected backup entry %r", member.filename)
                    continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(member) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
    paths.media_dir.mkdir(parents=True, exist_ok=True)
    log.info("restored backup %s; previous data kept in %s", source, aside)
    return aside


def folder_size(folder: Path) -> int:
    """Bytes used by a folder (database, media), for the settings dialog."""
    if not folder.exists():
        return 0
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
