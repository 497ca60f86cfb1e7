"""A strip above the chat saying when the relay cannot be reached (and, briefly, when it can again),
refuses the relay token, is cut off from WhatsApp, or is oddly quiet."""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.connection import HISTORY_NOTICES, STORAGE_TROUBLE, Connection, ConnectionState
from app.errors import ErrorCode
from app.inbound_silence import InboundSilence
from ui import icons
from ui.announce import announce
from ui.error_sentences import storage_sentence
from ui.formatting import WORD_JOINER, full_datetime
from ui.icon_buttons import keys_tip, press_with_keys
from ui.korean_particles import with_particles

# States in which the relay could not be reached: leaving one for ONLINE is news ("Reconnected").
LOST = (Connection.OFFLINE, Connection.RECONNECTING)
RECONNECTED_SECONDS = 4
# Why the relay cannot be reached when waiting will not mend it: said at once, never a blip.
SAID_AT_ONCE = frozenset(
    {
        ErrorCode.NETWORK_SIGN_IN,
        ErrorCode.RELAY_CERTIFICATE_EXPIRED,
        ErrorCode.RELAY_CERTIFICATE_INVALID,
        ErrorCode.RELAY_CERTIFICATE_UNTRUSTED,
        ErrorCode.RELAY_PROXY_REFUSED,
        ErrorCode.RELAY_DATABASE_UNUSABLE,
    }
)
# A connection lost while online is said only if it stays lost this long: on a phone's hotspot a
# request cut short, answered again a second later, flashed "Cannot reach" and "Reconnected" in turn.
BLIP_SECONDS = 6

# States in which the Retry button makes sense (the engine is waiting, or has given up on the token).
RETRY_KEYS = "F5"  # Retry, or Start again where it shows instead
OPEN_FOLDER_KEYS = "Alt+Shift+L"  # a full disk's Open folder

RETRYABLE = (
    Connection.OFFLINE,
    Connection.RECONNECTING,
    Connection.UNAUTHORISED,
    Connection.KEYRING_LOCKED,
    *STORAGE_TROUBLE,
)


def unbroken(url: str) -> str:
    """The address on one line: a wrapped banner broke "http://" from the rest, and the owner read
    half an address. WORD JOINER after each place a line may break in it (it draws nothing)."""
    return "".join(c + WORD_JOINER if c in "/:.-" else c for c in url)


