"""A money field's row: the currency's mark before or after it, as the UI's locale writes a price."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from app.money import currency_marks
from ui.formatting import babel_locale_name


class MoneyRow(QHBoxLayout):
    """`field` between the marks of its currency ("3,000 원" in Korean, "£ 7.50" in English): the
    owner types the amount alone, and sees what it is in. The field's text stays the bare amount."""

    def __init__(self, field: QLineEdit, currency: str, parent: QWidget) -> None:
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        self.before = QLabel(parent)
        self.after = QLabel(parent)
        for mark in (self.before, self.after):
            mark.setTextFormat(Qt.TextFormat.PlainText)
        field.setAlignment(Qt.AlignmentFlag.AlignRight)  # amounts line up as a price list's do
        self.addWidget(self.before)
        self.addWidget(field, 1)
        self.addWidget(self.after)
        self.currency = ""
        self.show_currency(currency)

    def show_currency(self, currency: str) -> None:
        """The marks of `currency` (the order's lines may change it)."""
        if currency == self.currency:
            return
        self.currency = currency
        before, after = currency_marks(currency, babel_locale_name())
        for mark, text in ((self.before, before), (self.after, after)):
            mark.setText(text)
            mark.setVisible(bool(text))
