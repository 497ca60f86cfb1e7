"""The frame every automations editor shares: relay status banner, conflict choice, Save and push."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import ClassVar, Literal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.automation_drafts import UnsavedRules, forget_rules_draft, keep_rules_draft, unsaved_rules
from app.automations_parts import AutomationsPart
from app.automations_store import (
    AutomationsClient,
    AutomationsState,
    PushOutcome,
    SyncStatus,
    automations_state,
    merge_edits,
    push_automations,
    push_refused_again,
    resolve_automations,
    same_content,
    save_automations,
)
from app.changes import Changes
from app.errors import RelayError, ShopInboxError
from app.hours_written import uses_hours
from app.relay_pushes import PushTask, worth_retrying
from app.wire import Automations
from ui.announce import show_news
from ui.confirm import confirm
from ui.context import AppContext, OwnChanges
from ui.draft_keeper import DraftKeeper, Work
from ui.kept_edits_strip import KeptEditsStrip, kept_rules_sentence, say_editor_open
from ui.ops import Newest, failure_sentence, run_op
from ui.rule_summary import RuleSummary
from ui.screen_fit import scrolling
from ui.theme import is_dark, problem_colour
from ui.time_zones import with_shop_zone
from ui.unsaved_edits import leave_edits, then_quit_goes_on

log = logging.getLogger(__name__)

ClientProvider = Callable[[], AutomationsClient | None]


def running_relay_client(ctx: AppContext) -> AutomationsClient | None:
    """The relay client of the running sync engine, if any (the editors' default way to push)."""
    return ctx.sync.relay_client() if ctx.sync is not None else None


def push_automations_now(ctx: AppContext, waiting: str) -> None:
    """A change saved outside the editors (the away strip's button, the order settings' bank account)
    reaches the relay now, as an editor's save does; without a relay, the sync engine pushes it on
    connecting. `waiting` names the change in the log line of a push that failed."""
    client = running_relay_client(ctx)
    if client is None:
        return
    db = ctx.db

    def pushed(result: tuple[PushOutcome, AutomationsState]) -> None:
        if result[0] is PushOutcome.OFFLINE:
            retry_push_later(ctx)
        ctx.publish(Changes(automations=True))

    def failed(exc: BaseException) -> None:
        log.info("%s waits to reach the relay: %s", waiting, exc)
        if isinstance(exc, RelayError) and worth_retrying(exc):
            retry_push_later(ctx)

    run_op(lambda: push_automations(db, client), pushed, parent=ctx.hub, on_failure=failed)


def retry_push_later(ctx: AppContext) -> None:
    """A push the relay did not take while the connection is up: the sync engine tries it again on
    its backoff, so the relay gets the change without the owner pressing anything."""
    if ctx.sync is not None:
        ctx.sync.retry_push_later(PushTask.AUTOMATIONS)


# The banner's colour says the state at a glance: green on the relay, amber waiting, red to choose.
BANNER_STYLE = """
#syncBanner { border-radius: 6px; border: 1px solid #A5D6A7; background: #EDF7EE; }
#syncBanner[status="pending"], #syncBanner[status="sending"] { border-color: #FFCC80; background: #FFF6E5; }
#syncBanner[status="conflict"], #syncBanner[status="refused"] { border-color: #EF9A9A; background: #FDECEC; }
#syncBanner QLabel { color: #1F2D27; background: transparent; }
#ruleSummary { color: palette(text); font-style: italic; }
"""
# The same three states on a dark window: the pale boxes above glared out of it, five editors over.
DARK_BANNER_STYLE = """
#syncBanner { border-radius: 6px; border: 1px solid #2E7D32; background: #1B3A24; }
#syncBanner[status="pending"], #syncBanner[status="sending"] { border-color: #A66A00; background: #3A2E12; }
#syncBanner[status="conflict"], #syncBanner[status="refused"] { border-color: #C62828; background: #3D1F1F; }
#syncBanner QLabel { color: #ECF3EE; background: transparent; }
#ruleSummary { color: palette(text); font-style: italic; }
"""


def banner_style(palette: QPalette | None = None) -> str:
    """The sync banner's colours for the current (light or dark) palette."""
    return DARK_BANNER_STYLE if is_dark(palette) else BANNER_STYLE


def _quoted(text: str, limit: int = 200) -> str:
    """A message's words for a one-glance comparison: quoted, cut after `limit` characters."""
    text = " ".join(text.split())
    if not text:
        return "—"
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


class SyncBanner(QFrame):
    """Says whether the relay holds what the editor shows; on a conflict, shows both and asks."""

    keep_mine = Signal()
    use_theirs = Signal()
    retry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        # Room for two lines whatever it says: the one-line "On the relay" turned into two lines of
        # "not saved yet" at the first key, and the whole form moved down under the owner's mouse.
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())
        self.mine = QLabel()
        self.theirs = QLabel()
        for label in (self.mine, self.theirs):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.versions = QWidget()
        versions = QHBoxLayout(self.versions)
        versions.setContentsMargins(0, 0, 0, 0)
        versions.addWidget(self.mine, 1)
        versions.addWidget(self.theirs, 1)
        self.keep_button = QPushButton(self.tr("&Keep mine"))
        self.theirs_button = QPushButton(self.tr("&Use the other version"))
        self.retry_button = QPushButton(self.tr("&Send now"))
        self.keep_button.clicked.connect(self.keep_mine)
        self.theirs_button.clicked.connect(self.use_theirs)
        self.retry_button.clicked.connect(self.retry)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.retry_button, self.keep_button, self.theirs_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.versions)
        layout.addLayout(buttons)
        self.summary = RuleSummary(self)

    def describe(self, doc: Automations) -> str:
        s = self.summary
        return "\n".join(
            [
                self.tr("Greeting: {0}").format(s.greeting(doc.greeting, doc.away)),
                self.tr("Away message: {0}").format(s.away(doc.away, doc.business_hours)),
                self.tr("Business hours: {0}").format(s.hours(doc.business_hours)),
                self.tr("Shop name: {0}").format(doc.profile.name or "—"),
            ]
        )

    def _greeting_text(self, doc: Automations) -> str:
        return self.tr("Greeting text: {0}").format(_quoted(doc.greeting.text))

    def _away_text(self, doc: Automations) -> str:
        return self.tr("Away message text: {0}").format(_quoted(doc.away.text))

    def show_state(
        self,
        state: AutomationsState,
        *,
        sending: bool = False,
        can_send: bool = True,
        unsaved: bool = False,
    ) -> None:
        """`state` is the stored copy's; `unsaved` says the form shows edits not saved yet, which
        no relay holds, whatever the stored copy's state."""
        status = state.status
        self.versions.setVisible(status is SyncStatus.CONFLICT)
        self.keep_button.setVisible(status is SyncStatus.CONFLICT)
        self.theirs_button.setVisible(status is SyncStatus.CONFLICT)
        unconnected = not can_send and not sending and status is not SyncStatus.CONFLICT
        # Edits in the form: never the green "customers get what you see here". (A conflict still
        # asks, and a send under way still says so: both are about the saved copy.)
        editing = unsaved and not sending and not unconnected and status is not SyncStatus.CONFLICT
        # "Send now" would send the saved copy, not what is on screen: Save sends the edits.
        # A refused change is sent again only so, by the owner (the relay updated meanwhile).
        self.retry_button.setVisible(
            status in (SyncStatus.PENDING, SyncStatus.REFUSED) and not sending and can_send and not editing
        )
        # No relay to hold the rules: never the green "on the relay", whatever was last pushed.
        shown = "sending" if sending else "pending" if unconnected or editing else status.value
        self.setProperty("status", shown)
        if editing:
            self.message.setText(
                self.tr(
                    "Your changes are not saved yet: customers still get the saved version. "
                    "Save to send your changes to the relay."
                )
            )
        elif unconnected:
            self.message.setText(
                self.tr(
                    "Not connected to a relay: what you save here is kept on this computer and goes to "
                    "the relay once one is connected (File ▸ Settings)."
                )
            )
        elif status is SyncStatus.CONFLICT and state.conflict is not None:
            self.message.setText(
                self.tr(
                    "These rules were changed on another computer while your change waited. "
                    "Nothing was overwritten: choose which version the relay should use."
                )
            )
            mine, theirs = self.describe(state.doc), self.describe(state.conflict)
            # The summaries leave the messages' words out: two away texts typed at once read the
            # same on both sides, and the owner could not tell what either choice keeps.
            for text_of in (self._greeting_text, self._away_text):
                if text_of(state.doc) != text_of(state.conflict):
                    mine += "\n" + text_of(state.doc)
                    theirs += "\n" + text_of(state.conflict)
            self.mine.setText(self.tr("Your version:") + "\n" + mine)
            self.theirs.setText(self.tr("On the relay now:") + "\n" + theirs)
        elif sending:
            self.message.setText(self.tr("Sending to the relay…"))
        elif status is SyncStatus.REFUSED and state.refused is not None:
            from ui.rules_refused_notice import state_refusal_reason

            self.message.setText(
                self.tr(
                    "Your relay refused this change, so it is kept on this computer and not sent again. "
                    "{reason} Fix it and save, send it again once the relay is updated, or discard it in "
                    "the main window."
                ).format(reason=state_refusal_reason(state))
            )
        elif status is SyncStatus.PENDING and state.relay_has_none:
            # The relay's first rules (a first setup, a new relay): there are no previous ones.
            self.message.setText(
                self.tr(
                    "Not yet on the relay: your rules are kept on this computer and are sent when the "
                    "relay answers. Until then the relay has no rules from you and sends no automatic "
                    "messages."
                )
            )
        elif status is SyncStatus.PENDING:
            self.message.setText(
                self.tr(
                    "Not yet on the relay: your change is kept on this computer and is sent "
                    "when the relay answers. Until then the relay still uses the previous rules."
                )
            )
        else:
            self.message.setText(self.tr("On the relay: customers get what you see here."))
        self.style().unpolish(self)
        self.style().polish(self)


