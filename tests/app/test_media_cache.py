"""Customer file names become safe local names; nothing is ever written outside the media folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import InvalidInput
from app.media_cache import safe_target, sanitise_filename

HOSTILE = [
    "../../../etc/passwd",
    "..\\..\\Windows\\System32\\drivers\\etc\\hosts",
    "/absolute/path.pdf",
    "C:\\Users\\owner\\evil.exe",
    "..",
    ".",
    "",
    "   ",
    "CON",
    "con.txt",
    "NUL.tar.gz",
    "COM1.pdf",
    "LPT9",
    "a\x00b.pdf",
    "line\nbreak.pdf",
    "tab\there.pdf",
    'quo"te<>|?*.pdf',
    "trailing dots...",
    "x" * 1000 + ".pdf",
    "견적서.pdf",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_become_one_safe_file_name(name: str, tmp_path: Path) -> None:
    safe = sanitise_filename(name)
    assert safe and safe not in (".", "..")
    assert "/" not in safe and "\\" not in safe and ".." not in safe
    assert not any(ord(c) < 32 for c in safe)
    assert not any(c in safe for c in '<>:"|?*')
    assert safe.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT9"}
    assert len(safe) <= 120 and not safe.endswith((".", " "))
    target = safe_target(tmp_path, "received", "123", safe)
    assert target.is_relative_to(tmp_path.resolve())


def test_ordinary_names_are_kept() -> None:
    assert sanitise_filename("견적서.pdf") == "견적서.pdf"
    assert sanitise_filename("photo 2026-11-25.jpeg") == "photo 2026-11-25.jpeg"
    long = sanitise_filename("가" * 300 + ".pdf")
    assert long.endswith(".pdf") and long.startswith("가" * 60)


@pytest.mark.parametrize("name", ["가" * 300 + ".pdf", "😀" * 200 + ".jpeg", "é" * 119 + ".txt"])
def test_long_names_in_any_script_can_be_written(name: str, tmp_path: Path) -> None:
    safe = sanitise_filename(name)
    assert len(safe) <= 120 and len(safe.encode()) <= 200 and safe.endswith(name.rsplit(".", 1)[1])
    target = safe_target(tmp_path, "received", "123", safe)
    target.parent.mkdir(parents=True)
    target.with_name(target.name + ".part").write_bytes(b"x")  # the download's partial file, too
    target.write_bytes(b"x")
    assert target.read_bytes() == b"x"


def test_a_path_that_climbs_out_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        safe_target(tmp_path / "media", "..", "outside.txt")
    with pytest.raises(InvalidInput):
        safe_target(tmp_path / "media", "/etc/passwd")
