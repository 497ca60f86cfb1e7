"""A desktop start (database open and migrate) for kill -9 tests; the migration's log lines go to stdout.

python -m tests.support.first_start_child DB_PATH
Prints "opening" when it is about to open the database, app.db's migration log lines as they happen,
and "opened VERSION" once the database is ready; exits 0.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from app.db import Database, stored_schema_version


def main() -> int:
    path = Path(sys.argv[1])
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logging.getLogger("app.db").addHandler(handler)
    logging.getLogger("app.db").setLevel(logging.INFO)
    print("opening", flush=True)
    Database.open(path).close()
    print(f"opened {stored_schema_version(path)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
