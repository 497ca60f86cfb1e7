"""The Qt face of app's sync engine: its callbacks become signals on the GUI thread; sends go to the outbox.

The engine (app/engine.py) runs in its own worker threads and calls `on_changed(contact_ids)` and
`on_state(ConnectionState)` from there; emitting a signal from that thread queues it to the GUI
thread. With no relay configured the window works the same, read-only towards the relay.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.connection import Connection, ConnectionState
from app.errors import InvalidInput
from app.queries import MessageRow, messages_by_ids
from app.wire import Template
from ui.context import AppContext

if TYPE_CHECKING:
    from app.engine import SyncEngine
    from app.relay_client import RelayClient

log = logging.getLogger(__name__)

# DESIGN.md, "Media": what WhatsApp accepts, checked before anything is queued.
IMAGE_MAX = 5 * 1024 * 1024
VIDEO_MAX = 16 * 1024 * 1024
DOCUMENT_MAX = 100 * 1024 * 1024
TEXT_MAX = 4096
CAPTION_MAX = 1024


class SyncAdapter(QObject):
    """Owns the engine's lifetime; tells the window which conversations changed and how the link stands."""

    conversations_changed = Signal(object)  # set[int] of contact ids
    state_changed = Signal(object)  # ConnectionState

    def __init__(
        self,
        ctx: AppContext,
        relay_url: str = "",
        token: str = "",
        parent: QObject | None = None,
        *,
        poll_wait: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.relay_url = relay_url
        self.token = token
        self.poll_wait = poll_wait
        self.state = ConnectionState(Connection.CONNECTING)
        self.engine: SyncEngine | None = None

    @property
    def running(self) -> bool:
        return self.engine is not None

    def start(self) -> bool:
        """Start the engine when a relay is configured; else say so (the window browses saved chats)."""
        if not self.relay_url:
            self._on_state(ConnectionState(Connection.NOT_CONFIGURED))
            return False
        # httpx and the engine load after the first paint (DESIGN.md, performance budget).
        from app.engine import SyncEngine

        options = {} if self.poll_wait is None else {"poll_wait": self.poll_wait}
        self.engine = SyncEngine(
            self.ctx.db,
            self.relay_url,
            self.token,
            self.ctx.paths.media_dir,
            on_changed=self._on_changed,
            on_state=self._on_state,
            **options,
        )
        self._on_state(ConnectionState(Connection.CONNECTING))
        self.engine.start()
        return True

    def stop(self) -> None:
        if self.engine is not None:
            self.engine.stop()
            self.engine = None

    def retry(self) -> None:
        """Reconnect now (the banner's Retry)."""
        self.stop()
        self.start()

    def reconnect(self, relay_url: str, token: str) -> None:
        """A new relay address or token (Settings): the engine starts again with them."""
        self.stop()
        self.relay_url = relay_url
        self.token = token
        self.start()

    def relay_client(self) -> RelayClient | None:
        """The running engine's relay client (blocking calls: use it off the GUI thread)."""
        return self.engine.client if self.engine is not None else None

    def wake_sender(self) -> None:
        if self.engine is not None:
            self.engine.wake_sender()

    def send_read_receipt(self, wamid: str) -> None:
        if self.engine is not None:
            self.engine.send_read_receipt(wamid)

    def templates(self) -> list[Template] | None:
        """Templates from the relay (blocking), or None when not connected."""
        return self.engine.fetch_templates() if self.engine is not None else None

    def fetch_media(self, media_id: int) -> Path | None:
        """The local file of a Media row, downloaded through the relay the first time (blocking)."""
        return self.engine.fetch_media(media_id) if self.engine is not None else None

    # Called on the engine's threads: only emit, never touch widgets.
    def _on_changed(self, contact_ids: set[int]) -> None:
        self.conversations_changed.emit(set(contact_ids))

    def _on_state(self, state: ConnectionState) -> None:
        self.state = state
        self.state_changed.emit(state)


# --------------------------------------------------------------------------- outgoing messages


@dataclass(frozen=True, slots=True)
class Outgoing:
    """What the composer asks to send."""

    contact_id: int
    text: str = ""
    reply_to_wamid: str | None = None
    attachment: Path | None = None
    template: Template | None = None
    template_params: tuple[str, ...] = ()


def attachment_kind(path: Path) -> tuple[str, str]:
    """(WhatsApp message kind, mime) for a file, after WhatsApp's size and type limits."""
    import mimetypes

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InvalidInput(
            QCoreApplication.translate("sending", "The file {0} cannot be read.").format(path.name)
        ) from exc
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if mime in ("image/jpeg", "image/png") and size <= IMAGE_MAX:
        return "image", mime
    if mime == "video/mp4" and size <= VIDEO_MAX:
        return "video", mime
    if mime.startswith("audio/") and size <= VIDEO_MAX:
        return "audio", mime
    if size > DOCUMENT_MAX:
        raise InvalidInput(
            QCoreApplication.translate(
                "sending", "{0} is larger than 100 MB, the most WhatsApp accepts."
            ).format(path.name)
        )
    return "document", mime


def render_template(template: Template, params: tuple[str, ...]) -> str:
    """The template's body with {{1}}, {{2}}… filled, as the customer will read it."""
    body = ""
    for component in template.components:
        if str(component.get("type", "")).upper() == "BODY":
            body = str(component.get("text", ""))
    for i, value in enumerate(params, start=1):
        body = body.replace("{{" + str(i) + "}}", value)
    return body


def queue_outgoing(ctx: AppContext, out: Outgoing) -> MessageRow:
    """Write the message as pending (one short transaction); the outbox sender does the rest.

    Runs on a worker thread (ui/ops.py); app/outbox.py writes the row.
    """
    text = out.text.strip()
    kind, mime = "text", None
    if out.template is not None:
        kind = "template"
        text = render_template(out.template, out.template_params)
    elif out.attachment is not None:
        kind, mime = attachment_kind(out.attachment)
        if len(text) > CAPTION_MAX:
            raise InvalidInput(
                QCoreApplication.translate("sending", "A caption can have at most 1024 characters.")
            )
    elif not text:
        raise InvalidInput(QCoreApplication.translate("sending", "There is nothing to send."))
    elif len(text) > TEXT_MAX:
        raise InvalidInput(
            QCoreApplication.translate("sending", "A WhatsApp message can have at most 4096 characters.")
        )
    from app import outbox  # imports httpx: not on the start-up path (DESIGN.md, performance)

    with ctx.db.write() as s:
        message = outbox.queue_message(
            s,
            out.contact_id,
            kind=kind,
            body=text,
            reply_to_wamid=out.reply_to_wamid,
            media_path=out.attachment,
            media_mime=mime,
            template=out.template.model_dump() if out.template is not None else None,
            template_params=list(out.template_params),
        )
        message_id = message.id
    with ctx.db.read() as s:
        return messages_by_ids(s, [message_id])[0]


def retry_message(ctx: AppContext, message_id: int) -> None:
    """Put a failed message back in the queue (the outbox sender tries again)."""
    from app import outbox

    with ctx.db.write() as s:
        outbox.retry_message(s, message_id)


def delete_message(ctx: AppContext, message_id: int) -> None:
    """Drop a message that was never sent."""
    from app import outbox

    with ctx.db.write() as s:
        outbox.delete_message(s, message_id)


def load_templates(ctx: AppContext) -> list[Template]:
    """Approved templates: from the relay when connected, else the last copy kept in settings."""
    if ctx.sync is not None:
        try:
            fetched = ctx.sync.templates()
        except Exception as exc:  # offline: fall back to the saved copy, say nothing
            log.info("templates not fetched: %s", exc)
            fetched = None
        if fetched is not None:
            from app.settings import put_setting

            # Kept for offline use: the composer can still show them without the relay.
            with ctx.db.write() as s:
                put_setting(s, "templates", [t.model_dump(mode="json") for t in fetched])
            return [t for t in fetched if t.status.upper() == "APPROVED"]
    from app.settings import get_setting

    with ctx.db.read() as s:
        stored = get_setting(s, "templates", []) or []
    out = []
    for item in stored:
        try:
            out.append(Template.model_validate(item))
        except ValueError as exc:
            log.warning("ignoring a stored template: %s", exc)
    return [t for t in out if t.status.upper() == "APPROVED"]
