"""Outgoing messages: what may be sent, the Cloud API body built once, queueing, retry, delete, templates."""

from __future__ import annotations

import logging
import mimetypes
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import relay_clock
from app.chat_export.groups import is_group_archive
from app.chat_export.markers import MIME_BY_SUFFIX
from app.errors import (
    ArchiveIsReadOnly,
    ChatParams,
    ErrorCode,
    FileKindLimitParams,
    FileKindParams,
    FileLimitParams,
    FileParams,
    InvalidInput,
    LimitParams,
    ShopInboxError,
)
from app.models import Contact, Media, Message, MessageStatus
from app.outbox import can_cancel
from app.template_buttons import TEMPLATES_SETTING as TEMPLATES_SETTING
from app.text import nfc
from app.wire import (
    AUDIO_MIMES,
    CAPTION_MAX,
    CAPTIONED_KINDS,
    DOCUMENT_MIMES,
    IMAGE_MIMES,
    MB,
    MEDIA_KINDS,
    MEDIA_LIMITS,
    STICKER_MIMES,
    TEXT_MAX,
    VIDEO_MIMES,
    RelayErrorCode,
    Template,
    fill_template_slots,
    media_family,
)

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outgoing:
    """What the composer asks to send."""

    contact_id: int
    text: str = ""
    reply_to_wamid: str | None = None
    attachment: Path | None = None
    template: Template | None = None
    template_params: tuple[str, ...] = ()
    # The business number (a phone_number_id) to send from, when the owner chose one other than the
    # chat's: the customer's 24-hour window is open on it only (app/service_window.py). None: the chat's.
    from_number: str | None = None


# --------------------------------------------------------------------------- what may be sent


def mime_by_name(name: str) -> str:
    """A file's type by its name alone (no disk read)."""
    # WhatsApp's own types by their suffix first: the system's list differs from one computer to the
    # next (Windows' registry may say audio/x-m4a, a Linux mime.types audio/3gpp for a .3gp video).
    mime = MIME_BY_SUFFIX.get(Path(name).suffix.lower()) or mimetypes.guess_type(name)[0] or ""
    return mime.lower() or "application/octet-stream"


