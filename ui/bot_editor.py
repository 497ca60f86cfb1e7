"""The menu bot's editor (Shop ▸ Menu bot…): keyword answers, the menu tree and hand-off, beside its
simulator (ui/bot_simulator.py), with the relay's report (ui/bot_report.py) in a tab."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import relay_clock
from app.automations_parts import AutomationsPart
from app.bank_field import BANK_FIELD, with_bank
from app.business_numbers import shop_numbers
from app.interactive_text import CHOICE_MARK, OPENER_MARK
from app.order_queries import OrderCustomer, customer_of_order
from app.relay_client import RelayClient
from app.rules import (
    BotState,
    CustomerMessage,
    bot_decision,
    keyword_overlaps,
    overfull_filled_menus,
    overlong_menu_leads,
    whole_message_only,
    writing_script,
)
from app.shop_menu import (
    EXAMPLE_ACCOUNT_NUMBER,
    LIST_BUTTON_EN,
    LIST_BUTTON_KO,
    example_account_left,
    old_hours_answers,
    ready_made_menu,
)
from app.wire import (
    BUTTON_TITLE_MAX,
    INTERACTIVE_BODY_MAX,
    KEYWORD_RULE_TITLE_MAX,
    LIST_BUTTON_MAX,
    ROW_DESCRIPTION_MAX,
    ROW_TITLE_MAX,
    SECTION_TITLE_MAX,
    TEXT_MAX,
    Automations,
    BotAnswer,
    BotLimitError,
    BotProblem,
    KeywordRule,
    MenuBot,
    MenuNode,
    check_button_titles,
)
from ui.automation_dialog import AutomationDialog, ClientProvider
from ui.automation_forms import FieldButtons
from ui.bot_report import BotReportTab
from ui.bot_simulator import SIMULATED_WA_ID, Simulator, reply_text
from ui.bounded_text import BoundedTextEdit
from ui.confirm import confirm
from ui.context import AppContext
from ui.error_sentences import file_error_sentence
from ui.field_tokens import shown_fields, stored_fields
from ui.form_reflow import FormReflow
from ui.formatting import count_text
from ui.korean_particles import with_particles
from ui.limited_line_edit import LimitedLineEdit, text_length
from ui.ops import run_read
from ui.plain_tooltip import plain_tooltip
from ui.save_paths import Picked, open_file_name, save_file_name
from ui.screen_fit import resize_within_screen, scrolling, scrolling_text
from ui.spin_units import counted_suffix
from ui.theme import colours, is_dark, problem_colour
from ui.time_zones import with_shop_zone
from ui.translations import ui_language

log = logging.getLogger(__name__)
HOURS = "{hours}"  # the business hours, in an answer's text: app.rules.hours_field


def limit_error(exc: ValidationError | BotLimitError) -> BotLimitError | None:
    """The BotLimitError inside pydantic's ValidationError (or itself); None for other problems."""
    if isinstance(exc, BotLimitError):
        return exc
    for error in exc.errors():
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, BotLimitError):
            return cause
    return None


def node_preview_sheet() -> str:
    """The menu choice's preview as the chat's incoming bubble, light or dark as the inbox's chat (a
    white box glared out of a dark window)."""
    bubble = colours()
    border = "#3B4A54" if is_dark() else "#D1D7DB"
    return (
        f"#nodePreview {{ background: {bubble.bubble_in.name()}; color: {bubble.bubble_text.name()};"
        f" border: 1px solid {border}; border-radius: 8px; padding: 8px; }}"
    )


def _show_whole(field: LimitedLineEdit, text: str, limit: int) -> None:
    """Put a stored text in its field whole: one saved over WhatsApp's limit (by an older editor, or
    imported) is shown whole rather than cut, the field takes no more than it holds, and the document
    check says it before Save."""
    field.setMaxLength(max(limit, text_length(text)))
    field.setText(text)


def _new_id(taken: set[str], stem: str) -> str:
    """An id no entry of the menu had before: a customer's tap names the id of the row she was sent
    ("menu:<id>"), and a removed choice's id given to the one added in its place ("choice3" again)
    answered her tap on "배송 문의" with the exchange answer. Never read by the owner."""
    while True:
        new = f"{stem}-{secrets.token_hex(4)}"
        if new not in taken:
            return new


def preview_choices(body: dict[str, Any]) -> list[str]:
    """A Graph message body's choices as the customer gets them, a line each: each reply button
    ("[ 교환 신청 ]"); or a list's one button ("[ ☰ 메뉴 보기 ]", all she sees before tapping it), then
    the sheet it opens: each section's title before its rows, a row's description after its title
    (as the chat's bubble shows the list once sent: app/interactive_text.py)."""
    action = (body.get("interactive") or {}).get("action") or {}
    lines = [f"[ {(button.get('reply') or {}).get('title', '')} ]" for button in action.get("buttons") or []]
    sections = action.get("sections") or []
    if sections:
        lines.append(f"[ {OPENER_MARK}{action.get('button', '')} ]")
    for section in sections:
        if section.get("title"):
            lines.append(str(section["title"]))
        for row in section.get("rows") or []:
            description = row.get("description")
            lines.append(
                CHOICE_MARK + str(row.get("title", "")) + (f" · {description}" if description else "")
            )
    return lines


