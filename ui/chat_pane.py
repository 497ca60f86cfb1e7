"""The right-hand side: the open chat's header, its messages and the composer, wired together."""

from __future__ import annotations

import dataclasses
import enum
import logging
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import relay_clock
from app.automations_store import shop_profile
from app.campaign_checks import read_shop_names
from app.changes import Changes
from app.drafts import store_drafts
from app.errors import ErrorCode, InvalidInput, RelayBusy, RelayError, RelayUnreachable, ShopInboxError
from app.message_media import MediaInfo
from app.outbox import Cancelled, cancel_waiting
from app.owner_pause import OwnerPause, owner_pause
from app.phones import display_phone
from app.queries import ConversationRow, MessageRow, has_written, message_by_wamid
from app.quick_replies import ContactInfo, QuickReplyRow, attachment_of
from app.sending import (
    Outgoing,
    TemplatesFound,
    delete_message,
    find_approved_templates,
    queue_outgoing,
    retry_message,
    saved_media_name,
)
from app.service_window import NumberWindow, number_windows
from ui import icons, message_box
from ui.attachments import attachable, forget_copy, forget_pasted, keep_for_sending
from ui.avatar import avatar_pixmap
from ui.chat_list_model import PAUSE_END_SLACK_MS
from ui.chat_menu import CONTACT_INFO_KEYS, SEARCH_IN_CHAT_KEYS
from ui.chat_view import ChatView
from ui.composer import Composer
from ui.context import AppContext
from ui.enter_key import click_on_enter
from ui.error_sentences import download_sentence
from ui.formatting import business_number_text, coming_time, kind_label
from ui.icon_buttons import name_icon_button
from ui.korean_particles import with_particles
from ui.open_file import open_file
from ui.ops import (
    Newest,
    delete_when_closed,
    failure_sentence,
    run_change,
    run_op,
    run_read,
    run_write,
    run_write_returning,
)
from ui.quick_reply_completer import QuickReplyCompleter
from ui.resume_bot_button import BotOff, ResumeBotButton, bot_off_chats
from ui.save_paths import Picked, save_file_name
from ui.shortened_label import ShortenedLabel
from ui.tab_order import chain, row_widgets
from ui.theme import ui_font

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.wire import BusinessProfile
    from ui.catalog_send_action import CatalogSendAction

log = logging.getLogger(__name__)

# The widest the words over an empty pane run, in widths of "M": about 75 letters of English or
# 40 Hangul syllables to a line, and room for a demo's folder path on one.
EMPTY_MEASURE_EM = 40


