"""A file's own name and type as the relay stores and serves them: the same on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import unicodedata

# An upload's name goes to Graph and into the media table (String(300)): room for a long Korean name.
FILENAME_MAX = 200
MIME_MAX = 128  # the media table's column
# Control characters (NUL among them, which PostgreSQL's text refuses and SQLite keeps), and the marks
# that turn text around ("영수증\u202efdp.exe" reads "영수증exe.pdf").
_NOT_IN_NAMES = re.compile("[\x00-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_filename(name: str | None) -> str | None:
    """A file's own name: no folder part, no control or direction marks, at most FILENAME_MAX
    characters with its extension kept; None when nothing is left."""
    if not name:
        return None
    name = unicodedata.normalize("NFC", name)
    name = _NOT_IN_NAMES.sub("", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    if name.strip(".") == "":
        return None
    if len(name) > FILENAME_MAX:
        stem, dot, suffix = name.rpartition(".")
        if not dot or not stem or len(suffix) > 10:
            stem, suffix = name, ""
        ending = f".{suffix}" if suffix else ""
        name = stem[: FILENAME_MAX - len(ending)].rstrip() + ending
    return name


def clean_mime(mime: str | None) -> str | None:
    """A type as a webhook named it, without control characters and bounded to its column; whether
    it is a type at all is asked when the file is served (routes/media.py served_mime)."""
    if not mime:
        return None
    return _NOT_IN_NAMES.sub("", mime)[:MIME_MAX].strip() or None
