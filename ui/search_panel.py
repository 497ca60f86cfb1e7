"""Ctrl+F: search every chat (or the open one) through FTS5; results show contact, date and snippet."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import relay_clock
from app.changes import Changes
from app.graphemes import cut_to
from app.search import (
    SHORT_QUERY_WINDOW,
    ContactHit,
    SearchHit,
    hit_number_tags,
    newest_only,
    normalise_query,
    search_contacts,
    search_messages,
    shown_hit_numbers,
)
from app.search_particles import without_particles
from app.search_period import SearchPeriod, period_start
from app.search_respellings import likely_spelling, respellings
from app.search_scope import ChatScope
from ui import icons
from ui.announce import announce
from ui.context import AppContext
from ui.formatting import count_text
from ui.korean_particles import with_particles
from ui.label_names import shown_label_names
from ui.ops import run_read
from ui.plain_tooltip import plain_tooltip
from ui.search_results import CHATS_SHOWN, PAGE, HitRole, SearchHitDelegate, SearchResultsModel
from ui.shortened_label import ShortenedLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

DEBOUNCE_MS = 180
# New messages while results are shown: looked for at most this often (a busy sync changes ticks).
REFRESH_MS = 400
# A label's name in the search's filter box: longer ones are cut (the pane is ~330 pixels wide).
FILTER_LABEL_CHARS = 16
# Chats found by name: one more than are listed, to tell "5 chats" from "more than 5".
CHATS_ASKED = CHATS_SHOWN + 1

# A search's answer: its first page, the chats found, whether it read the newest messages only, the
# tags of the numbers, and the words it looked for (the typed ones, or those without their particles).
_Found = tuple[list[SearchHit], list[ContactHit], bool, dict[str, str], str]

# A search looked at again: its first page, the chats found (None inside one chat), the shown hits'
# numbers by message id (those still in the inbox) and the tags of the numbers.
_LookedAgain = tuple[list[SearchHit], list[ContactHit] | None, dict[int, str | None], dict[str, str]]


class SearchPanel(QWidget):
    """Emits `hit_activated(hit, query)` on Enter or click; `closed` on Esc."""

    hit_activated = Signal(object, str)
    closed = Signal()
    # The owner typed another query: the open chat's mark of the last hit belongs to the old one.
    query_changed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("searchPanel")
        self.contact_id: int | None = None
        self._generation = 0
        self.searching = False
        self.last_query = ""
        # The words the results shown were found for, where the typed ones found nothing: '배송' for
        # '배송이' (app/search_particles.py); empty when they are the typed ones.
        self.looked_for = ""
        self._open_first = False

        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Search messages"))
        self.field.setAccessibleName(self.tr("Search messages"))
        self.field.setClearButtonEnabled(True)
        self.field.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.field.setMaxLength(200)
        self.field.installEventFilter(self)
        close = QToolButton(self)
        close.setIcon(icons.icon("close"))
        close.setToolTip(self.tr("Close search (Esc)"))
        close.setAccessibleName(self.tr("Close search"))
        close.setAutoRaise(True)
        close.clicked.connect(self.closed)
        # Alt+Y and Alt+N: the main window's menus and notices have the letters of "this chat".
        self.this_chat = QCheckBox(self.tr("Onl&y this chat"), self)
        self.this_chat.toggled.connect(lambda _on: self._run())
        # The chat list shows one business number's chats (its number chip): the search keeps to that
        # number (its chats, and the messages that came in on it or went from it, whichever chat
        # they are in), until the owner unticks it. Shown only then.
        self.this_number = QCheckBox(self)
        self.this_number.setObjectName("searchThisNumber")
        self.this_number.setChecked(True)
        self.this_number.hide()
        self.this_number.toggled.connect(lambda _on: self._run())
        # One chat's search finds its every message, on whichever number (as the chat shows them):
        # the number's box does not apply to it, and says so greyed out.
        self.this_chat.toggled.connect(lambda on: self.this_number.setEnabled(not on))
        self._number: str | None = None  # the list's number (a phone_number_id), None: every number
        self._number_scope: str | None = None  # the number of the results shown
        # The chat list shows a filter's chats (Unread, Archived, a label, Needs a person): the search
        # keeps to them, and says so in the box that lets the owner search every chat instead. Shown
        # only then.
        self.this_filter = QCheckBox(self)
        self.this_filter.setObjectName("searchThisFilter")
        self.this_filter.setChecked(True)
        self.this_filter.hide()
        self.this_filter.toggled.connect(lambda _on: self._run())
        self.this_chat.toggled.connect(lambda on: self.this_filter.setEnabled(not on))
        self._chats: ChatScope | None = None  # the list's filter, None: every chat
        self._chats_scope: ChatScope | None = None  # the filter of the results shown
        # How far back: a long history finds hundreds of "입금"; the owner narrows it to recent ones.
        self.period = QComboBox(self)
        self.period.setObjectName("searchPeriod")
        self.period.setAccessibleName(self.tr("Period"))
        self.period.setToolTip(self.tr("Search only messages sent in this period"))
        for period, label in (
            (SearchPeriod.ALL, self.tr("All time")),
            (SearchPeriod.TODAY, self.tr("Today")),
            (SearchPeriod.LAST_7_DAYS, self.tr("Last 7 days")),
            (SearchPeriod.LAST_30_DAYS, self.tr("Last 30 days")),
            (SearchPeriod.LAST_12_MONTHS, self.tr("Last 12 months")),
        ):
            self.period.addItem(label, period.value)
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.period.currentIndexChanged.connect(self._period_changed)
        # Its words and Alt letter (Alt+Y and Alt+R are the boxes', Alt+N the number's, Alt+P the
        # composer's Choose template…).
        self.period_label = QLabel(self.tr("Perio&d:"), self)
        self.period_label.setBuddy(self.period)
        self._since: datetime | None = None  # where the shown results' period begins
        # The last page shown read only the newest messages (one-letter words): older ones may match.
        self._newest_only = False
        # The count has a line of its own, under the scope box and the period: beside them at the
        # default width (a list ~300 px wide) it was wrapped mid-phrase ("3 chats · 6 / results").
        # One line, whole at any width the window allows; "…" only past that (a huge font).
        self.status = ShortenedLabel(self)
        self.status.setObjectName("searchStatus")
        self.model = SearchResultsModel(self)
        self.model.more_wanted.connect(self._load_more)
        self._scope: int | None = None
        self.view = QListView(self)
        self.view.setObjectName("searchResults")
        self.view.setAccessibleName(self.tr("Search results"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchHitDelegate(self.view, lambda: self.ctx.shop_region))
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)
        # A period that hides every message says so, so that the owner knows to look further back.
        self.empty_note = QLabel(self.view.viewport())
        self.empty_note.setObjectName("searchPeriodEmpty")
        self.empty_note.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_note.hide()
        self.view.viewport().installEventFilter(self)

        top = QHBoxLayout()
        top.setContentsMargins(10, 8, 6, 2)
        top.addWidget(self.field, 1)
        top.addWidget(close)
        opts = QHBoxLayout()
        opts.setContentsMargins(12, 0, 12, 4)
        opts.addWidget(self.this_chat)
        # No spacing before the label: the row's width is the search panel's, and so the chat list
        # pane's, least width (with 8 more pixels it passed the chat list's own and took them from the chat).
        opts.addWidget(self.period_label)
        opts.addWidget(self.period)
        opts.addStretch(1)
        count_row = QHBoxLayout()
        count_row.setContentsMargins(12, 0, 12, 2)
        count_row.addWidget(self.status, 1)
        # A row of its own: "Only chats to 02-555-0199" beside the scope box and the period did not fit.
        number_row = QHBoxLayout()
        number_row.setContentsMargins(12, 0, 12, 4)
        number_row.addWidget(self.this_number)
        number_row.addStretch(1)
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(12, 0, 12, 0)
        filter_row.addWidget(self.this_filter)
        filter_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(opts)
        layout.addLayout(filter_row)
        layout.addLayout(number_row)
        layout.addLayout(count_row)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run)
        self.field.textChanged.connect(lambda _t: self._debounce.start())

        # Results stay live: a message that arrives (or is imported) while they are shown joins them.
        self._stale = False
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._look_again)
        ctx.hub.changed.connect(self._hub_changed)

    def start(
        self,
        contact_id: int | None,
        *,
        this_chat: bool = False,
        number: tuple[str, str] | None = None,
        chats: tuple[ChatScope, str] | None = None,
    ) -> None:
        """Search, from the open chat `contact_id` (`this_chat`: in it alone), while the chat list
        shows the chats to `number` alone ((phone_number_id, the number as the list writes it)) and
        those of a filter, `chats` ((the filter, its label's name as shown or "")."""
        self.contact_id = contact_id
        self._number = None if number is None else number[0]
        if number is not None:
            self.this_number.setText(
                with_particles(self.tr("Only to and from your &number {0}").format(number[1]))
            )
        self.this_number.setVisible(number is not None)
        self._chats = chats[0] if chats is not None and chats[0].narrows else None
        if self._chats is not None and chats is not None:
            self.this_filter.setText(self._filter_text(self._chats, chats[1]))
        self.this_filter.setVisible(self._chats is not None)
        with QSignalBlocker(self.this_number), QSignalBlocker(self.this_filter):
            self.this_number.setChecked(True)  # each search starts as the list shows its chats
            self.this_filter.setChecked(True)
        if self.model.query and (self._number, self._chats) != (self._number_scope, self._chats_scope):
            self._run()  # the results kept from last time were of other chats
        self.this_chat.setEnabled(contact_id is not None)
        self.this_chat.setChecked(this_chat and contact_id is not None)
        self.field.setFocus()
        self.field.selectAll()
        if self._stale and self.model.query:
            # The results kept from last time, with what came since (a search the scope box just
            # started is under way instead: _look_again leaves it be).
            self._look_again()

    def _filter_text(self, chats: ChatScope, label: str) -> str:
        """What the filter's box says: which chats the search keeps to."""
        if chats.label_id is not None:
            # A label named "R&D" is no Alt letter; a long name is cut, so that the box never
            # widens the pane (its whole name is in the box's tooltip).
            self.this_filter.setToolTip(plain_tooltip(label))
            if len(label) > FILTER_LABEL_CHARS:
                label = cut_to(label, FILTER_LABEL_CHARS - 1) + "…"
            return with_particles(
                self.tr("Only chats that ca&rry the label {0}").format(label.replace("&", "&&"))
            )
        self.this_filter.setToolTip("")
        if chats.kind == "unread":
            return self.tr("Only un&read chats")
        if chats.kind == "archived":
            return self.tr("Only a&rchived chats")
        return self.tr("Only chats that need a pe&rson")

    def chat_shown(self, contact_id: int | None) -> None:
        """Another chat is on screen (a result opened, say): "Only this chat" is about that one. It
        stayed the chat open when the search began, unticked and greyed out when there was none."""
        if contact_id == self.contact_id:
            return
        self.contact_id = contact_id
        self.this_chat.setEnabled(contact_id is not None)
        if contact_id is None:
            self.this_chat.setChecked(False)  # searches every chat again, if it was ticked
        elif self.this_chat.isChecked() and self.model.query:
            self._run()

    def selected_period(self) -> SearchPeriod:
        return SearchPeriod(self.period.currentData())

    def _period_changed(self, _index: int) -> None:
        self._debounce.stop()  # what was typed meanwhile is searched now, in the new period
        self._run()

    def leave(self) -> None:
        """The search is closed: the next one looks at all time again (a search in progress in the
        period closed is searched again without it)."""
        self.period.setCurrentIndex(0)

    def _hub_changed(self, changes: Changes) -> None:
        if not self.model.query:
            return
        scope = self._scope
        if scope is None:
            # A chat's row changing may change its name, which the chats found above match.
            concerned = bool(changes.all_contacts or changes.messages or changes.contacts)
        else:
            concerned = changes.all_contacts or scope in changes.messages
        if not concerned:
            return
        self._stale = True
        if self.isVisible() and not self._refresh.isActive():
            self._refresh.start()

    def _look_again(self) -> None:
        """The first page of the same search again; what is new joins the results shown, what is
        gone leaves them, and the chats found by name are found again."""
        self._refresh.stop()
        query, scope, since, generation = self.model.query, self._scope, self._since, self._generation
        number, chats_scope = self._number_scope, self._chats_scope
        if not query or self.searching:
            return
        self._stale = False
        shown = [hit.message_id for hit in self.model.message_hits()]
        labels = shown_label_names()
        region = self.ctx.shop_region

        def work(s: Session) -> _LookedAgain:
            chats = (
                search_contacts(
                    s, query, limit=CHATS_ASKED, shown_labels=labels, number=number, chats=chats_scope
                )
                if scope is None
                else None
            )
            hits = search_messages(
                s,
                query,
                contact_id=scope,
                limit=PAGE,
                since=since,
                region=region,
                number=number,
                chats=chats_scope,
            )
            # The hits shown, each with its number now: the new message may have moved her chat to
            # the shop's other number, which one chat's tags leave out (or a second number came).
            numbers = shown_hit_numbers(s, shown)
            return hits, chats, numbers, hit_number_tags(s, contact_id=scope, number=number)

        def done(found: _LookedAgain) -> None:
            if generation != self._generation:
                return  # the owner searched for something else meanwhile
            hits, chats, numbers, tags = found
            changed = bool(self.model.drop_messages(set(shown) - numbers.keys()))
            self.model.renumber(tags, numbers)
            changed = (chats is not None and self.model.set_chats(chats)) or changed
            if self.model.add_newer(hits) or changed:
                self._show_count()

        run_read(self.ctx, work, done, parent=self)

    def clock_moved(self) -> None:
        """The day or the clock times are shown on changed (ui/day_watch.py: midnight, the shop's zone
        set, travel): every hit's time is written again now, not at its next paint, which may be long
        after (a hit read "8:30 AM" on the old clock until the pointer passed over it)."""
        self.view.viewport().update()

    def search_now(self, text: str) -> None:
        """Type `text` and search without the debounce delay (tests, programmatic use)."""
        self.field.setText(text)
        self._debounce.stop()
        self._run()

    def _run(self) -> None:
        query = self.field.text().strip()
        self._generation += 1
        generation = self._generation
        if query != self.last_query:
            self.query_changed.emit(query)
        self.last_query = query
        if not query:
            self._newest_only = False
            self.model.set_hits([])
            self.looked_for = ""
            self.status.setText("")
            self.empty_note.hide()
            self.searching = False
            return
        scope = self.contact_id if self.this_chat.isChecked() else None
        number = self._number if self.this_number.isChecked() else None
        chats_scope = self._chats if self.this_filter.isChecked() and scope is None else None
        # Today and the last days are counted from the computer's midnight, on its clock set right by
        # the relay's: the day the chat names a message by (ui/day_watch.py).
        since = period_start(self.selected_period(), relay_clock.now())
        self.searching = True

        self._scope = scope
        self._number_scope = number
        self._chats_scope = chats_scope
        self._since = since
        labels = shown_label_names()  # a built-in label is found by its name as the owner reads it
        region = self.ctx.shop_region  # a phone number typed nationally is grouped as the shop writes it

        def look_for(s: Session, words: str) -> tuple[list[SearchHit], list[ContactHit]]:
            # Searching every chat, the chats whose name, number or label matched come first (a customer
            # looked up by name, whatever the period: a name has no date); inside one chat, only its
            # messages.
            chats = (
                search_contacts(
                    s, words, limit=CHATS_ASKED, shown_labels=labels, number=number, chats=chats_scope
                )
                if scope is None
                else []
            )
            hits = search_messages(
                s,
                words,
                contact_id=scope,
                limit=PAGE,
                since=since,
                region=region,
                number=number,
                chats=chats_scope,
            )
            return hits, chats

        # As search reads it ('ｍ사이즈' typed in full-width mode is 'm사이즈'): the chat marks a hit so.
        typed = normalise_query(query)

        def work(s: Session) -> _Found:
            words = typed
            hits, chats = look_for(s, words)
            # '배송이' typed, and no message says 배송이: the messages that say 배송 (배송은, 배송비…).
            if not hits and not chats and (stems := without_particles(typed)) is not None:
                hits, chats = look_for(s, stems)
                words = stems if hits or chats else typed
            # '에코빽' typed, and the messages say 에코백: the spelling most of them use, one letter
            # away by ear (app/search_respellings.py), said so; never several spellings' hits at once.
            if not hits and not chats:

                def found(spelling: str) -> int:
                    return len(
                        search_messages(
                            s,
                            spelling,
                            contact_id=scope,
                            limit=PAGE,
                            since=since,
                            region=region,
                            number=number,
                            chats=chats_scope,
                        )
                    )

                if (spelled := likely_spelling(typed, found)) is not None:
                    hits, chats = look_for(s, spelled)
                    words = spelled
            # Hits from every number of a shop with two or more say their number, as the chat list's
            # rows do in All numbers; one chat's, those on the other number, as its bubbles do.
            tags = hit_number_tags(s, contact_id=scope, number=number)
            return hits, chats, newest_only(s, words, contact_id=scope, since=since), tags, words

        def done(found: _Found) -> None:
            if generation != self._generation:
                return  # a newer query is on its way
            hits, chats, self._newest_only, tags, words = found
            self.searching = False
            self.model.query = words
            self.looked_for = words if words != typed else ""
            self.model.number_tags, self.model.region = tags, region
            self.model.set_hits(hits, chats)
            self._show_count()
            self._tell_count()
            if self.model.hits:
                self.view.setCurrentIndex(self.model.index(0))
                if self._open_first:
                    self._activate(self.model.index(0))
            self._open_first = False

        run_read(self.ctx, work, done, parent=self)

    def _show_count(self) -> None:
        hits, chats = self.model.message_hits(), self.model.chat_hits()
        in_period = self._since is not None
        # One-letter words are read in the newest messages only (app/search.py): a count that stops
        # there says so, or the owner takes it for all there is.
        newest_only = self._newest_only and not self.model.may_have_more
        why = (
            self.tr(
                "A word of one letter is looked for in the newest {0} messages only: type two or "
                "more letters to search every message."
            ).format(count_text(SHORT_QUERY_WINDOW))
            if newest_only
            else ""
        )
        if newest_only:
            self._show_empty_note(why if not hits else "")
        elif not hits and self._chats_scope is not None:
            # The filter the list showed hid them, maybe: the box above says which, and widens it.
            self._show_empty_note(
                self.tr("No messages in the chats the list shows. Untick the box above to search every chat.")
            )
        else:
            self._show_empty_note(
                self.tr("No messages in this period. Choose All time to look further back.")
                if not hits and in_period
                else ""
            )
        if newest_only:
            if not hits:
                said = self.tr("No recent results")
            elif len(hits) == 1:
                said = self.tr("1 recent result")
            else:
                said = self.tr("%Ln recent results", "", len(hits))
        elif not hits:
            # In a period, the note in the list says what "no results" means there.
            said = self.tr("No results") if not chats and not in_period else ""
        elif self.model.may_have_more:
            said = self.tr("More than {0} results").format(len(hits))
        else:
            said = self.tr("1 result") if len(hits) == 1 else self.tr("%Ln results", "", len(hits))
        if self.looked_for and self.looked_for in respellings(normalise_query(self.last_query)):
            why = self.tr("Nothing was found for “{0}”: searched for a word that sounds the same.").format(
                self.last_query
            )
        elif self.looked_for:
            why = self.tr("Nothing was found for “{0}”: searched without its particle.").format(
                self.last_query
            )
        self.status.set_note(why)
        if chats:
            if self.model.more_chats:
                # Only the chats that wrote last are listed: typing more of the name finds the others.
                found = self.tr("More than {0} chats").format(len(chats))
            else:
                found = self.tr("1 chat") if len(chats) == 1 else self.tr("%Ln chats", "", len(chats))
            said = " · ".join(filter(None, [found, said]))
        if self.looked_for:
            # The owner reads what was looked for instead of what she typed: "“배송”으로 찾은 결과 2개".
            said = with_particles(self.tr("For “{0}”: {1}").format(self.looked_for, said))
        self.status.setText(said)

    def _tell_count(self) -> None:
        """What a search found, said aloud when it comes (the count beside the period, and the note
        in an empty list): the owner typing into the field heard nothing of them."""
        note = self.empty_note.text() if self.empty_note.isVisibleTo(self) else ""
        announce(self.field, " ".join(filter(None, [self.status.text(), note])))

    def _load_more(self) -> None:
        """The next page, older than the last hit shown (keyset cursor: sent_at, id)."""
        messages = self.model.message_hits()
        if not messages:
            return
        last = messages[-1]
        # The words the shown hits were found for ('배송' where '배송이' was typed).
        query, scope, since, generation = self.model.query, self._scope, self._since, self._generation
        number, chats_scope = self._number_scope, self._chats_scope
        region = self.ctx.shop_region

        def work(s: Session) -> tuple[list[SearchHit], bool]:
            before = (last.sent_at, last.message_id)
            hits = search_messages(
                s,
                query,
                contact_id=scope,
                limit=PAGE,
                before=before,
                since=since,
                region=region,
                number=number,
                chats=chats_scope,
            )
            return hits, newest_only(s, query, contact_id=scope, before=before, since=since)

        def done(found: tuple[list[SearchHit], bool]) -> None:
            if generation != self._generation:
                return
            hits, self._newest_only = found
            self.model.append_hits(hits)
            self._show_count()

        run_read(self.ctx, work, done, parent=self)

    def _show_empty_note(self, note: str) -> None:
        """`note` in the list where no message was found (none: hidden)."""
        if note:
            self.empty_note.setText(note)
            self._place_empty_note()
        self.empty_note.setVisible(bool(note))

    def _place_empty_note(self) -> None:
        """Below the chats found by name, if any (they have no date, so the period leaves them)."""
        area = self.view.viewport().rect().adjusted(24, 32, -24, 0)
        rows = self.model.rowCount()
        if rows:
            area.setTop(self.view.visualRect(self.model.index(rows - 1)).bottom() + 32)
        height = self.empty_note.heightForWidth(area.width())
        self.empty_note.setGeometry(area.left(), area.top(), area.width(), height)

    def _activate(self, index: QModelIndex) -> None:
        hit = index.data(HitRole.HIT)
        if hit is not None:
            # Marked in the chat by the words it was found for ('배송', where '배송이' was typed).
            self.hit_activated.emit(hit, self.model.query or self.last_query)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.view.viewport()
            and event.type() == QEvent.Type.Resize
            and not self.empty_note.isHidden()
        ):
            self._place_empty_note()
        if obj is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.view.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.model.rowCount():
                    self.view.setCurrentIndex(self.model.index(row))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive() or self.searching:
                    # Enter before the results arrived: open the best one when they do.
                    self._open_first = True
                    if self._debounce.isActive():
                        self._debounce.stop()
                        self._run()
                    return True
                idx = self.view.currentIndex()
                if idx.isValid():
                    self._activate(idx)
                return True
            if key == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
        return super().eventFilter(obj, event)
