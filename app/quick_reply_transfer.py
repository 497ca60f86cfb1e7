"""Quick replies carried to another computer: one zip file out, its replies added in.

The owner's shop assistant answers on a second computer, or a new laptop starts fresh: the replies
go over in a file the owner saves and opens there, not retyped. The file (format version 1) is a
zip holding

- `manifest.json`: `{"format": "shop-inbox-quick-replies", "version": 1, "exported_at": "<UTC
  ISO-8601>", "replies": [...]}`, each reply `{"shortcut", "text", "text_other_language",
  "keywords": [...], "position", "file", "file_missing"}`, in the owner's order (`position` 0, 1,
  2…); `file` is null or `{"name", "size", "sha256", "path"}`; `file_missing` is null, or for a
  reply whose file was gone from the exporting computer (`file` null; the app showed "file
  missing" for it) `{"name", "sha256"}`, `sha256` null when not known. `file_missing` was added
  later without a new version (a reader that does not know it reads such a reply as one without a
  file, as files made before it carried one): a reply without the key comes from such a file, and
  whether it had a file that went missing cannot be told;
- each attached file itself at its `path`, `files/<sha256>/<name>` (one copy per content).

An import adds the file's replies after the ones here, in the file's order. A reply already here
(same words, other-language words and keywords under its shortcut or one this import made,
"/배송-2", and the same file) is skipped, so importing a file twice adds nothing. As to the file:
a reply whose file went missing on the exporting computer is already here whatever file the one
here has (its words are here; its file cannot come), and so is a reply of an older file without
one; a reply without a file (on purpose) is the one here without a file, or whose file is missing
here. A reply bringing the very file the one here lost gives it back (`files_back`). A reply whose
shortcut another reply here has (other words, another file, a file where the one here has none or
none where it has one) keeps both, the imported one as "/배송-2" (never overwriting what the owner
has here). A reply added whose file went missing keeps the file's place, so it shows "file missing"
here too and a later import bringing the file gives it back. A
reply that cannot be used (too long, its file too big or of a kind WhatsApp refuses, its file
damaged) is reported by shortcut and the rest go on; the replies are added in one transaction and
files are copied in only for replies added. The zip's own names are never paths written to: a file
is read from its member into the quick replies' folder (app/quick_reply_files.py) under its
sanitised name, at most as many bytes as WhatsApp's largest file, so "../../x" or a zip bomb writes
nothing outside it.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import select

from app.changes import Changes
from app.errors import (
    ErrorCode,
    FileLimitParams,
    FileParams,
    InvalidInput,
    LimitParams,
    NoParams,
    Params,
    VersionParams,
)
from app.media_cache import partial_file, sanitise_filename
from app.models import QuickReply
from app.paths import QUICK_REPLY_FOLDER
from app.quick_replies import (
    QUICK_REPLIES_CHANGED,
    SHORTCUT_LIMIT,
    QuickReplyRow,
    add_quick_reply,
    clean_keywords,
    clean_other_language,
    clean_shortcut,
    clean_text,
    list_quick_replies,
)
from app.quick_reply_files import FileCheck, reply_file, store_file
from app.sending import attachment_kind
from app.wire import MB, MEDIA_LIMITS

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

FORMAT = "shop-inbox-quick-replies"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# A manifest of a few hundred replies is well under a megabyte; a bigger one is not ours.
MANIFEST_LIMIT = 16 * 1024 * 1024
# No file WhatsApp takes is bigger than its largest document: a member that unpacks to more is a bomb.
FILE_LIMIT = max(MEDIA_LIMITS.values())
# All of a file's attachments together: far more than a shop's replies carry (a few dozen photos and
# PDFs), far less than a disk.
FILES_TOTAL_LIMIT = 2048 * MB
_CHUNK = 1024 * 1024
_NUMBERED = re.compile(r"(.+)-(\d+)")
_HEX64 = re.compile(r"[0-9a-f]{64}")


class TransferFileInvalid(InvalidInput):
    """A file that is not a quick replies export this version can read; nothing was imported."""

    def __init__(self, code: ErrorCode, params: Params | None = None, detail: str = "") -> None:
        super().__init__(detail, code=code, params=params if params is not None else NoParams())


@dataclass(frozen=True, slots=True)
class ExportReport:
    path: Path
    exported: int
    # Replies whose file is gone from this computer: exported without it ("choose it again" here).
    without_file: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReplyProblem:
    """A reply of the file that was not imported: its shortcut as the file has it, and why."""

    shortcut: str
    code: ErrorCode
    params: Params
    number: int = 0  # its place in the file's list, 1 for the first: problems are said in that order


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: tuple[str, ...] = ()  # the shortcuts added under their own name
    already_here: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()  # (the file's shortcut, the one it was added under)
    problems: tuple[ReplyProblem, ...] = ()
    # Replies here whose missing file the import brought back (their shortcuts here).
    files_back: tuple[str, ...] = ()
    # Replies added (as named here) whose file was missing where they were exported: "choose it again".
    added_without_file: tuple[str, ...] = ()

    @property
    def total_added(self) -> int:
        return len(self.added) + len(self.renamed)


# --------------------------------------------------------------------------- export


def default_file_name(stem: str, today: datetime | None = None) -> str:
    """The name an export is offered under: the owner's words ("빠른-답장", "quick-replies") and the
    date on this computer's clock (`today` is local time): "빠른-답장-2026-12-06.zip"."""
    day = (today or datetime.now()).date().isoformat()
    return f"{stem}-{day}.zip"


