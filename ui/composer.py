"""The composer: text, attachment with caption, reply-to, draft per chat, and templates after 24 hours."""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import relay_clock
from app.drafts import missing_files
from app.errors import InvalidInput
from app.queries import ConversationRow, MessageRow
from app.sending import Outgoing
from app.service_window import NumberWindow, open_elsewhere
from app.service_window import window_left as number_window_left
from app.wire import Template
from ui import icons, message_box
from ui.announce import show_news
from ui.attachments import attachable, pasted_folder
from ui.bubble_layout import quote_preview
from ui.emoji_menu import EmojiMenu
from ui.enter_key import click_on_enter
from ui.formatting import duration_short
from ui.icon_buttons import name_icon_button
from ui.korean_particles import with_particles
from ui.message_edit import MessageEdit, local_files
from ui.plain_tooltip import plain_tooltip
from ui.save_paths import Picked, open_file_names
from ui.screen_fit import screen_of
from ui.shortened_label import ShortenedLabel
from ui.size_text import human_size

log = logging.getLogger(__name__)

ATTACH_THUMB = 40  # px, the attached picture's preview beside its name

COMMON_EMOJI = tuple(
    e
    for e in (
        "😊",
        "🙏",
        "👍",
        "❤️",
        "😍",
        "😂",
        "🥰",
        "😅",
        "🎉",
        "✨",
        "🙌",
        "👏",
        "🤗",
        "😢",
        "😮",
        "🔥",
        "✅",
        "📦",
        "🚚",
        "💳",
        "🎁",
        "🛍️",
        "⏰",
        "📷",
    )
)
COUNTDOWN_FROM = timedelta(hours=2)


def window_left(last_inbound_at: datetime | None, now: datetime | None = None) -> timedelta:
    """Time left in WhatsApp's 24-hour customer service window (zero when closed)."""
    return number_window_left(last_inbound_at, now or relay_clock.now())


DRAFT_PAUSE_MS = 1500  # a draft is kept this long after the typing stops
LONE_TRIGGER = re.compile(r"/\S*")  # "/" or "/배송" alone: the quick replies being looked up