class ConnectionBanner(QFrame):
    """Hidden while online; chats stay browsable whatever it says. Counts down to the next attempt."""

    retry_requested = Signal()
    settings_requested = Signal()
    relay_check_requested = Signal()  # Settings ▸ Relay, running the relay's check at once
    start_again_requested = Signal()  # opened to read only on a full disk: start again with room
    open_folder_requested = Signal()  # a full disk: the folder holding the inbox, to see which disk
    history_gap_closed = Signal()  # the owner closed the history-gap notice: not said again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.state = ConnectionState(Connection.ONLINE)
        self.icon = QLabel(self)
        self.icon.setPixmap(icons.icon("offline").pixmap(20, 20))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        # Alt+T, and F5, the key that loads a page again (Choose template… and Record opt-out moved to
        # P and U to leave it T).
        self.retry = QPushButton(self.tr("Re&try"), self)
        press_with_keys(self.retry, RETRY_KEYS, self.tr("Try to reach your relay now"))
        self.retry.clicked.connect(self.retry_requested)
        # Alt+G: the menus hold F, E, C, S and H (Alt+S opens Shop), the banner is in their window.
        self.settings = QPushButton(self.tr("Settin&gs"), self)
        self.settings.clicked.connect(self._settings_clicked)
        # News about the relay's history asks nothing of the owner: read, then put away.
        self.dismiss = QPushButton(self.tr("Close"), self)
        self.dismiss.setToolTip(keys_tip(self.tr("Close this notice"), "Esc"))  # ui/closable_notices.py
        self.dismiss.clicked.connect(self._dismiss)
        self.start_again = QPushButton(self.tr("Start again"), self)
        # F5 too: it shows where Retry cannot help (never beside it), and a hidden button's key does nothing.
        # No letter: the window has one left of its words, N, and the search's number box has it.
        press_with_keys(self.start_again, RETRY_KEYS, self.tr("Close Shop Inbox and open it again"))
        self.start_again.clicked.connect(self.start_again_requested)
        # On a full disk: the file manager at the inbox's folder shows which disk to make room on.
        # A key of its own: its one free letter, L, is the composer's "Reply from …" (a two-number
        # shop's everyday button), which can show below it.
        self.open_folder = QPushButton(self.tr("Open folder"), self)
        press_with_keys(self.open_folder, OPEN_FOLDER_KEYS, self.tr("Show the folder that holds your inbox"))
        self.open_folder.clicked.connect(self.open_folder_requested)
        # A click on the strip leaves the keyboard where the owner was writing (Tab still reaches
        # its buttons): the Settings it opens gave the keyboard back to a button the banner then hid.
        for button in (self.retry, self.settings, self.dismiss, self.start_again, self.open_folder):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._dismissed: Connection | None = None
        # Set while online when customers went unusually quiet: a broken webhook looks like silence.
        self.quiet: InboundSilence | None = None
        # Set while the relay answers but cannot reach WhatsApp: replies wait in the outbox.
        self.graph_down = False
        # The owner's replies waiting in the outbox, told while the relay cannot be reached.
        self.waiting = 0
        # When a history gap found in an earlier run was, while its notice is not closed: said
        # again while online until she closes it (she may have quit before she read it).
        self.earlier_gap: datetime | None = None
        # Whether any chat is kept here: with no relay and none, "browsing saved chats" was untrue
        # (a first start after Set up later).
        self.saved_chats = True
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        layout.addWidget(self.settings)
        layout.addWidget(self.dismiss)
        layout.addWidget(self.start_again)
        layout.addWidget(self.open_folder)
        # Ticks once a second while a retry time is known, so "Reconnecting in 12 s" counts down.
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._show_text)
        # The next attempt's time, once received, on the monotonic clock: the worker waits its delay
        # so, and a wall clock set back 7 minutes meanwhile (a laptop's, put right after sleeping)
        # read "Trying again in 427 s" for an attempt seconds away.
        self._retry_for: datetime | None = None
        self._retry_deadline: float | None = None
        # "Reconnected" for a few seconds after the relay answers again, then the banner goes. Not
        # after the first connection of a start (a slow start-up is no news), only after one was lost.
        self.been_online = False
        self.lost = False  # the relay could not be reached since it last answered
        self.reconnected = QTimer(self)
        self.reconnected.setSingleShot(True)
        self.reconnected.setInterval(RECONNECTED_SECONDS * 1000)
        self.reconnected.timeout.connect(lambda: self.set_state(self.state))
        # Runs while a connection lost a moment ago is not said yet; `blip_over` once it has been.
        self.blip = QTimer(self)
        self.blip.setSingleShot(True)
        self.blip.setInterval(BLIP_SECONDS * 1000)
        self.blip.timeout.connect(self._blip_ended)
        self.blip_over = False
        self._told: tuple[object, ...] | None = None  # the news last said aloud (ui/announce.py)
        self.hide()

    def set_earlier_gap(self, found_at: datetime | None) -> None:
        """A history gap found in an earlier run whose notice was never closed (or None)."""
        self.earlier_gap = found_at
        self.set_state(self.state)

    def set_saved_chats(self, saved: bool) -> None:
        """Whether any chat is kept on this computer (said while no relay is set up)."""
        if saved != self.saved_chats:
            self.saved_chats = saved
            self.set_state(self.state)

    def set_state(self, state: ConnectionState) -> None:
        """Show the sentence for the state (hidden while online or connecting), said aloud when it
        is news."""
        self._show_state(state)
        self._tell()

    def _tell(self) -> None:
        """A screen reader says what the strip says when its news changes (the relay lost, back,
        refusing the token…), not each second of its countdown: a strip appearing says nothing to
        an owner who cannot see it, and Retry alone, reached by Tab, did not say what it retries."""
        news = None
        if not self.isHidden():
            news = (self.state.kind, self.graph_down, self.quiet is not None, self.reconnected.isActive())
        if news != self._told:
            self._told = news
            if news is not None:
                announce(self, self.text.accessibleName())

    def _show_state(self, state: ConnectionState) -> None:
        # Said while nothing more pressing is (a gap found in this run says its own time).
        calm = state.kind in (Connection.ONLINE, Connection.CONNECTING)
        if calm and self.earlier_gap is not None and not self.graph_down and self.quiet is None:
            state = ConnectionState(Connection.HISTORY_GAP, gap_found_at=self.earlier_gap)
        if state.kind is not self._dismissed:
            self._dismissed = None
        if state.kind is Connection.RECONNECTING and self._unsaid_blip(state):
            self.state = state  # said when the blip outlasts BLIP_SECONDS
            return
        if state.kind is not Connection.RECONNECTING:
            self.blip.stop()
        if state.kind is Connection.ONLINE:
            self.blip_over = False
        if state.kind in LOST and self.been_online:
            self.lost = True  # kept through CONNECTING: Retry starts the engine again
        if state.kind is Connection.ONLINE:
            if self.lost:
                self.reconnected.start()
            self.lost = False
            self.been_online = True
        else:
            self.reconnected.stop()
        if state.next_retry_at != self._retry_for:
            self._retry_for = state.next_retry_at
            self._retry_deadline = (
                None
                if state.next_retry_at is None
                else time.monotonic() + (state.next_retry_at - datetime.now(UTC)).total_seconds()
            )
        self.state = state
        if state.kind in (Connection.ONLINE, Connection.CONNECTING) or state.kind is self._dismissed:
            self.countdown.stop()
            # Trouble that remains (the relay cannot reach WhatsApp) wins over the news of being back.
            if state.kind is Connection.ONLINE and (self.graph_down or self.quiet is not None):
                self._show_quiet()
            elif self.reconnected.isActive():
                self._show_reconnected()
            else:
                self.hide()
            return
        severe = state.kind in (Connection.UNAUTHORISED, Connection.NO_TOKEN, Connection.KEYRING_LOCKED)
        self.setProperty("severity", "error" if severe else "warning")
        notice = state.kind in HISTORY_NOTICES
        read_only = state.kind is Connection.READ_ONLY
        # Saving fails, not the connection; or a notice, not a failure at all.
        saving = state.kind in STORAGE_TROUBLE or read_only or state.disk_full
        sign = "error" if saving else "info" if notice else "offline"
        self.icon.setPixmap(icons.icon(sign).pixmap(20, 20))
        self.style().unpolish(self)
        self.style().polish(self)
        # Connections to a folder that went away stay broken when it is back: a new start opens it anew.
        gone = state.kind is Connection.FOLDER_GONE
        disk_full = state.kind is Connection.DISK_FULL or (
            state.kind in LOST and state.disk_full and not state.plain_url
        )
        self.retry.setVisible(state.kind in RETRYABLE and not gone)
        # Settings holds nothing that makes room on a disk: freeing space does, then Retry.
        self.settings.setVisible(not notice and not read_only and not gone and not disk_full)
        self.dismiss.setVisible(notice)
        self.start_again.setVisible(read_only or gone)
        self.open_folder.setVisible(disk_full or read_only)
        if state.next_retry_at is not None:
            self.countdown.start()
        else:
            self.countdown.stop()
        self._show_text()
        self.show()

    def _unsaid_blip(self, state: ConnectionState) -> bool:
        """Whether this failed attempt is left unsaid for now: the relay answered a moment ago and
        nothing is on show. A wrong address, a hotspot's sign-in page or a refused certificate is
        said at once: waiting cannot mend those."""
        if state.plain_url or state.cause in SAID_AT_ONCE or state.disk_full:
            self.blip.stop()
            return False
        if self.blip.isActive():
            return True
        if self.blip_over or not self.been_online or not self.isHidden():
            return False
        if self.state.kind is not Connection.ONLINE:
            return False
        self.blip.start()
        return True

    def _blip_ended(self) -> None:
        self.blip_over = True
        self.set_state(self.state)

    def set_quiet(self, silence: InboundSilence | None) -> None:
        """Customers' silence worth a look (or None); shown only while the relay is reachable."""
        self.quiet = silence
        self.set_state(self.state)

    def set_graph_down(self, down: bool) -> None:
        """The relay cannot reach WhatsApp (or can again); said while the relay itself is reachable."""
        self.graph_down = down
        self.set_state(self.state)

    def set_waiting(self, count: int) -> None:
        """How many of the owner's replies wait to be sent; said while the relay cannot be reached
        or refuses the token."""
        if count == self.waiting:
            return
        self.waiting = count
        if self.isVisible() and self.state.kind in (*LOST, Connection.UNAUTHORISED):
            self._show_text()

    def _waiting_sentence(self) -> str:
        """ "" when nothing waits: the owner's replies go by themselves, she need not resend them."""
        if not self.waiting:
            return ""
        return " " + self.tr(
            "Shop Inbox sends your %Ln waiting replies by itself as soon as the relay answers.",
            "",
            self.waiting,
        )

    def _show_reconnected(self) -> None:
        self.setProperty("severity", "ok")
        self.icon.setPixmap(icons.icon("tick").pixmap(20, 20))
        self.style().unpolish(self)
        self.style().polish(self)
        for button in (self.retry, self.settings, self.dismiss, self.start_again, self.open_folder):
            button.setVisible(False)
        self._say(self.tr("Reconnected to your relay."))
        self.show()

    def _show_quiet(self) -> None:
        """A notice while online: WhatsApp out of the relay's reach, or customers unusually quiet."""
        self.setProperty("severity", "warning")
        if self.graph_down:
            self.icon.setPixmap(icons.icon("offline").pixmap(20, 20))
        self.style().unpolish(self)
        self.style().polish(self)
        self.retry.setVisible(False)
        self.settings.setVisible(True)
        self.dismiss.setVisible(False)
        self.start_again.setVisible(False)
        self.open_folder.setVisible(False)
        self._show_text()
        self.show()

    def _dismiss(self) -> None:
        self._dismissed = self.state.kind
        if self.state.kind is Connection.HISTORY_GAP:
            self.earlier_gap = None
            self.history_gap_closed.emit()
        self.hide()

    def _settings_clicked(self) -> None:
        if self.state.kind is Connection.ONLINE and (self.graph_down or self.quiet is not None):
            self.relay_check_requested.emit()
        else:
            self.settings_requested.emit()

    def seconds_to_retry(self) -> int | None:
        if self.state.next_retry_at is None or self._retry_deadline is None:
            return None
        return max(0, math.ceil(self._retry_deadline - time.monotonic()))

    def _wait(self, seconds: int) -> str:
        """ "24 s", never broken across two lines (a lone "s." under the sentence, changing each second)."""
        return self.tr("{seconds} s").format(seconds=seconds).replace(" ", "\N{NO-BREAK SPACE}")

    def _said_at_once(self, cause: ErrorCode) -> str:
        """Why the relay cannot be reached, for a cause in SAID_AT_ONCE: what the owner (or whoever
        looks after the relay or the network) must do, since trying again cannot help."""
        sentences = {
            # The hotspot answers for the relay until she signs in.
            ErrorCode.NETWORK_SIGN_IN: self.tr(
                "The network this computer is on wants you to sign in (a hotspot's or café's login page) "
                "before it lets Shop Inbox reach your relay. Open a web browser and sign in; Shop Inbox "
                "connects again by itself."
            ),
            # Nothing is sent to a relay whose certificate cannot be checked, the token least of all.
            ErrorCode.RELAY_CERTIFICATE_EXPIRED: self.tr(
                "Your relay's security certificate has expired, so Shop Inbox does not connect to it: "
                "nothing is sent until it is renewed. Ask whoever looks after your relay to renew it (it "
                "renews by itself while the relay's server can be reached on ports 80 and 443). If this "
                "computer's date is wrong, correct it first."
            ),
            # A hotspot's sign-in page met over https:// shows its own certificate, not the relay's.
            ErrorCode.RELAY_CERTIFICATE_INVALID: self.tr(
                "The security certificate that answers at your relay's address is not valid for it, so "
                "Shop Inbox does not connect. On a hotspot or café Wi-Fi, the network may want you to "
                "sign in first: open a web browser and sign in. Otherwise check the relay address in "
                "Settings; if it is right, ask whoever looks after your relay to fix its certificate."
            ),
            # A company's own authority, trusted once installed in the computer's store (app/trust_store.py).
            ErrorCode.RELAY_CERTIFICATE_UNTRUSTED: self.tr(
                "Your relay's security certificate comes from an authority this computer does not trust, "
                "so Shop Inbox does not connect: nothing is sent. If your relay uses a certificate from "
                "your company's own authority, ask whoever looks after this computer to install that "
                "authority in its certificate store, then press Retry. On a hotspot or café Wi-Fi, the "
                "network may want you to sign in first: open a web browser and sign in."
            ),
            # Not the owner's to mend, and nothing is lost: WhatsApp delivers customers' messages
            # again (for days) until the relay stores them.
            ErrorCode.RELAY_DATABASE_UNUSABLE: self.tr(
                "Your relay is running but cannot use its database, so new messages cannot arrive and "
                "your replies wait. Nothing is lost: WhatsApp keeps delivering your customers' messages "
                "until the relay takes them. Ask whoever looks after your relay to look at its log; Shop "
                "Inbox connects again by itself once it is fixed."
            ),
            ErrorCode.RELAY_PROXY_REFUSED: self.tr(
                "The web proxy this computer is set to use refused to connect Shop Inbox to your relay. "
                "Ask whoever looks after this computer's network to allow your relay's address, or "
                "change the proxy in the computer's network settings."
            ),
        }
        return sentences[cause]

    def _next_try(self, seconds: int | None) -> str:
        """ " Next try in 24 s." to end a sentence with while the next attempt's time is known."""
        if not seconds:
            return ""
        return " " + self.tr("Next try in {wait}.").format(wait=self._wait(seconds))

    def sentence(self) -> str:
        kind = self.state.kind
        seconds = self.seconds_to_retry()
        if kind in LOST and self.state.plain_url:
            # Trying again cannot help: the address is the trouble, and Settings is where it changes.
            hint = self.tr(
                "Your relay answers plain http://, not https://. If it runs on this computer, use "
                "{plain_url} in Settings."
            ).format(plain_url=unbroken(self.state.plain_url))
            return with_particles(hint)
        if kind in LOST and self.state.disk_full:
            # Said before the relay: once it answers, its messages could not be saved either.
            text = self.tr(
                "The disk is full, and your relay cannot be reached either. New messages wait on your "
                "relay and nothing is lost: free some space on this computer, and they arrive once the "
                "relay answers."
            )
            return text + self._waiting_sentence() + self._next_try(seconds)
        if kind in LOST and self.state.cause in SAID_AT_ONCE:
            text = self._said_at_once(self.state.cause) + self._waiting_sentence()
            # Signed in to the hotspot, the next try gets through by itself; a certificate or a
            # proxy waits for someone to mend it, so its countdown would promise nothing.
            if self.state.cause is ErrorCode.NETWORK_SIGN_IN:
                text += self._next_try(seconds)
            return text
        if kind in LOST and (said := storage_sentence(self.state.storage_cause)):
            # The relay answered: not "cannot reach", but what its storage failure comes down to (a
            # read-only database waits for someone; a busy one passes).
            return said + self._waiting_sentence() + self._next_try(seconds)
        if kind is Connection.RECONNECTING:
            if seconds:
                text = self.tr("Cannot reach your relay. Trying again in {wait}").format(
                    wait=self._wait(seconds)
                )
                # The countdown ends without a full stop; one more sentence follows it.
                text += "." if self.waiting else ""
            else:
                text = self.tr("Cannot reach your relay. Trying again…")
            return text + self._waiting_sentence()
        if kind is Connection.OFFLINE:
            text = self.tr(
                "Cannot reach your relay: new messages arrive when it answers again. Saved chats stay "
                "available."
            )
            text += self._waiting_sentence()
            return text + self._next_try(seconds)
        if kind is Connection.UNAUTHORISED:
            # Most often the token was changed on the relay (rotated): she needs the new one, and
            # to know who has it; "check it" alone sent owners to look at the old one again.
            text = self.tr(
                "Your relay no longer accepts this computer's relay token (it may have been changed on "
                "the relay). Paste the current one in Settings; whoever looks after your relay can give "
                "it to you."
            )
            if self.waiting:
                text += " " + self.tr(
                    "Shop Inbox sends your %n waiting replies once it is pasted.", "", self.waiting
                )
            return text
        if kind is Connection.NO_TOKEN:
            # Backups are named only after a restore: an owner who declined to keep the token (Cancel
            # in the keyring question) was told a restored backup never brings one, and had restored none.
            if self.state.after_restore:
                return self.tr(
                    "This computer has no relay token yet, so new messages cannot arrive: a restored "
                    "backup never brings it along, to keep it safe. Paste your relay token in "
                    "Settings ▸ Relay."
                )
            return self.tr(
                "No relay token is kept on this computer, so new messages cannot arrive. Paste your "
                "relay token in Settings ▸ Relay; whoever set up your relay can give it to you."
            )
        if kind is Connection.KEYRING_LOCKED:
            return self.tr(
                "This computer's password store (keyring) is locked, so Shop Inbox cannot read your "
                "relay token and new messages cannot arrive. Your relay token is not lost: unlock the "
                "password store (your computer asks for its password), then press Retry."
            )
        if kind is Connection.ONLINE and self.graph_down:
            return self.tr(
                "Your relay can't reach WhatsApp, so replies wait and are sent as soon as it can. Check "
                "the relay's internet connection, or run its check in Settings ▸ Relay."
            )
        if kind is Connection.ONLINE and self.quiet is not None:
            return self.tr(
                "No customer has written for {days} days, though your relay is connected. If your shop "
                "usually hears from customers every day, WhatsApp may have stopped sending messages to "
                "the relay: check it in Settings."
            ).format(days=self.quiet.days)
        if kind in STORAGE_TROUBLE:
            if kind is Connection.FOLDER_GONE:
                text = self.tr(
                    "Your data folder, {folder}, is not there any more (a USB stick taken out, a drive "
                    "disconnected?). New messages wait on your relay and nothing is lost: put it back, "
                    "then press Start again."
                ).format(folder=self.state.folder)
                return with_particles(text)
            if kind is Connection.DISK_FULL:
                text = self.tr(
                    "The disk is full: new messages wait on your relay until there is room on this "
                    "computer. Free some space; nothing is lost."
                )
            else:
                text = self.tr(
                    "New messages cannot be saved on this computer right now (the inbox file is busy or "
                    "cannot be written). They wait on your relay; nothing is lost."
                )
            return text + self._next_try(seconds)
        if kind is Connection.READ_ONLY:
            return self.tr(
                "The disk is full, so your chats are open to read only: new messages wait on your relay, "
                "and nothing can be sent or changed here. Free some space on this computer, then start "
                "again."
            )
        if kind is Connection.HISTORY_GAP:
            if self.state.gap_found_at is not None:
                return self.tr(
                    "When this computer caught up with your relay on {when}, some messages that had "
                    "arrived while it was not connected were no longer kept by the relay and could not be "
                    "loaded. They are still on your phone: File ▸ Import chat from phone brings them in."
                ).format(when=full_datetime(self.state.gap_found_at))
            if self.state.last_read_at is None:
                return self.tr(
                    "Some older messages were no longer kept by the relay and could not be loaded. They "
                    "are still on your phone: File ▸ Import chat from phone brings them in."
                )
            return self.tr(
                "Some messages that arrived after {when}, when this computer last received messages, "
                "were no longer kept by the relay and could not be loaded. They are still on your "
                "phone: File ▸ Import chat from phone brings them in."
            ).format(when=full_datetime(self.state.last_read_at))
        if kind is Connection.OTHER_COMPUTER:
            return self.tr(
                "Your relay has been answered from another computer too: the messages it still keeps "
                "are here now. Labels, quick replies, orders, the catalogue and older chats stay on that "
                "computer. To have them here as well, choose File ▸ Back up now there, then File ▸ "
                "Restore from backup here."
            )
        if kind is Connection.RELAY_STARTED_AFRESH:
            return self.tr(
                "Your relay started its message history afresh (it is new, or was restored from a "
                "backup). Shop Inbox read everything it holds; the chats on this computer are kept."
            )
        if not self.saved_chats:
            return self.tr(
                "No relay set up yet, so no messages arrive. Set up your relay in Settings to receive "
                "your customers' chats."
            )
        return self.tr("Not connected to a relay: you are browsing saved chats.")

    def _say(self, sentence: str) -> None:
        self.text.setText(sentence)
        # A screen reader is handed the words without the joiners that keep an address on one line.
        self.text.setAccessibleName(sentence.replace(WORD_JOINER, ""))

    def _show_text(self) -> None:
        self._say(self.sentence())
        if self.seconds_to_retry() == 0:
            self.countdown.stop()