def export_quick_replies(db: Database, data_dir: Path, target: Path) -> ExportReport:
    """Write every quick reply and its file into `target` (written whole, then renamed over it).
    Blocking (database and disk): off the GUI thread."""
    with db.read() as s:
        rows = list_quick_replies(s)
    replies: list[dict[str, Any]] = []
    files: dict[str, Path] = {}  # member path → file here
    without: list[str] = []
    for position, row in enumerate(rows):
        entry: dict[str, Any] = {
            "shortcut": row.shortcut,
            "text": row.text,
            "text_other_language": row.text_other_language,
            "keywords": list(row.keywords),
            "position": position,
            "file": None,
            "file_missing": None,
        }
        if row.media_path:
            found = reply_file(data_dir, row.media_path)
            if found.missing:
                without.append(row.shortcut)
                entry["file_missing"] = {
                    "name": sanitise_filename(found.name),
                    "sha256": _stored_sha(row.media_path) or None,
                }
            else:
                digest, size = _digest(found.path)
                name = sanitise_filename(found.name)
                member = f"files/{digest}/{name}"
                files[member] = found.path
                entry["file"] = {"name": name, "size": size, "sha256": digest, "path": member}
        replies.append(entry)
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "replies": replies,
    }
    partial = partial_file(target)
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            for member, path in files.items():
                # Photos and PDFs are compressed already: stored as they are, quicker both ways.
                zf.write(path, member, compress_type=zipfile.ZIP_STORED)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    log.info("exported %d quick replies (%d files)", len(replies), len(files))
    return ExportReport(target, len(replies), tuple(without))