class EmptyPaneWords(QLabel):
    """The words over an empty pane, never wider than a readable measure of their own font (the
    style sheet's, which arrives after the label is made)."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._keep_measure()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._keep_measure()

    def _keep_measure(self) -> None:
        self.setMaximumWidth(EMPTY_MEASURE_EM * self.fontMetrics().horizontalAdvance("M"))


class NoChatOpen(enum.Enum):
    """Why no chat is open, as the pane says it: "pick one on the left" is only true with one there."""

    PICK = "pick"  # the list on the left shows chats
    LIST_EMPTY = "list_empty"  # the list shows a filter, a label or one number, and none is in it
    INBOX_EMPTY = "inbox_empty"  # no chat yet at all
    NO_RELAY = "no_relay"  # no chat yet, and no relay set up to bring any
    RELAY_UNFINISHED = "relay_unfinished"  # no chat yet, and the relay's check found things to fix


class ChatPane(QWidget):
    info_requested = Signal()
    search_in_chat_requested = Signal()
    message_queued = Signal(int)  # contact id: a message was queued here (composer, catalogue picker)
    chat_changed = Signal()  # another chat is on screen, or none

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.conversation: ConversationRow | None = None
        # The "#" catalogue picker of the composer, added by ui/menus.py with the Shop menu.
        self.catalog_action: CatalogSendAction | None = None

        self.header = QFrame(self)
        self.header.setObjectName("chatHeader")
        self.avatar = QLabel(self.header)
        self.avatar.setFixedSize(40, 40)
        self.name = ShortenedLabel(self.header)
        self.name.setFont(ui_font(1.5, bold=True))
        self.subtitle = QLabel(self.header)
        self.subtitle.setObjectName("chatSubtitle")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name)
        names.addWidget(self.subtitle)
        # Their menu commands' keys (Chat menu) in their tooltips, where the owner looks for them.
        self.search_button = self._tool(
            "search", self.tr("Search in this chat"), self.search_in_chat_requested, SEARCH_IN_CHAT_KEYS
        )
        self.info_button = self._tool("info", self.tr("Contact info"), self.info_requested, CONTACT_INFO_KEYS)
        # The relay's menu bot handed this chat to a person: the owner switches it back on here.
        self.resume_bot_button = ResumeBotButton(self.header)
        self.resume_bot_button.chosen.connect(self.resume_bot)
        self.resume_bot_button.setVisible(False)
        # Says the relay took "Resume bot": the button goes, and this stays while the chat is open.
        self.bot_resumed_note = QLabel(self.tr("The menu bot answers this customer again."), self.header)
        self.bot_resumed_note.setObjectName("botResumedNote")
        self.bot_resumed_note.setTextFormat(Qt.TextFormat.PlainText)
        # Wrapped, so the sentence never widens the chat: on a narrow window the splitter took the
        # room from the chat list, which grew a sideways scroll bar.
        self.bot_resumed_note.setWordWrap(True)
        self.bot_resumed_note.setVisible(False)
        # Beside Resume bot when the bot is quiet only because the owner wrote here: until when.
        # Short, and wrapped like the note above, so it never widens the chat.
        self.bot_quiet_note = QLabel(self.header)
        self.bot_quiet_note.setObjectName("botQuietNote")
        self.bot_quiet_note.setTextFormat(Qt.TextFormat.PlainText)
        self.bot_quiet_note.setWordWrap(True)
        self.bot_quiet_note.setVisible(False)
        # The chat the bot was resumed in, and its hand-offs then (number, end): until the relay's
        # `contact` events arrive, the chat still reads as handed over there, and the button must
        # not offer them again.
        self._resumed: tuple[int, frozenset[tuple[str | None, datetime | None]]] | None = None
        # The relay's bot is quiet in a chat for a while after the owner's own message there
        # (app.owner_pause): what was last read of it for the open chat (its contact id and number),
        # and the reads asked, so one landing after a newer one is dropped.
        self._owner_pause: tuple[int, str | None, OwnerPause] | None = None
        self._owner_pause_reads = 0
        # Each fresh row of the open chat reads when she last wrote to each number: one read before
        # her message that answered after the next said her window closed, though she had just
        # opened it. A late answer for an older look never replaces a newer one.
        self._number_window_reads = Newest()
        self._written_reads = Newest()  # whether she ever wrote: the same, and her row overtakes them
        # Resume bot goes by itself when that quiet ends: a timer at its end.
        self._owner_pause_end = QTimer(self)
        self._owner_pause_end.setSingleShot(True)
        self._owner_pause_end.timeout.connect(self.recheck_bot_quiet)
        hl = QHBoxLayout(self.header)
        hl.setContentsMargins(14, 8, 10, 8)
        hl.setSpacing(10)
        hl.addWidget(self.avatar)
        hl.addLayout(names, 1)
        hl.addWidget(self.bot_resumed_note)
        hl.addWidget(self.bot_quiet_note)
        hl.addWidget(self.resume_bot_button)
        hl.addWidget(self.search_button)
        hl.addWidget(self.info_button)
        self._tab_before: QWidget | None = None
        self.header.mousePressEvent = lambda _e: self.info_requested.emit()  # type: ignore[method-assign]

        self.view = ChatView(ctx, self)
        self.composer = Composer(
            self, enter_sends=bool(ctx.prefs.get("enter_sends", True)), data_dir=ctx.paths.data_dir
        )
        self.setAcceptDrops(True)
        # Group archives are read-only: the composer is disabled and this note says why.
        self.archive_note = QLabel(
            self.tr(
                "This group chat was imported from a phone export. It is an archive: "
                "messages cannot be sent to it, and automations never answer it."
            ),
            self,
        )
        self.archive_note.setObjectName("archiveNote")
        self.archive_note.setWordWrap(True)
        self.archive_note.setTextFormat(Qt.TextFormat.PlainText)
        self.archive_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.archive_note.setContentsMargins(12, 8, 12, 8)
        self.archive_note.setVisible(False)

        chat = QWidget(self)
        cl = QVBoxLayout(chat)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(self.header)
        cl.addWidget(self.view, 1)
        cl.addWidget(self.archive_note)
        cl.addWidget(self.composer)

        self.no_chat = NoChatOpen.PICK
        # The words over an empty pane keep a readable measure, centred with a margin either side:
        # across the whole 880-pixel pane a line ran edge to edge, too long to read back.
        empty_page = QWidget(self)
        self.empty = EmptyPaneWords(self._empty_text(), empty_page)
        self.empty.setObjectName("emptyChat")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        centred = QHBoxLayout(empty_page)
        centred.setContentsMargins(24, 0, 24, 0)
        # The words take the width up to their measure, the two sides what is left, equally (the
        # layout's own centring gave them their narrow first guess at a width: six lines of two words).
        self.empty.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        centred.addStretch(1)
        centred.addWidget(self.empty, 1000)
        centred.addStretch(1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(empty_page)
        self.stack.addWidget(chat)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        # Typing "/" offers the quick replies (ui/quick_reply_completer.py); it sees keys first,
        # so Enter inserts a reply while its popup is open and sends otherwise.
        self.quick_replies = QuickReplyCompleter(self.composer.edit, ctx, contact_provider=self._contact_info)
        self.quick_replies.inserted.connect(self._quick_reply_inserted)
        self.composer.completing = lambda: (
            self.quick_replies.is_open() or self.quick_replies.empty_hint.isVisible()
        )

        self.view.chat_model.media_wanted.connect(lambda m, msg: self.fetch_media(m, msg, open_after=False))
        self.view.media_open_requested.connect(lambda m, msg: self.fetch_media(m, msg, open_after=True))
        self.view.save_media_requested.connect(self.save_media)
        self.view.react_requested.connect(self.react)
        self.view.reply_requested.connect(self.reply_to)
        self.view.quote_clicked.connect(self.jump_to_wamid)
        self.view.retry_requested.connect(self.retry)
        self.view.retry_from_requested.connect(self.retry)
        self.view.delete_requested.connect(self.delete)
        self.view.cancel_requested.connect(self.cancel_sending)
        self.composer.send_requested.connect(self.send)
        self.composer.drafts_changed.connect(self.keep_drafts)
        self.composer.template_requested.connect(self.pick_template)
        self.composer.send_from_changed.connect(self._say_reply_number_chosen)
        ctx.hub.changed.connect(self._hub_changed)
        # The chat moves up the list with its new last message.
        self.message_queued.connect(lambda cid: ctx.publish(Changes.for_contacts({cid}, messages=False)))

    def _hub_changed(self, changes: Changes) -> None:
        """Messages of the open chat changed: the view re-reads them (its header follows the chat list)."""
        model = self.view.chat_model
        if model.contact_id is not None and (changes.all_contacts or model.contact_id in changes.messages):
            model.refresh()
        if changes.orders:
            model.orders_changed()
        conv = self.conversation
        if conv is not None and (
            changes.automations or changes.all_contacts or conv.contact_id in changes.messages
        ):
            self._read_owner_pause(conv)  # she wrote (or it was sent), a resume came, the bot changed
        for old_id, new_id in changes.chats_merged:
            self.composer.chat_merged(old_id, new_id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Files dropped anywhere on the open chat become the composer's attachment."""
        if not self.composer.isEnabled():
            event.ignore()  # blocked customer or group archive: nothing can be sent
            return
        self.composer.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.composer.dropEvent(event)

    def show_why_no_chat(self, why: NoChatOpen) -> None:
        """What the pane says while no chat is open, for what the list on the left holds."""
        if why is not self.no_chat:
            self.no_chat = why
            self.empty.setText(self._empty_text())

    def _empty_text(self) -> str:
        if self.no_chat is NoChatOpen.NO_RELAY:
            text = self.tr(
                "No chats yet, and no relay is set up, so none can arrive. Set up your relay in "
                "File ▸ Settings. Your customers' WhatsApp chats then appear on the left."
            )
        elif self.no_chat is NoChatOpen.RELAY_UNFINISHED:
            # Not "send your shop a message to see it work": it cannot arrive yet.
            text = self.tr(
                "No chats yet. Your customers' messages arrive once your relay is fully set up: the "
                "strip above says what is still to fix."
            )
        elif self.no_chat is NoChatOpen.INBOX_EMPTY:
            text = self.tr(
                "No chats yet. When a customer writes to your shop on WhatsApp, the chat appears on the "
                "left: open it there to read and answer.\n\nTo see it work now, send your shop's WhatsApp "
                "number a message from another phone."
            )
        elif self.no_chat is NoChatOpen.LIST_EMPTY:
            text = self.tr("No chat is in the list on the left.")
        else:
            text = self.tr("Pick a chat on the left to read and answer it.")
        if not self.ctx.demo:
            return text
        if self.ctx.demo_kept_in is None:
            note = self.tr("This is a demo shop: its chats are thrown away when you quit.")
        else:
            note = self.tr("This is a demo shop, kept in {0}.").format(self.ctx.demo_kept_in)
        if self.ctx.demo_samples is not None:
            note += "\n\n" + self.tr(
                "Sample files to try are in {0}:\na bank statement for Shop ▸ Match bank deposits, "
                "and a courier's file for Tracking numbers in the Orders window."
            ).format(self.ctx.demo_samples)
        return f"{text}\n\n{note}"

    def tab_stops(self) -> list[QWidget]:
        """Where Tab stops here, as the screen shows them: the header's buttons, the messages (and
        their "jump to the newest" button), the composer's bars and its row."""
        return [
            *row_widgets(self.header.layout()),
            self.view,
            self.view.jump_button,
            *row_widgets(self.composer.layout()),
        ]

    def refresh_tab_order(self, before: QWidget | None = None) -> None:
        """Tab follows the screen through the open chat (`tab_stops`).

        `before` (the window's stop left of the chat) leads into the header; buttons added later
        (Start order, Catalogue) call this again to take their places.
        """
        if before is not None:
            self._tab_before = before
        order = self.tab_stops()
        chain([self._tab_before, *order] if self._tab_before is not None else order)

    def _tool(self, icon: str, tip: str, signal: SignalInstance, keys: str = "") -> QToolButton:
        button = QToolButton(self.header)
        button.setIcon(icons.icon(icon))
        button.setIconSize(QSize(20, 20))
        name_icon_button(button, tip, keys)
        button.setAutoRaise(True)
        button.clicked.connect(signal)
        click_on_enter(button)
        return button

    # ----------------------------------------------------------------- opening
    def open_chat(
        self,
        conversation: ConversationRow,
        *,
        message_id: int | None = None,
        highlight: str = "",
        brief: bool = False,
    ) -> None:
        """Show a chat: at its newest messages, or around `message_id` (outlined; only for a moment
        with `brief`)."""
        same = self.conversation is not None and self.conversation.contact_id == conversation.contact_id
        if not same:
            self.composer.set_chat(conversation)
        self.set_conversation(conversation)
        self.stack.setCurrentIndex(1)
        if message_id is not None:
            self.view.open_around(message_id, highlight, conversation.contact_id, brief=brief)
        elif not same or self.view.chat_model.contact_id != conversation.contact_id:
            self.view.open_chat(conversation.contact_id, conversation.unread_count)
        if not same:
            self.chat_changed.emit()

    def set_conversation(self, conversation: ConversationRow) -> None:
        """Header and 24-hour window from a fresh chat-list row."""
        self.conversation = conversation
        dpr = self.devicePixelRatioF()
        pm: QPixmap = avatar_pixmap(
            conversation.display_name, conversation.wa_id or str(conversation.contact_id), 40, dpr
        )
        self.avatar.setPixmap(pm)
        self.name.setText(conversation.display_name)
        self.view.bubbles.contact_name = conversation.display_name
        self.view.chat_model.customer_name = conversation.display_name
        # Whose messages, said as the keyboard arrives in them (F6, Tab): "Messages" alone in every chat.
        self.view.setAccessibleName(self.tr("Messages with {0}").format(conversation.display_name))
        number = self._say_subtitle(conversation)
        self.composer.say_reply_number(number)
        self.view.say_chat_number(conversation.business_number, self.ctx.shop_region)
        self.composer.set_last_inbound(conversation.last_inbound_at)
        self._read_number_windows(conversation)
        self._read_whether_written(conversation)
        self.composer.setEnabled(not conversation.blocked and not conversation.group_archive)
        self.archive_note.setVisible(conversation.group_archive)
        if self._resumed is not None and self._resumed[0] != conversation.contact_id:
            self._resumed = None
        self._offer_resume(conversation)
        self._read_owner_pause(conversation)

    def _read_owner_pause(self, conversation: ConversationRow) -> None:
        """Read, off the GUI thread, whether the owner's own messages keep the bot quiet in this
        chat (the relay's rule, app.owner_pause); Resume bot follows when it lands."""
        if conversation.group_archive:
            return
        self._owner_pause_reads += 1
        asked = self._owner_pause_reads
        contact_id, number = conversation.contact_id, conversation.phone_number_id

        def landed(pause: OwnerPause) -> None:
            if asked != self._owner_pause_reads:
                return  # a newer read is on its way
            self._owner_pause = (contact_id, number, pause)
            conv = self.conversation
            if conv is not None and conv.contact_id == contact_id:
                self._offer_resume(conv)

        run_read(
            self.ctx,
            lambda s: owner_pause(s, contact_id, number, relay_clock.now()),
            landed,
            parent=self,
            on_failure=lambda exc: log.warning("bot quiet not read: %s", type(exc).__name__),
        )

    def _owner_quiet_until(self, conversation: ConversationRow, now: datetime) -> datetime | None:
        """Until when the bot is quiet in this chat because the owner wrote there (as last read)."""
        known = self._owner_pause
        if known is None or known[:2] != (conversation.contact_id, conversation.phone_number_id):
            return None
        return known[2].until(now)

    def recheck_bot_quiet(self) -> None:
        """The time moved on (the quiet's end came, the laptop woke): Resume bot as it is now."""
        if self.conversation is not None:
            self._offer_resume(self.conversation)

    def _offer_resume(self, conversation: ConversationRow) -> None:
        """Resume bot for her chats whose bot is off, but those resumed here already; once none is
        left, the note that the bot answers her again (when she was resumed here)."""
        now = relay_clock.now()
        quiet_until = self._owner_quiet_until(conversation, now)
        off = bot_off_chats(conversation, now, self.ctx.shop_region, quiet_until)
        if self._resumed is not None:
            off = [chat for chat in off if (chat.number_id, chat.until) not in self._resumed[1]]
        quiet = next((chat.until for chat in off if chat.owner_wrote), None)
        self._arm_quiet_end(quiet, now)
        self.resume_bot_button.offer(off, conversation.phone_number_id, now)
        self.resume_bot_button.setVisible(bool(off) and self.ctx.sync is not None)
        shown = self.resume_bot_button.isVisibleTo(self.header)
        self.bot_resumed_note.setVisible(self._resumed is not None and not shown)
        if quiet is not None:
            self.bot_quiet_note.setText(self.tr("Bot quiet until {0}").format(coming_time(quiet, now)))
            self.bot_quiet_note.setToolTip(self.resume_bot_button.quiet_sentence(quiet, now))
        self.bot_quiet_note.setVisible(shown and quiet is not None)

    def _arm_quiet_end(self, until: datetime | None, now: datetime) -> None:
        if until is None:
            self._owner_pause_end.stop()
            return
        wait_ms = (until - now).total_seconds() * 1000 + PAUSE_END_SLACK_MS
        # Looked at again within the hour at most: the computer's clock may be moved meanwhile.
        self._owner_pause_end.start(int(min(wait_ms, 3_600_000)))

    def _say_reply_number_chosen(self) -> None:
        """The owner chose to reply from the shop's other number (or the choice lapsed): the header
        says where replies go."""
        if self.conversation is not None:
            self._say_subtitle(self.conversation)

    def _say_subtitle(self, conversation: ConversationRow) -> str:
        """The header's line under the name, and its tooltip; the chat's number as it writes it ("" in
        a one-number shop)."""
        phone = display_phone(conversation.wa_id or "", self.ctx.shop_region)
        # WhatsApp marks a name with "~" only where the customer's own name stands in for one the
        # shop has not saved (the title is then that name). Beside a saved name, "~오세훈" read as
        # the owner's own name marked as the customer's; her WhatsApp name is in the contact panel.
        sub = phone if phone != conversation.display_name else ""
        tip, number = "", ""
        if conversation.username_only:
            sub = self.tr("WhatsApp username · no phone number shared")
        if conversation.business_number:
            # A shop with two numbers (two branches): which one this customer wrote to, and so which
            # one the reply goes from (the relay sends from the number she last wrote to).
            number = business_number_text(conversation.business_number, self.ctx.shop_region)
            sub = " · ".join(filter(None, [sub, self.tr("To your number {0}").format(number)]))
            tip = with_particles(
                self.tr("This customer wrote to your number {0}; replies go from it.").format(number)
            )
            chosen = self.composer.send_from if self.composer.contact_id == conversation.contact_id else None
            if chosen is not None:
                # Her window is closed on the chat's number: the owner chose to reply from the other.
                sub = " · ".join([sub, self.tr("Replies from {0}").format(chosen.number)])
                tip = with_particles(
                    self.tr(
                        "This customer wrote to your number {0}; your replies go from your number {1}, "
                        "which she wrote to within 24 hours."
                    ).format(number, chosen.number)
                )
        if conversation.group_archive:
            sub = self.tr("Group chat archive · read-only")
        elif conversation.opted_out:
            # Said where the owner looks before she writes, not only at the contact panel's foot.
            sub = " · ".join(filter(None, [sub, self.tr("Opted out of marketing")]))
            opted = self.tr("This customer asked not to get marketing messages: campaigns leave her out.")
            tip = "\n".join(filter(None, [tip, opted]))
        self.subtitle.setText(sub)
        self.subtitle.setToolTip(tip)
        return number

    def _read_number_windows(self, conversation: ConversationRow) -> None:
        """In a shop with two numbers, when the customer last wrote to each (WhatsApp's 24-hour
        window is per number): the composer says so when only the other number's is open."""
        contact_id, chat_number = conversation.contact_id, conversation.phone_number_id
        if not conversation.business_number or conversation.group_archive:
            self.composer.set_number_windows(chat_number, ())
            self.view.say_number_windows(contact_id, ())
            return
        region = self.ctx.shop_region

        def show(windows: tuple[NumberWindow, ...]) -> None:
            if self.conversation is None or self.conversation.contact_id != contact_id:
                return  # another chat was opened meanwhile
            said = tuple(
                dataclasses.replace(w, number=business_number_text(w.number, region)) for w in windows
            )
            self.composer.set_number_windows(chat_number, said)
            self.view.say_number_windows(contact_id, windows)

        self._number_window_reads.run_read(
            self.ctx, lambda session: number_windows(session, contact_id), show, parent=self
        )

    def _read_whether_written(self, conversation: ConversationRow) -> None:
        """A chat with no live message from the customer: whether she ever wrote (imported history
        counts), so a closed window is said as "has not written yet" only where that is true."""
        if conversation.last_inbound_at is not None:
            # Newer than any read running: one read before her first message said she never wrote.
            self._written_reads.overtaken()
            self.composer.set_never_wrote(False)
            return
        contact_id = conversation.contact_id

        def show(written: bool) -> None:
            if self.conversation is not None and self.conversation.contact_id == contact_id:
                self.composer.set_never_wrote(not written)

        self._written_reads.run_read(
            self.ctx, lambda session: has_written(session, contact_id), show, parent=self
        )

    def close_chat(self) -> None:
        self._resumed = None
        self._owner_pause_end.stop()
        self.bot_resumed_note.setVisible(False)
        self.bot_quiet_note.setVisible(False)
        self.composer.set_chat(None)
        self.conversation = None
        self.view.chat_model.close_chat()
        self.stack.setCurrentIndex(0)
        self.chat_changed.emit()

    def contact_id(self) -> int | None:
        return self.conversation.contact_id if self.conversation else None

    def _contact_info(self) -> ContactInfo | None:
        conv = self.conversation
        if conv is None:
            return None
        words = tuple(self.view.chat_model.their_words())
        return ContactInfo(name=conv.display_name, phone=conv.wa_id or "", their_words=words)

    def _quick_reply_inserted(self, row: QuickReplyRow) -> None:
        """The reply's text is in the box; its file goes on the attachment bar, checked as a file
        attached by hand is (`attachable`). Moved or deleted since, or one WhatsApp would refuse,
        it is not attached (what was on the bar stays) and the note under the box says why (never
        the text going alone unnoticed)."""
        try:
            path = attachment_of(row, check=attachable)
        except InvalidInput as exc:
            self.composer.say_not_attached(failure_sentence(exc))
            return
        if path is not None:
            self.composer.set_attachment(path)

    # ----------------------------------------------------------------- actions
    def jump_to_wamid(self, wamid: str) -> None:
        """A quote was clicked: find the quoted message off the GUI thread, then open the chat around it."""

        def found(target: MessageRow | None) -> None:
            if target is None:
                message_box.information(
                    self, self.tr("Message not found"), self.tr("The original message is not in this inbox.")
                )
                return
            self.view.open_around(target.id)

        run_read(self.ctx, lambda s: message_by_wamid(s, wamid), found, parent=self)

    def resume_bot(self, chats: tuple[BotOff, ...]) -> None:
        """Ask the relay to let the menu bot answer her again in these chats of hers (one per
        number); each `contact` event it emits clears "Needs a person" there, here and on every
        other desktop."""
        conv = self.conversation
        client = self.ctx.sync.relay_client() if self.ctx.sync is not None else None
        if conv is None or not conv.wa_id or client is None or not chats:
            return
        wa_id = conv.wa_id
        self.resume_bot_button.setEnabled(False)
        # Her row's chat may be quiet because the owner wrote there too (or only that): the resume
        # ends that as well, and until the relay's event is read the stale quiet must not come back.
        quiet = self._owner_quiet_until(conv, relay_clock.now())
        also: frozenset[tuple[str | None, datetime | None]] = frozenset()
        if quiet is not None and any(chat.number_id == conv.phone_number_id for chat in chats):
            also = frozenset({(conv.phone_number_id, quiet)})

        def resume_each() -> None:
            for chat in chats:
                client.resume_bot(wa_id, chat.number_id)

        def done(_result: object) -> None:
            self.resume_bot_button.setEnabled(True)
            if self.conversation is None or self.conversation.contact_id != conv.contact_id:
                return  # the owner opened another chat meanwhile
            # The hand-offs she resumed (the row she clicked on), not the row read since: when the
            # relay's `contact` event came before this answer, that row no longer had them, and a
            # stale refresh still carrying them offered them again.
            before = self._resumed[1] if self._resumed is not None else frozenset()
            self._resumed = (conv.contact_id, before | {(c.number_id, c.until) for c in chats} | also)
            self._offer_resume(self.conversation)

        def failed(exc: BaseException) -> None:
            self.resume_bot_button.setEnabled(True)
            message_box.warning(self, self.tr("Resume bot"), failure_sentence(exc))

        run_op(resume_each, done, parent=self, on_failure=failed)

    def reply_to_current(self) -> None:
        message = self.view.current_message()
        if message is not None:
            self.reply_to(message)

    def reply_to(self, message: MessageRow) -> None:
        """Quote `message` in the composer; the row chosen to answer is let go (the quote above the
        typing shows what is answered; the row stayed highlighted after the answer went)."""
        self.composer.set_reply(message)
        self.view.clearSelection()

    def with_phone_number(self, then: Callable[[], object]) -> None:
        """Run `then` once the open chat's customer has a phone number, asking the owner for it first."""
        conv = self.conversation
        if conv is None:
            return
        if conv.wa_id:
            then()
            return
        from ui.phone_number_prompt import ask_for_phone_number

        ask_for_phone_number(
            self,
            self.ctx,
            conv.contact_id,
            conv.display_name,
            then,
            lambda cid: self.ctx.publish(Changes.for_contacts({cid}, messages=False)),
            username_only=conv.username_only,
        )

    def keep_drafts(self) -> None:
        """The composer's unsent texts and their quotes, into the inbox (app/drafts.py): a restart or a
        crash loses none.
        A draft that cannot be written (a full disk) stays in the box; the next pause tries again."""
        drafts, quotes, db = dict(self.composer.drafts), self.composer.quotes(), self.ctx.db
        files = self.composer.attached_files()
        run_change(
            self.ctx,
            lambda: store_drafts(db, drafts, quotes, files),
            parent=self,
            on_failure=lambda _exc: None,
        )

    def send(self, out: Outgoing) -> None:
        conv = self.conversation
        if conv is not None and conv.contact_id == out.contact_id and not conv.wa_id:
            self.with_phone_number(lambda: self.send(out))
            return

        def done(message_id: int) -> None:
            model = self.view.chat_model
            if model.contact_id == out.contact_id and model.has_newer:
                # Reading an old stretch (a search hit): jump to the newest page, where it is.
                self.view.open_chat(out.contact_id)
            else:
                model.insert_local_id(message_id)  # the view scrolls to it once it is in
            if model.contact_id == out.contact_id:
                model.clear_unread_divider()
            self.message_queued.emit(out.contact_id)
            if self.ctx.sync is not None:
                self.ctx.sync.wake_sender()

        def failed(exc: BaseException) -> None:
            if out.template is None and self.composer.contact_id == out.contact_id:
                # Nothing typed or attached is lost: the owner fixes what the warning says and sends again.
                if not self.composer.edit.toPlainText():
                    self.composer.edit.setPlainText(out.text)
                kept = out.attachment
                if kept is not None and kept not in self.composer.attachments and kept.exists():
                    self.composer.add_attachments([kept])
            message_box.warning(self, self.tr("Not sent"), failure_sentence(exc))

        db, media_dir, pasted_in = self.ctx.db, self.ctx.paths.media_dir, self.composer.pasted_in

        def queue() -> int:
            if out.attachment is None:
                return queue_outgoing(db, out)
            copy = keep_for_sending(out.attachment, media_dir)
            try:
                queued = queue_outgoing(db, dataclasses.replace(out, attachment=copy), media_dir)
            except BaseException:
                forget_copy(copy, media_dir)
                raise
            forget_pasted(out.attachment, pasted_in)
            return queued

        run_op(queue, done, parent=self, on_failure=failed, writes=True)

    def pick_template(self) -> None:
        self.with_phone_number(self._pick_template)

    def _pick_template(self) -> None:
        from ui.template_picker import TemplatePicker

        def show(found: tuple[TemplatesFound, BusinessProfile, tuple[str, ...]]) -> None:
            templates, profile, names = found
            conv = self.conversation
            # The name the customer gave WhatsApp: the owner's own nickname for them is not for their eyes.
            name = (conv.profile_name or "") if conv is not None else ""
            words = self.view.chat_model.their_words()  # the template in their language is chosen
            dialog = TemplatePicker(
                templates.templates,
                self,
                customer_name=name,
                their_words=words,
                wa_id=conv.wa_id if conv is not None else None,
                profile=profile,
                shop_names=names,
                not_fetched=templates.not_fetched,
                never_wrote=self.composer.never_wrote,
                opted_out=conv is not None and conv.opted_out,
            )
            delete_when_closed(dialog)
            if dialog.exec() and (chosen := dialog.chosen()) is not None:
                self.composer.send_template(*chosen)

        db = self.ctx.db
        fetch = self.ctx.sync.templates if self.ctx.sync is not None else None
        run_op(
            lambda: (find_approved_templates(db, fetch), shop_profile(db), read_shop_names(db)),
            show,
            parent=self,
        )

    def fetch_media(self, media_id: int, message_id: int, *, open_after: bool) -> None:
        """Download a received file through the relay (off the GUI thread), then show or open it."""
        sync = self.ctx.sync
        if sync is None or not sync.running:
            if open_after:
                message_box.information(
                    self,
                    self.tr("Not downloaded"),
                    self.tr("This file has not been downloaded yet. It will be when you are online."),
                )
            return

        def done(path: Path | None) -> None:
            if open_after and path is not None:
                # Fetched again where a file had gone: its picture and bubble are read anew.
                self.view.bubbles.pictures.forget(str(path))
                self.view.bubbles.clear_cache()
            self.view.chat_model.media_ready(message_id)
            if open_after and path is not None:
                open_file(self, path)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, RelayBusy | RelayUnreachable):
                # The relay or WhatsApp out of reach, or the file not handed over yet: not lost.
                self.view.chat_model.media_not_fetched(media_id, message_id)
            elif isinstance(exc, RelayError) and exc.code is ErrorCode.MEDIA_UNAVAILABLE:
                # Gone for good at WhatsApp: its box says so now, not only when clicked.
                self.view.chat_model.media_gone(media_id, message_id)
            if open_after:
                said = download_sentence(exc) if isinstance(exc, ShopInboxError) else failure_sentence(exc)
                message_box.warning(self, self.tr("Not downloaded"), said)
            else:
                log.info("picture %d not fetched: %s", media_id, exc)

        run_op(lambda: sync.fetch_media(media_id), done, parent=self, on_failure=failed)

    def react(self, row: MessageRow, emoji: str) -> None:
        """A reaction to one of the chat's messages, sent through the relay now (never queued)."""
        from app.chat_actions import send_reaction
        from app.errors import RelayUnreachable
        from ui.ops import run_change

        sync = self.ctx.sync
        client = sync.relay_client() if sync is not None and sync.running else None

        def failed(exc: BaseException) -> None:
            message_box.warning(self, self.tr("Reaction not sent"), failure_sentence(exc))

        if client is None or not row.wamid:
            failed(RelayUnreachable())
            return
        db, wamid, contact_id = self.ctx.db, row.wamid, row.contact_id
        send = lambda: send_reaction(db, client, contact_id, wamid, emoji)  # noqa: E731
        run_change(self.ctx, send, parent=self, on_failure=failed)

    def save_media(self, row: MessageRow, media: MediaInfo) -> None:
        """ "Save as…" on a photo or file of the chat: a copy where the owner says (downloaded through
        the relay first when it never was), off the GUI thread."""
        name = media.filename or saved_media_name(kind_label(row.kind), row.sent_at, media.mime)
        target = save_file_name(self, Picked.SAVED, self.tr("Save as"), name)
        if not target:
            return
        media_dir, sync = self.ctx.paths.media_dir, self.ctx.sync
        online = sync is not None and sync.running

        def copy() -> None:
            source = media_dir / media.cache_path if media.cache_path else None
            if (source is None or not source.exists()) and online and sync is not None:
                source = sync.fetch_media(media.id)
            if source is None or not source.exists():
                raise InvalidInput(code=ErrorCode.NOT_DOWNLOADED)
            shutil.copyfile(source, target)

        def failed(exc: BaseException) -> None:
            said = download_sentence(exc) if isinstance(exc, ShopInboxError) else failure_sentence(exc)
            message_box.warning(self, self.tr("Not saved"), said)

        run_op(copy, parent=self, on_failure=failed)

    def retry(self, message_id: int, from_number: str | None = None) -> None:
        """Send a failed message again: from the chat's number, or from `from_number` (a reply refused
        for her closed window on one of the shop's numbers, retried from the one she wrote to)."""
        self._outbox_change(lambda s: retry_message(s, message_id, from_number))

    def delete(self, message_id: int) -> None:
        self._outbox_change(lambda s: delete_message(s, message_id))

    def cancel_sending(self, message_id: int) -> None:
        """Take back a message the relay has not got; its text goes back in the box (or the clipboard)."""
        contact_id = self.contact_id()
        if contact_id is None:
            return

        media_dir = self.ctx.paths.media_dir

        def work(s: Session) -> tuple[Cancelled | None, Changes]:
            return cancel_waiting(s, message_id, media_dir), Changes.for_contacts({contact_id})

        def done(cancelled: Cancelled | None) -> None:
            if self.ctx.sync is not None:
                self.ctx.sync.wake_sender()  # with nothing left waiting, "can't reach WhatsApp" goes
            if cancelled is None:
                message_box.information(
                    self,
                    self.tr("Cancel sending"),
                    self.tr(
                        "This message may already be on its way to WhatsApp, so it can no longer be "
                        "cancelled. Its ticks show what happens to it."
                    ),
                )
                return
            text = cancelled.text
            files = [path for path in cancelled.files if path.exists()]
            if not text and not files:
                return
            composer = self.composer
            if (
                composer.contact_id == contact_id
                and not composer.edit.toPlainText()
                and not composer.attachments
            ):
                # Taken back whole: a photo whose upload was stopped comes back with its caption.
                if files:
                    composer.add_attachments(files)
                composer.edit.setPlainText(text)
                composer.edit.setFocus()
            elif text:
                QGuiApplication.clipboard().setText(text)
                message_box.information(
                    self,
                    self.tr("Cancel sending"),
                    self.tr(
                        "The message was not sent. Its text is on the clipboard: paste it to use it again."
                    ),
                )

        run_write_returning(self.ctx, work, done, parent=self)

    def _outbox_change(self, change: Callable[[Session], object]) -> None:
        """Retry or delete one of the open chat's queued messages; the chat repaints from the `Changes`."""
        contact_id = self.contact_id()
        if contact_id is None:
            return

        def work(s: Session) -> Changes:
            change(s)
            return Changes.for_contacts({contact_id})

        def done(_changes: Changes) -> None:
            if self.ctx.sync is not None:
                self.ctx.sync.wake_sender()

        run_write(self.ctx, work, done, parent=self)
