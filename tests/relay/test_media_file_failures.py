"""The relay's own media folder failing an upload or a download: a full disk, a folder it may not
write in, a folder removed while it wrote, and what nobody can mend, each told to the desktop as
what it is (and said in the log with what to do)."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from app.errors import RefusalParams, RelayBusy
from app.relay_client import RelayClient
from app.wire import RelayErrorCode
from relay.file_failures import file_cause
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay, inbound

PNG = b"\x89PNG\r\n\x1a\n" + bytes(256 * 1024)  # larger than the full disk below takes
UPLOAD = {"Content-Type": "image/png", "X-Filename": "%EC%A3%BC%EB%AC%B8%EC%84%9C.png"}  # 주문서.png
JPEG = b"\xff\xd8\xff\xe0" + bytes(256 * 1024)
MEDIA_ID = "777123"


def _upload(relay: RunningRelay) -> Any:
    return relay.client.post(f"{relay.url}/v1/media", content=PNG, headers={**relay.auth(), **UPLOAD})


def _download(relay: RunningRelay, media_id: str = MEDIA_ID) -> Any:
    return relay.client.get(f"{relay.url}/v1/media/{media_id}", headers=relay.auth())


def _customer_sends_a_photo(relay: RunningRelay, graph: FakeGraph) -> None:
    graph.add_media(MEDIA_ID, JPEG, "image/jpeg")
    assert (
        relay.post_webhook(inbound("image", {"id": MEDIA_ID, "mime_type": "image/jpeg"})).status_code == 200
    )


def _refusal(answer: Any) -> tuple[int, str, bool, dict[str, Any]]:
    error = answer.json()["error"]
    return answer.status_code, error["code"], error["retryable"], error["params"]


@contextmanager
def full_disk(folder: Path) -> Iterator[Path]:
    """`folder` on a disk of 64 KiB (a tmpfs mounted over it): every larger write meets ENOSPC."""
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("no tmpfs to be mounted here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@contextmanager
def not_permitted(folder: Path) -> Iterator[Path]:
    """A folder the relay's user may not create files in: EACCES by its mode for a normal user,
    EPERM for root (whom no mode stops) by the immutable attribute."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("root, and no immutable attribute on this file system")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_an_upload_and_a_download_on_a_full_disk_are_503_disk_full_and_the_desktop_asks_again(
    relay: RunningRelay, graph: FakeGraph, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    media = tmp_path / "relay-media"
    desktop = RelayClient(relay.url, relay.token)
    caplog.set_level(logging.INFO, "relay")
    try:
        with full_disk(media):
            refused = _upload(relay)
            assert _refusal(refused) == (503, RelayErrorCode.STORAGE, True, {"cause": "disk_full"})
            assert graph.upload_names == {}  # never went to Meta
            with pytest.raises(RelayBusy) as busy:
                desktop.upload_media(PNG, "image/png", "주문서.png")
            assert isinstance(busy.value.params, RefusalParams)
            assert (busy.value.relay_code, busy.value.params.param("cause")) == ("storage", "disk_full")

            _customer_sends_a_photo(relay, graph)
            assert _refusal(_download(relay)) == (503, RelayErrorCode.STORAGE, True, {"cause": "disk_full"})
        said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("file not kept")]
        assert (
            f"file not kept: the upload cause=disk_full folder={media}: free some space on the relay's disk"
            in said
        )
        assert (
            f"file not kept: media_id={MEDIA_ID} cause=disk_full folder={media}: free some space on the relay's disk"
            in said
        )

        # Space freed (the tmpfs gone): both go.
        assert desktop.upload_media(PNG, "image/png", "주문서.png").size == len(PNG)
        served = _download(relay)
        assert served.status_code == 200 and served.content == JPEG
    finally:
        desktop.close()


def test_a_media_folder_the_relay_may_not_write_in_is_503_no_permission(
    relay: RunningRelay, graph: FakeGraph, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    media = tmp_path / "relay-media"
    caplog.set_level(logging.INFO, "relay")
    with not_permitted(media):
        assert _refusal(_upload(relay)) == (503, RelayErrorCode.STORAGE, True, {"cause": "no_permission"})
        _customer_sends_a_photo(relay, graph)
        assert _refusal(_download(relay)) == (503, RelayErrorCode.STORAGE, True, {"cause": "no_permission"})
    assert graph.upload_names == {}
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("file not kept: the upload")]
    assert said == [
        f"file not kept: the upload cause=no_permission folder={media}: let the relay's user write in its "
        "media folder (RELAY_MEDIA_DIR)"
    ]
    assert _upload(relay).status_code == 200  # its mode mended


def test_a_media_folder_removed_is_made_again_and_one_removed_mid_upload_is_asked_again_at_once(
    relay: RunningRelay, graph: FakeGraph, tmp_path: Path
) -> None:
    media = tmp_path / "relay-media"
    shutil.rmtree(media)  # an operator's cleanup while the relay runs
    kept = _upload(relay)
    assert kept.status_code == 200, kept.text
    assert os.listdir(media) == [kept.json()["id"]]

    # Removed again while the file went to Meta: the relay cannot keep it, asks Meta to drop its
    # copy, and tells the desktop to ask again in a second; the retry finds the folder made again.
    graph.on_upload = lambda _media_id: shutil.rmtree(media)
    refused = _upload(relay)
    graph.on_upload = None
    assert _refusal(refused) == (
        503,
        RelayErrorCode.STORAGE,
        True,
        {"cause": "file_missing", "retry_after": 1},
    )
    assert refused.headers["Retry-After"] == "1"
    assert len(graph.deleted_media) == 1
    again = _upload(relay)
    assert again.status_code == 200, again.text
    assert os.listdir(media) == [again.json()["id"]]


def test_a_file_failure_nobody_can_mend_is_a_500_with_its_traceback_in_the_log(
    relay: RunningRelay, graph: FakeGraph, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A folder where the photo's file goes (left by hand): the fetched file cannot take its name.
    (tmp_path / "relay-media" / MEDIA_ID).mkdir()
    caplog.set_level(logging.INFO, "relay")
    _customer_sends_a_photo(relay, graph)
    answer = _download(relay)
    assert _refusal(answer) == (500, RelayErrorCode.UNKNOWN, False, {})
    [line] = [r for r in caplog.records if r.getMessage().startswith(f"file not kept: media_id={MEDIA_ID} ")]
    assert line.getMessage().endswith("error=IsADirectoryError errno=21") and line.exc_info is not None
    # The media worker's tries of it count against the photo, as any failure that is not the host's.
    wait_until(lambda: relay.relay.store.media.row(MEDIA_ID).attempts >= 1, 10, "a try to be counted")


@pytest.mark.parametrize(
    ("number", "cause"),
    [
        (errno.ENOSPC, "disk_full"),
        (errno.EDQUOT, "disk_full"),
        (errno.EIO, "disk_error"),
        (errno.EROFS, "read_only"),
        (errno.EACCES, "no_permission"),
        (errno.EPERM, "no_permission"),
        (errno.ENOENT, "file_missing"),
        (errno.ENOTDIR, "not_a_folder"),
        (errno.EISDIR, None),
        (errno.ENAMETOOLONG, None),
    ],
)
def test_each_file_failure_has_the_cause_the_desktop_is_told(number: int, cause: str | None) -> None:
    # A disk that fails to read or write (EIO) cannot be made here: its cause is checked alone.
    assert file_cause(OSError(number, os.strerror(number))) == cause