def _digest(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


# --------------------------------------------------------------------------- import


@dataclass(slots=True)
class _Incoming:
    """One reply of the file, cleaned, on its way in."""

    shortcut: str
    text: str
    other: str
    keywords: list[str]
    file: dict[str, Any] | None
    sha256: str = ""
    number: int = 0  # its place in the file's list
    entry: str | None = None  # its file, once stored here
    added_as: str = ""
    # Its file went missing where it was exported; where that file is kept here, empty, so the
    # reply added says "file missing" (None when its content was not known there); and whether the
    # export says at all (one made before `file_missing` cannot).
    file_missing: bool = False
    missing_entry: str | None = None
    says_missing: bool = False
    restores: int | None = None  # the id of the reply here whose missing file this one brings back


@dataclass(slots=True)
class _Plan:
    incoming: list[_Incoming] = field(default_factory=list)
    problems: list[ReplyProblem] = field(default_factory=list)


def read_manifest(zf: zipfile.ZipFile) -> list[Any]:
    """The replies of an export's manifest (raw); TransferFileInvalid when it is not one we read."""
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError:
        raise TransferFileInvalid(ErrorCode.QUICK_REPLIES_NOT_AN_EXPORT, detail="no manifest") from None
    if info.file_size > MANIFEST_LIMIT:
        raise TransferFileInvalid(ErrorCode.QUICK_REPLIES_DAMAGED, detail="manifest too big")
    try:
        with zf.open(info) as member:
            raw = member.read(MANIFEST_LIMIT + 1)
        if len(raw) > MANIFEST_LIMIT:
            raise TransferFileInvalid(ErrorCode.QUICK_REPLIES_DAMAGED, detail="manifest too big")
        manifest = json.loads(raw.decode("utf-8"))
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise TransferFileInvalid(ErrorCode.QUICK_REPLIES_DAMAGED, detail=f"manifest: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise TransferFileInvalid(ErrorCode.QUICK_REPLIES_NOT_AN_EXPORT, detail="another format")
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise TransferFileInvalid(ErrorCode.QUICK_REPLIES_DAMAGED, detail=f"version {version!r}")
    if version > FORMAT_VERSION:
        raise TransferFileInvalid(
            ErrorCode.QUICK_REPLIES_TOO_NEW, VersionParams(version, FORMAT_VERSION), detail="newer format"
        )
    replies = manifest.get("replies")
    if not isinstance(replies, list):
        raise TransferFileInvalid(ErrorCode.QUICK_REPLIES_DAMAGED, detail="no replies")
    return replies


def _position(numbered: tuple[int, Any]) -> tuple[int, int]:
    """Where a manifest's reply goes in the owner's order: its `position`, else where it is in the list."""
    number, raw = numbered
    position = raw.get("position") if isinstance(raw, dict) else None
    if isinstance(position, int) and not isinstance(position, bool):
        return position, number
    return number - 1, number


def _cleaned(raw: Any, number: int) -> _Incoming:
    """One manifest entry (the `number`th) as a reply to add; _EntryInvalid when it cannot be one."""
    if not isinstance(raw, dict):
        raise _EntryInvalid(f"#{number}", ErrorCode.QUICK_REPLY_ENTRY_DAMAGED, NoParams(), number)
    shortcut = raw.get("shortcut")
    label = shortcut if isinstance(shortcut, str) and shortcut.strip() else f"#{number}"
    text, other, keywords, file, missing = (
        raw.get("text"),
        raw.get("text_other_language", ""),
        raw.get("keywords", []),
        raw.get("file"),
        raw.get("file_missing"),
    )
    well_formed = (
        isinstance(shortcut, str)
        and isinstance(text, str)
        and isinstance(other, str)
        and isinstance(keywords, list)
        and all(isinstance(k, str) for k in keywords)
        and (file is None or _file_well_formed(file))
        and (missing is None or (file is None and _missing_well_formed(missing)))
    )
    if not well_formed:
        raise _EntryInvalid(
            label[: SHORTCUT_LIMIT * 2], ErrorCode.QUICK_REPLY_ENTRY_DAMAGED, NoParams(), number
        )
    assert isinstance(shortcut, str) and isinstance(text, str) and isinstance(other, str)
    try:
        return _Incoming(
            shortcut=clean_shortcut(shortcut),
            text=clean_text(text),
            other=clean_other_language(other),
            keywords=clean_keywords(keywords),
            file=file,
            sha256=file["sha256"].lower() if file else "",
            number=number,
            file_missing=missing is not None,
            missing_entry=_missing_entry(missing),
            says_missing="file_missing" in raw,
        )
    except InvalidInput as exc:
        raise _EntryInvalid(label[: SHORTCUT_LIMIT * 2], exc.code, exc.params, number) from exc


def _file_well_formed(file: Any) -> bool:
    return (
        isinstance(file, dict)
        and isinstance(file.get("name"), str)
        and isinstance(file.get("path"), str)
        and isinstance(file.get("sha256"), str)
        and len(file["sha256"]) == 64
    )


def _missing_well_formed(missing: Any) -> bool:
    sha = missing.get("sha256") if isinstance(missing, dict) else None
    return (
        isinstance(missing, dict)
        and isinstance(missing.get("name"), str)
        and (sha is None or (isinstance(sha, str) and len(sha) == 64))
    )


def _missing_entry(missing: dict[str, Any] | None) -> str | None:
    """Where a reply's missing file is kept here, "quick_reply_media/<sha256>/<name>", as it was
    there: nothing is at it, so the reply says "file missing"; None when the content is unknown."""
    if missing is None or not isinstance(missing.get("sha256"), str):
        return None
    sha = missing["sha256"].lower()
    if not _HEX64.fullmatch(sha):
        return None
    return f"{QUICK_REPLY_FOLDER}/{sha}/{sanitise_filename(missing['name'])}"


class _EntryInvalid(Exception):
    def __init__(self, shortcut: str, code: ErrorCode, params: Params, number: int) -> None:
        super().__init__(f"{shortcut}: {code}")
        self.problem = ReplyProblem(shortcut, code, params, number)


@dataclass(frozen=True, slots=True)
class _Here:
    """A reply on this computer, as an import compares it."""

    id: int
    shortcut: str
    text: str
    other: str
    keywords: tuple[str, ...]
    sha256: str  # its file's content ("" for none, or one that is missing)
    media_path: str | None
    missing_sha256: str = ""  # the content of its missing file, when known


def _brings_nothing(reply: _Incoming, here: _Here) -> bool:
    """The file's reply is one here: the same words under its shortcut (or one an import numbered),
    and as to the file (see the module's docstring):

    - the same file, or the very file the one here lost (it comes back: `files_back`);
    - none, because it went missing where it was exported, whatever the one here has: a "/가격표-2"
      with no photo beside the one with it would be a copy to delete (so a file too old to say);
    - none on purpose, where the one here has none either, or lost its own.

    A different file, a file where this one has none, or none where this one has one is something
    new: it is added beside hers, numbered."""
    if (here.text, here.other, here.keywords) != (reply.text, reply.other, tuple(reply.keywords)):
        return False
    if not _same_name(here.shortcut, reply.shortcut):
        return False
    if reply.sha256:
        return reply.sha256 in (here.sha256, here.missing_sha256)
    if reply.file_missing or not reply.says_missing:
        return True
    return not here.sha256


def _same_name(shortcut: str, base: str) -> bool:
    """`shortcut` is `base` or what an import names a second `base` ("/배송-2", cut to fit)."""
    shortcut, base = shortcut.casefold(), base.casefold()
    if shortcut == base:
        return True
    numbered = _NUMBERED.fullmatch(shortcut)
    if numbered is None:
        return False
    stem = numbered.group(1)
    return stem == base or (len(shortcut) == SHORTCUT_LIMIT and base.startswith(stem))


def _free_shortcut(base: str, taken: set[str]) -> str:
    """ "/배송-2", "/배송-3"… the first no reply has (the name cut to make room within the limit)."""
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: SHORTCUT_LIMIT - len(suffix)] + suffix
        if candidate.casefold() not in taken:
            return candidate
        n += 1


@contextmanager
def _opened(source: Path) -> Iterator[zipfile.ZipFile]:
    try:
        zf = zipfile.ZipFile(source)
    except FileNotFoundError as exc:
        raise InvalidInput(str(exc), code=ErrorCode.FILE_GONE, params=FileParams(source.name)) from exc
    except zipfile.BadZipFile as exc:
        raise TransferFileInvalid(ErrorCode.QUICK_REPLIES_NOT_AN_EXPORT, detail=str(exc)) from exc
    except OSError as exc:
        raise InvalidInput(str(exc), code=ErrorCode.FILE_UNREADABLE, params=FileParams(source.name)) from exc
    with zf:
        yield zf


def import_quick_replies(
    db: Database, data_dir: Path, source: Path, check: FileCheck = attachment_kind
) -> tuple[ImportReport, Changes | None]:
    """Add the replies of an export file (see the module's docstring); `check` is what a file must
    pass to be kept for a reply (ui's `attachable`, as the manager's own save). Raises
    TransferFileInvalid (or InvalidInput for a file that cannot be read) with nothing imported.
    Blocking (database and disk): off the GUI thread."""
    with _opened(source) as zf:
        raws = read_manifest(zf)
        plan = _Plan()
        for number, raw in sorted(enumerate(raws, start=1), key=_position):
            try:
                plan.incoming.append(_cleaned(raw, number))
            except _EntryInvalid as exc:
                plan.problems.append(exc.problem)
        with db.read() as s:
            here = [_here(data_dir, row) for row in list_quick_replies(s)]
        already, to_add, to_restore = [], [], []
        restoring: set[int] = set()
        seen: set[tuple[str, str, str, tuple[str, ...], str]] = set()
        for reply in plan.incoming:
            key = (reply.text, reply.other, tuple(reply.keywords), reply.sha256)
            matches = [h for h in here if _brings_nothing(reply, h)]
            if matches or (reply.shortcut.casefold(), *key) in seen:
                lost = [h for h in matches if reply.sha256 and h.sha256 != reply.sha256]
                if lost and len(lost) == len(matches) and lost[0].id not in restoring:
                    reply.restores = lost[0].id  # hers lost this very file: it comes back
                    restoring.add(lost[0].id)
                    to_restore.append(reply)
                else:
                    already.append(reply.shortcut)
                continue
            seen.add((reply.shortcut.casefold(), *key))
            if reply.file_missing:
                reply.entry = reply.missing_entry
            to_add.append(reply)
        _check_total_size(zf, to_add + to_restore)
        created: list[Path] = []
        try:
            # Beside the quick replies' folder, not in it: its prune removes an empty folder there,
            # which this one is for a moment.
            with tempfile.TemporaryDirectory(dir=data_dir, prefix=".quick-reply-import-") as unpacked:
                ready = []
                # (member, sha256) → entry: one copy for the replies sharing a file
                stored: dict[tuple[str, str], str] = {}
                for reply in to_add + to_restore:
                    try:
                        if reply.file is not None:
                            member = (reply.file["path"], reply.sha256)
                            if member not in stored:
                                stored[member] = _store_member(
                                    zf, reply, Path(unpacked), data_dir, check, created
                                )
                            reply.entry = stored[member]
                    except _EntryInvalid as exc:
                        plan.problems.append(exc.problem)
                        continue
                    ready.append(reply)
            added, back = _add_all(db, ready, here)
            # A reply here whose file she changed meanwhile keeps hers: this one was already here.
            already.extend(r.shortcut for r in ready if r.restores is not None and not r.added_as)
        except BaseException:
            for path in created:  # nothing half-imported: the files of replies not added go again
                path.unlink(missing_ok=True)
                _remove_if_empty(path.parent)
            raise
    report = ImportReport(
        added=tuple(r.added_as for r in added if r.added_as == r.shortcut),
        already_here=tuple(already),
        renamed=tuple((r.shortcut, r.added_as) for r in added if r.added_as != r.shortcut),
        problems=tuple(sorted(plan.problems, key=lambda p: p.number)),
        files_back=tuple(r.added_as for r in back),
        added_without_file=tuple(r.added_as for r in added if r.file_missing),
    )
    log.info(
        "imported quick replies: %d added, %d already here, %d renamed, %d files back, %d refused",
        len(report.added),
        len(report.already_here),
        len(report.renamed),
        len(report.files_back),
        len(report.problems),
    )
    return report, (QUICK_REPLIES_CHANGED if added or back else None)


def _check_total_size(zf: zipfile.ZipFile, replies: list[_Incoming]) -> None:
    """Refuse a file whose replies' files unpack to more than FILES_TOTAL_LIMIT together: each is
    kept to FILE_LIMIT, but a zip of a thousand small bombs would fill the disk one by one. A member's
    stated size bounds what is read from it (zipfile stops there and checks its CRC)."""
    members = {r.file["path"] for r in replies if r.file is not None}
    total = 0
    for member in members:
        try:
            total += zf.getinfo(member).file_size
        except KeyError:
            continue  # said for its reply (QUICK_REPLY_FILE_DAMAGED)
    if total > FILES_TOTAL_LIMIT:
        raise TransferFileInvalid(
            ErrorCode.QUICK_REPLIES_TOO_LARGE, LimitParams(FILES_TOTAL_LIMIT // MB), detail=f"{total} bytes"
        )


def _here(data_dir: Path, row: QuickReplyRow) -> _Here:
    """A reply here as an import compares it, its file looked at (blocking: a stat, or a read of
    an older reply's own file)."""
    sha, missing_sha = "", ""
    if row.media_path:
        found = reply_file(data_dir, row.media_path)
        if found.missing:
            missing_sha = _stored_sha(row.media_path)
        else:
            sha = _stored_sha(row.media_path)  # stored files are kept under their hash already
            if not sha:
                try:
                    sha = _digest(found.path)[0]
                except OSError:
                    sha = ""
    return _Here(
        row.id,
        row.shortcut,
        row.text,
        row.text_other_language,
        row.keywords,
        sha,
        row.media_path,
        missing_sha,
    )


def _stored_sha(entry: str) -> str:
    """The content hash a stored entry is kept under ("quick_reply_media/<sha256>/<name>"); "" for
    an older reply's own path."""
    parts = entry.split("/")
    if len(parts) == 3 and parts[0] == QUICK_REPLY_FOLDER and _HEX64.fullmatch(parts[1]):
        return parts[1]
    return ""


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # another reply's file is in it


def _store_member(
    zf: zipfile.ZipFile,
    reply: _Incoming,
    unpacked: Path,
    data_dir: Path,
    check: FileCheck,
    created: list[Path],
) -> str:
    """Read one reply's file out of the zip (at most FILE_LIMIT bytes, its hash checked) under its
    sanitised name in `unpacked`, then keep it as a chosen file is kept (`store_file`, after
    `check`); the entry it is kept under. `created` gets the stored file when it is new here."""
    assert reply.file is not None
    name = sanitise_filename(reply.file["name"])
    damaged = _EntryInvalid(
        reply.shortcut, ErrorCode.QUICK_REPLY_FILE_DAMAGED, FileParams(name), reply.number
    )
    try:
        info = zf.getinfo(reply.file["path"])
    except KeyError:
        raise damaged from None
    if info.file_size > FILE_LIMIT:
        raise _EntryInvalid(reply.shortcut, ErrorCode.FILE_TOO_LARGE, _limit_params(name), reply.number)
    folder = unpacked / reply.sha256[:16]
    folder.mkdir(exist_ok=True)
    copy = folder / name
    digest = hashlib.sha256()
    try:
        with zf.open(info) as member, copy.open("wb") as out:
            written = _copy_capped(member, out, digest)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile) and _is_disk(exc):
            raise
        log.info("quick reply file %s of %s unreadable in the export: %s", name, reply.shortcut, exc)
        raise damaged from exc
    if written > FILE_LIMIT:
        raise _EntryInvalid(reply.shortcut, ErrorCode.FILE_TOO_LARGE, _limit_params(name), reply.number)
    if digest.hexdigest() != reply.sha256:
        raise damaged
    target = data_dir / QUICK_REPLY_FOLDER / reply.sha256 / name
    existed = target.exists()
    try:
        entry = store_file(data_dir, copy, check)
    except InvalidInput as exc:
        raise _EntryInvalid(reply.shortcut, exc.code, exc.params, reply.number) from exc
    if not existed:
        created.append(target)
    return entry


def _limit_params(name: str) -> Params:
    return FileLimitParams(name, FILE_LIMIT // MB)


def _is_disk(exc: OSError) -> bool:
    """A write to this computer's disk failed (full, read-only): the import stops, it is not the file."""
    return exc.errno in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT)


def _copy_capped(member: IO[bytes], out: IO[bytes], digest: Any) -> int:
    """Copy at most FILE_LIMIT + 1 bytes (a member lying about its size stops there)."""
    written = 0
    while chunk := member.read(_CHUNK):
        written += len(chunk)
        if written > FILE_LIMIT:
            return written
        digest.update(chunk)
        out.write(chunk)
    return written


def _add_all(
    db: Database, replies: list[_Incoming], here: list[_Here]
) -> tuple[list[_Incoming], list[_Incoming]]:
    """In one transaction: add the replies after the ones here (a shortcut taken, by a reply here
    or one added a moment ago, gets "-2", "-3"…), and point each reply here that lost its file at
    the copy just stored (the same place, unless the file came under another name), unless she
    changed its file meanwhile. The replies added, and those that gave a reply here its file back
    (`added_as` is the shortcut of each, here)."""
    adds = [r for r in replies if r.restores is None]
    restores = [r for r in replies if r.restores is not None]
    if not replies:
        return [], []
    by_id = {h.id: h for h in here}
    back = []
    with db.write() as s:
        for reply in restores:
            assert reply.restores is not None
            mine = by_id[reply.restores]
            row = s.get(QuickReply, mine.id)
            if row is not None and row.media_path == mine.media_path:
                row.media_path = reply.entry
                reply.added_as = row.shortcut
                back.append(reply)
        taken = {shortcut.casefold() for shortcut in s.scalars(select(QuickReply.shortcut))}
        for reply in adds:
            shortcut = reply.shortcut
            if shortcut.casefold() in taken:
                shortcut = _free_shortcut(shortcut, taken)
            add_quick_reply(
                s,
                shortcut,
                reply.text,
                media_path=reply.entry,
                keywords=reply.keywords,
                text_other_language=reply.other,
            )
            taken.add(shortcut.casefold())
            reply.added_as = shortcut
    return adds, back
