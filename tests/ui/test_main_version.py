"""`shop-inbox --version` answers, and a normal start never pays for looking the version up."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_version_prints_the_installed_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ui.main", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    assert done.stdout == f"shop-inbox {version('shop-inbox')}\n"


def test_parsing_a_normal_start_does_not_import_package_metadata() -> None:
    check = (
        "import sys; from ui.main import parse_args; args = parse_args(['--data-dir', 'shop']);"
        "print(args.data_dir, 'importlib.metadata' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["shop", "False"]


def test_two_numbers_is_a_demo_option_and_says_so_without_demo(capsys: pytest.CaptureFixture[str]) -> None:
    from ui.main import parse_args

    assert parse_args(["--demo", "--two-numbers"]).two_numbers
    with pytest.raises(SystemExit):
        parse_args(["--two-numbers"])  # an owner's inbox: its numbers are the relay's
    assert "use it with --demo" in capsys.readouterr().err
