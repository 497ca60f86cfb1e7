"""A label beside a money field: what was typed, as customers read a price (15,000원), while typing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.errors import InvalidInput
from app.money import amount_to_minor, format_price
from ui.formatting import babel_locale_name


class PricePreview(QLabel):
    """Follows `field` (and `currency()`, after `update_text` when the currency changes); empty while
    the amount cannot be read."""

    def __init__(self, field: QLineEdit, currency: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self._currency = currency
        self.setMinimumWidth(90)
        field.textChanged.connect(self.update_text)
        self.update_text()

    def update_text(self, *_: object) -> None:
        currency = self._currency().strip().upper()
        try:
            minor = amount_to_minor(self._field.text(), currency)
            self.setText(format_price(minor, currency, babel_locale_name()))
        except (InvalidInput, ValueError, LookupError):
            self.clear()
