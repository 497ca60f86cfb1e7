"""Child process for tests/app/test_backup.py: the day's automatic backup into a folder on a small
disk that earlier backups have filled; prints what happened and what the folder then holds."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from app.backup import automatic_backup, check_backup
from app.paths import paths_for


def main(data_dir: str, folder: str, now: str) -> None:
    try:
        info = automatic_backup(paths_for(Path(data_dir)), Path(folder), now=datetime.fromisoformat(now))
        print(f"backup: made {info.path.name if info else None}")
        if info is not None:
            check_backup(info.path)  # raises when damaged
            print("checked: whole")
    except Exception as exc:
        print(f"backup: failed: {exc!r}")
    print("left:", sorted(p.name for p in Path(folder).iterdir()))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
