"""Catalogue images on disk: originals copied into the catalogue folder under their content hash.

Decision (issue 6): app/ has no Qt and no image library, so it stores originals only, named by the
SHA-256 of their bytes (`images/<hash>.jpg`). Identical files are stored once, duplicated items share
them, and a path never needs to change. Thumbnails are made once by ui/ (QImage, off the GUI thread) at
`thumbnail_path()`; because the original's name is its hash, a thumbnail never goes stale.

An `images` entry of an item is either such a relative path, or an http(s) URL that came from a
Commerce Manager feed (kept so that a feed round-trips and so that it can be sent by link).
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path, PurePosixPath

from app.errors import ErrorCode, FileParams, InvalidInput, LimitParams
from app.media_cache import partial_file
from app.wire import IMAGE_MIMES, MEDIA_LIMITS

log = logging.getLogger(__name__)

MAX_IMAGES_PER_ITEM = 10
MAX_IMAGE_MB = 20
MAX_IMAGE_BYTES = MAX_IMAGE_MB * 1024 * 1024
IMAGES_FOLDER = "images"
THUMBS_FOLDER = "thumbs"

MIME_BY_SUFFIX = {
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}


def is_remote(entry: str) -> bool:
    return entry.startswith(("http://", "https://"))


def sniff_suffix(data: bytes) -> str | None:
    """The file type from its first bytes (never trust a name): '.jpg', '.png', '.webp', '.gif'."""
    if data.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return ".gif"
    return None


def mime_of(entry: str) -> str:
    return MIME_BY_SUFFIX.get(PurePosixPath(entry).suffix.lower(), "application/octet-stream")


def store_image_bytes(catalog_dir: Path, data: bytes) -> str:
    """Write `data` into the catalogue folder (once per content); returns the relative path."""
    suffix = sniff_suffix(data)
    if suffix is None:
        raise InvalidInput(code=ErrorCode.IMAGE_NOT_SUPPORTED)
    if len(data) > MAX_IMAGE_BYTES:
        raise InvalidInput(code=ErrorCode.IMAGE_TOO_LARGE, params=LimitParams(MAX_IMAGE_MB))
    digest = hashlib.sha256(data).hexdigest()
    relative = f"{IMAGES_FOLDER}/{digest}{suffix}"
    target = catalog_dir / IMAGES_FOLDER / f"{digest}{suffix}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = partial_file(target)
        try:
            partial.write_bytes(data)
            # Atomic on every platform we ship: a crash never leaves half an image under the final name.
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)  # a full disk: no half file left behind
        log.debug("stored catalogue image %s (%d bytes)", relative, len(data))
    return relative


def import_image(catalog_dir: Path, source: Path) -> str:
    """Copy an image file chosen or dropped by the owner into the catalogue folder."""
    try:
        size = source.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise InvalidInput(code=ErrorCode.IMAGE_TOO_LARGE, params=LimitParams(MAX_IMAGE_MB))
        data = source.read_bytes()
    except OSError as exc:
        # The OS's reason is for the log; the owner reads which file could not be read.
        raise InvalidInput(
            f"cannot read {source}: {exc}", code=ErrorCode.FILE_UNREADABLE, params=FileParams(source.name)
        ) from exc
    return store_image_bytes(catalog_dir, data)


def image_file(catalog_dir: Path, entry: str) -> Path | None:
    """The local file of an images entry, or None for a URL or a path that leaves the folder."""
    if is_remote(entry):
        return None
    relative = PurePosixPath(entry)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        log.warning("ignoring catalogue image path outside the catalogue folder: %r", entry)
        return None
    return catalog_dir.joinpath(*relative.parts)


def thumbnail_path(catalog_dir: Path, entry: str, size: int) -> Path | None:
    """Where ui/ keeps the thumbnail of a local image at `size` pixels (made once, then reused)."""
    if image_file(catalog_dir, entry) is None:
        return None
    stem = PurePosixPath(entry).stem
    return catalog_dir / THUMBS_FOLDER / f"{stem}-{size}.png"


def is_sendable(catalog_dir: Path, entry: str) -> bool:
    """True when WhatsApp takes this local image as it is (JPEG/PNG, ≤ 5 MB)."""
    path = image_file(catalog_dir, entry)
    if path is None or mime_of(entry) not in IMAGE_MIMES:
        return False
    try:
        return path.stat().st_size <= MEDIA_LIMITS["image"]
    except OSError:
        return False


def unused_image_files(catalog_dir: Path, used: set[str]) -> list[Path]:
    """Originals in the catalogue folder that no item names any more (kept until pruned, for undo)."""
    folder = catalog_dir / IMAGES_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and f"{IMAGES_FOLDER}/{p.name}" not in used)
