"""A strip above the chat while the relay has refused a change to the automations for good.

A refused change (its validation said no, or it does not take this version's rules) is not tried
again: the same answer would come back. It stays on this computer, marked refused, until the owner
decides: she fixes it in the editor and saves (a new attempt), or discards it and takes the relay's
version back. The strip that says "Shop Inbox keeps trying" never names it: nothing is trying."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QPushButton, QWidget

from app.automations_parts import AutomationsPart
from app.automations_store import AutomationsState, SyncStatus, discard_refused_change
from app.away_status import StillSent, relay_still_sends
from app.changes import Changes
from app.relay_pushes import PushTask
from app.wire import (
    BOT_KEYWORD_MAX,
    BOT_KEYWORDS_MAX,
    BOT_NODES_MAX,
    BOT_RULES_MAX,
    BUTTON_TITLE_MAX,
    INTERACTIVE_BODY_MAX,
    LIST_BUTTON_MAX,
    LIST_ROWS_MAX,
    MENU_DEPTH_MAX,
    REPLY_BUTTONS_MAX,
    ROW_DESCRIPTION_MAX,
    ROW_TITLE_MAX,
    SECTION_TITLE_MAX,
    TEXT_MAX,
    Automations,
    BotProblem,
    RelayErrorCode,
)
from ui import message_box
from ui.automations_state_reads import AutomationsStateReads
from ui.confirm import confirm
from ui.context import AppContext
from ui.korean_particles import with_particles
from ui.ops import failure_sentence, run_op
from ui.pushes_waiting_notice import listed, waiting_names
from ui.warning_strip import lay_out_warning_strip

log = logging.getLogger(__name__)

HOME_BUTTON = "home_button"  # the node the relay names for the bot's button back to the main menu


def bot_limit_sentence(problem: BotProblem, where: str) -> str:
    """Which of the menu bot's limits the relay found broken, and where (`where`: the choice, menu or
    answer as the owner named it), with the limit the relay keeps to (app/wire.py's, as relay/ reads
    them)."""

    if where == HOME_BUTTON and problem is BotProblem.TITLE_TOO_LONG:
        return QCoreApplication.translate(
            "RulesRefused", "The button back to the main menu has a title of 1 to {0} characters."
        ).format(BUTTON_TITLE_MAX)
    counted = {
        BotProblem.TOO_MANY_RULES: (
            QCoreApplication.translate("RulesRefused", "The menu bot has at most {0} answers."),
            BOT_RULES_MAX,
        ),
        BotProblem.TOO_MANY_NODES: (
            QCoreApplication.translate(
                "RulesRefused", "The menu bot has at most {0} menus and choices in all."
            ),
            BOT_NODES_MAX,
        ),
    }
    if problem in counted:
        sentence, limit = counted[problem]
        return sentence.format(limit)
    limits: dict[BotProblem, tuple[str, int]] = {
        BotProblem.TOO_MANY_ROWS: (
            QCoreApplication.translate("RulesRefused", "A menu has at most {0} choices, and “{1}” has more."),
            LIST_ROWS_MAX,
        ),
        BotProblem.TOO_MANY_BUTTONS: (
            QCoreApplication.translate(
                "RulesRefused", "A menu shown as buttons has at most {0} choices, and “{1}” has more."
            ),
            REPLY_BUTTONS_MAX,
        ),
        BotProblem.TITLE_TOO_LONG: (
            QCoreApplication.translate(
                "RulesRefused",
                "A choice's title has 1 to {0} characters (on a button, {2}), and that of “{1}” does not.",
            ),
            ROW_TITLE_MAX,
        ),
        BotProblem.DESCRIPTION_TOO_LONG: (
            QCoreApplication.translate(
                "RulesRefused",
                "A choice's description has at most {0} characters, and that of “{1}” has more.",
            ),
            ROW_DESCRIPTION_MAX,
        ),
        BotProblem.SECTION_TITLE_TOO_LONG: (
            QCoreApplication.translate(
                "RulesRefused", "A section title has at most {0} characters, and that of “{1}” has more."
            ),
            SECTION_TITLE_MAX,
        ),
        BotProblem.LIST_BUTTON_TOO_LONG: (
            QCoreApplication.translate(
                "RulesRefused", "A menu's list button has 1 to {0} characters, and that of “{1}” does not."
            ),
            LIST_BUTTON_MAX,
        ),
        BotProblem.TEXT_TOO_LONG: (
            QCoreApplication.translate(
                "RulesRefused",
                "A menu's text has at most {0} characters (an answer's, {2}), and that of “{1}” has more.",
            ),
            INTERACTIVE_BODY_MAX,
        ),
        BotProblem.TOO_DEEP: (
            QCoreApplication.translate("RulesRefused", "Menus go at most {0} deep, and “{1}” is deeper."),
            MENU_DEPTH_MAX,
        ),
        BotProblem.TOO_MANY_KEYWORDS: (
            QCoreApplication.translate(
                "RulesRefused", "An answer has at most {0} keywords, and “{1}” has more."
            ),
            BOT_KEYWORDS_MAX,
        ),
        BotProblem.KEYWORD_TOO_LONG: (
            QCoreApplication.translate(
                "RulesRefused", "A keyword has at most {0} characters, and one of “{1}” has more."
            ),
            BOT_KEYWORD_MAX,
        ),
    }
    if problem in limits:
        sentence, limit = limits[problem]
        second = BUTTON_TITLE_MAX if problem is BotProblem.TITLE_TOO_LONG else TEXT_MAX
        return with_particles(sentence.format(limit, where, second))
    named = {
        BotProblem.EMPTY_MENU: QCoreApplication.translate(
            "RulesRefused", "A menu needs a text and at least one choice, and “{0}” lacks one."
        ),
        BotProblem.EMPTY_KEYWORD: QCoreApplication.translate(
            "RulesRefused", "A keyword cannot be empty, and one of “{0}” is."
        ),
        BotProblem.SECTION_TITLE_REQUIRED: QCoreApplication.translate(
            "RulesRefused", "A list with several sections names each, and “{0}” has no section title."
        ),
        BotProblem.DUPLICATE_BUTTON_TITLE: QCoreApplication.translate(
            "RulesRefused", "The buttons of a menu each need a title of their own, and “{0}” is there twice."
        ),
    }
    sentence = named.get(
        problem,
        # Duplicate, unknown or twice-chosen choices, too long an id: the menus do not fit together.
        QCoreApplication.translate(
            "RulesRefused", "The menu bot's menus and answers do not fit together at “{0}”."
        ),
    )
    return with_particles(sentence.format(where))


def bot_place(doc: Automations, node: str) -> str:
    """The menu bot's node or keyword rule `node` (an id) as the owner named it: a choice's or menu's
    title, an answer's title or first keyword; the id itself when it has no name."""
    bots = [doc.bot, *([doc.bot.other_language] if doc.bot.other_language is not None else [])]
    for bot in bots:
        for menu_node in bot.nodes:
            if menu_node.id == node and menu_node.title.strip():
                return menu_node.title.strip()
        for rule in bot.rules:
            if rule.id == node:
                return rule.title.strip() or next((k for k in rule.keywords if k.strip()), node)
    return node


