"""A demo kept in a folder whose language is changed, then left running to be killed (kill -9).

python -m tests.support.demo_language_child FOLDER LANGUAGE
Starts the demo kept in FOLDER (in English) as `--demo --data-dir FOLDER` does, saves LANGUAGE as
its Settings' language, as the Settings dialog's OK does, prints "changed" and waits for its end.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.settings import update_preferences
from ui.demo import start_demo


def main() -> None:
    folder, language = Path(sys.argv[1]), sys.argv[2]
    ctx = start_demo("en", folder=folder, speed=20)
    update_preferences(ctx.db, language=language)
    print("changed", flush=True)
    sys.stdin.read()  # until killed


if __name__ == "__main__":
    main()
