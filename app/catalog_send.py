"""Queue catalogue items for a chat through the outbox: what the composer calls after the picker.

    row, changes = queue_catalog_message(db, contact_id, item_ids, catalog_dir=…, media_dir=…,
                                         locale=babel_locale_name(), texts=picker_list_texts())

The message is written as pending in the caller's transaction (app/sending.py); the sender uploads the
item's picture to the relay and posts the ready Cloud API body with the message's client_id.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalog_messages import ListTexts, plan_catalog_send
from app.changes import Changes
from app.db import Database
from app.errors import ErrorCode, FileParams, InvalidInput
from app.media_cache import partial_file
from app.models import Contact, Media, Message
from app.queries import MessageRow, messages_by_ids
from app.sending import queue_message

log = logging.getLogger(__name__)

# Pictures sent from the catalogue are copied here (inside the media folder), so that a pending
# message still has its file after the item is edited or deleted and its pictures pruned.
SENT_FOLDER = "catalog"


def _copy_for_sending(source: Path, media_dir: Path) -> tuple[Path, str]:
    """(absolute path for the outbox's upload, path relative to the media folder for the chat view)."""
    relative = f"{SENT_FOLDER}/{source.name}"  # the name is the content hash: one copy per picture
    target = media_dir / SENT_FOLDER / source.name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = partial_file(target)
        try:
            shutil.copyfile(source, partial)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)  # a full disk: no half file left behind
    return target, relative


def queue_catalog_send(
    session: Session,
    contact_id: int,
    item_ids: Sequence[int],
    *,
    catalog_dir: Path,
    media_dir: Path,
    locale: str,
    texts: ListTexts = ListTexts(),
    use_meta_catalog: bool = True,
) -> Message:
    """Plan how to send the items (picture, list, product message) and queue it as one pending message.

    Raises HiddenItem for a hidden item and InvalidInput for an empty or too long selection.
    """
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise InvalidInput(code=ErrorCode.CONVERSATION_GONE)
    to = contact.wa_id or contact.user_id or ""
    send = plan_catalog_send(
        session,
        item_ids,
        to=to,
        catalog_dir=catalog_dir,
        locale=locale,
        texts=texts,
        use_meta_catalog=use_meta_catalog,
    )
    upload: Path | None = None
    shown: str | None = None
    if send.upload is not None:
        try:
            upload, shown = _copy_for_sending(send.upload, media_dir)
        except OSError as exc:
            raise InvalidInput(
                code=ErrorCode.FILE_UNREADABLE, params=FileParams(Path(send.upload).name)
            ) from exc
    message = queue_message(
        session,
        contact_id,
        send.body,
        body=send.preview,
        media_path=upload,
        media_mime=send.upload_mime,
    )
    if shown is not None:
        # The outbox uploads from cache_path (absolute); the chat view shows thumb_path, which is
        # relative to the media folder like every other picture in a chat.
        for media in session.scalars(select(Media).where(Media.message_id == message.id)):
            media.thumb_path = shown
        session.flush()
    log.info("queued catalogue send (%s, %d items) as message %d", send.kind, len(send.item_ids), message.id)
    return message


def queue_catalog_message(
    db: Database,
    contact_id: int,
    item_ids: Sequence[int],
    *,
    catalog_dir: Path,
    media_dir: Path,
    locale: str,
    texts: ListTexts = ListTexts(),
) -> tuple[MessageRow, Changes]:
    """`queue_catalog_send` in its own transaction: the pending message as the chat shows it, and the
    change (that chat's row and messages)."""
    with db.write() as session:
        message = queue_catalog_send(
            session,
            contact_id,
            item_ids,
            catalog_dir=catalog_dir,
            media_dir=media_dir,
            locale=locale,
            texts=texts,
        )
        message_id = int(message.id)
    with db.read() as session:
        row = messages_by_ids(session, [message_id])[0]
    return row, Changes.for_contacts([contact_id])
