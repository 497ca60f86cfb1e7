"""The shop's country (how phone numbers are written) and currency, chosen in setup and in Settings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from ui.formatting import babel_locale_name

# (ISO country, currency) pairs offered first; every other country with a phone numbering plan follows.
COUNTRIES: tuple[tuple[str, str], ...] = (
    ("KR", "KRW"),
    ("US", "USD"),
    ("GB", "GBP"),
    ("JP", "JPY"),
    ("DE", "EUR"),
    ("ES", "EUR"),
    ("FR", "EUR"),
    ("IN", "INR"),
    ("BR", "BRL"),
    ("ID", "IDR"),
    ("MX", "MXN"),
)
CURRENCIES = ("KRW", "USD", "EUR", "GBP", "JPY", "INR", "BRL", "IDR", "MXN")
# Where a computer says no country (the C locale): the shop Shop Inbox was first made for.
FALLBACK_PLACE = ("KR", "KRW")


def computer_place(system: QLocale | None = None) -> tuple[str, str]:
    """The country the computer is set to and its currency (en_GB: GB, GBP), the first guess for a new
    shop; Korea's when the computer names no country with phone numbers or a currency."""
    import phonenumbers

    system = system if system is not None else QLocale.system()
    if system.territory() == QLocale.Country.AnyTerritory:
        return FALLBACK_PLACE
    region = QLocale.territoryToCode(system.territory())
    currency = country_currency(region) if region in phonenumbers.SUPPORTED_REGIONS else None
    return (region, currency) if currency else FALLBACK_PLACE


def country_currency(code: str) -> str | None:
    """The currency a country pays in today (babel's territory data), None when it has none."""
    from babel.numbers import get_territory_currencies

    found = get_territory_currencies(code, date.today())
    return str(found[0]) if found else None


class ShopPlaceFields(QObject):
    """A country box and a currency box: choosing a country chooses its currency (which can be changed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import phonenumbers
        from babel import Locale

        self.country = QComboBox(parent)
        self.currency = QComboBox(parent)
        self.country.setObjectName("shopCountry")
        self.currency.setObjectName("shopCurrency")
        names = Locale.parse(babel_locale_name()).territories  # the countries in the owner's language
        first = [code for code, _ in COUNTRIES]
        for code in first:
            self.country.addItem(names.get(code, code), code)
        self.country.insertSeparator(self.country.count())
        others = sorted((names.get(code, code), code) for code in phonenumbers.SUPPORTED_REGIONS - set(first))
        for name, code in others:
            self.country.addItem(name, code)
        # The currency by its name in the owner's language, its code beside it ("대한민국 원 (KRW)").
        self._currency_names = Locale.parse(babel_locale_name()).currencies
        for code in CURRENCIES:
            self.currency.addItem(self._currency_label(code), code)
        self.country.currentIndexChanged.connect(self._country_changed)

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Countr&y"), self.country)
        form.addRow(self.tr("C&urrency"), self.currency)

    def choose(self, region: str, currency: str) -> None:
        """Show what is stored (without the country's currency overriding the stored one)."""
        self.country.blockSignals(True)
        found = self.country.findData(region)
        if found < 0 and region:
            self.country.addItem(region, region)  # a code this list lacks is kept, not changed to the first
            found = self.country.count() - 1
        self.country.setCurrentIndex(max(0, found))
        self.country.blockSignals(False)
        self._show_currency(currency)

    def _country_changed(self, _index: int) -> None:
        self._show_currency(country_currency(self.region) or "USD")

    def _show_currency(self, code: str) -> None:
        found = self.currency.findData(code)
        if found < 0:
            self.currency.addItem(self._currency_label(code), code)
            found = self.currency.count() - 1
        self.currency.setCurrentIndex(found)

    def _currency_label(self, code: str) -> str:
        name = self._currency_names.get(code)
        return f"{name} ({code})" if name and name != code else code

    @property
    def region(self) -> str:
        return str(self.country.currentData())

    @property
    def currency_code(self) -> str:
        return str(self.currency.currentData())
