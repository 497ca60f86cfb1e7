"""The menu bot's simulator: the owner writes and taps as a customer and sees what the relay would send."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import relay_clock
from app.order_queries import OrderCustomer
from app.orders import order_numbers_in
from app.rules import BotDecision, BotState, ContactState, CustomerMessage, answer_inbound
from app.wire import Automations, HandoffReason
from ui.announce import announce
from ui.enter_key import keep_enter
from ui.formatting import business_number_text
from ui.icon_buttons import press_with_keys
from ui.theme import colours, problem_colour

START_OVER_KEYS = "F5"  # the simulator's Start over, as the inbox's Retry

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
SIMULATED_WA_ID = "820000000000"

# Looks up the customer of an order number off the GUI thread, then calls back with them (or None).
FindCustomer = Callable[[str, Callable[[OrderCustomer | None], None]], None]


class Transcript(QAbstractListModel):
    """The simulator's conversation: (who, text) rows, shown as plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str]] = []
        # Each row's tappable choices, shown under its text as the chat's bubbles show them: once
        # the owner had typed "2", what 2 was had gone with the list under the conversation.
        self.choices: list[list[str]] = []

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        who, text = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            titles = self.choices[index.row()]
            numbered = [f"{n}. {title}" for n, title in enumerate(titles, 1)] if len(titles) > 1 else []
            buttons = [f"[ {title} ]" for title in titles] if len(titles) == 1 else []
            return "\n".join([text, *numbered, *buttons])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # Which side wrote it, said (the sides and colours showed it), then what it shows.
            shown = " ".join(str(self.data(index, Qt.ItemDataRole.DisplayRole)).split())
            if who == "customer":
                return self.tr("Customer: {0}").format(shown)
            return self.tr("Menu bot: {0}").format(shown)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if who == "customer" else Qt.AlignmentFlag.AlignLeft
            return side | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.UserRole:
            return who
        if role == Qt.ItemDataRole.BackgroundRole:  # the chat's colours: the customer's own in green
            palette = colours()
            return QBrush(palette.bubble_out if who == "customer" else palette.bubble_in)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(colours().bubble_text)
        return None

    def add(self, who: str, text: str, choices: list[str] | None = None) -> None:
        self.beginInsertRows(ROOT, len(self.rows), len(self.rows))
        self.rows.append((who, text))
        self.choices.append(choices or [])
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.choices = []
        self.endResetModel()


