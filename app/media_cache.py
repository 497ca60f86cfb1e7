"""Received media kept for offline browsing: fetched lazily from the relay into the media folder."""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import re
import secrets
import unicodedata
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.errors import ErrorCode, InvalidInput, RelayError
from app.models import Media, Message
from app.paths import make_folder_within
from app.text import without_direction_marks

if TYPE_CHECKING:
    from app.db import Database
    from app.relay_client import RelayClient

log = logging.getLogger(__name__)

MAX_NAME = 120
# File systems limit a name to 255 bytes, not characters: 120 Hangul syllables are 360 bytes in UTF-8.
# 200 leaves room for the ".<random>.part" of a download and the chat import's "<hash>-" prefix.
MAX_NAME_BYTES = 200
RECEIVED_DIR = "received"
SENT_DIR = "sent"  # sent/<random>/<name>: the copy an attachment is sent from (ui/attachments.py)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
)


def sanitise_filename(name: str, max_length: int = MAX_NAME) -> str:
    """A file name safe on Windows, macOS and Linux that cannot name a folder or climb out of one.

    No path separators, no `..`, no control characters or direction marks, no reserved Windows
    device names (CON, NUL, COM1… with any extension), no trailing dots or spaces; at most
    `max_length` characters and MAX_NAME_BYTES bytes of UTF-8, keeping the extension. Never empty.
    """
    name = without_direction_marks(unicodedata.normalize("NFC", str(name))).replace("\\", "/")
    name = PurePosixPath(name).name if "/" in name else name
    name = _UNSAFE.sub("_", name).strip().strip(". ").strip()
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    suffix = _UNSAFE.sub("_", suffix)[:10].strip(". ")
    base = stem.split(".")[0].strip().upper()
    if base in _RESERVED:
        stem = "_" + stem
    stem = stem[: max(1, max_length - len(suffix) - 1)].rstrip(". ")
    room = MAX_NAME_BYTES - len(suffix.encode()) - 1
    if len(stem.encode()) > room:
        stem = stem.encode()[: max(1, room)].decode("utf-8", "ignore").rstrip(". ")
    cleaned = f"{stem}.{suffix}" if suffix and stem else (stem or suffix)
    if not cleaned.strip("._ ") or cleaned in (".", ".."):
        return "file"
    return cleaned


def safe_target(media_dir: Path, *parts: str) -> Path:
    """media_dir/parts…, refusing anything that resolves outside media_dir."""
    root = media_dir.resolve()
    target = root.joinpath(*parts).resolve()
    if not target.is_relative_to(root) or target == root:
        log.warning("refused a media path outside the media folder")
        raise InvalidInput(code=ErrorCode.MEDIA_PATH_UNSAFE)
    return target


def partial_file(target: Path) -> Path:
    """A partial file of its own beside `target`, to write whole before it is renamed over `target`.

    Never one shared "<name>.part": two writers of the same file at once (the chat view and the
    contact panel fetching one photo, two stores of one picture) would write it both, and the
    first rename would take it away from under the second.
    """
    return target.with_name(f"{target.name}.{secrets.token_hex(4)}.part")


def _extension(mime: str) -> str:
    return (mimetypes.guess_extension(mime.split(";")[0].strip()) or ".bin") if mime else ".bin"


class MediaCache:
    """Downloads a message's media on first use and remembers where it is (Media.cache_path)."""

    def __init__(self, db: Database, client: RelayClient, media_dir: Path) -> None:
        self.db = db
        self.client = client
        self.media_dir = media_dir

    def path_of(self, media_id: int) -> Path | None:
        """The cached file of a Media row, or None until fetched (no network)."""
        with self.db.read() as s:
            cache_path = s.scalar(select(Media.cache_path).where(Media.id == media_id))
        if not cache_path:
            return None
        path = self.media_dir / cache_path
        return path if path.exists() else None

    def ensure_for_message(self, message_id: int) -> Path | None:
        with self.db.read() as s:
            media_id = s.scalar(select(Media.id).where(Media.message_id == message_id).order_by(Media.id))
        return None if media_id is None else self.ensure(media_id)

    def ensure(self, media_id: int) -> Path | None:
        """The local file of a Media row, fetching it from the relay if needed. Blocking: off the GUI thread.

        The relay offers no thumbnails, so images come whole (small in WhatsApp anyway: ≤ 5 MB).
        """
        cached = self.path_of(media_id)
        if cached is not None:
            return cached
        with self.db.read() as s:
            row = s.get(Media, media_id)
            if row is None or not row.relay_media_id:
                return None
            relay_id, mime, filename = row.relay_media_id, row.mime, row.filename
            kind = s.scalar(select(Message.kind).where(Message.id == row.message_id)) or "file"
        name = sanitise_filename(filename) if filename else f"{kind}{_extension(mime)}"
        folder = sanitise_filename(relay_id)
        target = safe_target(self.media_dir, RECEIVED_DIR, folder, name)
        make_folder_within(target.parent, self.media_dir.parent)
        partial = partial_file(target)
        try:
            got_mime, expected = self.client.download_media(relay_id, partial)
        except (RelayError, OSError):  # a full disk included: no half file is left behind
            partial.unlink(missing_ok=True)
            raise
        try:
            digest = hashlib.sha256()
            size = 0
            with partial.open("rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    digest.update(chunk)
                    size += len(chunk)
            if expected and expected.lower() != digest.hexdigest():
                raise RelayError(code=ErrorCode.MEDIA_DAMAGED)
            cached = self.path_of(media_id)
            if cached is not None:  # the other fetch finished first: its whole file is used (and may be open)
                return cached
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        relative = target.relative_to(self.media_dir.resolve()).as_posix()
        with self.db.write() as s:
            row = s.get(Media, media_id)
            if row is not None:
                row.cache_path = relative
                row.size = size
                if got_mime and row.mime == "application/octet-stream":
                    row.mime = got_mime
                if not row.sha256:
                    row.sha256 = digest.hexdigest()
        log.info("media %d cached (%d bytes)", media_id, size)
        return target


def fetch_media(db: Database, client: RelayClient, media_row_id: int, media_dir: Path) -> Path:
    """The local file of a Media row, downloaded into `media_dir` on first use (blocking).

    Raises InvalidInput when the row is unknown or has nothing to fetch; RelayError from the relay.
    """
    path = MediaCache(db, client, media_dir).ensure(media_row_id)
    if path is None:
        raise InvalidInput(code=ErrorCode.MEDIA_UNAVAILABLE)
    return path
