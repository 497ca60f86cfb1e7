"""Opening an export: a .txt, or a .zip holding the .txt and the media; lines decoded as a stream."""

from __future__ import annotations

import codecs
import io
import logging
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from app.chat_export.errors import NotAChatExport
from app.errors import ErrorCode

log = logging.getLogger(__name__)

# How much of the text is checked up front for binary content and for chat lines.
SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class ExportSource:
    """Where the chat text is, and which media files travel with it."""

    path: Path
    text_member: str | None = None  # the .txt inside the zip; None for a bare .txt
    encoding: str = "utf-8-sig"
    # Media files in the zip by their base name (attachment lines name files without folders).
    media: dict[str, str] = field(default_factory=dict)

    @property
    def is_zip(self) -> bool:
        return self.text_member is not None

    @property
    def chat_title(self) -> str:
        """ "WhatsApp Chat with 김민지.txt" → "김민지" (what the phone named the export)."""
        name = PurePosixPath(self.text_member).stem if self.text_member else self.path.stem
        if name == "_chat":
            name = self.path.stem
        for prefix in EXPORT_NAME_PREFIXES:
            if name.startswith(prefix):
                return name[len(prefix) :]
        return name


# How phones (and Shop Inbox in Korean) name an exported chat, before the chat's name.
EXPORT_NAME_PREFIXES = (
    "WhatsApp Chat with ",
    "WhatsApp Chat - ",
    "WhatsApp 대화 - ",  # how Shop Inbox names a chat it exports in Korean
    "WhatsApp-Chat mit ",
    "Chat de WhatsApp con ",
)


def named_as_chat_export(path: Path) -> bool:
    """True for a file named as WhatsApp names a chat export ("WhatsApp Chat with 김민지.zip", iPhone's
    "_chat.txt"): a file no one means to send to a customer. Nothing is read."""
    if path.suffix.lower() not in (".zip", ".txt"):
        return False
    return path.name == "_chat.txt" or path.stem.startswith(EXPORT_NAME_PREFIXES)


def _pick_text_member(names: list[str]) -> str | None:
    texts = [n for n in names if n.lower().endswith(".txt") and not n.endswith("/")]
    if not texts:
        return None
    # iOS names it _chat.txt; Android "WhatsApp Chat with ….txt"; anything else is a stray text file.
    for preferred in ("_chat.txt",):
        for n in texts:
            if PurePosixPath(n).name == preferred:
                return n
    for n in texts:
        if "whatsapp" in PurePosixPath(n).name.lower():
            return n
    return texts[0]


def _encoding_of(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig"


def _check_text(head: bytes, encoding: str, what: str) -> None:
    """Refuse binary files before anything is parsed (a photo renamed to .txt, a database…)."""
    if not head.strip():
        raise NotAChatExport(ErrorCode.CHAT_EXPORT_EMPTY, what)
    if encoding == "utf-8-sig" and b"\x00" in head:
        raise NotAChatExport(ErrorCode.CHAT_EXPORT_NOT_TEXT, what)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        # final=False: the sniffed block may end inside a multi-byte character.
        decoder.decode(head, final=False)
    except UnicodeDecodeError as exc:
        raise NotAChatExport(ErrorCode.CHAT_EXPORT_NOT_TEXT, what, str(exc)) from exc


def open_source(path: Path) -> ExportSource:
    """Check the file and find the chat text in it; raises NotAChatExport with a plain sentence."""
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise NotAChatExport(ErrorCode.FILE_UNREADABLE, path.name, str(exc)) from exc
    if magic.startswith(b"PK") or path.suffix.lower() == ".zip":
        return _open_zip(path)
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    encoding = _encoding_of(head)
    _check_text(head, encoding, path.name)
    return ExportSource(path=path, encoding=encoding)


def _open_zip(path: Path) -> ExportSource:
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            member = _pick_text_member(names)
            if member is None:
                raise NotAChatExport(ErrorCode.CHAT_EXPORT_NO_TEXT_FILE, path.name)
            with zf.open(member) as raw:
                head = raw.read(SNIFF_BYTES)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise NotAChatExport(ErrorCode.CHAT_EXPORT_DAMAGED, path.name, str(exc)) from exc
    except (OSError, zlib.error) as exc:  # a damaged deflate stream inside a member
        raise NotAChatExport(ErrorCode.CHAT_EXPORT_DAMAGED, path.name, str(exc)) from exc
    encoding = _encoding_of(head)
    _check_text(head, encoding, f"{PurePosixPath(member).name} in {path.name}")
    media = {
        PurePosixPath(n).name: n
        for n in names
        if n != member and not n.endswith("/") and PurePosixPath(n).name
    }
    return ExportSource(path=path, text_member=member, encoding=encoding, media=media)


def text_bytes(source: ExportSource) -> int:
    """The size of the chat text in bytes (inside the zip: uncompressed)."""
    if source.text_member is None:
        return source.path.stat().st_size
    with zipfile.ZipFile(source.path) as zf:
        return zf.getinfo(source.text_member).file_size


# Text handed to the parser at a time: big enough that per-block work vanishes, small enough that
# memory stays flat for any size of export.
BLOCK_CHARS = 64 * 1024


@contextmanager
def open_blocks(source: ExportSource) -> Iterator[Iterator[str]]:
    """The chat text in blocks of whole lines, each ended by "\n" (the file's last may lack it),
    streamed: memory stays flat for any size, and the parser finds a block's headers in one regex pass.

    Bytes that are not valid text become U+FFFD; the parser reports such lines as unreadable.
    """
    with _open_text(source) as text:
        yield _blocks(text)


def _blocks(text: io.TextIOWrapper) -> Iterator[str]:
    while True:
        block = text.read(BLOCK_CHARS)
        if not block:
            return
        if not block.endswith("\n"):
            block += text.readline()  # finish the line cut in two
        yield block


@contextmanager
def _open_text(source: ExportSource) -> Iterator[io.TextIOWrapper]:
    zf: zipfile.ZipFile | None = None
    raw: IO[bytes]
    try:
        if source.text_member is not None:
            zf = zipfile.ZipFile(source.path)
            raw = zf.open(source.text_member)
        else:
            raw = source.path.open("rb")
        # newline=None: \n, \r\n and \r end a line, but U+2028 inside a message does not.
        text = io.TextIOWrapper(raw, encoding=source.encoding, errors="replace", newline=None)  # type: ignore[type-var]
        try:
            yield text
        finally:
            text.close()
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise NotAChatExport(ErrorCode.CHAT_EXPORT_DAMAGED, source.path.name, str(exc)) from exc
    finally:
        if zf is not None:
            zf.close()
