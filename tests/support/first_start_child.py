"""Desktop starts (database open and migrate) to kill -9: a fork server, so each start skips the imports.

python -m tests.support.first_start_child
Reads commands on stdin, one per line:
  open DB_PATH  fork a process that opens the database at DB_PATH as the app's start does; it prints
                "opening", app.db's migration log lines as they happen, then "opened VERSION"
  kill          SIGKILL that process (if it has not finished yet) and print "status killed" or
                "status exit CODE"
  wait          wait for that process to end and print "status exit CODE"
The forked process is not reaped before "kill" or "wait", so its pid cannot be reused by anything else.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import traceback
from pathlib import Path

# Imported once here, before any fork: what each start then runs is the start itself.
import alembic.command
import alembic.config  # noqa: F401

from app.db import Database, stored_schema_version


def start(path: Path) -> int:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logging.getLogger("app.db").addHandler(handler)
    logging.getLogger("app.db").setLevel(logging.INFO)
    print("opening", flush=True)
    Database.open(path).close()
    print(f"opened {stored_schema_version(path)}", flush=True)
    return 0


def main() -> int:
    pid = 0
    for command in sys.stdin:
        verb, _, argument = command.strip().partition(" ")
        if verb == "open":
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    code = start(Path(argument))
                except BaseException:
                    traceback.print_exc(file=sys.stdout)
                finally:
                    sys.stdout.flush()
                    os._exit(code)
            print(f"pid {pid}", flush=True)
        elif verb in ("kill", "wait") and pid:
            if verb == "kill":
                os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            pid = 0
            if os.WIFSIGNALED(status):
                print("status killed", flush=True)
            else:
                print(f"status exit {os.WEXITSTATUS(status)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
