"""Print command N of the README's marked command block, exactly as a newcomer would paste it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
MARKER = "<!-- .ci/run runs command 2 of this block as written: keep each command on one line -->"


def readme_command(number: int, text: str) -> str:
    """The line after `# N.` in the fenced sh block that follows MARKER; fails loudly when absent."""
    if text.count(MARKER) != 1:
        raise SystemExit(f"README.md must hold the marker exactly once: {MARKER}")
    block = re.search(r"```sh\n(.*?)```", text[text.index(MARKER) :], re.DOTALL)
    if block is None:
        raise SystemExit("README.md: no ```sh block after the marker")
    lines = block.group(1).splitlines()
    for index, line in enumerate(lines[:-1]):
        if line.startswith(f"# {number}."):
            command = lines[index + 1].strip()
            if command and not command.startswith("#"):
                return command
    raise SystemExit(f"README.md: no command under '# {number}.' in the marked block")


if __name__ == "__main__":
    print(readme_command(int(sys.argv[1]) if len(sys.argv) > 1 else 2, README.read_text(encoding="utf-8")))
