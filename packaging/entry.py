"""Entry point of the frozen desktop app (PyInstaller runs this script)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The catch-up process (app/apply_process.py) is this executable started again: run that, not
    # a second window.
    multiprocessing.freeze_support()
    from ui.main import main

    sys.exit(main())
