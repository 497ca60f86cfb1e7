"""Customer file names become safe local names, nothing is written outside the media folder, and
a photo fetched twice at once arrives whole."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app.db import Database
from app.errors import InvalidInput
from app.media_cache import MediaCache, safe_target, sanitise_filename
from app.models import Media
from app.relay_client import RelayClient
from tests.support.factories import make_contact, make_message
from tests.support.relay_server import RunningRelay

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


@pytest.mark.parametrize(
    "name", ["영수증\u202efdp.exe", "invoice\u2067fdp.scr\u2069", "\u200f견적서.pdf.bat"]
)
def test_a_program_cannot_dress_as_a_pdf_by_turning_its_name_around(name: str) -> None:
    """A customer's "영수증\u202efdp.exe" shows as "영수증exe.pdf" wherever the name is written out;
    without the mark it reads as the program it is."""
    safe = sanitise_filename(name)
    assert not any(
        0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 or c in "\u200e\u200f" for c in safe
    )
    assert safe.endswith((".exe", ".scr", ".bat"))


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


class ChatViewAndPanelClient(RelayClient):
    """A relay client whose first download lets a second fetch of the same media run whole before it
    ends: the chat view and the contact panel asking for one photo at the same moment."""

    def __init__(self, url: str, token: str, second_fetch: Callable[[], None]) -> None:
        super().__init__(url, token)
        self.second_fetch = second_fetch
        self.downloads = 0

    def download_media(self, media_id: str, target: Path) -> tuple[str, str | None]:
        got = super().download_media(media_id, target)
        self.downloads += 1
        if self.downloads == 1:
            self.second_fetch()
        return got


def test_a_photo_fetched_twice_at_once_arrives_whole_for_both(
    db: Database, tmp_path: Path, relay: RunningRelay
) -> None:
    photo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 400
    with db.write() as s:
        contact = make_contact(s, wa_id="821055501234")
        message = make_message(s, contact, "", kind="image")
        row = Media(message_id=message.id, mime="image/png", filename="image.png")
        s.add(row)
        s.flush()
        row_id = row.id
    results: dict[str, Path | None] = {}
    failures: list[BaseException] = []

    def fetch(who: str) -> None:
        try:
            results[who] = cache.ensure(row_id)
        except BaseException as exc:  # the thread hands it to the test
            failures.append(exc)

    def contact_panel_fetches() -> None:
        panel = threading.Thread(target=fetch, args=("panel",))
        panel.start()
        panel.join()

    client = ChatViewAndPanelClient(relay.url, relay.token, contact_panel_fetches)
    try:
        uploaded = client.upload_media(photo, "image/png", "image.png")
        with db.write() as s:
            s.get_one(Media, row_id).relay_media_id = uploaded.id
        cache = MediaCache(db, client, tmp_path / "media")
        chat_view = threading.Thread(target=fetch, args=("chat view",))
        chat_view.start()
        chat_view.join()
    finally:
        client.close()
    assert failures == []
    shown = results["panel"]
    assert shown is not None and results["chat view"] == shown
    assert shown.read_bytes() == photo
    assert cache.path_of(row_id) == shown
    assert [f.name for f in shown.parent.iterdir()] == ["image.png"]  # no partial file left


def test_a_received_file_never_makes_a_data_folder_that_went_away_again(tmp_path: Path) -> None:
    """A customer's photo downloaded just after the USB stick with the data was taken out made the
    whole data folder again, on the computer's own disk: the next connection then made an empty
    inbox in it."""
    from app.paths import make_folder_within

    data = tmp_path / "USB" / "샵 데이터"
    with pytest.raises(FileNotFoundError):
        make_folder_within(data / "media" / "received" / "123", data)
    assert not (tmp_path / "USB").exists()

    data.mkdir(parents=True)
    make_folder_within(data / "media" / "received" / "123", data)
    assert (data / "media" / "received" / "123").is_dir()
