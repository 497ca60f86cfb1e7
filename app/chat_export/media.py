"""Media files of a zipped export, copied into the media folder under safe names (never outside it)."""

from __future__ import annotations

import hashlib
import logging
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from app.chat_export import markers
from app.media_cache import sanitise_filename

log = logging.getLogger(__name__)

# Imported media live here, inside the media folder, named "<sha256 prefix>-<sanitised name>".
IMPORT_FOLDER = "imported"
# WhatsApp documents are at most 2 GB; a zip member claiming more is not a phone's export.
MAX_MEDIA_BYTES = 2 * 1024 * 1024 * 1024
_CHUNK = 1024 * 1024


def mime_for(name: str) -> str:
    return markers.MIME_BY_SUFFIX.get(PurePosixPath(name).suffix.lower(), "application/octet-stream")


@dataclass(frozen=True, slots=True)
class StoredMedia:
    filename: str  # sanitised, as shown to the owner
    cache_path: str  # relative to the media folder
    size: int
    sha256: str
    mime: str
    created: bool  # False when an identical file was already there (a re-import)


def store_member(zf: zipfile.ZipFile, member: str, media_dir: Path) -> StoredMedia:
    """Copy one zip member into media_dir/imported/, streamed and hashed; identical files are kept once."""
    info = zf.getinfo(member)
    if info.file_size > MAX_MEDIA_BYTES:
        raise ValueError(f"{member} is larger than WhatsApp allows")
    folder = (media_dir / IMPORT_FOLDER).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    safe = sanitise_filename(PurePosixPath(member).name)
    digest = hashlib.sha256()
    tmp = folder / f".importing-{os.getpid()}-{abs(hash(member)) % 10**9}.part"
    size = 0
    try:
        with zf.open(info) as src, tmp.open("wb") as dst:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > MAX_MEDIA_BYTES:
                    raise ValueError(f"{member} is larger than WhatsApp allows")
                digest.update(chunk)
                dst.write(chunk)
        sha = digest.hexdigest()
        final = (folder / f"{sha[:16]}-{safe}").resolve()
        if not final.is_relative_to(folder):  # defence in depth: the name is already sanitised
            raise ValueError(f"unsafe media name {member!r}")
        created = not final.exists()
        if created:
            os.replace(tmp, final)
        else:
            tmp.unlink()
    finally:
        if tmp.exists():
            tmp.unlink()
    return StoredMedia(
        filename=safe,
        cache_path=final.relative_to(media_dir.resolve()).as_posix(),
        size=size,
        sha256=sha,
        mime=mime_for(safe),
        created=created,
    )