def refusal_reason(relay_code: str, problem: BotProblem | None = None, where: str = "") -> str:
    """Why the relay refused the rules, from its error code (and for the menu bot, which limit and
    where, when the relay said), as the owner reads it."""
    if relay_code == RelayErrorCode.BOT_OVER_LIMITS:
        if problem is not None:
            return bot_limit_sentence(problem, where)
        return QCoreApplication.translate(
            "RulesRefused",
            "The menu bot goes beyond what the relay allows (too many rows, or a title too long).",
        )
    if relay_code == RelayErrorCode.OVERLAPPING_HOURS:
        return QCoreApplication.translate(
            "RulesRefused", "Two ranges of hours on one day overlap: change one of them or make them one."
        )
    if relay_code == RelayErrorCode.TOO_LARGE:
        return QCoreApplication.translate("RulesRefused", "The rules are larger than the relay takes.")
    if relay_code in (RelayErrorCode.INVALID, "http_400", "http_422"):
        return QCoreApplication.translate(
            "RulesRefused",
            "It could not accept it as it is: the relay may be an older version than this Shop Inbox. "
            "Update the relay, or change it back.",
        )
    return QCoreApplication.translate("RulesRefused", "It answered with the error “{code}”.").format(
        code=relay_code
    )


def state_refusal_reason(state: AutomationsState) -> str:
    """Why the relay refused the change waiting in `state`, naming the menu bot's place by its name here."""
    refused = state.refused
    if refused is None:
        return refusal_reason("")
    where = bot_place(state.doc, refused.bot_node) if refused.bot_node else ""
    return refusal_reason(refused.relay_code, refused.bot_problem, where)


