"""A desktop sync process for kill -9 tests: applies relay pages in small transactions, prints each commit.

python -m tests.support.sync_child DB_PATH RELAY_URL TOKEN PAGE_SIZE
Full pages are applied by its catch-up process, as in the app; each line "applied N PID" names it.
Exits 0 once it has caught up with the relay.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from app.apply_process import ApplyProcess
from app.db import Database
from app.relay_client import RelayClient
from app.sync import SyncWorker


def main() -> int:
    db_path, url, token, page_size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    db = Database.open(Path(db_path))
    client = RelayClient(url, token)
    worker = SyncWorker(
        db,
        client,
        on_changed=lambda ids: None,
        on_state=lambda s: None,
        stop=threading.Event(),
        wait=0.0,
        page_size=page_size,
        apply_process=ApplyProcess(Path(db_path), url, token, page_size),
    )
    print("ready", flush=True)
    while True:
        result = worker.poll_once()
        if result is None:
            print("done", flush=True)
            worker.close()
            return 0
        print(
            f"applied {result.applied} {worker.apply_process.pid if worker.apply_process else 0}", flush=True
        )


if __name__ == "__main__":
    sys.exit(main())
