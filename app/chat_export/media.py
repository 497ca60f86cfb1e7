"""Media files of a zipped export, copied into the media folder under safe names (never outside it)."""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from app.chat_export import markers

log = logging.getLogger(__name__)

# Imported media live here, inside the media folder, named "<sha256 prefix>-<sanitised name>".
IMPORT_FOLDER = "imported"
# WhatsApp documents are at most 2 GB; a zip member claiming more is not a phone's export.
MAX_MEDIA_BYTES = 2 * 1024 * 1024 * 1024
_CHUNK = 1024 * 1024

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
)


def _local_sanitise_filename(name: str, max_length: int = 120) -> str:
    """A file name that is safe on Windows, macOS and Linux and cannot name a folder.

    Private stand-in used only while app/media_cache.py (with the shared sanitise_filename()) is
    not in the tree.
    """
    name = unicodedata.normalize("NFC", name).replace("\\", "/")
    name = PurePosixPath(name).name
    name = _UNSAFE.sub("_", name).strip().strip(".").strip()
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if stem.upper() in _RESERVED:
        stem = "_" + stem
    suffix = suffix[:10]
    stem = stem[: max(1, max_length - len(suffix) - 1)]
    cleaned = f"{stem}.{suffix}" if suffix else stem
    return cleaned if cleaned.strip("._ ") else "file"


def _shared_sanitiser() -> Callable[[str], str]:
    try:
        module = importlib.import_module("app.media_cache")
    except ImportError:
        return _local_sanitise_filename
    shared = getattr(module, "sanitise_filename", None)
    return shared if callable(shared) else _local_sanitise_filename


def sanitise_filename(name: str) -> str:
    return str(_shared_sanitiser()(name))


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
