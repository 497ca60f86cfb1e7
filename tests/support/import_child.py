"""A chat import in its own process for kill -9 tests: prints the lines read after each batch commits.

python -m tests.support.import_child DB_PATH MEDIA_DIR EXPORT_PATH
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.chat_export.importer import ImportRequest, import_chat
from app.db import Database


def main() -> int:
    db_path, media_dir, export = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    db = Database.open(db_path)
    request = ImportRequest(path=export, shop_participant="Shop", time_zone="Asia/Seoul")
    summary = import_chat(
        db, media_dir, request, progress=lambda done, total: print(f"read {done}", flush=True)
    )
    print(f"done {summary.added}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