def reply_text(body: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """A Graph message body as the simulator shows it: its text and its tappable choices (id, title)."""
    if body.get("type") == "text":
        return str((body.get("text") or {}).get("body", "")), []
    interactive = body.get("interactive") or {}
    text = str((interactive.get("body") or {}).get("text", ""))
    action = interactive.get("action") or {}
    choices: list[tuple[str, str]] = []
    for section in action.get("sections") or []:
        for row in section.get("rows") or []:
            choices.append((str(row.get("id", "")), str(row.get("title", ""))))
    for button in action.get("buttons") or []:
        reply = button.get("reply") or {}
        choices.append((str(reply.get("id", "")), str(reply.get("title", ""))))
    return text, choices


class Simulator(QFrame):
    """A phone-shaped panel: the owner writes as a customer and taps rows and buttons, and sees
    exactly what the relay would send (the same `app.rules.bot_decision`).

    With `find_customer`, a message naming one of the shop's order numbers makes the owner that
    order's customer, with their orders as the relay knows them, so "where is my order" answers as
    it would to them."""

    def __init__(self, parent: QWidget | None = None, *, find_customer: FindCustomer | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("botSimulator")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.doc: Automations | None = None
        self.state = BotState()
        # The simulated customer as the relay knows them: new at first (the greeting is due), then
        # with the times of their messages and of what the shop sent them.
        self.contact = ContactState(SIMULATED_WA_ID, None, None, None, None, known_contact=False)
        self.opted_out = False
        self.find_customer = find_customer
        self.customer: OrderCustomer | None = None  # None: a customer with no orders
        self.looked_up: dict[str, OrderCustomer | None] = {}  # order number → its customer
        self.waiting: list[CustomerMessage] = []  # answered in order, after a lookup
        self.transcript = Transcript(self)
        title = QLabel(self.tr("Try it as a customer"))
        title.setObjectName("simulatorTitle")
        self.who = QLabel()
        self.who.setObjectName("simulatorCustomer")
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.who.hide()
        self.view = QListView()
        self.view.setModel(self.transcript)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(4)
        # Rows laid out again at each width, and a width that does not change as the scroll bar
        # comes: a long answer's last line was cut off ("5만 원 이상 주문하시…").
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # The chat's own background, light or dark as the inbox's (a beige box in a dark window).
        self.recolour()
        self.view.setAccessibleName(self.tr("Simulated conversation"))
        # The bot's answers said aloud as they come: the owner typing as a customer heard nothing.
        self.transcript.rowsInserted.connect(self._tell_answers)
        self.choices = QListWidget()
        self.choices.setAccessibleName(self.tr("Rows and buttons of the last menu"))
        self.choices.setMaximumHeight(150)
        self.choices.itemActivated.connect(self._tap)
        self.choices.itemClicked.connect(self._tap)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Write as a customer…"))
        self.field.setAccessibleName(self.tr("Message as a customer"))
        self.field.returnPressed.connect(self.send_typed)
        # Return sends (or taps the current row) and stops there: it never presses the dialog's Save.
        keep_enter(self.field, self.choices)
        send = QPushButton(self.tr("Send"))
        send.clicked.connect(self.send_typed)
        # No Alt letter: the editor beside it uses all 26 (its Title and Bank account needed theirs).
        # F5, the key that starts a page afresh, as the inbox's Retry.
        reset = QPushButton(self.tr("Start over"))
        said = self.tr("Start the simulated chat again from its first message")
        press_with_keys(reset, START_OVER_KEYS, said)
        reset.clicked.connect(self.reset)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        # While the edited menu has a problem the simulator answers as the last menu that had none.
        # Unsaid, a choice whose title was just cleared still answered there as "New choice".
        self.stale = QLabel(
            self.tr(
                "Until the problem under the editor is fixed, this answers as your last menu without one."
            )
        )
        self.stale.setObjectName("simulatorStale")
        # A shop with two numbers: the one chat simulated is on one of them (set_numbers).
        self.number_note = QLabel()
        self.number_note.setObjectName("simulatorNumber")
        self.number_note.setWordWrap(True)
        self.number_note.setTextFormat(Qt.TextFormat.PlainText)
        self.number_note.hide()
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(f"color: {problem_colour()};")
        self.stale.hide()
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(send)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(reset)
        layout.addLayout(header)
        layout.addWidget(self.stale)
        layout.addWidget(self.number_note)
        layout.addWidget(self.who)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.choices)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.setMinimumWidth(280)

    def _tell_answers(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            index = self.transcript.index(row)
            if index.data(Qt.ItemDataRole.UserRole) != "customer":
                announce(self.view, index.data(Qt.ItemDataRole.AccessibleTextRole))

    def recolour(self) -> None:
        """The chat's background, light or dark as the inbox's."""
        self.view.setStyleSheet(f"QListView {{ background: {colours().chat_background.name()}; }}")

    def set_document(self, doc: Automations | None) -> None:
        """The bot the simulator runs: the edited one when it is valid, else the last valid one."""
        if doc is not None:
            self.doc = doc.model_copy(update={"bot": doc.bot.model_copy(update={"enabled": True})})

    def set_numbers(self, numbers: tuple[str, ...], shop_region: str) -> None:
        """The shop's numbers as people dial them, when it has two or more: the simulated customer
        writes to the first, and the relay keeps the bot's place and hand-off per number."""
        if len(numbers) < 2:
            self.number_note.hide()
            return
        self.number_note.setText(
            self.tr(
                "As a customer writing to your number {0}. Each of your numbers is a chat of its own: "
                "the customer's place in the menu and a hand-off to a person stay in that number's chat."
            ).format(business_number_text(numbers[0], shop_region))
        )
        self.number_note.show()

    def show_stale(self, stale: bool) -> None:
        """Say (or stop saying) that the answers are the last valid menu's, not the one on screen."""
        self.stale.setVisible(stale)

    def reset(self) -> None:
        self.state = BotState()
        self.contact = ContactState(SIMULATED_WA_ID, None, None, None, None, known_contact=False)
        self.opted_out = False
        self.customer = None
        self.looked_up.clear()
        self.waiting.clear()
        self.who.hide()
        self.transcript.clear()
        self.choices.clear()
        self.note.clear()

    def send_typed(self) -> None:
        text = self.field.text().strip()
        if not text:
            return
        self.field.clear()
        self.customer_says(CustomerMessage(text=text), text)

    def _tap(self, item: QListWidgetItem) -> None:
        choice_id = str(item.data(Qt.ItemDataRole.UserRole))
        self.customer_says(CustomerMessage(text=item.text(), choice_id=choice_id), item.text())

    def customer_says(self, message: CustomerMessage, shown: str) -> None:
        self.transcript.add("customer", shown)
        if self.doc is None:
            return
        self.waiting.append(message)
        if len(self.waiting) == 1:
            self._answer_waiting()

    def _answer_waiting(self) -> None:
        """Answer the waiting messages in order; one naming an unknown order number waits for its lookup."""
        while self.waiting:
            message = self.waiting[0]
            numbers = order_numbers_in(message.text) if self.find_customer is not None else []
            unknown = [n for n in numbers if n not in self.looked_up]
            if unknown and self.find_customer is not None:
                self.find_customer(unknown[0], partial(self._looked_up, unknown[0]))
                return
            self.waiting.pop(0)
            named = next(((n, c) for n in numbers if (c := self.looked_up[n]) is not None), None)
            if named is not None and named[1] != self.customer:
                number, self.customer = named
                self.state = BotState()  # another customer's chat: the bot's state is theirs
                self.contact = ContactState(self.customer.wa_id, None, None, None, None, known_contact=True)
                self.who.setText(
                    self.tr("Writing as {0}, the customer of order {1}.").format(
                        self.customer.name or self.customer.wa_id, number
                    )
                )
                self.who.show()
            self._answer(message)

    def _looked_up(self, number: str, found: OrderCustomer | None) -> None:
        self.looked_up[number] = found
        self._answer_waiting()

    def _answer(self, message: CustomerMessage) -> None:
        """What the relay does with this message (`answer_inbound`: opt-out, then the bot, then the
        greeting and away message), shown as the customer's phone would show it."""
        if self.doc is None:
            return
        customer = self.customer
        # The relay answers by its clock (business hours, the greeting's 14 days): so does its rehearsal.
        now = relay_clock.now()
        answer = answer_inbound(
            self.doc,
            self.contact,
            self.state,
            cloud_message(message),
            now,
            # The simulated customer's WhatsApp name, a usual one in the owner's language.
            contact_name=customer.name if customer is not None else self.tr("Kim"),
            orders=customer.orders if customer is not None else (),
        )
        sent = False
        if answer.opt_out is not None:
            confirmation = self.doc.opt_out.confirmation_text.strip()
            if confirmation and not self.opted_out:  # the relay confirms once
                self.transcript.add("bot", confirmation)
                sent = True
            self.opted_out = True
            self.note.setText(self.tr("This message opts the customer out of marketing messages."))
        elif answer.bot is not None:
            sent = self._show_bot(answer.bot, customer)
        else:
            for reply in answer.replies:
                self.transcript.add("bot", reply.text)
            sent = bool(answer.replies)
            with_person = self.state.paused_until is not None and self.state.paused_until > now
            self.note.setText(self._not_the_bot_note({r.sent_by for r in answer.replies}, with_person))
        told_away = (answer.bot is not None and answer.bot.told_closed and answer.away) or any(
            r.sent_by == "away" for r in answer.replies
        )
        self.contact = replace(
            self.contact,
            last_inbound_at=now,
            last_outbound_at=now if sent else self.contact.last_outbound_at,
            last_away_sent_at=now if told_away else self.contact.last_away_sent_at,
        )
        self.view.scrollToBottom()

    def _not_the_bot_note(self, sent_by: set[str], with_person: bool) -> str:
        if with_person and not sent_by:
            return self.tr("The chat is with a person now: the bot stays quiet here.")
        if sent_by == {"greeting", "away"}:
            return self.tr("The bot does not answer this: your greeting and away message do.")
        if "greeting" in sent_by:
            return self.tr("The bot does not answer this: your greeting does.")
        if "away" in sent_by:
            return self.tr("The bot does not answer this: your away message does.")
        return self.tr(
            "Nothing is sent: the bot does not answer this, and no greeting or away message is due."
        )

    def _show_bot(self, decision: BotDecision, customer: OrderCustomer | None) -> bool:
        """The bot's answer in the transcript; True when it sent one."""
        self.state = decision.state
        # A message the bot does not answer leaves the last menu where it is, as on a phone: its
        # rows can still be tapped.
        if decision.reply is None:
            if self.state.paused_until is not None:
                self.note.setText(self.tr("The chat is with a person now: the bot stays quiet here."))
            elif self.doc is not None and len(self.state.sent_recently) >= self.doc.bot.hourly_cap:
                self.note.setText(self.tr("The bot sent its most messages for this hour: it stays quiet."))
            else:
                self.note.setText(self.tr("The bot takes this message but has nothing to send."))
            return False
        self.note.clear()
        if decision.handoff is HandoffReason.NO_ORDER and customer is None and self.find_customer is not None:
            self.note.setText(
                self.tr(
                    "This simulated customer has no orders. Write one of your order numbers "
                    "(such as {0}) to ask as that order's customer."
                ).format(f"{datetime.now().year}-0001")
            )
        text, choices = reply_text(decision.reply)
        self.choices.clear()
        self.transcript.add("bot", text, [title for _id, title in choices])
        for choice_id, title in choices:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, choice_id)
            self.choices.addItem(item)
        return True


def cloud_message(message: CustomerMessage) -> dict[str, Any]:
    """What the owner typed or tapped as the message object a phone's message reaches the relay as."""
    if message.choice_id is None:
        return {"type": "text", "text": {"body": message.text}}
    reply = {"id": message.choice_id, "title": message.text}
    return {"type": "interactive", "interactive": {"type": "list_reply", "list_reply": reply}}
