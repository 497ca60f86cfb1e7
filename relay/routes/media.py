"""Media: POST /v1/media (upload for sending), GET /v1/media/{id} (received files)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import re
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError

from app.wire import (
    MEDIA_LIMITS,
    UPLOAD_MIMES,
    MediaUploaded,
    RelayErrorCode,
    filename_from_header,
    media_family,
)
from relay.bodies import chunks_with_deadline
from relay.errors import error, graph_failure
from relay.file_failures import file_not_kept
from relay.file_names import clean_filename
from relay.limits import is_media_id
from relay.routes.deps import authorised, current_relay
from relay.service import Relay
from relay.size_text import BINARY, size_text
from relay.store import storage_cause, storage_retryable
from relay.upstream import GraphError

log = logging.getLogger(__name__)
router = APIRouter(dependencies=[Depends(authorised)])


def upload_filename(header: str | None) -> str | None:
    """The file's own name from `X-Filename` (percent-encoded UTF-8, app/wire.py), as clean_filename
    leaves it."""
    if not header:
        return None
    return clean_filename(filename_from_header(header))


@router.post("/v1/media")
async def upload(request: Request, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    mime = request.headers.get("content-type", "application/octet-stream").split(";")[0].strip()
    filename = upload_filename(request.headers.get("x-filename"))
    if mime.lower() not in UPLOAD_MIMES:
        return not_taken(mime, filename)  # before any byte is read: WhatsApp would refuse it anyway
    family = media_family(mime)
    limit = MEDIA_LIMITS[family]
    too_large = f"WhatsApp accepts {family} files up to {size_text(limit, step=BINARY)}."
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        return error(413, RelayErrorCode.TOO_LARGE, too_large, params={"limit": limit})
    # Streamed to a partial file in chunks: memory stays flat whatever the size up to the cap.
    partial: Path | None = None
    try:
        partial = relay.media.partial_path("upload")
        digest = hashlib.sha256()
        size = 0
        with partial.open("wb") as file:
            settings = relay.settings
            async for chunk in chunks_with_deadline(
                request, settings.body_idle_timeout, settings.upload_deadline
            ):
                size += len(chunk)
                if size > limit:
                    return error(413, RelayErrorCode.TOO_LARGE, too_large, params={"limit": limit})
                digest.update(chunk)
                await run_in_threadpool(file.write, chunk)
        if size == 0:
            return error(400, RelayErrorCode.INVALID, "The upload is empty.")
        # The upload's row is written before the file goes to Meta (and completed under Graph's id
        # after): a database that cannot take a write (read-only, its disk full, away, recreated in
        # SQL_ASCII) fails here, answered 503 as any storage failure, and Meta never holds an upload
        # no row will name. A read alone passed such a database, and each of the desktop's retries
        # uploaded the file again.
        reserved = await run_in_threadpool(relay.store.media.reserve_upload)
        try:
            media_id = await relay.upstream.upload_media(
                relay.settings.phone_number_id, partial, mime, filename
            )
        except GraphError as exc:
            await _drop_reservation(relay, reserved)
            if is_type_refusal(exc):  # a type Meta stopped taking since UPLOAD_MIMES was written
                return not_taken(mime, filename, graph_code=exc.code)
            return graph_failure(exc, "the upload")
        try:
            await run_in_threadpool(_keep, partial, relay.media.path(media_id))
        except OSError:
            await _removed_from_meta(relay, media_id, "its file not kept")
            raise
    except OSError as exc:
        # Files only: the database's errors go to the relay's handlers of storage failures.
        return file_not_kept("the upload", exc, relay.media.media_dir)
    finally:
        with contextlib.suppress(OSError):  # its folder unwritable too; the next start sweeps it
            if partial is not None:
                partial.unlink(missing_ok=True)
    sha256 = digest.hexdigest()
    kept = relay.media.path(media_id)
    try:
        await run_in_threadpool(
            relay.store.media.complete_upload, reserved, media_id, mime, size, sha256, filename
        )
    except Exception:
        # Failed since the row was reserved: no row will name the file, and the desktop's retry
        # uploads it again under a new id. (The reserved row is pruned with the old files.) Should
        # the COMMIT have gone through all the same (a connection lost at its answer), the row names
        # an id the desktop never learnt.
        with contextlib.suppress(OSError):
            kept.unlink(missing_ok=True)
        await _removed_from_meta(relay, media_id, "its row not written")
        raise
    except BaseException:
        # Cancelled (the client went away, the relay stops): the row's write goes on in its thread
        # and may be committed, so Meta's copy is left as the row may name it.
        with contextlib.suppress(OSError):
            kept.unlink(missing_ok=True)
        raise
    return JSONResponse(MediaUploaded(id=media_id, mime_type=mime, size=size, sha256=sha256).model_dump())


async def _removed_from_meta(relay: Relay, media_id: str, why: str) -> None:
    """Graph took the file, and the relay could not keep it (`why`): Graph is asked to delete its
    copy, which no row will name (each of the desktop's retries uploaded another, left at Meta).

    Deleted at once rather than recorded for a later sweep: what failed is the relay's own storage,
    so a record of the orphan would need the very database (or disk) that just failed, while Graph
    answered a moment ago. Shielded from the request's cancellation (a desktop that gives up on
    the answer), and the answer (503 as before) waits for it, so the desktop's retry never meets
    the delete half done. A delete that fails too is one WARNING line with Meta's id: Meta removes
    an upload after 30 days, so the copy is not kept for good."""
    await asyncio.shield(relay.spawn(_delete_at_meta(relay, media_id, why)))


async def _delete_at_meta(relay: Relay, media_id: str, why: str) -> None:
    try:
        await relay.upstream.delete_media(relay.settings.phone_number_id, media_id)
    except GraphError as exc:
        log.warning(
            "upload left at Meta: media_id=%s %s; its delete failed: status=%d graph_code=%s "
            "(Meta removes it within 30 days)",
            media_id,
            why,
            exc.http_status,
            exc.code,
        )
    else:
        log.info("upload removed from Meta: media_id=%s %s", media_id, why)


async def _drop_reservation(relay: Relay, reserved: str) -> None:
    """The row of an upload Graph refused goes; a database failing now leaves it to the pruning of
    old rows, and the answer stays Graph's."""
    try:
        await run_in_threadpool(relay.store.media.drop_reservation, reserved)
    except SQLAlchemyError as exc:
        # Never a conflict: a DELETE of the upload's own row, which no other table refers to.
        if not storage_retryable(exc):
            raise
        log.warning("upload's row not removed: cause=%s", storage_cause(exc))


