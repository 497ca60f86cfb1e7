"""The campaign editor's "Send from": in a shop with two or more WhatsApp numbers, the one a campaign
goes out from, and who among its recipients never wrote to it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from app.business_numbers import NumberChoice
from app.campaigns import Member
from ui.formatting import business_number_text, count_text
from ui.korean_particles import with_particles


class SendFromBox(QWidget):
    """A list of the shop's numbers, first "each customer's own number" (the one they last wrote to,
    as every campaign went before there was a choice), and a note under it. Hidden in a one-number
    shop, whose campaigns go from its one number.

    Emits `changed` when the owner picks another number.
    """

    changed = Signal()

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region = region
        self.numbers: tuple[NumberChoice, ...] = ()
        self.choice = QComboBox(self)
        self.choice.setObjectName("campaignSendFrom")
        self.choice.setAccessibleName(self.tr("Send from"))
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.note = QLabel(self)
        self.note.setObjectName("campaignSendFromNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # a number, a count: never markup
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choice)
        layout.addWidget(self.note)
        self.choice.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def offered(self) -> bool:
        """The shop has two numbers or more: the editor shows the choice (its row hidden otherwise)."""
        return len(self.numbers) > 1

    def fill_numbers(self, numbers: Sequence[NumberChoice]) -> None:
        """The shop's numbers (none, or one: nothing to choose, `offered` is False)."""
        self.numbers = tuple(numbers)
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(self.tr("Each customer's own number (the one they last wrote to)"), None)
        for number in self.numbers:
            self.choice.addItem(self.number_text(number.phone_number_id), number.phone_number_id)
        self.choice.blockSignals(False)

    def show_number(self, phone_number_id: str | None) -> None:
        """A draft's number; one the shop no longer lists is still shown, by its id, not swapped."""
        index = self.choice.findData(phone_number_id)
        if index < 0 and phone_number_id:
            self.choice.addItem(self.number_text(phone_number_id), phone_number_id)
            index = self.choice.count() - 1
        self.choice.setCurrentIndex(max(0, index))

    def phone_number_id(self) -> str | None:
        """The number chosen; None: each customer's own (and always in a one-number shop)."""
        data = self.choice.currentData()
        return str(data) if data else None

    def number_text(self, phone_number_id: str | None) -> str:
        """A number of the shop's as its people dial it ("02-555-0200"); "" for None."""
        if not phone_number_id:
            return ""
        found = next((n for n in self.numbers if n.phone_number_id == phone_number_id), None)
        return business_number_text(found.number, self.region) if found is not None else phone_number_id

    def show_recipients(self, recipients: Sequence[Member], strangers: int) -> None:
        """The note under the choice: with a number chosen, who never wrote to it (they may not know
        it, and their replies come to it); with each customer's own, how many go from which number."""
        if not self.offered() or not recipients:
            self.note.setText("")
            return
        chosen = self.phone_number_id()
        if chosen is None:
            counts = Counter(m.phone_number_id for m in recipients if m.phone_number_id)
            parts = [
                self.tr("{1} from {0}", "a number, then how many customers get it from that number").format(
                    self.number_text(n.phone_number_id), count_text(counts[n.phone_number_id])
                )
                for n in self.numbers
                if counts[n.phone_number_id]
            ]
            lines = [
                self.tr("Each customer gets it from the number they last wrote to: {0}.").format(
                    ", ".join(parts)
                )
            ]
            never = len(recipients) - sum(counts[n.phone_number_id] for n in self.numbers)
            if never:  # imported from the phone, added by hand: the relay sends from its own number
                lines.append(
                    self.tr("%n never wrote to you: from the number your relay is set up with.", "", never)
                )
            self.note.setText(" ".join(lines[1:] if not parts else lines))
            return
        if not strangers:
            self.note.setText(
                with_particles(
                    self.tr("Every recipient has written to {0} before.").format(self.number_text(chosen))
                )
            )
            return
        self.note.setText(
            with_particles(
                self.tr(
                    "%n recipient(s) never wrote to {0}: it reaches them from a number they may not know, "
                    "and their replies come to {0}.",
                    "",
                    strangers,
                ).format(self.number_text(chosen))
            )
        )