def attachment_kind(path: Path) -> tuple[str, str]:
    """(WhatsApp message kind, mime) for a file, after WhatsApp's size and type limits: a document
    goes only as PDF, Word, Excel, PowerPoint or text (DOCUMENT_MIMES); a type WhatsApp takes as
    nothing (a .hwp, .zip, .wav, .heic, an OGG without Opus) is refused (FILE_TYPE_NOT_TAKEN), as is
    a video, sound or photo too big for its kind (FILE_TOO_LARGE_FOR_KIND)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InvalidInput(code=ErrorCode.FILE_UNREADABLE, params=FileParams(path.name)) from exc
    mime = mime_by_name(path.name)
    if mime in IMAGE_MIMES and size <= MEDIA_LIMITS["image"]:
        return "image", mime
    if mime in STICKER_MIMES and size <= MEDIA_LIMITS["sticker"]:
        return "sticker", mime
    if mime in VIDEO_MIMES and size <= MEDIA_LIMITS["video"]:
        return "video", mime
    if mime in AUDIO_MIMES and size <= MEDIA_LIMITS["audio"] and (mime != "audio/ogg" or _is_opus(path)):
        return "audio", mime
    family = mime.split("/")[0]
    if family in ("video", "audio"):
        # A video or sound never goes as a document (WhatsApp takes none as one), so its own kind's
        # limit is the one to meet, whatever its size: a 101 MB MP4 is told 16 MB at once, not
        # "over 100 MB" and then, once trimmed, "over 16 MB".
        limit = MEDIA_LIMITS[family]
        if size > limit:
            raise InvalidInput(
                code=ErrorCode.FILE_TOO_LARGE_FOR_KIND,
                params=FileKindLimitParams(path.name, family, limit // MB),
            )
        # Small enough, but not a type WhatsApp plays: a WAV, a QuickTime video, an OGG with Vorbis.
        raise InvalidInput(code=ErrorCode.FILE_TYPE_NOT_TAKEN, params=FileKindParams(path.name, family))
    if size > MEDIA_LIMITS["document"]:
        raise InvalidInput(
            code=ErrorCode.FILE_TOO_LARGE,
            params=FileLimitParams(path.name, MEDIA_LIMITS["document"] // MB),
        )
    own_kind = media_family(mime)
    if own_kind == "sticker" and size > MEDIA_LIMITS["sticker"]:
        # WhatsApp takes a WebP only as a sticker: a bigger one is a picture to save as JPEG.
        raise InvalidInput(code=ErrorCode.FILE_TYPE_NOT_TAKEN, params=FileKindParams(path.name, "image"))
    if own_kind != "document" and size > MEDIA_LIMITS[own_kind]:
        raise InvalidInput(
            code=ErrorCode.FILE_TOO_LARGE_FOR_KIND,
            params=FileKindLimitParams(path.name, own_kind, MEDIA_LIMITS[own_kind] // MB),
        )
    if mime not in DOCUMENT_MIMES:
        kind = "image" if family == "image" else "document"
        raise InvalidInput(code=ErrorCode.FILE_TYPE_NOT_TAKEN, params=FileKindParams(path.name, kind))
    return "document", mime


def _is_opus(path: Path) -> bool:
    """An OGG file with Opus inside (WhatsApp's voice notes), not Vorbis, which WhatsApp refuses as
    audio: Opus names itself in the first page's first packet, within the first 64 bytes."""
    try:
        with path.open("rb") as file:
            return b"OpusHead" in file.read(64)
    except OSError:
        return False


# A received file's type → the extension it is saved with (a voice note as .ogg, as players know it).
_SAVED_SUFFIX = {"audio/ogg": ".ogg"} | {
    mime: suffix for suffix, mime in reversed(MIME_BY_SUFFIX.items()) if mime != "audio/ogg"
}


def saved_media_name(kind_word: str, sent_at: datetime, mime: str) -> str:
    """A name for a received photo or file that came without one (WhatsApp names only documents):
    WhatsApp, its kind in the owner's words and when it was sent, with the extension of its type."""
    plain = mime.split(";")[0].strip().lower()
    # WhatsApp's own types by our table first: the system's list names a voice note ".oga" (which
    # few players know) and has no name at all for a 3GP video or an AMR recording, so the saved
    # file opened with nothing when double-clicked.
    extension = _SAVED_SUFFIX.get(plain) or mimetypes.guess_extension(plain) or ""
    if extension in (".jpe", ".jpeg"):
        extension = ".jpg"
    return f"WhatsApp {kind_word} {sent_at.astimezone():%Y-%m-%d %H-%M-%S}{extension}"


def render_template(template: Template, params: tuple[str, ...]) -> str:
    """The template's body with {{1}}, {{2}}… filled, as the customer will read it."""
    body = ""
    for component in template.components:
        if str(component.get("type", "")).upper() == "BODY":
            body = str(component.get("text", ""))
    return fill_template_slots(body, params)


def check_text(kind: str, text: str) -> None:
    """Raise the code WhatsApp's limits call for: empty text, too long a text or caption."""
    if kind == "text":
        if not text:
            raise InvalidInput(code=ErrorCode.NOTHING_TO_SEND)
        if len(text) > TEXT_MAX:
            raise InvalidInput(code=ErrorCode.TEXT_TOO_LONG, params=LimitParams(TEXT_MAX))
    elif kind in CAPTIONED_KINDS and len(text) > CAPTION_MAX:
        raise InvalidInput(code=ErrorCode.CAPTION_TOO_LONG, params=LimitParams(CAPTION_MAX))


# --------------------------------------------------------------------------- the Cloud API body


def send_body(
    kind: str,
    text: str,
    *,
    reply_to_wamid: str | None = None,
    filename: str | None = None,
    template: Template | None = None,
    template_params: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The Cloud API body of a message, without `to` and the uploaded media id.

    The sender adds those two at send time: the media id exists only after the upload, and the
    customer's number can change (a change-of-number notice) while the message waits offline.
    """
    payload: dict[str, Any]
    if template is not None:
        components = []
        if template_params:
            parameters = [{"type": "text", "text": nfc(p)} for p in template_params]
            components.append({"type": "body", "parameters": parameters})
        payload = {
            "type": "template",
            "template": {
                "name": template.name,
                "language": {"code": template.language},
                "components": components,
            },
        }
    elif kind in MEDIA_KINDS:
        part: dict[str, Any] = {}
        if text and kind in CAPTIONED_KINDS:
            part["caption"] = text
        if kind == "document" and filename:
            part["filename"] = filename
        payload = {"type": kind, kind: part}
    else:
        payload = {"type": "text", "text": {"body": text, "preview_url": "http" in text}}
    if reply_to_wamid:
        payload["context"] = {"message_id": reply_to_wamid}
    return payload


# --------------------------------------------------------------------------- queueing


def queue_message(
    session: Session,
    contact_id: int,
    payload: dict[str, Any],
    *,
    body: str = "",
    media_path: Path | None = None,
    media_mime: str | None = None,
    sent_by: str = "owner",
    media_dir: Path | None = None,
    phone_number_id: str | None = None,
) -> Message:
    """Write a pending outbound message in the caller's transaction; the outbox sender does the rest.

    `payload` is the Cloud API body (`send_body()`, or a catalogue plan's); `body` is the text the
    bubble shows and search finds. A local file in `media_path` is uploaded before sending. It goes
    from `phone_number_id` (a business number) when given, else from the chat's number.
    """
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise InvalidInput(code=ErrorCode.CONVERSATION_GONE)
    if is_group_archive(session, contact_id):
        raise ArchiveIsReadOnly(contact.display_name)
    if not contact.wa_id:  # WhatsApp sends to phone numbers only: this could never leave the outbox
        raise InvalidInput(code=ErrorCode.NO_PHONE_NUMBER, params=ChatParams(contact.display_name))
    payload = {k: v for k, v in payload.items() if k not in ("to", "messaging_product")}
    kind = str(payload.get("type") or "text")
    context = payload.get("context")
    # This computer's clock set by the relay's; never before a reply still waiting in this chat, which
    # went out first (the outbox sends by this time): the clock's correction may come between them.
    sent_at = relay_clock.now()
    waiting = session.execute(
        select(func.max(Message.sent_at)).where(
            Message.contact_id == contact.id,
            Message.direction == "out",
            Message.status == MessageStatus.PENDING,
        )
    ).scalar_one_or_none()
    if waiting is not None and waiting.replace(tzinfo=UTC) > sent_at:
        sent_at = waiting.replace(tzinfo=UTC)
    message = Message(
        contact_id=contact.id,
        direction="out",
        kind=kind,
        body=nfc(body),
        payload=payload,
        reply_to_wamid=context.get("message_id") if isinstance(context, dict) else None,
        status=MessageStatus.PENDING,
        sent_by=sent_by,
        sent_at=sent_at,
        client_id=str(uuid.uuid4()),
        phone_number_id=phone_number_id or contact.phone_number_id,
        unread=False,
    )
    session.add(message)
    session.flush()
    if media_path is not None:
        path = Path(media_path)
        mime = media_mime or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        session.add(
            Media(
                message_id=message.id,
                mime=mime,
                filename=path.name,
                size=path.stat().st_size if path.exists() else None,
                # Inside the media folder: relative, as received files are (the folder may move).
                cache_path=(
                    path.relative_to(media_dir).as_posix()
                    if media_dir is not None and path.is_relative_to(media_dir)
                    else str(path)
                ),
            )
        )
        session.flush()
    return message


def queue_text(session: Session, contact_id: int, text: str, **kwargs: Any) -> Message:
    """A plain text message (checked against WhatsApp's limits), queued in the caller's transaction."""
    text = nfc(text).strip()
    check_text("text", text)
    return queue_message(session, contact_id, send_body("text", text), body=text, **kwargs)


def queue_outgoing(db: Database, out: Outgoing, media_dir: Path | None = None) -> int:
    """Check what the composer asks, write it as pending (one short transaction); the new message id.
    An attachment inside `media_dir` (the copy it is sent from) is stored relative to it."""
    with db.write() as s:
        return int(stage_outgoing(s, out, media_dir).id)


def stage_outgoing(session: Session, out: Outgoing, media_dir: Path | None = None) -> Message:
    """`queue_outgoing` in the caller's transaction: several messages queued together, or none
    (a batch of order messages, with the history of the orders that could not be told)."""
    text = nfc(out.text).strip()
    kind, mime = "text", None
    if out.template is not None:
        kind = "template"
        text = render_template(out.template, out.template_params)
    elif out.attachment is not None:
        kind, mime = attachment_kind(out.attachment)
        if text and kind not in CAPTIONED_KINDS:
            # WhatsApp takes no caption on a voice recording or a sticker: the words would show in the
            # owner's bubble and never reach the customer. They go first, as a message of their own.
            words = Outgoing(out.contact_id, text, out.reply_to_wamid, from_number=out.from_number)
            stage_outgoing(session, words, media_dir)
            out = Outgoing(out.contact_id, attachment=out.attachment, from_number=out.from_number)
            text = ""
    check_text(kind, text)
    payload = send_body(
        kind,
        text,
        reply_to_wamid=out.reply_to_wamid,
        filename=out.attachment.name if out.attachment is not None else None,
        template=out.template,
        template_params=out.template_params,
    )
    return queue_message(
        session,
        out.contact_id,
        payload,
        body=text,
        media_path=out.attachment,
        media_mime=mime,
        media_dir=media_dir,
        phone_number_id=out.from_number,
    )


def retry_message(session: Session, message_id: int, from_number: str | None = None) -> bool:
    """Put a failed message back in the queue with a new client_id (the relay keeps the old refusal);
    from the business number `from_number` (a phone_number_id) when given: a reply refused for her
    closed window on one of the shop's numbers, retried from the one she wrote to within 24 hours."""
    message = session.get(Message, message_id)
    if message is None or message.direction != "out" or message.status != MessageStatus.FAILED:
        return False
    # The relay refused the number it was to go from (not one it has): never that number again.
    refused = message.phone_number_id if message.error_code == RelayErrorCode.UNKNOWN_NUMBER else None
    message.status = MessageStatus.PENDING
    message.error_code = message.error_text = None
    message.client_id = str(uuid.uuid4())
    contact = session.get(Contact, message.contact_id)
    if contact is not None and contact.phone_number_id:
        # From the number a reply goes from now, as the reply box says: the customer may have written
        # to the shop's other number since, and the old number's closed window may be why it failed.
        message.phone_number_id = contact.phone_number_id
    if from_number:
        message.phone_number_id = from_number
    if refused is not None and message.phone_number_id == refused:
        message.phone_number_id = None  # the relay's choice: the number she last wrote to there, or its own
    return True


def delete_message(session: Session, message_id: int) -> bool:
    """Drop an outbound message that was never sent (pending or failed)."""
    message = session.get(Message, message_id)
    if message is None or message.direction != "out":
        return False
    if message.status == MessageStatus.PENDING and not can_cancel(message.status, message.error_code):
        return False  # the relay may hold it already: it stays, and its answer tells what happened
    if message.status not in (MessageStatus.PENDING, MessageStatus.FAILED):
        return False
    session.delete(message)
    return True


# --------------------------------------------------------------------------- templates


@dataclass(frozen=True, slots=True)
class TemplatesFound:
    """Approved templates and, when the relay was not asked or did not answer, why (`not_fetched`):
    an empty list is then "could not fetch", not "the shop has none"."""

    templates: list[Template]
    not_fetched: ErrorCode | None = None


def approved_templates(db: Database, fetch: Callable[[], list[Template]] | None) -> list[Template]:
    """Approved templates: from the relay through `fetch` when connected, else the last copy kept.

    Blocking (network): call it off the GUI thread.
    """
    return find_approved_templates(db, fetch).templates


def keep_templates(db: Database, fetched: list[Template]) -> None:
    """The relay's list, kept for offline use: the composer still shows them without the relay, and
    an order's message outside the 24 hours is prepared with them (replacing the copy kept before)."""
    from app.settings import put_setting

    with db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [t.model_dump(mode="json") for t in fetched])


def find_approved_templates(db: Database, fetch: Callable[[], list[Template]] | None) -> TemplatesFound:
    """`approved_templates`, telling also why the relay's list was not had (`not_fetched`: its
    error code, or RELAY_UNREACHABLE when there is no relay to ask; None: fetched now)."""
    from app.settings import get_setting

    not_fetched: ErrorCode | None = ErrorCode.RELAY_UNREACHABLE
    if fetch is not None:
        try:
            fetched = fetch()
        except ShopInboxError as exc:  # offline: fall back to the saved copy
            log.info("templates not fetched: %s", exc.code)
            not_fetched = exc.code
        else:
            keep_templates(db, fetched)
            return TemplatesFound([t for t in fetched if t.status.upper() == "APPROVED"])
    with db.read() as s:
        stored = get_setting(s, TEMPLATES_SETTING, []) or []
    out = []
    for item in stored:
        try:
            out.append(Template.model_validate(item))
        except ValueError as exc:
            log.warning("ignoring a stored template: %s", exc)
    return TemplatesFound([t for t in out if t.status.upper() == "APPROVED"], not_fetched)
