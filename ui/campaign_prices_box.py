"""Settings' box for the owner's own price per template message, by category (none is built in)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from app.campaign_checks import Prices
from app.money import amount_to_minor
from ui.formatting import amount_for_editing


class CampaignPricesBox(QGroupBox):
    """`show_prices(prices)`, then `prices()` (raises InvalidInput for an amount that is not one).

    Prices are in the shop's currency (`follow_shop_currency`, as it is chosen), except a price
    already there, stored or typed: it stays in the currency it was set in, and says which."""

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Campaign prices"), parent)
        self.setObjectName("campaignPrices")
        self.currency = self.shop_currency = currency
        self.marketing = QLineEdit(self)
        self.marketing.setObjectName("priceMarketing")
        self.utility = QLineEdit(self)
        self.utility.setObjectName("priceUtility")
        for edit in (self.marketing, self.utility):
            edit.setPlaceholderText(self.tr("Not set"))
            edit.setMaxLength(20)
            edit.textChanged.connect(lambda _text: self._follow())
        note = QLabel(
            self.tr(
                "What Meta charges you per delivered message, from your WhatsApp Manager invoices. "
                "Prices change and differ by country, so Shop Inbox has none built in."
            ),
            self,
        )
        note.setWordWrap(True)
        self.marketing_label, self.utility_label = QLabel(self), QLabel(self)
        self._name_currency()
        form = QFormLayout(self)
        form.addRow(self.marketing_label, self.marketing)
        form.addRow(self.utility_label, self.utility)
        form.addRow(note)

    def follow_shop_currency(self, currency: str) -> None:
        """The shop's currency as chosen (before it is saved): the prices' while none is set."""
        self.shop_currency = currency
        self._follow()

    def _follow(self) -> None:
        if not (self.marketing.text().strip() or self.utility.text().strip()):
            self.currency = self.shop_currency
        self._name_currency()

    def _name_currency(self) -> None:
        self.marketing_label.setText(self.tr("Marketing ({0})").format(self.currency))
        self.utility_label.setText(self.tr("Utility ({0})").format(self.currency))

    def show_prices(self, prices: Prices) -> None:
        # Prices set in another currency stay in it (the shop's may have changed since): say which.
        marketing, utility = (
            amount_for_editing(minor, prices.currency) if minor else ""
            for minor in (prices.marketing_minor, prices.utility_minor)
        )
        self.marketing.setText(marketing)
        self.utility.setText(utility)
        self.currency = prices.currency if marketing or utility else self.shop_currency
        self._name_currency()

    def prices(self) -> Prices:
        def minor(edit: QLineEdit) -> int | None:
            text = edit.text().strip()
            return amount_to_minor(text, self.currency) if text else None

        return Prices(self.currency, minor(self.marketing), minor(self.utility))
