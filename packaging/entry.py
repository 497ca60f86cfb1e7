"""Entry point of the frozen desktop app (PyInstaller runs this script)."""

import sys

from ui.main import main

if __name__ == "__main__":
    sys.exit(main())