class Composer(QFrame):
    """Emits `send_requested(Outgoing)`; `template_requested()` when the window is closed."""

    send_requested = Signal(object)
    template_requested = Signal()
    send_from_changed = Signal()  # the owner chose to reply from the shop's other number, or it lapsed
    drafts_changed = Signal()  # `drafts` changed: a moment after the typing stops, for the inbox to keep
    drafts_shown = Signal()  # the drafts the chat list shows changed (loaded, another chat opened)

    def __init__(
        self, parent: QWidget | None = None, *, enter_sends: bool = True, data_dir: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.setAcceptDrops(True)
        self.contact_id: int | None = None
        self.read_only = False  # a group archive is open
        # A shop with two numbers: the one a reply goes from (the chat's, as the header writes it).
        self.reply_number = ""
        self.last_inbound_at: datetime | None = None
        # WhatsApp's window is per business number: when the customer last wrote to each of the shop's
        # (read off the GUI thread for the open chat; () until then, and in a one-number shop, where
        # her last message at all opens it), the chat's number (a phone_number_id: replies go from
        # it), and the other number the owner chose to reply from because only its window is open.
        self.number_windows: tuple[NumberWindow, ...] = ()
        self.chat_number_id: str | None = None
        self.send_from: NumberWindow | None = None
        self.reply_to: MessageRow | None = None
        # The message each other chat's draft answers (a quote chosen, then another chat opened).
        self._replies: dict[int, MessageRow] = {}
        # The files each other chat had attached (photos picked, then another chat opened to look up
        # something): they wait with that chat's draft instead of being dropped.
        self._attached: dict[int, list[Path]] = {}
        # Of those, the files this computer did not have when the drafts were read (a move's restore
        # could not bring them): the chat list's draft line leaves them out until the chat opens and
        # its note names them.
        self._missing: dict[int, list[Path]] = {}
        # Pasted pictures are written here (a composer of its own, in a test: the temporary folder).
        self.pasted_in = pasted_folder(data_dir or Path(tempfile.gettempdir()) / "shop-inbox")
        self._customer_name = ""  # the open chat's
        # Files to send, each its own WhatsApp message (as the phone sends several photos picked at once).
        self.attachments: list[Path] = []
        self.drafts: dict[int, str] = {}
        # The quick-reply popup is open for the "/" word typed (ui/chat_pane.py sets it).
        self.completing: Callable[[], bool] = lambda: False
        # This computer's clock set by the relay's: the window closes when WhatsApp says. Tests move time.
        self.clock = relay_clock.now

        # Reply preview
        self.reply_bar = QFrame(self)
        self.reply_bar.setObjectName("replyBar")
        self.reply_label = QLabel(self.reply_bar)
        self.reply_label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_reply = close_reply = QToolButton(self.reply_bar)
        close_reply.setIcon(icons.icon("close"))
        name_icon_button(close_reply, self.tr("Cancel reply"), "Esc")  # the window's Esc (ui/main_window.py)
        close_reply.clicked.connect(self._drop_reply)
        rl = QHBoxLayout(self.reply_bar)
        rl.setContentsMargins(10, 4, 6, 4)
        rl.addWidget(self.reply_label, 1)
        rl.addWidget(close_reply)
        self.reply_bar.hide()

        # Attachment chip
        self.attach_bar = QFrame(self)
        self.attach_bar.setObjectName("attachBar")
        self.attach_label = ShortenedLabel(self.attach_bar)
        self.attach_label.setTextFormat(Qt.TextFormat.PlainText)
        # A picture's own look before it goes, as WhatsApp shows it: the right photo, not only a name.
        self.attach_thumb = QLabel(self.attach_bar)
        self.attach_thumb.setObjectName("attachThumb")
        self.attach_thumb.setFixedSize(ATTACH_THUMB, ATTACH_THUMB)
        self.attach_thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.attach_thumb.hide()
        self.unattach_button = remove = QToolButton(self.attach_bar)
        remove.setIcon(icons.icon("close"))
        name_icon_button(remove, self.tr("Remove attachment"))
        remove.clicked.connect(self._remove_clicked)
        # With several files attached, the button opens a menu that takes off one of them, or all.
        self.unattach_menu = QMenu(remove)
        al = QHBoxLayout(self.attach_bar)
        al.setContentsMargins(10, 4, 6, 4)
        al.addWidget(self.attach_thumb)
        al.addWidget(self.attach_label, 1)
        al.addWidget(remove)
        self.attach_bar.hide()
        # Files kept attached since the last run (or while another chat was read) that were moved or
        # deleted meanwhile: no longer attached, and said so where they were.
        self.gone_note = QLabel(self)
        self.gone_note.setObjectName("goneNote")
        self.gone_note.setTextFormat(Qt.TextFormat.PlainText)
        self.gone_note.setWordWrap(True)
        self.gone_note.hide()

        # Closed window: templates only
        self.window_notice = QFrame(self)
        self.window_notice.setObjectName("windowNotice")
        self.never_wrote = False  # the customer has sent no message at all (set_never_wrote)
        self.window_text = notice_text = QLabel(self.closed_window_sentence(), self.window_notice)
        notice_text.setObjectName("windowNoticeText")
        notice_text.setWordWrap(True)
        self.template_button = QPushButton(
            icons.icon("template"), self.tr("Choose tem&plate…"), self.window_notice
        )
        self.template_button.setObjectName("templateButton")
        self.template_button.clicked.connect(self.template_requested)
        # Her window is closed on the chat's number but open on the shop's other one: reply from that.
        self.reply_elsewhere_button = QPushButton(self.window_notice)
        self.reply_elsewhere_button.setObjectName("replyElsewhereButton")
        self.reply_elsewhere_button.clicked.connect(self.reply_from_open_number)
        self.reply_elsewhere_button.hide()
        self.template_button.installEventFilter(self)
        # Why the message field gave way to it, said with the button: a screen reader reached the
        # button by Tab and never read the sentence beside it.
        self.template_button.setAccessibleDescription(notice_text.text())
        nl = QHBoxLayout(self.window_notice)
        nl.setContentsMargins(12, 8, 12, 8)
        nl.addWidget(notice_text, 1)
        nl.addWidget(self.reply_elsewhere_button)
        nl.addWidget(self.template_button)
        self.window_notice.hide()

        self.countdown = QLabel(self)
        self.countdown.setObjectName("countdown")
        self.countdown.hide()

        # Input row
        self.attach_button = QToolButton(self)
        self.attach_button.setIcon(icons.icon("attach"))
        name_icon_button(self.attach_button, self.tr("Attach a file"))
        self.attach_button.setAutoRaise(True)
        self.attach_button.clicked.connect(self.pick_attachment)
        self.emoji_button = QToolButton(self)
        self.emoji_button.setIcon(icons.icon("emoji"))
        name_icon_button(self.emoji_button, self.tr("Emoji"))
        self.emoji_button.setAutoRaise(True)
        self.emoji_picker = self._emoji_menu()
        self.emoji_button.clicked.connect(self.show_emoji_picker)
        self.edit = MessageEdit(self, enter_sends=enter_sends)
        self.edit.setPlaceholderText(self.typing_hint())
        self.edit.setAccessibleName(self.tr("Message"))
        self.edit.submitted.connect(self.submit)
        self.edit.textChanged.connect(self._typed)
        self._draft_pause = QTimer(self)
        self._draft_pause.setSingleShot(True)
        self._draft_pause.setInterval(DRAFT_PAUSE_MS)
        self._draft_pause.timeout.connect(self._keep_draft)
        self.edit.files_pasted.connect(self.offer_attachments)
        self.edit.picture_pasted.connect(self.attach_picture)
        self.send_button = QToolButton(self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setIcon(icons.icon("send"))
        self._name_send_button(enter_sends)
        self.send_button.setAutoRaise(True)
        self.send_button.clicked.connect(self._send_pressed)
        click_on_enter(
            close_reply,
            remove,
            self.template_button,
            self.reply_elsewhere_button,
            self.emoji_button,
            self.attach_button,
            self.send_button,
        )
        self.input_row = QWidget(self)
        row = QHBoxLayout(self.input_row)
        row.setContentsMargins(8, 6, 8, 6)
        row.setSpacing(6)
        row.addWidget(self.emoji_button, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.edit, 1)
        row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for w in (
            self.reply_bar,
            self.attach_bar,
            self.gone_note,
            self.window_notice,
            self.countdown,
            self.input_row,
        ):
            layout.addWidget(w)

        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self.update_window)

    def _emoji_menu(self) -> EmojiMenu:
        """A small grid of the emoji shops use most; the system picker has the rest."""
        return EmojiMenu(COMMON_EMOJI, self._insert_emoji, self)

    def show_emoji_picker(self) -> None:
        """Open the picker above its button, as WhatsApp does: inside the window, kept on screen.

        A tool button's own menu opens below it whenever the screen has room, which for the composer
        at the window's bottom is outside the window.
        """
        menu = self.emoji_picker
        size = menu.sizeHint()
        button = self.emoji_button
        screen = screen_of(button).availableGeometry()
        at = button.mapToGlobal(QPoint(0, -size.height()))
        x = max(screen.left(), min(at.x(), screen.right() - size.width()))
        y = max(screen.top(), min(at.y(), screen.bottom() - size.height()))
        menu.popup(QPoint(x, y))

    def _insert_emoji(self, emoji: str) -> None:
        self.edit.insertPlainText(emoji)
        self.edit.setFocus()

    # ----------------------------------------------------------------- chats and drafts
    def _typed(self) -> None:
        """A key typed (or a paste, a send clearing the box): the draft is noted once the typing
        pauses, not at each key (the box may hold 65,536 characters)."""
        if self.contact_id is not None and not self.read_only:
            self._draft_pause.start()

    def _keep_draft(self) -> None:
        """The open chat's unsent text into `drafts`; `drafts_changed` when it differs."""
        self._draft_pause.stop()
        if self.contact_id is None or self.read_only:
            return
        text = self.edit.toPlainText()
        # A lone "/" (or "/word") is a look at the quick replies, not a reply: with its popup open,
        # and after it, when a click on another chat closed the popup before the chat changed.
        kept = text if text.strip() and not LONE_TRIGGER.fullmatch(text.strip()) else None
        before = self.drafts.pop(self.contact_id, None)  # put back last: the newest typed
        if kept is not None:
            self.drafts[self.contact_id] = kept
        if kept != before:
            self.drafts_changed.emit()

    def _forget_sent_draft(self) -> None:
        """Sent: the chat's row stops saying "Draft:" now, not when the pause after the cleared box ends."""
        self._draft_pause.stop()
        if self.contact_id is not None and self.drafts.pop(self.contact_id, None) is not None:
            self.drafts_changed.emit()

    def save_drafts_now(self) -> None:
        """Quitting: the draft typed since the last pause is kept too."""
        if self._draft_pause.isActive():
            self._keep_draft()

    def load_drafts(
        self,
        stored: dict[int, str],
        quotes: dict[int, MessageRow] | None = None,
        files: dict[int, list[Path]] | None = None,
        missing: frozenset[Path] = frozenset(),
    ) -> None:
        """The drafts kept from the last run, with the messages they quote and the files attached,
        `missing` the files this computer did not have as they were read (`missing_files`); what was
        typed (or quoted, attached) since this start wins."""
        for contact_id, paths in (files or {}).items():
            if contact_id != self.contact_id:
                if contact_id not in self._attached:
                    self._attached[contact_id] = paths
                    if lost := [path for path in paths if path in missing]:
                        self._missing[contact_id] = lost
            elif not self.attachments:
                self._attach_waiting(paths)
        for contact_id, text in stored.items():
            self.drafts.setdefault(contact_id, text)
        open_draft = stored.get(self.contact_id) if self.contact_id is not None else None
        restored = False
        if open_draft is not None and not self.edit.toPlainText():
            restored = True  # its quote comes back with it
            self.edit.setPlainText(open_draft)
            self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        for contact_id, message in (quotes or {}).items():
            if contact_id != self.contact_id:
                self._replies.setdefault(contact_id, message)
            elif restored and self.reply_to is None:
                self._show_reply(message)
        self.drafts_shown.emit()

    def attached_files(self) -> dict[int, list[Path]]:
        """The files each chat has attached and not sent (kept with the drafts)."""
        files = dict(self._attached)
        if self.contact_id is not None and self.attachments:
            files[self.contact_id] = list(self.attachments)
        return files

    def quotes(self) -> dict[int, int]:
        """The message each draft answers, by chat (kept with the drafts)."""
        quoted = {contact_id: message.id for contact_id, message in self._replies.items()}
        if self.contact_id is not None and self.reply_to is not None:
            quoted[self.contact_id] = self.reply_to.id
        return quoted

    def forget_draft(self, contact_id: int) -> None:
        """The chat was deleted: a half-written reply to it does not wait for the customer's next message."""
        if contact_id == self.contact_id:
            self._draft_pause.stop()
            self.edit.clear()
        self._replies.pop(contact_id, None)
        self._missing.pop(contact_id, None)
        had_files = self._attached.pop(contact_id, None) is not None
        if contact_id == self.contact_id and self.attachments:
            had_files = True
            self.clear_attachment()
        if (self.drafts.pop(contact_id, None) is not None) or had_files:
            self.drafts_changed.emit()

    def chat_merged(self, old_id: int, new_id: int) -> None:
        """A customer changed number: the reply waiting in her old chat waits in her new one, unless
        one is typed there already. With either chat open, its box is the owner's: left as it is."""
        if self.contact_id in (old_id, new_id):
            return
        lost = self._missing.pop(old_id, None)
        if lost is not None and new_id not in self._attached:  # its files go with it: the lost ones too
            self._missing[new_id] = lost
        moved = [
            _moved(self.drafts, old_id, new_id),
            _moved(self._replies, old_id, new_id),
            _moved(self._attached, old_id, new_id),
        ]
        if any(moved):
            self.drafts_changed.emit()
            self.drafts_shown.emit()

    def draft_for(self, contact_id: int) -> str | None:
        """A chat's unsent text as kept (the open chat's a moment after the typing stops, as
        `drafts_changed` says), for the chat list's "Draft:" line; files waiting to be sent come
        first (a chat with only a photo attached looked like one with nothing waiting)."""
        text = self.drafts.get(contact_id)
        if contact_id == self.contact_id:
            files = self.attachments
        else:  # those this computer has: a file the move left behind is named when the chat opens
            lost = self._missing.get(contact_id, [])
            files = [path for path in self._attached.get(contact_id, []) if path not in lost]
        if not files:
            return text
        what = files[0].name if len(files) == 1 else self.tr("%Ln file(s)", "", len(files))
        return f"📎 {what}" + (f" {text}" if text else "")

    def set_chat(self, conversation: ConversationRow | None) -> None:
        self.save_drafts_now()  # the chat left: its draft is kept now, not in a moment
        if self.contact_id is not None and self.reply_to is not None:
            self._replies[self.contact_id] = self.reply_to  # the quote waits with the chat's draft
        if self.contact_id is not None and self.attachments:
            self._attached[self.contact_id] = self.attachments
        self.clear_reply()
        self.reply_number = ""  # the chat pane says the new chat's (say_reply_number)
        self.number_windows, self.send_from = (), None  # and when she wrote to each number
        self.chat_number_id = conversation.phone_number_id if conversation else None
        self.clear_attachment()
        self.gone_note.hide()
        self.contact_id = conversation.contact_id if conversation else None
        self._customer_name = conversation.display_name if conversation else ""
        # Whose chat the field writes to, said with it: switched with Ctrl+Tab, the field stays and
        # a screen reader said "Message" whichever customer it went to.
        to = self.tr("Message to {0}").format(self._customer_name) if self._customer_name else ""
        self.edit.setAccessibleName(to or self.tr("Message"))
        if self.contact_id is not None and (quoted := self._replies.pop(self.contact_id, None)):
            self._show_reply(quoted)
        self.last_inbound_at = conversation.last_inbound_at if conversation else None
        self.set_never_wrote(False)  # until the chat pane has read whether she ever wrote
        # A group archive never opens a 24-hour window: it is read-only, not waiting for a template.
        self.read_only = conversation is not None and conversation.group_archive
        self.edit.setPlainText(self.drafts.get(self.contact_id, "") if self.contact_id else "")
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self.edit.setPlaceholderText(self.tr("Read-only archive") if self.read_only else self.typing_hint())
        if self.contact_id is not None:
            self._missing.pop(self.contact_id, None)  # looked for again as the chat opens
            if waiting := self._attached.pop(self.contact_id, []):
                self._attach_waiting(waiting)
        self.update_window()
        self.setEnabled(conversation is not None and not conversation.blocked and not self.read_only)
        self.drafts_shown.emit()

    def take_focus(self) -> None:
        """A chat was just opened from the list: the keyboard goes where the owner's next key
        belongs, the message field, or "Choose template…" once the 24-hour window has closed."""
        if not self.isEnabled():
            return
        if self.reply_elsewhere_button.isVisibleTo(self):
            self.reply_elsewhere_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.window_notice.isVisibleTo(self):
            self.template_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A letter typed at "Choose template…" (the owner started a message where none may be sent
        now) opens the templates, as Space does, instead of going nowhere."""
        if watched is self.template_button and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            shortcut = event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            )
            if text.isprintable() and text.strip() and shortcut == Qt.KeyboardModifier.NoModifier:
                self.template_requested.emit()
                return True
        return super().eventFilter(watched, event)

    def closed_window_sentence(self) -> str:
        """Why only a template can go: 24 hours since her last message, or no message from her yet;
        in a shop with two numbers, since her last to the chat's number while the other's is open."""
        elsewhere = self.open_elsewhere()
        if elsewhere is not None:
            return with_particles(
                self.tr(
                    "The customer has not written to your number {0} in the last 24 hours: WhatsApp "
                    "only allows an approved template from it. She wrote to your number {1} within "
                    "24 hours, so a reply from that number can go now."
                ).format(self.reply_number, elsewhere.number)
            )
        if self.never_wrote:
            return self.tr(
                "The customer has not written yet: WhatsApp only lets you start the conversation with an "
                "approved template."
            )
        return self.tr(
            "More than 24 hours since the customer's last message: WhatsApp only allows an "
            "approved template now."
        )

    def set_never_wrote(self, never: bool) -> None:
        """Whether the open chat's customer has sent no message at all (read off the GUI thread)."""
        self.never_wrote = never
        self._say_why_closed()

    def _say_why_closed(self) -> None:
        self.window_text.setText(self.closed_window_sentence())
        self.template_button.setAccessibleDescription(self.window_text.text())
        self.reply_elsewhere_button.setAccessibleDescription(self.window_text.text())

    def set_last_inbound(self, at: datetime | None) -> None:
        self.last_inbound_at = at
        self.update_window()

    def set_number_windows(self, chat_number_id: str | None, windows: tuple[NumberWindow, ...]) -> None:
        """When the open chat's customer last wrote to each of the shop's numbers (`windows`, their
        numbers written as the header writes them), and the chat's number they were read for."""
        before = self.send_from
        if chat_number_id != self.chat_number_id:
            self.send_from = None  # she wrote to the other number meanwhile: replies go from it now
        self.chat_number_id, self.number_windows = chat_number_id, windows
        if self.send_from is not None:
            chosen = self.send_from.phone_number_id
            self.send_from = next((w for w in windows if w.phone_number_id == chosen), None)
        self.update_window()
        if (before is None) != (self.send_from is None):
            self.send_from_changed.emit()

    def _reply_window_opened_at(self) -> datetime | None:
        """When the window of the number a reply goes from opened: her last message to that number
        in a shop with two; her last message at all otherwise, or while the numbers' are not read (a
        message newer than every one read says they are out of date)."""
        number = self.send_from.phone_number_id if self.send_from else self.chat_number_id
        own = next((w for w in self.number_windows if w.phone_number_id == number), None)
        newest = max((w.last_inbound_at for w in self.number_windows if w.last_inbound_at), default=None)
        stale = self.last_inbound_at is not None and (newest is None or self.last_inbound_at > newest)
        return self.last_inbound_at if own is None or stale else own.last_inbound_at

    def open_elsewhere(self) -> NumberWindow | None:
        """The shop's other number whose window with her is open, while the chat's number's is closed
        and no other number was chosen; None otherwise."""
        if self.send_from is not None or self.read_only or self.contact_id is None:
            return None
        if window_left(self._reply_window_opened_at(), self.clock()) > timedelta(0):
            return None
        return open_elsewhere(self.number_windows, self.chat_number_id, self.clock())

    def reply_from_open_number(self) -> None:
        """The owner chose to reply from the number whose window is open: the message field comes
        back, saying that number, and the replies go from it (Outgoing.from_number)."""
        elsewhere = self.open_elsewhere()
        if elsewhere is None:
            return
        self.send_from = elsewhere
        self.send_from_changed.emit()
        if not self.read_only and not self.attachments:
            self.edit.setPlaceholderText(self.typing_hint())
        self.update_window()
        show_news(
            self.gone_note,
            with_particles(self.tr("Your reply goes from your number {0}.").format(elsewhere.number)),
        )
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _from_number(self) -> str:
        """The number a reply goes from, as the header writes it ("" in a one-number shop)."""
        return self.send_from.number if self.send_from is not None else self.reply_number

    def window_open(self) -> bool:
        return window_left(self._reply_window_opened_at(), self.clock()) > timedelta(0)

    def update_window(self) -> None:
        left = window_left(self._reply_window_opened_at(), self.clock())
        if self.read_only:
            left = timedelta(days=1)  # no window notice and no countdown; the composer is disabled
        closed = self.contact_id is not None and left <= timedelta(0)
        elsewhere = self.open_elsewhere() if closed else None
        if elsewhere is not None:
            self.reply_elsewhere_button.setText(self.tr("Rep&ly from {0}").format(elsewhere.number))
        self.reply_elsewhere_button.setVisible(elsewhere is not None)
        self._say_why_closed()
        self.window_notice.setVisible(closed)
        self.input_row.setVisible(not closed)
        if not closed and left < COUNTDOWN_FROM and self.contact_id is not None:
            self.countdown.setText(self.tr("Free replies end in {0}").format(duration_short(left)))
            self.countdown.show()
        else:
            self.countdown.hide()
        # The countdown under the field, read with the field (a screen reader does not read labels
        # nobody can Tab to).
        countdown = self.countdown.text() if self.countdown.isVisibleTo(self) else ""
        replies_from = (
            self.tr("Replies go from your number {0}.").format(self._from_number())
            if self._from_number() and not self.read_only
            else ""
        )
        said = " ".join(filter(None, [replies_from, countdown]))
        if self.edit.accessibleDescription() != said:
            self.edit.setAccessibleDescription(said)
        if self.contact_id is not None and left > timedelta(0) and not self.read_only:
            self._timer.start()
        else:
            self._timer.stop()

    # ----------------------------------------------------------------- reply and attachments
    def set_reply(self, message: MessageRow) -> None:
        self._show_reply(message)
        # Where the answer is typed; "Choose template…" once the 24-hour window has closed (the
        # message field is hidden then, and letters typed into it went nowhere to be seen).
        self.take_focus()
        self.drafts_changed.emit()  # the quote is kept with the draft

    def _drop_reply(self) -> None:
        """The owner took the quote away: the draft is kept without it."""
        self.clear_reply()
        self.drafts_changed.emit()

    def _show_reply(self, message: MessageRow) -> None:
        self.reply_to = message
        author, line = quote_preview(message)
        # The customer's name, as WhatsApp heads a quote ("Customer" for a chat without one).
        who = author or self._customer_name or self.tr("Customer")
        self.reply_label.setText(f"{who}: {line}")
        self.reply_bar.show()

    def clear_reply(self) -> None:
        self.reply_to = None
        self.reply_bar.hide()

    @property
    def attachment(self) -> Path | None:
        """The first file to send (the one whose picture the bar shows), or None."""
        return self.attachments[0] if self.attachments else None

    def offer_attachment(self, path: Path) -> None:
        self.offer_attachments([path])

    def offer_attachments(self, paths: list[Path]) -> None:
        """Files the owner picked, dropped or pasted (several at once: each goes as its own message):
        those WhatsApp would never take (over 100 MB, unreadable, a type it takes as nothing: a .hwp,
        .zip, .heic) are refused at once, before a caption is written for them, and the others are
        attached all the same."""
        from ui.ops import failure_sentence

        taken: list[Path] = []
        refused: list[str] = []
        for path in paths:
            if path.is_dir():  # WhatsApp sends files one by one, never a folder
                folder = self.tr("{0} is a folder: open it and attach the photos or files inside.")
                refused.append(folder.format(path.name))
                continue
            try:
                attachable(path)  # one stat and a look at the name (an .ogg's first 64 bytes)
            except InvalidInput as exc:
                refused.append(failure_sentence(exc))
            else:
                taken.append(path)
        if taken:
            self.add_attachments(taken)
        if refused:
            message_box.warning(self, self.tr("Not attached"), "\n\n".join(refused))

    def _attach_waiting(self, paths: list[Path]) -> None:
        """The files this chat had attached, back on the bar; one this computer does not have is left
        out, and the note under the bar names it (the stored drafts forget it too): moved or deleted
        since, or, after a move to a new computer, one the backup could not bring (gone from the old
        computer's folder before the backup was made)."""
        lost = missing_files(paths)
        if still_there := [path for path in paths if path not in lost]:
            self.add_attachments(still_there, focus=False, changed=False)
        if gone := [path.name for path in lost]:
            note = self.tr(
                "Not attached any more: this computer does not have {0} (moved or deleted since, or "
                "left on the old computer). Attach it again to send it."
            )
            show_news(self.gone_note, note.format(", ".join(gone)))
            self.drafts_changed.emit()

    def say_not_attached(self, sentence: str) -> None:
        """Under the box, why a file the owner expects is not on the bar (a quick reply's file moved
        or deleted); it stays until the message goes or another chat opens."""
        show_news(self.gone_note, sentence)

    def say_answered_elsewhere(self) -> None:
        """Another computer on the relay (or the phone) just replied to this chat while a reply was
        being written here: both went out within a second, and neither knew. Said under the box until
        the message goes or another chat opens; nothing is said to an empty box (the bubble shows)."""
        if not self.edit.toPlainText().strip() and not self.attachments:
            return
        show_news(
            self.gone_note,
            self.tr(
                "A reply to this chat was just sent from another computer or the phone: read it before "
                "you send yours."
            ),
        )

    def set_attachment(self, path: Path) -> None:
        self.attachments = []
        self.add_attachments([path])

    def add_attachments(self, paths: list[Path], *, focus: bool = True, changed: bool = True) -> None:
        """Add files to those attached (the same file twice is attached once); `focus`: the caption
        box takes the keyboard (not when a chat is opened from the list with the arrow keys);
        `changed`: new to this chat (kept with the drafts), not its own coming back."""
        before = self.attachments
        self.attachments = list(dict.fromkeys([*self.attachments, *paths]))
        if changed and self.attachments != before:
            self.drafts_changed.emit()
        self._show_attached()
        self.attach_bar.show()
        self.edit.setPlaceholderText(self.tr("Add a caption"))
        if focus:
            self.edit.setFocus()

    def _show_attached(self) -> None:
        """The bar as the files attached now read: their names, the first's picture, and a remove
        button that takes off one file (its menu) when there are several."""
        first = self.attachments[0]
        self._offer_removing()
        if len(self.attachments) == 1:
            try:
                size = human_size(first.stat().st_size)
            except OSError:
                size = ""
            self.attach_label.setText(f"📎 {first.name}  {size}")
        else:
            names = ", ".join(path.name for path in self.attachments)
            self.attach_label.setText(self.tr("📎 %Ln file(s): {0}", "", len(self.attachments)).format(names))
        self.attach_label.setToolTip(plain_tooltip("\n".join(path.name for path in self.attachments)))
        self.attach_thumb.clear()
        self.attach_thumb.hide()
        self._show_thumbnail(first)

    def _offer_removing(self) -> None:
        remove = self.unattach_button
        menu = self.unattach_menu
        menu.clear()
        if len(self.attachments) == 1:
            name_icon_button(remove, self.tr("Remove attachment"))
            return
        for path in self.attachments:
            action = menu.addAction(self.tr("Remove {0}").format(path.name.replace("&", "&&")))
            action.triggered.connect(lambda _checked=False, p=path: self._drop_attachment(p))
        menu.addSeparator()
        menu.addAction(self.tr("Remove &all"), self._drop_attachments)
        name_icon_button(remove, self.tr("Remove attachments"))

    def _remove_clicked(self) -> None:
        """One file: taken off at once. Several: which one (or all), from the button's menu."""
        if len(self.attachments) > 1:
            button = self.unattach_button
            self.unattach_menu.exec(button.mapToGlobal(button.rect().bottomLeft()))
        else:
            self._drop_attachments()

    def _drop_attachment(self, path: Path) -> None:
        """One of several files taken off the bar: the others stay attached, the caption too."""
        self.attachments = [p for p in self.attachments if p != path]
        if self.attachments:
            self._show_attached()
            self.drafts_changed.emit()
        else:
            self._drop_attachments()

    def _show_thumbnail(self, path: Path) -> None:
        """Decode the picture small, off the GUI thread (a phone photo takes a while whole)."""
        from ui.image_cache import thumbnail
        from ui.ops import run_op

        def show(image: QImage | None) -> None:
            if self.attachment == path and image is not None:  # None: not a picture
                self.attach_thumb.setPixmap(QPixmap.fromImage(image))
                self.attach_thumb.show()

        small = lambda: thumbnail(str(path), ATTACH_THUMB, ATTACH_THUMB)  # noqa: E731
        run_op(small, show, parent=self, on_failure=lambda _exc: None)

    def typing_hint(self) -> str:
        """The empty box's hint: the quick replies are found only by typing "/", so it says so; in a
        shop with two numbers, which one the reply goes from, where the owner looks as she writes."""
        if self._from_number():
            return self.tr("Reply from your number {0} · / for quick replies").format(self._from_number())
        return self.tr("Type a message · / for quick replies")

    def say_reply_number(self, number: str) -> None:
        """The business number (as the chat's header writes it) a reply to this chat goes from, in a
        shop with two or more; "" in a one-number shop's. The relay sends from the number the
        customer last wrote to: the header says it at the top, but the owner's eyes are here."""
        if number == self.reply_number:
            return
        before, self.reply_number = self.reply_number, number
        if before and number and (self.edit.toPlainText().strip() or self.attachments):
            # The customer wrote to the shop's other number while a reply was being written: the box's
            # hint, which said the number, is hidden under the words, so it is said under the box.
            show_news(
                self.gone_note,
                with_particles(
                    self.tr(
                        "This customer has just written to your number {0}: your reply goes from it, "
                        "not from {1}."
                    ).format(number, before)
                ),
            )
        if not self.read_only and not self.attachments:
            self.edit.setPlaceholderText(self.typing_hint())
        self.update_window()

    def _drop_attachments(self) -> None:
        """The owner took the files off the bar: the draft is kept without them."""
        self.clear_attachment()
        self.drafts_changed.emit()

    def clear_attachment(self) -> None:
        self.attachments = []
        self.attach_label.setToolTip("")
        self.attach_thumb.clear()
        self.attach_thumb.hide()
        self.attach_bar.hide()
        self.edit.setPlaceholderText(self.typing_hint())

    def attach_picture(self, image: QImage) -> None:
        """A pasted picture becomes the attachment once written to a file (off the GUI thread: a
        screenshot's PNG takes a while to encode)."""
        from ui.ops import failure_sentence, run_op

        folder = self.pasted_in
        # Named for the owner, who sees it in the attachment bar (a photo carries no name to WhatsApp).
        now = datetime.now()
        name = self.tr("Pasted picture {0}").format(now.strftime("%H-%M-%S")) + ".png"
        folder = folder / now.strftime("%Y%m%d-%H%M%S-%f")  # two pastes in one second never meet

        def save() -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / name
            if not image.save(str(target)):  # PNG, from the name
                raise OSError(f"could not write {target}")
            return target

        def failed(exc: BaseException) -> None:
            message_box.warning(self, self.tr("Not attached"), failure_sentence(exc))

        run_op(save, lambda path: self.add_attachments([path]), parent=self, on_failure=failed)

    def pick_attachment(self) -> None:
        names = open_file_names(self, Picked.ATTACHMENT, self.tr("Attach files"))
        if names:
            self.offer_attachments([Path(name) for name in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData())  # as files pasted are found
        if paths:
            self.offer_attachments(paths)
            event.acceptProposedAction()

    # ----------------------------------------------------------------- sending
    def set_enter_sends(self, enter_sends: bool) -> None:
        """Enter sends (Shift+Enter a new line), or Ctrl+Enter does (Settings): the field and the
        Send button's tooltip follow."""
        self.edit.enter_sends = enter_sends
        self._name_send_button(enter_sends)

    def _name_send_button(self, enter_sends: bool) -> None:
        # The key is the message field's, said with the button as the menu keys are with the header's.
        name_icon_button(self.send_button, self.tr("Send"), "Enter" if enter_sends else "Ctrl+Enter")

    def _send_pressed(self) -> None:
        """Send clicked, or pressed with Space or Enter after a Tab to it: the keyboard goes back
        to the message field (left on the button, the owner's next message was typed into nothing).
        A click leaves it where it was: the button takes no focus from the mouse."""
        from_keys = self.send_button.hasFocus()
        self.submit()
        if from_keys and self.edit.isVisible() and self.edit.isEnabled():
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if self.contact_id is None or self.edit.is_composing():
            return
        if not self.window_open():
            self.template_requested.emit()
            return
        text = self.edit.toPlainText().strip()
        if not text and not self.attachments:
            return
        # Several files: one message each, in the order attached; the caption and the quote go with the first.
        outs = [
            Outgoing(
                contact_id=self.contact_id,
                text=text if i == 0 else "",
                reply_to_wamid=self.reply_to.wamid if self.reply_to and i == 0 else None,
                attachment=path,
                from_number=self.send_from.phone_number_id if self.send_from else None,
            )
            for i, path in enumerate(self.attachments or [None])
        ]
        self.edit.clear()
        self._forget_sent_draft()
        self.clear_reply()
        if self.attachments:
            self.clear_attachment()
            self.drafts_changed.emit()  # no longer waiting across a restart
        self.gone_note.hide()
        for out in outs:
            self.send_requested.emit(out)

    def send_template(self, template: Template, params: tuple[str, ...]) -> None:
        if self.contact_id is None:
            return
        self.send_requested.emit(
            Outgoing(contact_id=self.contact_id, template=template, template_params=params)
        )


_Held = TypeVar("_Held")


def _moved(held: dict[int, _Held], old_id: int, new_id: int) -> bool:
    """`held`'s entry for `old_id` given to `new_id` unless it has one; was there one to give."""
    if old_id not in held:
        return False
    held.setdefault(new_id, held.pop(old_id))
    return True