def refused_names(state: AutomationsState) -> list[str]:
    """The parts of the refused change, named for the owner ("away message")."""
    return waiting_names(frozenset({PushTask.AUTOMATIONS}), state.waiting_parts)


def refused_sentence(state: AutomationsState) -> str:
    """What the relay refused and why, and what it does meanwhile (nothing, when it has no rules)."""
    refused = QCoreApplication.translate("RulesRefused", "Your relay refused your change: {changes}.").format(
        changes=listed(refused_names(state))
    )
    reason = state_refusal_reason(state)
    if state.relay_has_none:
        meanwhile = QCoreApplication.translate(
            "RulesRefused",
            "Until you fix or discard it, the relay has no rules from you and sends no automatic "
            "messages, even while this computer is closed.",
        )
    else:
        meanwhile = QCoreApplication.translate(
            "RulesRefused",
            "Until you fix or discard it, the relay uses the previous version, even while this "
            "computer is closed.",
        )
    return " ".join([refused, reason, meanwhile])


class RulesRefusedNotice(QFrame):
    """Hidden unless the relay refused the waiting change; opens its editor, or discards it."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, states: AutomationsStateReads | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The automations' state as read for every strip at once (the window's; else this one's):
        # read apart, this strip said "refused" while the one beside it still said "keeps trying".
        self.states = states if states is not None else AutomationsStateReads(ctx, self)
        self.setObjectName("rulesRefusedNotice")
        self.editor = AutomationsPart.AWAY.value
        self.names: list[str] = []  # what the relay refused, named, while the strip shows (quitting asks)
        # The away message and greeting the relay goes on sending meanwhile, switched off or changed here.
        self.still_sends: tuple[StillSent, ...] = ()
        self._open: QDialog | None = None  # the editor the button opened, while it is open
        self.text = QLabel(self)
        # Alt+I: F is the File menu's, above it in the same window.
        self.fix = QPushButton(self.tr("Fi&x…"))
        self.fix.clicked.connect(self.open_editor)
        self.discard = QPushButton(self.tr("D&iscard change…"))
        self.discard.clicked.connect(self.discard_change)
        lay_out_warning_strip(self, self.text, self.fix, self.discard)
        self.hide()
        # Opens the editor (a dialog); tests may give their own.
        self.open_dialog: Callable[[str], QDialog | None] = self._editor_for
        self.states.read.connect(self.show_for)  # at the start, and whenever the automations change

    def refresh(self) -> None:
        """Read the stored state (every strip that says it hears the read)."""
        self.states.refresh()

    def show_for(self, state: AutomationsState) -> None:
        refused = state.status is SyncStatus.REFUSED
        self.names = refused_names(state) if refused else []
        self.still_sends = relay_still_sends(state) if refused else ()
        if refused:
            parts = state.waiting_parts
            self.editor = (parts[0] if parts else AutomationsPart.PROFILE).value
            self.text.setText(refused_sentence(state))
        self.setVisible(refused)

    def _editor_for(self, name: str) -> QDialog | None:
        from ui.automation_editors import editor_for_part

        return editor_for_part(self.ctx, name, self.window())

    def open_editor(self) -> None:
        """The editor of the refused part: it shows the refused change, saved, to fix and save again."""
        from ui.automation_editors import open_once

        dialog = open_once(self._open, lambda: self.open_dialog(self.editor))
        if dialog is not None and dialog is not self._open:
            dialog.finished.connect(lambda _result: setattr(self, "_open", None))
            self._open = dialog

    def discard_change(self) -> None:
        """Asked first: the refused change is gone, and the relay's version is shown here again."""
        client = self.ctx.sync.relay_client() if self.ctx.sync is not None else None
        title = self.tr("Discard your change?")
        if client is None:
            message_box.warning(
                self,
                title,
                self.tr("Shop Inbox is not connected to your relay, so its version cannot be read now."),
            )
            return
        if not confirm(
            self,
            title,
            self.tr(
                "Your refused change is deleted from this computer, and the editors show the version "
                "your relay uses."
            ),
            self.tr("&Discard change"),
            keep=self.tr("&Keep it"),
            warning=True,
        ):
            return
        db = self.ctx.db

        def discarded(result: tuple[AutomationsState, Changes]) -> None:
            state, changes = result
            self.show_for(state)
            self.ctx.publish(changes)

        def failed(exc: BaseException) -> None:
            message_box.warning(self, title, failure_sentence(exc))

        run_op(lambda: discard_refused_change(db, client), discarded, parent=self, on_failure=failed)