class BotEditor(AutomationDialog):
    """Edits `Automations.bot`: the rules, the menu tree and the hand-off, beside the simulator."""

    PART = AutomationsPart.BOT

    FORM_SCROLLS = False  # its tree, tabs and simulator share the height themselves

    def __init__(
        self,
        ctx: AppContext,
        *,
        client_provider: ClientProvider | None = None,
        report_client: Callable[[], RelayClient | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # Set before the base class builds the form: the report tab asks it for the relay.
        self.report_client = report_client or (lambda: ctx.sync.relay_client() if ctx.sync else None)
        super().__init__(ctx, client_provider=client_provider, parent=parent)

    def build(self) -> None:
        self.setWindowTitle(self.tr("Menu bot"))
        self.rules: list[KeywordRule] = []
        self.nodes: dict[str, MenuNode] = {}
        self.top_menu: str | None = None
        self.extra: dict[str, Any] = {}
        self._filling = False
        self._problem = ""
        self._problem_node: str | None = None  # the menu entry the problem is at, marked in the tree
        self.enabled = QCheckBox(self.tr("Answer &customers with the menu bot"))
        self.enabled.toggled.connect(self.edited)
        # MenuBot.welcome_menu: the relay and the simulator always knew it; the editor had no switch,
        # so a customer who wrote "안녕하세요" got the greeting and never saw the menu.
        self.welcome_menu = QCheckBox(self.tr("&Join the menu to the greeting"))
        self.welcome_menu.setObjectName("welcomeMenu")
        self.welcome_menu.setToolTip(
            self.tr(
                "A customer who gets the greeting and asks nothing the bot knows gets the main menu "
                "under it, in one message. The greeting must be on (Shop ▸ Greeting message)."
            )
        )
        self.welcome_menu.toggled.connect(self.edited)
        # Which of the bot's two languages is being edited: the main menu, or the same menu in
        # another language (MenuBot.other_language). The one not shown waits in `parked`.
        self.editing_other = False
        self.parked: dict[str, Any] | None = None
        self.language = QComboBox()
        self.language.setObjectName("botLanguage")
        self.language.addItem(self.tr("Main menu"), False)
        self.language.addItem(self.tr("Menu in another language"), True)
        self.language.setAccessibleName(self.tr("Menu being edited"))
        self.language.currentIndexChanged.connect(self._language_switched)
        self.other_note = QLabel(
            self.tr(
                "Customers who write in other letters than the main menu (English to a Korean menu) "
                "get this menu. Switching the bot on and off, its pause and its messages per hour "
                "are the main menu's. Leave it empty and every customer gets the main menu."
            )
        )
        self.other_note.setWordWrap(True)
        self.other_note.hide()
        ready = QPushButton(self.tr("Start &from the ready-made shop menu"))
        ready.clicked.connect(self.use_ready_made)
        import_button = QPushButton(self.tr("&Import…"))
        import_button.clicked.connect(lambda: self.import_json())  # not import_json(checked)
        export_button = QPushButton(self.tr("E&xport…"))
        export_button.clicked.connect(self.export_json)
        # The switch above its buttons, not beside them: the editor, beside the simulator, must fit
        # a small laptop's screen.
        top = QVBoxLayout()
        switches = QHBoxLayout()
        switches.addWidget(self.enabled)
        switches.addWidget(self.welcome_menu)
        switches.addStretch(1)
        top.addLayout(switches)
        top_buttons = QHBoxLayout()
        for widget in (ready, import_button, export_button):
            top_buttons.addWidget(widget)
        top_buttons.addStretch(1)
        top.addLayout(top_buttons)
        # Which menu the tabs below edit: a row of its own, as the editor must fit a small screen.
        language_row = QHBoxLayout()
        editing = QLabel(self.tr("Editin&g:"))
        editing.setBuddy(self.language)
        language_row.addWidget(editing)
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        top.addLayout(language_row)
        top.addWidget(self.other_note)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._rules_tab(), self.tr("Ke&yword answers"))
        self.tabs.addTab(self._menu_tab(), self.tr("&Menu"))
        self.tabs.addTab(self._handoff_tab(), self.tr("Ta&lk to a person"))
        self.report = BotReportTab(self.report_client, self._tally_name)
        self.tabs.addTab(self.report, self.tr("Re&port"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.simulator = Simulator(find_customer=self._order_customer)
        region = self.ctx.shop_region
        run_read(self.ctx, shop_numbers, lambda found: self.simulator.set_numbers(found, region), parent=self)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(top)
        lv.addWidget(self.tabs, 1)
        split.addWidget(left)
        split.addWidget(self.simulator)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        resize_within_screen(self, QSize(1100, 720))

    # ------------------------------------------------------------------ keyword answers

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            # Light and dark switched with the editor open: its chat-coloured parts follow (style
            # sheets keep the colours they were given).
            QTimer.singleShot(0, self, self.recolour)
        return super().event(event)

    def recolour(self) -> None:
        self.simulator.recolour()
        self.node_preview.setStyleSheet(node_preview_sheet())

    def _rules_tab(self) -> QWidget:
        tab = QWidget()
        self.rule_list = QListWidget()
        self.rule_list.setAccessibleName(self.tr("Keyword answers, first match answers"))
        self.rule_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.rule_list.model().rowsMoved.connect(self._rules_reordered)
        self.rule_list.currentRowChanged.connect(self._show_rule)
        add = QPushButton(self.tr("&Add answer"))
        add.clicked.connect(self.add_rule)
        remove = QPushButton(self.tr("Remo&ve"))
        remove.clicked.connect(self.remove_rule)
        self._cut_notes: list[QLabel] = []
        self.rule_name = LimitedLineEdit()
        self.rule_name.setMaxLength(KEYWORD_RULE_TITLE_MAX)
        self.rule_name.setPlaceholderText(self.tr("e.g. Shipping fee (only you see it)"))
        self.rule_name.setAccessibleName(self.tr("Name of this answer"))
        self.rule_name_cut = self._cut_note(self.rule_name, "ruleNameCut")
        self.keywords = QLineEdit()
        self.keywords.setPlaceholderText(self.tr("배송비, 택배비, shipping"))
        self.keywords.setAccessibleName(self.tr("Keywords, separated by commas"))
        self.whole_word = QCheckBox(self.tr("Match whole wor&ds only"))
        self.answer_kind = QComboBox()
        for kind, label in (
            ("text", self.tr("Answer with a text")),
            ("menu", self.tr("Show a menu")),
            ("handoff", self.tr("Hand the chat to a person")),
            ("orders", self.tr("Tell the customer's order status")),
        ):
            self.answer_kind.addItem(label, kind)
        self.answer_text = BoundedTextEdit()
        self.answer_text.setAccessibleName(self.tr("Answer text"))
        self.answer_menu = QComboBox()
        self.answer_menu.setAccessibleName(self.tr("Menu to show"))
        self.overlaps = QLabel()
        self.overlaps.setObjectName("formError")
        self.overlaps.setWordWrap(True)
        self.overlaps.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.rule_name)
        form.addRow("", self.rule_name_cut)
        form.addRow(self.tr("&When a message contains"), self.keywords)
        form.addRow("", self.whole_word)
        form.addRow(self.tr("T&hen"), self.answer_kind)
        form.addRow(self.tr("&Text"), self.answer_text)
        # {hours}: Shop ▸ Business hours, filled by the relay as it answers (app.rules.hours_field).
        self.answer_fields = FieldButtons(self.answer_text, fields=(BANK_FIELD, HOURS), in_owner_words=True)
        form.addRow("", self.answer_fields)
        form.addRow(self.tr("M&enu"), self.answer_menu)
        self.rule_form = QWidget()
        self.rule_form.setLayout(form)
        for signal in (
            self.rule_name.textChanged,
            self.keywords.textChanged,
            self.whole_word.toggled,
            self.answer_kind.currentIndexChanged,
            self.answer_text.textChanged,
            self.answer_menu.currentIndexChanged,
        ):
            signal.connect(self._rule_edited)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        left = QVBoxLayout()
        hint = QLabel(self.tr("The first answer whose keywords match is sent. Drag to reorder."))
        hint.setWordWrap(True)
        left.addWidget(hint)
        left.addWidget(self.rule_list, 1)
        left.addLayout(buttons)
        right = QVBoxLayout()
        rule_area = scrolling(self.rule_form)
        FormReflow(form, rule_area)
        right.addWidget(rule_area, 1)
        right.addWidget(self.overlaps)
        layout = QHBoxLayout(tab)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        return tab

    def _rule_title(self, rule: KeywordRule) -> str:
        """The answer's name in the list: its title, else its keywords."""
        return rule.title or ", ".join(rule.keywords) or self.tr("(no keywords yet)")

    def _fill_rule_list(self, current: int = 0) -> None:
        self._filling = True
        self.rule_list.clear()
        for rule in self.rules:
            item = QListWidgetItem(self._rule_title(rule))
            item.setToolTip(plain_tooltip(", ".join(rule.keywords)))
            self.rule_list.addItem(item)
        self._filling = False
        if self.rules:
            self.rule_list.setCurrentRow(max(0, min(current, len(self.rules) - 1)))
        self._show_rule(self.rule_list.currentRow())

    def _fill_menu_choices(self) -> None:
        current = self.answer_menu.currentData()
        self.answer_menu.blockSignals(True)
        self.answer_menu.clear()
        for node in self.nodes.values():
            if node.action == "menu":
                self.answer_menu.addItem(self._node_label(node), node.id)
        i = self.answer_menu.findData(current)
        self.answer_menu.setCurrentIndex(max(i, 0))
        self.answer_menu.blockSignals(False)

    def _show_rule(self, row: int) -> None:
        self.rule_form.setEnabled(0 <= row < len(self.rules))
        if not 0 <= row < len(self.rules):
            return
        rule = self.rules[row]
        self._filling = True
        self.rule_name_cut.hide()
        _show_whole(self.rule_name, rule.title, KEYWORD_RULE_TITLE_MAX)
        self.keywords.setText(", ".join(rule.keywords))
        self.keywords.setCursorPosition(0)  # a long list read from its first keyword, not its last
        self.whole_word.setChecked(rule.whole_word)
        self.answer_kind.setCurrentIndex(max(0, self.answer_kind.findData(rule.answer.kind)))
        self.answer_text.setPlainText(shown_fields(rule.answer.text))
        self._fill_menu_choices()
        self.answer_menu.setCurrentIndex(max(0, self.answer_menu.findData(rule.answer.menu)))
        self._filling = False
        self._rule_fields()

    def _rule_fields(self) -> None:
        kind = self.answer_kind.currentData()
        self.answer_menu.setEnabled(kind == "menu")
        self.answer_text.setEnabled(kind != "orders")

    def _rule_edited(self) -> None:
        self._rule_fields()
        row = self.rule_list.currentRow()
        if self._filling or not 0 <= row < len(self.rules):
            return
        kind = self.answer_kind.currentData()
        keywords = [k.strip() for k in self.keywords.text().replace("，", ",").split(",") if k.strip()]
        answer = BotAnswer(
            kind=kind,
            text=stored_fields(self.answer_text.toPlainText()),
            menu=self.answer_menu.currentData() if kind == "menu" else None,
        )
        rule = self.rules[row].model_copy(
            update={
                "title": self.rule_name.text().strip(),
                "keywords": keywords,
                "whole_word": self.whole_word.isChecked(),
                "answer": answer,
            }
        )
        self.rules[row] = rule
        item = self.rule_list.item(row)
        if item is not None:
            item.setText(self._rule_title(rule))
            item.setToolTip(plain_tooltip(", ".join(rule.keywords)))
        self.edited()

    def _rules_reordered(self, *_args: object) -> None:
        if self._filling:
            return
        by_title: dict[str, list[KeywordRule]] = {}
        for rule in self.rules:
            by_title.setdefault(self._rule_title(rule), []).append(rule)
        order = []
        for i in range(self.rule_list.count()):
            item = self.rule_list.item(i)
            order.append(by_title[item.text()].pop(0))
        self.rules = order
        self._show_rule(self.rule_list.currentRow())
        self.edited()

    def add_rule(self) -> None:
        rule_id = _new_id({r.id for r in self.rules}, "rule")
        self.rules.append(KeywordRule(id=rule_id, keywords=[], answer=BotAnswer(kind="text")))
        self._fill_rule_list(len(self.rules) - 1)
        self.keywords.setFocus()
        self.edited()

    def remove_rule(self) -> None:
        row = self.rule_list.currentRow()
        if 0 <= row < len(self.rules):
            del self.rules[row]
            self._fill_rule_list(row)
            self.edited()

    # ------------------------------------------------------------------ the menu tree

    def _menu_tab(self) -> QWidget:
        tab = QWidget()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Menu tree"))
        self.tree.currentItemChanged.connect(lambda _new, _old: self._show_node())
        add_choice = QPushButton(self.tr("&Add choice"))
        add_choice.clicked.connect(self.add_choice)
        remove = QPushButton(self.tr("Remo&ve"))
        remove.clicked.connect(self.remove_node)
        # Alt+Up and Alt+Down, not a letter: the menu tab's fields and buttons, the tabs, the relay
        # banner's Send now, Keep mine and Use the other version and the editor's own switches take 25
        # letters, none of them in "Move up" or "Move down" (U went to both Move up and Use the other
        # version once, and Alt+U only moved the focus between them). The buttons are the keys'
        # actions: the keys work in the tree and on the buttons under it, never in the form beside
        # them, where Alt+Down opens a drop-down list.
        self.menu_column = QWidget()
        moves = []
        for text, step, key in (
            (self.tr("Move up"), -1, Qt.Key.Key_Up),
            (self.tr("Move down"), 1, Qt.Key.Key_Down),
        ):
            move = QAction(text, self.menu_column)
            move.setShortcut(QKeySequence(Qt.KeyboardModifier.AltModifier | key))
            move.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            move.triggered.connect(lambda _c=False, s=step: self.move_node(s))
            shown = move.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            move.setToolTip(
                self.tr("Moves the chosen choice up ({0})").format(shown)
                if step < 0
                else self.tr("Moves the chosen choice down ({0})").format(shown)
            )
            self.menu_column.addAction(move)
            # The button carries its action (its key, said in its tip) and presses it.
            move_button = QPushButton(text)
            move_button.addAction(move)
            move_button.setToolTip(move.toolTip())
            move_button.clicked.connect(move.trigger)
            moves.append(move_button)
        up, down = self.move_up_button, self.move_down_button = moves
        self.node_title = LimitedLineEdit()
        self.node_title.setAccessibleName(self.tr("Title"))
        self.title_count = QLabel()
        # A pasted text longer than WhatsApp allows is cut: said under its field, not only by "24/24".
        self.title_cut = self._cut_note(self.node_title, "titleCut")
        self.node_description = LimitedLineEdit()
        self.node_description.setMaxLength(ROW_DESCRIPTION_MAX)
        self.node_description.setAccessibleName(self.tr("Description"))
        self.node_description.setPlaceholderText(self.tr("Optional: small text under the title in the list"))
        self.description_cut = self._cut_note(self.node_description, "descriptionCut")
        self.node_section = LimitedLineEdit()
        self.node_section.setMaxLength(SECTION_TITLE_MAX)
        self.node_section.setAccessibleName(self.tr("Section"))
        # WhatsApp's list sections: rows that name the same section are listed together under it.
        self.node_section.setPlaceholderText(
            self.tr("Optional: items with the same section are listed together under its name")
        )
        self.section_cut = self._cut_note(self.node_section, "sectionCut")
        self.node_action = QComboBox()
        for action, label in (
            ("answer", self.tr("Answer with a text")),
            ("menu", self.tr("Open a menu")),
            ("back", self.tr("Go back one menu")),
            ("handoff", self.tr("Hand the chat to a person")),
            ("orders", self.tr("Tell the customer's order status")),
        ):
            self.node_action.addItem(label, action)
        self.node_text = BoundedTextEdit()
        self.node_text.setAccessibleName(self.tr("Text"))
        self.node_style = QComboBox()
        self.node_style.addItem(self.tr("List (up to 10 rows)"), "list")
        self.node_style.addItem(self.tr("Buttons (up to 3)"), "buttons")
        self.node_button = LimitedLineEdit()
        self.node_button.setMaxLength(LIST_BUTTON_MAX)
        self.node_button.setAccessibleName(self.tr("List button text"))
        self.button_cut = self._cut_note(self.node_button, "buttonCut")
        title_row = QHBoxLayout()
        title_row.addWidget(self.node_title, 1)
        title_row.addWidget(self.title_count)
        form = QFormLayout()
        title = QLabel(self.tr("&Title"))
        title.setBuddy(self.node_title)  # the row holds the field and its count: Alt+T to the field
        form.addRow(title, title_row)
        form.addRow("", self.title_cut)
        form.addRow(self.tr("&Description"), self.node_description)
        form.addRow("", self.description_cut)
        form.addRow(self.tr("Sectio&n"), self.node_section)
        form.addRow("", self.section_cut)
        form.addRow(self.tr("&When tapped"), self.node_action)
        form.addRow(self.tr("T&ext"), self.node_text)
        self.node_fields = FieldButtons(self.node_text, fields=(BANK_FIELD, HOURS), in_owner_words=True)
        form.addRow("", self.node_fields)
        form.addRow(self.tr("S&hown as"), self.node_style)
        form.addRow(self.tr("List butt&on"), self.node_button)
        form.addRow("", self.button_cut)
        self.node_form = QWidget()
        self.node_form.setLayout(form)
        for signal in (
            self.node_title.textChanged,
            self.node_description.textChanged,
            self.node_section.textChanged,
            self.node_action.currentIndexChanged,
            self.node_text.textChanged,
            self.node_style.currentIndexChanged,
            self.node_button.textChanged,
        ):
            signal.connect(self._node_edited)
        # Two rows of two, so the tree, beside the choice's form, fits a small laptop's screen.
        buttons = QGridLayout()
        for i, button in enumerate((add_choice, remove, up, down)):
            buttons.addWidget(button, i // 2, i % 2)
        buttons.setColumnStretch(2, 1)
        # The main menu's switch (as its pause is): the other language's answers follow it. A short
        # label, under the preview: a longer one widened the editor past a small screen.
        self.home_button = QCheckBox(self.tr("Text answers get a &quick button to the menu"))
        self.home_button.setObjectName("homeButton")
        self.home_button.setToolTip(
            self.tr(
                "Under every text answer, a button that shows the main menu again. Replies that hand "
                "the chat to a person have none."
            )
        )
        self.home_button.toggled.connect(self._home_button_toggled)
        left = QVBoxLayout(self.menu_column)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.tree, 1)
        left.addLayout(buttons)
        right = QVBoxLayout()
        node_area = scrolling(self.node_form)
        FormReflow(form, node_area)
        right.addWidget(node_area, 1)
        preview_title = QLabel(self.tr("What the customer gets on tapping it"))
        preview_title.setObjectName("nodePreviewTitle")
        self.node_preview = QLabel()
        self.node_preview.setObjectName("nodePreview")
        self.node_preview.setWordWrap(True)
        self.node_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.node_preview.setStyleSheet(node_preview_sheet())
        right.addWidget(preview_title)
        right.addWidget(scrolling_text(self.node_preview))
        right.addWidget(self.home_button)  # under the preview, which shows the button it adds
        layout = QHBoxLayout(tab)
        layout.addWidget(self.menu_column, 2)
        layout.addLayout(right, 3)
        return tab

    def _node_label(self, node: MenuNode) -> str:
        """A menu entry's name in the tree, the lists and the problems: its title, else words saying
        it has none (its id, "choice2", is nothing the owner ever saw)."""
        return node.title.strip() or self.tr("(no title yet)")

    def _parents(self) -> dict[str, str]:
        return {c: n.id for n in self.nodes.values() if n.action == "menu" for c in n.choices}

    def _fill_tree(self, select: str | None = None) -> None:
        self._filling = True
        self.tree.clear()
        parents = self._parents()
        placed: set[str] = set()

        def add(node_id: str, parent: QTreeWidgetItem | QTreeWidget, depth: int) -> None:
            node = self.nodes.get(node_id)
            if node is None or node_id in placed or depth > 8:
                return
            placed.add(node_id)
            item = QTreeWidgetItem(parent)
            item.setText(0, self._node_label(node))
            item.setData(0, Qt.ItemDataRole.UserRole, node.id)
            item.setExpanded(True)
            if node.action == "menu":
                for child in node.choices:
                    add(child, item, depth + 1)

        roots = [self.top_menu] if self.top_menu else []
        roots += [n for n in self.nodes if n not in parents and n != self.top_menu]
        for root in roots:
            if root is not None:
                add(root, self.tree, 0)
        self.tree.expandAll()
        self._filling = False
        target = select or self.top_menu
        found = self._item(target) if target else None
        first = found or self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._show_node()

    def _item(self, node_id: str | None) -> QTreeWidgetItem | None:
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            if item.data(0, Qt.ItemDataRole.UserRole) == node_id:
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        return None

    def _mark_problem_node(self) -> None:
        """The tree's entry the problem is at in red, with the problem as its tooltip: two entries
        may share a title ("New choice" in "New choice")."""
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            at_fault = (
                self._problem_node is not None
                and item.data(0, Qt.ItemDataRole.UserRole) == self._problem_node
            )
            item.setForeground(0, QBrush(QColor(problem_colour())) if at_fault else QBrush())
            item.setToolTip(0, self._problem if at_fault else "")
            stack.extend(item.child(i) for i in range(item.childCount()))

    def _current_node(self) -> MenuNode | None:
        item = self.tree.currentItem()
        return self.nodes.get(str(item.data(0, Qt.ItemDataRole.UserRole))) if item is not None else None

    def _title_limit(self, node: MenuNode) -> int:
        parent = self.nodes.get(self._parents().get(node.id, ""))
        return BUTTON_TITLE_MAX if parent is not None and parent.style == "buttons" else ROW_TITLE_MAX

    def _cut_note(self, field: LimitedLineEdit, name: str) -> QLabel:
        """The red line under `field` saying a paste or drop into it was cut to its limit; gone at
        the next edit or when another choice is shown."""
        note = QLabel()
        note.setObjectName(name)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {problem_colour()};")
        note.hide()

        def cut(limit: int) -> None:
            note.setText(self.tr("Only {limit} characters fit. The end was cut off.").format(limit=limit))
            note.show()

        def full(limit: int) -> None:
            note.setText(self.tr("Only {limit} characters fit.").format(limit=limit))
            note.show()

        field.cut_short.connect(cut)
        field.full.connect(full)
        field.textEdited.connect(lambda _text: note.hide())
        self._cut_notes.append(note)
        return note

    def _show_node(self) -> None:
        for note in self._cut_notes:
            note.hide()
        node = self._current_node()
        self.node_form.setEnabled(node is not None)
        if node is None:
            return
        self._filling = True
        _show_whole(self.node_title, node.title, self._title_limit(node))
        _show_whole(self.node_description, node.description, ROW_DESCRIPTION_MAX)
        _show_whole(self.node_section, node.section, SECTION_TITLE_MAX)
        self.node_action.setCurrentIndex(max(0, self.node_action.findData(node.action)))
        self.node_text.setPlainText(shown_fields(node.text))
        self.node_style.setCurrentIndex(max(0, self.node_style.findData(node.style)))
        _show_whole(self.node_button, node.button, LIST_BUTTON_MAX)
        self._filling = False
        self._node_fields(node)

    def _node_fields(self, node: MenuNode) -> None:
        is_menu = node.action == "menu"
        in_buttons = self._title_limit(node) == BUTTON_TITLE_MAX
        # Only a row of a list shows a description and sits in a section: the main menu is no row.
        in_list = node.id in self._parents() and not in_buttons
        self.node_style.setEnabled(is_menu)
        self.node_button.setEnabled(is_menu and node.style == "list")
        self.node_description.setEnabled(in_list)
        self.node_section.setEnabled(in_list)
        self.node_text.setEnabled(node.action != "back" and node.action != "orders")
        limit = self._title_limit(node)
        # Counted as the field, the relay and WhatsApp's limits count it (an emoji is one).
        self.title_count.setText(f"{text_length(node.title)}/{limit}")
        self.node_preview.setText(self.node_preview_text(node))

    def _home_button_toggled(self) -> None:
        self.edited()
        node = self._current_node()
        if node is not None:  # the choice shown: what a tap on it brings changed
            self.node_preview.setText(self.node_preview_text(node))

    def _order_customer(self, number: str, done: Callable[[OrderCustomer | None], None]) -> None:
        """The simulator's lookup: the customer of order `number` in this shop, read off the GUI thread."""

        def failed(exc: BaseException) -> None:
            log.warning("the simulator could not look up order %s: %s", number, exc)
            done(None)

        run_read(self.ctx, lambda s: customer_of_order(s, number), done, parent=self, on_failure=failed)

    def node_preview_text(self, node: MenuNode) -> str:
        """The message a tap on this node brings, as the relay would send it (its rows in brackets)."""
        doc = self.apply(self.state.doc)
        if self._problem:
            # The problem itself, here: "fix the problem below" pointed at a line out of sight.
            return self.tr("To see the preview, fix this first: {0}").format(self._problem)
        doc = self._as_run(doc)
        enabled = doc.model_copy(update={"bot": doc.bot.model_copy(update={"enabled": True})})
        tap = CustomerMessage(text=node.title, choice_id=f"menu:{node.id}")
        decision = bot_decision(enabled, BotState(), tap, relay_clock.now(), wa_id=SIMULATED_WA_ID)
        if decision.reply is None:
            return self.tr("Nothing: the bot stays quiet.")
        text, _choices = reply_text(decision.reply)
        if decision.handoff is not None:
            text += "\n" + self.tr("(The chat goes to a person; the bot stays quiet there.)")
        return "\n".join([text, *preview_choices(decision.reply)])

    def _node_edited(self) -> None:
        node = self._current_node()
        if self._filling or node is None:
            return
        action = self.node_action.currentData()
        style = self.node_style.currentData()
        updated = node.model_copy(
            update={
                "title": self.node_title.text(),
                "description": self.node_description.text(),
                "section": self.node_section.text(),
                "action": action,
                "text": stored_fields(self.node_text.toPlainText()),
                "style": style,
                "button": self.node_button.text(),
                "choices": node.choices if action == "menu" else [],
            }
        )
        self.nodes[node.id] = updated
        item = self.tree.currentItem()
        if item is not None:
            item.setText(0, self._node_label(updated))
        if action != node.action or style != node.style:
            self._fill_tree(node.id)  # choices appear or go, children's title limits change
        else:
            self._node_fields(updated)
        self._fill_menu_choices()
        self.edited()

    def add_choice(self) -> None:
        """A new choice in the selected menu (or beside the selected answer, in its menu)."""
        node = self._current_node()
        parents = self._parents()
        menu = node if node is not None and node.action == "menu" else None
        if menu is None and node is not None and node.id in parents:
            menu = self.nodes[parents[node.id]]
        button = self._list_button()
        new_id = _new_id(set(self.nodes), "choice")
        self.nodes[new_id] = MenuNode(id=new_id, title=self.tr("New choice"), text="", button=button)
        if menu is None:  # no menu yet: this becomes the top menu's first choice
            top_id = _new_id(set(self.nodes), "menu")
            self.nodes[top_id] = MenuNode(
                id=top_id,
                title=self.tr("Menu"),
                action="menu",
                text=self.tr("How can we help?"),
                button=button,
            )
            menu = self.nodes[top_id]
            self.top_menu = self.top_menu or top_id
        self.nodes[menu.id] = menu.model_copy(update={"choices": [*menu.choices, new_id]})
        self._fill_tree(new_id)
        self._fill_menu_choices()
        self.node_title.setFocus()
        self.node_title.selectAll()
        self.edited()

    def _list_button(self) -> str:
        """A new entry's list button (shown once it becomes a list menu), in the language the menu
        being edited is written in: "See menu" in an English one, not the wire's default "메뉴 보기"."""
        words = " ".join(f"{n.title} {n.text}" for n in self.nodes.values())
        script = writing_script(words)
        korean = script == "hangul" if script is not None else ui_language().startswith("ko")
        return LIST_BUTTON_KO if korean else LIST_BUTTON_EN

    def remove_node(self) -> None:
        node = self._current_node()
        if node is None:
            return
        doomed = {node.id}
        stack = list(node.choices)
        while stack:
            child = stack.pop()
            if child not in doomed and child in self.nodes:
                doomed.add(child)
                stack.extend(self.nodes[child].choices)
        for node_id in doomed:
            self.nodes.pop(node_id, None)
        for other in list(self.nodes.values()):
            if any(c in doomed for c in other.choices):
                self.nodes[other.id] = other.model_copy(
                    update={"choices": [c for c in other.choices if c not in doomed]}
                )
        if self.top_menu in doomed:
            self.top_menu = None
        self.rules = [
            r.model_copy(update={"answer": BotAnswer(kind="text", text=r.answer.text)})
            if r.answer.kind == "menu" and r.answer.menu in doomed
            else r
            for r in self.rules
        ]
        self._fill_tree()
        self._fill_menu_choices()
        self.edited()

    def move_node(self, step: int) -> None:
        node = self._current_node()
        parent_id = self._parents().get(node.id) if node is not None else None
        if node is None or parent_id is None:
            return
        parent = self.nodes[parent_id]
        choices = list(parent.choices)
        i = choices.index(node.id)
        j = i + step
        if not 0 <= j < len(choices):
            return
        choices[i], choices[j] = choices[j], choices[i]
        self.nodes[parent_id] = parent.model_copy(update={"choices": choices})
        self._fill_tree(node.id)
        self.edited()

    # ------------------------------------------------------------------ hand-off

    def _handoff_tab(self) -> QWidget:
        tab = QWidget()
        self.handoff_keywords = QLineEdit()
        self.handoff_keywords.setAccessibleName(self.tr("Hand-off keywords, separated by commas"))
        self.handoff_text = BoundedTextEdit()
        self.handoff_text.setAccessibleName(self.tr("Hand-off reply"))
        self.pause_hours = QSpinBox()
        self.pause_hours.setRange(1, 24 * 30)
        counted_suffix(self.pause_hours, self.tr(" hour"), self.tr(" hours"))
        self.hourly_cap = QSpinBox()
        self.hourly_cap.setRange(1, 60)
        form = self.handoff_form = QFormLayout(tab)
        note = QLabel(
            self.tr(
                "A customer who writes one of these words as the whole message is handed to you, "
                "and the bot stays quiet in that chat for the time below. Any message you send in a "
                "chat pauses the bot there too."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("&Hand-off words"), self.handoff_keywords)
        form.addRow(self.tr("&Reply"), self.handoff_text)
        form.addRow(self.tr("&Bot stays quiet for"), self.pause_hours)
        form.addRow(self.tr("&At most bot messages per chat per hour"), self.hourly_cap)
        for signal in (
            self.handoff_keywords.textChanged,
            self.handoff_text.textChanged,
            self.pause_hours.valueChanged,
            self.hourly_cap.valueChanged,
        ):
            signal.connect(self.edited)
        return tab

    # ------------------------------------------------------------------ report

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.report:
            self.report.load_once()

    def _tally_name(self, tally_id: str) -> str:
        rule = next((r for r in self.rules if r.id == tally_id), None)
        if rule is not None and rule.title:
            return self.tr("Keyword answer: {0}").format(rule.title)
        if rule is not None:
            return self.tr("When a message contains: {0}").format(", ".join(rule.keywords))
        node = self.nodes.get(tally_id)
        if node is not None:
            return self.tr("Menu: {0}").format(self._node_label(node))
        names = {
            "handoff": self.tr("Hand-off words"),
            "changed": self.tr("A tap on a menu that has changed"),
            "welcome": self.tr("Welcome menu with the greeting"),
        }
        return names.get(tally_id, self.tr("Removed since: {0}").format(tally_id))

    # ------------------------------------------------------------------ document ↔ widgets

    def load(self, doc: Automations) -> None:
        # The stored document, from its main menu (a switch to the other language is not kept).
        # After a Save the owner stays on the choice and the answer she was editing: the tree went
        # back to the main menu, and she had to find her way to the choice again.
        node = None if self.editing_other else self._current_node()
        rule = 0 if self.editing_other else max(self.rule_list.currentRow(), 0)
        self.parked = None
        self.editing_other = False
        self.language.blockSignals(True)
        self.language.setCurrentIndex(0)
        self.language.blockSignals(False)
        self._show_language()
        self._load_fields(_fields_of(doc.bot), node=node.id if node is not None else None, rule=rule)
        self.simulator.set_document(self._as_run(doc))

    def _as_run(self, doc: Automations) -> Automations:
        """The document as the relay will run it once saved: {bank} is the order settings' account
        (app/bank_field.py), and hours never saved are on the shop's zone, as Save puts them
        (`with_shop_zone`): the simulator's {hours} and closed-shop lines are what customers get."""
        return with_shop_zone(with_bank(doc, self.state.bank_account), self.ctx.shop_region)

    def _load_fields(self, fields: dict[str, Any], *, node: str | None = None, rule: int = 0) -> None:
        self.rules = list(fields["rules"])
        self.nodes = {n.id: n for n in fields["nodes"]}
        self.top_menu = fields["top_menu"]
        self.extra = {k: v for k, v in fields.items() if k not in ("enabled", "rules", "nodes", "top_menu")}
        was = self._loading
        self._loading = True
        try:
            self.enabled.setChecked(bool(fields["enabled"]))
            self.home_button.setChecked(bool(fields["home_button"]))
            self.welcome_menu.setChecked(bool(fields["welcome_menu"]))
            self.handoff_keywords.setText(", ".join(fields["handoff_keywords"]))
            self.handoff_text.setPlainText(shown_fields(fields["handoff_text"]))
            self.pause_hours.setValue(int(fields["pause_hours"]))
            self.hourly_cap.setValue(int(fields["hourly_cap"]))
            self._fill_rule_list(rule)
            self._fill_tree(node if node in self.nodes else None)
        finally:
            self._loading = was

    def _other_language_code(self) -> str:
        """The ready-made menu for the other language: English beside a Korean main menu, else Korean."""
        main = self.parked if self.editing_other else self._bot_fields()
        return "en" if main is not None and writing_script(str(main["handoff_text"])) == "hangul" else "ko"

    def _language_switched(self, _index: int) -> None:
        other = bool(self.language.currentData())
        if other == self.editing_other:
            return
        current = self._bot_fields()
        if other:
            self.parked = current
            self.editing_other = True
            raw = current.get("other_language")
            fields = _fields_of_raw(raw) if raw else _empty_fields(self._other_language_code())
        else:
            assert self.parked is not None
            fields = {**self.parked, "other_language": _other_value(current)}
            self.parked = None
            self.editing_other = False
        self._load_fields(fields)  # not an edit: what is shown changed, not what is kept
        self._show_language()
        self.refresh_summary(self.apply(self.state.doc))

    def _show_language(self) -> None:
        other = self.editing_other
        self.other_note.setVisible(other)
        self.enabled.setVisible(not other)
        self.home_button.setVisible(not other)
        self.welcome_menu.setVisible(not other)
        for widget in (self.pause_hours, self.hourly_cap):
            self.handoff_form.setRowVisible(widget, not other)

    def _bot_fields(self) -> dict[str, Any]:
        keywords = [k.strip() for k in self.handoff_keywords.text().split(",") if k.strip()]
        return {
            **self.extra,
            "enabled": self.enabled.isChecked(),
            "home_button": self.home_button.isChecked(),
            "welcome_menu": self.welcome_menu.isChecked(),
            "rules": list(self.rules),
            "nodes": list(self.nodes.values()),
            "top_menu": self.top_menu,
            "handoff_keywords": keywords,
            "handoff_text": stored_fields(self.handoff_text.toPlainText()),
            "pause_hours": self.pause_hours.value(),
            "hourly_cap": self.hourly_cap.value(),
        }

    def apply(self, doc: Automations) -> Automations:
        fields = self._bot_fields()
        if self.editing_other:
            assert self.parked is not None
            fields = {**self.parked, "other_language": _other_value(fields)}
        in_other = False  # whether the problem is in the menu in another language
        try:
            bot = MenuBot.model_validate(fields)
            # As the relay checks a document it is sent, one language at a time to tell which.
            check_button_titles(bot.model_copy(update={"other_language": None}))
            in_other = bot.other_language is not None
            if bot.other_language is not None:
                check_button_titles(bot.other_language)
        except (ValidationError, BotLimitError) as exc:
            if isinstance(exc, ValidationError):
                in_other = any(error["loc"][:1] == ("other_language",) for error in exc.errors()[:1])
            if in_other != self.editing_other:
                # The menus of both languages name their entries alike ("return"): said with this
                # one's titles and marked in this tree, the problem pointed at the wrong entry.
                self._problem = self._elsewhere_sentence(in_other)
                self._problem_node = None
            else:
                self._problem = self.problem_sentence(exc)
                limit = limit_error(exc)
                self._problem_node = limit.node if limit is not None else None
            bot = MenuBot.model_construct(**fields)  # kept as typed; refused by problem() at Save
        else:
            self._problem = ""
            self._problem_node = None
        return doc.model_copy(update={"bot": bot}, deep=True)

    def _elsewhere_sentence(self, in_other: bool) -> str:
        """A problem in the menu not being edited: which one, and where to see it."""
        if in_other:
            return self.tr(
                "The menu in another language goes beyond what WhatsApp allows: choose it under "
                "“Editing” to see where."
            )
        return self.tr(
            "The main menu goes beyond what WhatsApp allows: choose it under “Editing” to see where."
        )

    def problem(self) -> str:
        doc = self.apply(self.state.doc)
        if self._problem:
            return self._problem
        bots = [doc.bot, *([doc.bot.other_language] if doc.bot.other_language else [])]
        overlong = [rule for bot in bots for rule in overlong_menu_leads(bot)]
        if overlong:
            # WhatsApp shows at most 1,024 characters above a menu: the relay would cut the end off.
            sentence = self.tr(
                "The answer “{0}” writes a text before its menu: together with the menu's own text it "
                "is longer than the {1} characters WhatsApp shows above a menu. Shorten one of them."
            ).format(self._rule_title(overlong[0]), count_text(INTERACTIVE_BODY_MAX))
            return with_particles(sentence)
        overfull = self._overfull_sentence(doc)
        if overfull:
            return overfull
        example = next(filter(None, map(example_account_left, bots)), None) if doc.bot.enabled else None
        if example is not None:
            # The ready-made menu's account number is an example: customers would be sent it.
            sentence = self.tr(
                "“{0}” still gives the example account number {1}: write your shop's account there "
                "before the bot answers customers."
            ).format(example, EXAMPLE_ACCOUNT_NUMBER)
            return with_particles(sentence)
        if doc.bot.enabled and BANK_FIELD in doc.bot.model_dump_json() and not self.state.bank_account:
            # {bank} would be sent empty: the account is written once, in the order settings.
            return self.tr(
                "The bot's answers give your bank account, but none is set yet: write it in "
                "Shop ▸ Order settings ▸ Shipping and payment before the bot answers customers."
            )
        return ""

    def _overfull_sentence(self, doc: Automations) -> str:
        """A menu's text that fits until its fields are filled in: counted with today's business
        hours and shop name (the longest fill the editor knows), as the relay will send it."""
        found = overfull_filled_menus(doc, datetime.now().astimezone())
        if not found:
            return ""
        bot, where, length = found[0]
        node = next((n for n in bot.nodes if n.id == where), None)
        rule = next((r for r in bot.rules if r.id == where), None)
        name = (
            self._node_label(node)
            if node is not None
            else self._rule_title(rule)
            if rule is not None
            else where
        )
        # WhatsApp shows at most 1,024 characters above a menu: the relay would send it as a text.
        sentence = self.tr(
            "The text of “{0}” has {1} characters once today's business hours and shop name are filled "
            "in: WhatsApp shows at most {2} above a menu. Shorten it."
        ).format(name, count_text(length), count_text(INTERACTIVE_BODY_MAX))
        return with_particles(sentence)

    def refresh_summary(self, doc: Automations) -> None:
        # The menu shown: the other language's (a whole MenuBot only when nothing is refused).
        shown = doc.bot.other_language if self.editing_other else doc.bot
        overlaps = keyword_overlaps(shown) if not self._problem and isinstance(shown, MenuBot) else []
        lines = [
            self.tr(
                '"{0}" alone answers only a message that is exactly "{0}": tick "Match whole words '
                'only" to find it inside sentences.'
            ).format(keyword)
            for rule in self.rules
            if not rule.whole_word
            for keyword in rule.keywords
            if whole_message_only(keyword)
        ][:3]
        lines += [
            self.tr('"{0}" is inside "{1}": the answer listed first wins for both.').format(
                o.keyword, o.other_keyword
            )
            for o in overlaps[:5]
        ]
        self.overlaps.setText(with_particles("\n".join(lines)))
        if self._problem:
            # Said once: Save's red line under the form may say it already.
            said_below = self.error.isVisibleTo(self) and self.error.text() == self._problem
            self.summary.setText("" if said_below else self._problem)
        else:
            notes = [self._silent_choices_note(), self._old_hours_note(doc), self._welcome_note(doc)]
            self.summary.setText("\n".join(n for n in notes if n))
        self._mark_problem_node()
        self.simulator.show_stale(bool(self._problem))
        if not self._problem:
            self.simulator.set_document(self._as_run(doc))

    def _welcome_note(self, doc: Automations) -> str:
        """A line while the menu is to go with the greeting but no greeting goes: "" otherwise."""
        if not doc.bot.welcome_menu or (doc.greeting.enabled and doc.greeting.text.strip()):
            return ""
        return self.tr(
            "The greeting is off, so no menu goes with it: switch it on in Shop ▸ Greeting message."
        )

    def _old_hours_note(self, doc: Automations) -> str:
        """A line naming the answers that still give an earlier ready-made menu's fixed hours
        (weekdays 9 to 6) instead of the shop's: "" when there are none."""
        bots = [doc.bot, *([doc.bot.other_language] if doc.bot.other_language else [])]
        names = list(dict.fromkeys(name for bot in bots for name in old_hours_answers(bot)))
        if not names:
            return ""
        quoted = ", ".join(f"“{name}”" for name in names[:3])
        return with_particles(
            self.tr(
                "{0} still gives the example hours (weekdays 9 AM to 6 PM): put the Business hours "
                "field in its text, and customers get your hours from Shop ▸ Business hours."
            ).format(quoted)
        )

    def _silent_choices_note(self) -> str:
        """Lines naming the menu's choices and the keyword answers that answer nothing yet (a new
        one whose text was never written): the customer who taps or writes it gets no reply at all,
        and no greeting or away message either (the bot took the message). "" when there are none."""

        def quoted(names: list[str]) -> str:
            return ", ".join(f"“{name}”" for name in names[:3]) + (" …" if len(names) > 3 else "")

        placed = set(self._parents())
        choices = [
            self._node_label(node)
            for node in self.nodes.values()
            if node.id in placed and node.action == "answer" and not node.text.strip()
        ]
        answers = [
            self._rule_title(rule)
            for rule in self.rules
            if rule.keywords and rule.answer.kind == "text" and not rule.answer.text.strip()
        ]
        lines = []
        if choices:
            lines.append(
                self.tr(
                    "Customers who tap {0} get no answer yet: write what the bot says in its Text."
                ).format(quoted(choices))
            )
        if answers:
            lines.append(
                self.tr(
                    "The answer {0} has no text yet: customers whose message it matches get nothing back."
                ).format(quoted(answers))
            )
        return with_particles("\n".join(lines))

    def problem_sentence(self, exc: ValidationError | BotLimitError) -> str:
        limit = limit_error(exc)
        if limit is None:
            return self.tr("Check the menu bot: an id or a number is not valid.")
        if limit.node == "home_button":  # MenuBot.home_button_title, not a node of the menu
            return self.tr("The title of the button back to the main menu is empty or too long.")
        where = self.nodes.get(limit.node)
        if limit.problem is BotProblem.TITLE_TOO_LONG and where is not None and not where.title.strip():
            # The entry has no name to give: say which menu it is in (it is red in the tree).
            menu = self.nodes.get(self._parents().get(where.id, ""))
            if menu is None:
                return self.tr("A menu entry has no title yet.")
            return with_particles(
                self.tr("A choice in the menu “{0}” has no title yet.").format(self._node_label(menu))
            )
        if limit.problem is BotProblem.DUPLICATE_BUTTON_TITLE and where is not None:
            # Said with the menu it is in and the title twice there: two choices may share a title
            # in different menus, and the tree marks only the second of the two.
            menu = self.nodes.get(self._parents().get(where.id, ""))
            sentence = self.tr(
                "The menu “{0}” has two buttons called “{1}”: WhatsApp needs a different title on each."
            )
            shown_menu = self._node_label(menu) if menu is not None else ""
            return with_particles(sentence.format(shown_menu, where.title.strip()))
        rule = next((r for r in self.rules if r.id == limit.node), None) if where is None else None
        if rule is not None and limit.problem is BotProblem.NOT_A_MENU:
            # The answer is named by what the owner called it, and so is the menu it shows, which
            # has since been made something else; rule ids ("rule1") are never hers to read.
            shown = self.nodes.get(rule.answer.menu or "")
            if shown is not None:
                sentence = self.tr("The answer “{0}” shows “{1}”, which is no longer a menu.")
                return with_particles(sentence.format(self._rule_title(rule), self._node_label(shown)))
        if rule is not None:
            name = self._rule_title(rule)
        else:
            name = self._node_label(where) if where is not None else limit.node
        if limit.problem is BotProblem.TITLE_TOO_LONG and where is not None:
            # How long it is and may be: a row's title fits a list (24) and not a button (20), so a
            # list shown as buttons made a title too long that had been fine.
            if self._title_limit(where) == BUTTON_TITLE_MAX:
                sentence = self.tr(
                    "The title of “{0}” has {1} characters: a button's title may have at most {2}."
                )
            else:
                sentence = self.tr(
                    "The title of “{0}” has {1} characters: a list row's title may have at most {2}."
                )
            most = self._title_limit(where)
            return with_particles(
                sentence.format(name, count_text(text_length(where.title)), count_text(most))
            )
        if limit.problem is BotProblem.TEXT_TOO_LONG and (where is not None or rule is not None):
            # How long it is and may be: the text box has no counter, and "too long" left the owner
            # cutting a sentence at a time.
            text = where.text if where is not None else rule.answer.text if rule is not None else ""
            if where is not None and where.action == "menu":
                sentence = self.tr(
                    "The text of the menu “{0}” has {1} characters: WhatsApp shows at most {2} above a menu."
                )
                most = INTERACTIVE_BODY_MAX
            else:
                sentence = self.tr(
                    "The text of “{0}” has {1} characters: WhatsApp sends at most {2} in one message."
                )
                most = TEXT_MAX
            return with_particles(sentence.format(name, count_text(text_length(text)), count_text(most)))
        sentences = {
            BotProblem.TOO_MANY_ROWS: self.tr("The menu “{0}” has more than 10 rows."),
            BotProblem.TOO_MANY_BUTTONS: self.tr(
                "The menu “{0}” has more than 3 buttons: show it as a list."
            ),
            BotProblem.TITLE_TOO_LONG: self.tr("The title of “{0}” is empty or too long."),
            BotProblem.DESCRIPTION_TOO_LONG: self.tr("The description of “{0}” is too long."),
            BotProblem.SECTION_TITLE_REQUIRED: self.tr(
                "“{0}” needs a section title: a list with several sections names each."
            ),
            BotProblem.SECTION_TITLE_TOO_LONG: self.tr("The section title of “{0}” is too long."),
            BotProblem.EMPTY_MENU: self.tr("The menu “{0}” needs a text and at least one choice."),
            BotProblem.TOO_DEEP: self.tr("“{0}” is nested too deep: at most 5 menus."),
            BotProblem.EMPTY_KEYWORD: self.tr("An answer has an empty keyword."),
            BotProblem.TEXT_TOO_LONG: self.tr("The text of “{0}” is too long."),
            BotProblem.NOT_A_MENU: self.tr("An answer shows “{0}”, which is not a menu."),
            BotProblem.UNKNOWN_NODE: self.tr("An answer or a menu names a choice that is gone."),
            BotProblem.LIST_BUTTON_TOO_LONG: self.tr("The list button of “{0}” is empty or too long."),
        }
        sentence = sentences.get(
            limit.problem, self.tr("The menu bot goes beyond what WhatsApp allows (at “{0}”).")
        )
        return with_particles(sentence.format(name))

    # ------------------------------------------------------------------ ready-made, import, export

    def use_ready_made(self) -> None:
        """The ready-made shop menu in the interface's language (Korean or English), to edit."""

        language = self._other_language_code() if self.editing_other else ui_language()
        question = self.tr("Replace your menu with the ready-made one? The menu you made will be gone.")
        if self.may_replace_menu(question):
            self.load_menu(ready_made_menu(language))

    def may_replace_menu(self, question: str) -> bool:
        """True when the menu being edited may be replaced: it holds nothing the owner made (empty, or
        a ready-made one as it came), or the owner said so. "No" (keep the menu) is the default."""
        if self._nothing_made():
            return True
        return confirm(self, self.tr("Replace the menu"), question, self.tr("&Replace"))

    def _nothing_made(self) -> bool:
        """The menu being edited is one the owner did not make: nothing yet, or a ready-made one as
        it came (either language, with or without its answers as in an empty other-language menu)."""
        unmade = [MenuBot(), ready_made_menu("ko"), ready_made_menu("en")]
        candidates = [_fields_of(bot) for bot in unmade] + [_empty_fields("ko"), _empty_fields("en")]
        return _what_is_made(self._bot_fields()) in map(_what_is_made, candidates)

    def load_menu(self, bot: MenuBot) -> None:
        """Put this bot in the editor (not saved until Save), and into the simulator. A main menu
        brought in (ready-made, imported) without a menu in another language keeps the one the
        editor holds (as typed, even unfinished): replacing the main menu must not delete the other.
        The bot stays switched on or off as it was, and so does the menu with the greeting: a new menu
        is not the owner's say to stop answering, or to stop greeting with the menu."""
        kept = self.extra.get("other_language")
        if self.editing_other:
            fields = _fields_of(bot.model_copy(update={"other_language": None}))
        else:
            fields = _fields_of(bot)
            if bot.other_language is None and kept:
                fields["other_language"] = kept
        fields["enabled"] = self.enabled.isChecked()
        fields["welcome_menu"] = self.welcome_menu.isChecked()
        self._load_fields(fields)
        self.edited()

    def export_json(self) -> None:
        path = save_file_name(
            self,
            Picked.DOCUMENT,
            self.tr("Export the menu bot"),
            self.tr("menu-bot.json"),
            self.tr("Menu bot (*.json)"),
        )
        if not path:
            return
        bot = self.apply(self.state.doc).bot
        try:
            Path(path).write_text(
                json.dumps(bot.model_dump(mode="json"), ensure_ascii=False, indent=2), encoding="utf-8"
            )
        except OSError as exc:
            self.error.setText(file_error_sentence(exc))
            self.error.show()

    def import_json(self, path: str = "") -> None:
        if not path:
            path = open_file_name(
                self, Picked.DOCUMENT, self.tr("Import a menu bot"), self.tr("Menu bot (*.json)")
            )
        if not path:
            return
        try:
            bot = MenuBot.model_validate_json(Path(path).read_bytes())
        except OSError as exc:
            self.error.setText(file_error_sentence(exc))
        except ValidationError as exc:
            problem = self.problem_sentence(exc) if limit_error(exc) else ""
            self.error.setText(
                self.tr("This file is not a menu bot Shop Inbox can use. Nothing was changed.")
                + (f"\n{problem}" if problem else "")
            )
        else:
            self.error.hide()
            question = self.tr("Replace your menu with the one in this file? The menu you made will be gone.")
            if self.may_replace_menu(question):
                self.load_menu(bot)
            return
        self.error.show()


def _fields_of(bot: MenuBot) -> dict[str, Any]:
    """A bot as the editor holds it: its rules and nodes as objects, the rest as plain values."""
    return {**bot.model_dump(exclude={"rules", "nodes"}), "rules": list(bot.rules), "nodes": list(bot.nodes)}


def _fields_of_raw(raw: MenuBot | dict[str, Any]) -> dict[str, Any]:
    """The other-language bot kept in the main one's fields, as the editor holds a bot: from the
    stored document (plain values) or from the editor itself (maybe unfinished, so not validated
    as a whole: a title too long stays for the owner to shorten)."""
    if isinstance(raw, MenuBot):
        return _fields_of(raw)
    rules = [r if isinstance(r, KeywordRule) else KeywordRule.model_validate(r) for r in raw.get("rules", [])]
    nodes = [n if isinstance(n, MenuNode) else MenuNode.model_validate(n) for n in raw.get("nodes", [])]
    return {**_fields_of(MenuBot()), **raw, "rules": rules, "nodes": nodes, "other_language": None}


def _what_is_made(fields: dict[str, Any]) -> dict[str, Any]:
    """A bot's fields but those a new menu does not replace: its switches and its other language; and
    the answers' names, which ready-made menus of earlier versions came without."""
    rules = [r.model_copy(update={"title": ""}) for r in fields.get("rules", [])]
    kept = ("enabled", "welcome_menu", "other_language")
    return {k: v for k, v in fields.items() if k not in kept} | {"rules": rules}


def _empty_fields(language: str) -> dict[str, Any]:
    """An other-language bot with nothing to say yet: the ready-made one's words, no answers or menus."""
    fields = _fields_of(ready_made_menu(language))
    return {**fields, "rules": [], "nodes": [], "top_menu": None, "other_language": None}


def _other_value(fields: dict[str, Any]) -> dict[str, Any] | None:
    """The other-language bot to keep: None while it has no answer and no menu (every customer then
    gets the main one)."""
    if not fields["rules"] and not fields["nodes"]:
        return None
    return {**fields, "other_language": None}
