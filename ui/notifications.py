"""Desktop notifications (new messages, reactions, hand-offs) while the window is inactive; unread total."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from app import relay_clock
from app.graphemes import cut_to
from app.queries import Arrival, ConversationRow
from app.reaction_news import ReactionNews
from app.text_direction import isolated
from ui.formatting import business_number_text, chat_preview, count_text, full_datetime, kind_label
from ui.notification_markup import NotificationMarkup
from ui.ops import failure_sentence
from ui.resources import icon_path

log = logging.getLogger(__name__)

PREVIEW_CHARS = 120
# A catch-up after the laptop slept arrives as many synced batches: more than this many chats with
# new messages within COALESCE_MS become one "N new messages in M chats" instead of a notification each.
SINGLE_NOTIFICATIONS_MAX = 2
COALESCE_MS = 2000
# A chat a synced batch said its customer wrote to is news when its row comes within this long (the
# list re-reads rows every half second); one whose row never comes (a catch-up's chats beyond the
# list) is forgotten then, not told later for another reason.
WRITTEN_FRESH_S = 60.0


class Notifier(QObject):
    """Decides whether a change deserves a notification; shows it through the tray icon, or
    without one (GNOME) flashes the window's taskbar entry.

    `notified(contact_id, title, text)` is emitted for every chat's notification (tests listen to
    it), `campaign_told(campaign_id, title, text)` for a campaign's; `chat_requested(contact_id)`,
    `message_requested(contact_id, message_id)` (a reaction's: the message she reacted to) or
    `campaign_requested(campaign_id)` when the owner clicks one.
    """

    notified = Signal(int, str, str)
    chat_requested = Signal(int)
    message_requested = Signal(int, int)
    campaign_told = Signal(int, str, str)
    campaign_requested = Signal(int)
    backup_told = Signal(str, str)  # the daily backup is overdue (title, text)

    def __init__(
        self,
        window: QWidget,
        prefs: dict,
        is_window_active: Callable[[], bool] | None = None,
        quit_app: Callable[[], None] | None = None,
        shop_region: Callable[[], str] = lambda: "KR",
        markup: NotificationMarkup | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.prefs = prefs
        self.shop_region = shop_region  # the shop's country, as its own numbers are written there
        self.is_window_active = is_window_active or (
            lambda: window.isActiveWindow() and not window.isMinimized()
        )
        self._last_contact: int | None = None
        self._last_campaign: int | None = None  # the last notification was this campaign's
        self._last_message: int | None = None  # the last one was a reaction to this message
        # Chats with new messages waiting to be told as one summary (contact id → its newest row, or
        # what is known of a chat the list does not show).
        self._pending: dict[int, ConversationRow | Arrival] = {}
        # Customers' reactions waiting for the same summary (contact id → her reactions).
        self._pending_reactions: dict[int, list[ReactionNews]] = {}
        self._recent = 0  # chats told one by one in the current coalescing window
        # Chats a customer wrote to in synced batches whose rows are not in yet (customers_wrote).
        self._written: dict[int, float] = {}  # contact id → time.monotonic() it was said
        self._summary = QTimer(self)
        self._summary.setSingleShot(True)
        self._summary.setInterval(COALESCE_MS)
        self._summary.timeout.connect(self._flush)
        self.tray: QSystemTrayIcon | None = None
        self._told_in_tray = False  # that closing the window left the app running in the tray
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QIcon(str(icon_path("app.svg"))), self)
            menu = QMenu(window)
            menu.addAction(self.tr("Show Shop Inbox"), self._raise)
            if quit_app is not None:
                menu.addSeparator()
                menu.addAction(self.tr("Quit Shop Inbox"), quit_app)
            self.tray.setContextMenu(menu)
            self.tray.messageClicked.connect(self.message_clicked)
            self.tray.activated.connect(self._tray_activated)
            self.tray.show()
        # Whether the desktop reads a notification's body as markup (a customer's text must not be).
        self.markup = markup if markup is not None or self.tray is None else NotificationMarkup(self)

    def conversations_changed(
        self,
        changes: list[tuple[ConversationRow | None, ConversationRow]],
        elsewhere: list[Arrival] | None = None,
    ) -> None:
        """Called with (before, after) rows of a sync batch, and the chats beyond the list's rows a
        customer wrote to (a catch-up's many: they only ever join the summary)."""
        fresh = time.monotonic() - WRITTEN_FRESH_S
        changed = {new.contact_id for _old, new in changes}
        written = {cid for cid in changed if self._written.get(cid, fresh) > fresh}
        seen = changed | {a.contact_id for a in elsewhere or ()}
        self._written = {cid: at for cid, at in self._written.items() if cid not in seen and at > fresh}
        if not self.would_notify():
            return
        now = relay_clock.now()  # a hand-off's end is the relay's time
        for old, new in changes:
            if new.needs_person(now) and not (old and old.needs_person(now)):
                self._notify_handoff(new)  # instead of the message that asked for a person
                continue
            before = old.unread_count if old else 0
            # The relay's greeting, away or bot reply may come in the same batch as the customer's
            # message (at night, after the laptop slept): the customer is still the news. So is a
            # message that came late and sorts in above the shop's reply, which the owner never saw.
            if (
                new.unread_count > before
                and (new.last_direction == "in" or new.answered_automatically() or new.contact_id in written)
                and not new.blocked
                and not new.archived
            ):
                self._tell(new)
        for arrival in elsewhere or ():
            if not self._summary.isActive():
                self._recent = 0
            self._summary.start()
            if not isinstance(self._pending.get(arrival.contact_id), ConversationRow):
                self._pending[arrival.contact_id] = arrival  # a row already waiting names the chat

    def customers_wrote(self, contact_ids: frozenset[int]) -> None:
        """A synced batch brought these chats' customers' new messages (`Changes.written`): their
        rows, when they come, are news even where the shop's reply is still their last message."""
        now = time.monotonic()
        self._written.update(dict.fromkeys(contact_ids, now))

    def would_notify(self) -> bool:
        """Notifications are on and the owner is not looking at the window."""
        return bool(self.prefs.get("notifications", True)) and not self.is_window_active()

    def reactions_arrived(self, news: list[ReactionNews]) -> None:
        """Customers reacted to messages of their chats (a synced batch's, oldest first): each told
        as a new message is, a catch-up's many within the summary. A blocked or archived chat's
        reaction is not told, as its messages are not."""
        if not self.would_notify():
            return
        for reaction in news:
            if not reaction.row.blocked and not reaction.row.archived:
                self._tell(reaction.row, reaction)

    def _tell(self, row: ConversationRow, reaction: ReactionNews | None = None) -> None:
        """One chat's new message (or its customer's reaction): told at once, unless many chats are
        arriving together (a catch-up), which become one summary when they stop arriving."""
        if not self._summary.isActive():
            self._recent = 0
        self._summary.start()  # (re)starts the coalescing window
        if not self._pending and not self._pending_reactions and self._recent < SINGLE_NOTIFICATIONS_MAX:
            self._recent += 1
            if reaction is None:
                self._notify(row)
            else:
                self._notify_reaction(reaction)
            return
        if reaction is None:
            self._pending[row.contact_id] = row
        else:
            self._pending_reactions.setdefault(row.contact_id, []).append(reaction)

    def _flush(self) -> None:
        rows = list(self._pending.values())
        reactions = [r for waiting in self._pending_reactions.values() for r in waiting]
        told_alone = self._recent
        self._pending.clear()
        self._pending_reactions.clear()
        self._recent = 0
        if not rows and not reactions:
            return
        if len(rows) == 1 and isinstance(rows[0], ConversationRow) and not reactions:
            self._notify(rows[0])
            return
        if len(reactions) == 1 and not rows:
            self._notify_reaction(reactions[0])
            return
        # A reaction counts as a message, as in WhatsApp's own summary: it is how she answered.
        messages = sum(max(row.unread_count, 1) for row in rows) + len(reactions)
        chats = len({row.contact_id for row in rows} | {r.row.contact_id for r in reactions})
        never = datetime.min.replace(tzinfo=UTC)
        newest = max(
            [(row.last_message_at or never, row.contact_id) for row in rows]
            + [(r.at, r.row.contact_id) for r in reactions]
        )[1]
        title = self.tr("Shop Inbox")
        # One chat more after those told one by one: "1 new message in 1 more chat", not "1 … chats".
        if told_alone and messages == 1:
            text = self.tr("1 new message in 1 more chat")
        elif told_alone and chats == 1:
            text = self.tr("{0} new messages in 1 more chat").format(count_text(messages))
        elif told_alone:
            text = self.tr("{0} new messages in {1} more chats").format(
                count_text(messages), count_text(chats)
            )
        elif messages == 1:
            text = self.tr("1 new message in 1 chat")
        elif chats == 1:
            text = self.tr("{0} new messages in 1 chat").format(count_text(messages))
        else:
            text = self.tr("{0} new messages in {1} chats").format(count_text(messages), count_text(chats))
        self._last_contact, self._last_campaign, self._last_message = newest, None, None
        self._show(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        self.notified.emit(newest, title, text)

    def _notify(self, row: ConversationRow) -> None:
        title = row.display_name
        # What she wrote last (app.queries fills it): not the relay's automatic reply after it, not
        # the chat's newest message when hers came late.
        if not self.prefs.get("notification_previews", True):
            text = self.tr("New message")
        elif row.arrived_kind is not None:
            text = self._preview(row.arrived_kind, row.arrived_body) or self.tr("New message")
        elif row.answered_automatically():
            text = self.tr("New message")
        else:
            text = self._preview(row.last_kind, row.last_body)
        if row.unread_count > 1:
            title = self.tr("{0} ({1} messages)").format(isolated(title), row.unread_count)
        # The number the message came to: a late one to the other number leaves the chat on its own.
        title = self._with_number(title, row, row.arrived_number)
        self._last_contact, self._last_campaign, self._last_message = row.contact_id, None, None
        self._show(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        self.notified.emit(row.contact_id, title, text)

    def _notify_reaction(self, reaction: ReactionNews) -> None:
        """A customer reacted to a message: "Reacted 👍 to: Your total is ₩45,000…" under her name."""
        row = reaction.row
        title = self._with_number(row.display_name, row)
        what = self._preview(reaction.kind, reaction.body)
        if self.prefs.get("notification_previews", True) and what:
            text = self.tr("Reacted {0} to: {1}").format(reaction.emoji, isolated(what))
        elif self.prefs.get("notification_previews", True):
            text = self.tr("Reacted {0} to a message").format(reaction.emoji)
        else:
            text = self.tr("Reacted to a message")
        self._last_contact, self._last_campaign = row.contact_id, None
        self._last_message = reaction.message_id
        self._show(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        self.notified.emit(row.contact_id, title, text)

    def _with_number(self, title: str, row: ConversationRow, number_written: str | None = None) -> str:
        """A shop with two numbers (two branches) is told which one the customer wrote to
        (`number_written`; by default the chat's)."""
        written = number_written or row.business_number
        if not written:
            return title
        number = business_number_text(written, self.shop_region())
        return self.tr("{0} · to your number {1}").format(isolated(title), number)

    def _preview(self, kind: str | None, body: str | None) -> str:
        """The customer's message in one line; a photo's or file's caption says what came with it
        ("Photo: 이 색 있나요?"), as the chat list's camera icon does beside it."""
        text = chat_preview(kind, body, "in")
        label = kind_label(kind or "text")
        labelled = bool(label and text and text != label)
        room = PREVIEW_CHARS - (len(label) + 4 if labelled else 0)  # ": " and the caption's isolate
        if len(text) > room:  # cut where a word ends, and say it goes on
            # Thai, Japanese and a row of emoji have no spaces: cut between whole characters there,
            # never inside a flag or before a vowel's mark.
            cut = cut_to(text, room - 1)
            text = (cut.rsplit(" ", 1)[0] if " " in cut[room // 2 :] else cut).rstrip() + "…"
        if labelled:
            text = self.tr("{0}: {1}").format(label, isolated(text))
        return text

    def _notify_handoff(self, row: ConversationRow) -> None:
        """The menu bot handed this chat to a person: say so, whichever chat is open."""
        title = self._with_number(row.display_name, row)
        text = self.tr("Needs a person: the menu bot handed this chat over.")
        self._last_contact, self._last_campaign, self._last_message = row.contact_id, None, None
        self._show(title, text, QSystemTrayIcon.MessageIcon.Warning, 15000)
        self.notified.emit(row.contact_id, title, text)

    def campaigns_stopped(self, stopped: list[tuple[int, str, str]]) -> None:
        """The relay paused campaigns (id, name, why) for Meta's reason: told even with the window in
        front, where only the campaign window would show it; several at once (the number's quality
        fell) as one notification."""
        if not stopped or not self.prefs.get("notifications", True):
            return
        campaign_id, name, why = stopped[0]
        if len(stopped) > 1:
            title = self.tr("%Ln campaign(s) paused", "", len(stopped))
            why = "; ".join(dict.fromkeys(reason for _id, _name, reason in stopped))
        else:
            title = self.tr("Campaign paused: {0}").format(name)
        # A sentence of its own ("The number's quality dropped."); Hangul has no capitals to change.
        text = self.tr("{0}. Customers not sent yet are waiting; none failed.").format(
            why[:1].upper() + why[1:]
        )
        self._last_contact, self._last_campaign, self._last_message = None, campaign_id, None
        self._show(title, text, QSystemTrayIcon.MessageIcon.Warning, 15000)
        self.campaign_told.emit(campaign_id, title, text)

    def backups_overdue(self, last: datetime | None, failure: BaseException) -> None:
        """The daily backup has not been made for days (or its first one failed): told even with
        the window in front, and whatever the message notifications are set to (it is no message)."""
        title = self.tr("No backup made")
        since = (
            self.tr("The last daily backup was made {when}.").format(when=full_datetime(last))
            if last is not None
            else self.tr("No daily backup has been made yet.")
        )
        text = f"{since} {failure_sentence(failure)}"
        self._last_contact, self._last_campaign, self._last_message = None, None, None
        self._show(title, text, QSystemTrayIcon.MessageIcon.Warning, 15000)
        self.backup_told.emit(title, text)

    def _show(self, title: str, text: str, icon: QSystemTrayIcon.MessageIcon, msecs: int) -> None:
        """Through the tray icon, where there is one; and the window asks for attention: its
        taskbar entry flashes until the owner looks (the tray's message is gone after a few
        seconds, and a taskbar of icons shows no title), the dock icon bounces, GNOME (no tray)
        says it is ready. The window's title keeps the unread count either way."""
        if self.tray is not None:
            self.tray.showMessage(title, self.markup.body(text) if self.markup else text, icon, msecs)
        if not self.is_window_active():
            QApplication.alert(self.window)

    def set_unread_total(self, total: int, per_number: list[tuple[str, int]] | None = None) -> None:
        """The tray's tooltip: the unread messages of every chat, and with two numbers how many wait
        on each (`per_number`: the number as written, its count), whichever one the list shows."""
        if self.tray is None:
            return
        self.tray.setToolTip(self.unread_tooltip(total, per_number or []))

    def unread_tooltip(self, total: int, per_number: list[tuple[str, int]]) -> str:
        if total == 0:
            return self.tr("Shop Inbox")
        if total == 1:
            tip = self.tr("Shop Inbox — 1 unread message")
        else:
            tip = self.tr("Shop Inbox — %Ln unread messages", "", total)
        for number, count in per_number:
            tip += "\n" + self.tr("To your number {0}: {1}").format(number, count_text(count))
        return tip

    def message_clicked(self) -> None:
        """A notification was clicked (the tray tells): its chat (at the message a reaction was
        to), or its campaign."""
        self._raise()
        if self._last_campaign is not None:
            self.campaign_requested.emit(self._last_campaign)
        elif self._last_contact is not None and self._last_message is not None:
            self.message_requested.emit(self._last_contact, self._last_message)
        elif self._last_contact is not None:
            self.chat_requested.emit(self._last_contact)

    def keeps_running_in_tray(self) -> bool:
        """The owner chose that closing the window keeps the app in the tray, and there is one: the
        window hides, said once a run by the tray, so she knows where it went and that it notifies."""
        if self.tray is None or not self.prefs.get("close_to_tray", False):
            return False
        if not self._told_in_tray:
            self._told_in_tray = True
            self.tray.showMessage(
                self.tr("Shop Inbox is still running"),
                self.tr("New messages are still notified here. To quit, right-click this icon."),
                QSystemTrayIcon.MessageIcon.Information,
                8000,
            )
        return True

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        """A click on the tray icon brings the window forward; a right-click only opens its menu."""
        if reason != QSystemTrayIcon.ActivationReason.Context:
            self._raise()

    def _raise(self) -> None:
        from ui.single_instance import bring_to_front

        bring_to_front(self.window)

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()
