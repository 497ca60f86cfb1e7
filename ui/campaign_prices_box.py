"""Settings' box for the owner's own price per template message, by category (none is built in)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from app.campaign_checks import Prices
from app.money import amount_to_minor, edit_amount


class CampaignPricesBox(QGroupBox):
    """`show_prices(prices)`, then `prices()` (raises InvalidInput for an amount that is not one)."""

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Campaign prices"), parent)
        self.setObjectName("campaignPrices")
        self.currency = currency
        self.marketing = QLineEdit(self)
        self.marketing.setObjectName("priceMarketing")
        self.utility = QLineEdit(self)
        self.utility.setObjectName("priceUtility")
        for edit in (self.marketing, self.utility):
            edit.setPlaceholderText(self.tr("Not set"))
            edit.setMaxLength(20)
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

    def _name_currency(self) -> None:
        self.marketing_label.setText(self.tr("Marketing ({0})").format(self.currency))
        self.utility_label.setText(self.tr("Utility ({0})").format(self.currency))

    def show_prices(self, prices: Prices) -> None:
        # Prices set in another currency stay in it (the shop's may have changed since): say which.
        self.currency = prices.currency if prices.marketing_minor or prices.utility_minor else self.currency
        self._name_currency()
        self.marketing.setText(
            edit_amount(prices.marketing_minor, self.currency) if prices.marketing_minor else ""
        )
        self.utility.setText(edit_amount(prices.utility_minor, self.currency) if prices.utility_minor else "")

    def prices(self) -> Prices:
        def minor(edit: QLineEdit) -> int | None:
            text = edit.text().strip()
            return amount_to_minor(text, self.currency) if text else None

        return Prices(self.currency, minor(self.marketing), minor(self.utility))
