"""The README a newcomer follows: its two commands install from the lock, and everything it shows is here."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_command(number: int) -> str:
    """Command N as .ci/run reads it out of the README."""
    result = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "readme_command.py"), str(number)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_both_readme_commands_install_the_locked_exports_with_hashes() -> None:
    run_app, run_tests = readme_command(1), readme_command(2)
    assert "--require-hashes -r requirements/app.txt" in run_app and run_app.endswith("shop-inbox --demo")
    assert "--require-hashes -r requirements/dev.txt" in run_tests and run_tests.endswith("-m pytest -n 2")
    for command in (run_app, run_tests):
        assert command.startswith("python3 -m venv .venv && ")
        assert "pip install --no-deps -e ." in command
        assert (ROOT / command.split(" -r ")[1].split()[0]).is_file()


def test_the_readme_has_one_screenshots_section_and_links_only_what_the_repository_holds() -> None:
    assert len(re.findall(r"^## Screenshots$", README, re.MULTILINE)) == 1
    targets = re.findall(r"\]\(([^)#]+)\)", README)
    local = [t for t in targets if not re.match(r"[a-z]+://", t)]
    assert local, "the README links nothing of its own"
    for target in local:
        assert not target.startswith(("..", "/")), f"README points outside the repository: {target}"
        assert (ROOT / target).exists(), f"README links {target}, which the repository does not hold"
    assert "../" not in README


def test_the_linux_apt_line_installs_a_colour_emoji_font() -> None:
    apt = next(line for line in README.splitlines() if "apt-get install" in line)
    assert "fonts-noto-color-emoji" in apt and "fonts-nanum" in apt


def test_every_screenshot_kept_is_one_the_readme_shows() -> None:
    shown = set(re.findall(r"docs/screenshots/([\w.-]+\.png)", README))
    kept = {p.name for p in (ROOT / "docs" / "screenshots").glob("*.png")}
    assert kept - shown == set(), "pictures nothing links (remove them, or show them in the README)"
    assert shown - kept == set(), "pictures the README shows that the repository does not hold"