class AutomationDialog(QDialog):
    """Base of the greeting, away, hours and profile editors; a subclass fills `form` and maps the doc.

    Subclasses implement `build()` (widgets into `self.form`), `load(doc)` (document → widgets) and
    `apply(doc) -> Automations` (widgets → a copy of doc with this editor's part replaced), and
    connect their widgets' change signals to `self.edited`. Saving applies the editor's part to the
    latest stored copy, so two editors never undo each other's parts.
    """

    # The form scrolls when the dialog is too short for it (a two-line banner above it cut the
    # preview's last lines off, and the hours editor's buttons); the bot editor lays out its own.
    FORM_SCROLLS: ClassVar[bool] = True
    # The document's part this editor's Save replaces: its unsaved form is kept under it.
    PART: ClassVar[AutomationsPart]

    saved = Signal(object)  # AutomationsState after a save, a push or a conflict choice
    ready = Signal()  # the stored document arrived and the form shows it

    def __init__(
        self,
        ctx: AppContext,
        *,
        client_provider: ClientProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client_provider = client_provider or (lambda: running_relay_client(ctx))
        self.summaries = RuleSummary(self)
        self.banner = SyncBanner()
        self.banner.keep_mine.connect(lambda: self.resolve("mine"))
        self.banner.use_theirs.connect(self.use_theirs)
        self.banner.retry.connect(self.send_now)
        # The words typed here and not saved when the app last stopped (a dead battery, a crash).
        # Made only when there is something to offer: most openings have none.
        self.kept_strip: KeptEditsStrip | None = None
        self._kept: UnsavedRules | None = None
        self.restore_on_load = False  # opened to restore the kept form (the main window's offer)
        self.keeper = DraftKeeper(self, self._kept_form)
        self.form = QWidget()
        self.summary = QLabel()
        self.summary.setObjectName("ruleSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        # A relay older than {hours}: said once, under the summary, while a text gives the hours.
        self.relay_note = QLabel()
        self.relay_note.setObjectName("relayNote")
        self.relay_note.setWordWrap(True)
        self.relay_note.setTextFormat(Qt.TextFormat.PlainText)
        self.relay_note.hide()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+S saves, as in every editor the owner knows (it did nothing): the same as pressing
        # Save, so not while the document is still being read or a save is under way.
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self).activated.connect(self._save_by_keys)
        # Beside Save, after a save: that it worked, and whether the relay has it yet.
        self.saved_note = QLabel()
        self.saved_note.setObjectName("savedNote")
        self.saved_note.setWordWrap(True)
        self.saved_note.hide()
        self._just_saved = False
        # The form took another computer's change of what it shows (nothing typed here was lost).
        self._changed_elsewhere = False
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_note, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scrolling(self.form, whole_width=True) if self.FORM_SCROLLS else self.form, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.relay_note)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.setStyleSheet(f"{banner_style()}#formError {{ color: {problem_colour()}; }}")
        # Until the stored document arrives (an op, a moment) the form is built but disabled, and
        # edits are not recorded; a placeholder state keeps the subclasses' code simple meanwhile.
        self._loading = True
        self._sending = False
        self._saving = False
        self._refused = False  # the red line under the form says why Save was refused
        # The red line says a push did not get through; gone once the relay has the change.
        self._push_trouble = False
        self._dirty = False
        # Counts the owner's edits: a save knows which of them it took (the form stays open to
        # typing while it is stored).
        self._edits = 0
        self._saving_form = False  # Save is storing the form (not a conflict's choice)
        self._taken: int | None = None  # how many edits that save took, once it took the form
        # What to do once the edits are saved ("Save" when the owner closes with unsaved edits).
        self._after_save: Callable[[], None] | None = None
        self.own_changes = OwnChanges(self.ctx)
        # A late answer for an older look never replaces a newer one, nor what a save, a conflict's
        # choice or a push stored since (overtaken): one read before her save put the form back to
        # the text she had just replaced, and said another computer had changed it.
        self._reads = Newest()
        self.loaded = False
        self.state = AutomationsState(doc=Automations())
        # The copy the form was last filled from: what the owner's edits are edits of.
        self._form_doc = self.state.doc
        self.build()
        # Enter in a field saves (once the document is in): set now that the button is in this
        # dialog. Otherwise Qt makes the first button in the tab order the default one, the relay
        # banner's "Send now" in the profile editor, and Enter sent the stored copy, unsaved edits
        # left behind.
        self._save_button().setDefault(True)
        self.form.setEnabled(False)
        self._save_button().setEnabled(False)
        ctx.hub.changed.connect(self._hub_changed)
        self._read_state()

    def _read_state(self) -> None:
        db = self.ctx.db
        if not self.loaded:
            part = self.PART
            self._reads.run_op(
                lambda: (automations_state(db), unsaved_rules(db, part)),
                self._first_read,
                parent=self,
                on_failure=self._failed,
            )
            return
        self._reads.run_op(
            lambda: automations_state(db), self._state_read, parent=self, on_failure=self._failed
        )

    def _save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _save_by_keys(self) -> None:
        if self._save_button().isEnabled():
            self._save_button().click()

    def _state_read(self, state: AutomationsState) -> None:
        first = not self.loaded
        if not first and not self._dirty and self._shows_other_than(state.doc):
            # "Saved. The relay has it" stayed beside the other computer's text that replaced hers.
            self._changed_elsewhere = True
            self._just_saved = False
        self.state = state
        if first or not self._dirty:
            self._show_doc(state.doc)
        self._show_state()
        if first:
            self.loaded = True
            self.form.setEnabled(True)
            self._save_button().setEnabled(True)
            self._focus_first_field()
            self.ready.emit()
            if self.state.status is SyncStatus.PENDING:
                self.push()

    def _first_read(self, result: tuple[AutomationsState, list[UnsavedRules]]) -> None:
        state, kept = result
        self._state_read(state)
        if kept:
            self._kept = kept[0]
            if self.restore_on_load:
                self.restore_kept()
            else:
                self._offer_kept(kept_rules_sentence(self._kept.part, self._kept.at))

    def _offer_kept(self, sentence: str) -> None:
        """Under the banner: the kept words' offer, Restore or Discard."""
        if self.kept_strip is None:
            self.kept_strip = KeptEditsStrip()
            self.kept_strip.restore.connect(self.restore_kept)
            self.kept_strip.discard.connect(self._discard_kept)
            layout = self.layout()
            if isinstance(layout, QVBoxLayout):
                layout.insertWidget(layout.indexOf(self.banner) + 1, self.kept_strip)
        self.kept_strip.offer(sentence)

    def _hide_offer(self) -> None:
        if self.kept_strip is not None:
            self.kept_strip.hide()

    def restore_kept(self) -> None:
        """The kept words into the form, unsaved (Save stores them, as typed ones)."""
        kept, self._kept = self._kept, None
        self._hide_offer()
        if kept is None:
            return
        self._loading = True
        try:
            self.load(kept.doc)
        finally:
            self._loading = False
        self.edited()

    def _discard_kept(self) -> None:
        self._kept = None
        self._forget_kept()
        if self.has_unsaved_edits():  # typed here since: those are kept instead
            self.keeper.edited()

    def _kept_form(self) -> Work | None:
        """The write that keeps the form as it is now (None when its fields cannot make a document)."""
        try:
            doc = self.apply(self.state.doc)
        except ShopInboxError:
            return None
        db, part = self.ctx.db, self.PART
        return lambda: keep_rules_draft(db, part, doc)

    def _forget_kept(self) -> None:
        """Nothing of the form is offered again; the main window's offer hears of it too."""
        db, part, ctx = self.ctx.db, self.PART, self.ctx
        self.keeper.forget(
            lambda: forget_rules_draft(db, part), then=lambda: ctx.publish(Changes(kept_edits=True))
        )

    def _shows_other_than(self, doc: Automations) -> bool:
        """Whether the form shows something else than `doc` has in this editor's part."""
        try:
            return not same_content(self.apply(doc), doc)
        except ShopInboxError:
            return False

    def start_in(self) -> QWidget:
        """The part of the form whose first field takes the focus when the editor opens."""
        return self.form

    def _focus_first_field(self) -> None:
        """The form was disabled while the document was read, so the focus went to a button: the
        owner who opened the editor to type starts in its first field instead."""
        focus = self.focusWidget()
        if focus is not None and self.form.isAncestorOf(focus):
            return
        start = self.start_in()
        widget = self.nextInFocusChain()  # the tab order (the form's fields were made after it)
        while widget is not None and widget is not self:
            if (
                start.isAncestorOf(widget)
                and widget.isVisibleTo(self)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _hub_changed(self, changes: Changes) -> None:
        """Another editor or the relay (a settings event) changed the rules: show the new state, and
        the new document too unless the owner is editing this one."""
        if changes.automations and not self.own_changes.publishing and self.loaded and not self._saving:
            self._read_state()

    def _failed(self, exc: BaseException) -> None:
        self._saving = self._saving_form = False
        self._after_save = None  # the edits stay, and so does the window
        self._save_button().setEnabled(self.loaded)
        self._refused = False  # a failure, not a field to fix: edits leave it
        self.error.setText(failure_sentence(exc))
        self.error.show()

    def is_busy(self) -> bool:
        """Loading, saving or sending: tests wait for this to end."""
        return not self.loaded or self._saving or self._sending

    # ------------------------------------------------------------------ for subclasses

    def build(self) -> None:
        raise NotImplementedError

    def load(self, doc: Automations) -> None:
        raise NotImplementedError

    def apply(self, doc: Automations) -> Automations:
        raise NotImplementedError

    def problem(self) -> str:
        """A sentence saying what must be fixed before saving, or ""."""
        return ""

    def refresh_summary(self, doc: Automations) -> None:
        """Update the live summary / preview for the edited (unsaved) document."""

    def edited(self) -> None:
        if not self._loading:
            first = not self._dirty
            self._dirty = True
            self._edits += 1
            self.keeper.edited()
            self._just_saved = False
            self._changed_elsewhere = False
            self.saved_note.hide()
            if self._refused:  # Save said what to fix: that line follows the edits, gone once fixed
                self._show_refusal(self.problem())
            doc = self.apply(self.state.doc)
            self.refresh_summary(doc)
            self._show_relay_note(doc)
            if first:  # the banner no longer speaks for what is on screen
                self._show_state()

    def _show_refusal(self, problem: str) -> None:
        """Why Save was refused, in red under the form ("" hides it). The live summary, when it
        says the same, leaves it to this line rather than say it twice."""
        self._refused = bool(problem)
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if problem and self.summary.text() == problem:
            self.summary.clear()

    # Whether a first save puts the business hours on the shop's zone (`with_shop_zone`).
    fills_shop_zone = True

    # ------------------------------------------------------------------ saving and the relay

    def _show_doc(self, doc: Automations) -> None:
        self._form_doc = doc
        self._loading = True
        try:
            self.load(doc)
        finally:
            self._loading = False
        self.refresh_summary(doc)
        self._show_relay_note(doc)

    def _show_relay_note(self, doc: Automations) -> None:
        """Under the summary, while a text gives the business hours and the relay said it cannot
        fill them itself (app/hours_written.py): what this computer does instead, and its limit."""
        older = self.state.relay_fills_hours is False and uses_hours(doc)
        self.relay_note.setText(
            self.tr(
                "Your relay is an older version that cannot fill in the Business hours field itself, "
                "so this computer writes your hours into the texts when it sends them: on Save, and "
                "again when it connects on a later day. Update the relay so customers always get "
                "your hours as they stand."
            )
            if older
            else ""
        )
        self.relay_note.setVisible(older)

    def _show_state(self) -> None:
        if self._push_trouble and self.state.status is not SyncStatus.PENDING:
            self._push_trouble = False
            if not self._refused:
                self.error.hide()
        self.banner.show_state(
            self.state,
            sending=self._sending,
            can_send=self.client_provider() is not None,
            unsaved=self.has_unsaved_edits(),
        )
        self._show_saved_note()

    def _show_saved_note(self) -> None:
        status = self.state.status
        if self._changed_elsewhere and status is SyncStatus.SYNCED:
            show_news(
                self.saved_note,
                self.tr(
                    "Changed elsewhere just now (on another computer or in another window): "
                    "this is what the relay has now."
                ),
            )
            return
        if not self._just_saved or status in (SyncStatus.CONFLICT, SyncStatus.REFUSED):  # the banner says
            self.saved_note.hide()
            return
        if self._sending:
            text = self.tr("Saved. Sending to the relay…")
        elif self.client_provider() is None:
            text = self.tr("Saved on this computer. It goes to the relay once one is connected.")
        elif status is SyncStatus.SYNCED and self.switched_off():
            # "Customers get it from now on" said of a message just switched off read as its opposite.
            text = self.tr("Saved. The relay has it: switched off, it goes to no one from now on.")
        elif status is SyncStatus.SYNCED:
            text = self.tr("Saved. The relay has it: customers get it from now on.")
        else:
            text = self.tr("Saved on this computer. It goes to the relay as soon as the relay answers.")
        show_news(self.saved_note, text)

    def save(self) -> None:
        """Apply this editor's part to the latest stored copy (read in an op), save it in another op.

        The form keeps what was typed until the save delivered; a refusal shows why."""
        if not self.loaded:
            return
        problem = self.problem()
        self._show_refusal(problem)
        if problem or self._saving:
            return
        self._saving = True
        self._save_button().setEnabled(False)
        db = self.ctx.db
        self._saving_form = True
        self._taken = None  # every edit made until the form is taken goes with this save

        def latest_read(latest: AutomationsState) -> None:
            self._taken = self._edits
            try:
                doc = self.apply(latest.doc)
                if self.fills_shop_zone:
                    doc = with_shop_zone(doc, self.ctx.shop_region)
            except ShopInboxError as exc:
                self._failed(exc)
                return
            # Another desktop's save may have come in since the form was filled: what the owner left
            # alone takes it; where both changed the same text, the copy the form was filled from is
            # named as the base, so the relay refuses the save and the banner asks (it replaced the
            # other computer's text without a word).
            doc, clash = merge_edits(self._form_doc, latest.doc, doc)
            built_on = self._form_doc.revision if clash else latest.doc.revision
            part = self.PART

            def save_and_forget() -> tuple[AutomationsState, Changes]:
                saved = save_automations(db, doc, built_on=built_on)
                forget_rules_draft(db, part)  # saved: nothing of it to offer after a crash
                return saved

            run_op(
                save_and_forget,
                stored,
                parent=self,
                on_failure=self._failed,
            )

        def stored(result: tuple[AutomationsState, Changes]) -> None:
            self.state, changes = result
            self._reads.overtaken()
            self._form_doc = self.state.doc
            self._saving = self._saving_form = False
            # What was typed after the form was taken is not in this save: still unsaved, so
            # closing asks (it was marked saved with the rest and dropped without a word).
            self._dirty = self._edits != self._taken
            if self._dirty:
                self.keeper.edited()  # typed while it was stored: kept again
            else:
                self.keeper.settle()  # what it would keep is saved
            self._kept = None
            self._hide_offer()
            self._save_button().setEnabled(True)
            self._just_saved = not self._dirty
            self._changed_elsewhere = False
            self._show_state()
            self.own_changes.publish(changes)
            self.saved.emit(self.state)
            self.push()
            after, self._after_save = self._after_save, None
            if after is not None:
                after()

        run_op(lambda: automations_state(db), latest_read, parent=self, on_failure=self._failed)

    def use_theirs(self) -> None:
        """The banner's "Use the other version": the form then shows the relay's copy, so what the
        owner typed and has not saved is gone; that is asked first (it went without a word)."""
        if self.has_unsaved_edits() and not confirm(
            self,
            self.tr("Use the other version?"),
            self._lost_edits_question(),
            self.tr("&Use the other version"),
            keep=QCoreApplication.translate("AutomationDialog", "&Keep editing"),
        ):
            return
        self.resolve("theirs")

    def _lost_edits_question(self) -> str:
        """What the other version replaces, in the words of the banner's summary where it can say it."""
        question = self.tr(
            "The changes you made in “{0}” and have not saved will be gone, and the window will show "
            "the other version."
        ).format(self.windowTitle())
        try:
            lost = self.unsaved_changes()
        except ShopInboxError:  # a field the form cannot take as it is: the sentence alone says it
            return question
        if not lost:
            return question
        return "\n\n".join([question, self.tr("Not saved:"), "\n".join(lost)])

    def unsaved_changes(self) -> list[str]:
        """The form's unsaved changes, a line each ("Shop name: …"), as far as they can be said in a
        line; by default the lines of the banner's summary that the edits change."""
        edited = self.banner.describe(self.apply(self.state.doc)).splitlines()
        saved = set(self.banner.describe(self.state.doc).splitlines())
        return [line for line in edited if line not in saved]

    def resolve(self, keep: str) -> None:
        db = self.ctx.db
        choice: Literal["mine", "theirs"] = "mine" if keep == "mine" else "theirs"

        def resolved(result: tuple[AutomationsState, Changes]) -> None:
            self.state, changes = result
            self._reads.overtaken()
            self._saving = False
            # "Keep mine" keeps the saved copy on the relay; edits typed since stay on the form,
            # unsaved, for the owner to save or leave.
            if choice == "theirs" and self._dirty:
                self._forget_kept()  # the owner chose to lose them
            if choice == "theirs" or not self._dirty:
                self._dirty = False
                self._show_doc(self.state.doc)
            else:
                self._form_doc = self.state.doc
            self._show_state()
            self.own_changes.publish(changes)
            self.saved.emit(self.state)
            self.push()

        self._saving = True  # the owner's choice is written before anything else
        run_op(lambda: resolve_automations(db, choice), resolved, parent=self, on_failure=self._failed)

    def send_now(self) -> None:
        """The banner's "Send now": the waiting change, or the refused one once more as it is."""
        client = self.client_provider()
        if self.state.status is not SyncStatus.REFUSED or client is None or self._sending:
            self.push()
            return
        self._sending = True
        self._show_state()
        db = self.ctx.db
        run_op(
            lambda: push_refused_again(db, client), self._pushed, parent=self, on_failure=self._push_failed
        )

    def push(self) -> None:
        client = self.client_provider()
        if client is None or self._sending or self.state.status is not SyncStatus.PENDING:
            return
        self._sending = True
        self._show_state()
        db = self.ctx.db
        run_op(lambda: push_automations(db, client), self._pushed, parent=self, on_failure=self._push_failed)

    def _pushed(self, result: tuple[PushOutcome, AutomationsState]) -> None:
        outcome, self.state = result
        self._reads.overtaken()
        self._sending = False
        if outcome is PushOutcome.OFFLINE:
            retry_push_later(self.ctx)
        if outcome in (PushOutcome.CONFLICT, PushOutcome.REFUSED):
            # The main window's strips say it too, for when this editor is closed.
            log.info("automations %s shown to the owner", outcome.value)
            self.own_changes.publish(Changes(automations=True))
        self._show_state()
        self.saved.emit(self.state)

    def _push_failed(self, exc: BaseException) -> None:
        self._refused = False  # a failure, not a field to fix: edits leave it
        self.error.setText(failure_sentence(exc))
        self.error.show()
        if isinstance(exc, RelayError) and worth_retrying(exc):
            # Said until the relay has it: the sync engine tries again on its own meanwhile.
            self._push_trouble = True
            retry_push_later(self.ctx)

        def read(state: AutomationsState) -> None:
            self._sending = False
            self.state = state
            self._show_state()

        def unread(_result: object) -> None:
            self._sending = False
            self._show_state()

        db = self.ctx.db
        # One of the editor's reads: the engine's retry may have got through meanwhile and a newer
        # read shown "the relay has it"; this older answer must not put "waiting" back.
        self._reads.run_op(
            lambda: automations_state(db), read, parent=self, on_failure=unread, on_outdated=unread
        )

    def is_sending(self) -> bool:
        """A change is on its way: being saved here, or sent to the relay."""
        return self._sending or self._saving

    # ------------------------------------------------------------------ closing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        say_editor_open(self.ctx.hub, self.PART.value, event)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        say_editor_open(self.ctx.hub, self.PART.value, event)

    def has_unsaved_edits(self) -> bool:
        return self.loaded and self._dirty

    def switched_off(self) -> bool:
        """Whether this editor's message is switched off (the greeting's, the away message's)."""
        return False

    def reject(self) -> None:
        """Close, Esc, Ctrl+W and the title bar's close all come here: unsaved edits ask first."""
        if self._saving_form and self._taken in (None, self._edits):
            # Closed while Save stores every edit: it closes once they are stored, without asking
            # about them ("Save the changes?" while saving them); a save that fails keeps it open
            # and says why, so they are never lost unsaid.
            self._after_save = then_quit_goes_on(super().reject)
            return
        leave_edits(
            self,
            # One context for every editor that asks (self.tr also finds it: PySide6 looks along the MRO).
            QCoreApplication.translate("AutomationDialog", "Save the changes to “{0}”?").format(
                self.windowTitle()
            ),
            dirty=self.has_unsaved_edits(),
            save_then=self._save_then,
            then=self._closed_without_saving,
        )

    def _closed_without_saving(self) -> None:
        """Closed with nothing to save, or with "Discard": discarded edits are not offered again.
        (Closed unchanged while the kept form is offered: it is still offered next time.)"""
        if self._dirty:
            self._forget_kept()
        super().reject()

    def _save_then(self, then: Callable[[], None]) -> bool:
        if self._saving_form:
            # The save under way took the form before the latest edits: once it is stored, they
            # are saved too, then `then` runs (it ran at once, and they were left unsaved).
            def after_it() -> None:
                if self._dirty:
                    self._save_then(then)
                else:
                    then()

            self._after_save = after_it
            return True
        self._after_save = then
        self.save()
        if not self._saving:  # the form refused its own fields: stay and show why
            self._after_save = None
            return False
        return True
