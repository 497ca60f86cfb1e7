"""Child process for tests/app/test_backup.py: back up an inbox opened as on a full disk at start
(`Database.open_read_only`) and print what happened, and what the backup left in the target's folder."""

from __future__ import annotations

import sys
from pathlib import Path

from app.backup import create_backup
from app.db import Database, is_disk_full
from app.errors import DiskFull
from app.paths import paths_for


def main(data_dir: str, target: str) -> None:
    paths = paths_for(Path(data_dir))
    db = Database.open_read_only(paths.database, DiskFull("no space left"))
    try:
        info = create_backup(paths, Path(target), read_only=True)
        print(f"backup: ok, {info.files} files")
    except Exception as exc:  # SQLite's own "disk is full" is no OSError: what the owner would be told
        print("backup: the disk is full" if is_disk_full(exc) else f"backup: failed: {exc!r}")
    finally:
        db.close()
    print("left:", sorted(p.name for p in Path(target).parent.iterdir()))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