def is_type_refusal(exc: GraphError) -> bool:
    """Graph's refusal of an upload's type: HTTP 400, its generic code 100, and a message that lists
    the types it takes ("Param file must be a file with one of the following types: …")."""
    return exc.http_status == 400 and exc.code == 100 and "one of the following types" in exc.message


def not_taken(mime: str, filename: str | None, *, graph_code: int | None = None) -> Response:
    """The refusal of a file WhatsApp takes as nothing, under one code whether we or Graph saw it."""
    return error(
        422,
        RelayErrorCode.UNSUPPORTED_FILE_TYPE,
        f"WhatsApp does not take files of type {mime}: documents go only as PDF, Word, Excel, "
        "PowerPoint or text files. Save the file as PDF and send that.",
        graph_code=graph_code,
        params={"mime": mime, "filename": filename},
    )


def _keep(partial: Path, path: Path) -> None:
    partial.replace(path)


@router.get("/v1/media/{media_id}")
async def download(media_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    if not is_media_id(media_id):
        return error(404, RelayErrorCode.NOT_FOUND, "No such media.")
    row = await run_in_threadpool(relay.store.media.row, media_id)
    if row is None:
        return error(404, RelayErrorCode.NOT_FOUND, "No such media.")
    if row.state == "pruned":
        # Kept RELAY_MEDIA_RETENTION_DAYS, then removed (Graph's own copy is gone long before): final.
        days = relay.settings.media_retention_days
        return error(
            410,
            RelayErrorCode.MEDIA_UNAVAILABLE,
            f"The relay kept this file for {days} days and then removed it.",
            retryable=False,
            params={"kept_days": days},
        )
    try:
        failure = await relay.media.fetch_now(media_id)
    except OSError as exc:
        # Files only: the fetch's rows fail to the relay's handlers of storage failures.
        return file_not_kept(f"media_id={media_id}", exc, relay.media.media_dir)
    if failure is not None and failure.unreachable:
        # Graph (or its media host) out of the relay's reach: the file is not lost, ask again later.
        return graph_failure(failure, "the file's download")
    if failure is not None:
        # Graph's own answer: a link that expired (a fresh one may work) or a media id it no longer
        # has (gone for good: not retryable).
        return error(
            502,
            RelayErrorCode.MEDIA_UNAVAILABLE,
            "WhatsApp did not hand over this file (yet).",
            retryable=failure.transient,
        )
    row = await run_in_threadpool(relay.store.media.row, media_id)
    # A customer's name comes as their phone sent it (Meta's `filename`): cleaned as an upload's is,
    # so "영수증\u202efdp.exe" is not offered to a browser as "영수증exe.pdf".
    filename = clean_filename(row.filename)
    response = FileResponse(
        relay.media.path(media_id),
        media_type=served_mime(row.mime),
        headers={"X-SHA256": row.sha256 or "", **CUSTOMER_FILE_HEADERS},
        filename=filename,  # Content-Disposition, with filename*=utf-8'' for a Korean name
    )
    if filename is None:
        response.headers["Content-Disposition"] = "attachment"
    return response


# A received file is the customer's, not the relay's: whatever its type (an HTML page, an SVG with a
# script), a browser that opens the relay's address saves it and never runs it on the relay's origin.
# (Nor guesses a type of its own from the bytes: `nosniff` is on every answer, SERVER_OPTIONS.)
CUSTOMER_FILE_HEADERS = {"Content-Security-Policy": "default-src 'none'; sandbox"}
# type/subtype with optional parameters ("audio/ogg; codecs=opus"), in the characters RFC 9110 allows.
_MIME = re.compile(
    r"[\w!#$&^.+-]+/[\w!#$&^.+-]+(?:\s*;\s*[\w!#$&^.+-]+=(?:[\w!#$&^.+-]+|\"[^\"\\\x00-\x1f\x7f]*\"))*",
    re.ASCII,
)


def served_mime(mime: str | None) -> str:
    """The stored type (Graph's, or a webhook's `mime_type`) when it is one; else octet-stream."""
    return mime.strip() if mime and _MIME.fullmatch(mime.strip()) else "application/octet-stream"
