"""The campaign's cost note: what Meta charges, and a link to the price in Settings when none is set."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from babel import Locale
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.campaign_checks import Prices, estimate_cost
from app.campaigns import MARKETING, Member
from app.money import format_price
from app.phones import country_of
from app.wire import Template
from ui.country_articles import country_in_sentence
from ui.formatting import babel_locale_name, count_text
from ui.link_label import LinkLabel


def price_of(prices: Prices, t: Template) -> int | None:
    """The owner's price per message of the template's kind, or None when it is not set."""
    return prices.marketing_minor if t.category.upper() == MARKETING else prices.utility_minor


def _country_name(code: str) -> str:
    """The country's name in the owner's language ("영국", "United Kingdom"); its code when unnamed."""
    return str(Locale.parse(babel_locale_name()).territories.get(code, code))


class CostNote(QWidget):
    """`show_cost(template, recipients, prices, now)`; `cost_text()` says it for the last question too."""

    prices_requested = Signal(str)  # "marketing" or "utility": the price Settings should open at

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._category = MARKETING
        self.cost = QLabel(self)
        self.cost.setObjectName("campaignCost")
        self.cost.setWordWrap(True)
        self.cost.setTextFormat(Qt.TextFormat.PlainText)  # amounts and country names, never markup
        # No price set: a link to the very field in Settings, not a sentence to go and find it.
        self.price_link = LinkLabel(
            self.tr("Enter your price per message in Settings to see the cost."), "prices", self
        )
        self.price_link.setObjectName("campaignPriceLink")
        self.price_link.setWordWrap(True)
        self.price_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.price_link.setToolTip(self.tr("Opens Settings at the campaign prices"))
        self.price_link.linkActivated.connect(lambda _href: self._ask_for_prices())
        self.price_link.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.cost)
        layout.addWidget(self.price_link)

    def clear(self) -> None:
        self.cost.setText("")
        self.price_link.hide()

    def show_cost(
        self, t: Template, recipients: Sequence[Member], prices: Prices, now: datetime, *, shop_region: str
    ) -> None:
        self._category = t.category.upper()
        self.cost.setText(
            self.cost_text(t, recipients, prices, now, shop_region=shop_region, ask_for_price=False)
        )
        self.price_link.setVisible(price_of(prices, t) is None)

    def _ask_for_prices(self) -> None:
        self.prices_requested.emit("marketing" if self._category == MARKETING else "utility")

    def cost_text(
        self,
        t: Template,
        recipients: Sequence[Member],
        prices: Prices,
        start: datetime,
        *,
        shop_region: str,
        ask_for_price: bool = True,
    ) -> str:
        """What Meta charges for the campaign starting at `start`, and the price when one is set (the
        owner's price is for her shop's country, `shop_region`)."""
        estimate = estimate_cost(t.category, recipients, prices, start)
        # "1 marketing message", "1 goes": lupdate makes no plurals of a sentence with two counts.
        charged, free = count_text(estimate.charged), count_text(estimate.free)
        if t.category.upper() == MARKETING:
            text = (
                self.tr("Meta charges up to 1 marketing message (if delivered).")
                if estimate.charged == 1
                else self.tr("Meta charges up to {0} marketing messages (each one delivered).").format(
                    charged
                )
            )
        elif estimate.free == 0:
            text = (
                self.tr("Meta charges 1 utility message.")
                if estimate.charged == 1
                else self.tr("Meta charges {0} utility messages.").format(charged)
            )
        elif estimate.charged == 0:
            text = (
                self.tr("Meta charges nothing: the utility message goes inside an open window, free.")
                if estimate.free == 1
                else self.tr(
                    "Meta charges nothing: all {0} utility messages go inside an open window, free."
                ).format(free)
            )
        elif estimate.free == 1:
            text = (
                self.tr("Meta charges 1 utility message; 1 goes inside an open window, free.")
                if estimate.charged == 1
                else self.tr("Meta charges {0} utility messages; 1 goes inside an open window, free.").format(
                    charged
                )
            )
        else:
            text = (
                self.tr("Meta charges 1 utility message; {1} go inside an open window, free.")
                if estimate.charged == 1
                else self.tr("Meta charges {0} utility messages; {1} go inside an open window, free.")
            ).format(charged, free)
        total = estimate.total_minor
        if total is not None:
            price = format_price(total, estimate.currency, babel_locale_name())
            # One price per message for all: Meta's differs by the customer's country (a UK or a
            # Japanese number is not charged a Korean one's), and the app has no table of them.
            countries = {country_of(m.wa_id or "") for m in recipients}
            abroad = next(iter(countries)) if len(countries) == 1 else None
            if len(countries) > 1:
                text += " " + self.tr(
                    "About {0} at your one price per message: Meta's price differs by country, "
                    "and these customers are in {1} countries."
                ).format(price, len(countries))
            elif abroad is not None and abroad != shop_region.upper():
                # All in one other country (UK numbers at a won price): as imprecise, said the same way.
                text += " " + self.tr(
                    "About {0} at your one price per message: Meta's price differs by country, "
                    "and these customers are all in {1}."
                ).format(price, country_in_sentence(abroad, _country_name(abroad)))
            else:
                text += " " + self.tr("Estimated cost: {0}.").format(price)
        elif ask_for_price:  # shown on screen as the link of its own (price_link)
            text += " " + self.tr("Enter your price per message in Settings to see the cost.")
        return text
